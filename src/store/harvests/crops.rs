//! Crops with their units and kg conversions.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{code, name_taken};
use crate::domain::harvests::{Crop, CropId, CropUnit, Destination, Unit};
use crate::store::error::{Result, StoreError};

fn write_units(conn: &Connection, crop: &Crop, crop_id: CropId) -> Result<()> {
    conn.execute(
        "DELETE FROM crop_unit WHERE crop_id = :id",
        named_params! {":id": crop_id},
    )?;
    let mut insert = conn
        .prepare("INSERT INTO crop_unit (crop_id, unit, kg_per_unit) VALUES (:crop, :unit, :kg)")?;
    for unit in &crop.units {
        insert.execute(named_params! {
            ":crop": crop_id, ":unit": unit.unit.code(), ":kg": unit.kg_per_unit,
        })?;
    }
    Ok(())
}

fn crop_exists_message(crop: &Crop) -> String {
    format!("Une culture nommée « {} » existe déjà.", crop.name.trim())
}

/// Saves a new crop and its units in one transaction; returns its id (`crop.id` is ignored).
pub fn insert_crop(conn: &Connection, crop: &Crop) -> Result<CropId> {
    crop.check().map_err(StoreError::Invalid)?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "INSERT INTO crop (name, family, default_destination)
         VALUES (:name, :family, :destination)",
        named_params! {
            ":name": crop.name.trim(), ":family": crop.family,
            ":destination": crop.default_destination.code(),
        },
    )
    .map_err(|e| name_taken(e, || crop_exists_message(crop)))?;
    let id = tx.last_insert_rowid();
    write_units(&tx, crop, id)?;
    tx.commit()?;
    Ok(id)
}

/// Saves changes to a crop and replaces its units, in one transaction.
pub fn update_crop(conn: &Connection, crop: &Crop) -> Result<()> {
    crop.check().map_err(StoreError::Invalid)?;
    let tx = conn.unchecked_transaction()?;
    let changed = tx
        .execute(
            "UPDATE crop SET name = :name, family = :family, default_destination = :destination
             WHERE id = :id",
            named_params! {
                ":id": crop.id, ":name": crop.name.trim(), ":family": crop.family,
                ":destination": crop.default_destination.code(),
            },
        )
        .map_err(|e| name_taken(e, || crop_exists_message(crop)))?;
    if changed == 0 {
        return Err(StoreError::NotFound("Culture"));
    }
    write_units(&tx, crop, crop.id)?;
    tx.commit()?;
    Ok(())
}

fn units_of(conn: &Connection, crop_id: CropId) -> Result<Vec<CropUnit>> {
    let mut statement =
        conn.prepare_cached("SELECT unit, kg_per_unit FROM crop_unit WHERE crop_id = :id")?;
    let mut units = statement
        .query_map(named_params! {":id": crop_id}, |row| {
            let unit: String = row.get("unit")?;
            Ok(CropUnit {
                unit: code(&unit, Unit::from_code)?,
                kg_per_unit: row.get("kg_per_unit")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    units.sort_by_key(|u| u.unit);
    Ok(units)
}

fn crop_from_row(row: &Row) -> rusqlite::Result<Crop> {
    let destination: String = row.get("default_destination")?;
    Ok(Crop {
        id: row.get("id")?,
        name: row.get("name")?,
        family: row.get("family")?,
        default_destination: code(&destination, Destination::from_code)?,
        units: Vec::new(),
    })
}

/// One crop with its units (in `Unit::ALL` order).
pub fn get_crop(conn: &Connection, id: CropId) -> Result<Crop> {
    let crop = conn
        .query_row(
            "SELECT id, name, family, default_destination FROM crop WHERE id = :id",
            named_params! {":id": id},
            crop_from_row,
        )
        .optional()?;
    let mut crop = crop.ok_or(StoreError::NotFound("Culture"))?;
    crop.units = units_of(conn, id)?;
    Ok(crop)
}

/// Every crop with its units, by name.
pub fn list_crops(conn: &Connection) -> Result<Vec<Crop>> {
    let mut statement = conn.prepare(
        "SELECT id, name, family, default_destination FROM crop ORDER BY name COLLATE FR",
    )?;
    let mut crops = statement
        .query_map([], crop_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for crop in &mut crops {
        crop.units = units_of(conn, crop.id)?;
    }
    Ok(crops)
}

/// Deletes a crop and its units. Refused (`Invalid`) while harvests or basket compositions use it.
pub fn delete_crop(conn: &Connection, id: CropId) -> Result<()> {
    let params = named_params! {":id": id};
    let harvests: i64 = conn.query_row(
        "SELECT count(*) FROM harvest WHERE crop_id = :id",
        params,
        |r| r.get(0),
    )?;
    let compositions: i64 = conn.query_row(
        "SELECT count(*) FROM composition_item WHERE crop_id = :id",
        params,
        |r| r.get(0),
    )?;
    if harvests > 0 || compositions > 0 {
        let name: String = conn
            .query_row("SELECT name FROM crop WHERE id = :id", params, |r| r.get(0))
            .optional()?
            .unwrap_or_default();
        let mut uses = Vec::new();
        if harvests > 0 {
            uses.push(format!(
                "{harvests} récolte{}",
                if harvests > 1 { "s" } else { "" }
            ));
        }
        if compositions > 0 {
            uses.push(format!(
                "{compositions} ligne{} de composition de paniers",
                if compositions > 1 { "s" } else { "" }
            ));
        }
        return Err(StoreError::Invalid(format!(
            "La culture « {name} » ne peut pas être supprimée : elle est utilisée par {}. \
             Supprimez ou modifiez d'abord ces lignes.",
            uses.join(" et ")
        )));
    }
    let deleted = conn.execute("DELETE FROM crop WHERE id = :id", params)?;
    if deleted == 0 {
        return Err(StoreError::NotFound("Culture"));
    }
    Ok(())
}
