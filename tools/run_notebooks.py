#!/usr/bin/env python3
"""Execute notebooks headless on the `java` kernel and check that each one cleans up after itself.

For every notebook: run all cells in order (a failed check raises, so the cell errors and the
notebook fails), then check what it left behind:
  * threads  - threads started during the notebook that are still alive at its end (asked of the
               kernel JVM by a census cell that is injected before and after, never saved);
  * processes - any process still alive after the kernel has shut down that carries this run's
               marker in its environment (children of children included, orphans too);
  * sockets  - listening TCP sockets held, at the notebook's end, by the kernel or anything it started
               (the kernel's own Jupyter ports aside);
  * temp files - anything left in the notebook's own TMPDIR (the kernel, python3 and child JVMs
               all take their temp directory from it);
  * stray files - anything created, changed or removed in the notebooks' folder (a notebook writes only
               inside its sandbox).

Usage: run_notebooks.py [--out DIR] [--kernel java] [--timeout S] [NOTEBOOK ...]
Prints one line per notebook and a closing `N passed, N failed`; exits 1 when any failed.
"""
import argparse
import os
import pathlib
import shutil
import sys
import tempfile
import time
import uuid

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

try:
    import psutil
except ImportError:  # the leak checks need it; say so instead of silently skipping them
    psutil = None

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER_VAR = "PYPORT_NOTEBOOK_RUN"

# The thread census runs in the kernel with the helper library's LeakCheck, which leaves out the threads the JDK keeps
# for the JVM's lifetime and those the kernel names in the pyport.kernelThreads property (unit-tested in lib/).
CENSUS_BEFORE = "final org.pyport.check.LeakCheck pyportCensus = org.pyport.check.LeakCheck.start();"
CENSUS_AFTER = """
{
    java.util.List<String> pyportLeft = java.util.List.of();
    long pyportDeadline = System.nanoTime() + 3_000_000_000L;
    do {
        pyportLeft = pyportCensus.newThreads().stream()
            .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
            .sorted().toList();
        if (pyportLeft.isEmpty()) break;
        try { Thread.sleep(100); } catch (InterruptedException e) { break; }
    } while (System.nanoTime() < pyportDeadline);
    System.out.println("PYPORT-THREADS-LEFT:" + String.join("|", pyportLeft));
}
"""


def listening_sockets(pids):
    """Listening TCP sockets held by the given processes."""
    found = set()
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            conns = proc.net_connections(kind="inet") if hasattr(proc, "net_connections") \
                else proc.connections(kind="inet")
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        found |= {(c.laddr.ip, c.laddr.port) for c in conns if c.status == psutil.CONN_LISTEN}
    return found


def kernel_ports(client):
    info = client.km.get_connection_info()
    return {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}


def marked_processes(token):
    """Processes whose environment carries this run's marker: the kernel's whole tree, orphans too.
    Returns (pid, description) pairs."""
    found = []
    if psutil is None:
        return found
    for p in psutil.process_iter(["pid", "cmdline"]):
        try:
            if p.environ().get(MARKER_VAR) == token:
                found.append((p.pid, f"{p.pid} {' '.join(p.info['cmdline'] or [])[:120]}"))
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess, OSError):
            continue
    return found


def cell_output_text(cell):
    text = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            text.append(out.get("text", ""))
    return "".join(text)


def run_injected(client, nb, source):
    """Runs a cell that is not part of the notebook (nbclient stores a cell at its index, so it
    goes at the end for the time it runs) and returns it."""
    cell = nbformat.v4.new_code_cell(source)
    nb.cells.append(cell)
    try:
        # store_history=False: the notebook's own cells keep their numbers from [1]
        client.execute_cell(cell, len(nb.cells) - 1, store_history=False)
    finally:
        nb.cells.pop()
    return cell


def run_one(path, args, out_dir):
    nb = nbformat.read(path, as_version=4)
    token = uuid.uuid4().hex
    os.environ[MARKER_VAR] = token  # inherited by the kernel and everything it starts
    own_tmp = pathlib.Path(tempfile.mkdtemp(prefix="pyport-run-"))
    os.environ["TMPDIR"] = str(own_tmp)
    problems = []
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout,
                            startup_timeout=120, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    folder_before = folder_state(path.parent)
    try:
        with client.setup_kernel(cwd=str(path.parent)):
            run_injected(client, nb, CENSUS_BEFORE)
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            after = run_injected(client, nb, CENSUS_AFTER)
            if psutil is not None:
                held = listening_sockets(pid for pid, _ in marked_processes(token))
                held = {s for s in held if s[1] not in kernel_ports(client)}
                if held:
                    problems.append(f"listening sockets still open at the end: {sorted(held)}")
            for line in cell_output_text(after).splitlines():
                if line.startswith("PYPORT-THREADS-LEFT:") and line.split(":", 1)[1]:
                    problems.append("threads left running: " + line.split(":", 1)[1].replace("|", ", "))
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        problems.append(first_lines(str(e), 40))
    except Exception as e:  # kernel failed to start, and the like
        problems.append(f"{type(e).__name__}: {first_lines(str(e), 20)}")
    elapsed = time.monotonic() - started

    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out_dir / path.name)

    if psutil is not None:
        deadline = time.monotonic() + 5
        left = marked_processes(token)
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = marked_processes(token)
        for pid, description in left:
            problems.append(f"process left running: {description}")
            try:
                psutil.Process(pid).kill()
            except psutil.Error:
                pass
    changed = sorted(set(folder_state(path.parent).items()) ^ set(folder_before.items()))
    if changed:
        problems.append("wrote outside its sandbox, in the notebooks' folder: "
                        + ", ".join(sorted({name for name, _ in changed})))
    del os.environ["TMPDIR"]
    left_in_own = sorted(p.name for p in own_tmp.iterdir())
    if left_in_own:
        problems.append(f"temp files left behind in the notebook's TMPDIR: {left_in_own}")
    shutil.rmtree(own_tmp, ignore_errors=True)
    return problems, elapsed


def folder_state(folder):
    """Every file below the notebooks' folder with its size and modification time (the executed copies go
    elsewhere), to tell whether a notebook wrote outside its sandbox."""
    state = {}
    for p in folder.rglob("*"):
        try:
            st = p.lstat()
        except OSError:
            continue
        state[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return state


def first_lines(text, n):
    lines = text.strip().splitlines()
    return "\n".join(lines[:n] + (["..."] if len(lines) > n else []))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path, help="write executed copies here")
    ap.add_argument("--kernel", default="java")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = ap.parse_args()
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    if psutil is None:
        print("note: python3-psutil is missing, so process and socket leak checks are skipped")
    passed = failed = 0
    for path in paths:
        problems, elapsed = run_one(path.resolve(), args, args.out)
        status = "ok" if not problems else "FAILED"
        print(f"{status:6} {path.name} ({elapsed:.1f} s)", flush=True)
        for p in problems:
            print("       " + p.replace("\n", "\n       "), flush=True)
        passed += not problems
        failed += bool(problems)
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
