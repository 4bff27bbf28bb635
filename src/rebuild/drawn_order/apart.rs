//! Labels a PDF drew apart from the rows they label, after a table's
//! title or after its last row, and the lines they go right above
//! ([`labels_drawn_apart`]): the one case but the last table's next page
//! where what stands after a title is settled.

use super::{is_content, is_note, may_be_row_of, opens_on_total, printed, Move};
use alloc::borrow::Cow;

use crate::lines::Lines;
use crate::parse::tables::strip_ordinal;
use crate::prelude::*;
use crate::profile::{FixedRow, RowScheme, TableDef};
use crate::rebuild::tokens;
use crate::text::fold_key;

/// The lines after title `k` that are not header words (`rows_after`),
/// each with the line it goes right above, when every one of them is a
/// label its table lacks where its figures stand; None when one is not, or
/// its place is not certain.
///
/// Three kinds of label a PDF draws apart from their rows:
/// - the label of the row the table opens on ([`is_first_row_label`]: 合计,
///   收入总计), over the lone figure it opens on
///   ([`Apart::missing_total`]), when nothing but labels and notes follows
///   it (a 合计 before header words may be a piece of the next table's
///   header);
/// - a side's last rows, labels alone ([`Apart::bottom_rows`]: 2018's
///   收支预算总表, 当年支出小计 / 结转下年资金 / 支出合计), after the table's
///   rows, where the other years' copies print them;
/// - the names of the groups whose 小计 is printed bare (收入预算总表's
///   "一般公共预算资金 | 小计"), over their 小计 lines
///   ([`Apart::group_names`]), which may move names drawn after the rows
///   too.
///
/// Each is the table's own, not the next table's: this table can take it
/// from nowhere else (the title before drew nothing but header words, or
/// its own labels), no table has two, and the next table's rows cannot be
/// it ([`may_be_row_of`]) where another table may have one alike.
pub(super) fn labels_drawn_apart(
    lines: &Lines,
    raw: &[&str],
    moves: &[Move],
    k: usize,
    drawn_after: &[usize],
    rows_after: &[usize],
) -> Option<Vec<(usize, usize)>> {
    let apart = Apart {
        lines,
        raw,
        table: &moves[k],
        next: moves.get(k + 1).map(|next| next.def),
    };
    let mut labels = Vec::new();
    let mut rest = rows_after.to_vec();
    if let Some(at) = rest
        .iter()
        .position(|&i| is_first_row_label(apart.table.def, &apart.key(i)))
    {
        let label = rest[at];
        let alone = drawn_after
            .iter()
            .all(|&i| i <= label || rows_after.contains(&i) || is_note(apart.printed(i)));
        if !alone {
            return None;
        }
        labels.push((rest.remove(at), apart.missing_total()?));
    }
    let bottom = apart.bottom_rows(&rest);
    rest.retain(|i| !bottom.contains(i));
    let end_of_rows = apart.table.title.start;
    labels.extend(bottom.into_iter().map(|i| (i, end_of_rows)));
    if !rest.is_empty() {
        labels.extend(apart.group_names(&rest)?);
    }
    Some(labels)
}

/// Whether `key` (folded) labels the row a table of one side opens on: the
/// 合计 of a table of 科目 rows, the first row of a table of fixed rows
/// (收入预算总表's 收入总计).
fn is_first_row_label(def: &TableDef, key: &str) -> bool {
    match def.sides {
        [side] => match side.rows {
            RowScheme::Fixed(rows) => rows.first().is_some_and(|row| row.label == key),
            _ => opens_on_total(def) && tokens::is_total_key(key),
        },
        _ => false,
    }
}

/// A group's 小计, as folded.
const SUBTOTAL: &str = "小计";

/// What the labels drawn apart are looked for in: a table (its rows run
/// from its start to where its title stood) and the table after it.
struct Apart<'a> {
    lines: &'a Lines,
    raw: &'a [&'a str],
    table: &'a Move,
    next: Option<&'static TableDef>,
}

impl Apart<'_> {
    fn printed(&self, i: usize) -> &str {
        printed(self.raw, &self.lines.all[i])
    }

    fn key(&self, i: usize) -> Cow<'_, str> {
        fold_key(self.printed(i))
    }

    /// The table's lines, labels and figures, before the title moved.
    fn body(&self) -> impl Iterator<Item = usize> + '_ {
        (self.table.start..self.table.title.start).filter(|&i| is_content(&self.lines.all[i]))
    }

    /// Whether the next table may have line `i` as a row.
    fn next_may_take(&self, i: usize) -> bool {
        self.next
            .is_some_and(|def| may_be_row_of(def, &self.key(i)))
    }

    /// The table's fixed rows when it has one side.
    fn single_side_rows(&self) -> Option<&'static [FixedRow]> {
        match self.table.def.sides {
            [side] => match side.rows {
                RowScheme::Fixed(rows) => Some(rows),
                _ => None,
            },
            _ => None,
        }
    }

    /// Where the label of the row a table opens on ([`is_first_row_label`])
    /// is missing, the line it goes right above: the lone figure the table
    /// opens on (its first line with a figure, all of whose words are
    /// figures), or, in a table with no figure at all, where its title
    /// stood. None when the table has that label's line, or opens on a row
    /// with its label.
    fn missing_total(&self) -> Option<usize> {
        let opens_on_label = |text: &str| is_first_row_label(self.table.def, &fold_key(text));
        for i in self.body() {
            let text = self.printed(i);
            if opens_on_label(text) || text.split_whitespace().next().is_some_and(opens_on_label) {
                return None;
            }
            let mut words = text.split_whitespace();
            if words.clone().any(tokens::is_figure) {
                return words.all(tokens::is_figure).then_some(i);
            }
        }
        Some(self.table.title.start)
    }

    /// Of the lines `after` the title, those that are the last rows of a
    /// side of the table, labels alone, in the template's order and down
    /// to the side's last row, none of them among the table's rows and
    /// none a row the next table may have; else none. They go after the
    /// table's rows, where `spaced::bottom_rows_printed_after` gives them
    /// the figures the other side's last lines hold beyond their own.
    fn bottom_rows(&self, after: &[usize]) -> Vec<usize> {
        let in_body = |label: &str| {
            self.body().any(|i| {
                self.printed(i)
                    .split_whitespace()
                    .any(|w| strip_ordinal(&fold_key(w)) == label)
            })
        };
        for side in self.table.def.sides {
            let RowScheme::Fixed(rows) = side.rows else {
                continue;
            };
            let row_of = |i: usize| {
                let key = self.key(i);
                rows.iter().position(|row| row.label == key)
            };
            let found: Vec<usize> = after
                .iter()
                .copied()
                .filter(|&i| row_of(i).is_some())
                .collect();
            let Some(first) = found.first().and_then(|&i| row_of(i)) else {
                continue;
            };
            let in_order = found.len() == rows.len() - first
                && found
                    .iter()
                    .zip(first..)
                    .all(|(&i, row)| row_of(i) == Some(row) && !in_body(rows[row].label));
            let theirs = found.iter().any(|&i| self.next_may_take(i));
            if in_order && !theirs {
                return found;
            }
        }
        Vec::new()
    }

    /// The names of the table's groups printed apart from their 小计 lines,
    /// each with the bare 小计 line it goes right above: `after` (lines
    /// drawn after the title) must all be such names, and the table's rows
    /// may hold more (drawn after its last row). None unless every one of
    /// them finds its line.
    ///
    /// A group's row is "一般公共预算资金 | 小计" (a fixed row "…小计"); a
    /// PDF may draw the names last. The 小计 lines left bare (a name right
    /// above one is in place) are the groups' in the template's order, and
    /// the names apart are the names of those groups, each printed once:
    /// when they are as many, the k-th name in the template's order is the
    /// k-th bare 小计's. A name the next table's rows may begin with could
    /// be that table's: then nothing is placed.
    fn group_names(&self, after: &[usize]) -> Option<Vec<(usize, usize)>> {
        let groups: Vec<&str> = self
            .single_side_rows()?
            .iter()
            .filter_map(|row| row.label.strip_suffix(SUBTOTAL))
            .filter(|group| !group.is_empty())
            .collect();
        let group_of = |i: usize| {
            let key = self.key(i);
            groups.iter().position(|g| *g == key)
        };
        // The names apart, by the group each names.
        let mut names: Vec<(usize, usize)> = Vec::new();
        for &i in after {
            names.push((group_of(i).filter(|_| !self.next_may_take(i))?, i));
        }
        let body: Vec<usize> = self.body().collect();
        let is_bare_subtotal = |i: usize| {
            self.printed(i)
                .split_whitespace()
                .next()
                .is_some_and(|w| fold_key(w) == SUBTOTAL)
        };
        let mut bare: Vec<usize> = Vec::new();
        for (n, &i) in body.iter().enumerate() {
            if is_bare_subtotal(i) {
                let named_above = n > 0 && group_of(body[n - 1]).is_some();
                if !named_above {
                    bare.push(i);
                }
            } else if let Some(group) = group_of(i) {
                let over_its_subtotal = body.get(n + 1).is_some_and(|&j| is_bare_subtotal(j));
                if !over_its_subtotal {
                    names.push((group, i));
                }
            }
        }
        // In the template's order, each group named once.
        let mut in_order: Vec<usize> = Vec::with_capacity(names.len());
        for group in 0..groups.len() {
            let mut named = names.iter().filter(|&&(g, _)| g == group);
            if let Some(&(_, line)) = named.next() {
                if named.next().is_some() {
                    return None;
                }
                in_order.push(line);
            }
        }
        (in_order.len() == bare.len()).then(|| in_order.into_iter().zip(bare).collect())
    }
}
