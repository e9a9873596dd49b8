#!/usr/bin/env bash
# Command 2: install what is missing, check the formatting (scripts/format.sh --check) and that no
# function is over 80 lines without a reason (scripts/long_functions.sh), start a throwaway
# MariaDB, build, run the whole test suite (SQLite and MariaDB), then build the libFuzzer targets (clang, build-fuzz/) and run each for a
# bounded time ($DPLAN_FUZZ_SECONDS, default 30: five targets, under 3 minutes together), stop the
# server, exit with ctest's status (1 if the tests passed but a fuzz target crashed).
#   scripts/test.sh [--preset asan|tsan|fuzz] [extra ctest arguments]
# asan: the whole suite under AddressSanitizer + UBSan; tsan: the dashboard worker tests and the
# server's black-box tests under ThreadSanitizer; fuzz: only the fuzz step (CMakePresets.json says what each builds and runs).
set -euo pipefail
cd "$(dirname "$0")/.."

preset=default
if [[ "${1:-}" == --preset ]]; then preset=$2; shift 2; fi
build_dir=build
[[ "$preset" == default ]] || build_dir=build-$preset

scripts/deps.sh test
scripts/format.sh --check
scripts/long_functions.sh

fuzz_step() {
    scripts/build.sh fuzz
    scripts/fuzz.sh all "${DPLAN_FUZZ_SECONDS:-30}"
}
if [[ "$preset" == fuzz ]]; then
    fuzz_step
    exit
fi
scripts/build.sh "$preset"

mariadb_dir=$build_dir/mariadb
trap 'scripts/mariadb-throwaway.sh stop "$mariadb_dir"' EXIT
DPLAN_TEST_MYSQL_URL=$(scripts/mariadb-throwaway.sh start "$mariadb_dir")
export DPLAN_TEST_MYSQL_URL
echo "Throwaway MariaDB: $DPLAN_TEST_MYSQL_URL"

status=0
ctest --preset "$preset" -j"$(nproc)" "$@" || status=$?
if [[ "$preset" == default ]]; then
    fuzz_step || status=$((status == 0 ? 1 : status))
fi
exit "$status"
