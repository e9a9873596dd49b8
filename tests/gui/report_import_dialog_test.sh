#!/usr/bin/env bash
# Issue 20 through the real dashboard: in dplan-gui (a real window under Xvfb, driven with xdotool)
# "Import report…" on the Indicators screen opens the report dialog; the shared sample's path is
# typed, Preview shows what would be imported and writes nothing, Import writes it into the demo's
# programme: the 18節 indicator arrives without a target and the other readings are corrections.
#   report_import_dialog_test.sh <dplan> <dplan-gui> <built plugins dir> <report> [screenshot dir]
# Run it under xvfb-run (ctest does): it needs $DISPLAY.
set -euo pipefail
dplan=$1 gui=$2 plugins=$3 report=$4 shots=${5:-}

source "$(dirname "$0")/window_test_setup.sh"

"${cli[@]}" demo >/dev/null 2>&1
before=$("${cli[@]}" indicators export 2>/dev/null)
grep -q ",3-c," <<<"$before" && fail "the demo already has 3-c"

"$gui" --db "$db" --plugin-dir "$plugins" --allow-unsigned --lang en --screen indicators --size 1280x800 \
    >"$work/gui.out" 2>&1 &
gui_pid=$!
window=$(timeout 30 xdotool search --sync --name "District Planner") || fail "no dashboard window"
window=${window%%$'\n'*}
for _ in $(seq 100); do
    xdotool getwindowname "$window" | grep -q "2024-25" && break
    sleep 0.2
done
sleep 1
shot 1-indicators

click() {  # x y, in window coordinates
    xdotool mousemove --window "$window" "$1" "$2"
    sleep 0.2
    xdotool click 1
    sleep 0.3
}

click "${IMPORT_REPORT_X:-985}" "${IMPORT_REPORT_Y:-73}"   # Import report…
sleep 0.5
shot 2-dialog
# The dialog opens with the path field focused.
xdotool type --delay 5 "$report"
sleep 0.3
click "${PREVIEW_X:-166}" "${PREVIEW_Y:-686}"    # Preview
sleep 3
shot 3-preview
after_preview=$("${cli[@]}" indicators export 2>/dev/null)
[[ "$after_preview" == "$before" ]] || fail "the preview wrote something"

written=
for _ in $(seq 30); do
    click "${IMPORT_X:-230}" "${IMPORT_Y:-686}"  # Import (enabled once the preview is in)
    sleep 0.5
    if "${cli[@]}" indicators export 2>/dev/null | grep -q ",3-c,output,家長小組,sessions,,18,"; then
        written=yes
        break
    fi
done
shot 4-imported
[[ -n "$written" ]] || fail "Import did not write the 18節 indicator"
history=$("${cli[@]}" --lang en indicators history 1 1A-b 2>/dev/null)
grep -q "superseded" <<<"$history" || fail "the sample's reading should correct the demo's: $history"
echo "previewed without writing, then imported"
