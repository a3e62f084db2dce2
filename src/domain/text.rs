//! Text helpers shared by every area: searching and sorting without accents, safe file
//! names.

mod folding;
mod search;

pub use folding::{compare, fold};
pub use search::{Query, SearchKeys};

/// The key that sorts names the French way: accents, case, spaces, hyphens and apostrophes
/// ignored ("Élodie" with the E's, "Le Goff" with "Legoff"); ligatures spelt out.
pub fn collation_key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A person's name in a list or on a sheet: "NOM Prénom" (sorted by last name, which is
/// in capitals).
pub fn list_name(first_name: &str, last_name: &str) -> String {
    format!("{} {}", last_name.trim().to_uppercase(), first_name.trim())
        .trim()
        .to_owned()
}

/// A person's name inside a sentence: "Prénom Nom", both as typed ("partagé avec Anne
/// Martin").
pub fn sentence_name(first_name: &str, last_name: &str) -> String {
    format!("{} {}", first_name.trim(), last_name.trim())
        .trim()
        .to_owned()
}

/// A file-name-safe version of `text`: lowercase ASCII letters and digits, a dash for
/// anything else ("Besançon – Maison de quartier" → "besancon-maison-de-quartier").
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_order_per_kind_of_place() {
        assert_eq!(list_name(" Isabelle ", "Barbier"), "BARBIER Isabelle");
        assert_eq!(list_name("Chloé", "Lefèvre-Œuvray"), "LEFÈVRE-ŒUVRAY Chloé");
        assert_eq!(sentence_name("Isabelle", " Barbier "), "Isabelle Barbier");
        assert_eq!(list_name("", "Barbier"), "BARBIER");
    }

    #[test]
    fn names_keep_particles_compounds_and_missing_parts() {
        // Particle: the whole last name goes in capitals in a list, as typed in a sentence.
        assert_eq!(
            list_name("Jean-Pierre", "de La Tour"),
            "DE LA TOUR Jean-Pierre"
        );
        assert_eq!(
            sentence_name("Jean-Pierre", "de La Tour"),
            "Jean-Pierre de La Tour"
        );
        // Compound first name stays as typed in both orders.
        assert_eq!(list_name("Marie-Ève", "N'Diaye"), "N'DIAYE Marie-Ève");
        assert_eq!(sentence_name("Marie-Ève", "N'Diaye"), "Marie-Ève N'Diaye");
        // An empty part leaves no stray space on either side.
        assert_eq!(list_name("", " de La Tour "), "DE LA TOUR");
        assert_eq!(sentence_name("  ", "de La Tour"), "de La Tour");
        assert_eq!(list_name("Jean-Pierre", ""), "Jean-Pierre");
        assert_eq!(sentence_name("Jean-Pierre", ""), "Jean-Pierre");
        assert_eq!(list_name("", ""), "");
    }

    #[test]
    fn folds_accents_and_ligatures() {
        assert_eq!(fold("Lefèvre-Œuvray"), "lefevre-oeuvray");
        assert_eq!(fold("ÉLODIE N'Diaye"), "elodie n'diaye");
    }

    #[test]
    fn collation_ignores_accents_case_and_punctuation() {
        assert_eq!(collation_key("N'Diaye-Müller"), "ndiayemuller");
        let mut names = vec!["Zoé", "Élodie", "eric", "Le Goff", "Lefèvre"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, ["Élodie", "eric", "Lefèvre", "Le Goff", "Zoé"]);
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slug("Besançon – Maison de quartier Battant"),
            "besancon-maison-de-quartier-battant"
        );
        assert_eq!(slug("  Ornans / Épicerie  "), "ornans-epicerie");
    }
}
