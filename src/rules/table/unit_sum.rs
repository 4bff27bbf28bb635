//! 机关运行经费单位合计（T106 unit-sum）
//!
//! ## 检查什么
//! 表十一 财政拨款安排机关运行经费预算表：“部门合计”行等于各单位行之和，
//! 合计及各资金来源列都检查。
//!
//! ## 为什么重要
//! 部门合计被情况说明第八部分引用，并与表六公用经费比较；单位行漏加或错加会
//! 使这些比较失去依据。
//!
//! ## 示例
//! 表十一 部门合计 152.21 = 阳泉市财政局 132.30 + 阳泉市国库集中支付中心 19.91。

use super::resolve;
use crate::model::RowKind;
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct UnitSum;

static META: RuleMeta = RuleMeta {
    id: "T106",
    name: "unit-sum",
    title: "机关运行经费单位合计",
    category: Category::Table,
};

impl Rule for UnitSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::UnitSum)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::UnitSum { table, columns } = identity else {
                continue;
            };
            let Some(t) = resolve::read_whole(cx.doc, table, sink) else {
                continue;
            };
            let units = resolve::rows_where(&t.rows, &|r| r.kind == RowKind::Unit);
            // A 部门合计 with no unit row under it (the table cut after its
            // total) is checked against nothing, so a figure there is caught.
            match t.total_row() {
                Some(total) => resolve::sum_rows(sink, t, total, &units, columns),
                None => sink.not_applicable(format!("{}没有部门合计行", t.id)),
            }
        }
    }
}
