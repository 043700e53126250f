#!/usr/bin/env python3
"""Print the book (SITE_DIR/book.html, written by render_site.py) into one PDF.

    make_pdf.py SITE_DIR OUT.pdf

One chapter per notebook, each starting on a new page, a table of contents with page numbers, code that wraps,
the charts as vectors. Printed by Debian's Chromium through playwright-core (tools/pdf/print_pdf.mjs), offline.
Two passes: the first finds the page each chapter starts on (pdftotext: the chapter's first line is
"Chapter N"), the second prints those numbers into the table of contents; then it checks that they are right.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CHAPTER_LINE = re.compile(r"^\s*Chapter (\d+)\b", re.M)


def chapter_pages(pdf):
    """{chapter number: page number} for each page whose text starts a chapter."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    found = {}
    for number, page in enumerate(text.split("\f"), start=1):
        head = "\n".join(l for l in page.splitlines() if l.strip())[:400]
        m = CHAPTER_LINE.match(head)
        if m:
            found.setdefault(m.group(1), number)
    return found


def print_pdf(book, out, pages_json=None):
    cmd = ["node", str(HERE / "pdf" / "print_pdf.mjs"), str(book), str(out)]
    if pages_json:
        cmd.append(str(pages_json))
    subprocess.run(cmd, check=True)


def main(site_dir, out):
    site_dir, out = pathlib.Path(site_dir), pathlib.Path(out)
    book = site_dir / "book.html"
    if not book.is_file():
        sys.exit(f"make_pdf: {book} is missing (render the site first: tools/render_site.py)")
    chapters = len(re.findall(r'<section class="pyport-chapter"', book.read_text(encoding="utf-8")))
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        first = pathlib.Path(tmp) / "pass1.pdf"
        print_pdf(book, first)
        pages = chapter_pages(first)
        numbers = pathlib.Path(tmp) / "pages.json"
        numbers.write_text(json.dumps(pages))
        print_pdf(book, out, numbers)
    again = chapter_pages(out)
    problems = []
    if len(again) != chapters:
        problems.append(f"{chapters} chapters in the book, {len(again)} chapter openings found in the PDF")
    if again != pages:
        problems.append(f"the chapters moved between the passes: {pages} then {again}")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    count = re.search(r"^Pages:\s+(\d+)", info, re.M)
    for p in problems:
        print("make_pdf: " + p)
    print(f"make_pdf: {out}: {count.group(1) if count else '?'} pages, {len(again)} chapters")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
