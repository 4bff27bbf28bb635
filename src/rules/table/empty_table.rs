//! 空表与其他表一致（T111 empty-table）
//!
//! ## 检查什么
//! 表七、表八（政府性基金）和表九（国有资本经营预算）常印为“注：本表无数据”。
//! 空表要求表一、表四中对应的当年收入为零；表格有数据时，其合计应等于表一、
//! 表四中的对应收入。
//!
//! ## 为什么重要
//! 表一列出了政府性基金收入而表七却为空（或反之），说明漏编了表或收入填错了行。
//!
//! ## 示例
//! 表七 注明本表无数据，表一“二、政府性基金预算”为空、表四也为空：一致，不报告。
//! 若表一政府性基金预算收入为 20.00，则报告错误。

use super::resolve;
use crate::model::RowKind;
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::support::{check_equal, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct EmptyTable;

static META: RuleMeta = RuleMeta {
    id: "T111",
    name: "empty-table",
    title: "空表与其他表一致",
    category: Category::Table,
};

impl Rule for EmptyTable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::EmptyAgrees)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::EmptyAgrees { table, zero, note } = identity else {
                continue;
            };
            let Some(t) = resolve::present(cx.doc, table, sink) else {
                continue;
            };
            let first_column = t.columns.first().map(|c| c.key).unwrap_or("total");
            // A table whose figures were left unplaced may hold one
            // (`has_no_values` is false then).
            let own = if t.has_no_values() {
                Some(Figure::virtual_zero(
                    format!("{}（本表无数据）", t.id),
                    t.line,
                    t.id,
                ))
            } else {
                t.rows
                    .iter()
                    .find(|r| r.kind == RowKind::Total)
                    .and_then(|r| Figure::across(t, r, first_column))
            };
            let Some(own) = own else {
                sink.could_not_run(format!("{}没有可读的合计行", t.id));
                continue;
            };
            for r in zero.iter() {
                match resolve::figure(cx, r) {
                    Ok(other) => {
                        check_equal(sink, t.id, note, own.clone(), other);
                    }
                    Err(m) => m.record(sink),
                }
            }
        }
    }
}
