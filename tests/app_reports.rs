//! The activity report's use cases without iced: the Rapports screen and `binette report`
//! write the same PDF through the same use case; the figures are read in one transaction
//! and the PDF is what the report module renders from them.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use binette::app::{Garden, reports};
use binette::domain::activity::SectionChoice;
use binette::store;
use chrono::{NaiveDate, NaiveDateTime};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 28 November 2026, 9:00.
fn now() -> NaiveDateTime {
    date(2026, 11, 28).and_hms_opt(9, 0, 0).unwrap()
}

const GARDEN: &str = "
    INSERT INTO setting (key, value) VALUES ('garden_name', 'Jardin des Prés');
    INSERT INTO crop (id, name) VALUES (1, 'Courge'), (2, 'Poireau');
    INSERT INTO harvest (date, crop_id, quantity, unit, destination) VALUES
        ('2025-09-10', 1, 120, 'kg', 'paniers'), ('2025-10-02', 2, 30.5, 'kg', 'vente'),
        ('2026-09-10', 1, 7, 'kg', 'vente');";

/// Harvests: 120 kg of squash (10 September 2025) and 30.5 kg of leeks (2 October 2025),
/// then 7 kg of squash in 2026.
fn garden_at(path: &Path) -> Garden {
    let conn = store::open(path).unwrap();
    conn.execute_batch(GARDEN).unwrap();
    Garden::new(conn, path.to_path_buf())
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

#[test]
fn the_pdf_written_is_what_the_report_renders_from_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    let (from, to) = (date(2025, 1, 1), date(2025, 12, 31));
    let out = dir.path().join("bilan.pdf");
    let written = reports::write_pdf(&garden, from, to, SectionChoice::ALL, &out, now()).unwrap();
    // 2025 only: 120 + 30.5 = 150.5 kg; the 7 kg of 2026 are outside the period.
    let production = written.figures.production.as_ref().unwrap();
    assert!((production.total_kg() - 150.5).abs() < 1e-9);
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(written.bytes, bytes.len());
    let document = reports::document(&garden, from, to, SectionChoice::ALL, now()).unwrap();
    assert_eq!(document.garden_name, "Jardin des Prés");
    assert_eq!(reports::render(&document).unwrap(), bytes);
    let text = pdf_text(&bytes);
    assert!(text.contains("Courge") && text.contains("120,0") && text.contains("30,5"));
    assert!(text.contains("31/12/2025"));
}

#[test]
fn the_window_and_binette_report_write_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_at(&db);
    let window = dir.path().join("fenetre.pdf");
    let all = SectionChoice::ALL;
    let (from, to) = (date(2025, 1, 1), date(2025, 12, 31));
    reports::write_pdf(&garden, from, to, all, &window, now()).unwrap();
    drop(garden);
    let cli = dir.path().join("cli.pdf");
    let csv = dir.path().join("csv");
    let files =
        binette::cli::write_report(&db, "2025-01-01", "31/12/2025", &cli, Some(&csv), now())
            .unwrap();
    assert_eq!(
        std::fs::read(&window).unwrap(),
        std::fs::read(&cli).unwrap()
    );
    // The PDF, then one CSV per part: insertion, production, baskets, workshops = 5 files.
    assert_eq!(files.len(), 5);
    assert_eq!(files[0], cli);
}

#[test]
fn the_csv_files_hold_one_file_per_part_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    let only_production = SectionChoice {
        insertion: false,
        production: true,
        baskets: false,
        workshops: false,
    };
    let out = dir.path().join("chiffres");
    let (from, to) = (date(2025, 1, 1), date(2025, 12, 31));
    let files =
        reports::write_csv(&garden, from, to, only_production, &out, date(2026, 11, 28)).unwrap();
    // One file per part ticked: production alone gives bilan-production.csv.
    assert_eq!(files, [out.join("bilan-production.csv")]);
    let production = std::fs::read_to_string(&files[0]).unwrap();
    assert!(production.contains("Courge"), "{production}");
    let all = reports::write_csv(
        &garden,
        from,
        to,
        SectionChoice::ALL,
        &out,
        date(2026, 11, 28),
    )
    .unwrap();
    let names: Vec<String> = all
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "bilan-insertion.csv",
            "bilan-production.csv",
            "bilan-paniers.csv",
            "bilan-ateliers.csv"
        ]
    );
}

#[test]
fn the_report_never_overwrites_the_garden_s_own_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    let garden = garden_at(&db);
    let before = std::fs::read(&db).unwrap();
    let error = reports::write_pdf(
        &garden,
        date(2025, 1, 1),
        date(2025, 12, 31),
        SectionChoice::ALL,
        &db,
        now(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("est la base de données ouverte"),
        "{error}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_funder_statement_is_read_in_one_go_and_written_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let garden = garden_at(&dir.path().join("jardin.sqlite3"));
    garden_sql(
        &dir.path().join("jardin.sqlite3"),
        "INSERT INTO funder (id, name) VALUES (1, 'Caf du Doubs');",
    );
    let (from, to) = (date(2026, 9, 1), date(2026, 9, 30));
    // No Paniers Solidaires household yet: a statement with no line, owing nothing.
    let document = reports::funder_statement(&garden, 1, from, to, now()).unwrap();
    assert_eq!(document.garden_name, "Jardin des Prés");
    assert_eq!(document.statement.funder, "Caf du Doubs");
    assert!(document.statement.lines.is_empty());
    assert_eq!(
        reports::statement_file_name(&document.statement.funder, to),
        "releve-caf-du-doubs-2026-09-30.pdf"
    );
    let out = dir.path().join("releve.pdf");
    let saved = reports::write_funder_statement(&garden, 1, from, to, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(saved.bytes, bytes.len());
    assert!(pdf_text(&bytes).contains("Caf du Doubs"));
}

/// Runs `sql` on the garden file through a connection of its own.
fn garden_sql(path: &Path, sql: &str) {
    store::open(path).unwrap().execute_batch(sql).unwrap();
}
