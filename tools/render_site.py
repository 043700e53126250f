#!/usr/bin/env python3
"""Render the executed notebooks into a static site that works offline, and the book the PDF is printed from.

    render_site.py EXECUTED_DIR SITE_DIR

SITE_DIR gets:
  index.html         the collection in the tutorial's order, one line each, and a search box
  NN-name.html       one page per notebook: title, what the reader will learn, its sections, prev/next and
                     index links, a download link for the executed notebook, a footer with the run's date,
                     JDK and Python; %%python cells highlighted as Python, Java as Java, charts inline
  book.html          every chapter on one page with a table of contents: what tools/make_pdf.py prints
  notebooks/*.ipynb  the executed notebooks, for download
  assets/            the stylesheets (screen and print), the search script and its index

Made with nbconvert 7 and the template in tools/site-template/pyport (README, "Publishing", says why this
tool). Nothing is loaded from the network. The run's date is the newest executed notebook's; the JDK is the
one of the kernel that ran them, the Python the one its %%python cells run (render right after the run, as
`make run` does). Then it checks what it wrote and exits 1 on a problem: a page that loads anything from the
network, a chart of the notebook missing from its page, a Pygments error token.
"""
import html
import json
import math
import os
import pathlib
import re
import shutil
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timezone

import nbconvert
import nbformat
from jupyter_core.paths import jupyter_path
from nbconvert import HTMLExporter

HERE = pathlib.Path(__file__).resolve().parent
TEMPLATES = HERE / "site-template"
BOOK_TITLE = "Python 基础, in Java"
BOOK_BLURB = ("A Java port of a Python tutorial: each chapter runs the Python original beside its Java port, "
              "checks that the two agree, and charts timing and CPU where the section is about speed or concurrency.")
REMOTE = re.compile(r"""<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", re.I)
CSS_REMOTE = re.compile(r"""(@import|url\()\s*["']?(https?:)?//""", re.I)
PYGMENTS_ERROR = re.compile(r'<span class="err">')
MAGIC = re.compile(r"^%%(\S+)[^\n]*")


@dataclass
class Page:
    path: pathlib.Path
    nb: nbformat.NotebookNode
    number: int
    title: str
    summary: str
    href: str
    charts: int = 0
    sections: list = field(default_factory=list)


# --- reading the notebooks ---------------------------------------------------------------------------------

def strip_markdown(text):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def title_and_summary(nb, fallback):
    """The first markdown cell's heading, and a sentence of the prose under it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [l.strip() for l in cell.source.splitlines()]
        title = next((l.lstrip("#").strip() for l in lines if l.startswith("#")), fallback)
        prose = strip_markdown(" ".join(l for l in lines if l and not l.startswith(("#", "|", "```", ">", "-"))))
        # the sentence that says what the notebook does, else the first (and the next when the first is a
        # quote from the tutorial with no English)
        sentences = [x.strip() for x in re.findall(r".+?[。.!?！？]\)?(?=\s|$)", prose)] or [prose[:160]]
        summary = next((x for x in sentences if re.match(r"This (notebook|chapter)\b", x)), sentences[0])
        if len(re.findall(r"\b[A-Za-z]{3,}\b", summary)) < 4 and len(sentences) > 1:
            summary += " " + sentences[1]
        return strip_markdown(title), summary.strip()
    return fallback, ""


def load_pages(executed_dir):
    pages = []
    for path in sorted(executed_dir.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        title, summary = title_and_summary(nb, path.stem)
        pages.append(Page(path, nb, int(path.name[:2]), title, summary, path.stem + ".html"))
    return pages


def run_facts(executed_dir, pages):
    """The run's date, JDK and Python, for the footer."""
    newest = max(p.path.stat().st_mtime for p in pages)
    facts = {"date": datetime.fromtimestamp(newest, timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
             "jdk": "unknown", "python": "unknown", "nbconvert": nbconvert.__version__}
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        name = pages[0].nb.metadata.get("kernelspec", {}).get("name", "java")
        spec = KernelSpecManager().get_kernel_spec(name)
        meta = spec.metadata.get("pyport", {})
        facts["jdk"] = meta.get("java_runtime") or meta.get("java_version") or facts["jdk"]
    except Exception as e:  # a missing kernelspec must not stop the site; the footer says "unknown"
        print(f"render_site: no JDK version from the kernelspec ({e})")
    python = os.environ.get("PYPORT_PYTHON") or shutil.which("python3")
    if python:
        out = subprocess.run([python, "-c", "import platform; print(platform.python_implementation(), "
                              "platform.python_version())"], capture_output=True, text=True, timeout=30)
        if out.returncode == 0:
            facts["python"] = out.stdout.strip()
    return facts


# --- preparing a notebook for display ----------------------------------------------------------------------

def people(number):
    """A float as people read it: 4 significant digits, thousands separated, no trailing zeros."""
    x = float(number)
    if x == 0 or not math.isfinite(x):
        return number
    decimals = 3 - math.floor(math.log10(abs(x)))
    rounded = round(x, decimals)
    if decimals <= 0:
        return f"{int(rounded):,}"
    text = f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")
    return text


def significant_digits(number):
    return len(number.replace("-", "").replace(".", "").lstrip("0"))


TABLE_NUMBER = re.compile(r'(<td style="text-align:right">)(-?\d+\.\d+(?:[eE][-+]?\d+)?)(</td>)')


def format_table_floats(table_html):
    """Floats of the collection's tables (class pyport-table) with 4 significant digits; other HTML is left."""
    if "pyport-table" not in table_html:
        return table_html
    return TABLE_NUMBER.sub(lambda m: m.group(1) + (people(m.group(2)) if significant_digits(m.group(2)) > 4
                                                    else m.group(2)) + m.group(3), table_html)


SVG_ID = re.compile(r"""(\bid=|url\(#|href=)(['"]?)#?([A-Za-z_][\w.-]*)""")


def inline_svg(svg, prefix):
    """The chart's SVG ready to inline: ids unique in the book (every notebook numbers its charts from 1) and
    a viewBox, so that it scales down on a narrow screen or page."""
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", svg)
    ids = set(re.findall(r"""\bid=['"]([^'"]+)['"]""", svg))

    def rename(m):
        attr, quote, name = m.groups()
        if name not in ids:
            return m.group(0)
        hash_ = "#" if attr != "id=" else ""
        return f"{attr}{quote}{hash_}{prefix}{name}"
    svg = SVG_ID.sub(rename, svg)
    head = re.match(r"<svg\b[^>]*>", svg)
    if head and "viewBox" not in head.group(0):
        w = re.search(r"""\bwidth=['"]([\d.]+)""", head.group(0))
        h = re.search(r"""\bheight=['"]([\d.]+)""", head.group(0))
        if w and h:
            svg = svg.replace("<svg", f"<svg viewBox='0 0 {w.group(1)} {h.group(1)}'", 1)
    return svg


def prepare(page):
    """A copy of the notebook with what the template needs: each code cell's language and magic line, charts
    numbered and ready to inline, tables' floats for people, the intro cell marked."""
    nb = nbformat.from_dict(json.loads(json.dumps(page.nb)))
    default = nb.metadata.get("language_info", {}).get("name") or "java"
    first_markdown = True
    for cell in nb.cells:
        if cell.cell_type == "markdown" and first_markdown:
            first_markdown = False
            lines = cell.source.split("\n")
            heading = next((i for i, l in enumerate(lines) if l.startswith("# ")), None)
            if heading is not None:  # the title, then the introduction (what the reader will learn)
                cell.source = "\n".join(lines[:heading + 1])
                intro = nbformat.v4.new_markdown_cell("\n".join(lines[heading + 1:]).strip())
                # labelled, unless the notebook's introduction says "What you will learn" itself
                labelled = not re.search(r"what you will learn", intro.source, re.I)
                intro.metadata["pyport"] = {"intro": True, "label": "What you will learn" if labelled else ""}
                nb.cells.insert(nb.cells.index(cell) + 1, intro)
            continue
        if cell.cell_type != "code":
            continue
        magic = MAGIC.match(cell.source)
        language = "python" if magic and magic.group(1) == "python" else default
        cell.metadata["pyport"] = {
            "language": language, "label": "Python" if language == "python" else language.capitalize(),
            "magic": magic.group(0) if magic else "",
            "body": cell.source[magic.end():].lstrip("\n") if magic else cell.source}
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                page.charts += 1
                figure = f"{page.number}.{page.charts}"
                output.setdefault("metadata", {})["pyport"] = {
                    "figure": figure, "figure_id": f"figure-{page.number}-{page.charts}",
                    "svg": inline_svg(data["image/svg+xml"], f"c{page.number:02d}-")}
            if "text/html" in data:
                data["text/html"] = format_table_floats(data["text/html"])
    return nb


# --- the page around the cells -----------------------------------------------------------------------------

HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', re.S)


def heading_text(inner):
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="anchor-link".*?</a>', "", inner))).strip()


def headings(body, prefix=None):
    """Give every heading a unique id and list the chapter's sections (h2, h3). On a page the id is the
    heading's text (nbconvert percent-encodes it; 多线程 reads better in a link); in the book, where the
    chapters share a page, it is PREFIX and a number (short names for the PDF's link destinations). Links to
    a heading follow it."""
    seen, sections, renames = set(), [], {}

    def fix(m):
        level, old, inner = m.groups()
        new = prefix + str(len(seen) + 1) if prefix else urllib.parse.unquote(old)
        while new in seen:
            new += "-2"
        seen.add(new)
        renames.setdefault(old, new)
        if level in ("2", "3"):
            sections.append((int(level), new, heading_text(inner)))
        return f'<h{level} id="{html.escape(new)}">{inner}</h{level}>'
    body = HEADING.sub(fix, body)

    def relink(m):
        target = renames.get(m.group(1)) or renames.get(urllib.parse.quote(html.unescape(m.group(1)),
                                                                          safe="?/:@!$&'()*+,;="))
        return f'href="#{html.escape(target)}"' if target else m.group(0)
    return re.sub(r'href="#([^"]+)"', relink, body), sections


def toc_html(sections):
    items, open_sub = [], False
    for level, anchor, text in sections:
        link = f'<a href="#{html.escape(anchor)}">{html.escape(text)}</a>'
        if level == 3:
            items.append(("<ul>" if not open_sub else "") + f"<li>{link}</li>")
            open_sub = True
        else:
            items.append(("</ul></li>" if open_sub else ("</li>" if items else "")) + f"<li>{link}")
            open_sub = False
    if items:
        items.append("</ul></li>" if open_sub else "</li>")
    return ('<nav class="pyport-sections" aria-label="Sections"><h2 class="pyport-aside-title">'
            'Sections in this chapter</h2><ol>' + "".join(items) + "</ol></nav>")


def chapter_label(page, total):
    return "Welcome" if page.number == 0 else f"Chapter {page.number} of {total}"


def pager(pages, i):
    def link(j, rel, arrow):
        if 0 <= j < len(pages):
            p = pages[j]
            label = f"{arrow} {html.escape(p.title)}" if arrow == "←" else f"{html.escape(p.title)} {arrow}"
            return f'<a rel="{rel}" class="pyport-{rel}" href="{p.href}">{label}</a>'
        return "<span></span>"
    return (f'<nav class="pyport-pager" aria-label="Chapters">{link(i - 1, "prev", "←")}'
            f'<a class="pyport-index" href="index.html">目录 Contents</a>{link(i + 1, "next", "→")}</nav>')


def top_bar():
    return ('<header class="pyport-top"><a class="pyport-home" href="index.html">' + html.escape(BOOK_TITLE) +
            '</a><form class="pyport-search" role="search" onsubmit="return false">'
            '<input type="search" placeholder="Search the collection" aria-label="Search the collection">'
            '<div class="pyport-results" hidden></div></form></header>')


def sidebar(pages, current):
    current_attrs = ' class="pyport-current" aria-current="page"'
    items = "".join(
        f'<li{current_attrs if p is current else ""}>'
        f'<a href="{p.href}"><span class="pyport-num">{p.number:02d}</span> {html.escape(p.title)}</a></li>'
        for p in pages)
    return f'<nav class="pyport-sidebar" aria-label="The collection"><ol>{items}</ol></nav>'


def footer(facts):
    return (f'<footer class="pyport-footer">Executed on {facts["date"]} · JDK: {html.escape(facts["jdk"])} · '
            f'Python: {html.escape(facts["python"])} · rendered with nbconvert {facts["nbconvert"]}</footer>')


def link_notebooks(body, pages, book):
    """Links between notebooks (NN-name.ipynb) go to the pages, or in the book to the chapters."""
    stems = {p.path.stem: p for p in pages}

    def relink(m):
        stem, anchor = m.group(1), m.group(2) or ""
        if stem not in stems:
            return m.group(0)
        return f'href="#chapter-{stems[stem].number}"' if book else f'href="{stem}.html{anchor}"'
    return re.sub(r'href="(\d\d-[\w-]+)\.ipynb(#[^"]*)?"', relink, body)


# --- the whole site ----------------------------------------------------------------------------------------

def write_assets(site_dir):
    assets = site_dir / "assets"
    assets.mkdir(exist_ok=True)
    lab = next(pathlib.Path(d) for d in jupyter_path("nbconvert", "templates", "lab")
               if (pathlib.Path(d) / "static" / "index.css").is_file())
    from pygments.formatters import HtmlFormatter
    try:
        from jupyterlab_pygments import JupyterStyle as style
    except ImportError:
        style = "default"
    css = [(lab / "static" / "index.css").read_text(encoding="utf-8"),
           (lab / "static" / "theme-light.css").read_text(encoding="utf-8"),
           HtmlFormatter(style=style).get_style_defs(".highlight")]
    (assets / "jupyterlab.css").write_text("\n".join(css), encoding="utf-8")
    for name in ("site.css", "search.js"):
        shutil.copy(TEMPLATES / "assets" / name, assets / name)


def search_index(pages, bodies):
    """One entry per section of every page: its title, anchor and text, for the offline search box."""
    entries = []
    for page in pages:
        body = bodies[page.href]
        parts = re.split(r'(<h[1-3] id="[^"]+">.*?</h[1-3]>)', body, flags=re.S)
        anchor, heading = "", page.title
        for part in parts:
            m = re.match(r'<h[1-3] id="([^"]+)">(.*?)</h[1-3]>', part, re.S)
            if m:
                anchor, heading = html.unescape(m.group(1)), heading_text(m.group(2))
                continue
            text = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", part, flags=re.S)
            text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))).strip()
            if anchor:  # what comes before the title is the kicker
                entries.append({"page": page.href, "chapter": page.title, "section": heading,
                                "anchor": anchor, "text": text[:4000]})
    return "window.PYPORT_SEARCH = " + json.dumps(entries, ensure_ascii=False) + ";\n"


def cells_html(exporter, page):
    """The notebook's cells, rendered once for both the page and the book chapter."""
    page.charts = 0
    resources = {"metadata": {"name": page.title}}
    body, _ = exporter.from_notebook_node(prepare(page), resources=resources)
    return body


def page_html(cells, page, pages, i, facts):
    """The page of a notebook, and its content (the cells, for the checks and the search index)."""
    body, page.sections = headings(cells)
    kicker = (f'{html.escape(chapter_label(page, len(pages) - 1))} · <a class="pyport-download" download '
              f'href="notebooks/{page.path.name}">Download the executed notebook ({page.path.name})</a>')
    body = body.replace("@@PYPORT_KICKER@@", kicker).replace("@@PYPORT_LEARN@@", toc_html(page.sections))
    body = link_notebooks(body, pages, book=False)
    return body, f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(page.title)} · {html.escape(BOOK_TITLE)}</title>
<link rel="stylesheet" href="assets/jupyterlab.css">
<link rel="stylesheet" href="assets/site.css">
<script src="assets/search-index.js" defer></script>
<script src="assets/search.js" defer></script>
</head>
<body class="jp-Notebook pyport-page" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
{top_bar()}
<div class="pyport-layout">
{sidebar(pages, page)}
<main class="pyport-main">
{pager(pages, i)}
{body}
{pager(pages, i)}
{footer(facts)}
</main>
</div>
</body></html>
"""


def chapter_html(cells, page, pages):
    body, sections = headings(cells, prefix=f"c{page.number:02d}-s")
    body = body.replace("@@PYPORT_KICKER@@", f'<span id="chapter-{page.number}">Chapter {page.number}</span>')
    body = body.replace("@@PYPORT_LEARN@@", toc_html(sections))
    return link_notebooks(body, pages, book=True)


def index_html(pages, facts):
    rows = "\n".join(
        f'<li><a href="{p.href}"><span class="pyport-num">{p.number:02d}</span> {html.escape(p.title)}</a>'
        f'<span class="pyport-line">{html.escape(p.summary)}</span></li>' for p in pages)
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(BOOK_TITLE)}</title>
<link rel="stylesheet" href="assets/site.css">
<script src="assets/search-index.js" defer></script>
<script src="assets/search.js" defer></script>
</head><body class="pyport-index-page">
{top_bar()}
<main class="pyport-main">
<h1>{html.escape(BOOK_TITLE)}</h1>
<p class="pyport-blurb">{html.escape(BOOK_BLURB)}</p>
<p class="pyport-get"><a href="book.html">The whole collection on one page</a>, as the PDF book prints it;
each page links its executed notebook (.ipynb) for download.</p>
<ol class="pyport-chapters">
{rows}
</ol>
{footer(facts)}
</main></body></html>
"""


def book_html(chapters, pages, facts):
    toc = "\n".join(
        f'<li><a href="#chapter-{p.number}"><span class="pyport-num">{p.number:02d}</span> '
        f'<span class="pyport-toc-title">{html.escape(p.title)}</span></a>'
        f'<span class="pyport-page-no" data-chapter="{p.number}"></span></li>' for p in pages)
    body = "\n".join(f'<section class="pyport-chapter" data-chapter="{p.number}">{c}</section>'
                     for p, c in zip(pages, chapters))
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<title>{html.escape(BOOK_TITLE)}</title>
<link rel="stylesheet" href="assets/jupyterlab.css">
<link rel="stylesheet" href="assets/site.css">
</head><body class="jp-Notebook pyport-book" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<section class="pyport-cover">
<h1>{html.escape(BOOK_TITLE)}</h1>
<p class="pyport-blurb">{html.escape(BOOK_BLURB)}</p>
{footer(facts)}
</section>
<nav class="pyport-book-toc" aria-label="Contents"><h2>目录 Contents</h2><ol>
{toc}
</ol></nav>
{body}
</body></html>
"""


def check(site_dir, pages, bodies):
    problems = []
    for f in sorted(site_dir.glob("*.html")) + sorted((site_dir / "assets").glob("*")):
        text = f.read_text(encoding="utf-8")
        for m in REMOTE.finditer(text):
            problems.append(f"{f.name}: loads from the network: {m.group(0)[:100]}")
        if f.suffix == ".css":
            for m in CSS_REMOTE.finditer(text):
                problems.append(f"{f.name}: loads from the network: {m.group(0)[:100]}")
    for page in pages:
        body = bodies[page.href]
        drawn = sum(1 for svg in re.findall(r'<figure class="jp-RenderedSVG.*?</figure>', body, re.S)
                    if re.search(r"<(path|rect|line|polyline|polygon|circle|ellipse)\b", svg))
        if drawn != page.charts:
            problems.append(f"{page.href}: {page.charts} charts in the notebook, {drawn} with shapes in the page")
        errors = len(PYGMENTS_ERROR.findall(body))
        if errors:
            problems.append(f"{page.href}: {errors} Pygments error tokens")
    return problems


def main(executed_dir, site_dir):
    executed_dir, site_dir = pathlib.Path(executed_dir), pathlib.Path(site_dir)
    pages = load_pages(executed_dir)
    if not pages:
        sys.exit(f"render_site: no executed notebooks in {executed_dir}")
    site_dir.mkdir(parents=True, exist_ok=True)
    facts = run_facts(executed_dir, pages)
    exporter = HTMLExporter(template_name="pyport", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    write_assets(site_dir)
    (site_dir / "notebooks").mkdir(exist_ok=True)
    bodies, chapters = {}, []
    for i, page in enumerate(pages):
        cells = cells_html(exporter, page)
        bodies[page.href], whole = page_html(cells, page, pages, i, facts)
        (site_dir / page.href).write_text(whole, encoding="utf-8")
        shutil.copy(page.path, site_dir / "notebooks" / page.path.name)
        chapters.append(chapter_html(cells, page, pages))
    (site_dir / "index.html").write_text(index_html(pages, facts), encoding="utf-8")
    (site_dir / "book.html").write_text(book_html(chapters, pages, facts), encoding="utf-8")
    (site_dir / "assets" / "search-index.js").write_text(search_index(pages, bodies), encoding="utf-8")
    problems = check(site_dir, pages, bodies)
    for p in problems:
        print("render_site: " + p)
    charts = sum(p.charts for p in pages)
    print(f"render_site: {len(pages)} pages ({charts} charts), index.html and book.html in {site_dir}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
