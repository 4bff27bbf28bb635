//! 专项资金项目金额与申报表一致（P102 special-project-amount）
//!
//! ## 检查什么
//! 每个项目“批复该项目预算N万元”与其绩效目标申报表的年度资金总额（元）核对：
//! 元除以 10000 后按四舍五入（逢五进一）保留两位小数，应等于 N。
//!
//! ## 为什么重要
//! 同一个项目在同一页上写了两个金额，读者无法判断哪个是批复数。
//!
//! ## 示例
//! “批复该项目预算179.31万元”，申报表年度资金总额 1,793,100 元 = 179.31 万元：不报告。
//! 若申报表印为 1,739,100 元，报告错误，列出两处的行号。

use super::common::{project_place, prose_figure, LOCATION};
use crate::arith::{compare, Term, Verdict};
use crate::decimal;
use crate::prelude::*;
use crate::report::Severity;
use crate::rules::forms::common::{form_value_evidence, yuan_to_wan};
use crate::rules::support::{money, money_field};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct SpecialProjectAmount;

static META: RuleMeta = RuleMeta {
    id: "P102",
    name: "special-project-amount",
    title: "专项资金项目金额与申报表一致",
    category: Category::SpecialFunds,
};

impl Rule for SpecialProjectAmount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for project in cx.doc.special.projects() {
            let place = project_place(project);
            let Some(approved) = project.approved.as_ref() else {
                sink.could_not_run(format!("{place} 未写明“批复该项目预算…万元”"));
                continue;
            };
            let Some(form) = project.form.as_ref() else {
                sink.could_not_run(format!("{place} 没有绩效目标申报表"));
                continue;
            };
            let Some(total) = form.annual.total.as_ref() else {
                sink.could_not_run(format!("{place} 申报表未找到年度资金总额"));
                continue;
            };
            let Some(yuan) = total.value.amount() else {
                sink.could_not_run(format!(
                    "{place} 申报表第{}行 年度资金总额无法读取",
                    total.line
                ));
                continue;
            };
            sink.compared();
            let prose = prose_figure(approved, "批复该项目预算");
            let converted = yuan_to_wan(yuan.value, 2);
            if decimal::equal(converted, approved.amount.value) {
                continue;
            }
            let form_term = Term {
                value: decimal::shift_right(yuan.value, 4),
                half: decimal::shift_right(Term::from(yuan).half, 4),
            };
            let severity = match compare(prose.term, form_term) {
                Verdict::Mismatch { .. } => Severity::Error,
                _ => Severity::Info,
            };
            let message = format!(
                "{place}：批复该项目预算 {} 万元（第{}行），申报表年度资金总额 {} 元（第{}行，折合 {} 万元），相差 {} 万元",
                approved.text,
                approved.line,
                total.value.display(),
                total.line,
                money(converted),
                money(decimal::sub(converted, approved.amount.value))
            );
            let mut f = sink.finding(severity, LOCATION, total.line, message);
            f.expected = Some(approved.text.clone());
            f.actual = Some(money_field(converted));
            f.difference = Some(money_field(decimal::sub(converted, approved.amount.value)));
            f.evidence.push(prose.with_role("说明").evidence);
            let place = format!("绩效目标申报表「{}」", form.name_text());
            f.evidence
                .push(form_value_evidence("申报表", &place, total));
            sink.emit(f);
        }
    }
}
