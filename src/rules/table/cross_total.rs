//! 表间总数一致（T107 cross-total）
//!
//! ## 检查什么
//! 同一数字在不同表（或同表两方）中必须一致，或等于另几张表之和：表一 收入总计
//! = 支出总计；表二 合计及各资金来源 = 表一 对应收入；表三 合计 = 表一 本年支出
//! 合计；表三 项目支出 = 表十二 + 表十三；表四 各项收入 = 表一；表五 合计 = 表一
//! 一般公共预算收入，基本支出 = 表六 合计，项目支出 = 表十二 一般公共预算；
//! 表十三 合计 = 表一 上年结转，各来源 = 表四 上年财政拨款结转各行。
//!
//! ## 为什么重要
//! 这是审核中最费时的交叉核对：同一口径的数字在不同表中不一致，说明至少有一张
//! 表取数错误。
//!
//! ## 示例
//! 表三 项目支出 998.84，表十二 合计 31.08 + 表十三 合计 967.77 = 998.85：相差
//! 0.01，在容差 ±0.015 内，作为尾差提示；若相差超出容差则报告错误，列出三处数字
//! 及行号。

use super::resolve;
use crate::profile::{Identity, IdentityKind};
use crate::rules::support::{all_ok, check_sum};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct CrossTotal;

static META: RuleMeta = RuleMeta {
    id: "T107",
    name: "cross-total",
    title: "表间总数一致",
    category: Category::Table,
};

impl Rule for CrossTotal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::CrossTotal)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::CrossTotal { left, right, note } = identity else {
                continue;
            };
            let unit = resolve::common_unit(cx, &mut core::iter::once(left).chain(right.iter()));
            let figures = all_ok(
                &mut core::iter::once(left)
                    .chain(right.iter())
                    .map(|r| resolve::figure_in(cx, r, unit)),
            );
            match figures {
                Ok(mut figs) => {
                    let total = figs.remove(0);
                    check_sum(sink, left.table, note, total, figs);
                }
                Err(missing) => missing.record(sink),
            }
        }
    }
}
