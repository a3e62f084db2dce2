//! Harvest lines as the harvests screen lists them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::harvest::harvest_from_row;
use super::harvest_reference;
use crate::domain::harvest_query::HarvestLine;
use crate::domain::harvests::{CropId, Unit};
use crate::store::error::{Result, StoreError};

/// The harvest's columns in the order `harvest_from_row` reads them, then the names and
/// the weight (read by position).
const LINE_SELECT: &str = "SELECT h.id, h.date, h.crop_id, h.plot_id, h.quantity, h.unit,
        h.destination, h.notes, c.name AS crop_name, coalesce(p.name, '') AS plot_name,
        CASE WHEN h.unit = 'kg' THEN h.quantity ELSE h.quantity * cu.kg_per_unit END AS kg
     FROM harvest h
     JOIN crop c ON c.id = h.crop_id
     LEFT JOIN plot p ON p.id = h.plot_id
     LEFT JOIN crop_unit cu ON cu.crop_id = h.crop_id AND cu.unit = h.unit";

fn line_from_row(row: &Row) -> rusqlite::Result<HarvestLine> {
    Ok(HarvestLine {
        harvest: harvest_from_row(row)?,
        crop_name: row.get(8)?,
        plot_name: row.get(9)?,
        kg: row.get(10)?,
    })
}

/// Harvest lines dated `from` to `to` (both included) with their crop and plot names and
/// weight, most recent first (then latest typed first).
pub fn harvest_lines(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<HarvestLine>> {
    let mut statement = conn.prepare(&format!(
        "{LINE_SELECT} WHERE h.date BETWEEN :from AND :to ORDER BY h.date DESC, h.id DESC"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, line_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every harvest line, most recent first (see [`harvest_lines`]).
pub fn all_harvest_lines(conn: &Connection) -> Result<Vec<HarvestLine>> {
    let mut statement = conn.prepare(&format!("{LINE_SELECT} ORDER BY h.date DESC, h.id DESC"))?;
    Ok(statement
        .query_map([], line_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One harvest line with its names and weight.
pub fn harvest_line(conn: &Connection, id: i64) -> Result<HarvestLine> {
    conn.query_row(
        &format!("{LINE_SELECT} WHERE h.id = :id"),
        named_params! {":id": id},
        line_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Récolte"))
}

/// Sets the weight of one `unit` of a crop (adding the unit to the crop when missing).
pub fn set_kg_per_unit(
    conn: &Connection,
    crop_id: CropId,
    unit: Unit,
    kg_per_unit: f64,
) -> Result<()> {
    if !(kg_per_unit.is_finite() && kg_per_unit > 0.0) {
        return Err(StoreError::Invalid(format!(
            "Le poids d'une unité « {unit} » doit être supérieur à zéro."
        )));
    }
    conn.execute(
        "INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (:crop, :unit, :kg)
         ON CONFLICT (crop_id, unit) DO UPDATE SET kg_per_unit = excluded.kg_per_unit",
        named_params! {":crop": crop_id, ":unit": unit.code(), ":kg": kg_per_unit},
    )
    .map_err(harvest_reference)?;
    Ok(())
}
