//! 行内合计（T101 row-sum）
//!
//! ## 检查什么
//! 每一数据行的合计列等于同一行各分项列之和：表二 合计 = 一般公共预算 +
//! 政府性基金 + 国有资本经营预算 + 财政专户管理资金 + 单位资金；表三、表五、
//! 表八 合计 = 基本支出 + 项目支出；表四 小计 = 三类财政拨款之和；表六 合计 =
//! 人员经费 + 公用经费；表十、表十一、表十二、表十三 合计 = 各资金来源之和；
//! 表一 支出方 2026年合计 = 当年预算安排 + 上年结转安排。
//!
//! ## 为什么重要
//! 行内不平说明某个分项抄错或漏填，是最常见、最容易被计算器复核出的错误。
//!
//! ## 示例
//! 表三「2011301 行政运行」合计 195.42，基本支出 195.42，项目支出为空：相等，
//! 不报告。若合计印成 195.24，则报告错误，列出合计与两个分项及各自行号。
//! 相差在四舍五入容差之内（如 331.66 与 326.59 + 5.08）只作为尾差提示。

use super::resolve;
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::support::check_cell_sum;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct RowSum;

static META: RuleMeta = RuleMeta {
    id: "T101",
    name: "row-sum",
    title: "行内合计",
    category: Category::Table,
};

impl Rule for RowSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::RowSum)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::RowSum {
                table,
                total,
                parts,
            } = identity
            else {
                continue;
            };
            let Some(t) = resolve::present(cx.doc, table, sink) else {
                continue;
            };
            let Some((side, _)) = t.column_index(total) else {
                continue;
            };
            for row in t.rows.iter().filter(|r| r.side == side) {
                check_cell_sum(
                    sink,
                    t,
                    (row, total),
                    parts.iter().map(|&p| (row, p)),
                    || format!("{} {}", t.id, t.row_label(row)),
                    // Within one row the column alone names a figure.
                    |f, _| {
                        let column = f.evidence.column.clone().unwrap_or_default();
                        f.named(column)
                    },
                );
            }
        }
    }
}
