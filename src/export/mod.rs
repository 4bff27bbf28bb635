//! Stage 7 (beside the report): what a reviewer takes away — the findings
//! as CSV, and (feature `xlsx`) an Excel workbook with the findings, the
//! checks and one sheet per rebuilt table.
//!
//! Both are built from the [`Report`](crate::Report) alone, so every front
//! end (CLI, wasm, page) exports the same thing.

mod csv;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use csv::findings_csv;
#[cfg(feature = "xlsx")]
pub use xlsx::workbook;

use crate::prelude::*;
use crate::report::Finding;
use crate::slices::join;

/// "表三 第5行「行政运行」 基本支出 195.42（第170行）；…": the evidence of a
/// finding as one line of text, for a spreadsheet cell or a printed list.
pub fn evidence_summary(f: &Finding) -> String {
    let summaries = f
        .evidence
        .iter()
        .map(|e| {
            let place = join(
                &[e.table.as_deref(), e.row.as_deref(), e.column.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>(),
                " ",
            );
            let value = e.value.as_deref().or(e.text.as_deref()).unwrap_or("");
            format!(
                "{}{} {}（{}）",
                if e.role.is_empty() {
                    String::new()
                } else {
                    format!("{}：", e.role)
                },
                place,
                value,
                crate::report::place_label(e.line, e.page, e.sheet.as_ref())
            )
        })
        .collect::<Vec<_>>();
    join(&summaries, "；")
}
