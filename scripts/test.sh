#!/usr/bin/env bash
# Command 2: install what is missing, start a throwaway MariaDB, build, run the whole test suite
# (SQLite and MariaDB), stop the server, exit with ctest's status.
#   scripts/test.sh [--preset asan|tsan] [extra ctest arguments]
# asan: the whole suite under AddressSanitizer + UBSan; tsan: the dashboard worker tests under
# ThreadSanitizer (the presets in CMakePresets.json say what each builds and runs).
set -euo pipefail
cd "$(dirname "$0")/.."

preset=default
if [[ "${1:-}" == --preset ]]; then preset=$2; shift 2; fi
build_dir=build
[[ "$preset" == default ]] || build_dir=build-$preset

scripts/deps.sh test
scripts/build.sh "$preset"

mariadb_dir=$build_dir/mariadb
trap 'scripts/mariadb-throwaway.sh stop "$mariadb_dir"' EXIT
DPLAN_TEST_MYSQL_URL=$(scripts/mariadb-throwaway.sh start "$mariadb_dir")
export DPLAN_TEST_MYSQL_URL
echo "Throwaway MariaDB: $DPLAN_TEST_MYSQL_URL"

status=0
ctest --preset "$preset" -j"$(nproc)" "$@" || status=$?
exit "$status"
