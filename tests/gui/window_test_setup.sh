# Sourced by the dashboard's xdotool tests after they set dplan, gui, plugins and shots: a private
# HOME and work folder removed on exit (with the dashboard, if started into $gui_pid), the demo
# database's URL ($db; its file name from $database_name, default demo.db), the CLI with the
# built plugins (${cli[@]}), and fail/shot, which save the screen as PNG.
work=$(mktemp -d)
gui_pid=
cleanup() {
    if [[ -n "$gui_pid" ]]; then
        kill "$gui_pid" 2>/dev/null || true
        wait "$gui_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
[[ -n "$shots" ]] || shots=$work/shots
mkdir -p "$shots"
db="sqlite:$work/${database_name:-demo.db}"
cli=("$dplan" --db "$db" --plugin-dir "$plugins" --allow-unsigned)

fail() {
    echo "FAIL: $*" >&2
    import -window root "$shots/failure.png" 2>/dev/null || true
    exit 1
}
shot() { import -window root "$shots/$1.png"; }
