#!/usr/bin/env bash
# Issue 22 through the real dashboard (a real window under Xvfb, driven with xdotool): a real
# committee paper is imported and given a 300-character focus point (tests/fixtures/long-focus-point.txt).
# The editor wraps it in a box that grows with it; the user reaches it without a mouse (Ctrl+Down,
# from the first focus point to the fourth), goes to its end (Ctrl+End), types, and saves with
# Ctrl+S, then submits it with Ctrl+Shift+Enter and Enter. The stored text is exactly the old one plus what was typed: the soft breaks the editor
# shows never reach the plan. Screenshots of each step go to the screenshot folder.
#   long_focus_point_test.sh <dplan> <dplan-gui> <built plugins dir> <paper.txt> <long-focus-point.txt> [screenshot dir]
# Run it under xvfb-run (ctest does): it needs $DISPLAY.
set -euo pipefail
dplan=$1 gui=$2 plugins=$3 paper=$4 long_point=$5 shots=${6:-}

database_name=plan.db
source "$(dirname "$0")/window_test_setup.sh"

"${cli[@]}" db init >/dev/null 2>&1
"${cli[@]}" district add riverside --name-zh 河畔區 --name-en Riverside >/dev/null 2>&1
"${cli[@]}" plan import "$paper" >/dev/null 2>&1 || fail "the paper did not import"
text=$(<"$long_point")
(($(printf '%s' "$text" | wc -m) == 300)) || fail "the fixture is not 300 characters"
"${cli[@]}" plan edit 1 --reason "a long focus point" --add-point "family=$text" >/dev/null 2>&1 ||
    fail "could not add the long focus point"

"$gui" --db "$db" --plugin-dir "$plugins" --allow-unsigned --lang zh --screen editor --size 1280x800 \
    >"$work/gui.out" 2>&1 &
gui_pid=$!
window=$(timeout 30 xdotool search --sync --name "地區福利規劃") || fail "no dashboard window"
window=${window%%$'\n'*}
for _ in $(seq 100); do
    xdotool getwindowname "$window" | grep -q "2024-25" && break
    sleep 0.2
done
sleep 1
shot 1-editor

# Focus the window without touching a box (the status line), then go by keyboard only.
xdotool mousemove --window "$window" 640 790 click 1
sleep 0.3
hold() {  # Dear ImGui 1.86 samples keys once a frame: hold a chord for a few frames.
    xdotool keydown "$@"
    sleep 0.15
    local keys=("$@") i
    for ((i = ${#keys[@]} - 1; i >= 0; i--)); do xdotool keyup "${keys[i]}"; done
    sleep 0.25
}
for _ in 1 2 3 4; do hold ctrl Down; done  # the first focus point, then the family section's fourth
shot 2-reached
hold ctrl End
shot 3-end
xdotool type --delay 20 " (checked)"
sleep 0.5
shot 4-typed
hold ctrl s
for _ in $(seq 50); do
    sleep 0.2
    "${cli[@]}" --lang zh plan history 1 2>/dev/null | grep -q "dashboard edit" && break
done
shot 5-saved

stored=$("${cli[@]}" plan export 1 --format json 2>/dev/null) || fail "cannot export the plan"
check='
import json, sys
plan = json.loads(sys.argv[1])
texts = [p["text"]["zh"] for s in plan["sections"] for p in s["focus_points"]]
if sys.argv[2] not in texts:
    print("stored focus points:", *texts, sep="\n  ", file=sys.stderr)
    sys.exit(1)
'
python3 -c "$check" "$stored" "$text (checked)" || fail "the stored focus point is not the old text plus what was typed"
echo "the 300-character focus point was edited by keyboard and saved whole"

# F1 lists the shortcuts (and F1 again hides them); Ctrl+Shift+Enter asks to submit, Enter confirms.
hold F1
shot 6-help
hold F1
hold ctrl shift Return
shot 7-submit-asked
hold Return
for _ in $(seq 50); do
    sleep 0.2
    "${cli[@]}" --lang en plan show 1 2>/dev/null | grep -qi "submitted" && break
done
shot 8-submitted
"${cli[@]}" --lang en plan show 1 2>/dev/null | grep -qi "submitted" || fail "Ctrl+Shift+Enter, Enter did not submit the plan"
echo "submitted by keyboard"
