//! The command line, run as a user would.

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
fn demo_then_check_then_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();

    let created = binette(&["demo", "--db", db]);
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(stdout(&created).contains("Jardin de démonstration créé"));

    let checked = binette(&["check", "--db", db]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    let report = stdout(&checked);
    assert!(report.contains("Intégrité : ok"), "{report}");
    assert!(report.contains(&format!(
        "Version du schéma : {}",
        binette::store::SCHEMA_VERSION
    )));
    let member_line = report
        .lines()
        .find(|l| l.trim_start().starts_with("member "))
        .unwrap();
    let members: i64 = member_line
        .split_whitespace()
        .last()
        .unwrap()
        .parse()
        .unwrap();
    assert!(members >= 150, "{member_line}");

    let copy = dir.path().join("copie.sqlite3");
    let saved = binette(&["backup", "--db", db, "--out", copy.to_str().unwrap()]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    let copy_report = stdout(&binette(&["check", "--db", copy.to_str().unwrap()]));
    let counts = |r: &str| {
        r.lines()
            .skip_while(|l| !l.starts_with("Lignes"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        counts(&copy_report),
        counts(&report),
        "the backup has the same row counts"
    );
}

#[test]
fn demo_refuses_a_database_that_holds_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert!(binette(&["demo", "--db", db]).status.success());
    let before = std::fs::read(db).unwrap();
    let again = binette(&["demo", "--db", db]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("contient déjà des données"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read(db).unwrap(), before);
}

#[test]
fn check_and_demo_refuse_what_is_not_a_binette_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "ceci n'est pas une base").unwrap();
    let text = text.to_str().unwrap();
    for args in [vec!["check", "--db", text], vec!["demo", "--db", text]] {
        let output = binette(&args);
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains("n'est pas une base de données Binette"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(text).unwrap(),
        "ceci n'est pas une base"
    );

    let missing = binette(&[
        "check",
        "--db",
        dir.path().join("absente.sqlite3").to_str().unwrap(),
    ]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("n'existe pas"));
}

#[test]
fn bad_arguments_fail_cleanly_without_panicking() {
    for args in [
        vec!["demo", "--scale", "0"],
        vec!["demo", "--scale", "beaucoup"],
        vec!["inconnue"],
        vec!["backup"],
    ] {
        let output = binette(&args);
        assert!(!output.status.success(), "{args:?}");
        assert!(
            !stderr(&output).contains("panicked"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let version = binette(&["--version"]);
    assert!(version.status.success());
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_is_printed_in_french() {
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["import", "--help"],
        vec!["demo", "-h"],
    ] {
        let output = binette(&args);
        assert!(output.status.success(), "{args:?}");
        let help = stdout(&output);
        assert!(help.contains("Utilisation : binette"), "{args:?}: {help}");
        assert!(help.contains("Options :"), "{args:?}: {help}");
        for english in [
            "Usage",
            "Commands",
            "Options:",
            "ossible values",
            "default:",
        ] {
            assert!(!help.contains(english), "{args:?} says {english}: {help}");
        }
    }
    assert!(stdout(&binette(&["--help"])).contains("Commandes :"));
}
