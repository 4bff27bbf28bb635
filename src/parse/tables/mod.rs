//! Rebuilding the profile's tables from lines.
//!
//! A table starts at a line that is one of the profile's titles and ends at
//! the next title, at a 第…部分 heading, or at prose. Inside it, meta lines
//! (部门名称, 单位, 注) are read, header and column-number rows skipped, and
//! each remaining line is read side by side as the profile's rows
//! (`rows.rs`). Project trees are resolved once every table is read
//! (`tree.rs`), because a unit's name may come from 表十一.

mod rows;
pub(crate) mod title;
mod tree;

use crate::lines::{Line, Lines};
use crate::model::{BlanksInDoubt, Cell, Column, Table};
use crate::parse::UnparsedLine;
use crate::prelude::*;
use crate::profile::{Profile, TableDef};
use crate::text::fold_key;

// Asked by `rebuild::drawn_order` of the words drawn after a title.
#[cfg(feature = "rebuild")]
pub(crate) use rows::is_side_header;
pub use rows::strip_ordinal;

/// What the table pass found.
#[derive(Debug, Default)]
pub struct Parsed {
    pub tables: Vec<Table>,
    pub unparsed: Vec<UnparsedLine>,
    /// From "部门名称：…" / "单位名称：…" above the tables.
    pub department: Option<String>,
    /// The label said 单位名称 rather than 部门名称.
    pub department_label_is_unit: bool,
    /// From "单位：万元".
    pub unit: Option<String>,
}

pub fn parse(lines: &Lines, profile: &'static Profile) -> Parsed {
    let mut parsed = Parsed::default();
    let titles = title::Titles::of(profile);
    let starts = titles.starts(lines);
    for (n, &(start, _, def)) in starts.iter().enumerate() {
        let end = starts
            .get(n + 1)
            .map(|&(i, _, _)| i)
            .unwrap_or(lines.all.len());
        // The same title right after itself is one table continued after a
        // page break; with other titles between, it is another table.
        let follows_itself = n > 0 && starts[n - 1].2.id == def.id;
        let continuing = follows_itself && parsed.tables.last().is_some_and(|t| t.id == def.id);
        let mut builder = if continuing {
            rows::Builder::resume(
                def,
                profile.economic_groups,
                profile.cells,
                parsed.tables.pop().expect("last table"),
            )
        } else if let Some(at) = parsed
            .tables
            .iter()
            .position(|t| t.id == def.id && t.rows.is_empty() && !t.declared_empty)
        {
            // The title came first where nothing followed it (a list of
            // the tables, a contents page): this is the table.
            parsed.tables.remove(at);
            rows::Builder::new(
                def,
                profile.economic_groups,
                profile.cells,
                new_table(def, &lines.all[start]),
            )
        } else if let Some(first) = parsed.tables.iter().find(|t| t.id == def.id) {
            // A second, separate table under the same title (two documents
            // pasted together): keep the first, and say the second is unread.
            let title = &lines.all[start];
            parsed.unparsed.push(UnparsedLine {
                line: title.no,
                table: def.id,
                text: title.text.clone(),
                reason: format!("{}的标题再次出现（第{}行已有此表）", def.id, first.line),
            });
            continue;
        } else {
            rows::Builder::new(
                def,
                profile.economic_groups,
                profile.cells,
                new_table(def, &lines.all[start]),
            )
        };
        // A note's lines after its first ("注：1.…" wrapped over lines
        // without a figure or a code) are the note's, not rows.
        let mut in_note = false;
        for line in &lines.all[start + 1..end] {
            if line.noise.is_some() || line.is_blank() {
                continue;
            }
            if ends_table_region(line) {
                // "注:本部门…无…，故本表为空表。" is a sentence, yet the table's own note.
                let key = fold_key(&line.text);
                if is_empty_note(&key) {
                    builder.declare_empty();
                }
                break;
            }
            if in_note && continues_note(line) {
                continue;
            }
            in_note = starts_note(line);
            if read_meta(line, &mut parsed, &mut builder) {
                continue;
            }
            // The rows a browser's copy printed on this line after its own.
            for row in core::iter::once(line).chain(&line.rows_after) {
                builder.feed(row);
            }
        }
        // "…总表（单位：万元）": the unit printed after the title, where no
        // "单位：" line under it says one.
        if let Some((_, unit)) = title::unit_note(&fold_key(&lines.all[start].text)) {
            set_unit(unit, &mut parsed, &mut builder);
        }
        let (mut table, mut unparsed) = builder.finish();
        table.blanks_in_doubt = blanks_in_doubt(lines, table.id);
        parsed.unparsed.append(&mut unparsed);
        parsed.tables.push(table);
    }
    tree::resolve(&mut parsed.tables, profile, parsed.department.as_deref());
    parsed
}

fn new_table(def: &'static TableDef, title: &Line) -> Table {
    let mut columns = Vec::new();
    for side in def.sides {
        for col in side.columns {
            columns.push(Column {
                key: col.key,
                name: col.name,
                side: side.side,
            });
        }
    }
    Table {
        id: def.id,
        title: title.text.clone(),
        line: title.no,
        end_line: title.no,
        columns,
        rows: Vec::new(),
        declared_empty: false,
        unit: None,
        blanks_in_doubt: BlanksInDoubt::None,
    }
}

/// Which blanks of table `id` may be figures the reading left unplaced:
/// those of the rows the figures were printed with, whose cells it marked
/// unreadable; any, when figures belong to rows it did not find.
fn blanks_in_doubt(lines: &Lines, id: &str) -> BlanksInDoubt {
    let mut on_lines = Vec::new();
    for u in lines.unplaced() {
        if u.table != id || u.figures.is_empty() {
            continue;
        }
        if u.rows_unread {
            return BlanksInDoubt::Anywhere;
        }
        on_lines.extend_from_slice(&u.lines);
    }
    if on_lines.is_empty() {
        BlanksInDoubt::None
    } else {
        BlanksInDoubt::OnLines(on_lines)
    }
}

/// 第三部分 headings, prose sentences and a 绩效 form's title end a table
/// (a workbook's sheet of a form may follow its 三公 sheet with no prose
/// between).
pub(crate) fn ends_table_region(line: &Line) -> bool {
    if crate::parse::forms::labels::title_kind(line).is_some() {
        return true;
    }
    // Folding keeps ideographs and `text` is trimmed: lines that neither
    // start with 第 nor hold a 。 are turned away before any folding.
    let text = &line.text;
    if text.starts_with('第') {
        let key = fold_key(text);
        if key.chars().take(6).collect::<String>().contains("部分") {
            return true;
        }
    }
    // More than 30 characters once folded: folding drops white space and
    // maps every other character to one, so they are counted, not folded,
    // and counting stops at the 31st.
    !line.is_tabular()
        && text.contains('。')
        && text
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(30)
            .is_some()
}

/// Reads 部门名称/单位/注 lines; true when the line was one.
fn read_meta(line: &Line, parsed: &mut Parsed, builder: &mut rows::Builder) -> bool {
    if line.is_tabular() && line.filled_cells().count() > 1 {
        // "编制单位：X | … | 单位：元": a meta line laid out as a row.
        // "部门： | X | 单位：万元": a label whose value the PDF's gap put
        // in the next cell is one pair.
        let mut keys: Vec<String> = Vec::new();
        for cell in line.filled_cells() {
            let key = fold_key(cell);
            match keys.last_mut() {
                Some(last) if last.ends_with(':') && is_meta_pair(last) && !is_meta_pair(&key) => {
                    last.push_str(&key)
                }
                _ => keys.push(key.into_owned()),
            }
        }
        if !keys.iter().all(|k| is_meta_pair(k)) {
            return false;
        }
        for key in &keys {
            read_meta_key(key, parsed, builder);
        }
        return true;
    }
    let key = fold_key(&line.text);
    read_meta_key(&key, parsed, builder)
}

/// "部门名称:X", "单位:万元" (folded).
fn is_meta_pair(key: &str) -> bool {
    key.split_once(':').is_some_and(|(label, _)| {
        matches!(
            label,
            "部门名称"
                | "单位名称"
                | "预算单位"
                | "编制单位"
                | "编制部门"
                | "部门"
                | "单位"
                | "金额单位"
                | "计量单位"
        )
    })
}

fn read_meta_key(key: &str, parsed: &mut Parsed, builder: &mut rows::Builder) -> bool {
    if let Some((label, value)) = key.split_once(':') {
        match label {
            "部门名称" | "单位名称" | "预算单位" | "编制单位" | "编制部门" | "部门" =>
            {
                // "编制部门：X 单位：元": the name and the money unit on one line.
                let (value, unit) = match value.rsplit_once("单位:") {
                    Some((name, unit)) if is_money_unit(unit) => (name, Some(unit)),
                    _ => (value, None),
                };
                if parsed.department.is_none() && !value.is_empty() {
                    parsed.department = Some(value.to_string());
                    parsed.department_label_is_unit = matches!(label, "单位名称" | "编制单位");
                }
                if let Some(unit) = unit {
                    set_unit(unit, parsed, builder);
                }
                return true;
            }
            "单位" | "金额单位" | "计量单位" => {
                set_unit(value, parsed, builder);
                return true;
            }
            _ => {}
        }
    }
    if is_empty_note(key) {
        builder.declare_empty();
        return true;
    }
    if is_note_key(key) || is_public_label(key) {
        return true;
    }
    false
}

/// "注:…", "说明:…" (folded), and ":…", a note whose 注 the document lost
/// (江苏 检察院 2019 公开05表): no row starts with a colon.
pub(crate) fn is_note_key(key: &str) -> bool {
    key.starts_with("注:") || key.starts_with("说明:") || key.starts_with(':')
}

fn starts_note(line: &Line) -> bool {
    line.filled_cells()
        .next()
        .is_some_and(|first| is_note_key(&fold_key(first)))
}

/// A line that carries on a note: text alone, without a figure (nor a
/// code, which reads as one) that would make it a row.
fn continues_note(line: &Line) -> bool {
    line.filled_cells()
        .all(|cell| !matches!(Cell::from_text(cell), Cell::Value { .. }))
}

/// "本表为空", "此表为空", "本表无数据": the table says it is empty.
fn is_empty_note(key: &str) -> bool {
    ["本表为空", "此表为空", "本表无数据"]
        .iter()
        .any(|words| key.contains(words))
}

/// The money units a table may be printed in; 元 last, for a text read
/// from its start ("万元…" is no 元).
pub(crate) const MONEY_UNITS: [&str; 4] = ["万元", "千元", "亿元", "元"];

fn is_money_unit(text: &str) -> bool {
    MONEY_UNITS.contains(&text)
}

fn set_unit(value: &str, parsed: &mut Parsed, builder: &mut rows::Builder) {
    builder.set_unit(value);
    if parsed.unit.is_none() && !value.is_empty() {
        parsed.unit = Some(value.to_string());
    }
}

/// "预算公开表1", "部门公开表9", "公开01表": a label line before a title.
fn is_public_label(key: &str) -> bool {
    let stem = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    if stem.len() < key.len() && stem.ends_with("公开表") {
        return true;
    }
    // "公开01表", "公开 05 表：" (folded: "公开05表:").
    key.strip_prefix("公开").is_some_and(|rest| {
        let digits = crate::text::leading_digits(rest);
        digits > 0 && matches!(&rest[digits..], "表" | "表:")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jiangsu(text: &str) -> Parsed {
        parse(&Lines::from_text(text), &crate::profile::JIANGSU12)
    }

    fn figures(table: &Table) -> Vec<Vec<Option<String>>> {
        table
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.amount().map(|a| a.value.to_string()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_unit_printed_after_the_title_is_the_table_s_unless_a_line_says_one() {
        let parsed = parse(
            &Lines::from_text(
                "2026年预算收支总表（单位：元）\n\
                 收入总计\t12.00\t支出总计\t12.00\n\
                 2026年预算支出总表(单位:元)\n\
                 单位：万元\n\
                 合计\t\t12.00\t12.00\t\n",
            ),
            &crate::profile::BUDGET13,
        );
        let unit = |id: &str| {
            parsed
                .tables
                .iter()
                .find(|t| t.id == id)
                .and_then(|t| t.unit.clone())
        };
        assert_eq!(unit("表一").as_deref(), Some("元"));
        assert_eq!(unit("表三").as_deref(), Some("万元"));
    }

    /// The 三公 table's header as a PDF's grid gives it: three levels, each
    /// name in the cell of the column it heads, a spanning name in the
    /// first of its cells.
    const THREE_PUBLIC_HEADER: &str = "“三公”经费、会议费、培训费支出预算表\n\
        部门名称：江苏省人民检察院\t单位：万元\n\
        合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费\n\
        \t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n\
        \t\t\t小计\t公务用车购置费\t公务用车运行维护费\n";

    #[test]
    fn figures_under_a_header_naming_every_column_are_read_by_position() {
        let text =
            format!("{THREE_PUBLIC_HEADER}1276.7\t418.26\t80\t237\t\t237\t101.26\t158.44\t700\n");
        let parsed = jiangsu(&text);
        assert!(parsed.unparsed.is_empty(), "{:?}", parsed.unparsed);
        let row = |v: &str| Some(v.to_string());
        assert_eq!(
            figures(&parsed.tables[0]),
            [[
                row("1276.7"),
                row("418.26"),
                row("80"),
                row("237"),
                None,
                row("237"),
                row("101.26"),
                row("158.44"),
                row("700")
            ]]
        );
    }

    #[test]
    fn figures_not_under_the_header_s_names_stay_unplaced() {
        // One cell off (an extraction that starts the header a cell in):
        // which figure is which column is not certain.
        let text =
            format!("{THREE_PUBLIC_HEADER}\t1276.7\t418.26\t80\t237\t\t237\t101.26\t158.44\t700\n");
        let parsed = jiangsu(&text);
        assert_eq!(parsed.unparsed.len(), 1, "{:?}", parsed.unparsed);
        assert!(figures(&parsed.tables[0])
            .iter()
            .flatten()
            .all(Option::is_none));
    }

    #[test]
    fn a_note_s_lines_and_an_empty_table_s_words_are_no_rows() {
        let text = "一般公共预算机关运行经费支出预算表\n\
            部门名称：江苏省人民检察院\t单位：万元\n\
            科目编码\t科目名称\t机关运行经费支出\n\
            合计\t\t1,000.00\n\
            30201\t办公费\t1,000.00\n\
            注：1.“机关运行经费”指行政单位使用一般公共预算安排的基本支出中\n\
            的日常公用经费支出，包括办公及印刷费、邮电费\n\
            费用。\n\
            2.“科目编码”和“科目名称”为必填项。\n\
            政府性基金预算财政拨款支出预算表\n\
            功能科目编码\t功能科目名称\t金额\n\
            合计\n\
            此表为空\n\
            ：“科目编码”和“科目名称”为必填项\n";
        let parsed = jiangsu(text);
        assert!(parsed.unparsed.is_empty(), "{:?}", parsed.unparsed);
        assert_eq!(parsed.tables[0].rows.len(), 2);
        assert!(parsed.tables[1].declared_empty);
    }

    #[test]
    fn a_label_cut_in_two_is_the_row_its_pieces_make() {
        let text = "财政拨款收支预算总表\n\
            收入\t\t支出\n\
            一般公共预算\t100.00\t基本支出\t60.00\n\
            \t\t单位预留\n\
            \t\t不是一行\n\
            \t\t项目支出\t30.00\n\
            \t\t单位预留机动\n\
            \t\t经费\t10.00\n\
            收入合计\t100.00\t支出合计\t100.00\n";
        let parsed = jiangsu(text);
        let joined = parsed.tables[0]
            .rows
            .iter()
            .find(|r| r.name == "单位预留机动经费")
            .expect("the two pieces read as one row");
        assert_eq!(joined.line, 8);
        let amount = joined.cells[0].amount().map(|a| a.value.to_string());
        assert_eq!(amount.as_deref(), Some("10.00"));
        // A piece that no rest completes stays unread, as does the rest.
        let unread: Vec<usize> = parsed.unparsed.iter().map(|u| u.line).collect();
        assert_eq!(unread, [4, 5], "{:?}", parsed.unparsed);
    }

    #[test]
    fn a_meta_label_and_its_value_in_two_cells_are_one_pair() {
        // A PDF's gap puts "部门：" and its name in cells of their own.
        let text = "十二、政府采购支出预算表\n部门：\t江苏省人民检察院\t单位：万元\n\
                    采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n\
                    合计\t\t\t\t\t2,889.80\n";
        let parsed = parse(&Lines::from_text(text), &crate::profile::JIANGSU12);
        assert_eq!(parsed.department.as_deref(), Some("江苏省人民检察院"));
        assert_eq!(parsed.unit.as_deref(), Some("万元"));
        let table = &parsed.tables[0];
        assert!(
            table.rows.iter().all(|r| !r.name.contains("部门")),
            "{:?}",
            table.rows
        );
    }
}
