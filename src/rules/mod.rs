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
use crate::profile::{IdentityKind, Profile, Role};
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

    /// The document's table that plays `role` in its template.
    pub fn table(&self, role: Role) -> Option<&'a crate::model::Table> {
        self.doc.table(self.profile.table_for(role)?.id)
    }

    /// The 绩效 forms paired with 表十二 projects (None without 表十二).
    pub(crate) fn form_pairing(&self) -> Option<&forms::common::Pairing<'a>> {
        self.form_pairing
            .get_or_init(|| forms::common::pair(self.doc, self.profile))
            .as_ref()
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// The roles (tables or other parts) the rule reads: on a template
    /// without one of them it does not apply.
    fn needs(&self) -> &'static [Role] {
        &[]
    }

    /// For the table rules: the kind of [`Identity`] the rule evaluates;
    /// it applies to the templates whose profile lists one.
    ///
    /// [`Identity`]: crate::profile::Identity
    fn evaluates(&self) -> Option<IdentityKind> {
        None
    }

    /// Why the rule has nothing to check on `profile`'s template although
    /// the template has every role it needs: the profile lacks the data
    /// the rule is driven by (a [`ProseDef`], the figures a section
    /// restates, percentage habits). Said after the template's name, as a
    /// missing role is ("…没有…"). The catalogue lists a template for a
    /// rule only when this is None.
    ///
    /// [`ProseDef`]: crate::profile::ProseDef
    fn inapplicable_to(&self, _profile: &Profile) -> Option<&'static str> {
        None
    }

    fn check(&self, cx: &Context, sink: &mut Sink);

    /// Whether this rule runs on every document, recognised or not, of
    /// any kind (S107, which says when a document was not recognised).
    /// Every other rule runs only on a recognised document of a kind its
    /// category covers.
    fn runs_on_every_document(&self) -> bool {
        false
    }
}

/// Why `rule` does not apply to `profile`'s template, if it does not.
pub fn not_for(rule: &dyn Rule, profile: &Profile) -> Option<String> {
    if let Some(role) = rule.needs().iter().find(|r| !profile.has(**r)) {
        return Some(format!("{}没有{}", profile.description, role.label()));
    }
    if let Some(reason) = rule.inapplicable_to(profile) {
        return Some(format!("{}{}", profile.description, reason));
    }
    let kind = rule.evaluates()?;
    (!profile.identities.iter().any(|i| i.kind() == kind))
        .then(|| format!("{}没有此类表间关系", profile.description))
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
    let recognised = doc.recognised();
    let mut findings = Vec::new();
    let mut checks = Vec::new();
    for rule in all() {
        let mut sink = Sink::new(rule.meta());
        let kind = doc.info.kind;
        let category = rule.meta().category;
        if !rule.runs_on_every_document() && !recognised {
            // Nothing was read that a check could rest on: a rule run
            // anyway would report every table as missing or cut.
            sink.could_not_run(if doc.info.reading_unverified.is_some() {
                "这种文本的读法尚未在此模板上验证（见 S107），未做此项检查"
            } else {
                "文档未识别，或读不出任何表格（见 S107），未做此项检查"
            });
        } else if doc.info.tables_only && category.needs_prose() {
            sink.not_applicable("不适用：未提供文字部分（只给了表格）");
        } else if !rule.runs_on_every_document() && !category.applies_to(kind) {
            sink.not_applicable(format!("{}不适用此项检查", doc.info.kind_label));
        } else if let Some(reason) = not_for(rule, profile) {
            sink.not_applicable(reason);
        } else {
            rule.check(&cx, &mut sink);
        }
        let (mut f, check) = sink.finish();
        findings.append(&mut f);
        checks.push(check);
    }
    (findings, checks)
}
