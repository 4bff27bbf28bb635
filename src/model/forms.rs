//! 绩效目标表 (整体支出 and 项目支出) read from the attachments. Filled by
//! `parse::forms`.

use serde::Serialize;

/// Placeholder until the forms parser lands.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Forms {}
