//! 无法识别的金额（S103 cell-unreadable）
//!
//! ## 检查什么
//! 金额列中的单元格应为数字或空白。含有文字、错位的数字（如“1.234.5”）或
//! 残留符号的单元格无法参与核算，逐个报告其所在表、行、列和原文。
//!
//! ## 为什么重要
//! 无法读取的金额会让所在行的合计核对无法进行；这常常是转换 PDF 时列错位，
//! 也可能是填报时误录。
//!
//! ## 示例
//! 表三「2011301 行政运行」基本支出列为“195.42万”：报告该单元格无法识别为金额。
//! 无法定位列的数字（从 PDF 文本重建时）由 S106 报告，不在此重复。

use crate::model::Cell;
use crate::prelude::*;
use crate::report::{Evidence, Severity};
use crate::rules::support::value_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct CellUnreadable;

static META: RuleMeta = RuleMeta {
    id: "S103",
    name: "cell-unreadable",
    title: "无法识别的金额",
    category: Category::Structure,
};

impl Rule for CellUnreadable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for t in &cx.doc.tables {
            for row in &t.rows {
                for (cell, col) in row.cells.iter().zip(t.side_columns(row.side)) {
                    sink.compared();
                    let Cell::Unreadable { text } = cell else {
                        continue;
                    };
                    // A figure the text lost the column of: S106 says so.
                    if text == crate::rebuild::UNPLACED {
                        continue;
                    }
                    let message = format!(
                        "{} {} {}列的“{}”无法识别为金额",
                        t.id,
                        t.row_label(row),
                        col.name,
                        text
                    );
                    let label = t.row_label(row);
                    let evidence = vec![Evidence {
                        column: Some(col.name.to_string()),
                        ..value_evidence("单元格", row.line, t.id, Some(&label), text, None)
                    }];
                    sink.report(Severity::Error, t.id, row.line, message, evidence);
                }
            }
        }
        if cx.doc.tables.is_empty() {
            sink.not_applicable("没有识别出报表");
        }
    }
}
