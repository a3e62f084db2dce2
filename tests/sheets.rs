//! The weekly print set, read back from the PDFs: on a hand-made garden and on the demo.
#![allow(clippy::unwrap_used)]

use binette::domain::calendar::IsoWeek;
use binette::report::weekly::{
    ALL_SHEETS_FILE, PACKING_FILE, SUMMARY_FILE, depot_file_names, emargement_pdf, packing_pdf,
    render_print_set, summary_pdf,
};
use binette::store::sheets::{PrintSet, print_set_data};
use binette::store::week::{next_delivery_week, week_plan};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn week(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

/// The text of each page.
fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| doc.extract_text(&[p]).expect("text"))
        .collect()
}

fn text(bytes: &[u8]) -> String {
    pages_text(bytes).join("\n")
}

/// Two sizes; depots "Salle des fêtes" (Thursday, 1), "Épicerie du Moulin" (Monday, 2) and
/// "La Gare" (Wednesday, 3); week 2026-W48: Monday 23 to Sunday 29 November 2026.
/// Members: Élodie Étienne (Paniers Solidaires, funded by "Caf du Doubs"), Eddy Emery,
/// Emile Abadie, Zoé Zimmer (away, basket not prepared), Luc Lefèvre (2 grand baskets,
/// shared with Anne Martin), Anne Martin (Monday depot), Hugo Durand (Wednesday depot).
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin des Prés');
         INSERT INTO basket_size (id, name, persons, position) VALUES
             (1, 'Petit', '2 personnes', 1), (2, 'Grand', '4 personnes', 2);
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES
             (1, '2026-01-01', 1137), (2, '2026-01-01', 1649);
         INSERT INTO depot (id, name, address, postcode, city, weekday, slot_start, slot_end) VALUES
             (1, 'Salle des fêtes', '2 place de l''Église', '25290', 'Ornans', 4, '17:00', '19:00'),
             (2, 'Épicerie du Moulin', '', '', '', 1, '', ''),
             (3, 'La Gare', '', '', '', 3, '', '');
         INSERT INTO member (id, last_name, first_name, co_member, phone, notes) VALUES
             (1, 'Étienne', 'Élodie', '', '06 11 22 33 44', 'suivie par la CAF'),
             (2, 'Emery', 'Eddy', 'Julie Roux', '', ''),
             (3, 'Abadie', 'Emile', '', '', ''),
             (4, 'Zimmer', 'Zoé', '', '', ''),
             (5, 'Lefèvre', 'Luc', '', '', ''),
             (6, 'Martin', 'Anne', '', '', ''),
             (7, 'Durand', 'Hugo', '', '', '');
         INSERT INTO subscription (id, member_id, shared_with, size_id, depot_id, quantity,
                                   start_date, frequency, anchor_monday) VALUES
             (1, 1, NULL, 1, 1, 1, '2026-01-01', 'hebdo', '2025-12-29'),
             (2, 2, NULL, 2, 1, 1, '2026-01-01', 'hebdo', '2025-12-29'),
             (3, 3, NULL, 1, 1, 1, '2026-01-01', 'hebdo', '2025-12-29'),
             (4, 4, NULL, 1, 1, 1, '2026-01-01', 'hebdo', '2025-12-29'),
             (5, 5, 6, 2, 1, 2, '2026-01-01', 'hebdo', '2025-12-29'),
             (6, 6, NULL, 1, 2, 1, '2026-01-01', 'hebdo', '2025-12-29'),
             (7, 7, NULL, 2, 3, 1, '2026-01-01', 'hebdo', '2025-12-29');
         INSERT INTO funder (id, name, kind) VALUES (1, 'Caf du Doubs', 'caf');
         INSERT INTO solidarity_terms (id, subscription_id, start_date, share_kind, share_value,
                                       social_worker, referring_body) VALUES
             (1, 1, '2026-01-01', 'montant', 300, 'Mme Dupuis', 'CCAS d''Ornans');
         INSERT INTO solidarity_terms_funding (terms_id, funder_id, share_percent) VALUES (1, 1, 100);
         INSERT INTO absence (member_id, start_date, end_date, mode) VALUES
             (4, '2026-11-20', '2026-11-30', 'non_prepare');
         INSERT INTO crop (id, name) VALUES (1, 'Poireau'), (2, 'Mâche');
         INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit) VALUES
             ('2026-11-23', 1, 1, 1.0, 'kg'), ('2026-11-23', 2, 1, 1.5, 'kg'),
             ('2026-11-23', 2, 2, 0.25, 'kg');
         INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
             ('2026-11-23', 1, 4.0, 'kg', 'paniers');",
    )
    .unwrap();
    conn
}

fn set_of(conn: &Connection, w: IsoWeek) -> PrintSet {
    print_set_data(conn, w).unwrap().expect("a delivery week")
}

/// Words that must never reach a depot sheet or the summary.
const FORBIDDEN: [&str; 7] = ["solidaire", "caf", "ccas", "€", "tarif", "prix", "financ"];
/// The same, for the hand-made garden: its prices, social worker and member notes.
const FIXTURE_FORBIDDEN: [&str; 4] = ["11,37", "16,49", "dupuis", "suivie par"];

fn assert_clean(label: &str, text: &str, allowed_names: &[String]) {
    let mut lower = text.to_lowercase();
    for name in allowed_names {
        lower = lower.replace(&name.to_lowercase(), "");
    }
    for word in FORBIDDEN {
        assert!(
            !lower.contains(word),
            "« {word} » printed in {label}:\n{text}"
        );
    }
}

#[test]
fn a_week_without_delivery_gives_nothing() {
    let conn = garden();
    conn.execute_batch("INSERT INTO closure (monday, reason) VALUES ('2026-11-23', 'Inventaire');")
        .unwrap();
    assert!(print_set_data(&conn, week(2026, 48)).unwrap().is_none());
    assert!(print_set_data(&conn, week(2026, 49)).unwrap().is_some());
}

#[test]
fn sheet_lists_members_alphabetically_once_with_absent_marked() {
    let conn = garden();
    let set = set_of(&conn, week(2026, 48));
    assert_eq!(set.depots.len(), 3);
    let hall = &set.depots[2];
    assert_eq!(hall.name, "Salle des fêtes");
    let names: Vec<&str> = hall.rows.iter().map(|r| r.last_name.as_str()).collect();
    // French order: accents ignored, "Étienne" with the E's.
    assert_eq!(names, ["Abadie", "Emery", "Étienne", "Lefèvre", "Zimmer"]);
    let zimmer = hall.rows.iter().find(|r| r.last_name == "Zimmer").unwrap();
    assert!(zimmer.absent);
    assert_eq!(zimmer.baskets, 0);
    let lefevre = hall.rows.iter().find(|r| r.last_name == "Lefèvre").unwrap();
    assert_eq!(lefevre.baskets, 2);
    assert_eq!(lefevre.co_member, "partagé avec Anne Martin");

    let pdf = emargement_pdf(&set, Some(hall.depot_id)).unwrap();
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 1);
    let page = &pages[0];
    for name in ["Abadie", "Emery", "Étienne", "Lefèvre", "Zimmer"] {
        assert_eq!(page.matches(name).count(), 1, "{name} once:\n{page}");
    }
    // Members of the other depots are not on this sheet.
    assert!(!page.contains("Durand"));
    assert!(page.contains("Page 1 / 1"));
    assert!(page.contains("Salle des fêtes"));
    assert!(page.contains("Jeudi 26 novembre 2026"));
    assert!(page.contains("2 place de l'Église, 25290 Ornans"));
    assert!(
        !page.contains("06 11 22 33 44"),
        "phones are off unless asked for"
    );
    // Zimmer's row ends with ABSENT, before the next name would start.
    let after = &page[page.find("Zimmer").unwrap()..];
    assert!(after.contains("ABSENT"), "{page}");
    let abadie_row = &page[page.find("Abadie").unwrap()..page.find("Emery").unwrap()];
    assert!(!abadie_row.contains("ABSENT"));
    // Alphabetical order on paper too.
    let pos = |n: &str| page.find(n).unwrap();
    assert!(pos("Abadie") < pos("Emery"));
    assert!(pos("Emery") < pos("Étienne"));
    assert!(pos("Étienne") < pos("Lefèvre"));
    assert!(pos("Lefèvre") < pos("Zimmer"));
    // Composition and counts, and how to tick.
    assert!(page.contains("Poireau 1 kg"), "{page}");
    assert!(page.contains("Poireau 1,5 kg, Mâche 0,25 kg"), "{page}");
    assert!(page.contains("Petit 2 · Grand 3"), "{page}");
    assert!(page.contains("faites signer ou cochez"), "{page}");
    assert!(page.contains("1 absent"), "{page}");
}

#[test]
fn counts_per_size_match_the_distribution_plan() {
    let conn = garden();
    let w = week(2026, 48);
    let set = set_of(&conn, w);
    let plan = week_plan(&conn, w).unwrap();
    for sheet in &set.depots {
        let depot = plan
            .depots
            .iter()
            .find(|d| d.depot_id == sheet.depot_id)
            .unwrap();
        let by_size = depot.baskets_by_size();
        for (size, count) in set.sizes.iter().zip(&sheet.counts) {
            assert_eq!(*count, by_size.get(&size.id).copied().unwrap_or(0));
        }
        assert_eq!(sheet.total, depot.total_baskets());
    }
    assert_eq!(set.totals, [2 + 1, 3 + 1]);
    let summary = text(&summary_pdf(&set).unwrap());
    assert!(summary.contains("En tout : 7 paniers"), "{summary}");
    assert!(summary.contains("Salle des fêtes"));
    assert!(summary.contains("Épicerie du Moulin"));
    // Packing: Poireau 3 × 1 kg + 4 × 1.5 kg = 9 kg needed, 4 kg harvested, 5 kg short.
    let poireau = set.needs.iter().find(|n| n.crop_name == "Poireau").unwrap();
    assert_eq!(poireau.needed, 9.0);
    assert_eq!(poireau.shortage(), Some(5.0));
    let packing = text(&packing_pdf(&set).unwrap());
    assert!(packing.contains("9 kg"), "{packing}");
    assert!(packing.contains("5 kg"), "{packing}");
    assert!(packing.contains("insuffisante"), "{packing}");
}

#[test]
fn no_social_data_no_price_no_solidarity_marker() {
    let conn = garden();
    let set = set_of(&conn, week(2026, 48));
    let all = text(&emargement_pdf(&set, None).unwrap());
    assert!(all.contains("Étienne"));
    assert_clean("the émargement sheets", &all, &[]);
    for word in FIXTURE_FORBIDDEN {
        assert!(
            !all.to_lowercase().contains(word),
            "« {word} » printed:\n{all}"
        );
    }
    assert_clean("the summary", &text(&summary_pdf(&set).unwrap()), &[]);
    for sheet in &set.depots {
        let one = text(&emargement_pdf(&set, Some(sheet.depot_id)).unwrap());
        assert_clean(&sheet.name, &one, &[]);
    }
}

#[test]
fn a_long_depot_spans_pages_numbered_per_depot() {
    let conn = garden();
    let mut sql = String::new();
    for i in 0..80 {
        sql.push_str(&format!(
            "INSERT INTO member (id, last_name, first_name) VALUES ({id}, 'Nom{i:03}', 'Prénom');
             INSERT INTO subscription (member_id, size_id, depot_id, quantity, start_date, anchor_monday)
             VALUES ({id}, 1, 2, 1, '2026-01-01', '2025-12-29');",
            id = 100 + i
        ));
    }
    conn.execute_batch(&sql).unwrap();
    let set = set_of(&conn, week(2026, 48));
    let moulin = set.depots.iter().find(|d| d.depot_id == 2).unwrap();
    assert_eq!(moulin.rows.len(), 81);
    let pages = pages_text(&emargement_pdf(&set, Some(2)).unwrap());
    let n = pages.len();
    assert!(n >= 3, "81 rows need several pages, got {n}");
    let joined = pages.join("\n");
    for i in 0..80 {
        assert_eq!(joined.matches(&format!("Nom{i:03}")).count(), 1);
    }
    for (p, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} / {n}", p + 1)), "{page}");
        // Counts and composition repeated on every page.
        assert!(page.contains("Poireau 1 kg"), "page {}: {page}", p + 1);
        assert!(page.contains("Épicerie du Moulin"));
    }
    // In the all-depots file each depot counts its own pages.
    let all = pages_text(&emargement_pdf(&set, None).unwrap());
    assert_eq!(all.len(), n + 2);
    assert!(all[0].contains("Épicerie du Moulin"));
    assert!(all[0].contains(&format!("Page 1 / {n}")));
    assert!(all[n - 1].contains(&format!("Page {n} / {n}")));
    assert!(all[n].contains("La Gare") && all[n].contains("Page 1 / 1"));
    assert!(all[n + 1].contains("Salle des fêtes") && all[n + 1].contains("Page 1 / 1"));
    // The summary stays on one page.
    assert_eq!(pages_text(&summary_pdf(&set).unwrap()).len(), 1);
}

#[test]
fn a_holiday_moves_the_printed_date() {
    let conn = garden();
    // Wednesday 11 November 2026 is Armistice day: La Gare delivers on Tuesday 10 instead.
    conn.execute_batch(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES ('2026-11-11', 3, 'deplacee', '2026-11-10');",
    )
    .unwrap();
    let set = set_of(&conn, week(2026, 46));
    let gare = set.depots.iter().find(|d| d.depot_id == 3).unwrap();
    assert_eq!(gare.date, NaiveDate::from_ymd_opt(2026, 11, 10).unwrap());
    let sheet = text(&emargement_pdf(&set, Some(3)).unwrap());
    assert!(sheet.contains("Mardi 10 novembre 2026"), "{sheet}");
    assert!(sheet.contains("livraison déplacée"), "{sheet}");
    assert!(!sheet.contains("Mercredi 11 novembre"), "{sheet}");
    let summary = text(&summary_pdf(&set).unwrap());
    assert!(summary.contains("mar. 10/11"), "{summary}");
    // Without the rule the holiday cancels La Gare: it is listed as not delivering.
    let conn = garden();
    let set = set_of(&conn, week(2026, 46));
    assert!(set.depots.iter().all(|d| d.depot_id != 3));
    let summary = text(&summary_pdf(&set).unwrap());
    assert!(
        summary.contains("Pas de livraison cette semaine"),
        "{summary}"
    );
    assert!(summary.contains("La Gare"), "{summary}");
}

#[test]
fn the_set_has_every_file_with_safe_names() {
    let conn = garden();
    let set = set_of(&conn, week(2026, 48));
    let names: Vec<String> = render_print_set(&set)
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(
        names,
        [
            SUMMARY_FILE,
            ALL_SHEETS_FILE,
            "emargement-epicerie-du-moulin.pdf",
            "emargement-la-gare.pdf",
            "emargement-salle-des-fetes.pdf",
            PACKING_FILE
        ]
    );
    assert_eq!(depot_file_names(&set).len(), 3);
}

#[test]
fn demo_week_every_expected_member_once_and_nothing_social() {
    let conn = open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    binette::store::demo::create_demo(&conn, 1, today).unwrap();
    let w = next_delivery_week(&conn, today).unwrap();
    let set = set_of(&conn, w);
    let plan = week_plan(&conn, w).unwrap();
    let funders: Vec<String> = binette::store::baskets::list_funders(&conn)
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    let depot_names: Vec<String> = set.depots.iter().map(|d| d.name.clone()).collect();
    let mut forbidden_funders = funders.clone();
    forbidden_funders.retain(|f| !depot_names.iter().any(|d| d.contains(f.as_str())));
    for sheet in &set.depots {
        let depot = plan
            .depots
            .iter()
            .find(|d| d.depot_id == sheet.depot_id)
            .unwrap();
        let pdf = emargement_pdf(&set, Some(sheet.depot_id)).unwrap();
        let pages = pages_text(&pdf);
        let joined = pages.join("\n");
        // Every expected member once: one row per member with a line this week.
        let mut expected: Vec<i64> = depot.lines.iter().map(|l| l.member_id).collect();
        expected.sort_unstable();
        expected.dedup();
        let mut listed: Vec<i64> = sheet.rows.iter().map(|r| r.member_id).collect();
        listed.sort_unstable();
        assert_eq!(listed, expected, "{}", sheet.name);
        for row in &sheet.rows {
            assert!(
                joined.contains(&row.last_name),
                "{} missing from {}",
                row.last_name,
                sheet.name
            );
        }
        let absent = sheet.rows.iter().filter(|r| r.absent).count();
        // Each absent row says ABSENT; the instructions on each page say it once more.
        assert_eq!(joined.matches("ABSENT").count(), absent + pages.len());
        for (p, page) in pages.iter().enumerate() {
            assert!(page.contains(&format!("Page {} / {}", p + 1, pages.len())));
        }
        assert_clean(&sheet.name, &joined, &depot_names);
        for funder in &forbidden_funders {
            assert!(
                !joined.contains(funder.as_str()),
                "{funder} on {}",
                sheet.name
            );
        }
    }
    let summary = text(&summary_pdf(&set).unwrap());
    assert_clean("the demo summary", &summary, &depot_names);
    assert_eq!(pages_text(&summary_pdf(&set).unwrap()).len(), 1);
}

#[test]
fn next_deliveries_set_mixes_today_s_delivery_with_next_week_s() {
    use binette::store::sheets::next_print_set;
    let conn = garden();
    // Thursday 26 November 2026 (week 48): Salle des fêtes (Thursday) delivers today;
    // Épicerie du Moulin (Monday 23) and La Gare (Wednesday 25) are past, so theirs are
    // Monday 30 November and Wednesday 2 December, week 49 — two of three: the set's week.
    let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let set = next_print_set(&conn, thursday).unwrap().unwrap();
    assert_eq!(set.week, week(2026, 49));
    let depots: Vec<(&str, String)> = set
        .depots
        .iter()
        .map(|d| (d.name.as_str(), d.date.to_string()))
        .collect();
    assert_eq!(
        depots,
        vec![
            ("Salle des fêtes", "2026-11-26".to_owned()),
            ("Épicerie du Moulin", "2026-11-30".to_owned()),
            ("La Gare", "2026-12-02".to_owned()),
        ]
    );
    // Salle des fêtes, week 48: Élodie and Emile petit (2); Eddy 1 + Luc 2 grand (3); Zoé
    // away. Épicerie: Anne petit (1). La Gare: Hugo grand (1). Totals: petit 2 + 1 = 3,
    // grand 3 + 1 = 4, 7 in all.
    assert_eq!(set.depots[0].counts, vec![2, 3]);
    assert_eq!(set.depots[1].counts, vec![1, 0]);
    assert_eq!(set.depots[2].counts, vec![0, 1]);
    assert_eq!(set.totals, vec![3, 4]);
    assert_eq!(set.total_baskets(), 7);
    // Each sheet shows the composition of its own week: week 48's for today's depot,
    // nothing typed yet for week 49.
    assert_eq!(set.depots[0].composition_text(0), "Poireau 1 kg");
    assert_eq!(set.depots[1].composition_text(0), "composition non saisie");
    // Packing: only week 48 has a composition; poireau = 2 petits × 1 kg + 3 grands ×
    // 1,5 kg = 6,5 kg against the 4 kg harvested; mâche = 3 × 0,25 = 0,75 kg.
    let poireau = set.needs.iter().find(|n| n.crop_name == "Poireau").unwrap();
    assert!((poireau.needed - 6.5).abs() < 1e-9, "{}", poireau.needed);
    assert_eq!(poireau.available, Some(4.0));
    let mache = set.needs.iter().find(|n| n.crop_name == "Mâche").unwrap();
    assert!((mache.needed - 0.75).abs() < 1e-9, "{}", mache.needed);
    assert_eq!(
        set.period_label(),
        "Prochaines livraisons, du 26/11/2026 au 02/12/2026"
    );
    let summary = text(&summary_pdf(&set).unwrap());
    assert!(summary.contains("Prochaines livraisons, du 26/11/2026 au 02/12/2026"));
    let sheets = text(&emargement_pdf(&set, None).unwrap());
    assert!(sheets.contains("Salle des fêtes"));
    assert!(sheets.contains("La Gare"));
    // On Friday 27, every next delivery is in week 49: a plain week-49 set.
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let set = next_print_set(&conn, friday).unwrap().unwrap();
    assert!(set.depots.iter().all(|d| d.week == week(2026, 49)));
    assert_eq!(set.period_label(), week(2026, 49).long_label());
}

#[test]
fn next_deliveries_across_two_weeks_count_each_week_s_composition() {
    use binette::store::sheets::next_print_set;
    let conn = garden();
    // Week 49 gets its own composition, different from week 48's, and a harvest on
    // Saturday 28 November, which lies in both weeks' harvest windows (3 days before the
    // Monday: week 48 from Friday 20 to Sunday 29, week 49 from Friday 27 to Sunday 6).
    conn.execute_batch(
        "INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit) VALUES
             ('2026-11-30', 1, 1, 0.5, 'kg'), ('2026-11-30', 1, 2, 0.2, 'kg'),
             ('2026-11-30', 2, 1, 2.0, 'kg');
         INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
             ('2026-11-28', 1, 3.0, 'kg', 'paniers');",
    )
    .unwrap();
    // Thursday 26 November: Salle des fêtes delivers today (week 48: 2 petits, 3 grands);
    // Épicerie du Moulin (Monday 30, 1 petit) and La Gare (Wednesday 2, 1 grand) in week 49.
    let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let set = next_print_set(&conn, thursday).unwrap().unwrap();
    let parts = set.week_parts();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].week, week(2026, 48));
    assert_eq!(parts[0].depots, vec!["Salle des fêtes".to_owned()]);
    assert_eq!(parts[0].counts, vec![2, 3]);
    assert_eq!(parts[1].week, week(2026, 49));
    assert_eq!(parts[1].counts, vec![1, 1]);
    assert_eq!(parts[1].composition_text(1), "Poireau 2 kg");
    // Poireau: week 48 = 2 petits × 1 kg + 3 grands × 1,5 kg = 6,5 kg; week 49 = 1 petit ×
    // 0,5 kg + 1 grand × 2 kg = 2,5 kg; 9 kg in all. Harvested from Friday 20 November to
    // Sunday 6 December, counted once: 4 kg (23 November) + 3 kg (28 November) = 7 kg (not
    // 10 kg, the 28th counted in both weeks); 2 kg missing.
    let poireau = set.needs.iter().find(|n| n.crop_name == "Poireau").unwrap();
    assert!((poireau.needed - 9.0).abs() < 1e-9, "{}", poireau.needed);
    assert_eq!(poireau.available, Some(7.0));
    assert!((poireau.shortage().unwrap() - 2.0).abs() < 1e-9);
    // Mâche: week 48 = 3 grands × 0,25 kg = 0,75 kg; week 49 = 1 petit × 0,2 kg = 0,2 kg;
    // 0,95 kg in all, none harvested.
    let mache = set.needs.iter().find(|n| n.crop_name == "Mâche").unwrap();
    assert!((mache.needed - 0.95).abs() < 1e-9, "{}", mache.needed);
    assert_eq!(mache.available, Some(0.0));
    let window = (
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
    );
    assert_eq!(set.harvested, window);

    // The summary shows each week's composition, under its week and depots.
    let summary = text(&summary_pdf(&set).unwrap());
    assert!(
        summary.contains("Semaine 48 — jeu. 26/11 : Salle des fêtes"),
        "{summary}"
    );
    assert!(
        summary.contains("Semaine 49 — du lun. 30/11 au mer. 02/12 : Épicerie du Moulin, La Gare"),
        "{summary}"
    );
    assert!(
        summary.contains("Poireau 1,5 kg"),
        "week 48's grand: {summary}"
    );
    assert!(
        summary.contains("Poireau 2 kg"),
        "week 49's grand: {summary}"
    );
    assert!(
        summary.contains("Poireau 0,5 kg"),
        "week 49's petit: {summary}"
    );
    // The packing list: each week's need, then their sum against the harvest.
    let packing = text(&packing_pdf(&set).unwrap());
    for expected in [
        "Sem. 48",
        "Sem. 49",
        "6,5 kg",
        "2,5 kg",
        "9 kg",
        "7 kg",
        "0,75 kg",
        "0,95 kg",
        "du 20/11/2026 au 06/12/2026",
        // The footer names both weeks: a week-48 sheet must not say « Semaine 49 » alone.
        "Semaines 48 et 49",
    ] {
        assert!(packing.contains(expected), "« {expected} »: {packing}");
    }
}
