//! The real binary against the accidents of a real office: killed during imports, two
//! imports at once, outputs aimed at the database, refused files, file modes, read-only
//! media.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

const BIN: &str = env!("CARGO_BIN_EXE_binette");

fn binette(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A demo garden in `dir`, returned with its member count.
fn demo_garden(dir: &Path) -> (PathBuf, i64) {
    let db = dir.join("jardin.sqlite3");
    let out = binette(&["demo", "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let members = count_members(&db);
    (db, members)
}

fn count_members(db: &Path) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM member", [], |r| r.get(0))
        .unwrap()
}

/// A members file of `rows` new people whose names start with `prefix`.
fn members_file(dir: &Path, prefix: &str, rows: usize) -> PathBuf {
    let mut csv = String::from("Nom;Prénom;Ville\n");
    for i in 0..rows {
        csv.push_str(&format!("{prefix}{i};Prénom{i};Dole\n"));
    }
    let path = dir.join(format!("{prefix}.csv"));
    std::fs::write(&path, csv).unwrap();
    path
}

/// A small deterministic pseudo-random sequence (no dependency needed for kill delays).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut expected) = demo_garden(dir.path());
    const ROWS: i64 = 6000;
    // How long one import takes here, to spread the kills over its whole run.
    let file = members_file(dir.path(), "Mesure", ROWS as usize);
    let started = Instant::now();
    let out = binette(&["import", "members", s(&file), "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let span = started.elapsed().as_millis() as u64;
    expected += ROWS;
    assert_eq!(count_members(&db), expected);

    let mut random = Lcg(14);
    let (mut killed_before, mut completed) = (0, 0);
    for round in 0..16 {
        let file = members_file(dir.path(), &format!("Tour{round}x"), ROWS as usize);
        let mut child = Command::new(BIN)
            .args(["import", "members", s(&file), "--db", s(&db)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(random.below(span + span / 4)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let conn = Connection::open(&db).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        let members: i64 = conn
            .query_row("SELECT count(*) FROM member", [], |r| r.get(0))
            .unwrap();
        drop(conn);
        // All or nothing: the import's 6000 people are there entirely, or not at all.
        assert!(
            members == expected || members == expected + ROWS,
            "round {round}: {members} members, expected {expected} or {}",
            expected + ROWS
        );
        if members == expected {
            killed_before += 1;
        } else {
            completed += 1;
            expected += ROWS;
        }
        assert!(status.success() || members <= expected);
    }
    eprintln!("{killed_before} imports killed before their commit, {completed} committed");
    let check = binette(&["check", "--db", s(&db)]);
    assert!(check.status.success(), "{}", text(&check.stderr));
}

#[test]
fn two_imports_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let (db, before) = demo_garden(dir.path());
    let first = members_file(dir.path(), "Premier", 3000);
    let second = members_file(dir.path(), "Second", 3000);
    let spawn = |file: &Path| {
        Command::new(BIN)
            .args(["import", "members", s(file), "--db", s(&db)])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(&first), spawn(&second));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", text(&a.stderr));
    assert!(b.status.success(), "{}", text(&b.stderr));
    assert_eq!(count_members(&db), before + 6000);
}

#[test]
fn outputs_aimed_at_a_database_are_refused_and_it_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = demo_garden(dir.path());
    let original = std::fs::read(&db).unwrap();
    let refused = |args: &[&str], words: &str| {
        let out = binette(args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let message = text(&out.stderr);
        assert!(message.contains(words), "{args:?}: {message}");
        assert!(
            std::fs::read(&db).unwrap() == original,
            "{args:?} changed the database"
        );
    };
    let db_s = s(&db);
    let report = [
        "report",
        "--db",
        db_s,
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
    ];
    refused(&[&report[..], &["--out", db_s]].concat(), "base de données");
    refused(
        &["backup", "--db", db_s, "--out", db_s],
        "base de données ouverte",
    );

    // A database that happens to have a .csv name is not an export destination either.
    let odd = dir.path().join("jardin.csv");
    std::fs::copy(&db, &odd).unwrap();
    let odd_before = std::fs::read(&odd).unwrap();
    let out = binette(&["export", "members", "--db", db_s, "--out", s(&odd)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("base de données"),
        "{}",
        text(&out.stderr)
    );
    assert!(std::fs::read(&odd).unwrap() == odd_before);

    // backup --out refuses an existing file that is not a Binette backup.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "mes notes").unwrap();
    let out = binette(&["backup", "--db", db_s, "--out", s(&notes)]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("n'est pas une sauvegarde Binette"));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "mes notes");
    // Nothing partial is left behind by any of these refusals.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial") || n.contains("partiel"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refused_files_stay_byte_identical_with_a_french_message_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("vide.sqlite3", b"", "est vide"),
        (
            "texte.sqlite3",
            b"Nom;Prenom\nDupont;Marie\n",
            "n'est pas une base de donn",
        ),
        (
            "tronque.sqlite3",
            b"SQLite format 3\0\x10\0\x02\x02",
            "endommag",
        ),
    ];
    for (name, bytes, words) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        for command in [
            &["check"][..],
            &["backup", "--out", "/tmp/binette-refus.sqlite3"],
        ] {
            let out = binette(&[command, &["--db", s(&path)]].concat());
            let message = text(&out.stderr);
            assert!(!out.status.success(), "{name} {command:?}");
            assert!(message.contains(words), "{name}: {message}");
            assert!(
                message.contains(name),
                "{name}: the message names the file: {message}"
            );
            assert!(std::fs::read(&path).unwrap() == bytes, "{name} changed");
        }
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "nothing created beside them: {names:?}");
}

#[test]
fn restore_from_the_command_line_refuses_another_gardens_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (demo, _) = demo_garden(dir.path());
    let demo_copy = dir.path().join("copie-demo.sqlite3");
    assert!(
        binette(&["backup", "--db", s(&demo), "--out", s(&demo_copy)])
            .status
            .success()
    );
    let real_dir = dir.path().join("vrai");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("binette.sqlite3");
    drop(binette::store::open(&real).unwrap());
    let out = binette(&["restore", "--db", s(&real), "--from", s(&demo_copy)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("autre jardin"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(count_members(&real), 0);
    let out = binette(&[
        "restore",
        "--db",
        s(&real),
        "--from",
        s(&demo_copy),
        "--other-garden",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("restaurée : "),
        "{}",
        text(&out.stdout)
    );
    assert!(count_members(&real) > 0);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn files_are_readable_by_their_owner_only_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let garden_dir = dir.path().join("donnees");
    let db = garden_dir.join("jardin.sqlite3");
    let under_umask = |args: &[&str]| {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        let script = format!("umask 022 && exec '{BIN}' {}", quoted.join(" "));
        let out = Command::new("sh").args(["-c", &script]).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    };
    under_umask(&["demo", "--db", s(&db)]);
    let file = members_file(dir.path(), "Umask", 3);
    under_umask(&["import", "members", s(&file), "--db", s(&db)]);
    let copy = dir.path().join("copie.sqlite3");
    under_umask(&["backup", "--db", s(&db), "--out", s(&copy)]);
    let export = dir.path().join("adherents.csv");
    under_umask(&["export", "members", "--db", s(&db), "--out", s(&export)]);
    let backups = garden_dir.join("sauvegardes-demonstration");
    assert_eq!(mode(&garden_dir), 0o700, "data folder");
    assert_eq!(mode(&db), 0o600, "database");
    assert_eq!(mode(&backups), 0o700, "backup folder");
    for entry in std::fs::read_dir(&backups).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    assert_eq!(mode(&copy), 0o600, "backup --out");
    assert_eq!(mode(&export), 0o600, "export");
}

/// Runs the binary as the unprivileged user `nobody` (tests run as root here, and root
/// writes anywhere); `None` when that cannot be arranged.
#[cfg(unix)]
fn as_nobody(args: &[&str]) -> Option<Output> {
    let probe = Command::new("setpriv")
        .args([
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            "true",
        ])
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    let mut child = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", BIN])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    // No hang: a read-only database once made Binette spin forever.
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().ok()?.is_none() {
        assert!(
            Instant::now() < deadline,
            "binette {args:?} hangs on a read-only database"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().ok()
}

#[cfg(unix)]
#[test]
fn a_read_only_database_opens_read_only_without_hanging() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (db, members) = demo_garden(dir.path());
    // A folder and file others may read but not write: read-only for `nobody`.
    let out_dir = tempfile::tempdir().unwrap();
    for (path, mode) in [
        (dir.path(), 0o755),
        (db.as_path(), 0o644),
        (out_dir.path(), 0o777),
    ] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let original = std::fs::read(&db).unwrap();
    let Some(check) = as_nobody(&["check", "--db", s(&db)]) else {
        eprintln!("SKIPPED: cannot run as user nobody here (setpriv unavailable or not root)");
        return;
    };
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("Intégrité : ok"));

    let export = out_dir.path().join("adherents.csv");
    let out = as_nobody(&["export", "members", "--db", s(&db), "--out", s(&export)]).unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = std::fs::read_to_string(&export).unwrap();
    assert_eq!(
        exported.lines().count() as i64,
        members + 1,
        "header + every member"
    );

    let file = members_file(out_dir.path(), "Lecture", 2);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = as_nobody(&["import", "members", s(&file), "--db", s(&db)]).unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("lecture seule"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        std::fs::read(&db).unwrap() == original,
        "the read-only file changed"
    );
}
