//! The XLSX writer: one sheet, typed cells, a bold frozen header row with an autofilter.

use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::ExportError;
use crate::domain::export::{Cell, CellKind, ExportTable};

/// Longest text Excel keeps in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Rows looked at to size the columns (enough to judge, cheap on 10,000 rows).
const WIDTH_SAMPLE: usize = 2_000;

/// Number formats, stored in the locale-free form: French Excel and LibreOffice show
/// `#,##0.00` as "1 234,50".
const DATE_FORMAT: &str = "dd/mm/yyyy";
const MONEY_FORMAT: &str = "#,##0.00\\ \"€\"";
const DECIMAL_FORMAT: &str = "#,##0.0##";
const INTEGER_FORMAT: &str = "0";

fn error(e: XlsxError) -> ExportError {
    ExportError::Workbook(e.to_string())
}

/// The cell formats, plain and bold (total rows).
struct Formats {
    header: Format,
    plain: [Format; 5],
    bold: [Format; 5],
}

fn slot(kind: CellKind) -> usize {
    match kind {
        CellKind::Text => 0,
        CellKind::Integer => 1,
        CellKind::Decimal => 2,
        CellKind::Money => 3,
        CellKind::Date => 4,
    }
}

impl Formats {
    fn new() -> Formats {
        let make = |bold: bool| {
            let base = || {
                if bold {
                    Format::new().set_bold()
                } else {
                    Format::new()
                }
            };
            [
                base(),
                base().set_num_format(INTEGER_FORMAT),
                base().set_num_format(DECIMAL_FORMAT),
                base().set_num_format(MONEY_FORMAT),
                base().set_num_format(DATE_FORMAT),
            ]
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00E4_EFDC))
                .set_border_bottom(FormatBorder::Thin),
            plain: make(false),
            bold: make(true),
        }
    }

    fn of(&self, kind: CellKind, bold: bool) -> &Format {
        if bold {
            &self.bold[slot(kind)]
        } else {
            &self.plain[slot(kind)]
        }
    }
}

/// A sheet name Excel accepts: no `[]:*?/\`, no edge apostrophe, at most 31 characters.
fn sheet_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let mut name = String::new();
    for c in cleaned.trim().trim_matches('\'').chars() {
        if name.encode_utf16().count() + c.len_utf16() > 31 {
            break;
        }
        name.push(c);
    }
    let name = name.trim().trim_matches('\'').to_owned();
    if name.is_empty() {
        "Liste".to_owned()
    } else {
        name
    }
}

/// Characters a cell shows, to size its column.
fn shown_width(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Date(_) => 10,
        Cell::Money(_) => cell.csv_text().chars().count() + 3,
        Cell::Text(text) => text.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        _ => cell.csv_text().chars().count() + 1,
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    kind: CellKind,
    formats: &Formats,
    bold: bool,
) -> Result<(), XlsxError> {
    let text_format = formats.of(CellKind::Text, bold);
    match cell {
        Cell::Empty => {
            if bold {
                sheet.write_blank(row, col, text_format)?;
            }
        }
        Cell::Text(text) => {
            let text: String = text.chars().take(MAX_CELL_CHARS).collect();
            sheet.write_string_with_format(row, col, text, text_format)?;
        }
        Cell::Integer(n) => {
            #[allow(clippy::cast_precision_loss)]
            let value = *n as f64;
            sheet.write_number_with_format(row, col, value, formats.of(CellKind::Integer, bold))?;
        }
        Cell::Decimal(value) => {
            if value.is_finite() {
                let format = match kind {
                    CellKind::Integer => formats.of(CellKind::Integer, bold),
                    _ => formats.of(CellKind::Decimal, bold),
                };
                sheet.write_number_with_format(row, col, *value, format)?;
            }
        }
        Cell::Money(cents) => {
            #[allow(clippy::cast_precision_loss)]
            let euros = *cents as f64 / 100.0;
            sheet.write_number_with_format(row, col, euros, formats.of(CellKind::Money, bold))?;
        }
        Cell::Date(date) => {
            let excel = u16::try_from(date.year()).ok().and_then(|y| {
                ExcelDateTime::from_ymd(
                    y,
                    u8::try_from(date.month()).ok()?,
                    u8::try_from(date.day()).ok()?,
                )
                .ok()
            });
            match excel {
                Some(excel) => {
                    sheet.write_datetime_with_format(
                        row,
                        col,
                        &excel,
                        formats.of(CellKind::Date, bold),
                    )?;
                }
                // A year Excel cannot hold (before 1900): kept as text rather than lost.
                None => {
                    sheet.write_string_with_format(row, col, cell.csv_text(), text_format)?;
                }
            }
        }
    }
    Ok(())
}

fn fill_sheet(sheet: &mut Worksheet, table: &ExportTable) -> Result<(), XlsxError> {
    let formats = Formats::new();
    sheet.set_name(sheet_name(&table.title))?;
    let columns = u16::try_from(table.columns.len().max(1)).unwrap_or(u16::MAX);
    let mut widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| c.header.chars().count() + 3)
        .collect();
    for (col, column) in table.columns.iter().enumerate() {
        let col = u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(0, col, column.header.clone(), &formats.header)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let at = u32::try_from(index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (col, column) in table.columns.iter().enumerate() {
            let Some(cell) = row.cells.get(col) else {
                continue;
            };
            if index < WIDTH_SAMPLE
                && let Some(width) = widths.get_mut(col)
            {
                *width = (*width).max(shown_width(cell));
            }
            let col = u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)?;
            write_cell(sheet, at, col, cell, column.kind, &formats, row.total)?;
        }
    }
    for (col, width) in widths.iter().enumerate() {
        let col = u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)?;
        #[allow(clippy::cast_precision_loss)]
        let width = (*width).clamp(8, 60) as f64 + 1.0;
        sheet.set_column_width(col, width)?;
    }
    // The filter covers the header and the data, not the closing total lines.
    let trailing_totals = table.rows.iter().rev().take_while(|r| r.total).count();
    let last_filtered = u32::try_from(table.rows.len() - trailing_totals)
        .map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last_filtered, columns - 1)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_paper_size(9);
    if table.columns.len() > 6 {
        sheet.set_landscape();
    }
    Ok(())
}

/// The workbook of `table`, as bytes.
pub fn workbook_bytes(table: &ExportTable) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(table.title.clone())
            .set_author("Binette"),
    );
    fill_sheet(workbook.add_worksheet(), table).map_err(error)?;
    workbook.save_to_buffer().map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("Adhérents"), "Adhérents");
        assert_eq!(
            sheet_name("Récoltes 01/03 [saison]"),
            "Récoltes 01-03 -saison-"
        );
        assert_eq!(sheet_name("'  '"), "Liste");
        assert_eq!(
            sheet_name("Paniers par dépôt et par taille, semaines 48 à 3")
                .encode_utf16()
                .count(),
            31
        );
    }
}
