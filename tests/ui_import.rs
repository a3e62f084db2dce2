//! The import screen driven headless: open a file, fix a column, check the preview, import,
//! save the refused rows; and cancel.
#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use binette::app::Garden;
use binette::domain::import::columns::MemberField;
use binette::domain::import::members::ExistingPolicy;
use binette::store::open_in_memory;
use binette::ui::import::columns::FieldChoice;
use binette::ui::import::flow;
use binette::ui::import::members::{Message, Screen};
use chrono::NaiveDate;
use common::run;

common::screen_helpers!(Held<Screen>, Message);

fn count(db: &Garden) -> usize {
    let today = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    binette::app::members::load_base(db, today)
        .unwrap()
        .rows
        .len()
}

fn screen_with_file(content: &str) -> (Held<Screen>, Garden, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("adherents.csv");
    std::fs::write(&path, content).unwrap();
    let db = Garden::new(open_in_memory().unwrap(), dir.path().join("jardin.sqlite3"));
    let today = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    let (mut screen, task) = Held::open(&db, today, Screen::new);
    for message in run(task) {
        apply(&mut screen, message);
    }
    assert!(shows(&screen, "Choisir un fichier…"));
    apply(&mut screen, Message::Flow(flow::Message::Open(path)));
    (screen, db, dir)
}

#[test]
fn matching_preview_import_and_refused_rows() {
    // "Famille" is not an obvious title: the user maps it to the name by hand.
    let (mut screen, db, dir) = screen_with_file(
        "Famille;Prénom;Tél.;Dépôt;Panier\n\
         Durand;Marie;0612345678;Gare;Petit\n\
         ;Paul;0700000000;Gare;Petit\n\
         Roux;Jean;;Gare;\n",
    );
    assert!(shows(
        &screen,
        "adherents.csv — CSV UTF-8, séparateur point-virgule, 3 ligne(s)"
    ));
    assert!(shows(
        &screen,
        "Indiquez quelle colonne contient le nom des adhérents."
    ));
    assert!(shows(
        &screen,
        "Rien à importer pour l'instant : complétez les colonnes ou les options."
    ));

    apply(
        &mut screen,
        Message::ColumnSet(0, FieldChoice(Some(MemberField::LastName))),
    );
    assert!(!shows(
        &screen,
        "Indiquez quelle colonne contient le nom des adhérents."
    ));
    assert!(shows(
        &screen,
        "3. Aperçu : 1 à créer, 0 à mettre à jour, 0 ignoré(s), 0 à vérifier, 2 refusé(s)"
    ));
    assert!(shows(&screen, "Nom manquant."));
    assert!(shows(
        &screen,
        "Dépôt « Gare » indiqué sans taille de panier."
    ));
    assert!(shows(&screen, "Dépôt inconnu « Gare »"));
    assert!(shows(&screen, "Panier inconnu « Petit »"));

    click(&mut screen, "Importer");
    assert!(shows(&screen, "Import terminé"));
    assert!(shows(&screen, "Ligne 3 : Nom manquant."));
    assert_eq!(count(&db), 1);

    let saved = dir.path().join("refus.csv");
    apply(
        &mut screen,
        Message::Flow(flow::Message::SaveRejectedTo(Some(saved.clone()))),
    );
    let csv = std::fs::read_to_string(&saved).unwrap();
    assert!(csv.contains("Motif du refus"), "{csv}");
    assert!(
        csv.contains(";Paul;0700000000;Gare;Petit;Nom manquant."),
        "{csv}"
    );
    assert!(shows(
        &screen,
        &format!("Lignes refusées enregistrées dans « {} ».", saved.display())
    ));
}

#[test]
fn existing_members_skipped_then_cancel_writes_nothing() {
    let (mut screen, db, _dir) = screen_with_file("Nom;Prénom;Tél.\nDurand;Marie;0612345678\n");
    click(&mut screen, "Importer");
    assert_eq!(count(&db), 1);

    click(&mut screen, "Importer un autre fichier");
    // The dialog cannot open headless: reopen a file with the same member, updated.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.csv");
    std::fs::write(
        &path,
        "Nom;Prénom;Tél.;Ville\nDurand;Marie;06 12 34 56 78;Dole\nZola;Émile;;\n",
    )
    .unwrap();
    apply(&mut screen, Message::Flow(flow::Message::Open(path)));
    assert!(shows(
        &screen,
        "3. Aperçu : 1 à créer, 1 à mettre à jour, 0 ignoré(s), 0 à vérifier, 0 refusé(s)"
    ));
    assert!(shows(&screen, "Ville : (vide) → « Dole »"));
    // Radio labels are not text widgets the simulator can find: send the radio's message.
    apply(&mut screen, Message::PolicySet(ExistingPolicy::Skip));
    assert!(shows(
        &screen,
        "3. Aperçu : 1 à créer, 0 à mettre à jour, 1 ignoré(s), 0 à vérifier, 0 refusé(s)"
    ));

    click(&mut screen, "Annuler");
    assert!(shows(&screen, "Import annulé : rien n'a été modifié."));
    assert_eq!(count(&db), 1);
}
