//! Depots where baskets are picked up, and funders of Paniers Solidaires.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{code_col, count, duplicate_as, one_row, plural, weekday_col};
use crate::domain::baskets::{Depot, Funder, FunderKind};
use crate::store::{Result, StoreError};

const DEPOT_DUPLICATE: &str = "Un dépôt porte déjà ce nom : choisissez-en un autre.";

fn depot_from_row(row: &Row) -> rusqlite::Result<Depot> {
    Ok(Depot {
        id: row.get("id")?,
        name: row.get("name")?,
        address: row.get("address")?,
        postcode: row.get("postcode")?,
        city: row.get("city")?,
        weekday: weekday_col(row, "weekday")?,
        slot_start: row.get("slot_start")?,
        slot_end: row.get("slot_end")?,
        contact_name: row.get("contact_name")?,
        contact_phone: row.get("contact_phone")?,
        capacity: row.get("capacity")?,
        active: row.get("active")?,
    })
}

fn check_depot(depot: &Depot) -> Result<()> {
    if depot.capacity.is_some_and(|c| c < 0) {
        return Err(StoreError::Invalid(
            "La capacité d'un dépôt ne peut pas être négative.".into(),
        ));
    }
    Ok(())
}

/// Saves a new depot and returns its id.
pub fn insert_depot(conn: &Connection, depot: &Depot) -> Result<i64> {
    check_depot(depot)?;
    conn.execute(
        "INSERT INTO depot (name, address, postcode, city, weekday, slot_start, slot_end,
                            contact_name, contact_phone, capacity, active)
         VALUES (:name, :address, :postcode, :city, :weekday, :slot_start, :slot_end,
                 :contact_name, :contact_phone, :capacity, :active)",
        named_params! {":name": depot.name, ":address": depot.address,
        ":postcode": depot.postcode, ":city": depot.city,
        ":weekday": depot.weekday.number_from_monday(), ":slot_start": depot.slot_start,
        ":slot_end": depot.slot_end, ":contact_name": depot.contact_name,
        ":contact_phone": depot.contact_phone, ":capacity": depot.capacity,
        ":active": depot.active},
    )
    .map_err(|e| duplicate_as(e, DEPOT_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing depot. A depot with subscriptions still running (or
/// to come) cannot be made inactive: its members would silently vanish from the sheets.
pub fn update_depot(conn: &Connection, depot: &Depot) -> Result<()> {
    check_depot(depot)?;
    if !depot.active {
        let running = count(
            conn,
            "SELECT count(*) FROM subscription WHERE depot_id = :id
               AND (end_date IS NULL OR end_date >= date('now', 'localtime'))",
            depot.id,
        )?;
        if running > 0 {
            return Err(StoreError::Invalid(format!(
                "Ce dépôt a encore {} : déplacez-les d'abord vers un autre dépôt \
                 (« Déplacer les abonnés vers… »), puis décochez « Dépôt actif ».",
                plural(running, "abonnement en cours", "abonnements en cours")
            )));
        }
    }
    let changed = conn
        .execute(
            "UPDATE depot SET name = :name, address = :address, postcode = :postcode,
             city = :city, weekday = :weekday, slot_start = :slot_start, slot_end = :slot_end,
             contact_name = :contact_name, contact_phone = :contact_phone,
             capacity = :capacity, active = :active
             WHERE id = :id",
            named_params! {":id": depot.id, ":name": depot.name, ":address": depot.address,
            ":postcode": depot.postcode, ":city": depot.city,
            ":weekday": depot.weekday.number_from_monday(), ":slot_start": depot.slot_start,
            ":slot_end": depot.slot_end, ":contact_name": depot.contact_name,
            ":contact_phone": depot.contact_phone, ":capacity": depot.capacity,
            ":active": depot.active},
        )
        .map_err(|e| duplicate_as(e, DEPOT_DUPLICATE))?;
    one_row(changed, "Dépôt")
}

/// Deletes a depot no subscription uses (its holiday rules go with it).
pub fn delete_depot(conn: &Connection, id: i64) -> Result<()> {
    let used = count(
        conn,
        "SELECT count(*) FROM subscription WHERE depot_id = :id",
        id,
    )?;
    if used > 0 {
        return Err(StoreError::Invalid(format!(
            "Ce dépôt est utilisé par {} : il ne peut pas être supprimé. \
             Décochez « actif » pour ne plus le proposer.",
            plural(used, "abonnement", "abonnements")
        )));
    }
    let changed = conn.execute(
        "DELETE FROM depot WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Dépôt")
}

/// The depot `id`.
pub fn get_depot(conn: &Connection, id: i64) -> Result<Depot> {
    conn.query_row(
        "SELECT * FROM depot WHERE id = :id",
        named_params! {":id": id},
        depot_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Dépôt"))
}

/// Every depot (active or not), by name.
pub fn list_depots(conn: &Connection) -> Result<Vec<Depot>> {
    let mut stmt = conn.prepare("SELECT * FROM depot ORDER BY name COLLATE FR, id")?;
    let rows = stmt.query_map([], depot_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ funders

const FUNDER_DUPLICATE: &str = "Un financeur porte déjà ce nom : choisissez-en un autre.";

fn funder_from_row(row: &Row) -> rusqlite::Result<Funder> {
    Ok(Funder {
        id: row.get("id")?,
        name: row.get("name")?,
        kind: code_col(row, "kind", FunderKind::from_code)?,
        active: row.get("active")?,
    })
}

/// Saves a new funder and returns its id.
pub fn insert_funder(conn: &Connection, funder: &Funder) -> Result<i64> {
    conn.execute(
        "INSERT INTO funder (name, kind, active) VALUES (:name, :kind, :active)",
        named_params! {":name": funder.name, ":kind": funder.kind.code(),
        ":active": funder.active},
    )
    .map_err(|e| duplicate_as(e, FUNDER_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing funder.
pub fn update_funder(conn: &Connection, funder: &Funder) -> Result<()> {
    let changed = conn
        .execute(
            "UPDATE funder SET name = :name, kind = :kind, active = :active WHERE id = :id",
            named_params! {":id": funder.id, ":name": funder.name,
            ":kind": funder.kind.code(), ":active": funder.active},
        )
        .map_err(|e| duplicate_as(e, FUNDER_DUPLICATE))?;
    one_row(changed, "Financeur")
}

/// Deletes a funder that funds no solidarity basket.
pub fn delete_funder(conn: &Connection, id: i64) -> Result<()> {
    let used = count(
        conn,
        "SELECT count(DISTINCT t.subscription_id) FROM solidarity_terms_funding f
         JOIN solidarity_terms t ON t.id = f.terms_id WHERE f.funder_id = :id",
        id,
    )?;
    if used > 0 {
        return Err(StoreError::Invalid(format!(
            "Ce financeur finance {} : il ne peut pas être supprimé. \
             Décochez « actif » pour ne plus le proposer.",
            plural(used, "panier solidaire", "paniers solidaires")
        )));
    }
    let changed = conn.execute(
        "DELETE FROM funder WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Financeur")
}

/// How many Paniers Solidaires subscriptions each funder funds (funders funding none are
/// left out), by funder id.
pub fn funding_counts(conn: &Connection) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT f.funder_id, count(DISTINCT t.subscription_id) AS n
         FROM solidarity_terms_funding f JOIN solidarity_terms t ON t.id = f.terms_id
         GROUP BY f.funder_id ORDER BY f.funder_id",
    )?;
    let rows = stmt.query_map([], |row| Ok((row.get("funder_id")?, row.get("n")?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The funder `id`.
pub fn get_funder(conn: &Connection, id: i64) -> Result<Funder> {
    conn.query_row(
        "SELECT * FROM funder WHERE id = :id",
        named_params! {":id": id},
        funder_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Financeur"))
}

/// Every funder, by name.
pub fn list_funders(conn: &Connection) -> Result<Vec<Funder>> {
    let mut stmt = conn.prepare("SELECT * FROM funder ORDER BY name COLLATE FR, id")?;
    let rows = stmt.query_map([], funder_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
