//! 分科目表间一致（T108 code-match）
//!
//! ## 检查什么
//! 逐个科目编码比较两张表：表三 每个科目的合计 = 表二 该科目合计 + 上年结转；
//! 表五 每个科目的合计 = 表二 该科目一般公共预算。一张表有而另一张表没有的
//! 科目，缺失一方按 0 计；表中有带金额的行未能读入（S104）时不核对，因为缺的
//! 可能正是那一行。
//!
//! 上海模板（部门预算和部门决算）中，一般公共预算支出功能分类表是支出总表的
//! 一部分：表5（决算为表五）每个科目的合计、基本支出、项目支出都不超过表3
//! （表三）该科目的同一栏；超过的报告错误，少于是常态（其他资金也安排了支出），
//! 不报告。
//!
//! ## 为什么重要
//! 收入表与支出表按科目编制，科目级不一致意味着某一科目的收入与支出对不上，
//! 而总数可能恰好相抵而看不出来。一个科目的一般公共预算支出多于该科目的全部
//! 支出，说明两张表中至少一张取数有误。
//!
//! ## 示例
//! 表三「2160299 其他商业流通事务支出」144.78 = 表二 合计 8.00 + 上年结转 136.78。
//! 上海普陀区财政局2024年度决算：表五「2010601 行政运行」基本支出 1,503.52
//! 不超过 表三 该科目基本支出 1,503.52，不报告。

use super::resolve;
use crate::arith::{at_most, sum_terms, Term};
use crate::model::Table;
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::report::Severity;
use crate::rules::support::{
    all_ok, cell_term_across, check_sum_lazily, collect_figures, Figure, SumFigures,
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
            let Identity::CodeMatch {
                left,
                right,
                at_most: part_of,
                note,
            } = identity
            else {
                continue;
            };
            let tables = all_ok(
                &mut core::iter::once(left.0)
                    .chain(right.iter().map(|r| r.0))
                    .map(|id| resolve::every_row_read(cx.doc, id)),
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
                if *part_of {
                    sink.compared();
                    if !at_most(total, sum) {
                        report_above(sink, note, code, left.1, &tables, right);
                    }
                    continue;
                }
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

/// An error: `code`'s figure in the left table is above the right
/// table's (the left one a part of the right).
fn report_above(
    sink: &mut Sink,
    note: &str,
    code: &str,
    left_column: &str,
    tables: &[&Table],
    right: &[(&'static str, &'static str)],
) {
    let part = code_figure(tables[0], code, left_column);
    let whole: Vec<Figure> = right
        .iter()
        .zip(&tables[1..])
        .map(|((_, col), t)| code_figure(t, code, col))
        .collect();
    let shown: Vec<String> = whole
        .iter()
        .map(|f| format!("{} {}", f.label, f.shown))
        .collect();
    let message = format!(
        "{note}（科目 {code}）：{} {} 大于 {}",
        part.label,
        part.shown,
        shown.join(" + ")
    );
    let mut f = sink.finding(Severity::Error, tables[0].id, part.evidence.line, message);
    f.evidence = core::iter::once(part.with_role("本表"))
        .chain(whole.into_iter().map(|w| w.with_role("上限")))
        .map(|fig| fig.evidence)
        .collect();
    sink.emit(f);
}

/// The value of `code` in `column`; a code absent from the table is zero.
/// None when the cell cannot be read, or is a blank that may be a figure
/// the reading left unplaced.
fn code_term(t: &Table, code: &str, column: &str) -> Option<Term> {
    match t.row_by_code(code) {
        Some(row) => cell_term_across(t, row, column),
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
