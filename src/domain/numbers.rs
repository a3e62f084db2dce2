//! Numbers written the French way: decimal comma, a thin space between thousands.

/// Puts a narrow no-break space between groups of three digits: "1607" → "1 607".
pub fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    grouped
}

/// `value` with exactly `decimals` decimals: `format_fixed(1607.5, 1)` is "1 607,5",
/// `format_fixed(2.0, 1)` is "2,0". A value that rounds to zero has no minus sign.
pub fn format_fixed(value: f64, decimals: usize) -> String {
    let (sign, int, frac) = parts(value, decimals);
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(&int))
    } else {
        format!("{sign}{},{frac}", group_thousands(&int))
    }
}

/// `value` with exactly `decimals` decimals and a decimal comma, digits not grouped (for
/// CSV files): "1607,50". A value that rounds to zero has no minus sign: never "-0,00".
pub fn format_plain(value: f64, decimals: usize) -> String {
    let (sign, int, frac) = parts(value, decimals);
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int},{frac}")
    }
}

/// The sign ("-" only when the rounded value is not zero), whole digits and decimals of
/// `value` rounded to `decimals`.
fn parts(value: f64, decimals: usize) -> (&'static str, String, String) {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    (sign, int.to_owned(), frac.to_owned())
}

/// `value` with at most `max_decimals` decimals, trailing zeros dropped: "12,5", "12",
/// "1 010,4".
pub fn format_number(value: f64, max_decimals: usize) -> String {
    let fixed = format_fixed(value, max_decimals);
    if fixed.contains(',') {
        fixed.trim_end_matches('0').trim_end_matches(',').to_owned()
    } else {
        fixed
    }
}

/// `value` as typed in a form field or a short label: at most `max_decimals` decimals,
/// trailing zeros dropped, digits not grouped ("1010,4", "0,25", "12").
pub fn format_typed(value: f64, max_decimals: usize) -> String {
    let plain = format_plain(value, max_decimals);
    if plain.contains(',') {
        plain.trim_end_matches('0').trim_end_matches(',').to_owned()
    } else {
        plain
    }
}

/// A whole count with its thousands grouped: `format_count(1100)` is "1 100" (narrow
/// no-break space), `format_count(-12)` is "-12".
pub fn format_count(n: impl std::fmt::Display) -> String {
    let text = n.to_string();
    match text.strip_prefix('-') {
        Some(digits) => format!("-{}", group_thousands(digits)),
        None => group_thousands(&text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_short_and_not_grouped() {
        assert_eq!(format_typed(1010.40, 2), "1010,4");
        assert_eq!(format_typed(0.25, 2), "0,25");
        assert_eq!(format_typed(12.0, 2), "12");
        assert_eq!(format_typed(-0.001, 2), "0");
    }

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(format_count(1100), "1\u{202f}100");
        assert_eq!(format_count(36372_usize), "36\u{202f}372");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(-1234), "-1\u{202f}234");
        assert_eq!(format_count(0), "0");
    }

    #[test]
    fn fixed_keeps_its_decimals_and_groups_thousands() {
        assert_eq!(format_fixed(1607.5, 1), "1\u{202f}607,5");
        assert_eq!(format_fixed(2.0, 1), "2,0");
        assert_eq!(format_fixed(-1234567.0, 0), "-1\u{202f}234\u{202f}567");
        assert_eq!(format_fixed(-0.001, 1), "0,0");
        assert_eq!(format_fixed(-0.0, 0), "0");
    }

    #[test]
    fn plain_has_no_grouping_and_never_a_negative_zero() {
        assert_eq!(format_plain(1607.5, 2), "1607,50");
        assert_eq!(format_plain(-0.0, 2), "0,00");
        assert_eq!(format_plain(-0.004, 2), "0,00");
        assert_eq!(format_plain(-2.5, 1), "-2,5");
    }

    #[test]
    fn number_drops_trailing_zeros() {
        assert_eq!(format_number(12.5, 2), "12,5");
        assert_eq!(format_number(12.0, 2), "12");
        assert_eq!(format_number(1010.44, 1), "1\u{202f}010,4");
        assert_eq!(format_number(0.25, 2), "0,25");
        assert_eq!(format_number(1200.0, 0), "1\u{202f}200");
    }
}
