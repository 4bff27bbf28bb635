//! 专项资金信息公开: the opening sentence and the listed projects. Filled
//! by `parse::special`.

use serde::Serialize;

/// Placeholder until the special-funds parser lands.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SpecialFunds {}
