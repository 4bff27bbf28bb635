//! The document model: what the parse stage builds and every rule reads.
//!
//! A [`Document`] holds the rebuilt tables (with every cell's original line
//! number), and later the narrative facts and the 绩效 forms. Nothing here
//! knows how text was read or which identities must hold: the parse stage
//! fills it, the rules query it.

mod amount;
mod document;
pub mod forms;
mod narrative;
pub mod special;
mod table;

pub use amount::{Amount, Cell};
pub use document::{DocKind, Document, DocumentInfo};
pub use forms::Forms;
pub use narrative::{
    chinese_number, Change, Count, Direction, Fact, NameItem, NameList, Narrative, Quote, Section,
    Sentence, Share, Statement,
};
pub use special::SpecialFunds;
pub use table::{class_completed, BlanksInDoubt, Column, Row, RowKind, Side, Table, TableId};
