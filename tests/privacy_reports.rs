//! Anonymisation keeps the statistics: on the demo garden, years later, everyone past
//! retention is anonymised; every activity report of every past year (and quarter) is then
//! the same CSV, byte for byte, and no erased name, phone or e-mail is left in the file.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use binette::app::{Garden, privacy, reports};
use binette::domain::activity::SectionChoice;
use binette::domain::privacy::Person;
use binette::store;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the demo garden is made.
fn demo_day() -> NaiveDate {
    date(2026, 11, 28)
}

/// Thirty years later: everyone whose files ended is past retention; reports are made on
/// this day before and after, so that « recorded » and « planned » days are the same.
fn later() -> NaiveDate {
    date(2056, 11, 28)
}

fn demo_garden(path: &Path) -> Garden {
    let conn = store::open(path).unwrap();
    store::demo::create_demo(&conn, 1, demo_day()).unwrap();
    Garden::new(conn, path.to_path_buf())
}

/// Every year with data, and each of its quarters, then the whole span.
fn periods(conn: &Connection) -> Vec<(NaiveDate, NaiveDate)> {
    let first: String = conn
        .query_row(
            "SELECT min(d) FROM (SELECT min(entry_date) AS d FROM path
                UNION ALL SELECT min(date) FROM harvest
                UNION ALL SELECT min(start_date) FROM subscription
                UNION ALL SELECT min(date) FROM workshop_session)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let first_year: i32 = first[..4].parse().unwrap();
    let last_year = demo_day().year() + 1;
    let mut periods = Vec::new();
    for year in first_year..=last_year {
        periods.push((date(year, 1, 1), date(year, 12, 31)));
        for q in 0..4 {
            let from = date(year, 3 * q + 1, 1);
            let to = if q == 3 {
                date(year, 12, 31)
            } else {
                date(year, 3 * q + 4, 1).pred_opt().unwrap()
            };
            periods.push((from, to));
        }
    }
    periods.push((date(first_year, 1, 1), date(last_year, 12, 31)));
    periods
}

/// The CSV files of every period, as (period, file name, bytes).
fn all_csv(
    garden: &Garden,
    periods: &[(NaiveDate, NaiveDate)],
    dir: &Path,
) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (n, (from, to)) in periods.iter().enumerate() {
        let folder = dir.join(n.to_string());
        let files =
            reports::write_csv(garden, *from, *to, SectionChoice::ALL, &folder, later()).unwrap();
        for file in files {
            let name = format!(
                "{from}..{to} {}",
                file.file_name().unwrap().to_string_lossy()
            );
            out.push((name, std::fs::read(&file).unwrap()));
        }
    }
    out
}

/// The texts that identify the people due: names, phones, e-mails, addresses.
fn identifying_texts(conn: &Connection, due: &[Person]) -> BTreeSet<String> {
    let mut texts = BTreeSet::new();
    for person in due {
        let (sql, key): (&str, rusqlite::types::Value) = match person {
            Person::Employee(id) => (
                "SELECT last_name, first_name, phone, email, address FROM employee WHERE id = ?1",
                (*id).into(),
            ),
            Person::Member(id) => (
                "SELECT last_name, first_name, phone, email, address, co_member, phone2
                 FROM member WHERE id = ?1",
                (*id).into(),
            ),
            Person::Participant(key) => (
                "SELECT DISTINCT outside_name FROM attendance WHERE lower(trim(outside_name)) = ?1",
                key.clone().into(),
            ),
        };
        let mut stmt = conn.prepare(sql).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([key]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for c in 0..columns {
                let text: String = row.get(c).unwrap();
                if text.trim().len() >= 4 {
                    texts.insert(text.trim().to_string());
                }
            }
        }
    }
    texts
}

/// Every text value left in the database, as SQL reads it.
fn every_text(conn: &Connection) -> String {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut all = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for c in 0..columns {
                if let Ok(rusqlite::types::ValueRef::Text(t)) = row.get_ref(c) {
                    all.push_str(&String::from_utf8_lossy(t));
                    all.push('\n');
                }
            }
        }
    }
    all
}

fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    if let Ok(more) = std::fs::read(wal) {
        bytes.extend(more);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn reports_are_the_same_and_no_erased_name_is_left_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = demo_garden(&db);
    let reader = Connection::open(&db).unwrap();
    let periods = periods(&reader);
    let before = all_csv(&garden, &periods, &dir.path().join("avant"));

    let due: Vec<Person> = privacy::due_list(&garden, later())
        .unwrap()
        .into_iter()
        .map(|d| d.person)
        .collect();
    let kinds: BTreeSet<_> = due.iter().map(Person::kind).collect();
    assert_eq!(
        kinds.len(),
        3,
        "employees, households and outside people are due: {due:?}"
    );
    let texts = identifying_texts(&reader, &due);
    assert!(file_bytes(&db).len() > 10_000);
    assert!(
        texts.iter().all(|t| contains(&file_bytes(&db), t)),
        "the check reads the file: before, every text is in it"
    );

    let done = privacy::anonymise_due(&garden, later()).unwrap();
    assert_eq!(done.total(), due.len());
    assert!(privacy::due_list(&garden, later()).unwrap().is_empty());

    let after = all_csv(&garden, &periods, &dir.path().join("apres"));
    assert_eq!(before.len(), after.len());
    for ((name, a), (_, b)) in before.iter().zip(&after) {
        assert!(
            a == b,
            "{name} changed:\n{}\n---\n{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }

    // Texts that were only theirs: gone from the rows and from the file's bytes (free pages
    // and the write-ahead log included).
    let left = every_text(&reader);
    let theirs: Vec<&String> = texts
        .iter()
        .filter(|t| !left.contains(t.as_str()))
        .collect();
    assert!(
        theirs.len() >= due.len(),
        "{} texts of {} people",
        theirs.len(),
        due.len()
    );
    let bytes = file_bytes(&db);
    let found: Vec<&&String> = theirs.iter().filter(|t| contains(&bytes, t)).collect();
    assert!(found.is_empty(), "left in the file: {found:?}");
}
