//! Recognising a table by its title, whatever its label and year.

use crate::lines::{Line, Lines};
use crate::prelude::*;
use crate::profile::{Profile, TableDef};
use crate::text::{fold_key, is_chinese_digit, leading_digits};

/// The titles of a profile's tables, folded once for a whole document.
pub(crate) struct Titles {
    /// (table, folded title, folded title with its optional suffix).
    folded: Vec<(&'static TableDef, String, Option<String>)>,
}

impl Titles {
    pub(crate) fn of(profile: &'static Profile) -> Titles {
        let mut folded = Vec::with_capacity(profile.tables.len() * profile.title_prefixes.len());
        for prefix in profile.title_prefixes {
            for def in profile.tables {
                let title = unquoted(&format!("{}{}", fold_key(prefix), fold_key(def.title)));
                let long = def
                    .optional_suffix
                    .map(|s| unquoted(&format!("{title}{}", fold_key(s))));
                folded.push((def, title, long));
            }
        }
        Titles { folded }
    }

    /// How many content lines are one of these titles.
    pub(crate) fn count_in(&self, lines: &Lines) -> usize {
        lines
            .content()
            .filter(|l| !l.is_blank() && self.table_of(l).is_some())
            .count()
    }

    /// The table whose title this line is, if any.
    pub(crate) fn table_of(&self, line: &Line) -> Option<&'static TableDef> {
        // Every title names a 表: most lines are ruled out before any folding.
        if !line.text.contains('表') || line.text.chars().count() > 70 {
            return None;
        }
        // A title may come as the one filled cell of a table row.
        let text = if line.is_tabular() {
            let mut filled = line.filled_cells();
            match (filled.next(), filled.next()) {
                (Some(only), None) => only,
                _ => return None,
            }
        } else {
            line.text.as_str()
        };
        let core = unquoted(&title_core(text));
        let continued = core.strip_suffix("(续)");
        self.folded
            .iter()
            .find(|(_, title, long)| {
                core == *title || long.as_ref() == Some(&core) || continued == Some(title.as_str())
            })
            .map(|(def, _, _)| *def)
    }
}

/// A folded title without its quotation marks, which extractions often
/// lose ("财政拨款 三公 经费支出决算表").
fn unquoted(key: &str) -> String {
    key.chars().filter(|&c| c != '"').collect()
}

/// The title without "预算公开表1"/"部门公开表9"/"表一" labels and without
/// the year ("2026年", "2026年度", "(2026)年度").
fn title_core(text: &str) -> String {
    // "预算公开表1 2025年…": the label's number and the year would run
    // together once spaces are folded, so drop a separate label token first.
    let text = match text.trim().split_once(char::is_whitespace) {
        Some((first, rest))
            if fold_key(first).contains("公开表") || fold_key(first).starts_with("附表") =>
        {
            rest
        }
        _ => text,
    };
    let key = fold_key(text);
    let mut k: &str = &key;
    for label in ["预算公开表", "部门公开表", "单位公开表", "公开表", "附表"] {
        if let Some(rest) = k.strip_prefix(label) {
            k = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ':');
        }
    }
    if let Some(rest) = k.strip_prefix('表') {
        let numeral_end = label_number_len(rest);
        if numeral_end > 0 {
            k = rest[numeral_end..].trim_start_matches([':', '、', '.']);
        }
    }
    strip_year(k)
}

/// Bytes of the number after "表": Chinese numerals ("十三"), or ASCII
/// digits that are not the start of a 4-digit year ("表12026年" → "1").
fn label_number_len(rest: &str) -> usize {
    let chinese: usize = rest
        .chars()
        .take_while(|&c| is_chinese_digit(c))
        .map(char::len_utf8)
        .sum();
    if chinese > 0 {
        return chinese;
    }
    let digits = leading_digits(rest);
    match digits {
        0..=3 => digits,
        4 => 0,
        n => n - 4,
    }
}

fn strip_year(k: &str) -> String {
    let s = k.strip_prefix('(').unwrap_or(k);
    let digits = leading_digits(s);
    if digits != 4 {
        return k.to_string();
    }
    let rest = &s[digits..];
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    let rest = rest
        .strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(rest);
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::BUDGET13;

    fn id(text: &str) -> Option<&'static str> {
        let lines = Lines::from_text(text);
        Titles::of(&BUDGET13).table_of(&lines.all[0]).map(|d| d.id)
    }

    #[test]
    fn titles_with_labels_and_years() {
        assert_eq!(id("2026年预算收支总表"), Some("表一"));
        assert_eq!(id("预算公开表1 2025年预算收支总表"), Some("表一"));
        assert_eq!(
            id("表五2026年一般公共预算支出预算表（不含上年结转）"),
            Some("表五")
        );
        assert_eq!(id("2026年一般公共预算支出预算表"), Some("表五"));
        assert_eq!(id("2026年财政拨款安排“三公”经费支出预算表"), Some("表十"));
        assert_eq!(id("(2026)年度项目支出预算表(上年结转)"), Some("表十三"));
        assert_eq!(id("2026年财政拨款收支总表"), Some("表四"));
        assert_eq!(id("2026年项目支出预算表"), None);
        assert_eq!(id("详见2026年预算收支总表。"), None);
    }

    fn shanghai(profile: &'static crate::profile::Profile, text: &str) -> Option<&'static str> {
        let lines = Lines::from_text(text);
        Titles::of(profile).table_of(&lines.all[0]).map(|d| d.id)
    }

    #[test]
    fn shanghai_titles_by_version() {
        use crate::profile::{SHANGHAI9_DEPARTMENT as D, SHANGHAI9_UNIT as U};
        assert_eq!(shanghai(&D, "2025年部门财务收支预算总表"), Some("表1"));
        assert_eq!(shanghai(&U, "2025年部门财务收支预算总表"), None);
        assert_eq!(shanghai(&U, "2025年预算单位财务收支预算总表"), Some("表1"));
        assert_eq!(
            shanghai(&U, "2025年单位“三公”经费和机关运行经费预算表"),
            Some("表9")
        );
        // FL24 prints 9's title without its year, and 4's as a table row.
        assert_eq!(
            shanghai(&U, "单位“三公”经费和机关运行经费预算表"),
            Some("表9")
        );
        assert_eq!(
            shanghai(&U, "2024年预算单位财政拨款收支预算总表\t\t\t"),
            Some("表4")
        );
        assert_eq!(
            shanghai(&U, "2024年预算单位财政拨款收支预算总表\t1\t2"),
            None
        );
        assert_eq!(
            shanghai(&D, "2025年部门“三公”经费和机关运行经费预算表"),
            Some("表9")
        );
    }
}
