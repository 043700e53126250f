"""Output over the real protocol: background threads' text is not lost, a runaway print is cut with a note,
System.exit is refused, and the kernel stays usable after each."""
import time
import unittest

import kernel_client as k


def late_streams(kc, parent_id, seconds):
    """Stream text that arrives for request parent_id during the next `seconds`."""
    text = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        except Exception:  # queue.Empty: nothing more came
            break
        if msg["msg_type"] == "stream" and msg["parent_header"].get("msg_id") == parent_id:
            text.append(msg["content"]["text"])
    return "".join(text)


class OutputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = k.start()
        k.run(cls.kc, "1 + 1")

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def test_background_thread_output_reaches_its_cell(self):
        msg_id = self.kc.execute(
            'Thread late = new Thread(() -> { try { Thread.sleep(700); } catch (InterruptedException e) { }\n'
            '    System.out.println("printed after the cell ended"); });\n'
            'late.start();\nSystem.out.println("cell done");')
        reply = k.shell_reply(self.kc, msg_id)["content"]
        self.assertEqual(reply["status"], "ok")
        text = late_streams(self.kc, msg_id, 3.0)
        self.assertIn("cell done", text)
        self.assertIn("printed after the cell ended", text)

    def test_ten_megabyte_print_is_truncated_with_a_note(self):
        reply, outputs = k.run(self.kc, 'System.out.print("x".repeat(10_000_000)); System.out.println();', timeout=120)
        self.assertEqual(reply["status"], "ok")
        text = k.stdout_of(outputs)
        self.assertGreater(text.count("x"), 100_000, "some of the output is shown")
        self.assertLess(len(text), 2_000_000, "the front end does not get 10 MB")
        self.assertRegex(text, r"(?i)truncat|dropped|omitted", "the cut is said, not silent")
        reply, outputs = k.run(self.kc, 'System.out.println("still here");')
        self.assertEqual(k.stdout_of(outputs), "still here\n")

    def test_system_exit_is_a_clear_error(self):
        reply, outputs = k.run(self.kc, "System.exit(0);")
        self.assertEqual(reply["status"], "error")
        errors = [c for t, c in outputs if t == "error"]
        self.assertTrue(errors, "an error is shown")
        self.assertIn("exit", (errors[0]["ename"] + " " + errors[0]["evalue"]).lower())
        reply, outputs = k.run(self.kc, "40 + 2")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual([c["data"]["text/plain"] for t, c in outputs if t == "execute_result"], ["42"])

    def test_clear_output_clears_what_was_printed_before_it(self):
        reply, outputs = k.run(self.kc, 'System.out.println("gone"); clearOutput(); System.out.println("kept");')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual([c["wait"] for t, c in outputs if t == "clear_output"], [False])
        self.assertEqual(k.shown_stdout(outputs), "kept\n")

    def test_clear_output_wait_in_a_loop_leaves_the_last_step(self):
        # a progress line redrawn in place: every step's text must reach the front end before the next clear
        reply, outputs = k.run(self.kc, 'for (int i = 0; i < 50; i++) { clearOutput(true); System.out.println("step " + i); }')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual([c["wait"] for t, c in outputs if t == "clear_output"], [True] * 50)
        self.assertEqual(k.shown_stdout(outputs), "step 49\n")
        self.assertEqual(k.stdout_of(outputs).count("step"), 50, "no step is lost")

    def test_requests_without_history_do_not_advance_the_count(self):
        first, _ = k.run(self.kc, "1")
        msg_id = self.kc.execute("2", store_history=False)
        self.assertEqual(k.shell_reply(self.kc, msg_id)["content"]["status"], "ok")
        after, _ = k.run(self.kc, "3")
        self.assertEqual(after["execution_count"], first["execution_count"] + 1)


if __name__ == "__main__":
    unittest.main()
