//! Stage 2: text → lines.
//!
//! Every line of the input is kept, numbered from 1 as the user's editor
//! numbers it, split into cells, and either marked as noise (watermark,
//! table of contents, chart caption, markdown rule) or left as content.
//! Later stages iterate [`Lines::content`] and never see the noise, but any
//! line they cite is the user's own line number.

mod cells;
mod noise;

use serde::Serialize;

pub use cells::{clean_cell, split_cells};
pub use noise::Noise;

#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// The normalised line, markup stripped, outer white space trimmed.
    pub text: String,
    /// Cells: split at TAB, at markdown pipes, or at runs of 2+ spaces.
    pub cells: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noise: Option<Noise>,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the line was split into more than one cell.
    pub fn is_tabular(&self) -> bool {
        self.cells.len() > 1
    }

    /// Non-empty cells.
    pub fn filled_cells(&self) -> impl Iterator<Item = &str> {
        self.cells
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub all: Vec<Line>,
}

impl Lines {
    /// Splits a normalised text into numbered lines and marks the noise.
    pub fn from_text(text: &str) -> Lines {
        let all = text
            .split('\n')
            .enumerate()
            .map(|(i, raw)| {
                let cells = split_cells(raw);
                let text = cells::join_cells(&cells);
                Line {
                    no: i + 1,
                    text,
                    cells,
                    noise: None,
                }
            })
            .collect();
        let mut lines = Lines { all };
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

    /// The line numbered `no` (1-based).
    pub fn get(&self, no: usize) -> Option<&Line> {
        no.checked_sub(1).and_then(|i| self.all.get(i))
    }

    pub fn noise_count(&self) -> usize {
        self.all.iter().filter(|l| l.noise.is_some()).count()
    }
}
