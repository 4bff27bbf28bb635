//! 专项资金信息公开: the opening sentence and the listed projects. Filled
//! by `parse::special`.
//!
//! The document opens with "项目支出预算共计631.81万元，其中特定目标类项目6个
//! 计622.31万元，其他运转类项目3个计9.5万元", then lists each class
//! ("1、特定目标类专项资金") and its numbered projects, each with the
//! amount approved ("批复该项目预算293万元，全部为政府性基金预算") and its
//! 绩效目标申报表 (money in 元).

use serde::Serialize;

use super::forms::ProjectForm;
use super::Amount;
use crate::prelude::*;

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpecialFunds {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening: Option<Opening>,
    pub classes: Vec<SpecialClass>,
}

impl SpecialFunds {
    /// Every project of every class, in printed order. (A list: one
    /// iterator type for every caller rather than a flatten in each.)
    pub fn projects(&self) -> alloc::vec::IntoIter<&SpecialProject> {
        let mut all = Vec::new();
        for c in &self.classes {
            all.extend(c.projects.iter());
        }
        all.into_iter()
    }
}

/// An amount printed in prose ("631.81万元") and where.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProseAmount {
    pub amount: Amount,
    /// As printed, without the unit ("631.81").
    pub text: String,
    pub line: usize,
}

/// The opening sentence.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Opening {
    pub line: usize,
    pub text: String,
    /// 项目支出预算共计 X 万元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<ProseAmount>,
    /// "特定目标类项目6个计622.31万元", one per class named.
    pub classes: Vec<OpeningClass>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpeningClass {
    /// "特定目标类".
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<ProseAmount>,
}

/// "1、特定目标类专项资金" and the projects listed under it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpecialClass {
    /// "特定目标类".
    pub name: String,
    pub heading: String,
    pub line: usize,
    pub projects: Vec<SpecialProject>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpecialProject {
    /// "（1）" → 1.
    pub number: u32,
    /// The name in the heading "（1）项目名称：…".
    pub name: String,
    pub line: usize,
    /// 批复该项目预算 N 万元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<ProseAmount>,
    /// What follows "全部为" ("政府性基金预算", "一般公共预算财政拨款").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
    /// The project's 绩效目标申报表.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<ProjectForm>,
}
