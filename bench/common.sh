#!/usr/bin/env bash
# Shared by bench/generate and bench/run: where the large dataset lives and how to run the bench classes.
# Sourced, not run. Needs only a JDK 21+ (JAVA_HOME) like the rest of the project.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything the benchmark makes: the large dataset's embedded PostgreSQL, its labels, the results.
BENCH_DIR=${KYODO_BENCH_DIR:-$ROOT/target/bench}
# The embedded PostgreSQL data directory of the large dataset (the portal's KYODO_DATA_DIR when it is measured).
BENCH_DATA_DIR=$BENCH_DIR/data
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# Builds target/kyodo.jar and the test classes (where the generator and the load driver live), and writes the test
# class path to target/bench.classpath. Tests are not run.
bench_build() {
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Djacoco.skip=true package dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
}

# Runs a main class of the test sources with the test class path.
bench_java() {
  "$JAVA" -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench.classpath")" "$@"
}

# Prints the machine the figures were measured on.
bench_machine() {
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') × $(nproc) cores"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "os: $(uname -sr)"
}
