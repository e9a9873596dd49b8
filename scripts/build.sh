#!/usr/bin/env bash
# Configures (once) and builds District Planner with a CMake preset (default: "default").
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
build_dir=build
[[ "$preset" == default ]] || build_dir=build-$preset
if [[ ! -f "$build_dir/build.ninja" ]]; then
    cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
