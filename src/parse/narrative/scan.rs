//! One sentence → its facts.
//!
//! A hand-written left-to-right scanner. A number is a fact only with a
//! unit after it: "万元" (an amount), "%" (a share or a rate), "个/辆/
//! 台（套）/家/项" (a count); years, dates, plate numbers and thresholds
//! ("价值50万元（原值）以上的") are not. The label of a fact is the text
//! since the last clause mark (，；：、) or the previous fact, so a figure
//! can never borrow a label from another sentence. What the label says
//! decides the fact's role:
//! - "比…增加/减少" or "…增加/减少" before an amount: the change of the
//!   amount just stated ("比2025年预算30.24万元增加7.53万元");
//! - "比…"/"与…" before an amount: the previous year's figure;
//! - "占…" before a percentage: the share of the amount just stated;
//! - "增长/下降" before a percentage: the rate of the change;
//! - otherwise a new statement.
//!
//! A change introduced by "比上年" after the parts of a "其中" list belongs
//! to the total, not the last part ("收入总计X，其中：本年收入A，上年结转B，
//! 比上年增加C"); "与上年…" after a part belongs to that part (三公 items).

use crate::model::{
    Amount, Change, Count, Direction, Fact, NameItem, NameList, Quote, Share, Statement,
};
use crate::prelude::*;

/// Units of a count, longest first.
const COUNT_UNITS: [&str; 7] = ["台（套）", "台(套)", "个", "辆", "台", "家", "项"];

/// What a template's wording means where wordings differ: the scanner's
/// part of the profile's [`crate::profile::NarrativeStyle`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Wording {
    /// A change said right after a part of a "其中" list is the part's
    /// (Shanghai), not the total's (the 13-table wording).
    pub change_after_part_is_the_parts: bool,
}

/// Reads the facts of `text`; `line_at` maps a byte offset of `text` to its
/// original line number.
pub fn facts(text: &str, wording: Wording, line_at: impl Fn(usize) -> usize) -> Vec<Fact> {
    let mut s = Scanner {
        text,
        wording,
        line_at: &line_at,
        facts: Vec::new(),
        open: None,
        head: None,
        last_change: None,
        in_parts: false,
        label_start: 0,
        scrambled: false,
    };
    s.run();
    if s.scrambled {
        return Vec::new();
    }
    s.facts
}

struct Scanner<'a> {
    text: &'a str,
    wording: Wording,
    line_at: &'a dyn Fn(usize) -> usize,
    facts: Vec<Fact>,
    /// The statement just made.
    open: Option<usize>,
    /// The last statement that is not a part of a "其中" list.
    head: Option<usize>,
    /// The statement whose change was stated last (its rate follows).
    last_change: Option<usize>,
    in_parts: bool,
    label_start: usize,
    /// The sentence reads out of order (see [`Scanner::amount`]): none of
    /// its facts is taken.
    scrambled: bool,
}

enum Unit {
    Money,
    Percent,
    Count(&'static str),
}

impl Scanner<'_> {
    fn run(&mut self) {
        let text = self.text;
        let mut pos = 0;
        let mut clause_start = 0;
        while pos < text.len() {
            let rest = &text[pos..];
            let Some(ch) = rest.chars().next() else { break };
            if rest.starts_with("其中") {
                self.in_parts = true;
            }
            if let Some(len) = self.list(pos) {
                pos += len;
                self.label_start = pos;
                continue;
            }
            if is_clause_mark(ch) {
                self.clause_end(&text[clause_start..pos], pos);
                if ch == '；' || ch == ';' {
                    self.in_parts = false;
                }
                pos += ch.len_utf8();
                self.label_start = pos;
                clause_start = pos;
                continue;
            }
            if ch.is_ascii_digit() {
                pos += self.number(pos);
                continue;
            }
            pos += ch.len_utf8();
        }
        self.clause_end(&text[clause_start..], text.len());
    }

    /// Reads the number at `pos`; returns the bytes consumed.
    fn number(&mut self, pos: usize) -> usize {
        let rest = &self.text[pos..];
        let len = number_len(rest);
        let shown = &rest[..len];
        let after = &rest[len..];
        let gap = after.len() - after.trim_start_matches(' ').len();
        let after = &after[gap..];
        let Some((unit, unit_len)) = unit_of(after) else {
            return len;
        };
        let Some(value) = Amount::parse(shown) else {
            return len;
        };
        if matches!(unit, Unit::Money) && is_threshold(&after[unit_len..]) {
            return len + gap + unit_len;
        }
        let end = pos + len + gap + unit_len;
        let raw_label = &self.text[self.label_start.min(pos)..pos];
        let label = clean_label(raw_label);
        let line = (self.line_at)(pos);
        let phrase_start = if (self.line_at)(self.label_start) == line {
            self.label_start.min(pos)
        } else {
            pos
        };
        let quote = Quote {
            value,
            shown: shown.to_string(),
            unit: match unit {
                Unit::Money => "万元".to_string(),
                Unit::Percent => "%".to_string(),
                Unit::Count(u) => u.to_string(),
            },
            line,
            text: self.text[phrase_start..end].trim().to_string(),
        };
        match unit {
            Unit::Money => self.amount(label, quote),
            Unit::Percent => self.percent(label, quote),
            Unit::Count(u) => self.facts.push(Fact::Count(Count {
                label,
                unit: u.to_string(),
                count: quote,
            })),
        }
        self.label_start = end;
        end - pos
    }

    fn amount(&mut self, label: String, quote: Quote) {
        // "占" asks for a percentage: an amount after it ("基本支出12323.48
        // 万元，占项目支出5533万元，占68.48%；30.74%") is text read out of
        // order — one cell a line reads a column of labels, then a column
        // of percentages — and no figure of the sentence has its place.
        if label.starts_with('占') && !label.starts_with("占用") && !label.starts_with("占有")
        {
            self.scrambled = true;
            return;
        }
        if let Some(direction) = trailing_direction(&label) {
            if let Some(target) = self.change_target(&label) {
                if let Some(change) = self.change_of(target, quote.line) {
                    change.direction = Some(direction);
                    change.amount = Some(quote);
                    self.last_change = Some(target);
                    return;
                }
            }
        }
        if label.starts_with('比') || label.starts_with('与') {
            if let Some(target) = self.change_target(&label) {
                if let Some(change) = self.change_of(target, quote.line) {
                    change.previous = Some(quote);
                    self.last_change = Some(target);
                    return;
                }
            }
        }
        if self.open.is_none() && (trailing_direction(&label).is_some() || label.starts_with('比'))
        {
            // A change with no amount of its own sentence to belong to.
            return;
        }
        // "主要原因是…830.99万元": an amount inside a reason is neither a
        // part of the total nor a new total.
        let reason = label.contains("原因");
        let part_of = if self.in_parts && !reason {
            self.head
        } else {
            None
        };
        let index = self.facts.len();
        self.facts.push(Fact::Amount(Box::new(Statement {
            label,
            amount: quote,
            part_of,
            share: None,
            change: None,
            completion: None,
        })));
        self.open = Some(index);
        if part_of.is_none() && !reason {
            self.head = Some(index);
        }
        self.last_change = None;
    }

    fn percent(&mut self, label: String, quote: Quote) {
        if label.contains("完成") {
            // "…支出决算为2940.05万元，完成年初预算的98.20%".
            if let Some(Fact::Amount(st)) = self.open.and_then(|i| self.facts.get_mut(i)) {
                st.completion.get_or_insert(Share {
                    label,
                    percent: quote,
                });
            }
        } else if label.contains('占') {
            if let Some(Fact::Amount(st)) = self.open.and_then(|i| self.facts.get_mut(i)) {
                if st.share.is_none() {
                    st.share = Some(Share {
                        label,
                        percent: quote,
                    });
                }
            }
        } else if let Some(direction) = trailing_direction(&label) {
            let target = self.last_change.or_else(|| self.change_target(&label));
            if let Some(target) = target {
                if let Some(change) = self.change_of(target, quote.line) {
                    change.rate = Some(quote);
                    change.rate_direction = Some(direction);
                }
            }
        }
    }

    /// Which statement a change phrase speaks of.
    fn change_target(&self, label: &str) -> Option<usize> {
        let open = self.open?;
        let part_of = match self.facts.get(open) {
            Some(Fact::Amount(st)) => st.part_of,
            _ => None,
        };
        match part_of {
            Some(head)
                if label.starts_with('比') && !self.wording.change_after_part_is_the_parts =>
            {
                Some(head)
            }
            _ => Some(open),
        }
    }

    fn change_of(&mut self, index: usize, line: usize) -> Option<&mut Change> {
        let Some(Fact::Amount(st)) = self.facts.get_mut(index) else {
            return None;
        };
        Some(st.change.get_or_insert(Change {
            direction: None,
            previous: None,
            amount: None,
            rate: None,
            rate_direction: None,
            line,
        }))
    }

    /// "与上年持平", "与上年预算数相同": a change of zero for the statement
    /// just made.
    fn clause_end(&mut self, clause: &str, end: usize) {
        let same = clause.contains("持平")
            || (clause.contains("相同") && (clause.contains("上年") || clause.contains("去年")));
        if !same || has_figure(clause) {
            return;
        }
        let Some(open) = self.open else { return };
        let line = (self.line_at)(end.saturating_sub(1));
        if let Some(change) = self.change_of(open, line) {
            if change.direction.is_none() && change.amount.is_none() {
                change.direction = Some(Direction::Same);
            }
        }
    }

    /// "主要包括：基本工资、津贴补贴…等；": a list of names (no figures)
    /// for the statement just made. Returns the bytes consumed.
    fn list(&mut self, pos: usize) -> Option<usize> {
        let rest = &self.text[pos..];
        let body_start = ["主要包括：", "主要包括:"]
            .iter()
            .find_map(|p| rest.starts_with(p).then_some(p.len()))?;
        let body = &rest[body_start..];
        let body_len = body.find(['；', ';', '。']).unwrap_or(body.len());
        let body = &body[..body_len];
        if body.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let label = match self.open.and_then(|i| self.facts.get(i)) {
            Some(Fact::Amount(st)) => st.label.clone(),
            _ => String::new(),
        };
        let mut items = Vec::new();
        let mut offset = pos + body_start;
        for piece in body.split('、') {
            let name = piece.trim();
            let name = name.strip_suffix('等').unwrap_or(name).trim();
            if !name.is_empty() {
                let lead = piece.len() - piece.trim_start().len();
                items.push(NameItem {
                    name: name.to_string(),
                    line: (self.line_at)(offset + lead),
                });
            }
            offset += piece.len() + '、'.len_utf8();
        }
        self.facts.push(Fact::List(NameList {
            label,
            line: (self.line_at)(pos),
            items,
        }));
        Some(body_start + body_len)
    }
}

/// Whether a clause prints a figure: digits other than a year's
/// ("比2024年预算持平" prints none).
fn has_figure(clause: &str) -> bool {
    let b = clause.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let year = i - start == 4 && clause[i..].starts_with('年');
            if !year {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

fn is_clause_mark(ch: char) -> bool {
    matches!(ch, '，' | '；' | '：' | '、' | '。' | ',' | ';' | ':')
}

/// Length of "1,629.62", "75.8", "0" at the start of `s`. A comma belongs
/// to the number only when three digits follow it.
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    while b.get(i) == Some(&b',')
        && b.get(i + 1..i + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    {
        i += 4;
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

fn unit_of(after: &str) -> Option<(Unit, usize)> {
    if after.starts_with("万元") {
        return Some((Unit::Money, "万元".len()));
    }
    // "21,940.96 万 元": a PDF's letter-spaced line.
    if after.starts_with("万 元") {
        return Some((Unit::Money, "万 元".len()));
    }
    if after.starts_with('%') {
        return Some((Unit::Percent, 1));
    }
    COUNT_UNITS
        .iter()
        .find(|u| after.starts_with(**u))
        .map(|u| (Unit::Count(u), u.len()))
}

/// "50万元（原值）以上的通用设备": a threshold, not an amount.
fn is_threshold(after_unit: &str) -> bool {
    let t = after_unit.trim_start();
    t.starts_with("以上")
        || t.starts_with("以下")
        || t.starts_with("（原值）")
        || t.starts_with("(原值)")
}

/// The direction word a label ends with ("比上年增加" → Up).
fn trailing_direction(label: &str) -> Option<Direction> {
    // "减少了1237.7万元", "增幅2.94%".
    let t = label.trim_end();
    let t = t.strip_suffix('了').unwrap_or(t);
    if t.ends_with("增加") || t.ends_with("增长") || t.ends_with("增幅") {
        Some(Direction::Up)
    } else if t.ends_with("减少") || t.ends_with("下降") || t.ends_with("降幅") {
        Some(Direction::Down)
    } else {
        None
    }
}

/// The label without the list words around it ("其中：", "主要包括").
fn clean_label(raw: &str) -> String {
    let mut t = raw.trim();
    for prefix in ["其中", "主要包括", "包括"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_start_matches([':', '：', ' ']);
        }
    }
    t.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<Fact> {
        facts(text, Wording::default(), |_| 7)
    }

    fn statements(facts: &[Fact]) -> Vec<&Statement> {
        facts
            .iter()
            .filter_map(|f| match f {
                Fact::Amount(s) => Some(s.as_ref()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn change_after_parts_belongs_to_the_total() {
        let f = scan("预算收入总计340.46万元，其中：本年收入340.46万元，上年结转0万元，比上年增加19.23万元，增长5.99%，主要原因是人员增加。");
        let st = statements(&f);
        assert_eq!(st.len(), 3);
        assert_eq!(st[0].label, "预算收入总计");
        let change = st[0].change.as_ref().unwrap();
        assert_eq!(change.amount.as_ref().unwrap().shown, "19.23");
        assert_eq!(change.rate.as_ref().unwrap().shown, "5.99");
        assert_eq!(st[1].label, "本年收入");
        assert_eq!(st[1].part_of, Some(0));
        assert!(st[2].change.is_none());
    }

    #[test]
    fn previous_change_and_rate() {
        let f = scan("机关运行经费财政拨款预算36.22万元，比2025年预算30.24万元增加7.53万元，增长19.78%，原因是…");
        let st = statements(&f);
        assert_eq!(st.len(), 1);
        let c = st[0].change.as_ref().unwrap();
        assert_eq!(c.previous.as_ref().unwrap().shown, "30.24");
        assert_eq!(c.amount.as_ref().unwrap().shown, "7.53");
        assert_eq!(c.direction, Some(Direction::Up));
        assert_eq!(c.rate_direction, Some(Direction::Up));
        let f =
            scan("预算57.82万元，与2025年预算66.10万元相比，减少8.28万元，下降12.53%，主要原因是…");
        let c = statements(&f)[0].change.clone().unwrap();
        assert_eq!(c.previous.unwrap().shown, "66.10");
        assert_eq!(c.direction, Some(Direction::Down));
    }

    #[test]
    fn shares_same_and_counts() {
        let f = scan("其中：因公出国（境）费0万元，与上年预算数相同；公务接待费0万元，与上年相比预算数减少0.80万元，主要原因是…");
        let st = statements(&f);
        assert_eq!(
            st[0].change.as_ref().unwrap().direction,
            Some(Direction::Same)
        );
        assert_eq!(
            st[1].change.as_ref().unwrap().direction,
            Some(Direction::Down)
        );
        let f = scan("阳泉市招商中心占有使用价值50万元（原值）以上的通用设备0台（套）；");
        assert!(statements(&f).is_empty());
        let Fact::Count(c) = &f[0] else { panic!() };
        assert_eq!(c.unit, "台（套）");
        assert!(c.label.ends_with("以上的通用设备"));
        let f = scan("一般公共服务支出2,446.16万元,占82.23%;社会保障和就业支出338.11万元;");
        let st = statements(&f);
        assert_eq!(st[0].amount.shown, "2,446.16");
        assert_eq!(st[0].share.as_ref().unwrap().percent.shown, "82.23");
        assert!(st[1].share.is_none());
    }

    #[test]
    fn amounts_after_a_share_mark_read_out_of_order() {
        let f = scan("本年支出预算合计17996.68万元，其中：基本支出12323.48万元，占项目支出5533万元，占68.48 %；");
        assert!(f.is_empty(), "{f:?}");
        let f = scan("本年支出预算合计17996.68万元，其中：基本支出12323.48万元，占68.48%；");
        assert_eq!(statements(&f).len(), 2);
        let f = scan("本单位占用房屋资产原值500万元；");
        assert_eq!(statements(&f).len(), 1);
    }

    #[test]
    fn flat_change() {
        let f = scan("一般公共预算当年支出100.00万元，与上年持平。");
        let c = statements(&f)[0].change.clone().unwrap();
        assert_eq!(c.direction, Some(Direction::Same));
        assert!(c.amount.is_none());
        // A figure of another sentence never takes this one's change.
        let f = scan("收入100万元。");
        assert!(statements(&f)[0].change.is_none());
        let f = scan("比上年增加5万元，增长5%。");
        assert!(statements(&f).is_empty());
    }

    #[test]
    fn lists_of_names() {
        let f = scan("公用经费36.22万元，主要包括：印刷费、办公费、其他交通费、水费等。");
        let Fact::List(l) = &f[1] else { panic!() };
        assert_eq!(l.label, "公用经费");
        let names: Vec<&str> = l.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["印刷费", "办公费", "其他交通费", "水费"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(number_len("1,629.62万元"), 8);
        assert_eq!(number_len("2,974.94万元,比"), 8);
        assert_eq!(number_len("12,34"), 2);
        assert_eq!(number_len("5."), 1);
    }
}
