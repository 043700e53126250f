"""stop_on_error, as ipykernel: when an execute request fails (or is interrupted), the execute requests already queued
behind it are answered 'aborted' and not run; requests sent after that run as usual. A failing request with
stop_on_error false aborts nothing."""
import time
import unittest

import kernel_client as k

SLOW_OK = 'Thread.sleep(500); ran.add("first");'  # long enough for the requests sent with it to be queued behind it
FAILS = 'if (ran.size() > 0) throw new IllegalStateException("boom");'
THIRD = 'ran.add("third"); System.out.println("third ran"); ran.size()'


class StopOnErrorTest(k.KernelTestCase):

    def setUp(self):
        reply, _ = k.run(self.kc, "java.util.List<String> ran = new java.util.ArrayList<>();")
        self.assertEqual(reply["status"], "ok")

    def send_at_once(self, cells):
        """Sends [(code, stop_on_error)] without waiting; returns {msg_id: (reply, [iopub (type, content)])}."""
        ids = [self.kc.execute(code, stop_on_error=stop) for code, stop in cells]
        replies = {i: k.shell_reply(self.kc, i, 60) for i in ids}
        iopub = {i: [] for i in ids}
        idle = set()
        deadline = time.time() + 60
        while idle != set(ids):
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            parent = msg["parent_header"].get("msg_id")
            if parent in iopub:
                iopub[parent].append((msg["msg_type"], msg["content"]))
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle.add(parent)
        return [(replies[i]["content"], iopub[i]) for i in ids]

    def ran(self):
        reply, outputs = k.run(self.kc, "ran")
        self.assertEqual(reply["status"], "ok")
        return outputs[-1][1]["data"]["text/plain"]

    def test_a_failing_cell_aborts_the_requests_queued_behind_it(self):
        (first, _), (failing, failing_out), (third, third_out) = self.send_at_once(
            [(SLOW_OK, True), (FAILS, True), (THIRD, True)])
        self.assertEqual([first["status"], failing["status"], third["status"]], ["ok", "error", "aborted"])
        self.assertEqual(failing["ename"], "java.lang.IllegalStateException")
        self.assertIn("error", [t for t, _ in failing_out])
        # as ipykernel: busy, idle and nothing else (no execute_input, output or result); no execution count
        self.assertEqual(third_out, [("status", {"execution_state": "busy"}), ("status", {"execution_state": "idle"})])
        self.assertNotIn("execution_count", third)
        self.assertEqual(self.ran(), "[first]")
        # the next request, sent once the kernel is idle, runs; the aborted one took no execution count
        reply, outputs = k.run(self.kc, THIRD)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(k.stdout_of(outputs), "third ran\n")
        self.assertEqual(reply["execution_count"], failing["execution_count"] + 2)  # + 1 for self.ran()

    def test_with_stop_on_error_false_the_next_cells_run(self):
        results = self.send_at_once([(SLOW_OK, False), (FAILS, False), (THIRD, False)])
        self.assertEqual([r["status"] for r, _ in results], ["ok", "error", "ok"])
        self.assertEqual(k.stdout_of(results[2][1]), "third ran\n")
        self.assertEqual(self.ran(), "[first, third]")

    def test_a_failure_with_stop_on_error_false_aborts_nothing(self):
        # JupyterLab sends stop_on_error false for a cell tagged raises-exception
        results = self.send_at_once([(SLOW_OK, True), (FAILS, False), (THIRD, True)])
        self.assertEqual([r["status"] for r, _ in results], ["ok", "error", "ok"])
        self.assertEqual(self.ran(), "[first, third]")

    def test_queued_requests_are_aborted_whatever_their_own_stop_on_error(self):
        # as ipykernel: a request's stop_on_error is about its own failure; once the queue is being aborted,
        # every execute request in it is aborted
        results = self.send_at_once([(SLOW_OK, True), (FAILS, True), (THIRD, False)])
        self.assertEqual([r["status"] for r, _ in results], ["ok", "error", "aborted"])
        self.assertEqual(self.ran(), "[first]")

    def test_other_requests_in_the_queue_are_answered(self):
        ids = [self.kc.execute(SLOW_OK), self.kc.execute(FAILS), self.kc.kernel_info(), self.kc.execute(THIRD)]
        replies = [k.shell_reply(self.kc, i, 60) for i in ids]
        self.assertEqual([r["msg_type"] for r in replies], ["execute_reply", "execute_reply", "kernel_info_reply",
                                                            "execute_reply"])
        self.assertEqual([r["content"]["status"] for r in replies], ["ok", "error", "ok", "aborted"])
        self.assertEqual(self.ran(), "[first]")

    def test_an_interrupted_cell_aborts_the_queue(self):
        sleeping = self.kc.execute("ran.add(\"first\"); Thread.sleep(600_000);")
        queued = self.kc.execute(THIRD)
        while True:  # wait for the kernel to run the sleeping cell
            msg = self.kc.get_iopub_msg(timeout=60)
            if (msg["parent_header"].get("msg_id") == sleeping and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "busy"):
                break
        time.sleep(1.0)
        self.km.interrupt_kernel()
        self.assertEqual(k.shell_reply(self.kc, sleeping, 30)["content"]["ename"], "Interrupted")
        self.assertEqual(k.shell_reply(self.kc, queued, 30)["content"]["status"], "aborted")
        self.assertEqual(self.ran(), "[first]")


if __name__ == "__main__":
    unittest.main()
