//! Excel (`.xlsx`): each worksheet read as the table it holds, in TAB
//! lines, and a figure read as the reviewer sees it (`numfmt.rs`).
//!
//! A sheet's rows split into the table body, from the first row with two
//! or more filled cells (not counting "部门名称：…"/"单位：万元" lines) to
//! the last, and the lines around it: the title above (merged across the
//! table in A1), the meta line, and the notes below. Body rows keep every
//! column up to the body's widest, so a blank is an empty field; around
//! the body each filled cell is a line of its own, as the TAB text prints
//! the title, "单位名称：…" and "单位：万元". A merged cell's value sits in
//! its top-left cell and the cells it covers are empty, which is how the
//! TAB text prints a spanned header. A sheet without a title line gets
//! one from its name when the name is a table's title ("预算收支总表") or
//! label ("表一", "表1").
//!
//! A workbook holds the tables only: [`Extracted::tables_only`] is set, so
//! the prose and form checks say the prose was not given.

mod numfmt;

use quick_xml::events::Event;
use quick_xml::Reader;

use self::numfmt::NumberFormat;
use super::office::{attr, damaged, join_lines, part_name, push_ref, Package};
use super::{Extracted, FileKind, Place, ReadError};
use crate::lines::Lines;
use crate::parse::tables::title::Titles;

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
    for sheet in &sheets {
        let Some(rel) = rels.iter().find(|r| r.id == sheet.rel) else {
            continue;
        };
        let Some(xml) = package.part(&part_name("xl", &rel.target))? else {
            continue;
        };
        let grid = read_sheet(&xml, &strings, &formats).ok_or_else(|| damaged("Excel"))?;
        lay_out(&sheet.name, &grid, &mut out);
    }
    Ok(Extracted {
        kind: FileKind::Xlsx,
        text: out.text,
        places: out.places,
        tables_only: true,
    })
}

struct Sheet {
    name: String,
    rel: String,
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

/// A sheet's filled cells, row by row, as displayed.
#[derive(Default)]
struct Grid {
    /// (1-based row, [(0-based column, text)]) in sheet order.
    rows: Vec<(u32, Vec<(u32, String)>)>,
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

/// A cell being read.
#[derive(Default)]
struct CellRead {
    column: u32,
    kind: Option<String>,
    style: usize,
    value: String,
}

fn read_sheet(xml: &str, strings: &[String], formats: &[NumberFormat]) -> Option<Grid> {
    let mut reader = Reader::from_str(xml);
    let mut grid = Grid::default();
    let mut merges: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut cell: Option<CellRead> = None;
    let mut in_value = false;
    let mut next_row = 1u32;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "row" => {
                    let row = attr(&e, "r")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(next_row);
                    next_row = row + 1;
                    grid.rows.push((row, Vec::new()));
                }
                "c" => cell = Some(start_cell(&e, &grid)),
                "v" | "t" if cell.is_some() => in_value = true,
                // Formulas (the cached value is in <v>) and phonetic hints.
                "f" | "rPh" | "extLst" => {
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
    // A merged range shows only its top-left cell's value.
    for (r1, c1, r2, c2) in merges {
        for (row, cells) in &mut grid.rows {
            if (r1..=r2).contains(row) {
                cells.retain(|(col, _)| !(c1..=c2).contains(col) || (*row, *col) == (r1, c1));
            }
        }
    }
    Some(grid)
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
        value: String::new(),
    }
}

/// A cell's text as the sheet shows it, on one line.
fn shown(cell: &CellRead, strings: &[String], formats: &[NumberFormat]) -> String {
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
    join_lines(&text).replace('\t', " ")
}

/// The workbook's text and each line's place.
#[derive(Default)]
struct Output {
    text: String,
    places: Vec<Option<Place>>,
}

impl Output {
    fn line(&mut self, text: &str, place: Option<Place>) {
        self.text.push_str(text);
        self.text.push('\n');
        self.places.push(place);
    }
}

/// "单位名称：阳泉市商务局", "单位：万元": a line about the table, not a row of it.
fn is_meta(cells: &[(u32, String)]) -> bool {
    cells.iter().all(|(_, t)| t.contains(['：', ':']))
}

/// Writes one sheet: the lines above the body, the body, the lines below.
fn lay_out(name: &str, grid: &Grid, out: &mut Output) {
    let is_body_row = |cells: &Vec<(u32, String)>| cells.len() >= 2 && !is_meta(cells);
    let first = grid.rows.iter().position(|(_, c)| is_body_row(c));
    let last = grid.rows.iter().rposition(|(_, c)| is_body_row(c));
    let width = match (first, last) {
        (Some(f), Some(l)) => grid.rows[f..=l]
            .iter()
            .flat_map(|(_, cells)| cells.iter().map(|(col, _)| col + 1))
            .max()
            .unwrap_or(0),
        _ => 0,
    };
    let place = |row: u32| {
        Some(Place::Sheet {
            sheet: name.to_string(),
            row,
        })
    };
    let mut sheet = Output::default();
    for (i, (row, cells)) in grid.rows.iter().enumerate() {
        let in_body = first.is_some_and(|f| i >= f) && last.is_some_and(|l| i <= l);
        if in_body {
            let mut fields = vec![""; width as usize];
            for (col, text) in cells {
                if let Some(field) = fields.get_mut(*col as usize) {
                    *field = text;
                }
            }
            sheet.line(&fields.join("\t"), place(*row));
        } else {
            for (_, text) in cells {
                sheet.line(text, place(*row));
            }
        }
    }
    if let Some(title) = missing_title(name, &sheet.text) {
        out.line(&title, None);
    }
    out.text.push_str(&sheet.text);
    out.places.extend(sheet.places);
    out.line("", None);
}

/// The title a sheet lacks: it starts with its table, nothing above it
/// (a sheet with a line above its body has its own title, a table's or
/// not), and its name is a title ("2026年预算收支总表") or a table's label
/// ("表一", "表1").
fn missing_title(name: &str, sheet_text: &str) -> Option<String> {
    if !sheet_text.lines().next().is_some_and(|l| l.contains('\t')) {
        return None;
    }
    let lines = Lines::from_text(sheet_text);
    let named = Lines::from_text(name);
    for profile in crate::profile::all() {
        let titles = Titles::of(profile);
        if titles.count_in(&lines) > 0 {
            return None;
        }
        if named.all.first().and_then(|l| titles.table_of(l)).is_some() {
            return Some(name.to_string());
        }
        let label = name.trim();
        let by_label = profile.tables.iter().enumerate().find(|(i, def)| {
            def.id == label
                || label
                    .strip_prefix('表')
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    == Some(i + 1)
        });
        if let Some((_, def)) = by_label {
            return Some(def.title.to_string());
        }
    }
    None
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
        read_sheet(&xml, &["共享".to_string()], &formats).unwrap()
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
    fn layout_title_meta_body_notes() {
        let grid = sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>2026年预算收支总表</t></is></c><c r="B1" t="inlineStr"><is><t>stray</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>单位名称：某局</t></is></c><c r="D2" t="inlineStr"><is><t>单位：万元</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>收入</t></is></c><c r="C3" t="inlineStr"><is><t>支出</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>合计</t></is></c><c r="B4" s="1"><v>1</v></c><c r="D4" s="1"><v>1</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>注：尾差</t></is></c></row>"#,
            r#"<mergeCell ref="A1:D1"/><mergeCell ref="A3:B3"/>"#,
        );
        let mut out = Output::default();
        lay_out("表一", &grid, &mut out);
        assert_eq!(
            out.text,
            "2026年预算收支总表\n单位名称：某局\n单位：万元\n收入\t\t支出\t\n合计\t1.00\t\t1.00\n注：尾差\n\n"
        );
        assert_eq!(
            out.places[3],
            Some(Place::Sheet {
                sheet: "表一".into(),
                row: 3
            })
        );
    }

    #[test]
    fn a_sheet_without_title_gets_it_from_its_name() {
        let body = "收入\t\t支出\t\n合计\t1.00\t\t1.00\n";
        assert_eq!(missing_title("表一", body).as_deref(), Some("预算收支总表"));
        assert_eq!(missing_title("表3", body).as_deref(), Some("预算支出总表"));
        assert_eq!(
            missing_title("2026年预算收入总表", body).as_deref(),
            Some("2026年预算收入总表")
        );
        assert_eq!(missing_title("Sheet1", body), None);
        assert_eq!(
            missing_title("表一", &format!("2026年预算收支总表\n{body}")),
            None
        );
        assert_eq!(
            missing_title("表1", &format!("某项目绩效目标申报表\n{body}")),
            None
        );
    }

    #[test]
    fn column_letters() {
        assert_eq!(cell_ref("A1"), Some((0, 1)));
        assert_eq!(cell_ref("AB12"), Some((27, 12)));
        assert_eq!(cell_ref("12"), None);
    }
}
