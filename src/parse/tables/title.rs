//! Recognising a table by its title, whatever its label and year.
//!
//! In two steps, because a document is weighed against every profile
//! (`parse::pick_profile`) before one is chosen: [`TitleLines`] folds the
//! lines that may be titles — alone, or a title wrapped over two or three
//! short lines — into their title cores once, whatever the profile;
//! [`Titles`] then only compares those cores with one profile's titles.

use crate::lines::{Line, Lines};
use crate::prelude::*;
use crate::profile::{Profile, TableDef};
use crate::text::{fold_key, is_chinese_digit, leading_digits, more_chars_than};

/// The titles of a profile's tables, folded once for a whole document.
pub(crate) struct Titles {
    /// (table, folded title, folded title with its optional suffix).
    folded: Vec<(&'static TableDef, String, Option<String>)>,
}

/// The lines of a document that may be a table's title, as title cores
/// ([`title_core`]): what every profile's [`Titles`] compares.
pub(crate) struct TitleLines {
    /// Index into `lines.all` of each content line (neither noise nor blank).
    content: Vec<usize>,
    /// Each content line that names a 表 or has a line naming one among the
    /// two after it: only such a line may start a title.
    near_table: Vec<bool>,
    /// Each content line's core as a title on one line, when it names a 表
    /// and is short enough to be one.
    cores: Vec<Option<String>>,
    /// For each content line that may start a wrapped title: the cores of
    /// it joined with the next line, then with the two next (`None` where
    /// the join names no 表 or is too long), as far as the lines after it
    /// may be a title's pieces.
    joins: Vec<Option<Vec<Option<String>>>>,
}

impl TitleLines {
    pub(crate) fn of(lines: &Lines) -> TitleLines {
        let content: Vec<usize> = lines
            .all
            .iter()
            .enumerate()
            .filter(|(_, l)| l.noise.is_none() && !l.is_blank())
            .map(|(i, _)| i)
            .collect();
        let names_table: Vec<bool> = content
            .iter()
            .map(|&i| lines.all[i].text.contains('表'))
            .collect();
        let mut near_table = Vec::with_capacity(content.len());
        let mut cores = Vec::with_capacity(content.len());
        let mut joins = Vec::with_capacity(content.len());
        for n in 0..content.len() {
            let at = &content[n..content.len().min(n + 3)];
            // Every title names a 表, on one of its lines when wrapped: a
            // line is looked at only when it or one of the two after it does.
            let near = names_table[n..n + at.len()].contains(&true);
            near_table.push(near);
            cores.push(if names_table[n] {
                line_core(&lines.all[content[n]])
            } else {
                None
            });
            joins.push(if near { wrapped_cores(lines, at) } else { None });
        }
        TitleLines {
            content,
            near_table,
            cores,
            joins,
        }
    }
}

/// The core of a line as a title on one line: a title may come as the one
/// filled cell of a table row.
fn line_core(line: &Line) -> Option<String> {
    if !line.text.contains('表') {
        return None;
    }
    let text = if line.is_tabular() {
        let mut filled = line.filled_cells();
        match (filled.next(), filled.next()) {
            (Some(only), None) => only,
            _ => return None,
        }
    } else {
        line.text.as_str()
    };
    text_core(text)
}

/// The cores of a title wrapped over the lines at `at[0]`, `at[1]` (and
/// `at[2]`): the first joined with the second, then with both. `None` when
/// the first cannot start one.
fn wrapped_cores(lines: &Lines, at: &[usize]) -> Option<Vec<Option<String>>> {
    let first = &lines.all[*at.first()?];
    // The first piece is words ("2024" above a title is its year).
    if first.is_tabular()
        || first.text.contains('。')
        || more_chars_than(&first.text, 40)
        || first.text.chars().filter(|c| *c > '\u{2e80}').count() < 4
    {
        return None;
    }
    let mut joined = first.text.clone();
    let mut cores = Vec::new();
    for &i in &at[1..] {
        let next = &lines.all[i];
        if next.is_tabular() || more_chars_than(&next.text, 8) {
            break;
        }
        joined.push_str(&next.text);
        cores.push(if joined.contains('表') {
            text_core(&joined)
        } else {
            None
        });
    }
    Some(cores)
}

/// The core of a text as a title ([`title_core`], without quotation
/// marks), or `None` when it is too long to be one.
fn text_core(text: &str) -> Option<String> {
    // A title run together with the meta line under it and a flattened
    // copy of the table ("收支预算总表部门：X 单位：万元一、财政拨款…", as
    // a PDF frame's first cell gives it): the title ends at its meta.
    let text = match meta_start(text) {
        Some(at) => &text[..at],
        None => text,
    };
    if more_chars_than(text, 70) {
        return None;
    }
    Some(unquoted(&title_core(text)))
}

impl Titles {
    pub(crate) fn of(profile: &'static Profile) -> Titles {
        let mut folded = Vec::with_capacity(profile.tables.len() * profile.title_prefixes.len());
        for prefix in profile.title_prefixes {
            for def in profile.tables {
                for name in core::iter::once(&def.title).chain(def.other_titles) {
                    let title = unquoted(&format!("{}{}", fold_key(prefix), fold_key(name)));
                    let long = def
                        .optional_suffix
                        .map(|s| unquoted(&format!("{title}{}", fold_key(s))));
                    folded.push((def, title, long));
                }
            }
        }
        Titles { folded }
    }

    /// (index into `lines.all` of its first line and of its last, table)
    /// of every title: a title wrapped over lines ends below its first,
    /// and the table's rows start after it.
    pub(crate) fn starts(&self, lines: &Lines) -> Vec<(usize, usize, &'static TableDef)> {
        self.starts_among(&TitleLines::of(lines))
    }

    /// [`Titles::starts`] of lines folded already: a title on one line, or
    /// wrapped over up to three short lines. A title followed at once by
    /// another title is an entry of a list of the tables ("一、收支预算总表 /
    /// 二、收入预算总表 …"), not a table.
    pub(crate) fn starts_among(
        &self,
        lines: &TitleLines,
    ) -> Vec<(usize, usize, &'static TableDef)> {
        // (index into `all`, first and last index into `content`, table).
        let mut found: Vec<(usize, usize, usize, &'static TableDef)> = Vec::new();
        let mut n = 0;
        while n < lines.content.len() {
            if !lines.near_table[n] {
                n += 1;
                continue;
            }
            if let Some(def) = self.table_of_core(lines.cores[n].as_deref()) {
                found.push((lines.content[n], n, n, def));
            } else if let Some((def, used)) = self.wrapped(lines, n) {
                found.push((lines.content[n], n, n + used - 1, def));
                n += used - 1;
            }
            n += 1;
        }
        let mut starts = Vec::with_capacity(found.len());
        for (k, &(i, _, last, def)) in found.iter().enumerate() {
            let listed = found
                .get(k + 1)
                .is_some_and(|&(_, next, _, other)| next == last + 1 && other.id != def.id);
            if !listed {
                starts.push((i, lines.content[last], def));
            }
        }
        starts
    }

    /// A title wrapped over the content lines from `n` on: the table and
    /// the number of lines it takes. A piece that is a title of its own
    /// ends the search.
    fn wrapped(&self, lines: &TitleLines, n: usize) -> Option<(&'static TableDef, usize)> {
        let joins = lines.joins[n].as_ref()?;
        for (k, join) in joins.iter().enumerate() {
            if self
                .table_of_core(lines.cores[n + k + 1].as_deref())
                .is_some()
            {
                return None;
            }
            if let Some(def) = self.table_of_core(join.as_deref()) {
                return Some((def, k + 2));
            }
        }
        None
    }

    /// The table whose title this line is, if any (a workbook's sheet name).
    #[cfg(any(test, feature = "office"))]
    pub(crate) fn table_of(&self, line: &Line) -> Option<&'static TableDef> {
        self.table_of_core(line_core(line).as_deref())
    }

    /// The table whose title has this core ([`text_core`]), its "(续)" too.
    fn table_of_core(&self, core: Option<&str>) -> Option<&'static TableDef> {
        let core = core?;
        let continued = core.strip_suffix("(续)");
        self.folded
            .iter()
            .find(|(_, title, long)| {
                core == *title || long.as_deref() == Some(core) || continued == Some(title.as_str())
            })
            .map(|(def, _, _)| *def)
    }
}

/// Where a meta label ("部门：", "部门名称：", "单位名称：") begins right
/// after a title (text naming a 表), if one does.
fn meta_start(text: &str) -> Option<usize> {
    // Every label ends with a colon: most titles have none (checked first,
    // as every line near a 表 is looked at once per template).
    if !text.contains(['：', ':']) {
        return None;
    }
    for label in [
        "部门：",
        "部门:",
        "部门名称：",
        "部门名称:",
        "单位名称：",
        "单位名称:",
    ] {
        if let Some(at) = text.find(label) {
            let before = text[..at].trim_end();
            if before.contains('表') {
                return Some(before.len());
            }
        }
    }
    None
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
    let labelled = |first: &str| {
        let first = fold_key(first);
        first.contains("公开表") || first.starts_with("附表")
    };
    let text = match text.trim().split_once(char::is_whitespace) {
        Some((first, rest)) if labelled(first) => rest,
        _ => text,
    };
    let key = fold_key(text);
    let mut k: &str = &key;
    for label in ["预算公开表", "部门公开表", "单位公开表", "公开表", "附表"] {
        if let Some(rest) = k.strip_prefix(label) {
            k = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ':');
        }
    }
    // "公开01表", "公开 05 表：" (spaces are folded away).
    if let Some(rest) = k.strip_prefix("公开") {
        let digits = leading_digits(rest);
        if digits > 0 {
            if let Some(after) = rest[digits..].strip_prefix('表') {
                k = after.trim_start_matches(':');
            }
        }
    }
    // "一、收支预算总表", "五、财政拨款支出预算表": the template's ordinal.
    let ordinal = k.trim_start_matches(is_chinese_digit);
    if ordinal.len() < k.len() {
        if let Some(rest) = ordinal.strip_prefix('、') {
            k = rest;
        }
    }
    if let Some(rest) = k.strip_prefix('表') {
        let numeral_end = label_number_len(rest);
        if numeral_end > 0 {
            k = rest[numeral_end..].trim_start_matches([':', '、', '.']);
        }
    }
    let k = unit_note(k).map_or(k, |(title, _)| title);
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

/// The money unit a folded title prints after itself in brackets
/// ("…收支总表(单位:万元)", "…(万元)"), and the title without it. The
/// unit is the table's, as a "单位：" line under the title would say.
pub(crate) fn unit_note(key: &str) -> Option<(&str, &'static str)> {
    let inner_start = key.rfind('(')?;
    let inner = key[inner_start + 1..].strip_suffix(')')?;
    let unit = inner.strip_prefix("单位:").unwrap_or(inner);
    let unit = super::MONEY_UNITS.into_iter().find(|&u| u == unit)?;
    Some((&key[..inner_start], unit))
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
        assert_eq!(id("2026年预算收支总表（单位：万元）"), Some("表一"));
        assert_eq!(id("2026年预算支出总表(万元)"), Some("表三"));
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
