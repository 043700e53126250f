#!/usr/bin/env python3
"""Workshop handouts from the source notebooks.

    handouts.py OUT_DIR

OUT_DIR/instructor/  every notebook as committed: solutions in, outputs out.
OUT_DIR/student/     the same with each cell tagged `solution` replaced by an empty exercise cell;
                     the cells tagged `check` stay, so students see when their answer is right.
OUT_DIR/pyport-offline.tar.gz
                     notebooks, kernel, library and every jar they need, prebuilt, and the wheels
                     of the pinned Jupyter (requirements.txt), so that `make setup` installs
                     JupyterLab and the kernel on a machine with a JDK and python3 but no network
                     (no Maven run, nothing downloaded).
"""
import copy
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLACEHOLDER = ("// 练习 Exercise: write your solution here, then run the check cell below.\n"
               "// (The instructor edition has a worked solution.)\n")


def tags(cell):
    return set(cell.get("metadata", {}).get("tags", []))


def student_edition(nb):
    """A copy of nb with every solution cell emptied; returns (copy, number of solutions removed)."""
    nb = copy.deepcopy(nb)
    removed = 0
    for i, cell in enumerate(nb.cells):
        if "solution" in tags(cell):
            new = nbformat.v4.new_code_cell(PLACEHOLDER)
            new.metadata["tags"] = ["exercise"]
            new.id = cell.get("id", new.id)
            nb.cells[i] = new
            removed += 1
    return nb, removed


def clear_outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def write_editions(out):
    sources = sorted((ROOT / "notebooks").glob("*.ipynb"))
    data = ROOT / "notebooks" / "data"
    summary = []
    for edition in ("student", "instructor"):
        target = out / edition
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        if data.is_dir():
            shutil.copytree(data, target / "data")
    for src in sources:
        nb = clear_outputs(nbformat.read(src, as_version=4))
        nbformat.write(nb, out / "instructor" / src.name)
        student, removed = student_edition(nb)
        nbformat.write(student, out / "student" / src.name)
        summary.append((src.name, removed, sum("check" in tags(c) for c in nb.cells)))
    return summary


def wheels_of_the_lock():
    """The wheels of requirements.txt for this machine's Python, downloaded once into build/wheels."""
    wheels = ROOT / "build" / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
                    "--only-binary=:all:", "-r", str(ROOT / "requirements.txt"), "-d", str(wheels)], check=True)
    return sorted(wheels.glob("*.whl"))


def offline_bundle(out):
    """Tracked sources, the built jars (newer than the sources, so the installer skips Maven) and the
    wheels of the pinned Jupyter (prereqs.sh installs from them with --no-index)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    built = [p for p in (ROOT / "lib" / "target").glob("*.jar")]
    built += list((ROOT / "lib" / "target" / "dist").glob("*.jar"))
    built += list((ROOT / "kernel-setup" / "kernel" / "target").glob("*.jar"))
    built += list((ROOT / "kernel-setup" / "kernel" / "target" / "dist").glob("*.jar"))
    stamp = ROOT / "build" / ".kernel-build-stamp"  # tells the installer the jars are current
    if not built or not stamp.exists():
        sys.exit("handouts: no built jars; run `make setup` first")
    built.append(stamp)
    newest = max(int(os.path.getmtime(ROOT / f)) for f in files if f and (ROOT / f).is_file())
    wheels = wheels_of_the_lock()
    bundle = out / "pyport-offline.tar.gz"
    with tarfile.open(bundle, "w:gz") as tar:
        for f in files:
            if f and (ROOT / f).is_file():
                tar.add(ROOT / f, arcname=f"pyport/{f}")
        for w in wheels:
            tar.add(w, arcname=f"pyport/wheels/{w.name}")
        for p in built:  # added last and stamped now: newer than every source file
            info = tar.gettarinfo(p, arcname=f"pyport/{p.relative_to(ROOT)}")
            info.mtime = newest + 60
            with open(p, "rb") as fh:
                tar.addfile(info, fh)
    return bundle


def main(out):
    out = pathlib.Path(out)
    summary = write_editions(out)
    for name, removed, checks in summary:
        print(f"  {name:40} {removed} solution(s) removed, {checks} check(s) kept")
    bundle = offline_bundle(out)
    print(f"handouts: {out / 'student'}, {out / 'instructor'}, {bundle} "
          f"({bundle.stat().st_size // (1024 * 1024)} MiB)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
