//! 机关运行经费（N108 narrative-operating）
//!
//! ## 检查什么
//! 情况说明第八部分的机关运行经费财政拨款预算与表十一 部门合计一致；所说的
//! 单位家数（“…等2家行政、参公单位”）与表十一所列单位行数一致。
//!
//! ## 为什么重要
//! 机关运行经费是“过紧日子”要求的直接体现，说明与表十一须一致。
//!
//! ## 示例
//! “机关运行经费财政拨款预算152.21万元”：与表十一「部门合计」152.21 相等；
//! “2家”与表十一的 2 个单位行相符，不报告。增减额与增减率由 N114 核对。

use crate::prelude::*;
use crate::profile::Role;
use rust_decimal::Decimal;

use super::common::{
    amount_figure, check_opt, exact_figure, quote_figure, section_and_table, total_cell,
};
use crate::model::RowKind;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Operating;

static META: RuleMeta = RuleMeta {
    id: "N108",
    name: "narrative-operating",
    title: "情况说明 机关运行经费",
    category: Category::Narrative,
};

impl Rule for Operating {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Operating]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t11)) = section_and_table(cx, sink, 8, Role::Operating) else {
            return;
        };
        if let Some((_, st)) = sec.find(None, &["机关运行经费"]) {
            check_opt(
                sink,
                sec,
                &amount_figure(sec, st),
                total_cell(t11, "total"),
                &format!("{} 部门合计", t11.id),
            );
        }
        let units = t11.rows_of_kind(&RowKind::Unit).count();
        if let Some(count) = sec.counts(None).find(|c| c.unit == "家") {
            if units > 0 {
                let table_fig = exact_figure(
                    format!("{} 单位行数", t11.id),
                    Decimal::from(units),
                    t11.line,
                    t11.id,
                );
                check_opt(
                    sink,
                    sec,
                    &quote_figure(sec, &count.label, &count.count),
                    Some(table_fig),
                    &format!("{} 单位", t11.id),
                );
            }
        }
    }
}
