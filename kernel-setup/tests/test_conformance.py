"""The official Jupyter kernel conformance suite (jupyter_kernel_test) against the installed 'java' kernel."""
import unittest

import jupyter_kernel_test as jkt


class JavaKernelConformance(jkt.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("this goes to stderr");'
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc".toUpperCase()', "result": "ABC"},
        {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display("plain words");', "mime": "text/plain"},
    ]
    completion_samples = [
        {"text": "Math.floorM", "matches": {"floorMod("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]
    complete_code_samples = ["int x = 1;", "1 + 1", "void f() { }", "%%python\nprint(1)"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "class A {"]
    invalid_code_samples = ["int x = ;)", "}"]
    code_inspect_sample = "Math.max"
    code_clear_output = 'System.out.println("soon gone"); clearOutput();'
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 * 7"

    def test_pager(self):
        raise unittest.SkipTest("no pager: the message spec deprecates execute_reply payloads, and help is shown "
                                "through inspect_request (test_inspect_shows_javadoc_of_a_class_and_a_field)")

    def inspect_text(self, code):
        self.flush_channels()
        reply = self.kc.inspect(code, len(code), detail_level=0, reply=True, timeout=60)["content"]
        self.assertEqual(reply["status"], "ok")
        self.assertTrue(reply["found"], code)
        return reply["data"]["text/plain"]

    def test_inspect_shows_javadoc_of_a_class_and_a_field(self):
        self.assertIn("represents character strings", self.inspect_text("String"))
        text = self.inspect_text("System.out")
        self.assertIn("java.io.PrintStream", text)
        self.assertIn("standard", text)


if __name__ == "__main__":
    unittest.main()
