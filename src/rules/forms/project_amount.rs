//! 项目绩效目标表金额与表十二一致（F105 project-form-amount）
//!
//! ## 检查什么
//! 每张项目支出绩效目标表的年度资金总额（元）除以 10000、按四舍五入（逢五进一，
//! 远离零）保留到表十二所印的小数位，应等于表十二该项目行的合计（万元）。
//! 绩效目标表与表十二的项目按名称配对（容许标点、空格、破折号差异和个别字的增减），
//! 名称相同的项目再按金额和实施单位区分。
//!
//! ## 为什么重要
//! 绩效目标表是项目预算的说明，其年度资金必须就是表十二批复的金额；对不上，说明
//! 两处必有一处填错。
//!
//! ## 示例
//! “遗属补助”年度资金总额 30,752 元，折合 3.08 万元，表十二 3.08：一致。
//! 22,050 元折合 2.21 万元（逢五进一）；表十二印 2.20 时差 0.005，在舍入范围内，
//! 作为尾差提示而非错误。若年度资金总额印为 37,520 元（折合 3.75 万元），报告错误。

use super::common::{form_place, form_value_evidence, pairing_for, yuan_to_wan};
use crate::arith::{compare, Term, Verdict};
use crate::decimal;
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::{money, money_field, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct ProjectFormAmount;

static META: RuleMeta = RuleMeta {
    id: "F105",
    name: "project-form-amount",
    title: "项目绩效目标表金额与表十二一致",
    category: Category::Form,
};

impl Rule for ProjectFormAmount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms, Role::Projects]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(pairing) = pairing_for(cx, sink, "项目金额") else {
            return;
        };
        for p in &pairing.pairs {
            let Some(total) = p.form.annual.total.as_ref() else {
                sink.could_not_run(format!("{} 未找到年度资金总额", form_place(p.form)));
                continue;
            };
            let Some(yuan) = total.value.amount() else {
                let place = form_place(p.form);
                sink.could_not_run(format!("{place} 第{}行 年度资金总额无法读取", total.line));
                continue;
            };
            let Some(wan) = p.project.total() else {
                continue;
            };
            sink.compared();
            let converted = yuan_to_wan(yuan.value, wan.scale);
            if decimal::equal(converted, wan.value) {
                continue;
            }
            // A difference: only now are the figures worded.
            let place = form_place(p.form);
            let Some(row_fig) = Figure::across(p.project.table, p.project.row, "total") else {
                continue;
            };
            // The form's own interval, in 万元: ±0.5 元.
            let form_term = Term {
                value: decimal::shift_right(yuan.value, 4),
                half: decimal::shift_right(Term::from(yuan).half, 4),
            };
            let verdict = compare(row_fig.term, form_term);
            let severity = match verdict {
                Verdict::Mismatch { .. } => Severity::Error,
                _ => Severity::Info,
            };
            let label = p.form.name_text();
            let message = match severity {
                Severity::Error => format!(
                    "项目「{label}」：{place} 年度资金总额 {} 元（折合 {} 万元）≠ {} {}，相差 {} 万元",
                    total.value.display(),
                    money(converted),
                    row_fig.label,
                    row_fig.shown,
                    money(decimal::sub(converted, wan.value))
                ),
                _ => format!(
                    "项目「{label}」：{place} 年度资金总额 {} 元（四舍五入为 {} 万元）与 {} {} 相差不足舍入单位，属尾差",
                    total.value.display(),
                    money(converted),
                    row_fig.label,
                    row_fig.shown
                ),
            };
            let mut f = sink.finding(severity, "绩效目标表", total.line, message);
            f.expected = Some(money_field(converted));
            f.actual = Some(row_fig.shown.clone());
            f.difference = Some(money_field(decimal::sub(converted, wan.value)));
            f.evidence
                .push(form_value_evidence("绩效目标表", &place, total));
            f.evidence
                .push(row_fig.with_role(p.project.table.id).evidence);
            sink.emit(f);
        }
    }
}
