//! 分类支出表间一致（T109 class-match）
//!
//! ## 检查什么
//! 按支出功能分类（类）比较：表二 每一类的合计 + 上年结转 = 表一 该类 2026年
//! 合计；表四 每一类的小计 ≤ 表一 该类合计（没有财政专户管理资金和单位资金时
//! 两者相等）。表一、表四的“一、一般公共服务支出”等行按其类编码（201…）与
//! 表二的类行对应。
//!
//! ## 为什么重要
//! 表一、表四按类列示，表二按科目编码列示；两者不一致说明某类支出在汇总表中
//! 填错了行或金额。
//!
//! ## 示例
//! 表二「215 资源勘探工业信息等支出」合计为空、上年结转 830.99，表一“十五、资源
//! 勘探工业信息等支出”2026年合计 830.99：一致。

use super::resolve;
use crate::arith::{at_most, sum_terms, Term};
use crate::model::Table;
use crate::prelude::*;
use crate::profile::{ClassSource, Identity, IdentityKind, Relation, Role};
use crate::report::{Evidence, Severity};
use crate::rules::support::{
    all_figures, cell_term_across, check_sum_lazily, money_field, terms_text, Figure, SumFigures,
};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct ClassMatch;

static META: RuleMeta = RuleMeta {
    id: "T109",
    name: "class-match",
    title: "分类支出表间一致",
    category: Category::Table,
};

impl Rule for ClassMatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::ClassMatch)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::ClassMatch {
                left,
                right_table,
                right_column,
                relation,
                note,
            } = identity
            else {
                continue;
            };
            let left_id = match left {
                ClassSource::CodeRows { table, .. } | ClassSource::ClassRows { table, .. } => {
                    *table
                }
            };
            let (lt, rt) = match (
                resolve::every_row_read(cx.doc, left_id),
                resolve::every_row_read(cx.doc, right_table),
            ) {
                (Ok(l), Ok(r)) => (l, r),
                (Err(m), _) | (_, Err(m)) => {
                    m.record(sink);
                    continue;
                }
            };
            let equal = match relation {
                Relation::Equal => true,
                Relation::AtMostEqualWithoutOwnFunds => !has_own_funds(cx),
            };
            for right_row in rt
                .rows
                .iter()
                .filter(|r| r.code.as_deref().is_some_and(|c| c.len() == 3))
            {
                let code = right_row.code.as_deref().unwrap_or("");
                let Some(right_term) = cell_term_across(rt, right_row, right_column) else {
                    continue;
                };
                let Some(sum) = left_sum(lt, left, code) else {
                    continue;
                };
                // Words for both sides, built only when there is a finding.
                let figures = || SumFigures {
                    context: format!("{}（{} {}）", note, code, right_row.name),
                    total: resolve::named_by_row(
                        Figure::from_cell(rt, right_row, right_column)
                            .expect("a cell whose term was read"),
                        rt,
                        right_row,
                    ),
                    parts: left_figures(lt, left, code).expect("cells whose terms were read"),
                };
                if equal {
                    check_sum_lazily(sink, lt.id, right_term, sum, figures);
                } else {
                    sink.compared();
                    if !at_most(sum, right_term) {
                        report_above_limit(sink, lt.id, figures());
                    }
                }
            }
        }
    }
}

/// True when 表一 shows 财政专户管理资金 or 单位资金 income, or may: a
/// blank there that may be a figure the reading left unplaced leaves only
/// the weaker check (≤), which such income allows.
fn has_own_funds(cx: &Context) -> bool {
    let Some(t1) = cx.table(Role::Summary) else {
        return false;
    };
    ["special", "own"].iter().any(|k| {
        t1.fixed_row(k).is_some_and(|r| {
            t1.blank_may_be_unplaced(r, "income")
                || t1
                    .cell(r, "income")
                    .and_then(|c| c.amount())
                    .is_some_and(|a| !a.value.is_zero())
        })
    })
}

/// The columns of `source` that make up the class total.
fn left_columns(source: &ClassSource) -> &[&'static str] {
    match source {
        ClassSource::CodeRows { columns, .. } => columns,
        ClassSource::ClassRows { column, .. } => core::slice::from_ref(column),
    }
}

/// Σ the class row's figures in the columns of `source` (zero when the
/// class is absent); None when one cannot be read.
fn left_sum(t: &Table, source: &ClassSource, code: &str) -> Option<Term> {
    match t.rows.iter().find(|r| r.code.as_deref() == Some(code)) {
        None => Some(Term::ZERO),
        Some(row) => sum_terms(
            &mut left_columns(source)
                .iter()
                .map(|c| cell_term_across(t, row, c)),
        ),
    }
}

fn left_figures(t: &Table, source: &ClassSource, code: &str) -> Option<Vec<Figure>> {
    match t.rows.iter().find(|r| r.code.as_deref() == Some(code)) {
        None => Some(vec![Figure::virtual_zero(
            format!("{} 无{}类", t.id, code),
            t.line,
            t.id,
        )]),
        Some(row) => all_figures(
            &mut left_columns(source)
                .iter()
                .map(|c| Figure::from_cell(t, row, c).map(|f| resolve::named_by_row(f, t, row))),
        ),
    }
}

/// Reports Σ of the parts above the limit (`total` of `figures`); the
/// comparison was made.
fn report_above_limit(sink: &mut Sink, location: &str, figures: SumFigures) {
    let SumFigures {
        context,
        total: limit,
        parts,
    } = figures;
    let sum: Term = parts.iter().map(|p| p.term).sum();
    let shown = terms_text(&mut parts.iter());
    let message = format!("{context}：{} 大于 {} {}", shown, limit.label, limit.shown);
    let mut evidence: Vec<Evidence> = Vec::new();
    for part in parts {
        evidence.push(part.with_role("分项").evidence);
    }
    let line = evidence.first().map(|e| e.line).unwrap_or(0);
    evidence.push(limit.with_role("上限").evidence);
    let mut f = sink.finding(Severity::Error, location, line, message);
    f.evidence = evidence;
    f.actual = Some(money_field(sum.value));
    sink.emit(f);
}
