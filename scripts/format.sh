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

unformatted=()
for file in "${files[@]}"; do
    "$clang_format" --dry-run -Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if ((${#unformatted[@]} > 0)); then
    printf 'Not formatted (run scripts/format.sh): %s\n' "${unformatted[@]}" >&2
    exit 1
fi
echo "Formatting: ${#files[@]} files follow .clang-format"
