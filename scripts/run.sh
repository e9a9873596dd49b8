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

if [[ -z "${DPLAN_DB:-}" && ! -f "$demo_db" ]]; then
    "$dplan" --db "$db_url" demo
fi

# The dashboard (issue 8) is not built yet: until it is, show the demo plan in the terminal.
plan_id=$("$dplan" --db "$db_url" plan list --district riverside --year 2024-25 | awk 'NR==1 {print $1}')
"$dplan" --db "$db_url" plan show "$plan_id"
echo
echo "Database: $db_url"
