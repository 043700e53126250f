#!/usr/bin/env python3
"""The PDF book, read back with poppler (pdfinfo, pdftotext, pdftoppm, pdffonts), against the executed notebooks.

    check_pdf.py BOOK.pdf EXECUTED_DIR

  * at least one page per notebook;
  * each chapter's title in the PDF's text, each on a page that opens a chapter ("Chapter N");
  * every chart of every notebook printed: its caption ("Figure N.k") on a page of its chapter, and the area
    above the caption, rendered to pixels, holds the chart's coloured drawing (bars, lines, markers), not
    only white paper or black text;
  * the Chinese text set in a CJK font (WenQuanYi embedded), so it prints as glyphs, not boxes.
Prints one line per check and `pdf: N passed, N failed`; exits 1 when any failed.
"""
import html
import json
import pathlib
import re
import subprocess
import sys

CHART_HEIGHT_PT = 300    # the area above a caption that holds its chart (a 640×360 chart is 480×270 pt)
MIN_COLOUR_SHARE = 0.0005  # share of that area's pixels in colour (the charts draw each series in a colour)


def run(*cmd, text=True):
    return subprocess.run(cmd, capture_output=True, text=text, check=True).stdout


def notebook_facts(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    title = path.stem
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            heading = next((l for l in source.splitlines() if l.startswith("# ")), None)
            if heading:
                title = re.sub(r"[*_`]", "", heading[2:]).strip()
            break
    charts = sum(1 for c in nb["cells"] if c["cell_type"] == "code"
                 for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {}))
    return {"number": int(path.name[:2]), "title": title, "charts": charts}


def squeeze(text):
    return re.sub(r"\s+", "", text)


def words_by_page(pdf):
    """[(page width, page height, [(xMin, yMin, xMax, yMax, word), ...]), ...] from pdftotext -bbox."""
    out = run("pdftotext", "-bbox", str(pdf), "-")
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


def colour_share(pdf, page, x, y, w, h):
    """Share of pixels in colour (not white, grey or black) in a region of a page, rendered at 72 dpi."""
    ppm = run("pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-x", str(int(x)), "-y", str(int(y)),
              "-W", str(int(w)), "-H", str(int(h)), str(pdf), text=False)
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", ppm)
    width, height = int(m.group(1)), int(m.group(2))
    data = ppm[m.end():]
    coloured = sum(1 for i in range(0, len(data) - 2, 3)
                   if max(data[i], data[i + 1], data[i + 2]) - min(data[i], data[i + 1], data[i + 2]) > 60)
    return coloured / max(1, width * height)


def main(pdf, executed_dir):
    pdf, executed_dir = pathlib.Path(pdf), pathlib.Path(executed_dir)
    notebooks = [notebook_facts(p) for p in sorted(executed_dir.glob("[0-9][0-9]-*.ipynb"))]
    results = []

    def check(ok, what):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + what)

    info = run("pdfinfo", str(pdf))
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    check(count >= len(notebooks), f"{count} pages for {len(notebooks)} notebooks")

    pages = words_by_page(pdf)
    texts = [" ".join(w[4] for w in words) for _, _, words in pages]
    openings = {}  # chapter number -> index of the page that opens it
    for i, text in enumerate(texts):
        m = re.match(r"Chapter (\d+)\b", text)
        if m:
            openings.setdefault(int(m.group(1)), i)
    starts = sorted(openings.values()) + [len(pages)]
    for nb in notebooks:
        start = openings.get(nb["number"])
        if start is None:
            check(False, f"chapter {nb['number']} ({nb['title']}): no page opens it")
            continue
        end = starts[starts.index(start) + 1]
        check(squeeze(nb["title"]) in squeeze(texts[start]),
              f"chapter {nb['number']}: its title '{nb['title']}' on its first page ({start + 1})")
        if not nb["charts"]:
            continue
        drawn = []
        for k in range(1, nb["charts"] + 1):
            label = f"{nb['number']}.{k}"
            where = None
            for p in range(start, end):
                width, _, words = pages[p]
                for a, b in zip(words, words[1:]):
                    if a[4] == "Figure" and b[4] == label and abs(a[1] - b[1]) < 2:
                        where = (p, width, a[1])
                        break
                if where:
                    break
            if not where:
                check(False, f"figure {label}: no caption in chapter {nb['number']} (pages {start + 1}-{end})")
                continue
            p, width, top = where
            y0 = max(0, top - CHART_HEIGHT_PT)
            share = colour_share(pdf, p + 1, 0, y0, width, top - y0)
            ok = share >= MIN_COLOUR_SHARE
            drawn.append(ok)
            check(ok, f"figure {label} on page {p + 1}: its chart has {share * 100:.1f}% coloured pixels")
        check(any(drawn), f"chapter {nb['number']}: at least one page with a chart ({sum(drawn)} of {nb['charts']})")

    fonts = run("pdffonts", str(pdf))
    check("WenQuanYi" in fonts, "a CJK font (WenQuanYi) is embedded for the Chinese text")
    passed, failed = sum(results), len(results) - sum(results)
    print(f"pdf: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
