#!/usr/bin/env python3
"""Writes tests/fixtures/real-office/: each real document of another
template (tests/fixtures/real/) as the Word file, the web page and the
Excel workbook a department would send, made from its reference
extraction.

The reference is the document's hand-corrected `.verified.tsv.txt` where
there is one, else its `.tsv.txt` (tests/fixtures/real/README.md): one
table row a line, cells joined by TAB. `../shared/tools/render_seed.py`
turns it into paragraphs and real Word tables (`.docx`, python-docx) and a
page of <p> and <table> (`.html`), copying every word and figure as it is;
only its Word and HTML writers are used here (its PDF and extractions need
Chromium and poppler, and its Excel writer knows the 13-table template's
sheets alone). The workbook (`.xlsx`, openpyxl) is written here: one sheet
per table, its title (joined when the extraction wrapped it) in the first
row and its rows below, up to the next title or the prose; figures stored
as numbers with the number format that shows them as printed
("#,##0.00", "0"), 科目编码 cells in the first three columns as text —
a sheet of only a title (a contents line) is left out. Each output is
named after its reference, so that a test finds the reference from the
name:

    jiangsu-jianchayuan-2018.verified.tsv.docx  <-  real/jiangsu-jianchayuan-2018.verified.tsv.txt

Needs python-docx 1.2.0 and openpyxl 3.1.5
(pip install python-docx==1.2.0 openpyxl==3.1.5).

    python3 scripts/make-office-fixtures.py
"""
import glob
import importlib.util
import os
import re
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


FIGURE = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
HEADING = re.compile(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^第.部分")
# A title is a line of one short cell naming a 表; a line of prose is longer.
TITLE_MAX = 40


def cells(line):
    return [c.strip() for c in line.split("\t")]


def title_of(line):
    """The line's title when it is one: one filled cell naming a 表."""
    filled = [c for c in cells(line) if c]
    if len(filled) != 1:
        return None
    text = filled[0]
    is_title = (
        len(text) <= TITLE_MAX
        and "表" in text
        and not text.endswith("。")
        and not text.startswith(("单位", "部门"))
    )
    return text if is_title else None


def sheets(lines):
    """Each table's lines, its title first, up to the next title or prose."""
    found, sheet, before = [], None, []
    for line in lines:
        text = line.strip()
        if not text:
            before = []
            continue
        title = title_of(line)
        if title:
            if sheet is not None and len(sheet) == 1 and not sheet[0].endswith("表"):
                sheet[0] += title  # the title's second line
                continue
            if len(title) < 8 and before:
                title = "".join(before) + title  # its last piece, wrapped
            sheet = [title]
            found.append(sheet)
            before = []
        elif "\t" not in line and len(text) > TITLE_MAX:
            sheet, before = None, []  # prose
        elif "\t" not in line and HEADING.match(text):
            sheet, before = None, [text]
        elif sheet is not None:
            sheet.append(line)
        elif "\t" not in line:
            before.append(text)
    return [s for s in found if any("\t" in line for line in s[1:])]


def put(sheet, row, column, text):
    """One cell: a figure as a number shown as printed, anything else as text."""
    if not text:
        return
    cell = sheet.cell(row=row, column=column)
    is_code = column <= 3 and text.isdigit()
    if FIGURE.match(text) and not is_code:
        decimals = len(text.split(".")[1]) if "." in text else 0
        number = text.replace(",", "")
        cell.value = float(number) if decimals else int(number)
        grouping = "#,##0" if "," in text else "0"
        cell.number_format = grouping + ("." + "0" * decimals if decimals else "")
    else:
        cell.value = text
        # Text, even where it starts with "=" ("=100.00(%)", a 绩效 target):
        # openpyxl would write it as a formula without its result.
        cell.data_type = "s"


def write_workbook(text, path):
    """The workbook of `text`'s tables; False when it has none."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for n, lines in enumerate(sheets(text.split("\n")), start=1):
        sheet = workbook.create_sheet("Sheet%d" % n)
        for r, line in enumerate(lines, start=1):
            for c, value in enumerate(cells(line), start=1):
                put(sheet, r, c, value)
    if not workbook.sheetnames:
        return False
    workbook.save(path)
    return True


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
            text = f.read()
        blocks, _ = render_seed.parse(text)
        base = os.path.join(OUT, stem)
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(render_seed.build_html(blocks, stem))
        render_seed.build_docx(blocks, base + ".docx")
        has_tables = write_workbook(text, base + ".xlsx")
        print(stem, "(docx, html, xlsx)" if has_tables else "(docx, html: no tables)")


if __name__ == "__main__":
    sys.exit(main())
