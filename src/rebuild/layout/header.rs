//! The lines around a layout table's rows: meta lines (部门名称, 单位, 注)
//! left to the parser, and header lines, whose cells give the columns'
//! positions and are rebuilt so that the parser reads them as a header.

use super::super::RebuiltRow;
use super::words::Word;
use crate::prelude::*;
use crate::profile::TableDef;
use crate::rebuild::tokens::is_table_label_key;
use crate::text::fold_key;

/// Header words besides the columns' own names (a word is a header word
/// when it is part of one of these).
const HEADER_WORDS: &[&str] = &[
    "项目名称",
    "单位名称",
    "收入科目编码",
    "支出科目编码",
    "科目名称",
    "金额",
    "部门预算支出经济科目名称",
    "政府预算支出经济科目名称",
    "功能分类科目编码",
    // A 决算's stacked header: "支出功能分类" over "科目编码".
    "支出功能分类科目编码",
    "功能分类科目名称",
    "部门预算经济分类科目编码",
    "经济分类科目名称",
    "年预算数",
    "收入预算",
    "支出预算",
    "一般公共预算支出",
    "一般公共预算基本支出",
    "本年收入",
    "年财政拨款",
    "上年结转",
];

/// 部门名称, 单位, 注, 本表无数据: lines the parser reads as they are.
pub fn is_meta(text: &str) -> bool {
    // Every meta line has a colon or one of these words: most lines need
    // not be folded.
    if !text.contains([':', '：']) && !text.contains("本表") && !text.contains("公开") {
        return false;
    }
    const LABELS: &[&str] = &[
        "部门名称:",
        "单位名称:",
        "预算单位:",
        "编制单位:",
        "编制部门:",
        "部门:",
        "单位:",
        "金额单位:",
        "计量单位:",
        "注:",
        "说明:",
    ];
    let key = fold_key(text);
    LABELS.iter().any(|l| key.starts_with(l))
        || is_table_label_key(&key)
        || key.contains("本表无数据")
        || key.contains("本表为空")
}

/// A header line's cells: words one space apart are one ("政府性 基金预"),
/// with where they start. The space between such words is kept: two
/// narrow columns' names may stand one space apart ("公务用车购置
/// 公务用车运行"), which the columns tell apart by it (`Columns::set_header`).
pub fn header_cells(ws: &[Word]) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::with_capacity(ws.len());
    let mut last_end = usize::MAX;
    for w in ws {
        match out.last_mut() {
            Some((_, text)) if w.start == last_end + 1 => {
                text.push(' ');
                text.push_str(w.text);
            }
            _ => out.push((w.start, w.text.to_string())),
        }
        last_end = w.end;
    }
    out
}

/// A header line: no figure, and every cell part of a column name or a
/// header word. After the rows have begun, a line is taken for a repeated
/// header only with two cells of two characters or more (a wrapped label's
/// last character, "出", is part of "支出" too).
pub fn is_header_line(def: &TableDef, cells: &[(usize, String)], at_top: bool) -> bool {
    let header_word = |text: &str| {
        let key = fold_key(text);
        // "2024年机关运行经": a year may open a column's header (a year
        // alone, "2026年", is a header word of its own).
        let key = key.trim_start_matches(|c: char| c.is_ascii_digit());
        let key = match key.strip_prefix('年') {
            Some(rest) if rest.chars().count() >= 4 => rest,
            _ => key,
        };
        !key.is_empty()
            // "功能分类科目编码", "部门经济分类科目名称": the code and name
            // columns' headers, whatever they are called.
            && ((key.contains("科目") && (key.contains("编码") || key.contains("名称")))
                // "“三公”经费预算数" over the columns it spans.
                || key.ends_with("预算数")
                || def.columns().any(|(_, c)| {
                let name = fold_key(c.name);
                name.contains(key) || key.contains(&*name)
            }) || HEADER_WORDS.iter().any(|h| h.contains(key))
                || matches!(key, "项目" | "收入" | "支出" | "小计" | "类" | "款" | "项"))
    };
    // Narrow columns' names may stand one space apart ("公务用车购置
    // 公务用车运行"): a cell is a header cell when it is one header word
    // or each of its words is.
    let header_cell = |(_, text): &(usize, String)| {
        header_word(text) || (text.contains(' ') && text.split(' ').all(header_word))
    };
    // "合计" opening a line is the total row, not the column's header,
    // unless the table's rows have no label (its 合计 is a column).
    let labelled = def.sides.first().is_some_and(|s| s.label_cells > 0);
    let opens_total = labelled
        && cells
            .first()
            .is_some_and(|(start, text)| *start <= 2 && is_total(text));
    // A code column's header stands out on its own: "功能分类科目编码" on
    // a line, "类 款 项" under it.
    let code_header = |(_, t): &(usize, String)| t.contains("科目") && t.chars().count() >= 6;
    let split_codes = is_split_code_header(cells);
    let enough = at_top
        || cells.iter().filter(|(_, t)| t.chars().count() >= 2).count() >= 2
        || split_codes
        || (cells.len() == 1 && code_header(&cells[0]));
    enough && !opens_total && cells.iter().all(header_cell)
}

/// "类 款 项": the split 科目编码's header line.
pub fn is_split_code_header(cells: &[(usize, String)]) -> bool {
    cells.len() >= 2
        && cells
            .iter()
            .all(|(_, t)| matches!(t.as_str(), "类" | "款" | "项"))
}

/// A header line's row: its cells in the amount positions, every label cell
/// empty, which the parser reads as a header (a stacked header word,
/// "部门预算支出经济科", is not one of the parser's header words, nor is
/// 表四's "金额" in a label position).
pub fn header_row(def: &TableDef, no: usize, cells: &[(usize, String)]) -> RebuiltRow {
    let mut words = cells.iter().map(|(_, t)| t.replace(' ', ""));
    let mut row = Vec::new();
    for side in def.sides {
        let end = row.len() + side.label_cells + side.columns.len();
        row.extend(core::iter::repeat_n(String::new(), side.label_cells));
        row.extend(words.by_ref().take(side.columns.len()));
        row.resize(end, String::new());
    }
    row.extend(words);
    RebuiltRow {
        lines: vec![no],
        cells: row,
    }
}

/// 合计, 总计: a total row's label.
pub fn is_total(text: &str) -> bool {
    // The longest, "本年合计", is 12 bytes, 24 with spaces between its
    // characters: longer text is not folded to be compared.
    if text.len() > 24 {
        return false;
    }
    matches!(&*fold_key(text), "合计" | "总计" | "本年合计")
}
