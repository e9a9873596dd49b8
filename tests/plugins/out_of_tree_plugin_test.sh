#!/usr/bin/env bash
# An NGO builds its plugin outside our tree against the installed SDK only, from the example the
# SDK installs, runs its unit tests (the SDK's harness), signs it, and the host loads it next to
# the standard plugins and runs its checks on the demo plan. Then the same plugin built for
# SDK 1.0 hosts (DPLAN_TARGET_SDK), and a hand-set manifest "sdk" that the build refuses.
#   out_of_tree_plugin_test.sh <main build dir> <dplan> <example source dir> <built plugins dir>
set -euo pipefail
build=$1 dplan=$2 example=$3 standard_plugins=$4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state

cmake --install "$build" --component sdk --prefix "$work/prefix" >/dev/null
docs=$work/prefix/share/doc/dplan-sdk
test -f "$docs/README.md" || { echo "FAIL: the SDK install has no README.md" >&2; exit 1; }
test -f "$docs/examples/ngo-outreach/plugin.cpp" || { echo "FAIL: the SDK install has no example" >&2; exit 1; }
diff -r "$example" "$docs/examples/ngo-outreach" >/dev/null || { echo "FAIL: the installed example differs" >&2; exit 1; }
# A copy of the installed example, so nothing of our source tree is near it.
cp -r "$docs/examples/ngo-outreach" "$work/ngo-plugin"
cmake -S "$work/ngo-plugin" -B "$work/ngo-build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build "$work/ngo-build" >/dev/null
source_root=$(cd "$example/../../.." && pwd)
if grep -q "$source_root" "$work/ngo-build/compile_commands.json"; then
    echo "FAIL: the NGO plugin was compiled with paths from the District Planner source tree" >&2
    exit 1
fi
ctest --test-dir "$work/ngo-build" --output-on-failure | tail -n 3
grep -q '"sdk" : "1.1"' "$work/ngo-build/plugins/drug_outreach/plugin.json"

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

"$dplan" "${common[@]}" plugin check "$plugin_dir" | grep -q "The plugin passed every check."

"$dplan" "${common[@]}" demo >/dev/null
findings=$("$dplan" "${common[@]}" plan validate 1)
echo "$findings"
grep -q "Youth services: The youth section reaches hidden and at-risk youth" <<<"$findings"

# Built with the 1.1 headers for 1.0 hosts: the manifest and the entry say 1.0, and it still loads here.
cmake -S "$work/ngo-plugin" -B "$work/ngo-build-1.0" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DDPLAN_TARGET_SDK=1.0 >/dev/null
cmake --build "$work/ngo-build-1.0" --target drug_outreach >/dev/null
grep -q '"sdk" : "1.0"' "$work/ngo-build-1.0/plugins/drug_outreach/plugin.json"
"$dplan" plugin sign "$work/ngo-build-1.0/plugins/drug_outreach" --key "$work/keys/ngo.key" >/dev/null
"$dplan" --lang en --plugin-dir "$work/standard" --trusted-key "$work/keys/ngo.pub" \
    plugin check "$work/ngo-build-1.0/plugins/drug_outreach" | grep -q "The plugin passed every check."

# A manifest "sdk" written by hand that disagrees with the headers stops the build.
sed -i 's/"version": "1.0.0",/"version": "1.0.0", "sdk": "1.0",/' "$work/ngo-plugin/plugin.json"
if cmake -S "$work/ngo-plugin" -B "$work/ngo-build-lying" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    >"$work/lying.log" 2>&1; then
    echo "FAIL: a manifest saying sdk 1.0 built with 1.1 headers was accepted" >&2
    exit 1
fi
# CMake wraps its messages: read them as one line.
tr -s ' \n' ' ' <"$work/lying.log" | grep -q '"sdk" is "1.0" but the plugin is built for SDK 1.1'
echo "out-of-tree NGO plugin: built against the installed SDK, unit-tested, loaded and checked; 1.0 target works"
