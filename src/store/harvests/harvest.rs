//! Harvest lines: saving, reading and deleting one, and the lines of a period.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{code, harvest_reference};
use crate::domain::harvests::{Destination, Harvest, Unit};
use crate::store::error::{Result, StoreError};

/// Saves a new harvest line; returns its id (`harvest.id` is ignored).
pub fn insert_harvest(conn: &Connection, harvest: &Harvest) -> Result<i64> {
    harvest.check().map_err(StoreError::Invalid)?;
    conn.execute(
        "INSERT INTO harvest (date, crop_id, plot_id, quantity, unit, destination, notes)
         VALUES (:date, :crop, :plot, :quantity, :unit, :destination, :notes)",
        named_params! {
            ":date": harvest.date, ":crop": harvest.crop_id, ":plot": harvest.plot_id,
            ":quantity": harvest.quantity, ":unit": harvest.unit.code(),
            ":destination": harvest.destination.code(), ":notes": harvest.notes,
        },
    )
    .map_err(harvest_reference)?;
    Ok(conn.last_insert_rowid())
}

/// Saves changes to a harvest line.
pub fn update_harvest(conn: &Connection, harvest: &Harvest) -> Result<()> {
    harvest.check().map_err(StoreError::Invalid)?;
    let changed = conn
        .execute(
            "UPDATE harvest SET date = :date, crop_id = :crop, plot_id = :plot,
                 quantity = :quantity, unit = :unit, destination = :destination, notes = :notes
             WHERE id = :id",
            named_params! {
                ":id": harvest.id, ":date": harvest.date, ":crop": harvest.crop_id,
                ":plot": harvest.plot_id, ":quantity": harvest.quantity,
                ":unit": harvest.unit.code(), ":destination": harvest.destination.code(),
                ":notes": harvest.notes,
            },
        )
        .map_err(harvest_reference)?;
    if changed == 0 {
        return Err(StoreError::NotFound("Récolte"));
    }
    Ok(())
}

pub(super) fn harvest_from_row(row: &Row) -> rusqlite::Result<Harvest> {
    // By position, in the order of `HARVEST_COLUMNS` (which `lines::LINE_SELECT` starts
    // with too): a name look-up per column and row was most of the cost of reading years of
    // lines.
    let unit: String = row.get(5)?;
    let destination: String = row.get(6)?;
    Ok(Harvest {
        id: row.get(0)?,
        date: crate::store::columns::date_at(row, 1)?,
        crop_id: row.get(2)?,
        plot_id: row.get(3)?,
        quantity: row.get(4)?,
        unit: code(&unit, Unit::from_code)?,
        destination: code(&destination, Destination::from_code)?,
        notes: row.get(7)?,
    })
}

const HARVEST_COLUMNS: &str =
    "SELECT id, date, crop_id, plot_id, quantity, unit, destination, notes FROM harvest";

/// One harvest line.
pub fn get_harvest(conn: &Connection, id: i64) -> Result<Harvest> {
    conn.query_row(
        &format!("{HARVEST_COLUMNS} WHERE id = :id"),
        named_params! {":id": id},
        harvest_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Récolte"))
}

/// Deletes a harvest line.
pub fn delete_harvest(conn: &Connection, id: i64) -> Result<()> {
    let deleted = conn.execute(
        "DELETE FROM harvest WHERE id = :id",
        named_params! {":id": id},
    )?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Récolte"));
    }
    Ok(())
}

/// Harvest lines dated `from` to `to` (both included), by date then in entry order.
pub fn harvests_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Harvest>> {
    let mut statement = conn.prepare(&format!(
        "{HARVEST_COLUMNS} WHERE date BETWEEN :from AND :to ORDER BY date, id"
    ))?;
    Ok(statement
        .query_map(named_params! {":from": from, ":to": to}, harvest_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
