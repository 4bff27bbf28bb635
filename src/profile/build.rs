//! The const helpers profiles are written with, shared so that every
//! template reads the same way.

use super::types::*;
use crate::model::Side;

pub(super) const fn col(key: &'static str, name: &'static str) -> ColumnDef {
    ColumnDef { key, name }
}

pub(super) const fn at(table: &'static str, row: RowSel, column: &'static str) -> CellRef {
    CellRef { table, row, column }
}

/// A fixed row named by `label`.
pub(super) const fn row(key: &'static str, label: &'static str) -> FixedRow {
    FixedRow {
        key,
        label,
        class_code: None,
        optional: false,
    }
}

/// An expenditure class row: its key is its 类 科目编码.
pub(super) const fn class(code: &'static str, label: &'static str) -> FixedRow {
    FixedRow {
        key: code,
        label,
        class_code: Some(code),
        optional: false,
    }
}

/// In every row of `table`: `total` = Σ `parts`.
pub(super) const fn row_sum(
    table: &'static str,
    total: &'static str,
    parts: &'static [&'static str],
) -> Identity {
    Identity::RowSum {
        table,
        total,
        parts,
    }
}

/// 类 = Σ 款 = Σ 项 in each column listed.
pub(super) const fn hierarchy(table: &'static str, columns: &'static [&'static str]) -> Identity {
    Identity::CodeHierarchy { table, columns }
}

/// `left` = Σ `right` (one figure against the sum of others).
pub(super) const fn cross(
    left: CellRef,
    right: &'static [CellRef],
    note: &'static str,
) -> Identity {
    Identity::CrossTotal { left, right, note }
}

/// Fixed row `total` = Σ fixed rows `parts`, in each column listed.
pub(super) const fn fixed_sum(
    table: &'static str,
    total: &'static str,
    parts: &'static [&'static str],
    columns: &'static [&'static str],
) -> Identity {
    Identity::FixedSum {
        table,
        total,
        parts: PartRows::Keys(parts),
        columns,
    }
}

pub(super) const fn single(
    label_cells: usize,
    columns: &'static [ColumnDef],
    rows: RowScheme,
) -> [SideDef; 1] {
    [SideDef {
        side: Side::Single,
        label_cells,
        columns,
        rows,
    }]
}

/// A row the template prints only when it has figures, or another name
/// of a row (same key).
pub(super) const fn optional(row: FixedRow) -> FixedRow {
    FixedRow {
        optional: true,
        ..row
    }
}
