//! Basket sizes and their prices, depots, funders, subscriptions and their Paniers
//! Solidaires terms.

use chrono::{Datelike, NaiveDate, Weekday};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::{Result, StoreError};
use crate::domain::baskets::{
    BasketPrice, BasketSize, Depot, Frequency, Funder, FunderKind, FundingShare, ShareKind,
    Solidarity, Subscription, price_on,
};
use crate::domain::money::Cents;

// ------------------------------------------------------------------ helpers shared by the area

/// Reads the code stored in `col` back into its enum with `from_code`.
pub(crate) fn code_col<T>(
    row: &Row,
    col: &str,
    from_code: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(col)?;
    from_code(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            row.as_ref().column_index(col).unwrap_or(0),
            Type::Text,
            format!("code inconnu « {text} » dans la colonne {col}").into(),
        )
    })
}

/// Reads an ISO weekday number (1 = Monday … 7 = Sunday) from `col`.
pub(crate) fn weekday_col(row: &Row, col: &str) -> rusqlite::Result<Weekday> {
    let number: i64 = row.get(col)?;
    u8::try_from(number - 1)
        .ok()
        .and_then(|n| Weekday::try_from(n).ok())
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                row.as_ref().column_index(col).unwrap_or(0),
                Type::Integer,
                format!("jour de la semaine invalide : {number}").into(),
            )
        })
}

/// Turns a UNIQUE / PRIMARY KEY violation into `Invalid(message)`; other errors pass through.
pub(crate) fn duplicate_as(error: rusqlite::Error, message: &str) -> StoreError {
    use rusqlite::ffi::{SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE};
    match &error {
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == SQLITE_CONSTRAINT_UNIQUE
                || e.extended_code == SQLITE_CONSTRAINT_PRIMARYKEY =>
        {
            StoreError::Invalid(message.to_owned())
        }
        _ => error.into(),
    }
}

/// `NotFound(what)` when an update or delete touched no row.
pub(crate) fn one_row(changed: usize, what: &'static str) -> Result<()> {
    if changed == 0 {
        Err(StoreError::NotFound(what))
    } else {
        Ok(())
    }
}

/// Refuses a date that is not a Monday (weeks are keyed by their Monday).
pub(crate) fn ensure_monday(date: NaiveDate, what: &str) -> Result<()> {
    if date.weekday() == Weekday::Mon {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "{what} doit être un lundi (le {} est un autre jour).",
            date.format("%d/%m/%Y")
        )))
    }
}

fn count(conn: &Connection, sql: &str, id: i64) -> Result<i64> {
    Ok(conn.query_row(sql, named_params! {":id": id}, |row| row.get(0))?)
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n > 1 {
        format!("{n} {many}")
    } else {
        format!("{n} {one}")
    }
}

// ------------------------------------------------------------------ basket sizes

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

/// Saves a new basket size and returns its id.
pub fn insert_basket_size(conn: &Connection, size: &BasketSize) -> Result<i64> {
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
    let mut stmt = conn.prepare("SELECT * FROM basket_size ORDER BY position, name, id")?;
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

// ------------------------------------------------------------------ depots

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

/// Saves the changes to an existing depot.
pub fn update_depot(conn: &Connection, depot: &Depot) -> Result<()> {
    check_depot(depot)?;
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
    let mut stmt = conn.prepare("SELECT * FROM depot ORDER BY name, id")?;
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
        "SELECT count(*) FROM solidarity_funding WHERE funder_id = :id",
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
    let mut stmt = conn.prepare("SELECT * FROM funder ORDER BY name, id")?;
    let rows = stmt.query_map([], funder_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ subscriptions

fn subscription_from_row(row: &Row) -> rusqlite::Result<Subscription> {
    Ok(Subscription {
        id: row.get("id")?,
        member_id: row.get("member_id")?,
        shared_with: row.get("shared_with")?,
        size_id: row.get("size_id")?,
        depot_id: row.get("depot_id")?,
        quantity: row.get("quantity")?,
        start: row.get("start_date")?,
        end: row.get("end_date")?,
        frequency: code_col(row, "frequency", Frequency::from_code)?,
        anchor_monday: row.get("anchor_monday")?,
    })
}

fn check_subscription(sub: &Subscription) -> Result<()> {
    if sub.quantity < 1 {
        return Err(StoreError::Invalid(
            "Un abonnement compte au moins un panier par livraison.".into(),
        ));
    }
    if sub.end.is_some_and(|end| end < sub.start) {
        return Err(StoreError::Invalid(
            "La fin de l'abonnement ne peut pas précéder son début.".into(),
        ));
    }
    if sub.shared_with == Some(sub.member_id) {
        return Err(StoreError::Invalid(
            "Un abonnement ne peut pas être partagé avec le même foyer.".into(),
        ));
    }
    ensure_monday(sub.anchor_monday, "La semaine de référence de la quinzaine")
}

/// Saves a new subscription and returns its id.
pub fn insert_subscription(conn: &Connection, sub: &Subscription) -> Result<i64> {
    check_subscription(sub)?;
    conn.execute(
        "INSERT INTO subscription (member_id, shared_with, size_id, depot_id, quantity,
                                   start_date, end_date, frequency, anchor_monday)
         VALUES (:member_id, :shared_with, :size_id, :depot_id, :quantity,
                 :start, :end, :frequency, :anchor)",
        named_params! {":member_id": sub.member_id, ":shared_with": sub.shared_with,
        ":size_id": sub.size_id, ":depot_id": sub.depot_id, ":quantity": sub.quantity,
        ":start": sub.start, ":end": sub.end, ":frequency": sub.frequency.code(),
        ":anchor": sub.anchor_monday},
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing subscription.
pub fn update_subscription(conn: &Connection, sub: &Subscription) -> Result<()> {
    check_subscription(sub)?;
    let changed = conn.execute(
        "UPDATE subscription SET member_id = :member_id, shared_with = :shared_with,
         size_id = :size_id, depot_id = :depot_id, quantity = :quantity, start_date = :start,
         end_date = :end, frequency = :frequency, anchor_monday = :anchor
         WHERE id = :id",
        named_params! {":id": sub.id, ":member_id": sub.member_id,
        ":shared_with": sub.shared_with, ":size_id": sub.size_id, ":depot_id": sub.depot_id,
        ":quantity": sub.quantity, ":start": sub.start, ":end": sub.end,
        ":frequency": sub.frequency.code(), ":anchor": sub.anchor_monday},
    )?;
    one_row(changed, "Abonnement")
}

/// Deletes a subscription with its solidarity terms and pickups.
pub fn delete_subscription(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM subscription WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Abonnement")
}

/// The subscription `id`.
pub fn get_subscription(conn: &Connection, id: i64) -> Result<Subscription> {
    conn.query_row(
        "SELECT * FROM subscription WHERE id = :id",
        named_params! {":id": id},
        subscription_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Abonnement"))
}

/// Every subscription, oldest start first.
pub fn list_subscriptions(conn: &Connection) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare("SELECT * FROM subscription ORDER BY start_date, id")?;
    let rows = stmt.query_map([], subscription_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscriptions of a member (as holder), oldest start first.
pub fn subscriptions_of(conn: &Connection, member_id: i64) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM subscription WHERE member_id = :member_id ORDER BY start_date, id",
    )?;
    let rows = stmt.query_map(
        named_params! {":member_id": member_id},
        subscription_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscriptions running on at least one day from `from` to `to` (both included).
pub fn subscriptions_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM subscription
         WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)
         ORDER BY depot_id, start_date, id",
    )?;
    let rows = stmt.query_map(
        named_params! {":from": from, ":to": to},
        subscription_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Changes the depot, size, quantity or frequency of subscription `old_id` from `from` on,
/// keeping the history: the old row ends the day before `from`, `new` starts on `from`
/// (its `start` is overwritten), and the solidarity terms follow, all in one transaction.
/// Returns the new subscription's id.
pub fn change_subscription(
    conn: &Connection,
    old_id: i64,
    from: NaiveDate,
    new: &Subscription,
) -> Result<i64> {
    let old = get_subscription(conn, old_id)?;
    if from <= old.start {
        return Err(StoreError::Invalid(format!(
            "Le changement doit commencer après le début de l'abonnement ({}) : \
             modifiez plutôt l'abonnement lui-même.",
            old.start.format("%d/%m/%Y")
        )));
    }
    if old.end.is_some_and(|end| end < from) {
        return Err(StoreError::Invalid(
            "Cet abonnement est déjà terminé à cette date.".into(),
        ));
    }
    let Some(day_before) = from.pred_opt() else {
        return Err(StoreError::Invalid("Date de changement invalide.".into()));
    };
    let new = Subscription {
        id: 0,
        member_id: old.member_id,
        start: from,
        ..new.clone()
    };
    check_subscription(&new)?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE subscription SET end_date = :end WHERE id = :id",
        named_params! {":id": old_id, ":end": day_before},
    )?;
    let id = insert_subscription(&tx, &new)?;
    if let Some(mut solidarity) = get_solidarity(&tx, old_id)? {
        solidarity.subscription_id = id;
        write_solidarity(&tx, &solidarity)?;
    }
    tx.commit()?;
    Ok(id)
}

/// Baskets per delivery of the subscriptions running at `depot_id` on `on`, leaving out
/// subscription `except` (the one being edited).
pub fn depot_load(conn: &Connection, depot_id: i64, on: NaiveDate, except: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT IFNULL(sum(quantity), 0) FROM subscription
         WHERE depot_id = :depot AND id <> :except AND start_date <= :on
           AND (end_date IS NULL OR end_date >= :on)",
        named_params! {":depot": depot_id, ":on": on, ":except": except},
        |row| row.get(0),
    )?)
}

/// A French warning when adding `adding` baskets at `depot_id` on `on` (subscription
/// `except` left out) goes over the depot's capacity; `None` when it fits or the capacity is
/// not set. A warning, not a block.
pub fn capacity_warning(
    conn: &Connection,
    depot_id: i64,
    on: NaiveDate,
    except: i64,
    adding: i64,
) -> Result<Option<String>> {
    let depot = get_depot(conn, depot_id)?;
    let Some(capacity) = depot.capacity else {
        return Ok(None);
    };
    let load = depot_load(conn, depot_id, on, except)? + adding;
    Ok((load > capacity).then(|| {
        format!(
            "Le dépôt {} dépassera sa capacité : {load} paniers pour {capacity} places.",
            depot.name
        )
    }))
}

// ------------------------------------------------------------------ Paniers Solidaires

fn check_solidarity(solidarity: &Solidarity) -> Result<()> {
    if solidarity.share_value < 0 {
        return Err(StoreError::Invalid(
            "La participation du foyer ne peut pas être négative.".into(),
        ));
    }
    if solidarity.share_kind == ShareKind::Percent && solidarity.share_value > 100 {
        return Err(StoreError::Invalid(
            "La participation du foyer ne peut pas dépasser 100 %.".into(),
        ));
    }
    if solidarity
        .funding
        .iter()
        .map(|f| f.share_percent)
        .sum::<i64>()
        > 100
    {
        return Err(StoreError::Invalid(
            "Les parts des financeurs dépassent 100 % du reste à payer : corrigez-les.".into(),
        ));
    }
    for (i, share) in solidarity.funding.iter().enumerate() {
        if !(0..=100).contains(&share.share_percent) {
            return Err(StoreError::Invalid(
                "La part d'un financeur doit être comprise entre 0 et 100 %.".into(),
            ));
        }
        if solidarity.funding[..i]
            .iter()
            .any(|s| s.funder_id == share.funder_id)
        {
            return Err(StoreError::Invalid(
                "Un même financeur figure deux fois : regroupez ses parts.".into(),
            ));
        }
    }
    Ok(())
}

/// Writes the solidarity terms of a subscription and replaces its funding lines, in one
/// transaction.
pub fn set_solidarity(conn: &Connection, solidarity: &Solidarity) -> Result<()> {
    check_solidarity(solidarity)?;
    let tx = conn.unchecked_transaction()?;
    write_solidarity(&tx, solidarity)?;
    tx.commit()?;
    Ok(())
}

/// Writes the terms and their funding lines, inside the caller's transaction.
fn write_solidarity(tx: &Connection, solidarity: &Solidarity) -> Result<()> {
    tx.execute(
        "INSERT INTO solidarity (subscription_id, share_kind, share_value, social_worker,
                                 referring_body, review_on)
         VALUES (:id, :kind, :value, :worker, :body, :review)
         ON CONFLICT (subscription_id) DO UPDATE SET share_kind = excluded.share_kind,
             share_value = excluded.share_value, social_worker = excluded.social_worker,
             referring_body = excluded.referring_body, review_on = excluded.review_on",
        named_params! {":id": solidarity.subscription_id,
        ":kind": solidarity.share_kind.code(), ":value": solidarity.share_value,
        ":worker": solidarity.social_worker, ":body": solidarity.referring_body,
        ":review": solidarity.review_on},
    )?;
    tx.execute(
        "DELETE FROM solidarity_funding WHERE subscription_id = :id",
        named_params! {":id": solidarity.subscription_id},
    )?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO solidarity_funding (subscription_id, funder_id, share_percent)
             VALUES (:id, :funder, :percent)",
        )?;
        for share in &solidarity.funding {
            insert.execute(named_params! {":id": solidarity.subscription_id,
            ":funder": share.funder_id, ":percent": share.share_percent})?;
        }
    }
    Ok(())
}

/// The solidarity terms of a subscription with their funding lines; `None` for an ordinary
/// subscription.
pub fn get_solidarity(conn: &Connection, subscription_id: i64) -> Result<Option<Solidarity>> {
    let found = conn
        .query_row(
            "SELECT * FROM solidarity WHERE subscription_id = :id",
            named_params! {":id": subscription_id},
            |row| {
                Ok(Solidarity {
                    subscription_id: row.get("subscription_id")?,
                    share_kind: code_col(row, "share_kind", ShareKind::from_code)?,
                    share_value: row.get("share_value")?,
                    social_worker: row.get("social_worker")?,
                    referring_body: row.get("referring_body")?,
                    review_on: row.get("review_on")?,
                    funding: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut solidarity) = found else {
        return Ok(None);
    };
    let mut stmt = conn.prepare(
        "SELECT f.funder_id, f.share_percent FROM solidarity_funding f
         JOIN funder ON funder.id = f.funder_id
         WHERE f.subscription_id = :id ORDER BY f.share_percent DESC, funder.name",
    )?;
    let rows = stmt.query_map(named_params! {":id": subscription_id}, |row| {
        Ok(FundingShare {
            funder_id: row.get("funder_id")?,
            share_percent: row.get("share_percent")?,
        })
    })?;
    solidarity.funding = rows.collect::<rusqlite::Result<_>>()?;
    Ok(Some(solidarity))
}

/// Makes a subscription an ordinary one again (its funding lines go with the terms).
pub fn remove_solidarity(conn: &Connection, subscription_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM solidarity WHERE subscription_id = :id",
        named_params! {":id": subscription_id},
    )?;
    Ok(())
}
