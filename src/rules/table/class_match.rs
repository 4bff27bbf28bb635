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
use crate::arith::{at_most, Term};
use crate::model::{Row, Table};
use crate::profile::{ClassSource, Identity, Relation};
use crate::report::{Evidence, Severity};
use crate::rules::support::{check_sum, money, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct ClassMatch;

static META: RuleMeta = RuleMeta {
    id: "T109",
    name: "class-match",
    title: "分类支出表间一致",
    category: Category::Table,
    source: file!(),
};

impl Rule for ClassMatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
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
                resolve::table(cx.doc, left_id),
                resolve::table(cx.doc, right_table),
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
                let Some(right) = Figure::from_cell(rt, right_row, right_column) else {
                    continue;
                };
                let Some(parts) = left_figures(lt, left, code) else {
                    continue;
                };
                let right = right.named(format!(
                    "{} {} {}",
                    rt.id,
                    right_row.name,
                    rt.column(right_column).map(|c| c.name).unwrap_or("")
                ));
                let context = format!("{}（{} {}）", note, code, right_row.name);
                if equal {
                    check_sum(sink, lt.id, &context, right, parts);
                } else {
                    check_at_most(sink, lt.id, &context, parts, right);
                }
            }
        }
    }
}

/// True when 表一 shows 财政专户管理资金 or 单位资金 income.
fn has_own_funds(cx: &Context) -> bool {
    let Some(t1) = cx.doc.table("表一") else {
        return false;
    };
    ["special", "own"].iter().any(|k| {
        t1.fixed_row(k)
            .and_then(|r| t1.cell(r, "income"))
            .and_then(|c| c.amount())
            .is_some_and(|a| !a.value.is_zero())
    })
}

fn left_figures(t: &Table, source: &ClassSource, code: &str) -> Option<Vec<Figure>> {
    let row = t.rows.iter().find(|r| r.code.as_deref() == Some(code));
    let columns: Vec<&str> = match source {
        ClassSource::CodeRows { columns, .. } => columns.to_vec(),
        ClassSource::ClassRows { column, .. } => vec![column],
    };
    match row {
        None => Some(vec![Figure::virtual_zero(
            format!("{} 无{}类", t.id, code),
            t.line,
            t.id,
        )]),
        Some(row) => columns
            .iter()
            .map(|c| Figure::from_cell(t, row, c).map(|f| named(f, t, row)))
            .collect(),
    }
}

fn named(f: Figure, t: &Table, row: &Row) -> Figure {
    let col = f.evidence.column.clone().unwrap_or_default();
    f.named(format!("{} {} {}", t.id, row.name, col))
}

fn check_at_most(
    sink: &mut Sink,
    location: &str,
    context: &str,
    parts: Vec<Figure>,
    limit: Figure,
) {
    sink.compared();
    let sum: Term = parts.iter().map(|p| p.term).sum();
    if at_most(sum, limit.term) {
        return;
    }
    let shown = parts
        .iter()
        .map(|p| format!("{} {}", p.label, p.shown))
        .collect::<Vec<_>>()
        .join(" + ");
    let message = format!("{context}：{} 大于 {} {}", shown, limit.label, limit.shown);
    let mut evidence: Vec<Evidence> = parts
        .into_iter()
        .map(|p| p.with_role("分项").evidence)
        .collect();
    let line = evidence.first().map(|e| e.line).unwrap_or(0);
    evidence.push(limit.with_role("上限").evidence);
    let mut f = sink.finding(Severity::Error, location, line, message);
    f.evidence = evidence;
    f.actual = Some(money(sum.value));
    sink.emit(f);
}
