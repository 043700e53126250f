#!/usr/bin/env python3
"""The pyport Java kernel ('java') against ipykernel, in one run: cold start, round trip, a 1,000-statement cell,
time per cell over 1,000 small cells, and memory.

  build/venv/bin/python kernel-setup/bench/kernel_bench.py [--runs 50] [--starts 7] [--baseline KERNELS_DIR]

Cold start = from launching the kernel process to the first execute_result of `1 + 1`, median of --starts starts of
each kernel, alternating (the kernels' starts vary by a few tenths of a second from one start to the next).
Round trip = execute_request of `1 + 1` until its execute_reply and idle status, median of --runs cells, taken twice
in the first kernel: just after start (cells 11 to 10 + runs: the JVM's JIT is still compiling javac meanwhile)
and warm (after --warm cells, when it is done).
Long cell = one cell of 1,000 statements (`big++;` / `big += 1`).
Cells = 1,000 small cells in a fresh kernel, expressions (`i + 1`) and declarations (`int vI = I;`) alternating:
milliseconds per cell of each kind.
Memory = resident set size (VmRSS) of the kernel's process: idle (once its start-up work is done: its CPU time has
not grown for 3 s) and after the 1,000 cells (idle again).
ipykernel runs from the python running this script (build/venv) through a temporary kernelspec. --baseline names a
kernels folder holding another 'java' kernelspec (say the kernel before a change), measured the same way beside.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager


def run(kc, code, timeout=300):
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "error":
            raise RuntimeError(f"{code[:60]!r} failed: {msg['content']['ename']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result


def proc_stat(pid):
    """(resident set size in MB, CPU seconds so far) of a process."""
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return rss, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_rss(pid, quiet=3.0, limit=60.0):
    """RSS once the process's CPU time has not grown for `quiet` seconds (at most `limit` seconds of waiting)."""
    deadline = time.time() + limit
    _, cpu = proc_stat(pid)
    still_since = time.time()
    while time.time() < deadline:
        time.sleep(0.5)
        rss, now = proc_stat(pid)
        if now - cpu > 0.02:
            cpu, still_since = now, time.time()
        elif time.time() - still_since >= quiet:
            return rss
    return proc_stat(pid)[0]


class Kernel:
    def __init__(self, label, name, python, spec_manager=None):
        self.label, self.name, self.python = label, name, python
        self.spec_manager = spec_manager

    def start(self):
        kwargs = {"kernel_spec_manager": self.spec_manager} if self.spec_manager else {}
        km = KernelManager(kernel_name=self.name, **kwargs)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        return km, kc

    def cold(self, then=None):
        """One cold start: seconds to the first result of `1 + 1`; then(km, kc) runs before the shutdown."""
        t0 = time.perf_counter()
        km, kc = self.start()
        try:
            kc.wait_for_ready(timeout=120)
            assert run(kc, "1 + 1") == "2"
            cold = time.perf_counter() - t0
            if then:
                then(km, kc)
            return cold
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)

    def long_cell(self, kc):
        run(kc, "big = 0" if self.python else "int big = 0;")
        cell = ("big += 1\n" if self.python else "big++;\n") * 1000
        t = time.perf_counter()
        run(kc, cell)
        took = time.perf_counter() - t
        assert run(kc, "big") == "1000"
        return took

    def cells(self, km, kc):
        """RSS idle, ms per expression and per declaration cell over 1,000 cells, RSS after them."""
        pid = km.provisioner.process.pid
        before = idle_rss(pid)
        expression, declaration = [], []
        for i in range(500):
            t = time.perf_counter()
            run(kc, f"{i} + 1")
            expression.append(time.perf_counter() - t)
            t = time.perf_counter()
            run(kc, f"v{i} = {i}" if self.python else f"int v{i} = {i};")
            declaration.append(time.perf_counter() - t)
        after = idle_rss(pid)
        return before, statistics.mean(expression) * 1000, statistics.mean(declaration) * 1000, after


def round_trips(kc, runs, warm):
    """Medians of `1 + 1` round trips in cells 11 to 10 + runs, and again after `warm` more cells."""
    def median_of(n):
        trips = []
        for _ in range(n):
            t = time.perf_counter()
            run(kc, "1 + 1")
            trips.append(time.perf_counter() - t)
        return statistics.median(trips)

    for _ in range(10):
        run(kc, "1 + 1")
    fresh = median_of(runs)
    for _ in range(warm):
        run(kc, "1 + 1")
    return fresh, median_of(runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50, help="round trips measured (default 50)")
    parser.add_argument("--starts", type=int, default=7,
                        help="cold starts of each kernel, alternating, median reported (default 7)")
    parser.add_argument("--warm", type=int, default=300, help="cells run before the warm round trips (default 300)")
    parser.add_argument("--baseline", help="a kernels folder with another 'java' kernelspec, measured beside")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        spec = os.path.join(tmp, "kernels", "pyport-bench-ipykernel")
        os.makedirs(spec)
        with open(os.path.join(spec, "kernel.json"), "w") as f:
            json.dump({"argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                                "-f", "{connection_file}"],
                       "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"},
                       "display_name": "ipykernel (bench)", "language": "python"}, f)
        os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")

        kernels = [Kernel("pyport java", "java", False)]
        if args.baseline:
            kernels.append(Kernel("java baseline", "java", False, KernelSpecManager(kernel_dirs=[args.baseline])))
        kernels.append(Kernel("ipykernel", "pyport-bench-ipykernel", True))
        colds = {k.label: [] for k in kernels}
        trips, longs, cells = {}, {}, {}
        # alternating starts, the order turned each round: a drift of the machine's load hits all alike
        for attempt in range(args.starts):
            for kernel in (kernels if attempt % 2 == 0 else kernels[::-1]):
                then = None
                if attempt == 0:
                    def then(km, kc, kernel=kernel):
                        trips[kernel.label] = round_trips(kc, args.runs, args.warm)
                        longs[kernel.label] = kernel.long_cell(kc)
                elif attempt == 1:
                    def then(km, kc, kernel=kernel):
                        cells[kernel.label] = kernel.cells(km, kc)
                colds[kernel.label].append(kernel.cold(then))
        rows = []
        for kernel in kernels:
            cold = statistics.median(colds[kernel.label])
            rows.append((kernel.label, cold) + trips[kernel.label] + (longs[kernel.label],) + cells[kernel.label])
            print(f"measured {kernel.label}: cold starts {' '.join(f'{c:.2f}' for c in colds[kernel.label])} s",
                  file=sys.stderr)

    fresh = f"cells 11-{10 + args.runs}"
    warmed = f"cells {11 + args.runs + args.warm}-{10 + 2 * args.runs + args.warm}"
    head = ("kernel", "cold start (s)", f"1 + 1 (ms), {fresh}", f"1 + 1 (ms), {warmed}", "1,000-statement cell (s)",
            "idle RSS (MB)", "expression cell (ms)", "declaration cell (ms)", "RSS after 1,000 cells (MB)")
    print(" | ".join(head))
    for label, cold, trip, warm, long, before, expression, declaration, after in rows:
        print(" | ".join([label, f"{cold:.2f}", f"{trip * 1000:.1f}", f"{warm * 1000:.1f}", f"{long:.2f}",
                          f"{before:.0f}", f"{expression:.1f}", f"{declaration:.1f}", f"{after:.0f}"]))
    reference = rows[-1]
    for row in rows[:-1]:
        ratios = [row[i] / reference[i] for i in range(1, len(row))]
        print(" | ".join([f"{row[0]} / ipykernel"] + [f"{r:.2f}x" for r in ratios]))
    if args.baseline:
        new, old = rows[0], rows[1]
        print(" | ".join(["pyport java / baseline"] + [f"{new[i] / old[i]:.2f}x" for i in range(1, len(new))]))
    java = rows[0]
    print(f"targets: cold start <= 1.3x ipykernel ({'met' if java[1] <= 1.3 * reference[1] else 'NOT met'}); "
          f"1 + 1 warm <= 25 ms ({'met' if java[3] <= 0.025 else 'NOT met'}); "
          f"1,000-statement cell <= 2 s ({'met' if java[4] <= 2 else 'NOT met'}); "
          f"idle RSS <= 150 MB ({'met' if java[5] <= 150 else 'NOT met'}); "
          f"RSS after 1,000 cells <= 200 MB ({'met' if java[8] <= 200 else 'NOT met'}); "
          f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
