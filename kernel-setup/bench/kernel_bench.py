#!/usr/bin/env python3
"""Cold start and round-trip benchmark: the pyport Java kernel ('java') against ipykernel, in one run.

  build/venv/bin/python kernel-setup/bench/kernel_bench.py [--runs 50] [--starts 7]

Cold start = from launching the kernel process to the first execute_result of `1 + 1`, median of --starts starts of
each kernel, alternating (the two kernels' starts vary by a few tenths of a second from one start to the next).
Round trip = execute_request of `1 + 1` until its execute_reply and idle status, median of --runs cells, taken twice
in the first kernel: just after start (cells 11 to 10 + runs: the JVM's JIT is still compiling javac meanwhile)
and warm (after --warm cells, when it is done). ipykernel runs from the python running this script (build/venv) through a temporary kernelspec.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager


def run(kc, code, timeout=120):
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "error":
            raise RuntimeError(f"{code!r} failed: {msg['content']['ename']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result


def start(kernel_name, then=None):
    """One cold start of kernel_name: seconds to the first result of `1 + 1`; then(kc) runs before the shutdown."""
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        assert run(kc, "1 + 1") == "2"
        cold = time.perf_counter() - t0
        if then:
            then(kc)
        return cold
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


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

        kernels = (("pyport java", "java"), ("ipykernel", "pyport-bench-ipykernel"))
        colds = {label: [] for label, _ in kernels}
        trips = {}
        # alternating starts, the first kernel swapped each round: a drift of the machine's load hits both alike
        for attempt in range(args.starts):
            for label, name in (kernels if attempt % 2 == 0 else kernels[::-1]):
                then = None
                if attempt == 0:
                    def then(kc, label=label):
                        trips[label] = round_trips(kc, args.runs, args.warm)
                colds[label].append(start(name, then))
        rows = []
        for label, _ in kernels:
            cold = statistics.median(colds[label])
            trip, warm = trips[label]
            rows.append((label, cold, trip, warm))
            print(f"measured {label}: cold starts {' '.join(f'{c:.2f}' for c in colds[label])} s (median {cold:.2f}), "
                  f"round trip {trip * 1000:.1f} ms just started, {warm * 1000:.1f} ms warm", file=sys.stderr)

    (jl, jcold, jtrip, jwarm), (pl, pcold, ptrip, pwarm) = rows
    load = os.getloadavg()[0]
    fresh = f"cells 11-{10 + args.runs}"
    warmed = f"cells {11 + args.runs + args.warm}-{10 + 2 * args.runs + args.warm}"
    print(f"{'kernel':<14}{'cold start (s)':>16}{'1 + 1 median (ms), ' + fresh:>32}{'(ms), ' + warmed:>24}")
    for label, cold, trip, warm in rows:
        print(f"{label:<14}{cold:>16.2f}{trip * 1000:>32.1f}{warm * 1000:>24.1f}")
    print(f"{'java/ipykernel':<14}{jcold / pcold:>15.2f}x{jtrip / ptrip:>31.2f}x{jwarm / pwarm:>23.2f}x")
    print(f"targets: 1 + 1 median <= 25 ms: warm {'met' if jwarm <= 0.025 else 'NOT met'}, "
          f"just started {'met' if jtrip <= 0.025 else 'NOT met'}; "
          f"cold start <= 1.3x ipykernel ({'met' if jcold <= 1.3 * pcold else 'NOT met'}); "
          f"load average during the run: {load:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
