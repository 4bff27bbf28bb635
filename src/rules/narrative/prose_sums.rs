//! 文字说明的合计与增减额（N119 prose-sums）
//!
//! ## 检查什么
//! 模板（配置文件）列出的文字说明合计与其组成：金额之和等于合计（如上海
//! 预算编制说明“收入预算 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他
//! 收入”，“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务
//! 接待费）；各组成“比上年增加/减少/持平”的增减额之和等于合计的增减额（持平
//! 按 0 计）。任何一项没有印出时不核对。每一句自身的增减（推算的上年数不得
//! 为负等）由 N114 核对。
//!
//! ## 为什么重要
//! 改了一个来源的增减额而忘了改合计，或把一句复制到下一句，都会让增减说明
//! 自相矛盾。
//!
//! ## 示例
//! “财政拨款支出预算16497.86万元，比2022年预算增加1421.25万元。…一般公共预算
//! 拨款支出预算16497.86万元，比2022年预算增加1421.25万元；政府性基金拨款支出
//! 预算0万元，比2022年预算增加1421.25万元；国有资本经营预算拨款支出预算0万元，
//! 比2022年预算持平”：1421.25 + 1421.25 + 0 ≠ 1421.25，报告错误（政府性基金
//! 0 万元增加 1421.25 万元意味着上年为 −1421.25 万元，由 N114 报告）。

use rust_decimal::Decimal;

use super::common::{amount_figure, check_section_sum, exact_figure, said_of};
use super::prose::{by_key, matched, prose, without_prose_def, Matched};
use crate::model::Direction;
use crate::prelude::*;
use crate::profile::{Profile, Role};
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct ProseSums;

static META: RuleMeta = RuleMeta {
    id: "N119",
    name: "prose-sums",
    title: "文字说明合计与增减额",
    category: Category::Narrative,
};

impl Rule for ProseSums {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose]
    }

    fn inapplicable_to(&self, profile: &Profile) -> Option<&'static str> {
        without_prose_def(profile)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((def, n)) = prose(cx, sink) else {
            return;
        };
        let all = matched(def, n);
        for sum in def.sums {
            let Some(total) = by_key(&all, sum.total) else {
                continue;
            };
            let mut parts = Vec::new();
            for key in sum.parts {
                match by_key(&all, key) {
                    Some(m) => parts.push(m),
                    None => break,
                }
            }
            if parts.len() != sum.parts.len() {
                continue;
            }
            let sec = total.section;
            let figures = parts
                .iter()
                .map(|m| amount_figure(m.section, m.statement))
                .collect();
            let what = format!("「{}」与其组成", total.statement.label);
            check_section_sum(
                sink,
                sec,
                &what,
                amount_figure(sec, total.statement),
                figures,
            );
            let Some(total_change) = signed_change(total) else {
                continue;
            };
            let mut changes = Vec::new();
            for m in &parts {
                match signed_change(m) {
                    Some(c) => changes.push(c),
                    None => break,
                }
            }
            if changes.len() == parts.len() {
                let what = format!("「{}」增减额与其组成的增减额", total.statement.label);
                check_section_sum(sink, sec, &what, total_change, changes);
            }
        }
    }
}

/// The change said of a statement, signed (减少 negative, 持平 0).
fn signed_change(m: &Matched) -> Option<Figure> {
    let change = m.statement.change.as_ref()?;
    match (&change.amount, change.direction) {
        (Some(q), Some(direction)) => {
            let mut fig = said_of(m.section, m.statement, "增减额", q);
            if direction == Direction::Down {
                fig.term.value = -fig.term.value;
                fig.shown = format!("-{}", fig.shown);
            }
            Some(fig)
        }
        (None, Some(Direction::Same)) => Some(exact_figure(
            format!(
                "{}「{}」增减额（持平）",
                m.section.label(),
                m.statement.label
            ),
            Decimal::ZERO,
            change.line,
            &m.section.label(),
        )),
        _ => None,
    }
}
