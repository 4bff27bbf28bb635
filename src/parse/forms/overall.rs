//! The 整体支出绩效目标申报表: 部门基本信息 counts and 年度预算情况 by
//! source and by use (万元), then the indicator grid.
//!
//! The source and use columns share a line ("合计 │ 1629.62 │ 合计 │
//! 1629.62"), labels drift between the first and second column, and the
//! block may be cut by watermark lines: every label is found by what it
//! says, the first 合计 of the block belongs to the sources, the second to
//! the uses.

use super::grid;
use super::labels::{labelled_value, value_after, Keyed, KeyedCell};
use crate::lines::Line;
use crate::model::forms::{FormText, OverallForm};
use crate::prelude::*;

/// The labels of 年度预算情况 as the template prints them (without
/// "其中："): the rebuild stage reads the block out of text that lost its
/// cells by them (`rebuild::form_budget`).
pub const BUDGET_LABELS: &[&str] = &[
    "合计",
    "一般公共预算资金",
    "政府性基金预算资金",
    "国有资本经营预算资金",
    "社会保险基金预算资金",
    "专户管理资金",
    "单位资金",
    "基本支出",
    "项目支出",
];

pub fn read(title: &Line, body: &[Keyed]) -> OverallForm {
    let mut form = OverallForm {
        title: title.text.clone(),
        title_line: title.no,
        end_line: body.last().map(|l| l.line.no).unwrap_or(title.no),
        name: None,
        counts: Vec::new(),
        sources: Vec::new(),
        uses: Vec::new(),
        indicators: Vec::new(),
        partial: false,
    };
    let mut in_budget = false;
    let mut grid_start = None;
    for (j, keyed) in body.iter().enumerate() {
        let (line, cells) = (keyed.line, &keyed.cells);
        if cells.is_empty() {
            continue;
        }
        if cells.iter().any(|c| c.key.starts_with("按资金来源")) {
            in_budget = true;
            continue;
        }
        let first = &*cells[0].key;
        if in_budget && (first.starts_with("年度重点任务") || first.starts_with("年度绩效"))
        {
            in_budget = false;
        }
        if grid::is_grid_frame(keyed) {
            grid_start = Some(j);
            break;
        }
        if in_budget {
            read_budget(&mut form, cells, line.no);
        } else {
            read_basic_info(&mut form, cells, line.no);
        }
    }
    if let Some(start) = grid_start {
        form.indicators = grid::read(&body[start..]);
    }
    form
}

/// The labels of 部门基本信息's head counts, and the key each count is
/// read under.
const COUNTS: &[(&str, &str)] = &[
    ("内设职能部门数", "departments"),
    ("所属预算单位数", "units"),
    ("核定的人员编制数", "quota"),
    ("实际在职人员总数", "staff"),
    ("在编人员数", "on_quota"),
    ("其他人员数", "others"),
];

/// The key of a head count's label (without "其中："): the rebuild stage
/// reads the counts out of text that lost its cells by their labels
/// (`rebuild::form_counts`).
pub fn count_key(label: &str) -> Option<&'static str> {
    COUNTS.iter().find(|(l, _)| label == *l).map(|(_, k)| *k)
}

fn is_info_label(cell: &KeyedCell) -> bool {
    let key: &str = &cell.key;
    count_key(key).is_some() || key == "部门名称" || key == "部门基本信息"
}

fn read_basic_info(form: &mut OverallForm, cells: &[KeyedCell], line: usize) {
    for (pos, cell) in cells.iter().enumerate() {
        let key = &cell.key;
        if key == "部门名称" && form.name.is_none() {
            if let Some(v) = value_after(cells, pos, is_info_label) {
                form.name = Some(FormText {
                    text: v.to_string(),
                    line,
                });
            }
        } else if let Some(k) = count_key(key) {
            form.counts
                .push(labelled_value(cells, pos, is_info_label, k, line));
        }
    }
}

fn source_key(key: &str) -> Option<&'static str> {
    if key.contains("一般公共预算") {
        Some("general")
    } else if key.contains("政府性基金") {
        Some("fund")
    } else if key.contains("国有资本") {
        Some("capital")
    } else if key.contains("社会保险基金") {
        Some("social")
    } else if key.contains("专户") {
        Some("special")
    } else if key.contains("单位资金") {
        Some("own")
    } else {
        None
    }
}

fn use_key(key: &str) -> Option<&'static str> {
    match key {
        "基本支出" => Some("basic"),
        "项目支出" => Some("project"),
        _ => None,
    }
}

fn is_budget_label(cell: &KeyedCell) -> bool {
    let key: &str = &cell.key;
    key == "合计" || source_key(key).is_some() || use_key(key).is_some()
}

fn read_budget(form: &mut OverallForm, cells: &[KeyedCell], line: usize) {
    for (pos, cell) in cells.iter().enumerate() {
        let key = &cell.key;
        let value = |k| labelled_value(cells, pos, is_budget_label, k, line);
        if key == "合计" {
            if form.source("total").is_none() {
                form.sources.push(value("total"));
            } else if form.use_("total").is_none() {
                form.uses.push(value("total"));
            }
        } else if let Some(k) = source_key(key) {
            if form.source(k).is_none() {
                form.sources.push(value(k));
            }
        } else if let Some(k) = use_key(key) {
            if form.use_(k).is_none() {
                form.uses.push(value(k));
            }
        }
    }
}
