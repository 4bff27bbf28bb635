//! Word (`.docx`): the body's paragraphs in order, one line each, and its
//! tables as TAB rows, the shape the parser reads.
//!
//! A table row becomes one line with a TAB between cells. A cell merged
//! across columns (`w:gridSpan`) gives its text and then an empty field for
//! every further column it covers, and the cells a vertical merge continues
//! (`w:vMerge` without `restart`) are empty: that is how the TAB text of a
//! disclosure prints a spanned header ("收入⇥⇥支出⇥⇥⇥"). Paragraphs and line
//! breaks inside a cell are joined ([`super::office::join_lines`]), so a
//! wrapped name stays one cell. A TAB inside a paragraph is kept (contents
//! lines are "title⇥page"); a line break (`w:br`) outside a table starts a
//! new line. Text in a table nested inside a cell joins that cell.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::office::{attr, damaged, join_lines, push_ref, Package};
use super::{Extracted, FileKind, ReadError};

/// Reads a .docx file into TAB-shaped text.
pub(super) fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let mut package = Package::open(bytes, "Word")?;
    let xml = package.required("word/document.xml")?;
    let text = body_text(&xml).ok_or_else(|| damaged("Word"))?;
    Ok(Extracted {
        kind: FileKind::Docx,
        text,
        places: Vec::new(),
        tables_only: false,
    })
}

/// One cell of a table being read.
#[derive(Default)]
struct Cell {
    text: String,
    /// Grid columns it covers (`w:gridSpan`).
    span: usize,
    /// It continues a vertical merge from the row above.
    continued: bool,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    cell: Option<Cell>,
}

impl Table {
    /// The rows as TAB lines, merged cells expanded.
    fn lines(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|row| {
                let mut fields: Vec<String> = Vec::new();
                for cell in row {
                    fields.push(if cell.continued {
                        String::new()
                    } else {
                        join_lines(&cell.text).replace('\t', " ")
                    });
                    fields.extend((1..cell.span).map(|_| String::new()));
                }
                fields.join("\t")
            })
            .collect()
    }
}

/// The text of `word/document.xml`'s body, or None when it is not XML.
fn body_text(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 8);
    let mut paragraph = String::new();
    // Paragraphs nest inside text boxes: only the outermost ends a line.
    let mut paragraph_depth = 0usize;
    let mut in_text = false;
    let mut tables: Vec<Table> = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => paragraph_depth += 1,
                "t" => in_text = true,
                // Tab stop definitions, and the fallback copy of content
                // given twice (text boxes): not text.
                "tabs" | "Fallback" | "instrText" | "delText" => {
                    reader.read_to_end(e.name()).ok()?;
                }
                "tbl" => tables.push(Table::default()),
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.row.clear();
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell = Some(Cell {
                            span: 1,
                            ..Cell::default()
                        });
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" if paragraph_depth > 0 => paragraph.push('\t'),
                "br" | "cr" if paragraph_depth > 0 => paragraph.push('\n'),
                "noBreakHyphen" if paragraph_depth > 0 => paragraph.push('-'),
                "p" if paragraph_depth == 0 && tables.is_empty() => out.push('\n'),
                "gridSpan" => {
                    let span = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.span = span.clamp(1, 64);
                    }
                }
                "vMerge" => {
                    let continued = attr(&e, "val").is_none_or(|v| v != "restart");
                    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.continued = continued;
                    }
                }
                "gridBefore" => {
                    let n: usize = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                    if let Some(t) = tables.last_mut() {
                        t.row.extend((0..n.min(64)).map(|_| Cell::default()));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t),
            Event::GeneralRef(r) if in_text => push_ref(&mut paragraph, &r),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    paragraph_depth = paragraph_depth.saturating_sub(1);
                    if paragraph_depth > 0 {
                        paragraph.push('\n');
                        continue;
                    }
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(cell) => {
                            if !cell.text.is_empty() {
                                cell.text.push('\n');
                            }
                            cell.text.push_str(&paragraph);
                        }
                        None => {
                            out.push_str(&paragraph);
                            out.push('\n');
                        }
                    }
                    paragraph.clear();
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        if let Some(cell) = t.cell.take() {
                            t.row.push(cell);
                        }
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        let row = core::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                "tbl" => {
                    let Some(table) = tables.pop() else { continue };
                    let lines = table.lines();
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        // A table inside a cell: its text joins the cell.
                        Some(cell) => {
                            for line in lines {
                                if !cell.text.is_empty() {
                                    cell.text.push('\n');
                                }
                                cell.text.push_str(&line.replace('\t', " "));
                            }
                        }
                        None => {
                            for line in lines {
                                out.push_str(&line);
                                out.push('\n');
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{inner}</w:body></w:document>"#
        );
        body_text(&xml).unwrap()
    }

    fn cell(text: &str, props: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn paragraphs_tabs_and_entities() {
        let text = body(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:r><w:t>第一部分 概况</w:t><w:tab/><w:t>1</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space="preserve">&#24180; &amp; </w:t><w:br/><w:t>次行</w:t></w:r></w:p>"#,
        );
        assert_eq!(text, "第一部分 概况\t1\n\n年 & \n次行\n");
    }

    #[test]
    fn merged_cells_expand_as_the_tab_text_has_them() {
        let rows = [
            cell("收入", r#"<w:gridSpan w:val="2"/>"#)
                + &cell("支出", r#"<w:gridSpan w:val="3"/>"#),
            cell("项目", r#"<w:vMerge w:val="restart"/>"#)
                + &cell("2026年", "")
                + &cell("合计", "")
                + &cell("基本", "")
                + &cell("项目", ""),
            cell("", "<w:vMerge/>")
                + &cell("1", "")
                + &cell("2", "")
                + &cell("3", "")
                + &cell("4", ""),
        ];
        let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
        let text = body(&format!("<w:tbl>{table}</w:tbl>"));
        assert_eq!(
            text,
            "收入\t\t支出\t\t\n项目\t2026年\t合计\t基本\t项目\n\t1\t2\t3\t4\n"
        );
    }

    #[test]
    fn breaks_inside_a_cell_are_joined() {
        let two = "<w:tc><w:p><w:r><w:t>机关事业单位基本养</w:t></w:r></w:p><w:p><w:r><w:t>老保险缴费支出</w:t></w:r></w:p></w:tc>";
        let broken = "<w:tc><w:p><w:r><w:t>Office</w:t><w:br/><w:t>fees</w:t></w:r></w:p></w:tc>";
        let text = body(&format!("<w:tbl><w:tr>{two}{broken}</w:tr></w:tbl>"));
        assert_eq!(text, "机关事业单位基本养老保险缴费支出\tOffice fees\n");
    }
}
