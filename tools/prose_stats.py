#!/usr/bin/env python3
"""Sentence lengths in the prose of notebooks: the words per sentence of their Markdown cells.

What counts as prose: the text of Markdown cells without code blocks, headings, tables and HTML. An
inline code span counts as one word. Chinese text (a quote from the tutorial) is left out of the word
count: it is the tutorial's own sentence, kept as it is, and its English sense follows it. A sentence ends
at `.`, `!` or `?` followed by a space or the end of a line, at `:` or `;` at the end of a paragraph or line
item, at a full-width `。！？`, and at the end of a paragraph or list item.

Usage: prose_stats.py [--max-median N] [--long N] NOTEBOOK...
Prints per notebook: sentences, median and mean words per sentence, the longest, and how many are longer
than --long (default 30). With --max-median, exits 1 when a notebook's median exceeds it.
"""
import argparse
import json
import re
import statistics
import sys

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "cf.", "approx.", "no.")


def prose_blocks(markdown):
    """The paragraphs and list items of a Markdown cell, as plain text."""
    text = re.sub(r"```.*?```", "\n\n", markdown, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    blocks, current = [], []
    for line in text.splitlines():
        stripped = line.strip()
        starts_item = re.match(r"^([-*+]|\d+\.)\s+", stripped)
        if not stripped or stripped.startswith("#") or stripped.startswith("|") or starts_item:
            if current:
                blocks.append(" ".join(current))
            current = []
            if starts_item:
                current = [stripped[starts_item.end():]]
            continue
        current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    return blocks


def sentences(block):
    block = re.sub(r"`[^`]*`", "CODE", block)                 # an inline code span is one word
    block = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)    # a link: its text
    for abbreviation in ABBREVIATIONS:
        block = block.replace(abbreviation, abbreviation.replace(".", ""))
    parts = re.split(r"(?<=[.!?])\s+(?=[^a-z])|(?<=[.!?]\))\s+(?=[^a-z])|[。！？]+|(?<=[:;])\s*$", block)
    return [p for p in parts if p and p.strip()]


def words(sentence):
    latin = CJK.sub(" ", sentence)
    return [w for w in re.split(r"\s+", latin) if re.search(r"[A-Za-z0-9]", w)]


def notebook_sentences(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for block in prose_blocks(source):
            for s in sentences(block):
                n = len(words(s))
                if n:
                    found.append((n, s.strip()))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--max-median", type=float)
    parser.add_argument("--long", type=int, default=30)
    parser.add_argument("--show-long", action="store_true", help="print the sentences longer than --long")
    args = parser.parse_args()
    failed = []
    print(f"{'notebook':34} {'sentences':>9} {'median':>6} {'mean':>5} {'max':>4} {'>' + str(args.long):>4}")
    for path in args.notebooks:
        found = notebook_sentences(path)
        lengths = [n for n, _ in found] or [0]
        median = statistics.median(lengths)
        name = path.rsplit("/", 1)[-1]
        print(f"{name:34} {len(found):9d} {median:6.1f} {statistics.mean(lengths):5.1f} {max(lengths):4d} "
              f"{sum(1 for n in lengths if n > args.long):4d}")
        if args.show_long:
            for n, s in found:
                if n > args.long:
                    print(f"    {n:3d}: {s}")
        if args.max_median is not None and median > args.max_median:
            failed.append(name)
    if failed:
        print("median sentence longer than", args.max_median, "words:", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
