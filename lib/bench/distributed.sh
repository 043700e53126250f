#!/usr/bin/env bash
# Queue benchmark: Python's multiprocessing BaseManager, our QueueManager with its default (one request
# and one reply per call, like Python's proxies) and with its fast path (the batched calls putAll /
# takeBatch / putResults / getBatch), and Hazelcast's IQueue (one call per task, then batched), measured
# in one run on loopback and printed as a table with ratios (x = relative to Python).
# Usage: lib/bench/distributed.sh [workers warmupMs latencyMs throughputMs batch]
# The bench code is in lib's test scope (org.pyport.bench.QueueBench): it is not in the jar on the
# kernel's class path. Needs Maven, the JDK and Python: the project's (build/jupyter-python, from make
# setup, the one the notebooks run), else python3.
# Every JVM runs with one GC thread (QueueBench.JVM_OPTIONS, as the kernel does), and before the clock
# runs its hot path on a private in-process manager for up to 6 s (QueueBenchWorker.warmUp): fresh JVMs
# otherwise spend their first seconds compiling, which on 2 cores competes with the measured work, as
# in a long-running manager or worker. Python has no JIT and is at full speed from the start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CP="$(lib/bench/test-classpath.sh)"
if [ "$#" -eq 0 ]; then
  set -- 2 2000 1500 2000 200
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PY=$(cat build/jupyter-python 2>/dev/null || echo python3)
"$JAVA" -XX:+UseSerialGC -Dpyport.bench.python="$PY" -cp "$CP" org.pyport.bench.QueueBench "$@"
