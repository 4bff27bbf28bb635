//! Stage 2½: table rows rebuilt from whatever layout the text has.
//!
//! The parser reads a table row as one line of cells, the way Word and
//! WPS give it (TAB between cells, an empty cell for a blank). Text copied
//! out of a PDF or produced by an extractor is laid out otherwise:
//!
//! | shape | what it looks like | reader |
//! |---|---|---|
//! | [`Shape::Tab`] | one row a line, TAB or markdown pipes between cells | kept as it is |
//! | [`Shape::Layout`] | columns aligned by runs of spaces (`pdftotext -layout`), wrapped names over 2–3 lines | `layout.rs` |
//! | [`Shape::Raw`] | one cell a line, often with blank lines between (`pdftotext`) | `raw.rs` |
//! | [`Shape::Spaced`] | one row a line, single spaces, empty cells gone (pdfplumber) | `spaced.rs` |
//!
//! The shape is detected per table region (a document may mix shapes:
//! a table pasted from Excel inside text copied from a PDF), from the
//! table's title to the next title, 第…部分 heading or prose. Runs of
//! spaces are read as a layout only where they did not come from TABs
//! (`tab_spaces.rs`): a TAB text whose TABs an editor turned into spaces
//! has them too, its empty cells gone and its figures wherever their rows'
//! names end; it is read by its figures, as single-spaced text is. A reader
//! turns the region's raw lines into [`RebuiltRow`]s: the cells the TAB
//! text would have, and the input lines they came from. They are written
//! back into [`Lines`] so that nothing after this stage learns about
//! shapes: a rebuilt row takes the place of its first input line (whose
//! number it keeps, the others listed in [`Line::also`]), and the other
//! input lines are marked [`Noise::Joined`]. Line numbers stay the user's.
//!
//! The 绩效 forms are grids too (`forms.rs`): one laid out by spaces is
//! turned into its rows when they can be told with certainty
//! (`form_layout/`); any other whose rows are not one a line is not read
//! rather than misread (its lines marked [`Noise::Unread`], the form named
//! in [`Lines::unread`] for its own finding) — but for a 整体 form's
//! 年度预算情况 and 部门基本信息 head counts, whose figures follow their
//! labels in any shape (`form_budget.rs`, `form_counts.rs`), and a project
//! form's name and 项目资金: a Shanghai
//! form's (`form_funds.rs`; laid out by spaces, its head, goals and
//! indicator grid too, whose merged cells it centres down the rows they
//! span: `form_centred/`), or a 13-table form's 实施期 and 年度 blocks,
//! their figures centred between their labels' pieces
//! (`form_wrapped_funds.rs`).
//!
//! A reader that cannot tell which column a figure belongs to never
//! guesses: the row is rebuilt with [`UNPLACED`] cells, which the parser
//! reads as unreadable (so the checks that need them do not run), and the
//! reason is kept in [`Lines::unplaced`] for its own finding.

#[cfg(feature = "rebuild")]
mod bare_subtotals;
#[cfg(feature = "rebuild")]
mod drawn_order;
#[cfg(feature = "rebuild")]
mod form_budget;
#[cfg(feature = "rebuild")]
mod form_centred;
#[cfg(feature = "rebuild")]
mod form_counts;
#[cfg(feature = "rebuild")]
mod form_funds;
#[cfg(feature = "rebuild")]
mod form_layout;
#[cfg(feature = "rebuild")]
mod form_wrapped_funds;
mod forms;
#[cfg(feature = "rebuild")]
mod late_figure;
#[cfg(feature = "rebuild")]
mod layout;
#[cfg(feature = "rebuild")]
mod place;
#[cfg(feature = "rebuild")]
mod raw;
#[cfg(feature = "rebuild")]
mod rows_on_one_line;
#[cfg(feature = "rebuild")]
mod spaced;
#[cfg(feature = "rebuild")]
mod spaced_staggered;
#[cfg(feature = "rebuild")]
mod tab_spaces;
#[cfg(feature = "rebuild")]
mod wrapped_name;
// The shape detection uses `is_figure`; the rest serves the readers.
#[cfg_attr(not(feature = "rebuild"), allow(dead_code))]
mod tokens;

use crate::lines::{Line, Lines, Noise};
use crate::parse::tables::title::Titles;
use crate::prelude::*;
use crate::profile::{Profile, Reading, TableDef};

pub use forms::{UnreadForm, NAME_AND_FUNDS};

/// The cell text a reader writes for a figure it could not place.
pub const UNPLACED: &str = "(未能定位)";

/// Most times the tables left with unplaced rows are placed again.
#[cfg(feature = "rebuild")]
const ROUNDS: usize = 3;

/// How a table region's rows are laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Tab,
    Layout,
    Raw,
    Spaced,
}

/// One table row as the TAB text would have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebuiltRow {
    /// 1-based input line numbers the row was read from, the first first.
    pub lines: Vec<usize>,
    pub cells: Vec<String>,
}

/// A row whose figures could not be placed in their columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnplacedRow {
    pub lines: Vec<usize>,
    pub table: &'static str,
    /// The figures as printed, in reading order, and the line of each.
    pub figures: Vec<String>,
    pub figure_lines: Vec<usize>,
    /// Why, in Chinese ("3 个数字对应 5 列，无法唯一确定各自的列").
    pub reason: String,
    /// Some of the figures belong to rows the reading did not find: more
    /// figures than the cells they could go to (rows printed on one line),
    /// or figures apart from every row. A code looked up in the table may
    /// be one of those rows, so no check may take it for absent.
    pub rows_unread: bool,
}

/// What a reader gives back for a region.
#[derive(Debug, Default)]
pub struct Rebuilt {
    pub rows: Vec<RebuiltRow>,
    pub unplaced: Vec<UnplacedRow>,
    /// Lines a reader found to be page furniture the lines stage did not
    /// mark (a page's number among a table's rows): marked [`Noise::Page`].
    pub pages: Vec<usize>,
}

/// One table region handed to a reader.
pub struct Region<'a> {
    pub table: &'static TableDef,
    pub profile: &'static Profile,
    /// The region's lines after the title, as normalised (spacing kept)
    /// but for the indentation all its content lines share ([`unindented`]).
    pub raw: Vec<&'a str>,
    /// The same lines as the lines stage read them (noise marked), their
    /// numbers rising by one but where a title was put back over its table
    /// ([`Lines::reorder`]: the header words drawn after it come first).
    pub lines: &'a [Line],
}

/// Runs `read` on `text` as the whole region of `profile`'s table `table`,
/// its first line numbered 1, its pages marked as `check_text` marks them:
/// how the readers' unit tests give them a table.
#[cfg(test)]
pub(crate) fn with_region<T>(
    profile: &'static Profile,
    table: &str,
    text: &str,
    read: impl FnOnce(&Region) -> T,
) -> T {
    let mut lines = Lines::from_text(text);
    lines.mark_pages(text);
    let raw: Vec<&str> = text.split('\n').collect();
    let region = Region {
        table: profile.table(table).expect("the profile's table"),
        profile,
        raw: unindented(&raw, &lines.all),
        lines: &lines.all,
    };
    read(&region)
}

impl<'a> Region<'a> {
    /// The region after the title on line index `title`, up to line index
    /// `end` (exclusive).
    fn between(
        title: usize,
        end: usize,
        table: &'static TableDef,
        profile: &'static Profile,
        raw: &'a [&'a str],
        lines: &'a Lines,
    ) -> Region<'a> {
        let lines = &lines.all[title + 1..end];
        Region {
            table,
            profile,
            raw: unindented(&raw[title + 1..end], lines),
            lines,
        }
    }

    /// Whether the region's amounts are in 元: as its "单位：" says
    /// ("编制单位：…" is no unit), else as the profile's table is.
    pub fn in_yuan(&self) -> bool {
        let printed = self.raw.iter().find_map(|line| {
            line.match_indices("单位").find_map(|(at, _)| {
                let after = line[at + "单位".len()..]
                    .trim_start_matches([':', '：', ' '])
                    .trim_start();
                crate::parse::tables::MONEY_UNITS
                    .into_iter()
                    .find(|unit| after.starts_with(unit))
            })
        });
        printed.unwrap_or(self.table.unit) == "元"
    }

    /// Whether a line of the region that is no noise prints an amount,
    /// whole ones counted in a region of whole figures
    /// ([`tokens::Figures`]: "3,296,600" in Shanghai's 元 tables).
    pub fn has_amounts(&self) -> bool {
        let figures = self.figures();
        self.content_words().any(|w| figures.is(w))
    }

    /// How the region prints its amounts ([`tokens::Figures`]).
    pub fn figures(&self) -> tokens::Figures {
        tokens::Figures::of(self.content_words(), self.in_yuan())
    }

    /// The words of the region's lines that are no noise.
    fn content_words(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.raw
            .iter()
            .zip(self.lines)
            .filter(|(_, line)| line.noise.is_none())
            .flat_map(|(raw, _)| raw.split_whitespace())
    }

    /// The 1-based input line number of `raw[i]`.
    pub fn line_no(&self, i: usize) -> usize {
        self.lines[i].no
    }

    /// Input line `no` of the region, as `raw` holds it.
    pub fn raw_of(&self, no: usize) -> &'a str {
        self.lines
            .iter()
            .position(|line| line.no == no)
            .map_or("", |i| self.raw[i])
    }
}

/// `raw` without the indentation all its content lines share: a paste
/// indented as a whole tells nothing of cells, and the readers measure
/// columns from the region's left margin ("a 类 code opens the line").
/// A line indented less (a noise line) loses only what it has.
fn unindented<'a>(raw: &[&'a str], lines: &[Line]) -> Vec<&'a str> {
    let indent = |raw: &str| raw.len() - raw.trim_start_matches(' ').len();
    let shared = raw
        .iter()
        .zip(lines)
        .filter(|(_, line)| line.noise.is_none() && !line.is_blank())
        .map(|(raw, _)| indent(raw))
        .min()
        .unwrap_or(0);
    raw.iter().map(|r| &r[indent(r).min(shared)..]).collect()
}

/// A region whose figures are placed by the table's sums (one cell a line,
/// single spaces), read and the reading it is. A two-sided table of split
/// codes staggered by single spaces is taken for one cell a line by its
/// many one-word lines (`detect_shape`); `spaced_staggered` tells it by its
/// 类 lines holding both sides' codes.
#[cfg(feature = "rebuild")]
fn read_placing(
    shape: Shape,
    region: &Region,
    known: &mut place::Known,
) -> (Reading, Option<Rebuilt>) {
    if let Some(rebuilt) = spaced_staggered::read(region, known) {
        return (Reading::Spaced, Some(rebuilt));
    }
    match shape {
        Shape::Raw => (Reading::Raw, raw::read(region, known)),
        _ => (Reading::Spaced, spaced::read(region, known)),
    }
}

/// Rebuilds every table region of `lines` that is not in the TAB shape.
/// `raw` are the lines of the normalised text `lines` was read from, as
/// printed (spacing kept), `raw[i]` being `lines.all[i]`: where titles are
/// put back over their tables, `raw` is put in the lines' new order too.
///
/// Returns the readings it used (each once), for `Profile::verified_readings`.
pub fn rebuild(lines: &mut Lines, raw: &mut [&str], profile: &'static Profile) -> Vec<Reading> {
    forms::mark_unread(lines, raw);
    let titles = Titles::of(profile);
    let starts = titles.starts(lines);
    #[cfg_attr(not(feature = "rebuild"), allow(unused_mut))]
    let mut regions = table_regions(lines, &starts);
    let mut used = Vec::new();
    if regions.is_empty() {
        return used;
    }
    // Tables whose bounds a title drawn after them leaves uncertain.
    #[cfg(feature = "rebuild")]
    let mut uncertain: Vec<&'static str> = Vec::new();
    #[cfg(feature = "rebuild")]
    if drawn_order::titles_after_tables(lines, raw, &regions) {
        match drawn_order::put_titles_over_tables(lines, raw, &starts) {
            Some(tables) => {
                uncertain = tables;
                // The titles stand where they were put.
                regions = table_regions(lines, &titles.starts(lines));
                used.push(Reading::TitlesPutBack);
            }
            None => used.push(Reading::TitlesAfterTables),
        }
    }
    let raw: &[&str] = raw;
    #[cfg(feature = "rebuild")]
    let mut known = place::Known::default();
    #[cfg(feature = "rebuild")]
    known.set_effort(place::Effort::First);
    // Tables the placing left rows unplaced in, read again once every
    // table after them is known (表5's 基本支出 is 表8's 合计): their rows
    // are written back only then.
    #[cfg(feature = "rebuild")]
    let mut again: Vec<ReadAgain> = Vec::new();
    // A table of one row cannot show where its spaces came from; the
    // document's lines can, weighed once, and only for a document with a
    // region laid out by spaces (a TAB text has none).
    let mut document_from_tabs: Option<bool> = None;
    for (start, end, table) in regions {
        #[cfg(feature = "rebuild")]
        if uncertain.contains(&table.id) {
            drawn_order::leave_unread(lines, raw, start + 1, end, table);
            continue;
        }
        let region = Region::between(start, end, table, profile, raw, lines);
        let shape = detect_shape(&region, || {
            *document_from_tabs.get_or_insert_with(|| spaced_from_tabs(raw, &lines.all))
        });
        let (reading, rebuilt) = match shape {
            Shape::Tab => continue,
            // The one-cell-a-line reader pairs two sides at most: a table
            // of three (Jiangsu 01) is left unread. The layout and
            // single-spaced readers place every side (a spaced line holds
            // a row of each side).
            #[cfg(feature = "rebuild")]
            Shape::Raw if table.sides.len() > 2 => (Reading::Raw, None),
            #[cfg(feature = "rebuild")]
            Shape::Layout => (Reading::Layout, layout::read(&region)),
            #[cfg(feature = "rebuild")]
            Shape::Raw | Shape::Spaced => read_placing(shape, &region, &mut known),
            // Without the readers the shape is only recorded, figures or
            // not (a reader rebuilds an empty table's rows too): the caller
            // sees `DocumentInfo::rebuild_needed` and does not use the report.
            #[cfg(not(feature = "rebuild"))]
            shape => {
                used.push(reading_of(shape));
                continue;
            }
        };
        // A region without a figure (an empty table) can mislead no check.
        // (Without the readers no shape is read here: every arm above
        // goes on to the next table.)
        #[cfg_attr(not(feature = "rebuild"), allow(unreachable_code))]
        let has_figures = region.has_amounts();
        if !used.contains(&reading) && has_figures {
            used.push(reading);
        }
        match rebuilt {
            #[cfg(feature = "rebuild")]
            Some(rebuilt)
                if !rebuilt.unplaced.is_empty() && matches!(shape, Shape::Raw | Shape::Spaced) =>
            {
                again.push(ReadAgain {
                    start,
                    end,
                    table,
                    shape,
                    rebuilt: Some(rebuilt),
                    // Read at the first effort: read again in full.
                    seen: usize::MAX,
                });
            }
            Some(rebuilt) => write_back(lines, rebuilt),
            // One cell a line the parser would read as rows of labels
            // alone, their figures on lines of their own: read blank.
            #[cfg(feature = "rebuild")]
            None if shape == Shape::Raw && has_figures => {
                leave_unread(lines, raw, start + 1..end, table, |figures| {
                    format!("{figures} {RAW_UNREAD}")
                });
            }
            None => {}
        }
    }
    // Each round knows more than the one before (表一's classes are 表二's,
    // whose sources are 表一's): rounds go on while they place more. A
    // table is read again only when what is known changed since its last
    // reading (the same knowledge gives the same reading).
    #[cfg(feature = "rebuild")]
    {
        known.set_effort(place::Effort::Full);
        let mut before = usize::MAX;
        for _ in 0..ROUNDS {
            let mut read = false;
            for table in &mut again {
                if table.seen == known.changes() {
                    continue;
                }
                let region =
                    Region::between(table.start, table.end, table.table, profile, raw, lines);
                table.rebuilt = read_placing(table.shape, &region, &mut known).1;
                table.seen = known.changes();
                read = true;
            }
            let left: usize = again
                .iter()
                .filter_map(|t| t.rebuilt.as_ref())
                .map(|r| r.unplaced.len())
                .sum();
            if !read || left == 0 || left >= before {
                break;
            }
            before = left;
        }
        for table in again {
            if let Some(rebuilt) = table.rebuilt {
                write_back(lines, rebuilt);
            }
        }
    }
    used
}

/// Why a table of one cell a line the raw reader could not read is left
/// unread.
#[cfg(feature = "rebuild")]
const RAW_UNREAD: &str = "个数字所在的表来自每格一行的文本，未能按本表的行和列读出（如收入、功能分类、支出用途三栏交错印出）；本表各行的金额未核对";

/// Leaves the table region `lines.all[range]` unread: its lines are
/// marked unread but its heading (部门：…, 单位：…, which the parser reads
/// the unit from), and one unplaced row lists its figures, so that no check
/// sums its rows or looks a code up in it; its S106 finding gives
/// `reason(number of figures)`.
#[cfg(feature = "rebuild")]
fn leave_unread(
    lines: &mut Lines,
    raw: &[&str],
    range: core::ops::Range<usize>,
    table: &'static TableDef,
    reason: impl Fn(usize) -> String,
) {
    let mut unread = UnplacedRow {
        lines: Vec::new(),
        table: table.id,
        figures: Vec::new(),
        figure_lines: Vec::new(),
        reason: String::new(),
        rows_unread: true,
    };
    for (line, printed) in lines.all[range.clone()].iter_mut().zip(&raw[range]) {
        if line.noise.is_some() || line.is_blank() || tokens::is_table_heading(printed) {
            continue;
        }
        unread.lines.push(line.no);
        for figure in printed.split_whitespace().filter(|w| tokens::is_figure(w)) {
            unread.figures.push(figure.to_string());
            unread.figure_lines.push(line.no);
        }
        line.noise = Some(Noise::Unread);
    }
    unread.reason = reason(unread.figures.len());
    unread.lines.sort_unstable();
    lines.unplaced.push(unread);
}

/// A table read again in the rounds after the first reading: its region,
/// its last reading, and `Known::changes` right after it (none after the
/// first reading, which searched at `Effort::First` only).
#[cfg(feature = "rebuild")]
struct ReadAgain {
    start: usize,
    end: usize,
    table: &'static TableDef,
    shape: Shape,
    rebuilt: Option<Rebuilt>,
    seen: usize,
}

#[cfg(not(feature = "rebuild"))]
fn reading_of(shape: Shape) -> Reading {
    match shape {
        Shape::Layout => Reading::Layout,
        Shape::Raw => Reading::Raw,
        _ => Reading::Spaced,
    }
}

/// (index of the title's last line, index past the region's end, table)
/// for each table title `starts` holds, in order: the region starts after the
/// title, all of it — the last piece of a title wrapped over lines
/// ("…支出预" / "算表") is no header word of the table.
fn table_regions(
    lines: &Lines,
    starts: &[(usize, usize, &'static TableDef)],
) -> Vec<(usize, usize, &'static TableDef)> {
    let mut regions = Vec::with_capacity(starts.len());
    for (n, &(_, title_end, def)) in starts.iter().enumerate() {
        let next = starts.get(n + 1).map_or(lines.all.len(), |&(i, _, _)| i);
        let end = (title_end + 1..next)
            .find(|&i| crate::parse::tables::ends_table_region(&lines.all[i]))
            .unwrap_or(next);
        regions.push((title_end, end, def));
    }
    regions
}

/// The region's shape, from its content lines: TAB or pipes when most
/// multi-cell lines have them; aligned columns when runs of spaces stand
/// in a tenth of the lines, or in two (no other shape has any: in a
/// two-sided table most lines are one wrapped fragment, and an empty
/// table's rows are its labels alone, under a spaced header); one cell a line when most lines hold one token;
/// single-spaced otherwise. Runs of spaces that came from TABs
/// ([`spaced_from_tabs`]: told of the region — a TAB table pasted into
/// other text — or else of the whole document, `document_from_tabs`, since
/// a table of one row cannot show it) are no layout: such a region is told
/// by its figures, as text without runs of spaces is.
pub fn detect_shape(region: &Region, document_from_tabs: impl FnOnce() -> bool) -> Shape {
    let mut content = 0;
    let mut tabbed = 0;
    let mut aligned = 0;
    let mut single = 0;
    for (raw, line) in region.raw.iter().zip(region.lines) {
        if line.noise.is_some() || line.is_blank() {
            continue;
        }
        content += 1;
        let trimmed = raw.trim();
        // Not trimmed: a row whose label cells are empty starts with TABs.
        if raw.contains('\t') || trimmed.starts_with('|') {
            tabbed += 1;
        } else if raw.trim_end().contains("  ") {
            // Indentation counts: a wrapped label's lone fragment in a
            // right-hand column is indented, and nothing else is.
            aligned += 1;
        } else if !trimmed.contains(' ') {
            single += 1;
        }
    }
    // Lines of one word (部门名称：…, 注：…) say nothing about cells.
    let multi = content - single;
    if content == 0 || tabbed * 2 >= content || (tabbed > 0 && tabbed * 2 >= multi) {
        Shape::Tab
    } else if !cfg!(feature = "rebuild") {
        // Without the readers any other shape needs the module that has
        // them (`DocumentInfo::rebuild_needed`), whichever it is.
        Shape::Spaced
    } else if (aligned * 10 >= content || aligned >= 2)
        && !(spaced_from_tabs(&region.raw, region.lines) || document_from_tabs())
    {
        Shape::Layout
    } else if let Some(shape) = by_figures(region) {
        // A figure alone on its line is one cell a line, unless the
        // region is pdfplumber's: its label cells taller than their
        // figures' put each figure under its label ("收入总计" /
        // "20,849.45"), yet it still prints cells side by side.
        if matches!(shape, Shape::Raw) && spaced_print(region) && figures_side_by_side(region) {
            Shape::Spaced
        } else {
            shape
        }
    } else if single * 2 >= content && !spaced_print(region) {
        Shape::Raw
    } else {
        Shape::Spaced
    }
}

/// Whether the lines' runs of spaces came from TABs
/// ([`tab_spaces::spaced_from_tabs`]). Without the readers a region is
/// only told apart from TAB text, which this does not change.
fn spaced_from_tabs(raw: &[&str], lines: &[Line]) -> bool {
    #[cfg(feature = "rebuild")]
    {
        tab_spaces::spaced_from_tabs(raw, lines)
    }
    #[cfg(not(feature = "rebuild"))]
    {
        let _ = (raw, lines);
        false
    }
}

/// What tells pdfplumber's text from `pdftotext`'s one cell a line when
/// the figures do not: two names set one space apart on a line, one of
/// them a header word of the table (two cells side by side: "一般公共预算
/// 资金 公共财政拨款(补助)资金", "功能科目编码 功能科目名称"), and no blank
/// line among the region's lines but where a page ends after its number
/// (`pdftotext` parts its blocks by blank lines). One cell a line sets
/// two names side by side too, where a cell holds a space or two cells
/// share a baseline ("打印设备（20 万以上） 政府集中采购", the next
/// table's label "公开 06 表"), but then neither is a header word; and a
/// text whose blank lines were dropped shows no break.
fn spaced_print(region: &Region) -> bool {
    let name = |w: &str| w.chars().count() >= 2 && !tokens::is_figure(w);
    let header = |w: &str| tokens::is_header_piece(w, region.table);
    let mut side_by_side = false;
    let mut blank_run = false;
    let mut after_page_number = false;
    let mut broken = false;
    for (raw, line) in region.raw.iter().zip(region.lines) {
        if line.is_blank() {
            blank_run |= !after_page_number;
            continue;
        }
        // A blank line with content after it parts the region.
        broken |= blank_run;
        blank_run = false;
        let trimmed = raw.trim();
        after_page_number = trimmed.len() <= 3 && trimmed.bytes().all(|b| b.is_ascii_digit());
        if line.noise.is_some() || tokens::is_meta(raw) {
            continue;
        }
        let words: Vec<&str> = raw.split_whitespace().collect();
        side_by_side |= words
            .windows(2)
            .any(|p| name(p[0]) && name(p[1]) && (header(p[0]) || header(p[1])));
    }
    side_by_side && !broken
}

/// Whether a line holds two figures or more, or the table has one column
/// of figures: a row's figures, printed side by side. pdfplumber prints
/// them so, even where its label cells stand apart from their figures; one
/// cell a line never does, its blank lines between blocks gone or not (a
/// PDF viewer's copy has none).
fn figures_side_by_side(region: &Region) -> bool {
    // A table of one column of figures cannot show it.
    region.table.columns().nth(1).is_none()
        || region.raw.iter().zip(region.lines).any(|(raw, line)| {
            line.noise.is_none()
                && raw
                    .split_whitespace()
                    .filter(|w| tokens::is_figure(w))
                    .nth(1)
                    .is_some()
        })
}

/// Raw or spaced, from the lines holding figures: `pdftotext` puts a
/// figure alone on its line, pdfplumber with its row's label and the
/// row's other figures. None when the region has no figure. Whole
/// amounts count in a region of them (Shanghai's 元: "164,978,640").
fn by_figures(region: &Region) -> Option<Shape> {
    let figures_of = region.figures();
    let mut with_figures = 0;
    let mut alone = 0;
    // Lines of a split code's cell alone ("201", "03", "01"): one cell a
    // line prints as many for each 项 row, whose figures may stand two to
    // a line (Shanghai's 元 with decimals, "12,029,501.84 12,029,501.84",
    // 政府办公室 2025 with its blank lines dropped); pdfplumber prints a
    // row's code cells with its name.
    let mut code_cells = 0;
    for (raw, line) in region.raw.iter().zip(region.lines) {
        if line.noise.is_some() {
            continue;
        }
        let mut words = 0;
        let mut figures = 0;
        for w in raw.split_whitespace() {
            words += 1;
            if figures_of.is(w) {
                figures += 1;
            }
        }
        if figures > 0 {
            with_figures += 1;
            if words == 1 {
                alone += 1;
            }
        } else if words == 1 && tokens::is_code_cell(raw.trim()) {
            code_cells += 1;
        }
    }
    if with_figures == 0 {
        None
    } else if alone * 2 >= with_figures || code_cells >= with_figures {
        Some(Shape::Raw)
    } else {
        Some(Shape::Spaced)
    }
}

/// Writes a reader's rows over the region's lines.
fn write_back(lines: &mut Lines, rebuilt: Rebuilt) {
    write_rows(lines, rebuilt.rows);
    for no in rebuilt.pages {
        lines.mark(no, Noise::Page);
    }
    lines.unplaced.extend(rebuilt.unplaced);
}

/// Each rebuilt row over its first line; the other lines it was read from
/// are marked joined into it (their text stays for citations). A row whose
/// first line is the one the row before it took was printed on that line
/// after it ([`Line::rows_after`]: rows a browser's copy set on one line,
/// parted, come one after another).
fn write_rows(lines: &mut Lines, rows: impl IntoIterator<Item = RebuiltRow>) {
    let mut last = None;
    for row in rows {
        let Some((&first, rest)) = row.lines.split_first() else {
            continue;
        };
        let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
        if last == Some(first) {
            lines.add_row_after(first, &cells, rest);
        } else {
            lines.replace(first, &cells, rest);
        }
        last = Some(first);
        for &no in rest {
            lines.mark(no, Noise::Joined);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{detect_shape, with_region, Shape};
    use crate::profile::SHANGHAI9_DEPARTMENT;

    /// Shanghai's 财务收支预算总表 one cell a line, its blank lines dropped
    /// (wanlijiedao 2023): its figures are whole, in 元, most alone on
    /// their lines. Not counted as figures, they left the region to the
    /// single-spaced reader, which put 二、公共安全支出's 1,252,300 under
    /// 1.一般公共预算 (T105: 164,978,640 ≠ 1,252,300).
    const SHANGHAI_1: &str =
        "编制部门：上海市普陀区人民政府万里街道办事处\n单位：元\n本年收入\n项目\n\
        本年支出\n预算数\n项目\n预算数\n一、财政拨款收入\n164,978,640 一、一般公共服务支出\n\
        2,976,800\n1. 一般公共预算\n164,978,640 二、公共安全支出\n1,252,300\n2. 政府性基金\n\
        三、科学技术支出\n100,000\n3. 国有资本经营预算\n四、文化旅游体育与传媒支出\n200,000\n\
        二、事业收入\n五、社会保障和就业支出\n27,073,236\n三、事业单位经营收入\n六、卫生健康支出\n\
        3,095,732\n四、其他收入\n七、城乡社区支出\n121,319,878\n八、住房保障支出\n8,960,694\n\
        收入总计\n164,978,640\n支出总计\n164,978,640\n";

    /// Shanghai's 收入预算总表 one cell a line, its blank lines dropped
    /// (政府办公室 2025): its figures, in 元 with decimals, stand two to a
    /// line, but its code cells each alone on theirs. Read single-spaced,
    /// the 款 cells became names (S105: 科目201 "名为「03」").
    const SHANGHAI_2_PAIRS: &str = "编制单位：上海市普陀区人民政府办公室\n单位：元\n项目\n\
        功能分类科目编码\n类\n款\n功能分类科目名称\n项\n201\n收入预算\n合计\n财政拨款收入\n\
        一般公共服务支出\n82,096,797.42 82,096,797.42\n政府办公厅（室）及相关机构事务\n\
        82,096,797.42 82,096,797.42\n201\n03\n201\n03\n01\n行政运行\n\
        12,029,501.84 12,029,501.84\n201\n03\n02\n一般行政管理事务\n\
        46,140,000.00 46,140,000.00\n201\n03\n50\n事业运行\n3,807,295.58 3,807,295.58\n";

    #[test]
    fn code_cells_alone_on_their_lines_are_one_cell_a_line() {
        let shape_of = |text: &str| {
            with_region(&SHANGHAI9_DEPARTMENT, "表2", text, |region| {
                detect_shape(region, || false)
            })
        };
        assert_eq!(shape_of(SHANGHAI_2_PAIRS), Shape::Raw);
        // pdfplumber prints a row's code cells with its name.
        let spaced = "单位：元\n类 款 项\n201 一般公共服务支出 82,096,797.42 82,096,797.42\n\
            201 03 政府办公厅（室）及相关机构事务 82,096,797.42 82,096,797.42\n\
            201 03 01 行政运行 12,029,501.84 12,029,501.84\n";
        assert_eq!(shape_of(spaced), Shape::Spaced);
    }

    #[test]
    fn whole_figures_alone_on_their_lines_are_one_cell_a_line() {
        let shape = with_region(&SHANGHAI9_DEPARTMENT, "表1", SHANGHAI_1, |region| {
            detect_shape(region, || false)
        });
        assert_eq!(shape, Shape::Raw);
    }
}
