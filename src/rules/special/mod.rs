//! 专项资金信息公开 rules (P…): the opening sentence against the listed
//! projects, each project's amount, source and name against its 申报表,
//! and the 申报表's own sums.

mod common;

mod form_sum;
mod form_unread;
mod name;
mod project_amount;
mod source;
mod totals;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &totals::SpecialTotals,
    &project_amount::SpecialProjectAmount,
    &source::SpecialSource,
    &name::SpecialName,
    &form_sum::SpecialFormSum,
    &form_unread::SpecialFormUnread,
];
