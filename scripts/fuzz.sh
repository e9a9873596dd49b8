#!/usr/bin/env bash
# Runs the libFuzzer targets built by the `fuzz` preset (scripts/build.sh fuzz, into build-fuzz/).
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     default: all targets, 60 seconds each
# Targets: paper_import indicator_csv plan_json plugin_manifest database_url.
# Each run first replays tests/fuzz/corpus/TARGET/ (the inputs that once crashed it, kept as
# regressions) and its seeds from tests/fixtures, then mutates them. Inputs that reach new code
# are kept in build-fuzz/corpus/TARGET/ for the next run. A crash stops the target with its input
# in build-fuzz/crashes/TARGET/: fix the code, then add the input to tests/fuzz/corpus/TARGET/.
# Prints executions per second and corpus sizes; exits non-zero if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(paper_import indicator_csv plan_json plugin_manifest database_url)
which=${1:-all}
seconds=${2:-60}
if [[ "$which" == all ]]; then targets=("${all_targets[@]}"); else targets=("$which"); fi

# Seeds: files from tests/fixtures (and the plugins' own manifests) each target starts from; each
# line of a .lines file is a seed of its own.
seeds_for() {
    case "$1" in
        paper_import) echo tests/fixtures/*.txt ;;
        indicator_csv) echo tests/fixtures/*.csv ;;
        plan_json) echo tests/fixtures/*.json ;;
        plugin_manifest) echo plugins/*/plugin.json sdk/examples/*/plugin.json ;;
        database_url) echo tests/fixtures/database-urls.lines ;;
        *) echo "unknown fuzz target: $1 (one of: ${all_targets[*]})" >&2; exit 2 ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    binary=build-fuzz/tests/fuzz/$target
    [[ -x "$binary" ]] || { echo "$binary is not built: run scripts/build.sh fuzz" >&2; exit 2; }
    work=build-fuzz/corpus/$target
    crashes=build-fuzz/crashes/$target
    mkdir -p "$work" "$crashes" "tests/fuzz/corpus/$target"
    for seed in $(seeds_for "$target"); do
        [[ -f "$seed" ]] || continue
        if [[ "$seed" == *.lines ]]; then
            n=0
            while IFS= read -r line; do
                n=$((n + 1))
                [[ -e "$work/seed-$n" ]] || printf '%s' "$line" >"$work/seed-$n"
            done <"$seed"
        else
            [[ -e "$work/seed-$(basename "$seed")" ]] || cp "$seed" "$work/seed-$(basename "$seed")"
        fi
    done
    log=build-fuzz/fuzz-$target.log
    echo "== $target: ${seconds}s"
    # -timeout: an input that takes 30 s is a hang (10 s gave a false one on a machine under load: an
    # 800-byte paper that replays in 0.15 s); -rss_limit_mb: one that needs 2 GB is a bug.
    if ! "$binary" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$crashes/" "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
        status=1
        echo "!! $target crashed; the input is in $crashes/ and the report in $log:" >&2
        grep -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -20 "$log" >&2
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    echo "   ${runs:-?} runs, ${rate:-?} per second; corpus $(find "$work" -type f | wc -l) inputs" \
         "($(du -s --apparent-size --block-size=1K "$work" | cut -f1) KB), $(find "tests/fuzz/corpus/$target" -type f | wc -l) kept regressions"
done
exit "$status"
