#!/usr/bin/env python3
"""Checks the student and instructor editions against the source notebooks.

    check_editions.py SOURCE_DIR HANDOUTS_DIR
"""
import pathlib
import sys

import nbformat


def tags(c):
    return set(c.get("metadata", {}).get("tags", []))


def main(src_dir, out_dir):
    src_dir, out_dir = pathlib.Path(src_dir), pathlib.Path(out_dir)
    failures = checked = 0
    sources = sorted(src_dir.glob("*.ipynb"))
    for src in sources:
        nb = nbformat.read(src, as_version=4)
        student = nbformat.read(out_dir / "student" / src.name, as_version=4)
        teacher = nbformat.read(out_dir / "instructor" / src.name, as_version=4)
        solutions = [c.source for c in nb.cells if "solution" in tags(c)]
        problems = []
        if [c.source for c in teacher.cells] != [c.source for c in nb.cells]:
            problems.append("instructor edition differs from the source")
        if any(c.get("outputs") for c in teacher.cells + student.cells if c.cell_type == "code"):
            problems.append("an edition has outputs")
        leaked = [s for s in solutions if s.strip() and any(c.source == s for c in student.cells)]
        if leaked:
            problems.append(f"{len(leaked)} solution(s) still in the student edition")
        if sum("check" in tags(c) for c in student.cells) != sum("check" in tags(c) for c in nb.cells):
            problems.append("the student edition lost check cells")
        if len(student.cells) != len(nb.cells):
            problems.append("the student edition has a different number of cells")
        checked += 1
        failures += bool(problems)
        print(f"{'ok  ' if not problems else 'FAIL'} {src.name}: {len(solutions)} solution(s) removed"
              + ("" if not problems else " - " + "; ".join(problems)))
    if not sources:
        print("FAIL no notebooks found")
        failures += 1
    print(f"editions: {checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
