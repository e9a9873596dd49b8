#!/usr/bin/env bash
# The collaboration server as a shell user meets it: curl against a real `dplan serve` on the demo
# database. Every answer is checked against docs/openapi.json (scripts/validate_response.py).
#   curl_session_test.sh DPLAN SOURCE_DIR PLUGIN_DIR
set -euo pipefail
dplan=$1 source_dir=$2 plugin_dir=$3
work=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

db="sqlite:$work/plans.db"
run() { "$dplan" --db "$db" --lang en --log-level warn --plugin-dir "$plugin_dir" --allow-unsigned "$@"; }
run demo > /dev/null
echo 'a long enough password' | run user add chan --role officer --district riverside --password-stdin > /dev/null
echo 'another long password' | run user add lee --role viewer --password-stdin > /dev/null

# Started directly, not through run(): $! must be the server itself, for SIGTERM.
"$dplan" --db "$db" --lang en --log-level warn --plugin-dir "$plugin_dir" --allow-unsigned \
    serve --listen 127.0.0.1:0 > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q '^port ' "$work/server.out" && break; sleep 0.2; done
port=$(sed -n 's/^port //p' "$work/server.out")
[[ -n "$port" ]] || fail "the server did not start: $(cat "$work/server.out")"
base="http://127.0.0.1:$port"

# call EXPECTED METHOD PATH [curl arguments...]: the status must be EXPECTED and the answer as
# documented; the body is left in $work/body and the headers in $work/headers.
call() {
    local expected=$1 method=$2 path=$3
    shift 3
    local result
    result=$(curl -s -o "$work/body" -D "$work/headers" -w '%{http_code} %{content_type}' -X "$method" "$@" "$base$path")
    local status=${result%% *} content_type=${result#* }
    [[ "$status" == "$expected" ]] || fail "$method $path: expected $expected, got $status: $(cat "$work/body")"
    /usr/bin/python3 "$source_dir/scripts/validate_response.py" "$source_dir/docs/openapi.json" "$method" "$path" \
        "$status" "$content_type" "$work/body" || fail "$method $path: answer not as docs/openapi.json says"
}
json() { /usr/bin/python3 -c "import json,sys; print(json.load(open('$work/body'))$1)"; }
header() { sed -n "s/^$1: //Ip" "$work/headers" | tr -d '\r'; }

call 200 GET /api/openapi.json
call 401 GET /api/plans
call 401 POST /api/login -d '{"username":"chan","password":"wrong guess here"}'
call 200 POST /api/login -d '{"username":"chan","password":"a long enough password"}'
chan=$(json "['token']")
call 200 POST /api/login -d '{"username":"lee","password":"another long password"}'
lee=$(json "['token']")

call 200 GET /api/plans -H "Authorization: Bearer $chan"
plan=$(json "[0]['id']")
call 200 GET "/api/plans/$plan" -H "Authorization: Bearer $chan"
etag=$(header etag)
cp "$work/body" "$work/plan.json"
# The demo plan is a draft: the viewer may not know it exists.
call 404 GET "/api/plans/$plan" -H "Authorization: Bearer $lee"
call 404 GET "/api/plans/$plan/paper.pdf" -H "Authorization: Bearer $lee"

# Two saves against the same version: the first wins, the second is told and changes nothing.
call 200 PUT "/api/plans/$plan?reason=curl" -H "Authorization: Bearer $chan" -H "If-Match: $etag" \
    --data-binary "@$work/plan.json"
new_etag=$(header etag)
[[ "$new_etag" != "$etag" ]] || fail "the version did not change"
call 412 PUT "/api/plans/$plan" -H "Authorization: Bearer $chan" -H "If-Match: $etag" --data-binary "@$work/plan.json"
[[ "$(header etag)" == "$new_etag" ]] || fail "412 did not carry the current version"
call 428 PUT "/api/plans/$plan" -H "Authorization: Bearer $chan" --data-binary "@$work/plan.json"
call 400 POST "/api/plans/$plan/comments" -H "Authorization: Bearer $chan" -d '{"body": '
call 200 GET "/api/plans/$plan/revisions" -H "Authorization: Bearer $chan"
call 200 GET "/api/plans/$plan/diff" -H "Authorization: Bearer $chan"
call 200 GET "/api/meetings" -H "Authorization: Bearer $chan"
meeting=$(json "[0]['id']")
call 200 GET "/api/meetings/$meeting/calendar.ics" -H "Authorization: Bearer $chan"
grep -q BEGIN:VCALENDAR "$work/body" || fail "not an iCalendar file"
call 403 GET "/api/meetings" -H "Authorization: Bearer $lee"
call 200 GET /api/readings.csv -H "Authorization: Bearer $chan"
call 204 POST /api/logout -H "Authorization: Bearer $chan"
call 401 GET /api/me -H "Authorization: Bearer $chan"

kill -TERM "$server_pid"
wait "$server_pid" || fail "the server did not stop cleanly (exit $?)"
server_pid=
grep -q "Server stopped" "$work/server.out" || fail "no stop message: $(cat "$work/server.out")"
echo "curl session: every answer as documented"
