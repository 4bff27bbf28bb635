//! A fixed table's group 小计 printed apart from its group's name, one cell
//! a line (the Jiangsu 收入预算总表, `pdftotext`: "收入总计", "一般公共预算资
//! 金", "21,955.35", "小计", "21,940.96", "公共财政拨款(补助)资金", …). The
//! table has a row per group ("一般公共预算资金小计"), its label the group's
//! name beside 小计; one cell a line prints the name, centred over its
//! group's rows, wherever the text happens to put it, and the 小计 in its
//! place in the column, before the group's items. Every bare 小计 is then
//! the next group's row, in the table's order — when the bare 小计 are as
//! many as the groups, and each group's name is printed once. The names,
//! apart from any row, are header words; the figure read after one is the
//! row's before it (收入总计 21,955.35).
//!
//! Otherwise the lines are left as they are, and the table with a 小计 no
//! row takes is left unread (`raw::subtotal_apart`). The rows read this way
//! are checked by the table's sums like any other: a group's 小计 is the
//! sum of its items, the 收入总计 of the 小计.

use super::place::Draft;
use super::rows_on_one_line::OnLine;
use super::spaced::Entry;
use super::tokens;
use super::Region;
use crate::prelude::*;
use crate::profile::FixedRow;
use crate::slices::sort_stable_by;
use crate::text::fold_key;

/// The printed word a group's row ends with.
const SUBTOTAL: &str = "小计";

/// The entries with each bare 小计 read as its group's row and each group's
/// name taken out of them, and for each group the line of its 小计 and the
/// line of its name (both the row's label: `cite_names`); the entries
/// unchanged and no group when the 小计 cannot be told apart for certain.
pub fn named<'a>(
    region: &Region<'a>,
    rows: &'static [FixedRow],
    mut entries: Vec<Entry<'a>>,
) -> (Vec<Entry<'a>>, Vec<(usize, usize)>) {
    let groups: Vec<(&'static str, &'static str)> = rows
        .iter()
        .filter_map(|row| {
            let name = row.label.strip_suffix(SUBTOTAL)?;
            (!name.is_empty()).then_some((name, row.label))
        })
        .collect();
    // A 小计 before the first figure is a column's name (表四's header).
    let Some(first_figure) = entries
        .iter()
        .find(|e| e.words.iter().any(|w| tokens::is_amount(w)))
        .map(|e| e.index)
    else {
        return (entries, Vec::new());
    };
    // Read from the region's lines, not the entries: the lines stage may
    // take the repeated word for a stamp.
    let bare: Vec<usize> = (first_figure..region.raw.len())
        .filter(|&i| region.raw[i].trim() == SUBTOTAL)
        .collect();
    let name_at = |name: &str| -> Vec<usize> {
        entries
            .iter()
            .filter(|e| fold_key(&e.words.concat()) == name)
            .map(|e| e.index)
            .collect()
    };
    let names: Vec<Vec<usize>> = groups.iter().map(|(name, _)| name_at(name)).collect();
    if groups.is_empty() || bare.len() != groups.len() || names.iter().any(|n| n.len() != 1) {
        return (entries, Vec::new());
    }
    let names: Vec<usize> = names.into_iter().flatten().collect();
    entries.retain(|e| !names.contains(&e.index) && !bare.contains(&e.index));
    entries.extend(bare.iter().zip(&groups).map(|(&index, (_, label))| Entry {
        index,
        words: vec![*label],
        on_line: OnLine::First,
    }));
    sort_stable_by(&mut entries, |a, b| a.index.cmp(&b.index));
    let lines = bare
        .iter()
        .zip(&names)
        .map(|(&subtotal, &name)| (region.line_no(subtotal), region.line_no(name)))
        .collect();
    (entries, lines)
}

/// Adds each group's name line to the row read from its 小计's line: the
/// row's label was printed on both.
pub fn cite_names(drafts: &mut [Draft], groups: &[(usize, usize)]) {
    for &(subtotal, name) in groups {
        if let Some(draft) = drafts.iter_mut().find(|d| d.lines.contains(&subtotal)) {
            draft.lines.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::JIANGSU12;
    use crate::rebuild::with_region;

    /// jianchayuan 2018's 02 as `pdftotext` prints it (blank lines dropped).
    const INCOME_BY_SOURCE: &str = "部门：\n江苏省人民检察院\n单位：万元\n项目名称\n金额\n收入总计\n一般公共预算资金\n21,955.35\n小计\n21,940.96\n公共财政拨款(补助)资金\n21,940.96\n专项收入\n政府性基金\n小计\n小计\n财政专户管理资金\n专户管理教育收费\n其他非税收入\n小计\n14.39\n事业收入\n其他资金\n经营收入\n其他收入\n14.39\n债务资金(银行贷款)\n小计\n上年结转和结余资金\n其中：动用上年结转和结余资金\n";

    fn read(text: &str) -> (Vec<String>, Vec<(usize, usize)>) {
        with_region(&JIANGSU12, "公开02表", text, |region| {
            let crate::profile::RowScheme::Fixed(rows) = region.table.sides[0].rows else {
                panic!("02 is a fixed table");
            };
            let (entries, names) = named(region, rows, super::super::spaced::entries(region));
            let lines = entries
                .iter()
                .map(|e| format!("{} {}", region.line_no(e.index), e.words.join(" ")))
                .collect();
            (lines, names)
        })
    }

    #[test]
    fn each_bare_subtotal_is_the_next_group_row() {
        let (lines, names) = read(INCOME_BY_SOURCE);
        let subtotals: Vec<&String> = lines.iter().filter(|l| l.ends_with(SUBTOTAL)).collect();
        assert_eq!(
            subtotals,
            [
                "9 一般公共预算资金小计",
                "15 政府性基金小计",
                "16 财政专户管理资金小计",
                "20 其他资金小计",
                "28 上年结转和结余资金小计",
            ]
        );
        // Each 小计 with its group's name; the figure after 一般公共预算资金
        // now follows 收入总计.
        assert_eq!(names, [(9, 7), (15, 14), (16, 17), (20, 23), (28, 29)]);
        let total = lines.iter().position(|l| l == "6 收入总计").unwrap();
        assert_eq!(lines[total + 1], "8 21,955.35");
    }

    #[test]
    fn left_as_printed_when_a_subtotal_is_missing() {
        // One 小计 fewer than the groups: which group lost it is unknown.
        let text = INCOME_BY_SOURCE.replacen("小计\n上年结转", "上年结转", 1);
        let (lines, names) = read(&text);
        assert!(names.is_empty());
        assert!(!lines.iter().any(|l| l.ends_with("资金小计")));
        assert!(lines.contains(&"7 一般公共预算资金".to_string()));
    }
}
