#!/usr/bin/env python3
"""The set-up's pins agree: requirements.in (build/venv), its lock requirements.txt, and environment.yml (conda-forge).

    check_pins.py [ROOT]

Fails, naming each difference, when a package pinned in requirements.in is missing from environment.yml or
pinned there to another version, when environment.yml pins a Python package requirements.in lacks, or when
the lock holds another version than requirements.in asks for (requirements.txt not remade after a change).
"""
import pathlib
import re
import sys

import yaml

# conda-forge packages of environment.yml that are not Python packages of requirements.in
NOT_FROM_PYPI = {"python", "openjdk", "maven", "make", "nodejs"}


def norm(name):
    """PEP 503 normalised name: conda-forge spells jupyter_client, PyPI jupyter-client."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines, where):
    found = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(==|=)\s*([^\s=]+)", line)
        if not m and norm(line.split("=")[0]) in NOT_FROM_PYPI:
            continue  # tools beside Jupyter (make, a JDK) need no exact pin
        if not m:
            raise SystemExit(f"check_pins: {where}: not an exact pin: {raw.strip()!r}")
        found[norm(m.group(1))] = (m.group(3), m.group(2))
    return found


def main(root):
    root = pathlib.Path(root)
    wanted = pins((root / "requirements.in").read_text().splitlines(), "requirements.in")
    locked = pins((root / "requirements.txt").read_text().splitlines(), "requirements.txt")
    env = yaml.safe_load((root / "environment.yml").read_text())
    conda = pins([d for d in env["dependencies"] if isinstance(d, str)], "environment.yml")
    problems = []
    if env.get("channels", [None])[0] != "conda-forge":
        problems.append("environment.yml: conda-forge must be the first channel")
    for name, (version, _) in sorted(wanted.items()):
        if name not in locked:
            problems.append(f"requirements.txt lacks {name} (run tools/lock_requirements.sh)")
        elif locked[name][0] != version:
            problems.append(f"requirements.txt has {name}=={locked[name][0]}, requirements.in {version} "
                            "(run tools/lock_requirements.sh)")
        if name not in conda:
            problems.append(f"environment.yml lacks {name} (requirements.in pins {version})")
        elif conda[name] != (version, "=="):
            problems.append(f"environment.yml has {name}{conda[name][1]}{conda[name][0]}, "
                            f"requirements.in {name}=={version}")
    for name in sorted(set(conda) - set(wanted) - NOT_FROM_PYPI):
        problems.append(f"environment.yml pins {name}, which requirements.in does not")
    for p in problems:
        print("check_pins: " + p)
    print(f"pins: {len(wanted)} packages, requirements.in / requirements.txt / environment.yml "
          + ("agree" if not problems else f"differ in {len(problems)} place(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2]))
