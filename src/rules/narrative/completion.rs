//! 决算数与年初预算数（N152 final-completion）
//!
//! ## 检查什么
//! 部门决算的情况说明逐项写出“年初预算为X万元，支出决算为Y万元”，常接着写
//! “完成年初预算的Z%”，再写“决算数小于（大于）预算数的主要原因：…”或
//! “决算数与预算数基本持平”。核对：完成率 Z 等于 Y ÷ X（按印出的精度，截尾
//! 的只作提醒）；说“小于”时 Y 确实小于 X，说“大于”时确实大于，说“持平”
//! （不带“基本”）时两者相等。
//!
//! ## 为什么重要
//! 完成率和“小于/大于”是读者判断预算执行好坏的依据；与两个数字矛盾，说明
//! 数字或说明有一处写错了。
//!
//! ## 示例
//! “一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，
//! 完成年初预算的98.20%”：2940.05 ÷ 2993.92 = 98.20%，相符。若写“完成年初
//! 预算的98.02%”，或接着写“决算数大于预算数的主要原因”，报告错误。

use super::common::{
    amount_figure, as_printed, narrative, percent_finding, percent_fit, said_of, Fit,
};
use core::cmp::Ordering;

use crate::decimal;
use crate::model::{Section, Sentence, Statement};
use crate::prelude::*;
use crate::profile::{Profile, Role};
use crate::report::Severity;
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Completion;

static META: RuleMeta = RuleMeta {
    id: "N152",
    name: "final-completion",
    title: "决算数与年初预算数",
    category: Category::Narrative,
};

impl Rule for Completion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose]
    }

    fn inapplicable_to(&self, profile: &Profile) -> Option<&'static str> {
        (!profile.final_accounts).then_some("不是决算：没有决算数与年初预算数的对比")
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        let truncates = cx.profile.narrative.percent_habits;
        for sec in &n.sections {
            let sentences: Vec<&Sentence> = sec.sentences_in(None).collect();
            for (i, sentence) in sentences.iter().enumerate() {
                let Some((budget, result)) = budget_and_result(sentence) else {
                    continue;
                };
                let budget = amount_figure(sec, budget);
                let final_figure = amount_figure(sec, result);
                if let Some(done) = &result.completion {
                    check_rate(sink, sec, result, done, &final_figure, &budget, truncates);
                }
                // The wording follows in this sentence or the next.
                let said = sentences[i..].iter().take(2).find_map(|s| wording(&s.text));
                if let Some(said) = said {
                    check_wording(sink, sec, said, &final_figure, &budget);
                }
            }
        }
    }
}

/// The budget ("年初预算为X万元") and the 决算 ("支出决算为Y万元") a
/// sentence compares, in that order.
fn budget_and_result(sentence: &Sentence) -> Option<(&Statement, &Statement)> {
    let statements: Vec<&Statement> = sentence.statements().collect();
    statements.windows(2).find_map(|pair| {
        let (budget, result) = (pair[0], pair[1]);
        let is_budget = budget.label.contains("预算") && budget.label.ends_with('为');
        let is_result = result.label.contains("决算") && result.label.ends_with('为');
        (is_budget && is_result).then_some((budget, result))
    })
}

/// What a sentence says of the 决算 against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Below,
    Above,
    Same,
}

fn wording(text: &str) -> Option<Said> {
    if text.contains("决算数小于预算数") {
        Some(Said::Below)
    } else if text.contains("决算数大于预算数") {
        Some(Said::Above)
    } else if text.contains("决算数与预算数持平") {
        // "基本持平" allows a small difference: not checked.
        Some(Said::Same)
    } else {
        None
    }
}

fn check_rate(
    sink: &mut Sink,
    sec: &Section,
    result: &Statement,
    done: &crate::model::Share,
    final_figure: &Figure,
    budget: &Figure,
    truncates: bool,
) {
    let percent = as_printed(
        said_of(sec, result, &done.label, &done.percent),
        &done.percent,
    );
    let Some(fit) = percent_fit(&percent, final_figure, budget, truncates) else {
        return;
    };
    sink.compared();
    let (severity, note) = match fit {
        Fit::Rounded => return,
        Fit::Truncated => (Severity::Warning, "；所印为截尾值，未四舍五入"),
        Fit::Off => (Severity::Error, ""),
    };
    sink.emit(percent_finding(
        sink,
        sec,
        &percent,
        final_figure,
        budget,
        "完成率",
        severity,
        note,
    ));
}

fn check_wording(
    sink: &mut Sink,
    sec: &Section,
    said: Said,
    final_figure: &Figure,
    budget: &Figure,
) {
    sink.compared();
    let (d, b) = (final_figure.term.value, budget.term.value);
    let holds = match said {
        Said::Below => decimal::cmp(d, b) == Ordering::Less,
        Said::Above => decimal::cmp(d, b) == Ordering::Greater,
        Said::Same => decimal::equal(d, b),
    };
    if holds {
        return;
    }
    let word = match said {
        Said::Below => "决算数小于预算数",
        Said::Above => "决算数大于预算数",
        Said::Same => "决算数与预算数持平",
    };
    let message = format!(
        "{}说“{}”，但{} {} 与 {} {} 不是如此",
        sec.label(),
        word,
        final_figure.label,
        final_figure.shown,
        budget.label,
        budget.shown
    );
    let mut f = sink.finding(
        Severity::Error,
        sec.label(),
        final_figure.evidence.line,
        message,
    );
    f.evidence.push(final_figure.evidence.clone());
    f.evidence.push(budget.evidence.clone());
    sink.emit(f);
}
