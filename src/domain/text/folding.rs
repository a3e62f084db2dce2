//! Folding text for searching and sorting: case and accents ignored in every Latin script,
//! and the one order of names and labels, shared by Rust sorts and SQL (`COLLATE FR`).

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::collation_key;

/// Lower case without accents, for searching as the user types: every Latin letter loses
/// its marks (é → e, ș → s, ő → o, ư → u), ligatures and letters that carry no separable
/// mark are spelt out (œ → oe, æ → ae, ß → ss, ł → l, ø → o, đ → d, þ → th), typographic
/// apostrophes become `'`. Compatibility forms are unfolded too (ﬁ → fi, ² → 2).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let letters = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase);
    for c in letters {
        match spelt_out(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// The order of names and labels everywhere: by [`collation_key`] (accents, case, spaces,
/// hyphens and apostrophes ignored: "Émilie" among the E's, "Œuvray" as "oeuvray",
/// "Le Goff" with "Legoff"). Names that fold alike are equal here, so a sort on several
/// columns goes on to the next one ("martin Anne" before "Martin Zoé"); Rust's sorts are
/// stable and SQL adds the next `ORDER BY` term. SQLite sorts with it too: every
/// connection registers it as the `FR` collation (`ORDER BY name COLLATE FR`).
pub fn compare(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        // Fast path, same result: the key of ASCII text is its lower-cased letters and digits.
        return ascii_key(a).cmp(ascii_key(b));
    }
    collation_key(a).cmp(&collation_key(b))
}

/// [`collation_key`] of ASCII text, without allocating.
fn ascii_key(text: &str) -> impl Iterator<Item = u8> + '_ {
    text.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
}

/// Letters (lower case, marks already removed) that Unicode does not decompose, spelt with
/// plain letters; typographic apostrophes as `'`.
fn spelt_out(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ø' | 'ɵ' | 'ɔ' => "o",
        'ł' | 'ƚ' => "l",
        'đ' | 'ð' | 'ɗ' | 'ɖ' => "d",
        'þ' => "th",
        'ħ' => "h",
        'ı' | 'ɨ' => "i",
        'ŧ' | 'ƭ' => "t",
        'ŋ' | 'ɲ' => "n",
        'ĸ' | 'ƙ' => "k",
        'ƀ' | 'ɓ' => "b",
        'ƈ' | 'ȼ' => "c",
        'ƒ' => "f",
        'ɠ' => "g",
        'ɉ' => "j",
        'ɍ' => "r",
        'ƶ' | 'ȥ' => "z",
        'ɇ' | 'ǝ' | 'ə' | 'ɛ' => "e",
        'ʉ' => "u",
        'ʋ' => "v",
        'ƴ' | 'ɏ' => "y",
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => "'",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_latin_script() {
        // French, then Polish, Danish/Norwegian, Croatian, German, Romanian, Czech,
        // Hungarian, Turkish, Icelandic, Vietnamese, Maltese.
        assert_eq!(fold("Lefèvre-Œuvray"), "lefevre-oeuvray");
        assert_eq!(fold("ÉLODIE N’Diaye"), "elodie n'diaye");
        assert_eq!(fold("Łukasz Wałęsa"), "lukasz walesa");
        assert_eq!(fold("Ødegaard Ærø"), "odegaard aero");
        assert_eq!(fold("Đorđević"), "dordevic");
        assert_eq!(fold("Straße STRAẞE"), "strasse strasse");
        assert_eq!(fold("Ștefănescu Dvořák Erdős"), "stefanescu dvorak erdos");
        assert_eq!(fold("İstanbul ılık Ğ"), "istanbul ilik g");
        assert_eq!(fold("Þórunn Guðmundsdóttir"), "thorunn gudmundsdottir");
        assert_eq!(fold("Nguyễn Thị Hương"), "nguyen thi huong");
        assert_eq!(fold("Ħamrun"), "hamrun");
        // Marks typed apart from their letter (decomposed input) go too.
        assert_eq!(fold("E\u{301}milie"), "emilie");
        assert_eq!(fold("Parcelle ﬁne, 12 m²"), "parcelle fine, 12 m2");
    }

    #[test]
    fn compares_by_folded_letters_only() {
        let mut names = vec![
            "Zoé",
            "Łukasz",
            "Œuvray",
            "Étienne",
            "Ødegaard",
            "émilie",
            "Émilie",
            "Emilie",
            "Le Goff",
            "Legoff",
            "Abel",
        ];
        names.sort_by(|a, b| compare(a, b));
        // By key: abel, emilie ×3, etienne, legoff ×2, lukasz, odegaard, oeuvray, zoe;
        // names that fold alike are equal, so the stable sort keeps them as listed:
        // "émilie", "Émilie", "Emilie"; "Le Goff", "Legoff".
        assert_eq!(
            names,
            [
                "Abel",
                "émilie",
                "Émilie",
                "Emilie",
                "Étienne",
                "Le Goff",
                "Legoff",
                "Łukasz",
                "Ødegaard",
                "Œuvray",
                "Zoé"
            ]
        );
        assert_eq!(compare("Zoé", "Zoé"), Ordering::Equal);
        assert_eq!(compare("MARTIN", "martin"), Ordering::Equal);
        assert_eq!(compare("Émilie", "Zoé"), Ordering::Less);
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_general_rule() {
        let pairs = [
            ("Le Goff", "Legoff"),
            ("abc", "ABD"),
            ("N'Diaye", "Ndiaye"),
            ("b-2", "B1"),
            ("", "a"),
            ("x", "x"),
        ];
        for (a, b) in pairs {
            let general = collation_key(a).cmp(&collation_key(b));
            assert_eq!(compare(a, b), general, "{a} / {b}");
            assert_eq!(compare(b, a), general.reverse(), "{b} / {a}");
        }
    }
}
