#!/usr/bin/env python3
"""The files a first visit of the page fetches before a pasted text can be
checked, found by following the page rather than listed by hand:

  www/index.html, its stylesheets (a print stylesheet too: a browser fetches
  every stylesheet, whatever its media) and module scripts, every module those
  import statically (import/export ... from '...'), transitively; and the
  engine's Worker (lib/worker.js, started by lib/budget-lint.js with
  `new Worker(new URL('worker.js', ...))`, which no import names) with its
  own static imports, and the core wasm its glue fetches.

Dynamic `import('...')` is what loads on demand (PDF, Office, Excel export,
the rule docs) and is not followed.

  first_load.py            -> one path a line, relative to the repository root
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WWW = ROOT / "www"
# Not reachable by imports: the Worker the lib starts, and the wasm that
# wasm-bindgen's glue (pkg/budget_lint.js) fetches by URL.
EXTRA_ROOTS = ["lib/worker.js", "pkg/budget_lint_bg.wasm"]

LINK_RE = re.compile(r"""<link\b[^>]*\brel=["']stylesheet["'][^>]*\bhref=["']([^"']+)["']""", re.I)
SCRIPT_RE = re.compile(r"""<script\b[^>]*\bsrc=["']([^"']+)["']""", re.I)
STATIC_IMPORT_RE = re.compile(
    r"""^[ \t]*(?:import|export)\b[^;'"()]*?\bfrom\s*(['"])(\.{1,2}/[^'"]+)\1""", re.M
)
BARE_IMPORT_RE = re.compile(r"""^[ \t]*import\s*(['"])(\.{1,2}/[^'"]+)\1""", re.M)


def first_load() -> list[Path]:
    page = WWW / "index.html"
    html = page.read_text(encoding="utf-8")
    todo = [WWW / href for href in LINK_RE.findall(html) + SCRIPT_RE.findall(html)]
    todo += [WWW / p for p in EXTRA_ROOTS]
    seen = [page]
    while todo:
        path = todo.pop(0).resolve()
        if path in seen:
            continue
        if not path.is_file():
            sys.exit(f"first_load.py: {path.relative_to(ROOT)} is fetched at first load but missing (run the web build)")
        seen.append(path)
        if path.suffix in (".js", ".mjs"):
            src = path.read_text(encoding="utf-8")
            for m in list(STATIC_IMPORT_RE.finditer(src)) + list(BARE_IMPORT_RE.finditer(src)):
                todo.append(path.parent / m.group(2))
    return seen


if __name__ == "__main__":
    for path in first_load():
        print(path.relative_to(ROOT))
