#![allow(clippy::unwrap_used)]
//! The activity report: figures on a hand-made fixture, the PDF and CSV read back.

use binette::domain::activity::SectionChoice;
use binette::domain::employees::ExitCategory;
use binette::report::activity::{self, csv::csv_files, render};
use binette::store::{Connection, activity::activity_figures, open_in_memory};
use chrono::NaiveDate;

/// The report's document as the use case builds it (`app::reports::document`): the store's
/// data of one transaction, stamped `created`.
fn load(
    conn: &binette::store::Connection,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    created: chrono::NaiveDateTime,
) -> binette::store::Result<activity::ActivityDocument> {
    let data = binette::store::activity::activity_data(conn, from, to, sections, created.date())?;
    Ok(activity::ActivityDocument {
        garden_name: data.garden_name,
        logo_path: data.logo_path,
        created,
        figures: data.figures,
    })
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const YEAR: (NaiveDate, NaiveDate) = (
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
);

/// A day after the period: every figure of 2026 is recorded.
const CLOSED: NaiveDate = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();

/// Hand-made garden; the expected figures for 2026 are computed by hand in the tests.
fn fixture() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "
        INSERT INTO employee (id, last_name, first_name, birth_date, gender, entry_date) VALUES
          (1, 'Zorglub', 'Aïcha', '2000-06-01', 'f', '2025-03-01'),
          (2, 'Durand', 'Marcel', '1970-01-01', 'm', '2026-02-02'),
          (3, 'Lenoir', 'Camille', NULL, 'x', '2026-03-01'),
          (4, 'Ancien', 'Paul', '1980-01-01', 'f', '2024-01-01'),
          (5, 'Bref', 'Jules', '1990-01-01', 'm', '2026-05-01');
        INSERT INTO exit (employee_id, date, category) VALUES
          (2, '2026-08-31', 1), (3, '2026-10-15', 4), (4, '2025-12-31', 1), (5, '2026-06-30', 5);
        INSERT INTO contract (employee_id, start_date, planned_end, actual_end, weekly_hours) VALUES
          (1, '2025-03-01', '2026-12-31', NULL, 35),
          (2, '2026-02-02', '2026-12-31', '2026-08-31', 28),
          (3, '2026-03-01', '2026-10-15', NULL, 20),
          (4, '2024-01-01', '2025-12-31', NULL, 35);
        INSERT INTO training (employee_id, title, start_date, end_date, hours, qualifying) VALUES
          (1, 'CACES', '2026-04-01', '2026-04-05', 35, 1),
          (2, 'Hygiène', '2026-05-01', '2026-05-02', 14, 0),
          (1, 'Ancienne', '2025-12-01', '2025-12-01', 7, 0);
        INSERT INTO immersion (employee_id, host_name, start_date, end_date, objective) VALUES
          (3, 'Boulangerie', '2026-06-01', '2026-06-12', 'decouvrir');
        INSERT INTO theme (id, name) VALUES (100, 'Permis de conduire');
        INSERT INTO follow_up (id, employee_id, date, duration_minutes) VALUES
          (1, 1, '2026-01-10', 60), (2, 2, '2026-02-10', 30), (3, 1, '2025-12-01', 45);
        INSERT INTO follow_up_theme (follow_up_id, theme_id) VALUES
          (1, (SELECT id FROM theme WHERE name = 'Logement')),
          (1, (SELECT id FROM theme WHERE name = 'Mobilité')),
          (2, (SELECT id FROM theme WHERE name = 'Logement')),
          (2, 100),
          (3, 100);
        -- Snapshots as stored: employee 3's profile says 'x' but the entry snapshot says 'f'.
        INSERT INTO fse_snapshot (employee_id, stage, taken_on, gender, age, education_level,
                                  disability, homeless) VALUES
          (2, 'entree', '2026-02-02', 'm', 56, '51', 'refus', 'oui'),
          (2, 'sortie', '2026-08-31', 'm', 56, '51', 'refus', 'non'),
          (3, 'entree', '2026-03-01', 'f', 17, '', 'oui', ''),
          (1, 'entree', '2025-03-01', 'f', 24, '40', 'oui', '');

        INSERT INTO crop (id, name) VALUES (1, 'Carotte'), (2, 'Salade');
        INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (1, 'kg', 1), (2, 'piece', NULL);
        INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
          ('2026-03-10', 1, 10, 'kg', 'paniers'),
          ('2026-03-20', 1, 5, 'kg', 'paniers'),
          ('2026-06-01', 1, 20, 'kg', 'vente'),
          ('2026-06-02', 2, 30, 'piece', 'paniers'),
          ('2025-06-02', 1, 99, 'kg', 'paniers');

        INSERT INTO basket_size (id, name, position) VALUES (1, 'Petit', 1), (2, 'Grand', 2);
        INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES
          (1, '2025-01-01', 1000), (1, '2026-07-01', 1200), (2, '2025-01-01', 1500);
        INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 4), (2, 'Moulin', 2);
        INSERT INTO member (id, last_name, first_name) VALUES
          (1, 'Martin', 'Léa'), (2, 'Solide', 'Rose'), (3, 'Partage', 'Ana'), (4, 'Voisin', 'Tom');
        INSERT INTO funder (id, name, kind) VALUES (1, 'CAF', 'caf'), (2, 'CCAS', 'ccas'),
          (3, 'MSA', 'msa');
        INSERT INTO subscription (id, member_id, shared_with, size_id, depot_id, start_date, anchor_monday) VALUES
          (1, 1, NULL, 1, 1, '2025-01-06', '2025-01-06'),
          (2, 2, NULL, 1, 1, '2025-01-06', '2025-01-06'),
          (3, 3, 4, 2, 2, '2025-01-06', '2025-01-06');
        INSERT INTO membership (member_id, year, amount_cents, paid_on, method) VALUES
          (1, 2026, 2000, '2026-01-15', 'cheque'), (2, 2026, 1500, '2026-02-01', 'especes'),
          (1, 2025, 2000, '2025-01-15', 'cheque');
        INSERT INTO solidarity_terms (id, subscription_id, start_date, share_kind, share_value)
          VALUES (2, 2, '2025-01-06', 'pourcentage', 30);
        INSERT INTO solidarity_terms_funding (terms_id, funder_id, share_percent) VALUES
          (2, 1, 60), (2, 2, 40);
        INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
          ('2026-03-02', 1, 1, 'retire'), ('2026-03-09', 1, 1, 'non_retire'),
          ('2026-03-16', 1, 1, 'donne'),
          ('2026-03-02', 2, 1, 'retire'), ('2026-09-07', 2, 2, 'retire'),
          ('2026-03-02', 3, 1, 'retire'), ('2025-12-29', 3, 1, 'retire');

        INSERT INTO workshop (id, type_id, title) VALUES
          (1, (SELECT id FROM workshop_type WHERE name = 'Cuisine'), 'Soupes');
        INSERT INTO workshop_session (id, workshop_id, date, start_time, end_time) VALUES
          (1, 1, '2026-04-10', '14:00', '16:00'), (2, 1, '2026-05-10', '10:00', '11:30'),
          (3, 1, '2025-05-10', '10:00', '11:30');
        INSERT INTO attendance (session_id, member_id, employee_id, outside_name, status) VALUES
          (1, 1, NULL, '', 'present'), (1, NULL, 1, '', 'present'), (1, NULL, NULL, 'Jean', 'present'),
          (1, 2, NULL, '', 'absent'), (2, 1, NULL, '', 'present'), (3, 1, NULL, '', 'present');
        ",
    )
    .unwrap();
    conn
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn insertion_counts_rate_hours_and_fte() {
    let conn = fixture();
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, CLOSED).unwrap();
    let i = f.insertion.unwrap();
    assert_eq!(i.people_followed, 4, "employee 4 left in 2025");
    assert_eq!(i.entries, 3);
    let exits: Vec<i64> = i.exits.iter().map(|(_, n)| *n).collect();
    assert_eq!(exits, [1, 0, 0, 1, 1]);
    assert_eq!(i.exits[0].0, ExitCategory::LastingJob);
    // (1 + 2 + 3) / (all − 5) = 1 / 2.
    assert_eq!(i.dynamic_exit_rate, Some(0.5));
    // Days under contract in 2026: employee 1 all 365 days at 35 h; employee 2 from 2
    // February to 31 August (27 + 31 + 30 + 31 + 30 + 31 + 31 = 211 days) at 28 h;
    // employee 3 from 1 March to its exit on 15 October (31 + 30 + 31 + 30 + 31 + 31 + 30
    // + 15 = 229 days) at 20 h. Hours = 35 × 365 / 7 + 28 × 211 / 7 + 20 × 229 / 7.
    let hours = 1825.0 + 844.0 + 20.0 * 229.0 / 7.0;
    assert!(close(i.hours, hours), "{}", i.hours);
    // FTE = (365 × 35/35 + 211 × 28/35 + 229 × 20/35) / 365 = (365 + 168.8 + 130.857) / 365
    // = 1.821.
    let fte = (365.0 + 211.0 * 28.0 / 35.0 + 229.0 * 20.0 / 35.0) / 365.0;
    assert!(close(i.fte, fte), "{}", i.fte);
    assert_eq!(
        (i.planned_hours, i.planned_fte, i.recorded_until),
        (None, None, None)
    );
    let women = &i.by_gender[0];
    assert_eq!((women.label.as_str(), women.people), ("Femmes", 1));
    assert!(close(women.hours, 1825.0));
    assert!(close(women.fte, 1.0), "a full-timer all year long");
    assert_eq!(i.by_gender[1].people, 2);
    assert_eq!(i.by_gender[2].people, 1);
    let ages: Vec<(&str, i64)> = i
        .by_age
        .iter()
        .map(|l| (l.label.as_str(), l.people))
        .collect();
    assert_eq!(
        ages,
        [
            ("Moins de 26 ans", 1),
            ("26 à 49 ans", 1),
            ("50 ans et plus", 1),
            ("Âge inconnu", 1)
        ]
    );
    assert_eq!(
        (i.trainings, i.qualifying_trainings, i.trained_people),
        (2, 1, 2)
    );
    assert!(close(i.training_hours, 49.0));
    assert_eq!(i.immersions[0].1, 1);
    assert_eq!(i.follow_ups, 2);
    assert!(close(i.follow_up_hours, 1.5));
    assert_eq!(
        i.themes,
        [
            ("Logement".to_string(), 2),
            ("Mobilité".to_string(), 1),
            ("Permis de conduire".to_string(), 1)
        ]
    );
    assert_eq!(i.fse_snapshots, 3);
    let fse = |label: &str| i.fse.iter().find(|l| l.label == label).unwrap().clone();
    assert_eq!(
        (fse("Participants").entry, fse("Participants").exit),
        (2, 1)
    );
    assert_eq!(
        fse("Femmes").entry,
        1,
        "the snapshot's gender, not the profile's"
    );
    assert_eq!(fse("Non-binaires").entry, 0);
    assert_eq!(fse("Moins de 18 ans").entry, 1);
    assert_eq!(fse("55 ans et plus").entry, 1);
    assert_eq!(fse("CITE 3 à 4").exit, 1);
    let refused = fse("Situation de handicap : ne souhaite pas répondre");
    assert_eq!((refused.entry, refused.exit), (1, 1));
    assert_eq!(
        fse("Situation de handicap : oui").entry,
        1,
        "2025 snapshot left out"
    );
    assert_eq!(
        (
            fse("Sans domicile : oui").entry,
            fse("Sans domicile : oui").exit
        ),
        (1, 0)
    );
}

#[test]
fn production_baskets_money_and_workshops() {
    let conn = fixture();
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, CLOSED).unwrap();
    let p = f.production.unwrap();
    assert_eq!(p.by_crop, [("Carotte".to_string(), 35.0)]);
    assert_eq!(p.by_month.len(), 12);
    assert_eq!(p.by_month[2], ((2026, 3), 15.0));
    assert_eq!(p.by_month[5], ((2026, 6), 20.0));
    assert_eq!(p.unconverted_lines, 1);
    assert_eq!(
        p.by_destination,
        [("Paniers".to_string(), 15.0), ("Vente".to_string(), 20.0)]
    );

    let b = f.baskets.unwrap();
    assert_eq!(
        b.by_size,
        [("Petit".to_string(), 5), ("Grand".to_string(), 1)]
    );
    assert_eq!(
        b.by_depot,
        [("Mairie".to_string(), 5), ("Moulin".to_string(), 1)]
    );
    assert_eq!(b.households, 4, "the sharing household counts");
    assert_eq!(b.memberships, 2, "the 2025 membership is another year");
    assert_eq!((b.solidarity_households, b.solidarity_baskets), (1, 3));
    // 1 × 10 € (March) + 2 × 12 € (September, new price).
    assert_eq!(b.solidarity_value, 3400);
    // 30 %: 3 € + 2 × 3,60 €.
    assert_eq!(b.households_paid, 1020);
    let funders: Vec<(&str, i64, i64)> = b
        .funders
        .iter()
        .map(|l| (l.funder.as_str(), l.baskets, l.owed))
        .collect();
    // CAF 60 % of 7 € + 2 × 60 % of 8,40 €; CCAS 40 %; MSA funds nothing: left out.
    assert_eq!(
        funders,
        [("CAF", 3, 420 + 2 * 504), ("CCAS", 3, 280 + 2 * 336)]
    );
    // Revenue: the 2026 memberships (20,00 + 15,00; the 2025 one was paid in 2025), no
    // manual line, and the funders' shares above (14,28 + 9,52 = 23,80).
    assert_eq!((b.membership_revenue, b.adjustments), (3500, 0));
    assert_eq!(b.funders_revenue(), 2380);
    assert_eq!(
        b.total_revenue(),
        b.basket_revenue + 3500 + 2380,
        "the total adds the four parts"
    );

    let w = f.workshops.unwrap();
    assert_eq!(w.total.sessions, 2);
    assert_eq!(w.total.participants, 3);
    assert_eq!(w.total.attendances, 4);
    assert!(close(w.total.hours, 7.5));
    assert_eq!(w.by_type.len(), 1);
    assert_eq!(w.by_type[0].label, "Cuisine");
}

fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

fn created() -> chrono::NaiveDateTime {
    d(2026, 11, 28).and_hms_opt(10, 0, 0).unwrap()
}

#[test]
fn the_pdf_holds_sections_figures_page_numbers_and_no_names() {
    let conn = fixture();
    binette::store::settings::set(&conn, "garden_name", "Jardin des Prés").unwrap();
    let data = load(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, created()).unwrap();
    let bytes = render(&data).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let pages = pages_text(&bytes);
    let n = pages.len();
    assert!(n >= 5, "cover + four parts, got {n}");
    for (k, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} / {n}", k + 1)),
            "page {}",
            k + 1
        );
    }
    let all = pages.concat();
    assert!(pages[0].contains("Bilan d'activité") && pages[0].contains("Jardin des Prés"));
    assert!(pages[0].contains("01/01/2026") && pages[0].contains("31/12/2026"));
    for title in [
        "Insertion",
        "Production",
        "Paniers",
        "Ateliers",
        "Indicateurs FSE+",
    ] {
        assert!(all.contains(title), "{title}");
    }
    assert!(all.contains("50,0 %"), "dynamic exit rate");
    assert!(all.contains("Permis de conduire"));
    assert!(all.contains("14,28"), "payment of the CAF");
    assert!(all.contains("Carotte"));
    for name in [
        "Zorglub", "Aïcha", "Durand", "Lenoir", "Martin", "Solide", "Partage", "Voisin", "Jean",
        "Léa",
    ] {
        assert!(!all.contains(name), "{name} must not be printed");
    }
}

#[test]
fn an_empty_garden_gives_a_valid_report_saying_so() {
    let conn = open_in_memory().unwrap();
    let data = load(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, created()).unwrap();
    assert!(data.figures.is_empty());
    let pages = pages_text(&render(&data).unwrap());
    assert_eq!(pages.len(), 5);
    assert!(pages[0].contains("Aucune donnée"));
    for page in &pages[1..] {
        assert!(page.contains(activity::NO_DATA), "{page}");
    }
    // Only the chosen sections are laid out.
    let only = SectionChoice {
        production: false,
        baskets: false,
        workshops: false,
        ..SectionChoice::ALL
    };
    let data = load(&conn, YEAR.0, YEAR.1, only, created()).unwrap();
    let pages = pages_text(&render(&data).unwrap());
    assert_eq!(pages.len(), 2);
    assert!(!pages.concat().contains("Ateliers"));
}

#[test]
fn csv_files_one_per_section_with_the_same_figures() {
    let conn = fixture();
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, CLOSED).unwrap();
    let files = csv_files(&f);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "bilan-insertion.csv",
            "bilan-production.csv",
            "bilan-paniers.csv",
            "bilan-ateliers.csv"
        ]
    );
    for (_, bytes) in &files {
        assert!(bytes.starts_with(b"\xEF\xBB\xBFRubrique;Indicateur;Valeur\r\n"));
    }
    let text = |i: usize| String::from_utf8(files[i].1.clone()).unwrap();
    assert!(text(0).contains("Synthèse;Personnes suivies;4\r\n"));
    assert!(text(0).contains("Synthèse;Taux de sorties dynamiques (%);50,0\r\n"));
    assert!(text(1).contains("kg par légume;Carotte;35,00\r\n"));
    assert!(text(2).contains("Financeur : payé (€);CAF;14,28\r\n"));
    // Memberships paid in 2026: 20,00 + 15,00; the funders' shares: 14,28 + 9,52.
    assert!(text(2).contains("Recettes;Adhésions payées (€);35,00\r\n"));
    assert!(text(2).contains("Recettes;Part des financeurs (€);23,80\r\n"));
    assert!(text(3).contains("Heures;Total;7,5\r\n"));
}

#[test]
fn exits_are_counted_by_job_found() {
    let conn = fixture();
    conn.execute_batch(
        "UPDATE exit SET outcome = 'cdi' WHERE employee_id = 2;
         UPDATE exit SET outcome = 'demenagement' WHERE employee_id IN (4, 5);",
    )
    .unwrap();
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, CLOSED).unwrap();
    let i = f.insertion.as_ref().unwrap();
    assert_eq!(
        i.exit_outcomes,
        [
            ("CDI".to_owned(), 1),
            ("Déménagement".to_owned(), 1),
            ("Non renseignée".to_owned(), 1),
        ],
        "employee 4 left in 2025; employee 3's job found is unknown"
    );
    let insertion_csv = String::from_utf8(csv_files(&f)[0].1.clone()).unwrap();
    assert!(insertion_csv.contains("Sorties par situation;CDI;1\r\n"));
    let data = load(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, created()).unwrap();
    let all = pages_text(&render(&data).unwrap()).concat();
    assert!(all.contains("Sorties par situation") && all.contains("Déménagement"));
}

#[test]
fn a_period_running_past_today_keeps_planned_hours_apart() {
    // Report on 2026 made on 30 June 2026.
    let conn = fixture();
    let today = d(2026, 6, 30);
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, today).unwrap();
    let i = f.insertion.unwrap();
    // Entries by 30 June: employees 2 (2 Feb), 3 (1 Mar), 5 (1 May); exits: employee 5
    // only (30 June); employee 3's exit (15 October) is not recorded yet.
    assert_eq!((i.people_followed, i.entries, i.exit_total()), (4, 3, 1));
    // Recorded, 1 January – 30 June (181 days): employee 1 181 days × 5 h = 905;
    // employee 2 2 Feb – 30 Jun = 27 + 31 + 30 + 31 + 30 = 149 days × 4 h = 596;
    // employee 3 1 Mar – 30 Jun = 122 days × 20/7 h = 348.57.
    assert!(
        close(i.hours, 905.0 + 596.0 + 122.0 * 20.0 / 7.0),
        "{}",
        i.hours
    );
    // FTE over the 181 days so far = (181 + 149 × 28/35 + 122 × 20/35) / 181 = 2.044.
    let fte = (181.0 + 149.0 * 0.8 + 122.0 * 20.0 / 35.0) / 181.0;
    assert!(close(i.fte, fte), "{}", i.fte);
    assert_eq!(i.recorded_until, Some(today));
    // Planned after 30 June: employee 1 184 days × 5 = 920; employee 2 to 31 August
    // 62 days × 4 = 248; employee 3 to 15 October 31 + 31 + 30 + 15 = 107 days × 20/7.
    let planned = 920.0 + 248.0 + 107.0 * 20.0 / 7.0;
    assert!(
        close(i.planned_hours.unwrap(), planned),
        "{:?}",
        i.planned_hours
    );
    // The whole year's planned FTE is the closed year's: (365 + 168.8 + 130.857) / 365.
    let whole = (365.0 + 211.0 * 28.0 / 35.0 + 229.0 * 20.0 / 35.0) / 365.0;
    assert!(close(i.planned_fte.unwrap(), whole));

    let created = today.and_hms_opt(10, 0, 0).unwrap();
    let data = load(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, created).unwrap();
    let pages = pages_text(&render(&data).unwrap());
    let all = pages.concat();
    assert!(all.contains("(prévisionnel)"), "planned lines are marked");
    assert!(all.contains("réalisées au 30/06/2026"));
    assert!(
        pages[0].contains("hebdomadaires ÷ 35"),
        "the method is on the cover"
    );
    assert!(!all.contains("-0"), "never a negative zero");
}

#[test]
fn workshop_sessions_after_today_are_planned_apart() {
    // Made on 1 May 2026: the 10 April session is recorded (3 present: member 1, employee 1,
    // Jean; 2 h each = 6 participant-hours); the 10 May one is planned.
    let conn = fixture();
    let today = d(2026, 5, 1);
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, today).unwrap();
    let w = f.workshops.unwrap();
    assert_eq!((w.total.sessions, w.total.attendances), (1, 3));
    assert!(close(w.total.hours, 6.0));
    assert_eq!(w.planned_sessions, Some(1));
    let closed = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, CLOSED).unwrap();
    assert_eq!(closed.workshops.unwrap().planned_sessions, None);
}

#[test]
fn an_empty_report_never_prints_a_negative_zero() {
    // Every total of an empty garden is an empty sum (-0.0 for floats): printed 0.
    let conn = open_in_memory().unwrap();
    let data = load(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, created()).unwrap();
    let all = pages_text(&render(&data).unwrap()).concat();
    assert!(!all.contains("-0"), "{all}");
    for (name, bytes) in csv_files(&data.figures) {
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains(";-0"), "{name}: {text}");
    }
}

#[test]
fn payroll_hours_for_some_months_only() {
    use binette::store::employees::{save_worked_hours_year, worked_hours_of_year};
    let conn = fixture();
    // Employee 1 (35 h all 2026): payroll says 140 h worked in January, 120 h in February.
    let mut months = [None; 12];
    months[0] = Some(140.0);
    months[1] = Some(120.0);
    save_worked_hours_year(&conn, 1, 2026, &months).unwrap();
    assert_eq!(worked_hours_of_year(&conn, 1, 2026).unwrap(), months);
    let bad = [Some(-3.0); 12];
    assert!(save_worked_hours_year(&conn, 1, 2026, &bad).is_err());
    let f = activity_figures(&conn, YEAR.0, YEAR.1, SectionChoice::ALL, CLOSED).unwrap();
    let i = f.insertion.as_ref().unwrap();
    // Her FTE-days: January 140 ÷ (1,607 ÷ 12) = 1.0454 FTE × 31 days, February
    // 120 ÷ 133.92 = 0.8961 × 28 days, March–December 306 days × 1. The others as in
    // `insertion_counts_rate_hours_and_fte`: 211 × 28/35 and 229 × 20/35.
    let month = 1607.0 / 12.0;
    let hers = 140.0 / month * 31.0 + 120.0 / month * 28.0 + 306.0;
    let fte = (hers + 211.0 * 28.0 / 35.0 + 229.0 * 20.0 / 35.0) / 365.0;
    assert!(close(i.fte, fte), "{}", i.fte);
    assert!(
        close(i.worked_hours.unwrap(), 260.0),
        "{:?}",
        i.worked_hours
    );
    assert_eq!(i.payroll_months, 2);
    // Hours under contract do not change: 1,825 + 844 + 654.29.
    assert!(close(i.hours, 1825.0 + 844.0 + 20.0 * 229.0 / 7.0));

    let data = load(
        &conn,
        YEAR.0,
        YEAR.1,
        SectionChoice::ALL,
        CLOSED.and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    let pages = pages_text(&render(&data).unwrap());
    assert!(pages.concat().contains("Heures travaillées"));
    assert!(
        pages[0].contains("Pour 2 mois-personne"),
        "the cover says which method"
    );
    let csv = String::from_utf8(csv_files(&f)[0].1.clone()).unwrap();
    assert!(
        csv.contains("Synthèse;Heures travaillées (paie);260,0\r\n"),
        "{csv}"
    );
}
