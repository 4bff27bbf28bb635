#!/usr/bin/env bash
# `make dist`: the release web modules, then dist/budget-lint.html (one
# self-contained file, scripts/build-dist.py), with its size.
# Usage: scripts/build-dist.sh [--no-web]   (--no-web: reuse www/pkg as built)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != --no-web ]; then bash scripts/build-web.sh core; fi
python3 scripts/build-dist.py
f=dist/budget-lint.html
echo "build-dist: $f raw $(stat -c %s $f) bytes, gzip -9 $(gzip -9 -c $f | wc -c) bytes"
