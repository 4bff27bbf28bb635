//! 报表不完整（S102 table-truncated）
//!
//! ## 检查什么
//! 每张表的数据行不少于模板要求：表一、表四应有全部收入行、三十类支出和各合计
//! 行，表十应有六行；编码表应至少有合计行。表格被分页截断、或复制时漏了行，
//! 都会在这里发现，并指出缺了哪些行。表中有未能读入或分出的行时（S104、S106），
//! 缺少的行可能就在其中，只作提醒。
//!
//! ## 为什么重要
//! 被截断的表会让合计看似不平、表间核对出现大量连带差异；先指出截断，审核人员
//! 就知道问题在文本而不在数字。
//!
//! ## 示例
//! 表一只读到 25 行、缺少“本年支出合计”“支出总计”：报告表一不完整并列出缺少的行。

use crate::model::RowKind;
use crate::prelude::*;
use crate::profile::RowScheme;
use crate::report::Severity;
use crate::rules::table::resolve::every_row_read;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct TableTruncated;

static META: RuleMeta = RuleMeta {
    id: "S102",
    name: "table-truncated",
    title: "报表不完整",
    category: Category::Structure,
};

impl Rule for TableTruncated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for table in &cx.doc.tables {
            let Some(def) = cx.profile.table(table.id) else {
                continue;
            };
            // A table left unread as a whole has its own finding (S106),
            // which says none of its rows was checked.
            if table.rows.is_empty() && table.has_figures_unplaced() {
                sink.could_not_run(format!("{}未能读出（见 S106）", table.id));
                continue;
            }
            sink.compared();
            let mut missing: Vec<&str> = Vec::new();
            for side in def.sides {
                if let RowScheme::Fixed(fixed) = &side.rows {
                    for f in fixed.iter().filter(|f| !f.optional) {
                        let present = table.rows.iter().any(|r| {
                            r.side == side.side && r.kind == RowKind::Fixed { key: f.key }
                        });
                        if !present {
                            missing.push(f.label);
                        }
                    }
                }
            }
            let has_codes = def.sides.iter().any(|s| {
                matches!(
                    s.rows,
                    RowScheme::Codes
                        | RowScheme::SplitCodes
                        | RowScheme::Economic
                        | RowScheme::Units
                )
            });
            if has_codes && !table.declared_empty && table.total_row().is_none() {
                missing.push("合计");
            }
            let too_few = table.rows.len() < def.min_rows;
            if missing.is_empty() && !too_few {
                continue;
            }
            let mut shown = String::new();
            for m in missing.iter().take(8) {
                shown.push('「');
                shown.push_str(&fold_key(m));
                shown.push('」');
            }
            let more = if missing.len() > 8 {
                format!("等{}行", missing.len())
            } else {
                String::new()
            };
            let message = if missing.is_empty() {
                format!(
                    "{}只读到{}行，少于模板的{}行，表格可能被截断",
                    table.id,
                    table.rows.len(),
                    def.min_rows
                )
            } else {
                format!(
                    "{}不完整：缺少{}{}（只读到{}行，表格可能被分页截断或漏行）",
                    table.id,
                    shown,
                    more,
                    table.rows.len()
                )
            };
            // Rows missing where lines of the table were not read (S104,
            // S106) or figures of it not placed (S106) may be among them:
            // what the reading lacks, not the document.
            let (severity, message) = match every_row_read(cx.doc, table.id) {
                Ok(_) if !table.has_figures_unplaced() => (Severity::Error, message),
                _ => (
                    Severity::Warning,
                    format!("{message}；本表有未能读入或分出的行，缺少的行可能在其中"),
                ),
            };
            sink.report(
                severity,
                table.id,
                table.end_line.max(table.line),
                message,
                Vec::new(),
            );
        }
        if cx.doc.tables.is_empty() {
            sink.not_applicable("没有识别出报表");
        }
    }
}
