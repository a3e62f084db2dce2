//! Importing from the window: a copy of the garden is made first, and an oversized cell is
//! refused naming its line and column.
#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::store;
use binette::store::backup::{self, BackupKind};
use binette::ui::import::flow;
use binette::ui::import::members::{Message, Screen};
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message);

/// The households the garden holds, as the Adhérents list reads them.
fn members(db: &Garden) -> usize {
    let today = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    binette::app::members::load_base(db, today)
        .unwrap()
        .rows
        .len()
}

fn screen_on(db: &Garden, file: &std::path::Path) -> Held<Screen> {
    let today = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    let (mut screen, task) = Held::open(db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    apply(
        &mut screen,
        Message::Flow(flow::Message::Open(file.to_path_buf())),
    );
    screen
}

#[test]
fn an_import_from_the_window_is_preceded_by_a_copy_of_the_garden() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let db = Garden::new(store::open(&path).unwrap(), path.clone());
    let file = dir.path().join("adherents.csv");
    std::fs::write(&file, "Nom;Prénom\nDurand;Marie\nRoux;Paul\n").unwrap();
    let mut screen = screen_on(&db, &file);
    click(&mut screen, "Importer");
    assert!(shows(&screen, "Import terminé"));
    assert_eq!(members(&db), 2);

    let copies: Vec<_> = backup::list_all(&dir.path().join("sauvegardes"))
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::BeforeImport)
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let before = store::open_read_only(&copies[0].path).unwrap();
    let before = Garden::new_read_only(before, copies[0].path.clone());
    assert_eq!(
        members(&before),
        0,
        "the copy holds the garden as it was before"
    );
}

#[test]
fn an_oversized_cell_is_refused_naming_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jardin.sqlite3");
    let db = Garden::new(store::open(&path).unwrap(), path.clone());
    let file = dir.path().join("adherents.csv");
    let huge = "x".repeat(50_000);
    std::fs::write(
        &file,
        format!("Nom;Prénom;Ville\nDurand;Marie;Dole\nRoux;Paul;{huge}\n"),
    )
    .unwrap();
    let screen = screen_on(&db, &file);
    // Header on line 1, Durand on line 2, Roux on line 3.
    assert!(shows(
        &screen,
        "Ligne 3, colonne « Ville » : la cellule compte 50000 caractères, au plus 2000 sont \
         acceptés. Raccourcissez-la dans le fichier puis recommencez : rien n'a été importé."
    ));
    assert_eq!(members(&db), 0);
}
