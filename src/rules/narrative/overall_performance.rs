//! 整体绩效目标涉及资金（N110 narrative-overall-performance）
//!
//! ## 检查什么
//! 情况说明第十部分“1、整体绩效目标”：“涉及部门预算资金X万元，其中基本支出A
//! 万元，项目支出B万元”中 X、A、B 与表三 合计行的合计、基本支出、项目支出
//! 一致，且 A + B = X；其后“其中K个单位…编报了单位整体绩效目标，涉及资金Y
//! 万元”：K 为 0 时 Y 应为 0，K 等于全部单位数时 Y 应等于表三 合计。
//!
//! ## 为什么重要
//! 整体绩效目标应覆盖部门全部预算资金；只写项目支出或把基本支出写成 0，说明
//! 整体绩效目标与预算脱节。
//!
//! ## 示例
//! “涉及部门预算资金75.8万元，其中基本支出0万元，项目支出75.8万元”，而表三
//! 合计 340.46、基本支出 264.66：报告两处错误（75.8 ≠ 340.46，0 ≠ 264.66），
//! 各列出说明数字与表三数字及行号。

use rust_decimal::Decimal;

use super::common::{
    amount_figure, basic_project_split, check_against_table, check_section_sum, exact_figure,
    section_and_table, total_cell,
};
use crate::decimal;
use crate::model::{Fact, Section, Sentence};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct OverallPerformance;

static META: RuleMeta = RuleMeta {
    id: "N110",
    name: "narrative-overall-performance",
    title: "情况说明 整体绩效目标涉及资金",
    category: Category::Narrative,
};

impl Rule for OverallPerformance {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Expense]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t3)) = section_and_table(cx, sink, 10, Role::Expense) else {
            return;
        };
        for sentence in sec.sentences_in(Some(1)) {
            // The department's figures come before the count of units; what
            // follows ("其中0个单位…涉及资金0万元") speaks of units.
            let mut statements = Vec::new();
            for f in &sentence.facts {
                match f {
                    Fact::Amount(s) => statements.push(s.as_ref()),
                    Fact::Count(_) => break,
                    Fact::List(_) => {}
                }
            }
            if !statements
                .first()
                .is_some_and(|head| head.label.contains("资金"))
            {
                continue;
            }
            let (total, parts) =
                basic_project_split(sink, sec, t3, cx.doc.forms.overall.as_ref(), &statements);
            if let Some(total) = total.filter(|_| parts.len() == 2) {
                check_section_sum(sink, sec, "整体绩效涉及资金与基本、项目支出", total, parts);
            }
            check_units(sink, sec, sentence, total_cell(t3, "total"));
        }
    }
}

/// "机关及下属预算单位N个，其中K个单位…编报了单位整体绩效目标，涉及资金Y万元":
/// when no unit filed, Y is 0; when every unit filed, Y is the whole budget.
fn check_units(sink: &mut Sink, sec: &Section, sentence: &Sentence, total: Option<Figure>) {
    let mut counts = Vec::new();
    for (i, f) in sentence.facts.iter().enumerate() {
        if let Fact::Count(c) = f {
            counts.push((i, c));
        }
    }
    let [(_, units), (at, filed), ..] = counts.as_slice() else {
        return;
    };
    let amount = sentence.facts[at + 1..].iter().find_map(|f| match f {
        Fact::Amount(s) if s.label.contains("资金") => Some(s.as_ref()),
        _ => None,
    });
    let Some(amount) = amount else { return };
    let told = amount_figure(sec, amount).named(format!(
        "{}「{}个单位编报的单位整体绩效目标{}」",
        sec.label(),
        filed.count.shown,
        amount.label
    ));
    if filed.count.value.value.is_zero() {
        let zero = exact_figure(
            format!(
                "{}「{}」{}个单位所涉资金",
                sec.label(),
                filed.label,
                filed.count.shown
            ),
            Decimal::ZERO,
            filed.count.line,
            &sec.label(),
        );
        check_against_table(sink, sec, &told, &zero);
    } else if decimal::equal(filed.count.value.value, units.count.value.value) {
        if let Some(total) = total {
            check_against_table(sink, sec, &told, &total);
        }
    }
}
