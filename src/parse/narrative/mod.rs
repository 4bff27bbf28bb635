//! 第三部分 情况说明: sections, sentences and the facts they state.
//!
//! The part runs from its heading to "第四部分" (or the end). Its prose is
//! cut into numbered sections (一、… 十二、), sub-parts ((一) or 1、) and
//! paragraphs; a paragraph goes on across lines (and blank lines) until a
//! line ends a sentence, because PDF export breaks sentences anywhere
//! ("一般公共服务支\n\n出2,446.16万元"). The 绩效目标表 attached inside
//! section 十 are tables, not prose: they are skipped up to the next
//! section heading. Each sentence is then scanned for facts (`scan`).
//!
//! A template whose profile describes its prose ([`ProseDef`]: Shanghai's
//! 预算编制说明 and 其他相关情况说明) is read by the same reader, part by
//! part (`prose`).

mod prose;
mod scan;

use crate::lines::{Line, Lines, Noise};
use crate::model::{Narrative, Section, Sentence, Table};
use crate::prelude::*;
use crate::profile::{NarrativeStyle, Profile};
use crate::text::leading_digits;
use core::ops::Range;

use scan::Wording;

/// Reads the prose: the parts `profile` describes, else 第三部分; an
/// empty [`Narrative`] when the document has none.
pub fn parse(lines: &Lines, tables: &[Table], profile: &Profile) -> Narrative {
    match profile.prose {
        Some(prose) => prose::parse(lines, tables, prose, &profile.narrative),
        None => parse_part_three(lines, &profile.narrative),
    }
}

/// Reads 第三部分; an empty [`Narrative`] when the document has none.
fn parse_part_three(lines: &Lines, style: &NarrativeStyle) -> Narrative {
    // Content, and the forms left unread (`rebuild::forms`): they are
    // skipped as a form is, not read as prose.
    let content: Vec<&Line> = lines
        .all
        .iter()
        .filter(|l| matches!(l.noise, None | Some(Noise::Unread)))
        .collect();
    // A list of the parts without page numbers ("第三部分 …情况说明" then
    // "第四部分 名词解释", Jiangsu), or with its sections too (Shanghai
    // 决算: "一、收入支出决算总体情况说明" … with nothing under them but a
    // title's quotation marks a line of their own, "“ ”"), is not the
    // part: the first heading followed by a section that says something
    // (in words) is; failing that, the first followed by a section.
    let mut first = Narrative::default();
    let mut first_with_sections = None;
    for (i, line) in content.iter().enumerate() {
        if line.noise.is_some() || !is_part_heading(line, "第三部分") {
            continue;
        }
        let found = read_part(line, &content[i + 1..], style);
        let says_something = |s: &Sentence| s.text.chars().any(crate::text::is_ideograph);
        if found
            .sections
            .iter()
            .any(|s| s.sentences.iter().any(says_something))
        {
            return found;
        }
        if first_with_sections.is_none() && !found.sections.is_empty() {
            first_with_sections = Some(found);
        } else if first.line.is_none() {
            first = found;
        }
    }
    first_with_sections.unwrap_or(first)
}

/// The part from its heading to "第四部分" (or the end).
fn read_part(heading: &Line, rest: &[&Line], style: &NarrativeStyle) -> Narrative {
    let mut reader = Reader::new(style);
    let mut end_line = heading.no;
    for (i, line) in rest.iter().enumerate() {
        // A page number alone on its line, then a blank line: the page's
        // foot inside a sentence ("比上年预算减少\n30\n\n30.8 万元").
        let alone = line.text.len() <= 3
            && !line.text.is_empty()
            && line.text.bytes().all(|b| b.is_ascii_digit());
        if alone && rest.get(i + 1).is_none_or(|l| l.is_blank()) {
            continue;
        }
        let heading = line.noise.is_none()
            && (is_part_heading(line, "第四部分") || is_part_heading(line, "第五部分"));
        if heading {
            break;
        }
        end_line = line.no;
        reader.line(line);
    }
    reader.flush();
    Narrative {
        line: Some(heading.no),
        end_line: Some(end_line),
        sections: reader.sections,
    }
}

/// "第三部分 2026年度部门预算情况说明" (not a table-of-contents line,
/// which the line stage marks as noise). Laid out with its title apart
/// ("第三部分    2019年度部门预算情况说明", `pdftotext -layout`), the
/// heading is two cells, the part alone in the first; a table row is not.
fn is_part_heading(line: &Line, part: &str) -> bool {
    line.text.starts_with(part)
        && line.text.chars().count() <= 40
        && (!line.is_tabular()
            || (line.filled_cells().count() == 2 && line.filled_cells().next() == Some(part)))
}

/// Prose being joined across lines, with the line each piece came from.
#[derive(Default)]
struct Paragraph {
    text: String,
    /// (byte offset in `text`, original line number), ascending.
    starts: Vec<(usize, usize)>,
}

impl Paragraph {
    fn push(&mut self, line: &Line) {
        self.push_part(line, 0..line.text.len());
    }

    /// Pushes the line's text in the byte range `part`.
    fn push_part(&mut self, line: &Line, part: Range<usize>) {
        let text = line.text[part.clone()].trim_end();
        if text.trim_start().is_empty() {
            return;
        }
        let at = self.text.len();
        if line.breaks.is_empty() {
            self.starts.push((at, line.no));
        } else {
            // Wrapped prose joined back (`lines::wrap`): each piece keeps
            // its own line.
            self.starts.push((at, line.line_at(part.start)));
            for &(offset, no) in &line.breaks {
                if offset > part.start && offset < part.end {
                    self.starts.push((at + offset - part.start, no));
                }
            }
        }
        // A justified line's cells are words of its sentence (`is_justified`).
        self.text.push_str(&text.replace('\t', " "));
    }

    fn line_at(&self, offset: usize) -> usize {
        // Binary search: a paragraph may run over many lines.
        let after = self.starts.partition_point(|(start, _)| *start <= offset);
        self.starts
            .get(after.saturating_sub(1))
            .map_or(0, |(_, no)| *no)
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A section heading found inside a line: its bytes there, number, title.
struct Heading<'t> {
    at: Range<usize>,
    number: u32,
    title: &'t str,
}

struct Reader {
    sections: Vec<Section>,
    part: Option<u32>,
    paragraph: Paragraph,
    /// Inside the attached 绩效目标表 of section 十: nothing is prose.
    in_forms: bool,
    wording: Wording,
    /// The part of prose being read (a profile's), else 第三部分.
    prose_part: Option<(&'static str, String)>,
    /// Whether "一、…" headings open sections.
    numbered: bool,
    /// The template's last section number (十二, 十四).
    last_section: u32,
    /// [`NarrativeStyle::items_are_prose`].
    items_are_prose: bool,
}

impl Reader {
    fn new(style: &NarrativeStyle) -> Reader {
        Reader {
            sections: Vec::new(),
            part: None,
            paragraph: Paragraph::default(),
            in_forms: false,
            wording: Wording {
                change_after_part_is_the_parts: style.change_after_part_is_the_parts,
            },
            prose_part: None,
            numbered: true,
            last_section: style.last_section,
            items_are_prose: style.items_are_prose,
        }
    }

    /// A reader of the part of prose `key` whose heading is `heading`
    /// (on line `line`): an unnumbered part is one section from its
    /// heading on.
    fn for_part(
        style: &NarrativeStyle,
        key: &'static str,
        heading: &str,
        line: usize,
        numbered: bool,
    ) -> Reader {
        let mut reader = Reader::new(style);
        reader.prose_part = Some((key, heading.to_string()));
        reader.numbered = numbered;
        if !numbered {
            reader.sections.push(Section {
                number: 0,
                title: heading.to_string(),
                line,
                sentences: Vec::new(),
                part: key.to_string(),
                heading: heading.to_string(),
            });
        }
        reader
    }

    fn line(&mut self, line: &Line) {
        if line.is_blank() {
            return;
        }
        if line.noise == Some(Noise::Unread) {
            // A form left unread is skipped as a read one is.
            if !self.sections.is_empty() {
                self.flush();
                self.in_forms = true;
            }
            return;
        }
        let current = self.sections.last().map_or(0, |s| s.number);
        if let Some((number, title)) = section_heading(&line.text).filter(|_| self.numbered) {
            if number > current && number <= self.last_section {
                self.flush();
                self.open_section(number, title, line.no);
                return;
            }
        }
        if let Some(heading) = self
            .heading_after_sentence(line, current)
            .filter(|_| !self.in_forms)
        {
            self.paragraph.push_part(line, 0..heading.at.start);
            self.flush();
            self.open_section(
                heading.number,
                heading.title,
                line.line_at(heading.at.start),
            );
            // The lines joined after the heading's (`lines::wrap`).
            self.paragraph
                .push_part(line, heading.at.end..line.text.len());
            if ends_sentence(&line.text) {
                self.flush();
            }
            return;
        }
        if self.sections.is_empty() {
            return;
        }
        if self.in_forms {
            return;
        }
        if (line.is_tabular() && !is_justified(line)) || is_form_title(&line.text) {
            self.flush();
            self.in_forms = true;
            return;
        }
        if let Some(part) = sub_heading(&line.text) {
            self.flush();
            self.part = Some(part);
            if !self.items_are_prose || line.text.trim().starts_with(['（', '(']) {
                return;
            }
        }
        self.paragraph.push(line);
        if ends_sentence(&line.text) {
            self.flush();
        }
    }

    fn open_section(&mut self, number: u32, title: &str, line: usize) {
        self.in_forms = false;
        self.part = None;
        let (part, heading) = match &self.prose_part {
            Some((key, heading)) => (key.to_string(), heading.clone()),
            None => (String::new(), String::new()),
        };
        self.sections.push(Section {
            number,
            title: title.to_string(),
            line,
            sentences: Vec::new(),
            part,
            heading,
        });
    }

    /// The next section's heading printed after a sentence's end on its
    /// printed line, as a browser's copy of a PDF may join it to the
    /// paragraph before ("…上年项目中的上述费用未纳入统计。 十一、一般公共预
    /// 算“三公”经费、会议费、培训费支"; the lines stage takes out the space
    /// between the two ideographs). Only the section right after the
    /// current one, as short as a heading and with no comma, and with no
    /// colon, which an enumerated item after a full stop has ("。二、一般
    /// 公共预算：包括…").
    fn heading_after_sentence<'t>(&self, line: &'t Line, current: u32) -> Option<Heading<'t>> {
        if !self.numbered || current == 0 || current >= self.last_section {
            return None;
        }
        let text = line.text.as_str();
        // Where each printed line ends in the line (joined prose keeps them).
        let piece_end = |from: usize| {
            line.breaks
                .iter()
                .map(|&(offset, _)| offset)
                .find(|&offset| offset > from)
                .unwrap_or(text.len())
        };
        text.match_indices('。').find_map(|(stop, mark)| {
            let from = stop + mark.len();
            let end = piece_end(from);
            let after = &text[from..end];
            let rest = after.trim_start();
            let (number, title) = section_heading(rest)?;
            (number == current + 1 && !rest.contains(['：', ':'])).then(|| Heading {
                at: end - rest.len()..end,
                number,
                title,
            })
        })
    }

    /// Cuts the paragraph into sentences and scans each.
    fn flush(&mut self) {
        let paragraph = core::mem::take(&mut self.paragraph);
        if paragraph.is_empty() {
            return;
        }
        let Some(section) = self.sections.last_mut() else {
            return;
        };
        let part = self.part;
        let wording = self.wording;
        let mut start = 0;
        let text = &paragraph.text;
        let mut push = |from: usize, to: usize| {
            let body = &text[from..to];
            if body.trim().is_empty() {
                return;
            }
            let facts = scan::facts(body, wording, |offset| paragraph.line_at(from + offset));
            section.sentences.push(Sentence {
                part,
                line: paragraph.line_at(from),
                text: body.to_string(),
                facts,
            });
        };
        let items_are_prose = self.items_are_prose;
        for (i, stop) in text.match_indices('。') {
            let end = i + stop.len();
            let next = text[end..].trim_start();
            if items_are_prose && (next.starts_with("主要用于") || next.starts_with("与上年相比"))
            {
                continue;
            }
            push(start, end);
            start = end;
        }
        if start < text.len() {
            push(start, text.len());
        }
    }
}

/// A line ends a sentence (and its paragraph) at "。" or "；".
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('。') || t.ends_with('；') || t.ends_with(';')
}

/// A line of prose printed justified (`pdftotext -layout`): the wide
/// gaps that spread a full line's words to the margin split it into
/// cells ("比减少 | 184.96 万元，降幅 | 9.1 %。"), yet its cells hold a
/// sentence's punctuation, which the label and figure cells of a table
/// row do not.
fn is_justified(line: &Line) -> bool {
    line.filled_cells()
        .any(|c| c.contains(['，', '。', '；', '：', '、']) || c.starts_with('%'))
}

/// "阳泉市市级预算部门（单位）项目支出绩效目标表", "…整体支出绩效目标申报表".
fn is_form_title(text: &str) -> bool {
    let t = text.trim();
    (t.ends_with("绩效目标表") || t.ends_with("绩效目标申报表")) && t.chars().count() <= 40
}

/// "八、机关运行经费增减变动原因说明" → (8, title). A heading is short and
/// has no full stop: "一、阳泉市财政预算评审中心2011年3月成立，…；" inside
/// section 十一 is an enumerated paragraph, not section 一.
fn section_heading(text: &str) -> Option<(u32, &str)> {
    let t = text.trim();
    let (number, rest) = leading_chinese_number(t)?;
    let title = rest.strip_prefix('、')?;
    if !(1..=20).contains(&number)
        || t.chars().count() > 40
        || t.contains('。')
        || t.contains('；')
        || t.contains('，')
    {
        return None;
    }
    Some((number, title.trim()))
}

/// "（二）一般公共预算当年支出结构情况", "(一) …", "1、整体绩效目标",
/// "2、房屋情况：" → the sub-part number.
fn sub_heading(text: &str) -> Option<u32> {
    let t = text.trim();
    // Most prose lines start with neither a bracket nor a digit: they are
    // turned away before their characters are counted.
    if !t.starts_with(['（', '(']) && !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if t.chars().count() > 30 || t.contains('。') || t.contains('，') || t.contains(',') {
        return None;
    }
    if let Some(rest) = t.strip_prefix('（').or_else(|| t.strip_prefix('(')) {
        let (n, rest) = leading_chinese_number(rest.trim_start())?;
        let rest = rest.trim_start();
        return (rest.starts_with('）') || rest.starts_with(')')).then_some(n);
    }
    let (digits, rest) = t.split_at(leading_digits(t));
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    // "1、", "1." but not "99.94 %；", a figure wrapped to its own line.
    let decimal = rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if rest.starts_with('、') || (rest.starts_with('.') && !decimal) {
        return digits.parse().ok();
    }
    None
}

/// "十二、…" → (12, "、…"); only 一 … 九十九.
fn leading_chinese_number(text: &str) -> Option<(u32, &str)> {
    let digit = |c: char| match c {
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let mut value = 0u32;
    let mut seen_ten = false;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if c == '十' && !seen_ten {
            value = if value == 0 { 10 } else { value * 10 };
            seen_ten = true;
        } else if let Some(d) = digit(c) {
            if seen_ten {
                value += d;
            } else if value == 0 {
                value = d;
            } else {
                return None;
            }
        } else {
            break;
        }
        end = i + c.len_utf8();
    }
    (value > 0).then_some((value, &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrative_of(text: &str) -> Narrative {
        parse(&Lines::from_text(text), &[], &crate::profile::BUDGET13)
    }

    #[test]
    fn survives_odd_prose() {
        let odd = [
            "第三部分 情况说明\n一、收入\n占5%，比上年增加万元，增长%，1,2,3万元，.5万元，5.万元。",
            "第三部分 情况说明\n十二、其他\n主要包括：\n主要包括:、、等；其中其中与上年持平。",
            "第三部分 情况说明\n二、x\n9999999999999999999999999999万元占99999999999999999999999%",
            "第三部分 情况说明\n三、x\n（一）\n1、\n比\n增加\n0万元\n",
            "第三部分",
        ];
        for text in odd {
            let n = narrative_of(text);
            for (_, _, fact) in n.facts() {
                for q in fact.quotes() {
                    assert!(q.line >= 1);
                }
            }
        }
    }

    #[test]
    fn skips_attached_forms_and_keeps_line_numbers() {
        let text = "第三部分 2026年度部门预算情况说明\n\n十、绩效管理情况\n\n1、整体绩效目标\n\n涉及部门预算资金75.8万元，其中基本支出0万元，\n\n项目支出75.8万元。\n阳泉市市级预算部门（单位）项目支出绩效目标表\n项目名称\t招商引资工作经费\n项目资金（元）\t实施期资金总额：\t1,816,000\n一般说明5万元。\n十一、国有资产占有使用情况\n实有2辆。\n第四部分 名词解释\n一、基本支出5万元。";
        let n = narrative_of(text);
        let numbers: Vec<u32> = n.sections.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [10, 11]);
        let ten = n.section(10).unwrap();
        let amounts: Vec<(String, usize)> = ten
            .statements(Some(1))
            .map(|(_, s)| (s.amount.shown.clone(), s.amount.line))
            .collect();
        assert_eq!(
            amounts,
            [("75.8".into(), 7), ("0".into(), 7), ("75.8".into(), 9)]
        );
        assert_eq!(n.end_line, Some(15));
    }

    /// A line `pdftotext -layout` justified to the margin is split into
    /// cells by its wide gaps: it is still the sentence's, not a table's.
    #[test]
    fn reads_justified_lines_as_prose() {
        let text = "第三部分 情况说明\n一、收入\n社会保障和就业支出1,836.22万元，与上年相\n比减少       184.96 万元，降幅        9.1 %。\n二、支出\n本年支出5万元。";
        let n = narrative_of(text);
        let one = n.section(1).unwrap();
        assert!(
            one.sentences
                .iter()
                .any(|s| s.text.contains("降幅 9.1 %。")),
            "{:?}",
            one.sentences
        );
        assert!(!is_justified(
            &Lines::from_text("基本支出    13,994.31").all[0]
        ));
    }

    /// A browser's copy joins the heading of section 十一 to the last line
    /// of section 十 (jianchayuan 2017, Chrome): the 三公 shares below it
    /// are section 十一's, the sentence before it section 十's.
    #[test]
    fn reads_a_heading_joined_after_a_full_stop() {
        let text = "第三部分 情况说明\n十、机关运行经费支出预算表情况说明\n如物业管理费均计\n入机关运行费支出中，上年费用未纳入统计。 十一、一般公共预算“三公”经费、会议费、培训费支\n出预算表情况说明\n因公出国（境）费支出 110 万元，占“三公”经费的18.85 %。\n第四部分 名词解释\n一、财政拨款：指由一般公共预算安排。 二、一般公共预算包括公共财政拨款";
        let n = narrative_of(text);
        let numbers: Vec<(u32, usize)> = n.sections.iter().map(|s| (s.number, s.line)).collect();
        assert_eq!(numbers, [(10, 2), (11, 4)]);
        assert!(n.section(11).unwrap().title.contains("三公"));
        let ten = &n.section(10).unwrap().sentences;
        assert_eq!(ten.len(), 1);
        assert!(ten[0].text.ends_with("未纳入统计。"), "{:?}", ten[0].text);
        assert!(n.section(11).unwrap().sentences[0].text.contains("18.85"));
        // An item after a full stop with a colon is no heading.
        let item = "第三部分 情况说明\n一、收入\n收入5万元。 二、一般公共预算：包括拨款\n三、支出\n支出5万元。";
        let numbers: Vec<u32> = narrative_of(item)
            .sections
            .iter()
            .map(|s| s.number)
            .collect();
        assert_eq!(numbers, [1, 3]);
    }

    #[test]
    fn reads_headings() {
        assert_eq!(section_heading("十二、其他说明").map(|h| h.0), Some(12));
        assert_eq!(
            section_heading("八、机关运行经费增减变动原因说明").map(|h| h.0),
            Some(8)
        );
        assert_eq!(
            section_heading("一、阳泉市财政预算评审中心2011年3月成立，2011年11月1日由…；"),
            None
        );
        assert_eq!(sub_heading("（二）一般公共预算当年支出结构情况"), Some(2));
        assert_eq!(
            sub_heading("(一) 一般公共预算当年支出规模变化情况"),
            Some(1)
        );
        assert_eq!(sub_heading("2、项目绩效目标"), Some(2));
        assert_eq!(sub_heading("2026年度阳泉市招商中心…"), None);
    }
}
