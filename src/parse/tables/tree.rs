//! 表十二/十三: which rows are the department, its units and their
//! projects. The tree is not printed, only implied by order: a unit's row
//! comes before its projects. Units are recognised by name (an organisation
//! suffix, the department's own name, a unit of 表十一); when no row looks
//! like a unit, arithmetic decides (a row equal to the sum of the rows that
//! follow it is a subtotal).

use crate::arith::{compare, Term};
use crate::decimal;
use crate::model::{RowKind, Table};
use crate::prelude::*;
use crate::profile::{Profile, RowScheme};
use crate::text::fold_key;

pub(super) fn resolve(tables: &mut [Table], profile: &Profile, department: Option<&str>) {
    // Loops rather than a flat_map chain: the same list in less wasm.
    let mut known_units: Vec<String> = Vec::new();
    for table in tables.iter() {
        for row in &table.rows {
            if row.kind == RowKind::Unit {
                known_units.push(fold_key(&row.name).into_owned());
            }
        }
    }
    for table in tables.iter_mut() {
        let is_tree = profile.table(table.id).is_some_and(|d| {
            d.sides
                .iter()
                .any(|s| matches!(s.rows, RowScheme::ProjectTree))
        });
        if is_tree {
            resolve_tree(table, profile, department, &known_units);
        }
    }
}

fn resolve_tree(
    table: &mut Table,
    profile: &Profile,
    department: Option<&str>,
    known_units: &[String],
) {
    let mut totals: Vec<Option<Term>> = Vec::with_capacity(table.rows.len());
    let mut names: Vec<String> = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        totals.push(row.cells.first().and_then(|c| c.as_term()));
        names.push(fold_key(&row.name).into_owned());
    }
    let dept_key = department.map(fold_key);
    // Named as the department or as a unit of 表十一: surely a unit.
    let named_unit = |i: usize| {
        let n = &names[i];
        dept_key.as_deref() == Some(n.as_str()) || known_units.iter().any(|u| u == n)
    };
    let looks_like_unit = |i: usize| named_unit(i) || profile.names_a_unit(&names[i]);
    let n = table.rows.len();
    if n == 0 {
        return;
    }
    // The first row is the department (or a 合计 row) when it looks like one
    // or when it is the sum of the projects below it.
    let first_is_root = table.rows[0].kind == RowKind::Total || looks_like_unit(0) || n == 1;
    let start = usize::from(first_is_root);
    if first_is_root {
        table.rows[0].kind = RowKind::TreeDepartment;
    }
    let mut is_unit: Vec<bool> = Vec::with_capacity(n);
    for i in 0..n {
        is_unit.push(i >= start && looks_like_unit(i));
    }
    if !is_unit.contains(&true) {
        for i in subtotals_by_arithmetic(&totals[start..]) {
            is_unit[i + start] = true;
        }
    }
    // A row that only *ends* like an organisation ("…服务中心") and has no
    // project under it is a project: the department sum is the same either
    // way, and a unit sum against nothing would be a false alarm. A row
    // named as a known unit stays a unit, so a table cut after it is caught.
    let has_projects = |u: usize| u + 1 < n && !is_unit[u + 1];
    for (i, row) in table.rows.iter_mut().enumerate().skip(start) {
        row.kind = if is_unit[i] && (has_projects(i) || named_unit(i)) {
            RowKind::TreeUnit
        } else {
            RowKind::TreeProject
        };
    }
}

/// Rows that equal the sum of the consecutive rows after them, greedily
/// from the top, when that explains the whole list.
fn subtotals_by_arithmetic(totals: &[Option<Term>]) -> Vec<usize> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < totals.len() {
        let Some(head) = totals[i] else {
            return Vec::new();
        };
        let mut sum = Term::ZERO;
        let mut j = i + 1;
        let mut closed = false;
        while j < totals.len() {
            let Some(t) = totals[j] else {
                return Vec::new();
            };
            sum = sum + t;
            j += 1;
            if !compare(head, sum).is_mismatch() {
                closed = true;
                break;
            }
            if decimal::cmp(sum.value, decimal::add(head.hi(), sum.half)).is_gt() {
                break;
            }
        }
        if !closed || j == i + 1 {
            return Vec::new();
        }
        units.push(i);
        i = j;
    }
    if units.len() < 2 {
        return Vec::new();
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Amount;

    #[test]
    fn subtotals() {
        let t = |s: &str| Some(Term::from(Amount::parse(s).unwrap()));
        let rows = [t("5"), t("2"), t("3"), t("4"), t("4")];
        assert_eq!(subtotals_by_arithmetic(&rows), vec![0, 3]);
        assert!(subtotals_by_arithmetic(&[t("5"), t("2"), t("7")]).is_empty());
    }
}
