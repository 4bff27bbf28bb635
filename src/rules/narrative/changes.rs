//! 增减额与增减率（N114 narrative-changes）
//!
//! ## 检查什么
//! 情况说明中每个同上年的比较都重新计算：印出上年数时，本年 − 上年 = 增减额，
//! 增减率 = (本年 − 上年) ÷ 上年；只印本年数和增减额时，上年 = 本年 − 增加额
//! （或 + 减少额），增减率 = 增减额 ÷ 上年；“增加/增长”与“减少/下降”须与差额的
//! 正负一致；“与上年持平”时本年 = 上年；推算出的上年数不得为负。全部按区间
//! 算术，容差内只作尾差提示。
//!
//! ## 为什么重要
//! 增减说明是情况说明里最容易算错的地方：改了本年数忘了改增减额，或者增减率
//! 用错了分母。
//!
//! ## 示例
//! “机关运行经费财政拨款预算36.22万元，比2025年预算30.24万元增加7.53万元，
//! 增长19.78%”：36.22 − 30.24 = 5.98 ≠ 7.53，报告错误；19.78% 与 5.98 ÷ 30.24
//! 相符，不另报。江苏等模板惯于截尾（36.586% 印作 36.58%），这类只作提醒。
//! “比上年增加901.57万元，增长123.83%”且本年 1,629.62：
//! 901.57 ÷ (1,629.62 − 901.57) = 123.83%，不报告。

use rust_decimal::Decimal;

use super::common::{as_printed, percent_finding, percent_fit, quote_figure, said_of, Fit};
use crate::arith::{compare, Term, Verdict};
use crate::decimal;
use crate::model::{Change, Direction, Section, Statement};
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::{money, money_field, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Changes;

static META: RuleMeta = RuleMeta {
    id: "N114",
    name: "narrative-changes",
    title: "情况说明 增减额与增减率",
    category: Category::Narrative,
};

impl Rule for Changes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = super::common::narrative(cx, sink) else {
            return;
        };
        let habits = cx.profile.narrative.percent_habits;
        for sec in &n.sections {
            for (_, st) in sec.statements(None) {
                if let Some(change) = &st.change {
                    check_change(sink, sec, st, change, habits);
                }
            }
        }
    }
}

fn sign(direction: Option<Direction>) -> i8 {
    match direction {
        Some(Direction::Down) => -1,
        Some(Direction::Same) => 0,
        _ => 1,
    }
}

fn check_change(sink: &mut Sink, sec: &Section, st: &Statement, change: &Change, habits: bool) {
    let current = quote_figure(sec, &st.label, &st.amount).with_role("本年");
    let previous = change
        .previous
        .as_ref()
        .map(|q| said_of(sec, st, "上年数", q).with_role("上年"));
    let stated = change
        .amount
        .as_ref()
        .map(|q| said_of(sec, st, "增减额", q).with_role("增减额"));
    let direction = change.direction.or(change.rate_direction);
    if let (Some(d), Some(r)) = (change.direction, change.rate_direction) {
        sink.compared();
        if sign(Some(d)) != sign(Some(r)) {
            let line = change.rate.as_ref().map_or(change.line, |q| q.line);
            report(
                sink,
                sec,
                line,
                format!("{}「{}」增减额与增减率方向相反", sec.label(), st.label),
                &[&current],
            );
        }
    }
    // The signed change as printed (0 for 持平).
    let signed = |f: &Figure| {
        let mut t = f.term;
        if sign(direction) < 0 {
            t.value = -t.value;
        }
        t
    };
    match (&previous, &stated) {
        (Some(prev), Some(amount)) => {
            let actual = current.term - prev.term;
            check_difference(
                sink,
                sec,
                st,
                actual,
                signed(amount),
                &[&current, prev, amount],
                direction,
            );
        }
        (Some(prev), None) if direction == Some(Direction::Same) => {
            let actual = current.term - prev.term;
            check_difference(
                sink,
                sec,
                st,
                actual,
                Term::ZERO,
                &[&current, prev],
                direction,
            );
        }
        (None, Some(amount)) => {
            let derived = current.term - signed(amount);
            sink.compared();
            if decimal::cmp(derived.hi(), Decimal::ZERO).is_lt() {
                report(
                    sink,
                    sec,
                    amount.evidence.line,
                    format!(
                        "{}「{}」{} 增加 {} 推算出上年数为负（{}）",
                        sec.label(),
                        st.label,
                        current.shown,
                        amount.shown,
                        money(derived.value)
                    ),
                    &[&current, amount],
                );
            }
        }
        _ => {}
    }
    let Some(rate_q) = &change.rate else { return };
    let mut rate = said_of(sec, st, "增减率", rate_q);
    if habits {
        rate = as_printed(rate, rate_q);
    }
    // The numerator is the true difference when both years are printed, so
    // a wrong change amount is reported once (above), not again here.
    let (part, base) = match (&previous, &stated) {
        (Some(prev), _) => {
            let difference = current.term - prev.term;
            let mut part = current
                .clone()
                .named(format!("{}（本年 − 上年）", st.label));
            part.term = abs(difference);
            part.shown = money(part.term.value);
            (part, prev.clone())
        }
        (None, Some(amount)) => {
            let derived = current.term - signed(amount);
            let mut base = current.clone().named(format!(
                "{}上年数（本年 − 增减额 = {}）",
                st.label,
                money(derived.value)
            ));
            base.term = abs(derived);
            let mut part = amount.clone();
            part.term = abs(part.term);
            (part, base)
        }
        _ => return,
    };
    let what = "增减率 = 增减额 ÷ 上年数";
    let Some(fit) = percent_fit(&rate, &part, &base, habits) else {
        return;
    };
    sink.compared();
    let (severity, note) = match fit {
        Fit::Rounded => return,
        Fit::Truncated => (Severity::Warning, "；所印为截尾值，未四舍五入"),
        Fit::Off => (Severity::Error, ""),
    };
    sink.emit(percent_finding(
        sink, sec, &rate, &part, &base, what, severity, note,
    ));
}

fn abs(t: Term) -> Term {
    Term {
        value: t.value.abs(),
        half: t.half,
    }
}

fn check_difference(
    sink: &mut Sink,
    sec: &Section,
    st: &Statement,
    actual: Term,
    stated: Term,
    figures: &[&Figure],
    direction: Option<Direction>,
) {
    sink.compared();
    let (severity, difference) = match compare(stated, actual) {
        Verdict::Exact => return,
        Verdict::Tail { difference, .. } => (Severity::Info, difference),
        Verdict::Mismatch { difference, .. } => (Severity::Error, difference),
    };
    let word = match direction {
        Some(Direction::Down) => "减少",
        Some(Direction::Same) => "持平",
        _ => "增加",
    };
    let shown = |i: usize, none: &'static str| figures.get(i).map_or(none, |f| f.shown.as_str());
    let message = match severity {
        Severity::Info => format!(
            "{}「{}」本年 − 上年 = {}，与所写{} {} 相差 {}，在四舍五入容差之内，属尾差",
            sec.label(),
            st.label,
            money(actual.value),
            word,
            shown(2, "0"),
            money(difference)
        ),
        _ => format!(
            "{}「{}」本年 {} − 上年 {} = {}，与所写{} {} 不符",
            sec.label(),
            st.label,
            shown(0, ""),
            shown(1, ""),
            money(actual.value),
            word,
            shown(2, "0")
        ),
    };
    let line = figures.last().map_or(st.amount.line, |f| f.evidence.line);
    let mut f = sink.finding(severity, sec.label(), line, message);
    f.expected = Some(money_field(actual.value.abs()));
    f.actual = figures.get(2).map(|f| f.shown.clone());
    f.difference = Some(money_field(difference));
    for figure in figures {
        f.evidence.push(figure.evidence.clone());
    }
    sink.emit(f);
}

fn report(sink: &mut Sink, sec: &Section, line: usize, message: String, figures: &[&Figure]) {
    let mut f = sink.finding(Severity::Error, sec.label(), line, message);
    for figure in figures {
        f.evidence.push(figure.evidence.clone());
    }
    sink.emit(f);
}
