//! French counts in sentences: "1 panier prévu", "4 597 paniers prévus", never "panier(s)".

use super::numbers::format_count;

/// `n` with its noun group in the right number, thousands grouped: French puts 0 and 1 in
/// the singular ("0 ligne refusée", "1 ligne refusée", "2 lignes refusées").
pub fn counted(n: impl TryInto<i64>, one: &str, many: &str) -> String {
    let n = n.try_into().unwrap_or(i64::MAX);
    format!("{} {}", format_count(n), agree(n, one, many))
}

/// The singular form for 0 and 1 (and -1), the plural otherwise: for the verb or adjective
/// that agrees with a count already written.
pub fn agree<'a>(n: impl TryInto<i64>, one: &'a str, many: &'a str) -> &'a str {
    if n.try_into().is_ok_and(|n: i64| n.abs() <= 1) {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_one_are_singular_and_thousands_are_grouped() {
        assert_eq!(
            counted(0, "ligne refusée", "lignes refusées"),
            "0 ligne refusée"
        );
        assert_eq!(
            counted(1, "ligne refusée", "lignes refusées"),
            "1 ligne refusée"
        );
        assert_eq!(
            counted(2, "ligne refusée", "lignes refusées"),
            "2 lignes refusées"
        );
        // 4597 grouped by three from the right, with a narrow no-break space: "4 597".
        assert_eq!(counted(4597, "panier", "paniers"), "4\u{202f}597 paniers");
        assert_eq!(agree(1, "a", "ont"), "a");
        assert_eq!(agree(3, "a", "ont"), "ont");
    }
}
