//! Finding the lines that are not content: watermarks, the table of
//! contents, chart captions with no chart, markdown rules.
//!
//! Watermarks are found, not listed: a short line without figures that
//! repeats and either stands next to itself (a stamp printed several times
//! per page) or interrupts a table (a stamp laid over one).

use serde::Serialize;

use super::Line;
use crate::prelude::*;
use crate::slices::sort_stable_by;
use crate::text::fold_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Noise {
    Watermark,
    TableOfContents,
    ChartCaption,
    MarkdownRule,
    /// Read into another line's rebuilt row (`Line::also` there).
    Joined,
    /// A page number, running header or footer (`pages.rs`).
    Page,
    /// Part of a 绩效 form that could not be read with certainty in the
    /// layout the text gives it (`rebuild::forms`; `Lines::unread`), or of
    /// a table whose bounds the text leaves uncertain (its title drawn
    /// after it: `rebuild::drawn_order`; `Lines::unplaced` says so).
    Unread,
}

pub(super) fn mark(lines: &mut [Line]) {
    mark_markdown_rules(lines);
    mark_table_of_contents(lines);
    mark_chart_captions(lines);
    mark_watermarks(lines);
}

fn mark_markdown_rules(lines: &mut [Line]) {
    for line in lines.iter_mut() {
        if line.is_tabular() && line.filled_cells().next().is_none() {
            // A row of "-----" cells cleaned to nothing.
            line.noise = Some(Noise::MarkdownRule);
        }
    }
}

/// A dot-leader line ("表一2026年预算收支总表.....2") anywhere, and the
/// block that follows a "目录" heading while its lines end in page numbers
/// (or, one cell a line as `pdftotext` gives it, are followed by their page
/// number on a line of its own).
fn mark_table_of_contents(lines: &mut [Line]) {
    let mut in_toc = false;
    for i in 0..lines.len() {
        let line = &lines[i];
        // Only a short line can be the "目 录" heading: fold just those.
        if line.text.len() <= 16 && fold_key(&line.text) == "目录" {
            in_toc = true;
            lines[i].noise = Some(Noise::TableOfContents);
            continue;
        }
        if line.is_blank() {
            continue;
        }
        let entry = has_dot_leader(&line.text)
            || (in_toc
                && (ends_with_page_number(line)
                    || is_page_number(&line.text)
                    || next_is_page_number(&lines[i + 1..])));
        if entry {
            lines[i].noise = Some(Noise::TableOfContents);
        } else {
            in_toc = false;
        }
    }
}

/// A page number alone: 1–3 digits.
fn is_page_number(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// The next non-blank line is a page number alone.
fn next_is_page_number(rest: &[Line]) -> bool {
    rest.iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| is_page_number(&l.text))
}

fn has_dot_leader(text: &str) -> bool {
    // A contents line ends in its leader, or in the leader and a page
    // number. Looking only there costs nothing per byte (this runs on every
    // line, paragraphs of 4 KB among them), and an ellipsis inside a
    // sentence ("等……方面") is not a leader. The text is normalised:
    // "．．．" already reads "...".
    let body = text.trim_end_matches(|c: char| c.is_ascii_digit() || c == '\t' || c == ' ');
    body.ends_with("...") || body.ends_with('…') || body.ends_with("···")
}

/// "第一部分 概况\t1": a label cell and a last cell of 1–3 digits; or, as
/// extractors give it, one cell with the page number after a space, which
/// the cell cleaning drops beside a CJK character ("第三部分 2026年度部门
/// 预算情况说明 19" reads "…情况说明19"). The label may hold a year
/// ("第二部分 2026年部门预算报表\t2"); it must end in a character that is
/// no date's.
fn ends_with_page_number(line: &Line) -> bool {
    let is_page = is_page_number;
    let mut filled = line.filled_cells();
    match (filled.next(), filled.next(), filled.next()) {
        (Some(label), Some(page), None) => is_page(page) && is_contents_label(label),
        (Some(one), None, None) if one.chars().count() <= 60 => {
            let label = one.trim_end_matches(|c: char| c.is_ascii_digit());
            let page = one[label.len()..].trim_start();
            is_page(page) && is_contents_label(label)
        }
        _ => false,
    }
}

/// A contents line's label before its page number: it ends in a
/// character that is no figure's and no date's ("…报表", not "2026年").
fn is_contents_label(label: &str) -> bool {
    label
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_ascii() && !matches!(c, '年' | '月' | '日' | '第'))
}

/// "收入预算图", "三公经费分布图": a caption whose chart did not survive.
fn mark_chart_captions(lines: &mut [Line]) {
    for line in lines.iter_mut() {
        let t = line.text.as_str();
        if !line.is_tabular()
            && t.ends_with('图')
            && t.chars().count() <= 24
            && !t.contains(['，', '。', '：', ':'])
        {
            line.noise = Some(Noise::ChartCaption);
        }
    }
}

fn mark_watermarks(lines: &mut [Line]) {
    let mut candidates: Vec<(&str, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.noise.is_none() && could_be_watermark(line) {
            candidates.push((&line.text, i));
        }
    }
    // Grouped by text (ordered by length first, which is quicker to
    // compare): a stable sort keeps each group's lines in order.
    sort_stable_by(&mut candidates, |a, b| {
        a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(b.0))
    });
    let mut stamps: Vec<usize> = Vec::new();
    for group in candidates.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 3 {
            continue;
        }
        let beside_itself = group
            .windows(2)
            .any(|w| only_blank_between(lines, w[0].1, w[1].1));
        let inside_table = group.iter().any(|&(_, i)| between_tabular_lines(lines, i));
        if beside_itself || inside_table {
            for &(_, i) in group {
                stamps.push(i);
            }
        }
    }
    for i in stamps {
        lines[i].noise = Some(Noise::Watermark);
    }
}

fn could_be_watermark(line: &Line) -> bool {
    let t = line.text.as_str();
    // At most 30 characters is at most 120 bytes: long lines are turned
    // away without counting.
    !line.is_tabular()
        && t.len() <= 120
        && (2..=30).contains(&t.chars().count())
        && !t.bytes().any(|b| b.is_ascii_digit())
        && !t.contains(['：', ':', '。', '，'])
        && !t.ends_with('表')
}

fn only_blank_between(lines: &[Line], a: usize, b: usize) -> bool {
    lines[a + 1..b].iter().all(|l| l.is_blank())
}

/// The nearest non-blank lines before and after are both table rows.
fn between_tabular_lines(lines: &[Line], i: usize) -> bool {
    let is_row = |l: &&Line| !l.is_blank() && l.text != lines[i].text;
    let before = lines[..i].iter().rev().find(is_row);
    let after = lines[i + 1..].iter().find(is_row);
    matches!((before, after), (Some(b), Some(a)) if b.is_tabular() && a.is_tabular())
}

#[cfg(test)]
mod tests {
    use crate::lines::{Lines, Noise};

    fn noise_of(text: &str) -> Vec<Option<Noise>> {
        Lines::from_text(text).all.iter().map(|l| l.noise).collect()
    }

    #[test]
    fn a_contents_line_may_hold_a_year() {
        // A TAB text whose TABs became spaces: the page number of
        // "第三部分 …情况说明" one space after its label, like the part's
        // heading itself. The contents go on past "第二部分 2026年…", so
        // the line is read as contents, not as the part's heading.
        let text = "目 录\n第一部分 概况\t1\n第二部分 2026年部门预算报表\t2\n表一2026年预算收支总表.....\t2\n第三部分 2026年度部门预算情况说明 17\n\n第一部分 概况\n2026年\t5";
        let noise = noise_of(text);
        assert_eq!(noise[2], Some(Noise::TableOfContents));
        assert_eq!(noise[4], Some(Noise::TableOfContents));
        assert_eq!(noise[6], None, "the heading after the contents");
        assert_eq!(noise[7], None, "a year is no contents label");
    }

    #[test]
    fn finds_watermarks_toc_and_captions() {
        let text = "仅供内部审核\n\n仅供内部审核\n目 录\n第一部分 概况\t1\n表一2026年预算收支总表.....\t2\n\n第一部分 概况\n合计\t1\n仅供内部审核\n201\t2\n收入预算图\n单位：万元\n单位：万元\n单位：万元";
        let noise = noise_of(text);
        assert_eq!(noise[0], Some(Noise::Watermark));
        assert_eq!(noise[3], Some(Noise::TableOfContents));
        assert_eq!(noise[4], Some(Noise::TableOfContents));
        assert_eq!(noise[5], Some(Noise::TableOfContents));
        assert_eq!(noise[7], None, "the heading after the TOC is content");
        assert_eq!(noise[9], Some(Noise::Watermark));
        assert_eq!(noise[11], Some(Noise::ChartCaption));
        assert_eq!(noise[12], None, "a repeated unit line is not a watermark");
    }

    #[test]
    fn reads_contents_as_extractors_give_them() {
        // pdfplumber: the page number after a space (dropped beside CJK);
        // pdftotext: the page number on a line of its own.
        let text = "目 录\n第一部分 概况 1\n第二部分 2026年部门预算报表 4\n\n第三部分 2026年度部门预算情况说明\n\n19\n\n第一部分 概况\n截至2026年2月28日，实有2辆";
        let noise = noise_of(text);
        for i in [1, 2, 4, 6] {
            assert_eq!(noise[i], Some(Noise::TableOfContents), "line {}", i + 1);
        }
        assert_eq!(noise[8], None, "the heading after the contents is content");
        assert_eq!(noise[9], None);
    }

    #[test]
    fn an_ellipsis_inside_a_sentence_is_no_leader() {
        let text = "二、机构设置情况……\t3\n三、支出……9\n主要用于办公、印刷……等方面。";
        let noise = noise_of(text);
        assert_eq!(noise[0], Some(Noise::TableOfContents));
        assert_eq!(noise[1], Some(Noise::TableOfContents));
        assert_eq!(noise[2], None, "a sentence with an ellipsis is content");
    }
}
