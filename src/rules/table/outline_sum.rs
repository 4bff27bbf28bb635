//! 分级合计（T112 outline-sum）
//!
//! ## 检查什么
//! 没有科目编码、也没有固定行名、只按标注方式分级的表：江苏《政府采购预算表》
//! （公开12表）的 合计 = 各品目大类（一、货物A，二、工程B，三、服务C）之和，
//! 每个品目大类 = 其下各（专项名称，经济科目）之和，每个（专项名称，经济科目）=
//! 其下各采购物品（标有采购组织形式：政府集中采购、部门集中采购、分散自行
//! 组织）之和。各级怎样识别由模板数据给出。表中有未能读出的数时（两行的名称
//! 被读成一行、某行丢失），各行的层级无法确定，此项不做。
//!
//! ## 为什么重要
//! 情况说明的政府采购一节按品目大类引用这些数；表中某个数改错，或表格在某行
//! 之后被截断，都会使某一级的合计对不上。
//!
//! ## 示例
//! 公开12表「一、货物A」496.20 = 办公设备购置费 60.00 + 机要及电子政务业务费
//! 30.00 + 文件印刷及机要邮资费等 60.00 + 交通运行费 346.20；合计 1,774.70 =
//! 496.20 + 1,278.50。

use super::resolve;
use crate::model::{Row, RowKind};
use crate::parse::tables::strip_ordinal;
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind, Level};
use crate::rules::support::cell_term;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct OutlineSum;

static META: RuleMeta = RuleMeta {
    id: "T112",
    name: "outline-sum",
    title: "分级合计",
    category: Category::Table,
};

impl Rule for OutlineSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::Outline)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::Outline {
                table,
                columns,
                levels,
            } = identity
            else {
                continue;
            };
            let Some(t) = resolve::read_whole(cx.doc, table, sink) else {
                continue;
            };
            let Some(start) = t.rows.iter().position(|r| r.kind == RowKind::Total) else {
                sink.not_applicable(format!("{}没有合计行", t.id));
                continue;
            };
            let rows = &t.rows[start..];
            // A figure the reading could not place may be another row's
            // (two rows' labels read as one, a row lost): which row nests
            // under which is then not known, and no sum is checked.
            if rows
                .iter()
                .any(|r| columns.iter().any(|c| cell_term(t, r, c).is_none()))
            {
                sink.could_not_run(format!("{}有未能读出的数，各行的层级无法确定", t.id));
                continue;
            }
            // The total is level 0; a row no level claims is left out.
            let depth: Vec<Option<usize>> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| if i == 0 { Some(0) } else { level(r, levels) })
                .collect();
            for (i, row) in rows.iter().enumerate() {
                let Some(d) = depth[i].filter(|d| *d < levels.len()) else {
                    continue;
                };
                // A row with nothing under it (the rows cut off) must be
                // empty: its figure is then unexplained.
                let mut children = Vec::new();
                for (j, child) in rows.iter().enumerate().skip(i + 1) {
                    match depth[j] {
                        Some(c) if c <= d => break,
                        Some(c) if c == d + 1 => children.push(child),
                        _ => {}
                    }
                }
                resolve::sum_rows(sink, t, row, &children, columns);
            }
        }
    }
}

/// The level (1-based) of the first of `levels` the row's label fits, else
/// that of [`Level::Rest`].
fn level(row: &Row, levels: &[Level]) -> Option<usize> {
    let label = fold_key(&row.name);
    let fits = |l: &Level| match l {
        Level::Numbered => strip_ordinal(&label).len() < label.len(),
        Level::Holds(words) => words.iter().any(|w| label.contains(w)),
        Level::Rest => false,
    };
    levels
        .iter()
        .position(fits)
        .or_else(|| levels.iter().position(|l| matches!(l, Level::Rest)))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use crate::model::Cell;
    use crate::prelude::*;
    use crate::report::CheckStatus;

    /// 省委办公厅 2017's 公开12表 read as a reader that lost a row would
    /// give it: the block "交通运行费 公务用车运行维护费 346.20" gone, the
    /// figure of its item not placed. Checked anyway, 一、货物A 496.20
    /// would not be 60.00 + 30.00 + 60.00: T112 could not run instead.
    #[test]
    fn a_figure_not_placed_stops_the_sums() {
        let text = include_str!(
            "../../../tests/fixtures/real/jiangsu-shengweibangongting-2017-tables.tsv.txt"
        );
        let normalized = crate::text::normalize(text);
        let lines = crate::lines::Lines::from_text(&normalized);
        let (mut doc, profile) = crate::parse::parse(lines, &normalized);
        let t = doc.tables.iter_mut().find(|t| t.id == "公开12表").unwrap();
        let block = t
            .rows
            .iter()
            .position(|r| r.name.starts_with("交通运行费"))
            .unwrap();
        t.rows.remove(block);
        t.rows[block].cells[0] = Cell::Unreadable {
            text: "(未能定位)".to_string(),
        };
        let (findings, checks) = crate::rules::run(&doc, profile);
        let check = checks.iter().find(|c| c.rule == "T112").unwrap();
        assert_eq!(check.status, CheckStatus::CouldNotRun, "{check:?}");
        assert!(findings.iter().all(|f| f.rule != "T112"));
    }
}
