#!/usr/bin/env bash
# Builds the release web modules exactly as wasm-pack.toml says: for each
# [[module]] (core → www/pkg, xlsx → www/pkg-xlsx), wasm-pack with the
# cached, version-matched wasm-bindgen, then npm binaryen's wasm-opt with the
# configured flags, then the npm package name and the size against the
# module's budget. Run scripts/install-tools.sh web first (the Makefile does).
#
# Usage: scripts/build-web.sh [--strict-size] [MODULE...]   (default: all)
#   --strict-size (or BUDGET_LINT_STRICT_SIZE=1, or fail_over_budget = true in
#   wasm-pack.toml) makes an over-budget module fail the build.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="${BUDGET_LINT_TOOLS:-$HOME/.cache/budget-lint}"
# The cached tools come first: never a Debian wasm-opt (binaryen 108 breaks
# wasm-bindgen output) and never a wasm-bindgen of another version.
export PATH="$TOOLS/bin:$TOOLS/binaryen/node_modules/.bin:$PATH"
conf() { python3 scripts/wasm_pack_conf.py get "$1"; }

strict="${BUDGET_LINT_STRICT_SIZE:-0}"
[ "$(conf fail_over_budget)" = true ] && strict=1
wanted=()
for arg in "$@"; do
  case "$arg" in
    --strict-size) strict=1 ;;
    -*) echo "usage: $0 [--strict-size] [MODULE...]" >&2; exit 2 ;;
    *) wanted+=("$arg") ;;
  esac
done

target=$(conf target)
profile=$(conf profile)
case "$profile" in
  release|dev|profiling) profile_args=("--$profile") ;;
  *) profile_args=(--profile "$profile") ;;
esac

wb_want=$(python3 scripts/wasm_pack_conf.py lock-version wasm-bindgen)
wb_have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$wb_have" != "$wb_want" ]; then
  echo "build-web: wasm-bindgen $wb_want needed (found '${wb_have:-none}'): run scripts/install-tools.sh web" >&2
  exit 1
fi
if [ "$(conf enabled)" = true ]; then
  read -r -a opt_flags <<< "$(conf flags)"
  command -v wasm-opt >/dev/null || { echo "build-web: wasm-opt missing: run scripts/install-tools.sh web" >&2; exit 1; }
fi

# build NAME OUT_DIR NPM_NAME BUDGET_KB FEATURES
build() {
  local name=$1 out_dir="$ROOT/$2" npm_name=$3 budget_kb=$4 features=$5
  local cargo_args=(--no-default-features) start wasm before raw gz
  [ "$features" != - ] && cargo_args+=(--features "$features")
  start=$(date +%s)
  echo "build-web[$name]: wasm-pack build --target $target ${profile_args[*]} --out-dir $2 -- ${cargo_args[*]}"
  # --no-opt: wasm-pack would run wasm-opt with its own flags (it ignores the
  # metadata for custom profiles); wasm-opt runs below with the configured ones.
  wasm-pack --log-level warn build --target "$target" "${profile_args[@]}" \
    --no-opt --out-dir "$out_dir" --out-name budget_lint . -- "${cargo_args[@]}"

  wasm="$out_dir/budget_lint_bg.wasm"
  if [ "$(conf enabled)" = true ]; then
    before=$(stat -c %s "$wasm")
    wasm-opt "${opt_flags[@]}" "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
    echo "build-web[$name]: wasm-opt $(wasm-opt --version | awk '{print $3}') $before -> $(stat -c %s "$wasm") bytes"
  fi
  # wasm-pack's own .gitignore ("*") would hide the package from a dist copy;
  # its package.json carries the crate's name, the same for every module.
  rm -f "$out_dir/.gitignore"
  python3 - "$out_dir/package.json" "$npm_name" <<'PY'
import json, sys
path, name = sys.argv[1], sys.argv[2]
pkg = json.load(open(path, encoding="utf-8"))
pkg["name"] = name
pkg.setdefault("keywords", ["budget", "预算公开", "validator", "wasm"])
json.dump(pkg, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(path, "a").write("\n")
PY

  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  awk -v f="${wasm#"$ROOT"/}" -v r="$raw" -v g="$gz" -v b="$budget_kb" 'BEGIN {
    printf "build-web: %s  raw %d bytes (%.1f KiB)  gzip -9 %d bytes (%.1f KiB)  budget %d KiB gzip\n", f, r, r/1024, g, g/1024, b }'
  echo "build-web[$name]: built in $(( $(date +%s) - start )) s"
  if [ "$gz" -gt $((budget_kb * 1024)) ]; then
    echo "build-web: !!!!!!!! $name OVER BUDGET: $gz bytes gzip > $((budget_kb * 1024)) bytes ($budget_kb KiB) !!!!!!!!" >&2
    [ "$strict" = 1 ] && return 1
  fi
  return 0
}

# Everything the served page ships, for the record (only the .wasm files have
# a budget): what a first visit loads, then what only an export loads.
shipped() {
  local total=0 f fgz label=$1; shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    fgz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + fgz))
    printf 'build-web:   %-40s raw %7d  gzip %6d\n' "${f#"$ROOT"/}" "$(stat -c %s "$f")" "$fgz"
  done
  echo "build-web: $label gzip -9 total $total bytes"
}

found=0
while read -r name out npm budget features; do
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
  found=$((found + 1))
  # stdin stays the module list's: nothing in build() may read it.
  build "$name" "$out" "$npm" "$budget" "$features" </dev/null
done < <(python3 scripts/wasm_pack_conf.py modules)
[ "$found" -gt 0 ] || { echo "build-web: no module named ${wanted[*]} in wasm-pack.toml" >&2; exit 2; }

shopt -s nullglob globstar
shipped "www/ (pages, lib, element, core engine)" "$ROOT"/www/*.html "$ROOT"/www/*.css "$ROOT"/www/*.js \
  "$ROOT"/www/lib/*.js "$ROOT"/www/ui/**/*.js "$ROOT"/www/embed/*.js "$ROOT"/www/embed/*.css \
  "$ROOT"/www/pkg/budget_lint.js "$ROOT"/www/pkg/budget_lint_bg.wasm
shipped "Excel export (on demand)" "$ROOT"/www/pkg-xlsx/budget_lint.js "$ROOT"/www/pkg-xlsx/budget_lint_bg.wasm
