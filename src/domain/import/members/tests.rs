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
    // Same name as member 7, another phone: a namesake, asked about, not created.
    assert_eq!(actions[3], &RowAction::Check);
    assert_eq!(
        plan.rows[3].notes,
        ["À vérifier : homonyme de DURAND Marie."]
    );
    assert_eq!(
        actions[4],
        &RowAction::Rejected("Panier « Grand » inconnu.".into())
    );
    assert_eq!(plan.new_depots, ["Mairie"]);
    assert!(plan.new_sizes.is_empty());
    let counts = plan.counts();
    // Update (Durand), Create (Lefèvre), refused (same as line 3), Check (Durand, other
    // phone), refused (Grand).
    assert_eq!(
        (
            counts.create,
            counts.update,
            counts.skip,
            counts.check,
            counts.rejected
        ),
        (1, 1, 0, 1, 2)
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

/// Jeanne MOREAU (id 7) at 3 rue des Lilas, Petit basket at Gare (subscription 70); depots
/// Gare (1) and Mairie (3), size Petit (2); a file row with her name, another address and
/// depot `depot`, no phone or e-mail.
fn namesake_case(depot: &str) -> (Table, ImportContext) {
    let t = table(
        &["Nom", "Prénom", "Adresse", "Dépôt", "Panier"],
        &[&["Moreau", "Jeanne", "8 place du Marché", depot, "Petit"]],
    );
    let mut jeanne = existing(7, "MOREAU", "Jeanne", "");
    jeanne.member.address = "3 rue des Lilas".into();
    jeanne.member.postcode = "25000".into();
    jeanne.member.city = "Besançon".into();
    jeanne.subscription = Some(crate::domain::baskets::Subscription {
        id: 70,
        member_id: 7,
        shared_with: None,
        size_id: 2,
        depot_id: 1,
        quantity: 1,
        start: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        end: None,
        frequency: Frequency::Weekly,
        anchor_monday: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    });
    let named = |id, name: &str| Named {
        id,
        name: name.into(),
    };
    let context = ImportContext {
        members: vec![jeanne],
        depots: vec![named(1, "Gare"), named(3, "Mairie")],
        sizes: vec![named(2, "Petit")],
    };
    (t, context)
}

fn namesake_plan(t: &Table, context: &ImportContext, resolutions: &Resolutions) -> Plan {
    build_plan(
        t,
        &match_headers(&t.headers),
        context,
        resolutions,
        ExistingPolicy::Skip,
        today(),
    )
}

#[test]
fn a_namesake_is_asked_about_and_nothing_is_written_until_chosen() {
    let (t, context) = namesake_case("Mairie");
    let plan = namesake_plan(&t, &context, &Resolutions::default());
    let row = &plan.rows[0];
    assert_eq!(row.action, RowAction::Check);
    assert_eq!(row.action_label(), "À vérifier");
    assert_eq!(
        row.notes,
        ["À vérifier : homonyme de MOREAU Jeanne (Gare, 3 rue des Lilas 25000 Besançon)."]
    );
    assert_eq!(row.namesakes.len(), 1);
    assert_eq!(
        (row.namesakes[0].id, row.namesakes[0].name.as_str()),
        (7, "MOREAU Jeanne")
    );
    assert!(!row.subscribe);
    let counts = plan.counts();
    assert_eq!((counts.create, counts.update, counts.check), (0, 0, 1));

    // "Créer un nouveau foyer" for line 2: created with its subscription.
    let mut resolutions = Resolutions::default();
    resolutions.namesakes.insert(2, NamesakeChoice::CreateNew);
    let plan = namesake_plan(&t, &context, &resolutions);
    assert_eq!(plan.rows[0].action, RowAction::Create);
    assert!(plan.rows[0].subscribe);
    assert!(plan.rows[0].notes[0].starts_with("Nouveau foyer, homonyme de MOREAU Jeanne"));

    // "Mettre à jour MOREAU Jeanne": her address and subscription change, even though
    // existing members are otherwise left as they are (ExistingPolicy::Skip): it was asked.
    resolutions.namesakes.insert(2, NamesakeChoice::Update(7));
    let plan = namesake_plan(&t, &context, &resolutions);
    let row = &plan.rows[0];
    assert_eq!(row.action, RowAction::Update(7));
    assert!(
        row.notes
            .contains(&"Adresse : « 3 rue des Lilas » → « 8 place du Marché »".to_owned()),
        "{:?}",
        row.notes
    );
    assert_eq!(row.replaces_subscription, Some(70));
    assert_eq!(row.namesakes.len(), 1, "the choice can still be changed");

    // A stale choice (a member that is not her namesake) asks again.
    resolutions.namesakes.insert(2, NamesakeChoice::Update(99));
    let plan = namesake_plan(&t, &context, &resolutions);
    assert_eq!(plan.rows[0].action, RowAction::Check);

    // `--create-homonyms`: rows with no choice become new households.
    let plan = namesake_plan(
        &t,
        &context,
        &Resolutions {
            create_namesakes: true,
            ..Resolutions::default()
        },
    );
    assert_eq!(plan.rows[0].action, RowAction::Create);
}

#[test]
fn a_depot_only_a_namesake_row_wants_is_created_once_chosen() {
    let (t, context) = namesake_case("Marché couvert");
    let plan = namesake_plan(&t, &context, &Resolutions::default());
    assert_eq!(plan.rows[0].action, RowAction::Check);
    assert!(plan.new_depots.is_empty(), "{:?}", plan.new_depots);
    let mut resolutions = Resolutions::default();
    resolutions.namesakes.insert(2, NamesakeChoice::CreateNew);
    let plan = namesake_plan(&t, &context, &resolutions);
    assert_eq!(plan.new_depots, ["Marché couvert"]);
}

#[test]
fn same_name_and_same_depot_is_the_same_household_not_a_namesake() {
    let (t, context) = namesake_case("gare");
    let plan = namesake_plan(&t, &context, &Resolutions::default());
    assert_eq!(plan.rows[0].action, RowAction::Skip(7));
    assert!(plan.rows[0].namesakes.is_empty());
}
