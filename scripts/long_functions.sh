#!/usr/bin/env bash
# Lists the functions in host/ and gui/ longer than 80 lines that do not say why, and exits 1 if
# there are any (the test command runs this). A long function says why in a comment that starts
# "Long because" within the six lines above it, e.g. a table of data that reads best in one piece.
# Function extents come from universal-ctags (Debian's universal-ctags), not from a parser of ours.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=80
command -v ctags >/dev/null || { echo "ctags is missing: run scripts/deps.sh test" >&2; exit 2; }

status=0
while IFS=$'\t' read -r end start file name; do
    [[ -n "$end" && "$name" != __anon* ]] || continue
    length=$((end - start + 1))
    ((length > limit)) || continue
    above=$(sed -n "$((start > 6 ? start - 6 : 1)),$((start - 1))p" "$file")
    grep -qi "long because" <<<"$above" && continue
    echo "$file:$start: $name is $length lines (over $limit; split it, or say why in a 'Long because' comment)" >&2
    status=1
done < <(git ls-files 'host/*.cpp' 'host/*.hpp' 'gui/*.cpp' 'gui/*.hpp' |
         xargs ctags -x --_xformat="%{end}	%n	%F	%N" --kinds-C++=f --fields=+ne)
((status == 0)) && echo "Function length: none over $limit lines without a reason"
exit "$status"
