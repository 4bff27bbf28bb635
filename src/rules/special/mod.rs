//! Rules on the special (none yet).

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
