//! Recognising the labels of the 绩效 forms by content, whatever cell they
//! sit in: "其中：" prefixes, colons, truncations ("市县（区）财政资"), wraps
//! ("财政资 金") and misprints ("市基（区）财政资金") are all folded here.

use alloc::borrow::Cow;
use core::cell::OnceCell;

use crate::lines::Line;
use crate::model::forms::FormValue;
use crate::model::Cell;
use crate::prelude::*;
use crate::text::{fold_key, is_chinese_digit};

/// A form line with its non-empty cells, each keyed once: the form
/// readers look at a line's labels several times (fields, funds, the grid's
/// frame, the grid), and folding is the costly part.
pub struct Keyed<'a> {
    pub line: &'a Line,
    pub cells: Vec<KeyedCell<'a>>,
}

/// A non-empty cell of a form line.
pub struct KeyedCell<'a> {
    /// Its index among all the line's cells, empty ones included.
    pub col: usize,
    /// Its folded key ([`label_key`]).
    pub key: Cow<'a, str>,
    /// Its text as printed.
    pub text: &'a str,
    /// What it labels on a 项目支出 form ([`KeyedCell::project`]).
    project: OnceCell<ProjectLabel>,
}

impl KeyedCell<'_> {
    /// What the cell labels on a 项目支出 form. Told at the first asking and
    /// kept: the reader asks it of every cell after a label while it looks
    /// for the label's value, and never of the indicator grid's cells.
    pub fn project(&self) -> ProjectLabel {
        *self.project.get_or_init(|| project_label(&self.key))
    }
}

/// Keys every line of a form body.
pub fn keyed<'a>(lines: &[&'a Line]) -> Vec<Keyed<'a>> {
    // Loops rather than iterator chains: the same lists in less wasm.
    let mut keyed = Vec::with_capacity(lines.len());
    for &line in lines {
        keyed.push(Keyed {
            line,
            cells: filled(line),
        });
    }
    keyed
}

/// A line's non-empty cells, keyed.
fn filled(line: &Line) -> Vec<KeyedCell<'_>> {
    // Cleaned cells never start or end with white space (lines::cells).
    let mut cells = Vec::new();
    for (col, text) in line.cells().enumerate() {
        if !text.is_empty() {
            cells.push(KeyedCell {
                col,
                key: label_key(text),
                text,
                project: OnceCell::new(),
            });
        }
    }
    cells
}

/// The comparison key of a label: folded, without "其中：" and colons.
/// Labels are short; of a long value cell (a 项目概况 paragraph) only the
/// start is folded, which is all a label comparison can look at.
pub fn label_key(text: &str) -> Cow<'_, str> {
    const LABEL_CHARS: usize = 48;
    // 48 characters take at least 48 bytes: a shorter cell is all label.
    let end = if text.len() <= LABEL_CHARS {
        text.len()
    } else {
        text.char_indices()
            .nth(LABEL_CHARS)
            .map_or(text.len(), |(i, _)| i)
    };
    let head = &text[..end];
    // Most keys are borrowed; the few with a "其中" or a colon are copied.
    let mut key = fold_key(head);
    if key.starts_with("其中") {
        key = Cow::Owned(key["其中".len()..].to_string());
    }
    if key.contains(':') {
        key = Cow::Owned(key.replace(':', ""));
    }
    key
}

/// A form title: a short line that is not a sentence and names a
/// 绩效目标 form.
pub fn title_kind(line: &Line) -> Option<TitleKind> {
    // Folding keeps every ideograph and drops only white space, and the
    // text is trimmed: a line that does not end in 表 is no title. Most
    // lines are turned away here without being folded or searched. A
    // worksheet or a Word table row may follow the title with empty cells.
    if !line.text.trim_end().ends_with('表') {
        return None;
    }
    if line.filled_cells().count() != 1 {
        return None;
    }
    let key = fold_key(&line.text);
    if key.chars().count() > 60 || key.contains('。') || !key.ends_with('表') {
        return None;
    }
    if !key.contains("绩效目标") {
        return None;
    }
    if key.contains("整体支出") {
        Some(TitleKind::Overall)
    } else if key.contains("项目支出") {
        Some(TitleKind::Project)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    Overall,
    Project,
}

/// The line that closes a form: "负责人：… 经办人：… 填报日期：…".
pub fn is_signature(line: &Line) -> bool {
    // A cell's key starts as the cell does, unless folding drops what
    // stands first (a colon, a "其中"): only such cells are keyed. Every
    // line of every form is asked; most are turned away by a first look.
    for cell in line.cells() {
        if !cell.starts_with(['负', '经', '其', '：', ':']) {
            continue;
        }
        let key = label_key(cell);
        if key.starts_with("负责人") || key.starts_with("经办人") {
            return true;
        }
    }
    false
}

/// A heading of the surrounding prose ("十一、国有资产占有使用情况",
/// "第四部分 名词解释"): the form has ended.
pub fn is_prose_heading(line: &Line) -> bool {
    if line.is_tabular() {
        return false;
    }
    let t = line.text.trim();
    let after_numeral = t.trim_start_matches(is_chinese_digit);
    (after_numeral.len() < t.len() && after_numeral.starts_with('、'))
        || (t.starts_with('第') && t.contains("部分"))
}

/// Key of a 项目资金 breakdown label (central, province, city, own,
/// other), tolerant of the layouts seen in the corpus.
fn fund_part(key: &str) -> Option<&'static str> {
    // At most 14 characters is at most 56 bytes: the long cells (texts
    // and paragraphs) are turned away without a look. Every breakdown label
    // names 资(金), 财(政) or (自)筹: a look for one character turns most
    // of the rest away before the substring searches.
    if key.len() > 14 * 4 || key.chars().count() > 14 || !key.contains(['资', '财', '筹']) {
        return None;
    }
    // Shanghai's 财政项目支出绩效目标填报表 breaks its funds down otherwise:
    // 项目资金总额 = 财政资金 + 其他资金, 年度资金申请总额 = 当年财政拨款 +
    // 上年结转资金 + 其他资金. Told first: "财政资金" alone is no 市县 share.
    match key {
        "财政资金" => return Some("fiscal"),
        "当年财政拨款" => return Some("current"),
        "上年结转资金" => return Some("carryover"),
        _ => {}
    }
    if key.contains("中央") && key.contains("资金") {
        Some("central")
    } else if key.contains("省级") && key.contains('资') {
        Some("province")
    } else if key.contains("财政资") || (key.contains("(区)") && key.contains("财政")) {
        Some("city")
    } else if key.contains("自筹") {
        Some("own")
    } else if key == "其他资金" {
        Some("other")
    } else {
        None
    }
}

/// The 资金总额 labels, by the block they total: the 13-table form's
/// "实施期资金总额" / "年度资金总额", Shanghai's "项目资金总额" /
/// "年度资金申请总额".
const FUND_TOTALS: &[(&str, FundPeriod)] = &[
    ("实施期资金总额", FundPeriod::Implementation),
    ("年度资金总额", FundPeriod::Annual),
    ("项目资金总额", FundPeriod::Implementation),
    ("年度资金申请总额", FundPeriod::Annual),
];

/// The block a 资金总额 label totals, and the label's name as messages
/// print it.
fn fund_total(key: &str) -> Option<(FundPeriod, &'static str)> {
    FUND_TOTALS
        .iter()
        .find(|(label, _)| key.contains(label))
        .map(|&(label, period)| (period, label))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundPeriod {
    Implementation,
    Annual,
}

/// Labels of a project form's text rows (a cell holding one of these is
/// never a value).
const PROJECT_LABELS: &[&str] = &[
    "项目名称",
    "主管部门及代码",
    "实施单位",
    "项目属性",
    "项目期",
    "项目资金",
    "项目概况",
    "立项依据",
    "项目设立必要性",
    "保证项目实施的制度、措施",
    "项目实施计划",
    "实施期目标",
    "年度目标",
    "总体目标",
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    // Shanghai's 财政项目支出绩效目标填报表.
    "主管部门",
    "项目性质",
    "项目类别",
    "计划开始日期",
    "计划完成日期",
    "项目绩效目标",
    "项目总目标",
    "年度总体目标",
];

/// What a cell labels on a 项目支出 form: a 资金总额 (fund total), a
/// breakdown part, another of its labels, or nothing (a value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectLabel {
    Value,
    /// A 资金总额 label: the block it totals and its name.
    Total(FundPeriod, &'static str),
    Part(&'static str),
    Other,
}

impl ProjectLabel {
    pub fn is_label(self) -> bool {
        self != ProjectLabel::Value
    }
}

/// What `key` labels on a 项目支出 form. A 资金总额 label is told before
/// a breakdown part, as the fund reader has always asked.
fn project_label(key: &str) -> ProjectLabel {
    if let Some((period, name)) = fund_total(key) {
        ProjectLabel::Total(period, name)
    } else if let Some(part) = fund_part(key) {
        ProjectLabel::Part(part)
    } else if PROJECT_LABELS.contains(&key) || key.starts_with("项目资金") {
        ProjectLabel::Other
    } else {
        ProjectLabel::Value
    }
}

/// A printed amount or count with its unit word removed ("9个", "30人",
/// "1,816,000", "30752元").
pub fn value_cell(text: &str) -> Cell {
    let t = text.trim();
    let t = t
        .strip_suffix("万元")
        .or_else(|| t.strip_suffix('元'))
        .or_else(|| t.strip_suffix('个'))
        .or_else(|| t.strip_suffix('人'))
        .unwrap_or(t);
    Cell::from_text(t)
}

/// The label at `cells[pos]` with its value ([`value_after`]), as the form
/// value keyed `key` printed on `line`.
pub fn labelled_value(
    cells: &[KeyedCell],
    pos: usize,
    is_label: fn(&KeyedCell) -> bool,
    key: &'static str,
    line: usize,
) -> FormValue {
    FormValue {
        key,
        label: cells[pos].text.to_string(),
        value: value_cell(value_after(cells, pos, is_label).unwrap_or("")),
        line,
    }
}

/// The value of the label at `cells[pos]`: the first filled cell after it
/// and before the next cell that `is_label` accepts; a blank when there is
/// none. (`is_label` is a plain function: one body for every reader.)
pub fn value_after<'a>(
    cells: &[KeyedCell<'a>],
    pos: usize,
    is_label: fn(&KeyedCell) -> bool,
) -> Option<&'a str> {
    cells
        .iter()
        .skip(pos + 1)
        .take_while(|c| !is_label(c))
        .map(|c| c.text)
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fund_labels_survive_layout_noise() {
        for (label, key) in [
            ("其中：中央财政资金", "central"),
            ("其中: 中央财政资金", "central"),
            ("省级财政资金", "province"),
            ("市县（区）财政资金", "city"),
            ("市县（区）财政资", "city"),
            ("市县(区)财政资金", "city"),
            ("市基（区）财政资金", "city"),
            ("单位自筹", "own"),
            ("其他资金", "other"),
            ("其中：财政资金", "fiscal"),
            ("其中：当年财政拨款", "current"),
            ("上年结转资金", "carryover"),
        ] {
            assert_eq!(fund_part(&label_key(label)), Some(key), "{label}");
        }
        assert_eq!(fund_part(&label_key("其中：一般公共预算资金")), None);
        assert_eq!(
            fund_total(&label_key("实施期资金总额：")),
            Some((FundPeriod::Implementation, "实施期资金总额"))
        );
        assert_eq!(
            fund_total(&label_key("年度资金总额:")),
            Some((FundPeriod::Annual, "年度资金总额"))
        );
        assert_eq!(
            fund_total(&label_key("项目资金总额")),
            Some((FundPeriod::Implementation, "项目资金总额"))
        );
        assert_eq!(
            fund_total(&label_key("年度资金申请总额")),
            Some((FundPeriod::Annual, "年度资金申请总额"))
        );
    }

    #[test]
    fn values_lose_their_unit_words() {
        assert_eq!(value_cell("9个").amount().unwrap().value.to_string(), "9");
        assert_eq!(
            value_cell("1,816,000").amount().unwrap().value.to_string(),
            "1816000"
        );
        assert!(value_cell("").is_blank());
    }
}
