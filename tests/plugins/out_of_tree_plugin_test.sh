#!/usr/bin/env bash
# An NGO builds its plugin outside our tree against the installed SDK only, signs it, and the
# host loads it next to the standard plugins and runs its checks on the demo plan.
#   out_of_tree_plugin_test.sh <main build dir> <dplan> <example source dir> <built plugins dir>
set -euo pipefail
build=$1 dplan=$2 example=$3 standard_plugins=$4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state

cmake --install "$build" --component sdk --prefix "$work/prefix" >/dev/null
# A copy of the example, so nothing of our source tree is near it.
cp -r "$example" "$work/ngo-plugin"
cmake -S "$work/ngo-plugin" -B "$work/ngo-build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build "$work/ngo-build" >/dev/null
source_root=$(cd "$example/../../.." && pwd)
if grep -q "$source_root" "$work/ngo-build/compile_commands.json"; then
    echo "FAIL: the NGO plugin was compiled with paths from the District Planner source tree" >&2
    exit 1
fi

plugin_dir=$work/ngo-build/plugins/drug_outreach
"$dplan" plugin keygen --out "$work/keys/ngo" >/dev/null
"$dplan" plugin sign "$plugin_dir" --key "$work/keys/ngo.key" >/dev/null
cp -r "$standard_plugins" "$work/standard"
rm -f "$work"/standard/*/plugin.sig
for dir in "$work"/standard/*/; do "$dplan" plugin sign "$dir" --key "$work/keys/ngo.key" >/dev/null; done

common=(--lang en --plugin-dir "$work/standard" --plugin-dir "$work/ngo-build/plugins"
        --trusted-key "$work/keys/ngo.pub" --db "sqlite:$work/demo.db")
list=$("$dplan" "${common[@]}" plugins list)
echo "$list"
grep -q "drug_outreach    1.0.0    Community outreach for people who misuse drugs" <<<"$list"
grep -q "6 indicators, validation, report text, dashboard panel" <<<"$list"
if grep -q "Refused" <<<"$list"; then echo "FAIL: a plugin was refused" >&2; exit 1; fi

"$dplan" "${common[@]}" plugin check "$plugin_dir" | grep -q "passed every check"

"$dplan" "${common[@]}" demo >/dev/null
findings=$("$dplan" "${common[@]}" plan validate 1)
echo "$findings"
grep -q "Youth services: The youth section reaches hidden and at-risk youth" <<<"$findings"
echo "out-of-tree NGO plugin: built against the installed SDK, loaded and checked"
