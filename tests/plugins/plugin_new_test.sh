#!/usr/bin/env bash
# `dplan plugin new` from an empty folder: the project builds against the installed SDK only,
# its harness tests pass, and once signed it passes `plugin check` and loads.
#   plugin_new_test.sh <main build dir> <dplan> <built plugins dir>
set -euo pipefail
build=$1 dplan=$2 standard_plugins=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state

cmake --install "$build" --component sdk --prefix "$work/prefix" >/dev/null
mkdir "$work/empty"
cd "$work/empty"
"$dplan" --lang en plugin new ngo.test.self_help --name-zh "自助組織支援" --name-en "Self-help organisations support"
ls ngo.test.self_help
cmake -S ngo.test.self_help -B build -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build build >/dev/null
ctest --test-dir build --output-on-failure | tail -n 3

plugin_dir=$work/empty/build/plugins/ngo.test.self_help
"$dplan" plugin keygen --out "$work/keys/ngo" >/dev/null
"$dplan" plugin sign "$plugin_dir" --key "$work/keys/ngo.key" >/dev/null
cp -r "$standard_plugins" "$work/standard"
rm -f "$work"/standard/*/plugin.sig
for dir in "$work"/standard/*/; do "$dplan" plugin sign "$dir" --key "$work/keys/ngo.key" >/dev/null; done
common=(--lang en --plugin-dir "$work/standard" --trusted-key "$work/keys/ngo.pub")
check=$("$dplan" "${common[@]}" plugin check "$plugin_dir")
echo "$check"
grep -q "The plugin passed every check." <<<"$check"
list=$("$dplan" "${common[@]}" --plugin-dir "$work/empty/build/plugins" plugins list)
grep -q "ngo.test.self_help 0.1.0    Self-help organisations support" <<<"$list"
if grep -q "Refused" <<<"$list"; then echo "FAIL: a plugin was refused: $list" >&2; exit 1; fi

# A second `plugin new` into the same folder changes nothing.
if "$dplan" --lang en plugin new ngo.test.self_help --name-zh 甲 --name-en A 2>"$work/err"; then
    echo "FAIL: plugin new wrote over a project" >&2
    exit 1
fi
grep -q "is not empty" "$work/err"
echo "plugin new: built against the installed SDK, tested, checked and loaded"
