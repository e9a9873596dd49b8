#!/usr/bin/env bash
# Installs the Debian packages District Planner needs that are not installed yet.
#   scripts/deps.sh run    what building and running the dashboard needs
#   scripts/deps.sh test   the same plus MariaDB server and the test/benchmark tools
# A second run with everything present does nothing (no apt-get update, no network).
set -euo pipefail

profile=${1:-run}

build_packages=(
    build-essential cmake ninja-build ccache pkg-config git
    libboost-dev libboost-filesystem-dev libboost-system-dev
    libsoci-dev libmariadb-dev libsqlite3-dev sqlite3
    libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
    libsodium-dev libssl-dev
    libimgui-dev libglfw3-dev libgl-dev
    libcairo2-dev libpango1.0-dev libpoppler-cpp-dev
    libical-dev libhowardhinnant-date-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    fonts-wqy-microhei xvfb xauth tzdata libstb-dev
)
# clang-14 and libclang-rt-14-dev: the fuzz preset's compiler and libFuzzer; xdotool and
# imagemagick: the dashboard tests that drive a real window; clang-format-14 and universal-ctags: the
# format and function-length checks; python3-jsonschema and curl: the server's black-box script
# validates every answer against docs/openapi.json (no C++ JSON Schema validator is packaged);
# wrk: the server's load benchmark.
test_packages=(mariadb-server mariadb-client poppler-utils python3 python3-icalendar xdotool imagemagick clang-14
               libclang-rt-14-dev clang-format-14 universal-ctags python3-jsonschema curl wrk)

case "$profile" in
    run) wanted=("${build_packages[@]}") ;;
    test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
if ((EUID != 0)); then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
# policy-rc.d keeps the package from starting the system MariaDB service: the tests run their
# own throwaway server and must never touch the system one.
if [[ " ${missing[*]} " == *" mariadb-server "* && ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
    trap '"${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
