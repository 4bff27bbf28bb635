//! Interval arithmetic for printed figures (as XBRL Calculations 1.1).
//!
//! A figure printed with d decimals stands for value ± ½·10^-d. A sum
//! identity holds when the intervals can meet; a non-zero difference inside
//! that band is a rounding tail (尾差), outside it an error. Blanks are
//! exact zeros. Conversions from 元 round half away from zero, as the
//! publishers do (banker's rounding would raise false alarms).

use rust_decimal::Decimal;

use crate::decimal;
use crate::model::Amount;
use crate::slices::Items;

/// A figure as an interval: value ± half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub value: Decimal,
    pub half: Decimal,
}

impl Term {
    pub const ZERO: Term = Term {
        value: Decimal::ZERO,
        half: Decimal::ZERO,
    };

    pub fn exact(value: Decimal) -> Term {
        Term {
            value,
            half: Decimal::ZERO,
        }
    }

    pub fn lo(&self) -> Decimal {
        decimal::sub(self.value, self.half)
    }

    pub fn hi(&self) -> Decimal {
        decimal::add(self.value, self.half)
    }
}

impl From<Amount> for Term {
    fn from(a: Amount) -> Term {
        Term {
            value: a.value,
            half: a.half_ulp(),
        }
    }
}

impl core::ops::Add for Term {
    type Output = Term;
    fn add(self, o: Term) -> Term {
        Term {
            value: decimal::add(self.value, o.value),
            half: decimal::add(self.half, o.half),
        }
    }
}

impl core::ops::Sub for Term {
    type Output = Term;
    fn sub(self, o: Term) -> Term {
        Term {
            value: decimal::sub(self.value, o.value),
            half: decimal::add(self.half, o.half),
        }
    }
}

impl core::iter::Sum for Term {
    fn sum<I: Iterator<Item = Term>>(iter: I) -> Term {
        iter.fold(Term::ZERO, |a, b| a + b)
    }
}

/// The sum of `terms`, or None as soon as one is missing (as summing into
/// `Option<Term>` does). Through `dyn Items`, so that the loop exists
/// once rather than once per call site.
pub fn sum_terms(terms: &mut dyn Items<Option<Term>>) -> Option<Term> {
    let mut sum = Term::ZERO;
    while let Some(term) = terms.next_item() {
        sum = sum + term?;
    }
    Some(sum)
}

/// How two sides of an identity compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Exact,
    /// Within the rounding band: information, never an error.
    Tail {
        difference: Decimal,
        tolerance: Decimal,
    },
    Mismatch {
        difference: Decimal,
        tolerance: Decimal,
    },
}

impl Verdict {
    pub fn is_mismatch(&self) -> bool {
        matches!(self, Verdict::Mismatch { .. })
    }
}

/// Compares `left` with `right` (left − right), tolerance = both halves.
pub fn compare(left: Term, right: Term) -> Verdict {
    let difference = decimal::sub(left.value, right.value);
    let tolerance = decimal::add(left.half, right.half);
    if difference.is_zero() {
        Verdict::Exact
    } else if decimal::cmp(difference.abs(), tolerance).is_le() {
        Verdict::Tail {
            difference: decimal::normalize(difference),
            tolerance: decimal::normalize(tolerance),
        }
    } else {
        Verdict::Mismatch {
            difference: decimal::normalize(difference),
            tolerance: decimal::normalize(tolerance),
        }
    }
}

/// left ≤ right, allowing for rounding.
pub fn at_most(left: Term, right: Term) -> bool {
    decimal::cmp(left.lo(), right.hi()).is_le()
}

/// Rounds to `dp` decimals, half away from zero (22,050 元 → 2.21 万元).
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    decimal::round_half_away(value, dp)
}

/// The ratio a/b as an interval, for checking a printed percentage.
/// Returns None when b's interval contains zero.
pub fn ratio_bounds(a: Term, b: Term) -> Option<(Decimal, Decimal)> {
    if b.lo() <= Decimal::ZERO && b.hi() >= Decimal::ZERO {
        return None;
    }
    let candidates = [
        a.lo() / b.lo(),
        a.lo() / b.hi(),
        a.hi() / b.lo(),
        a.hi() / b.hi(),
    ];
    let lo = candidates.iter().copied().min()?;
    let hi = candidates.iter().copied().max()?;
    Some((lo, hi))
}

/// Whether a printed percentage (its own ±half band) can equal a/b×100:
/// whether the least of the [`ratio_bounds`] candidates × 100 is at most
/// its upper end and the greatest at least its lower end. None when b's
/// interval contains zero. Decided by cross-multiplying
/// ([`decimal::cmp_percent`]), without dividing.
pub fn percent_matches(printed: Term, a: Term, b: Term) -> Option<bool> {
    let (b_lo, b_hi) = (b.lo(), b.hi());
    if decimal::cmp(b_lo, Decimal::ZERO).is_le() && decimal::cmp(b_hi, Decimal::ZERO).is_ge() {
        return None;
    }
    let candidates = [
        (a.lo(), b_lo),
        (a.lo(), b_hi),
        (a.hi(), b_lo),
        (a.hi(), b_hi),
    ];
    let (p_lo, p_hi) = (printed.lo(), printed.hi());
    let least_reaches = candidates
        .iter()
        .any(|&(x, y)| decimal::cmp_percent(x, y, p_hi).is_le());
    let greatest_reaches = candidates
        .iter()
        .any(|&(x, y)| decimal::cmp_percent(x, y, p_lo).is_ge());
    Some(least_reaches && greatest_reaches)
}

/// part ÷ base × 100 rounded to 2 decimals, half away from zero, for
/// printing (see [`decimal::percent`] for its scale); 0 when base is 0.
pub fn percent(part: Decimal, base: Decimal) -> Decimal {
    if base.is_zero() {
        Decimal::ZERO
    } else {
        decimal::percent(part, base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn t(s: &str) -> Term {
        Term::from(Amount::parse(s).unwrap())
    }

    #[test]
    fn rounding_tail_is_not_a_mismatch() {
        // 表三 201: 331.66 vs 326.59 + 5.08 = 331.67
        let v = compare(t("331.66"), t("326.59") + t("5.08"));
        assert_eq!(
            v,
            Verdict::Tail {
                difference: d("-0.01"),
                tolerance: d("0.015")
            }
        );
        assert!(compare(t("331.66"), t("326.59") + t("6.08")).is_mismatch());
        assert_eq!(compare(t("2.40"), Term::ZERO + t("2.40")), Verdict::Exact);
    }

    #[test]
    fn sum_terms_is_the_option_sum() {
        let all = [Some(t("1.5")), Some(t("2.25")), Some(Term::ZERO)];
        let expected: Option<Term> = all.iter().copied().sum();
        assert_eq!(sum_terms(&mut all.iter().copied()), expected);
        let gap = [Some(t("1.5")), None, Some(t("2"))];
        assert_eq!(sum_terms(&mut gap.iter().copied()), None);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_half_away(d("2.205"), 2), d("2.21"));
        assert_eq!(round_half_away(d("23.625"), 2), d("23.63"));
        assert_eq!(round_half_away(d("3.0752"), 2), d("3.08"));
    }

    #[test]
    fn percentages_by_interval() {
        // 19.23 / (340.46 − 19.23) = 5.986…% printed 5.99
        assert_eq!(
            percent_matches(t("5.99"), t("19.23"), t("340.46") - t("19.23")),
            Some(true)
        );
        assert_eq!(
            percent_matches(t("19.78"), t("7.53"), t("30.24")),
            Some(false)
        );
        assert_eq!(percent_matches(t("1"), t("1"), Term::ZERO), None);
    }
}
