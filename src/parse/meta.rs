//! What kind of document this is, whose, which year, which money unit.

use super::tables::Parsed;
use crate::lines::Lines;
use crate::model::DocKind;
use crate::prelude::*;
use crate::text::{fold_key, leading_digits};

pub(super) struct Meta {
    pub kind: DocKind,
    pub department: Option<String>,
    pub year: Option<u32>,
    pub unit: Option<String>,
}

/// Tables recognised before a document counts as a 13-table disclosure.
const MIN_TABLES: usize = 3;

pub(super) fn read(lines: &Lines, parsed: &Parsed, final_accounts: bool) -> Meta {
    let heading = heading(lines);
    let heading_key = heading.as_deref().map(fold_key).unwrap_or_default();
    let kind = if heading_key.contains("专项资金") && parsed.tables.len() < MIN_TABLES {
        DocKind::SpecialFunds
    } else if parsed.tables.len() >= MIN_TABLES {
        if final_accounts {
            DocKind::FinalAccounts
        } else if heading_key.contains("单位预算")
            || (!heading_key.contains("部门预算") && parsed.department_label_is_unit)
        {
            DocKind::UnitBudget
        } else {
            DocKind::DepartmentBudget
        }
    } else {
        DocKind::Unknown
    };
    let year = heading
        .as_deref()
        .and_then(leading_year)
        .or_else(|| parsed.tables.iter().find_map(|t| leading_year(&t.title)))
        .or_else(|| year_line(lines))
        .or_else(|| year_of_cover(lines));
    let department = parsed
        .department
        .clone()
        .or_else(|| department_from_heading(lines, heading.as_deref()));
    Meta {
        kind,
        department,
        year,
        unit: parsed.unit.clone(),
    }
}

/// The first content line that names the document ("2026年度部门预算公开",
/// "2022 年阳泉市商务局（本级）专项资金信息公开").
fn heading(lines: &Lines) -> Option<String> {
    lines
        .content()
        .filter(|l| !l.is_blank())
        .take(30)
        .find(|l| {
            let k = fold_key(&l.text);
            k.contains("预算公开")
                || k.contains("信息公开")
                || k.contains("决算公开")
                || k.ends_with("部门决算")
        })
        .map(|l| l.text.clone())
}

/// "阳泉市招商中心" on the line before "2026年度部门预算公开", or the name
/// inside "2022年阳泉市商务局（本级）专项资金信息公开".
fn department_from_heading(lines: &Lines, heading: Option<&str>) -> Option<String> {
    let heading = heading?;
    let key = fold_key(heading);
    if let Some(pos) = key.find("年") {
        let rest = &key[pos + "年".len()..];
        for marker in ["专项资金", "部门预算", "单位预算"] {
            if let Some(end) = rest.find(marker) {
                let name = rest[..end].trim_start_matches('度');
                if name.chars().count() >= 2 {
                    return Some(name.to_string());
                }
            }
        }
    }
    let mut before: Option<&str> = None;
    for line in lines.content().filter(|l| !l.is_blank()) {
        if line.text == heading {
            return before
                .filter(|n| n.chars().count() <= 40)
                .map(str::to_string);
        }
        before = Some(&line.text);
    }
    None
}

/// A year printed on a line of its own near the top (CZ24's cover:
/// "年度部门决算" then "2024").
fn year_line(lines: &Lines) -> Option<u32> {
    lines
        .content()
        .take(30)
        .map(|l| l.text.trim())
        .find(|t| t.len() == 4 && leading_digits(t) == 4)
        .and_then(leading_year)
}

/// The year of a cover line that names the document without "公开"
/// ("江苏省人民检察院2018年部门预算", J18).
fn year_of_cover(lines: &Lines) -> Option<u32> {
    lines
        .content()
        .filter(|l| !l.is_blank())
        .take(30)
        .map(|l| fold_key(&l.text))
        .find(|k| k.ends_with("部门预算") || k.ends_with("单位预算"))
        .and_then(|k| leading_year(&k))
}

/// "2026年…", "(2026)年度", "2022 年…" → the year.
pub(crate) fn leading_year(text: &str) -> Option<u32> {
    let from_digits = &text[text.bytes().position(|b| b.is_ascii_digit())?..];
    let year: u32 = from_digits[..leading_digits(from_digits)].parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}
