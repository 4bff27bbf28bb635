//! 分科目表间一致（T108 code-match）
//!
//! ## 检查什么
//! 逐个科目编码比较两张表：表三 每个科目的合计 = 表二 该科目合计 + 上年结转；
//! 表五 每个科目的合计 = 表二 该科目一般公共预算。一张表有而另一张表没有的
//! 科目，缺失一方按 0 计。
//!
//! ## 为什么重要
//! 收入表与支出表按科目编制，科目级不一致意味着某一科目的收入与支出对不上，
//! 而总数可能恰好相抵而看不出来。
//!
//! ## 示例
//! 表三「2160299 其他商业流通事务支出」144.78 = 表二 合计 8.00 + 上年结转 136.78。

use super::resolve;
use crate::arith::{sum_terms, Term};
use crate::model::Table;
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::support::{
    all_ok, cell_term, check_sum_lazily, collect_figures, Figure, SumFigures,
};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct CodeMatch;

static META: RuleMeta = RuleMeta {
    id: "T108",
    name: "code-match",
    title: "分科目表间一致",
    category: Category::Table,
};

impl Rule for CodeMatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::CodeMatch)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::CodeMatch { left, right, note } = identity else {
                continue;
            };
            let tables = all_ok(
                &mut core::iter::once(left.0)
                    .chain(right.iter().map(|r| r.0))
                    .map(|id| resolve::table(cx.doc, id)),
            );
            let tables = match tables {
                Ok(t) => t,
                Err(m) => {
                    m.record(sink);
                    continue;
                }
            };
            let mut codes: Vec<&str> = Vec::new();
            for t in &tables {
                for code in t.rows.iter().filter_map(|r| r.code.as_deref()) {
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
            }
            let left_table = tables[0];
            let rights = || right.iter().zip(&tables[1..]);
            for code in codes {
                let Some(total) = code_term(left_table, code, left.1) else {
                    continue;
                };
                let Some(sum) =
                    sum_terms(&mut rights().map(|((_, col), t)| code_term(t, code, col)))
                else {
                    continue;
                };
                check_sum_lazily(sink, left_table.id, total, sum, || SumFigures {
                    context: format!("{}（科目 {}）", note, code),
                    total: code_figure(left_table, code, left.1),
                    parts: collect_figures(
                        &mut rights().map(|((_, col), t)| code_figure(t, code, col)),
                    ),
                });
            }
        }
    }
}

/// The value of `code` in `column`; a code absent from the table is zero.
/// None when the cell cannot be read.
fn code_term(t: &Table, code: &str, column: &str) -> Option<Term> {
    match t.row_by_code(code) {
        Some(row) => cell_term(t, row, column),
        None => Some(Term::ZERO),
    }
}

/// The figure whose term [`code_term`] read, named for a message.
fn code_figure(t: &Table, code: &str, column: &str) -> Figure {
    match t.row_by_code(code) {
        Some(row) => {
            let f = Figure::from_cell(t, row, column).expect("a cell whose term was read");
            resolve::named_by_row(f, t, row)
        }
        None => Figure::virtual_zero(format!("{} 无科目{}", t.id, code), t.line, t.id),
    }
}
