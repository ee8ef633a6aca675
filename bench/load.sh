#!/usr/bin/env bash
# Measures Rolecall's pages under load with wrk: signs in (session cookie, CSRF token) as the demo
# users, then runs wrk at 16 and 64 connections against each page, the API (HTTP Basic and an API
# token) and a small static file, and prints req/s, p50, p99 and non-2xx per page next to the
# static file's rate. Each page's 64-connection run directly follows one of the static file, and its
# share is of that run's rate: a shared or throttled machine's speed can drift within minutes, and a
# share of a rate measured minutes earlier would measure the drift.
# Before measuring, every page is driven in rounds until the console's JIT compiler has settled (see
# warm_up below): a console that has served a few thousand pages is still compiling, and what it
# compiles meanwhile costs it up to a third of its CPU.
# Usage: bench/load.sh [base=http://127.0.0.1:8080]   (DURATION=10s WARMUP=3s THREADS=2 TIMEOUT=10s to change;
#        ONLY=dashboard to measure only the pages whose name contains a word, next to the static file;
#        SETTLE_ROUNDS=40 to bound the warm-up rounds, SETTLE_ROUNDS=0 to skip them)
# Only for a console on this machine: the base URL must be on 127.0.0.1 or localhost.
set -euo pipefail
cd "$(dirname "$0")"
base=${1:-http://127.0.0.1:8080}
duration=${DURATION:-10s}
warmup=${WARMUP:-3s}
threads=${THREADS:-2}
timeout=${TIMEOUT:-10s}
case "$base" in
    http://127.0.0.1:* | http://localhost:*) ;;
    *) echo "refusing $base: the benchmark runs against 127.0.0.1 only" >&2; exit 1 ;;
esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Signs in through the form and prints the Cookie header value of the signed-in session.
sign_in() {
    local user=$1 jar="$work/$1.jar"
    local token
    token=$(curl -fsS -c "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
    [ -n "$token" ] || { echo "no CSRF token on $base/login" >&2; exit 1; }
    curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$user" --data-urlencode "password=demo" \
        --data-urlencode "_csrf=$token" "$base/login"
    awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar" | sed 's/; $//'
}

alice=$(sign_in alice)
bob=$(sign_in bob)
dave=$(sign_in dave)
basic="Basic $(printf 'alice:demo' | base64)"
# An API token of alice's (requests:read), to compare Bearer calls with Basic calls and pages.
expires=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)
bearer="Bearer $(curl -fsS -H "Authorization: $basic" -H 'Content-Type: application/json' "$base/api/v1/tokens" \
    -d "{\"name\":\"bench $(date +%s)\",\"scopes\":[\"requests:read\"],\"expiresAt\":\"$expires\"}" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[ "$bearer" != "Bearer " ] || { echo "could not create an API token" >&2; exit 1; }
request_id=$(curl -fsS -H "Authorization: $basic" "$base/api/v1/role-requests?size=1" \
    | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p' | head -1)
[ -n "$request_id" ] || { echo "alice has no request to open: run bench/generate.sh first" >&2; exit 1; }

# name|path|header
pages=(
    "static file|/favicon.svg|X-Bench: static"
    "one request page|/requests/$request_id|Cookie: $alice"
    "inbox (bob)|/inbox|Cookie: $bob"
    "request list (alice)|/requests|Cookie: $alice"
    "request list (admin)|/requests|Cookie: $dave"
    "audit, actor=bob|/audit?actor=bob|Cookie: $dave"
    "audit, no filter|/audit|Cookie: $dave"
    "dashboard (bob)|/dashboard|Cookie: $bob"
    "dashboard (dave)|/dashboard|Cookie: $dave"
    "API list (Basic)|/api/v1/role-requests|Authorization: $basic"
    "API list (token)|/api/v1/role-requests|Authorization: $bearer"
)

# A response slower than wrk's own 2 s default would be dropped from the latencies and counted as a
# socket error; with a longer timeout it is measured, and only an answer later than that is a failure.
run() { # connections path header duration
    wrk -t"$threads" -c"$1" -d"$4" --timeout "$timeout" --latency -s report.lua -H "$3" "$base$2" \
        | sed -n 's/^RESULT //p'
}

# The JIT compiler's total time so far in the console listening on the base URL's port, in ms
# (jstat, from the JDK); empty when the process or jstat cannot be found.
jit_millis() {
    local port=${base##*:} pid
    port=${port%%/*}
    pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
    [ -n "$pid" ] && command -v jstat >/dev/null || return 0
    jstat -compiler "$pid" 2>/dev/null | awk 'NR == 2 { printf "%.0f", $4 * 1000 }'
}

# Drives every page for 2 s at 8 connections, round after round, until a round in which the JIT
# compiler worked less than 2 % of the round's time (two in a row), or SETTLE_ROUNDS rounds. Without
# jstat the warm-up runs all SETTLE_ROUNDS rounds.
warm_up() {
    local rounds=${SETTLE_ROUNDS:-40} round=0 quiet=0 before after started=$SECONDS entry name path header
    [ "$rounds" -gt 0 ] || return 0
    before=$(jit_millis)
    while [ "$round" -lt "$rounds" ] && [ "$quiet" -lt 2 ]; do
        local round_started=$SECONDS
        for entry in "${pages[@]}"; do
            IFS='|' read -r name path header <<<"$entry"
            run 8 "$path" "$header" 2s >/dev/null
        done
        round=$((round + 1))
        after=$(jit_millis)
        if [ -n "$before" ] && [ -n "$after" ]; then
            if [ $((after - before)) -lt $(((SECONDS - round_started) * 20)) ]; then quiet=$((quiet + 1)); else quiet=0; fi
            echo "warm-up round $round: JIT compiled for $((after - before)) ms of $((SECONDS - round_started)) s" >&2
            before=$after
        fi
    done
    local state="JIT settled"
    [ -n "$before" ] || state="JIT not measured (no jstat or no process on the port)"
    [ -z "$before" ] || [ "$quiet" -ge 2 ] || state="JIT not settled"
    echo "warm-up: $round rounds, $((SECONDS - started)) s, $state" >&2
}

warm_up

printf '%-22s | %9s %7s %8s %6s | %9s %7s %8s %6s | %s\n' page "req/s@16" "p50" "p99" "non2xx" \
    "req/s@64" "p50" "p99" "non2xx" "of static@64 just before"
static_path=""
static_header=""
for entry in "${pages[@]}"; do
    IFS='|' read -r name path header <<<"$entry"
    # ONLY=<word> measures the static file and the pages whose name contains the word.
    if [ -n "${ONLY:-}" ] && [ "$name" != "static file" ] && [[ "$name" != *"$ONLY"* ]]; then continue; fi
    run 16 "$path" "$header" "$warmup" >/dev/null
    read -r rps16 p50_16 p99_16 bad16 _ <<<"$(run 16 "$path" "$header" "$duration")"
    if [ -z "$static_path" ]; then
        static_path=$path
        static_header=$header
        static64=""
    else
        read -r static64 _ <<<"$(run 64 "$static_path" "$static_header" "$duration")"
    fi
    read -r rps64 p50_64 p99_64 bad64 _ <<<"$(run 64 "$path" "$header" "$duration")"
    [ -n "$static64" ] || static64=$rps64
    share=$(awk -v a="$rps64" -v b="$static64" 'BEGIN { printf "%.1f%% of %.0f", 100 * a / b, b }')
    printf '%-22s | %9s %5sms %6sms %6s | %9s %5sms %6sms %6s | %s\n' "$name" "$rps16" "$p50_16" "$p99_16" \
        "$bad16" "$rps64" "$p50_64" "$p99_64" "$bad64" "$share"
done
