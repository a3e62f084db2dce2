//! The harvest import screen driven headless: open a file, see the preview with its refused
//! and flagged rows, choose for an unknown crop, import, see the result, save the refused
//! rows; and cancel.
#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::harvest_query::Seasons;
use binette::domain::harvests::{Crop, Destination, Unit};
use binette::domain::import::harvests::{DuplicatePolicy, HarvestField, NameChoice};
use binette::store::{harvests, open_in_memory};
use binette::ui::import::columns::FieldChoice;
use binette::ui::import::flow;
use binette::ui::import::harvests::{Message, Screen};
use binette::ui::import::names::NameOption;
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message);

/// Every line of these tests is dated in 2026.
const SEASON_2026: Seasons = Seasons::of_year(2026);

fn lines(db: &Garden) -> usize {
    binette::app::harvests::load(db, SEASON_2026)
        .unwrap()
        .lines
        .len()
}

fn crops(db: &Garden) -> Vec<Crop> {
    binette::app::harvests::load(db, SEASON_2026).unwrap().crops
}

fn screen_with_file(content: &[u8]) -> (Held<Screen>, Garden, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recoltes.csv");
    std::fs::write(&path, content).unwrap();
    let conn = open_in_memory().unwrap();
    harvests::insert_crop(
        &conn,
        &Crop {
            id: 0,
            name: "Épinard".into(),
            family: String::new(),
            default_destination: Destination::Baskets,
            units: Vec::new(),
        },
    )
    .unwrap();
    let db = Garden::new(conn, dir.path().join("jardin.sqlite3"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let (mut screen, task) = Held::open(&db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Importer des récoltes"));
    assert!(shows(&screen, "Choisir un fichier…"));
    apply(&mut screen, Message::Flow(flow::Message::Open(path)));
    (screen, db, dir)
}

#[test]
fn preview_choices_import_and_refused_rows() {
    // Windows-1252: é = E9, É = C9, î = EE. "Récolté" is not an obvious title: the user
    // maps it to the quantity by hand.
    let (mut screen, db, dir) = screen_with_file(
        b"Date;L\xe9gume;Parcelle;R\xe9colt\xe9\r\n\
          02/11/2026;\xc9pinard;Serre 1;4,5 kg\r\n\
          02/11/2026;epinard;Serre 1;4,5\r\n\
          03/11/2026;Blette;;3 bottes\r\n\
          31/11/2026;Blette;;2\r\n",
    );
    assert!(shows(
        &screen,
        "recoltes.csv — CSV Windows-1252 (ANSI), séparateur point-virgule, 4 ligne(s)"
    ));
    assert!(shows(
        &screen,
        "Indiquez quelle colonne contient la quantité récoltée."
    ));
    assert!(shows(
        &screen,
        "Rien à importer pour l'instant : complétez les colonnes ou les options."
    ));

    apply(
        &mut screen,
        Message::ColumnSet(3, FieldChoice(Some(HarvestField::Quantity))),
    );
    assert!(shows(
        &screen,
        "3. Aperçu : 3 à créer (dont 2 à vérifier), 0 déjà enregistrée(s), 1 refusée(s)"
    ));
    assert!(shows(&screen, "Culture inconnue « Blette »"));
    assert!(shows(&screen, "Parcelle inconnue « Serre 1 »"));
    assert!(shows(
        &screen,
        "Date illisible : « 31/11/2026 » (attendu : 28/11/2026 ou 2026-11-28)."
    ));
    assert!(shows(
        &screen,
        "Identique à la ligne 2 du fichier : vérifiez que ce n'est pas un doublon."
    ));
    assert!(shows(
        &screen,
        "Épinard · Serre 1 (nouvelle) · 4,5 kg · Paniers"
    ));

    // Blette counted in bunches by default, for lines without a unit.
    apply(
        &mut screen,
        Message::CropUnitSet("Blette".into(), Unit::Bunch),
    );
    assert!(shows(
        &screen,
        "Blette (nouvelle) · sans parcelle · 3 bottes · Paniers"
    ));

    click(&mut screen, "Importer");
    assert!(shows(&screen, "Import terminé"));
    assert!(shows(
        &screen,
        "Ligne 5 : Date illisible : « 31/11/2026 » (attendu : 28/11/2026 ou 2026-11-28)."
    ));
    assert_eq!(lines(&db), 3);
    let blette = crops(&db).into_iter().find(|c| c.name == "Blette").unwrap();
    assert_eq!(blette.units.len(), 1);
    assert_eq!(blette.units[0].unit, Unit::Bunch);

    let saved = dir.path().join("refus.csv");
    apply(
        &mut screen,
        Message::Flow(flow::Message::SaveRejectedTo(Some(saved.clone()))),
    );
    let csv = std::fs::read_to_string(&saved).unwrap();
    assert!(csv.contains("Motif du refus"), "{csv}");
    assert!(
        csv.contains("5;31/11/2026;Blette;;2;Date illisible"),
        "{csv}"
    );
    assert!(shows(
        &screen,
        &format!("Lignes refusées enregistrées dans « {} ».", saved.display())
    ));
}

#[test]
fn refused_crop_duplicates_then_cancel_writes_nothing() {
    let (mut screen, db, _dir) = screen_with_file(
        "Date;Culture;Quantité\n01/11/2026;Épinard;2\n01/11/2026;Panais;1\n".as_bytes(),
    );
    apply(
        &mut screen,
        Message::CropSet(
            "Panais".into(),
            NameOption {
                choice: NameChoice::Reject,
                label: "Refuser ces lignes".into(),
            },
        ),
    );
    assert!(shows(&screen, "Culture « Panais » inconnue."));
    click(&mut screen, "Importer");
    assert_eq!(lines(&db), 1);
    assert_eq!(crops(&db).len(), 1, "Panais not created");

    // The same file again: the saved line is left out by default, or flagged if imported.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.csv");
    std::fs::write(&path, "Date;Culture;Quantité\n01/11/2026;EPINARD;2,0\n").unwrap();
    apply(&mut screen, Message::Flow(flow::Message::Open(path)));
    assert!(shows(
        &screen,
        "3. Aperçu : 0 à créer (dont 0 à vérifier), 1 déjà enregistrée(s), 0 refusée(s)"
    ));
    assert!(shows(
        &screen,
        "Déjà enregistrée (même date, culture, parcelle et quantité) : laissée de côté."
    ));
    // Radio labels are not text widgets the simulator can find: send the radio's message.
    apply(&mut screen, Message::DuplicatesSet(DuplicatePolicy::Import));
    assert!(shows(
        &screen,
        "3. Aperçu : 1 à créer (dont 1 à vérifier), 0 déjà enregistrée(s), 0 refusée(s)"
    ));
    click(&mut screen, "Annuler");
    assert!(shows(&screen, "Import annulé : rien n'a été modifié."));
    assert_eq!(lines(&db), 1);
}
