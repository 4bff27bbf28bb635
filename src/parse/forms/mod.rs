//! 绩效目标表: the 整体支出 form and every 项目支出 form.

use crate::lines::Lines;
use crate::model::Forms;

/// Placeholder: reads nothing yet.
pub fn parse(_lines: &Lines) -> Forms {
    Forms::default()
}
