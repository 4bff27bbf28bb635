//! 实施期资金不少于年度资金（F102 form-period-order）
//!
//! ## 检查什么
//! 项目支出绩效目标表的实施期资金总额应不小于年度资金总额：年度资金是实施期资金
//! 在本年度的部分。上海的“财政项目支出绩效目标填报表”：年度资金申请总额应不大于
//! 项目资金总额。
//!
//! ## 为什么重要
//! 年度资金大于实施期资金，说明两栏填反或其中一栏填错，项目的资金安排自相矛盾。
//!
//! ## 示例
//! “实施期资金总额：490,000 … 年度资金总额：180,000”：不报告。若实施期资金总额
//! 印为 49,000 而年度资金总额为 180,000，报告错误，列出两数及其行号。

use super::common::{form_figure, form_place, total_label};
use crate::arith::at_most;
use crate::decimal;
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::money;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct FormPeriodOrder;

static META: RuleMeta = RuleMeta {
    id: "F102",
    name: "form-period-order",
    title: "实施期资金不少于年度资金",
    category: Category::Form,
};

impl Rule for FormPeriodOrder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        if cx.doc.forms.projects.is_empty() {
            sink.not_applicable("本文档没有项目支出绩效目标表");
            return;
        }
        for form in &cx.doc.forms.projects {
            let place = form_place(form);
            let (Some(whole), Some(year)) = (
                form.implementation.total.as_ref(),
                form.annual.total.as_ref(),
            ) else {
                continue;
            };
            let (Some(whole), Some(year)) = (
                form_figure(whole, &place, total_label(&form.implementation, true)),
                form_figure(year, &place, total_label(&form.annual, false)),
            ) else {
                continue;
            };
            sink.compared();
            if at_most(year.term, whole.term) {
                continue;
            }
            let message = format!(
                "{place}：{} {} 小于 {} {}（差 {}），年度资金不应超过实施期资金",
                whole.label,
                whole.shown,
                year.label,
                year.shown,
                money(decimal::sub(year.term.value, whole.term.value))
            );
            let mut f = sink.finding(Severity::Error, "绩效目标表", whole.evidence.line, message);
            f.evidence.push(whole.with_role("实施期").evidence);
            f.evidence.push(year.with_role("年度").evidence);
            sink.emit(f);
        }
    }
}
