//! 第三部分 情况说明: sections, sentences and the facts they state.

use crate::lines::Lines;
use crate::model::{Narrative, Table};

/// Placeholder: reads nothing yet.
pub fn parse(_lines: &Lines, _tables: &[Table]) -> Narrative {
    Narrative::default()
}
