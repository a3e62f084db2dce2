//! Absences of members, weeks the garden closes, and public-holiday rules.

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::baskets::{code_col, duplicate_as, ensure_monday, one_row};
use super::{Result, StoreError};
use crate::domain::baskets::{Absence, AbsenceMode, Closure, HolidayAction, HolidayRule};

// ------------------------------------------------------------------ absences

fn absence_from_row(row: &Row) -> rusqlite::Result<Absence> {
    Ok(Absence {
        id: row.get("id")?,
        member_id: row.get("member_id")?,
        start: row.get("start_date")?,
        end: row.get("end_date")?,
        mode: code_col(row, "mode", AbsenceMode::from_code)?,
        makeup_monday: row.get("makeup_monday")?,
        notes: row.get("notes")?,
    })
}

fn check_absence(absence: &Absence) -> Result<()> {
    if absence.end < absence.start {
        return Err(StoreError::Invalid(format!(
            "Le retour ({}) ne peut pas précéder le départ ({}) : vérifiez les dates de l'absence.",
            absence.end.format("%d/%m/%Y"),
            absence.start.format("%d/%m/%Y")
        )));
    }
    if let Some(monday) = absence.makeup_monday {
        if absence.mode != AbsenceMode::MadeUp {
            return Err(StoreError::Invalid(
                "Une semaine de rattrapage n'a de sens que pour un panier reporté.".into(),
            ));
        }
        ensure_monday(monday, "La semaine de rattrapage")?;
        // The week must hold at least one day after the return.
        if monday + Days::new(6) <= absence.end {
            return Err(StoreError::Invalid(
                "La semaine de rattrapage doit venir après le retour.".into(),
            ));
        }
    }
    Ok(())
}

/// Refuses an absence overlapping another absence of the same member (`absence.id` itself
/// is left out, for updates).
fn check_no_overlap(conn: &Connection, absence: &Absence) -> Result<()> {
    let other: Option<(NaiveDate, NaiveDate)> = conn
        .query_row(
            "SELECT start_date, end_date FROM absence
             WHERE member_id = :member_id AND id <> :id
               AND start_date <= :end AND end_date >= :start
             ORDER BY start_date LIMIT 1",
            named_params! {":member_id": absence.member_id, ":id": absence.id,
            ":start": absence.start, ":end": absence.end},
            |row| Ok((row.get("start_date")?, row.get("end_date")?)),
        )
        .optional()?;
    match other {
        Some((start, end)) => Err(StoreError::Invalid(format!(
            "Cette absence chevauche celle du {} au {} : modifiez plutôt celle-ci.",
            start.format("%d/%m/%Y"),
            end.format("%d/%m/%Y")
        ))),
        None => Ok(()),
    }
}

/// Saves a new absence and returns its id. An absence overlapping another one of the same
/// member is refused.
pub fn insert_absence(conn: &Connection, absence: &Absence) -> Result<i64> {
    check_absence(absence)?;
    check_no_overlap(
        conn,
        &Absence {
            id: 0,
            ..absence.clone()
        },
    )?;
    conn.execute(
        "INSERT INTO absence (member_id, start_date, end_date, mode, makeup_monday, notes)
         VALUES (:member_id, :start, :end, :mode, :makeup, :notes)",
        named_params! {":member_id": absence.member_id, ":start": absence.start,
        ":end": absence.end, ":mode": absence.mode.code(), ":makeup": absence.makeup_monday,
        ":notes": absence.notes},
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing absence (refused when it would overlap another one).
pub fn update_absence(conn: &Connection, absence: &Absence) -> Result<()> {
    check_absence(absence)?;
    check_no_overlap(conn, absence)?;
    let changed = conn.execute(
        "UPDATE absence SET member_id = :member_id, start_date = :start, end_date = :end,
         mode = :mode, makeup_monday = :makeup, notes = :notes WHERE id = :id",
        named_params! {":id": absence.id, ":member_id": absence.member_id,
        ":start": absence.start, ":end": absence.end, ":mode": absence.mode.code(),
        ":makeup": absence.makeup_monday, ":notes": absence.notes},
    )?;
    one_row(changed, "Absence")
}

/// Deletes an absence.
pub fn delete_absence(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM absence WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Absence")
}

/// The absence `id`.
pub fn get_absence(conn: &Connection, id: i64) -> Result<Absence> {
    conn.query_row(
        "SELECT * FROM absence WHERE id = :id",
        named_params! {":id": id},
        absence_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Absence"))
}

/// Every absence, earliest first.
pub fn list_absences(conn: &Connection) -> Result<Vec<Absence>> {
    let mut stmt = conn.prepare("SELECT * FROM absence ORDER BY start_date, id")?;
    let rows = stmt.query_map([], absence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The absences of a member, earliest first.
pub fn absences_of(conn: &Connection, member_id: i64) -> Result<Vec<Absence>> {
    let mut stmt =
        conn.prepare("SELECT * FROM absence WHERE member_id = :member_id ORDER BY start_date, id")?;
    let rows = stmt.query_map(named_params! {":member_id": member_id}, absence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The absences covering at least one day from `from` to `to` (both included).
pub fn absences_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Absence>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM absence WHERE start_date <= :to AND end_date >= :from
         ORDER BY start_date, id",
    )?;
    let rows = stmt.query_map(named_params! {":from": from, ":to": to}, absence_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ closures

const CLOSURE_DUPLICATE: &str = "Cette semaine est déjà marquée comme fermée.";

fn closure_from_row(row: &Row) -> rusqlite::Result<Closure> {
    Ok(Closure {
        monday: row.get("monday")?,
        reason: row.get("reason")?,
    })
}

/// Marks a week closed (keyed by its Monday).
pub fn insert_closure(conn: &Connection, closure: &Closure) -> Result<()> {
    ensure_monday(closure.monday, "Une semaine de fermeture")?;
    conn.execute(
        "INSERT INTO closure (monday, reason) VALUES (:monday, :reason)",
        named_params! {":monday": closure.monday, ":reason": closure.reason},
    )
    .map_err(|e| duplicate_as(e, CLOSURE_DUPLICATE))?;
    Ok(())
}

/// Changes the closed week `monday` into `closure` (another week and/or another reason).
pub fn update_closure(conn: &Connection, monday: NaiveDate, closure: &Closure) -> Result<()> {
    ensure_monday(closure.monday, "Une semaine de fermeture")?;
    let changed = conn
        .execute(
            "UPDATE closure SET monday = :new, reason = :reason WHERE monday = :old",
            named_params! {":old": monday, ":new": closure.monday, ":reason": closure.reason},
        )
        .map_err(|e| duplicate_as(e, CLOSURE_DUPLICATE))?;
    one_row(changed, "Fermeture")
}

/// Opens the week `monday` again.
pub fn delete_closure(conn: &Connection, monday: NaiveDate) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM closure WHERE monday = :monday",
        named_params! {":monday": monday},
    )?;
    one_row(changed, "Fermeture")
}

/// The closure of the week `monday`, if that week is closed.
pub fn get_closure(conn: &Connection, monday: NaiveDate) -> Result<Option<Closure>> {
    Ok(conn
        .query_row(
            "SELECT * FROM closure WHERE monday = :monday",
            named_params! {":monday": monday},
            closure_from_row,
        )
        .optional()?)
}

/// Every closed week, earliest first.
pub fn list_closures(conn: &Connection) -> Result<Vec<Closure>> {
    let mut stmt = conn.prepare("SELECT * FROM closure ORDER BY monday")?;
    let rows = stmt.query_map([], closure_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ holiday rules

const HOLIDAY_DUPLICATE: &str =
    "Une règle existe déjà pour ce jour férié et ce dépôt : modifiez-la plutôt.";

fn holiday_from_row(row: &Row) -> rusqlite::Result<HolidayRule> {
    Ok(HolidayRule {
        id: row.get("id")?,
        date: row.get("date")?,
        depot_id: row.get("depot_id")?,
        action: code_col(row, "action", HolidayAction::from_code)?,
        moved_to: row.get("moved_to")?,
    })
}

fn check_holiday(rule: &HolidayRule) -> Result<()> {
    match (rule.action, rule.moved_to) {
        (HolidayAction::Moved, None) => Err(StoreError::Invalid(
            "Indiquez le jour où la livraison est déplacée.".into(),
        )),
        (HolidayAction::Moved, Some(day)) if day == rule.date => Err(StoreError::Invalid(
            "La livraison déplacée doit avoir lieu un autre jour que le jour férié.".into(),
        )),
        _ => Ok(()),
    }
}

/// The replacement day to store: only a moved delivery has one.
fn stored_moved_to(rule: &HolidayRule) -> Option<NaiveDate> {
    if rule.action == HolidayAction::Moved {
        rule.moved_to
    } else {
        None
    }
}

/// Saves a new holiday rule and returns its id. A cancelled delivery keeps no replacement day.
pub fn insert_holiday_rule(conn: &Connection, rule: &HolidayRule) -> Result<i64> {
    check_holiday(rule)?;
    conn.execute(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES (:date, :depot_id, :action, :moved_to)",
        named_params! {":date": rule.date, ":depot_id": rule.depot_id,
        ":action": rule.action.code(), ":moved_to": stored_moved_to(rule)},
    )
    .map_err(|e| duplicate_as(e, HOLIDAY_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing holiday rule.
pub fn update_holiday_rule(conn: &Connection, rule: &HolidayRule) -> Result<()> {
    check_holiday(rule)?;
    let changed = conn
        .execute(
            "UPDATE holiday_rule SET date = :date, depot_id = :depot_id, action = :action,
             moved_to = :moved_to WHERE id = :id",
            named_params! {":id": rule.id, ":date": rule.date, ":depot_id": rule.depot_id,
            ":action": rule.action.code(), ":moved_to": stored_moved_to(rule)},
        )
        .map_err(|e| duplicate_as(e, HOLIDAY_DUPLICATE))?;
    one_row(changed, "Règle de jour férié")
}

/// Deletes a holiday rule.
pub fn delete_holiday_rule(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM holiday_rule WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Règle de jour férié")
}

/// The holiday rule `id`.
pub fn get_holiday_rule(conn: &Connection, id: i64) -> Result<HolidayRule> {
    conn.query_row(
        "SELECT * FROM holiday_rule WHERE id = :id",
        named_params! {":id": id},
        holiday_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Règle de jour férié"))
}

/// Every holiday rule, by date; the all-depots rule of a date comes before the per-depot ones.
pub fn list_holiday_rules(conn: &Connection) -> Result<Vec<HolidayRule>> {
    let mut stmt =
        conn.prepare("SELECT * FROM holiday_rule ORDER BY date, depot_id IS NOT NULL, depot_id")?;
    let rows = stmt.query_map([], holiday_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets what happens on the holiday `rule.date` for `rule.depot_id` (all depots when None),
/// replacing the rule already set for that day and depot (`rule.id` is ignored). Returns the
/// rule's id.
pub fn set_holiday_rule(conn: &Connection, rule: &HolidayRule) -> Result<i64> {
    check_holiday(rule)?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "DELETE FROM holiday_rule WHERE date = :date AND depot_id IS :depot_id",
        named_params! {":date": rule.date, ":depot_id": rule.depot_id},
    )?;
    let id = insert_holiday_rule(&tx, rule)?;
    tx.commit()?;
    Ok(id)
}

/// Removes the rule of the holiday `date` for `depot_id` (all depots when None), if any: the
/// delivery falls back to the default (cancelled on a national holiday).
pub fn clear_holiday_rule(conn: &Connection, date: NaiveDate, depot_id: Option<i64>) -> Result<()> {
    conn.execute(
        "DELETE FROM holiday_rule WHERE date = :date AND depot_id IS :depot_id",
        named_params! {":date": date, ":depot_id": depot_id},
    )?;
    Ok(())
}
