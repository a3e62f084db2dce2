//! One order of names: SQLite (`COLLATE FR`) and Rust (`domain::text::compare`) sort the
//! same way, accents and ligatures of every Latin script folded ("Émilie" before "Zoé").

#![allow(clippy::unwrap_used)] // Integration-test helpers are outside #[test] functions.

use binette::domain::baskets::{Member, MemberStatus};
use binette::domain::employees::{Employee, Gender, SortColumn, StatusFilter, visible_rows};
use binette::domain::text::compare;
use binette::store::employees::{insert_employee, list_employee_rows, list_employees};
use binette::store::members::{insert_member, list_members};
use binette::store::{Connection, open, open_in_memory, open_read_only};
use chrono::NaiveDate;

/// Typed in an order that is neither the expected one nor the byte order.
const TYPED: [&str; 6] = ["Zoé", "Œuvray", "Łukasz", "Étienne", "Ødegaard", "Émilie"];

/// Folded: zoe, oeuvray, lukasz, etienne, odegaard, emilie; in alphabetical order of
/// those keys: emilie < etienne < lukasz < odegaard ("od" < "oe") < oeuvray < zoe.
/// (`COLLATE NOCASE` put every accented initial after "Zoé".)
const FRENCH_ORDER: [&str; 6] = ["Émilie", "Étienne", "Łukasz", "Ødegaard", "Œuvray", "Zoé"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

fn member(last: &str, first: &str) -> Member {
    Member {
        id: 0,
        last_name: last.into(),
        first_name: first.into(),
        co_member: String::new(),
        address: String::new(),
        postcode: String::new(),
        city: String::new(),
        phone: String::new(),
        phone2: String::new(),
        email: String::new(),
        notes: String::new(),
        status: MemberStatus::Active,
        joined_on: None,
    }
}

fn add_members(conn: &Connection) {
    for name in TYPED {
        insert_member(conn, &member(name, "Anne")).unwrap();
    }
}

fn rust_sorted(names: &[&str]) -> Vec<String> {
    let mut sorted: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    sorted.sort_by(|a, b| compare(a, b));
    sorted
}

#[test]
fn members_listed_by_sql_in_the_rust_order() {
    let conn = open_in_memory().unwrap();
    add_members(&conn);
    let listed: Vec<String> = list_members(&conn)
        .unwrap()
        .into_iter()
        .map(|m| m.last_name)
        .collect();
    assert_eq!(listed, FRENCH_ORDER);
    assert_eq!(rust_sorted(&TYPED), FRENCH_ORDER);
}

#[test]
fn employees_sorted_alike_by_sql_and_by_the_list_screen() {
    let conn = open_in_memory().unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    // Same last name: the first names decide, in SQL's second sort column.
    for first in TYPED {
        insert_employee(
            &conn,
            &Employee::new(first, "Martin", Gender::Female, start),
        )
        .unwrap();
    }
    let by_sql: Vec<String> = list_employees(&conn)
        .unwrap()
        .into_iter()
        .map(|e| e.first_name)
        .collect();
    assert_eq!(by_sql, FRENCH_ORDER);

    let rows = list_employee_rows(&conn, today()).unwrap();
    let by_sql_rows: Vec<&str> = rows.iter().map(|r| r.first_name.as_str()).collect();
    assert_eq!(by_sql_rows, FRENCH_ORDER);
    // The list screen re-sorts in Rust, by either name column, with the same result.
    for column in [SortColumn::LastName, SortColumn::FirstName] {
        let shown = visible_rows(&rows, "", StatusFilter::All, today(), column, false);
        let by_rust: Vec<&str> = shown.iter().map(|&i| rows[i].first_name.as_str()).collect();
        assert_eq!(by_rust, FRENCH_ORDER, "{column:?}");
    }
}

#[test]
fn read_only_connections_sort_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    {
        let conn = open(&path).unwrap();
        add_members(&conn);
    }
    // Without the collation registered, this query would fail ("no such collation").
    let conn = open_read_only(&path).unwrap();
    let listed: Vec<String> = list_members(&conn)
        .unwrap()
        .into_iter()
        .map(|m| m.last_name)
        .collect();
    assert_eq!(listed, FRENCH_ORDER);
}
