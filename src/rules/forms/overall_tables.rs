//! 整体绩效目标申报表与报表一致（F104 overall-form-tables）
//!
//! ## 检查什么
//! 整体支出绩效目标申报表“年度预算情况”的每个数与报表核对：
//! - 按资金来源 合计 = 表一 收入总计；
//! - 一般公共预算资金、政府性基金预算资金、国有资本经营预算资金 = 表四 支出总计 行
//!   对应列（财政拨款，含上年结转）；
//! - 专户管理资金、单位资金 = 表一 对应收入；
//! - 按资金用途 合计、基本支出、项目支出 = 表三 合计行的合计、基本支出、项目支出。
//!
//! ## 为什么重要
//! 申报表是部门整体绩效的资金口径，必须与预算报表一致；不一致时，读者无法判断哪一个
//! 数是真正批复的预算。
//!
//! ## 示例
//! 阳泉市商务局申报表 政府性基金预算资金 630.99，表四 支出总计 政府性基金预算 830.99：
//! 报告错误，列出申报表第516行与表四第257行。

use super::common::{clean_label, form_figure};
use super::overall_sum::PLACE;
use crate::model::forms::FormValue;
use crate::model::Document;
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::{check_equal, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct OverallFormTables;

static META: RuleMeta = RuleMeta {
    id: "F104",
    name: "overall-form-tables",
    title: "整体绩效目标申报表与报表一致",
    category: Category::Form,
};

/// (form side, form key, table's role, row: fixed key or "total", column).
const PAIRS: &[(Side, &str, Role, &str, &str)] = &[
    (
        Side::Source,
        "total",
        Role::Summary,
        "income_grand",
        "income",
    ),
    (
        Side::Source,
        "general",
        Role::FiscalSummary,
        "expense_grand",
        "general",
    ),
    (
        Side::Source,
        "fund",
        Role::FiscalSummary,
        "expense_grand",
        "fund",
    ),
    (
        Side::Source,
        "capital",
        Role::FiscalSummary,
        "expense_grand",
        "capital",
    ),
    (Side::Source, "special", Role::Summary, "special", "income"),
    (Side::Source, "own", Role::Summary, "own", "income"),
    (Side::Use, "total", Role::Expense, "total", "total"),
    (Side::Use, "basic", Role::Expense, "total", "basic"),
    (Side::Use, "project", Role::Expense, "total", "project"),
];

#[derive(Clone, Copy)]
enum Side {
    Source,
    Use,
}

impl Rule for OverallFormTables {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[
            Role::PerformanceForms,
            Role::Summary,
            Role::FiscalSummary,
            Role::Expense,
        ]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(form) = cx.doc.forms.overall.as_ref() else {
            sink.not_applicable("本文档没有整体支出绩效目标申报表");
            return;
        };
        for &(side, key, role, row, column) in PAIRS {
            // `needs` makes sure the template has the role.
            let table = cx.profile.table_for(role).map_or("", |d| d.id);
            let (value, side_label) = match side {
                Side::Source => (form.source(key), "按资金来源"),
                Side::Use => (form.use_(key), "按资金用途"),
            };
            let Some(value) = value else {
                continue;
            };
            let Some(left) = own_figure(value, side_label) else {
                sink.could_not_run(format!(
                    "{PLACE} 第{}行「{}」无法读取",
                    value.line, value.label
                ));
                continue;
            };
            let Some(right) = table_figure(cx.doc, table, row, column) else {
                sink.could_not_run(format!("未找到{table}中与「{}」对应的数", value.label));
                continue;
            };
            check_equal(sink, PLACE, &format!("{PLACE} 与 {table}"), left, right);
        }
    }
}

fn own_figure(value: &FormValue, side: &str) -> Option<Figure> {
    let label = if value.key == "total" {
        format!("{PLACE} {side} 合计")
    } else {
        format!("{PLACE}「{}」", clean_label(&value.label))
    };
    form_figure(value, PLACE, &label)
}

fn table_figure(doc: &Document, table: &str, row: &str, column: &str) -> Option<Figure> {
    // `table` is the template's name for the role ("表一").
    let t = doc.table(table)?;
    let r = if row == "total" {
        t.total_row()?
    } else {
        t.fixed_row(row)?
    };
    Figure::across(t, r, column)
}
