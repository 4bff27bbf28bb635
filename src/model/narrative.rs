//! Facts read from 第三部分 情况说明. Filled by `parse::narrative`.
//!
//! The narrative restates the tables in twelve numbered sections. Each
//! section is kept as its sentences, and each sentence as the facts it
//! states, in printed order: labelled amounts (with the share and the
//! change said about them), counts and lists of names. Every printed
//! number keeps the original line it stands on, so that a finding can cite
//! it; a figure is only ever tied to a label of its own sentence.

use serde::Serialize;

use super::Amount;
use crate::prelude::*;

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Narrative {
    /// Line of the "第三部分 … 情况说明" heading; None when there is none.
    pub line: Option<usize>,
    /// Last line read as narrative.
    pub end_line: Option<usize>,
    pub sections: Vec<Section>,
}

impl Narrative {
    /// Section 一 … 十二 by its number.
    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// Every fact of every section, in printed order.
    pub fn facts(&self) -> alloc::vec::IntoIter<(&Section, &Sentence, &Fact)> {
        let mut all = Vec::new();
        for s in &self.sections {
            for sen in &s.sentences {
                for f in &sen.facts {
                    all.push((s, sen, f));
                }
            }
        }
        all.into_iter()
    }
}

/// One numbered section ("八、机关运行经费增减变动原因说明"), or a part
/// of prose a profile describes ([`crate::profile::ProseDef`]): a whole
/// unnumbered part ("2025年部门预算编制说明", number 0) or one numbered
/// section of it ("其他相关情况说明" 一).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// 1 for 一 … 12 for 十二; 0 for an unnumbered part.
    pub number: u32,
    pub title: String,
    pub line: usize,
    pub sentences: Vec<Sentence>,
    /// The profile's key of the part of prose it belongs to; empty in the
    /// 13-table 第三部分.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part: String,
    /// The part's heading as printed ("2025年部门预算编制说明").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
}

impl Section {
    /// The section's name as reviewers cite it: "第三部分 八", the part's
    /// heading ("2025年部门预算编制说明") or the heading and the section
    /// ("其他相关情况说明 一").
    pub fn label(&self) -> String {
        if self.heading.is_empty() {
            format!("第三部分 {}", chinese_number(self.number))
        } else if self.number == 0 {
            self.heading.clone()
        } else {
            format!("{} {}", self.heading, chinese_number(self.number))
        }
    }

    /// Sentences under sub-part `part` (（二） or 2、), or all for None.
    pub fn sentences_in(&self, part: Option<u32>) -> alloc::vec::IntoIter<&Sentence> {
        let mut all = Vec::new();
        for s in &self.sentences {
            if part.is_none() || s.part == part {
                all.push(s);
            }
        }
        all.into_iter()
    }

    /// Every labelled amount of the section (or of one sub-part).
    pub fn statements(&self, part: Option<u32>) -> alloc::vec::IntoIter<(&Sentence, &Statement)> {
        let mut all = Vec::new();
        for s in self.sentences_in(part) {
            for st in s.statements() {
                all.push((s, st));
            }
        }
        all.into_iter()
    }

    /// The first statement whose label contains every word of `words`.
    pub fn find(&self, part: Option<u32>, words: &[&str]) -> Option<(&Sentence, &Statement)> {
        self.statements(part)
            .find(|(_, st)| words.iter().all(|w| st.label.contains(w)))
    }

    pub fn counts(&self, part: Option<u32>) -> alloc::vec::IntoIter<&Count> {
        let mut all = Vec::new();
        for s in self.sentences_in(part) {
            for f in &s.facts {
                if let Fact::Count(c) = f {
                    all.push(c);
                }
            }
        }
        all.into_iter()
    }
}

/// A sentence (up to "。"), joined across the lines it was broken over.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sentence {
    /// The sub-part it stands under: 2 for "（二）…" or "2、…".
    pub part: Option<u32>,
    /// First line of the sentence.
    pub line: usize,
    pub text: String,
    pub facts: Vec<Fact>,
}

impl Sentence {
    pub fn statements(&self) -> alloc::vec::IntoIter<&Statement> {
        let mut all = Vec::new();
        for f in &self.facts {
            if let Fact::Amount(s) = f {
                all.push(s.as_ref());
            }
        }
        all.into_iter()
    }

    /// The sentence's first amount: the total its shares are taken of.
    pub fn head(&self) -> Option<&Statement> {
        self.statements().next()
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fact {
    Amount(Box<Statement>),
    Count(Count),
    List(NameList),
}

impl Fact {
    /// Every printed number of the fact.
    pub fn quotes(&self) -> Vec<&Quote> {
        match self {
            Fact::Amount(s) => {
                let mut q = vec![&s.amount];
                if let Some(sh) = &s.share {
                    q.push(&sh.percent);
                }
                if let Some(done) = &s.completion {
                    q.push(&done.percent);
                }
                if let Some(c) = &s.change {
                    q.extend(c.previous.iter());
                    q.extend(c.amount.iter());
                    q.extend(c.rate.iter());
                }
                q
            }
            Fact::Count(c) => vec![&c.count],
            Fact::List(_) => Vec::new(),
        }
    }
}

/// A printed number: its value, the line it stands on, the phrase quoted
/// ("比上年增加19.23万元").
///
/// Prose drops trailing zeros ("75.8万元", "0万元", "占0%") of figures kept
/// to the 0.01: see [`Quote::interval`].
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    pub value: Amount,
    /// The number as printed ("1,629.62").
    pub shown: String,
    /// "万元", "%", or a count's unit ("个", "辆", "台（套）", "家").
    pub unit: String,
    pub line: usize,
    pub text: String,
}

impl Quote {
    pub fn is_count(&self) -> bool {
        self.unit != "万元" && self.unit != "%"
    }

    /// The interval the printed number stands for. Counts are exact. Money
    /// and percentages are kept to two decimals and printed without
    /// trailing zeros, so "0万元" is 0 ± 0.005, not ± 0.5 — a wider band
    /// would excuse any error of less than 5,000 元.
    pub fn interval(&self) -> crate::arith::Term {
        if self.is_count() {
            return crate::arith::Term::exact(self.value.value);
        }
        let scale = self.value.scale.max(2);
        crate::arith::Term::from(Amount::new(self.value.value, scale))
    }
}

/// "一般公共服务支出271.66万元，占79.79%": a labelled amount with what the
/// sentence says about it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statement {
    /// The words before the amount in its clause ("预算收入总计").
    pub label: String,
    pub amount: Quote,
    /// Index (within the sentence's facts) of the amount this one is a
    /// part of, when it follows "其中".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// "完成年初预算的98.20%" said of a 决算 amount: how much of its budget
    /// it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<Share>,
}

/// "占40.61%".
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    pub label: String,
    pub percent: Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增加 / 增长
    Up,
    /// 减少 / 下降
    Down,
    /// 持平 / 相同
    Same,
}

/// "比2025年预算30.24万元增加7.53万元，增长19.78%", "与上年持平".
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// From the amount's word (增加/减少) or 持平/相同; None when only
    /// the previous figure is printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The previous year's figure when printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Quote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Quote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Quote>,
    /// From the rate's word (增长/下降).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_direction: Option<Direction>,
    pub line: usize,
}

/// "二级项目3个", "实有2辆", "通用设备4台（套）".
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    pub label: String,
    /// "个", "辆", "台（套）", "家".
    pub unit: String,
    pub count: Quote,
}

/// "主要包括：基本工资、津贴补贴…等".
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NameList {
    /// The label of the amount the list describes ("人员经费").
    pub label: String,
    pub line: usize,
    pub items: Vec<NameItem>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NameItem {
    pub name: String,
    pub line: usize,
}

/// 1 → "一", 12 → "十二".
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 || n > 99 {
        return n.to_string();
    }
    let mut text = String::new();
    if n >= 20 {
        text.push_str(DIGITS[(n / 10) as usize]);
    }
    if n >= 10 {
        text.push('十');
    }
    text.push_str(DIGITS[(n % 10) as usize]);
    text
}
