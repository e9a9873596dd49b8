#!/usr/bin/env bash
# The project's C++ formatting (.clang-format, clang-format 14 as Debian 12 ships it).
#   scripts/format.sh          rewrite every tracked C/C++ file that differs
#   scripts/format.sh --check  list the files that differ and exit 1 (the test command runs this)
set -euo pipefail
cd "$(dirname "$0")/.."

clang_format=clang-format-14
command -v "$clang_format" >/dev/null || { echo "$clang_format is missing: run scripts/deps.sh test" >&2; exit 2; }

mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.c')
if [[ "${1:-}" != --check ]]; then
    "$clang_format" -i "${files[@]}"
    exit 0
fi

# One clang-format process for every file (one per file took minutes on a loaded machine); its
# warnings start with the file's name.
mapfile -t unformatted < <("$clang_format" --dry-run "${files[@]}" 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' | sort -u)
if ((${#unformatted[@]} > 0)); then
    printf 'Not formatted (run scripts/format.sh): %s\n' "${unformatted[@]}" >&2
    exit 1
fi
echo "Formatting: ${#files[@]} files follow .clang-format"
