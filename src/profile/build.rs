//! The const helpers profiles are written with, shared so that every
//! template reads the same way.

use super::types::*;
use crate::model::{Side, TableId};

pub(super) const fn col(key: &'static str, name: &'static str) -> ColumnDef {
    ColumnDef { key, name }
}

pub(super) const fn at(table: &'static str, row: RowSel, column: &'static str) -> CellRef {
    CellRef { table, row, column }
}

/// Code by code, `left` ≤ `right` in one column: a table of one source's
/// spending by function against the table of all spending (Shanghai's
/// 一般公共预算 表5 against 表3), every code of either table.
pub(super) const fn code_at_most(
    left: (TableId, &'static str),
    right: &'static [(TableId, &'static str)],
    note: &'static str,
) -> Identity {
    Identity::CodeMatch {
        left,
        right,
        at_most: true,
        note,
    }
}

/// `left ≤ right` (a part of a total printed elsewhere), nothing said when
/// below.
pub(super) const fn at_most(left: CellRef, right: CellRef, note: &'static str) -> Identity {
    Identity::AtMost {
        left,
        right,
        note,
        when_below: "",
    }
}

/// A total the 情况说明's `section` restates from `table` (N151): its
/// statement's label holds `words`, and none of the words of a reason, a
/// comparison with last year or a share.
pub(super) const fn said(
    section: Role,
    words: &'static [&'static str],
    table: Role,
    row: RowSel,
    column: &'static str,
) -> RestatedFigure {
    RestatedFigure {
        section,
        words,
        not: &["原因", "是", "含", "上年", "比"],
        table,
        row,
        column,
    }
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

/// Rows nested by how they are labelled (see [`Identity::Outline`]).
pub(super) const fn outline(
    table: &'static str,
    columns: &'static [&'static str],
    levels: &'static [Level],
) -> Identity {
    Identity::Outline {
        table,
        columns,
        levels,
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

/// The expenditure classes (类) a Shanghai 收支总表 may print, each only
/// when funded, with 210's pre-2019 name as another name of it; then the
/// rows that close the side.
macro_rules! classes_then {
    ($($closing:expr),* $(,)?) => {
        &[
            optional(class("201", "一般公共服务支出")),
            optional(class("202", "外交支出")),
            optional(class("203", "国防支出")),
            optional(class("204", "公共安全支出")),
            optional(class("205", "教育支出")),
            optional(class("206", "科学技术支出")),
            optional(class("207", "文化旅游体育与传媒支出")),
            optional(class("208", "社会保障和就业支出")),
            optional(class("209", "社会保险基金支出")),
            optional(class("210", "卫生健康支出")),
            optional(class("210", "医疗卫生与计划生育支出")),
            optional(class("211", "节能环保支出")),
            optional(class("212", "城乡社区支出")),
            optional(class("213", "农林水支出")),
            optional(class("214", "交通运输支出")),
            optional(class("215", "资源勘探工业信息等支出")),
            optional(class("216", "商业服务业等支出")),
            optional(class("217", "金融支出")),
            optional(class("219", "援助其他地区支出")),
            optional(class("220", "自然资源海洋气象等支出")),
            optional(class("221", "住房保障支出")),
            optional(class("222", "粮油物资储备支出")),
            optional(class("223", "国有资本经营预算支出")),
            optional(class("224", "灾害防治及应急管理支出")),
            optional(class("227", "预备费")),
            optional(class("229", "其他支出")),
            optional(class("230", "转移性支出")),
            optional(class("231", "债务还本支出")),
            optional(class("232", "债务付息支出")),
            optional(class("233", "债务发行费用支出")),
            optional(class("234", "抗疫特别国债安排的支出")),
            $($closing),*
        ]
    };
}
pub(super) use classes_then;
