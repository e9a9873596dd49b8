#!/usr/bin/env bash
# Load benchmark of the collaboration server with wrk (Debian): requests per second and p99
# latency for reading a plan and for posting a comment, against bench/server/fixed_body_server
# (a minimal Beast server answering the same plan's bytes) measured in the same run.
#   scripts/bench_server.sh [DATABASE_URL]   default: a fresh SQLite demo database
# Environment: CONNECTIONS (64), DURATION (10s), THREADS (server threads, default: the config's),
# SERVER_CONFIG (an INI file for dplan serve --config; default on MariaDB: the deployment's,
# docs/deploy/dplan-server.ini, its threads and change_check_interval_ms; on SQLite: none),
# DB_DELAY_US (MariaDB only: the server reaches the database through bench/server/delaying_proxy.py,
# each packet held this long each way, as if the database ran on another machine).
# Assumes a built tree (scripts/build.sh); targets: ≥ 0.5 of the reference for reads, p99 < 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${CONNECTIONS:-64} duration=${DURATION:-10s} threads=${THREADS:-}
dplan=build/host/dplan plugins=build/lib/dplan/plugins
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

db=${1:-sqlite:$work/plans.db}
run() { "$dplan" --db "$db" --lang en --log-level warn --plugin-dir "$plugins" --allow-unsigned "$@"; }
run db init > /dev/null 2>&1 || true
run demo > /dev/null
# Comments are taken on submitted plans only: submit the demo plan (once).
run plan submit "$(run plan list 2>/dev/null | awk 'NR == 1 {print $1}')" > /dev/null 2>&1 || true
echo 'bench password 1' | run user add bench.officer --role officer --district riverside --password-stdin > /dev/null 2>&1 || true

wait_port() {  # FILE: the port a server printed
    for _ in $(seq 150); do
        grep -q '^port ' "$1" && { sed -n 's/^port //p' "$1"; return; }
        sleep 0.2
    done
    echo "server did not start: $(cat "$1")" >&2
    exit 1
}

served_db=$db
[[ $db == mysql://* ]] && SERVER_CONFIG=${SERVER_CONFIG-docs/deploy/dplan-server.ini}
if [[ -n ${DB_DELAY_US:-} && $db == mysql://* ]]; then
    [[ $db =~ ^(mysql://[^@/]*@)?([^:/]+):([0-9]+)(/.*)$ ]] || { echo "DB_DELAY_US needs host:port in $db" >&2; exit 1; }
    bench/server/delaying_proxy.py 0 "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "$DB_DELAY_US" > "$work/proxy.out" 2>&1 &
    pids+=($!)
    served_db="${BASH_REMATCH[1]}127.0.0.1:$(wait_port "$work/proxy.out")${BASH_REMATCH[4]}"
fi

"$dplan" --db "$served_db" --log-level warn --plugin-dir "$plugins" --allow-unsigned serve ${SERVER_CONFIG:+--config "$SERVER_CONFIG"} --listen 127.0.0.1:0 \
    ${threads:+--threads "$threads"} > "$work/dplan.out" 2>&1 &
pids+=($!)
port=$(wait_port "$work/dplan.out")
threads=$(sed -n 's/.*Collaboration server on .* (\([0-9]*\) threads).*/\1/p' "$work/dplan.out")
token=$(curl -s -X POST "127.0.0.1:$port/api/login" -d '{"username":"bench.officer","password":"bench password 1"}' |
        /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
plan=$(curl -s "127.0.0.1:$port/api/plans" -H "Authorization: Bearer $token" |
       /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -s "127.0.0.1:$port/api/plans/$plan" -H "Authorization: Bearer $token" > "$work/plan.json"

build/bench/fixed_body_server 0 "$threads" "$work/plan.json" > "$work/reference.out" 2>&1 &
pids+=($!)
reference_port=$(wait_port "$work/reference.out")

# measure NAME URL [wrk arguments]: prints "NAME requests/s p99" and remembers them.
declare -A rps p99
measure() {
    local name=$1 url=$2
    shift 2
    local out
    out=$(DPLAN_TOKEN=$token DPLAN_PLAN=$plan wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url")
    rps[$name]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99[$name]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local errors
    errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "$name: ${rps[$name]} requests/s, p99 ${p99[$name]}${errors:+, $errors non-2xx answers}"
}

echo "wrk: $connections connections for $duration; server threads: $threads; database: ${db%%:*}${DB_DELAY_US:+, $DB_DELAY_US µs away each way}${SERVER_CONFIG:+; settings: $SERVER_CONFIG}"
measure reference "http://127.0.0.1:$reference_port/"
measure read_plan "http://127.0.0.1:$port/api/plans/$plan" -s bench/server/get_plan.lua
measure post_comment "http://127.0.0.1:$port/" -s bench/server/post_comment.lua
ratio() { /usr/bin/python3 -c "print(f'{$1 / $2:.2f}')"; }
echo "read a plan: $(ratio "${rps[read_plan]}" "${rps[reference]}") of the reference (target >= 0.5), p99 ${p99[read_plan]} (target < 20ms)"
echo "post a comment: $(ratio "${rps[post_comment]}" "${rps[reference]}") of the reference, p99 ${p99[post_comment]}"
