"""What a cell shows: IJava's rule, the value of its last expression also after a ';'; a display id that a display of
the same cell returned is not shown (it is recognised, not hidden by a ';')."""
import unittest

import kernel_client as k


class CellValueTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = k.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def test_display_shows_only_the_display_with_or_without_semicolon(self):
        for code in ('display("<b>x</b>", "text/html");', 'display("<b>x</b>", "text/html")'):
            reply, outputs = k.run(self.kc, code)
            self.assertEqual(reply["status"], "ok")
            self.assertEqual([t for t, _ in outputs], ["display_data"], (code, outputs))
            self.assertIn("text/html", outputs[0][1]["data"])

    def test_an_id_kept_from_an_earlier_cell_is_a_value(self):
        k.run(self.kc, 'String id = display("kept");')
        _, outputs = k.run(self.kc, "id")
        self.assertEqual([t for t, _ in outputs], ["execute_result"], outputs)

    def test_expression_value_is_shown_also_after_a_semicolon(self):
        _, shown = k.run(self.kc, "int n = 20;\nn + 1")
        self.assertEqual([(t, c["data"]["text/plain"]) for t, c in shown], [("execute_result", "21")])
        reply, also = k.run(self.kc, "n + 1; // IJava shows it")
        self.assertEqual([(t, c["data"]["text/plain"]) for t, c in also], [("execute_result", "21")])
        _, statement = k.run(self.kc, "int m = n + 1;")
        self.assertEqual(statement, [], "a declaration has no value")


if __name__ == "__main__":
    unittest.main()
