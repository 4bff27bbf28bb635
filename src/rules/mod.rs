//! Stage 5: rules. Each rule lives in its own file, opens with a doc
//! comment (检查什么 / 为什么重要 / 示例) that `build.rs` turns into the
//! catalogue users see, and declares a stable id:
//!
//! - `T…` table identities, evaluated from the profile's [`Identity`] list;
//! - `S…` structure (missing or cut tables, unreadable cells, names);
//! - `N…` narrative (第三部分) against the tables;
//! - `F…` 绩效目标表 against the tables;
//! - `P…` 专项资金信息公开.
//!
//! [`Identity`]: crate::profile::Identity

mod catalog;
mod sink;
pub mod support;

pub mod forms;
pub mod narrative;
pub mod special;
pub mod structure;
pub mod table;

use serde::Serialize;

use crate::model::{DocKind, Document};
use crate::prelude::*;
use crate::profile::Profile;
use crate::report::{Check, Finding};

pub use catalog::{catalogue, index, RuleDoc, RuleSummary};
pub use sink::Sink;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Table,
    Structure,
    Narrative,
    Form,
    SpecialFunds,
}

impl Category {
    /// Whether rules of this category apply to a kind of document.
    pub fn applies_to(&self, kind: DocKind) -> bool {
        match self {
            Category::SpecialFunds => kind == DocKind::SpecialFunds,
            _ => kind.is_budget(),
        }
    }

    /// Whether its rules read the prose or the 绩效 forms, which a workbook
    /// of tables does not give.
    pub fn needs_prose(&self) -> bool {
        matches!(
            self,
            Category::Narrative | Category::Form | Category::SpecialFunds
        )
    }

    pub fn label(&self) -> &'static str {
        match self {
            Category::Table => "表内及表间关系",
            Category::Structure => "表格结构",
            Category::Narrative => "情况说明",
            Category::Form => "绩效目标表",
            Category::SpecialFunds => "专项资金公开",
        }
    }
}

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, never reused ("T101").
    pub id: &'static str,
    /// Stable kebab-case name ("row-sum").
    pub name: &'static str,
    /// Short Chinese title ("行内合计").
    pub title: &'static str,
    pub category: Category,
}

pub struct Context<'a> {
    pub doc: &'a Document,
    pub profile: &'static Profile,
    /// Forms paired with 表十二 rows: several form rules need it, and the
    /// tolerant name matching is the costliest step, so it is done once.
    form_pairing: core::cell::OnceCell<Option<forms::common::Pairing<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, profile: &'static Profile) -> Context<'a> {
        Context {
            doc,
            profile,
            form_pairing: core::cell::OnceCell::new(),
        }
    }

    /// The 绩效 forms paired with 表十二 projects (None without 表十二).
    pub(crate) fn form_pairing(&self) -> Option<&forms::common::Pairing<'a>> {
        self.form_pairing
            .get_or_init(|| forms::common::pair(self.doc))
            .as_ref()
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context, sink: &mut Sink);
}

/// Every rule, in catalogue order.
pub fn all() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend(table::RULES);
    rules.extend(structure::RULES);
    rules.extend(narrative::RULES);
    rules.extend(forms::RULES);
    rules.extend(special::RULES);
    rules
}

/// Runs every rule on a document.
pub fn run(doc: &Document, profile: &'static Profile) -> (Vec<Finding>, Vec<Check>) {
    let cx = Context::new(doc, profile);
    let mut findings = Vec::new();
    let mut checks = Vec::new();
    for rule in all() {
        let mut sink = Sink::new(rule.meta());
        let category = rule.meta().category;
        if doc.info.tables_only && category.needs_prose() {
            sink.not_applicable("不适用：未提供文字部分（只给了表格）");
        } else if category.applies_to(doc.info.kind) {
            rule.check(&cx, &mut sink);
        } else {
            sink.not_applicable(format!("{}不适用此项检查", doc.info.kind_label));
        }
        let (mut f, check) = sink.finish();
        findings.append(&mut f);
        checks.push(check);
    }
    (findings, checks)
}
