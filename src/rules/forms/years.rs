//! 年度目标与指标的年份（F109 form-year）
//!
//! ## 检查什么
//! 项目支出绩效目标表的年度目标和指标值中出现的年份：
//! - 年度目标以某一年开头（“2025年，通过政府购买服务…”），该年应为本文档的预算年度；
//! - 年度目标中出现晚于预算年度的年份（区间“2025-2027年”包含预算年度的除外）；
//! - 表示日期或期限的指标值（“2025年12月底前”“2026年”）应为预算年度。
//!
//! 发现时报告警告。年度目标中提到往年的事（“对2025年全市商务领域消费品以旧换新资金
//! 进行审计”）是正常的，不报告。
//!
//! ## 为什么重要
//! 年度目标和时效指标写的是预算年度要完成的事；年份不对，多半是照抄了上年的表，
//! 目标本身就没有更新。
//!
//! ## 示例
//! 2026年度预算中“政府购买财政事务中心服务费”的年度目标写“2025年，通过政府购买
//! 服务…”：报告警告。时效指标“2026年12月底前”：不报告。

use super::common::{form_place, read_in_part};
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct FormYear;

static META: RuleMeta = RuleMeta {
    id: "F109",
    name: "form-year",
    title: "年度目标与指标的年份",
    category: Category::Form,
};

impl Rule for FormYear {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(year) = cx.doc.info.year else {
            sink.could_not_run("未识别文档的预算年度");
            return;
        };
        if cx.doc.forms.projects.is_empty() {
            sink.not_applicable("本文档没有项目支出绩效目标表");
            return;
        }
        for form in &cx.doc.forms.projects {
            let place = form_place(form);
            if read_in_part(cx, sink, form, &place, "年度目标和绩效指标") {
                continue;
            }
            for goal in form.goals.iter().filter(|g| g.period != "实施期目标") {
                sink.compared();
                if let Some(problem) = goal_problem(&goal.text, year) {
                    warn(
                        sink,
                        &place,
                        goal.line,
                        &goal.text,
                        &format!("{}{problem}", goal.period),
                        year,
                    );
                }
            }
            for ind in &form.indicators {
                sink.compared();
                if let Some(y) = deadline_year(&ind.value).filter(|y| *y != year) {
                    let what = format!("指标「{}」的指标值「{}」写的是{y}年", ind.name, ind.value);
                    warn(sink, &place, ind.line, &ind.value, &what, year);
                }
            }
        }
    }
}

fn warn(sink: &mut Sink, place: &str, line: usize, text: &str, what: &str, year: u32) {
    sink.report(
        Severity::Warning,
        "绩效目标表",
        line,
        format!("{place}：{what}，而本文档为{year}年度预算"),
        vec![text_evidence(
            "绩效目标表",
            line,
            place,
            None,
            &text.chars().take(60).collect::<String>(),
        )],
    );
}

/// A year mentioned in a text: "2025年", or a range "2025-2027年".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    first: u32,
    last: u32,
    /// Byte offset where the mention starts.
    at: usize,
}

fn mentions(text: &str) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Goals are paragraphs of ideographs: most bytes are no digit.
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let Some((year, end)) = year_at(bytes, i) else {
            i += 1;
            continue;
        };
        let rest = &text[end..];
        if rest.starts_with('年') {
            out.push(Mention {
                first: year,
                last: year,
                at: i,
            });
            i = end;
            continue;
        }
        let after_dash = ["-", "—", "至", "~"]
            .iter()
            .find_map(|d| rest.strip_prefix(d).map(|r| end + (rest.len() - r.len())));
        if let Some(start2) = after_dash {
            if let Some((year2, end2)) = year_at(bytes, start2) {
                if text[end2..].starts_with('年') && year2 >= year {
                    out.push(Mention {
                        first: year,
                        last: year2,
                        at: i,
                    });
                    i = end2;
                    continue;
                }
            }
        }
        i = end;
    }
    out
}

/// Four digits standing alone at `i`, read as a year of this century.
fn year_at(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let end = i + 4;
    if end > bytes.len() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
        return None;
    }
    if !bytes[i..end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if bytes.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut y = 0;
    for &b in &bytes[i..end] {
        y = y * 10 + u32::from(b - b'0');
    }
    (1990..=2100).contains(&y).then_some((y, end))
}

/// What is wrong with the years of an annual goal, if anything.
fn goal_problem(text: &str, year: u32) -> Option<String> {
    let found = mentions(text);
    let lead = text.len() - text.trim_start().len();
    if let Some(m) = found.first().filter(|m| m.at == lead) {
        if !(m.first..=m.last).contains(&year) {
            return Some(format!("以「{}年」开头", m.first));
        }
    }
    found
        .iter()
        .find(|m| m.first > year)
        .map(|m| format!("提到了{}年", m.first))
}

/// The year of an indicator value that is a date or deadline: "2026年",
/// "2025年12月底前", "2022年1月1日-12月31日".
fn deadline_year(value: &str) -> Option<u32> {
    let v = value.trim();
    // The year must open the value: most values are turned away here.
    if !v.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let m = mentions(v).into_iter().next()?;
    if m.first != m.last || m.at != 0 {
        return None;
    }
    let after = v.split_once('年').map(|(_, r)| r)?.trim();
    let is_date = after.is_empty()
        || after.starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with("底")
        || after.starts_with("末")
        || after.starts_with("内")
        || after.starts_with("年底");
    is_date.then_some(m.first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_that_opens_with_last_year_is_stale() {
        assert!(goal_problem("2025年，通过政府购买服务，为机关", 2026).is_some());
        assert!(goal_problem("2026年，通过政府购买服务", 2026).is_none());
        assert!(goal_problem("2025-2027年，每年通过政府购买服务", 2026).is_none());
    }

    #[test]
    fn past_activities_in_a_goal_are_fine() {
        assert!(goal_problem(
            "组织专家对我市2025年支持促进消费活动补贴申报材料进行评审",
            2026
        )
        .is_none());
        assert!(goal_problem("完成2027年目标", 2026).is_some());
    }

    #[test]
    fn deadlines_are_dates() {
        assert_eq!(deadline_year("2026年12月底前"), Some(2026));
        assert_eq!(deadline_year("2025年12月底前"), Some(2025));
        assert_eq!(deadline_year("2026年"), Some(2026));
        assert_eq!(deadline_year("2022年1月1日-12月31日"), Some(2022));
        assert_eq!(
            deadline_year("对我市2025年商务领域各消费品补贴活动审计"),
            None
        );
        assert_eq!(deadline_year("≥170亿元/年"), None);
    }
}
