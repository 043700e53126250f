#!/usr/bin/env python3
"""Read executed notebooks as a reader would and report what no reader should see.

Rules (each finding names its rule):
  seed-in-prose     "the seed" in a Markdown cell or a Markdown output: readers know "the tutorial".
  truncated-label   a chart (SVG output) with a text that ends in "..." or "…": a label cut short.
  raw-axis-title    a chart whose axis title is a raw column name (`cpu_pct`, `label`) instead of
                    words with units. Charts from org.pyport.chart mark their axis titles
                    (<g class="pyport-axis-title">); those must have two or more words and no "_".
                    In other SVGs, any text shaped like an identifier (`time_s`, `log10(threads)`) or
                    equal to a column header of a table shown in the same notebook counts.
  chart-title-desc  an SVG output without a <title> and a <desc> as children of its root.
  long-float        a number with more than 6 significant digits in an output table (an HTML
                    <table>, or a plain-text table with "|" columns and a "---" rule).
  machine-path      an absolute path of this machine in an output (/tmp/..., /root/..., the
                    repository's folder, the temp folder, a JDK's home...).
  unexpected-stderr text on stderr in a cell that is not tagged `expects-stderr`.

Usage: lint_notebooks.py NOTEBOOK_OR_FOLDER...
Prints one line per finding and a closing `lint: N notebooks, N findings`; exits 1 when any.
Standard library only, so it runs with any python3.
"""
import html.parser
import json
import os
import pathlib
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
STDERR_TAG = "expects-stderr"
AXIS_TITLE_CLASS = "pyport-axis-title"

SEED = re.compile(r"\bthe\s+seed\b", re.IGNORECASE)
# an identifier as a program would name a column: snake_case, or a call like log10(threads)
IDENTIFIER = re.compile(r"^(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Za-z]\w*\(\w+\))$")
FLOAT = re.compile(r"(?<![\w.])[-+]?\d[\d,]*\.\d+(?:[eE][-+]?\d+)?")
# absolute paths under the folders where a machine keeps its own things (the tutorial's own examples,
# like /Users/michael/test.txt, are prose, not outputs of this machine)
MACHINE_ROOTS = ("tmp", "var", "work", "home", "root", "usr", "opt", "private", "mnt", "srv", "run", "proc")
MACHINE_PATH = re.compile(r"(?<![\w.~<-])/(?:%s)(?:/[^\s'\"<>)\],;:|]+)+" % "|".join(MACHINE_ROOTS))
WINDOWS_PATH = re.compile(r"\b[A-Za-z]:\\(?:Users|Windows|Program Files|ProgramData)\\", re.IGNORECASE)
TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")


def local_paths():
    """This machine's own folders: whatever else, they must not show in an output."""
    here = pathlib.Path(__file__).resolve().parent.parent
    found = {str(here), tempfile.gettempdir(), str(pathlib.Path.home()), sys.prefix}
    found.update(v for k, v in os.environ.items() if k in ("JAVA_HOME", "TMPDIR") and v)
    return sorted(p for p in found if len(p) > 1)


def significant_digits(number):
    """Digits a printed number shows: 1.3428616666666668 -> 17, 0.00120 -> 3, 1,234.5 -> 5."""
    mantissa = re.split(r"[eE]", number.lstrip("+-"))[0].replace(",", "")
    return len(mantissa.replace(".", "").lstrip("0")) or 1


class HtmlTables(html.parser.HTMLParser):
    """Texts of the cells of every <table> of an HTML output."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.cell = None
        self.cells = []
        self.headers = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
        elif self.depth and tag in ("td", "th"):
            self.cell = (tag, [])

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth = max(0, self.depth - 1)
        elif self.cell is not None and tag == self.cell[0]:
            text = "".join(self.cell[1]).strip()
            (self.headers if tag == "th" else self.cells).append(text)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1].append(data)


def text_tables(text):
    """Lines of plain-text tables in `text`: runs of lines with "|" columns that include a "---" rule."""
    lines = text.splitlines()
    out, run = [], []
    for line in lines + [""]:
        if "|" in line or re.fullmatch(r"\s*[-+=|]{3,}\s*", line):
            run.append(line)
            continue
        if len(run) >= 3 and any(re.fullmatch(r"\s*[-+=|]{3,}\s*", l) for l in run):
            out.extend(run)
        run = []
    return out


def as_text(value):
    return "".join(value) if isinstance(value, list) else (value if isinstance(value, str) else json.dumps(value))


def svg_texts(root):
    """(text, inside an axis-title group) for every <text> of an SVG, in document order."""
    out = []

    def walk(el, in_title):
        cls = el.get("class", "").split()
        in_title = in_title or (el.tag == SVG_NS + "g" and AXIS_TITLE_CLASS in cls)
        if el.tag == SVG_NS + "text":
            out.append(("".join(el.itertext()).strip(), in_title))
        for child in el:
            walk(child, in_title)

    walk(root, False)
    return out


def in_words(title):
    """An axis title in words: two or more words and no snake_case."""
    return "_" not in title and len(title.split()) >= 2


class Linter:
    def __init__(self):
        self.paths = local_paths()
        self.findings = []

    def report(self, nb, cell, rule, detail):
        finding = (nb, cell, rule, detail)
        if finding not in self.findings:  # a table's HTML and text versions show the same numbers
            self.findings.append(finding)

    def lint(self, path):
        nb = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        name = pathlib.Path(path).name
        cells = nb.get("cells", [])
        headers = set()
        for cell in cells:
            for out in cell.get("outputs", []):
                html_out = out.get("data", {}).get("text/html")
                if html_out:
                    p = HtmlTables()
                    p.feed(as_text(html_out))
                    headers.update(h for h in p.headers if h)
        for number, cell in enumerate(cells, 1):
            where = (name, number)
            if cell.get("cell_type") == "markdown":
                self.prose(where, as_text(cell.get("source", "")))
                continue
            tags = cell.get("metadata", {}).get("tags", [])
            for out in cell.get("outputs", []):
                self.output(where, out, tags, headers)

    def prose(self, where, text):
        for m in SEED.finditer(text):
            self.report(*where, "seed-in-prose", excerpt(text, m.start(), m.end()))

    def output(self, where, out, tags, headers):
        kind = out.get("output_type")
        texts = []
        if kind == "stream":
            text = as_text(out.get("text", ""))
            texts.append(text)
            if out.get("name") == "stderr" and STDERR_TAG not in tags and text.strip():
                self.report(*where, "unexpected-stderr", first_line(text))
            self.table_floats(where, text_tables(text))
        elif kind == "error":
            texts.append("\n".join(out.get("traceback", [])))
        else:
            data = out.get("data", {})
            for mime in TEXT_MIMES:
                if mime in data:
                    texts.append(as_text(data[mime]))
            if "text/markdown" in data:
                self.prose(where, as_text(data["text/markdown"]))
            if "text/html" in data:
                p = HtmlTables()
                p.feed(as_text(data["text/html"]))
                self.table_floats(where, p.headers + p.cells)
            if "text/plain" in data:
                self.table_floats(where, text_tables(as_text(data["text/plain"])))
            if "image/svg+xml" in data:
                self.svg(where, as_text(data["image/svg+xml"]), headers)
        for text in texts:
            self.machine_paths(where, text)

    def table_floats(self, where, cells):
        for cell in cells:
            for m in FLOAT.finditer(cell):
                if significant_digits(m.group()) > 6:
                    self.report(*where, "long-float", "%s (%d significant digits)" % (m.group(), significant_digits(m.group())))

    def machine_paths(self, where, text):
        seen = set()
        for m in list(MACHINE_PATH.finditer(text)) + list(WINDOWS_PATH.finditer(text)):
            seen.add(m.group())
        for p in self.paths:
            for m in re.finditer(r"(?<![\w.~<-])%s(?=[/\s'\"<>),;:]|$)" % re.escape(p), text):
                if not any(m.group() in s for s in seen):
                    seen.add(m.group())
        for s in sorted(seen):
            self.report(*where, "machine-path", s)

    def svg(self, where, svg, headers):
        try:
            root = ET.fromstring(svg)
        except ET.ParseError as e:
            self.report(*where, "chart-title-desc", "SVG does not parse: %s" % e)
            return
        if root.find(SVG_NS + "title") is None or root.find(SVG_NS + "desc") is None:
            self.report(*where, "chart-title-desc", "no <title> and <desc> in the SVG")
        texts = svg_texts(root)
        marked = any(in_title for _, in_title in texts)
        for text, in_title in texts:
            if text.endswith("...") or text.endswith("…"):
                self.report(*where, "truncated-label", repr(text))
            if marked:
                if in_title and not in_words(text):
                    self.report(*where, "raw-axis-title", "axis title %r is not in words" % text)
            elif IDENTIFIER.match(text) or text in headers:
                self.report(*where, "raw-axis-title", "%r is a column name" % text)


def excerpt(text, start, end):
    return "…" + text[max(0, start - 40):end + 40].replace("\n", " ") + "…"


def first_line(text):
    line = text.strip().splitlines()[0]
    return line[:120]


def notebooks(args):
    for a in args:
        p = pathlib.Path(a)
        if p.is_dir():
            yield from sorted(p.glob("*.ipynb"))
        else:
            yield p


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    missing = [a for a in argv if not pathlib.Path(a).exists()]
    if missing:
        print("lint: no such notebook or folder: " + " ".join(missing))
        return 2
    linter = Linter()
    paths = list(notebooks(argv))
    if not paths:
        print("lint: no notebooks in " + " ".join(argv))
        return 2
    for p in paths:
        linter.lint(p)
    counts = {}
    for nb, cell, rule, detail in linter.findings:
        print("%s cell %d [%s] %s" % (nb, cell, rule, detail))
        counts[rule] = counts.get(rule, 0) + 1
    summary = ", ".join("%s %d" % kv for kv in sorted(counts.items()))
    print("lint: %d notebooks, %d findings%s" % (len(paths), len(linter.findings), " (" + summary + ")" if summary else ""))
    return 1 if linter.findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
