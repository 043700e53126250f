#!/usr/bin/env bash
# Queue benchmark: our QueueManager vs Python's multiprocessing BaseManager vs Hazelcast IQueue,
# measured in one run on loopback, printed as a table with ratios (x = relative to Python).
# Our rows: "pyport QueueManager" = Python's per-task program with the client's defaults
# (pipelined writes, prefetch); "(prefetch 1, sync)" = the same program, one request and one
# reply per call like Python's proxies; "(batched)" = putAll/takeBatch/putResults/getBatch.
# Usage: lib/bench/distributed.sh [workers warmupMs latencyMs throughputMs batch]
# Builds lib/ with the Maven reactor when its jar is missing; needs python3 on PATH.
# Before the clock, each of our JVMs (manager+master, workers) runs its hot path on a private
# in-process manager until the JIT has compiled it (BenchWorker.warmUp, at most 4 s): fresh JVMs
# otherwise spend their first seconds compiling, which on 2 cores competes with the measured work.
# Python has no JIT and is at full speed from the start.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! ls lib/target/pyport-lib-*.jar >/dev/null 2>&1 || [ ! -d lib/target/dist ]; then
  mvn -q -B -pl lib -am package -DskipTests
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CP="$(ls lib/target/pyport-lib-*.jar | head -n 1):lib/target/dist/*"
if [ "$#" -eq 0 ]; then
  set -- 2 2000 1500 2000 200
fi
exec "$JAVA" -cp "$CP" org.pyport.distributed.bench.DistributedBench "$@"
