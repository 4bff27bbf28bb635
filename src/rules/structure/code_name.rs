//! 科目名称一致（S105 code-name）
//!
//! ## 检查什么
//! 同一个科目编码在各表中的科目名称应相同（表二、表三、表五、表七、表八……），
//! 表一、表四的类名称也应与表二等表中 3 位类编码的名称一致。比较时忽略空格、
//! 全角半角和括号样式。
//!
//! ## 为什么重要
//! 编码相同而名称不同，说明其中一处抄错了科目，或编码本身填错，读者无法判断
//! 哪一个是对的。
//!
//! ## 示例
//! 表二「2011301 行政运行」，表三同编码写作「一般行政管理事务」：报告两处名称
//! 及各自行号。

use crate::model::Row;
use crate::parse::tables::strip_ordinal;
use crate::prelude::*;
use crate::report::{Evidence, Severity};
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct CodeName;

static META: RuleMeta = RuleMeta {
    id: "S105",
    name: "code-name",
    title: "科目名称一致",
    category: Category::Structure,
};

impl Rule for CodeName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        if cx.doc.tables.is_empty() {
            sink.not_applicable("没有识别出报表");
            return;
        }
        for (code, places) in places_by_code(cx) {
            let Some(usual) = most_common(&places) else {
                continue;
            };
            sink.compared();
            for odd in &places {
                if odd.key == usual.key {
                    continue;
                }
                let message = format!(
                    "科目{}在{}中名为「{}」，而在{}中名为「{}」",
                    code, odd.table, odd.row.name, usual.table, usual.row.name
                );
                let evidence = vec![evidence("本处", odd), evidence("其他表", usual)];
                sink.report(Severity::Error, odd.table, odd.row.line, message, evidence);
            }
        }
    }
}

/// One row naming a code.
struct Place<'a> {
    table: &'static str,
    row: &'a Row,
    /// The name folded for comparison (ordinal, spaces, bracket style gone).
    key: String,
}

fn places_by_code<'a>(cx: &'a Context) -> Vec<(&'a str, Vec<Place<'a>>)> {
    let mut out: Vec<(&str, Vec<Place>)> = Vec::new();
    for t in &cx.doc.tables {
        for row in &t.rows {
            let Some(code) = row.code.as_deref() else {
                continue;
            };
            if holds_other_rows(cx, t.id, row) {
                continue;
            }
            let folded = fold_key(&row.name);
            let key = strip_ordinal(&folded).to_string();
            if key.is_empty() {
                continue;
            }
            let place = Place {
                table: t.id,
                row,
                key,
            };
            match out.iter_mut().find(|(c, _)| *c == code) {
                Some((_, places)) => places.push(place),
                None => out.push((code, vec![place])),
            }
        }
    }
    out
}

/// Whether the row was read from a line that holds other rows too, which
/// the reading could not part (S106: more figures than one row holds,
/// several rows printed on one line): its name runs on into theirs.
fn holds_other_rows(cx: &Context, table: &str, row: &Row) -> bool {
    cx.doc
        .lines
        .unplaced()
        .iter()
        .any(|u| u.rows_unread && u.table == table && u.lines.contains(&row.line))
}

/// The first place of the name most tables use (the first one on a tie,
/// so that a single deviating table is the one reported); None when the
/// code is named once.
fn most_common<'p, 'a>(places: &'p [Place<'a>]) -> Option<&'p Place<'a>> {
    if places.len() < 2 {
        return None;
    }
    let (mut usual, mut most) = (&places[0], 0);
    for p in places {
        let mut count = 0;
        for q in places {
            if q.key == p.key {
                count += 1;
            }
        }
        if count > most {
            (usual, most) = (p, count);
        }
    }
    Some(usual)
}

fn evidence(role: &str, p: &Place) -> Evidence {
    let name = &p.row.name;
    text_evidence(role, p.row.line, p.table, Some(name), name)
}
