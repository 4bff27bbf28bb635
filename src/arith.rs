//! Interval arithmetic for printed figures (as XBRL Calculations 1.1).
//!
//! A figure printed with d decimals stands for value ± ½·10^-d. A sum
//! identity holds when the intervals can meet; a non-zero difference inside
//! that band is a rounding tail (尾差), outside it an error. Blanks are
//! exact zeros. Conversions from 元 round half away from zero, as the
//! publishers do (banker's rounding would raise false alarms).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Amount;

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
        self.value - self.half
    }

    pub fn hi(&self) -> Decimal {
        self.value + self.half
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

impl std::ops::Add for Term {
    type Output = Term;
    fn add(self, o: Term) -> Term {
        Term {
            value: self.value + o.value,
            half: self.half + o.half,
        }
    }
}

impl std::ops::Sub for Term {
    type Output = Term;
    fn sub(self, o: Term) -> Term {
        Term {
            value: self.value - o.value,
            half: self.half + o.half,
        }
    }
}

impl std::iter::Sum for Term {
    fn sum<I: Iterator<Item = Term>>(iter: I) -> Term {
        iter.fold(Term::ZERO, |a, b| a + b)
    }
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
    let difference = left.value - right.value;
    let tolerance = left.half + right.half;
    if difference.is_zero() {
        Verdict::Exact
    } else if difference.abs() <= tolerance {
        Verdict::Tail {
            difference: difference.normalize(),
            tolerance: tolerance.normalize(),
        }
    } else {
        Verdict::Mismatch {
            difference: difference.normalize(),
            tolerance: tolerance.normalize(),
        }
    }
}

/// left ≤ right, allowing for rounding.
pub fn at_most(left: Term, right: Term) -> bool {
    left.lo() <= right.hi()
}

/// Rounds to `dp` decimals, half away from zero (22,050 元 → 2.21 万元).
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
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

/// Whether a printed percentage (its own ±half band) can equal a/b×100.
pub fn percent_matches(printed: Term, a: Term, b: Term) -> Option<bool> {
    let (lo, hi) = ratio_bounds(a, b)?;
    let hundred = Decimal::ONE_HUNDRED;
    Some(printed.hi() >= lo * hundred && printed.lo() <= hi * hundred)
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
