#!/usr/bin/env bash
# Installs every tool the web build and the tests need, and nothing twice.
#
# Tools land in $BUDGET_LINT_TOOLS (default ~/.cache/budget-lint), outside the
# checkout, so that a fresh clone on the same machine (CI) reuses them and a
# new machine installs them from the registries this workplace reaches.
# Usage: scripts/install-tools.sh [web|test]   (test = web + browser + playwright)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-web}"
TOOLS="${BUDGET_LINT_TOOLS:-$HOME/.cache/budget-lint}"
mkdir -p "$TOOLS/bin"
conf() { python3 scripts/wasm_pack_conf.py get "$1"; }

say() { printf '[tools] %s\n' "$*"; }

for tool in cargo rustup python3 node npm; do
  command -v "$tool" >/dev/null || { echo "install-tools: $tool is required (Rust via rustup, Python 3.11+, Node 20+)" >&2; exit 1; }
done

# 1. the wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, exactly the version in Cargo.lock
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
wb_version=$(python3 scripts/wasm_pack_conf.py lock-version wasm-bindgen)
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "cargo install wasm-bindgen-cli $wb_version (a few minutes, once)"
  cargo install --root "$TOOLS" wasm-bindgen-cli --version "$wb_version" --locked --force \
    || cargo install --root "$TOOLS" wasm-bindgen-cli --version "$wb_version" --force
fi

# 3. wasm-pack (the npm package downloads from elsewhere and fails here)
wp_version=$(conf wasm_pack_version)
if [ "$("$TOOLS/bin/wasm-pack" --version 2>/dev/null | awk '{print $2}')" != "$wp_version" ]; then
  say "cargo install wasm-pack $wp_version (a few minutes, once)"
  cargo install --root "$TOOLS" wasm-pack --version "$wp_version" --locked --force
fi

# 4. wasm-opt from npm binaryen (Debian's binaryen 108 breaks wasm-bindgen output)
bin_version=$(conf wasm_opt_version)
if [ "$(cat "$TOOLS/binaryen/VERSION" 2>/dev/null)" != "$bin_version" ]; then
  say "npm install binaryen@$bin_version"
  rm -rf "$TOOLS/binaryen"; mkdir -p "$TOOLS/binaryen"
  npm install --no-audit --no-fund --prefix "$TOOLS/binaryen" "binaryen@$bin_version" >/dev/null
  echo "$bin_version" > "$TOOLS/binaryen/VERSION"
fi

# 5. the page's on-demand browser libraries (pdf.js, pdf-lib), pinned in
#    scripts/vendor/package-lock.json; scripts/build-web.sh copies what the
#    page ships into www/vendor/. Again whenever the lock file changes.
vendor_sum=$(sha256sum scripts/vendor/package-lock.json | cut -d' ' -f1)
if [ "$(cat scripts/vendor/node_modules/.budget-lint-lock 2>/dev/null)" != "$vendor_sum" ]; then
  say "npm ci in scripts/vendor (pdfjs-dist, pdf-lib)"
  # --omit=optional: pdfjs-dist's optional @napi-rs/canvas renders under
  # node; the page renders in the browser and the node test reads text only.
  (cd scripts/vendor && npm ci --omit=optional --no-audit --no-fund >/dev/null)
  echo "$vendor_sum" > scripts/vendor/node_modules/.budget-lint-lock
fi

if [ "$what" = test ]; then
  # 6. Chromium, its driver and CJK fonts (the page is Chinese), from Debian
  #    (as root, or through passwordless sudo on CI: never a prompt).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
     || ! { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; }; then
    sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo -n)
    say "apt-get install chromium chromium-driver fonts-noto-cjk"
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
      --no-install-recommends chromium chromium-driver fonts-noto-cjk fontconfig >/dev/null
  fi
  # 7. npm packages of the tests (playwright-core: no browser download) and
  #    of the type generator, again whenever a lock file changes; npm's own
  #    cache (~/.npm) makes a re-install take a second.
  for dir in tests/web scripts/typegen; do
    [ -f "$dir/package-lock.json" ] || continue
    lock_sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    if [ "$(cat "$dir/node_modules/.budget-lint-lock" 2>/dev/null)" != "$lock_sum" ]; then
      say "npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund >/dev/null)
      echo "$lock_sum" > "$dir/node_modules/.budget-lint-lock"
    fi
  done
fi
say "ready: $TOOLS/bin, $TOOLS/binaryen/node_modules/.bin"
