//! A garden open read-only, screen by screen: a write is refused in French before anything
//! is tried (the form keeps what was typed, the file is unchanged), while printing and
//! exporting still work.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use std::path::{Path, PathBuf};

use binette::app::Garden;
use binette::store::{self, StoreError};
use chrono::NaiveDate;
use common::run;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A garden file with one harvest, then the same file opened read-only as the window opens
/// it when the garden is already open elsewhere or its medium is protected.
fn read_only_garden(dir: &Path) -> (Garden, PathBuf) {
    let path = dir.join("binette.sqlite3");
    let conn = store::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO crop (id, name) VALUES (1, 'Courge');
         INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
             ('2026-09-10', 1, 120, 'kg', 'paniers');",
    )
    .unwrap();
    drop(conn);
    let conn = store::open_read_only_current(&path).unwrap();
    (Garden::new_read_only(conn, path.clone()), path)
}

fn count(path: &Path, table: &str) -> i64 {
    store::open_read_only(path)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .unwrap()
}

fn refusal(path: &Path) -> String {
    StoreError::ReadOnly(path.to_path_buf()).to_string()
}

mod members {
    use super::*;
    use binette::ui::members::{Message, Screen, ids};

    crate::common::screen_helpers!(Held<Screen>, Message);

    #[test]
    fn a_new_member_is_refused_and_the_form_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (db, path) = read_only_garden(dir.path());
        let before = std::fs::read(&path).unwrap();
        let (mut screen, task) = Held::open(&db, today(), Screen::new);
        for message in run(task) {
            apply(&mut screen, message);
        }
        click(&mut screen, "Nouvel adhérent");
        type_in(&mut screen, ids::LAST_NAME, "Martin");
        type_in(&mut screen, ids::FIRST_NAME, "Anne");
        click(&mut screen, "Enregistrer");
        assert!(shows(&screen, &refusal(&path)), "refused in French");
        assert!(
            !clicked(&screen, "Enregistrer").is_empty(),
            "the form is still open, as typed"
        );
        assert_eq!(count(&path, "member"), 0);
        assert_eq!(std::fs::read(&path).unwrap(), before, "file untouched");
    }
}

mod employees {
    use super::*;
    use binette::domain::employees::Gender;
    use binette::ui::employees::{F, Message, Screen, file, identity};

    crate::common::screen_helpers!(Held<Screen>, Message);

    #[test]
    fn a_new_employee_is_refused_and_the_form_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (db, path) = read_only_garden(dir.path());
        let before = std::fs::read(&path).unwrap();
        let (mut screen, task) = Held::open(&db, today(), Screen::new);
        for message in run(task) {
            apply(&mut screen, message);
        }
        click(&mut screen, "Nouveau salarié");
        type_in(&mut screen, F::LastName.id(), "Lefèvre");
        type_in(&mut screen, F::FirstName.id(), "Zoé");
        let gender = identity::Message::Gender(Gender::Female);
        apply(&mut screen, Message::File(file::Message::Identity(gender)));
        click(&mut screen, "Créer la fiche");
        assert!(shows(&screen, &refusal(&path)), "refused in French");
        assert!(!shows(&screen, "Fiche enregistrée."));
        assert!(
            !clicked(&screen, "Créer la fiche").is_empty(),
            "the form is still open, as typed"
        );
        assert_eq!(count(&path, "employee"), 0);
        assert_eq!(std::fs::read(&path).unwrap(), before, "file untouched");
    }
}

mod reports {
    use super::*;
    use binette::ui::reports::{Message, Screen};

    fn apply(screen: &mut Held<Screen>, message: Message) {
        let mut queue = vec![message];
        while let Some(message) = queue.pop() {
            if matches!(message, Message::Open(_)) {
                continue; // no system viewer in tests
            }
            queue.extend(run(screen.update(message)));
        }
    }

    #[test]
    fn the_report_is_printed_and_exported_all_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let (db, path) = read_only_garden(dir.path());
        let (mut screen, task) = Held::open(&db, today(), Screen::new);
        for message in run(task) {
            apply(&mut screen, message);
        }
        let out = dir.path().join("bilan.pdf");
        apply(&mut screen, Message::GenerateTo(out.clone()));
        assert!(screen.error().is_none(), "{:?}", screen.error());
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
        let csv = dir.path().join("csv");
        apply(&mut screen, Message::ExportCsvTo(csv.clone()));
        assert!(screen.error().is_none(), "{:?}", screen.error());
        assert_eq!(std::fs::read_dir(&csv).unwrap().count(), 4);
        assert_eq!(count(&path, "harvest"), 1);
    }
}
