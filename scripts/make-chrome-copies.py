#!/usr/bin/env python3
"""Writes tests/fixtures/chrome-copy/: the text a reviewer gets by opening
each corpus PDF (tests/fixtures/shapes/*.pdf, tests/fixtures/real/*.pdf) in
Chrome's PDF viewer — or Edge's, 360's, QQ's: every Chromium browser —
selecting all and copying.

The viewer is PDFium. Select all takes each page's characters whole; the
copy is each page's text as PDFium's FPDFText_GetText gives it, pages
joined by a line break, CRLF made LF (Chromium's PDFiumEngine::
GetSelectedText, then FormatStringForOS off Windows; on Windows the copy
keeps CRLF, which the checker reads the same). pypdfium2 calls the same
PDFium function.

Needs pypdfium2 5.15.2 (pip install pypdfium2==5.15.2).

    python3 scripts/make-chrome-copies.py
"""
import glob
import os

import pypdfium2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(FIXTURES, "chrome-copy")


def chrome_copy(path):
    """The whole document as Chrome's viewer copies it."""
    pdf = pypdfium2.PdfDocument(path)
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    return "\n".join(pages).replace("\r\n", "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    sources = sorted(
        glob.glob(os.path.join(FIXTURES, "shapes", "*.pdf"))
        + glob.glob(os.path.join(FIXTURES, "real", "*.pdf"))
    )
    for path in sources:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(OUT, stem + ".txt"), "w", encoding="utf-8", newline="") as out:
            out.write(chrome_copy(path))
        print(stem)


if __name__ == "__main__":
    main()
