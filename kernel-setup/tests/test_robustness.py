"""No request, cell or message can make the kernel deaf; a client reconnecting with a known ZMQ identity is
answered; the class folder of a killed kernel is removed by the next kernel that starts."""
import glob
import json
import os
import signal
import tempfile
import time
import unittest

import zmq
from jupyter_client.session import Session

import kernel_client as k


class HandlerFailureTest(k.KernelTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.info = cls.km.get_connection_info()

    def assert_answers(self):
        reply, outputs = k.run(self.kc, "1 + 1", timeout=20)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "2")

    def test_deep_nesting_is_a_clear_compilation_error(self):
        reply, outputs = k.run(self.kc, "int q = " + "(" * 3000 + "1" + ")" * 3000 + ";")
        self.assertEqual(reply["ename"], "CompilationError")
        self.assertIn("nested too deeply", reply["evalue"])
        self.assertIn("nested too deeply for the Java compiler", "\n".join(reply["traceback"]))
        self.assertEqual([t for t, _ in outputs], ["error"])
        self.assert_answers()

    def test_code_that_trips_jshell_is_a_compilation_error(self):
        for code in ("0x1F catch :: ?", "1L 1 try { this - var extends * : > x super ? package void ,"):
            reply, _ = k.run(self.kc, code)
            self.assertEqual(reply["ename"], "CompilationError", code)
            self.assert_answers()

    def test_a_message_nested_too_deep_is_dropped(self):
        session = Session(key=self.info["key"], signature_scheme=self.info["signature_scheme"])
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.linger = 0
        sock.connect(f"tcp://{self.info['ip']}:{self.info['shell_port']}")
        try:
            # metadata and content nested 100,000 deep (too deep for Python's json to build: bytes written here)
            header = json.dumps(session.msg_header("execute_request"), default=str).encode()
            content = b'{"code": "1", "user_expressions": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
            metadata = b'{"deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
            frames = [header, b"{}", metadata, content]
            sock.send_multipart([b"<IDS|MSG>", session.sign(frames)] + frames)
            time.sleep(1)
        finally:
            sock.close()
        self.assert_answers()


class OutOfMemoryTest(unittest.TestCase):
    """An out-of-memory cell is reported with the heap limit and how to raise it; the kernel stays usable and gives
    the memory back."""

    HOG = "{ List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 17]); }"  # 1 MB a step

    def test_an_out_of_memory_cell_is_reported_and_the_kernel_goes_on(self):
        km, kc = k.start()
        try:
            k.run(kc, "1 + 1")
            limit = k.run(kc, "Runtime.getRuntime().maxMemory()")[1][-1][1]["data"]["text/plain"]
            self.assertLessEqual(int(limit), 2 * 1024 ** 3 + 64 * 1024 ** 2, "the kernelspec's heap limit")
            for _ in range(3):
                reply, _ = k.run(kc, self.HOG, timeout=120)
                self.assertEqual(reply["ename"], "java.lang.OutOfMemoryError", reply)
                text = "\n".join(reply["traceback"])
                self.assertIn("Java heap space", text)
                self.assertIn("The kernel's heap is limited to", text)
                self.assertIn("PYPORT_JVM_OPTS=-Xmx4g", text)
                reply, outputs = k.run(kc, "1 + 1")
                self.assertEqual(outputs[-1][1]["data"]["text/plain"], "2")
            committed = k.run(kc, "Runtime.getRuntime().totalMemory()")[1][-1][1]["data"]["text/plain"]
            self.assertLess(int(committed), int(limit) / 2, "the heap given back after the cell failed")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


class RouterHandoverTest(unittest.TestCase):
    """A client that reconnects with the ZMQ identity of one that went away (without closing) is answered."""

    def test_a_new_client_with_the_same_identity_is_answered(self):
        km, kc = k.start()
        try:
            info = km.get_connection_info()
            session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
            ctx = zmq.Context()

            def client():
                sock = ctx.socket(zmq.DEALER)
                sock.linger = 0
                sock.setsockopt(zmq.IDENTITY, b"same-identity")
                sock.connect(f"tcp://{info['ip']}:{info['shell_port']}")
                return sock

            def answered(sock):
                session.send(sock, session.msg("kernel_info_request"))
                return sock.poll(10_000) != 0

            first = client()
            self.assertTrue(answered(first))
            second = client()  # the first is still connected, as after a client that vanished without closing
            self.assertTrue(answered(second), "the new client with the same identity got no reply")
            first.close()
            second.close()
            ctx.term()
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


class StaleFolderTest(unittest.TestCase):
    """The cell class folder of a killed kernel is removed when the next kernel starts (same temp dir)."""

    def test_the_folder_of_a_killed_kernel_is_removed(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, TMPDIR=tmp)
            km, kc = k.start(env=env)
            k.run(kc, "class Kept { }")  # a class file in the folder
            folders = glob.glob(os.path.join(tmp, "pyport-cells*"))
            self.assertEqual(len(folders), 1, folders)
            os.kill(km.provisioner.process.pid, signal.SIGKILL)  # no chance to clean up
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            self.assertTrue(os.path.isdir(folders[0]), "the killed kernel could not have removed it")
            km, kc = k.start(env=env)
            try:
                deadline = time.time() + 20
                while os.path.exists(folders[0]) and time.time() < deadline:
                    time.sleep(0.1)
                self.assertFalse(os.path.exists(folders[0]), "the stale folder is still there")
                mine = glob.glob(os.path.join(tmp, "pyport-cells*"))
                self.assertEqual(len(mine), 1, "the new kernel's own folder")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=False)
            self.assertEqual(glob.glob(os.path.join(tmp, "pyport-cells*")), [], "removed at shutdown")


if __name__ == "__main__":
    unittest.main()
