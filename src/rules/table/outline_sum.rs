//! 分级合计（T112 outline-sum）
//!
//! ## 检查什么
//! 没有科目编码、也没有固定行名、只按标注方式分级的表：江苏《政府采购预算表》
//! （公开12表）的 合计 = 各品目大类（一、货物A，二、工程B，三、服务C）之和，
//! 每个品目大类 = 其下各（专项名称，经济科目）之和，每个（专项名称，经济科目）=
//! 其下各采购物品（标有采购组织形式：政府集中采购、部门集中采购、分散自行
//! 组织）之和。各级怎样识别由模板数据给出。
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
            let Some(t) = resolve::present(cx.doc, table, sink) else {
                continue;
            };
            let Some(start) = t.rows.iter().position(|r| r.kind == RowKind::Total) else {
                sink.not_applicable(format!("{}没有合计行", t.id));
                continue;
            };
            // The total is level 0; a row no level claims is left out.
            let rows = &t.rows[start..];
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
