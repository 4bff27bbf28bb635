//! 科目层级缺行（S109 code-level-missing）
//!
//! ## 检查什么
//! 按科目编码分层列示的表（功能分类表、经济分类表）中，列出了下一层科目的表，
//! 每个有数的上层科目下都应列出其下层科目：本表有款（5位）行时，每个有数的类
//! 下应有款；本表有项（7位）行时，每个有数的款下应有项；反过来，本表列出了类
//! （款）时，每个款（项）的上级类（款）也应列出；合计有数时，其下应列出科目。
//!
//! ## 为什么重要
//! 层级合计（T102）只能核对列出的行：一个类下只有一个款、一个款下只有一个项时，
//! 上下两行数字相同，漏掉其中任何一行，余下的数字仍然自洽，合计核对发现不了。
//! 复制、转换或分页时丢行正是这样的情形；这里按层级结构指出缺了哪一层。
//!
//! ## 示例
//! 「201 一般公共服务支出 2,112.86」下直接是「2010601 行政运行」等项，本表其他类下
//! 都列出了款，而款「20106」没有列出：报告错误，列出其下的项行。本表有未能定位
//! （S106）或未能读入（S104）的行时不做此项检查：缺的可能正是那一行。

use crate::model::{Row, RowKind, Table};
use crate::prelude::*;
use crate::profile::Identity;
use crate::report::{Evidence, Severity};
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct CodeLevelMissing;

static META: RuleMeta = RuleMeta {
    id: "S109",
    name: "code-level-missing",
    title: "科目层级缺行",
    category: Category::Structure,
};

impl Rule for CodeLevelMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let mut any = false;
        for identity in cx.profile.identities {
            let Identity::CodeHierarchy { table, columns } = identity else {
                continue;
            };
            let Some(t) = cx.doc.tables.iter().find(|t| t.id == *table) else {
                continue;
            };
            any = true;
            // A row the reading could not place, or a line it could not
            // read, may be the very row this rule would call missing.
            let unsure = cx.doc.lines.unplaced().iter().any(|u| u.table == t.id)
                || cx.doc.unparsed.iter().any(|u| u.table == t.id);
            if unsure {
                sink.could_not_run(format!("{}有未能定位或未能读入的行", t.id));
                continue;
            }
            sink.compared();
            check_table(t, columns, sink);
        }
        if !any {
            sink.not_applicable("没有按科目编码分层列示的表");
        }
    }
}

/// Code lengths of the levels: 类, 款, 项 (经济分类: 类, 款).
const LEVELS: [usize; 3] = [3, 5, 7];

fn check_table(t: &Table, columns: &[&str], sink: &mut Sink) {
    let coded: Vec<&Row> = t.rows.iter().filter(|r| r.code.is_some()).collect();
    let printed = |len: usize| coded.iter().any(|r| code_len(r) == len);
    for parent in &coded {
        // A parent with a figure, with nothing under it, while the table
        // prints the level below under other parents.
        let Some(child_len) = LEVELS.into_iter().find(|&l| l > code_len(parent)) else {
            continue;
        };
        if !printed(child_len)
            || !has_figure(t, parent, columns)
            || coded.iter().any(|r| is_under(r, parent))
        {
            continue;
        }
        let level = level_name(child_len);
        let mut evidence = vec![row_evidence("此科目", t, parent)];
        let with_children = coded.iter().find(|sibling| {
            code_len(sibling) == code_len(parent) && coded.iter().any(|r| is_under(r, sibling))
        });
        evidence.extend(with_children.map(|s| row_evidence("列出了下级的科目", t, s)));
        let message = format!(
            "{} {}有数，本表其他科目下列出了{level}，此科目下却没有任何{level}：可能漏了行",
            t.id,
            t.row_label(parent)
        );
        sink.report(Severity::Error, t.id, parent.line, message, evidence);
    }
    for child in &coded {
        // The first row under a parent the table does not print, while it
        // prints that level for other rows.
        let len = code_len(child);
        let Some(parent_len) = LEVELS.into_iter().rev().find(|&l| l < len) else {
            continue;
        };
        if !printed(parent_len) {
            continue;
        }
        let parent_code = &child.code.as_deref().unwrap_or("")[..parent_len];
        let same_parent = |r: &&&Row| {
            r.side == child.side
                && r.code
                    .as_deref()
                    .is_some_and(|c| c.len() > parent_len && c.starts_with(parent_code))
        };
        let has_parent = coded
            .iter()
            .any(|r| r.side == child.side && r.code.as_deref() == Some(parent_code));
        let first = coded
            .iter()
            .find(same_parent)
            .is_some_and(|r| core::ptr::eq(*r, *child));
        if has_parent || !first {
            continue;
        }
        let level = level_name(parent_len);
        let evidence: Vec<Evidence> = coded
            .iter()
            .filter(same_parent)
            .map(|r| row_evidence("其下的行", t, r))
            .collect();
        let message = format!(
            "{} {}的上级{level}「{parent_code}」没有列出，而本表其他行列出了{level}：可能漏了行",
            t.id,
            t.row_label(child)
        );
        sink.report(Severity::Error, t.id, child.line, message, evidence);
    }
    if coded.is_empty() {
        // A total with a figure and not one 科目 under it.
        for total in t.rows.iter().filter(|r| r.kind == RowKind::Total) {
            if has_figure(t, total, columns) {
                let message = format!(
                    "{} {}有数，其下却没有列出任何科目：可能漏了行",
                    t.id,
                    t.row_label(total)
                );
                let evidence = vec![row_evidence("合计", t, total)];
                sink.report(Severity::Error, t.id, total.line, message, evidence);
            }
        }
    }
}

fn code_len(row: &Row) -> usize {
    row.code.as_deref().map_or(0, str::len)
}

/// `row` is printed under `parent` (any level below it, same side).
fn is_under(row: &Row, parent: &Row) -> bool {
    let (Some(code), Some(parent_code)) = (row.code.as_deref(), parent.code.as_deref()) else {
        return false;
    };
    row.side == parent.side && code.len() > parent_code.len() && code.starts_with(parent_code)
}

fn level_name(len: usize) -> &'static str {
    match len {
        3 => "类",
        5 => "款",
        _ => "项",
    }
}

/// The row holds a figure other than zero in one of `columns`.
fn has_figure(t: &Table, row: &Row, columns: &[&str]) -> bool {
    columns.iter().any(|c| {
        t.cell(row, c)
            .and_then(|cell| cell.amount())
            .is_some_and(|a| !a.value.is_zero())
    })
}

fn row_evidence(role: &str, t: &Table, row: &Row) -> Evidence {
    let label = t.row_label(row);
    text_evidence(role, row.line, t.id, Some(&label), &row.name)
}
