//! Template profiles: a template's tables, columns, fixed rows and
//! identities, described as data.
//!
//! The parser reads tables through a [`Profile`] and the rules evaluate the
//! profile's [`Identity`] list, so a province's template is a new profile
//! (a new file beside `budget13.rs`), not new code paths.

mod budget13;
mod build;
mod shanghai9;
mod types;

pub use budget13::BUDGET13;
pub use shanghai9::{SHANGHAI9_DEPARTMENT, SHANGHAI9_UNIT};
pub use types::*;

/// Every profile this build knows, tried in order (the first wins a tie).
pub fn all() -> &'static [&'static Profile] {
    static ALL: [&Profile; 3] = [&BUDGET13, &SHANGHAI9_DEPARTMENT, &SHANGHAI9_UNIT];
    &ALL
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_key;

    #[test]
    fn labels_are_written_folded() {
        for profile in all() {
            for side in profile.tables.iter().flat_map(|t| t.sides) {
                if let RowScheme::Fixed(rows) = side.rows {
                    for row in rows.iter() {
                        assert_eq!(fold_key(row.label), row.label);
                    }
                }
            }
            for group in profile.economic_groups {
                assert_eq!(fold_key(group), *group);
            }
        }
    }
}
