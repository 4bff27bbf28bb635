//! A stored number as Excel displays it under its number format, for
//! both workbook readers (`.xlsx` stores the figure as text, `.xls` as a
//! double or an RK number: each turns it into a [`Decimal`] first).
//!
//! A workbook stores 2974.94 as the double's shortest round trip, often
//! "2974.9400000000001", and the reviewer sees "2,974.94" because the cell's
//! format is `#,##0.00`. The engine must read what the reviewer sees: the
//! stored decimal string is parsed into a [`Decimal`] (never an `f64`,
//! whose printing is where the stray digits come from) and rounded half
//! away from zero, as Excel rounds, to the format's decimals.
//!
//! Only what changes the figure is kept from a format: its decimals, the
//! thousands separator, `%`. Literal text, colours and conditions are
//! dropped; date, time, fraction and scientific formats show the figure as
//! General does, since a budget table has none of them and guessing a date
//! would invent text.

use rust_decimal::{Decimal, RoundingStrategy};

/// What a number format does to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::read) enum NumberFormat {
    /// Excel's General: up to 15 significant digits, no trailing zeros.
    General,
    Fixed {
        decimals: u32,
        thousands: bool,
        percent: bool,
    },
}

impl NumberFormat {
    /// The format of a built-in id (ECMA-376 §18.8.30) that is not
    /// redefined by the workbook.
    pub(in crate::read) fn builtin(id: u32) -> NumberFormat {
        let code = match id {
            1 => "0",
            2 => "0.00",
            3 | 37 | 38 => "#,##0",
            4 | 39 | 40 => "#,##0.00",
            9 => "0%",
            10 => "0.00%",
            _ => return NumberFormat::General,
        };
        NumberFormat::parse(code)
    }

    /// Reads a format code ("#,##0.00", "0.0%;[Red]-0.0%", "\"¥\"#,##0").
    /// Only the first section counts: budget figures are positive, and a
    /// negative section differs in sign and colour, not in decimals.
    pub(in crate::read) fn parse(code: &str) -> NumberFormat {
        let mut decimals = 0u32;
        let mut digits_seen = false;
        let mut after_point = false;
        let mut thousands = false;
        let mut percent = false;
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            match c {
                ';' => break,
                '"' => {
                    for q in chars.by_ref() {
                        if q == '"' {
                            break;
                        }
                    }
                }
                '\\' | '_' | '*' => {
                    chars.next();
                }
                '[' => {
                    for q in chars.by_ref() {
                        if q == ']' {
                            break;
                        }
                    }
                }
                '0' | '#' | '?' => {
                    digits_seen = true;
                    if after_point {
                        decimals += 1;
                    }
                }
                '.' if digits_seen || chars.clone().next().is_some_and(|n| "0#?".contains(n)) => {
                    after_point = true
                }
                ',' if digits_seen && !after_point => thousands = true,
                '%' => percent = true,
                // Dates, times, fractions and exponents: shown as General.
                'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' | 'e' | 'E' | '/' => {
                    return NumberFormat::General
                }
                '@' if !digits_seen => return NumberFormat::General,
                _ => {}
            }
        }
        if !digits_seen {
            return NumberFormat::General;
        }
        NumberFormat::Fixed {
            decimals: decimals.min(20),
            thousands,
            percent,
        }
    }

    /// The stored value ("2974.9400000000001", "1.5E-3") as displayed, or
    /// None when it is not a number a Decimal can hold.
    pub(in crate::read) fn display(&self, stored: &str) -> Option<String> {
        let stored = stored.trim();
        let value = if stored.contains(['e', 'E']) {
            Decimal::from_scientific(stored).ok()?
        } else {
            stored.parse::<Decimal>().ok()?
        };
        self.show(value)
    }

    /// An exact stored value as displayed (None only when a percentage
    /// overflows).
    pub(in crate::read) fn show(&self, value: Decimal) -> Option<String> {
        Some(match *self {
            NumberFormat::General => general(value),
            NumberFormat::Fixed {
                decimals,
                thousands,
                percent,
            } => {
                let value = if percent {
                    value.checked_mul(Decimal::ONE_HUNDRED)?
                } else {
                    value
                };
                let mut rounded =
                    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
                if rounded.is_zero() {
                    // Excel shows -0.001 under 0.00 as "0.00", not "-0.00".
                    rounded.set_sign_positive(true);
                }
                rounded.rescale(decimals);
                let mut text = rounded.to_string();
                if thousands {
                    text = group_thousands(&text);
                }
                if percent {
                    text.push('%');
                }
                text
            }
        })
    }
}

/// General: Excel keeps 15 significant digits and shows no trailing zeros.
fn general(value: Decimal) -> String {
    let integer_digits = value
        .trunc()
        .abs()
        .to_string()
        .trim_start_matches('0')
        .len() as u32;
    let decimals = 15u32.saturating_sub(integer_digits);
    value
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// "-1234567.50" → "-1,234,567.50".
fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(code: &str, stored: &str) -> String {
        NumberFormat::parse(code).display(stored).unwrap()
    }

    #[test]
    fn fixed_decimals() {
        assert_eq!(shown("0.00", "75.8"), "75.80");
        assert_eq!(shown("0.00", "2974.9400000000001"), "2974.94");
        assert_eq!(shown("0.00", "0.005"), "0.01");
        assert_eq!(shown("0.00", "-0.005"), "-0.01");
        assert_eq!(shown("0.00", "-0.001"), "0.00");
        assert_eq!(shown("0", "2.5"), "3");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(shown("#,##0.00", "2974.9400000000001"), "2,974.94");
        assert_eq!(shown("#,##0.00", "1234567.125"), "1,234,567.13");
        assert_eq!(shown("#,##0.00", "999.995"), "1,000.00");
        assert_eq!(shown("#,##0.00", "-1234.5"), "-1,234.50");
        assert_eq!(shown("#,##0.00", "12"), "12.00");
    }

    #[test]
    fn whole_yuan_shows_no_decimals() {
        assert_eq!(shown("#,##0", "150000"), "150,000");
        assert_eq!(shown("#,##0", "2999.5"), "3,000");
        assert_eq!(shown("#,##0", "1234.4999999999998"), "1,234");
        assert_eq!(shown("\"¥\"#,##0;[Red]\\-\"¥\"#,##0", "5000"), "5,000");
    }

    #[test]
    fn percentages() {
        assert_eq!(shown("0%", "0.955"), "96%");
        assert_eq!(shown("0.00%", "0.12345"), "12.35%");
        assert_eq!(shown("0%", "1"), "100%");
    }

    #[test]
    fn general_keeps_fifteen_significant_digits() {
        let general = NumberFormat::General;
        assert_eq!(general.display("2974.9400000000001").unwrap(), "2974.94");
        assert_eq!(general.display("75.8").unwrap(), "75.8");
        assert_eq!(general.display("100").unwrap(), "100");
        assert_eq!(general.display("0.1").unwrap(), "0.1");
        assert_eq!(general.display("1.5E-3").unwrap(), "0.0015");
        assert_eq!(general.display("3.0000000000000004").unwrap(), "3");
        assert_eq!(general.display("not a number"), None);
    }

    #[test]
    fn builtin_ids_and_non_number_formats() {
        assert_eq!(NumberFormat::builtin(0), NumberFormat::General);
        assert_eq!(
            NumberFormat::builtin(4)
                .display("2974.9400000000001")
                .unwrap(),
            "2,974.94"
        );
        assert_eq!(
            NumberFormat::builtin(3).display("2974.94").unwrap(),
            "2,975"
        );
        assert_eq!(NumberFormat::builtin(49), NumberFormat::General);
        assert_eq!(NumberFormat::parse("yyyy-mm-dd"), NumberFormat::General);
        assert_eq!(NumberFormat::parse("@"), NumberFormat::General);
        assert_eq!(NumberFormat::parse("0.00E+00"), NumberFormat::General);
        assert_eq!(
            NumberFormat::parse("[Red]0.0"),
            NumberFormat::Fixed {
                decimals: 1,
                thousands: false,
                percent: false
            }
        );
    }
}
