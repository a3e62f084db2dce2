//! The store against the accidents of a real office: restoring the oldest backup, two
//! gardens' backups side by side, refused files left byte-identical, two writers, locks.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use binette::store::backup::{self, BackupKind};
use binette::store::lock::{self, LockOutcome};
use binette::store::{self, Connection, StoreError, garden, settings};
use chrono::NaiveDateTime;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn members(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM member", [], |r| r.get(0))
        .unwrap()
}

fn add_member(conn: &Connection, name: &str) {
    conn.execute(
        "INSERT INTO member (last_name, first_name) VALUES (?1, 'Test')",
        [name],
    )
    .unwrap();
}

#[test]
fn restoring_the_oldest_of_fourteen_backups_keeps_it_and_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let mut conn = store::open(&path).unwrap();
    settings::set(&conn, settings::keys::GARDEN_NAME, "Jardin des Lilas").unwrap();
    let folder = backup::backup_dir(&conn, &path).unwrap();
    // Day n holds n members: the oldest backup (day 1) holds exactly 1.
    for day in 1..=14 {
        add_member(&conn, &format!("Jour{day}"));
        backup::backup_now(&conn, &folder, at(&format!("2026-11-{day:02} 09:00"))).unwrap();
    }
    let tag = garden::tag(&conn).unwrap();
    let daily = backup::list_backups(&folder, &tag).unwrap();
    assert_eq!(daily.len(), 14);
    let oldest = daily.last().unwrap().clone();
    assert_eq!(oldest.taken_at, at("2026-11-01 09:00"));
    let oldest_bytes = std::fs::read(&oldest.path).unwrap();

    let restored = backup::restore(
        &mut conn,
        &path,
        &oldest.path,
        &folder,
        at("2026-11-15 10:00"),
        false,
    )
    .unwrap();
    assert_eq!(members(&conn), 1, "the oldest backup's single member");
    assert_eq!(restored.counts.members, 1);
    assert_eq!(restored.taken_at, Some(at("2026-11-01 09:00")));
    assert!(
        std::fs::read(&oldest.path).unwrap() == oldest_bytes,
        "the restored backup is kept, byte-identical"
    );
    // The state just before (14 members) was copied apart; the 14 daily backups stay.
    let after = backup::list_backups(&folder, &garden::tag(&conn).unwrap()).unwrap();
    let daily_after = after.iter().filter(|b| b.kind == BackupKind::Daily).count();
    assert_eq!(daily_after, 14);
    let safety: Vec<_> = after
        .iter()
        .filter(|b| b.kind == BackupKind::BeforeRestore)
        .collect();
    assert_eq!(safety.len(), 1);
    assert_eq!(safety[0].path, restored.safety);
    let before = store::open_read_only(&restored.safety).unwrap();
    assert_eq!(members(&before), 14);
    assert_eq!(
        garden::tag(&conn).unwrap().id,
        tag.id,
        "the garden keeps its id"
    );
}

#[test]
fn safety_copies_before_restores_are_kept_three_and_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let mut conn = store::open(&path).unwrap();
    let folder = backup::backup_dir(&conn, &path).unwrap();
    let saved = backup::backup_now(&conn, &folder, at("2026-11-01 09:00")).unwrap();
    for minute in 0..5 {
        let now = at(&format!("2026-11-02 10:{minute:02}"));
        backup::restore(&mut conn, &path, &saved, &folder, now, false).unwrap();
    }
    let all = backup::list_all(&folder).unwrap();
    let count = |kind| all.iter().filter(|b| b.kind == kind).count();
    assert_eq!(count(BackupKind::BeforeRestore), backup::KEEP_SAFETY);
    assert_eq!(
        count(BackupKind::Daily),
        1,
        "the restored backup is never pruned"
    );
}

#[test]
fn two_gardens_backups_never_mix() {
    let dir = tempfile::tempdir().unwrap();
    let real_path = dir.path().join("binette.sqlite3");
    let demo_path = dir.path().join("demonstration.sqlite3");
    let real = store::open(&real_path).unwrap();
    settings::set(&real, settings::keys::GARDEN_NAME, "Jardin des Lilas").unwrap();
    add_member(&real, "Vrai");
    let demo = store::open(&demo_path).unwrap();
    store::demo::create_demo(&demo, 1, at("2026-11-02 09:00").date()).unwrap();

    let real_dir = backup::backup_dir(&real, &real_path).unwrap();
    let demo_dir = backup::backup_dir(&demo, &demo_path).unwrap();
    assert_eq!(real_dir, dir.path().join("sauvegardes"));
    assert_eq!(demo_dir, dir.path().join("sauvegardes-demonstration"));

    // Even when both are told to use the same folder, each sees and prunes its own only.
    let shared = dir.path().join("commun");
    let real_copy = backup::backup_now(&real, &shared, at("2026-11-02 09:00")).unwrap();
    let demo_copy = backup::backup_now(&demo, &shared, at("2026-11-02 09:30")).unwrap();
    let real_list = backup::list_backups(&shared, &garden::tag(&real).unwrap()).unwrap();
    assert_eq!(real_list.len(), 1);
    assert_eq!(real_list[0].path, real_copy);
    assert_eq!(real_list[0].garden.name, "Jardin des Lilas");

    drop(real);
    let real_bytes = std::fs::read(&real_path).unwrap();
    let mut real = store::open(&real_path).unwrap();
    let error = backup::restore(
        &mut real,
        &real_path,
        &demo_copy,
        &shared,
        at("2026-11-03 09:00"),
        false,
    )
    .unwrap_err();
    assert!(matches!(error, StoreError::OtherGarden { .. }), "{error}");
    assert!(error.to_string().contains("(démonstration)"), "{error}");
    assert!(error.to_string().contains("Jardin des Lilas"), "{error}");
    assert_eq!(members(&real), 1, "the real garden is untouched");
    drop(real);
    assert!(
        std::fs::read(&real_path).unwrap() == real_bytes,
        "file changed"
    );

    // Accepted knowingly, the demo's copy becomes a garden of its own in the real file: it
    // does not share the demo's id, so the two files' backups never mix again.
    let mut real = store::open(&real_path).unwrap();
    let now = at("2026-11-03 09:00");
    backup::restore(&mut real, &real_path, &demo_copy, &shared, now, true).unwrap();
    let restored = garden::tag(&real).unwrap();
    assert!(restored.demo, "it says it is a demonstration");
    assert_ne!(restored.id, garden::tag(&demo).unwrap().id);
    assert!(restored.id.is_some());
}

/// Opens `path` expecting a refusal matching `check`; the file must stay byte-identical and
/// nothing must appear beside it.
fn assert_refused_untouched(path: &Path, check: impl Fn(&StoreError) -> bool) -> String {
    let before = std::fs::read(path).unwrap();
    let folder_before = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
    let error = store::open(path).unwrap_err();
    assert!(check(&error), "unexpected error: {error:?}");
    assert!(std::fs::read(path).unwrap() == before, "file changed");
    let folder_after = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
    assert_eq!(
        folder_before, folder_after,
        "something was created beside it"
    );
    error.to_string()
}

#[test]
fn an_empty_file_is_refused_never_turned_into_a_garden() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binette.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let message = assert_refused_untouched(&path, |e| matches!(e, StoreError::Empty(_)));
    assert!(message.contains("est vide"), "{message}");
    assert!(message.contains("binette.sqlite3"), "{message}");
}

#[test]
fn a_truncated_database_is_called_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("bon.sqlite3");
    {
        let conn = store::open(&good).unwrap();
        store::demo::create_demo(&conn, 1, at("2026-11-02 09:00").date()).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let bytes = std::fs::read(&good).unwrap();
    let sub = dir.path().join("tronque");
    std::fs::create_dir(&sub).unwrap();
    let path = sub.join("binette.sqlite3");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let message = assert_refused_untouched(&path, |e| matches!(e, StoreError::Damaged(_)));
    assert!(message.contains("endommagée"), "{message}");
    // A file cut inside its header is damaged too, not "not Binette".
    std::fs::write(&path, &bytes[..60]).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::Damaged(_)));
}

#[test]
fn the_lock_lets_one_window_in_and_is_taken_over_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binette.sqlite3");
    drop(store::open(&path).unwrap());
    let first = match lock::acquire(&path, at("2026-11-02 14:05")).unwrap() {
        LockOutcome::Acquired(lock) => lock,
        other => panic!("{other:?}"),
    };
    match lock::acquire(&path, at("2026-11-02 15:00")).unwrap() {
        LockOutcome::HeldElsewhere(since) => {
            assert_eq!(since, Some(at("2026-11-02 14:05")));
            let message = lock::held_message(since, at("2026-11-02 15:00").date());
            assert!(
                message.starts_with("Binette est déjà ouvert sur ce jardin (depuis 14 h 05)"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    // The system releases the lock when its holder ends (here: dropped, as on a crash):
    // the lock file left behind is simply taken over.
    drop(first);
    assert!(lock::lock_path(&path).exists());
    assert!(matches!(
        lock::acquire(&path, at("2026-11-02 16:00")).unwrap(),
        LockOutcome::Acquired(_)
    ));
}

#[test]
fn a_writer_waits_for_another_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binette.sqlite3");
    drop(store::open(&path).unwrap());
    let holder = store::open(&path).unwrap();
    let waiter_path = path.clone();
    let tx = holder.unchecked_transaction().unwrap();
    add_member(&tx, "Premier");
    let waiter = std::thread::spawn(move || {
        let conn = store::open(&waiter_path).unwrap();
        // Read then write in one transaction: deferred, this failed at once with
        // "database is locked"; immediate, it waits for the first writer.
        let tx = conn.unchecked_transaction()?;
        let before = members(&tx);
        add_member(&tx, "Second");
        tx.commit()?;
        Ok::<i64, rusqlite::Error>(before)
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    tx.commit().unwrap();
    let before = waiter.join().unwrap().unwrap();
    assert_eq!(before, 1, "the second writer saw the first one's member");
    assert_eq!(members(&holder), 2);
}

#[test]
fn outputs_never_replace_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binette.csv");
    drop(store::open(&path).unwrap());
    let before = std::fs::read(&path).unwrap();
    let error = store::output::write_file(&path, b"Nom;Prenom\n").unwrap_err();
    assert!(
        error.to_string().contains("est une base de données"),
        "{error}"
    );
    assert!(std::fs::read(&path).unwrap() == before, "file changed");
    // An ordinary file is replaced whole, and nothing temporary stays.
    let out = dir.path().join("liste.csv");
    store::output::write_file(&out, b"a").unwrap();
    store::output::write_file(&out, b"b").unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), b"b");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("partiel")), "{names:?}");
}

#[test]
fn the_garden_identity_saves_inside_a_larger_transaction() {
    // Paramètres saves the identity, the backup folder and the harvest window together;
    // the identity once began its own transaction inside, which SQLite refuses.
    let dir = tempfile::tempdir().unwrap();
    let mut conn = store::open(&dir.path().join("jardin.sqlite3")).unwrap();
    let identity = settings::GardenIdentity {
        name: "Jardin des Lilas".into(),
        ..settings::GardenIdentity::default()
    };
    let tx = conn.transaction().unwrap();
    settings::save_garden_identity(&tx, &identity).unwrap();
    settings::set(&tx, settings::keys::BACKUP_DIR, "").unwrap();
    tx.commit().unwrap();
    assert_eq!(
        settings::garden_identity(&conn).unwrap().name,
        "Jardin des Lilas"
    );
    // Alone, it still runs in a transaction of its own.
    settings::save_garden_identity(&conn, &settings::GardenIdentity::default()).unwrap();
    assert_eq!(settings::garden_identity(&conn).unwrap().name, "");
}

#[test]
fn a_huge_value_is_refused_by_the_database_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("jardin.sqlite3")).unwrap();
    let huge = "x".repeat(2_000_000);
    let error: StoreError =
        settings::set(&conn, settings::keys::GARDEN_ADDRESS, &huge).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Erreur de la base de données : une valeur est trop longue."
    );
    // An ordinary long note still fits.
    settings::set(&conn, settings::keys::GARDEN_ADDRESS, &"x".repeat(5_000)).unwrap();
}

#[test]
fn a_copy_half_written_by_a_killed_backup_is_removed_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let conn = store::open(&path).unwrap();
    let folder = backup::backup_dir(&conn, &path).unwrap();
    std::fs::create_dir_all(&folder).unwrap();
    let old = folder.join(".binette-2026-11-01_090000.sqlite3.999.partial");
    let fresh = folder.join(".binette-2026-11-02_090000.sqlite3.998.partial");
    for file in [&old, &fresh] {
        std::fs::write(file, b"SQLite format 3\0 personal data").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    backup::backup_now(&conn, &folder, at("2026-11-03 09:00")).unwrap();
    assert!(!old.exists(), "left by a backup killed long ago: removed");
    assert!(
        fresh.exists(),
        "maybe another process's backup under way: left alone"
    );
}

#[test]
fn a_folder_name_with_uri_characters_opens_read_only_too() {
    // Read-only opening goes through a SQLite URI, where ?, # and % mean something.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Jardin #2 ? 100%");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("binette.sqlite3");
    {
        let conn = store::open(&path).unwrap();
        add_member(&conn, "Durand");
    }
    let conn = store::open_read_only(&path).unwrap();
    assert_eq!(members(&conn), 1);
    assert!(
        !dir.path().join("Jardin ").exists(),
        "no file made at a cut name"
    );
}

#[test]
fn restoring_a_missing_backup_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let mut conn = store::open(&path).unwrap();
    add_member(&conn, "Durand");
    let folder = backup::backup_dir(&conn, &path).unwrap();
    let missing = folder.join("binette-2026-11-01_090000.sqlite3");
    let now = at("2026-11-02 09:00");
    let error = backup::restore(&mut conn, &path, &missing, &folder, now, false).unwrap_err();
    assert!(error.to_string().contains("introuvable"), "{error}");
    assert!(!missing.exists(), "the source is never created");
    assert!(
        !folder.exists(),
        "no safety copy for a restore that did not happen"
    );
    assert_eq!(members(&conn), 1);
    // Restoring the open database onto itself is refused too.
    let error = backup::restore(&mut conn, &path, &path, &folder, now, false).unwrap_err();
    assert!(error.to_string().contains("la base ouverte"), "{error}");
}
