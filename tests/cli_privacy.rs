//! `binette privacy`, run as a user would.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn binette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_binette"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Employee 1 left on 30/06/2015 (due since 30/06/2020); employee 2 is still on their
/// path; household 10 stopped its baskets on 29/06/2015 (due since 31/12/2018: its 2015
/// membership counts to 31/12/2015); household 11 is « actif ».
fn garden(path: &Path) {
    let conn = binette::store::open(path).unwrap();
    conn.execute_batch(
        "INSERT INTO employee (id, last_name, first_name, gender, entry_date) VALUES
             (1, 'Martin', 'Alice', 'f', '2014-01-06'), (2, 'Petit', 'Bruno', 'm', '2024-01-08');
         INSERT INTO exit (employee_id, date, category) VALUES (1, '2015-06-30', 1);
         INSERT INTO member (id, last_name, first_name, status) VALUES
             (10, 'Dupont', 'Jeanne', 'parti'), (11, 'Durand', 'Marc', 'actif');
         INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 2);
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, end_date,
                                   anchor_monday)
             VALUES (1, 10, 1, 1, '2015-01-05', '2015-06-29', '2015-01-05');
         INSERT INTO membership (member_id, year, amount_cents, paid_on, method) VALUES
             (10, 2015, 1000, '2015-01-10', 'cheque');",
    )
    .unwrap();
}

#[test]
fn due_lists_who_why_and_since_when() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    garden(&db);
    let output = binette(&["privacy", "due", "--db", db.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("2 personne(s) à anonymiser"), "{text}");
    assert!(
        text.contains(
            "DUPONT Jeanne (adhérent n° 10) : depuis le 31/12/2018 — Dernier panier, abonnement \
             ou adhésion le 31/12/2015 ; durée de conservation : 3 ans"
        ),
        "{text}"
    );
    assert!(
        text.contains("MARTIN Alice (salarié n° 1) : depuis le 30/06/2020"),
        "{text}"
    );
    assert!(
        !text.contains("PETIT") && !text.contains("DURAND"),
        "{text}"
    );
}

#[test]
fn anonymise_one_then_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    garden(&db);
    let db_arg = db.to_str().unwrap();
    let output = binette(&["privacy", "anonymise", "--db", db_arg, "--member", "10"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("0 salarié(s), 1 adhérent(s)"),
        "{}",
        stdout(&output)
    );
    let output = binette(&["privacy", "anonymise", "--db", db_arg, "--due"]);
    assert!(
        stdout(&output).contains("1 salarié(s), 0 adhérent(s)"),
        "{}",
        stdout(&output)
    );
    let output = binette(&["privacy", "due", "--db", db_arg]);
    assert_eq!(
        stdout(&output),
        "Personne n'a dépassé sa durée de conservation.\n"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let names: String = conn
        .query_row(
            "SELECT group_concat(last_name, ',') FROM (SELECT last_name FROM employee
             UNION ALL SELECT last_name FROM member ORDER BY 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        names,
        "Durand,Foyer anonymisé n° 10,Personne anonymisée n° 1,Petit"
    );
}

#[test]
fn anonymise_needs_someone_and_refuses_an_unknown_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    garden(&db);
    let db_arg = db.to_str().unwrap();
    let output = binette(&["privacy", "anonymise", "--db", db_arg]);
    assert!(!output.status.success());
    let output = binette(&["privacy", "anonymise", "--db", db_arg, "--employee", "42"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("Aucun salarié n° 42"),
        "{}",
        stderr(&output)
    );
}
