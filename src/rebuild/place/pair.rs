//! Which rows of a two-sided table (a 收支总表) stand on one TAB line:
//! an income row and an expense row printed on the same lines, and the
//! totals the form always prints side by side however the text orders
//! them.

use super::Role;
use crate::prelude::*;

/// Fixed rows (income key, expense key) every 收支总表 prints on one line:
/// 本年收入合计 beside 本年支出合计, 收入总计 beside 支出总计. One cell a
/// line text may print them lines apart, with another row between
/// (表四's 上年财政拨款结转 before 本年支出合计), so the lines alone would
/// pair them wrongly or not at all.
const SIDE_BY_SIDE: &[(&str, &str)] = &[
    ("income_total", "expense_total"),
    ("income_grand", "expense_grand"),
];

/// Which rows share a TAB line: each row of a one-sided table alone; on a
/// two-sided table the income row and the expense row of
/// [`SIDE_BY_SIDE`] together, and otherwise an income row and the expense
/// row printed on the same lines (their line spans overlap), the others
/// alone. Each side's rows keep their order.
pub(super) fn pair_sides(
    by_side: &[Vec<usize>],
    lines_of: &[Vec<usize>],
    roles: &[&Role],
) -> Vec<[Option<usize>; 2]> {
    let (Some(income), Some(expense)) = (by_side.first(), by_side.get(1)) else {
        return by_side
            .first()
            .into_iter()
            .flatten()
            .map(|&d| [Some(d), None])
            .collect();
    };
    let span = |d: usize| {
        let l = &lines_of[d];
        (
            l.iter().copied().min().unwrap_or(0),
            l.iter().copied().max().unwrap_or(0),
        )
    };
    let fixed = |d: usize| match roles[d] {
        Role::Fixed(k) => Some(*k),
        _ => None,
    };
    // The expense key an income row stands beside, when both rows exist.
    let partner = |i: usize| {
        let key = fixed(i)?;
        let (_, e) = SIDE_BY_SIDE.iter().find(|(k, _)| *k == key)?;
        expense.iter().position(|&d| fixed(d) == Some(*e))
    };
    // An expense row kept for its income partner pairs with no other.
    let kept: Vec<usize> = income.iter().filter_map(|&i| partner(i)).collect();
    let mut pairs = Vec::new();
    let mut j = 0;
    for &i in income {
        if let Some(e) = partner(i).filter(|&e| e >= j) {
            pairs.extend(expense[j..e].iter().map(|&d| [None, Some(d)]));
            pairs.push([Some(i), Some(expense[e])]);
            j = e + 1;
            continue;
        }
        let (a, b) = span(i);
        while j < expense.len() && !kept.contains(&j) && span(expense[j]).1 < a {
            pairs.push([None, Some(expense[j])]);
            j += 1;
        }
        if j < expense.len() && !kept.contains(&j) && span(expense[j]).0 <= b {
            pairs.push([Some(i), Some(expense[j])]);
            j += 1;
        } else {
            pairs.push([Some(i), None]);
        }
    }
    pairs.extend(expense[j..].iter().map(|&e| [None, Some(e)]));
    pairs
}

/// Which rows of a table of more than two sides (Jiangsu's 收支预算总表:
/// 收入 | 功能分类 | 支出用途) share a TAB line: the row printed first of
/// the next row of each side begins a line, earlier side first, and the
/// next row of each other side joins it when printed on lines it spans
/// (a wrapped label's lines around a figure: "2.政府性基金预" / "三、国防
/// 支出 3,990.40" / "算"). Each side's rows keep their order.
pub(super) fn pair_lines(
    by_side: &[Vec<usize>],
    lines_of: &[Vec<usize>],
) -> Vec<Vec<Option<usize>>> {
    let span = |d: usize| {
        let l = &lines_of[d];
        (
            l.iter().copied().min().unwrap_or(0),
            l.iter().copied().max().unwrap_or(0),
        )
    };
    let mut next = vec![0usize; by_side.len()];
    let mut out = Vec::new();
    loop {
        let first = (0..by_side.len())
            .filter_map(|s| by_side[s].get(next[s]).map(|&d| (span(d).0, s)))
            .min();
        let Some((_, anchor)) = first else {
            return out;
        };
        let (a, b) = span(by_side[anchor][next[anchor]]);
        let mut line = vec![None; by_side.len()];
        for (s, rows) in by_side.iter().enumerate() {
            let Some(&d) = rows.get(next[s]) else {
                continue;
            };
            let (c, e) = span(d);
            if s == anchor || (c <= b && e >= a) {
                line[s] = Some(d);
                next[s] += 1;
            }
        }
        out.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(keys: &[Option<&'static str>]) -> Vec<Role> {
        keys.iter()
            .map(|k| match k {
                Some(k) => Role::Fixed(k),
                None => Role::Item,
            })
            .collect()
    }

    #[test]
    fn three_sides_share_the_lines_they_span() {
        // 公开01表 (检察院 2019): "一、财政拨款 24,169.74 一、一般公共服务支出
        // 一、基本支出 15,844.04" (285), then "2.政府性基金预 三、单位预留
        // 机动经" (287) / "三、国防支出 3,990.40" (288) / "算 费" (289),
        // then "二、财政专户管理资" (290) / "四、公共安全支出 16,593.12"
        // (291) / "金" (292).
        let lines = vec![
            vec![285],
            vec![287, 289],
            vec![290, 292],
            vec![285],
            vec![288],
            vec![291],
            vec![285],
            vec![287, 288, 289],
        ];
        let pairs = pair_lines(&[vec![0, 1, 2], vec![3, 4, 5], vec![6, 7]], &lines);
        assert_eq!(
            pairs,
            vec![
                vec![Some(0), Some(3), Some(6)],
                vec![Some(1), Some(4), Some(7)],
                vec![Some(2), Some(5), None],
            ]
        );
    }

    #[test]
    fn rows_on_the_same_lines_pair() {
        let roles = roles(&[None, None, None]);
        let roles: Vec<&Role> = roles.iter().collect();
        let lines = vec![vec![1], vec![5], vec![1, 2]];
        let pairs = pair_sides(&[vec![0, 1], vec![2]], &lines, &roles);
        assert_eq!(pairs, vec![[Some(0), Some(2)], [Some(1), None]]);
    }

    #[test]
    fn totals_pair_though_printed_apart() {
        // 本年收入合计 (10), 上年财政拨款结转 (11) | 本年支出合计 (13),
        // 年终结转 (14): the totals stand on one line, the carries after.
        let roles = roles(&[
            Some("income_total"),
            Some("carry_total"),
            Some("expense_total"),
            Some("year_end_carry"),
        ]);
        let roles: Vec<&Role> = roles.iter().collect();
        let lines = vec![vec![10], vec![11], vec![13], vec![14]];
        let pairs = pair_sides(&[vec![0, 1], vec![2, 3]], &lines, &roles);
        assert_eq!(
            pairs,
            vec![[Some(0), Some(2)], [Some(1), None], [None, Some(3)]]
        );
    }

    #[test]
    fn a_kept_expense_row_pairs_with_no_earlier_row() {
        // An income row overlapping 本年支出合计's lines does not take it
        // from 本年收入合计.
        let roles = roles(&[None, Some("income_total"), Some("expense_total")]);
        let roles: Vec<&Role> = roles.iter().collect();
        let lines = vec![vec![10], vec![12], vec![9, 10]];
        let pairs = pair_sides(&[vec![0, 1], vec![2]], &lines, &roles);
        assert_eq!(pairs, vec![[Some(0), None], [Some(1), Some(2)]]);
    }
}
