//! Excel (`.xlsx`): each worksheet read as the table it holds, in TAB
//! lines, and a figure read as the reviewer sees it (`sheet/numfmt.rs`).
//!
//! The workbook's XML parts (workbook, relationships, shared strings,
//! styles, one part a sheet) give each sheet's cells as the texts they
//! show; `sheet.rs` lays the grid out as lines, as it does for an `.xls`
//! (`xls.rs`), so both kinds of workbook read alike.
//!
//! A workbook holds the tables only: [`Extracted::tables_only`] is set, so
//! the prose and form checks say the prose was not given.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::office::{attr, damaged, part_name, push_ref, Package};
use super::sheet::numfmt::NumberFormat;
use super::sheet::{cell_text, lay_out, Grid, Output};
use super::{Extracted, FileKind, ReadError};

/// Reads an .xlsx file into TAB-shaped text, sheet after sheet.
pub(super) fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let mut package = Package::open(bytes, "Excel")?;
    let sheets = sheets(&package.required("xl/workbook.xml")?).ok_or_else(|| damaged("Excel"))?;
    let rels = package
        .part("xl/_rels/workbook.xml.rels")?
        .map(|xml| relationships(&xml))
        .unwrap_or_default();
    let target = |kind: &str, default: &str| {
        rels.iter()
            .find(|r| r.kind.ends_with(kind))
            .map_or_else(|| default.to_string(), |r| part_name("xl", &r.target))
    };
    let strings = match package.part(&target("/sharedStrings", "xl/sharedStrings.xml"))? {
        Some(xml) => shared_strings(&xml).ok_or_else(|| damaged("Excel"))?,
        None => Vec::new(),
    };
    let formats = match package.part(&target("/styles", "xl/styles.xml"))? {
        Some(xml) => cell_formats(&xml).ok_or_else(|| damaged("Excel"))?,
        None => Vec::new(),
    };
    let mut out = Output::default();
    let mut uncomputed: Vec<(&str, Uncomputed)> = Vec::new();
    for sheet in sheets.iter().filter(|s| !s.hidden) {
        let Some(rel) = rels.iter().find(|r| r.id == sheet.rel) else {
            continue;
        };
        let Some(xml) = package.part(&part_name("xl", &rel.target))? else {
            continue;
        };
        let (grid, formulas) =
            read_sheet(&xml, &strings, &formats).ok_or_else(|| damaged("Excel"))?;
        uncomputed.extend(formulas.into_iter().map(|f| (sheet.name.as_str(), f)));
        lay_out(&sheet.name, &grid, &mut out);
    }
    if let Some((sheet, (row, column, formula))) = uncomputed.first() {
        return Err(formulas_not_computed(
            uncomputed.len(),
            sheet,
            *row,
            *column,
            formula,
        ));
    }
    Ok(Extracted {
        kind: FileKind::Xlsx,
        text: out.text,
        places: out.places,
        tables_only: true,
    })
}

/// The message for a workbook whose formulas' results it does not hold:
/// their figures cannot be read, and a blank read for each would break
/// every sum they stand in.
fn formulas_not_computed(
    count: usize,
    sheet: &str,
    row: u32,
    column: u32,
    formula: &str,
) -> ReadError {
    let letters = column_letters(column);
    ReadError::new(
        "xlsx-uncomputed",
        format!(
            "这个 Excel 文件中有 {count} 个公式没有保存计算结果（如工作表「{sheet}」{letters}{row} 单元格：={formula}），多见于由程序生成、尚未经 Excel 计算的文件，读不出这些数字。请在 Excel 或 WPS 中打开、保存后再校验。"
        ),
    )
}

struct Sheet {
    name: String,
    rel: String,
    /// `state="hidden"` or `"veryHidden"`: the reviewer does not see it,
    /// and Excel does not print it.
    hidden: bool,
}

/// The sheets in workbook order, or None when workbook.xml is not XML.
fn sheets(xml: &str) -> Option<Vec<Sheet>> {
    let mut reader = Reader::from_str(xml);
    let mut sheets = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                sheets.push(Sheet {
                    name: attr(&e, "name").unwrap_or_default(),
                    rel: attr(&e, "id").unwrap_or_default(),
                    hidden: attr(&e, "state").is_some_and(|s| s != "visible"),
                });
            }
            Event::Eof => return Some(sheets),
            _ => {}
        }
    }
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(xml: &str) -> Vec<Relationship> {
    let mut reader = Reader::from_str(xml);
    let mut rels = Vec::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                rels.push(Relationship {
                    id: attr(&e, "Id").unwrap_or_default(),
                    kind: attr(&e, "Type").unwrap_or_default(),
                    target: attr(&e, "Target").unwrap_or_default(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    rels
}

/// The shared strings table: each `<si>`'s text runs, phonetic hints left out.
fn shared_strings(xml: &str) -> Option<Vec<String>> {
    let mut reader = Reader::from_str(xml);
    let mut strings = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "rPh" => {
                    reader.read_to_end(e.name()).ok()?;
                }
                _ => {}
            },
            Event::Text(t) if in_text => current.push_str(&t),
            Event::GeneralRef(r) if in_text => push_ref(&mut current, &r),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "si" => strings.push(core::mem::take(&mut current)),
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => strings.push(String::new()),
            Event::Eof => return Some(strings),
            _ => {}
        }
    }
}

/// The number format of each cell style (`cellXfs`), by style index.
fn cell_formats(xml: &str) -> Option<Vec<NumberFormat>> {
    let mut reader = Reader::from_str(xml);
    let mut custom: Vec<(u32, NumberFormat)> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (
                        attr(&e, "numFmtId").and_then(|v| v.parse().ok()),
                        attr(&e, "formatCode"),
                    ) {
                        custom.push((id, NumberFormat::parse(&code)));
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    ids.push(
                        attr(&e, "numFmtId")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0),
                    );
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Some(
        ids.into_iter()
            .map(|id| {
                custom
                    .iter()
                    .find(|(c, _)| *c == id)
                    .map_or_else(|| NumberFormat::builtin(id), |(_, f)| *f)
            })
            .collect(),
    )
}

/// "AB12" → (column 27, row 12), both as Excel counts them less one for
/// the column.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = r[..letters].bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row = r[letters..].parse().ok()?;
    Some((column - 1, row))
}

/// Column 27 (0-based) → "AB": how Excel names a column, [`cell_ref`]'s
/// inverse.
fn column_letters(column: u32) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        letters.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters
}

/// A cell being read.
#[derive(Default)]
struct CellRead {
    column: u32,
    kind: Option<String>,
    style: usize,
    value: String,
    /// It has a `<v>` (or `<t>`): a value, or a formula's cached result.
    has_value: bool,
    /// Its formula, if any ("" for one shared with another cell).
    formula: Option<String>,
}

/// A formula cell whose result the file does not hold: 1-based row,
/// 0-based column, the formula.
type Uncomputed = (u32, u32, String);

/// A sheet's cells, and those of its formulas whose results the file does
/// not hold (in rows and columns the sheet shows).
fn read_sheet(
    xml: &str,
    strings: &[String],
    formats: &[NumberFormat],
) -> Option<(Grid, Vec<Uncomputed>)> {
    let mut reader = Reader::from_str(xml);
    let mut grid = Grid::default();
    let mut merges: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut hidden_rows: Vec<u32> = Vec::new();
    let mut hidden_columns: Vec<(u32, u32)> = Vec::new();
    let mut uncomputed: Vec<Uncomputed> = Vec::new();
    let mut cell: Option<CellRead> = None;
    let mut in_value = false;
    let mut next_row = 1u32;
    let is_hidden = |e: &quick_xml::events::BytesStart| {
        attr(e, "hidden").is_some_and(|v| v == "1" || v == "true")
    };
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "row" => {
                    let row = attr(&e, "r")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(next_row);
                    next_row = row + 1;
                    if is_hidden(&e) {
                        hidden_rows.push(row);
                    }
                    grid.rows.push((row, Vec::new()));
                }
                "c" => cell = Some(start_cell(&e, &grid)),
                "v" | "t" if cell.is_some() => {
                    in_value = true;
                    if let Some(c) = cell.as_mut() {
                        c.has_value = true;
                    }
                }
                // A formula: its result is the cached value in <v>, if the
                // program that wrote the file saved one.
                "f" if cell.is_some() => {
                    let formula = reader.read_text(e.name()).ok()?;
                    if let Some(c) = cell.as_mut() {
                        c.formula = Some(formula.trim().to_string());
                    }
                }
                // Phonetic hints.
                "rPh" | "extLst" => {
                    reader.read_to_end(e.name()).ok()?;
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "row" => {
                    let row = attr(&e, "r")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(next_row);
                    next_row = row + 1;
                }
                // Columns hidden, 1-based from `min` to `max`.
                "col" if is_hidden(&e) => {
                    let bound = |name: &str| attr(&e, name).and_then(|v| v.parse::<u32>().ok());
                    if let (Some(min), Some(max)) = (bound("min"), bound("max")) {
                        if (1..=max).contains(&min) {
                            hidden_columns.push((min - 1, max - 1));
                        }
                    }
                }
                // A formula shared with the cell it was filled from.
                "f" => {
                    if let Some(c) = cell.as_mut() {
                        c.formula.get_or_insert_with(String::new);
                    }
                }
                "mergeCell" => {
                    let range = attr(&e, "ref").unwrap_or_default();
                    let (a, b) = range.split_once(':').unwrap_or((&range, &range));
                    if let (Some(a), Some(b)) = (cell_ref(a), cell_ref(b)) {
                        merges.push((a.1, a.0, b.1, b.0));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_value => {
                if let Some(c) = cell.as_mut() {
                    c.value.push_str(&t);
                }
            }
            Event::GeneralRef(r) if in_value => {
                if let Some(c) = cell.as_mut() {
                    push_ref(&mut c.value, &r);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "c" => {
                    if let Some(c) = cell.take() {
                        if let (Some(formula), Some((row, _))) = (c.uncomputed(), grid.rows.last())
                        {
                            uncomputed.push((*row, c.column, formula.to_string()));
                        }
                        let text = shown(&c, strings, formats);
                        if let (false, Some(row)) = (text.is_empty(), grid.rows.last_mut()) {
                            row.1.push((c.column, text));
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    grid.merge(&merges);
    grid.hide(&hidden_rows, &hidden_columns);
    uncomputed.retain(|(row, col, _)| {
        !hidden_rows.contains(row) && !hidden_columns.iter().any(|&(a, b)| (a..=b).contains(col))
    });
    Some((grid, uncomputed))
}

fn start_cell(e: &quick_xml::events::BytesStart, grid: &Grid) -> CellRead {
    let next_column = grid
        .rows
        .last()
        .and_then(|(_, cells)| cells.last())
        .map_or(0, |(col, _)| col + 1);
    CellRead {
        column: attr(e, "r")
            .and_then(|r| cell_ref(&r))
            .map_or(next_column, |(col, _)| col),
        kind: attr(e, "t"),
        style: attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0),
        ..CellRead::default()
    }
}

impl CellRead {
    /// Its formula, when the file does not hold the formula's result: no
    /// `<v>`, or an empty one for a number — a file written by a program
    /// that does not compute formulas (Excel computes them on opening). A
    /// saved empty string (`t="str"`: "=IF(C6=0,"",C6)") is a result.
    fn uncomputed(&self) -> Option<&str> {
        let empty_string = self.has_value && self.kind.as_deref() == Some("str");
        let missing = self.value.trim().is_empty() && !empty_string;
        self.formula.as_deref().filter(|_| missing)
    }
}

/// A cell's text as the sheet shows it, on one line; a formula whose
/// result the file does not hold as itself ("=SUM(C6:C9)"), no figure.
fn shown(cell: &CellRead, strings: &[String], formats: &[NumberFormat]) -> String {
    if let Some(formula) = cell.uncomputed() {
        return cell_text(&format!("={formula}"));
    }
    let text = match cell.kind.as_deref() {
        Some("s") => cell
            .value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| strings.get(i))
            .cloned()
            .unwrap_or_default(),
        Some("b") => (if cell.value.trim() == "1" {
            "TRUE"
        } else {
            "FALSE"
        })
        .to_string(),
        Some("inlineStr" | "str" | "e" | "d") => cell.value.clone(),
        _ if cell.value.trim().is_empty() => String::new(),
        _ => {
            let format = formats
                .get(cell.style)
                .copied()
                .unwrap_or(NumberFormat::General);
            format
                .display(&cell.value)
                .unwrap_or_else(|| cell.value.trim().to_string())
        }
    };
    cell_text(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="4"><alignment/></xf><xf numFmtId="176"/><xf numFmtId="3"/></cellXfs></styleSheet>"#;

    fn sheet(rows: &str, merges: &str) -> Grid {
        let xml = format!(
            "<worksheet><sheetData>{rows}</sheetData><mergeCells>{merges}</mergeCells></worksheet>"
        );
        let formats = cell_formats(STYLES).unwrap();
        read_sheet(&xml, &["共享".to_string()], &formats).unwrap().0
    }

    #[test]
    fn cells_as_displayed() {
        let grid = sheet(
            r#"<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>2974.9400000000001</v></c><c r="C3" s="2"><v>3.05</v></c><c r="D3" s="3"><f>SUM(A1)</f><v>150000</v></c><c r="E3" t="inlineStr"><is><t>甲&#20056;</t></is></c><c r="F3" t="b"><v>1</v></c></row>"#,
            "",
        );
        let cells: Vec<&str> = grid.rows[0].1.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            cells,
            ["共享", "2,974.94", "3.1", "150,000", "甲乘", "TRUE"]
        );
        assert_eq!(grid.rows[0].0, 3);
    }

    #[test]
    fn hidden_rows_and_columns_are_not_read() {
        let xml = r#"<worksheet><cols><col min="2" max="2" width="0" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>201</t></is></c><c r="B1"><v>7</v></c><c r="C1"><v>12</v></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c></row></sheetData></worksheet>"#;
        let (grid, _) = read_sheet(xml, &[], &[]).unwrap();
        assert_eq!(grid.rows.len(), 1);
        assert_eq!(
            grid.rows[0].1,
            [(0, "201".to_string()), (1, "12".to_string())]
        );
    }

    #[test]
    fn formulas_without_their_results_are_told() {
        let xml = r#"<worksheet><sheetData><row r="6"><c r="C6" s="1"><f>SUM(C7:C9)</f><v></v></c><c r="D6"><f>C6</f><v>12</v></c><c r="E6" t="str"><f>IF(C6=0,"",C6)</f><v></v></c><c r="F6"><f t="shared" si="0"/></c></row></sheetData></worksheet>"#;
        let formats = cell_formats(STYLES).unwrap();
        let (grid, uncomputed) = read_sheet(xml, &[], &formats).unwrap();
        assert_eq!(
            uncomputed,
            [(6, 2, "SUM(C7:C9)".to_string()), (6, 5, String::new())]
        );
        assert_eq!(grid.rows[0].1[1], (3, "12".to_string()));
        let message = formulas_not_computed(2, "表三", 6, 27, "SUM(C7:C9)").message;
        assert!(message.contains("AB6 单元格：=SUM(C7:C9)"), "{message}");
    }

    #[test]
    fn columns_named_as_excel_names_them() {
        assert_eq!(cell_ref("A1"), Some((0, 1)));
        assert_eq!(cell_ref("AB12"), Some((27, 12)));
        assert_eq!(cell_ref("12"), None);
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(0), "A");
    }
}
