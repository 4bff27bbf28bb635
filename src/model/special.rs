//! 专项资金信息公开: the opening sentence and the listed projects. Filled
//! by `parse::special`.

use serde::Serialize;

/// Placeholder until the special-funds parser lands.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpecialFunds {}
