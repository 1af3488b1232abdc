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

# The benchmark's PostgreSQL (jp.kyodo.bench.BenchDatabase): the embedded PostgreSQL 17 on a fixed port, so that the
# generator, the portal (as an external database, as in production) and the SQL baseline reach it by URL.
BENCH_PG_PORT=${KYODO_BENCH_PG_PORT:-55432}
BENCH_DB_URL="jdbc:postgresql://localhost:$BENCH_PG_PORT/kyodo"
BENCH_DB_USER=postgres

# Starts the benchmark's PostgreSQL in the background and waits until it accepts connections.
bench_db_start() {
  mkdir -p "$BENCH_DIR"
  # exec, so that the recorded pid is the JVM's and stopping it runs its shutdown hook
  (exec "$JAVA" -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench.classpath")" \
      jp.kyodo.bench.BenchDatabase "$BENCH_DATA_DIR/postgres" "$BENCH_PG_PORT") > "$BENCH_DIR/postgres.log" 2>&1 &
  echo $! > "$BENCH_DIR/postgres.pid"
  for _ in $(seq 1 240); do
    if grep -q '^READY' "$BENCH_DIR/postgres.log"; then return 0; fi
    if ! kill -0 "$(cat "$BENCH_DIR/postgres.pid")" 2>/dev/null; then
      echo "the benchmark database did not start:" >&2; cat "$BENCH_DIR/postgres.log" >&2; return 1
    fi
    sleep 0.5
  done
  echo "the benchmark database did not start within two minutes" >&2; return 1
}

# Stops the benchmark's PostgreSQL (its JVM's shutdown hook stops the server cleanly).
bench_db_stop() {
  if [ -f "$BENCH_DIR/postgres.pid" ]; then
    local pid; pid=$(cat "$BENCH_DIR/postgres.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    rm -f "$BENCH_DIR/postgres.pid"
  fi
}
