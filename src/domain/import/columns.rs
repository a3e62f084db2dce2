//! Matching a file's column titles to Binette's member fields.

use crate::domain::text::collation_key;

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

/// For each column of the file, the field it fills (`None`: ignored).
pub type ColumnMapping = Vec<Option<MemberField>>;

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

/// The field a column title obviously means, if any ("Tél." → téléphone, "CP" → code postal).
pub fn field_for_header(header: &str) -> Option<MemberField> {
    let key = collation_key(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(field, _)| *field)
}

/// Matches every column title to a field where it is obvious; each field is given to one
/// column at most (the first). A lone "Portable" column, with no other phone, fills the main
/// phone.
pub fn match_headers(headers: &[String]) -> ColumnMapping {
    let mut mapping: ColumnMapping = Vec::with_capacity(headers.len());
    for header in headers {
        let field = field_for_header(header).filter(|f| !mapping.contains(&Some(*f)));
        mapping.push(field);
    }
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

/// A French message when the mapping cannot be imported (no column for the name, or one
/// field given to two columns), `None` when it can.
pub fn mapping_problem(mapping: &ColumnMapping) -> Option<String> {
    if !mapping.contains(&Some(MemberField::LastName)) {
        return Some("Indiquez quelle colonne contient le nom des adhérents.".into());
    }
    for field in MemberField::ALL {
        if mapping.iter().filter(|m| **m == Some(*field)).count() > 1 {
            return Some(format!(
                "Le champ « {} » est choisi pour plusieurs colonnes : gardez-en une seule.",
                field.label()
            ));
        }
    }
    None
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
