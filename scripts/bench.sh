#!/usr/bin/env bash
# Builds and runs the benchmarks; each prints its figures as ratios to a reference measured in
# the same run. Starts a throwaway MariaDB (as scripts/test.sh does) so the database benchmarks
# measure both backends.
#   scripts/bench.sh [benchmark name ...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh default >/dev/null

mariadb_dir=build/mariadb-bench
trap 'scripts/mariadb-throwaway.sh stop "$mariadb_dir"' EXIT
DPLAN_BENCH_MYSQL_URL=$(scripts/mariadb-throwaway.sh start "$mariadb_dir")
export DPLAN_BENCH_MYSQL_URL

benches=("$@")
((${#benches[@]})) || benches=(plugin_load_bench achievement_query_bench indicator_import_bench)
for bench in "${benches[@]}"; do
    echo "== $bench"
    "build/bench/$bench" 2>&1 | grep -v '\[info\]'
done
