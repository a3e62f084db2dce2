//! Made-up French names, streets and villages of the Loue valley (Doubs).

use super::rng::Rng;

/// Family names, with the accents, apostrophes and hyphens real lists have.
pub const LAST_NAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
    "Joly",
    "Gautier",
    "Roger",
    "Roche",
    "Roy",
    "Noël",
    "Meyer",
    "Lucas",
    "Meunier",
    "Jean",
    "Pérez",
    "Marchand",
    "Dufour",
    "Blanchard",
    "Barbier",
    "Brun",
    "Dumas",
    "Brunet",
    "Schmitt",
    "Leroux",
    "Colin",
    "Fernandez",
    "Pierre",
    "Renard",
    "Arnaud",
    "Rolland",
    "Caron",
    "Aubert",
    "Giraud",
    "Leclerc",
    "Vidal",
    "Bourgeois",
    "Renaud",
    "Lemoine",
    "Picard",
    "Gaillard",
    "Philippe",
    "Leclercq",
    "Lacroix",
    "Fabre",
    "Dupuis",
    "N'Diaye",
    "Lefèvre-Œuvray",
    "D'Almeida",
    "Müller",
    "Le Goff",
    "Diallo",
    "Ben Salah",
    "Traoré",
    "Da Silva",
    "Kowalski",
    "Saïdi",
    "Hoarau",
    "Le Gall",
    "Grosjean",
    "Cuenot",
    "Vuillemin",
    "Jeannin",
    "Bôle-Richard",
    "Pourcelot",
    "Courvoisier",
    "Besançon",
    "Prêtre",
    "Cattin",
    "Baverel",
    "Chopard",
    "Jacquot",
    "L'Hôte",
    "Ferrière",
    "Ménétrier",
    "Bôle",
    "Saint-Hilaire",
    "Coulibaly",
    "Yılmaz",
    "Haddad",
    "Mbappé",
    "Öztürk",
    "Ramírez",
    "Ançay",
    "D'Souza",
    "Lévêque",
    "Château",
    "Faivre-Pierret",
    "Bouchet",
    "Tissot",
    "Vernier",
];

/// Women's first names.
pub const FEMALE_FIRST: &[&str] = &[
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Sandrine",
    "Céline",
    "Valérie",
    "Stéphanie",
    "Aurélie",
    "Émilie",
    "Julie",
    "Camille",
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Zoé",
    "Hélène",
    "Agnès",
    "Bérénice",
    "Maëlle",
    "Anaïs",
    "Noémie",
    "Josiane",
    "Fatoumata",
    "Aïcha",
    "Leïla",
    "Yasmina",
    "Ana",
    "Marie-Claude",
    "Anne-Sophie",
    "Gaëlle",
    "Françoise",
    "Odile",
    "Solène",
    "Éloïse",
    "Mélanie",
    "Christelle",
    "Joëlle",
];

/// Men's first names.
pub const MALE_FIRST: &[&str] = &[
    "Jean",
    "Pierre",
    "Michel",
    "Philippe",
    "Alain",
    "Nicolas",
    "Christophe",
    "Laurent",
    "Frédéric",
    "Stéphane",
    "Sébastien",
    "Julien",
    "Thomas",
    "Maxime",
    "Lucas",
    "Hugo",
    "Théo",
    "Mathis",
    "Jérôme",
    "Hervé",
    "Gérard",
    "Rémi",
    "Noël",
    "Benoît",
    "Mamadou",
    "Karim",
    "Youssef",
    "Moussa",
    "Ibrahim",
    "Jean-Luc",
    "Jean-François",
    "Loïc",
    "Gaël",
    "Anthony",
    "Dylan",
    "Kévin",
    "Joël",
    "Cédric",
    "Aurélien",
    "François",
];

/// A village: name and postcode.
pub const TOWNS: &[(&str, &str)] = &[
    ("Ornans", "25290"),
    ("Vuillafans", "25840"),
    ("Montgesoye", "25111"),
    ("Mouthier-Haute-Pierre", "25920"),
    ("Lods", "25930"),
    ("Cléron", "25330"),
    ("Amancey", "25330"),
    ("Quingey", "25440"),
    ("Chassagne-Saint-Denis", "25290"),
    ("Scey-Maisières", "25290"),
    ("Saules", "25580"),
    ("L'Hôpital-du-Grosbois", "25620"),
    ("Tarcenay-Foucherans", "25620"),
    ("Levier", "25270"),
    ("Besançon", "25000"),
];

/// Street names.
pub const STREETS: &[&str] = &[
    "rue de la Loue",
    "grande rue",
    "rue du Moulin",
    "chemin des Vignes",
    "rue de l'Église",
    "place de la Mairie",
    "route de Besançon",
    "rue des Tanneurs",
    "impasse des Lilas",
    "rue Pasteur",
    "chemin du Château",
    "rue Courbet",
    "allée des Peupliers",
    "rue Saint-Laurent",
    "route de Pontarlier",
    "rue des Écoles",
    "chemin de la Source",
    "rue du Pont",
];

/// A person: gender code, first name, last name.
pub fn person(rng: &mut Rng) -> (&'static str, &'static str, &'static str) {
    let last = *rng.pick(LAST_NAMES);
    if rng.chance(0.5) {
        ("f", *rng.pick(FEMALE_FIRST), last)
    } else {
        ("m", *rng.pick(MALE_FIRST), last)
    }
}

/// A first name of either gender.
pub fn first_name(rng: &mut Rng) -> &'static str {
    let pool = if rng.chance(0.5) {
        FEMALE_FIRST
    } else {
        MALE_FIRST
    };
    pool[rng.below(pool.len() as u64) as usize]
}

/// Street address, postcode, city.
pub fn address(rng: &mut Rng) -> (String, &'static str, &'static str) {
    let (city, postcode) = *rng.pick(TOWNS);
    let number = rng.range(1, 48);
    let street = rng.pick(STREETS);
    (format!("{number} {street}"), postcode, city)
}

/// A French mobile (06 / 07) or landline (03) number.
pub fn phone(rng: &mut Rng) -> String {
    let prefix = *rng.pick(&["06", "07", "03 81"]);
    let groups = if prefix.len() == 2 { 4 } else { 3 };
    let mut out = prefix.to_string();
    for _ in 0..groups {
        out.push_str(&format!(" {:02}", rng.below(100)));
    }
    out
}

/// An e-mail address built from a name, without accents, apostrophes or spaces.
pub fn email(first: &str, last: &str, rng: &mut Rng) -> String {
    let domain = *rng.pick(&["orange.fr", "laposte.net", "free.fr", "gmail.com", "sfr.fr"]);
    format!("{}.{}@{domain}", ascii_slug(first), ascii_slug(last))
}

/// Lowercase ASCII with accents stripped and other characters dropped.
pub fn ascii_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'à' | 'â' | 'ä' | 'á' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ı' => "i",
            'ô' | 'ö' | 'ó' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'œ' => "oe",
            'æ' => "ae",
            'ÿ' => "y",
            'ñ' => "n",
            '-' => "-",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "",
        };
        out.push_str(mapped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(ascii_slug("Lefèvre-Œuvray"), "lefevre-oeuvray");
        assert_eq!(ascii_slug("N'Diaye"), "ndiaye");
        assert_eq!(ascii_slug("Le Goff"), "legoff");
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let p = phone(&mut rng);
            assert_eq!(p.chars().filter(char::is_ascii_digit).count(), 10, "{p}");
        }
    }
}
