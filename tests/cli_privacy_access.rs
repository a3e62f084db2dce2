//! `binette privacy export` and `binette privacy register` run as a user would.

#![allow(clippy::unwrap_used)]

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

#[test]
fn export_an_employee_and_a_member_then_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    let created = binette(&["demo", "--db", db]);
    assert!(created.status.success(), "{}", stderr(&created));

    let out = dir.path().join("acces");
    let out_text = out.to_str().unwrap();
    let exported = binette(&[
        "privacy",
        "export",
        "--db",
        db,
        "--employee",
        "1",
        "--out",
        out_text,
    ]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let said = stdout(&exported);
    assert!(said.contains("Données de la fiche n° 1 écrites"), "{said}");
    let written: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 2, "{written:?}");
    for path in &written {
        assert!(said.contains(&path.display().to_string()), "{said}");
    }
    let json = written
        .iter()
        .find(|p| p.extension().unwrap() == "json")
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    assert_eq!(value["personne"]["table"], "employee");
    assert_eq!(value["personne"]["id"], 1);

    let member = binette(&[
        "privacy", "export", "--db", db, "--member", "3", "--out", out_text,
    ]);
    assert!(member.status.success(), "{}", stderr(&member));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 4);

    let register = dir.path().join("registre.pdf");
    let reg = register.to_str().unwrap();
    let written = binette(&["privacy", "register", "--db", db, "--out", reg]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert!(stdout(&written).contains("registre des traitements"));
    assert!(std::fs::read(&register).unwrap().starts_with(b"%PDF"));
}

#[test]
fn one_person_exactly_and_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert!(binette(&["demo", "--db", db]).status.success());
    let out = dir.path().to_str().unwrap();

    let both = binette(&[
        "privacy",
        "export",
        "--db",
        db,
        "--employee",
        "1",
        "--member",
        "1",
        "--out",
        out,
    ]);
    assert_eq!(both.status.code(), Some(2), "{}", stderr(&both));
    let neither = binette(&["privacy", "export", "--db", db, "--out", out]);
    assert_eq!(neither.status.code(), Some(2), "{}", stderr(&neither));

    let unknown = binette(&[
        "privacy",
        "export",
        "--db",
        db,
        "--employee",
        "9999",
        "--out",
        out,
    ]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("Aucune fiche n° 9999"),
        "{}",
        stderr(&unknown)
    );
}
