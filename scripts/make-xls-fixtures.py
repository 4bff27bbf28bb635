#!/usr/bin/env python3
"""Makes the .xls fixtures (tests/fixtures/xls/) from the corpus workbooks.

Every tests/fixtures/shapes/<stem>.xlsx becomes, without changing a figure
the reviewer sees:

- <stem>.xls      written by xlwt 1.3.0: the same sheets, values, number
                  formats and merged ranges, a blank cell wherever the
                  .xlsx has an empty one (so the same rows exist). Every
                  second non-integer amount is stored as the double one
                  step (ulp) away from the figure, as a sum computed in a
                  spreadsheet is (2974.9400000000005 shown "2,974.94"
                  under #,##0.00); xlwt writes those as NUMBER records and
                  the others as RK numbers in cents. Its shared strings
                  run over CONTINUE records (a 13-table workbook has far
                  more than 8 KB of them).
- <stem>.lo.xls   the .xlsx converted by LibreOffice Calc
                  (`soffice --headless --convert-to xls`), written the way
                  office suites write: MULRK, MULBLANK, a different SST
                  split. Skipped when soffice is not installed.

and, for the reader's own cases:

- display/rounding.xls   one sheet of stored values under number formats
                         (#,##0.00, #,##0, 0.0, 0%, General …), each row:
                         the stored value's repr, the format code, the
                         value in a cell of that format, and what Excel
                         shows, computed here with Python's decimal module
                         (half away from zero), so that the test compares
                         the reader with an independent rounding.
- bad/truncated.xls      the first .lo.xls (or .xls) cut at 60 %.
- bad/word.doc           a small Word 97 file (LibreOffice), for the
                         message an old .doc gets.

The tests read only the committed files; run this again only to remake
them: `python3 scripts/make-xls-fixtures.py` (needs `pip install xlwt
openpyxl`; LibreOffice optional).
"""

import math
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import xlwt

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "tests" / "fixtures" / "shapes"
OUT = ROOT / "tests" / "fixtures" / "xls"


def styles():
    """One xlwt style per number format code, made once (xlwt keeps a style
    table per workbook and refuses more than 4000)."""
    made = {}

    def style(code):
        if code not in made:
            made[code] = xlwt.easyxf(num_format_str=code or "General")
        return made[code]

    return style


def convert(src: Path, dst: Path):
    wb = openpyxl.load_workbook(src)
    book = xlwt.Workbook(encoding="utf-8")
    style = styles()
    step = 0
    for ws in wb.worksheets:
        sheet = book.add_sheet(ws.title, cell_overwrite_ok=True)
        # The cells the .xlsx has (openpyxl's _cells: what the XML holds,
        # not the whole dimension), empty ones included.
        for (r, c), cell in sorted(ws._cells.items()):
            value = cell.value
            fmt = style(cell.number_format)
            if value is None:
                sheet.write(r - 1, c - 1, None, fmt)
                continue
            if isinstance(value, float) and value != int(value):
                step += 1
                if step % 2 == 0:
                    # One ulp away, alternately up and down: the figure
                    # shown is the same, the stored double has 17 digits.
                    value = math.nextafter(value, math.inf if step % 4 == 0 else -math.inf)
            sheet.write(r - 1, c - 1, value, fmt)
        for rng in ws.merged_cells.ranges:
            sheet.merge(rng.min_row - 1, rng.max_row - 1, rng.min_col - 1, rng.max_col - 1)
    book.save(str(dst))


def excel_shows(value: float, code: str) -> str:
    """What Excel shows for a stored double under a (simple) format code,
    from the double's shortest repr, half away from zero."""
    d = Decimal(repr(value))
    if code == "General":
        # 15 significant digits, no trailing zeros.
        q = d.quantize(Decimal(1).scaleb(d.adjusted() - 14), rounding=ROUND_HALF_UP)
        return format(q.normalize(), "f")
    percent = code.endswith("%")
    body = code.rstrip("%")
    if percent:
        d = d * 100
    decimals = len(body.split(".")[1]) if "." in body else 0
    q = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    text = f"{q:,.{decimals}f}" if "," in body else f"{q:.{decimals}f}"
    return text + ("%" if percent else "")


def display_fixture(dst: Path):
    cases = [
        (2974.9400000000001, "#,##0.00"),
        (math.nextafter(2974.94, math.inf), "#,##0.00"),
        (math.nextafter(2974.94, -math.inf), "#,##0.00"),
        (75.8, "#,##0.00"),
        (0.1 + 0.2, "0.00"),
        (1234567.125, "#,##0.00"),
        (999.995, "#,##0.00"),
        (-1234.5, "#,##0.00"),
        (150000.0, "#,##0"),
        (2999.5, "#,##0"),
        (1234.4999999999998, "#,##0"),
        (12.0, "#,##0"),
        (3.05, "0.0"),
        (0.955, "0%"),
        (0.12345, "0.00%"),
        (2974.94, "General"),
        (0.1 + 0.2, "General"),
        (100.0, "General"),
        (2.5, "0"),
    ]
    book = xlwt.Workbook(encoding="utf-8")
    style = styles()
    sheet = book.add_sheet("显示")
    text = style("@")
    for r, (value, code) in enumerate(cases):
        sheet.write(r, 0, repr(value), text)
        sheet.write(r, 1, code, text)
        sheet.write(r, 2, value, style(code))
        sheet.write(r, 3, excel_shows(value, code), text)
    book.save(str(dst))


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def lo_convert(src: Path, fmt: str, dst: Path):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [soffice(), "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", fmt, "--outdir", tmp, str(src)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        shutil.move(str(Path(tmp) / (src.stem + "." + fmt)), dst)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "display").mkdir(exist_ok=True)
    (OUT / "bad").mkdir(exist_ok=True)
    made = []
    for src in sorted(SHAPES.glob("*.xlsx")):
        dst = OUT / (src.stem + ".xls")
        convert(src, dst)
        made.append(dst)
        if soffice():
            lo = OUT / (src.stem + ".lo.xls")
            lo_convert(src, "xls", lo)
            made.append(lo)
    display_fixture(OUT / "display" / "rounding.xls")
    source = next((m for m in made if m.name.endswith(".lo.xls")), made[0])
    data = source.read_bytes()
    (OUT / "bad" / "truncated.xls").write_bytes(data[: len(data) * 6 // 10])
    if soffice():
        with tempfile.TemporaryDirectory() as tmp:
            note = Path(tmp) / "word.txt"
            note.write_text("预算公开说明\n", encoding="utf-8")
            lo_convert(note, "doc", OUT / "bad" / "word.doc")
    for m in made:
        print(m.relative_to(ROOT), m.stat().st_size)
    if not soffice():
        print("soffice not found: no .lo.xls, no bad/word.doc", file=sys.stderr)


if __name__ == "__main__":
    main()
