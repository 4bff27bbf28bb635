//! Rules on the narrative (none yet).

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
