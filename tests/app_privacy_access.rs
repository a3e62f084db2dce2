//! A person's data on request (`app::privacy::access`) and the register entry
//! (`app::privacy::register`) without a window: on the demonstration garden every stored
//! value of every row about one employee and one member is in the JSON; a hand-made
//! employee's sensitive answers are in the PDF; another household's rows stay out; the
//! register states the retention and backup periods.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use binette::app::Garden;
use binette::app::privacy::{access, register};
use binette::store::privacy_access::Person;
use binette::store::{self, Connection, demo::create_demo, settings};
use chrono::NaiveDate;
use serde_json::Value;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

/// One stored row: its table and its non-null (column, value) pairs.
type Stored = (String, Vec<(String, rusqlite::types::Value)>);

fn rows_where(conn: &Connection, table: &str, column: &str, value: i64) -> Vec<Stored> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT * FROM \"{table}\" WHERE \"{column}\" = ?1"
        ))
        .unwrap();
    let names: Vec<String> = stmt.column_names().map(str::to_owned).collect();
    stmt.query_map([value], |row| {
        let mut cells = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let v: rusqlite::types::Value = row.get(i)?;
            if v != rusqlite::types::Value::Null {
                cells.push((name.clone(), v));
            }
        }
        Ok((table.to_owned(), cells))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// (table, column) of every foreign key to `parent`, with its ON DELETE action.
fn links_to(conn: &Connection, parent: &str) -> Vec<(String, String, String)> {
    conn.prepare(
        "SELECT m.name, f.\"from\", f.on_delete FROM sqlite_schema m,
                pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = ?1",
    )
    .unwrap()
    .query_map([parent], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// Every row about the person: their own row, the rows referencing it, and the rows
/// referencing those by their `id` (two levels: approval changes, follow-up themes,
/// pickups, solidarity terms and their funding…), as SQL reads them directly.
fn stored_about(conn: &Connection, table: &str, id: i64) -> Vec<Stored> {
    let mut all = rows_where(conn, table, "id", id);
    for (child, column, on_delete) in links_to(conn, table) {
        let rows = rows_where(conn, &child, &column, id);
        if on_delete != "SET NULL" {
            for row in &rows {
                let Some((_, rusqlite::types::Value::Integer(row_id))) =
                    row.1.iter().find(|(c, _)| c == "id")
                else {
                    continue;
                };
                for (grandchild, gcolumn, _) in links_to(conn, &child) {
                    all.extend(rows_where(conn, &grandchild, &gcolumn, *row_id));
                }
            }
        }
        all.extend(rows);
    }
    all
}

fn same(json: &Value, value: &rusqlite::types::Value) -> bool {
    use rusqlite::types::Value as V;
    match value {
        V::Integer(i) => json.as_i64() == Some(*i),
        V::Real(r) => json.as_f64() == Some(*r),
        V::Text(t) => json.as_str() == Some(t.as_str()),
        V::Blob(_) | V::Null => false,
    }
}

/// Asserts that every stored row is in the JSON's `donnees`, every non-null value under
/// its column; returns how many rows were checked.
fn assert_all_in_json(stored: &[Stored], json: &Value) -> usize {
    let tables = json["donnees"].as_array().unwrap();
    for (table, cells) in stored {
        let lines = tables
            .iter()
            .find(|t| t["table"] == table.as_str())
            .unwrap_or_else(|| panic!("table {table} missing from the JSON"))["lignes"]
            .as_array()
            .unwrap();
        let found = lines
            .iter()
            .any(|line| cells.iter().all(|(c, v)| same(&line[c], v)));
        assert!(
            found,
            "a row of {table} is missing from the JSON: {cells:?}"
        );
    }
    stored.len()
}

fn demo_garden(dir: &Path) -> (Garden, Connection) {
    let path = dir.join("demo.sqlite3");
    let conn = store::open(&path).unwrap();
    create_demo(&conn, 1, today()).unwrap();
    let check = store::open(&path).unwrap();
    (Garden::new(conn, path), check)
}

fn json_of(garden: &Garden, person: Person, out: &Path) -> Value {
    let files = access::export(garden, person, out, today()).unwrap();
    assert!(files.pdf.exists(), "{}", files.pdf.display());
    serde_json::from_slice(&std::fs::read(&files.json).unwrap()).unwrap()
}

/// The id with the most rows referencing it among `sql`'s candidates.
fn richest(conn: &Connection, table: &str, sql: &str) -> i64 {
    let ids: Vec<i64> = conn
        .prepare(sql)
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!ids.is_empty(), "no candidate: {sql}");
    ids.into_iter()
        .max_by_key(|id| stored_about(conn, table, *id).len())
        .unwrap()
}

#[test]
fn a_demo_employee_s_export_holds_every_value_stored_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let (garden, check) = demo_garden(dir.path());
    let id = richest(&check, "employee", "SELECT id FROM employee");
    let stored = stored_about(&check, "employee", id);
    let json = json_of(&garden, Person::Employee(id), dir.path());
    let checked = assert_all_in_json(&stored, &json);
    // Their row, a path, a contract at least: the check is not empty.
    assert!(checked >= 3, "only {checked} rows");
    let tables: Vec<&str> = stored.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        tables.contains(&"contract") && tables.contains(&"path"),
        "{tables:?}"
    );
    assert_eq!(json["personne"]["id"], id);
}

#[test]
fn a_demo_member_s_export_holds_every_value_stored_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let (garden, check) = demo_garden(dir.path());
    let id = richest(
        &check,
        "member",
        "SELECT DISTINCT member_id FROM subscription s JOIN pickup p ON p.subscription_id = s.id
         LIMIT 40",
    );
    let stored = stored_about(&check, "member", id);
    let json = json_of(&garden, Person::Member(id), dir.path());
    let checked = assert_all_in_json(&stored, &json);
    let tables: Vec<&str> = stored.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        tables.contains(&"pickup") && tables.contains(&"subscription"),
        "{tables:?}"
    );
    assert!(checked >= 3, "only {checked} rows");
}

/// Two households: Anne (id 1) and Bruno (id 2); Bruno's basket is shared with Anne and
/// has two pickups; Anne has her own basket with one pickup, a payment and a fee.
const HOUSEHOLDS: &str = "
    INSERT INTO member (id, last_name, first_name, phone) VALUES
        (1, 'Martin', 'Anne', '06 11 11 11 11'), (2, 'Petit', 'Bruno', '06 22 22 22 22');
    INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
    INSERT INTO depot (id, name, weekday) VALUES (1, 'Jardin', 2);
    INSERT INTO subscription (id, member_id, shared_with, size_id, depot_id, start_date,
                              anchor_monday)
        VALUES (10, 1, NULL, 1, 1, '2026-01-05', '2026-01-05'),
               (20, 2, 1, 1, 1, '2026-01-05', '2026-01-05');
    INSERT INTO pickup (monday, subscription_id, status) VALUES
        ('2026-01-05', 10, 'retire'),
        ('2026-01-12', 20, 'retire'), ('2026-01-19', 20, 'non_retire');
    INSERT INTO payment (id, member_id, received_on, amount_cents, mode, drawer)
        VALUES (1, 1, '2026-01-06', 4250, 'cheque', 'Anne Martin');
    INSERT INTO account_entry (member_id, entry_on, kind, label, amount_cents)
        VALUES (1, '2026-01-31', 'frais', 'Frais de rejet', 350);
";

#[test]
fn a_basket_shared_with_a_household_comes_without_the_other_household_s_pickups() {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(HOUSEHOLDS).unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    let read = access::access_data(&garden, Person::Member(1)).unwrap();
    let table = |name: &str| {
        read.data
            .tables
            .iter()
            .find(|t| t.table == name)
            .map_or(0, |t| t.rows.len())
    };
    // Anne's own basket and the one Bruno shares with her.
    assert_eq!(table("subscription"), 2);
    // Only her own pickup: Bruno's two are his.
    assert_eq!(table("pickup"), 1);
    assert_eq!(table("payment"), 1);
    assert_eq!(table("account_entry"), 1);
    // Bruno's file is never a reference.
    assert!(read.data.references.iter().all(|t| t.table != "member"));
    let text = pdf_text(&access::access_pdf(&garden, Person::Member(1), today()).unwrap());
    assert!(
        !text.contains("06 22 22 22 22"),
        "Bruno's phone is not printed"
    );
    assert!(text.contains("06 11 11 11 11"));
    // 4 250 cents printed as euros, the fee's label as typed.
    assert!(text.contains("42,50 €"), "{text}");
    assert!(text.contains("Frais de rejet"));
}

/// Salomé Texier: RSA, RQTH and a court measure ticked, 30 months out of work; her FSE+
/// entry answers say disability "oui" and homeless "oui".
const SALOME: &str = "
    INSERT INTO employee (id, last_name, first_name, gender, entry_date, rsa, rqth,
                          court_measure, unemployment_months, prescriber_contact)
        VALUES (7, 'Texier', 'Salomé', 'f', '2026-02-02', 1, 1, 1, 30, 'Mme Quentin SPIP');
    INSERT INTO fse_snapshot (employee_id, stage, taken_on, gender, age, disability, homeless)
        VALUES (7, 'entree', '2026-02-02', 'f', 41, 'oui', 'oui');
";

/// The text right after `label` in `text`, trimmed.
fn after<'a>(text: &'a str, label: &str) -> &'a str {
    let at = text
        .find(label)
        .unwrap_or_else(|| panic!("« {label} » not in {text}"));
    text[at + label.len()..].trim_start()
}

#[test]
fn a_hand_made_employee_s_sensitive_answers_are_in_the_pdf_and_marked() {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(SALOME).unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    let text = pdf_text(&access::access_pdf(&garden, Person::Employee(7), today()).unwrap());
    // Words as read, one space apart (a label may wrap in its cell).
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("TEXIER Salomé"));
    assert!(after(&text, "Bénéficiaire du RSA [donnée sensible]").starts_with("oui"));
    assert!(after(&text, "Bénéficiaire de l'ASS [donnée sensible]").starts_with("non"));
    assert!(after(&text, "Mesure de justice [donnée sensible]").starts_with("oui"));
    // Not a sensitive field: no marker.
    assert!(after(&text, "Mois de chômage").starts_with("30"));
    assert!(after(&text, "Situation de handicap [donnée sensible]").starts_with("oui"));
    assert!(after(&text, "exclusion du logement [donnée sensible]").starts_with("oui"));
    assert!(after(&text, "Date d'entrée").starts_with("02/02/2026"));
    assert!(text.contains("Mme Quentin SPIP"));
    assert!(after(&text, "RQTH (travailleur handicapé) [donnée sensible]").starts_with("oui"));
}

#[test]
fn the_files_are_written_into_the_folder_named_after_the_person() {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(SALOME).unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    let dir = tempfile::tempdir().unwrap();
    let files = access::export_employee(&garden, 7, dir.path(), today()).unwrap();
    assert_eq!(
        files.pdf.file_name().unwrap(),
        "donnees-texier-salome-2026-12-05.pdf"
    );
    let json: Value = serde_json::from_slice(&std::fs::read(&files.json).unwrap()).unwrap();
    let own = &json["donnees"][0];
    assert_eq!(own["table"], "employee");
    assert_eq!(own["lignes"][0]["rqth"], 1);
    assert_eq!(own["colonnes"]["rqth"], "RQTH (travailleur handicapé)");
    assert!(
        own["donnees_sensibles"]
            .as_array()
            .unwrap()
            .contains(&"rqth".into())
    );
    // A missing folder and an unknown person are refused in French.
    let missing = dir.path().join("absent");
    let error = access::export_employee(&garden, 7, &missing, today()).unwrap_err();
    assert!(error.to_string().contains("n'existe pas"), "{error}");
    let error = access::export_employee(&garden, 99, dir.path(), today()).unwrap_err();
    assert!(error.to_string().contains("Aucune fiche n° 99"), "{error}");
}

#[test]
fn the_register_states_the_retention_settings_and_the_backups() {
    let conn = store::open_in_memory().unwrap();
    settings::set(&conn, "garden_name", "Jardin des Sources").unwrap();
    settings::set(&conn, "garden_siret", "81234567800013").unwrap();
    settings::set(&conn, "retention_employee_years", "7").unwrap();
    conn.execute_batch(SALOME).unwrap();
    let garden = Garden::new(conn, "/data/jardin.sqlite3".into());
    let text = pdf_text(&register::register_pdf(&garden, today()).unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Jardin des Sources"));
    assert!(flat.contains("SIRET 81234567800013"));
    // 7 years as set; members 3 and participants 1 by default.
    assert!(flat.contains("Salariés : 7 ans après"), "{flat}");
    assert!(flat.contains("Adhérents : 3 ans après"), "{flat}");
    assert!(
        flat.contains("Participants extérieurs : 1 an après"),
        "{flat}"
    );
    assert!(flat.contains("(14 jours)"), "{flat}");
    assert!(flat.contains("/data/jardin.sqlite3"), "{flat}");
    assert!(flat.contains("rien ne quitte cet ordinateur"), "{flat}");
    // One employee on file (Salomé).
    assert!(flat.contains("Salariés en parcours (1 fiche)"), "{flat}");
    let pages = lopdf::Document::load_mem(&register::register_pdf(&garden, today()).unwrap())
        .unwrap()
        .get_pages()
        .len();
    assert_eq!(pages, 1, "the register entry is one page");
}

#[test]
fn a_column_or_table_added_later_is_exported_without_touching_the_export() {
    let conn = store::open_in_memory().unwrap();
    conn.execute_batch(SALOME).unwrap();
    // What a future migration might add: a column, and a table about the person whose
    // rows have rows of their own.
    conn.execute_batch(
        "ALTER TABLE employee ADD COLUMN driving_licence TEXT;
         UPDATE employee SET driving_licence = 'permis B en cours' WHERE id = 7;
         CREATE TABLE interview (id INTEGER PRIMARY KEY,
             employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
             place TEXT NOT NULL);
         CREATE TABLE interview_note (interview_id INTEGER NOT NULL
             REFERENCES interview (id) ON DELETE CASCADE, body TEXT NOT NULL);
         INSERT INTO interview (id, employee_id, place) VALUES (1, 7, 'Mairie');
         INSERT INTO interview_note (interview_id, body) VALUES (1, 'Note du futur');",
    )
    .unwrap();
    let garden = Garden::new(conn, "x.sqlite3".into());
    let dir = tempfile::tempdir().unwrap();
    let json = json_of(&garden, Person::Employee(7), dir.path());
    let tables = json["donnees"].as_array().unwrap();
    let rows = |name: &str| {
        tables
            .iter()
            .find(|t| t["table"] == name)
            .unwrap_or_else(|| panic!("{name} missing"))["lignes"]
            .clone()
    };
    assert_eq!(rows("employee")[0]["driving_licence"], "permis B en cours");
    assert_eq!(rows("interview")[0]["place"], "Mairie");
    assert_eq!(rows("interview_note")[0]["body"], "Note du futur");
    // Unknown to the labels: shown under its schema name in the PDF.
    let text = pdf_text(&access::access_pdf(&garden, Person::Employee(7), today()).unwrap());
    assert!(text.contains("driving_licence") && text.contains("permis B en cours"));
}
