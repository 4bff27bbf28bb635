//! The figures of tables placed already, and the identities between
//! tables that they turn into sums over the cells of the table being
//! placed: 表二 合计 = 表一 本年收入合计 (totals and fixed rows), and, by
//! 科目, 表一 each 类 = 表二 that 类's 合计 + 上年结转, 表三 each code = 表二
//! 合计 + 上年结转, 表四 each 类 ≤ 表一 that 类 (code rows).
//!
//! A code the table placed before does not have is zero there, as the
//! rules read it (`class_match.rs`, `code_match.rs`); a code row whose
//! figures were not placed with certainty is not used at all.

use super::{column, Constraint, Draft, Part, Role};
use crate::arith::Term;
use crate::model::Amount;
use crate::prelude::*;
use crate::profile::{ClassSource, Profile, Relation, RowSel, TableDef};

/// Figures of tables placed earlier in the document (or, when `rebuild`
/// places a table again, later), for the identities that tie tables
/// together.
#[derive(Debug, Default, Clone)]
pub struct Known {
    /// Totals and fixed rows, by table, row and column.
    cells: Vec<(&'static str, Sel, &'static str, Term)>,
    /// Code rows: table, code, column, figure (None: not placed); sorted
    /// by table and code, so that a lookup is a bisection, not a pass over
    /// every code row known (thousands, in a document of nine tables by
    /// 科目, looked up for each code of each table placed).
    codes: Vec<CodeCell>,
    /// Tables whose code rows are all in `codes`: a code they lack is
    /// absent (zero), not unknown.
    coded: Vec<&'static str>,
    /// How many times `remember` changed what is known: a table read when
    /// this was the same is read the same again.
    changes: usize,
    /// How hard the readings under way search.
    effort: Effort,
    /// The text comes in the order the PDF draws it (a PDF viewer's copy):
    /// a coded row's name was seen running onto the line of its figures
    /// (`spaced::labelled`). A wrapped name then ends on its row's figure
    /// line, not centred on it.
    drawn_order: bool,
}

/// A code row's cell of a table placed: table, code, column, figure.
type CodeCell = (&'static str, String, &'static str, Option<Term>);

/// How hard a reading searches a run too long to list every placement of
/// (`search.rs`). The first reading of a document's tables, when little
/// of the other tables is known, gives up early: a table it leaves
/// unplaced is read again, searched in full, once the tables after it are
/// known — when the search is far shorter.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    First,
    #[default]
    Full,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sel {
    Total,
    Fixed(&'static str),
    Root,
    Code(&'static str),
}

impl Sel {
    pub(super) fn of(row: RowSel) -> Sel {
        match row {
            RowSel::Total => Sel::Total,
            RowSel::Fixed(k) => Sel::Fixed(k),
            RowSel::TreeRoot => Sel::Root,
            RowSel::Code(c) => Sel::Code(c),
        }
    }
}

impl Known {
    /// Counts the changes to what is known: equal counts, equal knowledge.
    pub fn changes(&self) -> usize {
        self.changes
    }

    pub fn effort(&self) -> Effort {
        self.effort
    }

    pub fn set_effort(&mut self, effort: Effort) {
        self.effort = effort;
    }

    pub fn drawn_order(&self) -> bool {
        self.drawn_order
    }

    pub fn saw_drawn_order(&mut self) {
        self.drawn_order = true;
    }

    pub(super) fn get(&self, table: &str, sel: Sel, column: &str) -> Option<Term> {
        self.cells
            .iter()
            .find(|c| c.0 == table && c.1 == sel && c.2 == column)
            .map(|c| c.3)
    }

    /// A cell of a table placed before as it printed it: a total, a fixed
    /// row, or a code row the table has (one it lacks says nothing here:
    /// an inequality is not read against a row not printed).
    pub(super) fn printed(&self, table: &str, row: RowSel, column: &str) -> Option<Term> {
        match row {
            RowSel::Code(code) => self
                .code_cells(table, code)
                .iter()
                .find(|c| c.2 == column)
                .and_then(|c| c.3),
            _ => self.get(table, Sel::of(row), column),
        }
    }

    /// A fixed row's figure by its key as a document printed it (a 类's
    /// code).
    fn fixed(&self, table: &str, key: &str, column: &str) -> Option<Term> {
        self.cells
            .iter()
            .find(|c| c.0 == table && matches!(c.1, Sel::Fixed(k) if k == key) && c.2 == column)
            .map(|c| c.3)
    }

    /// A code's figure in a table placed before: zero when the table has
    /// no such row; None when the table is not known or the figure was
    /// not placed.
    fn code(&self, table: &str, code: &str, column: &str) -> Option<Term> {
        if !self.coded.contains(&table) {
            return None;
        }
        match self.code_cells(table, code) {
            [] => Some(Term::ZERO),
            cells => cells.iter().find(|c| c.2 == column).and_then(|c| c.3),
        }
    }

    /// The cells of `table`'s row of `code`, one a column (none when the
    /// table is not known or lacks the row).
    fn code_cells(&self, table: &str, code: &str) -> &[CodeCell] {
        let key = (table, code);
        let from = self.codes.partition_point(|c| (c.0, c.1.as_str()) < key);
        let rest = &self.codes[from..];
        &rest[..rest.partition_point(|c| (c.0, c.1.as_str()) == key)]
    }

    /// Keeps this table's placed totals, fixed rows and code rows for the
    /// tables placed after it; a table placed again replaces what its
    /// first placing left.
    pub(super) fn remember(
        &mut self,
        def: &'static TableDef,
        drafts: &[Draft],
        cells: &[Vec<String>],
        unsure: &[bool],
    ) {
        let before = self.of_table(def.id);
        self.cells.retain(|c| c.0 != def.id);
        self.codes.retain(|c| c.0 != def.id);
        let term = |text: &str| {
            if text.is_empty() {
                Some(Term::ZERO)
            } else {
                Amount::parse(text).map(Term::from)
            }
        };
        let mut root_seen = false;
        let mut has_codes = false;
        for (d, draft) in drafts.iter().enumerate() {
            let columns = def.sides[draft.side].columns;
            if let Role::Code(code) = &draft.role {
                has_codes = true;
                // A cell every placement agrees on is known even when
                // another of the row's is not (`UNPLACED` reads as None).
                for (c, col) in columns.iter().enumerate() {
                    self.codes
                        .push((def.id, code.clone(), col.key, term(&cells[d][c])));
                }
                continue;
            }
            let sel = match draft.role {
                Role::Total => Sel::Total,
                Role::Fixed(k) => Sel::Fixed(k),
                Role::Node if !root_seen => {
                    root_seen = true;
                    Sel::Root
                }
                _ => continue,
            };
            if unsure[d] {
                continue;
            }
            for (c, col) in columns.iter().enumerate() {
                if let Some(t) = term(&cells[d][c]) {
                    self.cells.push((def.id, sel, col.key, t));
                }
            }
        }
        crate::slices::sort_stable_by(&mut self.codes, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        // A code printed short ("7 11 02": the parser completes it from
        // the class above) is not the code the other tables print: what
        // such a table lacks is unknown, not absent.
        let classes = classes(drafts);
        let well_formed = drafts.iter().all(|d| match &d.role {
            Role::Code(code) => well_formed(&classes, code),
            _ => true,
        });
        if has_codes && well_formed && !self.coded.contains(&def.id) {
            self.coded.push(def.id);
        }
        if self.of_table(def.id) != before {
            self.changes += 1;
        }
    }

    /// What is known of one table, in the order it was learnt: its cells,
    /// its code rows, and whether its codes are all known.
    #[allow(clippy::type_complexity)]
    fn of_table(
        &self,
        id: &str,
    ) -> (
        Vec<(Sel, &'static str, Term)>,
        Vec<(String, &'static str, Option<Term>)>,
        bool,
    ) {
        let cells = self.cells.iter().filter(|c| c.0 == id);
        let codes = self.codes.iter().filter(|c| c.0 == id);
        (
            cells.map(|c| (c.1, c.2, c.3)).collect(),
            codes.map(|c| (c.1.clone(), c.2, c.3)).collect(),
            self.coded.contains(&id),
        )
    }
}

/// A code of 3, 5 or 7 digits whose 类 is a row of the table: as the
/// other tables print it, not one printed short that the parser completes.
fn well_formed(classes: &[&str], code: &str) -> bool {
    matches!(code.len(), 3 | 5 | 7)
        && code.bytes().all(|b| b.is_ascii_digit())
        && classes.contains(&&code[..3])
}

/// The 类 codes the table's rows print (3 characters), for
/// [`well_formed`]: told once a table, not once a row.
fn classes(drafts: &[Draft]) -> Vec<&str> {
    drafts
        .iter()
        .filter_map(|d| match &d.role {
            Role::Code(c) if c.len() == 3 => Some(c.as_str()),
            _ => None,
        })
        .collect()
}

/// A 类's fixed row ("201"): the key of a class row of 表一/表四.
fn is_class_key(key: &str) -> bool {
    key.len() == 3 && key.bytes().all(|b| b.is_ascii_digit())
}

/// The sums `ClassMatch` identities make of this table's class rows (表一,
/// 表四) or 类 code rows (表二), with the other table's figures known.
pub(super) fn class_matches(
    def: &'static TableDef,
    profile: &Profile,
    drafts: &[Draft],
    known: &Known,
    out: &mut Vec<Constraint>,
) {
    let classes = classes(drafts);
    for identity in profile.identities {
        let crate::profile::Identity::ClassMatch {
            left,
            right_table,
            right_column,
            relation,
            ..
        } = identity
        else {
            continue;
        };
        let equal = match relation {
            Relation::Equal => Some(true),
            Relation::AtMostEqualWithoutOwnFunds => own_funds(profile, known).map(|own| !own),
        };
        for (d, draft) in drafts.iter().enumerate() {
            let (left_parts, right_parts) = if *right_table == def.id {
                // This table's class row against the left table's 类.
                let Role::Fixed(key) = draft.role else {
                    continue;
                };
                let Some(c) = column(def, draft.side, right_column).filter(|_| is_class_key(key))
                else {
                    continue;
                };
                let Some(sum) = left_sum(known, left, key) else {
                    continue;
                };
                (vec![Part::Fixed(sum)], vec![Part::Cell(d, c)])
            } else if left_table(left) == def.id {
                // This table's 类 against the right table's class row,
                // which the rule reads only where the right table has it.
                let key = match (&draft.role, left) {
                    (Role::Code(code), ClassSource::CodeRows { .. })
                        if code.len() == 3 && well_formed(&classes, code) =>
                    {
                        code.as_str()
                    }
                    (Role::Fixed(key), ClassSource::ClassRows { .. }) if is_class_key(key) => key,
                    _ => continue,
                };
                let Some(limit) = known.fixed(right_table, key, right_column) else {
                    continue;
                };
                let cells: Option<Vec<Part>> = left_columns(left)
                    .iter()
                    .map(|k| column(def, draft.side, k).map(|c| Part::Cell(d, c)))
                    .collect();
                let Some(cells) = cells else { continue };
                (cells, vec![Part::Fixed(limit)])
            } else {
                continue;
            };
            match equal {
                Some(true) => out.push(Constraint {
                    left: left_parts,
                    right: right_parts,
                    at_most: false,
                }),
                // At most: unknown whether it is equal.
                _ => out.push(Constraint {
                    left: left_parts,
                    right: right_parts,
                    at_most: true,
                }),
            }
        }
    }
}

fn left_table(source: &ClassSource) -> &'static str {
    match source {
        ClassSource::CodeRows { table, .. } | ClassSource::ClassRows { table, .. } => table,
    }
}

fn left_columns(source: &ClassSource) -> &[&'static str] {
    match source {
        ClassSource::CodeRows { columns, .. } => columns,
        ClassSource::ClassRows { column, .. } => core::slice::from_ref(column),
    }
}

/// Σ the left table's figures of a class, as known; None when unknown.
fn left_sum(known: &Known, source: &ClassSource, key: &str) -> Option<Term> {
    let table = left_table(source);
    left_columns(source)
        .iter()
        .map(|c| match source {
            ClassSource::CodeRows { .. } => known.code(table, key, c),
            ClassSource::ClassRows { .. } => known.fixed(table, key, c),
        })
        .sum::<Option<Term>>()
}

/// Whether the 收支总表 shows 财政专户管理资金 or 单位资金 income, as
/// `class_match.rs` asks; None while its figures are not known.
fn own_funds(profile: &Profile, known: &Known) -> Option<bool> {
    let summary = profile
        .tables
        .iter()
        .find(|t| t.role == crate::profile::Role::Summary)?;
    let mut own = false;
    for key in ["special", "own"] {
        let t = known.fixed(summary.id, key, "income")?;
        own |= !t.value.is_zero();
    }
    Some(own)
}

/// The sums `CodeMatch` identities make of this table's code rows (表三 =
/// 表二 合计 + 上年结转, 表五 = 表二 一般公共预算; Shanghai 表5 ≤ 表3 by
/// column, a blank part of 表3 then told from 表5's), with the other tables'
/// figures known: every code of this table, a code another table lacks
/// being zero there.
pub(super) fn code_matches(
    def: &'static TableDef,
    profile: &Profile,
    drafts: &[Draft],
    known: &Known,
    out: &mut Vec<Constraint>,
) {
    let classes = classes(drafts);
    for identity in profile.identities {
        let crate::profile::Identity::CodeMatch {
            left,
            right,
            at_most,
            ..
        } = identity
        else {
            continue;
        };
        let all = core::iter::once((true, *left)).chain(right.iter().map(|r| (false, *r)));
        if !all.clone().any(|(_, (t, _))| t == def.id) {
            continue;
        }
        for (d, draft) in drafts.iter().enumerate() {
            let Role::Code(code) = &draft.role else {
                continue;
            };
            if !well_formed(&classes, code) {
                continue;
            }
            let mut l = Vec::new();
            let mut r = Vec::new();
            let complete = all.clone().all(|(is_left, (table, col))| {
                let part = if table == def.id {
                    column(def, draft.side, col).map(|c| Part::Cell(d, c))
                } else {
                    known.code(table, code, col).map(Part::Fixed)
                };
                match part {
                    Some(p) if is_left => l.push(p),
                    Some(p) => r.push(p),
                    None => return false,
                }
                true
            });
            if complete {
                out.push(Constraint {
                    left: l,
                    right: r,
                    at_most: *at_most,
                });
            }
        }
    }
}
