//! The employee import screen driven headless: open the les emplois export, check the
//! preview, import, save the refused rows; then a second export whose differences are shown,
//! cancelled, then imported.
#![allow(clippy::unwrap_used)]

mod common;
use common::Held;
mod emplois_export;

use std::path::Path;

use binette::app::Garden;
use binette::domain::import::employees::{EmployeeField, ExistingPolicy};
use binette::store::open_in_memory;
use binette::ui::import::columns::FieldChoice;
use binette::ui::import::employees::{Message, Screen};
use binette::ui::import::flow;
use chrono::NaiveDate;
use common::run;
use emplois_export::{Cell, applicant, berenice, emile, write, wrong_number};

common::screen_helpers!(Held<Screen>, Message);

/// (people, end of Bérénice's PASS)
fn stored(db: &Garden) -> (usize, Option<NaiveDate>) {
    let people = binette::app::employees::rows(db, d(2026, 3, 4)).unwrap();
    let end = people
        .iter()
        .find(|e| e.last_name == "Lefèvre")
        .and_then(|e| {
            let file = binette::app::employees::file(db, e.id).unwrap();
            file.approvals.first().map(|a| a.end_date)
        });
    (people.len(), end)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn screen(dir: &Path) -> (Held<Screen>, Garden) {
    let db = Garden::new(open_in_memory().unwrap(), dir.join("jardin.sqlite3"));
    let (mut screen, task) = Held::open(&db, d(2026, 3, 4), Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Importer des salariés"));
    assert!(shows(&screen, "Choisir le fichier…"));
    (screen, db)
}

#[test]
fn preview_import_then_differences_cancelled_then_applied() {
    let dir = tempfile::tempdir().unwrap();
    let (mut screen, db) = screen(dir.path());
    let first = dir.path().join("candidatures.xlsx");
    write(&first, &[berenice(), emile(), applicant(), wrong_number()]);
    apply(&mut screen, Message::Flow(flow::Message::Open(first)));
    assert!(shows(
        &screen,
        "candidatures.xlsx — classeur XLSX, 4 ligne(s)"
    ));
    assert!(shows(
        &screen,
        "3. Aperçu : 2 à créer, 0 à mettre à jour, 0 inchangé(s), 1 ignoré(s), 1 refusé(s)"
    ));
    assert!(shows(&screen, "LEFÈVRE Bérénice"));
    assert!(shows(
        &screen,
        "PASS IAE n° 999992600001 du 05/01/2026 au 04/01/2028"
    ));
    assert!(shows(
        &screen,
        "Candidature « Nouvelle candidature » : pas une embauche."
    ));

    // Without a first-name column nothing can be imported.
    apply(&mut screen, Message::ColumnSet(2, FieldChoice(None)));
    assert!(shows(
        &screen,
        "Indiquez quelle colonne contient le prénom des salariés."
    ));
    assert!(clicked(&screen, "Importer").is_empty());
    apply(
        &mut screen,
        Message::ColumnSet(2, FieldChoice(Some(EmployeeField::FirstName))),
    );

    click(&mut screen, "Importer");
    assert!(shows(&screen, "Import terminé"));
    assert!(shows(
        &screen,
        "Ligne 5 : Colonne « Numéro PASS IAE » : numéro de PASS IAE invalide « 12345 » (12 caractères attendus, par exemple 999992312345)."
    ));
    assert_eq!(stored(&db), (2, Some(d(2028, 1, 4))));
    let refused = dir.path().join("refus.csv");
    apply(
        &mut screen,
        Message::Flow(flow::Message::SaveRejectedTo(Some(refused.clone()))),
    );
    let csv = std::fs::read_to_string(&refused).unwrap();
    assert!(csv.contains("Motif du refus"), "{csv}");
    assert!(csv.contains("Noël;Anaïs"), "{csv}");

    // The next export: Bérénice's PASS was prolonged on the platform.
    let second = dir.path().join("candidatures-mars.xlsx");
    let mut prolonged = berenice();
    prolonged.pass_end = Cell::Date(2028, 7, 4);
    write(&second, &[prolonged, emile()]);
    apply(
        &mut screen,
        Message::Flow(flow::Message::Open(second.clone())),
    );
    assert!(shows(
        &screen,
        "3. Aperçu : 0 à créer, 1 à mettre à jour, 1 inchangé(s), 0 ignoré(s), 0 refusé(s)"
    ));
    assert!(shows(&screen, "Mise à jour"));
    assert!(shows(&screen, "Fin du PASS : 04/01/2028 → 04/07/2028"));
    assert!(shows(&screen, "Déjà à jour dans Binette."));
    // Radio labels are not text the simulator finds: send the radio's message.
    apply(&mut screen, Message::PolicySet(ExistingPolicy::Skip));
    assert!(shows(
        &screen,
        "3. Aperçu : 0 à créer, 0 à mettre à jour, 2 inchangé(s), 0 ignoré(s), 0 refusé(s)"
    ));
    apply(&mut screen, Message::PolicySet(ExistingPolicy::Update));

    click(&mut screen, "Annuler");
    assert!(shows(&screen, "Import annulé : rien n'a été modifié."));
    assert_eq!(stored(&db), (2, Some(d(2028, 1, 4))));

    apply(&mut screen, Message::Flow(flow::Message::Open(second)));
    click(&mut screen, "Importer");
    assert!(shows(&screen, "Import terminé"));
    assert_eq!(stored(&db), (2, Some(d(2028, 7, 4))));
}

#[test]
fn a_file_that_cannot_be_read_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (mut screen, db) = screen(dir.path());
    let empty = dir.path().join("vide.csv");
    std::fs::write(&empty, "").unwrap();
    apply(&mut screen, Message::Flow(flow::Message::Open(empty)));
    assert!(shows(
        &screen,
        "Le fichier est vide : aucune ligne de titres n'a été trouvée."
    ));
    assert!(shows(&screen, "Choisir le fichier…"));
    assert_eq!(stored(&db), (0, None));
}
