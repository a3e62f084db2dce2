//! `binette report`, run as a user would.

#![allow(clippy::unwrap_used)]

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

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

#[test]
fn report_writes_a_pdf_and_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let conn = binette::store::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO crop (id, name) VALUES (1, 'Poireau');
         INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
             ('2026-02-10', 1, 42.5, 'kg', 'paniers');",
    )
    .unwrap();
    drop(conn);
    let out = dir.path().join("bilan.pdf");
    let csv = dir.path().join("csv");
    let output = binette(&[
        "report",
        "--db",
        db.to_str().unwrap(),
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--out",
        out.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = pdf_text(&std::fs::read(&out).unwrap());
    assert!(text.contains("Poireau") && text.contains("42,5"), "{text}");
    assert!(
        text.contains("Aucune donnée pour cette période."),
        "no employee yet"
    );
    let production = std::fs::read_to_string(csv.join("bilan-production.csv")).unwrap();
    assert!(production.contains("kg par légume;Poireau;42,50"));
    assert_eq!(std::fs::read_dir(&csv).unwrap().count(), 4);
}

#[test]
fn report_refuses_a_reversed_or_future_period_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(binette::store::open(&db).unwrap());
    let out = dir.path().join("bilan.pdf");
    let run = |from: &str, to: &str| {
        binette(&[
            "report",
            "--db",
            db.to_str().unwrap(),
            "--from",
            from,
            "--to",
            to,
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let reversed = run("2026-12-31", "2026-01-01");
    assert!(!reversed.status.success());
    assert!(
        stderr(&reversed).contains("avant de commencer"),
        "{}",
        stderr(&reversed)
    );
    let future = run("2999-01-01", "2999-12-31");
    assert!(!future.status.success());
    assert!(stderr(&future).contains("futur"), "{}", stderr(&future));
    let garbage = run("demain", "2026-12-31");
    assert!(
        stderr(&garbage).contains("illisible"),
        "{}",
        stderr(&garbage)
    );
    assert!(!out.exists());
}
