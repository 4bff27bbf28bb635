//! What the 专项资金 rules share: prose amounts as figures, and the place
//! names findings use.

use crate::arith::Term;
use crate::model::special::{ProseAmount, SpecialProject};
use crate::prelude::*;
use crate::rules::support::{value_evidence, Figure};

pub const LOCATION: &str = "专项资金公开";

/// A 万元 amount of the prose as a figure. Prose drops trailing zeros
/// ("9.5万元" is 9.50, "293万元" is 293.00) rather than rounding, so its
/// band is that of two decimals whatever is shown.
pub fn prose_figure(amount: &ProseAmount, label: &str) -> Figure {
    let scale = amount.amount.scale.max(2);
    Figure {
        term: Term {
            value: amount.amount.value,
            half: crate::decimal::half_unit(scale),
        },
        shown: amount.text.clone(),
        label: label.to_string(),
        evidence: value_evidence(
            "",
            amount.line,
            LOCATION,
            Some(label),
            &amount.text,
            Some(&format!("{}万元", amount.text)),
        ),
    }
}

/// "项目（1）「贸易统计奖励专项资金」".
pub fn project_place(project: &SpecialProject) -> String {
    format!("项目（{}）「{}」", project.number, project.name)
}
