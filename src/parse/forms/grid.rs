//! The indicator grid (一级/二级/三级指标, 指标值). Its layouts vary
//! wildly — merged cells shift columns, the 一级 column is sometimes empty,
//! sometimes holds a 二级 name, the annual grid repeats to the right — so
//! each row is read by what its cells say, not where they are: a cell is a
//! 一级 name, a 二级 name, a header word, or text; the first two texts are
//! the 三级指标 and its 指标值.

use super::labels::Keyed;
use crate::model::forms::{Indicator, IndicatorLevel};
use crate::prelude::*;

/// Reads the grid rows among `lines` (the form's lines after its goals).
pub fn read(lines: &[Keyed]) -> Vec<Indicator> {
    let mut out = Vec::new();
    let mut level1: Option<IndicatorLevel> = None;
    let mut level2 = String::new();
    let mut texts: Vec<&str> = Vec::new();
    for Keyed { line, cells } in lines {
        texts.clear();
        let mut row_level1 = None;
        let mut row_level2 = None;
        let mut levels_first = false;
        for cell in cells {
            let (key, text) = (&*cell.key, cell.text);
            if is_header(key) {
                continue;
            }
            // In a row that named its levels first, the cell after the
            // 三级指标 is its 指标值, whatever it says (Shanghai's 居民满意度
            // → "满意度"). A level printed after a name ("双碳目标 │ 生态效益",
            // merged cells shifted) is still the row's level.
            if texts.len() == 1 && levels_first {
                texts.push(text);
                continue;
            }
            if let Some(l1) = first_level(key) {
                row_level1.get_or_insert(l1);
            } else if let Some(l1) = second_level(key) {
                if row_level2.is_none() {
                    row_level2 = Some((l1, key));
                }
            } else {
                if texts.is_empty() {
                    levels_first = row_level1.is_some() || row_level2.is_some();
                }
                texts.push(text);
            }
        }
        let has_level = row_level1.is_some() || row_level2.is_some();
        if let Some(l1) = row_level1 {
            level1 = Some(l1);
            level2.clear();
        }
        if let Some((family, name)) = row_level2 {
            if row_level1.is_none() {
                level1 = Some(family);
            }
            level2 = name.to_string();
        }
        if texts.is_empty() && !has_level {
            continue;
        }
        out.push(Indicator {
            level1,
            level2: level2.clone(),
            name: texts.first().unwrap_or(&"").to_string(),
            value: texts.get(1).unwrap_or(&"").to_string(),
            line: line.no,
        });
    }
    out
}

/// "一级指标", "指标值", "绩效指标", "年度绩效 指标", the garbled "指 标 效",
/// Shanghai's "年度(/项目)指标值".
fn is_header(key: &str) -> bool {
    key.chars().all(|c| {
        matches!(
            c,
            '年' | '度'
                | '绩'
                | '效'
                | '指'
                | '标'
                | '一'
                | '二'
                | '三'
                | '级'
                | '值'
                | '项'
                | '目'
                | '('
                | ')'
                | '/'
        )
    }) && (key.contains("指标") || key.contains("绩效"))
}

/// 一级指标: 产出 / 效益 / 满意度.
pub(crate) fn first_level(key: &str) -> Option<IndicatorLevel> {
    match key.strip_suffix("指标").unwrap_or(key) {
        "产出" => Some(IndicatorLevel::Output),
        "效益" => Some(IndicatorLevel::Benefit),
        "满意度" => Some(IndicatorLevel::Satisfaction),
        _ => None,
    }
}

/// 二级指标, with the 一级 family it belongs to.
pub(crate) fn second_level(key: &str) -> Option<IndicatorLevel> {
    let k = key.strip_suffix("指标").unwrap_or(key);
    match k {
        "数量" | "质量" | "时效" | "成本" => Some(IndicatorLevel::Output),
        "经济效益"
        | "社会效益"
        | "生态效益"
        | "可持续影响"
        | "可持续性影响"
        | "可持续发展影响"
        | "可持續影响"
        | "经济"
        | "社会"
        | "生态"
        | "可持"
        | "经济目标"
        | "经济收益"
        | "可持续发展" => Some(IndicatorLevel::Benefit),
        "服务对象满意度" | "服务" => Some(IndicatorLevel::Satisfaction),
        _ => None,
    }
}

/// Whether a cell of a form line is part of the indicator grid's frame
/// (used to find where the grid starts).
pub fn is_grid_frame(line: &Keyed) -> bool {
    line.cells
        .iter()
        .any(|c| c.key == "一级指标" || first_level(&c.key).is_some())
}
