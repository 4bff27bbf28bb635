//! Rules on the narrative (N…): every figure of 第三部分 情况说明 against
//! the tables it restates, and the narrative's own arithmetic.

mod common;

mod assets;
mod basic;
mod changes;
mod class_names;
mod completion;
mod expense;
mod fiscal;
mod general_budget;
mod income;
mod item_lists;
mod operating;
mod overall_performance;
mod procurement;
mod project_amounts;
mod projects;
mod prose;
mod prose_figures;
mod prose_items;
mod prose_sums;
mod restated;
mod share_sets;
mod shares;
mod three_public;
mod totals;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &totals::Totals,
    &income::Income,
    &expense::Expense,
    &fiscal::Fiscal,
    &general_budget::GeneralBudget,
    &basic::Basic,
    &three_public::ThreePublic,
    &operating::Operating,
    &procurement::Procurement,
    &overall_performance::OverallPerformance,
    &projects::Projects,
    &assets::Assets,
    &shares::Shares,
    &share_sets::ShareSets,
    &restated::Restated,
    &completion::Completion,
    &changes::Changes,
    &class_names::ClassNames,
    &item_lists::ItemLists,
    &project_amounts::ProjectAmounts,
    &prose_figures::ProseFigures,
    &prose_sums::ProseSums,
    &prose_items::ProseItems,
];
