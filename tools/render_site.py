#!/usr/bin/env python3
"""Render executed notebooks into a static site that works offline.

    render_site.py EXECUTED_DIR SITE_DIR

Writes one HTML page per notebook (nbconvert's lab template without any remote script), an
index page in seed order with each notebook's title and one-line summary, and prev/next/index
links on every page. Then checks the result: no page may load a script or stylesheet from the
network, and every SVG chart of a notebook must be present in its page.
"""
import html
import pathlib
import re
import sys

import nbformat
from nbconvert import HTMLExporter

HERE = pathlib.Path(__file__).resolve().parent
REMOTE = re.compile(r"""<(script|link|img)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", re.I)


def title_and_summary(nb, fallback):
    """The first markdown cell's heading, and the first sentence of the prose under it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [l.strip() for l in cell.source.splitlines()]
        title = next((l.lstrip("#").strip() for l in lines if l.startswith("#")), fallback)
        prose = " ".join(l for l in lines if l and not l.startswith(("#", "|", "```", ">", "-")))
        prose = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", prose)
        match = re.match(r"(.+?[。.!?！？])(\s|$)", prose)
        summary = match.group(1) if match else prose[:160]
        return title, summary
    return fallback, ""


def nav(pages, i):
    def link(j, label):
        if 0 <= j < len(pages):
            return f'<a href="{pages[j]["href"]}">{label} {html.escape(pages[j]["title"])}</a>'
        return "<span></span>"
    return (f'<nav class="pyport-nav">{link(i - 1, "←")}'
            f'<a href="index.html">目录 Contents</a>{link(i + 1, "→")}</nav>')


def svg_count(nb):
    return sum(1 for c in nb.cells if c.cell_type == "code"
               for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {}))


def main(executed_dir, site_dir):
    executed_dir, site_dir = pathlib.Path(executed_dir), pathlib.Path(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(executed_dir.glob("[0-9][0-9]-*.ipynb"))
    if not notebooks:
        sys.exit(f"render_site: no executed notebooks in {executed_dir}")
    pages = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        title, summary = title_and_summary(nb, path.stem)
        pages.append({"path": path, "nb": nb, "title": title, "summary": summary,
                      "href": path.stem + ".html"})

    exporter = HTMLExporter(template_name="pyport", extra_template_basedirs=[str(HERE / "site-template")])
    problems = []
    for i, page in enumerate(pages):
        body, _ = exporter.from_notebook_node(
            page["nb"], resources={"metadata": {"name": page["title"]}, "pyport_nav": nav(pages, i)})
        out = site_dir / page["href"]
        out.write_text(body, encoding="utf-8")
        for m in REMOTE.finditer(body):
            problems.append(f"{out.name}: loads from the network: {m.group(0)[:100]}")
        expected, found = svg_count(page["nb"]), body.count("<svg")
        if found < expected:
            problems.append(f"{out.name}: {expected} SVG outputs in the notebook, {found} in the page")

    rows = "\n".join(
        f'<li><a href="{p["href"]}">{html.escape(p["title"])}</a><br><small>{html.escape(p["summary"])}</small></li>'
        for p in pages)
    (site_dir / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>Python 基础, in Java</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}}li{{margin:.6em 0}}</style>
</head><body>
<h1>Python 基础, in Java</h1>
<p>A Java port of a Python tutorial: each page runs the Python original beside its Java port,
checks the two agree, and charts timing and CPU where the section is about speed or concurrency.</p>
<ol start="0">
{rows}
</ol></body></html>
""", encoding="utf-8")
    for p in problems:
        print("render_site: " + p)
    print(f"render_site: {len(pages)} pages and index.html in {site_dir}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
