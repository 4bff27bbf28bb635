//! Table identities (T…): each rule evaluates one kind of the profile's
//! identities on every table it names.

pub(crate) mod resolve;

mod class_match;
mod code_hierarchy;
mod code_match;
mod cross_total;
mod empty_table;
mod fixed_sum;
mod group_sum;
mod limit;
mod outline_sum;
mod row_sum;
mod tree_sum;
mod unit_sum;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &row_sum::RowSum,
    &code_hierarchy::CodeHierarchy,
    &group_sum::GroupSum,
    &tree_sum::TreeSum,
    &fixed_sum::FixedSum,
    &unit_sum::UnitSum,
    &cross_total::CrossTotal,
    &code_match::CodeMatch,
    &class_match::ClassMatch,
    &limit::AtMost,
    &outline_sum::OutlineSum,
    &empty_table::EmptyTable,
];
