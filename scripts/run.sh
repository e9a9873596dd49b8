#!/usr/bin/env bash
# Command 1: install what is missing, build, create the embedded SQLite demo database if it does
# not exist, and show it. A second run reuses the build and the database.
#   scripts/run.sh            uses build/demo/dplan-demo.db
#   DPLAN_DB=URL scripts/run.sh   shows another database instead (it must exist)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh run
scripts/build.sh default >/dev/null

dplan=build/host/dplan
demo_db=build/demo/dplan-demo.db
db_url=${DPLAN_DB:-sqlite:$demo_db}

# The plugins built here are signed with a development key made once for this build tree, and
# only that key is trusted: the same signature check a real installation makes.
key=build/dev-signing/dev
[[ -f $key.key ]] || "$dplan" plugin keygen --out "$key" >/dev/null
for plugin in build/lib/dplan/plugins/*/; do
    "$dplan" plugin verify "$plugin" --trusted-key "$key.pub" >/dev/null 2>&1 ||
        "$dplan" plugin sign "$plugin" --key "$key.key" >/dev/null
done
dplan() { "$dplan" --db "$db_url" --plugin-dir build/lib/dplan/plugins --trusted-key "$key.pub" "$@"; }

if [[ -z "${DPLAN_DB:-}" && ! -f "$demo_db" ]]; then
    dplan demo
else
    dplan db migrate >/dev/null  # a database from an older build is brought up to date
fi

# The dashboard (issue 8) is not built yet: until it is, show the demo plan in the terminal.
plan_id=$(dplan plan list --district riverside --year 2024-25 | awk 'NR==1 {print $1}')
dplan plan show "$plan_id"
echo
dplan plan validate "$plan_id" || true
echo
dplan indicators summary --district riverside
echo
echo "Database: $db_url"
