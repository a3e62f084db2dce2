//! Weekly basket compositions (what goes into each size) and pickups (ticked after
//! distribution).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::baskets::{code_at, code_col, duplicate_as, ensure_monday, one_row};
use super::columns::date_at;
use super::{Result, StoreError};
use crate::domain::baskets::{CompositionItem, Pickup, PickupStatus};
use crate::domain::harvests::Unit;

// ------------------------------------------------------------------ composition

const ITEM_DUPLICATE: &str =
    "Ce légume figure déjà dans ce panier cette semaine : modifiez sa quantité plutôt.";

fn item_from_row(row: &Row) -> rusqlite::Result<CompositionItem> {
    Ok(CompositionItem {
        id: row.get("id")?,
        monday: row.get("monday")?,
        size_id: row.get("size_id")?,
        crop_id: row.get("crop_id")?,
        quantity: row.get("quantity")?,
        unit: code_col(row, "unit", Unit::from_code)?,
    })
}

fn check_item(item: &CompositionItem) -> Result<()> {
    ensure_monday(item.monday, "La semaine d'une composition")?;
    if !(item.quantity.is_finite() && item.quantity > 0.0) {
        return Err(StoreError::Invalid(
            "La quantité d'un légume du panier doit être supérieure à zéro.".into(),
        ));
    }
    Ok(())
}

fn insert_item_unchecked(conn: &Connection, item: &CompositionItem) -> Result<i64> {
    conn.execute(
        "INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit)
         VALUES (:monday, :size_id, :crop_id, :quantity, :unit)",
        named_params! {":monday": item.monday, ":size_id": item.size_id,
        ":crop_id": item.crop_id, ":quantity": item.quantity, ":unit": item.unit.code()},
    )
    .map_err(|e| duplicate_as(e, ITEM_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Adds one crop to a size's basket for a week and returns its id.
pub fn insert_composition_item(conn: &Connection, item: &CompositionItem) -> Result<i64> {
    check_item(item)?;
    insert_item_unchecked(conn, item)
}

/// Saves the changes to one composition line.
pub fn update_composition_item(conn: &Connection, item: &CompositionItem) -> Result<()> {
    check_item(item)?;
    let changed = conn
        .execute(
            "UPDATE composition_item SET monday = :monday, size_id = :size_id,
             crop_id = :crop_id, quantity = :quantity, unit = :unit WHERE id = :id",
            named_params! {":id": item.id, ":monday": item.monday, ":size_id": item.size_id,
            ":crop_id": item.crop_id, ":quantity": item.quantity, ":unit": item.unit.code()},
        )
        .map_err(|e| duplicate_as(e, ITEM_DUPLICATE))?;
    one_row(changed, "Légume de la composition")
}

/// Deletes one composition line.
pub fn delete_composition_item(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM composition_item WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Légume de la composition")
}

/// The composition line `id`.
pub fn get_composition_item(conn: &Connection, id: i64) -> Result<CompositionItem> {
    conn.query_row(
        "SELECT * FROM composition_item WHERE id = :id",
        named_params! {":id": id},
        item_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Légume de la composition"))
}

/// Replaces what goes into one basket of `size_id` in the week of `monday`, in one
/// transaction. The items' own `id`, `monday` and `size_id` are ignored; returns the new ids.
pub fn set_composition(
    conn: &Connection,
    monday: NaiveDate,
    size_id: i64,
    items: &[CompositionItem],
) -> Result<Vec<i64>> {
    let tx = conn.unchecked_transaction()?;
    let ids = replace_composition(&tx, monday, size_id, items)?;
    tx.commit()?;
    Ok(ids)
}

/// Replaces the composition of every size given, for the week of `monday`, in one
/// transaction: either every size is saved or none is.
pub fn set_week_composition(
    conn: &Connection,
    monday: NaiveDate,
    sizes: &[(i64, Vec<CompositionItem>)],
) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    for (size_id, items) in sizes {
        replace_composition(&tx, monday, *size_id, items)?;
    }
    tx.commit()?;
    Ok(())
}

fn replace_composition(
    conn: &Connection,
    monday: NaiveDate,
    size_id: i64,
    items: &[CompositionItem],
) -> Result<Vec<i64>> {
    let items: Vec<CompositionItem> = items
        .iter()
        .map(|item| CompositionItem {
            id: 0,
            monday,
            size_id,
            ..item.clone()
        })
        .collect();
    for (i, item) in items.iter().enumerate() {
        check_item(item)?;
        if items[..i].iter().any(|other| other.crop_id == item.crop_id) {
            return Err(StoreError::Invalid(
                "Un même légume figure deux fois dans le panier : regroupez ses quantités.".into(),
            ));
        }
    }
    ensure_monday(monday, "La semaine d'une composition")?;
    conn.execute(
        "DELETE FROM composition_item WHERE monday = :monday AND size_id = :size_id",
        named_params! {":monday": monday, ":size_id": size_id},
    )?;
    items
        .iter()
        .map(|item| insert_item_unchecked(conn, item))
        .collect::<Result<Vec<i64>>>()
}

/// Every composition line of the week of `monday`, by size display order then entry order.
pub fn composition_of_week(conn: &Connection, monday: NaiveDate) -> Result<Vec<CompositionItem>> {
    let mut stmt = conn.prepare(
        "SELECT c.* FROM composition_item c JOIN basket_size s ON s.id = c.size_id
         WHERE c.monday = :monday ORDER BY s.position, s.name COLLATE FR, c.size_id, c.id",
    )?;
    let rows = stmt.query_map(named_params! {":monday": monday}, item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ pickups

/// A pickup from a row of `monday, subscription_id, baskets, status`, by position.
fn pickup_from_row(row: &Row) -> rusqlite::Result<Pickup> {
    Ok(Pickup {
        monday: date_at(row, 0)?,
        subscription_id: row.get(1)?,
        baskets: row.get(2)?,
        status: code_at(row, 3, PickupStatus::from_code)?,
    })
}

/// Records (or replaces) what became of a subscription's baskets in a week.
pub fn set_pickup(conn: &Connection, pickup: &Pickup) -> Result<()> {
    ensure_monday(pickup.monday, "La semaine d'un émargement")?;
    if pickup.baskets < 0 {
        return Err(StoreError::Invalid(
            "Le nombre de paniers ne peut pas être négatif.".into(),
        ));
    }
    conn.execute(
        "INSERT INTO pickup (monday, subscription_id, baskets, status)
         VALUES (:monday, :subscription_id, :baskets, :status)
         ON CONFLICT (monday, subscription_id) DO UPDATE
             SET baskets = excluded.baskets, status = excluded.status",
        named_params! {":monday": pickup.monday, ":subscription_id": pickup.subscription_id,
        ":baskets": pickup.baskets, ":status": pickup.status.code()},
    )?;
    Ok(())
}

/// Records several pickups at once (a member's line, or "everyone collected"), in one
/// transaction.
pub fn set_pickups(conn: &Connection, pickups: &[Pickup]) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    for pickup in pickups {
        set_pickup(&tx, pickup)?;
    }
    tx.commit()?;
    Ok(())
}

/// What was recorded for a subscription in the week of `monday`, if anything.
pub fn get_pickup(
    conn: &Connection,
    monday: NaiveDate,
    subscription_id: i64,
) -> Result<Option<Pickup>> {
    Ok(conn
        .query_row(
            "SELECT monday, subscription_id, baskets, status FROM pickup
             WHERE monday = :monday AND subscription_id = :sub",
            named_params! {":monday": monday, ":sub": subscription_id},
            pickup_from_row,
        )
        .optional()?)
}

/// Forgets what was recorded for a subscription in the week of `monday`.
pub fn delete_pickup(conn: &Connection, monday: NaiveDate, subscription_id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM pickup WHERE monday = :monday AND subscription_id = :sub",
        named_params! {":monday": monday, ":sub": subscription_id},
    )?;
    one_row(changed, "Émargement")
}

/// Every pickup recorded for the week of `monday`, by subscription.
pub fn pickups_of_week(conn: &Connection, monday: NaiveDate) -> Result<Vec<Pickup>> {
    let mut stmt = conn.prepare(
        "SELECT monday, subscription_id, baskets, status FROM pickup
         WHERE monday = :monday ORDER BY subscription_id",
    )?;
    let rows = stmt.query_map(named_params! {":monday": monday}, pickup_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ pickups never ticked

/// How many weeks back the home screen looks for pickups never ticked.
pub const UNTICKED_LOOK_BACK_WEEKS: i64 = 8;

/// A depot whose delivery of a past week was not (or not fully) ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntickedDepot {
    /// The depot.
    pub depot_id: i64,
    /// Its name.
    pub name: String,
    /// The delivery day.
    pub date: NaiveDate,
    /// Households whose baskets were not ticked.
    pub households: usize,
    /// Their baskets.
    pub baskets: i64,
}

/// A past delivery week with depots left unticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntickedWeek {
    /// The week.
    pub week: crate::domain::calendar::IsoWeek,
    /// Its depots left unticked, in delivery order.
    pub depots: Vec<UntickedDepot>,
}

/// What ticking "everyone collected" records for one plan line: collected baskets for a
/// household at the depot, "donné" for a basket prepared for an absent one; nothing for a
/// basket that was not prepared.
fn pickup_for(monday: NaiveDate, line: &crate::domain::distribution::PlanLine) -> Option<Pickup> {
    use crate::domain::baskets::AbsenceMode;
    let handed = if line.absent.is_none() {
        line.quantity + line.make_up
    } else {
        line.make_up
    };
    let (baskets, status) = if handed > 0 {
        (handed, PickupStatus::Collected)
    } else if line.absent == Some(AbsenceMode::Donated) {
        (line.quantity, PickupStatus::Donated)
    } else {
        return None;
    };
    Some(Pickup {
        monday,
        subscription_id: line.subscription_id,
        baskets,
        status,
    })
}

/// The pickups "everyone collected" would record at `depot_id` in `week`, for the lines
/// not ticked yet.
fn missing_pickups(
    conn: &Connection,
    week: crate::domain::calendar::IsoWeek,
    depot_id: i64,
) -> Result<Vec<Pickup>> {
    let plan = super::week::week_plan(conn, week)?;
    Ok(missing_in(&plan, &ticked_of(conn, week)?, depot_id))
}

/// The subscriptions whose pickup of `week` was ticked.
fn ticked_of(
    conn: &Connection,
    week: crate::domain::calendar::IsoWeek,
) -> Result<std::collections::HashSet<i64>> {
    // The subscriptions only, read from the pickups' key without their rows.
    let mut stmt =
        conn.prepare_cached("SELECT subscription_id FROM pickup WHERE monday = :monday")?;
    let ids = stmt.query_map(named_params! {":monday": week.monday()}, |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The lines of `depot_id` in `plan` not `ticked`, as the pickups to record.
fn missing_in(
    plan: &crate::domain::distribution::WeekPlan,
    ticked: &std::collections::HashSet<i64>,
    depot_id: i64,
) -> Vec<Pickup> {
    plan.depots
        .iter()
        .filter(|d| d.depot_id == depot_id)
        .flat_map(|d| d.lines.iter())
        .filter(|line| !ticked.contains(&line.subscription_id))
        .filter_map(|line| pickup_for(plan.week.monday(), line))
        .collect()
}

/// The delivery weeks of the last [`UNTICKED_LOOK_BACK_WEEKS`] weeks whose pickups were not
/// all ticked, by depot, delivery days before `today` only; oldest first.
pub fn unticked_weeks(conn: &Connection, today: NaiveDate) -> Result<Vec<UntickedWeek>> {
    use crate::domain::calendar::IsoWeek;
    let depots = super::baskets::list_depots(conn)?;
    let first = IsoWeek::of(today).plus_weeks(-UNTICKED_LOOK_BACK_WEEKS);
    let weeks = u32::try_from(UNTICKED_LOOK_BACK_WEEKS + 1).unwrap_or(1);
    let mut found = Vec::new();
    // The weeks planned with one reading of the subscriptions and absences.
    for plan in super::week::plan_weeks(conn, first, weeks)? {
        let week = plan.week;
        let ticked = ticked_of(conn, week)?;
        let mut unticked = Vec::new();
        for depot in &plan.depots {
            let Some(date) = depot.delivery.date().filter(|d| *d < today) else {
                continue;
            };
            let missing = missing_in(&plan, &ticked, depot.depot_id);
            let collected: Vec<&Pickup> = missing
                .iter()
                .filter(|p| p.status == PickupStatus::Collected)
                .collect();
            if collected.is_empty() {
                continue;
            }
            unticked.push(UntickedDepot {
                depot_id: depot.depot_id,
                name: depots
                    .iter()
                    .find(|d| d.id == depot.depot_id)
                    .map(|d| d.name.clone())
                    .unwrap_or_default(),
                date,
                households: collected.len(),
                baskets: collected.iter().map(|p| p.baskets).sum(),
            });
        }
        if !unticked.is_empty() {
            unticked.sort_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then_with(|| crate::domain::text::compare(&a.name, &b.name))
            });
            found.push(UntickedWeek {
                week,
                depots: unticked,
            });
        }
    }
    Ok(found)
}

/// Ticks "everyone collected" at `depot_id` in `week`: every household not ticked yet is
/// recorded as collected, except the absent (a donated basket is recorded as given away);
/// lines already ticked are left as they are. One transaction; returns the lines recorded.
pub fn mark_all_collected(
    conn: &Connection,
    week: crate::domain::calendar::IsoWeek,
    depot_id: i64,
) -> Result<usize> {
    let missing = missing_pickups(conn, week, depot_id)?;
    set_pickups(conn, &missing)?;
    Ok(missing.len())
}
