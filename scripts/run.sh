#!/usr/bin/env bash
# Command 1: install what is missing, build, create the embedded SQLite demo database if it does
# not exist, and open the dashboard on it; with no display, render the overview under Xvfb and
# print the PNG's path. A second run reuses the build and the database.
#   scripts/run.sh [dplan-gui options]   uses build/demo/dplan-demo.db (e.g. --lang en, --screen meetings)
#   DPLAN_DB=URL scripts/run.sh          opens another database instead (it must exist)
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

echo "Database: $db_url"
gui=(build/gui/dplan-gui --db "$db_url" --plugin-dir build/lib/dplan/plugins --trusted-key "$key.pub"
     --district riverside "$@")
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec "${gui[@]}"
fi
# No display: render the overview under Xvfb and say where the picture is.
mkdir -p build/screenshots
shot=build/screenshots/overview.png
xvfb-run -a -s "-screen 0 1600x1000x24" "${gui[@]}" --screen overview --screenshot "$shot" >/dev/null
echo "No display here: the dashboard's overview was rendered under Xvfb to"
realpath "$shot"
