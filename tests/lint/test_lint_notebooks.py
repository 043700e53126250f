#!/usr/bin/env python3
"""The notebook lint (tools/lint_notebooks.py) on small notebooks: each rule fires on what it is for
and stays quiet on what a clean notebook shows. Standard library only."""
import contextlib
import importlib.util
import io
import json
import pathlib
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("lint_notebooks", ROOT / "tools" / "lint_notebooks.py")
lint = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lint)

SVG = "http://www.w3.org/2000/svg"


def svg(texts, axis_titles=(), title_desc=True):
    """An SVG like org.pyport.chart's: texts, axis titles in marked groups, <title> and <desc>."""
    head = "<title>t</title><desc>d</desc>" if title_desc else ""
    body = "".join("<text x='0' y='0'>%s</text>" % t for t in texts)
    marked = "".join("<g class='pyport-axis-title'><text>%s</text></g>" % t for t in axis_titles)
    return "<svg xmlns='%s' width='10' height='10'>%s%s%s</svg>" % (SVG, head, body, marked)


def display(data):
    return {"output_type": "display_data", "metadata": {}, "data": data}


def stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


def code(*outputs, tags=()):
    return {"cell_type": "code", "metadata": {"tags": list(tags)} if tags else {}, "source": "x",
            "outputs": list(outputs), "execution_count": 1}


def markdown(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


CLEAN_TABLE = ("<table><thead><tr><th>label</th><th>mean_ms</th></tr></thead>"
               "<tbody><tr><td>no lock</td><td>1.343</td></tr></tbody></table>")


class LintTest(unittest.TestCase):
    def findings(self, *cells):
        with tempfile.TemporaryDirectory() as d:
            p = pathlib.Path(d) / "nb.ipynb"
            p.write_text(json.dumps({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
            linter = lint.Linter()
            linter.lint(p)
            return [(cell, rule) for _, cell, rule, _ in linter.findings]

    def test_a_clean_notebook_has_no_findings(self):
        self.assertEqual([], self.findings(
            markdown("The tutorial's example, with a seed of 42 for the random numbers."),
            code(display({"text/html": CLEAN_TABLE, "text/plain": "label | mean_ms\n------+--------\nno lock | 1.343"})),
            code(display({"image/svg+xml": svg(["no lock (wrong", "result)", "1.343"], ["time per run (ms)"]),
                          "text/plain": "[chart]"})),
            code(stream("pi is 3.141592653589793, read from sandbox/a.txt\n")),   # prose numbers, relative paths
            code(stream("Warning: expected here\n", "stderr"), tags=["expects-stderr"])))

    def test_the_seed_in_prose(self):
        self.assertEqual([(1, "seed-in-prose")], self.findings(markdown("As the seed shows, ...")))
        self.assertEqual([(1, "seed-in-prose")], self.findings(code(display({"text/markdown": "The\nseed says"}))))

    def test_truncated_labels(self):
        self.assertEqual([(1, "truncated-label"), (1, "truncated-label")],
                         self.findings(code(display({"image/svg+xml": svg(["Pyth...", "Hazelca…", "ok"])}))))

    def test_raw_column_names_as_axis_titles(self):
        marked = svg(["Java"], ["mean_ms", "label"])
        self.assertEqual([(1, "raw-axis-title")] * 2, self.findings(code(display({"image/svg+xml": marked}))))
        # an unmarked chart: identifiers, and headers of the notebook's tables
        unmarked = svg(["cpu_pct", "log10(threads)", "label", "no lock"])
        self.assertEqual([(2, "raw-axis-title")] * 3, self.findings(
            code(display({"text/html": CLEAN_TABLE})), code(display({"image/svg+xml": unmarked}))))

    def test_svg_without_title_and_desc(self):
        self.assertEqual([(1, "chart-title-desc")],
                         self.findings(code(display({"image/svg+xml": svg(["a"], ["time (s)"], title_desc=False)}))))

    def test_long_floats_in_tables_html_and_text(self):
        html = CLEAN_TABLE.replace("1.343", "1.3428616666666668")
        self.assertEqual([(1, "long-float")], self.findings(code(display({"text/html": html}))))
        text = " kind | seconds\n------+--------\n  a   | 0.200137496\n"
        self.assertEqual([(1, "long-float")], self.findings(code(stream(text))))
        self.assertEqual([], self.findings(code(stream("not a table: 0.200137496\n"))))
        self.assertEqual(7, lint.significant_digits("3.284659"))
        self.assertEqual(3, lint.significant_digits("0.00120"))
        self.assertEqual(5, lint.significant_digits("1,234.5"))

    def test_machine_paths_in_outputs(self):
        found = self.findings(code(stream("cwd: /tmp/pyport-run-x/sandbox\n")),
                              code(display({"text/plain": "python: /root/.pyenv/versions/3.11.7/bin/python3"})),
                              code(stream("<root>some data</root>\n")),             # XML, not a path
                              code(stream("from %s\n" % ROOT)))
        self.assertEqual([(1, "machine-path"), (2, "machine-path"), (4, "machine-path")], found)

    def test_stderr_only_where_a_cell_expects_it(self):
        self.assertEqual([(1, "unexpected-stderr")], self.findings(code(stream("WARNING: x\n", "stderr"))))

    def test_the_command_exits_1_on_findings_and_0_when_clean(self):
        printed = io.StringIO()
        with tempfile.TemporaryDirectory() as d, contextlib.redirect_stdout(printed):
            bad = pathlib.Path(d) / "bad.ipynb"
            bad.write_text(json.dumps({"cells": [markdown("the seed")], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
            self.assertEqual(1, lint.main([d]))
            bad.write_text(json.dumps({"cells": [markdown("the tutorial")], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
            self.assertEqual(0, lint.main([d]))
            self.assertEqual(2, lint.main([str(pathlib.Path(d) / "missing")]))
            bad.unlink()
            self.assertEqual(2, lint.main([d]))   # a folder without notebooks: nothing was linted
        self.assertIn("bad.ipynb cell 1 [seed-in-prose]", printed.getvalue())
        self.assertIn("lint: 1 notebooks, 0 findings", printed.getvalue())


if __name__ == "__main__":
    unittest.main()
