//! Protection des données's use cases without iced: who is due (dates derived by hand
//! below), the retention settings, and what anonymisation erases and keeps.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use binette::app::privacy::retention::{RetentionForm, Standing, fields, standing};
use binette::app::{Garden, privacy, reports};
use binette::domain::activity::SectionChoice;
use binette::domain::privacy::{Person, Retention};
use binette::store;
use chrono::NaiveDate;
use rusqlite::Connection;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Employees:
/// 1 Alice Martin, born 15/07/1990, path 02/01/2017 – exit 30/06/2019 (contract ended
///   30/06/2019): last day 30/06/2019, due from 30/06/2024.
/// 2 Bruno Petit, path open since 2018: never due.
/// 3 Chloé Roux, exit 31/12/2018 but a contract planned to 31/03/2019 (no actual end):
///   last day 31/03/2019, due from 31/03/2024.
/// Households:
/// 10 Dupont (parti): subscription 06/01/2020 – 28/06/2021, last pickup 21/06/2021,
///   membership 2021 (31/12/2021): last day 31/12/2021, due from 31/12/2024.
/// 11 Durand (actif): nothing since 2019, but « actif »: never due.
/// 12 Leroy (parti): subscription without an end: current, never due.
/// Outside participants: « Zoé Blanc » (sessions 10/03/2022 and 05/05/2022, written
/// « zoé blanc » once): last 05/05/2022, due from 05/05/2023; « Yves Noir »: a session on
/// 10/03/2022 and one to come on 01/06/2030: current.
const GARDEN: &str = "
    INSERT INTO employee (id, last_name, first_name, birth_date, gender, entry_date, phone,
                          email, address, prescriber_contact, notes)
    VALUES (1, 'Martin', 'Alice', '1990-07-15', 'f', '2017-01-02', '06 11 22 33 44',
            'alice.martin@exemple.fr', '3 rue des Lilas', 'Mme Conseillère', 'Notes privées'),
           (2, 'Petit', 'Bruno', '1980-01-01', 'm', '2018-03-01', '', '', '', '', ''),
           (3, 'Roux', 'Chloé', '1970-05-05', 'f', '2018-01-08', '', '', '', '', '');
    INSERT INTO contract (employee_id, start_date, planned_end, actual_end, weekly_hours) VALUES
        (1, '2017-01-02', '2019-06-30', NULL, 26), (2, '2018-03-01', '2018-12-31', NULL, 26),
        (3, '2018-01-08', '2019-03-31', NULL, 26);
    INSERT INTO exit (employee_id, date, category, detail) VALUES
        (1, '2019-06-30', 1, 'Embauchée chez Dupuis'), (3, '2018-12-31', 2, '');
    UPDATE employee SET rsa = 1, court_measure = 1, unemployment_months = 30 WHERE id = 1;
    INSERT INTO employee_criterion (employee_id, criterion) VALUES (1, 'rsa'), (1, 'justice');
    INSERT INTO follow_up (id, employee_id, date, duration_minutes, notes) VALUES
        (1, 1, '2018-02-01', 45, 'Difficultés de logement');
    INSERT INTO follow_up_theme (follow_up_id, theme_id) VALUES (1, 1);
    INSERT INTO approval (employee_id, number, start_date, end_date) VALUES
        (1, '999991234567', '2017-01-02', '2019-01-01');
    INSERT INTO fse_snapshot (employee_id, stage, taken_on, gender, age, disability) VALUES
        (1, 'entree', '2017-01-02', 'f', 26, 'non');
    INSERT INTO member (id, last_name, first_name, co_member, phone, email, status) VALUES
        (10, 'Dupont', 'Jeanne', 'Paul Dupont', '03 81 00 00 01', 'jeanne@exemple.fr', 'parti'),
        (11, 'Durand', 'Marc', '', '', '', 'actif'),
        (12, 'Leroy', 'Anne', '', '', '', 'parti');
    INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
    INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 2);
    INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, end_date,
                              anchor_monday) VALUES
        (1, 10, 1, 1, '2020-01-06', '2021-06-28', '2020-01-06'),
        (2, 11, 1, 1, '2019-01-07', '2019-06-24', '2019-01-07'),
        (3, 12, 1, 1, '2019-01-07', NULL, '2019-01-07');
    INSERT INTO pickup (monday, subscription_id, status) VALUES
        ('2021-06-21', 1, 'retire'), ('2019-06-24', 2, 'retire');
    INSERT INTO membership (member_id, year, amount_cents, paid_on, method) VALUES
        (10, 2021, 1000, '2021-01-10', 'cheque');
    INSERT INTO payment_mode (code, label) VALUES ('cheque_t', 'Chèque test')
        ON CONFLICT DO NOTHING;
    INSERT INTO payment (member_id, received_on, amount_cents, mode, drawer) VALUES
        (10, '2021-02-01', 4500, 'cheque', 'Paul Dupont');
    INSERT INTO workshop (id, type_id, title) VALUES (1, 1, 'Soupes');
    INSERT INTO workshop_session (id, workshop_id, date, start_time, end_time) VALUES
        (1, 1, '2022-03-10', '14:00', '16:00'), (2, 1, '2022-05-05', '14:00', '16:00'),
        (3, 1, '2030-06-01', '14:00', '16:00');
    INSERT INTO attendance (session_id, outside_name, status) VALUES
        (1, 'Zoé Blanc', 'present'), (2, ' zoé blanc', 'present'), (1, 'Yves Noir', 'present'),
        (3, 'Yves Noir', 'attendu');";

fn garden_at(path: &Path) -> Garden {
    let conn = store::open(path).unwrap();
    conn.execute_batch(GARDEN).unwrap();
    Garden::new(conn, path.to_path_buf())
}

fn due_people(garden: &Garden, today: NaiveDate) -> Vec<Person> {
    privacy::due_list(garden, today)
        .unwrap()
        .into_iter()
        .map(|d| d.person)
        .collect()
}

#[test]
fn who_is_due_and_from_when() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    // 04/05/2023: nobody yet (Zoé Blanc's year runs to 05/05/2023).
    assert!(due_people(&garden, date(2023, 5, 4)).is_empty());
    assert_eq!(
        due_people(&garden, date(2023, 5, 5)),
        [Person::Participant("zoé blanc".into())]
    );
    // 31/03/2024: Chloé Roux (her contract's planned end, not her exit, counts).
    assert_eq!(
        due_people(&garden, date(2024, 3, 31)),
        [Person::Participant("zoé blanc".into()), Person::Employee(3)]
    );
    // 31/12/2024: everyone due, soonest first; never Bruno Petit, Durand, Leroy, Yves Noir.
    let list = privacy::due_list(&garden, date(2024, 12, 31)).unwrap();
    let people: Vec<&Person> = list.iter().map(|d| &d.person).collect();
    assert_eq!(
        people,
        [
            &Person::Participant("zoé blanc".into()),
            &Person::Employee(3),
            &Person::Employee(1),
            &Person::Member(10),
        ]
    );
    assert_eq!(list[2].since, date(2024, 6, 30));
    assert_eq!(list[3].since, date(2024, 12, 31));
    assert_eq!(list[3].name, "DUPONT Jeanne");
    assert_eq!(privacy::due_count(&garden, date(2024, 12, 31)).unwrap(), 4);
    // Yves Noir's session to come (01/06/2030) keeps him until 01/06/2031.
    assert_eq!(privacy::due_count(&garden, date(2031, 5, 31)).unwrap(), 4);
    assert_eq!(privacy::due_count(&garden, date(2031, 6, 1)).unwrap(), 5);
}

#[test]
fn retention_settings_are_kept_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    let data = privacy::load(&garden, date(2024, 1, 1)).unwrap();
    assert_eq!(data.retention, Retention::default());
    let mut form = RetentionForm::from(Retention::default());
    form.employee_years = "10".into();
    form.participant_years = "0".into();
    let refused = privacy::save_retention(&garden, &form).unwrap_err();
    assert_eq!(refused.field(), Some(fields::PARTICIPANT_YEARS));
    form.participant_years = "2".into();
    privacy::save_retention(&garden, &form).unwrap();
    // Employees kept 10 years: Alice Martin (30/06/2019) is due only from 30/06/2029;
    // Zoé Blanc kept 2 years: from 05/05/2024.
    assert_eq!(
        due_people(&garden, date(2029, 6, 29)),
        [
            Person::Participant("zoé blanc".into()),
            Person::Member(10),
            Person::Employee(3)
        ]
    );
    assert_eq!(due_people(&garden, date(2029, 6, 30)).len(), 4);
    assert_eq!(
        standing(&garden, &Person::Employee(1), date(2025, 1, 1)).unwrap(),
        Standing::KeptUntil(date(2029, 6, 30))
    );
    assert_eq!(
        standing(&garden, &Person::Employee(2), date(2025, 1, 1)).unwrap(),
        Standing::Current
    );
}

fn text(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn anonymising_erases_what_identifies_and_keeps_what_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_at(&db);
    let today = date(2025, 1, 15);
    let done = privacy::anonymise_due(&garden, today).unwrap();
    assert_eq!((done.employees, done.members, done.participants), (2, 1, 1));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(
        text(
            &conn,
            "SELECT last_name || '|' || first_name || '|' || phone || '|' || email || '|' ||
                    address || '|' || prescriber_contact || '|' || notes || '|' ||
                    birth_date || '|' || gender || '|' || anonymised_on
             FROM employee WHERE id = 1"
        ),
        // Born 15/07/1990, followed 02/01/2017–30/06/2019: 26 on 15/07/2016, 50 in 2040,
        // both outside the path: the 1st of January 1990 gives the same band every day.
        "Personne anonymisée n° 1|||||||1990-01-01|f|2025-01-15"
    );
    assert_eq!(
        text(&conn, "SELECT last_name FROM employee WHERE id = 2"),
        "Petit"
    );
    for (sql, expected) in [
        ("SELECT notes || duration_minutes FROM follow_up", "45"),
        (
            "SELECT rsa || court_measure || coalesce(unemployment_months, '-') ||
                    (SELECT count(*) FROM employee_criterion WHERE employee_id = 1)
             FROM employee WHERE id = 1",
            "00-0",
        ),
        (
            "SELECT detail || category || date FROM exit WHERE employee_id = 1",
            "12019-06-30",
        ),
        ("SELECT number || end_date FROM approval", "2019-01-01"),
        ("SELECT disability || age FROM fse_snapshot", "non26"),
        (
            "SELECT last_name || '|' || first_name || '|' || co_member || '|' || phone || email
             FROM member WHERE id = 10",
            "Foyer anonymisé n° 10|||",
        ),
        ("SELECT drawer || amount_cents FROM payment", "4500"),
        (
            "SELECT group_concat(outside_name, ',') FROM attendance WHERE session_id IN (1, 2)
             AND outside_name LIKE 'Participant%'",
            "Participant anonymisé n° 1,Participant anonymisé n° 1",
        ),
        (
            "SELECT group_concat(outside_name, ',') FROM attendance WHERE outside_name LIKE 'Yves%'",
            "Yves Noir,Yves Noir",
        ),
    ] {
        assert_eq!(text(&conn, sql), expected, "{sql}");
    }
    // Nobody left to anonymise, and doing it again changes nothing.
    assert!(due_people(&garden, today).is_empty());
    assert_eq!(privacy::anonymise_due(&garden, today).unwrap().total(), 0);
    // A backup was made just before, and it still holds the names.
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("sauvegardes"))
        .or_else(|_| std::fs::read_dir(dir.path()))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("binette-")
        })
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let old = Connection::open(&backups[0]).unwrap();
    assert_eq!(
        text(&old, "SELECT last_name FROM employee WHERE id = 1"),
        "Martin"
    );
}

#[test]
fn the_workshop_and_insertion_figures_are_the_same_after() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    let figures = |name: &str| {
        let mut all = Vec::new();
        for year in 2016..=2023 {
            let out = dir.path().join(format!("{name}{year}"));
            let (from, to) = (date(year, 1, 1), date(year, 12, 31));
            for file in reports::write_csv(
                &garden,
                from,
                to,
                SectionChoice::ALL,
                &out,
                date(2030, 1, 1),
            )
            .unwrap()
            {
                all.push(std::fs::read_to_string(file).unwrap());
            }
        }
        all
    };
    let before = figures("avant");
    // 2022: Zoé Blanc, written two ways, counts once, with Yves Noir: 2 people, 3 present.
    let workshops = before
        .iter()
        .find(|f| f.contains("Séances;Cuisine;2"))
        .unwrap();
    assert!(
        workshops.contains("Participants distincts;Total;2"),
        "{workshops}"
    );
    assert!(workshops.contains("Présences;Total;3"), "{workshops}");
    privacy::anonymise_due(&garden, date(2025, 1, 15)).unwrap();
    assert!(before == figures("apres"), "the figures changed");
}

#[test]
fn one_person_now_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    let today = date(2020, 1, 1);
    // Bruno Petit's path is open: anonymised all the same when asked; his birth date stays
    // exact only if a band changes during his open path (born 01/01/1980: 50 on
    // 01/01/2030, already the 1st of January).
    assert_eq!(
        privacy::anonymise_employee(&garden, 2, today)
            .unwrap()
            .employees,
        1
    );
    assert_eq!(
        standing(&garden, &Person::Employee(2), today).unwrap(),
        Standing::Anonymised
    );
    assert_eq!(
        privacy::anonymise_member(&garden, 11, today)
            .unwrap()
            .members,
        1
    );
    let refused = privacy::anonymise_employee(&garden, 99, today).unwrap_err();
    assert!(
        refused.to_string().contains("Aucun salarié n° 99"),
        "{refused}"
    );
    // All or none: a selection with an unknown id changes nobody.
    let refused = privacy::anonymise(&garden, &[Person::Employee(1), Person::Member(99)], today);
    assert!(refused.is_err());
    assert_eq!(
        standing(&garden, &Person::Employee(1), today).unwrap(),
        Standing::KeptUntil(date(2024, 6, 30))
    );
}

#[test]
fn a_garden_open_read_only_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(garden_at(&db));
    let garden = Garden::new_read_only(store::open_read_only(&db).unwrap(), db.clone());
    assert!(privacy::anonymise_due(&garden, date(2030, 1, 1)).is_err());
    assert_eq!(privacy::due_count(&garden, date(2030, 1, 1)).unwrap(), 4);
    assert_eq!(
        Connection::open(&db)
            .unwrap()
            .query_row("SELECT last_name FROM employee WHERE id = 1", [], |r| {
                r.get::<_, String>(0)
            })
            .unwrap(),
        "Martin"
    );
}

/// Text of a row's earlier version (a phone changed long ago) lies in the page's free space
/// until the file is rebuilt: after anonymising, neither phone is in the file's bytes.
#[test]
fn no_earlier_text_is_left_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_at(&db);
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "UPDATE employee SET phone = '07 98 76 54 32', email = 'ancienne@exemple.fr'
             WHERE id = 1;
             UPDATE employee SET phone = '06 99 88 77 66', email = '' WHERE id = 1;
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
    let bytes = || std::fs::read(&db).unwrap();
    let has = |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    assert!(
        has(&bytes(), "06 99 88 77 66"),
        "the current phone is in the file"
    );
    privacy::anonymise_due(&garden, date(2025, 1, 15)).unwrap();
    let after = bytes();
    for text in [
        "07 98 76 54 32",
        "06 99 88 77 66",
        "ancienne@exemple.fr",
        "Martin",
        "Alice",
    ] {
        assert!(!has(&after, text), "{text} left in the file");
    }
    assert!(
        !std::path::Path::new(&format!("{}-wal", db.display()))
            .metadata()
            .is_ok_and(|m| m.len() > 0)
    );
}

#[test]
fn accueil_reminds_once_a_year_while_people_are_due() {
    use binette::app::privacy::retention::{put_off_reminder, reminder};
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    // 04/05/2023: nobody due, nothing to remind.
    assert_eq!(reminder(&garden, date(2023, 5, 4)).unwrap(), None);
    // 31/12/2024: the four people of the due list above.
    assert_eq!(reminder(&garden, date(2024, 12, 31)).unwrap(), Some(4));
    // Put off that day: quiet until 31/12/2025, the day a year later.
    put_off_reminder(&garden, date(2024, 12, 31)).unwrap();
    assert_eq!(reminder(&garden, date(2025, 12, 30)).unwrap(), None);
    assert_eq!(reminder(&garden, date(2025, 12, 31)).unwrap(), Some(4));
}
