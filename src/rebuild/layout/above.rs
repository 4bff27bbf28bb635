//! A fixed row's figures printed on the line above its label: the 决算's
//! 表四 prints "2,940.05" over "一、一般公共预算财政拨款" right under its
//! header, and its totals' figures ("2,940.05   2,940.05") over
//! "本年收入合计   本年支出合计" right under a label wrapped over two lines.
//!
//! The figures are moved down to the label's line (the row citing theirs)
//! only where no other row can own them: the label below is a fixed row's
//! whole label, on the very next line; the figures and any figures of that
//! line fill no column twice; and above the figures stands no row that
//! could (the header, or a label wrapped over lines that ends right above
//! them — a wrapped label's figures are centred on it, never below its
//! last line). A line of figures between the halves of a wrapped label
//! ("四、文化旅游体育与传媒" / "200,000 200,000" / "支出") is that label's
//! and is left to the grouping.

use super::rows::{complete, SidePart};
use crate::prelude::*;
use crate::profile::{RowScheme, SideDef};

/// Moves each such figures line's figures into the label line below it.
/// `sides[0]` is the side the parts are of; the sides after it are the
/// table's others to its right.
pub fn figures_above_labels(sides: &[SideDef], parts: &mut [SidePart]) {
    if !matches!(sides[0].rows, RowScheme::Fixed(_)) {
        return;
    }
    for i in 0..parts.len().saturating_sub(1) {
        let (here, next) = (&parts[i], &parts[i + 1]);
        let Some(Ok(mine)) = &here.amounts else {
            continue;
        };
        if here.has_label() || here.opens || !next.adjacent || !next.has_label() {
            continue;
        }
        if !complete(sides, &next.labels.concat()) {
            continue;
        }
        let merged: Vec<Option<String>> = match &next.amounts {
            None => mine.clone(),
            Some(Ok(theirs))
                if theirs.len() == mine.len()
                    && mine
                        .iter()
                        .zip(theirs)
                        .all(|(a, b)| a.is_none() || b.is_none()) =>
            {
                mine.iter()
                    .zip(theirs)
                    .map(|(a, b)| a.clone().or_else(|| b.clone()))
                    .collect()
            }
            _ => continue,
        };
        if !nothing_above(sides, parts, i) {
            continue;
        }
        parts[i].amounts = None;
        parts[i].ends.clear();
        parts[i + 1].amounts = Some(Ok(merged));
        parts[i + 1].took.push(i);
    }
}

/// No row above part `i` could own its figures: either nothing stands
/// above it on this side, or the label lines since the last row with
/// figures or a whole label make whole labels of their own (each of one
/// to three lines), the last wrapped (the line right above not a whole
/// label by itself).
fn nothing_above(sides: &[SideDef], parts: &[SidePart], i: usize) -> bool {
    let mut fragments: Vec<usize> = Vec::new();
    let mut anchored = false;
    for j in (0..i).rev() {
        let p = &parts[j];
        if !p.has_label() && p.amounts.is_none() && !p.opens {
            continue;
        }
        let whole = p.has_label() && complete(sides, &p.labels.concat());
        if p.amounts.is_some() || p.opens || whole {
            anchored = true;
            break;
        }
        fragments.push(j);
    }
    fragments.reverse();
    if fragments.is_empty() {
        return !anchored;
    }
    let label =
        |lines: &[usize]| -> String { lines.iter().map(|&l| parts[l].labels.concat()).collect() };
    let mut at = 0;
    while at < fragments.len() {
        let last = fragments.len().min(at + 3);
        let Some(end) = (at..last).find(|&e| complete(sides, &label(&fragments[at..=e]))) else {
            return false;
        };
        if end == at && end + 1 == fragments.len() {
            // The line right above is a whole label by itself.
            return false;
        }
        at = end + 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SHANGHAI_FINAL;

    fn part(label: &str, figures: &[Option<&str>]) -> SidePart {
        SidePart {
            labels: vec![label.to_string()],
            amounts: (!figures.is_empty())
                .then(|| Ok(figures.iter().map(|f| f.map(String::from)).collect())),
            adjacent: true,
            ..SidePart::default()
        }
    }

    fn sides() -> &'static [SideDef] {
        &SHANGHAI_FINAL.table("表四").expect("表四").sides[1..]
    }

    /// 表四's 本年支出合计: "2,940.05" (合计) over "本年支出合计 … 2,940.05"
    /// (一般公共预算), under "二十六、抗疫特别国债安排" / "的支出".
    #[test]
    fn figures_over_a_whole_label_under_a_wrapped_one_are_its() {
        let t = Some("2,940.05");
        let mut parts = vec![
            part("二十五、债务付息支出", &[]),
            part("二十六、抗疫特别国债安排", &[]),
            part("的支出", &[]),
            part("", &[t, None, None, None]),
            part("本年支出合计", &[None, t, None, None]),
        ];
        figures_above_labels(sides(), &mut parts);
        assert_eq!(parts[3].amounts, None);
        assert_eq!(
            parts[4].amounts,
            Some(Ok(vec![
                t.map(String::from),
                t.map(String::from),
                None,
                None
            ]))
        );
        assert_eq!(parts[4].took, [3]);
    }

    /// Figures between a wrapped label's halves, or under a whole label of
    /// one line, stay where they are.
    #[test]
    fn figures_another_row_could_own_stay() {
        let t = Some("200.00");
        let mut parts = vec![
            part("四、文化旅游体育与传媒", &[]),
            part("", &[t, t, None, None]),
            part("支出", &[]),
        ];
        figures_above_labels(sides(), &mut parts);
        assert!(parts[1].amounts.is_some());
        let mut parts = vec![
            part("二十五、债务付息支出", &[]),
            part("", &[t, None, None, None]),
            part("本年支出合计", &[]),
        ];
        figures_above_labels(sides(), &mut parts);
        assert!(parts[1].amounts.is_some());
    }
}
