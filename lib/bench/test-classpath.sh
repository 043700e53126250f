#!/usr/bin/env bash
# Prints lib's test class path (its test and main classes, then every dependency, test scope included),
# compiling what is needed first: the benchmarks live in lib's test sources, off the kernel's class path.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -pl lib -am test-compile >&2
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -q -B -pl lib dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
echo "lib/target/test-classes:lib/target/classes:$(cat "$cpfile")"
