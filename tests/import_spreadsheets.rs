#![allow(clippy::unwrap_used)]
//! Workbooks made by other programs (committed fixtures, see
//! `tests/fixtures/import/make_spreadsheets.py`): a LibreOffice ODS with a title line above
//! the header, and an Excel workbook counting its dates from 1904.

use std::path::PathBuf;

use binette::store::import::read_table;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

#[test]
fn ods_with_a_title_line_keeps_accents_dates_and_line_numbers() {
    let (table, format) = read_table(&fixture("members.ods")).unwrap();
    assert_eq!(format, "classeur ODS");
    assert_eq!(
        table.headers,
        ["Nom", "Prénom", "Tél.", "Dépôt", "Panier", "Début"]
    );
    assert_eq!(table.rows[0][..2], ["Durand".to_owned(), "Léa".to_owned()]);
    assert_eq!(table.rows[1][0], "Œillet");
    assert_eq!(table.rows[1][3], "Épicerie du bourg");
    assert_eq!(table.rows[0][5], "28/11/2026");
    assert_eq!(table.rows[1][5], "05/01/2027");
    // The title is line 1, the header line 2: Durand is on line 3, as LibreOffice shows it.
    assert_eq!(table.line_of(0), 3);
}

#[test]
fn dates_of_a_1904_workbook_are_not_four_years_early() {
    let (table, _) = read_table(&fixture("members_1904.xlsx")).unwrap();
    assert_eq!(table.headers[3], "Dépôt");
    assert_eq!(table.rows[0][5], "28/11/2026");
    assert_eq!(table.rows[1][5], "05/01/2027");
    assert_eq!(table.rows[1][1], "François");
}

#[test]
fn the_ods_file_imports_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(binette::store::open(&db).unwrap());
    let options = binette::cli::ImportOptions {
        dry_run: false,
        skip_existing: false,
        create_homonyms: false,
    };
    let out = binette::cli::import_file(
        &db,
        binette::cli::ImportKind::Members,
        &fixture("members.ods"),
        options,
    )
    .unwrap();
    assert!(out.contains("2 adhérent(s) créé(s)"), "{out}");
    let conn = binette::store::open(&db).unwrap();
    let names = binette::store::members::list_members(&conn).unwrap();
    assert!(
        names
            .iter()
            .any(|m| m.last_name == "Œillet" && m.first_name == "François")
    );
}

#[test]
fn a_workbook_named_csv_is_read_as_a_workbook_and_a_pdf_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("adherents.csv");
    std::fs::copy(fixture("members_1904.xlsx"), &renamed).unwrap();
    let (table, format) = read_table(&renamed).unwrap();
    assert_eq!(format, "classeur");
    assert_eq!(table.rows[0][1], "Léa");
    let pdf = dir.path().join("liste.csv");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    let error = read_table(&pdf).unwrap_err().to_string();
    assert!(error.contains("c'est un document PDF"), "{error}");
    let binary = dir.path().join("photo.csv");
    std::fs::write(&binary, b"Nom;Pr\x00nom\n").unwrap();
    let error = read_table(&binary).unwrap_err().to_string();
    assert!(error.contains("pas un fichier texte"), "{error}");
}
