//! 财政拨款收支总体情况（N104 narrative-fiscal）
//!
//! ## 检查什么
//! 情况说明第四部分：财政拨款收支总预算与表四 收入总计一致；一般公共预算、
//! 政府性基金预算、国有资本经营预算拨款与表四 本年支出合计的对应列一致，三者
//! 之和等于总预算；当年拨款收入、上年结转收入与表四 本年收入合计、上年财政拨款
//! 结转一致，二者之和等于总预算；“支出包括”所列各类支出与表四 支出方同名类级
//! 科目的小计一致。
//!
//! ## 为什么重要
//! 财政拨款是公开的重点，按来源、按年度、按功能分类三种口径必须相互印证。
//!
//! ## 示例
//! “一般公共预算拨款798.63万元，政府性基金预算拨款830.99万元”：与表四 本年
//! 支出合计 一般公共预算 798.63、政府性基金预算 830.99 相等，且二者加国有资本
//! 0 等于总预算 1,629.62，不报告。“资源勘探工业信息等支出830.99万元”与表四
//! 「十五、资源勘探工业信息等支出」小计比对。

use super::common::{
    amount_figure, bare_name, check_opt, check_section_sum, fixed_cell, section_and_table,
};
use crate::model::RowKind;
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct Fiscal;

static META: RuleMeta = RuleMeta {
    id: "N104",
    name: "narrative-fiscal",
    title: "情况说明 财政拨款收支总体情况",
    category: Category::Narrative,
};

impl Rule for Fiscal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::FiscalSummary]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t4)) = section_and_table(cx, sink, 4, Role::FiscalSummary) else {
            return;
        };
        let mut total: Option<Figure> = None;
        let mut by_source = Vec::new();
        let mut by_year = Vec::new();
        for (_, st) in sec.statements(None) {
            let fig = amount_figure(sec, st);
            let label = st.label.as_str();
            let cell = if label.contains("总预算") {
                total = Some(fig.clone());
                ("income_grand", "amount")
            } else if label.ends_with("拨款")
                || label.ends_with("拨款收入") && !label.contains("当年")
            {
                let column = if label.contains("一般公共预算") {
                    "general"
                } else if label.contains("政府性基金") {
                    "fund"
                } else if label.contains("国有资本") {
                    "capital"
                } else {
                    continue;
                };
                by_source.push(fig.clone());
                ("expense_total", column)
            } else if label.contains("当年拨款") {
                by_year.push(fig.clone());
                ("income_total", "amount")
            } else if label.contains("上年结转") {
                by_year.push(fig.clone());
                ("carry_total", "amount")
            } else if label.ends_with("支出") {
                // A class named as in 表四; other names are N115's concern.
                let key = fold_key(label);
                let row = t4.rows.iter().find(|r| {
                    matches!(r.kind, RowKind::Fixed { .. })
                        && r.code.as_deref().is_some_and(|c| c.len() == 3)
                        && fold_key(bare_name(&r.name)) == key
                });
                if let Some(row) = row {
                    check_opt(
                        sink,
                        sec,
                        &fig,
                        Figure::across(t4, row, "subtotal"),
                        &format!("{} 类级科目", t4.id),
                    );
                }
                continue;
            } else {
                continue;
            };
            check_opt(
                sink,
                sec,
                &fig,
                fixed_cell(t4, cell.0, cell.1),
                &format!("{} 对应数", t4.id),
            );
        }
        let Some(total) = total else { return };
        if by_source.len() == 3 {
            check_section_sum(sink, sec, "总预算与三类财政拨款", total.clone(), by_source);
        }
        if by_year.len() == 2 {
            check_section_sum(sink, sec, "总预算与当年、上年结转", total, by_year);
        }
    }
}
