//! Euro amounts, kept in cents.

/// An amount in euro cents.
pub type Cents = i64;

/// Formats cents the French way: `1250` → `12,50 €`, `-300` → `-3,00 €`, `150000` → `1 500,00 €`.
pub fn format_euros(cents: Cents) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let grouped = super::numbers::group_thousands(&(abs / 100).to_string());
    format!("{sign}{grouped},{:02}\u{a0}€", abs % 100)
}

/// Reads a French or English decimal euro amount ("12,5", "12.50", "12 €") into cents.
pub fn parse_euros(text: &str) -> Option<Cents> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let value: f64 = cleaned.parse().ok()?;
    value.is_finite().then(|| (value * 100.0).round() as Cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_french_amounts() {
        assert_eq!(format_euros(1250), "12,50\u{a0}€");
        assert_eq!(format_euros(-300), "-3,00\u{a0}€");
        assert_eq!(format_euros(150_000), "1\u{202f}500,00\u{a0}€");
        assert_eq!(format_euros(5), "0,05\u{a0}€");
    }

    #[test]
    fn parses_both_decimal_marks() {
        assert_eq!(parse_euros("12,5"), Some(1250));
        assert_eq!(parse_euros("12.50 €"), Some(1250));
        assert_eq!(parse_euros("abc"), None);
        assert_eq!(parse_euros(""), None);
    }
}
