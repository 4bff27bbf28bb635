//! Structure (S…): whether the tables are all there, whole and readable,
//! and name the same 科目 the same way; and whether the document was
//! recognised at all.

mod cell_unreadable;
mod code_completed;
mod code_level_missing;
mod code_name;
mod line_unparsed;
mod not_recognised;
mod table_missing;
mod table_truncated;
mod unplaced_row;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &table_missing::TableMissing,
    &table_truncated::TableTruncated,
    &cell_unreadable::CellUnreadable,
    &line_unparsed::LineUnparsed,
    &code_name::CodeName,
    &code_completed::CodeCompleted,
    &code_level_missing::CodeLevelMissing,
    &not_recognised::NotRecognised,
    &unplaced_row::UnplacedRow,
];
