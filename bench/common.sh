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

# Answers the body of GET http://localhost:$1$2 (bash only: a clean machine may have no curl).
http_get() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
  reply=$(timeout 10 cat <&3) || true
  exec 3<&-
  printf '%s' "$reply"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Starts the portal jar with -Xmx512m against the benchmark's PostgreSQL (as an external database), with a fresh
# search index, and waits until it is healthy and its index complete. Sets PORT, PORTAL_PID, PORTAL_LOG, HEALTH and
# INDEX (seconds from launch).
bench_portal_start() {
  PORT=${KYODO_BENCH_PORTAL_PORT:-18080}
  for _ in $(seq 1 20); do port_free "$PORT" && break; PORT=$((PORT + 1)); done
  port_free "$PORT" || { echo "no free port from ${KYODO_BENCH_PORTAL_PORT:-18080}" >&2; exit 1; }
  PORTAL_DIR=$BENCH_DIR/portal
  PORTAL_LOG=$BENCH_DIR/portal.log
  # A fresh search index every run, so that start-up includes the full rebuild from the database.
  rm -rf "$PORTAL_DIR/search-index"
  mkdir -p "$PORTAL_DIR"
  echo "== Starting the portal on port $PORT (-Xmx512m, external database $BENCH_DB_URL); log: $PORTAL_LOG"
  local start; start=$(now)
  (cd "$PORTAL_DIR" && exec env SERVER_PORT="$PORT" SPRING_DATASOURCE_URL="$BENCH_DB_URL" SPRING_DATASOURCE_USERNAME="$BENCH_DB_USER" \
      SPRING_DATASOURCE_PASSWORD= KYODO_DEMO_DATA=false KYODO_DATA_DIR="$PORTAL_DIR" KYODO_SEARCH_DIRECTORY="$PORTAL_DIR/search-index" \
      KYODO_COLLABORATION_CONSULTATION_REQUIRED=false \
      "$JAVA" -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$ROOT/target/kyodo.jar") > "$PORTAL_LOG" 2>&1 &
  PORTAL_PID=$!
  HEALTH=
  INDEX=
  for _ in $(seq 1 3600); do
    if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
      echo "the portal stopped during start-up:" >&2; tail -40 "$PORTAL_LOG" >&2; exit 1
    fi
    if [ -z "$HEALTH" ] && http_get "$PORT" /actuator/health 2>/dev/null | grep -q '"status":"UP"'; then
      HEALTH=$(seconds_since "$start"); echo "   healthy after $HEALTH s"
    fi
    # SearchIndex logs this line once every empty type has been refilled from the database.
    if [ -z "$INDEX" ] && grep -q 'Search index: ready' "$PORTAL_LOG"; then
      INDEX=$(seconds_since "$start"); echo "   search index complete after $INDEX s"
    fi
    if [ -n "$HEALTH" ] && [ -n "$INDEX" ]; then break; fi
    sleep 0.2
  done
  [ -n "$HEALTH" ] && [ -n "$INDEX" ] || { echo "the portal did not become ready within 12 minutes" >&2; exit 1; }
}

# Stops the portal (if started) and the benchmark's PostgreSQL.
bench_portal_stop() {
  if [ -n "${PORTAL_PID:-}" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  bench_db_stop
}
