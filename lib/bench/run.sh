#!/usr/bin/env bash
# Compares TimeIt with JMH on the same workload and prints the ratio (target: within 5%).
# Usage: lib/bench/run.sh   (from anywhere; needs Maven and the JDK; takes about 30 s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -q -B -pl lib -am test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -q -B -pl lib dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
java -cp "lib/target/test-classes:lib/target/classes:$(cat "$cpfile")" org.pyport.bench.TimeItVsJmh
