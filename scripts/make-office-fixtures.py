#!/usr/bin/env python3
"""Writes tests/fixtures/real-office/: each real document of another
template (tests/fixtures/real/) as the Word file and the web page a
department would send, made from its reference extraction.

The reference is the document's hand-corrected `.verified.tsv.txt` where
there is one, else its `.tsv.txt` (tests/fixtures/real/README.md): one
table row a line, cells joined by TAB. `../shared/tools/render_seed.py`
turns it into paragraphs and real Word tables (`.docx`, python-docx) and a
page of <p> and <table> (`.html`), copying every word and figure as it is;
only its Word and HTML writers are used here (its PDF and extractions need
Chromium and poppler, and its Excel writer knows the 13-table template's
sheets alone). Each output is named after its reference, so that a test
finds the reference from the name:

    jiangsu-jianchayuan-2018.verified.tsv.docx  <-  real/jiangsu-jianchayuan-2018.verified.tsv.txt

Needs python-docx 1.2.0 (pip install python-docx==1.2.0).

    python3 scripts/make-office-fixtures.py
"""
import glob
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "tests", "fixtures", "real")
OUT = os.path.join(ROOT, "tests", "fixtures", "real-office")
RENDER_SEED = os.path.join(ROOT, "..", "shared", "tools", "render_seed.py")


def load_render_seed():
    spec = importlib.util.spec_from_file_location("render_seed", RENDER_SEED)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def references():
    """Each document's reference extraction, the hand-corrected one first."""
    for tsv in sorted(glob.glob(os.path.join(REAL, "*.tsv.txt"))):
        if tsv.endswith(".verified.tsv.txt"):
            continue
        verified = tsv[: -len(".tsv.txt")] + ".verified.tsv.txt"
        yield verified if os.path.exists(verified) else tsv


def main():
    render_seed = load_render_seed()
    os.makedirs(OUT, exist_ok=True)
    for reference in references():
        stem = os.path.basename(reference)[: -len(".txt")]
        with open(reference, encoding="utf-8") as f:
            blocks, _ = render_seed.parse(f.read())
        base = os.path.join(OUT, stem)
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(render_seed.build_html(blocks, stem))
        render_seed.build_docx(blocks, base + ".docx")
        print(stem)


if __name__ == "__main__":
    sys.exit(main())
