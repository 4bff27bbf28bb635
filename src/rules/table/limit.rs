//! 不超过上限（T110 at-most）
//!
//! ## 检查什么
//! 表十一 机关运行经费 部门合计 ≤ 表六 公用经费合计。两者相等是常态（各单位都是
//! 行政或参公单位时）；部门合计小于公用经费时作为提示，说明有事业单位的公用
//! 经费不计入机关运行经费；大于则是错误。
//!
//! ## 为什么重要
//! 机关运行经费是公用经费的一部分，不可能比公用经费多；多了说明其中一张表取数
//! 有误。
//!
//! ## 示例
//! 表十一 部门合计 152.21，表六 公用经费 183.60：不超过，提示两者差 31.39
//! （阳泉市财政预算评审中心为事业单位）。

use super::resolve;
use crate::arith::{at_most, compare, Verdict};
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::report::Severity;
use crate::rules::support::money;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct AtMost;

static META: RuleMeta = RuleMeta {
    id: "T110",
    name: "at-most",
    title: "不超过上限",
    category: Category::Table,
};

impl Rule for AtMost {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::AtMost)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::AtMost {
                left,
                right,
                note,
                when_below,
            } = identity
            else {
                continue;
            };
            let unit = resolve::common_unit(cx, &mut [left, right].into_iter());
            let (l, r) = match (
                resolve::figure_in(cx, left, unit),
                resolve::figure_in(cx, right, unit),
            ) {
                (Ok(l), Ok(r)) => (l, r),
                (Err(m), _) | (_, Err(m)) => {
                    m.record(sink);
                    continue;
                }
            };
            sink.compared();
            let verdict = compare(l.term, r.term);
            let (severity, message) = if !at_most(l.term, r.term) {
                (
                    Severity::Error,
                    format!(
                        "{note}：{} {} 大于 {} {}",
                        l.label, l.shown, r.label, r.shown
                    ),
                )
            } else if let (Verdict::Mismatch { difference, .. }, false) =
                (verdict, when_below.is_empty())
            {
                let gap = money(-difference);
                (
                    Severity::Info,
                    format!(
                        "{note}：{} {} 小于 {} {}（差 {}），{when_below}",
                        l.label, l.shown, r.label, r.shown, gap
                    ),
                )
            } else {
                continue;
            };
            let line = l.evidence.line;
            let mut f = sink.finding(severity, left.table, line, message);
            f.evidence = vec![l.with_role("本表").evidence, r.with_role("上限").evidence];
            sink.emit(f);
        }
    }
}
