//! The columns of the *les emplois de l'inclusion* export and the Binette fields they fill.
//!
//! Source of the column titles: the employer's export "Candidatures reçues → Exporter →
//! Télécharger toutes les candidatures" (XLSX) of emplois.inclusion.beta.gouv.fr, built by
//! `itou/job_applications/export.py` (`JOB_APPLICATION_XSLX_FORMAT`) in the public repository
//! gip-inclusion/les-emplois (commit 543eae8d, August 2026): [`EMPLOIS_EXPORT_HEADERS`].
//! "Département candidat" holds the post code; "Statut PASS IAE" is Valide, Expiré, Valide
//! (suspendu) or Valide (non démarré). Dates are real Excel dates. Older exports wrote "Numéro Pass IAE"
//! or "Nom prescripteur"; the platform's API says "Numéro de PASS IAE", "Date de début du
//! PASS IAE"…; offices also rename columns by hand ("N° d'agrément", "Date d'embauche"):
//! all are synonyms below.

use crate::domain::import::columns::{ImportField, Mapping, match_columns};

/// The column titles of the les emplois employer export, in its order (the tests build
/// their files from it; every one is matched below or knowingly ignored).
pub const EMPLOIS_EXPORT_HEADERS: [&str; 25] = [
    "Civilité candidat",
    "Nom candidat",
    "Prénom candidat",
    "Email candidat",
    "Téléphone candidat",
    "Date de naissance candidat",
    "Ville candidat",
    "Département candidat",
    "Nom structure employeur",
    "Type employeur",
    "Métiers",
    "Source de la candidature",
    "Nom organisation prescripteur",
    "Nom utilisateur prescripteur",
    "Date de la candidature",
    "Statut de la candidature",
    "Dates de début d’embauche",
    "Dates de fin d’embauche",
    "Motifs de refus",
    "Éligibilité IAE validée",
    "Eligible au contrôle",
    "Numéro PASS IAE",
    "Début PASS IAE",
    "Fin PASS IAE",
    "Statut PASS IAE",
];

crate::code_enum! {
    /// A field a column of the les emplois export can fill.
    pub enum EmployeeField {
        Civility = ("civilite", "Civilité (M / MME)"),
        LastName = ("nom", "Nom"),
        FirstName = ("prenom", "Prénom"),
        BirthDate = ("naissance", "Date de naissance"),
        Email = ("email", "E-mail"),
        Phone = ("telephone", "Téléphone"),
        City = ("ville", "Ville"),
        Postcode = ("code_postal", "Code postal"),
        PassNumber = ("pass_numero", "Numéro de PASS IAE"),
        PassStart = ("pass_debut", "Début du PASS IAE"),
        PassEnd = ("pass_fin", "Fin du PASS IAE"),
        PassStatus = ("pass_statut", "Statut du PASS IAE"),
        HiringStart = ("embauche_debut", "Début d'embauche (contrat)"),
        HiringEnd = ("embauche_fin", "Fin d'embauche (contrat)"),
        PrescriberOrg = ("prescripteur", "Organisation prescriptrice"),
        PrescriberContact = ("prescripteur_contact", "Contact chez le prescripteur"),
        Source = ("source", "Source de la candidature"),
        ApplicationStatus = ("candidature_statut", "Statut de la candidature"),
    }
}

/// For each column of an employee file, the field it fills (`None`: ignored).
pub type EmployeeMapping = Mapping<EmployeeField>;

impl ImportField for EmployeeField {
    fn all() -> &'static [Self] {
        EmployeeField::ALL
    }
    fn label(self) -> &'static str {
        EmployeeField::label(self)
    }
    const SYNONYMS: &'static [(Self, &'static [&'static str])] = SYNONYMS;
    const REQUIRED: &'static [(Self, &'static str)] = &[
        (
            EmployeeField::LastName,
            "Indiquez quelle colonne contient le nom des salariés.",
        ),
        (
            EmployeeField::FirstName,
            "Indiquez quelle colonne contient le prénom des salariés.",
        ),
    ];
}

/// Column titles (as `collation_key` gives them: lower case, no accents, letters and digits
/// only) that obviously mean each field.
const SYNONYMS: &[(EmployeeField, &[&str])] = &[
    (
        EmployeeField::Civility,
        &[
            "civilitecandidat",
            "civilite",
            "civiliteducandidat",
            "titre",
            "sexe",
            "genre",
        ],
    ),
    (
        EmployeeField::LastName,
        &[
            "nomcandidat",
            "nom",
            "nomdefamille",
            "nomdefamilleducandidat",
            "nomducandidat",
            "nomsalarie",
            "nomdusalarie",
            "lastname",
        ],
    ),
    (
        EmployeeField::FirstName,
        &[
            "prenomcandidat",
            "prenom",
            "prenomducandidat",
            "prenomsalarie",
            "prenomdusalarie",
            "firstname",
        ],
    ),
    (
        EmployeeField::BirthDate,
        &[
            "datedenaissancecandidat",
            "datedenaissance",
            "datedenaissanceducandidat",
            "datedenaissanceducandidatiso8601",
            "naissance",
            "nele",
            "nee",
            "neele",
            "birthdate",
        ],
    ),
    (
        EmployeeField::Email,
        &[
            "emailcandidat",
            "email",
            "mail",
            "courriel",
            "adresseemailducandidat",
            "adressemail",
        ],
    ),
    (
        EmployeeField::Phone,
        &[
            "telephonecandidat",
            "telephone",
            "tel",
            "telephoneducandidat",
            "portable",
            "mobile",
        ],
    ),
    (
        EmployeeField::City,
        &["villecandidat", "ville", "commune", "villeducandidat"],
    ),
    (
        EmployeeField::Postcode,
        // The export writes the post code under "Département candidat".
        &[
            "departementcandidat",
            "codepostal",
            "cp",
            "codepostalcandidat",
        ],
    ),
    (
        EmployeeField::PassNumber,
        &[
            "numeropassiae",
            "numerodepassiae",
            "numerodupassiae",
            "npassiae",
            "passiae",
            "numeropass",
            "numerodagrement",
            "ndagrement",
            "ndepassiae",
            "npass",
            "numeroagrement",
            "nagrement",
            "agrement",
        ],
    ),
    (
        EmployeeField::PassStart,
        &[
            "debutpassiae",
            "datededebutdupassiae",
            "datededebutdupassiaeiso8601",
            "datedebutpassiae",
            "debutdupassiae",
            "datededebutpassiae",
            "debutagrement",
            "datededebutdagrement",
            "datededebutdelagrement",
        ],
    ),
    (
        EmployeeField::PassEnd,
        &[
            "finpassiae",
            "datedefindupassiae",
            "datedefindupassiaeiso8601",
            "datefinpassiae",
            "findupassiae",
            "datedefinpassiae",
            "finagrement",
            "datedefindagrement",
            "datedefindelagrement",
        ],
    ),
    (
        EmployeeField::PassStatus,
        &[
            "statutpassiae",
            "statutdupassiae",
            "etatdupassiae",
            "etatpassiae",
        ],
    ),
    (
        EmployeeField::HiringStart,
        &[
            "datesdedebutdembauche",
            "datededebutdembauche",
            "debutdembauche",
            "datedembauche",
            "dateembauche",
            "embauche",
            "debutcontrat",
            "debutducontrat",
            "datededebutducontrat",
            "debutdecontrat",
            "datededebutdecontrat",
        ],
    ),
    (
        EmployeeField::HiringEnd,
        &[
            "datesdefindembauche",
            "datedefindembauche",
            "findembauche",
            "fincontrat",
            "finducontrat",
            "datedefinducontrat",
            "findecontrat",
            "datedefindecontrat",
        ],
    ),
    (
        EmployeeField::PrescriberOrg,
        &[
            "nomorganisationprescripteur",
            "organisationprescriptrice",
            "organisationprescripteur",
            "organismeprescripteur",
            "structureprescriptrice",
            "nomprescripteur",
            "prescripteur",
            "orienteur",
        ],
    ),
    (
        EmployeeField::PrescriberContact,
        &[
            "nomutilisateurprescripteur",
            "contactprescripteur",
            "referentprescripteur",
            "conseillerprescripteur",
        ],
    ),
    (
        EmployeeField::Source,
        &["sourcedelacandidature", "sourcecandidature", "source"],
    ),
    (
        EmployeeField::ApplicationStatus,
        &[
            "statutdelacandidature",
            "etatdelacandidature",
            "statutcandidature",
        ],
    ),
];

/// Matches every column title to an employee field where it is obvious ("Numéro PASS IAE",
/// "N° d'agrément", "Dates de début d’embauche"…); each field is given to one column at
/// most (the first).
pub fn match_employee_headers(headers: &[String]) -> EmployeeMapping {
    match_columns::<EmployeeField>(headers)
}
