//! Stage 2: text → lines.
//!
//! Every line of the input is kept, numbered from 1 as the user's editor
//! numbers it, split into cells, and either marked as noise (watermark,
//! table of contents, chart caption, markdown rule) or left as content.
//! Later stages iterate [`Lines::content`] and never see the noise, but any
//! line they cite is the user's own line number.

mod cells;
mod figures_apart;
mod noise;
mod pages;
mod wrap;

use serde::Serialize;

use crate::prelude::*;

pub(crate) use cells::is_cjk;
pub use cells::{clean_cell, read_cells};
pub use noise::Noise;

#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// The normalised line, markup stripped, outer white space trimmed: its
    /// cleaned cells joined by one TAB (see [`Line::cells`]).
    pub text: String,
    /// Where each cell stands in `text` (byte ranges), when there are
    /// several; a line of one cell has none.
    #[serde(skip)]
    spans: Vec<(usize, usize)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noise: Option<Noise>,
    /// Other input lines this line's cells were rebuilt from (a wrapped
    /// name, a row read one cell a line: see `rebuild`); they are marked
    /// [`Noise::Joined`]. Empty for a line read as it stands.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<usize>,
    /// Where the text of each input line starts in `text` (byte offset,
    /// line number), when wrapped prose was joined into this line
    /// (`wrap.rs`); empty otherwise. A reader maps a position to the line
    /// it was printed on with [`Line::line_at`].
    #[serde(skip)]
    pub breaks: Vec<(usize, usize)>,
    /// A page starts at this line (a form feed stood in it: see
    /// [`Lines::mark_pages`]).
    #[serde(skip)]
    pub page_start: bool,
    /// A rebuild reader wrote this line (`rebuild`): its cells are the
    /// table's, each side's label cells then its amount columns, every
    /// figure in the column the reader placed it in. A profile that reads
    /// lines by content (`CellPlacement::Content`, for extractions leaving
    /// runs of empty cells) may read such a line by position.
    #[serde(skip)]
    pub placed: bool,
    /// Rows printed on this same input line after its own: a browser's
    /// copy of a PDF sets rows drawn close together on one line ("204
    /// 公共安全支出 1,252,300 0 1,252,300 204 06 司法 150,000 0 150,000"),
    /// which a rebuild reader parts (`rebuild`). Each is read as a row of
    /// its own after this one, citing this line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows_after: Vec<Line>,
}

impl Line {
    /// Input line `no` as printed (`raw`), split into its cells.
    fn read(no: usize, raw: &str) -> Line {
        let (text, spans) = read_cells(raw);
        Line {
            no,
            text,
            spans,
            noise: None,
            also: Vec::new(),
            breaks: Vec::new(),
            page_start: false,
            placed: false,
            rows_after: Vec::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Cells: the line split at TAB, at markdown pipes, or at runs of 2+
    /// spaces, each cleaned. They are slices of `text`: a line costs one
    /// string, not one per cell.
    pub fn cells(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let whole = self.spans.is_empty().then_some(self.text.as_str());
        let parts = self.spans.iter().map(|&(a, b)| &self.text[a..b]);
        whole.into_iter().chain(parts)
    }

    /// The cells `cells()` yields, in a Vec: collecting that chained
    /// iterator instead links a generic collect into the wasm.
    pub fn cell_list(&self) -> Vec<&str> {
        if self.spans.is_empty() {
            return vec![self.text.as_str()];
        }
        let mut cells = Vec::with_capacity(self.spans.len());
        for &(a, b) in &self.spans {
            cells.push(&self.text[a..b]);
        }
        cells
    }

    /// True when the line was split into more than one cell.
    pub fn is_tabular(&self) -> bool {
        !self.spans.is_empty()
    }

    /// The input line the byte `offset` of `text` was printed on.
    pub fn line_at(&self, offset: usize) -> usize {
        let after = self.breaks.partition_point(|&(start, _)| start <= offset);
        self.breaks
            .get(after.wrapping_sub(1))
            .map_or(self.no, |&(_, no)| no)
    }

    /// Non-empty cells.
    pub fn filled_cells(&self) -> impl Iterator<Item = &str> {
        self.cells().filter(|c| !c.is_empty())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub all: Vec<Line>,
    /// Table rows whose figures could not be placed in their columns
    /// (`rebuild`): each is its own finding, and its cells read as
    /// unreadable.
    pub unplaced: Vec<crate::rebuild::UnplacedRow>,
    /// 绩效 forms not read because their layout leaves their cells
    /// uncertain (`rebuild::forms`): each is its own finding, and the
    /// checks that needed them do not run.
    pub unread: Vec<crate::rebuild::UnreadForm>,
    /// Where each input line stands in `all` once lines were put in another
    /// order ([`Lines::reorder`]): empty while `all` is in input order, as
    /// it is but for a text whose titles a PDF drew after their tables.
    #[cfg(feature = "rebuild")]
    position: Vec<usize>,
}

impl Lines {
    /// Splits a normalised text into numbered lines and marks the noise.
    pub fn from_text(text: &str) -> Lines {
        let mut lines = Lines::default();
        for (i, raw) in text.split('\n').enumerate() {
            lines.all.push(Line::read(i + 1, raw));
        }
        noise::mark(&mut lines.all);
        lines
    }

    /// Lines that are not noise (blank lines included: they separate blocks).
    pub fn content(&self) -> impl Iterator<Item = &Line> + Clone {
        self.all.iter().filter(|l| l.noise.is_none())
    }

    /// Non-blank content lines from index `start` (an index into `all`).
    pub fn content_from(&self, start: usize) -> impl Iterator<Item = (usize, &Line)> {
        self.all
            .iter()
            .enumerate()
            .skip(start)
            .filter(|(_, l)| l.noise.is_none() && !l.is_blank())
    }

    /// What was read of the 绩效 form titled on line `title` when it was
    /// read in part ("年度预算情况", "项目名称和项目资金", "项目名称");
    /// None when it was read whole.
    pub fn part_read(&self, title: usize) -> Option<&'static str> {
        self.read_in_part(title).and_then(|u| u.part_read)
    }

    /// The 绩效 form titled on line `title`, when it was read in part.
    pub fn read_in_part(&self, title: usize) -> Option<&crate::rebuild::UnreadForm> {
        self.unread.iter().find(|u| u.first == title && !u.wholly())
    }

    /// Table rows whose figures could not be placed in their columns
    /// (`rebuild`): none where the readers are not built (the page's core
    /// module), which answers a text that needs them with
    /// `crate::RebuildNeeded` rather than read it, so that the checks'
    /// care for such rows is left out of it.
    pub fn unplaced(&self) -> &[crate::rebuild::UnplacedRow] {
        #[cfg(feature = "rebuild")]
        {
            &self.unplaced
        }
        #[cfg(not(feature = "rebuild"))]
        {
            &[]
        }
    }

    /// The line numbered `no` (1-based).
    pub fn get(&self, no: usize) -> Option<&Line> {
        self.index_of(no).and_then(|i| self.all.get(i))
    }

    /// Where line `no` stands in `all`.
    fn index_of(&self, no: usize) -> Option<usize> {
        let i = no.checked_sub(1)?;
        #[cfg(feature = "rebuild")]
        if !self.position.is_empty() {
            return self.position.get(i).copied();
        }
        Some(i)
    }

    /// Puts the lines in the order `order` gives (indices into `all`, each
    /// once): a title a PDF drew after its table's rows goes back over
    /// them (`rebuild`). Each line keeps its number, and the stages after
    /// read the lines in their new order.
    #[cfg(feature = "rebuild")]
    pub(crate) fn reorder(&mut self, order: &[usize]) {
        debug_assert_eq!(order.len(), self.all.len());
        // Where each line goes; each swap puts one line where it goes.
        let mut to = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            to[old] = new;
        }
        for i in 0..to.len() {
            while to[i] != i {
                let j = to[i];
                self.all.swap(i, j);
                to.swap(i, j);
            }
        }
        self.position = vec![0; self.all.len()];
        for (i, line) in self.all.iter().enumerate() {
            self.position[line.no - 1] = i;
        }
    }

    /// Replaces line `no`'s cells by `cells` (a rebuilt row) read from it
    /// and the lines `also`, its cells where the reader placed them
    /// ([`Line::placed`]).
    pub fn replace(&mut self, no: usize, cells: &[&str], also: &[usize]) {
        if let Some(line) = self.index_of(no).and_then(|i| self.all.get_mut(i)) {
            let (text, spans) = read_cells(&crate::slices::join(cells, "\t"));
            line.text = text;
            line.spans = spans;
            line.noise = None;
            line.also = also.to_vec();
            line.breaks.clear();
            line.placed = true;
            line.rows_after.clear();
        }
    }

    /// Adds a rebuilt row read from line `no` after the one [`Lines::replace`]
    /// put there (see [`Line::rows_after`]).
    pub fn add_row_after(&mut self, no: usize, cells: &[&str], also: &[usize]) {
        if let Some(line) = self.index_of(no).and_then(|i| self.all.get_mut(i)) {
            line.rows_after.push(Line {
                also: also.to_vec(),
                placed: true,
                ..Line::read(no, &crate::slices::join(cells, "\t"))
            });
        }
    }

    /// Marks line `no` as noise of `kind`.
    pub fn mark(&mut self, no: usize, kind: Noise) {
        if let Some(line) = self.index_of(no).and_then(|i| self.all.get_mut(i)) {
            line.noise = Some(kind);
        }
    }

    pub fn noise_count(&self) -> usize {
        self.all.iter().filter(|l| l.noise.is_some()).count()
    }
}
