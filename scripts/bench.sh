#!/usr/bin/env bash
# Builds and runs the benchmarks; each prints its figure as a ratio to a reference measured in
# the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh default >/dev/null
build/bench/plugin_load_bench "$@"
