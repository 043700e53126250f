"""The kernel names its threads for notebook code (system property pyport.kernelThreads), so the helper library's
LeakCheck, taken in a notebook's first cell, counts what the notebook left running and none of the threads the
kernel starts on the way (the output batcher, a %%python cell's output pumps, the interrupt watchdog)."""
import threading
import unittest

import kernel_client as k


class KernelThreadsTest(k.KernelTestCase):

    def run_ok(self, code):
        reply, outputs = k.run(self.kc, code)
        self.assertEqual(reply["status"], "ok", (code, outputs))
        return outputs

    def left(self):
        """The names of the threads the census counts now, one a line."""
        return k.stdout_of(self.run_ok(
            "census.newThreads().stream().map(Thread::getName).sorted().forEach(System.out::println);"))

    def test_the_kernels_threads_are_not_counted_a_notebooks_are(self):
        # the census comes first, before any output: every kernel thread below starts after it
        self.run_ok("import org.pyport.check.LeakCheck;\nLeakCheck census = LeakCheck.start();")
        self.assertIn("pyport-cell-", k.stdout_of(self.run_ok(
            'System.out.println(System.getProperty("pyport.kernelThreads"));')))
        self.run_ok("%%python\nprint('from python')")
        # an interrupt while a cell sleeps: the watchdog starts
        timer = threading.Timer(1.0, self.km.interrupt_kernel)
        timer.start()
        k.run(self.kc, "Thread.sleep(30_000);")
        timer.join()
        self.assertEqual(self.left(), "")
        # a thread the notebook starts and does not stop is counted, by name
        self.run_ok('Thread sleeper = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } },'
                    ' "notebook-sleeper");\nsleeper.start();')
        self.assertEqual(self.left(), "notebook-sleeper\n")
        self.run_ok("sleeper.interrupt();\nsleeper.join();")
        self.assertEqual(self.left(), "")


if __name__ == "__main__":
    unittest.main()
