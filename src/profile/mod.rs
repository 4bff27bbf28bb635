//! Template profiles: a template's tables, columns, fixed rows and
//! identities, described as data.
//!
//! The parser reads tables through a [`Profile`] and the rules evaluate the
//! profile's [`Identity`] list, so a province's template is a new profile
//! (a new file beside `budget13.rs`), not new code paths.

mod budget13;
mod build;
mod jiangsu12;
mod shanghai9;
mod shanghai_final;
mod types;

pub use budget13::BUDGET13;
pub use jiangsu12::JIANGSU12;
pub use shanghai9::{SHANGHAI9_DEPARTMENT, SHANGHAI9_UNIT};
pub use shanghai_final::SHANGHAI_FINAL;
pub use types::*;

/// Every profile this build knows, tried in order (the first wins a tie).
pub fn all() -> &'static [&'static Profile] {
    static ALL: [&Profile; 5] = [
        &BUDGET13,
        &SHANGHAI9_DEPARTMENT,
        &SHANGHAI9_UNIT,
        &SHANGHAI_FINAL,
        &JIANGSU12,
    ];
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

    #[test]
    fn unit_names_by_their_suffix() {
        let unit = |name: &str| BUDGET13.names_a_unit(name);
        assert!(unit("阳泉市国库集中支付中心"));
        assert!(unit(
            "阳泉市财政局预算评审中心(阳泉市政府和社会资本合作中心、阳泉市数字财政管理中心)"
        ));
        assert!(!unit("政府购买财政事务中心服务费"));
        assert!(!unit("评审中心工作运行费"));
    }
}

#[cfg(test)]
mod consistency {
    //! Every identity of every profile names tables, columns and rows the
    //! profile defines: a typo in a new template fails here, not silently
    //! as "could not run" on documents.

    use super::*;
    use crate::prelude::*;
    use crate::text::fold_key;

    fn column_exists(profile: &Profile, table: &str, column: &str) -> bool {
        profile
            .table(table)
            .is_some_and(|t| t.columns().any(|(_, c)| c.key == column))
    }

    fn fixed_key_exists(profile: &Profile, table: &str, key: &str) -> bool {
        profile.table(table).is_some_and(|t| {
            t.sides.iter().any(|s| match s.rows {
                RowScheme::Fixed(rows) => rows.iter().any(|r| r.key == key),
                _ => false,
            })
        })
    }

    fn check_ref(profile: &Profile, r: &CellRef, problems: &mut Vec<String>) {
        if !column_exists(profile, r.table, r.column) {
            problems.push(format!(
                "{}: {} has no column {}",
                profile.name, r.table, r.column
            ));
        }
        if let RowSel::Fixed(key) = r.row {
            if !fixed_key_exists(profile, r.table, key) {
                problems.push(format!("{}: {} has no row {key}", profile.name, r.table));
            }
        }
    }

    fn check_columns(profile: &Profile, table: &str, columns: &[&str], problems: &mut Vec<String>) {
        for c in columns {
            if !column_exists(profile, table, c) {
                problems.push(format!("{}: {table} has no column {c}", profile.name));
            }
        }
    }

    #[test]
    fn identities_name_what_their_profile_defines() {
        let mut problems = Vec::new();
        for profile in all() {
            for identity in profile.identities {
                let p = &mut problems;
                match identity {
                    Identity::RowSum {
                        table,
                        total,
                        parts,
                    } => {
                        check_columns(profile, table, &[*total], p);
                        check_columns(profile, table, parts, p);
                    }
                    Identity::CodeHierarchy { table, columns }
                    | Identity::GroupSum { table, columns }
                    | Identity::TreeSum { table, columns }
                    | Identity::UnitSum { table, columns } => {
                        check_columns(profile, table, columns, p)
                    }
                    Identity::FixedSum {
                        table,
                        total,
                        parts,
                        columns,
                    } => {
                        check_columns(profile, table, columns, p);
                        let mut keys = vec![*total];
                        match parts {
                            PartRows::Keys(k) => keys.extend_from_slice(k),
                            PartRows::ClassesBeside { column, .. } => {
                                check_columns(profile, table, &[*column], p)
                            }
                            PartRows::Classes => {}
                        }
                        for key in keys {
                            if !fixed_key_exists(profile, table, key) {
                                p.push(format!("{}: {table} has no row {key}", profile.name));
                            }
                        }
                    }
                    Identity::CrossTotal { left, right, .. } => {
                        check_ref(profile, left, p);
                        for r in right.iter() {
                            check_ref(profile, r, p);
                        }
                    }
                    Identity::CodeMatch { left, right, .. } => {
                        check_columns(profile, left.0, &[left.1], p);
                        for (t, c) in right.iter() {
                            check_columns(profile, t, &[*c], p);
                        }
                    }
                    Identity::ClassMatch {
                        left,
                        right_table,
                        right_column,
                        ..
                    } => {
                        check_columns(profile, right_table, &[*right_column], p);
                        match left {
                            ClassSource::CodeRows { table, columns } => {
                                check_columns(profile, table, columns, p)
                            }
                            ClassSource::ClassRows { table, column } => {
                                check_columns(profile, table, &[*column], p)
                            }
                        }
                    }
                    Identity::Outline {
                        table,
                        columns,
                        levels,
                    } => {
                        check_columns(profile, table, columns, p);
                        // Nested at least once, a level that takes the
                        // rest at most, and words as folded labels hold them.
                        let rest = levels.iter().filter(|l| matches!(l, Level::Rest));
                        if levels.len() < 2 || rest.count() > 1 {
                            p.push(format!("{}: {table}'s outline levels", profile.name));
                        }
                        for level in levels.iter() {
                            if let Level::Holds(words) = level {
                                if words.is_empty() || words.iter().any(|w| fold_key(w) != *w) {
                                    p.push(format!("{}: {table}: {words:?}", profile.name));
                                }
                            }
                        }
                    }
                    Identity::AtMost { left, right, .. } => {
                        check_ref(profile, left, p);
                        check_ref(profile, right, p);
                    }
                    Identity::EmptyAgrees { table, zero, .. } => {
                        if profile.table(table).is_none() {
                            p.push(format!("{}: no table {table}", profile.name));
                        }
                        for r in zero.iter() {
                            check_ref(profile, r, p);
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn each_role_is_played_by_one_table_at_most() {
        for profile in all() {
            for (i, t) in profile.tables.iter().enumerate() {
                let again = profile.tables[i + 1..].iter().find(|u| u.role == t.role);
                assert!(again.is_none(), "{}: {:?} twice", profile.name, t.role);
            }
        }
    }
}
