//! `binette sheets`, run as a user would.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn binette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_binette"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A garden with two depots (Thursday "Salle des fêtes", Monday "Épicerie du Moulin"), one
/// member each, and the week 2026-W49 closed.
fn garden(path: &Path) {
    let conn = binette::store::open(path).unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO depot (id, name, weekday) VALUES
             (1, 'Salle des fêtes', 4), (2, 'Épicerie du Moulin', 1);
         INSERT INTO member (id, last_name, first_name) VALUES (1, 'Étienne', 'Élodie'),
             (2, 'Martin', 'Anne');
         INSERT INTO subscription (member_id, size_id, depot_id, start_date, anchor_monday) VALUES
             (1, 1, 1, '2026-01-01', '2025-12-29'), (2, 1, 2, '2026-01-01', '2025-12-29');
         INSERT INTO closure (monday, reason) VALUES ('2026-11-30', 'Inventaire');",
    )
    .unwrap();
}

#[test]
fn sheets_writes_the_whole_set() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    garden(&db);
    let out = dir.path().join("feuilles");
    let run = binette(&[
        "sheets",
        "--db",
        db.to_str().unwrap(),
        "--week",
        "2026-W48",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "emargement-epicerie-du-moulin.pdf",
            "emargement-salle-des-fetes.pdf",
            "emargement-tous.pdf",
            "preparation.pdf",
            "synthese.pdf"
        ]
    );
    for name in &names {
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{name}");
    }
    let one = lopdf::Document::load(out.join("emargement-salle-des-fetes.pdf")).unwrap();
    let text = one.extract_text(&[1]).unwrap();
    assert!(text.contains("Étienne"), "{text}");
    assert!(!text.contains("Martin"), "{text}");
}

#[test]
fn a_week_without_delivery_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    garden(&db);
    let out = dir.path().join("feuilles");
    let run = binette(&[
        "sheets",
        "--db",
        db.to_str().unwrap(),
        "--week",
        "2026-W49",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("Pas de livraison"),
        "{}",
        stderr(&run)
    );
    assert!(!out.exists());
    let bad = binette(&[
        "sheets",
        "--db",
        db.to_str().unwrap(),
        "--week",
        "48",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("2026-W48"), "{}", stderr(&bad));
    assert!(!out.exists());
}

#[test]
fn phones_are_printed_only_with_the_phones_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    garden(&db);
    binette::store::open(&db)
        .unwrap()
        .execute(
            "UPDATE member SET phone = '06 11 22 33 44' WHERE id = 1",
            [],
        )
        .unwrap();
    let sheet_text = |flag: Option<&str>| {
        let out = dir.path().join(format!("feuilles-{}", flag.is_some()));
        let mut args = vec![
            "sheets",
            "--db",
            db.to_str().unwrap(),
            "--week",
            "2026-W48",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend(flag);
        let run = binette(&args);
        assert!(run.status.success(), "{}", stderr(&run));
        let pdf = lopdf::Document::load(out.join("emargement-salle-des-fetes.pdf")).unwrap();
        pdf.extract_text(&[1]).unwrap()
    };
    assert!(!sheet_text(None).contains("06 11 22 33 44"));
    assert!(sheet_text(Some("--phones")).contains("06 11 22 33 44"));
}
