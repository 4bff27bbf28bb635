//! Comparing two printings of one project's name — 表十二 against its
//! 绩效目标表, a 专项资金 heading against its 申报表. The one place where
//! "the same name" is decided, shared by the F and P rules.
//!
//! Names are compared on their folded key (spaces, bracket, dash and quote
//! styles do not count: "内外贸发展—展会及会议经费" = "内外贸发展-展会及会议经费"),
//! then by their longest common subsequence of characters:
//!
//! - nothing differs → [`NameRelation::Same`];
//! - one name is the other with characters left out or added ("预算绩效管理
//!   工作会议" / "…会议费", "开发区建设工作领导小组" / "开发区建设领导小组") →
//!   [`NameRelation::Shortened`]: the same project, printed carelessly —
//!   a warning;
//! - characters of each name are missing from the other ("…工作会议费" /
//!   "…工作经费": 会议 was replaced by 经) → [`NameRelation::Changed`]: a
//!   different wording, which a reader cannot reconcile — an error;
//! - too little in common (under 60% of the longer name) →
//!   [`NameRelation::Unrelated`]: not the same project at all.

use crate::prelude::*;
use crate::report::Severity;
use crate::text::fold_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameRelation {
    Same,
    Shortened,
    Changed,
    Unrelated,
}

#[derive(Debug, Clone)]
pub struct NameComparison {
    pub relation: NameRelation,
    /// Runs of characters found only in the first name.
    pub only_first: Vec<String>,
    /// Runs of characters found only in the second name.
    pub only_second: Vec<String>,
    /// Length of the longest common subsequence (in characters).
    pub common: usize,
}

impl NameComparison {
    /// How a difference is reported: none when the names are the same.
    pub fn severity(&self) -> Option<Severity> {
        match self.relation {
            NameRelation::Same => None,
            NameRelation::Shortened => Some(Severity::Warning),
            NameRelation::Changed | NameRelation::Unrelated => Some(Severity::Error),
        }
    }

    /// "绩效目标表少了「费」", "表十二的「会议」在绩效目标表中为「经」" — what
    /// differs, in reviewers' words, naming the two places.
    pub fn describe(&self, first: &str, second: &str) -> String {
        match (self.only_first.is_empty(), self.only_second.is_empty()) {
            (true, true) => "名称一致".to_string(),
            (false, true) => format!("{second}少了{}", quote(&self.only_first)),
            (true, false) => format!("{second}多了{}", quote(&self.only_second)),
            (false, false) => format!(
                "{first}的{}在{second}中为{}",
                quote(&self.only_first),
                quote(&self.only_second)
            ),
        }
    }
}

/// Runs of characters, each in 「」.
fn quote(runs: &[String]) -> String {
    let mut out = String::new();
    for run in runs {
        out.push('「');
        out.push_str(run);
        out.push('」');
    }
    out
}

/// The key names are compared on, as characters: folded, quotes dropped,
/// dash runs as one. (Characters, for comparing one name with many:
/// [`compare_keys`], [`related`].)
pub fn key_chars(name: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in fold_key(name).chars() {
        if c == '"' {
            continue;
        }
        if c == '-' && out.last() == Some(&'-') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Compares two printings of a name.
pub fn compare(first: &str, second: &str) -> NameComparison {
    compare_keys(&key_chars(first), &key_chars(second))
}

/// The comparison of two names keyed by [`key_chars`], or None when they
/// are [`NameRelation::Unrelated`]. Most pairs of a document's project
/// names are unrelated, and most of those are told apart by counting the
/// characters they share (in any order) before any diff is made.
pub fn related(a: &[char], b: &[char]) -> Option<NameComparison> {
    if a != b && !may_relate(a, b) {
        return None;
    }
    let c = compare_keys(a, b);
    (c.relation != NameRelation::Unrelated).then_some(c)
}

/// Whether the characters `a` and `b` share (counted with repeats, in any
/// order: a bound on their longest common subsequence) reach the share
/// that [`compare_keys`] asks of names that are not unrelated.
fn may_relate(a: &[char], b: &[char]) -> bool {
    let longer = a.len().max(b.len());
    let (a, b) = (&a[..a.len().min(MAX_CHARS)], &b[..b.len().min(MAX_CHARS)]);
    let mut taken = [false; MAX_CHARS];
    let shared = a
        .iter()
        .filter(|&&c| {
            let hit = b.iter().zip(&taken).position(|(&d, &t)| d == c && !t);
            hit.map(|j| taken[j] = true).is_some()
        })
        .count();
    !is_unrelated(shared, longer)
}

/// Under 2 characters, or under 60% of the longer name, in common.
fn is_unrelated(common: usize, longer: usize) -> bool {
    common < 2 || common * 10 < longer * 6
}

/// Names are short (a few dozen characters); anything longer is cut so
/// that hostile input stays cheap.
const MAX_CHARS: usize = 200;

/// Compares two names keyed by [`key_chars`].
pub fn compare_keys(a: &[char], b: &[char]) -> NameComparison {
    let (common, only_first, only_second) = diff(a, b);
    let longer = a.len().max(b.len());
    let relation = if only_first.is_empty() && only_second.is_empty() {
        NameRelation::Same
    } else if is_unrelated(common, longer) {
        NameRelation::Unrelated
    } else if only_first.is_empty() || only_second.is_empty() {
        NameRelation::Shortened
    } else {
        NameRelation::Changed
    };
    NameComparison {
        relation,
        only_first,
        only_second,
        common,
    }
}

/// Longest common subsequence, and the runs of each side outside it.
fn diff(a: &[char], b: &[char]) -> (usize, Vec<String>, Vec<String>) {
    let a = &a[..a.len().min(MAX_CHARS)];
    let b = &b[..b.len().min(MAX_CHARS)];
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let width = m + 1;
    let mut lcs = vec![0usize; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let at = |i: usize, j: usize| lcs[i * width + j];
    let (mut i, mut j) = (0, 0);
    let mut only_a = Runs::default();
    let mut only_b = Runs::default();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            only_a.close();
            only_b.close();
            i += 1;
            j += 1;
        } else if j >= m || (i < n && at(i + 1, j) >= at(i, j + 1)) {
            only_a.push(a[i]);
            i += 1;
        } else {
            only_b.push(b[j]);
            j += 1;
        }
    }
    (at(0, 0), only_a.finish(), only_b.finish())
}

#[derive(Default)]
struct Runs {
    done: Vec<String>,
    open: String,
}

impl Runs {
    fn push(&mut self, c: char) {
        self.open.push(c);
    }

    fn close(&mut self) {
        if !self.open.is_empty() {
            self.done.push(core::mem::take(&mut self.open));
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.close();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_and_spaces_do_not_count() {
        let c = compare("内外贸发展—展会及会议经费", "内外贸发展-展会及会议经费");
        assert_eq!(c.relation, NameRelation::Same);
        let c = compare(
            "全市商务领域消费品以旧换新补贴审 计经费",
            "全市商务领域消费品以旧换新补贴审计经费",
        );
        assert_eq!(c.relation, NameRelation::Same);
    }

    #[test]
    fn a_dropped_character_is_shortened() {
        let c = compare("预算绩效管理工作会议费", "预算绩效管理工作会议");
        assert_eq!(c.relation, NameRelation::Shortened);
        assert_eq!(c.only_first, vec!["费"]);
        assert_eq!(c.severity(), Some(Severity::Warning));
        let c = compare(
            "阳泉市开发区建设工作领导小组办公室工作经费",
            "阳泉市开发区建设领导小组办公室工作经费",
        );
        assert_eq!(c.relation, NameRelation::Shortened);
        assert_eq!(c.only_first, vec!["工作"]);
    }

    #[test]
    fn a_changed_word_is_changed() {
        let c = compare("支出标准体系建设工作会议费", "支出标准体系建设工作经费");
        assert_eq!(c.relation, NameRelation::Changed);
        assert_eq!(c.severity(), Some(Severity::Error));
        assert_eq!(
            c.describe("表十二", "绩效目标表"),
            "表十二的「会议」在绩效目标表中为「经」"
        );
    }

    #[test]
    fn related_agrees_with_compare() {
        let names = [
            "预算绩效管理工作会议费",
            "预算绩效管理工作会议",
            "支出标准体系建设工作经费",
            "支出标准体系建设工作会议费",
            "物业费",
            "评审中心工作运行费",
            "财政业务工作经费",
            "财政系统业务运转保障及服务经费",
            "",
            "费",
        ];
        for a in names {
            for b in names {
                let full = compare(a, b);
                let quick = related(&key_chars(a), &key_chars(b));
                match quick {
                    None => assert_eq!(full.relation, NameRelation::Unrelated, "{a} / {b}"),
                    Some(c) => assert_eq!(c.relation, full.relation, "{a} / {b}"),
                }
            }
        }
    }

    #[test]
    fn different_projects_are_unrelated() {
        assert_eq!(
            compare("物业费", "评审中心工作运行费").relation,
            NameRelation::Unrelated
        );
        assert_eq!(
            compare("财政业务工作经费", "财政系统业务运转保障及服务经费").relation,
            NameRelation::Unrelated
        );
    }
}
