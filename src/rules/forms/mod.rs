//! Rules on the forms (none yet).

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
