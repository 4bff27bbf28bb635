//! Reading one table line as the rows of the profile's sides.

use crate::lines::Line;
use crate::model::{class_completed, Cell, Row, RowKind, Table};
use crate::parse::UnparsedLine;
use crate::prelude::*;
use crate::profile::{CellPlacement, RowScheme, SideDef, TableDef};
use crate::rebuild::UNPLACED;
use crate::text::{fold_key, is_chinese_digit, leading_digits};

pub(super) struct Builder {
    def: &'static TableDef,
    /// 表六 group names of the profile.
    groups: &'static [&'static str],
    table: Table,
    /// Per side: position reached in its fixed rows, rows read so far.
    fixed_pos: Vec<usize>,
    seen_data: bool,
    unparsed: Vec<UnparsedLine>,
    /// The printed code cells of the row being read, when its code was
    /// completed from the enclosing rows.
    completed_from: Option<String>,
    placement: CellPlacement,
    /// [`CellPlacement::Content`]: per side, the leftmost cell where one of
    /// its fixed rows' labels was seen.
    side_start: Vec<Option<usize>>,
    /// [`CellPlacement::Content`]: a line of figures alone, not yet given
    /// to a row (line number, text, figures).
    pending: Option<(usize, String, Vec<String>)>,
    /// [`CellPlacement::Content`]: the last line fed gave a row printed
    /// without figures (its index in `table.rows`).
    bare_row: Option<usize>,
    /// [`CellPlacement::Content`]: the filled cells (position, text) of
    /// each line of text alone before the first row: the header, one line
    /// per level when it is stacked.
    header: Vec<Vec<(usize, String)>>,
    /// Per side: a fixed row's label cut in two (a page break, a wrap), its
    /// first piece without a figure ("十七、国土海洋气象等支"), waiting for
    /// the rest on the side's next line ("出").
    cut_label: Vec<Option<CutLabel>>,
}

/// The first piece of a label cut in two, and its line.
struct CutLabel {
    no: usize,
    text: String,
    label: String,
}

enum Outcome {
    Row(Row),
    Header,
    Empty,
    Unrecognised(String),
}

impl Builder {
    pub fn new(
        def: &'static TableDef,
        groups: &'static [&'static str],
        placement: CellPlacement,
        table: Table,
    ) -> Builder {
        Builder {
            def,
            groups,
            table,
            fixed_pos: vec![0; def.sides.len()],
            seen_data: false,
            unparsed: Vec::new(),
            completed_from: None,
            placement,
            side_start: vec![None; def.sides.len()],
            pending: None,
            bare_row: None,
            header: Vec::new(),
            cut_label: (0..def.sides.len()).map(|_| None).collect(),
        }
    }

    /// Continues a table whose title was printed again after a page break.
    pub fn resume(
        def: &'static TableDef,
        groups: &'static [&'static str],
        placement: CellPlacement,
        table: Table,
    ) -> Builder {
        let seen_data = !table.rows.is_empty();
        let mut b = Builder::new(def, groups, placement, table);
        b.seen_data = seen_data;
        for (i, side) in def.sides.iter().enumerate() {
            b.fixed_pos[i] = b.last_fixed_position(side);
        }
        b
    }

    fn last_fixed_position(&self, side: &SideDef) -> usize {
        let RowScheme::Fixed(fixed) = &side.rows else {
            return 0;
        };
        self.table
            .rows
            .iter()
            .filter(|r| r.side == side.side)
            .filter_map(|r| match r.kind {
                RowKind::Fixed { key } => fixed.iter().position(|f| f.key == key),
                _ => None,
            })
            .max()
            .map(|p| p + 1)
            .unwrap_or(0)
    }

    pub fn set_unit(&mut self, unit: &str) {
        if self.table.unit.is_none() && !unit.is_empty() {
            self.table.unit = Some(unit.to_string());
        }
    }

    pub fn declare_empty(&mut self) {
        self.table.declared_empty = true;
    }

    pub fn feed(&mut self, line: &Line) {
        self.table.end_line = line.no;
        if is_column_number_row(line) {
            return;
        }
        if self.placement == CellPlacement::Content {
            self.feed_by_content(line);
            return;
        }
        let cells = line.cell_list();
        let mut offset = 0;
        let mut any_row = false;
        let mut problems = Vec::new();
        for (side_idx, side) in self.def.sides.iter().enumerate() {
            let width = side.label_cells + side.columns.len();
            let last = side_idx + 1 == self.def.sides.len();
            let end = if last {
                cells.len().max(offset)
            } else {
                (offset + width).min(cells.len())
            };
            let slice: &[&str] = if offset < cells.len() {
                &cells[offset..end]
            } else {
                &[]
            };
            let outcome = self.read_side(side_idx, side, slice, line);
            any_row |= self.take(outcome, &mut problems);
            offset += width;
        }
        self.close_line(line, any_row, problems);
    }

    /// Keeps what reading one side of a line gave: a row, or why the
    /// cells were not one (`problems`). Whether it was a row.
    fn take(&mut self, outcome: Outcome, problems: &mut Vec<String>) -> bool {
        match outcome {
            Outcome::Row(row) => {
                self.table.rows.push(row);
                return true;
            }
            Outcome::Unrecognised(reason) => problems.push(reason),
            Outcome::Header | Outcome::Empty => {}
        }
        false
    }

    /// After a line's sides: data has begun once a row was read, and each
    /// problem is an unparsed line of the table.
    fn close_line(&mut self, line: &Line, any_row: bool, problems: Vec<String>) {
        if any_row {
            self.seen_data = true;
        }
        for reason in problems {
            self.unparsed.push(UnparsedLine {
                line: line.no,
                table: self.def.id,
                text: line.text.clone(),
                reason,
            });
        }
    }

    fn read_side(
        &mut self,
        side_idx: usize,
        side: &'static SideDef,
        slice: &[&str],
        line: &Line,
    ) -> Outcome {
        let label = |i: usize| slice.get(i).copied().unwrap_or("");
        // A dash stands for an empty cell in some exports.
        let mut labels: Vec<&str> = Vec::with_capacity(side.label_cells);
        for i in 0..side.label_cells {
            let l = label(i);
            labels.push(if is_dash(l) { "" } else { l });
        }
        // A total whose label cell spans the side's label columns ("合计 |
        // 1 | 2 | 3": Word copies a merged cell as one, and extractors print
        // it so) has its figures right after it.
        let first_amount = if names_a_total(label(0)) && label_cells_merged(slice, side) {
            1
        } else {
            side.label_cells
        };
        let amounts: Vec<Cell> = (0..side.columns.len())
            .map(|i| Cell::from_text(label(first_amount + i)))
            .collect();
        let extra_filled = slice.len() > side.label_cells + side.columns.len()
            && slice[side.label_cells + side.columns.len()..]
                .iter()
                .any(|c| !c.is_empty());
        let labels_blank = labels.iter().all(|l| l.is_empty());
        let has_values = amounts.iter().any(|c| matches!(c, Cell::Value { .. }));
        let has_text = amounts.iter().any(|c| matches!(c, Cell::Unreadable { .. }));
        if labels_blank && !has_values && !has_text {
            return Outcome::Empty;
        }
        let headerish = has_text
            && !has_values
            && (!self.seen_data || labels.iter().all(|l| l.is_empty() || is_header_word(l)));
        let l0 = labels.first().copied().unwrap_or("");
        let l1 = labels.get(1).copied().unwrap_or("");
        let kind_and_names: Result<(RowKind, Option<String>, String, Option<String>), Outcome> =
            match &side.rows {
                RowScheme::Codes => {
                    if is_total_label(l0) || (l0.is_empty() && is_total_label(l1)) {
                        Ok((RowKind::Total, None, "合计".into(), None))
                    } else if let Some((code, name)) = split_code(l0, l1) {
                        Ok((code_kind(&code), Some(code), name, None))
                    } else if headerish
                        || (!self.seen_data && !has_values)
                        || (labels_blank && !has_values)
                    {
                        Err(Outcome::Header)
                    } else {
                        Err(Outcome::Unrecognised(format!(
                            "{}：应为科目编码行或合计行",
                            self.def.id
                        )))
                    }
                }
                RowScheme::SplitCodes => {
                    let name_at = side.label_cells.saturating_sub(1);
                    // "合计" under the 类 款 项 header ("类 | 款 | 项 | 合计"),
                    // "人员经费合计" closing a block.
                    if labels.iter().any(|l| names_a_total(l)) {
                        Ok((RowKind::Total, None, "合计".into(), None))
                    } else if let Some(code) = self.join_code(&labels[..name_at]) {
                        // A 款 printed without its zero is that code as
                        // printed, not one completed from the rows above.
                        let printed = code_digits(&labels[..name_at]);
                        if !code.starts_with(&printed) {
                            self.completed_from = Some(labels[..name_at].join(" "));
                        }
                        let name = labels.get(name_at).copied().unwrap_or("").to_string();
                        Ok((code_kind(&code), Some(code), name, None))
                    } else if headerish
                        || !has_values
                        || labels.iter().all(|l| l.is_empty() || is_header_word(l))
                    {
                        Err(Outcome::Header)
                    } else {
                        Err(Outcome::Unrecognised(format!(
                            "{}：应为科目编码行或合计行",
                            self.def.id
                        )))
                    }
                }
                RowScheme::Values => {
                    // Figures a reader could not place are still the row's.
                    let unplaced = amounts
                        .iter()
                        .any(|c| matches!(c, Cell::Unreadable { text } if text == UNPLACED));
                    if (has_values || unplaced) && labels_blank {
                        Ok((RowKind::Total, None, "预算数".into(), None))
                    } else {
                        Err(Outcome::Header)
                    }
                }
                RowScheme::Fixed(fixed) => {
                    let start = self.fixed_pos[side_idx];
                    let position = |label: &str| {
                        let folded = fold_key(label);
                        let wanted = strip_ordinal(&folded);
                        fixed[start..]
                            .iter()
                            .position(|f| f.label == wanted)
                            .map(|p| p + start)
                            .or_else(|| fixed.iter().position(|f| f.label == wanted))
                    };
                    // The rest of a label cut in two (by a page break, or
                    // wrapped by an extractor): the two pieces are one row
                    // when together they are exactly one of the labels.
                    let joined = self.cut_label[side_idx]
                        .as_ref()
                        .map(|cut| format!("{}{l0}", cut.label))
                        .filter(|joined| position(joined).is_some());
                    if joined.is_some() {
                        self.cut_label[side_idx] = None;
                    } else {
                        self.drop_cut_label(side_idx);
                    }
                    let l0 = joined.as_deref().unwrap_or(l0);
                    let folded = fold_key(l0);
                    let wanted = strip_ordinal(&folded);
                    let found = position(l0);
                    let begins_a_row = !wanted.is_empty()
                        && fixed[start..].iter().any(|f| f.label.starts_with(wanted));
                    match found {
                        Some(pos) => {
                            self.fixed_pos[side_idx] = pos + 1;
                            let f = &fixed[pos];
                            Ok((
                                RowKind::Fixed { key: f.key },
                                f.class_code.map(str::to_string),
                                l0.to_string(),
                                None,
                            ))
                        }
                        None if headerish
                            || !self.seen_data
                            || is_header_word(l0)
                            || (!has_values && is_side_header(l0)) =>
                        {
                            Err(Outcome::Header)
                        }
                        None if wanted.is_empty() && !has_values => Err(Outcome::Empty),
                        None if begins_a_row && !has_values => {
                            self.cut_label[side_idx] = Some(CutLabel {
                                no: line.no,
                                text: line.text.clone(),
                                label: l0.to_string(),
                            });
                            Err(Outcome::Empty)
                        }
                        None => Err(Outcome::Unrecognised(format!(
                            "{}：「{}」不是本表应有的行",
                            self.def.id, l0
                        ))),
                    }
                }
                RowScheme::Economic => {
                    if is_total_label(l0) {
                        Ok((RowKind::Total, None, "合计".into(), None))
                    } else if l0.is_empty() || headerish || is_header_word(l0) {
                        if has_values {
                            Err(Outcome::Unrecognised(format!(
                                "{}：有金额但没有经济科目名称",
                                self.def.id
                            )))
                        } else {
                            Err(Outcome::Header)
                        }
                    } else {
                        let key = fold_key(l0);
                        let group = l1.is_empty() && self.groups.iter().any(|g| *g == key);
                        let secondary = (!l1.is_empty()).then(|| l1.to_string());
                        Ok((
                            if group {
                                RowKind::Group
                            } else {
                                RowKind::EconomicItem
                            },
                            None,
                            l0.to_string(),
                            secondary,
                        ))
                    }
                }
                RowScheme::Units | RowScheme::ProjectTree => {
                    let is_units = matches!(side.rows, RowScheme::Units);
                    // Before the first row with figures, a row without
                    // any is the header (公开12表's "采购品目大类 专项名称 …
                    // 总计"): the rows open on 合计 or 部门合计.
                    let header_of_units = is_units && !self.seen_data && !has_values;
                    if is_total_label(l0) || fold_key(l0) == "部门合计" {
                        Ok((RowKind::Total, None, l0.to_string(), None))
                    } else if l0.is_empty() || headerish || header_of_units || is_header_word(l0) {
                        if has_values && !is_header_word(l0) {
                            Err(Outcome::Unrecognised(format!(
                                "{}：有金额但没有名称",
                                self.def.id
                            )))
                        } else {
                            Err(Outcome::Header)
                        }
                    } else {
                        Ok((
                            if is_units {
                                RowKind::Unit
                            } else {
                                RowKind::Other
                            },
                            None,
                            l0.to_string(),
                            None,
                        ))
                    }
                }
            };
        match kind_and_names {
            Err(outcome) => outcome,
            Ok((kind, code, name, secondary)) => {
                if extra_filled {
                    self.unparsed.push(UnparsedLine {
                        line: line.no,
                        table: self.def.id,
                        text: line.text.clone(),
                        reason: format!("{}：单元格数多于表头列数，多出的内容未读取", self.def.id),
                    });
                }
                let index = self
                    .table
                    .rows
                    .iter()
                    .filter(|r| r.side == side.side)
                    .count()
                    + 1;
                Outcome::Row(Row {
                    line: line.no,
                    index,
                    kind,
                    side: side.side,
                    code,
                    printed_code: self.completed_from.take(),
                    name,
                    secondary,
                    cells: amounts,
                })
            }
        }
    }

    /// "208 | 05 | 01" → "2080501", "301 | 01" → "30101". A 类 cell
    /// that is not three digits (FL24 prints "7" for 210) takes the 类 of
    /// the enclosing row when its 款 is that row's.
    fn join_code(&self, parts: &[&str]) -> Option<String> {
        let (class, rest) = parts.split_first()?;
        let digits_only = |p: &&str| p.bytes().all(|b| b.is_ascii_digit());
        if !rest.iter().all(digits_only) || !rest.iter().all(|p| p.len() <= 2) {
            return None;
        }
        // 项 without 款 is not a code.
        if rest
            .iter()
            .skip_while(|p| !p.is_empty())
            .any(|p| !p.is_empty())
        {
            return None;
        }
        let tail = code_digits(rest);
        if class.len() == 3 && class.bytes().all(|b| b.is_ascii_digit()) {
            return Some(format!("{class}{tail}"));
        }
        if class.is_empty() || !digits_only(class) || tail.len() < 2 {
            return None;
        }
        let enclosing = self
            .table
            .rows
            .iter()
            .rev()
            .find_map(|r| r.code.as_deref().filter(|c| c.len() == 5))?;
        class_completed(&tail, enclosing)
    }

    pub fn finish(mut self) -> (Table, Vec<UnparsedLine>) {
        self.drop_pending();
        for side in 0..self.cut_label.len() {
            self.drop_cut_label(side);
        }
        (self.table, self.unparsed)
    }

    /// [`CellPlacement::Content`]: reads a line by what its cells hold.
    fn feed_by_content(&mut self, line: &Line) {
        let cells = line.cell_list();
        let filled: Vec<(usize, &str)> = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty() && !is_dash(c))
            .map(|(i, c)| (i, *c))
            .collect();
        if filled.is_empty() {
            return;
        }
        let single = self.def.sides.len() == 1;
        let figures_only = filled.iter().all(|(_, c)| is_figure(c));
        let labelled = self.def.sides.iter().all(|s| s.label_cells > 0);
        if single && labelled && figures_only && line.is_tabular() {
            self.figures_alone(line, filled.iter().map(|(_, c)| c.to_string()).collect());
            return;
        }
        if !self.seen_data && filled.iter().all(|(_, c)| !is_figure(c)) {
            self.header
                .push(filled.iter().map(|&(i, c)| (i, c.to_string())).collect());
        }
        if single && !labelled && figures_only && line.is_tabular() {
            // A rebuilt line's figures already stand in their columns.
            let width = self.def.sides[0].columns.len();
            let placed = (line.placed && cells.len() <= width)
                .then(|| cells.iter().map(|c| c.to_string()).collect());
            if let Some(slice) = placed.or_else(|| self.under_header(&self.def.sides[0], &filled)) {
                let refs: Vec<&str> = slice.iter().map(String::as_str).collect();
                let outcome = self.read_side(0, &self.def.sides[0], &refs, line);
                let mut problems = Vec::new();
                let any_row = self.take(outcome, &mut problems);
                self.close_line(line, any_row, problems);
                return;
            }
        }
        let bare_before = self.table.rows.len();
        // Cells per side.
        self.learn_side_starts(&filled);
        let mut per_side: Vec<Vec<&str>> = vec![Vec::new(); self.def.sides.len()];
        let mut split = vec![false; self.def.sides.len()];
        for (n, &(i, c)) in filled.iter().enumerate() {
            let side = self.side_at(i);
            per_side[side].push(c);
            if filled
                .get(n + 1)
                .is_some_and(|&(j, next)| j == i + 1 && looks_split(c, next))
            {
                split[side] = true;
            }
        }
        self.span_labels(&mut per_side);
        let mut any_row = false;
        let mut problems = Vec::new();
        for (side_idx, side) in self.def.sides.iter().enumerate() {
            let slice = content_slice(side, &per_side[side_idx], split[side_idx]);
            // A rebuild reader's unplaced cells are reported by it (S106).
            let read_unplaced = per_side[side_idx].contains(&UNPLACED);
            if !read_unplaced && slice.iter().any(|c| c == UNPLACED) {
                problems.push(format!(
                    "{}：金额个数少于列数，无法确定各金额所在的列，这些金额未读取",
                    self.def.id
                ));
            }
            let refs: Vec<&str> = slice.iter().map(String::as_str).collect();
            let outcome = self.read_side(side_idx, side, &refs, line);
            any_row |= self.take(outcome, &mut problems);
        }
        self.close_line(line, any_row, problems);
        // A row printed without figures, alone on its line: figures on a
        // line of their own next to it are its.
        let bare = single
            && self.table.rows.len() == bare_before + 1
            && self.table.rows[bare_before]
                .cells
                .iter()
                .all(|c| matches!(c, Cell::Blank));
        if let Some((no, text, figures)) = self.pending.take() {
            if bare {
                self.fill(bare_before, &figures, no);
            } else {
                self.pending = Some((no, text, figures));
                self.drop_pending();
            }
            self.bare_row = None;
        } else {
            self.bare_row = bare.then_some(bare_before);
        }
    }

    /// A line of figures alone: the figures of the row printed without
    /// them on the line before, else of the row on the line after.
    /// A line of figures alone under a header whose cells name every
    /// column of `side` at its own position (a PDF's grid: a header cell
    /// and the figures under it share their column), read by position:
    /// each figure is the column named where it stands, a column with no
    /// figure is blank. None when fewer columns are named, or a figure
    /// stands where no column is named: then the figures stay unplaced.
    fn under_header(&self, side: &SideDef, filled: &[(usize, &str)]) -> Option<Vec<String>> {
        let positions = side
            .columns
            .iter()
            .map(|c| self.header_position(c.name))
            .collect::<Option<Vec<usize>>>()?;
        if !positions.windows(2).all(|w| w[0] < w[1])
            || filled.iter().any(|(i, _)| !positions.contains(i))
        {
            return None;
        }
        let figure_at = |p: usize| filled.iter().find(|(i, _)| *i == p).map(|(_, c)| *c);
        Some(
            positions
                .iter()
                .map(|&p| figure_at(p).unwrap_or_default().to_string())
                .collect(),
        )
    }

    /// Where the header names a column: its name's last word ("小计" of
    /// "“三公”经费 小计") in a cell of its own, its earlier words on the
    /// header lines right above, each the cell at or left of that position
    /// (the one spanning it). Only where exactly one cell does.
    fn header_position(&self, name: &str) -> Option<usize> {
        let words: Vec<_> = name.split(' ').map(fold_key).collect();
        let (leaf, parents) = words.split_last()?;
        // The cell of a header line at or left of `at`: the one spanning it.
        let spans = |line: &[(usize, String)], at: usize, parent: &str| {
            line.iter()
                .rev()
                .find(|(i, _)| *i <= at)
                .is_some_and(|(_, text)| fold_key(text) == parent)
        };
        let mut found = self.header.iter().enumerate().flat_map(|(level, line)| {
            line.iter()
                .filter(|(_, text)| fold_key(text) == **leaf)
                .map(move |&(at, _)| (level, at))
        });
        let mut candidates = found.by_ref().filter(|&(level, at)| {
            level >= parents.len()
                && parents
                    .iter()
                    .rev()
                    .zip(self.header[..level].iter().rev())
                    .all(|(parent, line)| spans(line, at, parent))
        });
        let (_, at) = candidates.next()?;
        candidates.next().is_none().then_some(at)
    }

    fn figures_alone(&mut self, line: &Line, figures: Vec<String>) {
        self.drop_pending();
        if let Some(at) = self.bare_row.take() {
            self.fill(at, &figures, line.no);
        } else {
            self.pending = Some((line.no, line.text.clone(), figures));
        }
    }

    /// Gives `figures` to the row at `at` when they fit its columns.
    fn fill(&mut self, at: usize, figures: &[String], no: usize) {
        let row = &mut self.table.rows[at];
        if figures.len() == row.cells.len() {
            for (cell, f) in row.cells.iter_mut().zip(figures) {
                *cell = Cell::from_text(f);
            }
            self.seen_data = true;
        } else {
            self.unparsed.push(UnparsedLine {
                line: no,
                table: self.def.id,
                text: figures.join(" "),
                reason: format!(
                    "{}：只有金额的一行，金额个数与「{}」行的列数不符，未读取",
                    self.def.id, row.name
                ),
            });
        }
    }

    /// A cut label's first piece that no rest completed is a line not read.
    fn drop_cut_label(&mut self, side: usize) {
        if let Some(cut) = self.cut_label[side].take() {
            self.unparsed.push(UnparsedLine {
                line: cut.no,
                table: self.def.id,
                text: cut.text,
                reason: format!("{}：「{}」不是本表应有的行", self.def.id, cut.label),
            });
        }
    }

    fn drop_pending(&mut self) {
        if let Some((no, text, _)) = self.pending.take() {
            self.unparsed.push(UnparsedLine {
                line: no,
                table: self.def.id,
                text,
                reason: format!(
                    "{}：只有金额、没有名称的一行，前后都没有待填金额的行，未读取",
                    self.def.id
                ),
            });
        }
    }

    /// Sides are told apart by their fixed rows' labels: the leftmost
    /// cell where a side's label was seen starts that side.
    fn learn_side_starts(&mut self, filled: &[(usize, &str)]) {
        if self.def.sides.len() < 2 {
            return;
        }
        for &(i, c) in filled {
            if is_figure(c) {
                continue;
            }
            let key = fold_key(c);
            let wanted = strip_ordinal(&key);
            let owner = self.def.sides.iter().position(|s| match &s.rows {
                RowScheme::Fixed(rows) => rows.iter().any(|r| r.label == wanted),
                _ => false,
            });
            if let Some(k) = owner {
                let start = &mut self.side_start[k];
                if start.is_none_or(|s| i < s) {
                    *start = Some(i);
                }
            }
        }
    }

    /// The side a cell at position `i` belongs to: the last side whose
    /// start is at or before it (the first side before any start).
    fn side_at(&self, i: usize) -> usize {
        let mut side = 0;
        let mut last_start = 0;
        for (k, start) in self.side_start.iter().enumerate() {
            if let Some(s) = *start {
                if s <= i && s >= last_start {
                    side = k;
                    last_start = s;
                }
            }
        }
        side
    }

    /// A label printed across the next side's cells ("当年支出小计" over
    /// the 功能分类 and 支出用途 columns, its figure under 支出用途): when
    /// it is none of its side's rows but one of the next side's, and the
    /// next side has no label of its own on the line, it is the next side's.
    fn span_labels(&self, per_side: &mut [Vec<&str>]) {
        for k in 0..per_side.len().saturating_sub(1) {
            let (RowScheme::Fixed(own), RowScheme::Fixed(next)) =
                (&self.def.sides[k].rows, &self.def.sides[k + 1].rows)
            else {
                continue;
            };
            let texts: Vec<&str> = per_side[k]
                .iter()
                .copied()
                .filter(|c| !is_figure(c))
                .collect();
            let [label] = texts[..] else {
                continue;
            };
            let key = fold_key(label);
            let wanted = strip_ordinal(&key);
            let ours = own.iter().any(|r| r.label == wanted);
            let theirs = next.iter().any(|r| r.label == wanted);
            let next_has_label = per_side[k + 1].iter().any(|c| !is_figure(c));
            let own_figures = per_side[k].iter().any(|c| is_figure(c));
            if !ours && theirs && !next_has_label && !own_figures {
                per_side[k].retain(|c| *c != label);
                per_side[k + 1].insert(0, label);
            }
        }
    }
}

/// "267.8" | "0" in cells side by side: one figure ("267.80") an
/// extractor cut at a cell border, or two? Either reading is a guess.
fn looks_split(first: &str, second: &str) -> bool {
    let one_decimal = first
        .split_once('.')
        .is_some_and(|(_, d)| d.len() == 1 && d.bytes().all(|b| b.is_ascii_digit()));
    one_decimal && second.len() == 1 && second.bytes().all(|b| b.is_ascii_digit())
}

/// A cell that reads as an amount.
fn is_figure(text: &str) -> bool {
    matches!(Cell::from_text(text), Cell::Value { .. })
}

/// A 科目编码 (3, 5 or 7 digits) rather than a figure.
fn is_code(text: &str) -> bool {
    matches!(text.len(), 3 | 5 | 7) && text.bytes().all(|b| b.is_ascii_digit())
}

/// The cells one side would have by position, from its filled cells:
/// labels (texts, and a code before a name), then figures in column order.
/// Fewer figures than columns (more than one) cannot be placed: they are
/// written [`UNPLACED`], which reads as unreadable.
fn content_slice(side: &SideDef, cells: &[&str], uncertain: bool) -> Vec<String> {
    let mut texts: Vec<&str> = Vec::new();
    let mut figures: Vec<&str> = Vec::new();
    for (n, c) in cells.iter().enumerate() {
        let code_before_name = matches!(side.rows, RowScheme::Codes)
            && texts.is_empty()
            && is_code(c)
            && cells.get(n + 1).is_some_and(|next| !is_figure(next));
        // A cell a rebuild reader could not place stands among the
        // figures, not in the label.
        if (is_figure(c) || *c == UNPLACED) && !code_before_name {
            figures.push(c);
        } else {
            texts.push(c);
        }
    }
    let mut slice: Vec<String> = Vec::with_capacity(side.label_cells + side.columns.len());
    match side.label_cells {
        0 => {
            if !texts.is_empty() {
                // A label where the side has none: a header.
                slice.extend(texts.iter().map(|t| t.to_string()));
                return slice;
            }
        }
        // "合计 | 式": a total, under a header's wrapped last word.
        1 if texts.first().is_some_and(|t| is_total_label(t)) => slice.push(texts[0].to_string()),
        1 => slice.push(texts.join(" ")),
        n => {
            for i in 0..n {
                if i + 1 == n {
                    slice.push(texts.get(i..).map(|t| t.join(" ")).unwrap_or_default());
                } else {
                    slice.push(texts.get(i).copied().unwrap_or("").to_string());
                }
            }
        }
    }
    let columns = side.columns.len();
    if uncertain && !figures.is_empty() {
        slice.extend((0..columns).map(|_| UNPLACED.to_string()));
    } else if figures.len() == columns || figures.is_empty() || columns == 1 {
        slice.extend(figures.iter().map(|f| f.to_string()));
    } else if figures.len() < columns {
        slice.extend((0..columns).map(|_| UNPLACED.to_string()));
    } else {
        slice.extend(figures.iter().map(|f| f.to_string()));
    }
    slice
}

fn is_dash(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '-' | '—' | '－' | '–'))
}

fn is_total_label(label: &str) -> bool {
    matches!(&*fold_key(label), "合计" | "总计" | "本年合计")
}

/// A total's label: 合计/总计, or one closing a block ("人员经费合计").
fn names_a_total(label: &str) -> bool {
    is_total_label(label) || (label.chars().count() > 2 && fold_key(label).ends_with("合计"))
}

/// Whether a label is a 收支 table's header words run together
/// ("项目名称金额功能分类支出用途", "支出用途"): a viewer's copy may draw
/// them after the rows, where they are read as one label (and
/// `rebuild::drawn_order` takes them, drawn after a title, for no row).
pub(crate) fn is_side_header(label: &str) -> bool {
    const WORDS: [&str; 6] = ["项目名称", "金额", "功能分类", "支出用途", "收入", "支出"];
    let key = fold_key(label);
    let mut rest: &str = &key;
    while let Some(word) = WORDS.iter().find(|w| rest.starts_with(**w)) {
        rest = &rest[word.len()..];
    }
    rest.is_empty() && !key.is_empty()
}

fn is_header_word(label: &str) -> bool {
    matches!(
        &*fold_key(label),
        "项目"
            | "项目名称"
            | "单位名称"
            | "科目编码"
            | "科目名称"
            | "收入科目编码"
            | "收入"
            | "支出"
            | "部门预算支出经济科目名称"
            | "政府预算支出经济科目名称"
            | "功能分类科目"
            | "经济分类科目"
            | "类"
            | "款"
            | "项"
            | "功能分类科目编码"
            | "功能分类科目名称"
            | "经济分类科目编码"
            | "经济分类科目名称"
            | "部门预算经济分类科目编码"
            | "部门经济分类科目名称"
    )
}

/// Whether a total row's label cells were merged into one ("合计 | 1 | 2 |
/// 3"): a figure stands where the other label cells would be, and the row
/// ends with its figures — it is short of the side's width, or the cells
/// past its figures are blank (a Word or Excel row padded to the table's
/// width: "合计 | 1 | 2 | 3 | | |"). A short row whose label cells are
/// there ("合计 | | | | 1 | 2" or "类 | 款 | 项 | 合计 | 1", a PDF row whose
/// blank last cells were not written) keeps its positions.
fn label_cells_merged(slice: &[&str], side: &SideDef) -> bool {
    let figure_in_labels = slice
        .iter()
        .take(side.label_cells)
        .skip(1)
        .any(|c| matches!(Cell::from_text(c), Cell::Value { .. }));
    let padding = slice.get(1 + side.columns.len()..).unwrap_or_default();
    let ends_with_figures = slice.len() < side.label_cells + side.columns.len()
        || padding.iter().all(|c| c.trim().is_empty());
    figure_in_labels && ends_with_figures
}

/// The digits of a code printed in 类/款/项 cells, a 款 or 项 of one digit
/// given back its leading zero: an Excel sheet shows the number 1 typed
/// for "01" as "1".
fn code_digits(parts: &[&str]) -> String {
    let mut digits = String::new();
    for part in parts {
        if part.len() == 1 {
            digits.push('0');
        }
        digits.push_str(part);
    }
    digits
}

/// "201"/"20113"/"2011301", with its name in the next cell or glued after it.
fn split_code(l0: &str, l1: &str) -> Option<(String, String)> {
    let (digits, rest) = l0.split_at(leading_digits(l0));
    if !matches!(digits.len(), 3 | 5 | 7) {
        return None;
    }
    let rest = rest.trim();
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let name = if rest.is_empty() {
        l1.to_string()
    } else {
        rest.to_string()
    };
    Some((digits.to_string(), name))
}

fn code_kind(code: &str) -> RowKind {
    match code.len() {
        3 => RowKind::Class,
        5 => RowKind::Subclass,
        7 => RowKind::Item,
        _ => RowKind::Other,
    }
}

/// Drops "一、", "二十一、", "(一)", "①", "1、", "1." from a folded label.
pub fn strip_ordinal(key: &str) -> &str {
    let numeral = |c: char| is_chinese_digit(c) || matches!(c, '百' | '零') || c.is_ascii_digit();
    if let Some(rest) = key.strip_prefix(|c| ('①'..='⑳').contains(&c)) {
        return rest;
    }
    if let Some((inside, rest)) = key.strip_prefix('(').and_then(|k| k.split_once(')')) {
        if !inside.is_empty() && inside.chars().all(numeral) {
            return rest;
        }
    }
    let rest = key.trim_start_matches(numeral);
    match rest.strip_prefix(['、', '.', ',']) {
        Some(after) if rest.len() < key.len() => after,
        _ => key,
    }
}

/// "1 2 3 4 5 6 7": the column numbers some templates print under the header.
fn is_column_number_row(line: &Line) -> bool {
    let mut count = 0;
    for cell in line.filled_cells() {
        count += 1;
        if cell.parse::<usize>().ok() != Some(count) {
            return false;
        }
    }
    count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(strip_ordinal("一、一般公共服务支出"), "一般公共服务支出");
        assert_eq!(
            strip_ordinal("二十一、粮油物资储备支出"),
            "粮油物资储备支出"
        );
        assert_eq!(strip_ordinal("①公务用车购置费"), "公务用车购置费");
        assert_eq!(strip_ordinal("(一)其他"), "其他");
        assert_eq!(strip_ordinal("本年收入合计"), "本年收入合计");
    }

    #[test]
    fn a_side_tables_header_words_run_together_are_no_label() {
        assert!(is_side_header("项目名称金额功能分类支出用途"));
        assert!(is_side_header("支出用途"));
        assert!(is_side_header("收入 支出"));
        // Rows whose labels begin with such words.
        assert!(!is_side_header("支出合计"));
        assert!(!is_side_header("项目支出"));
        assert!(!is_side_header(""));
    }

    #[test]
    fn codes() {
        assert_eq!(
            split_code("2011301", "行政运行"),
            Some(("2011301".into(), "行政运行".into()))
        );
        assert_eq!(
            split_code("2011301 行政运行", ""),
            Some(("2011301".into(), "行政运行".into()))
        );
        assert_eq!(split_code("340.46", ""), None);
        assert_eq!(split_code("合计", ""), None);
    }

    #[test]
    fn merged_total_labels_told_from_unwritten_blank_cells() {
        use crate::profile::{ColumnDef, RowScheme};
        const fn column(key: &'static str) -> ColumnDef {
            ColumnDef { key, name: key }
        }
        const COLUMNS: &[ColumnDef] = &[column("total"), column("basic"), column("project")];
        let side = SideDef {
            side: crate::model::Side::Expense,
            label_cells: 4,
            columns: COLUMNS,
            rows: RowScheme::SplitCodes,
        };
        // One label cell over 类 款 项 名称, the figures after it.
        assert!(label_cells_merged(&["合计", "30", "20", "10"], &side));
        assert!(label_cells_merged(&["合计", "", "20", "10"], &side));
        // The label cells there, the blank last cells not written (PDF).
        assert!(!label_cells_merged(&["合计", "", "", "", "30"], &side));
        assert!(!label_cells_merged(
            &["类", "款", "项", "合计", "30"],
            &side
        ));
        // A full row.
        assert!(!label_cells_merged(
            &["合计", "", "", "", "30", "20", "10"],
            &side
        ));
        // Padded to the table's width (a Word or Excel row).
        assert!(label_cells_merged(
            &["合计", "30", "20", "10", "", "", ""],
            &side
        ));
        assert!(!label_cells_merged(
            &["合计", "30", "20", "10", "5", "", ""],
            &side
        ));
        // No label cells (a row of values), no cells at all.
        let values = SideDef {
            label_cells: 0,
            rows: RowScheme::Values,
            ..side
        };
        assert!(!label_cells_merged(&["30", "20"], &values));
        assert!(!label_cells_merged(&[], &side));
    }
}
