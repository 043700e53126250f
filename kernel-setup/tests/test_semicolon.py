"""What a cell shows: a trailing ';' hides the value (IPython's rule), displays still appear."""
import unittest

import kernel_client as k


class TrailingSemicolonTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = k.start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def test_display_with_semicolon_shows_only_the_display(self):
        reply, outputs = k.run(self.kc, 'display("<b>x</b>", "text/html");')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual([t for t, _ in outputs], ["display_data"], outputs)
        self.assertIn("text/html", outputs[0][1]["data"])

    def test_display_without_semicolon_also_shows_its_id(self):
        _, outputs = k.run(self.kc, 'display("<b>x</b>", "text/html")')
        self.assertEqual([t for t, _ in outputs], ["display_data", "execute_result"], outputs)
        self.assertEqual(outputs[1][1]["data"]["text/plain"], outputs[0][1]["transient"]["display_id"])

    def test_expression_value_is_shown_without_semicolon_only(self):
        _, shown = k.run(self.kc, "int n = 20;\nn + 1")
        self.assertEqual([(t, c["data"]["text/plain"]) for t, c in shown], [("execute_result", "21")])
        reply, hidden = k.run(self.kc, "n + 1; // hidden")
        self.assertEqual((reply["status"], hidden), ("ok", []))


if __name__ == "__main__":
    unittest.main()
