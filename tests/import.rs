//! Member import from CSV (Windows-1252, UTF-8 with BOM, tabs) and XLSX files, through the
//! preview, into the database in one transaction.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use binette::domain::baskets::{BasketSize, Depot, Frequency, Member, MemberStatus};
use binette::domain::import::columns::{MemberField, match_headers};
use binette::domain::import::members::{
    ExistingPolicy, NameChoice, Plan, Resolutions, RowAction, build_plan,
};
use binette::domain::text::collation_key;
use binette::store::import::{ApplyOptions, apply_member_import, load_context, read_table};
use binette::store::{Connection, StoreError, baskets, members, open_in_memory};
use chrono::{NaiveDate, Weekday};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    baskets::insert_depot(&conn, &Depot::new("Gare", Weekday::Thu)).unwrap();
    for name in ["Petit", "Grand"] {
        baskets::insert_basket_size(
            &conn,
            &BasketSize {
                id: 0,
                name: name.into(),
                persons: String::new(),
                position: 0,
                active: true,
            },
        )
        .unwrap();
    }
    conn
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn plan_for(conn: &Connection, path: &Path, policy: ExistingPolicy) -> Plan {
    let (table, _) = read_table(path).unwrap();
    let mapping = match_headers(&table.headers);
    let context = load_context(conn, today()).unwrap();
    build_plan(
        &table,
        &mapping,
        &context,
        &Resolutions::default(),
        policy,
        today(),
    )
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn member_named(conn: &Connection, last: &str) -> Member {
    members::list_members(conn)
        .unwrap()
        .into_iter()
        .find(|m| m.last_name == last)
        .unwrap_or_else(|| panic!("{last} absent"))
}

#[test]
fn windows_1252_semicolon_csv_from_french_excel() {
    let dir = tempfile::tempdir().unwrap();
    // "Prénom;NOM;Tél.;Dépôt;Panier" in Windows-1252: é = E9, ô = F4, è = E8, ï = EF.
    let bytes = b"Pr\xe9nom;NOM;T\xe9l.;D\xe9p\xf4t;Panier\r\n\
        \xc9lodie;Lef\xe8vre;06 12 34 56 78;Gare;Petit\r\n\
        Ana\xefs;\"Martin; dite Nana\";0700000000;March\xe9 couvert;grand\r\n";
    let path = write(dir.path(), "adherents.csv", bytes);
    let (table, format) = read_table(&path).unwrap();
    assert_eq!(format, "CSV Windows-1252 (ANSI), séparateur point-virgule");
    assert_eq!(table.headers, ["Prénom", "NOM", "Tél.", "Dépôt", "Panier"]);
    assert_eq!(
        match_headers(&table.headers),
        vec![
            Some(MemberField::FirstName),
            Some(MemberField::LastName),
            Some(MemberField::Phone),
            Some(MemberField::Depot),
            Some(MemberField::Size),
        ]
    );

    let conn = garden();
    let plan = plan_for(&conn, &path, ExistingPolicy::Update);
    assert_eq!(plan.new_depots, ["Marché couvert"]);
    assert!(
        plan.new_sizes.is_empty(),
        "« grand » is the existing « Grand »"
    );
    let report = apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap();
    assert_eq!((report.created, report.subscriptions), (2, 2));
    assert_eq!(report.depots_created, ["Marché couvert"]);

    let elodie = member_named(&conn, "Lefèvre");
    assert_eq!(
        (elodie.first_name.as_str(), elodie.phone.as_str()),
        ("Élodie", "06 12 34 56 78")
    );
    assert_eq!(elodie.status, MemberStatus::Active);
    let anais = member_named(&conn, "Martin; dite Nana");
    assert_eq!(anais.first_name, "Anaïs");
    let subs = baskets::subscriptions_of(&conn, anais.id).unwrap();
    assert_eq!(subs.len(), 1);
    let depot = baskets::get_depot(&conn, subs[0].depot_id).unwrap();
    assert_eq!(
        (depot.name.as_str(), depot.weekday),
        ("Marché couvert", Weekday::Tue)
    );
    assert_eq!(
        baskets::get_basket_size(&conn, subs[0].size_id)
            .unwrap()
            .name,
        "Grand"
    );
    assert_eq!(subs[0].start, today());
    assert_eq!(
        subs[0].anchor_monday,
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    );
}

#[test]
fn utf8_bom_comma_and_tab_separated_files() {
    let dir = tempfile::tempdir().unwrap();
    let comma = write(
        dir.path(),
        "a.csv",
        "\u{feff}Nom,Prénom,E-mail,Code postal,Ville,Dépôt,Type de panier,Fréquence\n\
         Dupont,Zoé,zoe@exemple.fr,1000,Bourg,Gare,Petit,quinzaine\n"
            .as_bytes(),
    );
    let (table, format) = read_table(&comma).unwrap();
    assert_eq!(format, "CSV UTF-8, séparateur virgule");
    assert_eq!(
        table.headers[0], "Nom",
        "the BOM is not part of the first title"
    );
    let tab = write(
        dir.path(),
        "b.txt",
        "NOM\tPrénom\tPortable\tAdresse\tCP\tVille\nN'Diaye\tAwa\t0611223344\t3, rue des Lilas\t39100\tDole\n"
            .as_bytes(),
    );
    assert_eq!(
        read_table(&tab).unwrap().1,
        "CSV UTF-8, séparateur tabulation"
    );

    let conn = garden();
    for path in [&comma, &tab] {
        let plan = plan_for(&conn, path, ExistingPolicy::Update);
        apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap();
    }
    let zoe = member_named(&conn, "Dupont");
    assert_eq!(
        (zoe.email.as_str(), zoe.postcode.as_str()),
        ("zoe@exemple.fr", "01000")
    );
    let sub = &baskets::subscriptions_of(&conn, zoe.id).unwrap()[0];
    assert_eq!(sub.frequency, Frequency::Fortnightly);
    let awa = member_named(&conn, "N'Diaye");
    assert_eq!(
        (awa.phone.as_str(), awa.address.as_str(), awa.city.as_str()),
        ("0611223344", "3, rue des Lilas", "Dole")
    );
    assert!(baskets::subscriptions_of(&conn, awa.id).unwrap().is_empty());
}

#[test]
fn xlsx_written_then_read_back_with_calamine() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("adherents.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, title) in [
        "Nom",
        "Prénom",
        "Téléphone",
        "Dépôt",
        "Panier",
        "Nombre",
        "Début",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *title).unwrap();
    }
    sheet.write_string(1, 0, "Bérard").unwrap();
    sheet.write_string(1, 1, "Léa").unwrap();
    // Phone typed as a number: Excel drops the leading zero.
    sheet.write_number(1, 2, 612345678.0).unwrap();
    sheet.write_string(1, 3, "Gare").unwrap();
    sheet.write_string(1, 4, "Familial").unwrap();
    sheet.write_number(1, 5, 2.0).unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let start = ExcelDateTime::from_ymd(2026, 4, 9).unwrap();
    sheet
        .write_datetime_with_format(1, 6, &start, &date_format)
        .unwrap();
    workbook.save(&path).unwrap();

    let (table, format) = read_table(&path).unwrap();
    assert_eq!(format, "classeur XLSX");
    assert_eq!(
        table.rows[0],
        [
            "Bérard",
            "Léa",
            "612345678",
            "Gare",
            "Familial",
            "2",
            "09/04/2026"
        ]
    );
    let conn = garden();
    let plan = plan_for(&conn, &path, ExistingPolicy::Update);
    assert_eq!(plan.new_sizes, ["Familial"]);
    let report = apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap();
    assert_eq!(report.sizes_created, ["Familial"]);
    let lea = member_named(&conn, "Bérard");
    assert_eq!(lea.phone, "0612345678");
    let sub = &baskets::subscriptions_of(&conn, lea.id).unwrap()[0];
    assert_eq!(sub.quantity, 2);
    assert_eq!(sub.start, NaiveDate::from_ymd_opt(2026, 4, 9).unwrap());
    assert_eq!(
        sub.anchor_monday,
        NaiveDate::from_ymd_opt(2026, 4, 6).unwrap()
    );
}

fn two_members_file(dir: &Path) -> PathBuf {
    write(
        dir,
        "m.csv",
        "Nom;Prénom;Tél.;Ville;Dépôt;Panier\n\
         Durand;Marie;06 12 34 56 78;Dole;Gare;Petit\n\
         Roux;Paul;0700000000;;Gare;Petit\n"
            .as_bytes(),
    )
}

#[test]
fn existing_members_are_updated_or_skipped_never_duplicated() {
    let dir = tempfile::tempdir().unwrap();
    let first = two_members_file(dir.path());
    let conn = garden();
    apply_member_import(
        &conn,
        &plan_for(&conn, &first, ExistingPolicy::Update),
        &ApplyOptions::default(),
    )
    .unwrap();
    assert_eq!(count(&conn, "member"), 2);

    // Same people: Marie moved to a grand basket and Lons; Paul's phone written otherwise.
    let second = write(
        dir.path(),
        "m2.csv",
        "Nom;Prénom;Tél.;Ville;Dépôt;Panier\n\
         DURAND;marie;+33 6 12 34 56 78;Lons;Gare;Grand\n\
         Roux;Paul;07.00.00.00.00;;Gare;Petit\n"
            .as_bytes(),
    );
    let skip = plan_for(&conn, &second, ExistingPolicy::Skip);
    let report = apply_member_import(&conn, &skip, &ApplyOptions::default()).unwrap();
    assert_eq!((report.created, report.updated, report.skipped), (0, 0, 2));
    assert_eq!(member_named(&conn, "Durand").city, "Dole");

    let update = plan_for(&conn, &second, ExistingPolicy::Update);
    assert!(matches!(update.rows[0].action, RowAction::Update(_)));
    assert!(
        update.rows[0]
            .notes
            .iter()
            .any(|n| n.contains("Ville : « Dole » → « Lons »"))
    );
    assert!(
        update.rows[0]
            .notes
            .iter()
            .any(|n| n.starts_with("Abonnement : Petit à Gare"))
    );
    assert!(
        matches!(update.rows[1].action, RowAction::Skip(_)),
        "Paul is up to date"
    );
    let report = apply_member_import(&conn, &update, &ApplyOptions::default()).unwrap();
    assert_eq!((report.created, report.updated, report.skipped), (0, 1, 1));
    assert_eq!(count(&conn, "member"), 2);
    let marie = member_named(&conn, "Durand");
    assert_eq!(
        (marie.city.as_str(), marie.first_name.as_str()),
        ("Lons", "Marie")
    );
    // The subscription started today is replaced, not doubled.
    let subs = baskets::subscriptions_of(&conn, marie.id).unwrap();
    assert_eq!(subs.len(), 1);
    assert_eq!(
        baskets::get_basket_size(&conn, subs[0].size_id)
            .unwrap()
            .name,
        "Grand"
    );
}

#[test]
fn bad_rows_are_refused_with_their_reason_and_the_others_go_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "m.csv",
        "Nom;Prénom;Dépôt;Panier;Nombre\n\
         Durand;Marie;Gare;Petit;1\n\
         ;Paul;Gare;Petit;1\n\
         Roux;Jean;Gare;Petit;deux\n\
         Blanc;Eve;Gare;Moyen;1\n"
            .as_bytes(),
    );
    let (table, _) = read_table(&path).unwrap();
    let mapping = match_headers(&table.headers);
    let conn = garden();
    let context = load_context(&conn, today()).unwrap();
    let mut resolutions = Resolutions::default();
    resolutions
        .sizes
        .insert(collation_key("Moyen"), NameChoice::Reject);
    let plan = build_plan(
        &table,
        &mapping,
        &context,
        &resolutions,
        ExistingPolicy::Update,
        today(),
    );
    let report = apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap();
    assert_eq!(report.created, 1);
    assert_eq!(
        report.rejected,
        vec![
            (3, "Nom manquant.".to_owned()),
            (
                4,
                "Nombre de paniers invalide : « deux » (un nombre entier, au moins 1).".to_owned()
            ),
            (5, "Panier « Moyen » inconnu.".to_owned()),
        ]
    );
    assert_eq!(count(&conn, "member"), 1);
    assert_eq!(
        count(&conn, "basket_size"),
        2,
        "a refused size is not created"
    );
    let csv = String::from_utf8(plan.rejected_csv()).unwrap();
    assert!(
        csv.contains("3;;Paul;Gare;Petit;1;Nom manquant.\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn cancelling_after_the_preview_leaves_the_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "m.csv",
        "Nom;Dépôt;Panier\nDurand;Nouveau;Énorme\n".as_bytes(),
    );
    let conn = garden();
    let before = (
        count(&conn, "member"),
        count(&conn, "depot"),
        count(&conn, "basket_size"),
    );
    let plan = plan_for(&conn, &path, ExistingPolicy::Update);
    assert_eq!(plan.counts().create, 1);
    drop(plan); // the user clicks « Annuler »
    let after = (
        count(&conn, "member"),
        count(&conn, "depot"),
        count(&conn, "basket_size"),
    );
    assert_eq!(before, after);
}

#[test]
fn a_failure_in_the_middle_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = two_members_file(dir.path());
    let conn = garden();
    apply_member_import(
        &conn,
        &plan_for(&conn, &first, ExistingPolicy::Update),
        &ApplyOptions::default(),
    )
    .unwrap();
    let path = write(
        dir.path(),
        "m2.csv",
        "Nom;Prénom;Tél.;Ville;Dépôt;Panier\n\
         Abel;Ana;0600000001;;Neuf;Petit\n\
         Durand;Marie;06 12 34 56 78;Lons;Gare;Petit\n\
         Zola;Émile;0600000002;;Gare;Petit\n"
            .as_bytes(),
    );
    let plan = plan_for(&conn, &path, ExistingPolicy::Update);
    assert!(matches!(plan.rows[1].action, RowAction::Update(_)));
    // Marie is deleted between the preview and the import: her update fails mid-way.
    members::delete_member(&conn, member_named(&conn, "Durand").id).unwrap();
    let before = (
        count(&conn, "member"),
        count(&conn, "depot"),
        count(&conn, "subscription"),
    );
    let error = apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap_err();
    assert!(matches!(error, StoreError::NotFound(_)), "{error:?}");
    let after = (
        count(&conn, "member"),
        count(&conn, "depot"),
        count(&conn, "subscription"),
    );
    assert_eq!(
        before, after,
        "neither Abel, nor the « Neuf » depot, nor Zola"
    );
}

#[test]
fn an_empty_or_unreadable_file_says_so_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "vide.csv", b"\r\n");
    assert!(read_table(&empty).unwrap_err().to_string().contains("vide"));
    let fake = write(dir.path(), "faux.xlsx", b"pas un classeur");
    assert!(
        read_table(&fake)
            .unwrap_err()
            .to_string()
            .contains("ne peut pas être lu")
    );
}

#[test]
fn even_and_odd_weeks_deliver_in_the_weeks_the_file_names() {
    use binette::domain::calendar::IsoWeek;
    use binette::store::week::coming_baskets;
    let conn = garden();
    let dir = tempfile::tempdir().unwrap();
    // Wednesday 4 March 2026 is in week 10; the Gare depot delivers on Thursdays.
    let path = write(
        dir.path(),
        "quinzaines.csv",
        "Nom;Prénom;Dépôt;Panier;Fréquence\nPair;Paul;Gare;Petit;Semaines paires\nImpair;Inès;Gare;Petit;semaines impaires\n"
            .as_bytes(),
    );
    let plan = plan_for(&conn, &path, ExistingPolicy::Update);
    apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap();
    for (last, even) in [("Pair", true), ("Impair", false)] {
        let member = member_named(&conn, last);
        let weeks: Vec<u32> = coming_baskets(&conn, member.id, IsoWeek::of(today()), 6)
            .unwrap()
            .into_iter()
            .filter(|b| b.baskets_for_member() > 0)
            .map(|b| b.week.week())
            .collect();
        assert_eq!(weeks.len(), 3, "{last}: {weeks:?}");
        assert!(
            weeks.iter().all(|w| (w % 2 == 0) == even),
            "{last}: {weeks:?}"
        );
    }
}

#[test]
fn importing_the_same_file_twice_creates_nobody_twice_even_without_phone_or_email() {
    let dir = tempfile::tempdir().unwrap();
    // Jeanne has neither phone nor e-mail but an address; Louis neither, only a depot;
    // Marie has a phone.
    let file = write(
        dir.path(),
        "sans-contact.csv",
        "Nom;Prénom;Tél.;Adresse;Code postal;Dépôt;Panier\n\
         Moreau;Jeanne;;3 rue des Lilas;25000;Gare;Petit\n\
         Blanc;Louis;;;;Gare;Petit\n\
         Durand;Marie;06 12 34 56 78;;;Gare;Petit\n"
            .as_bytes(),
    );
    let conn = garden();
    for _ in 0..2 {
        let plan = plan_for(&conn, &file, ExistingPolicy::Update);
        apply_member_import(&conn, &plan, &ApplyOptions::default()).unwrap();
    }
    assert_eq!(count(&conn, "member"), 3, "nobody created twice");
    assert_eq!(count(&conn, "subscription"), 3, "no subscription doubled");
    // The second run finds them all up to date.
    let again = plan_for(&conn, &file, ExistingPolicy::Update);
    let counts = again.counts();
    assert_eq!((counts.create, counts.skip), (0, 3));

    // A namesake at another address and another depot may be another household or the same
    // one moved: nothing is written until the office chooses (« À vérifier »).
    let other = write(
        dir.path(),
        "homonyme.csv",
        "Nom;Prénom;Adresse;Dépôt;Panier\nMoreau;Jeanne;8 place du Marché;Mairie;Petit\n"
            .as_bytes(),
    );
    let plan = plan_for(&conn, &other, ExistingPolicy::Update);
    assert_eq!(plan.rows[0].action, RowAction::Check);
    assert!(
        plan.rows[0]
            .notes
            .iter()
            .any(|n| n.contains("homonyme de MOREAU Jeanne")),
        "{:?}",
        plan.rows[0].notes
    );
}
