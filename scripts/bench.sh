#!/usr/bin/env bash
# Builds and runs the benchmarks; each prints its figures as ratios to a reference measured in
# the same run. Starts a throwaway MariaDB (as scripts/test.sh does) so the database benchmarks
# measure both backends, and builds the national-scale dataset once (build/bench-data/).
#   scripts/bench.sh [benchmark ...]   plugin_load_bench achievement_query_bench
#                                      indicator_import_bench paper_import_bench dashboard_frames
#                                      (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh default >/dev/null

mariadb_dir=build/mariadb-bench
trap 'scripts/mariadb-throwaway.sh stop "$mariadb_dir"' EXIT
DPLAN_BENCH_MYSQL_URL=$(scripts/mariadb-throwaway.sh start "$mariadb_dir")
export DPLAN_BENCH_MYSQL_URL

national=build/bench-data/national.db
if [[ ! -f $national ]]; then
    mkdir -p build/bench-data
    build/bench/make_national_dataset --db "sqlite:$national.part" 2>/dev/null
    mv "$national.part" "$national"
fi
build/host/dplan --db "sqlite:$national" db migrate >/dev/null

# Frame CPU time of the dashboard on national-scale data, against an empty frame in the same run.
dashboard_frames() {
    local -A median
    for screen in empty overview indicators meetings matrix trends; do
        line=$(xvfb-run -a -s "-screen 0 1600x1000x24" build/gui/dplan-gui --db "sqlite:$national" \
            --plugin-dir build/lib/dplan/plugins --allow-unsigned --district sham_shui_po \
            --screen "$screen" --bench-frames 600 2>/dev/null)
        echo "$line"
        median[$screen]=$(awk '{print $6}' <<<"$line")
    done
    for screen in overview indicators meetings matrix trends; do
        awk -v s="$screen" -v m="${median[$screen]}" -v e="${median[empty]}" \
            'BEGIN {printf "  %-10s median %.3f ms CPU = %.1fx the empty frame (%.3f ms); target < 4 ms\n", s, m, m / e, e}'
    done
}

benches=("$@")
((${#benches[@]})) || benches=(plugin_load_bench achievement_query_bench indicator_import_bench paper_import_bench dashboard_frames)
for bench in "${benches[@]}"; do
    echo "== $bench"
    if [[ $bench == dashboard_frames ]]; then
        dashboard_frames
    else
        "build/bench/$bench" 2>&1 | grep -v '\[info\]'
    fi
done
