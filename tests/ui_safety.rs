//! The window against a refused file, a second window on the same garden, and restoring
//! from Paramètres.

#![allow(clippy::unwrap_used)]

mod common;

use binette::ui::members::list::Message as ListMessage;
use std::path::Path;

use binette::store::lock;
use binette::store::{self, StoreError, backup, settings};
use binette::ui::section::Section;
use binette::ui::{App, Launch, Message};
use chrono::NaiveDateTime;
use common::run;

common::screen_helpers!(App, Message);

fn start(db: &Path) -> App {
    let (mut app, task) = App::new(Launch {
        db: Some(db.to_path_buf()),
        ..Launch::default()
    });
    for message in run(task) {
        apply(&mut app, message);
    }
    app
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// A garden named "Jardin des Lilas" with one member and one backup of that state, taken
/// a minute ago (so opening makes no other backup); returns the file and the backup time.
fn garden_with_backup(dir: &Path) -> (std::path::PathBuf, NaiveDateTime) {
    let path = dir.join("binette.sqlite3");
    let conn = store::open(&path).unwrap();
    settings::set(&conn, settings::keys::GARDEN_NAME, "Jardin des Lilas").unwrap();
    conn.execute(
        "INSERT INTO member (last_name, first_name) VALUES ('Durand', 'Marie')",
        [],
    )
    .unwrap();
    let folder = backup::backup_dir(&conn, &path).unwrap();
    let taken_at = chrono::Local::now().naive_local() - chrono::TimeDelta::minutes(1);
    backup::backup_now(&conn, &folder, taken_at).unwrap();
    (path, taken_at)
}

#[test]
fn an_emptied_garden_is_refused_and_its_backup_restored_without_deleting_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _taken_at) = garden_with_backup(dir.path());
    std::fs::write(&path, b"").unwrap();

    let mut app = start(&path);
    assert_eq!(app.section(), None, "nothing opened");
    assert!(shows(&app, "Binette ne peut pas ouvrir cette base"));
    assert!(shows(&app, &StoreError::Empty(path.clone()).to_string()));
    assert!(shows(&app, "Choisir un autre fichier…"));
    assert!(shows(&app, "Restaurer une sauvegarde"));
    assert!(
        shows(&app, "Jardin des Lilas"),
        "the backup found beside it"
    );
    assert_eq!(
        std::fs::read(&path).unwrap().len(),
        0,
        "refused, not written"
    );

    click(&mut app, "Restaurer…");
    click(&mut app, "Oui, restaurer");
    assert_eq!(app.section(), Some(Section::Home));
    assert_eq!(app.title(), "Binette — Jardin des Lilas");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("binette.sqlite3-endommagee-"))
        .collect();
    assert_eq!(aside.len(), 1, "the refused file is kept aside: {aside:?}");
}

#[test]
fn a_second_window_on_the_same_garden_is_offered_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _taken_at) = garden_with_backup(dir.path());
    let first = start(&path);
    assert_eq!(first.title(), "Binette — Jardin des Lilas");

    let mut second = start(&path);
    assert_eq!(second.section(), None);
    assert!(shows(&second, "Ce jardin est déjà ouvert"));
    assert!(shows(&second, "Ouvrir en lecture seule"));
    click(&mut second, "Ouvrir en lecture seule");
    assert_eq!(second.section(), Some(Section::Home));
    assert_eq!(second.title(), "Binette — Jardin des Lilas — lecture seule");
    // Paramètres writes nothing read-only: its save button is disabled.
    click(&mut second, Section::Settings.label());
    assert!(clicked(&second, "Enregistrer").is_empty());
    // Importing is refused with a word, from wherever it is asked.
    click(&mut second, Section::Members.label());
    apply(
        &mut second,
        Message::Members(binette::ui::members::Message::List(ListMessage::OpenImport)),
    );
    assert!(!shows(&second, "Choisir un fichier…"), "no import screen");
    assert!(shows(
        &second,
        "Le jardin est ouvert en lecture seule : importer est impossible."
    ));
    drop(first);
    // The first window closed: its lock is released and the next window writes again.
    assert!(matches!(
        lock::acquire(&path, at("2026-11-21 10:00")).unwrap(),
        lock::LockOutcome::Acquired(_)
    ));
}

#[test]
fn restoring_from_parametres_says_what_came_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, taken_at) = garden_with_backup(dir.path());
    {
        let conn = store::open(&path).unwrap();
        conn.execute("DELETE FROM member", []).unwrap();
    }
    let mut app = start(&path);
    click(&mut app, Section::Settings.label());
    // The backup list is below the fold of the simulator's window: ask as its button does.
    let folder = dir.path().join("sauvegardes");
    let tag = store::garden::tag(&store::open_read_only(&path).unwrap()).unwrap();
    let listed = backup::list_backups(&folder, &tag).unwrap();
    assert_eq!(
        listed.len(),
        1,
        "no other backup made at opening: {listed:?}"
    );
    let ask = binette::ui::settings::Message::AskRestore(listed[0].clone());
    apply(&mut app, Message::Settings(ask));
    let confirm = binette::ui::settings::Message::ConfirmRestore;
    apply(&mut app, Message::Settings(confirm));
    let conn = store::open_read_only(&path).unwrap();
    let members: i64 = conn
        .query_row("SELECT count(*) FROM member", [], |r| r.get(0))
        .unwrap();
    assert_eq!(members, 1, "the backup's single member is back");
    let safety = backup::list_all(&folder)
        .unwrap()
        .into_iter()
        .find(|b| b.kind == backup::BackupKind::BeforeRestore)
        .unwrap();
    let expected = format!(
        "Sauvegarde du {} restaurée : 1 adhérent, 0 salarié, 0 récolte. L'état précédent a \
         été conservé dans {}.",
        taken_at.format("%d/%m/%Y"),
        safety.path.display()
    );
    assert!(shows(&app, &expected), "{expected}");
}

#[test]
fn another_gardens_backup_is_restored_only_after_naming_both_gardens() {
    use binette::ui::settings::{self as screen, other_file};
    let dir = tempfile::tempdir().unwrap();
    let (path, _taken_at) = garden_with_backup(dir.path());
    let demo_dir = dir.path().join("demo");
    std::fs::create_dir(&demo_dir).unwrap();
    let demo_copy = demo_dir.join("copie-demo.sqlite3");
    {
        let demo = store::open(&demo_dir.join("demonstration.sqlite3")).unwrap();
        store::demo::create_demo(&demo, 1, at("2026-11-21 09:00").date()).unwrap();
        backup::backup_to(&demo, &demo_copy).unwrap();
    }
    let mut app = start(&path);
    click(&mut app, Section::Settings.label());
    let picked = other_file::Message::Picked(Some(demo_copy.clone()));
    apply(
        &mut app,
        Message::Settings(screen::Message::OtherFile(picked)),
    );
    let demo_name = "Jardin de Cocagne du Val de Loue (démonstration)";
    let question = format!(
        "Attention : « {} » est une sauvegarde d'un autre jardin, « {demo_name} », et non de \
         « Jardin des Lilas ». La restaurer remplacera toutes les données de « Jardin des \
         Lilas » par celles de « {demo_name} » (elles seront d'abord sauvegardées).",
        demo_copy.display()
    );
    assert!(shows(&app, &question), "{question}");
    assert_eq!(
        app.title(),
        "Binette — Jardin des Lilas",
        "nothing restored yet"
    );
    let confirm = other_file::Message::Confirm;
    apply(
        &mut app,
        Message::Settings(screen::Message::OtherFile(confirm)),
    );
    assert_eq!(app.title(), format!("Binette — {demo_name}"));
}
