"""Interrupting a running cell: it stops quickly, the kernel stays usable and goes back to idle CPU."""
import time
import unittest

import psutil

import kernel_client as k


def cell_thread_cpu(pid):
    """CPU seconds used so far by each thread the kernel runs cells on (Java names them pyport-cell-N)."""
    return k.thread_cpu(pid, ("pyport-cell", "spinner"))


class InterruptTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = k.start()
        cls.proc = psutil.Process(cls.km.provisioner.process.pid)
        k.run(cls.kc, "1 + 1")  # JShell started

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def interrupt_running(self, code):
        """Starts code, interrupts it once it is surely running, returns (seconds to stop, reply, outputs)."""
        msg_id = self.kc.execute(code)
        while True:  # wait for the kernel to be busy with this request
            msg = self.kc.get_iopub_msg(timeout=60)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "busy"):
                break
        time.sleep(1.0)
        start = time.time()
        self.km.interrupt_kernel()
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            outputs.append((msg["msg_type"], msg["content"]))
        stopped = time.time() - start
        reply = k.shell_reply(self.kc, msg_id, 30)["content"]
        return stopped, reply, outputs

    def assert_cpu_settles(self):
        """No thread running cell code keeps using CPU (JIT compiler threads may, for a while: not checked)."""
        before = cell_thread_cpu(self.proc.pid)
        time.sleep(2.0)
        after = cell_thread_cpu(self.proc.pid)
        busy = {k: after[k] - before.get(k, 0) for k in after if after[k] - before.get(k, 0) > 0.05}
        self.assertEqual(busy, {}, "cell threads still using CPU after the interrupt")

    def test_busy_loop_is_stopped(self):
        reply, _ = k.run(self.kc, "long x = 0;")
        self.assertEqual(reply["status"], "ok")
        stopped, reply, outputs = self.interrupt_running(
            '{ new Thread(() -> { while (true) { x ^= 1; } }, "spinner").start();\nwhile (true) { x ^= 1; } }')
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertLess(stopped, 2.0)
        reply, outputs = k.run(self.kc, "1 + 1")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "2")
        self.assert_cpu_settles()

    def test_sleep_is_stopped(self):
        stopped, reply, _ = self.interrupt_running("Thread.sleep(600_000);")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertLess(stopped, 2.0)

    def test_threads_left_running_are_reported(self):
        # a thread blocked in accept() survives the interrupt; it must be listed, not silently left
        k.run(self.kc, "java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());")
        try:
            stopped, reply, outputs = self.interrupt_running(
                '{ Thread t = new Thread(() -> { try { server.accept(); } catch (Exception e) { } }, "acceptor");\n'
                't.setDaemon(true); t.start();\n'
                'while (true) { Thread.onSpinWait(); } }')
            self.assertEqual(reply["ename"], "Interrupted")
            self.assertIn('"acceptor"', "\n".join(reply["traceback"]))
        finally:
            k.run(self.kc, "server.close();")

    def test_python_cell_is_stopped(self):
        stopped, reply, _ = self.interrupt_running("%%python\nimport time\ntime.sleep(600)")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertLess(stopped, 2.0)


if __name__ == "__main__":
    unittest.main()
