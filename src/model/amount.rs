//! Amounts as printed: an exact decimal plus the number of decimals shown,
//! which is what rounding tolerance is derived from.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::prelude::*;

/// A figure as printed in the document: its exact value and how many
/// decimals were shown ("75.8" has scale 1, "1,816,000" scale 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Amount {
    #[serde(serialize_with = "value_text")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub value: Decimal,
    pub scale: u32,
}

/// The value as its text ("75.80", every decimal of the scale), as
/// `rust_decimal::serde::str` writes it, without linking rust_decimal's
/// formatting.
fn value_text<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::decimal::to_text(*value))
}

impl Amount {
    pub fn new(value: Decimal, scale: u32) -> Self {
        Amount { value, scale }
    }

    /// Half a unit of the last shown digit: the printed figure stands for
    /// the interval value ± this.
    pub fn half_ulp(&self) -> Decimal {
        crate::decimal::half_unit(self.scale)
    }

    /// Parses a printed number: thousands separators, a leading sign,
    /// parentheses for negatives. Full-width digits must already be folded
    /// (the text stage does that). Returns None for anything else.
    pub fn parse(text: &str) -> Option<Amount> {
        let (negative, body) = split_sign(text)?;
        // The digits are read into the mantissa here rather than handed to
        // Decimal's FromStr: that parser (with its scientific-notation
        // fallback) is ~3 KiB gzip of the web module, and these numbers need
        // none of it. At most 16 + 10 digits: always below 2^96.
        let mut mantissa: i128 = 0;
        let mut seen_dot = false;
        let mut scale = 0u32;
        let mut int_digits = 0usize;
        let mut last_dot = false;
        for (i, ch) in body.chars().enumerate() {
            last_dot = false;
            match ch {
                '0'..='9' => {
                    if seen_dot {
                        scale += 1;
                    } else {
                        int_digits += 1;
                    }
                    if scale > 10 || int_digits > 16 {
                        return None;
                    }
                    mantissa = mantissa * 10 + i128::from(ch as u8 - b'0');
                }
                ',' if !seen_dot && i > 0 => {}
                '.' if !seen_dot && int_digits > 0 => {
                    seen_dot = true;
                    last_dot = true;
                }
                _ => return None,
            }
        }
        if int_digits == 0 || last_dot {
            return None;
        }
        let mut value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
        if negative {
            value = -value;
        }
        Some(Amount { value, scale })
    }
}

/// A printed number's sign and the rest: "-5" and "(5)" are negative.
/// None for an empty or overlong text.
fn split_sign(text: &str) -> Option<(bool, &str)> {
    let t = text.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    Some(
        if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
            (true, inner.trim())
        } else if let Some(rest) = t.strip_prefix('-') {
            (true, rest.trim_start())
        } else {
            (false, t.strip_prefix('+').unwrap_or(t))
        },
    )
}

/// One cell of a rebuilt table. A blank is not zero: it is kept apart so
/// that a reviewer sees what was printed, though identities read it as an
/// exact 0 (no rounding band).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cell {
    Value {
        #[serde(flatten)]
        amount: Amount,
        text: String,
    },
    Blank,
    Unreadable {
        text: String,
    },
}

impl Cell {
    /// Reads a cell's text: blank, a number, or unreadable.
    pub fn from_text(text: &str) -> Cell {
        let t = text.trim();
        if t.is_empty() || t == "-" || t == "—" || t == "－" {
            return Cell::Blank;
        }
        match Amount::parse(t) {
            Some(amount) => Cell::Value {
                amount,
                text: t.to_string(),
            },
            None => Cell::Unreadable {
                text: t.to_string(),
            },
        }
    }

    pub fn amount(&self) -> Option<Amount> {
        match self {
            Cell::Value { amount, .. } => Some(*amount),
            _ => None,
        }
    }

    /// The interval identities use: a blank is an exact zero; unreadable is None.
    pub fn as_term(&self) -> Option<crate::arith::Term> {
        match self {
            Cell::Value { amount, .. } => Some((*amount).into()),
            Cell::Blank => Some(crate::arith::Term::ZERO),
            Cell::Unreadable { .. } => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    /// The figure as a reviewer would quote it ("75.80", "空").
    pub fn display(&self) -> String {
        match self {
            Cell::Value { text, .. } => text.clone(),
            Cell::Blank => "空".to_string(),
            Cell::Unreadable { text } => text.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_numbers() {
        let a = Amount::parse("1,629.62").unwrap();
        assert_eq!(a.value.to_string(), "1629.62");
        assert_eq!(a.scale, 2);
        assert_eq!(Amount::parse("75.8").unwrap().scale, 1);
        assert_eq!(
            Amount::parse("1,816,000").unwrap().value,
            Decimal::from(1_816_000)
        );
        assert_eq!(Amount::parse("-3.22").unwrap().value.to_string(), "-3.22");
        assert!(Amount::parse("12a").is_none());
        assert!(Amount::parse(".5").is_none());
        assert!(Amount::parse("5.").is_none());
        assert!(Amount::parse(",5").is_none());
        assert!(Amount::parse("99999999999999999999999999").is_none());
    }

    /// The parser before it read the mantissa itself: digits handed to
    /// Decimal's FromStr.
    fn reference(text: &str) -> Option<Amount> {
        let (negative, body) = split_sign(text)?;
        let mut digits = String::new();
        let (mut seen_dot, mut scale, mut int_digits) = (false, 0u32, 0usize);
        for (i, ch) in body.chars().enumerate() {
            match ch {
                '0'..='9' => {
                    digits.push(ch);
                    if seen_dot {
                        scale += 1;
                    } else {
                        int_digits += 1;
                    }
                }
                ',' if !seen_dot && i > 0 => {}
                '.' if !seen_dot && int_digits > 0 => {
                    seen_dot = true;
                    digits.push('.');
                }
                _ => return None,
            }
        }
        if int_digits == 0 || digits.ends_with('.') || scale > 10 || int_digits > 16 {
            return None;
        }
        let mut value: Decimal = digits.parse().ok()?;
        if negative {
            value = -value;
        }
        Some(Amount { value, scale })
    }

    #[test]
    fn reads_exactly_what_decimal_from_str_read() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "(0)",
            "0.00",
            "-0.0",
            "007.50",
            "1,629.62",
            "1,,2",
            "5,",
            ",5",
            "5.",
            ".5",
            "5.,1",
            "1.2.3",
            "+3",
            "+-3",
            "- 3",
            "( 12.5 )",
            "1e5",
            "1E-3",
            "NaN",
            "１２",
            "9999999999999999",
            "99999999999999999",
            "9999999999999999.9999999999",
            "1.00000000000",
            "-9999999999999999.9999999999",
            "12a",
            "",
            " ",
            "-",
            "()",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every short string over the characters a number may hold.
        let alphabet = ['0', '1', '9', '.', ',', '-', '(', ')', '+', ' '];
        for len in 1..=5u32 {
            for mut n in 0..alphabet.len().pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                cases.push(s);
            }
        }
        for s in &cases {
            let (got, want) = (Amount::parse(s), reference(s));
            assert_eq!(got, want, "{s:?}");
            if let (Some(g), Some(w)) = (got, want) {
                // The same representation, not only the same value.
                assert_eq!(g.value.to_string(), w.value.to_string(), "{s:?}");
                assert_eq!(g.value.serialize(), w.value.serialize(), "{s:?}");
            }
        }
    }

    #[test]
    fn blank_is_exact_zero_but_not_a_value() {
        assert!(Cell::from_text("  ").is_blank());
        assert_eq!(Cell::from_text("").amount(), None);
        assert_eq!(Cell::from_text("").as_term().unwrap().value, Decimal::ZERO);
        assert!(matches!(Cell::from_text("合计"), Cell::Unreadable { .. }));
    }
}
