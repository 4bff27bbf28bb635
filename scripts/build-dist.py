#!/usr/bin/env python3
"""Builds dist/budget-lint.html: the served page (www/index.html) as ONE
self-contained file that works opened from disk (file://), for intranets and
e-mail.

Generic over the page's files: it follows the HTML's
<link rel="stylesheet" href> (inlined as <style>, with their @import),
<script type="module" src> (bundled with every local module it imports,
statically or with a literal import('./x.js')) and inline module scripts; the engine's Worker (www/lib/worker.js and the core
wasm-bindgen glue) is bundled too, and the core .wasm is embedded as base64.

Why a bundle and not blob: modules: under file:// Chromium refuses module
Workers from blob: URLs and imports from blob: inside a Worker, so the
Worker must be a classic script; the page's modules are bundled the same way
for one mechanism. The bundler understands the ES module syntax this project
writes and wasm-bindgen emits (static import/export forms, import.meta.url);
it fails loudly on import/export forms it does not know and on bare
specifiers. Two differences from real modules, neither used here: a named
import is a copy taken when the module runs (a namespace import stays live),
and a top-level await would break the bundle.

The page gets a strict Content-Security-Policy with hashes of its inline
script and styles: no network at all (connect-src data: only, for embedded
assets), wasm compilation
allowed, the Worker from a blob: URL only.

Usage: build-dist.py [--www DIR] [--out FILE] [--entry index.html]
       build-dist.py --www DIR --bundle MODULE   (print one module graph as a classic script)
"""
import argparse
import base64
import hashlib
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The Worker and its engine, relative to www/. The single file cannot load
# a second module, so its Worker gets the engine with the rebuild readers
# (wasm-pack.toml module "rebuild") where the served page has the core one
# and loads the readers only when a text needs them.
WORKER_ENTRY = "lib/worker.js"
ENGINE_ALIASES = {"pkg/budget_lint.js": "pkg-rebuild/budget_lint.js"}
CORE_WASM = "pkg-rebuild/budget_lint_bg.wasm"

IMPORT_RE = re.compile(
    r"""^[ \t]*import\s+(?P<clause>[\w$*{}\s,]+?)\s+from\s+(?P<q>['"])(?P<spec>[^'"]+)(?P=q)\s*;?""",
    re.M,
)
BARE_IMPORT_RE = re.compile(r"""^[ \t]*import\s+(?P<q>['"])(?P<spec>[^'"]+)(?P=q)\s*;?""", re.M)
EXPORT_FROM_RE = re.compile(
    r"""^[ \t]*export\s+(?P<clause>\*|\*\s+as\s+[\w$]+|\{[^}]*\})\s+from\s+(?P<q>['"])(?P<spec>[^'"]+)(?P=q)\s*;?""",
    re.M,
)
EXPORT_LIST_RE = re.compile(r"""^[ \t]*export\s*\{(?P<names>[^}]*)\}\s*;?""", re.M)
EXPORT_DECL_RE = re.compile(
    r"""^(?P<indent>[ \t]*)export\s+(?P<default>default\s+)?(?P<kind>async\s+function\s*\*?|function\s*\*?|class|const|let|var)\s+(?P<name>[\w$]+)""",
    re.M,
)
EXPORT_DEFAULT_EXPR_RE = re.compile(r"""^[ \t]*export\s+default\s+""", re.M)
DYNAMIC_IMPORT_RE = re.compile(r"""\bimport\(\s*(['"])(\.{1,2}/[^'"]+)\1\s*\)""")
ASSET_URL_RE = re.compile(r"""new\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)""")
# Files a module may reference beside itself that the single file embeds.
ASSET_TYPES = {
    ".txt": "text/plain;charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".csv": "text/csv;charset=utf-8",
}


class BundleError(Exception):
    pass


class Bundler:
    """Turns a graph of local ES modules into one classic script: each module
    a function run once, in dependency order, its exports live getters."""

    def __init__(self, root: Path, aliases: dict[str, str] | None = None):
        self.root = root.resolve()
        # Module paths (relative to root) bundled in place of others.
        self.aliases = {(self.root / a).resolve(): (self.root / b).resolve() for a, b in (aliases or {}).items()}
        self.order: list[Path] = []
        self.ids: dict[Path, int] = {}
        self.code: dict[Path, str] = {}

    def add(self, path: Path) -> int:
        path = path.resolve()
        if path in self.ids:
            return self.ids[path]
        if not path.is_file():
            raise BundleError(f"missing module {path}")
        if self.root not in path.parents:
            raise BundleError(f"{path} is outside {self.root}")
        self.ids[path] = -1  # in progress: a cycle would show as -1
        self.code[path] = self.transform(path, path.read_text(encoding="utf-8"))
        self.ids[path] = len(self.order)
        self.order.append(path)
        return self.ids[path]

    def dep(self, here: Path, spec: str) -> int:
        if not spec.startswith(("./", "../", "/")):
            raise BundleError(f"{here}: bare import {spec!r} cannot be bundled")
        target = (self.root / spec.lstrip("/")) if spec.startswith("/") else (here.parent / spec)
        target = self.aliases.get(target.resolve(), target)
        n = self.add(target)
        if n < 0:
            raise BundleError(f"{here}: import cycle through {spec}")
        return n

    def transform(self, path: Path, src: str) -> str:
        exports: dict[str, str] = {}  # exported name -> local expression
        head: list[str] = []

        def binding(clause: str, n: int) -> str:
            out = []
            clause = clause.strip()
            m = re.match(r"\*\s+as\s+([\w$]+)$", clause)
            if m:
                return f"const {m.group(1)} = __mod[{n}];"
            default, _, rest = clause.partition("{")
            default = default.strip().rstrip(",").strip()
            if default:
                out.append(f"const {default} = __mod[{n}].default;")
            if rest:
                names = [p.strip() for p in rest.rstrip().rstrip("}").split(",") if p.strip()]
                parts = []
                for p in names:
                    a, _, b = p.partition(" as ")
                    a, b = a.strip(), (b.strip() or a.strip())
                    parts.append(f"{a}: {b}" if a != b else a)
                out.append(f"const {{ {', '.join(parts)} }} = __mod[{n}];")
            return " ".join(out)

        def on_export_from(m: re.Match) -> str:
            n = self.dep(path, m.group("spec"))
            clause = m.group("clause").strip()
            if clause == "*":
                head.append(f"__star.push([__exports, __mod[{n}]]);")
                return ""
            m2 = re.match(r"\*\s+as\s+([\w$]+)$", clause)
            if m2:
                exports[m2.group(1)] = f"__mod[{n}]"
                return ""
            for p in clause.strip("{} \n").split(","):
                if p.strip():
                    a, _, b = p.strip().partition(" as ")
                    exports[(b or a).strip()] = f"__mod[{n}].{a.strip()}"
            return ""

        def on_import(m: re.Match) -> str:
            return binding(m.group("clause"), self.dep(path, m.group("spec")))

        def on_bare_import(m: re.Match) -> str:
            self.dep(path, m.group("spec"))
            return ""

        def on_export_list(m: re.Match) -> str:
            for p in m.group("names").split(","):
                if p.strip():
                    a, _, b = p.strip().partition(" as ")
                    exports[(b or a).strip()] = a.strip()
            return ""

        def on_export_decl(m: re.Match) -> str:
            name = m.group("name")
            exports["default" if m.group("default") else name] = name
            return f"{m.group('indent')}{m.group('kind')} {name}"

        def on_dynamic_import(m: re.Match) -> str:
            # A lazily imported local module is bundled too (and so runs at
            # start, before the module that imports it).
            return f"Promise.resolve(__mod[{self.dep(path, m.group(2))}])"

        src = DYNAMIC_IMPORT_RE.sub(on_dynamic_import, src)
        src = EXPORT_FROM_RE.sub(on_export_from, src)
        src = IMPORT_RE.sub(on_import, src)
        src = BARE_IMPORT_RE.sub(on_bare_import, src)
        src = EXPORT_LIST_RE.sub(on_export_list, src)
        src = EXPORT_DECL_RE.sub(on_export_decl, src)
        if EXPORT_DEFAULT_EXPR_RE.search(src):
            exports["default"] = "__default"
            src = EXPORT_DEFAULT_EXPR_RE.sub("const __default = ", src, count=1)
        src = self.embed_assets(path, src)
        # import.meta.url: the bundle's own base (the page, or the Worker's
        # blob: URL); the bundled code only uses it when no bytes are given.
        src = src.replace("import.meta.url", "__base")
        leftover = re.search(r"^[ \t]*(import|export)\b[^(.]", src, re.M)
        if leftover:
            line = src[: leftover.start()].count("\n") + 1
            raise BundleError(f"{path}:{line}: module syntax the bundler does not handle")
        getters = "".join(
            f"  Object.defineProperty(__exports, {json.dumps(k)}, {{ enumerable: true, get: () => {v} }});\n"
            for k, v in exports.items()
        )
        rel = path.relative_to(self.root).as_posix()
        return f"// ---- {rel}\n{getters}{''.join(head)}\n{src}\n"

    def embed_assets(self, path: Path, src: str) -> str:
        """`new URL('sample.txt', import.meta.url)` → a data: URL of that file,
        so that what a module fetches beside itself (a sample document, an
        icon) comes with the single file. Modules and .wasm are left alone:
        they are bundled or embedded on their own."""

        def on_url(m: re.Match) -> str:
            target = (path.parent / m.group(2)).resolve()
            mime = ASSET_TYPES.get(target.suffix.lower())
            if mime is None or not target.is_file() or self.root not in target.parents:
                return m.group(0)
            data = base64.b64encode(target.read_bytes()).decode()
            return f"new URL({json.dumps(f'data:{mime};base64,{data}')})"

        return ASSET_URL_RE.sub(on_url, src)

    def bundle(self, entry: Path) -> str:
        self.add(entry)
        parts = [
            "(() => {\n'use strict';\n",
            "const __base = (typeof document !== 'undefined' ? document.baseURI : self.location.href);\n",
            "const __mod = [];\nconst __star = [];\n",
        ]
        for n, path in enumerate(self.order):
            parts.append(
                f"__mod[{n}] = Object.create(null);\n((__exports) => {{\n{self.code[path]}}})(__mod[{n}]);\n"
                "for (const [to, from] of __star.splice(0)) for (const k of Object.keys(from)) "
                "if (k !== 'default' && !(k in to)) Object.defineProperty(to, k, { enumerable: true, get: () => from[k] });\n"
            )
        parts.append("})();\n")
        return "".join(parts)


def bundle(www: Path, entry: Path, aliases: dict[str, str] | None = None) -> str:
    return Bundler(www, aliases).bundle(entry)


def css_text(path: Path, seen: set[Path]) -> str:
    """A stylesheet with its local @import inlined; url(...) must be data: or absent."""
    path = path.resolve()
    if path in seen:
        return ""
    seen.add(path)
    src = path.read_text(encoding="utf-8")

    def on_import(m: re.Match) -> str:
        return css_text(path.parent / m.group(2), seen)

    src = re.sub(r"""@import\s+(url\()?['"]?([^'")\s;]+)['"]?\)?[^;]*;""", on_import, src)
    for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", src):
        if not url.startswith("data:"):
            raise BundleError(f"{path}: url({url}) would be fetched; inline it as data:")
    return src


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def build(www: Path, entry_html: str) -> str:
    page = (www / entry_html).read_text(encoding="utf-8")
    styles: list[str] = []
    scripts: list[str] = []

    def on_link(m: re.Match) -> str:
        tag = m.group(0)
        if not re.search(r"""rel\s*=\s*['"]?stylesheet""", tag):
            return tag
        href = html.unescape(re.search(r"""href\s*=\s*['"]([^'"]+)""", tag).group(1))
        if re.match(r"[a-z]+:", href):
            raise BundleError(f"stylesheet {href} is not a local file")
        css = css_text(www / href, set())
        media = re.search(r"""media\s*=\s*['"]([^'"]+)""", tag)
        styles.append(css)
        media_attr = f' media="{media.group(1)}"' if media else ""
        return f"<style{media_attr}>{css}</style>"

    def on_script(m: re.Match) -> str:
        attrs, body = m.group(1), m.group(2)
        if "type" in attrs and not re.search(r"""type\s*=\s*['"]?module""", attrs):
            return m.group(0)  # data blocks (type="application/json", …) stay
        src = re.search(r"""src\s*=\s*['"]([^'"]+)""", attrs)
        if src:
            code = bundle(www, www / html.unescape(src.group(1)))
        else:
            # An inline module: bundle it as if it were a file beside the page.
            tmp = www / f".inline-{len(scripts)}.js"
            tmp.write_text(body, encoding="utf-8")
            try:
                code = bundle(www, tmp)
            finally:
                tmp.unlink()
        code = code.replace("</script", "<\\/script")
        scripts.append(code)
        return f'<script type="module">{code}</script>'

    page = re.sub(r"<link\b[^>]*>", on_link, page)
    page = re.sub(r"<script\b([^>]*)>(.*?)</script>", on_script, page, flags=re.S)

    worker = bundle(www, www / WORKER_ENTRY, ENGINE_ALIASES)
    wasm = base64.b64encode((www / CORE_WASM).read_bytes()).decode()
    # Data first, as a classic script: the page's module scripts run after it.
    boot = "globalThis.BUDGET_LINT_EMBEDDED = " + json.dumps(
        {"workerSource": worker, "wasmBase64": wasm}, ensure_ascii=True
    ).replace("</", "<\\/") + ";"
    scripts.insert(0, boot)

    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(sha256(s) for s in scripts) + " 'wasm-unsafe-eval'",
            "worker-src blob:",
            "style-src " + (" ".join(sha256(s) for s in styles) or "'none'"),
            "img-src data:",
            # data: only: a module's embedded asset (a sample document) is
            # fetched from its data: URL; nothing can leave the page.
            "connect-src data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    page, n = re.subn(r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", lambda _: meta, page, flags=re.I)
    if n == 0:
        page = page.replace("<head>", "<head>\n" + meta, 1)
    marker = '<meta name="budget-lint-build" content="single-file">'
    page = page.replace(meta, f"{meta}\n{marker}\n<script>{boot}</script>", 1)
    return page


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--www", default=str(ROOT / "www"))
    ap.add_argument("--out", default=str(ROOT / "dist" / "budget-lint.html"))
    ap.add_argument("--entry", default="index.html")
    ap.add_argument("--bundle", help="print the bundle of this module (relative to --www) and stop")
    args = ap.parse_args()
    www = Path(args.www)
    if args.bundle:
        try:
            sys.stdout.write(bundle(www, www / args.bundle))
        except BundleError as e:
            print(f"build-dist: {e}", file=sys.stderr)
            return 1
        return 0
    if not (www / CORE_WASM).is_file():
        print(f"build-dist: {www / CORE_WASM} is missing: run `make web` first", file=sys.stderr)
        return 1
    try:
        page = build(www, args.entry)
    except BundleError as e:
        print(f"build-dist: {e}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    print(f"build-dist: {out} {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
