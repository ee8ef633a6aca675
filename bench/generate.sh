#!/usr/bin/env bash
# Fills the embedded database of a running `./mvnw spring-boot:run` with generated requests and audit
# events (bench/generate.sql). Usage: bench/generate.sh [requests=100000] [events=1000000]
# Connects as the schema owner with the password from the data folder's credentials file.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100000}
events=${2:-1000000}
data=${ROLECALL_DATA:-.rolecall/pgdata}
credentials="$data/rolecall-credentials.properties"
[ -r "$credentials" ] || { echo "no $credentials: start the console once with ./mvnw spring-boot:run" >&2; exit 1; }
port=$(sed -n 4p "$data/postmaster.pid")
owner_password=$(sed -n 's/^rolecall_owner=//p' "$credentials")
# The audit events are chained under the console's key: the embedded database's key file, or
# ROLECALL_AUDIT_CHAIN_KEY (base64) and ROLECALL_AUDIT_CHAIN_KEY_ID when the key is configured.
key_file="$data/rolecall-audit-key.properties"
chain_key=${ROLECALL_AUDIT_CHAIN_KEY:-$( [ -r "$key_file" ] && sed -n 's/^key=//p' "$key_file" | sed 's/\\//g')}
chain_key_id=${ROLECALL_AUDIT_CHAIN_KEY_ID:-$( [ -r "$key_file" ] && sed -n 's/^key-id=//p' "$key_file" | sed 's/\\//g')}
[ -n "$chain_key" ] && [ -n "$chain_key_id" ] || { echo "no audit chain key: start the console once, or set ROLECALL_AUDIT_CHAIN_KEY and ROLECALL_AUDIT_CHAIN_KEY_ID" >&2; exit 1; }
export PGPASSWORD="$owner_password"
start=$(date +%s)
psql -h 127.0.0.1 -p "$port" -U rolecall_owner -d postgres -v requests="$requests" -v events="$events" \
    -v chain_key="$chain_key" -v chain_key_id="$chain_key_id" \
    -f bench/generate.sql
echo "generated $requests requests and $events audit events in $(( $(date +%s) - start )) s"
