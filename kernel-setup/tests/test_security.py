"""Messages with a wrong or missing HMAC signature are dropped; the kernel listens only on the connection ip."""
import os
import tempfile
import time
import unittest

import psutil
import zmq
from jupyter_client.session import Session

import kernel_client as k


class SecurityTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = k.start()
        cls.info = cls.km.get_connection_info()
        cls.tmp = tempfile.TemporaryDirectory()
        k.run(cls.kc, "1 + 1")

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        cls.tmp.cleanup()

    def send_forged(self, session, marker):
        """Sends an execute_request signed by `session` on a fresh shell connection; returns what came back."""
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        sock.linger = 0
        sock.connect(f"{self.info['transport']}://{self.info['ip']}:{self.info['shell_port']}")
        try:
            code = f'new java.io.File("{marker}").createNewFile();'
            msg = session.msg("execute_request", content={
                "code": code, "silent": False, "store_history": True, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": True})
            session.send(sock, msg)
            return sock.poll(3000)  # 0: nothing came back
        finally:
            sock.close()

    def assert_dropped(self, session, name):
        marker = os.path.join(self.tmp.name, name)
        self.assertEqual(self.send_forged(session, marker), 0, "the kernel answered a mis-signed request")
        time.sleep(0.5)
        self.assertFalse(os.path.exists(marker), "the kernel executed a mis-signed request")
        reply, outputs = k.run(self.kc, "6 * 7")  # still works for the real client
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "42")

    def test_wrong_key_is_dropped(self):
        self.assert_dropped(Session(key=b"not-the-key", signature_scheme=self.info["signature_scheme"]), "wrong-key")

    def test_unsigned_message_is_dropped(self):
        self.assert_dropped(Session(key=b"", signature_scheme=self.info["signature_scheme"]), "unsigned")

    def test_correctly_signed_message_runs(self):
        # the same forged-path code with the right key does run: the drops above are due to the signature
        marker = os.path.join(self.tmp.name, "signed")
        good = Session(key=self.info["key"], signature_scheme=self.info["signature_scheme"])
        self.assertNotEqual(self.send_forged(good, marker), 0)
        deadline = time.time() + 30
        while not os.path.exists(marker) and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(os.path.exists(marker))

    def test_listens_only_on_connection_ip(self):
        proc = psutil.Process(self.km.provisioner.process.pid)
        listening = [c for c in (proc.net_connections if hasattr(proc, "net_connections") else proc.connections)(kind="inet") if c.status == psutil.CONN_LISTEN]
        self.assertGreaterEqual(len(listening), 5)  # shell, control, stdin, hb, iopub
        for c in listening:
            self.assertEqual(c.laddr.ip, self.info["ip"], f"listening on {c.laddr}")


if __name__ == "__main__":
    unittest.main()
