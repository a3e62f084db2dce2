//! The kg totals reports need, and the lines that could not be weighed.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::{HARVEST_JOIN, KG_OF_LINE, code};
use crate::domain::harvests::{Destination, Unit};
use crate::store::error::Result;

/// Kg harvested per crop from `from` to `to` (both included): (crop name, kg), heaviest
/// first, then by name. Lines without a kg conversion are left out (see
/// [`unconverted_harvests`]); a crop with only such lines is absent.
pub fn kg_by_crop(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, f64)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.name AS name, sum({KG_OF_LINE}) AS kg {HARVEST_JOIN}
         GROUP BY c.id HAVING kg IS NOT NULL
         ORDER BY kg DESC, c.name COLLATE FR"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            Ok((row.get("name")?, row.get("kg")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Kg harvested per destination from `from` to `to` (both included), in `Destination::ALL`
/// order, destinations without any weighed line left out. Lines without a kg conversion are
/// left out (see [`unconverted_harvests`]).
pub fn kg_by_destination(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Destination, f64)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT h.destination AS destination, sum({KG_OF_LINE}) AS kg {HARVEST_JOIN}
         GROUP BY h.destination HAVING kg IS NOT NULL"
    ))?;
    let mut totals = statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            let destination: String = row.get("destination")?;
            Ok((code(&destination, Destination::from_code)?, row.get("kg")?))
        })?
        .collect::<rusqlite::Result<Vec<(Destination, f64)>>>()?;
    totals.sort_by_key(|(destination, _)| *destination);
    Ok(totals)
}

/// Kg harvested per month from `from` to `to` (both included): ((year, month), kg), in
/// calendar order, months without any weighed line left out.
pub fn kg_by_month(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<((i32, u32), f64)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT CAST(substr(h.date, 1, 4) AS INTEGER) AS year,
                CAST(substr(h.date, 6, 2) AS INTEGER) AS month, sum({KG_OF_LINE}) AS kg
         {HARVEST_JOIN}
         GROUP BY year, month HAVING kg IS NOT NULL ORDER BY year, month"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            Ok(((row.get("year")?, row.get("month")?), row.get("kg")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Harvest lines that no kg total could count: a crop and unit without a known conversion.
#[derive(Debug, Clone, PartialEq)]
pub struct Unconverted {
    /// Crop name.
    pub crop_name: String,
    /// The unit without conversion.
    pub unit: Unit,
    /// Sum of the quantities, in `unit`.
    pub quantity: f64,
    /// How many harvest lines.
    pub lines: i64,
}

/// What the kg totals from `from` to `to` left out, per crop and unit (by crop name, then
/// unit): add a conversion to the crop to have them counted.
pub fn unconverted_harvests(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Unconverted>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.name AS name, h.unit AS unit, sum(h.quantity) AS quantity, count(*) AS lines
         {HARVEST_JOIN} AND ({KG_OF_LINE}) IS NULL
         GROUP BY c.id, h.unit"
    ))?;
    let mut rows = statement
        .query_map(named_params! {":from": from, ":to": to}, |row| {
            let unit: String = row.get("unit")?;
            Ok(Unconverted {
                crop_name: row.get("name")?,
                unit: code(&unit, Unit::from_code)?,
                quantity: row.get("quantity")?,
                lines: row.get("lines")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by(|a, b| {
        crate::domain::text::compare(&a.crop_name, &b.crop_name).then(a.unit.cmp(&b.unit))
    });
    Ok(rows)
}
