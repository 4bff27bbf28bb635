//! Stage 6: the report, one serde model for every front end (CLI JSON, the
//! wasm API, the page, the exports).

mod text;

use serde::Serialize;

use crate::model::{Document, DocumentInfo, Forms, Narrative, SpecialFunds, Table};
use crate::prelude::*;

pub use text::render_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(&self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
            Severity::Info => "尾差/提示",
        }
    }
}

/// One figure (or one quoted phrase) a finding rests on, at its place.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// What this figure is in the comparison: "合计", "分项", "表内", "说明"…
    pub role: String,
    /// 1-based line in the input.
    pub line: usize,
    /// "表三", "第三部分 八", "绩效目标表「物业费」"…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The figure as printed ("75.80", "空").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The printed text to highlight in the source line, when it is not
    /// `value` (a label, a phrase of the narrative).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable rule id ("T101").
    pub rule: &'static str,
    pub rule_name: &'static str,
    pub severity: Severity,
    /// In Chinese, naming table, row and column as a reviewer would.
    pub message: String,
    /// Where the finding belongs: "表三", "第三部分 八", "绩效目标表"…
    pub location: String,
    /// The line a reader is taken to first.
    pub line: usize,
    pub evidence: Vec<Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Ran,
    NotApplicable,
    CouldNotRun,
}

impl CheckStatus {
    pub fn label(&self) -> &'static str {
        match self {
            CheckStatus::Ran => "已检查",
            CheckStatus::NotApplicable => "不适用",
            CheckStatus::CouldNotRun => "无法检查",
        }
    }
}

/// What one rule did on this document.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Check {
    pub rule: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub status: CheckStatus,
    /// Comparisons made (identities evaluated, sentences checked…).
    pub comparisons: usize,
    /// Why parts of it did not apply or could not run.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// false: the document was not recognised, or nothing in it could be
    /// read (finding S107), and no check ran. Then the counts below do not
    /// mean "checked, no error".
    pub recognised: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub checks_ran: usize,
    pub checks_not_applicable: usize,
    pub checks_could_not_run: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentSection {
    #[serde(flatten)]
    pub info: DocumentInfo,
    /// The 绩效目标表 found (project name, amount, line).
    pub forms: Forms,
    /// 专项资金信息公开: its projects.
    pub special: SpecialFunds,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub tool: &'static str,
    pub version: &'static str,
    pub document: DocumentSection,
    pub tables: Vec<Table>,
    pub narrative: Narrative,
    pub findings: Vec<Finding>,
    pub checks: Vec<Check>,
    pub summary: Summary,
}

/// The JSON Schema of [`Report`] (draft 2020-12), as committed in
/// `schema/report.schema.json`.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Report);
    serde_json::to_value(schema).unwrap_or_default()
}

impl Report {
    /// Orders findings (errors first, then by line) and counts them.
    pub fn new(doc: Document, mut findings: Vec<Finding>, checks: Vec<Check>) -> Report {
        crate::slices::sort_stable_by(&mut findings, |a, b| {
            (a.severity, a.line, a.rule).cmp(&(b.severity, b.line, b.rule))
        });
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let status = |s: CheckStatus| checks.iter().filter(|c| c.status == s).count();
        let summary = Summary {
            recognised: doc.recognised(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            checks_ran: status(CheckStatus::Ran),
            checks_not_applicable: status(CheckStatus::NotApplicable),
            checks_could_not_run: status(CheckStatus::CouldNotRun),
        };
        Report {
            tool: "budget-lint",
            version: env!("CARGO_PKG_VERSION"),
            document: DocumentSection {
                info: doc.info,
                forms: doc.forms,
                special: doc.special,
            },
            tables: doc.tables,
            narrative: doc.narrative,
            findings,
            checks,
            summary,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// Whether anything of the document was recognised and checked
    /// (`summary.recognised`).
    pub fn recognised(&self) -> bool {
        self.summary.recognised
    }
}
