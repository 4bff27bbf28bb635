//! The name of a 政府采购预算表 row whose cells wrap, read from
//! single-spaced text: each cell centred on its row ([`read`]), or, in a
//! PDF viewer's copy, whole one after the other before the figure
//! ([`read_drawn`]).
//!
//! The table prints a row's name in cells side by side (a block row's
//! 专项名称 and 经济科目, an item's 采购物品名称 and 采购组织形式), each
//! centred on the row. Where two cells wrap, pdfplumber prints on each
//! line the pieces standing at its height, left to right, one space
//! apart, so their pieces interleave:
//!
//! ```text
//! 政法、检测专 分散自行组
//! 20.00
//! 用设备 织
//! ```
//!
//! Which piece is whose the text does not say, but the last cell's values
//! are few and known ([`Profile::last_label_cells`]: 政府集中采购, 分散自行组织,
//! 办公设备购置 …). A reading takes, on some lines, the line's last words as
//! that cell's piece, so that those pieces spell one of its values, and
//! the other words as the cell before it ("政法、检测专用设备 分散自行组织").
//! Both cells are centred on the row, so each stands on lines placed alike
//! above and below the line of the row's figures, and a cell's piece on
//! a line is one cell's text (no space between two CJK characters, which
//! is where pdfplumber parts two cells; "台式计算机（20 万以" is one).
//! The name is read only when every reading spells the same name: the
//! pieces of "网络、电子检务、实" / "验室、机要通道、档 信息网络及软件" /
//! "112.00" / "案数字化系统运行 购置更新" / "维护费" fit one way only, with
//! 信息网络及软件购置更新 as the 经济科目.
//!
//! [`Profile::last_label_cells`]: crate::profile::Profile::last_label_cells

use crate::prelude::*;
use crate::text::fold_key;

/// More lines than this, or more words on a line, are no row's name: the
/// readings are not sought (a hostile text cannot make them many).
const MOST_LINES: usize = 9;
const MOST_WORDS: usize = 6;

/// The row's name, from its name words line by line (figures left out),
/// `middle` the index of the line holding its figures; None unless
/// exactly one name fits.
pub(super) fn read(lines: &[Vec<&str>], middle: usize, last_cells: &[&str]) -> Option<String> {
    if lines.len() != 2 * middle + 1
        || lines.len() > MOST_LINES
        || lines.iter().any(|l| l.len() > MOST_WORDS)
        || last_cells.is_empty()
    {
        return None;
    }
    let values: Vec<String> = last_cells
        .iter()
        .map(|v| fold_key(v).into_owned())
        .collect();
    let mut search = Search {
        lines,
        values: &values,
        taken: vec![0; lines.len()],
        names: Vec::new(),
    };
    search.from(0, String::new());
    let (first, rest) = search.names.split_first()?;
    rest.iter()
        .all(|n| fold_key(n) == fold_key(first))
        .then(|| first.clone())
}

/// Most lines a row's name may take in text in the order the PDF draws
/// it, where the cells come one after the other: a 专项名称 of five lines
/// and an 采购物品名称 and 采购组织形式 of three each, with room to spare.
const MOST_DRAWN_LINES: usize = 2 * MOST_LINES;

/// A row's name in text that comes in the order the PDF draws it (a PDF
/// viewer's copy): each cell whole, one after the other, left to right, so
/// that the last cell ends on the line of the row's figures ("网络、电子检
/// 务、实验" / "室、…档案数" / "字化系统运行维护费" / "信息网络及软件购" /
/// "置更新" / "60.00", or Firefox's "复印机 分散自行组" / "织 8.00").
pub(super) struct Drawn {
    /// The first cell, a space, the last (the last alone when the row
    /// fills no other).
    pub(super) name: String,
    /// The last cell ran over two lines or more and ended on the figures'
    /// line or the one just above it: text in the order the PDF draws it,
    /// since a cell centred on its row stands as far below the figures as
    /// above them.
    pub(super) ends_wrapped: bool,
}

/// Reads the name of a row from its name words line by line (figures left
/// out), the figures' line last (its words may be none): the last cell is
/// the words at the end that spell one of `last_cells`' values, the first
/// cell the words before them. None unless exactly one ending spells a
/// value and each cell's words on a line are one cell's ([`one_cell`]).
pub(super) fn read_drawn(lines: &[Vec<&str>], last_cells: &[&str]) -> Option<Drawn> {
    if lines.len() > MOST_DRAWN_LINES || lines.iter().any(|l| l.len() > MOST_WORDS) {
        return None;
    }
    let pieces: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, words)| words.iter().map(move |&w| (i, w)))
        .collect();
    let values: Vec<String> = last_cells
        .iter()
        .map(|v| fold_key(v).into_owned())
        .collect();
    let longest = values.iter().map(String::len).max().unwrap_or(0);
    let mut endings = Vec::new();
    let mut spelt = String::new();
    for k in (0..pieces.len()).rev() {
        spelt.insert_str(0, &fold_key(pieces[k].1));
        if spelt.len() > longest {
            break;
        }
        if values.contains(&spelt) {
            endings.push(k);
        }
    }
    let [from] = endings[..] else {
        return None;
    };
    let (first, last) = pieces.split_at(from);
    let cell = |part: &[(usize, &str)]| -> Option<String> {
        let mut text = String::new();
        for line in part.chunk_by(|a, b| a.0 == b.0) {
            let words: Vec<&str> = line.iter().map(|p| p.1).collect();
            if !one_cell(&words) {
                return None;
            }
            text.push_str(&words.join(" "));
        }
        Some(text)
    };
    let (first, last_text) = (cell(first)?, cell(last)?);
    let (top, bottom) = (last[0].0, last[last.len() - 1].0);
    Some(Drawn {
        name: if first.is_empty() {
            last_text
        } else {
            format!("{first} {last_text}")
        },
        ends_wrapped: top < bottom && bottom + 2 >= lines.len(),
    })
}

/// The readings sought line by line: how many last words of each line
/// the last cell takes.
struct Search<'a, 'w> {
    lines: &'a [Vec<&'w str>],
    values: &'a [String],
    taken: Vec<usize>,
    names: Vec<String>,
}

impl Search<'_, '_> {
    /// Readings given `taken` for the lines before `line`, the last cell's
    /// pieces on them spelling `spelt` (folded, `fold_key`).
    fn from(&mut self, line: usize, spelt: String) {
        if line == self.lines.len() {
            if self.values.contains(&spelt) {
                if let Some(name) = self.name() {
                    self.names.push(name);
                }
            }
            return;
        }
        let words = &self.lines[line];
        let mirror = self.lines.len() - 1 - line;
        for take in 0..=words.len() {
            // Lines below the middle: each cell stands where it stood on
            // the line as far above.
            if mirror < line {
                let above = self.taken[mirror];
                let below_of = |taken: usize, len: usize| (taken > 0, taken < len);
                if below_of(take, words.len()) != below_of(above, self.lines[mirror].len()) {
                    continue;
                }
            }
            let piece = &words[words.len() - take..];
            if take > 0 && !one_cell(piece) {
                continue;
            }
            let spelt = spelt.clone() + &fold_key(&piece.concat());
            if !self.values.iter().any(|v| v.starts_with(&spelt)) {
                continue;
            }
            self.taken[line] = take;
            self.from(line + 1, spelt);
        }
        self.taken[line] = 0;
    }

    /// The name of the reading `taken` holds: the first cell, a space,
    /// the last; None when a line's first-cell words are two cells.
    fn name(&self) -> Option<String> {
        let mut first = String::new();
        let mut last = String::new();
        for (words, &taken) in self.lines.iter().zip(&self.taken) {
            let (own, theirs) = words.split_at(words.len() - taken);
            if !one_cell(own) {
                return None;
            }
            first.push_str(&own.join(" "));
            last.push_str(&theirs.join(" "));
        }
        Some(if first.is_empty() {
            last
        } else {
            format!("{first} {last}")
        })
    }
}

/// Whether words printed one space apart are one cell's: pdfplumber parts
/// a cell's text only where a narrow character meets a wide one ("（20
/// 万以"), so two CJK characters a space apart are two cells.
fn one_cell(words: &[&str]) -> bool {
    words.windows(2).all(|pair| {
        let end = pair[0].chars().next_back();
        let start = pair[1].chars().next();
        !(end.is_some_and(is_wide) && start.is_some_and(is_wide))
    })
}

fn is_wide(c: char) -> bool {
    !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAST: &[&str] = &[
        "政府集中采购",
        "部门集中采购",
        "分散自行组织",
        "办公设备购置",
        "信息网络及软件购置更新",
        "维修（护）费",
        "公务用车运行维护费",
        "会议费",
        "培训费",
    ];

    fn name(text: &str) -> Option<String> {
        let lines: Vec<Vec<&str>> = text
            .lines()
            .map(|l| {
                l.split_whitespace()
                    .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
                    .collect()
            })
            .collect();
        read(&lines, lines.len() / 2, LAST)
    }

    #[test]
    fn the_last_cell_on_the_middle_line() {
        // 检察院 2017, 公开12表.
        assert_eq!(
            name("台式计算机（20 万以\n政府集中采购 35.00\n上）").as_deref(),
            Some("台式计算机（20 万以上） 政府集中采购")
        );
        assert_eq!(
            name("公务用车运行维\n交通运行费 267.80\n护费").as_deref(),
            Some("交通运行费 公务用车运行维护费")
        );
    }

    #[test]
    fn both_cells_wrapped_on_the_same_lines() {
        assert_eq!(
            name("政法、检测专 分散自行组\n20.00\n用设备 织").as_deref(),
            Some("政法、检测专用设备 分散自行组织")
        );
        // 检察院 2018: the two cells' pieces on lines of their own.
        assert_eq!(
            name("台式计算机\n部门集中采\n（20万以 27.00\n购\n上）").as_deref(),
            Some("台式计算机（20万以上） 部门集中采购")
        );
    }

    #[test]
    fn a_long_first_cell_around_a_wrapped_last_one() {
        assert_eq!(
            name(
                "网络、电子检务、实\n验室、机要通道、档 信息网络及软件\n112.00\n\
                 案数字化系统运行 购置更新\n维护费"
            )
            .as_deref(),
            Some(
                "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费 信息网络及软件购置更新"
            )
        );
    }

    #[test]
    fn a_cell_not_centred_on_the_row_is_no_reading() {
        // 检察院 2018: "物业管理服务" merged over two rows, its pieces
        // printed one in each.
        assert_eq!(name("部门集中采\n330.00\n物业管理服 购"), None);
        assert_eq!(name("务 分散自行组\n20.00\n织"), None);
    }

    #[test]
    fn no_known_last_cell_is_no_reading() {
        assert_eq!(name("办公、办案设\n专项业务费 120.00\n备更新费"), None);
    }

    #[test]
    fn two_cells_on_a_line_of_the_first_cell_is_no_reading() {
        // A merged 专项名称 printed on the line, beside the item's wrapped
        // name: the first cell's words on that line are two cells.
        assert_eq!(
            name("台式计算机（20 万以\n机要业务费 办公设备 政府集中采购 35.00\n上）"),
            None
        );
    }

    #[test]
    fn readings_spelling_one_name_read_it_and_two_names_none() {
        // Either the middle line or the outer ones spell 办公设备购置: the
        // name is the same either way.
        assert_eq!(
            name("办公设备\n办公设备购置 1.00\n购置").as_deref(),
            Some("办公设备购置 办公设备购置")
        );
        // 会议费 under 培训费, or 培训费 under 会议费.
        assert_eq!(name("培训\n会议费 1.00\n费"), None);
    }

    #[test]
    fn lines_not_centred_on_the_figures_or_too_many_are_no_reading() {
        assert_eq!(name("30.00\n机要及电子政务业务费 办公设备购置"), None);
        let many = "甲\n".repeat(MOST_LINES + 2);
        assert_eq!(name(&many), None);
    }

    fn drawn(text: &str) -> Option<(String, bool)> {
        let lines: Vec<Vec<&str>> = text
            .split('\n')
            .map(|l| {
                l.split_whitespace()
                    .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()) || w.contains('万'))
                    .collect()
            })
            .collect();
        read_drawn(&lines, LAST).map(|d| (d.name, d.ends_wrapped))
    }

    #[test]
    fn drawn_cells_whole_one_after_the_other() {
        // 检察院 2018 out of Chrome's viewer: the figure alone after the
        // last cell, and out of Firefox's: on the last cell's last line.
        assert_eq!(
            drawn("台式计算机\n（20 万以\n上）\n部门集中采\n购\n27.00"),
            Some(("台式计算机（20 万以上） 部门集中采购".to_string(), true))
        );
        assert_eq!(
            drawn("网络、电子检务、实验\n室、机要通道、档案数\n字化系统运行维护费\n信息网络及软件购\n置更新 60.00"),
            Some((
                "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费 信息网络及软件购置更新"
                    .to_string(),
                true
            ))
        );
        // A last cell on one line tells nothing of the order.
        assert_eq!(
            drawn("办公、办案设备更新购\n置费 办公设备购置 146.00"),
            Some(("办公、办案设备更新购置费 办公设备购置".to_string(), false))
        );
        assert_eq!(
            drawn("办公设备购置 40.00"),
            Some(("办公设备购置".to_string(), false))
        );
    }

    #[test]
    fn a_drawn_name_is_read_only_where_one_ending_spells_a_value() {
        assert_eq!(drawn("办公、办案设\n专项业务费 120.00"), None);
        // 办公设备购置 ends it alone, and so does the whole line: two cells
        // of one value, or one cell the first line's.
        assert_eq!(
            drawn("办公设备\n购置 办公设备购置 1.00"),
            Some(("办公设备购置 办公设备购置".to_string(), false))
        );
        // Two cells of one line before the last one: a merged cell beside.
        assert_eq!(drawn("机要业务费 办公设备 政府集中采购 35.00"), None);
    }

    #[test]
    fn a_centred_last_cell_does_not_end_on_the_figures_line() {
        // Single spaces print a centred cell around its figure: read as
        // drawn, the lines before the figure spell no last cell.
        assert_eq!(drawn("政法、检测专 分散自行组\n20.00"), None);
        assert_eq!(
            drawn("台式计算机（20 万以\n政府集中采购 35.00"),
            Some(("台式计算机（20 万以 政府集中采购".to_string(), false))
        );
    }

    /// A row's two cells as the PDF prints them: each cut into pieces of
    /// `width` characters, centred on the row (a cell of p pieces stands
    /// at half-line offsets i − (p − 1)/2 from the figure's line), and the
    /// lines as single spaces print them, left to right.
    fn printed(first: &str, first_width: usize, last: &str, last_width: usize) -> Vec<Vec<String>> {
        let pieces = |text: &str, width: usize| -> Vec<String> {
            let chars: Vec<char> = text.chars().collect();
            chars.chunks(width).map(|c| c.iter().collect()).collect()
        };
        // Offsets in half lines, so that every one is an integer.
        let placed = |pieces: Vec<String>| -> Vec<(i64, String)> {
            let p = pieces.len() as i64;
            pieces
                .into_iter()
                .enumerate()
                .map(|(i, piece)| (2 * i as i64 - (p - 1), piece))
                .collect()
        };
        let (first, last) = (
            placed(pieces(first, first_width)),
            placed(pieces(last, last_width)),
        );
        let mut offsets: Vec<i64> = first.iter().chain(&last).map(|(o, _)| *o).collect();
        offsets.push(0);
        offsets.sort_unstable();
        offsets.dedup();
        offsets
            .iter()
            .map(|&o| {
                first
                    .iter()
                    .chain(&last)
                    .filter(|(at, _)| *at == o)
                    .map(|(_, piece)| piece.clone())
                    .collect()
            })
            .collect()
    }

    proptest::proptest! {
        /// Whatever the cells and their widths, a name read is the row's
        /// own: the reading the PDF printed is always among those sought,
        /// so a name is given only when every reading spells it.
        #[test]
        fn a_name_read_is_always_the_rows_own(
            first in "[办公设备购置费会议培训服务网络维修租赁物业管理台式计算机集中采分散自行组织]{1,16}",
            first_width in 2usize..9,
            last in 0..LAST.len(),
            last_width in 2usize..8,
        ) {
            let last = LAST[last];
            let lines = printed(&first, first_width, last, last_width);
            let words: Vec<Vec<&str>> = lines
                .iter()
                .map(|l| l.iter().map(String::as_str).collect())
                .collect();
            if let Some(name) = read(&words, words.len() / 2, LAST) {
                let own = format!("{first}{last}");
                proptest::prop_assert_eq!(fold_key(&name), fold_key(&own));
            }
        }
    }

    /// The property above is not met by reading nothing: of rows whose
    /// first cell holds none of the last cell's values, nine in ten at the
    /// least are read (1,453 of 1,512).
    #[test]
    fn most_rows_printed_are_read() {
        let firsts = [
            "台式计算机（20万以上）",
            "网络、电子检务、实验室、机要通道运行维护费",
            "检察教育培训经费",
            "交换设备",
        ];
        let mut read_back = 0;
        let mut rows = 0;
        for first in firsts {
            for first_width in 2..9 {
                for last in LAST {
                    for last_width in 2..8 {
                        let lines = printed(first, first_width, last, last_width);
                        let words: Vec<Vec<&str>> = lines
                            .iter()
                            .map(|l| l.iter().map(String::as_str).collect())
                            .collect();
                        rows += 1;
                        if let Some(name) = read(&words, words.len() / 2, LAST) {
                            assert_eq!(fold_key(&name), fold_key(&format!("{first}{last}")));
                            read_back += 1;
                        }
                    }
                }
            }
        }
        eprintln!("{read_back} of {rows} rows read");
        assert!(read_back * 10 >= rows * 9, "{read_back} of {rows} read");
    }
}
