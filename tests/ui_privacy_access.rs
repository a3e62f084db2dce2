//! The employee file's privacy marks and export, driven headless: sensitive fields carry the
//! « donnée sensible » tag on the Entrée and FSE+ tabs (not on Identité), and « Exporter ses
//! données (RGPD) » writes the person's PDF and JSON into the folder chosen.

#![allow(clippy::unwrap_used)]

mod common;
use common::{Held, run};

use binette::app::Garden;
use binette::store::employees as store;
use binette::store::open_in_memory;
use binette::ui::employees::{Message, Screen, file};
use binette::ui::privacy as access;
use binette::ui::widgets::SENSITIVE_TAG;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

common::screen_helpers!(Held<Screen>, Message);

fn open_durand() -> Held<Screen> {
    let conn = open_in_memory().unwrap();
    let person = binette::domain::employees::Employee::new(
        "Octave",
        "Durand",
        binette::domain::employees::Gender::Male,
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
    );
    store::save_employee(&conn, &person).unwrap();
    let garden = Garden::new(conn, std::path::PathBuf::from(":memory:"));
    let (mut screen, task) = Held::open(&garden, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    click(&mut screen, "DURAND");
    assert!(shows(&screen, "DURAND Octave"));
    screen
}

#[test]
fn sensitive_fields_are_tagged_on_the_entry_and_fse_tabs_only() {
    let mut screen = open_durand();
    assert!(
        !shows(&screen, SENSITIVE_TAG),
        "Identité holds no sensitive field"
    );
    click(&mut screen, "Entrée");
    assert!(
        shows(&screen, SENSITIVE_TAG),
        "benefits, RQTH, justice are tagged"
    );
    assert!(shows(
        &screen,
        "Minima sociaux, handicap, justice, lieu de vie"
    ));
    click(&mut screen, "FSE+");
    assert!(shows(&screen, SENSITIVE_TAG), "FSE+ answers are tagged");
    assert!(shows(&screen, "Sans domicile"));
    click(&mut screen, "Contrats");
    assert!(
        !shows(&screen, SENSITIVE_TAG),
        "contracts are not sensitive"
    );
}

#[test]
fn the_export_button_writes_the_person_s_files_into_the_folder_chosen() {
    let mut screen = open_durand();
    let sent = clicked(&screen, access::LABEL);
    assert!(
        matches!(
            sent.as_slice(),
            [Message::File(file::Message::Access(
                access::Message::Export
            ))]
        ),
        "{sent:?}"
    );
    // The folder dialog cannot open headless: the folder comes as its answer would.
    let dir = tempfile::tempdir().unwrap();
    let chosen = Message::File(file::Message::Access(access::Message::Chosen(Some(
        dir.path().to_path_buf(),
    ))));
    let done = run(screen.update(chosen));
    let [Message::File(file::Message::Access(access::Message::Written(Ok(files))))] =
        done.as_slice()
    else {
        panic!("{done:?}");
    };
    assert!(files.pdf.exists() && files.json.exists());
    assert_eq!(
        files.json.file_name().unwrap(),
        "donnees-durand-octave-2026-03-02.json"
    );
    // No folder (cancelled, or no dialog on this desktop): said, nothing written.
    apply(
        &mut screen,
        Message::File(file::Message::Access(access::Message::Chosen(None))),
    );
    assert!(shows(
        &screen,
        "Aucun dossier choisi : les données n'ont pas été exportées."
    ));
    // A refusal is shown on the file (the success would open the PDF in a viewer).
    let refused = binette::app::Error::invalid("Dossier", "Le dossier a disparu.");
    apply(
        &mut screen,
        Message::File(file::Message::Access(access::Message::Written(Err(
            refused,
        )))),
    );
    assert!(shows(&screen, "Le dossier a disparu."));
}
