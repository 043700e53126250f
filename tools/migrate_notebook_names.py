#!/usr/bin/env python3
"""Rewrites notebooks for classes of lib/ that were renamed or moved to another package.

Only the code that names a class changes: fully qualified names, import lines, the simple name in code where the
notebook imports the class's old package or the class itself, and the same name between backticks in Markdown.
Outputs, metadata and every other line stay as they are (the JSON is rewritten with the notebook's own key order,
so a diff shows only the renamed names). Running it again changes nothing: it can be run after a rebase that
brought notebooks still written with the old names.

Usage: migrate_notebook_names.py [NOTEBOOK ...]   (default: notebooks/*.ipynb); prints the notebooks it changed.
"""
import json
import pathlib
import re
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent

# old fully qualified name -> new fully qualified name
MOVES = {
    "org.pyport.distributed.demo.SquareWorker": "org.pyport.distributed.demo.QueueSquareWorker",
    "org.pyport.distributed.hazelcast.SquareWorker": "org.pyport.distributed.hazelcast.HazelcastSquareWorker",
    "org.pyport.timing.Timing": "org.pyport.timing.TimeItResult",
    # display.Show shows tables and Tables used Show: one package, no cycle
    "org.pyport.table.Tables": "org.pyport.display.Tables",
    # one package per concern: what Python does, in Java (pystd); serialization (serial); measuring (measure);
    # newer JDKs' API from code compiled for 17 (jdk); checks of what a notebook prints or leaves behind (check)
    "org.pyport.python.PyRepr": "org.pyport.pystd.PyRepr",
    "org.pyport.io.PyJson": "org.pyport.pystd.PyJson",
    "org.pyport.io.PyPaths": "org.pyport.pystd.PyPaths",
    "org.pyport.io.FileModes": "org.pyport.pystd.FileModes",
    "org.pyport.io.JavaSerial": "org.pyport.serial.JavaSerial",
    "org.pyport.io.SerialFilters": "org.pyport.serial.SerialFilters",
    "org.pyport.io.ReadBench": "org.pyport.measure.ReadBench",
    "org.pyport.io.SandboxLink": "org.pyport.check.SandboxLink",
    "org.pyport.timing.TimeIt": "org.pyport.measure.TimeIt",
    "org.pyport.timing.TimeItResult": "org.pyport.measure.TimeItResult",
    "org.pyport.cpu.CpuSampler": "org.pyport.measure.CpuSampler",
    "org.pyport.cpu.MachineLoad": "org.pyport.measure.MachineLoad",
    "org.pyport.concurrent.ThreadSweep": "org.pyport.measure.ThreadSweep",
    "org.pyport.concurrent.ResourceMeter": "org.pyport.measure.ResourceMeter",
    "org.pyport.concurrent.Workloads": "org.pyport.measure.Workloads",
    "org.pyport.concurrent.Jdk": "org.pyport.jdk.Jdk",
    "org.pyport.concurrent.AnyOrder": "org.pyport.check.AnyOrder",
    "org.pyport.concurrent.LeakCheck": "org.pyport.check.LeakCheck",
}


def package(fqn):
    return fqn.rsplit(".", 1)[0]


def simple(fqn):
    return fqn.rsplit(".", 1)[1]


def imported_packages(code):
    """Packages a notebook imports with a wildcard, and the classes it imports by name."""
    wildcards = set(re.findall(r"^\s*import\s+([\w.]+)\.\*\s*;", code, re.M))
    classes = set(re.findall(r"^\s*import\s+([\w.]+\.[A-Z]\w*)\s*;", code, re.M))
    return wildcards, classes


def uses(code, name):
    return re.search(r"(?<![\w.])" + re.escape(name) + r"\b", code) is not None


def rewrite_wildcard(line, code, imported):
    """`import OLD.*;` -> the wildcard imports of the packages that the classes the notebook uses are in now, but
    those the notebook has imported already (`imported`: the wildcard imports of earlier cells and of this one)."""
    m = re.match(r"^(\s*)import\s+([\w.]+)\.\*\s*;(.*)$", line, re.S)
    if not m:
        return line
    indent, old_pkg, rest = m.groups()
    moved = {old: new for old, new in MOVES.items() if package(old) == old_pkg and package(new) != old_pkg}
    if not moved:
        return line
    targets = []
    if any(uses(code, name) for name in STAYING.get(old_pkg, [])):
        targets.append(old_pkg)
    for old, new in moved.items():
        if (uses(code, simple(old)) or uses(code, simple(new))) and package(new) not in targets:
            if package(new) not in imported:
                targets.append(package(new))
    if not targets:  # nothing of it is used or all of it is imported: kept while the package exists, else dropped
        return line if old_pkg in STAYING else ""
    imported.update(targets)
    return "\n".join(f"{indent}import {p}.*;" for p in targets) + rest


# the classes still in each package that some classes left (read from lib/ at start)
STAYING = {}


def load_staying():
    src = ROOT / "lib" / "src" / "main" / "java"
    old_pkgs = {package(o) for o, n in MOVES.items() if package(o) != package(n)}
    for pkg in old_pkgs:
        folder = src / pkg.replace(".", "/")
        if folder.is_dir():
            STAYING[pkg] = [p.stem for p in folder.glob("*.java") if p.stem != "package-info"]


def rewrite_code(source, notebook_code, imported):
    wildcards, classes = imported_packages(notebook_code)
    lines = source.splitlines(keepends=True)
    out = []
    for line in lines:
        line = rewrite_wildcard(line, notebook_code, imported)
        for old, new in MOVES.items():
            line = re.sub(r"(?<![\w.])" + re.escape(old) + r"\b", new, line)
            if simple(old) != simple(new) and (package(old) in wildcards or old in classes):
                line = re.sub(r"(?<![\w.$])" + re.escape(simple(old)) + r"\b", simple(new), line)
        out.append(line)
    return "".join(out)


def rewrite_markdown(source, notebook_code):
    wildcards, classes = imported_packages(notebook_code)
    for old, new in MOVES.items():
        source = source.replace("`" + old + "`", "`" + new + "`")
        if simple(old) != simple(new) and (package(old) in wildcards or old in classes):
            source = re.sub(r"`" + re.escape(simple(old)) + r"([`.(])", "`" + simple(new) + r"\1", source)
    return source


def migrate(path):
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)  # the notebook's own key order, so that only the renamed names show in a diff
    cells = nb.get("cells", [])
    code = "\n".join("".join(c["source"]) for c in cells if c.get("cell_type") == "code")
    changed = False
    imported = set()  # wildcard imports of the cells so far
    for cell in cells:
        text = "".join(cell["source"])
        if cell.get("cell_type") == "code":
            imported |= imported_packages(text)[0]
            new = rewrite_code(text, code, imported)
        elif cell.get("cell_type") == "markdown":
            new = rewrite_markdown(text, code)
        else:
            continue
        if new != text:
            cell["source"] = new.splitlines(keepends=True) if isinstance(cell["source"], list) else new
            changed = True
    if changed:
        text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        nbformat.validate(nbformat.reads(text, as_version=4))
        path.write_text(text, encoding="utf-8")
    return changed


def main(argv):
    load_staying()
    paths = [pathlib.Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for p in paths:
        if migrate(p):
            print(f"rewrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
