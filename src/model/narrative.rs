//! Facts read from 第三部分 情况说明. Filled by `parse::narrative`.

use serde::Serialize;

/// Placeholder until the narrative parser lands; kept as its own type so
/// that the document model does not change shape when it does.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Narrative {}
