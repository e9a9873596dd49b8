#!/usr/bin/env bash
# Issue 13 through the real dashboard: in dplan-gui (a real window under Xvfb, driven with xdotool)
# a user edits the family objective's English; meanwhile `dplan plan edit` changes its Chinese.
# The dashboard's save is refused, the conflict dialog opens (no conflicting item: the two changes
# are in different languages), "Merge and save" saves on top of the latest version, and both
# changes survive: `dplan plan show` has both, `dplan plan diff` shows only the English change.
#   conflict_dialog_test.sh <dplan> <dplan-gui> <built plugins dir> [screenshot dir]
# Run it under xvfb-run (ctest does): it needs $DISPLAY.
set -euo pipefail
dplan=$1 gui=$2 plugins=$3 shots=${4:-}

source "$(dirname "$0")/window_test_setup.sh"

"${cli[@]}" demo >/dev/null 2>&1
english="Support families in crisis early, dashboard edit"
chinese="及早識別及支援面對危機的家庭（命令列修訂）"

"$gui" --db "$db" --plugin-dir "$plugins" --allow-unsigned --lang en --screen editor --size 1280x800 \
    >"$work/gui.out" 2>&1 &
gui_pid=$!
window=$(timeout 30 xdotool search --sync --name "District Planner") || fail "no dashboard window"
window=${window%%$'\n'*}
# The window title names the plan once the first snapshot is in.
for _ in $(seq 100); do
    xdotool getwindowname "$window" | grep -q "2024-25" && break
    sleep 0.2
done
sleep 1
shot 1-editor

click() {  # x y, in window coordinates
    xdotool mousemove --window "$window" "$1" "$2"
    sleep 0.2
    xdotool click 1
    sleep 0.3
}

# The family objective (the first multi-line field): select its English text and type over it.
click 300 145
# Dear ImGui 1.86 samples keys once a frame: hold Ctrl+A for a few frames so select-all is seen.
xdotool keydown ctrl keydown a
sleep 0.2
xdotool keyup a keyup ctrl
xdotool type --delay 5 "$english"
sleep 0.5
shot 2-edited

# Meanwhile the CLI changes the Chinese text, and the dashboard saves on the version it started from.
"${cli[@]}" plan edit 1 --reason "CLI: Chinese objective" --objective "family=$chinese" >/dev/null 2>&1
click 826 129    # Save
for _ in $(seq 50); do
    sleep 0.2
    shot 3-conflict
    # The dialog dims the window: far fewer light pixels at the window's edge.
    [[ $(convert "$shots/3-conflict.png" -crop 20x20+5+700 -format '%[fx:mean]' info:) < 0.7 ]] && break
done
[[ $(convert "$shots/3-conflict.png" -crop 20x20+5+700 -format '%[fx:mean]' info:) < 0.7 ]] ||
    fail "the conflict dialog did not open"

click 391 708    # Merge and save
sleep 2
shot 4-saved

show=$("${cli[@]}" --lang both plan show 1 2>/dev/null)
grep -qF "$english" <<<"$show" || fail "the dashboard's English edit is missing: $show"
grep -qF "$chinese" <<<"$show" || fail "the CLI's Chinese edit is missing: $show"
diff=$("${cli[@]}" --lang en plan diff 1 2>/dev/null)
echo "$diff"
grep -q "English changed" <<<"$diff" || fail "the last revision should change the English: $diff"
if grep -q "Chinese changed" <<<"$diff"; then fail "the last revision reverted the Chinese: $diff"; fi
echo "both changes survive"
