//! Exact arithmetic and printing of `rust_decimal::Decimal` through its
//! i128 mantissa.
//!
//! The model keeps figures as `Decimal`, but the checks only add, compare,
//! shift by powers of ten, round and print figures of at most 16 + 10
//! digits (what `Amount::parse` accepts). Done here on the mantissa, the
//! web module links none of rust_decimal's general 96-bit arithmetic,
//! division and formatting. Every result equals rust_decimal's in value;
//! where the scale shows (printing), each function says which it keeps.
//!
//! Intermediate mantissas saturate at i128 (38 digits) and results beyond
//! rust_decimal's 28 digits lose their last digits: far beyond any printed
//! budget figure.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use crate::prelude::*;

/// 10^n, for n ≤ 38.
fn pow10(n: u32) -> i128 {
    10i128.pow(n)
}

/// Both mantissas at the larger of the two scales, and that scale.
fn aligned(a: Decimal, b: Decimal) -> (i128, i128, u32) {
    let scale = a.scale().max(b.scale());
    (mantissa_at(a, scale), mantissa_at(b, scale), scale)
}

/// `numerator / denominator` (denominator > 0), rounded half away from zero.
fn div_half_away(numerator: i128, denominator: i128) -> i128 {
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if remainder.unsigned_abs() * 2 >= denominator.unsigned_abs() {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// `numerator / denominator` (denominator > 0), rounded half to even.
fn div_half_even(numerator: i128, denominator: i128) -> i128 {
    let quotient = numerator / denominator;
    let twice_remainder = (numerator % denominator).unsigned_abs() * 2;
    let denominator = denominator.unsigned_abs();
    if twice_remainder > denominator || (twice_remainder == denominator && quotient % 2 != 0) {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// `mantissa / 10^scale`. Beyond rust_decimal's 28 decimals or 96 bits of
/// mantissa the last digits are dropped, rounded half to even (as
/// rust_decimal rounds what it cannot hold); beyond its range, its MIN or
/// MAX.
fn from_mantissa(mantissa: i128, scale: u32) -> Decimal {
    // Nearly always it fits as it is: no 128-bit division on the way (every
    // sum of every check comes through here).
    if scale <= 28 && mantissa.unsigned_abs() >> 96 == 0 {
        if let Ok(d) = Decimal::try_from_i128_with_scale(mantissa, scale) {
            return d;
        }
    }
    let mut dropped = scale.saturating_sub(28);
    while dropped < scale && (mantissa.unsigned_abs() / pow10(dropped).unsigned_abs()) >> 96 != 0 {
        dropped += 1;
    }
    let kept = if dropped == 0 {
        mantissa
    } else {
        div_half_even(mantissa, pow10(dropped))
    };
    let limit = if mantissa < 0 {
        Decimal::MIN
    } else {
        Decimal::MAX
    };
    Decimal::try_from_i128_with_scale(kept, scale - dropped).unwrap_or(limit)
}

/// The mantissa of `a` written at `scale` (at least its own): 1.5 at 3 is
/// 1500. Saturates at i128, far beyond any printed figure.
pub fn mantissa_at(a: Decimal, scale: u32) -> i128 {
    a.mantissa().saturating_mul(pow10(scale - a.scale()))
}

/// a + b, at the larger scale.
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    let (a, b, scale) = aligned(a, b);
    from_mantissa(a.saturating_add(b), scale)
}

/// a − b, at the larger scale.
pub fn sub(a: Decimal, b: Decimal) -> Decimal {
    let (a, b, scale) = aligned(a, b);
    from_mantissa(a.saturating_sub(b), scale)
}

/// Whether a and b are the same value (−0 = 0, 1.50 = 1.5).
pub fn equal(a: Decimal, b: Decimal) -> bool {
    cmp(a, b).is_eq()
}

/// Orders by value (−0 = 0, 1.50 = 1.5).
pub fn cmp(a: Decimal, b: Decimal) -> Ordering {
    let (a, b, _) = aligned(a, b);
    a.cmp(&b)
}

/// Half a unit of the last of `scale` decimals (0.005 for 2): the rounding
/// band of a figure printed with them.
pub fn half_unit(scale: u32) -> Decimal {
    from_mantissa(5, scale + 1)
}

/// a ÷ 10^places, exactly (元 → 万元 is 4 places): the scale grows by
/// `places`.
pub fn shift_right(a: Decimal, places: u32) -> Decimal {
    from_mantissa(a.mantissa(), a.scale() + places)
}

/// Rounds to `dp` decimals, half away from zero, as rust_decimal's
/// `round_dp_with_strategy(dp, MidpointAwayFromZero)`: a value with at most
/// `dp` decimals is returned as is; otherwise the result has scale `dp`,
/// and a zero keeps its sign ("-0.000" → "-0.00") while a value rounded to
/// zero has none ("-0.004" → "0.00").
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    let scale = value.scale();
    if scale <= dp {
        return value;
    }
    let mut rounded = from_mantissa(div_half_away(value.mantissa(), pow10(scale - dp)), dp);
    if value.is_zero() {
        rounded.set_sign_negative(value.is_sign_negative());
    }
    rounded
}

/// Without trailing zeros, and −0 as 0 (rust_decimal's `normalize`).
pub fn normalize(value: Decimal) -> Decimal {
    let (mut mantissa, mut scale) = (value.mantissa(), value.scale());
    if mantissa == 0 {
        return Decimal::ZERO;
    }
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    from_mantissa(mantissa, scale)
}

/// x ÷ y × 100 against p (y ≠ 0), by cross-multiplying: 100·x against
/// p·y, both at one scale, reversed when y is negative.
pub fn cmp_percent(x: Decimal, y: Decimal, p: Decimal) -> Ordering {
    let scale = x.scale().max(p.scale() + y.scale());
    let hundred_x = x
        .mantissa()
        .saturating_mul(100)
        .saturating_mul(pow10(scale - x.scale()));
    let p_y = p
        .mantissa()
        .saturating_mul(y.mantissa())
        .saturating_mul(pow10(scale - p.scale() - y.scale()));
    let order = hundred_x.cmp(&p_y);
    if y.is_sign_negative() {
        order.reverse()
    } else {
        order
    }
}

/// part ÷ base × 100 (base ≠ 0) rounded to 2 decimals half away from
/// zero, with the scale and sign rust_decimal gives
/// `(part / base * 100).round_dp_with_strategy(2, MidpointAwayFromZero)`,
/// since it is printed: that of the quotient ([`quotient`]) when it is at
/// most 2, else 2; a value rounded to zero has no sign ("0.00"). Zero
/// (scale 0) when part is zero.
pub fn percent(part: Decimal, base: Decimal) -> Decimal {
    if part.is_zero() {
        return Decimal::ZERO;
    }
    let sign = if part.is_sign_negative() == base.is_sign_negative() {
        1
    } else {
        -1
    };
    let (part_mantissa, part_scale) = (part.mantissa().unsigned_abs(), part.scale() as i32);
    let (base_mantissa, base_scale) = (base.mantissa().unsigned_abs(), base.scale() as i32);
    match quotient(part_mantissa, part_scale, base_mantissa, base_scale) {
        Some((mantissa, scale)) if scale <= 2 => {
            from_mantissa(sign * mantissa.saturating_mul(100) as i128, scale as u32)
        }
        _ => {
            // The quotient × 100 × 10^2, rounded.
            let shift = 4 + base_scale - part_scale;
            let (numerator, denominator) = if shift >= 0 {
                (
                    part_mantissa.saturating_mul(pow10(shift as u32) as u128),
                    base_mantissa,
                )
            } else {
                (
                    part_mantissa,
                    base_mantissa.saturating_mul(pow10(-shift as u32) as u128),
                )
            };
            let rounded = (numerator / denominator
                + u128::from(numerator % denominator * 2 >= denominator))
                as i128;
            from_mantissa(sign * rounded, 2)
        }
    }
}

/// The magnitude of `part_mantissa`·10^−part_scale ÷
/// `base_mantissa`·10^−base_scale as rust_decimal's division leaves it —
/// mantissa and scale — when the quotient is exact within its 28 digits;
/// None when it is not. Its scale is not simply the least the value needs:
/// rust_decimal starts from part's scale less base's, adds decimals nine
/// at a time (fewer as the mantissa nears 96 bits) while a remainder is
/// left, then strips trailing zeros 8, 4, 2 and 1 at a time (1 / 5 is
/// 0.20, 1.00 / 8 is 0.125).
fn quotient(
    part_mantissa: u128,
    part_scale: i32,
    base_mantissa: u128,
    base_scale: i32,
) -> Option<(u128, i32)> {
    const LIMIT: u128 = 1 << 96;
    let mut scale = part_scale - base_scale;
    let (mut mantissa, mut remainder) =
        (part_mantissa / base_mantissa, part_mantissa % base_mantissa);
    let mut had_remainder = false;
    loop {
        let power = if remainder == 0 {
            if scale >= 0 {
                break;
            }
            (-scale).min(9) as u32
        } else {
            had_remainder = true;
            let most = (28 - scale).clamp(0, 9) as u32;
            let power = (0..=most)
                .rev()
                .find(|&p| mantissa.saturating_mul(pow10(p) as u128) < LIMIT)?;
            if power == 0 {
                return None;
            }
            power
        };
        let factor = pow10(power) as u128;
        scale += power as i32;
        let scaled_remainder = remainder * factor;
        mantissa = mantissa * factor + scaled_remainder / base_mantissa;
        remainder = scaled_remainder % base_mantissa;
        if mantissa >= LIMIT {
            return None;
        }
    }
    if had_remainder {
        // Eights only while the low 32 bits are zero (rust_decimal's quick test).
        while mantissa as u32 == 0 && scale >= 8 && mantissa % 100_000_000 == 0 {
            mantissa /= 100_000_000;
            scale -= 8;
        }
        for (digits, factor) in [(4, 10_000), (2, 100), (1, 10)] {
            if scale >= digits && mantissa % factor == 0 {
                mantissa /= factor;
                scale -= digits;
            }
        }
    }
    Some((mantissa, scale))
}

/// As rust_decimal's `Display` prints it: every decimal of the scale, and a
/// "-" before any negative value, −0 included.
pub fn to_text(value: Decimal) -> String {
    with_decimals(value, value.scale())
}

/// Printed with `decimals` decimals, at least the scale's (zeros added, as
/// `format!("{:.2}", value)` does for a value of scale 2 or less).
pub fn with_decimals(value: Decimal, decimals: u32) -> String {
    let scale = value.scale() as usize;
    let decimals = (decimals as usize).max(scale);
    // The mantissa's digits, least significant first, at least one before
    // the point.
    let mut digits = Vec::new();
    let mut mantissa = value.mantissa().unsigned_abs();
    while mantissa > 0 || digits.len() <= scale {
        digits.push(b'0' + (mantissa % 10) as u8);
        mantissa /= 10;
    }
    let mut text = String::with_capacity(digits.len() + decimals - scale + 2);
    if value.is_sign_negative() {
        text.push('-');
    }
    for (i, &digit) in digits.iter().rev().enumerate() {
        if i == digits.len() - scale {
            text.push('.');
        }
        text.push(char::from(digit));
    }
    if decimals > scale {
        if scale == 0 {
            text.push('.');
        }
        text.extend(core::iter::repeat_n('0', decimals - scale));
    }
    text
}

/// A number printed by [`with_decimals`] with the digits of its whole
/// part in groups of three, as the tables print money: "-11419043.00" →
/// "-11,419,043.00".
pub fn group_thousands(text: &str) -> String {
    let (sign, unsigned) = text.split_at(usize::from(text.starts_with('-')));
    let whole_len = unsigned.find('.').unwrap_or(unsigned.len());
    let (whole, fraction) = unsigned.split_at(whole_len);
    let mut out = String::with_capacity(text.len() + whole_len / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole_len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(fraction);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::RoundingStrategy;

    #[test]
    fn thousands_are_grouped_in_the_whole_part_only() {
        for (plain, grouped) in [
            ("0.00", "0.00"),
            ("999.5", "999.5"),
            ("1000", "1,000"),
            ("-516000.00", "-516,000.00"),
            ("11419043.00", "11,419,043.00"),
            ("-123456.1234", "-123,456.1234"),
        ] {
            assert_eq!(group_thousands(plain), grouped);
        }
    }

    /// Decimals of every sign, scale and size the checks meet (at most 16
    /// digits, at most 10 decimals, as `Amount::parse` reads them), with
    /// zeros (and −0) and trailing zeros among them.
    fn samples() -> Vec<Decimal> {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 33
        };
        let mut out = Vec::new();
        for mantissa in [
            0i128,
            1,
            5,
            10,
            50,
            100,
            12_345,
            1_000_000,
            9_999_999_999_999_999,
        ] {
            for scale in [0, 1, 2, 3, 4, 10] {
                for negative in [false, true] {
                    let mut d = Decimal::from_i128_with_scale(mantissa, scale);
                    d.set_sign_negative(negative);
                    out.push(d);
                }
            }
        }
        for _ in 0..400 {
            let scale = (next() % 11) as u32;
            let digits = (next() % 17) as u32 + scale;
            let mantissa = i128::from(next()) * i128::from(next()) * i128::from(next())
                % 10i128.pow(digits.max(1));
            let mut d = Decimal::from_i128_with_scale(mantissa, scale);
            d.set_sign_negative(next() % 2 == 0);
            out.push(d);
        }
        out
    }

    /// The same value and scale (rust_decimal's `==` ignores the scale).
    fn same(a: Decimal, b: Decimal) -> bool {
        a == b && a.scale() == b.scale()
    }

    #[test]
    fn arithmetic_equals_rust_decimal_in_value() {
        let samples = samples();
        for &a in &samples {
            for &b in samples.iter().step_by(7) {
                assert_eq!(add(a, b), a + b, "{a} + {b}");
                assert_eq!(sub(a, b), a - b, "{a} - {b}");
                assert_eq!(cmp(a, b), a.cmp(&b), "{a} cmp {b}");
            }
        }
    }

    #[test]
    fn shifting_rounding_and_normalizing_equal_rust_decimal() {
        for a in samples() {
            let ten_thousand = Decimal::from(10_000);
            assert_eq!(shift_right(a, 4), a / ten_thousand, "{a}");
            for dp in 0..5 {
                let theirs = a.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
                let ours = round_half_away(a, dp);
                assert!(same(ours, theirs), "{a} to {dp}: {ours} vs {theirs}");
                assert_eq!(to_text(ours), theirs.to_string());
            }
            assert!(same(normalize(a), a.normalize()), "{a}");
            assert_eq!(to_text(normalize(a)), a.normalize().to_string());
        }
    }

    #[test]
    fn printing_equals_rust_decimal() {
        for a in samples() {
            assert_eq!(to_text(a), a.to_string());
            if a.scale() <= 2 {
                assert_eq!(with_decimals(a, 2), format!("{a:.2}"));
            }
        }
        let minus_zero = -Decimal::new(0, 2);
        assert_eq!(to_text(minus_zero), "-0.00");
        assert_eq!(to_text(minus_zero), minus_zero.to_string());
    }

    #[test]
    fn percentages_equal_rust_decimal() {
        let hundred = Decimal::ONE_HUNDRED;
        let samples = samples();
        for &part in samples.iter().step_by(3) {
            for &base in samples.iter().step_by(5) {
                if base.is_zero() || part.abs() > Decimal::from(1_000_000_000_000i64) {
                    continue;
                }
                let theirs = (part / base * hundred)
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                let ours = percent(part, base);
                assert!(same(ours, theirs), "{part} / {base}: {ours} vs {theirs}");
                assert_eq!(to_text(ours), theirs.to_string());
                for &p in samples.iter().step_by(11) {
                    let ratio = part / base * hundred;
                    assert_eq!(
                        cmp_percent(part, base, p),
                        ratio.cmp(&p),
                        "{part} / {base} vs {p}"
                    );
                }
            }
        }
    }
}
