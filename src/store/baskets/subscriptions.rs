//! Subscriptions: who takes which basket, where and how often, and depot capacity.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::solidarity::carry_terms;
use super::{code_at, ensure_monday, get_depot, one_row};
use crate::domain::baskets::{Frequency, Subscription};
use crate::store::columns::{date_at, optional_date_at};
use crate::store::{Result, StoreError};

/// The subscription table's columns, in the order [`subscription_from_row`] reads them.
macro_rules! subscription_columns {
    () => {
        "id, member_id, shared_with, size_id, depot_id, quantity, start_date, end_date, \
         frequency, anchor_monday"
    };
}

/// A subscription from a row of [`subscription_columns!`], read by position (the weeks'
/// plans read every running subscription; reading by name looks each name up).
fn subscription_from_row(row: &Row) -> rusqlite::Result<Subscription> {
    Ok(Subscription {
        id: row.get(0)?,
        member_id: row.get(1)?,
        shared_with: row.get(2)?,
        size_id: row.get(3)?,
        depot_id: row.get(4)?,
        quantity: row.get(5)?,
        start: date_at(row, 6)?,
        end: optional_date_at(row, 7)?,
        frequency: code_at(row, 8, Frequency::from_code)?,
        anchor_monday: date_at(row, 9)?,
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
        concat!(
            "SELECT ",
            subscription_columns!(),
            " FROM subscription WHERE id = :id"
        ),
        named_params! {":id": id},
        subscription_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Abonnement"))
}

/// Every subscription, oldest start first.
pub fn list_subscriptions(conn: &Connection) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT ",
        subscription_columns!(),
        " FROM subscription ORDER BY start_date, id"
    ))?;
    let rows = stmt.query_map([], subscription_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscriptions of a member (as holder), oldest start first.
pub fn subscriptions_of(conn: &Connection, member_id: i64) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT ",
        subscription_columns!(),
        " FROM subscription WHERE member_id = :member_id ORDER BY start_date, id"
    ))?;
    let rows = stmt.query_map(
        named_params! {":member_id": member_id},
        subscription_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscriptions another household holds and shares with member `member_id`, oldest
/// start first.
pub fn subscriptions_shared_with(conn: &Connection, member_id: i64) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT ",
        subscription_columns!(),
        " FROM subscription WHERE shared_with = :member_id ORDER BY start_date, id"
    ))?;
    let rows = stmt.query_map(
        named_params! {":member_id": member_id},
        subscription_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscriptions running on at least one day from `from` to `to` (both included) whose
/// household is « Actif »: a household en pause, parti or en attente gets no basket
/// anywhere (sheets, packing, summary, counts, calendar).
pub fn subscriptions_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT ",
        subscription_columns!(),
        " FROM subscription
         WHERE start_date <= :to AND (end_date IS NULL OR end_date >= :from)
           AND member_id IN (SELECT id FROM member WHERE status = 'actif')
         ORDER BY depot_id, start_date, id"
    ))?;
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
    let id = split_subscription(&tx, &old, day_before, new)?;
    tx.commit()?;
    Ok(id)
}

/// Ends `old` on `day_before` and starts `new` the day after, with the solidarity terms,
/// inside the caller's transaction. A fortnightly subscription staying fortnightly keeps
/// its A / B weeks: the fortnight is counted from the same anchor, whatever the depot,
/// size or quantity.
fn split_subscription(
    tx: &Connection,
    old: &Subscription,
    day_before: NaiveDate,
    mut new: Subscription,
) -> Result<i64> {
    if old.frequency == Frequency::Fortnightly && new.frequency == Frequency::Fortnightly {
        new.anchor_monday = old.anchor_monday;
    }
    tx.execute(
        "UPDATE subscription SET end_date = :end WHERE id = :id",
        named_params! {":id": old.id, ":end": day_before},
    )?;
    let id = insert_subscription(tx, &new)?;
    carry_terms(tx, old.id, id, new.start)?;
    Ok(id)
}

/// Ends every subscription of `member_id` still running after `end` on that day (a
/// household leaving); those starting later are dropped. Returns how many were touched.
/// Two writes: run it inside the caller's transaction (with the change of status).
pub fn end_subscriptions_of(tx: &Connection, member_id: i64, end: NaiveDate) -> Result<usize> {
    let ended = tx.execute(
        "UPDATE subscription SET end_date = :end WHERE member_id = :m
           AND start_date <= :end AND (end_date IS NULL OR end_date > :end)",
        named_params! {":m": member_id, ":end": end},
    )?;
    let dropped = tx.execute(
        "DELETE FROM subscription WHERE member_id = :m AND start_date > :end",
        named_params! {":m": member_id, ":end": end},
    )?;
    Ok(ended + dropped)
}

/// Moves every subscription of depot `from_depot` running on or after `from` to depot
/// `to_depot` from that day on, in one transaction, keeping history, solidarity terms and
/// fortnightly weeks; returns how many subscriptions moved.
pub fn move_subscribers(
    conn: &Connection,
    from_depot: i64,
    to_depot: i64,
    from: NaiveDate,
) -> Result<usize> {
    if from_depot == to_depot {
        return Err(StoreError::Invalid(
            "Choisissez un autre dépôt que celui des abonnés.".into(),
        ));
    }
    get_depot(conn, to_depot)?;
    let Some(day_before) = from.pred_opt() else {
        return Err(StoreError::Invalid("Date de déplacement invalide.".into()));
    };
    let moving: Vec<Subscription> = conn
        .prepare(concat!(
            "SELECT ",
            subscription_columns!(),
            " FROM subscription WHERE depot_id = :depot
                  AND (end_date IS NULL OR end_date >= :from) ORDER BY id"
        ))?
        .query_map(
            named_params! {":depot": from_depot, ":from": from},
            subscription_from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    let tx = conn.unchecked_transaction()?;
    for sub in &moving {
        if sub.start >= from {
            tx.execute(
                "UPDATE subscription SET depot_id = :depot WHERE id = :id",
                named_params! {":id": sub.id, ":depot": to_depot},
            )?;
        } else {
            let new = Subscription {
                id: 0,
                depot_id: to_depot,
                start: from,
                ..sub.clone()
            };
            split_subscription(&tx, sub, day_before, new)?;
        }
    }
    tx.commit()?;
    Ok(moving.len())
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
