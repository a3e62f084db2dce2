//! A list as it leaves Binette for a spreadsheet: a title, typed columns and rows of typed
//! cells. The writers (`report::export`) turn it into CSV or XLSX; here it stays pure.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::calendar::IsoWeek;
use super::money::Cents;

/// What a column holds, for its number format and its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Free text (names, phone numbers, labels).
    Text,
    /// A whole number (counts, baskets).
    Integer,
    /// A decimal number, e.g. kilograms.
    Decimal,
    /// Euros, kept in cents.
    Money,
    /// A day.
    Date,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, written as is.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// A decimal number (kg): "2,5" in CSV.
    Decimal(f64),
    /// Euros in cents: "12,50" in CSV, a currency cell in XLSX.
    Money(Cents),
    /// A day: "28/11/2026" in CSV, a real date in XLSX.
    Date(NaiveDate),
}

impl Cell {
    /// A text cell.
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    /// A text cell, or `Empty` when the text is empty.
    pub fn text_or_empty(value: impl Into<String>) -> Cell {
        let value = value.into();
        if value.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        }
    }

    /// The cell as French spreadsheets read it in a CSV file: decimal comma, no thousands
    /// separator (it would turn a number into text), dates as 28/11/2026.
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Decimal(value) => decimal_text(*value),
            Cell::Money(cents) => money_text(*cents),
            Cell::Date(date) => super::calendar::format_date(*date),
        }
    }
}

/// A decimal with at most three decimals and a comma: 2.5 → "2,5", 12.0 → "12".
fn decimal_text(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    super::numbers::format_number(value, 3).replace('\u{202f}', "")
}

/// Cents as "12,50", "-3,05", "1500,00".
fn money_text(cents: Cents) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// A column: its title and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Title on the first line.
    pub header: String,
    /// What its cells hold.
    pub kind: CellKind,
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its cells, one per column (missing ones are empty).
    pub cells: Vec<Cell>,
    /// A total line, written in bold.
    pub total: bool,
}

/// A list ready to be written: what the screen shows, in its order.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTable {
    /// What the list is ("Adhérents"): the sheet name and the document title.
    pub title: String,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The lines, in order.
    pub rows: Vec<Row>,
}

impl ExportTable {
    /// An empty table with these columns.
    pub fn new(title: impl Into<String>, columns: &[(&str, CellKind)]) -> ExportTable {
        ExportTable {
            title: title.into(),
            columns: columns
                .iter()
                .map(|(header, kind)| Column {
                    header: (*header).to_owned(),
                    kind: *kind,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a column at the end.
    pub fn push_column(&mut self, header: impl Into<String>, kind: CellKind) {
        self.columns.push(Column {
            header: header.into(),
            kind,
        });
    }

    /// Adds a line.
    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row {
            cells,
            total: false,
        });
    }

    /// Adds a total line (bold in XLSX).
    pub fn push_total(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row { cells, total: true });
    }

    /// The column titles.
    pub fn headers(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.header.as_str()).collect()
    }

    /// Every line as CSV text, padded or cut to the number of columns.
    pub fn csv_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| {
                (0..self.columns.len())
                    .map(|i| row.cells.get(i).map_or_else(String::new, Cell::csv_text))
                    .collect()
            })
            .collect()
    }
}

/// The two file types a list can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Semicolons, UTF-8 with a byte-order mark (French Excel, LibreOffice).
    Csv,
    /// An Excel workbook with typed cells.
    Xlsx,
}

impl ExportFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// What the user calls it: "CSV", "Excel".
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Xlsx => "Excel",
        }
    }

    /// The format a file name asks for, by its extension (case ignored).
    pub fn of_path(path: &Path) -> Option<ExportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            _ => None,
        }
    }

    /// `path` with this format's extension added when it has none (a save dialog may drop it).
    pub fn with_extension(self, path: PathBuf) -> PathBuf {
        if path.extension().is_some() {
            path
        } else {
            path.with_extension(self.extension())
        }
    }
}

/// The file name offered in the save dialog: "adherents-2026-11-28.xlsx".
pub fn suggested_file_name(stem: &str, today: NaiveDate, format: ExportFormat) -> String {
    format!(
        "{}-{}.{}",
        super::text::slug(stem),
        today.format("%Y-%m-%d"),
        format.extension()
    )
}

/// A week typed in a range field: "2026-W48", "S48 2026", "48/2026", "48 2026", or just
/// "48" — then the first week 48 from `reference` on (this year's or next year's).
pub fn parse_week_field(text: &str, reference: IsoWeek) -> Option<IsoWeek> {
    if let Some(week) = IsoWeek::parse(text) {
        return Some(week);
    }
    let cleaned = text.trim().trim_start_matches(['S', 's']).trim();
    let numbers: Vec<&str> = cleaned
        .split(|c: char| c == '/' || c == '-' || c.is_whitespace())
        .filter(|part| !part.is_empty())
        .collect();
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    match numbers.as_slice() {
        [week, year] if all_digits(week) && all_digits(year) && year.len() == 4 => {
            IsoWeek::new(year.parse().ok()?, week.parse().ok()?)
        }
        [week] if all_digits(week) && week.len() <= 2 => {
            let number: u32 = week.parse().ok()?;
            [reference.year(), reference.year() + 1]
                .into_iter()
                .filter_map(|year| IsoWeek::new(year, number))
                .find(|week| *week >= reference)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_read_as_offices_type_them() {
        let reference = IsoWeek::new(2026, 48).unwrap();
        let week = |y, w| IsoWeek::new(y, w);
        assert_eq!(parse_week_field("2026-W50", reference), week(2026, 50));
        assert_eq!(parse_week_field("S3 2027", reference), week(2027, 3));
        assert_eq!(parse_week_field("s 49/2026", reference), week(2026, 49));
        assert_eq!(parse_week_field("3", reference), week(2027, 3));
        assert_eq!(parse_week_field("48", reference), week(2026, 48));
        assert_eq!(parse_week_field("53", reference), week(2026, 53));
        assert_eq!(parse_week_field("54", reference), None);
        assert_eq!(parse_week_field("semaine", reference), None);
        assert_eq!(parse_week_field("", reference), None);
        assert_eq!(parse_week_field("48/26", reference), None);
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn cells_are_written_the_french_way() {
        assert_eq!(Cell::Decimal(2.5).csv_text(), "2,5");
        assert_eq!(Cell::Decimal(1234.125).csv_text(), "1234,125");
        assert_eq!(Cell::Decimal(12.0).csv_text(), "12");
        assert_eq!(Cell::Decimal(f64::NAN).csv_text(), "");
        assert_eq!(Cell::Money(1250).csv_text(), "12,50");
        assert_eq!(Cell::Money(-305).csv_text(), "-3,05");
        assert_eq!(Cell::Money(150_000).csv_text(), "1500,00");
        assert_eq!(Cell::Date(day(2026, 11, 28)).csv_text(), "28/11/2026");
        assert_eq!(Cell::Integer(-4).csv_text(), "-4");
        assert_eq!(Cell::text_or_empty(""), Cell::Empty);
    }

    #[test]
    fn rows_are_padded_to_the_columns() {
        let mut table = ExportTable::new("T", &[("A", CellKind::Text), ("B", CellKind::Integer)]);
        table.push(vec![Cell::text("x")]);
        table.push(vec![Cell::text("y"), Cell::Integer(2), Cell::Integer(3)]);
        assert_eq!(
            table.csv_rows(),
            vec![
                vec!["x".to_owned(), String::new()],
                vec!["y".into(), "2".into()]
            ]
        );
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(
            ExportFormat::of_path(Path::new("/tmp/a.XLSX")),
            Some(ExportFormat::Xlsx)
        );
        assert_eq!(
            ExportFormat::of_path(Path::new("a.csv")),
            Some(ExportFormat::Csv)
        );
        assert_eq!(ExportFormat::of_path(Path::new("a.ods")), None);
        assert_eq!(ExportFormat::of_path(Path::new("a")), None);
        assert_eq!(
            ExportFormat::Xlsx.with_extension(PathBuf::from("/tmp/liste")),
            PathBuf::from("/tmp/liste.xlsx")
        );
        assert_eq!(
            suggested_file_name("Adhérents", day(2026, 11, 28), ExportFormat::Xlsx),
            "adherents-2026-11-28.xlsx"
        );
    }
}
