#!/usr/bin/env bash
# Builds the release web package (www/pkg by default) exactly as wasm-pack.toml
# says: wasm-pack with the cached, version-matched wasm-bindgen, then npm
# binaryen's wasm-opt with the configured flags, then the size against the
# budget. Run scripts/install-tools.sh web first (the Makefile does).
#
# Usage: scripts/build-web.sh [--strict-size]
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
for arg in "$@"; do
  case "$arg" in
    --strict-size) strict=1 ;;
    *) echo "usage: $0 [--strict-size]" >&2; exit 2 ;;
  esac
done

target=$(conf target)
out_dir="$ROOT/$(conf out_dir)"
profile=$(conf profile)
features=$(conf cargo_features)
budget_kb=$(conf wasm_gzip_kb)

wb_want=$(python3 scripts/wasm_pack_conf.py lock-version wasm-bindgen)
wb_have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$wb_have" != "$wb_want" ]; then
  echo "build-web: wasm-bindgen $wb_want needed (found '${wb_have:-none}'): run scripts/install-tools.sh web" >&2
  exit 1
fi

cargo_args=(--no-default-features)
[ -n "$features" ] && cargo_args+=(--features "${features// /,}")

start=$(date +%s)
case "$profile" in
  release|dev|profiling) profile_args=("--$profile") ;;
  *) profile_args=(--profile "$profile") ;;
esac
echo "build-web: wasm-pack build --target $target ${profile_args[*]} --out-dir $out_dir -- ${cargo_args[*]}"
# --no-opt: wasm-pack would run wasm-opt with its own flags (it ignores the
# metadata for custom profiles); wasm-opt runs below with the configured ones.
wasm-pack --log-level warn build --target "$target" "${profile_args[@]}" \
  --no-opt --out-dir "$out_dir" --out-name budget_lint . -- "${cargo_args[@]}"

wasm="$out_dir/budget_lint_bg.wasm"
if [ "$(conf enabled)" = true ]; then
  read -r -a flags <<< "$(conf flags)"
  command -v wasm-opt >/dev/null || { echo "build-web: wasm-opt missing: run scripts/install-tools.sh web" >&2; exit 1; }
  echo "build-web: wasm-opt $(wasm-opt --version | awk '{print $3}') ${flags[*]}"
  before=$(stat -c %s "$wasm")
  wasm-opt "${flags[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  echo "build-web: wasm-opt $before -> $(stat -c %s "$wasm") bytes"
fi
# The report's TypeScript declarations, imported by budget_lint.d.ts.
cp schema/report.d.ts "$out_dir/report.d.ts"
python3 - "$out_dir/package.json" <<'PY'
import json, sys
path = sys.argv[1]
pkg = json.load(open(path, encoding="utf-8"))
if "report.d.ts" not in pkg.setdefault("files", []):
    pkg["files"].append("report.d.ts")
open(path, "w", encoding="utf-8").write(json.dumps(pkg, ensure_ascii=False, indent=2) + "\n")
PY
# wasm-pack's own .gitignore ("*") would hide the package from a dist copy.
rm -f "$out_dir/.gitignore"

raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
budget=$((budget_kb * 1024))
awk -v f="${wasm#"$ROOT"/}" -v r="$raw" -v g="$gz" -v b="$budget_kb" 'BEGIN {
  printf "build-web: %s  raw %d bytes (%.1f KiB)  gzip -9 %d bytes (%.1f KiB)  budget %d KiB gzip\n", f, r, r/1024, g, g/1024, b }'
# Everything the page ships, for the record (only the .wasm has a budget).
shipped_total=0
for f in "$out_dir"/budget_lint.js "$ROOT"/www/*.html "$ROOT"/www/*.css "$ROOT"/www/*.js; do
  [ -f "$f" ] || continue
  fgz=$(gzip -9 -c "$f" | wc -c)
  shipped_total=$((shipped_total + fgz))
  printf 'build-web:   %-28s raw %7d  gzip %6d\n' "${f#"$ROOT"/}" "$(stat -c %s "$f")" "$fgz"
done
echo "build-web: page total gzip -9 $((shipped_total + gz)) bytes (.wasm included)"
echo "build-web: built in $(( $(date +%s) - start )) s"
if [ "$gz" -gt "$budget" ]; then
  echo "build-web: !!!!!!!! OVER BUDGET: $gz bytes gzip > $budget bytes ($budget_kb KiB) !!!!!!!!" >&2
  [ "$strict" = 1 ] && exit 1
fi
exit 0
