#!/usr/bin/env python3
"""Cold start and round-trip benchmark: the pyport Java kernel ('java') against ipykernel, in one run.

  JUPYTER_DATA_DIR=$PWD/build/jupyter /usr/bin/python3 kernel-setup/bench/kernel_bench.py [--runs 50] [--starts 3]

Cold start = from launching the kernel process to the first execute_result of `1 + 1`.
Round trip = execute_request of `1 + 1` until its execute_reply and idle status, median of --runs cells, taken twice
in the first kernel: just after start (cells 11 to 10 + runs: the JVM's JIT is still compiling javac meanwhile)
and warm (after --warm cells, when it is done). ipykernel runs from /usr/bin/python3 through a temporary kernelspec.
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


def measure(kernel_name, runs, starts, warm):
    cold = []
    trips = []
    warm_trips = []
    for attempt in range(starts):
        t0 = time.perf_counter()
        km = KernelManager(kernel_name=kernel_name)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            assert run(kc, "1 + 1") == "2"
            cold.append(time.perf_counter() - t0)
            if attempt == 0:
                for _ in range(10):
                    run(kc, "1 + 1")
                for _ in range(runs):
                    t = time.perf_counter()
                    run(kc, "1 + 1")
                    trips.append(time.perf_counter() - t)
                for _ in range(warm):
                    run(kc, "1 + 1")
                for _ in range(runs):
                    t = time.perf_counter()
                    run(kc, "1 + 1")
                    warm_trips.append(time.perf_counter() - t)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    return statistics.median(cold), statistics.median(trips), statistics.median(warm_trips)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50, help="round trips measured (default 50)")
    parser.add_argument("--starts", type=int, default=3, help="cold starts measured, median reported (default 3)")
    parser.add_argument("--warm", type=int, default=300, help="cells run before the warm round trips (default 300)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        spec = os.path.join(tmp, "kernels", "pyport-bench-ipykernel")
        os.makedirs(spec)
        with open(os.path.join(spec, "kernel.json"), "w") as f:
            json.dump({"argv": ["/usr/bin/python3", "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                                "-f", "{connection_file}"],
                       "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"},
                       "display_name": "ipykernel (bench)", "language": "python"}, f)
        os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")

        rows = []
        for label, name in (("pyport java", "java"), ("ipykernel", "pyport-bench-ipykernel")):
            cold, trip, warm = measure(name, args.runs, args.starts, args.warm)
            rows.append((label, cold, trip, warm))
            print(f"measured {label}: cold start {cold:.2f} s, round trip {trip * 1000:.1f} ms just started, "
                  f"{warm * 1000:.1f} ms warm", file=sys.stderr)

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
