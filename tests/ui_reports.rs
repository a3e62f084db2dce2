//! The Rapports screen driven headless: a year typed (bad, then good), the report generated
//! into a file without the dialog, the CSV export, a part left out.

#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use common::run;
use std::path::PathBuf;

use binette::app::Garden;
use binette::store::open_in_memory;
use binette::ui::reports::form::Part;
use binette::ui::reports::{Busy, Message, Screen, YEAR_ID};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// Applies a message and every message its tasks produce; files to open are returned
/// instead of being handed to the system viewer.
fn apply(screen: &mut Held<Screen>, message: Message) -> Vec<PathBuf> {
    let mut opened = Vec::new();
    let mut queue = vec![message];
    while let Some(message) = queue.pop() {
        if let Message::Open(path) = message {
            opened.push(path);
            continue;
        }
        queue.extend(run(screen.update(message)));
    }
    opened
}

common::screen_helpers!(Held<Screen>, Message; clicked, click, shows, typed, type_in);

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

fn start() -> Held<Screen> {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO crop (id, name) VALUES (1, 'Courge');
         INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
             ('2025-09-10', 1, 120, 'kg', 'paniers'), ('2026-09-10', 1, 7, 'kg', 'vente');",
    )
    .unwrap();
    let db = Garden::new(conn, "/tmp/ui_reports.sqlite3".into());
    let (mut screen, task) = Held::open(&db, today(), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    screen
}

#[test]
fn pick_a_year_and_generate_the_report_into_a_file() {
    let mut screen = start();
    assert!(shows(&screen, "Du 01/01/2026 au 31/12/2026 inclus."));

    // A year that is no year: the message shows, nothing is asked nor written.
    apply(&mut screen, Message::YearChanged(String::new()));
    type_in(&mut screen, YEAR_ID, "20x5");
    click(&mut screen, "Générer le bilan (PDF)…");
    assert!(shows(
        &screen,
        "Année « 20x5 » illisible : écrivez-la comme 2026."
    ));
    assert_eq!(screen.busy(), &Busy::Idle);
    assert!(screen.written().is_none());

    apply(&mut screen, Message::YearChanged(String::new()));
    type_in(&mut screen, YEAR_ID, "2025");
    assert!(screen.error().is_none(), "typing clears the message");
    assert!(shows(&screen, "Du 01/01/2025 au 31/12/2025 inclus."));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bilan.pdf");
    let opened = apply(&mut screen, Message::GenerateTo(out.clone()));
    assert_eq!(
        opened,
        std::slice::from_ref(&out),
        "the report is opened once written"
    );
    assert_eq!(screen.busy(), &Busy::Idle);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_text(&bytes);
    assert!(text.contains("31/12/2025") && text.contains("Courge") && text.contains("120,0"));
    assert!(shows(&screen, "Chiffres clés du bilan"));
    assert!(shows(&screen, "Récoltes (kg)"));

    // CSV into a folder, then a report without the workshops.
    let csv = dir.path().join("csv");
    apply(&mut screen, Message::ExportCsvTo(csv.clone()));
    assert_eq!(std::fs::read_dir(&csv).unwrap().count(), 4);
    assert!(shows(
        &screen,
        &format!("4 fichier(s) CSV enregistré(s) dans {}.", csv.display())
    ));

    click(&mut screen, Part::Workshops.label());
    let out2 = dir.path().join("sans-ateliers.pdf");
    apply(&mut screen, Message::GenerateTo(out2.clone()));
    let text = pdf_text(&std::fs::read(&out2).unwrap());
    assert!(text.contains("Production") && !text.contains("Ateliers"));
}

#[test]
fn a_reversed_range_is_refused_with_a_clear_message() {
    let mut screen = start();
    assert!(!shows(&screen, "Au"));
    apply(
        &mut screen,
        Message::KindChosen(binette::ui::reports::form::PeriodKind::Range),
    );
    assert!(shows(&screen, "Au"), "the range shows its two date fields");
    apply(&mut screen, Message::FromChanged("31/03/2026".into()));
    apply(&mut screen, Message::ToChanged("01/03/2026".into()));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bilan.pdf");
    apply(&mut screen, Message::GenerateTo(out.clone()));
    assert!(!out.exists());
    assert!(shows(
        &screen,
        "La période se termine le 01/03/2026 avant de commencer le 31/03/2026 : vérifiez les dates."
    ));
}
