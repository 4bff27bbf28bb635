//! A figure an extractor cut in two: "267.8" and "0" side by side where
//! the PDF prints 267.80 in one cell. A table extractor that draws its
//! columns from the text's positions can put a cell border inside a
//! figure whose cell is wider than its column; the text then holds two
//! figures, each a valid amount, and a run one figure longer than the
//! row's. Placed, they are two cells' values (267.8 in 公务用车购置费, 0 in
//! 运行维护费), and the sums may even hold (267.80 = 267.8 + 0): every
//! check of the second would be a false error. So a run holding such a
//! pair is not placed.
//!
//! The pair is told by its decimals: a figure with fewer decimals than the
//! run's others show, followed on its line by bare digits that make up the
//! difference (one decimal and one digit where the others have two).

use super::Run;
use crate::model::Amount;
use crate::prelude::*;

/// The first figure of a pair in `run` that looks like one figure cut in
/// two, if any.
pub(super) fn cut_figure(run: &Run) -> Option<usize> {
    let usual = usual_decimals(&run.figures)?;
    (0..run.figures.len().saturating_sub(1)).find(|&f| {
        let (head, tail) = (&run.figures[f], &run.figures[f + 1]);
        let same_line = run.lines.get(f) == run.lines.get(f + 1);
        let short = decimals(head).is_some_and(|d| d > 0 && d < usual);
        let digits = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit());
        same_line && short && digits && decimals(head).map(|d| d + tail.len()) == Some(usual)
    })
}

/// Why a run with a figure cut in two is not placed, after the count of
/// its figures.
pub(super) fn reason(run: &Run, at: usize) -> String {
    let (head, tail) = (&run.figures[at], &run.figures[at + 1]);
    format!(
        "个数字中「{head}」与其后的「{tail}」可能是一个数字（{head}{tail}）被拆成了两栏，\
         无法确定各自的列；本表各行的金额未核对"
    )
}

/// The decimals most of the run's figures show, when at least two show
/// them and they are more than none.
fn usual_decimals(figures: &[String]) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for d in figures.iter().filter_map(|f| decimals(f)) {
        match counts.iter_mut().find(|(k, _)| *k == d) {
            Some((_, n)) => *n += 1,
            None => counts.push((d, 1)),
        }
    }
    let (d, n) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    (d > 0 && n >= 2).then_some(d)
}

/// The digits after a figure's decimal point (0 for a whole number); None
/// for what is no figure.
fn decimals(figure: &str) -> Option<usize> {
    Amount::parse(figure).map(|a| a.scale as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(figures: &[&str]) -> Run {
        Run {
            figures: figures.iter().map(|f| f.to_string()).collect(),
            lines: vec![1; figures.len()],
            ..Run::default()
        }
    }

    #[test]
    fn a_figure_short_of_a_decimal_before_a_digit_is_cut_in_two() {
        // 检察院 2018, 公开09表, as its table extraction prints it.
        let row = run(&[
            "1,384.74", "484.30", "100.00", "267.80", "267.8", "0", "116.50", "200.44", "700.00",
        ]);
        assert_eq!(cut_figure(&row), Some(4));
        assert!(reason(&row, 4).contains("（267.80）"));
    }

    #[test]
    fn whole_figures_and_a_zero_are_no_cut() {
        for figures in [
            &["1,384.74", "0", "100.00"][..],
            &["26.5", "3", "7.25"],
            &["12", "0", "12"],
            &["267.8", "0"],
        ] {
            assert_eq!(cut_figure(&run(figures)), None, "{figures:?}");
        }
    }

    #[test]
    fn the_pieces_of_a_cut_figure_stand_on_one_line() {
        let mut row = run(&["484.30", "267.8", "0", "116.50"]);
        assert_eq!(cut_figure(&row), Some(1));
        row.lines = vec![1, 1, 2, 2];
        assert_eq!(cut_figure(&row), None);
    }
}
