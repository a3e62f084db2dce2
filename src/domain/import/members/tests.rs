//! Unit tests of the parent module.
use super::*;
use crate::domain::baskets::Frequency;
use crate::domain::import::columns::match_headers;
use crate::domain::import::source::Table;
use crate::domain::text::collation_key;
use chrono::NaiveDate;

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        headers: strings(headers),
        rows: rows.iter().map(|r| strings(r)).collect(),
        header_line: 1,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

#[test]
fn rows_are_validated_with_french_reasons() {
    let t = table(
        &[
            "Nom",
            "Prénom",
            "Tél.",
            "Dépôt",
            "Panier",
            "Fréquence",
            "Nombre",
            "E-mail",
        ],
        &[
            &[
                "Durand",
                "Marie",
                "612345678",
                "Gare",
                "Petit",
                "quinzaine",
                "2",
                "",
            ],
            &["", "Paul", "", "", "", "", "", ""],
            &["Martin", "", "", "Gare", "", "", "", ""],
            &["Petit", "", "", "Gare", "Grand", "mensuel", "", ""],
            &["Roux", "", "", "Gare", "Grand", "", "zéro", ""],
            &["Blanc", "", "", "", "", "", "", "blanc.fr"],
        ],
    );
    let mapping = match_headers(&t.headers);
    let ok = validate_row(&t.rows[0], &mapping).unwrap();
    assert_eq!(ok.member.phone, "0612345678");
    let sub = ok.subscription.unwrap();
    assert_eq!((sub.frequency, sub.quantity), (Frequency::Fortnightly, 2));
    let reasons: Vec<String> = t.rows[1..]
        .iter()
        .map(|r| validate_row(r, &mapping).unwrap_err())
        .collect();
    assert_eq!(reasons[0], "Nom manquant.");
    assert!(
        reasons[1].contains("sans taille de panier"),
        "{}",
        reasons[1]
    );
    assert!(reasons[2].contains("Fréquence inconnue"), "{}", reasons[2]);
    assert!(
        reasons[3].contains("Nombre de paniers invalide"),
        "{}",
        reasons[3]
    );
    assert!(reasons[4].contains("E-mail invalide"), "{}", reasons[4]);
}

#[test]
fn phone_keys_compare_french_numbers() {
    assert_eq!(phone_key("+33 6 12 34 56 78"), "0612345678");
    assert_eq!(phone_key("06.12.34.56.78"), "0612345678");
    assert_eq!(phone_key("612345678"), "0612345678");
    assert_eq!(phone_key(""), "");
}

fn existing(id: i64, last: &str, first: &str, phone: &str) -> ExistingMember {
    let t = table(&["Nom", "Prénom", "Tél."], &[&[last, first, phone]]);
    let mut member = validate_row(&t.rows[0], &match_headers(&t.headers))
        .unwrap()
        .member;
    member.id = id;
    ExistingMember {
        member,
        subscription: None,
    }
}

#[test]
fn plan_creates_updates_skips_and_refuses_duplicates() {
    let context = ImportContext {
        members: vec![existing(7, "DURAND", "Marie", "06 12 34 56 78")],
        depots: vec![Named {
            id: 1,
            name: "Gare".into(),
        }],
        sizes: vec![Named {
            id: 2,
            name: "Petit".into(),
        }],
    };
    let t = table(
        &["Nom", "Prénom", "Tél.", "Ville", "Dépôt", "Panier"],
        &[
            &["Durand", "Marie", "0612345678", "Dole", "", ""],
            &["Lefèvre", "Élodie", "0700000000", "", "Mairie", "petit"],
            &["LEFEVRE", "elodie", "07 00 00 00 00", "", "", ""],
            &["Durand", "Marie", "0799999999", "", "", ""],
            &["Roux", "", "", "", "Mairie", "Grand"],
        ],
    );
    let mapping = match_headers(&t.headers);
    let mut resolutions = Resolutions::default();
    resolutions.sizes.insert("grand".into(), NameChoice::Reject);
    let plan = build_plan(
        &t,
        &mapping,
        &context,
        &resolutions,
        ExistingPolicy::Update,
        today(),
    );
    let actions: Vec<&RowAction> = plan.rows.iter().map(|r| &r.action).collect();
    assert_eq!(actions[0], &RowAction::Update(7));
    assert!(plan.rows[0].notes[0].contains("Ville"));
    assert_eq!(actions[1], &RowAction::Create);
    assert_eq!(
        plan.rows[1].targets,
        Some((Target::New("Mairie".into()), Target::Existing(2)))
    );
    assert_eq!(
        actions[2],
        &RowAction::Rejected("Même adhérent que la ligne 3 du fichier.".into())
    );
    assert_eq!(actions[3], &RowAction::Create);
    assert!(plan.rows[3].notes[0].contains("même nom"));
    assert_eq!(
        actions[4],
        &RowAction::Rejected("Panier « Grand » inconnu.".into())
    );
    assert_eq!(plan.new_depots, ["Mairie"]);
    assert!(plan.new_sizes.is_empty());
    let counts = plan.counts();
    assert_eq!(
        (counts.create, counts.update, counts.skip, counts.rejected),
        (2, 1, 0, 2)
    );

    let skip = build_plan(
        &t,
        &mapping,
        &context,
        &resolutions,
        ExistingPolicy::Skip,
        today(),
    );
    assert_eq!(skip.rows[0].action, RowAction::Skip(7));

    let csv = String::from_utf8(plan.rejected_csv()).unwrap();
    assert!(csv.starts_with("\u{feff}Ligne;Nom;Prénom;Tél.;Ville;Dépôt;Panier;Motif du refus\r\n"));
    assert!(
        csv.contains("6;Roux;;;;Mairie;Grand;Panier « Grand » inconnu."),
        "{csv}"
    );
}

#[test]
fn mapped_names_use_the_chosen_depot() {
    let context = ImportContext {
        members: vec![],
        depots: vec![Named {
            id: 1,
            name: "Gare".into(),
        }],
        sizes: vec![Named {
            id: 2,
            name: "Petit".into(),
        }],
    };
    let t = table(
        &["Nom", "Dépôt", "Panier"],
        &[&["Roux", "La gare", "Petit"]],
    );
    let mapping = match_headers(&t.headers);
    let (depots, sizes) = unknown_names(&t, &mapping, &context);
    assert_eq!((depots, sizes), (vec!["La gare".to_owned()], vec![]));
    let mut resolutions = Resolutions::default();
    resolutions
        .depots
        .insert(collation_key("La gare"), NameChoice::Use(1));
    let plan = build_plan(
        &t,
        &mapping,
        &context,
        &resolutions,
        ExistingPolicy::Update,
        today(),
    );
    assert_eq!(
        plan.rows[0].targets,
        Some((Target::Existing(1), Target::Existing(2)))
    );
    assert!(plan.new_depots.is_empty());
    assert_eq!(
        monday_of(today()),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    );
}

#[test]
fn even_and_odd_weeks_are_read_and_anchored() {
    assert_eq!(parse_parity("Semaines paires"), Some(WeekParity::Even));
    assert_eq!(parse_parity("quinzaine impaire"), Some(WeekParity::Odd));
    assert_eq!(parse_parity("IMPAIRES"), Some(WeekParity::Odd));
    assert_eq!(parse_parity("quinzaine"), None);
    assert_eq!(parse_parity("réparé"), None);
    assert_eq!(
        parse_frequency("semaines impaires"),
        Some(Frequency::Fortnightly)
    );
    assert_eq!(parse_frequency("Semaine"), Some(Frequency::Weekly));
    // Wednesday 4 March 2026 is in week 10 (even).
    let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert_eq!(anchor_for(day, Some(WeekParity::Even)), monday);
    assert_eq!(anchor_for(day, None), monday);
    let odd = anchor_for(day, Some(WeekParity::Odd));
    assert_eq!(odd, NaiveDate::from_ymd_opt(2026, 2, 23).unwrap());
    assert_eq!(parity_on(odd, day), WeekParity::Odd);
    assert_eq!(parity_on(monday, day), WeekParity::Even);
    // Seen a week later, the same subscription still names the same fortnight.
    let next = NaiveDate::from_ymd_opt(2026, 3, 11).unwrap();
    assert_eq!(parity_on(odd, next), WeekParity::Odd);
}

#[test]
fn a_row_asking_for_the_other_fortnight_changes_the_subscription() {
    let t = table(
        &["Nom", "Prénom", "Tél.", "Dépôt", "Panier", "Fréquence"],
        &[&[
            "Durand",
            "Léa",
            "0611223344",
            "Mairie",
            "Petit",
            "semaines impaires",
        ]],
    );
    let mut current = existing(7, "Durand", "Léa", "06 11 22 33 44");
    current.subscription = Some(crate::domain::baskets::Subscription {
        id: 70,
        member_id: 7,
        shared_with: None,
        size_id: 2,
        depot_id: 1,
        quantity: 1,
        start: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        end: None,
        frequency: Frequency::Fortnightly,
        // Week 2 (even) and every other week from it: the even fortnight.
        anchor_monday: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    });
    let context = ImportContext {
        members: vec![current],
        depots: vec![Named {
            id: 1,
            name: "Mairie".into(),
        }],
        sizes: vec![Named {
            id: 2,
            name: "Petit".into(),
        }],
    };
    let plan = build_plan(
        &t,
        &match_headers(&t.headers),
        &context,
        &Resolutions::default(),
        ExistingPolicy::Update,
        today(),
    );
    assert_eq!(plan.rows[0].action, RowAction::Update(7));
    assert!(
        plan.rows[0].notes[0].contains("semaines impaires"),
        "{:?}",
        plan.rows[0].notes
    );
    assert_eq!(plan.rows[0].replaces_subscription, Some(70));
}
