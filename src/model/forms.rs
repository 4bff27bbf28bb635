//! 绩效目标表 (整体支出 and 项目支出) read from the attachments. Filled by
//! `parse::forms`; the 专项资金 document reuses [`ProjectForm`] for its
//! 申报表.
//!
//! Every value keeps the line it was printed on, so that a finding can
//! cite both sides of a comparison. Money in project forms is in 元, in
//! the 整体 form in 万元, as printed.

use serde::Serialize;

use super::Cell;
use crate::prelude::*;

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Forms {
    /// 整体支出绩效目标申报表, when the document has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<OverallForm>,
    /// Every 项目支出绩效目标表, in document order.
    pub projects: Vec<ProjectForm>,
}

/// One labelled value of a form: the label as printed, the value, its line.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormValue {
    /// Stable key ("total", "general", "city", "basic" …).
    pub key: &'static str,
    /// The label as printed ("其中：一般公共预算资金", "市县（区）财政资").
    pub label: String,
    pub value: Cell,
    pub line: usize,
}

/// A text value (项目名称, 实施单位 …) and the line it was printed on.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormText {
    pub text: String,
    pub line: usize,
}

/// 整体支出绩效目标申报表.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OverallForm {
    pub title: String,
    pub title_line: usize,
    pub end_line: usize,
    /// 部门名称.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<FormText>,
    /// 部门基本信息 counts: 内设职能部门数, 所属预算单位数, 核定的人员编制数,
    /// 实际在职人员总数, 其中在编人员数 (printed "9个", "30人").
    pub counts: Vec<FormValue>,
    /// 年度预算情况 按资金来源 (万元): total, general, fund, capital,
    /// social, special, own.
    pub sources: Vec<FormValue>,
    /// 按资金方向/用途 (万元): total, basic, project.
    pub uses: Vec<FormValue>,
    pub indicators: Vec<Indicator>,
    /// Only a part was read — 年度预算情况, the head counts of 部门基本信息,
    /// or both (`Lines::part_read` says which): the text lays the form out
    /// so that the rest of its cells cannot be told (F111 names it), and
    /// the checks of the rest do not run.
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub partial: bool,
}

impl OverallForm {
    pub fn source(&self, key: &str) -> Option<&FormValue> {
        self.sources.iter().find(|v| v.key == key)
    }

    pub fn use_(&self, key: &str) -> Option<&FormValue> {
        self.uses.iter().find(|v| v.key == key)
    }
}

/// 项目资金（元）: one of the two blocks (实施期 or 年度).
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FundBlock {
    /// Its total's name as findings print it ("实施期资金总额",
    /// "年度资金申请总额"); empty when no total was read. The JSON keeps the
    /// label as printed, in `total`.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub name: &'static str,
    /// 实施期资金总额 / 年度资金总额.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<FormValue>,
    /// central, province, city, own, other — as printed, blanks kept.
    pub parts: Vec<FormValue>,
}

impl FundBlock {
    pub fn part(&self, key: &str) -> Option<&FormValue> {
        self.parts.iter().find(|v| v.key == key)
    }

    pub fn is_empty(&self) -> bool {
        self.total.is_none() && self.parts.is_empty()
    }
}

/// 项目支出绩效目标表 (or the 申报表 of a 专项资金 document).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectForm {
    pub title: String,
    pub title_line: usize,
    pub end_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<FormText>,
    /// 主管部门及代码 ("038-阳泉市商务局").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<FormText>,
    /// 实施单位 (joined when the PDF wrapped it onto the next line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<FormText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<FormText>,
    /// 项目期 ("99年").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<FormText>,
    /// 实施期资金 (元); empty on forms that only show the year.
    pub implementation: FundBlock,
    /// 年度资金 (元).
    pub annual: FundBlock,
    /// 总体目标 texts: "实施期目标" and "年度目标" (or "总体目标" when the
    /// form does not say which).
    pub goals: Vec<Goal>,
    pub indicators: Vec<Indicator>,
    /// Read in part: its name, and a Shanghai form's 项目资金 when they
    /// could be told (`Lines::part_read` says which); the text lays the
    /// form out so that the rest of its cells cannot be told (F111 names
    /// it), and the checks of its goals and indicators do not run.
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub partial: bool,
}

impl ProjectForm {
    /// The form's name as printed, or "".
    pub fn name_text(&self) -> &str {
        self.name.as_ref().map(|n| n.text.as_str()).unwrap_or("")
    }

    /// The line that names the form in messages: its 项目名称 line, or
    /// its title line.
    pub fn name_line(&self) -> usize {
        self.name
            .as_ref()
            .map(|n| n.line)
            .unwrap_or(self.title_line)
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Goal {
    /// "实施期目标", "年度目标" or "总体目标".
    pub period: &'static str,
    pub text: String,
    pub line: usize,
}

/// 一级指标 as the framework names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorLevel {
    /// 产出指标 (数量/质量/时效/成本).
    Output,
    /// 效益指标 (经济/社会/生态/可持续影响).
    Benefit,
    /// 满意度指标.
    Satisfaction,
}

/// One row of the indicator grid: 三级指标 and its 指标值, under the
/// 一级/二级 indicators in force on that row (carried down from above when
/// the cells are merged).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Indicator {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level1: Option<IndicatorLevel>,
    pub level2: String,
    pub name: String,
    pub value: String,
    pub line: usize,
}
