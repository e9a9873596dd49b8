#!/usr/bin/env bash
# Issue 21 through the real dashboard (a real window under Xvfb, driven with xdotool): a plugin
# installed after the demo plan was drafted (the self-help organisations plugin of
# tests/broken_plugins) is offered in the editor's "Service areas the plan has no section for".
# The committee returns the plan; a committee member, who may read it but not edit it, sees the
# control disabled, and clicking it changes nothing. The system user's "Add service area" adds the
# section, and the section, the plugin's panel and its findings appear (in the window and through
# the CLI). Screenshots of each step go to the screenshot folder.
#   add_area_test.sh <dplan> <dplan-gui> <built plugins dir> <self-help plugin dir> [screenshot dir]
# Run it under xvfb-run (ctest does): it needs $DISPLAY.
set -euo pipefail
dplan=$1 gui=$2 plugins=$3 self_help=$4 shots=${5:-}

source "$(dirname "$0")/window_test_setup.sh"
with_self_help=("${cli[@]}" --plugin-dir "$self_help")

"${cli[@]}" demo >/dev/null 2>&1
"${with_self_help[@]}" --lang en plan panels 1 2>/dev/null | grep -q "Self-help organisations" &&
    fail "the demo plan has the self-help panel before the area was added"

start_gui() {  # user, window title to wait for
    "$gui" --db "$db" --plugin-dir "$plugins" --plugin-dir "$self_help" --allow-unsigned --user "$1" --lang en \
        --screen editor --size 1280x800 >"$work/gui-$1.out" 2>&1 &
    gui_pid=$!
    window=$(timeout 30 xdotool search --sync --name "District Planner") || fail "no dashboard window"
    window=${window%%$'\n'*}
    # The window title names the plan once the first snapshot is in.
    for _ in $(seq 100); do
        xdotool getwindowname "$window" | grep -q "2024-25" && break
        sleep 0.2
    done
    sleep 1
}
stop_gui() {
    kill "$gui_pid"
    wait "$gui_pid" 2>/dev/null || true
    gui_pid=
}
hover() {  # x y, in window coordinates
    xdotool mousemove --window "$window" "$1" "$2"
    sleep 1  # the tooltip shows after a short hover
}
click() {
    xdotool mousemove --window "$window" "$1" "$2"
    sleep 0.2
    xdotool click 1
    sleep 0.3
}
added() { "${cli[@]}" --lang en plan history 1 2>/dev/null | grep -q "Added the self_help_ok section"; }
member_add_button=(1147 131)  # no reason, save or submit above it: the member may not edit
add_button=(1147 219)

"${cli[@]}" plan submit 1 >/dev/null 2>&1 || fail "could not submit the demo plan"
"${cli[@]}" plan decide 1 --outcome returned --date 2024-06-20 --note "請加入自助組織的工作" >/dev/null 2>&1 ||
    fail "could not return the plan"
"${cli[@]}" user add riverside.member --role committee_member --district riverside >/dev/null 2>&1 ||
    fail "could not add the committee member"
before=$("${cli[@]}" plan history 1 2>/dev/null)
start_gui riverside.member
hover "${member_add_button[@]}"
shot 1-member-refused
click "${member_add_button[@]}"
sleep 2
stop_gui
after=$("${cli[@]}" plan history 1 2>/dev/null)
[[ "$before" == "$after" ]] || fail "a committee member's click changed the plan: $after"
echo "a committee member sees the control disabled, and clicking it changes nothing"

start_gui system
hover "${add_button[@]}"
shot 2-offered
click "${add_button[@]}"
for _ in $(seq 50); do
    added && break
    sleep 0.2
done
added || fail "\"Add service area\" did not add the section"
sleep 2  # the reload after the job
hover "${add_button[@]}"
shot 3-none-left
# The new section is the last one: scroll the sections to their end.
xdotool mousemove --window "$window" 400 500
for _ in $(seq 80); do xdotool click 5; done
sleep 0.5
shot 4-new-section
click 730 46  # the Plugins tab: the panels plugins declare
sleep 1
shot 5-panels
stop_gui

panels=$("${with_self_help[@]}" --lang en plan panels 1 2>/dev/null)
grep -q "Self-help organisations" <<<"$panels" || fail "the plugin's panel is missing: $panels"
findings=$("${with_self_help[@]}" --lang en plan validate 1 2>/dev/null || true)
grep -q "Self-help organisations support: The section has no objective" <<<"$findings" ||
    fail "the plugin's findings on the new section are missing: $findings"
echo "the self-help section was added from the editor; its panel and findings appear"
