#!/usr/bin/env python3
"""Writes tests/fixtures/hidden-xlsx/: every workbook of
tests/fixtures/shapes and tests/fixtures/real-office with what a
department's sheet often hides and the reviewer does not see — a helper
column and a row left over — so that a test can hold each to its
original's report.

In every sheet, a hidden column A is put before the table, holding a
stray figure (1) on every row that has a figure; and a hidden row is put
under the table's first row of figures, a copy of it with every figure
doubled. And before every sheet, a hidden sheet: an old copy of the first
sheet holding a figure, every figure doubled. Merged ranges move with the cells (openpyxl's insert_cols and
insert_rows leave them where they were). Each output keeps its source's
name.

It also writes tests/fixtures/bad/uncomputed-formulas.xlsx: the 招商中心
workbook whose figures are formulas ("=ROUND(340.46,2)") without their
results, as a program that does not compute formulas writes them (openpyxl
is one): Excel computes them on opening, the file holds none.

Needs openpyxl 3.1.5 (pip install openpyxl==3.1.5).

    python3 scripts/make-hidden-workbooks.py
"""
import glob
import os

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(ROOT, "tests", "fixtures", d, "*.xlsx") for d in ("shapes", "real-office")]
OUT = os.path.join(ROOT, "tests", "fixtures", "hidden-xlsx")


def is_figure(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def hide_a_column(ws):
    """A hidden column A, every cell right of it moved one column on."""
    merged = list(ws.merged_cells.ranges)
    for rng in merged:
        ws.merged_cells.remove(rng)
    ws.insert_cols(1)
    for rng in merged:
        rng.shift(col_shift=1)
        ws.merged_cells.add(rng)
    for row in range(1, ws.max_row + 1):
        if any(is_figure(ws.cell(row, col).value) for col in range(2, ws.max_column + 1)):
            ws.cell(row, 1).value = 1
    ws.column_dimensions["A"].hidden = True


def hide_a_row(ws):
    """A hidden copy, figures doubled, of the first row holding a figure."""
    first = next(
        (r for r in range(1, ws.max_row + 1)
         if any(is_figure(ws.cell(r, c).value) for c in range(2, ws.max_column + 1))),
        None,
    )
    if first is None:
        return
    merged = list(ws.merged_cells.ranges)
    for rng in merged:
        ws.merged_cells.remove(rng)
    ws.insert_rows(first + 1)
    for rng in merged:
        if rng.min_row > first:
            rng.shift(row_shift=1)
        elif rng.max_row > first:
            rng.expand(down=1)
        ws.merged_cells.add(rng)
    for col in range(1, ws.max_column + 1):
        source = ws.cell(first, col)
        copy = ws.cell(first + 1, col)
        copy.value = source.value * 2 if is_figure(source.value) and col > 1 else source.value
        copy.number_format = source.number_format
    ws.row_dimensions[first + 1].hidden = True


def hide_an_old_copy(wb):
    """A hidden sheet first: the first sheet with a figure, figures doubled."""
    source = next(
        (ws for ws in wb.worksheets
         if any(is_figure(c.value) for row in ws.iter_rows() for c in row)),
        None,
    )
    if source is None:
        return
    copy = wb.copy_worksheet(source)
    copy.title = "旧版"
    for row in copy.iter_rows():
        for c in row:
            if is_figure(c.value):
                c.value = c.value * 2
    copy.sheet_state = "hidden"
    wb.move_sheet(copy, offset=-(len(wb.worksheets) - 1))


def uncomputed_formulas():
    """Every figure a formula whose result the file does not hold."""
    source = os.path.join(ROOT, "tests", "fixtures", "shapes", "yangquan-zhaoshang-2026.xlsx")
    wb = openpyxl.load_workbook(source)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if is_figure(c.value) and c.column > 2:
                    c.value = f"=ROUND({c.value},2)"
    out = os.path.join(ROOT, "tests", "fixtures", "bad", "uncomputed-formulas.xlsx")
    wb.save(out)
    print(os.path.relpath(out, ROOT))


def main():
    os.makedirs(OUT, exist_ok=True)
    for pattern in SOURCES:
        for path in sorted(glob.glob(pattern)):
            wb = openpyxl.load_workbook(path)
            for ws in wb.worksheets:
                hide_a_column(ws)
                hide_a_row(ws)
            hide_an_old_copy(wb)
            out = os.path.join(OUT, os.path.basename(path))
            wb.save(out)
            print(os.path.relpath(out, ROOT))
    uncomputed_formulas()


if __name__ == "__main__":
    main()
