//! Harvest import: a Windows-1252 CSV from French Excel and an XLSX workbook through the
//! preview into the demo garden, a file imported twice, a failure in the middle that leaves
//! nothing, and the command line's dry run.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use binette::cli::{ImportKind, ImportOptions, import_file};
use binette::domain::harvests::{Crop, Destination, PlotKind, Unit};
use binette::domain::import::harvests::{
    DuplicatePolicy, Plan, PlanInput, Resolutions, RowAction, build_plan, locate_header,
    match_harvest_headers,
};
use binette::store::import::harvests::{apply_harvest_import, load_harvest_context};
use binette::store::import::read_table;
use binette::store::{Connection, harvests, open, open_in_memory};
use chrono::{Days, Local, NaiveDate};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn demo_garden() -> Connection {
    let conn = open_in_memory().unwrap();
    binette::store::demo::create_demo(&conn, 1, today()).unwrap();
    conn
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn plan_for(conn: &Connection, path: &Path) -> Plan {
    let (table, _) = read_table(path).unwrap();
    let table = locate_header(table);
    let mapping = match_harvest_headers(&table.headers);
    let context = load_harvest_context(conn).unwrap();
    build_plan(&PlanInput {
        file: &table,
        mapping: &mapping,
        context: &context,
        resolutions: &Resolutions::default(),
        duplicates: DuplicatePolicy::Skip,
        today: today(),
    })
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn crop_named(conn: &Connection, name: &str) -> Crop {
    harvests::list_crops(conn)
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} absent"))
}

/// "Date;Légume;Parcelle;Qté;Unité;Remarques" from French Excel: Windows-1252 (é = E9,
/// É = C9, â = E2, – = 96, î = EE), semicolons, CRLF, a heading line above the titles.
const EXCEL_CSV: &[u8] = b"Relev\xe9 des r\xe9coltes \x96 novembre;;;;;\r\n\
    Date;L\xe9gume;Parcelle;Qt\xe9;Unit\xe9;Remarques\r\n\
    02/11/2026;\xc9pinard;Tunnel nord;4,55;kg;feuilles ab\xeem\xe9es\r\n\
    03/11/26;BLETTE;Moulin \x96 planche 1;12,25 bottes;;\r\n\
    2026-11-04;P\xe2tisson;Serre 3;3;pi\xe8ces;\r\n\
    46330;epinard;;1,45 kg;;vente\r\n\
    05/12/2026;Blette;;2;botte;\r\n";

#[test]
fn windows_1252_csv_into_the_demo_garden_then_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "recoltes.csv", EXCEL_CSV);
    let (table, format) = read_table(&path).unwrap();
    assert_eq!(format, "CSV Windows-1252 (ANSI), séparateur point-virgule");
    let table = locate_header(table);
    assert_eq!(
        table.headers,
        ["Date", "Légume", "Parcelle", "Qté", "Unité", "Remarques"]
    );

    let conn = demo_garden();
    let before = count(&conn, "harvest");
    let plan = plan_for(&conn, &path);
    let counts = plan.counts();
    assert_eq!((counts.create, counts.skip, counts.rejected), (4, 0, 1));
    let future = &plan.rows[4];
    assert_eq!(future.line, 7);
    assert!(
        matches!(&future.action, RowAction::Rejected(r) if r.contains("Date dans le futur")),
        "{future:?}"
    );
    assert_eq!(plan.new_crops.len(), 1);
    assert_eq!(plan.new_crops[0].name, "Pâtisson");
    assert_eq!(plan.new_crops[0].units, [Unit::Kg, Unit::Piece]);
    assert_eq!(plan.new_plots[0].name, "Serre 3");
    assert!(
        plan.rows[2]
            .warnings
            .iter()
            .any(|w| w.contains("Poids d'une pièce de Pâtisson inconnu"))
    );

    let report = apply_harvest_import(&conn, &plan).unwrap();
    assert_eq!(report.created, 4);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.crops_created, ["Pâtisson"]);
    assert_eq!(report.plots_created, ["Serre 3"]);
    assert_eq!(count(&conn, "harvest"), before + 4);

    let from = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let lines = harvests::harvest_lines(&conn, from, today()).unwrap();
    let spinach = lines
        .iter()
        .find(|l| l.crop_name == "Épinard" && l.harvest.notes == "feuilles abîmées")
        .unwrap();
    assert_eq!(spinach.harvest.quantity, 4.55);
    assert_eq!(spinach.plot_name, "Tunnel nord");
    let chard = lines
        .iter()
        .find(|l| l.crop_name == "Blette" && l.harvest.quantity == 12.25)
        .unwrap();
    assert_eq!(chard.harvest.unit, Unit::Bunch);
    assert_eq!(chard.plot_name, "Moulin – planche 1");
    assert_eq!(
        chard.harvest.date,
        NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
    );
    // Excel serial 46330 is 04/11/2026; "vente" in the notes column stays a note.
    let serial = lines
        .iter()
        .find(|l| l.crop_name == "Épinard" && l.harvest.quantity == 1.45)
        .unwrap();
    assert_eq!(
        serial.harvest.date,
        NaiveDate::from_ymd_opt(2026, 11, 4).unwrap()
    );
    assert_eq!(serial.plot_name, "");
    assert_eq!(serial.harvest.destination, Destination::Baskets);
    let squash = crop_named(&conn, "Pâtisson");
    assert_eq!(squash.units.len(), 2);
    let plot = harvests::list_plots(&conn)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Serre 3")
        .unwrap();
    assert_eq!(plot.kind, PlotKind::Greenhouse);

    // The same file again: every line is already saved and left out.
    let again = plan_for(&conn, &path);
    let counts = again.counts();
    assert_eq!((counts.create, counts.skip, counts.rejected), (0, 4, 1));
    assert!(again.new_crops.is_empty() && again.new_plots.is_empty());
    let report = apply_harvest_import(&conn, &again).unwrap();
    assert_eq!((report.created, report.skipped), (0, 4));
    assert_eq!(count(&conn, "harvest"), before + 4);
}

#[test]
fn xlsx_with_date_cells_and_numbers() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recoltes.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, title) in ["Date de récolte", "Culture", "Planche", "Poids (kg)"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *title).unwrap();
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let day = ExcelDateTime::from_ymd(2026, 11, 2).unwrap();
    sheet
        .write_datetime_with_format(1, 0, &day, &date_format)
        .unwrap();
    sheet.write_string(1, 1, "Épinard").unwrap();
    sheet.write_string(1, 2, "Tunnel nord").unwrap();
    sheet.write_number(1, 3, 7.25).unwrap();
    // A date typed as a plain number (the cell lost its date format).
    sheet.write_number(2, 0, 46329.0).unwrap();
    sheet.write_string(2, 1, "Mâche").unwrap();
    sheet.write_number(2, 3, 0.85).unwrap();
    workbook.save(&path).unwrap();

    let conn = demo_garden();
    let plan = plan_for(&conn, &path);
    assert_eq!(plan.counts().create, 2, "{plan:#?}");
    let first = plan.rows[0].harvest.as_ref().unwrap();
    assert_eq!(first.date, NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
    assert_eq!((first.quantity, first.unit), (7.25, Unit::Kg));
    let second = plan.rows[1].harvest.as_ref().unwrap();
    assert_eq!(second.date, NaiveDate::from_ymd_opt(2026, 11, 3).unwrap());
    assert_eq!(second.quantity, 0.85);
    assert!(plan.new_crops.is_empty() && plan.new_plots.is_empty());
}

fn counts(conn: &Connection) -> (i64, i64, i64) {
    (
        count(conn, "crop"),
        count(conn, "plot"),
        count(conn, "harvest"),
    )
}

fn panais_file(dir: &Path) -> PathBuf {
    write(
        dir,
        "r.csv",
        "Date;Légume;Parcelle;Quantité\n\
         02/11/2026;Panais;Champ neuf;3\n\
         03/11/2026;Topinambour;;5\n\
         04/11/2026;Panais;;2\n"
            .as_bytes(),
    )
}

fn garden_with_topinambour() -> (Connection, i64) {
    let conn = open_in_memory().unwrap();
    let crop = Crop {
        id: 0,
        name: "Topinambour".into(),
        family: String::new(),
        default_destination: Destination::Baskets,
        units: Vec::new(),
    };
    let id = harvests::insert_crop(&conn, &crop).unwrap();
    (conn, id)
}

#[test]
fn a_failure_in_the_middle_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (conn, _) = garden_with_topinambour();
    let mut plan = plan_for(&conn, &panais_file(dir.path()));
    assert_eq!(plan.counts().create, 3);
    // The last line cannot be saved: the crop, the plot and the first two lines are
    // written before it fails.
    plan.rows[2].harvest.as_mut().unwrap().quantity = f64::NAN;
    let before = counts(&conn);
    let error = apply_harvest_import(&conn, &plan).unwrap_err();
    assert!(error.to_string().contains("Ligne 4 du fichier"), "{error}");
    assert_eq!(
        before,
        counts(&conn),
        "neither Panais, nor Champ neuf, nor lines 2 and 3"
    );
}

#[test]
fn a_crop_deleted_after_the_preview_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let (conn, id) = garden_with_topinambour();
    let plan = plan_for(&conn, &panais_file(dir.path()));
    // Deleted between the preview and the import: its id would go to the new « Panais ».
    harvests::delete_crop(&conn, id).unwrap();
    let before = counts(&conn);
    let error = apply_harvest_import(&conn, &plan).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Ligne 3 du fichier : sa culture a été supprimée"),
        "{error}"
    );
    assert_eq!(before, counts(&conn));
}

#[test]
fn command_line_dry_run_writes_nothing_then_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(open(&db).unwrap());
    let now = Local::now().date_naive();
    let day = |n: u64| {
        now.checked_sub_days(Days::new(n))
            .unwrap()
            .format("%d/%m/%Y")
            .to_string()
    };
    let file = write(
        dir.path(),
        "recoltes.csv",
        format!(
            "Date,Produit,Parcelle,Kg\n\
             {},Courge,Serre 2,\"12,5\"\n\
             {},Courge,Serre 2,\"12,5\"\n\
             pas une date,Courge,,3\n",
            day(2),
            day(2)
        )
        .as_bytes(),
    );
    let options = ImportOptions {
        dry_run: true,
        skip_existing: false,
        create_homonyms: false,
    };
    let out = import_file(&db, ImportKind::Harvests, &file, options).unwrap();
    assert!(out.contains("Essai seulement"), "{out}");
    assert!(out.contains("Date illisible : « pas une date »"), "{out}");
    assert!(out.contains("Identique à la ligne 2 du fichier"), "{out}");
    assert!(
        out.contains("À créer : 2 (dont 1 à vérifier), déjà enregistrée(s) : 0, refusée(s) : 1."),
        "{out}"
    );
    assert!(out.contains("Cultures créées : Courge."), "{out}");
    let conn = open(&db).unwrap();
    assert_eq!(count(&conn, "harvest"), 0);
    assert_eq!(count(&conn, "crop"), 0);
    drop(conn);

    let options = ImportOptions {
        dry_run: false,
        ..options
    };
    let out = import_file(&db, ImportKind::Harvests, &file, options).unwrap();
    assert!(out.contains("2 récolte(s) enregistrée(s)"), "{out}");
    let conn = open(&db).unwrap();
    assert_eq!(count(&conn, "harvest"), 2);
    assert_eq!(crop_named(&conn, "Courge").units, []);
}

#[test]
fn empty_files_and_non_tables_say_so_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jardin.sqlite3");
    drop(open(&db).unwrap());
    let options = ImportOptions {
        dry_run: false,
        skip_existing: false,
        create_homonyms: false,
    };
    let empty = write(dir.path(), "vide.csv", b"");
    let error = import_file(&db, ImportKind::Harvests, &empty, options).unwrap_err();
    assert!(error.to_string().contains("vide"), "{error}");
    let pdf = write(
        dir.path(),
        "faux.csv",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01\xff",
    );
    let error = import_file(&db, ImportKind::Harvests, &pdf, options).unwrap_err();
    assert!(error.to_string().contains("document PDF"), "{error}");
    let conn = open(&db).unwrap();
    assert_eq!(count(&conn, "harvest"), 0);
}
