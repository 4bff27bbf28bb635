//! What the raw and spaced readers share: telling figures, codes and
//! labels apart in a run of words, and following a table's fixed row
//! labels through text that breaks them anywhere.

use super::{RebuiltRow, Region};
use crate::parse::tables::strip_ordinal;
use crate::prelude::*;
use crate::profile::{FixedRow, RowScheme, TableDef};
use crate::text::fold_key;

/// A printed amount ("75.80", "1,234.5"): integers are codes or column
/// numbers in these tables.
pub fn is_figure(token: &str) -> bool {
    // "1." is an ordinal ("1. 一般公共预算资金"), not a figure.
    token.contains('.') && !token.ends_with('.') && crate::model::Amount::parse(token).is_some()
}

/// A page's number as printed on a line of its own: an integer of at most
/// three digits.
pub fn is_page_number_word(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// A printed amount, whole or not ("1,816,000", "0.00", "-3.5"): a
/// figure of a 绩效 form's label–figure pairs, where no code stands.
pub fn is_amount(token: &str) -> bool {
    token
        .trim_start_matches('-')
        .starts_with(|c: char| c.is_ascii_digit())
        && crate::model::Amount::parse(token).is_some()
}

/// How a table region prints its amounts: with decimals (the 13-table
/// template, 万元), or whole (Shanghai's 元 tables: "3,296,600", "0"). In a
/// region of whole figures an integer is a figure too; its codes are told
/// by where they stand (`split_codes`).
#[derive(Debug, Clone, Copy)]
pub struct Figures {
    whole: bool,
}

impl Figures {
    /// Whole when the region prints no figure with decimals and either a
    /// figure grouped by commas or its amounts in 元 (`in_yuan`: a template
    /// that groups no figure prints "2976800"; 万元 always come with
    /// decimals).
    pub fn of<'a>(mut words: impl Iterator<Item = &'a str>, in_yuan: bool) -> Figures {
        let mut grouped = false;
        for w in words.by_ref() {
            if is_figure(w) {
                return Figures { whole: false };
            }
            grouped |= w.contains(',') && is_whole(w);
        }
        Figures {
            whole: grouped || in_yuan,
        }
    }

    /// Every number a figure: a table of figures alone (the 三公 table,
    /// "37.91 0 1.35"), where no code or label stands among them.
    pub fn all() -> Figures {
        Figures { whole: true }
    }

    pub fn is(self, token: &str) -> bool {
        is_figure(token) || (self.whole && is_whole(token))
    }
}

/// "3,296,600", "0": an amount printed without decimals.
fn is_whole(token: &str) -> bool {
    let body = token.strip_prefix('-').unwrap_or(token);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && crate::model::Amount::parse(token).is_some()
}

/// A 类 (three digits), 款 or 项 (two) cell of a split 科目编码, whole.
pub fn is_code_cell(word: &str) -> bool {
    matches!(word.len(), 2 | 3) && word.bytes().all(|b| b.is_ascii_digit())
}

/// How many of `words` open a row as split 科目编码 cells (类, then 款 and
/// 项 of two digits each), at most `cells`. A 类 cell printed short ("7"
/// for 210, a glyph lost) counts when a 款 follows: the parser completes
/// it from the class above and says so.
pub fn split_codes(words: &[&str], cells: usize) -> usize {
    if cells == 0 {
        return 0;
    }
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let two = |w: &&&str| w.len() == 2 && digits(w);
    let Some(first) = words.first().filter(|w| digits(w) && w.len() <= 3) else {
        return 0;
    };
    let more = words[1..cells.min(words.len())]
        .iter()
        .take_while(two)
        .count();
    if first.len() < 3 && more == 0 {
        return 0;
    }
    1 + more
}

/// Whether a label opens with an ordinal ("一、", "1.", "（二）").
pub fn has_ordinal(token: &str) -> bool {
    let folded = fold_key(token);
    strip_ordinal(&folded).len() < folded.len()
}

/// A 科目编码: 3, 5 or 7 digits.
pub fn is_code(token: &str) -> bool {
    matches!(token.len(), 3 | 5 | 7) && token.bytes().all(|b| b.is_ascii_digit())
}

/// A heading numbered in Chinese ("一、货物A", "三、服务C"): a row's whole
/// label, never wrapped, which opens its row.
pub fn is_numbered_heading(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && chars.next() == Some('、')
}

pub fn is_total(token: &str) -> bool {
    is_total_key(&fold_key(token))
}

/// [`is_total`] of a word already folded (`fold_key`): a reader that asks
/// several questions of one word folds it once.
pub fn is_total_key(key: &str) -> bool {
    matches!(key, "合计" | "部门合计" | "总计")
}

/// A header word, or a piece of one, of this table: column names and the
/// words above the labels ("科目编码", "项目名称" …), which one-cell-a-line
/// text scatters among the rows.
pub fn is_header_piece(token: &str, def: &TableDef) -> bool {
    is_header_key(&fold_key(token), def)
}

/// [`is_header_piece`] of a word already folded (`fold_key`).
pub fn is_header_key(key: &str, def: &TableDef) -> bool {
    // Written folded (no space, bracket or colon): compared as they stand.
    const WORDS: &[&str] = &[
        "项目",
        "科目编码",
        "科目名称",
        "收入科目编码",
        "项目名称",
        "单位名称",
        "本年收入",
        "金额",
        "部门预算支出经济科目名称",
        "政府预算支出经济科目名称",
        "一般公共预算支出",
        "一般公共预算基本支出",
        "收入预算",
        "支出预算",
    ];
    if key.is_empty() {
        return false;
    }
    // A piece of one or two characters ("出", "支出") is as likely the
    // end of a wrapped name: only whole words count then.
    let piece = key.chars().nth(2).is_some();
    let fits = |word: &str| word == key || (piece && word.contains(key));
    key.contains("预算数")
        || key.contains("财政拨款")
        // "功能分类科目编码", "部门经济分类科目名称": a code or name column's.
        || (key.contains("科目") && (key.contains("编码") || key.contains("名称")))
        || WORDS.iter().any(|w| fits(w))
        || def.columns().any(|(_, c)| fits(&fold_key(c.name)))
}

/// "1 2 3 4 5": the column numbers under a header.
pub fn is_column_numbers(tokens: &[&str]) -> bool {
    tokens.len() >= 3
        && tokens
            .iter()
            .enumerate()
            .all(|(i, t)| t.parse::<usize>().ok() == Some(i + 1))
}

/// 部门名称, 单位, 注 and the like: lines that end a table's rows.
pub fn is_meta(line: &str) -> bool {
    let key = fold_key(line);
    is_heading_key(&key)
        || ["注:", "说明:", "预算公开表"]
            .iter()
            .any(|p| key.starts_with(p))
}

/// A table's heading line: 部门名称, 部门, 单位 and the like.
#[cfg(feature = "rebuild")]
pub fn is_table_heading(line: &str) -> bool {
    is_heading_key(&fold_key(line))
}

/// A table's label on a line of its own: "公开 04 表", "公开05表：".
pub fn is_table_label(line: &str) -> bool {
    is_table_label_key(&fold_key(line))
}

/// [`is_table_label`] of a line folded already. The label is printed above
/// its title (so at the end of the table before it); its number is not a
/// figure.
pub fn is_table_label_key(key: &str) -> bool {
    key.strip_prefix("公开")
        .map(|rest| rest.trim_end_matches(':'))
        .and_then(|rest| rest.strip_suffix('表'))
        .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The meta lines of a table's heading: 部门名称 and 单位 (Jiangsu heads
/// some tables "部门：", Shanghai "编制部门："/"编制单位："). One cell a
/// line may print them among the header words.
pub fn is_heading_meta(line: &str) -> bool {
    is_heading_key(&fold_key(line))
}

fn is_heading_key(key: &str) -> bool {
    [
        "部门名称:",
        "部门:",
        "编制部门:",
        "单位名称:",
        "编制单位:",
        "单位:",
    ]
    .iter()
    .any(|p| key.starts_with(p))
}

/// Header lines (column names, numbers, words the text scattered among
/// the rows) written as one row the parser skips: its words in one amount
/// cell under empty labels. Column numbers alone on a line stay cells of
/// their own, which the parser knows.
pub fn header_row(region: &Region, lines: &[usize]) -> Option<RebuiltRow> {
    if lines.is_empty() {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    for &no in lines {
        words.extend(region.raw_of(no).split_whitespace());
    }
    let cells = if lines.len() == 1 && is_column_numbers(&words) {
        words.iter().map(|w| w.to_string()).collect()
    } else {
        let mut cells = vec![String::new(); region.table.sides[0].label_cells];
        // Two words at least, so that a lone number is not read as a figure.
        cells.push(format!("{} ", crate::slices::join(&words, " ")));
        cells
    };
    Some(RebuiltRow {
        lines: lines.to_vec(),
        cells,
    })
}

/// The header rows `extra` without the lines a table row of `rows` cites,
/// each written again from the lines it keeps: a line of figures set aside
/// as no label's may be placed by the sums (one cell a line prints a
/// 收入合计 figure after the expense side's rows), and a line is one row's.
pub fn header_rows_without(
    region: &Region,
    extra: Vec<RebuiltRow>,
    rows: &[RebuiltRow],
) -> Vec<RebuiltRow> {
    let cited = |no: &usize| rows.iter().any(|r| r.lines.contains(no));
    extra
        .into_iter()
        .filter_map(|header| {
            if !header.lines.iter().any(cited) {
                return Some(header);
            }
            let kept: Vec<usize> = header
                .lines
                .iter()
                .copied()
                .filter(|no| !cited(no))
                .collect();
            header_row(region, &kept)
        })
        .collect()
}

/// One fixed row matched, with where its label came from.
#[derive(Debug, Clone)]
pub struct Matched {
    pub side: usize,
    pub key: &'static str,
    /// The label as printed, pieces joined.
    pub printed: String,
    /// Folded, without ordinal, as matched so far.
    pub folded: String,
    pub label: &'static str,
    pub lines: Vec<usize>,
}

impl Matched {
    pub fn complete(&self) -> bool {
        self.folded == self.label
    }
}

/// Follows the fixed labels of every side of a table through pieces of
/// text: a piece either continues a label begun before or begins the next
/// one of some side.
pub struct FixedMatcher<'a> {
    rows: Vec<&'static [FixedRow]>,
    next: Vec<usize>,
    /// Every label matched, in order of its first piece.
    pub matched: Vec<Matched>,
    /// The label being read on each side (index into `matched`).
    pub open: Vec<Option<usize>>,
    /// A number printed apart from its label ("1." before "一般公共预算"),
    /// given to the label that follows.
    ordinal: Option<String>,
    def: &'a TableDef,
    /// A column's name begun among the rows, which the next piece may end.
    heading: Option<String>,
    /// Whether the last piece fed was a column's name or a piece of one.
    header_piece: bool,
}

impl<'a> FixedMatcher<'a> {
    /// None when a side is not a fixed-rows side.
    pub fn new(def: &'a TableDef) -> Option<FixedMatcher<'a>> {
        let mut rows = Vec::new();
        for side in def.sides {
            match &side.rows {
                RowScheme::Fixed(r) => rows.push(*r),
                _ => return None,
            }
        }
        let n = rows.len();
        Some(FixedMatcher {
            rows,
            next: vec![0; n],
            matched: Vec::new(),
            open: vec![None; n],
            ordinal: None,
            def,
            heading: None,
            header_piece: false,
        })
    }

    /// Whether `token` begins the first row of some side (where data starts).
    pub fn begins_first(&self, token: &str) -> bool {
        let folded = fold_key(token);
        let key = strip_ordinal(&folded);
        let has_ordinal = key.len() < folded.len();
        !key.is_empty()
            && self.rows.iter().any(|r| {
                r.first().is_some_and(|f| f.label.starts_with(key))
                    || (has_ordinal && r.iter().any(|f| f.label.starts_with(key)))
            })
    }

    /// Feeds one piece of text; returns the index of the matched label it
    /// went to, or None when it fits no label.
    pub fn feed(&mut self, token: &str, line: usize) -> Option<usize> {
        self.header_piece = false;
        let ordinal = self.ordinal.take();
        let token = match &ordinal {
            Some(number) => format!("{number}{token}"),
            None => token.to_string(),
        };
        let folded = fold_key(&token);
        let stripped = strip_ordinal(&folded);
        let has_ordinal = stripped.len() < folded.len();
        if stripped.is_empty() {
            if has_ordinal && ordinal.is_none() {
                self.ordinal = Some(token);
            }
            return None;
        }
        if !has_ordinal {
            // Continues an open label?
            for s in 0..self.rows.len() {
                let Some(m) = self.open[s] else { continue };
                let m = &mut self.matched[m];
                let joined = format!("{}{}", m.folded, stripped);
                if m.label.starts_with(&joined) {
                    m.folded = joined;
                    m.printed.push_str(&token);
                    if !m.lines.contains(&line) {
                        m.lines.push(line);
                    }
                    let idx = self.open[s];
                    if self.matched[idx?].complete() {
                        self.open[s] = None;
                    }
                    return idx;
                }
            }
        }
        // A column's name, or its first line, printed among the rows
        // (表四's 一般公共预算 and 政府性基金预 over their columns, one cell
        // a line) begins no label further down.
        let heading = self.heading.take();
        let column_word = !has_ordinal
            && stripped.chars().nth(2).is_some()
            && self
                .def
                .columns()
                .any(|(_, c)| fold_key(c.name).starts_with(stripped));
        // The rest of such a name ("算" after 政府性基金预) is the header's
        // too.
        if let Some(before) = heading.filter(|_| !has_ordinal) {
            let joined = format!("{before}{stripped}");
            if self
                .def
                .columns()
                .any(|(_, c)| fold_key(c.name).starts_with(&joined))
            {
                self.header_piece = true;
                return None;
            }
        }
        // Begins the next label of some side: the nearest, fewest rows
        // skipped first, then the earlier side.
        let next = (0..self.rows.len())
            .filter_map(|s| {
                self.next_match(s, stripped, has_ordinal)
                    .map(|(skipped, at)| (skipped, s, at))
            })
            .filter(|&(skipped, _, _)| !column_word || skipped == 0)
            .min_by_key(|&(skipped, s, _)| (skipped, s));
        let Some((_, s, at)) = next else {
            if column_word {
                self.heading = Some(stripped.to_string());
                self.header_piece = true;
            }
            return None;
        };
        let row = &self.rows[s][at];
        self.next[s] = at + 1;
        self.matched.push(Matched {
            side: s,
            key: row.key,
            printed: token.clone(),
            folded: stripped.to_string(),
            label: row.label,
            lines: vec![line],
        });
        let idx = self.matched.len() - 1;
        self.open[s] = (!self.matched[idx].complete()).then_some(idx);
        Some(idx)
    }

    /// The next row of side `s` that a piece begins, as (rows skipped, its
    /// index). A row or two may be skipped (a template's row the document
    /// left out). A numbered piece ("三、卫生健康支出") or a whole label
    /// ("支出总计") also skips any run of the rows the template prints only
    /// when funded (Shanghai's 收支总表 lists every 类 it may print, a
    /// document the few it has); a bare piece of a label may not: "支出"
    /// alone must not jump ahead.
    fn next_match(&self, s: usize, piece: &str, numbered: bool) -> Option<(usize, usize)> {
        let sure = numbered
            || self.rows[s][self.next[s].min(self.rows[s].len())..]
                .iter()
                .any(|row| row.label == piece);
        let mut skipped = 0;
        for (at, row) in self.rows[s].iter().enumerate().skip(self.next[s]) {
            if row.label.starts_with(piece) {
                return Some((skipped, at));
            }
            if !(sure && row.optional) {
                skipped += 1;
                if skipped > 2 {
                    return None;
                }
            }
        }
        None
    }

    /// Whether the last piece fed was a column's name printed among the
    /// rows, or a piece of one: a header word, not a label.
    pub fn header_piece(&self) -> bool {
        self.header_piece
    }

    /// Sides with a label begun and not finished, in side order.
    pub fn open_sides(&self) -> Vec<usize> {
        self.open.iter().filter_map(|o| *o).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SHANGHAI9_DEPARTMENT;

    /// Shanghai's 收支总表 as pdfplumber prints it: the expense side lists
    /// only the 类 the document has, out of every one the template may print.
    fn matcher() -> FixedMatcher<'static> {
        let def = SHANGHAI9_DEPARTMENT.table("表1").expect("表1");
        FixedMatcher::new(def).expect("fixed rows on both sides")
    }

    fn keys(m: &FixedMatcher) -> Vec<(usize, &'static str, String)> {
        m.matched
            .iter()
            .map(|x| (x.side, x.key, x.printed.clone()))
            .collect()
    }

    #[test]
    fn a_numbered_class_or_a_whole_label_skips_the_classes_not_printed() {
        let mut m = matcher();
        let pieces = [
            "一、财政拨款收入",
            "一、一般公共服务支出",
            "1.一般公共预算",
            "二、公共安全支出",
            "2.政府性基金",
            "3.国有资本经营预算",
            "二、事业收入",
            "三、事业单位经营收入",
            "八、住房保障支出",
            "四、其他收入",
            "收入总计",
            "支出总计",
        ];
        for (line, piece) in pieces.into_iter().enumerate() {
            // The number printed apart from its label, as pdfplumber gives
            // "1. 一般公共预算".
            match piece.split_once('.') {
                Some((number, label)) => {
                    m.feed(&format!("{number}."), line + 1);
                    m.feed(label, line + 1);
                }
                None => {
                    m.feed(piece, line + 1);
                }
            }
        }
        let got = keys(&m);
        let printed: Vec<&str> = got.iter().map(|(_, _, p)| p.as_str()).collect();
        assert_eq!(printed, pieces);
        let expense: Vec<&str> = got.iter().filter(|g| g.0 == 1).map(|g| g.1).collect();
        assert_eq!(expense, ["201", "204", "221", "expense_grand"]);
    }

    #[test]
    fn a_bare_piece_does_not_jump_over_the_classes() {
        let mut m = matcher();
        m.feed("一、财政拨款收入", 1);
        m.feed("一、一般公共服务支出", 1);
        // "住房保障" without its number is a piece, not a label: it begins
        // no 类 eight rows ahead.
        assert_eq!(m.feed("住房保障", 2), None);
    }
}
