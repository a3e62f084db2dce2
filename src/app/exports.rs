//! List exports shared by the screens and `binette export`: the tables read from the
//! garden (in one transaction each), and writing a table as CSV or Excel through
//! `store::output`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Error, Garden, Result};
use crate::domain::calendar::IsoWeek;
use crate::domain::employees::{SortColumn, StatusFilter, visible_rows};
use crate::domain::export::{ExportFormat, ExportTable};
use crate::report::export::{cross, lists};
use crate::store::sheets::{baskets_range, coming_delivery_weeks};
use crate::store::{employees, harvests, members};

/// The default range of the baskets table on `today`: from the next delivery week to the
/// 8th week with a delivery.
pub fn coming_weeks(garden: &Garden, today: NaiveDate) -> Result<(IsoWeek, IsoWeek)> {
    Ok(garden.with(|conn| coming_delivery_weeks(conn, today))?)
}

/// Baskets per depot and size for the weeks `from` to `to` (both included); a reversed or
/// too long range is refused in French, naming the weeks field.
pub fn baskets_table(garden: &Garden, from: IsoWeek, to: IsoWeek) -> Result<ExportTable> {
    let weeks = cross::week_range(from, to).map_err(|m| Error::invalid("semaines", m))?;
    let range = garden.with(|conn| baskets_range(conn, from, weeks))?;
    Ok(cross::baskets_table(&range))
}

/// Every member, as on the Adhérents list without a filter (memberships of `today`'s year).
pub fn members_table(garden: &Garden, today: NaiveDate) -> Result<ExportTable> {
    let rows = garden.with(|conn| members::member_rows(conn, today))?;
    let all: Vec<_> = rows.iter().collect();
    Ok(lists::members(&all, chrono::Datelike::year(&today), false))
}

/// Every employee (entered, in path or left), by last name.
pub fn employees_table(garden: &Garden, today: NaiveDate) -> Result<ExportTable> {
    let rows = garden.with(|conn| employees::list_employee_rows(conn, today))?;
    let order = visible_rows(
        &rows,
        "",
        StatusFilter::All,
        today,
        SortColumn::LastName,
        false,
    );
    let shown: Vec<_> = order.iter().filter_map(|&i| rows.get(i)).collect();
    Ok(lists::employees(&shown))
}

/// Every harvest line.
pub fn harvests_table(garden: &Garden) -> Result<ExportTable> {
    let lines = garden.read(harvests::all_harvest_lines)?;
    let all: Vec<_> = lines.iter().collect();
    Ok(lists::harvest_lines(&all))
}

/// The file name offered for an export of `stem` today ("adherents-2026-11-28.csv").
pub fn file_name(stem: &str, format: ExportFormat) -> String {
    let today = chrono::Local::now().date_naive();
    crate::domain::export::suggested_file_name(stem, today, format)
}

/// Writes `table` to `out` in `format`, whatever the extension (never over the garden's
/// own database); answers the path written.
pub fn write_table(
    garden: &Garden,
    table: &ExportTable,
    format: ExportFormat,
    out: &Path,
) -> Result<PathBuf> {
    crate::store::output::check_not_database(out, garden.path())?;
    Ok(crate::report::export::write_as(table, format, out)?)
}
