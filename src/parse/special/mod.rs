//! 专项资金信息公开: the opening sentence and each numbered project.
//!
//! The document is prose with one 申报表 per project:
//! "…项目支出预算共计631.81万元，其中特定目标类项目6个计622.31万元，…",
//! class headings "1、特定目标类专项资金", project headings "（1）项目名称：…",
//! the sentence "批复该项目预算8万元，全部为一般公共预算财政拨款" (which the
//! PDF may break over lines), and the project's form, read by the same
//! reader as the budget documents' 项目支出绩效目标表.

use crate::lines::{Line, Lines};
use crate::model::special::{Opening, OpeningClass, ProseAmount, SpecialClass, SpecialProject};
use crate::model::{Amount, SpecialFunds};
use crate::parse::forms::labels::{self, TitleKind};
use crate::parse::forms::{content_lines, form_starts, project, read_body};
use crate::prelude::*;
use crate::text::{fold_key, leading_digits};

/// How many lines a sentence (the opening, a 预算安排) may span.
const SENTENCE_LINES: usize = 4;

pub fn parse(lines: &Lines) -> SpecialFunds {
    let content = content_lines(lines);
    let mut out = SpecialFunds {
        opening: (0..content.len()).find_map(|i| read_opening(&content[i..])),
        classes: Vec::new(),
    };
    let mut titles = Vec::new();
    for (i, kind) in form_starts(&content) {
        if kind == TitleKind::Project {
            titles.push(i);
        }
    }
    for (i, line) in content.iter().enumerate() {
        if let Some(class) = class_heading(line) {
            out.classes.push(class);
        } else if let Some((number, name)) = project_heading(line) {
            if out.classes.is_empty() {
                out.classes.push(SpecialClass {
                    name: String::new(),
                    heading: String::new(),
                    line: line.no,
                    projects: Vec::new(),
                });
            }
            let mut project = read_project(lines, &content, i, number, name, &titles);
            // A 申报表 read in part (`rebuild::form_funds`): the rest is unread.
            if let Some(form) = project.form.as_mut() {
                form.partial = lines.part_read(form.title_line).is_some();
            }
            if let Some(class) = out.classes.last_mut() {
                class.projects.push(project);
            }
        }
    }
    out
}

/// "1、特定目标类专项资金" → 特定目标类.
fn class_heading(line: &Line) -> Option<SpecialClass> {
    if line.is_tabular() {
        return None;
    }
    let key = fold_key(&line.text);
    let digits = leading_digits(&key);
    let rest = key[digits..].strip_prefix('、')?;
    if digits == 0 || key.chars().count() > 30 {
        return None;
    }
    let end = rest.find('类')?;
    Some(SpecialClass {
        name: rest[..end + '类'.len_utf8()].to_string(),
        heading: line.text.clone(),
        line: line.no,
        projects: Vec::new(),
    })
}

/// "（1）项目名称：贸易统计奖励专项资金" → (1, name).
fn project_heading(line: &Line) -> Option<(u32, String)> {
    if line.is_tabular() {
        return None;
    }
    let key = fold_key(&line.text);
    let inner = key.strip_prefix('(')?;
    let close = inner.find(')')?;
    let number: u32 = inner[..close].trim().parse().ok()?;
    let rest = inner[close + 1..].trim_start();
    let name = rest.strip_prefix("项目名称")?.trim_start_matches(':');
    // The name as printed (not folded), after the first colon, up to the
    // next field when `lines::wrap` joined the heading with it.
    let text = line.text.as_str();
    let Some((_, after)) = text.split_once(['：', ':']) else {
        return Some((number, name.to_string()));
    };
    let start = text.len() - after.len();
    let end = line
        .breaks
        .iter()
        .map(|&(offset, _)| offset)
        .find(|&offset| offset > start && opens_a_field(&text[offset..]))
        .unwrap_or(text.len());
    Some((number, text[start..end].trim().to_string()))
}

/// Text that opens with a field's label: a few ideographs and a colon
/// ("项目概述：", "实施主体："), as the lines after a project heading do.
fn opens_a_field(text: &str) -> bool {
    // 2 to 8 ideographs, three bytes each.
    text.split_once(['：', ':']).is_some_and(|(label, _)| {
        (6..=24).contains(&label.len()) && label.chars().all(crate::text::is_ideograph)
    })
}

/// A class or project heading: where a project's text and form end.
fn is_heading(line: &Line) -> bool {
    project_heading(line).is_some() || class_heading(line).is_some()
}

fn read_project(
    lines: &Lines,
    content: &[&Line],
    heading: usize,
    number: u32,
    name: String,
    titles: &[usize],
) -> SpecialProject {
    let next_heading = (heading + 1..content.len())
        .find(|&i| is_heading(content[i]))
        .unwrap_or(content.len());
    let mut project = SpecialProject {
        number,
        name,
        line: content[heading].no,
        approved: None,
        source: None,
        source_line: None,
        form: None,
    };
    if let Some(start) = (heading + 1..next_heading).find(|&i| {
        let t = &content[i].text;
        t.contains("本年度预算安排") || t.contains("批复该项目预算")
    }) {
        read_approval(&content[start..next_heading], &mut project);
    }
    if let Some(&title) = titles.iter().find(|&&t| t > heading && t < next_heading) {
        let body = read_body(lines, content, title);
        let cut = body
            .iter()
            .position(|l| is_heading(l))
            .unwrap_or(body.len());
        project.form = Some(project::read(content[title], &labels::keyed(&body[..cut])));
    }
    join_wrapped_name(
        &mut project,
        content.get(heading + 1).filter(|l| !l.is_tabular()),
    );
    project
}

/// A heading cut into lines ("（5）项目名称：“品鉴山西美食、晋享山西味道”餐⏎
/// 饮品牌推广活动专项资金"): the line after it is the name's rest when its
/// 申报表's name ends with that line, as the document spells it twice
/// (the two names may still differ before it, which P104 then tells);
/// anything else leaves the name as printed on its line.
fn join_wrapped_name(project: &mut SpecialProject, next: Option<&&Line>) {
    let Some(next) = next else { return };
    let Some(form_name) = project.form.as_ref().and_then(|f| f.name.as_ref()) else {
        return;
    };
    let rest = fold_key(&next.text);
    let is_rest = !rest.is_empty()
        && fold_key(&form_name.text).ends_with(&*rest)
        && !fold_key(&project.name).ends_with(&*rest);
    if is_rest {
        project.name.push_str(next.text.trim());
    }
}

/// The 预算安排 sentence from `lines[0]`, joined over the lines it spans:
/// the amount after "批复该项目预算" and the source after "全部为".
fn read_approval(lines: &[&Line], project: &mut SpecialProject) {
    let sentence = Sentence::from(lines);
    let joined = sentence.text.as_str();
    let line_at = |offset| sentence.line_at(offset);
    if let Some(pos) = joined.find("批复该项目预算") {
        let from = pos + "批复该项目预算".len();
        if let Some((amount, text, rest)) = number_at(&joined[from..]) {
            if rest.starts_with("万元") {
                project.approved = Some(ProseAmount {
                    amount,
                    text,
                    line: line_at(from),
                });
            }
        }
    }
    if let Some(pos) = joined.find("全部为") {
        let from = pos + "全部为".len();
        let rest = &joined[from..];
        let source = &rest[..rest.find(['。', '，', ',', '；']).unwrap_or(rest.len())];
        if !source.is_empty() {
            project.source = Some(source.to_string());
            project.source_line = Some(line_at(from));
        }
    }
}

/// "…项目支出预算共计631.81万元，其中特定目标类项目6个计622.31万元，其他运转类
/// 项目3个计9.5万元。"
///
/// The sentence is read to its full stop over the lines it spans: a text
/// wrapped where `lines::wrap` finds no margin (a paragraph cut every so
/// many characters) would otherwise lose the classes after the break.
fn read_opening(lines: &[&Line]) -> Option<Opening> {
    if !lines.first()?.text.contains("共计") {
        return None;
    }
    let sentence = &Sentence::from(lines);
    let text = sentence.text.as_str();
    let pos = text.find("共计")?;
    if !text.contains("类项目") {
        return None;
    }
    let from = pos + "共计".len();
    let after = &text[from..];
    let total = number_at(after).and_then(|(amount, t, rest)| {
        rest.starts_with("万元").then_some(ProseAmount {
            amount,
            text: t,
            line: sentence.line_at(from),
        })
    });
    let mut classes = Vec::new();
    let mut offset = from;
    for segment in after.split(['，', ',', '；', '。']) {
        // The line the segment was printed on (a wrapped sentence joined
        // back spans several).
        let start = offset;
        if let Some(class) = opening_class(segment, &|i| sentence.line_at(start + i)) {
            classes.push(class);
        }
        offset += segment.len()
            + text[offset + segment.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    Some(Opening {
        line: sentence.line_at(0),
        text: sentence.text.clone(),
        total,
        classes,
    })
}

/// "其中特定目标类项目6个计622.31万元" → (特定目标类, 6, 622.31);
/// `line_at` maps a byte offset of `segment` to its line.
fn opening_class(segment: &str, line_at: &dyn Fn(usize) -> usize) -> Option<OpeningClass> {
    let at = segment.find("类项目")?;
    let name = crate::slices::trim_prefixes(&segment[..at], "其中").trim();
    let rest_at = at + "类项目".len();
    let rest = &segment[rest_at..];
    let count = number_at(rest)
        .filter(|(a, _, r)| r.starts_with('个') && a.scale == 0)
        .and_then(|(a, _, _)| u32::try_from(a.value.mantissa()).ok());
    let amount = rest.find('计').and_then(|p| {
        let line = line_at(rest_at + p);
        number_at(&rest[p + '计'.len_utf8()..]).and_then(|(amount, text, r)| {
            r.starts_with("万元")
                .then_some(ProseAmount { amount, text, line })
        })
    });
    Some(OpeningClass {
        name: format!("{name}类"),
        count,
        amount,
    })
}

/// A sentence joined over the lines it spans (at most [`SENTENCE_LINES`],
/// up to the line holding its "。", never into a table row), each piece
/// still cited at the line it was printed on.
struct Sentence {
    text: String,
    /// (byte offset in `text`, line number) where each printed line starts.
    starts: Vec<(usize, usize)>,
}

impl Sentence {
    fn from(lines: &[&Line]) -> Sentence {
        let mut sentence = Sentence {
            text: String::new(),
            starts: Vec::new(),
        };
        for line in lines.iter().take(SENTENCE_LINES) {
            if line.is_tabular() {
                break;
            }
            let at = sentence.text.len();
            if line.breaks.is_empty() {
                sentence.starts.push((at, line.no));
            } else {
                // Wrapped prose joined back (`lines::wrap`): each piece keeps
                // its own line.
                let pieces = line.breaks.iter().map(|&(offset, no)| (at + offset, no));
                sentence.starts.extend(pieces);
            }
            sentence.text.push_str(line.text.trim_end());
            if line.text.contains('。') {
                break;
            }
        }
        sentence
    }

    /// The line the byte at `offset` was printed on.
    fn line_at(&self, offset: usize) -> usize {
        self.starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= offset)
            .map_or(0, |&(_, no)| no)
    }
}

/// A number at the start of `s` ("631.81万元" → 631.81, "万元").
fn number_at(s: &str) -> Option<(Amount, String, &str)> {
    let s = s.trim_start();
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    let text = s[..end].trim_end_matches(['.', ',']);
    let amount = Amount::parse(text)?;
    Some((amount, text.to_string(), s[text.len()..].trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_opening_sentence() {
        let lines = Lines::from_text(
            "阳泉市商务局（本级）2022 年项目支出预算共计 631.81 万元，其中特定目标类项目 6 个计 622.31 万元，其他运转类项目 3 个计 9.5 万元。",
        );
        let o = read_opening(&[&lines.all[0]]).unwrap();
        assert_eq!(o.total.unwrap().text, "631.81");
        assert_eq!(o.classes.len(), 2);
        assert_eq!(o.classes[0].name, "特定目标类");
        assert_eq!(o.classes[0].count, Some(6));
        assert_eq!(o.classes[1].amount.as_ref().unwrap().text, "9.5");
    }

    #[test]
    fn cites_each_figure_of_a_wrapped_opening_at_its_own_line() {
        // As `lines::wrap` leaves a sentence an extractor broke at "其⏎他".
        let mut lines = Lines::from_text(
            "项目支出预算共计631.81万元，其中特定目标类项目6个计622.31万元，其\n他运转类项目3个计9.5万元。",
        );
        let tail = lines.all[1].text.clone();
        let head = &mut lines.all[0];
        head.breaks = vec![(0, 1), (head.text.len(), 2)];
        head.text.push_str(&tail);
        let o = read_opening(&[&lines.all[0]]).unwrap();
        assert_eq!(o.total.unwrap().line, 1);
        let lines_of: Vec<usize> = o
            .classes
            .iter()
            .map(|c| c.amount.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines_of, [1, 2]);
    }

    #[test]
    fn reads_an_opening_cut_into_lines_to_its_full_stop() {
        // Cut every so many characters, so that `lines::wrap` finds no
        // margin to join it by: the class after the break is still read.
        let lines = Lines::from_text(
            "项目支出预算共计 631.81 万元，其中特定目标类项目 6 个计 622.31 万元，\n其他运转类项目 3 个计 9.5 万元。\n1、特定目标类专项资金",
        );
        let content: Vec<&Line> = lines.all.iter().collect();
        let o = read_opening(&content).unwrap();
        let classes: Vec<(&str, usize)> = o
            .classes
            .iter()
            .map(|c| (c.name.as_str(), c.amount.as_ref().unwrap().line))
            .collect();
        assert_eq!(classes, [("特定目标类", 1), ("其他运转类", 2)]);
    }
}
