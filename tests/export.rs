//! Exports: CSV bytes as French Excel reads them, XLSX read back with typed cells, members
//! exported then imported into an empty garden, every `binette export` kind, the two
//! cross-tables, and an export from the Salariés list driven headless.
#![allow(clippy::unwrap_used)]

mod common;
use common::Held;

use std::path::{Path, PathBuf};

use binette::cli::export::WeekChoice;
use binette::cli::{ExportKind, ImportKind, ImportOptions, export_file, import_file};
use binette::domain::export::{Cell, CellKind, ExportFormat, ExportTable};
use binette::domain::harvest_query::HarvestLine;
use binette::domain::harvests::{Destination, Harvest, Unit};
use binette::domain::text::collation_key;
use binette::report::export::{cross, csv_bytes, lists, write_file, xlsx_bytes};
use binette::store::{self, members};
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Excel's serial number of a day (1900 date system).
fn serial(date: NaiveDate) -> f64 {
    (date - day(1899, 12, 30)).num_days() as f64
}

fn sample() -> ExportTable {
    let mut table = ExportTable::new(
        "Récoltes d'été",
        &[
            ("Date", CellKind::Date),
            ("Légume", CellKind::Text),
            ("Poids (kg)", CellKind::Decimal),
            ("Prix", CellKind::Money),
            ("Caisses", CellKind::Integer),
        ],
    );
    table.push(vec![
        Cell::Date(day(2026, 11, 28)),
        Cell::text("Céleri-rave; « bio »"),
        Cell::Decimal(2.5),
        Cell::Money(1250),
        Cell::Integer(3),
    ]);
    table.push(vec![
        Cell::Date(day(2026, 7, 1)),
        Cell::text("Chou kale"),
        Cell::Empty,
        Cell::Money(-305),
        Cell::Integer(0),
    ]);
    table.push_total(vec![
        Cell::Empty,
        Cell::text("Total"),
        Cell::Decimal(1234.125),
        Cell::Money(945),
        Cell::Integer(3),
    ]);
    table
}

/// The first sheet of an XLSX file: its name and cells.
fn read_xlsx(bytes: Vec<u8>) -> (String, Vec<Vec<Data>>) {
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    (name, range.rows().map(<[Data]>::to_vec).collect())
}

fn text(data: &Data) -> String {
    match data {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn csv_has_bom_semicolons_crlf_and_french_numbers() {
    let bytes = csv_bytes(&sample());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let content = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(
        content,
        "Date;Légume;Poids (kg);Prix;Caisses\r\n\
         28/11/2026;\"Céleri-rave; « bio »\";2,5;12,50;3\r\n\
         01/07/2026;Chou kale;;-3,05;0\r\n\
         ;Total;1234,125;9,45;3\r\n"
    );
}

#[test]
fn xlsx_cells_are_typed_and_keep_their_accents() {
    let (name, rows) = read_xlsx(xlsx_bytes(&sample()).unwrap());
    assert_eq!(name, "Récoltes d'été");
    assert_eq!(rows.len(), 4);
    let headers: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(headers, ["Date", "Légume", "Poids (kg)", "Prix", "Caisses"]);
    match &rows[1][0] {
        Data::DateTime(date) => {
            assert!(date.is_datetime());
            assert_eq!(date.as_f64(), serial(day(2026, 11, 28)));
        }
        other => panic!("the date is not a date cell: {other:?}"),
    }
    assert_eq!(rows[1][1], Data::String("Céleri-rave; « bio »".into()));
    assert_eq!(rows[1][2], Data::Float(2.5));
    assert_eq!(rows[1][3], Data::Float(12.5));
    assert_eq!(rows[1][4], Data::Float(3.0));
    assert_eq!(rows[2][2], Data::Empty);
    assert_eq!(rows[2][3], Data::Float(-3.05));
    assert_eq!(rows[3][1], Data::String("Total".into()));
    assert_eq!(rows[3][2], Data::Float(1234.125));
}

#[test]
fn the_extension_chooses_the_format_and_anything_else_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_file(&sample(), &dir.path().join("liste.CSV")).unwrap();
    assert!(std::fs::read(csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let xlsx = write_file(&sample(), &dir.path().join("liste.xlsx")).unwrap();
    assert!(std::fs::read(xlsx).unwrap().starts_with(b"PK"));
    let error = write_file(&sample(), &dir.path().join("liste.ods")).unwrap_err();
    assert!(error.to_string().contains(".csv ou .xlsx"), "{error}");
    assert!(!dir.path().join("liste.ods").exists());
}

/// A demo garden in a database file.
fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("jardin.sqlite3");
    let conn = store::open(&path).unwrap();
    store::demo::create_demo(&conn, 1, today()).unwrap();
    path
}

/// A member as exported: name, first name, co-member, phones, e-mail, address lines.
type Contact = [String; 9];

/// Per member, sorted: its contact details and its depots.
fn members_of(path: &Path) -> Vec<(Contact, Vec<String>)> {
    let conn = store::open(path).unwrap();
    let mut list: Vec<_> = members::member_rows(&conn, today())
        .unwrap()
        .into_iter()
        .map(|row| {
            let m = row.member;
            let mut depots = row.depots;
            depots.sort();
            let contact = [
                m.last_name,
                m.first_name,
                m.co_member,
                m.phone,
                m.phone2,
                m.email,
                m.address,
                m.postcode,
                m.city,
            ];
            (contact, depots)
        })
        .collect();
    list.sort_by_key(|(c, _)| (collation_key(&c[0]), collation_key(&c[1])));
    list
}

fn members_round_trip(extension: &str) {
    let dir = tempfile::tempdir().unwrap();
    let garden = demo_file(dir.path());
    let out = dir.path().join(format!("adherents.{extension}"));
    let said = export_file(&garden, ExportKind::Members, &out, &WeekChoice::default()).unwrap();
    assert!(said.contains("Adhérents"), "{said}");
    let fresh = dir.path().join("nouveau.sqlite3");
    drop(store::open(&fresh).unwrap());
    let options = ImportOptions {
        dry_run: false,
        skip_existing: false,
        create_homonyms: false,
    };
    let report = import_file(&fresh, ImportKind::Members, &out, options).unwrap();
    let before = members_of(&garden);
    let after = members_of(&fresh);
    assert!(before.len() > 20, "the demo has members");
    assert!(
        before.iter().any(|m| !m.0[0].is_ascii()),
        "some names have accents"
    );
    assert_eq!(before.len(), after.len(), "{report}");
    for (was, is) in before.iter().zip(&after) {
        assert_eq!(was, is, "{report}");
    }
}

#[test]
fn members_exported_to_csv_come_back_the_same() {
    members_round_trip("csv");
}

#[test]
fn members_exported_to_xlsx_come_back_the_same() {
    members_round_trip("xlsx");
}

#[test]
fn every_cli_export_writes_its_list() {
    let dir = tempfile::tempdir().unwrap();
    let garden = demo_file(dir.path());
    for (kind, first) in [
        (ExportKind::Members, "Nom"),
        (ExportKind::Employees, "Nom"),
        (ExportKind::Harvests, "Date"),
        (ExportKind::Baskets, "Semaine"),
    ] {
        let out = dir.path().join(format!("{kind:?}.xlsx"));
        let said = export_file(&garden, kind, &out, &WeekChoice::default()).unwrap();
        assert!(said.contains("ligne(s) écrite(s) en Excel"), "{said}");
        let (_, rows) = read_xlsx(std::fs::read(&out).unwrap());
        assert_eq!(text(&rows[0][0]), first, "{kind:?}");
        assert!(rows.len() > 2, "{kind:?} has lines");
        let csv = dir.path().join(format!("{kind:?}.csv"));
        export_file(&garden, kind, &csv, &WeekChoice::default()).unwrap();
        let content = String::from_utf8(std::fs::read(&csv).unwrap()).unwrap();
        assert_eq!(content.lines().count(), rows.len(), "{kind:?}");
    }
    // Every employee, in path or not; no PASS number.
    let (_, rows) = read_xlsx(std::fs::read(dir.path().join("Employees.xlsx")).unwrap());
    let headers: Vec<String> = rows[0].iter().map(text).collect();
    assert!(!headers.iter().any(|h| h.contains("PASS")));
    assert!(rows.iter().skip(1).any(|r| !matches!(r[4], Data::Empty)));
    // The baskets table ends with the grand total.
    let (_, rows) = read_xlsx(std::fs::read(dir.path().join("Baskets.xlsx")).unwrap());
    assert_eq!(text(&rows[rows.len() - 1][2]), "Total général");
    let error = export_file(
        &garden,
        ExportKind::Members,
        &dir.path().join("a.pdf"),
        &WeekChoice::default(),
    )
    .unwrap_err();
    assert!(error.to_string().contains(".csv ou .xlsx"), "{error}");
    let missing = export_file(
        &dir.path().join("absent.sqlite3"),
        ExportKind::Members,
        &dir.path().join("a.csv"),
        &WeekChoice::default(),
    );
    assert!(missing.is_err());
}

#[test]
fn the_baskets_export_takes_the_weeks_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let garden = demo_file(dir.path());
    let out = dir.path().join("paniers.csv");
    let weeks = |from: &str, to: Option<&str>| WeekChoice {
        from: Some(from.to_owned()),
        to: to.map(str::to_owned),
    };
    let said = export_file(
        &garden,
        ExportKind::Baskets,
        &out,
        &weeks("2026-W10", Some("S11 2026")),
    )
    .unwrap();
    assert!(said.contains("S10 2026 à S11 2026"), "{said}");
    let content = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    assert!(content.contains("S10 2026;") && content.contains("S11 2026;"));
    assert!(!content.contains("S12 2026;"));
    let reversed = export_file(
        &garden,
        ExportKind::Baskets,
        &out,
        &weeks("2026-W12", Some("2026-W10")),
    )
    .unwrap_err();
    assert!(reversed.to_string().contains("avant la semaine de début"));
    let unreadable =
        export_file(&garden, ExportKind::Baskets, &out, &weeks("bientôt", None)).unwrap_err();
    assert!(unreadable.to_string().contains("illisible"));
}

#[test]
fn baskets_table_counts_what_the_week_plans_count() {
    let conn = store::open_in_memory().unwrap();
    store::demo::create_demo(&conn, 1, today()).unwrap();
    let (from, to) = store::sheets::coming_delivery_weeks(&conn, today()).unwrap();
    let weeks = cross::week_range(from, to).unwrap();
    assert!(weeks >= 8, "8 delivery weeks take at least 8 weeks");
    let table = cross::baskets_table(&store::sheets::baskets_range(&conn, from, weeks).unwrap());
    let plans = store::week::plan_weeks(&conn, from, weeks).unwrap();
    let expected: i64 = plans.iter().map(|p| p.total_baskets()).sum();
    let last = table.rows.last().unwrap();
    assert!(last.total);
    assert_eq!(last.cells[2], Cell::text("Total général"));
    assert_eq!(last.cells.last(), Some(&Cell::Integer(expected)));
    let week_totals: i64 = table
        .rows
        .iter()
        .filter(|r| r.cells.get(2) == Some(&Cell::text("Total de la semaine")))
        .map(|r| match r.cells.last() {
            Some(Cell::Integer(n)) => *n,
            _ => 0,
        })
        .sum();
    assert_eq!(week_totals, expected);
    // Sizes are columns after week, day and depot; the total closes the line.
    let sizes = store::baskets::list_basket_sizes(&conn).unwrap();
    for size in sizes.iter().filter(|s| s.active) {
        assert!(table.headers().contains(&size.name.as_str()));
    }
    assert!(cross::week_range(to, from).is_err() || from == to);
    assert!(cross::week_range(from, from.plus_weeks(61)).is_err());
}

fn line(date: NaiveDate, crop: &str, kg: Option<f64>) -> HarvestLine {
    HarvestLine {
        harvest: Harvest {
            id: 1,
            date,
            crop_id: 1,
            plot_id: None,
            quantity: kg.unwrap_or(3.0),
            unit: if kg.is_some() { Unit::Kg } else { Unit::Crate },
            destination: Destination::Baskets,
            notes: String::new(),
        },
        crop_name: crop.into(),
        plot_name: String::new(),
        kg,
    }
}

#[test]
fn kg_per_crop_and_month_sums_each_cell_and_the_totals() {
    let lines = [
        line(day(2026, 3, 2), "Poireau", Some(10.0)),
        line(day(2026, 3, 20), "Poireau", Some(2.5)),
        line(day(2026, 11, 2), "Épinard", Some(4.0)),
        line(day(2026, 11, 3), "Épinard", None),
        line(day(2025, 11, 3), "Épinard", Some(100.0)),
    ];
    let refs: Vec<&HarvestLine> = lines.iter().collect();
    let table = cross::kg_by_crop_and_month(&refs, 2026);
    assert_eq!(table.columns.len(), 14);
    assert_eq!(table.columns[3].header, "Mars");
    assert_eq!(table.columns[13].header, "Total");
    assert_eq!(table.rows.len(), 3);
    // Épinard before Poireau (accents ignored), other years and unweighed lines left out.
    assert_eq!(table.rows[0].cells[0], Cell::text("Épinard"));
    assert_eq!(table.rows[0].cells[11], Cell::Decimal(4.0));
    assert_eq!(table.rows[0].cells[13], Cell::Decimal(4.0));
    assert_eq!(table.rows[1].cells[3], Cell::Decimal(12.5));
    assert_eq!(table.rows[1].cells[4], Cell::Empty);
    let total = &table.rows[2];
    assert!(total.total);
    assert_eq!(total.cells[13], Cell::Decimal(16.5));
}

#[test]
fn solidarity_shows_only_when_the_list_is_filtered_on_it() {
    let conn = store::open_in_memory().unwrap();
    store::demo::create_demo(&conn, 1, today()).unwrap();
    let rows = members::member_rows(&conn, today()).unwrap();
    let all: Vec<_> = rows.iter().collect();
    let plain = lists::members(&all, 2026, false);
    assert!(!plain.headers().iter().any(|h| h.contains("olidaire")));
    assert!(
        !plain
            .csv_rows()
            .iter()
            .flatten()
            .any(|c| c.contains("olidaire"))
    );
    let solidarity: Vec<_> = rows.iter().filter(|r| r.solidarity).collect();
    assert!(!solidarity.is_empty(), "the demo has Paniers Solidaires");
    let filtered = lists::members(&solidarity, 2026, true);
    assert_eq!(filtered.headers().last(), Some(&"Paniers Solidaires"));
}

mod ui_flow {
    use super::*;
    use binette::app::Garden;
    use binette::domain::employees::{SortColumn, StatusFilter, visible_rows};
    use binette::ui::employees::list::Message as List;
    use binette::ui::employees::{ListExport, Message, SEARCH_ID, Screen};
    use binette::ui::export::Message as Export;
    use common::run;

    fn apply(screen: &mut Held<Screen>, message: Message) {
        let mut queue = vec![message];
        while let Some(message) = queue.pop() {
            // The save dialog cannot run headless: the test answers it with a path.
            if matches!(message, Message::List(List::Export(Export::Ask(..)))) {
                continue;
            }
            queue.extend(run(screen.update(message)));
        }
    }

    common::screen_helpers!(Held<Screen>, Message; clicked, shows, typed);

    #[test]
    fn the_salaries_list_is_exported_as_searched() {
        let conn = store::open_in_memory().unwrap();
        store::demo::create_demo(&conn, 1, today()).unwrap();
        let db = Garden::new(conn, ":memory:".into());
        let (mut screen, task) = Held::open(&db, today(), Screen::new);
        for message in run(task) {
            apply(&mut screen, message);
        }
        let all = binette::app::employees::rows(&db, today()).unwrap();
        let wanted = all.iter().find(|r| r.exit_date.is_none()).unwrap();
        for message in typed(&screen, SEARCH_ID, 0, &wanted.last_name, false) {
            apply(&mut screen, message);
        }
        let asked = clicked(&screen, "Exporter (Excel)");
        assert!(
            matches!(
                asked.as_slice(),
                [Message::List(List::Export(Export::Ask(
                    ListExport,
                    ExportFormat::Xlsx
                )))]
            ),
            "{asked:?}"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("salaries");
        apply(
            &mut screen,
            Message::List(List::Export(Export::To(
                ListExport,
                ExportFormat::Xlsx,
                path,
            ))),
        );
        let written = dir.path().join("salaries.xlsx");
        let banner = format!("Fichier enregistré : {}", written.display());
        assert!(shows(&screen, &banner));
        assert!(shows(&screen, "Ouvrir"));
        let (name, rows) = read_xlsx(std::fs::read(&written).unwrap());
        assert_eq!(name, "Salariés");
        let expected = visible_rows(
            &all,
            &wanted.last_name,
            StatusFilter::InPath,
            today(),
            SortColumn::LastName,
            false,
        )
        .len();
        assert!(expected >= 1);
        assert_eq!(rows.len(), 1 + expected, "only the people searched for");
        assert_eq!(
            text(&rows[1][0]),
            wanted.last_name.to_uppercase(),
            "names as the list shows them"
        );
    }
}

mod week_flow {
    use super::*;
    use binette::app::Garden;
    use binette::ui::export::Message as Export;
    use binette::ui::week::{Message, Screen, WeekExport};
    use common::run;

    fn apply(screen: &mut Held<Screen>, message: Message) {
        let mut queue = vec![message];
        while let Some(message) = queue.pop() {
            if matches!(message, Message::Export(Export::Ask(..)) | Message::Open(_)) {
                continue;
            }
            queue.extend(run(screen.update(message)));
        }
    }

    common::screen_helpers!(Held<Screen>, Message; shows);

    #[test]
    fn the_paniers_screen_exports_the_next_eight_delivery_weeks() {
        let conn = store::open_in_memory().unwrap();
        store::demo::create_demo(&conn, 1, today()).unwrap();
        let (from, to) = store::sheets::coming_delivery_weeks(&conn, today()).unwrap();
        let db = Garden::new(conn, ":memory:".into());
        let (mut screen, task) = Held::open(&db, today(), Screen::new);
        for message in run(task) {
            apply(&mut screen, message);
        }
        // The range starts filled with the next 8 delivery weeks.
        assert!(shows(&screen, &from.to_string()));
        assert!(shows(&screen, &to.to_string()));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paniers.csv");
        apply(
            &mut screen,
            Message::Export(Export::To(
                WeekExport::Baskets,
                ExportFormat::Xlsx,
                path.clone(),
            )),
        );
        assert!(shows(
            &screen,
            &format!("Fichier enregistré : {}", path.display())
        ));
        // The typed extension wins over the button pressed.
        let content = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        assert!(content.starts_with("\u{feff}Semaine;Livraison;Dépôt;"));
        assert!(content.contains(";Total général;"));
        // A reversed range is refused on screen and in the export.
        apply(&mut screen, Message::RangeFrom("2027-W10".into()));
        assert!(shows(
            &screen,
            "La semaine de fin est avant la semaine de début."
        ));
        let refused = dir.path().join("refus.csv");
        apply(
            &mut screen,
            Message::Export(Export::To(
                WeekExport::Baskets,
                ExportFormat::Csv,
                refused.clone(),
            )),
        );
        assert!(!refused.exists());
        assert!(shows(
            &screen,
            "La semaine de fin est avant la semaine de début."
        ));
    }
}
