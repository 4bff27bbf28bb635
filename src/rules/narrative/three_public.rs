//! “三公”经费（N107 narrative-three-public）
//!
//! ## 检查什么
//! 情况说明第七部分：“三公”经费合计及因公出国（境）费、公务接待费、公务用车
//! 购置及运行费（含购置费、运行维护费）与表十对应行的合计列一致；合计 = 三项
//! 之和；合计的增减额等于各项增减额之和（“与上年预算数相同”按 0 计）；写明
//! “本部门无‘三公’经费预算”时，表十不得有非零金额。
//!
//! ## 为什么重要
//! “三公”经费受社会关注最多，说明与表十不符最容易引发质疑。
//!
//! ## 示例
//! “‘三公’经费预算5.40万元比2025年减少0.80万元…公务接待费0万元，与上年相比
//! 预算数减少0.80万元；公务用车购置及运行费5.40万元，与上年预算数相同”：
//! 5.40 与表十合计相等，0 + 0 + 5.40 = 5.40，合计减少 0.80 = 各项减少之和，
//! 不报告。

use rust_decimal::Decimal;

use super::common::{
    amount_figure, check_opt, check_section_sum, exact_figure, fixed_cell, said_of,
    section_and_table,
};
use crate::model::{Cell, Direction, Statement};
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::{all_figures, collect_figures, text_evidence, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct ThreePublic;

static META: RuleMeta = RuleMeta {
    id: "N107",
    name: "narrative-three-public",
    title: "情况说明 “三公”经费",
    category: Category::Narrative,
};

/// (label word, 表十 row key): the first word a label contains names its
/// row; "购置及运行" before "购置", which it contains.
const ROWS: [(&str, &str); 6] = [
    ("三公", "sum"),
    ("因公出国", "travel"),
    ("公务接待", "reception"),
    ("购置及运行", "vehicles"),
    ("运行维护", "vehicle_running"),
    ("公务用车购置", "vehicle_purchase"),
];

impl Rule for ThreePublic {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::ThreePublic]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t10)) = section_and_table(cx, sink, 7, Role::ThreePublic) else {
            return;
        };
        if let Some(sentence) = sec
            .sentences
            .iter()
            .find(|s| fold_key(&s.text).contains("无\"三公\"经费"))
        {
            check_none(sink, sec, sentence.line, &sentence.text, t10);
        }
        // The first statement of each row, in the order of ROWS.
        let mut found: [Option<&Statement>; 6] = [None; 6];
        for (_, st) in sec.statements(None) {
            let Some(i) = ROWS.iter().position(|(word, _)| st.label.contains(word)) else {
                continue;
            };
            if found[i].is_some() {
                continue;
            }
            check_opt(
                sink,
                sec,
                &amount_figure(sec, st),
                fixed_cell(t10, ROWS[i].1, "total"),
                &format!("{} 对应行", t10.id),
            );
            found[i] = Some(st);
        }
        let [Some(sum), Some(travel), Some(reception), Some(vehicles), running, purchase] = found
        else {
            return;
        };
        // A total's amount against the sum of its items' amounts.
        let check_items = |sink: &mut Sink, what: &str, total: &Statement, items: &[&Statement]| {
            let parts = collect_figures(&mut items.iter().map(|s| amount_figure(sec, s)));
            check_section_sum(sink, sec, what, amount_figure(sec, total), parts);
        };
        if let (Some(purchase), Some(running)) = (purchase, running) {
            let what = "公务用车购置及运行费与购置费、运行维护费";
            check_items(sink, what, vehicles, &[purchase, running]);
        }
        let items = [travel, reception, vehicles];
        check_items(sink, "“三公”经费合计与三项", sum, &items);
        let label = sec.label();
        // The change of the total is the sum of the items' changes.
        let Some(total_change) = signed_change(sec, sum) else {
            return;
        };
        let parts = all_figures(&mut items.iter().map(|s| {
            signed_change(sec, s).or_else(|| {
                let same = s.change.as_ref()?.direction == Some(Direction::Same);
                same.then(|| {
                    exact_figure(
                        format!("{}「{}」增减额（持平）", label, s.label),
                        Decimal::ZERO,
                        s.amount.line,
                        &label,
                    )
                })
            })
        }));
        if let Some(parts) = parts {
            check_section_sum(
                sink,
                sec,
                "“三公”经费增减额与各项增减额",
                total_change,
                parts,
            );
        }
    }
}

/// The printed change as a signed figure (减少 → negative).
fn signed_change(sec: &crate::model::Section, st: &Statement) -> Option<Figure> {
    let change = st.change.as_ref()?;
    let q = change.amount.as_ref()?;
    let mut fig = said_of(sec, st, "增减额", q);
    if change.direction == Some(Direction::Down) {
        fig.term.value = -fig.term.value;
        fig.shown = format!("-{}", fig.shown);
    }
    Some(fig)
}

/// "本部门无“三公”经费预算": every 表十 figure must be blank or zero.
fn check_none(
    sink: &mut Sink,
    sec: &crate::model::Section,
    line: usize,
    text: &str,
    t10: &crate::model::Table,
) {
    sink.compared();
    for row in &t10.rows {
        for column in t10.columns.iter().map(|c| c.key) {
            let Some(Cell::Value { amount, .. }) = t10.cell(row, column) else {
                continue;
            };
            if amount.value.is_zero() {
                continue;
            }
            let Some(fig) = Figure::across(t10, row, column) else {
                continue;
            };
            let message = format!(
                "{} 称本部门无“三公”经费预算，但 {} 为 {}",
                sec.label(),
                fig.label,
                fig.shown
            );
            let mut f = sink.finding(Severity::Error, sec.label(), line, message);
            f.evidence.push(text_evidence(
                "情况说明",
                line,
                &sec.label(),
                None,
                text.trim(),
            ));
            f.evidence.push(fig.with_role("表内").evidence);
            sink.emit(f);
            return;
        }
    }
}
