"""An interrupt always gives control back within 2 s, also where Java's interrupt cannot reach the cell's thread:
blocked in ServerSocket.accept() or a socket read(), in a synchronized deadlock, spinning inside JDK code, or while
the kernel itself still compiles the cell or shows its value. What could not be stopped is named in the error with
its top frames and how to free it; the next cell runs; threads that were stopped use no more CPU."""
import time
import unittest

import kernel_client as k

# java.util.regex memoizes (a+)+b since JDK 9 (the example ends at once); a backreference turns that off
RUNAWAY_REGEX = '"' + "a" * 40 + '!".matches("(a+)+\\\\1b")'
# javac takes exponential time to report the unknown method of nested calls: 20 levels take hours
ENDLESS_COMPILE = "f(" * 20 + "1" + ")" * 20 + ";"


class StuckInterruptTest(k.KernelTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pid = cls.km.provisioner.process.pid  # kernel.sh execs java: the same process

    def interrupt_after(self, code, delay, cell_runs, started_when):
        """Starts code and interrupts it `delay` s after it started, or after its cell thread started if cell_runs
        (the compilation before may take a while on a busy machine), or after it printed started_when; returns
        (seconds to the reply, reply)."""
        threads_before = set(k.thread_cpu(self.pid, ("pyport-cell",)))
        msg_id = self.kc.execute(code)
        while True:  # busy, or the text the code prints once it is where it is to be interrupted
            msg = self.kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if started_when is None and msg["msg_type"] == "status" and msg["content"]["execution_state"] == "busy":
                break
            if started_when is not None and msg["msg_type"] == "stream" and started_when in msg["content"]["text"]:
                break
        deadline = time.time() + 60
        while cell_runs and not set(k.thread_cpu(self.pid, ("pyport-cell",))) - threads_before:
            self.assertLess(time.time(), deadline, "the cell did not start")
            time.sleep(0.05)
        time.sleep(delay)
        start = time.time()
        self.km.interrupt_kernel()
        reply = k.shell_reply(self.kc, msg_id, 30)["content"]
        stopped = time.time() - start
        while True:  # and its idle
            msg = self.kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] == "stream":
                # a compilation stopped by the kernel must not look like a compiler bug
                self.assertNotIn("exception has occurred in the compiler", msg["content"]["text"])
        return stopped, reply

    def assert_interrupted(self, code, delay=0.5, cell_runs=True, started_when=None):
        stopped, reply = self.interrupt_after(code, delay, cell_runs, started_when)
        self.assertEqual(reply["status"], "error", reply)
        self.assertEqual(reply["ename"], "Interrupted", reply)
        self.assertLess(stopped, 2.0, "the interrupt took too long")
        self.assert_next_cell_runs()
        return "\n".join(reply["traceback"])

    def assert_next_cell_runs(self):
        reply, outputs = k.run(self.kc, "6 * 7", timeout=20)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "42")

    def assert_cpu_idle(self, prefixes=("pyport-cell", "pyport-shell")):
        before = k.thread_cpu(self.pid, prefixes)
        time.sleep(2.0)
        after = k.thread_cpu(self.pid, prefixes)
        busy = {t: after[t] - before.get(t, 0) for t in after if after[t] - before.get(t, 0) > 0.1}
        self.assertEqual(busy, {}, "threads still using CPU after the interrupt")

    def test_accept_on_the_cells_thread(self):
        k.run(self.kc, "ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());")
        try:
            text = self.assert_interrupted("server.accept();")
            self.assertIn('"pyport-cell-', text)
            self.assertIn("blocked in native code", text)
            self.assertIn("at java.net.ServerSocket.accept(", text)
            self.assertIn("close what it waits on", text)
        finally:
            k.run(self.kc, "server.close();")

    def test_socket_read(self):
        k.run(self.kc, "ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());\n"
                       "Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());")
        try:
            text = self.assert_interrupted("client.getInputStream().read();")
            self.assertIn("blocked in native code", text)
            self.assertIn(".read(", text)
        finally:
            k.run(self.kc, "client.close(); server.close();")

    def test_synchronized_deadlock(self):
        k.run(self.kc, "Object a = new Object(), b = new Object();\nCyclicBarrier both = new CyclicBarrier(2);")
        text = self.assert_interrupted(
            '{ Thread other = new Thread(() -> { synchronized (b) { try { both.await(); } catch (Exception e) { }'
            ' synchronized (a) { } } }, "holder-of-b"); other.start();\n'
            'synchronized (a) { both.await(); synchronized (b) { } } }')
        self.assertIn('held by "holder-of-b"', text)
        self.assertIn('"holder-of-b": waiting for a lock', text)
        self.assertIn("deadlock", text)

    def test_runaway_regex_inside_the_jdk_is_stopped(self):
        text = self.assert_interrupted(RUNAWAY_REGEX)
        self.assertNotIn("could not be stopped", text)
        self.assert_cpu_idle()

    def test_runaway_regex_on_a_thread_the_cell_started_is_stopped(self):
        text = self.assert_interrupted(
            '{ new Thread(() -> ' + RUNAWAY_REGEX + ', "regex-spinner").start(); while (true) Thread.sleep(50); }')
        self.assertNotIn("could not be stopped", text)
        self.assert_cpu_idle(("pyport-cell", "pyport-shell", "regex-spinner"))

    def test_a_compilation_that_does_not_end(self):
        self.assert_interrupted(ENDLESS_COMPILE, delay=1.0, cell_runs=False)
        self.assert_cpu_idle()

    def test_a_value_whose_toString_never_returns(self):
        # the value is shown by the kernel's thread, after the cell's code has returned
        self.assert_interrupted('new Object() { public String toString() {\n'
                                '  System.out.println("showing"); System.out.flush(); while (true) { } } }',
                                cell_runs=False, started_when="showing")
        self.assert_cpu_idle()


if __name__ == "__main__":
    unittest.main()
