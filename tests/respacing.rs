//! Property: re-spacing the tables of a TAB corpus document the way PDF
//! extractors lay them out never adds an error to its report.
//!
//! Each case takes a corpus document and, inside its table regions only
//! (the prose and forms are other readers' concern), replaces TABs by runs
//! of 2–6 spaces with every column kept aligned (labels left, figures
//! right), wraps long labels over several lines with the row's figures on
//! the middle line (as `pdftotext -layout` prints a vertically centred
//! cell), and breaks pages at random rows: a blank line or a form feed,
//! then sometimes the table's header again, and with a repeated header
//! sometimes a new spacing. The report of the copy must hold no error or
//! warning the TAB report does not.

mod common;

use std::sync::OnceLock;

use common::compare::{compare, Allowance};
use common::*;
use proptest::prelude::*;
use serde_json::Value;

/// A small deterministic generator, seeded by the case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// How a case re-spaces a document.
#[derive(Debug, Clone)]
struct Plan {
    doc: usize,
    seed: u64,
    /// Labels longer than this (in characters) are wrapped.
    wrap_at: usize,
    /// Chance (in %) of a page break after a row.
    breaks: usize,
}

fn is_figure(cell: &str) -> bool {
    let t = cell.trim();
    t.contains('.') && amount(t).is_some()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Header lines open a table's TAB block: no figure, and a first cell that
/// is empty, a header word or the column-number row's "1".
fn is_header(cells: &[String]) -> bool {
    const FIRST: [&str; 9] = [
        "",
        "项目",
        "科目编码",
        "收入",
        "单位名称",
        "项目名称",
        "收入科目编码",
        "部门预算支出经济科目名称",
        "1",
    ];
    !cells.iter().any(|c| is_figure(c)) && FIRST.contains(&cells[0].trim())
}

/// One printed line before layout: its cells (empty ones included).
type Cells = Vec<String>;

/// A table row as the lines a vertically centred wrap prints: the longest
/// label over `wrap_at` (a name: a 科目编码 never wraps) split into pieces, half of them above the row's
/// line, half below (the middle one on it when their number is odd); the
/// row's line left out when nothing else is on it.
fn wrapped(cells: &Cells, wrap_at: usize) -> Vec<Cells> {
    let long = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !is_figure(c) && !is_code(c) && chars(c.trim()) > wrap_at)
        .max_by_key(|(_, c)| chars(c));
    let Some((k, label)) = long else {
        return vec![cells.clone()];
    };
    let letters: Vec<char> = label.trim().chars().collect();
    let pieces: Vec<String> = letters
        .chunks(wrap_at)
        .map(|p| p.iter().collect())
        .collect();
    let alone = |piece: &String| {
        let mut line = vec![String::new(); cells.len()];
        line[k] = piece.clone();
        line
    };
    let above = pieces.len() / 2;
    let mut out: Vec<Cells> = pieces[..above].iter().map(alone).collect();
    let mut middle = cells.clone();
    middle[k] = if pieces.len() % 2 == 1 {
        pieces[above].clone()
    } else {
        String::new()
    };
    if middle.iter().any(|c| !c.trim().is_empty()) {
        out.push(middle);
    }
    let below = above + pieces.len() % 2;
    out.extend(pieces[below..].iter().map(alone));
    out
}

/// Lays out lines of cells in aligned columns `gap` spaces apart.
fn lay_out(lines: &[Cells], widths: &[usize], gap: usize) -> Vec<String> {
    lines
        .iter()
        .map(|cells| {
            let mut out = String::new();
            for (k, cell) in cells.iter().enumerate() {
                let cell = cell.trim();
                let w = widths[k];
                if k > 0 {
                    out.push_str(&" ".repeat(gap));
                }
                let pad = " ".repeat(w - chars(cell));
                if is_figure(cell) {
                    out.push_str(&pad);
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.push_str(&pad);
                }
            }
            out.trim_end().to_string()
        })
        .collect()
}

/// The document with its table regions re-spaced by `plan`.
fn respace(text: &str, plan: &Plan) -> String {
    let mut rng = Rng(plan.seed | 1);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() * 2);
    let mut done = 0; // lines of `text` already copied
    for table in scan_tables(text) {
        let (Some(first), Some(last)) = (table.rows.first(), table.rows.last()) else {
            continue;
        };
        let (first, last) = (first.line - 1, last.line);
        out.extend(lines[done..first].iter().map(|l| l.to_string()));
        done = last;
        // The block's lines as cells (a blank line stays blank), each
        // table row expanded into its wrapped lines.
        let block: Vec<Cells> = lines[first..last]
            .iter()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect();
        let width = block.iter().map(Vec::len).max().unwrap_or(0);
        let header: Vec<Cells> = block
            .iter()
            .take_while(|c| c.len() > 1 && is_header(c))
            .cloned()
            .collect();
        let mut groups: Vec<Vec<Cells>> = Vec::new();
        for (i, cells) in block.iter().enumerate() {
            let mut cells = cells.clone();
            cells.resize(width, String::new());
            if i < header.len() || cells.iter().all(|c| c.trim().is_empty()) {
                groups.push(vec![cells]);
            } else {
                groups.push(wrapped(&cells, plan.wrap_at));
            }
        }
        let mut header = header;
        for h in &mut header {
            h.resize(width, String::new());
        }
        let widths: Vec<usize> = (0..width)
            .map(|k| {
                groups
                    .iter()
                    .flatten()
                    .map(|cells| chars(cells[k].trim()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut gap = 2 + rng.below(5);
        for (i, group) in groups.iter().enumerate() {
            let page_break = i > header.len() && i + 1 < groups.len() && rng.chance(plan.breaks);
            if page_break {
                let feed = rng.chance(50);
                if !feed {
                    out.push(String::new());
                }
                let mut next: Vec<String> = Vec::new();
                if rng.chance(50) {
                    if rng.chance(50) {
                        gap = 2 + rng.below(5);
                    }
                    next.extend(lay_out(&header, &widths, gap));
                }
                next.extend(lay_out(group, &widths, gap));
                if feed {
                    next[0].insert(0, '\u{c}');
                }
                out.extend(next);
            } else {
                out.extend(lay_out(group, &widths, gap));
            }
        }
    }
    out.extend(lines[done..].iter().map(|l| l.to_string()));
    out.join("\n")
}

fn baseline(doc: usize) -> &'static Value {
    static REPORTS: OnceLock<Vec<Value>> = OnceLock::new();
    &REPORTS.get_or_init(|| DOCS_2026.iter().map(|d| report_json(&fixture(d))).collect())[doc]
}

fn plan() -> impl Strategy<Value = Plan> {
    (0..DOCS_2026.len(), any::<u64>(), 5usize..=12, 0usize..=15).prop_map(
        |(doc, seed, wrap_at, breaks)| Plan {
            doc,
            seed,
            wrap_at,
            breaks,
        },
    )
}

/// No error added by the re-spacing of `plan`.
fn adds_no_error(plan: &Plan) -> Result<(), String> {
    let text = respace(&fixture(DOCS_2026[plan.doc]), plan);
    let report = report_json(&text);
    let c = compare(baseline(plan.doc), &report, Allowance::default());
    let added: Vec<&String> = c
        .problems
        .iter()
        .filter(|p| p.starts_with("added"))
        .collect();
    if added.is_empty() {
        Ok(())
    } else {
        Err(format!("{plan:?}: {added:#?}"))
    }
}

/// Cases the property once failed, kept: 招商中心's 表一 with pages ending
/// at "出", the last piece of a wrapped label, on three pages and more —
/// taken for a running footer, the rows lost their labels' ends.
#[test]
fn respacings_that_once_added_errors_add_none() {
    let plans = [Plan {
        doc: 0,
        seed: 4444595162467394668,
        wrap_at: 9,
        breaks: 4,
    }];
    for plan in &plans {
        adds_no_error(plan).unwrap();
    }
}

proptest! {
    // Each case checks a whole document in a debug build: kept few, the
    // machine is shared.
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn respaced_tables_add_no_error(plan in plan()) {
        let outcome = adds_no_error(&plan);
        prop_assert!(outcome.is_ok(), "{}", outcome.unwrap_err());
    }
}

/// The generator itself: a re-spaced document keeps every figure and has
/// no TAB left in its tables.
#[test]
fn respacing_keeps_every_figure() {
    let plan = Plan {
        doc: 0,
        seed: 7,
        wrap_at: 6,
        breaks: 10,
    };
    let text = fixture(DOCS_2026[0]);
    let out = respace(&text, &plan);
    let figures = |t: &str| {
        let mut f: Vec<String> = t
            .split(|c: char| c.is_whitespace())
            .filter(|w| is_figure(w.trim_matches('\u{c}')))
            .map(|w| w.trim_matches('\u{c}').to_string())
            .collect();
        f.sort();
        f
    };
    assert_eq!(figures(&text), figures(&out));
    for t in scan_tables(&out) {
        assert!(t.rows.is_empty(), "{}: TAB left", t.id);
    }
    assert!(out.contains('\u{c}') || out.lines().count() > text.lines().count());
}
