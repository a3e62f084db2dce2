//! Basket sizes and their prices over time.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{count, duplicate_as, one_row, plural};
use crate::domain::baskets::{BasketPrice, BasketSize, price_on};
use crate::domain::money::Cents;
use crate::store::{Result, StoreError};

const SIZE_DUPLICATE: &str = "Un format de panier porte déjà ce nom : choisissez-en un autre.";

fn size_from_row(row: &Row) -> rusqlite::Result<BasketSize> {
    Ok(BasketSize {
        id: row.get("id")?,
        name: row.get("name")?,
        persons: row.get("persons")?,
        position: row.get("position")?,
        active: row.get("active")?,
    })
}

fn check_size(size: &BasketSize) -> Result<()> {
    if size.name.trim().is_empty() {
        return Err(StoreError::Invalid(
            "Le nom du format est obligatoire (petit, grand…).".into(),
        ));
    }
    Ok(())
}

/// Saves a new basket size and returns its id.
pub fn insert_basket_size(conn: &Connection, size: &BasketSize) -> Result<i64> {
    check_size(size)?;
    conn.execute(
        "INSERT INTO basket_size (name, persons, position, active)
         VALUES (:name, :persons, :position, :active)",
        named_params! {":name": size.name, ":persons": size.persons,
        ":position": size.position, ":active": size.active},
    )
    .map_err(|e| duplicate_as(e, SIZE_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing basket size.
pub fn update_basket_size(conn: &Connection, size: &BasketSize) -> Result<()> {
    check_size(size)?;
    let changed = conn
        .execute(
            "UPDATE basket_size SET name = :name, persons = :persons, position = :position,
             active = :active WHERE id = :id",
            named_params! {":id": size.id, ":name": size.name, ":persons": size.persons,
            ":position": size.position, ":active": size.active},
        )
        .map_err(|e| duplicate_as(e, SIZE_DUPLICATE))?;
    one_row(changed, "Format de panier")
}

/// Deletes a basket size no subscription uses (its prices and compositions go with it).
pub fn delete_basket_size(conn: &Connection, id: i64) -> Result<()> {
    let used = count(
        conn,
        "SELECT count(*) FROM subscription WHERE size_id = :id",
        id,
    )?;
    if used > 0 {
        return Err(StoreError::Invalid(format!(
            "Ce format de panier est utilisé par {} : il ne peut pas être supprimé. \
             Décochez « actif » pour ne plus le proposer.",
            plural(used, "abonnement", "abonnements")
        )));
    }
    let changed = conn.execute(
        "DELETE FROM basket_size WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Format de panier")
}

/// Subscriptions of size `size_id` still running on `on` or starting later.
pub fn subscriptions_of_size(conn: &Connection, size_id: i64, on: NaiveDate) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM subscription
         WHERE size_id = :id AND (end_date IS NULL OR end_date >= :on)",
        named_params! {":id": size_id, ":on": on},
        |row| row.get(0),
    )?)
}

/// A French warning when `size` is inactive while subscriptions running on `on` (or
/// starting later) still use it; `None` otherwise. A warning, not a block: those
/// subscriptions keep being delivered.
pub fn inactive_size_warning(
    conn: &Connection,
    size: &BasketSize,
    on: NaiveDate,
) -> Result<Option<String>> {
    if size.active {
        return Ok(None);
    }
    let used = subscriptions_of_size(conn, size.id, on)?;
    Ok((used > 0).then(|| {
        format!(
            "Le format {} n'est plus proposé aux nouveaux abonnements. Abonnements en cours \
             qui l'utilisent encore : {used} (ils restent livrés ; changez-les depuis la fiche \
             des adhérents si besoin).",
            size.name
        )
    }))
}

/// The basket size `id`.
pub fn get_basket_size(conn: &Connection, id: i64) -> Result<BasketSize> {
    conn.query_row(
        "SELECT * FROM basket_size WHERE id = :id",
        named_params! {":id": id},
        size_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Format de panier"))
}

/// Every basket size, in display order.
pub fn list_basket_sizes(conn: &Connection) -> Result<Vec<BasketSize>> {
    let mut stmt =
        conn.prepare("SELECT * FROM basket_size ORDER BY position, name COLLATE FR, id")?;
    let rows = stmt.query_map([], size_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ prices

const PRICE_DUPLICATE: &str =
    "Ce format a déjà un tarif à partir de cette date : modifiez ce tarif plutôt.";

fn price_from_row(row: &Row) -> rusqlite::Result<BasketPrice> {
    Ok(BasketPrice {
        id: row.get("id")?,
        size_id: row.get("size_id")?,
        valid_from: row.get("valid_from")?,
        price: row.get("price_cents")?,
    })
}

fn check_price(price: &BasketPrice) -> Result<()> {
    if price.price <= 0 {
        return Err(StoreError::Invalid(
            "Le prix d'un panier doit être supérieur à 0 € : indiquez son prix.".into(),
        ));
    }
    Ok(())
}

/// Saves a new price of a size and returns its id.
pub fn insert_basket_price(conn: &Connection, price: &BasketPrice) -> Result<i64> {
    check_price(price)?;
    conn.execute(
        "INSERT INTO basket_price (size_id, valid_from, price_cents)
         VALUES (:size_id, :valid_from, :price)",
        named_params! {":size_id": price.size_id, ":valid_from": price.valid_from,
        ":price": price.price},
    )
    .map_err(|e| duplicate_as(e, PRICE_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing price.
pub fn update_basket_price(conn: &Connection, price: &BasketPrice) -> Result<()> {
    check_price(price)?;
    let changed = conn
        .execute(
            "UPDATE basket_price SET size_id = :size_id, valid_from = :valid_from,
             price_cents = :price WHERE id = :id",
            named_params! {":id": price.id, ":size_id": price.size_id,
            ":valid_from": price.valid_from, ":price": price.price},
        )
        .map_err(|e| duplicate_as(e, PRICE_DUPLICATE))?;
    one_row(changed, "Tarif")
}

/// Deletes a price.
pub fn delete_basket_price(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM basket_price WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Tarif")
}

/// The price `id`.
pub fn get_basket_price(conn: &Connection, id: i64) -> Result<BasketPrice> {
    conn.query_row(
        "SELECT * FROM basket_price WHERE id = :id",
        named_params! {":id": id},
        price_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Tarif"))
}

/// The prices of a size, oldest first.
pub fn prices_of_size(conn: &Connection, size_id: i64) -> Result<Vec<BasketPrice>> {
    let mut stmt =
        conn.prepare("SELECT * FROM basket_price WHERE size_id = :size_id ORDER BY valid_from")?;
    let rows = stmt.query_map(named_params! {":size_id": size_id}, price_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The price of one basket of a size on `date`; `None` when no price had started yet.
pub fn price_on_date(conn: &Connection, size_id: i64, date: NaiveDate) -> Result<Option<Cents>> {
    Ok(price_on(&prices_of_size(conn, size_id)?, date))
}
