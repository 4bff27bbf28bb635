//! The whole document: what kind it is, whose it is, and what was rebuilt.

use serde::Serialize;

use super::{Forms, Narrative, SpecialFunds, Table};
use crate::lines::Lines;
use crate::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 部门预算公开 (a department with subordinate units).
    DepartmentBudget,
    /// 单位预算公开 (one unit).
    UnitBudget,
    /// 专项资金信息公开.
    SpecialFunds,
    /// 部门决算公开 (final accounts).
    FinalAccounts,
    /// Not a kind this profile knows.
    Unknown,
}

impl DocKind {
    pub fn label(&self) -> &'static str {
        match self {
            DocKind::DepartmentBudget => "部门预算公开",
            DocKind::UnitBudget => "单位预算公开",
            DocKind::SpecialFunds => "专项资金信息公开",
            DocKind::FinalAccounts => "部门决算公开",
            DocKind::Unknown => "未识别的文档",
        }
    }

    pub fn is_budget(&self) -> bool {
        // 决算 tables are checked the same way.
        matches!(
            self,
            DocKind::DepartmentBudget | DocKind::UnitBudget | DocKind::FinalAccounts
        )
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentInfo {
    pub kind: DocKind,
    pub kind_label: &'static str,
    /// Template profile that recognised the tables.
    pub profile: &'static str,
    /// What that template is, in words ("上海 部门预算公开 9张表模板…").
    pub profile_label: &'static str,
    /// How many of the profile's tables were found, of how many.
    pub tables_found: usize,
    pub tables_expected: usize,
    pub department: Option<String>,
    pub year: Option<u32>,
    /// Money unit of the tables ("万元").
    pub unit: Option<String>,
    /// Lines of the input, and how many the noise filter set aside.
    pub line_count: usize,
    pub noise_lines: usize,
    /// Only the tables were given (an Excel workbook): the prose and the
    /// 绩效 forms were not, so their checks did not apply.
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub tables_only: bool,
    /// The document was recognised, but read in a way not verified for its
    /// template (`Profile::verified_readings`): why nothing was checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_unverified: Option<String>,
    /// How the tables were read where not one row a line (`crate::rebuild`):
    /// what `reading_unverified` and a build without the rebuild readers
    /// (`DocumentInfo::rebuild_needed`) go by. Not in the report.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub readings: Vec<crate::profile::Reading>,
    /// The text names radicals where it means the ideographs sharing their
    /// glyphs (⽀ for 支, copied out of such a PDF), which only a build with
    /// the rebuild readers folds (`text::radicals`). Not in the report.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub radicals: bool,
}

impl DocumentInfo {
    /// Whether a table of the text is laid out otherwise than one row a
    /// line, or the text names radicals for ideographs, and this build has
    /// no reader for it: the report made without them is not the
    /// document's, and must not be shown.
    pub fn rebuild_needed(&self) -> bool {
        !cfg!(feature = "rebuild")
            && (self.radicals
                || self
                    .readings
                    .iter()
                    .any(|r| *r != crate::profile::Reading::Pdf))
    }
}

/// Everything rebuilt from one text; rules read only this.
#[derive(Debug, Clone)]
pub struct Document {
    pub info: DocumentInfo,
    pub lines: Lines,
    pub tables: Vec<Table>,
    /// Lines inside a table region that could not be read as a row.
    pub unparsed: Vec<crate::parse::UnparsedLine>,
    pub narrative: Narrative,
    pub forms: Forms,
    /// Only for [`DocKind::SpecialFunds`] documents.
    pub special: SpecialFunds,
}

impl Document {
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// Whether anything here can be checked: the kind was recognised and
    /// something of it was read (a table row or a table printed as empty;
    /// for a 专项资金 document its opening sentence or a project). When not,
    /// no check ran, and the report must not read as "checked, no error".
    pub fn recognised(&self) -> bool {
        if self.info.reading_unverified.is_some() {
            return false;
        }
        match self.info.kind {
            DocKind::Unknown => false,
            DocKind::SpecialFunds => {
                self.special.opening.is_some() || !self.special.classes.is_empty()
            }
            DocKind::DepartmentBudget | DocKind::UnitBudget | DocKind::FinalAccounts => self
                .tables
                .iter()
                .any(|t| t.declared_empty || !t.rows.is_empty()),
        }
    }
}
