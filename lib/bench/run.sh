#!/usr/bin/env bash
# Compares TimeIt with JMH on the same workload and prints the ratio (target: within 5%).
# Usage: lib/bench/run.sh   (from anywhere; needs Maven and the JDK; takes about 30 s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
java -cp "$(lib/bench/test-classpath.sh)" org.pyport.bench.TimeItVsJmh
