#!/usr/bin/env bash
# Prints how long the packaged console takes from launch to ready (/actuator/health answers UP) with
# the existing embedded data folder, then stops it. Usage: bench/start.sh [runs=3] [extra JVM options…]
# Build the jar first (./mvnw -DskipTests package); start it once before, so the data folder exists.
# Each run waits PAUSE seconds (3) first, so the previous run's shutdown (PostgreSQL's checkpoint, the
# disk writes after it) is over and the machine is idle again when the clock starts.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
jar=${JAR:-$(ls target/rolecall-*.jar 2>/dev/null | grep -v original | head -1)}
[ -n "$jar" ] || { echo "no target/rolecall-*.jar: run ./mvnw -DskipTests package" >&2; exit 1; }
port=${PORT:-18413}
for run in $(seq 1 "$runs"); do
    sleep "${PAUSE:-3}"
    start=$(date +%s%N)
    java "$@" -jar "$jar" --server.port="$port" >/tmp/rolecall-start.log 2>&1 &
    pid=$!
    until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "the console stopped; see /tmp/rolecall-start.log" >&2; exit 1; }
        sleep 0.05
    done
    ready=$(date +%s%N)
    echo "run $run: start to ready $(awk -v ns=$(( ready - start )) 'BEGIN { printf "%.1f", ns / 1e9 }') s (load average $(cut -d' ' -f1 /proc/loadavg))"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
done
