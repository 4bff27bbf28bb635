//! What the form layout reader knows of the forms' words, for certainty:
//! the labels printed whole in their own cells (never the first line of a
//! wrapped cell), the labels a row starts with, and the indicator grid's
//! levels. A rebuilt form whose rows do not start as a form's rows do is
//! not read (see [`rows_are_certain`]).

use crate::parse::forms::overall::BUDGET_LABELS;
use crate::prelude::*;
use crate::rebuild::RebuiltRow;
use crate::text::is_ideograph;
use alloc::borrow::Cow;

/// The labels of the 项目支出 and 整体支出 forms, as their cells print them
/// whole (folded by [`fold`]). Its own list, not the parser's
/// (`parse::forms::labels`): this one says which words stand whole in a
/// cell of their own on either form, so that a band's cut can be trusted;
/// the parser's says what a cell labels on a 项目支出 form once read. The
/// labels of 年度预算情况 are the parser's own ([`BUDGET_LABELS`]).
const LABELS: &[&str] = &[
    "项目名称",
    "主管部门及代码",
    "实施单位",
    "项目属性",
    "项目期",
    "项目资金(元)",
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
    "年度绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实施期资金总额",
    "年度资金总额",
    "中央财政资金",
    "省级财政资金",
    "市县(区)财政资金",
    "市县(区)财政资",
    "单位自筹",
    "其他资金",
    "部门基本信息",
    "部门名称",
    "内设职能部门数",
    "所属预算单位数",
    "核定的人员编制数",
    "实际在职人员总数",
    "在编人员数",
    "其他人员数",
    "部门职责",
    "部门战略目标",
    "年度预算情况",
    "按资金来源划分",
    "按资金方向划分",
    "资金总额(万元)",
    "年度重点任务",
    "核心职能",
    "重点任务",
    "年度绩效目标",
];

/// 一级 and 二级 indicator names (without "指标").
const LEVELS: &[&str] = &[
    "产出",
    "效益",
    "满意度",
    "数量",
    "质量",
    "时效",
    "成本",
    "经济效益",
    "社会效益",
    "生态效益",
    "可持续影响",
    "可持续性影响",
    "服务对象满意度",
];

/// The signature line's labels.
const SIGNATURE: &[&str] = &["负责人", "经办人", "联系电话", "填报日期"];

/// A label's comparison form: no spaces or colons, one bracket style, no
/// "其中" before it.
/// Borrowed when there is nothing to fold, as for most of the words the
/// cut of a form weighs: folding is asked of every cell of every band.
fn fold(text: &str) -> Cow<'_, str> {
    let folds = |c: char| matches!(c, ' ' | '：' | ':' | '（' | '）');
    if !text.contains(folds) {
        return Cow::Borrowed(text.strip_prefix("其中").unwrap_or(text));
    }
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' | '：' | ':' => {}
            '（' => key.push('('),
            '）' => key.push(')'),
            c => key.push(c),
        }
    }
    match key.strip_prefix("其中") {
        Some(rest) => Cow::Owned(rest.to_string()),
        None => Cow::Owned(key),
    }
}

fn is_level_key(key: &str) -> bool {
    LEVELS.contains(&key.strip_suffix("指标").unwrap_or(key))
}

/// A label or an indicator level printed whole: a cell of its own.
pub fn is_whole_label(text: &str) -> bool {
    is_whole_key(&fold(text))
}

/// [`is_whole_label`] of a text folded already.
fn is_whole_key(key: &str) -> bool {
    is_label(key) || is_level_key(key)
}

/// One of the forms' labels, folded.
fn is_label(key: &str) -> bool {
    LABELS.contains(&key) || BUDGET_LABELS.contains(&key)
}

/// "(2026年度)", "（2022 年度）": the year line under a form's title.
fn is_year(key: &str) -> bool {
    let inner = key.trim_start_matches('(').trim_end_matches(')');
    inner.strip_suffix("年度").is_some_and(|y| {
        let y = y.trim_end_matches(')');
        y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
    })
}

fn is_signature(key: &str) -> bool {
    SIGNATURE.iter().any(|s| key.starts_with(s))
}

/// A heading of the indicator grid's columns ("三级指标", "指标值").
pub fn heads_grid(text: &str) -> bool {
    // Every heading ends in 指标 or 指标值: most words are told without
    // folding them.
    text.contains('标')
        && matches!(
            &*fold(text),
            "一级指标" | "二级指标" | "三级指标" | "指标值"
        )
}

/// The signature line's first word ("负责人：").
pub fn starts_signature(text: &str) -> bool {
    is_signature(&fold(text))
}

/// The start of a signature label cut by its cell's wrap ("联系电", "填报日").
pub fn is_signature_part(text: &str) -> bool {
    let key = fold(text);
    key.chars().count() >= 2 && SIGNATURE.iter().any(|s| s.starts_with(&*key))
}

/// Whether the rows rebuilt from a laid-out form read as a form's rows
/// do: above the indicator grid every row starts with a label (or is the
/// year line or the signature); in the grid no row is one lone text (the
/// half of a wrapped cell cut off its row, which the grid reader would
/// take for an indicator without a value), and no cell with a space between
/// two words (two cells `pdftotext` left one space apart).
pub fn rows_are_certain(rows: &[RebuiltRow]) -> bool {
    let mut in_grid = false;
    for row in rows {
        let filled = folded_filled(&row.cells);
        let Some(first) = filled.first() else {
            return false;
        };
        if is_signature(first) {
            continue;
        }
        in_grid |= filled
            .iter()
            .any(|k| k == "一级指标" || (is_level_key(k) && k.starts_with(['产', '效', '满'])));
        let certain = if in_grid {
            is_grid_row(&filled, &row.cells)
        } else {
            starts_as_row(first)
        };
        if !certain {
            return false;
        }
    }
    true
}

/// Whether a band whose cells are `cells` (left to right) may be a row of
/// a form, above its grid or in it: a band that could be neither (a
/// paragraph's last line alone, "力。") is no reading's row, so the cut
/// need not weigh it. [`rows_are_certain`] still judges the rows chosen.
pub fn could_be_row(cells: &[String]) -> bool {
    let filled = folded_filled(cells);
    let Some(first) = filled.first() else {
        return false;
    };
    is_signature(first) || starts_as_row(first) || is_grid_row(&filled, cells)
}

/// A row's filled cells, folded.
fn folded_filled(cells: &[String]) -> Vec<Cow<'_, str>> {
    cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| fold(c))
        .collect()
}

/// A row above the grid starts with a label, or is the year line.
fn starts_as_row(first: &str) -> bool {
    is_label(first) || is_year(first)
}

/// A row of the grid is not one lone text, and no cell of it holds two
/// words one space apart.
fn is_grid_row(filled: &[Cow<str>], cells: &[String]) -> bool {
    let lone_text = filled.len() == 1 && !is_whole_key(&filled[0]);
    !lone_text && !cells.iter().any(|c| spaced_words(c)) && !value_first(filled)
}

/// The row's first text that is no level or label is a bound ("≤180元/人/"):
/// an indicator's value where its name stands, as when a row's cells are
/// cut apart from the line that names them.
fn value_first(filled: &[Cow<str>]) -> bool {
    filled
        .iter()
        .find(|k| !is_whole_key(k))
        .is_some_and(|k| k.starts_with(['≥', '≤', '<', '>', '＞', '＜']))
}

/// A space between two ideographs: in the grid's short names and values,
/// the one space `pdftotext` may leave between two cells ("工资发放时间
/// 按月发放") as well as a space printed in a name. The grid's header
/// printed spaced ("绩效 指标", "指标 绩效") is no such cell.
fn spaced_words(cell: &str) -> bool {
    // Most cells hold no such space: they are told without folding their
    // words (the cut asks it of every cell of every band it weighs).
    let mut chars = cell.chars();
    let (mut before, mut at) = (chars.next(), chars.next());
    let mut ideographs_apart = false;
    for after in chars {
        if at == Some(' ') && before.is_some_and(is_ideograph) && is_ideograph(after) {
            ideographs_apart = true;
            break;
        }
        (before, at) = (at, Some(after));
    }
    ideographs_apart
        && !cell
            .split(' ')
            .all(|w| is_whole_label(w) || matches!(w, "绩效" | "指标" | "年度绩效"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_folded() {
        assert!(is_whole_label("其中：中央财政资金"));
        assert!(is_whole_label("项目资金（元）"));
        assert!(is_whole_label("可持续影响指标"));
        assert!(!is_whole_label("市县（区）财"));
        assert!(!is_whole_label("服务对象"));
        assert!(is_year("(2026年度)") && is_year(&fold("（2022 年度）")));
        assert!(is_signature_part("联系电") && !is_signature_part("联"));
    }

    #[test]
    fn a_band_that_no_form_row_could_be_is_not_weighed() {
        let cells = |c: &[&str]| c.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert!(!could_be_row(&cells(&["力。"])));
        assert!(could_be_row(&cells(&[
            "项目概况",
            "",
            "为了解决机关人力不足问题"
        ])));
        assert!(could_be_row(&cells(&[
            "",
            "产出指标",
            "数量指标",
            "监考人员",
            "≥50人"
        ])));
        assert!(could_be_row(&cells(&["负责人：", "经办人："])));
        assert!(!could_be_row(&cells(&["", "", "≤180元/人/", "按合同规定"])));
    }

    #[test]
    fn a_cut_off_half_in_the_grid_is_not_certain() {
        let row = |cells: &[&str]| RebuiltRow {
            lines: vec![1],
            cells: cells.iter().map(|c| c.to_string()).collect(),
        };
        let good = [
            row(&["项目名称", "招商引资工作经费"]),
            row(&["绩效指标", "产出指标", "数量指标", "签约项目", "≥80个"]),
            row(&["", "", "生态效益"]),
        ];
        assert!(rows_are_certain(&good));
        let mut cut = good.to_vec();
        cut.push(row(&["", "", "国际能源博览"]));
        assert!(!rows_are_certain(&cut));
        assert!(!rows_are_certain(&[row(&["招商引资工作"])]));
        let mut value_first = good.to_vec();
        value_first.push(row(&["", "", "", "≤180元/人/", "按合同规定"]));
        assert!(!rows_are_certain(&value_first));
    }
}
