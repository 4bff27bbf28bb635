//! The spaced shape (pdfplumber's `extract_text`): one row a line, single
//! spaces between words, empty cells gone. A name too long for its cell is
//! cut around the line holding the row's figures (`机关事业单位基本养` /
//! `2080505 24.39 24.39` / `老保险缴费支出`): the cell is centred, so the
//! row takes as many name lines after its figures as before them.
//! Figures are placed into columns by `place`.

use super::place::{self, Draft, Known, Role, Run};
use super::tokens::{self, Figures, FixedMatcher};
use super::{Rebuilt, RebuiltRow, Region};
use crate::lines::Noise;
use crate::prelude::*;
use crate::profile::RowScheme;
use crate::slices::sort_stable_by;
use crate::text::fold_key;

/// A content line of the region: its index in `region.raw` and its words.
pub(super) struct Entry<'a> {
    pub index: usize,
    pub words: Vec<&'a str>,
}

pub(super) fn entries<'a>(region: &Region<'a>) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (index, (raw, line)) in region.raw.iter().zip(region.lines).enumerate() {
        // A 合计 alone on its line repeats often enough in one-cell-a-line
        // text to be taken for a watermark: inside a table it is a row.
        let total = matches!(line.noise, Some(Noise::Watermark)) && tokens::is_total(raw.trim());
        if (line.noise.is_some() && !total) || line.is_blank() {
            continue;
        }
        out.push(Entry {
            index,
            words: raw.split_whitespace().collect(),
        });
    }
    out
}

/// Rebuilds the region's rows; None leaves its lines as the lines stage
/// read them.
pub fn read(region: &Region, known: &mut Known) -> Option<Rebuilt> {
    let entries = entries(region);
    let def = region.table;
    let (drafts, runs, mut extra) = if FixedMatcher::new(def).is_some() {
        fixed(region, &entries)?
    } else {
        labelled(region, &entries)?
    };
    let (mut rows, unplaced) = place::place(def, region.profile, &drafts, &runs, known, false);
    rows.append(&mut extra);
    Some(Rebuilt { rows, unplaced })
}

/// The header lines above the rows, each set aside (`tokens::header_row`);
/// 部门名称, 单位 and 注 lines are left for the parser.
fn headers(region: &Region, entries: &[Entry]) -> Vec<RebuiltRow> {
    entries
        .iter()
        .filter(|e| !tokens::is_meta(region.raw[e.index]))
        .filter_map(|e| tokens::header_row(region, &[region.line_no(e.index)]))
        .collect()
}

pub(super) type Read = (Vec<Draft>, Vec<Run>, Vec<RebuiltRow>);

/// Tables whose rows begin with a code, 合计, an economic item or a name.
fn labelled(region: &Region, entries: &[Entry]) -> Option<Read> {
    let def = region.table;
    let scheme = &def.sides[0].rows;
    let label_cells = def.sides[0].label_cells;
    let figures_of = if matches!(scheme, RowScheme::Values) {
        Figures::all()
    } else {
        Figures::of(entries.iter().flat_map(|e| e.words.iter().copied()))
    };
    let is_figure = |w: &str| figures_of.is(w);
    // Split codes (类 款 项 cells) open a row before its name or figures.
    let split_cells = match scheme {
        RowScheme::SplitCodes => label_cells.saturating_sub(1),
        _ => 0,
    };
    let split = |words: &[&str]| tokens::split_codes(words, split_cells);
    let mut extra = Vec::new();
    let starts_data = |e: &Entry| {
        let first = e.words[0];
        // 合计 begins the rows when figures follow it or nothing does (an
        // empty table): "合计 人员经费 公用经费" is a header.
        let total = tokens::is_total(first)
            && (e.words.len() == 1 || e.words[1..].iter().any(|w| is_figure(w)));
        match scheme {
            RowScheme::Codes => total || tokens::is_code(first),
            RowScheme::Economic => total,
            RowScheme::SplitCodes => total || split(&e.words) > 0,
            _ => {
                total
                    || (e.words.iter().any(|w| is_figure(w))
                        && !tokens::is_column_numbers(&e.words))
            }
        }
    };
    let mut start = None;
    for (i, e) in entries.iter().enumerate() {
        if starts_data(e) {
            start = Some(i);
            break;
        }
    }
    // No row at all: an empty table, its header still to be set aside.
    let start = start.unwrap_or(entries.len());
    extra.extend(headers(region, &entries[..start]));
    // A header printed again where the table runs onto a new page is set
    // aside, not read as a piece of the next row's name.
    let repeated_header = |e: &Entry| {
        let split_header =
            e.words.len() >= 2 && e.words.iter().all(|w| matches!(*w, "类" | "款" | "项"));
        split_header
            || (!tokens::is_total(e.words[0])
                && !e.words.iter().any(|w| is_figure(w))
                && e.words.iter().all(|w| tokens::is_header_piece(w, def)))
    };
    let mut body: Vec<&Entry> = Vec::new();
    let mut again: Vec<usize> = Vec::new();
    for e in entries[start..]
        .iter()
        .take_while(|e| !tokens::is_meta(region.raw[e.index]))
    {
        if split_cells > 0 && repeated_header(e) {
            again.push(region.line_no(e.index));
        } else {
            body.push(e);
        }
    }
    extra.extend(tokens::header_row(region, &again));
    // Row lines: figures, a code or 合计; the others are pieces of names.
    let is_row = |e: &Entry| {
        e.words.iter().any(|w| is_figure(w))
            || tokens::is_total(e.words[0])
            || (matches!(scheme, RowScheme::Codes) && tokens::is_code(e.words[0]))
            || split(&e.words) > 0
    };
    let heads: Vec<usize> = (0..body.len()).filter(|&i| is_row(body[i])).collect();
    let mut drafts = Vec::new();
    let mut runs = Vec::new();
    let mut taken_before = 0; // name lines the previous row took before it
    for (h, &at) in heads.iter().enumerate() {
        let prev_end = if h == 0 { at } else { heads[h - 1] + 1 };
        let next = heads.get(h + 1).copied().unwrap_or(body.len());
        // Lines between the previous row and this one: the previous row
        // took as many as it had before it; the rest are this row's.
        let gap = at - prev_end;
        let before_from = prev_end + taken_before.min(gap);
        let before: Vec<&Entry> = body[before_from..at].to_vec();
        let after_gap = next - at - 1;
        let after_n = before.len().min(after_gap);
        let after: Vec<&Entry> = body[at + 1..at + 1 + after_n].to_vec();
        taken_before = after_n;
        let head = body[at];
        let mut lines: Vec<usize> = before.iter().map(|e| region.line_no(e.index)).collect();
        lines.push(region.line_no(head.index));
        lines.extend(after.iter().map(|e| region.line_no(e.index)));
        let wrap = |part: &[&Entry]| -> String {
            part.iter()
                .map(|e| e.words.join(" "))
                .collect::<Vec<_>>()
                .join("")
        };
        let (pre, post) = (wrap(&before), wrap(&after));
        let mut words: Vec<&str> = Vec::new();
        let mut figures: Vec<String> = Vec::new();
        let codes = split(&head.words);
        for (i, w) in head.words.iter().enumerate() {
            let code_here =
                i < codes || (i == 0 && matches!(scheme, RowScheme::Codes) && tokens::is_code(w));
            if is_figure(w) && !code_here {
                figures.push(w.to_string());
            } else {
                words.push(w);
            }
        }
        let (role, labels) = match scheme {
            RowScheme::Codes => {
                if words.first().is_some_and(|w| tokens::is_total(w)) {
                    (Role::Total, vec!["合计".to_string(), String::new()])
                } else if words.first().is_some_and(|w| tokens::is_code(w)) {
                    let name = format!("{pre}{}{post}", words[1..].join(" "));
                    (
                        Role::Code(words[0].to_string()),
                        vec![words[0].to_string(), name],
                    )
                } else {
                    continue;
                }
            }
            RowScheme::Economic => {
                if words.first().is_some_and(|w| tokens::is_total(w)) && pre.is_empty() {
                    (Role::Total, vec!["合计".to_string(), String::new()])
                } else {
                    let wrapped = !pre.is_empty() || !post.is_empty();
                    let (primary, secondary) = match (words.len(), wrapped) {
                        (0, _) => (format!("{pre}{post}"), String::new()),
                        (1, true) => (format!("{pre}{post}"), words[0].to_string()),
                        (1, false) => (words[0].to_string(), String::new()),
                        (_, true) => (format!("{pre}{}{post}", words[0]), words[1..].join(" ")),
                        (_, false) => (words[0].to_string(), words[1..].join(" ")),
                    };
                    let group = secondary.is_empty()
                        && region
                            .profile
                            .economic_groups
                            .contains(&&*fold_key(&primary));
                    (
                        if group { Role::Group } else { Role::Item },
                        vec![primary, secondary],
                    )
                }
            }
            RowScheme::SplitCodes if codes > 0 => {
                let name = format!("{pre}{}{post}", words[codes..].join(" "));
                let mut labels: Vec<String> =
                    words[..codes].iter().map(|w| w.to_string()).collect();
                labels.resize(label_cells - 1, String::new());
                labels.push(name);
                (Role::Code(words[..codes].concat()), labels)
            }
            _ => {
                let name = format!("{pre}{}{post}", words.join(" "));
                let role = if tokens::is_total(&name) {
                    Role::Total
                } else if matches!(scheme, RowScheme::Units) {
                    Role::Unit
                } else {
                    Role::Node
                };
                let mut labels = vec![name];
                labels.resize(label_cells, String::new());
                (role, labels)
            }
        };
        let d = drafts.len();
        let columns = def.sides[0].columns.len();
        drafts.push(Draft {
            side: 0,
            role,
            labels,
            lines: lines.clone(),
        });
        runs.push(Run {
            lines: vec![region.line_no(head.index); figures.len()],
            figures,
            slots: (0..columns).map(|c| (d, c)).collect(),
        });
    }
    Some((drafts, runs, extra))
}

/// Tables of fixed rows (表一, 表四 two-sided; 表十): labels matched piece
/// by piece, figures put with the labels open on their line.
pub(super) fn fixed(region: &Region, entries: &[Entry]) -> Option<Read> {
    let def = region.table;
    let mut m = FixedMatcher::new(def)?;
    let figures_of = Figures::of(entries.iter().flat_map(|e| e.words.iter().copied()));
    let is_figure = |w: &str| figures_of.is(w);
    let start = entries.iter().position(|e| m.begins_first(e.words[0]))?;
    let mut extra = headers(region, &entries[..start]);
    // Runs by the matched labels they may belong to.
    let mut pending: Vec<(Vec<usize>, Vec<String>, usize)> = Vec::new();
    // Lines of header words and of figures no label is open for: set
    // aside (the figures are reported with the table).
    let mut aside: Vec<usize> = Vec::new();
    for e in &entries[start..] {
        if tokens::is_meta(region.raw[e.index]) {
            break;
        }
        let no = region.line_no(e.index);
        let mut last: Option<usize> = None;
        let mut i = 0;
        let mut kept = false;
        while i < e.words.len() {
            let w = e.words[i];
            if !is_figure(w) {
                if let Some(k) = m.feed(w, no) {
                    last = Some(k);
                    kept = true;
                } else if !tokens::is_header_piece(w, def)
                    && !m.header_piece()
                    && !matches!(w, "收入" | "支出")
                {
                    kept = true;
                }
                i += 1;
                continue;
            }
            let mut figures = Vec::new();
            while i < e.words.len() && is_figure(e.words[i]) {
                figures.push(e.words[i].to_string());
                i += 1;
            }
            // The label before the figures on this line, and labels of
            // later sides still being read around it.
            let mut owners = Vec::new();
            let from_side = match last {
                Some(k) => {
                    owners.push(k);
                    m.matched[k].side + 1
                }
                None => 0,
            };
            // Text after the figures begins a label of the last side: the
            // figures are not that side's.
            let next_side = if e.words[i..].is_empty() {
                usize::MAX
            } else {
                def.sides.len() - 1
            };
            for k in m.open_sides() {
                let s = m.matched[k].side;
                if s >= from_side && s < next_side && !owners.contains(&k) {
                    owners.push(k);
                }
            }
            kept |= !owners.is_empty();
            pending.push((owners, figures, no));
        }
        if !kept {
            aside.push(no);
        }
    }
    extra.extend(tokens::header_row(region, &aside));
    // Drafts: every matched label, in order per side.
    let mut drafts = Vec::new();
    for mm in &m.matched {
        let mut labels = vec![mm.printed.clone()];
        labels.resize(def.sides[mm.side].label_cells, String::new());
        drafts.push(Draft {
            side: mm.side,
            role: Role::Fixed(mm.key),
            labels,
            lines: mm.lines.clone(),
        });
    }
    let mut runs = Vec::new();
    for (owners, figures, no) in pending {
        let mut slots = Vec::new();
        let mut sorted = owners.clone();
        sort_stable_by(&mut sorted, |&a, &b| {
            m.matched[a].side.cmp(&m.matched[b].side)
        });
        for k in sorted {
            for c in 0..def.sides[m.matched[k].side].columns.len() {
                slots.push((k, c));
            }
        }
        runs.push(Run {
            lines: vec![no; figures.len()],
            figures,
            slots,
        });
    }
    Some((drafts, runs, extra))
}
