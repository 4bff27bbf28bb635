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
    /// The PDF page `line` is on, when the file was a PDF ([`Report::locate`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The worksheet row `line` came from, when the file was a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<SheetRow>,
}

/// A worksheet and its 1-based row, as Excel shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SheetRow {
    pub name: String,
    pub row: u32,
}

/// Where a line of the checked text is in the file the user gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A PDF page, 1-based.
    Page(u32),
    Sheet(SheetRow),
}

/// "第5页 第456行", "工作表「表二」第12行" or "第456行": a line as the user
/// finds it in the file they gave.
pub fn place_label(line: usize, page: Option<u32>, sheet: Option<&SheetRow>) -> String {
    match (page, sheet) {
        (_, Some(s)) => format!("工作表「{}」第{}行", s.name, s.row),
        (Some(p), None) => format!("第{p}页 第{line}行"),
        (None, None) => format!("第{line}行"),
    }
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
    /// The PDF page `line` is on, when the file was a PDF ([`Report::locate`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The worksheet row `line` came from, when the file was a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<SheetRow>,
}

impl Finding {
    /// Its line as the user finds it in their file (see [`place_label`]).
    pub fn place_label(&self) -> String {
        place_label(self.line, self.page, self.sheet.as_ref())
    }
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
    /// Gives every finding and figure cited the place of its line in the
    /// file the text was read from (`origin_of(line)`, 1-based lines): the
    /// PDF page, or the worksheet row.
    pub fn locate(&mut self, origin_of: impl Fn(usize) -> Option<Origin>) {
        let place =
            |line: usize, page: &mut Option<u32>, sheet: &mut Option<SheetRow>| match origin_of(
                line,
            ) {
                Some(Origin::Page(p)) => *page = Some(p),
                Some(Origin::Sheet(s)) => *sheet = Some(s),
                None => {}
            };
        for f in &mut self.findings {
            place(f.line, &mut f.page, &mut f.sheet);
            for e in &mut f.evidence {
                place(e.line, &mut e.page, &mut e.sheet);
            }
        }
    }

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
