//! Column matching, dates and row validation.
use super::*;
use crate::domain::employees::{Civility, Gender, PrescriberKind};
use crate::domain::import::columns::mapping_problem;

#[test]
fn every_column_of_the_export_is_recognised() {
    let mapping = match_employee_headers(&strings(&EXPORT_HEADERS));
    use EmployeeField::*;
    let expected = [
        Some(Civility),
        Some(LastName),
        Some(FirstName),
        Some(Email),
        Some(Phone),
        Some(BirthDate),
        Some(City),
        Some(Postcode),
        None,
        None,
        None,
        Some(Source),
        Some(PrescriberOrg),
        Some(PrescriberContact),
        None,
        Some(ApplicationStatus),
        Some(HiringStart),
        Some(HiringEnd),
        None,
        None,
        None,
        Some(PassNumber),
        Some(PassStart),
        Some(PassEnd),
        Some(PassStatus),
    ];
    assert_eq!(mapping, expected);
    assert_eq!(mapping_problem(&mapping), None);
}

#[test]
fn other_spellings_are_recognised_whatever_the_accents_and_case() {
    let mapping = match_employee_headers(&strings(&[
        "NOM",
        "prénom",
        "N° d'agrément",
        "Date de début du PASS IAE (ISO 8601)",
        "DATE DE FIN DU PASS IAE",
        "Date d'embauche",
        "Fin de contrat",
        "Organisation prescriptrice",
        "Né(e) le",
    ]));
    use EmployeeField::*;
    assert_eq!(
        mapping,
        [
            Some(LastName),
            Some(FirstName),
            Some(PassNumber),
            Some(PassStart),
            Some(PassEnd),
            Some(HiringStart),
            Some(HiringEnd),
            Some(PrescriberOrg),
            Some(BirthDate),
        ]
    );
    let missing = match_employee_headers(&strings(&["Nom", "Numéro PASS IAE"]));
    assert!(mapping_problem(&missing).unwrap().contains("prénom"));
}

#[test]
fn rows_are_validated_with_the_column_named() {
    let headers = strings(&EXPORT_HEADERS);
    let mapping = match_employee_headers(&headers);
    let read = |row: Vec<String>| validate_row(&row, &headers, &mapping, today());
    let row = export_row([
        "MME",
        "Bérard",
        "Léa",
        "12/05/90",
        "99999 25 12345",
        "02/03/2025",
        "",
        "03/03/2025",
        "02/09/2025",
        "Mission locale du Doubs",
    ]);
    let RowRead::Hire(draft) = read(row.clone()).unwrap() else {
        panic!("not a hire");
    };
    assert_eq!(draft.civility, Civility::Madam);
    assert_eq!(draft.gender, Some(Gender::Female));
    assert_eq!(draft.birth_date, Some(d("1990-05-12")));
    let pass = draft.pass.clone().unwrap();
    assert_eq!(pass.number, "999992512345");
    assert_eq!(pass.end, d("2027-03-01"));
    assert!(!pass.end_given);
    assert_eq!(draft.prescriber_kind, PrescriberKind::MissionLocale);
    assert_eq!(draft.postcode, "25000");

    let mut rounded = row.clone();
    rounded[21] = "9,99993E+11".into();
    let error = read(rounded).unwrap_err();
    assert!(error.contains("Colonne « Numéro PASS IAE »"), "{error}");
    assert!(error.contains("format Texte"), "{error}");

    let mut short = row.clone();
    short[21] = "99999".into();
    assert!(read(short).unwrap_err().contains("12 caractères"));

    let mut bad_date = row.clone();
    bad_date[16] = "31/02/2026".into();
    assert_eq!(
        read(bad_date).unwrap_err(),
        "Colonne « Dates de début d’embauche » : date illisible « 31/02/2026 » (attendu : 28/11/2026)."
    );

    let mut no_start = row.clone();
    no_start[22] = String::new();
    assert!(read(no_start).unwrap_err().contains("sans date de début"));

    let mut civility = row.clone();
    civility[0] = "Dr".into();
    assert!(
        read(civility)
            .unwrap_err()
            .contains("civilité inconnue « Dr »")
    );

    let mut open = row;
    open[15] = "Nouvelle candidature".into();
    assert_eq!(
        read(open).unwrap(),
        RowRead::NotHired("Nouvelle candidature".into())
    );
}

#[test]
fn prescriber_kinds_are_guessed_from_the_organisation() {
    use PrescriberKind::*;
    for (org, kind) in [
        ("France Travail - Agence de Dole", FranceTravail),
        ("Pôle emploi Besançon", FranceTravail),
        ("MISSION LOCALE DU GRAND BESANCON", MissionLocale),
        ("SPIP du Doubs", Spip),
        ("CCAS de Pontarlier", Ccas),
        ("Conseil départemental du Jura", Departement),
        ("Association Les Amis", Other),
        // "ase" inside a word is not the ASE.
        ("Base nautique", Other),
    ] {
        assert_eq!(guess_prescriber_kind(org, ""), kind, "{org}");
    }
    assert_eq!(
        guess_prescriber_kind("", "Candidature spontanée"),
        Spontaneous
    );
}
