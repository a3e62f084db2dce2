//! Matching a file's column titles to Binette's fields: the generic part ([`ImportField`],
//! [`match_columns`], [`mapping_problem`]) shared by every import, and the member fields.

use crate::domain::text::collation_key;

/// A field a column of an imported file can fill (members, employees, harvests…).
pub trait ImportField: Copy + PartialEq + std::fmt::Debug + 'static {
    /// Every field, in the order the column pick lists show them.
    fn all() -> &'static [Self];
    /// The French label shown to users.
    fn label(self) -> &'static str;
    /// For each field, column titles that obviously mean it, as `collation_key` gives them
    /// (lower case, no accents, letters and digits only).
    const SYNONYMS: &'static [(Self, &'static [&'static str])];
    /// Fields the import cannot do without, with the French message asking for them.
    const REQUIRED: &'static [(Self, &'static str)];

    /// Column titles that obviously mean this field (from [`ImportField::SYNONYMS`]).
    fn synonyms(self) -> &'static [&'static str] {
        Self::SYNONYMS
            .iter()
            .find(|(field, _)| *field == self)
            .map_or(&[], |(_, names)| names)
    }
}

/// For each column of the file, the field it fills (`None`: ignored).
pub type Mapping<F> = Vec<Option<F>>;

/// The field a column title obviously means, if any.
pub fn field_for<F: ImportField>(header: &str) -> Option<F> {
    let key = collation_key(header);
    F::all()
        .iter()
        .find(|field| field.synonyms().contains(&key.as_str()))
        .copied()
}

/// Matches every column title to a field where it is obvious; each field is given to one
/// column at most (the first).
pub fn match_columns<F: ImportField>(headers: &[String]) -> Mapping<F> {
    let mut mapping: Mapping<F> = Vec::with_capacity(headers.len());
    for header in headers {
        let field = field_for::<F>(header).filter(|f| !mapping.contains(&Some(*f)));
        mapping.push(field);
    }
    mapping
}

/// A French message when the mapping cannot be imported (a required field without a column,
/// or one field given to two columns), `None` when it can.
pub fn mapping_problem<F: ImportField>(mapping: &Mapping<F>) -> Option<String> {
    if let Some((_, message)) = F::REQUIRED
        .iter()
        .find(|(field, _)| !mapping.contains(&Some(*field)))
    {
        return Some((*message).to_owned());
    }
    F::all()
        .iter()
        .find(|field| mapping.iter().filter(|m| **m == Some(**field)).count() > 1)
        .map(|field| {
            format!(
                "Le champ « {} » est choisi pour plusieurs colonnes : gardez-en une seule.",
                field.label()
            )
        })
}

crate::code_enum! {
    /// A member or subscription field a column can fill.
    pub enum MemberField {
        LastName = ("nom", "Nom"),
        FirstName = ("prenom", "Prénom"),
        CoMember = ("co_adherent", "Co-adhérent(e)"),
        Address = ("adresse", "Adresse"),
        Postcode = ("code_postal", "Code postal"),
        City = ("ville", "Ville"),
        Phone = ("telephone", "Téléphone"),
        Phone2 = ("telephone2", "Téléphone 2"),
        Email = ("email", "E-mail"),
        Notes = ("notes", "Notes"),
        Depot = ("depot", "Dépôt"),
        Size = ("panier", "Panier (taille)"),
        Frequency = ("frequence", "Fréquence"),
        Quantity = ("quantite", "Nombre de paniers"),
        Start = ("debut", "Début de l'abonnement"),
    }
}

/// For each column of a member file, the field it fills (`None`: ignored).
pub type ColumnMapping = Mapping<MemberField>;

impl ImportField for MemberField {
    fn all() -> &'static [Self] {
        MemberField::ALL
    }
    fn label(self) -> &'static str {
        MemberField::label(self)
    }
    const SYNONYMS: &'static [(Self, &'static [&'static str])] = SYNONYMS;
    const REQUIRED: &'static [(Self, &'static str)] = &[(
        MemberField::LastName,
        "Indiquez quelle colonne contient le nom des adhérents.",
    )];
}

/// Column titles (folded: lower case, no accents, letters and digits only) that obviously
/// mean each field.
const SYNONYMS: &[(MemberField, &[&str])] = &[
    (
        MemberField::LastName,
        &[
            "nom",
            "nomdefamille",
            "nomadherent",
            "nomdeladherent",
            "lastname",
        ],
    ),
    (
        MemberField::FirstName,
        &["prenom", "prenomadherent", "firstname"],
    ),
    (
        MemberField::CoMember,
        &[
            "coadherent",
            "coadherente",
            "conjoint",
            "conjointe",
            "deuxiemeadherent",
        ],
    ),
    (
        MemberField::Address,
        &["adresse", "rue", "adressepostale", "voie"],
    ),
    (MemberField::Postcode, &["cp", "codepostal"]),
    (MemberField::City, &["ville", "commune", "localite"]),
    (
        MemberField::Phone,
        &[
            "tel",
            "telephone",
            "telfixe",
            "fixe",
            "tel1",
            "telephone1",
            "phone",
        ],
    ),
    (
        MemberField::Phone2,
        &[
            "portable",
            "mobile",
            "telportable",
            "telmobile",
            "tel2",
            "telephone2",
        ],
    ),
    (
        MemberField::Email,
        &[
            "email",
            "mail",
            "courriel",
            "adressemail",
            "adresseemail",
            "adressecourriel",
        ],
    ),
    (
        MemberField::Notes,
        &[
            "notes",
            "note",
            "remarque",
            "remarques",
            "commentaire",
            "commentaires",
            "observations",
        ],
    ),
    (
        MemberField::Depot,
        &[
            "depot",
            "pointderetrait",
            "lieuderetrait",
            "lieudedepot",
            "lieudelivraison",
        ],
    ),
    (
        MemberField::Size,
        &[
            "panier",
            "typedepanier",
            "taille",
            "tailledepanier",
            "formule",
            "typepanier",
        ],
    ),
    (
        MemberField::Frequency,
        &["frequence", "periodicite", "rythme"],
    ),
    (
        MemberField::Quantity,
        &[
            "quantite",
            "nombre",
            "nbpaniers",
            "nombredepaniers",
            "nbdepaniers",
            "qte",
        ],
    ),
    (
        MemberField::Start,
        &[
            "debut",
            "datededebut",
            "datedebut",
            "debutabonnement",
            "debutdelabonnement",
        ],
    ),
];

/// Matches every column title to a member field where it is obvious ("Tél." → téléphone,
/// "CP" → code postal); each field is given to one column at most (the first). A lone
/// "Portable" column, with no other phone, fills the main phone.
pub fn match_headers(headers: &[String]) -> ColumnMapping {
    let mut mapping = match_columns::<MemberField>(headers);
    let has_phone = mapping.contains(&Some(MemberField::Phone));
    if !has_phone
        && let Some(slot) = mapping
            .iter_mut()
            .find(|m| **m == Some(MemberField::Phone2))
    {
        *slot = Some(MemberField::Phone);
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn french_headers_are_matched_whatever_the_accents_and_case() {
        let mapping = match_headers(&headers(&[
            "NOM",
            "Prénom",
            "Tél.",
            "Portable",
            "Dépôt",
            "Type de panier",
            "Adresse",
            "CP",
            "Ville",
            "E-mail",
            "Âge",
        ]));
        use MemberField::*;
        assert_eq!(
            mapping,
            vec![
                Some(LastName),
                Some(FirstName),
                Some(Phone),
                Some(Phone2),
                Some(Depot),
                Some(Size),
                Some(Address),
                Some(Postcode),
                Some(City),
                Some(Email),
                None,
            ]
        );
        assert_eq!(mapping_problem(&mapping), None);
    }

    #[test]
    fn lone_mobile_is_the_main_phone_and_a_field_is_matched_once() {
        let mapping = match_headers(&headers(&["Nom", "Portable", "Panier", "Formule"]));
        assert_eq!(
            mapping,
            vec![
                Some(MemberField::LastName),
                Some(MemberField::Phone),
                Some(MemberField::Size),
                None
            ]
        );
    }

    #[test]
    fn problems_are_named() {
        let mut mapping = match_headers(&headers(&["Prénom", "Ville"]));
        assert!(mapping_problem(&mapping).unwrap().contains("nom"));
        mapping[1] = Some(MemberField::LastName);
        mapping[0] = Some(MemberField::LastName);
        assert!(
            mapping_problem(&mapping)
                .unwrap()
                .contains("plusieurs colonnes")
        );
    }
}
