//! 不超过上限（T110 at-most）
//!
//! ## 检查什么
//! 模板中一个数是另一个数的一部分的关系：部分大于整体是错误。
//! - 表十一 机关运行经费 部门合计 ≤ 表六 公用经费合计。两者相等是常态（各单位
//!   都是行政或参公单位时）；部门合计小于公用经费时作为提示，说明有事业单位的
//!   公用经费不计入机关运行经费。
//! - 表十 三公经费合计、表十一 机关运行经费部门合计的一般公共预算、政府性基金
//!   预算、国有资本经营预算 ≤ 表四 支出总计的同一来源：表四 没有政府性基金
//!   支出，表十、表十一 也不能有。
//! - 江苏模板：财政拨款的基本支出、项目支出、单位预留机动经费 ≤ 全部资金的
//!   同一项；公开08表 合计 ≤ 公开06表 合计；公开08表 会议费、培训费、公务接待费
//!   等经济科目 ≤ 公开09表 的同一项。
//!
//! ## 为什么重要
//! 机关运行经费是公用经费的一部分；三公经费和机关运行经费都是各来源财政拨款
//! 支出的一部分，不可能比它们多；多了说明其中一张表取数有误。
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
