//! 科目层级合计（T102 code-hierarchy）
//!
//! ## 检查什么
//! 按科目编码的层级：类（3位）= 其下各款（5位）之和，款 = 其下各项（7位）之和，
//! 合计行 = 各类之和；表二、表三、表五、表七、表八的每一金额列都检查。表中有
//! 带金额的行未能读入（S104）时不核对：少了那一行的和不能说明表有错。
//!
//! ## 为什么重要
//! 科目汇总错误会让类级数字与明细对不上，而表一、表四和情况说明引用的正是类级数字。
//!
//! ## 示例
//! 表二「20113 商贸事务」271.22 应等于 2011301 行政运行 195.42 + 2011302 2.40 +
//! 2011308 71.40 + 2011399 2.00 = 271.22。若某项改为 72.40，报告错误并列出款行与各项行。

use super::resolve;
use crate::model::{Row, RowKind};
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct CodeHierarchy;

static META: RuleMeta = RuleMeta {
    id: "T102",
    name: "code-hierarchy",
    title: "科目层级合计",
    category: Category::Table,
};

impl Rule for CodeHierarchy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::CodeHierarchy)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::CodeHierarchy { table, columns } = identity else {
                continue;
            };
            let Some(t) = resolve::read_whole(cx.doc, table, sink) else {
                continue;
            };
            let coded = resolve::rows_where(&t.rows, &|r| r.code.is_some());
            if coded.is_empty() {
                sink.not_applicable(format!("{}没有科目编码行", t.id));
                continue;
            }
            for parent in &coded {
                let code = parent.code.as_deref().unwrap_or("");
                let child_len = match parent.kind {
                    RowKind::Class => 5,
                    RowKind::Subclass => 7,
                    _ => continue,
                };
                let children = rows_where(&coded, &|r| {
                    r.side == parent.side
                        && r.code
                            .as_deref()
                            .is_some_and(|c| c.len() == child_len && c.starts_with(code))
                });
                if children.is_empty() {
                    continue;
                }
                resolve::sum_rows(sink, t, parent, &children, columns);
            }
            // One total per side (决算 六: 人员经费合计 | 公用经费合计).
            for total in t.rows.iter().filter(|r| r.kind == RowKind::Total) {
                let classes = rows_where(&coded, &|r| {
                    r.kind == RowKind::Class && r.side == total.side
                });
                if !classes.is_empty() {
                    resolve::sum_rows(sink, t, total, &classes, columns);
                }
            }
        }
    }
}

/// The rows of `rows` that `keep` keeps: one selection loop for both uses.
fn rows_where<'a>(rows: &[&'a Row], keep: &dyn Fn(&Row) -> bool) -> Vec<&'a Row> {
    let mut kept = Vec::new();
    for &row in rows {
        if keep(row) {
            kept.push(row);
        }
    }
    kept
}
