//! 绩效目标表 rules (F…): the forms' own arithmetic, the 整体 form against
//! 表一/表三/表四, each project form against its 表十二 row, and the forms'
//! indicators and years. `names` decides when two printings of a project
//! name are the same (shared with the 专项资金 rules); `common` pairs forms
//! with 表十二 rows.

pub(crate) mod common;
pub(crate) mod names;

mod fund_sum;
mod indicators;
mod overall_staff;
mod overall_sum;
mod overall_tables;
mod period_order;
mod project_amount;
mod project_missing;
mod project_name;
pub(crate) mod unread;
mod years;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &fund_sum::FormFundSum,
    &period_order::FormPeriodOrder,
    &overall_sum::OverallFormSum,
    &overall_tables::OverallFormTables,
    &project_amount::ProjectFormAmount,
    &project_missing::ProjectFormMissing,
    &project_name::ProjectFormName,
    &indicators::FormIndicators,
    &years::FormYear,
    &overall_staff::OverallFormStaff,
    &unread::FormUnread,
];
