#!/usr/bin/env python3
"""Writes tests/fixtures/pdf-variants/: a corpus document printed to PDF
otherwise than tests/fixtures/shapes prints it, with what a PDF printed
elsewhere carries.

`yangquan-zhaoshang-2026.noto.pdf`: the 招商中心 document printed by
../shared/tools/render_seed.py (its HTML, Chromium's print to PDF) in Noto
Sans CJK SC. That font draws 支 and the Kangxi radical ⽀ (and 门 and ⻔, 心
and ⼼ …) with one glyph each, and Chromium's text layer names the radical:
extracted or copied, the text reads "预算⽀出总表" — as in many published
PDFs.

Needs chromium and fonts-noto-cjk (apt).

    python3 scripts/make-pdf-variants.py
"""
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RENDER_SEED = os.path.join(ROOT, "..", "shared", "tools", "render_seed.py")
OUT = os.path.join(ROOT, "tests", "fixtures", "pdf-variants")


def main():
    spec = importlib.util.spec_from_file_location("render_seed", RENDER_SEED)
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    seed.FONT = '"Noto Sans CJK SC", sans-serif'
    os.makedirs(OUT, exist_ok=True)
    stem = "yangquan-zhaoshang-2026"
    with open(os.path.join(ROOT, "tests", "fixtures", stem + ".txt"), encoding="utf-8") as f:
        blocks, _ = seed.parse(f.read())
    html = os.path.join(OUT, stem + ".noto.html")
    with open(html, "w", encoding="utf-8") as f:
        f.write(seed.build_html(blocks, stem))
    seed.print_pdf(html, os.path.join(OUT, stem + ".noto.pdf"))
    os.remove(html)
    print(os.path.relpath(os.path.join(OUT, stem + ".noto.pdf"), ROOT))


if __name__ == "__main__":
    main()
