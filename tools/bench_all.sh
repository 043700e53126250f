#!/usr/bin/env bash
# Benchmarks, each measured beside its reference in the same run and reported as ratios.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=$(cat build/jupyter-python)
run() { echo; echo "=== $1"; shift; "$@" || echo "(benchmark failed: $*)"; }
[ -f kernel-setup/bench/kernel_bench.py ] && run "kernel: cold start and cell round trip vs ipykernel" "$PY" kernel-setup/bench/kernel_bench.py
[ -x lib/bench/run.sh ]          && run "TimeIt vs JMH" lib/bench/run.sh
[ -x lib/bench/distributed.sh ]  && run "queue manager vs Python BaseManager vs Hazelcast" lib/bench/distributed.sh
true
