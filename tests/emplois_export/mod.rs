//! Writes XLSX files shaped like the employer export of *les emplois de l'inclusion*
//! (columns of `itou/job_applications/export.py`), with dates as real Excel dates, as text
//! or as bare serial numbers.
#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// The export's column titles, in its order.
pub use binette::domain::import::employees::EMPLOIS_EXPORT_HEADERS as HEADERS;

/// A cell of the export.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    /// Nothing.
    Empty,
    /// Text as typed.
    Text(&'a str),
    /// A number (a PASS number Excel turned into one, or a bare serial day number).
    Number(f64),
    /// A real Excel date, formatted dd/mm/yyyy.
    Date(i32, u32, u32),
}

/// One person of the export.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    /// "M" or "MME".
    pub civility: &'a str,
    /// Last name.
    pub last: &'a str,
    /// First name.
    pub first: &'a str,
    /// Phone.
    pub phone: &'a str,
    /// Birth date.
    pub birth: Cell<'a>,
    /// "Candidature acceptée"…
    pub status: &'a str,
    /// Hiring start and end.
    pub hired: Cell<'a>,
    /// Hiring end.
    pub until: Cell<'a>,
    /// PASS number.
    pub number: Cell<'a>,
    /// PASS start.
    pub pass_start: Cell<'a>,
    /// PASS end.
    pub pass_end: Cell<'a>,
    /// Prescribing organisation.
    pub prescriber: &'a str,
}

/// The Excel serial day number of a date (1900 system).
pub fn serial(y: i32, m: u32, d: u32) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (NaiveDate::from_ymd_opt(y, m, d).unwrap() - epoch).num_days() as f64
}

/// Writes the export with these people at `path`.
pub fn write(path: &Path, people: &[Person<'_>]) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (col, title) in HEADERS.iter().enumerate() {
        sheet.write_string(0, col as u16, *title).unwrap();
    }
    for (i, p) in people.iter().enumerate() {
        let row = i as u32 + 1;
        let cells = [
            Cell::Text(p.civility),
            Cell::Text(p.last),
            Cell::Text(p.first),
            Cell::Empty,
            Cell::Text(p.phone),
            p.birth,
            Cell::Text("Pontarlier"),
            Cell::Text("25300"),
            Cell::Text("Jardin de Cocagne du Haut-Doubs"),
            Cell::Text("ACI"),
            Cell::Text("Maraîchage"),
            Cell::Text("Prescripteur habilité"),
            Cell::Text(p.prescriber),
            Cell::Text("Claire Conseil"),
            Cell::Date(2025, 12, 1),
            Cell::Text(p.status),
            p.hired,
            p.until,
            Cell::Empty,
            Cell::Text("oui"),
            Cell::Text("non"),
            p.number,
            p.pass_start,
            p.pass_end,
            Cell::Text("Valide"),
        ];
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match *cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    sheet.write_string(row, col, text).unwrap();
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col, n).unwrap();
                }
                Cell::Date(y, m, d) => {
                    let date = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8).unwrap();
                    sheet
                        .write_datetime_with_format(row, col, &date, &date_format)
                        .unwrap();
                }
            }
        }
    }
    workbook.save(path).unwrap();
}

/// Bérénice Lefèvre: every date a real Excel date.
pub fn berenice<'a>() -> Person<'a> {
    Person {
        civility: "MME",
        last: "Lefèvre",
        first: "Bérénice",
        phone: "0612345678",
        birth: Cell::Date(1988, 4, 12),
        status: "Candidature acceptée",
        hired: Cell::Date(2026, 1, 5),
        until: Cell::Date(2026, 7, 4),
        number: Cell::Text("99999 26 00001"),
        pass_start: Cell::Date(2026, 1, 5),
        pass_end: Cell::Date(2028, 1, 4),
        prescriber: "Mission locale du Haut-Doubs",
    }
}

/// Émile Zola: dates as text and serial numbers, the PASS number as a number.
pub fn emile<'a>() -> Person<'a> {
    Person {
        civility: "M",
        last: "Zola",
        first: "Émile",
        phone: "",
        birth: Cell::Text("02/01/1980"),
        status: "Candidature acceptée",
        hired: Cell::Text("2026-02-02"),
        until: Cell::Number(serial(2026, 8, 1)),
        number: Cell::Number(999_992_600_002.0),
        pass_start: Cell::Text("2026-02-02"),
        pass_end: Cell::Text("01/02/2028"),
        prescriber: "France Travail Pontarlier",
    }
}

/// An application still open: not a hire.
pub fn applicant<'a>() -> Person<'a> {
    Person {
        civility: "M",
        last: "Roux",
        first: "Jean",
        phone: "",
        birth: Cell::Date(1990, 3, 3),
        status: "Nouvelle candidature",
        hired: Cell::Empty,
        until: Cell::Empty,
        number: Cell::Empty,
        pass_start: Cell::Empty,
        pass_end: Cell::Empty,
        prescriber: "",
    }
}

/// A row with a wrong PASS number: refused.
pub fn wrong_number<'a>() -> Person<'a> {
    Person {
        civility: "MME",
        last: "Noël",
        first: "Anaïs",
        phone: "",
        birth: Cell::Empty,
        status: "Candidature acceptée",
        hired: Cell::Date(2026, 3, 2),
        until: Cell::Date(2026, 9, 1),
        number: Cell::Text("12345"),
        pass_start: Cell::Date(2026, 3, 2),
        pass_end: Cell::Date(2028, 3, 1),
        prescriber: "",
    }
}
