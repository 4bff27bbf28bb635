//! 专项资金信息公开: the opening sentence and each numbered project.

use crate::lines::Lines;
use crate::model::SpecialFunds;

/// Placeholder: reads nothing yet.
pub fn parse(_lines: &Lines) -> SpecialFunds {
    SpecialFunds::default()
}
