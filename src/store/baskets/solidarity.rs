//! The Paniers Solidaires terms of a subscription, period by period: who pays which share,
//! from when to when. A change starts a new period, "Retirer" ends the current one at a
//! date; past periods are never rewritten, so statements already sent stay true.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, named_params};

use super::code_col;
use crate::domain::baskets::{FundingShare, ShareKind, Solidarity};
use crate::store::{Result, StoreError};

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
    if solidarity.end.is_some_and(|end| end < solidarity.start) {
        return Err(StoreError::Invalid(
            "La fin des conditions ne peut pas précéder leur début.".into(),
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

fn french(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Starts the terms `solidarity` on `solidarity.start`, in one transaction, and returns the
/// period's id. The period running that day ends the day before; a period starting that
/// very day is corrected in place (keeping its end). A period starting later is refused: history is changed
/// from its end only.
pub fn set_solidarity(conn: &Connection, solidarity: &Solidarity) -> Result<i64> {
    check_solidarity(solidarity)?;
    let tx = conn.unchecked_transaction()?;
    let id = start_terms(&tx, solidarity)?;
    tx.commit()?;
    Ok(id)
}

/// [`set_solidarity`] inside the caller's transaction.
pub(super) fn start_terms(tx: &Connection, solidarity: &Solidarity) -> Result<i64> {
    let periods = solidarity_history(tx, solidarity.subscription_id)?;
    if let Some(later) = periods.iter().find(|p| p.start > solidarity.start) {
        return Err(StoreError::Invalid(format!(
            "Des conditions commencent déjà le {} : choisissez une date de début à partir \
             de ce jour.",
            french(later.start)
        )));
    }
    let same_day = periods.iter().find(|p| p.start == solidarity.start);
    let id = if let Some(same) = same_day {
        tx.execute(
            "UPDATE solidarity_terms SET end_date = :end, share_kind = :kind,
                 share_value = :value, social_worker = :worker, referring_body = :body,
                 review_on = :review
             WHERE id = :id",
            // A correction keeps the period's end: it never reopens ended terms.
            named_params! {":id": same.id, ":end": solidarity.end.or(same.end),
            ":kind": solidarity.share_kind.code(), ":value": solidarity.share_value,
            ":worker": solidarity.social_worker, ":body": solidarity.referring_body,
            ":review": solidarity.review_on},
        )?;
        same.id
    } else {
        if let Some(running) = periods.iter().find(|p| p.in_force_on(solidarity.start)) {
            let day_before = solidarity.start.pred_opt().unwrap_or(solidarity.start);
            tx.execute(
                "UPDATE solidarity_terms SET end_date = :end WHERE id = :id",
                named_params! {":id": running.id, ":end": day_before},
            )?;
        }
        tx.execute(
            "INSERT INTO solidarity_terms (subscription_id, start_date, end_date, share_kind,
                 share_value, social_worker, referring_body, review_on)
             VALUES (:sub, :start, :end, :kind, :value, :worker, :body, :review)",
            named_params! {":sub": solidarity.subscription_id, ":start": solidarity.start,
            ":end": solidarity.end, ":kind": solidarity.share_kind.code(),
            ":value": solidarity.share_value, ":worker": solidarity.social_worker,
            ":body": solidarity.referring_body, ":review": solidarity.review_on},
        )?;
        tx.last_insert_rowid()
    };
    tx.execute(
        "DELETE FROM solidarity_terms_funding WHERE terms_id = :id",
        named_params! {":id": id},
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO solidarity_terms_funding (terms_id, funder_id, share_percent)
         VALUES (:id, :funder, :percent)",
    )?;
    for share in &solidarity.funding {
        insert.execute(
            named_params! {":id": id, ":funder": share.funder_id, ":percent": share.share_percent},
        )?;
    }
    Ok(id)
}

fn terms_from_row(row: &Row) -> rusqlite::Result<Solidarity> {
    Ok(Solidarity {
        id: row.get("id")?,
        subscription_id: row.get("subscription_id")?,
        start: row.get("start_date")?,
        end: row.get("end_date")?,
        share_kind: code_col(row, "share_kind", ShareKind::from_code)?,
        share_value: row.get("share_value")?,
        social_worker: row.get("social_worker")?,
        referring_body: row.get("referring_body")?,
        review_on: row.get("review_on")?,
        funding: Vec::new(),
    })
}

/// Reads the periods selected by `where_sql` (over `solidarity_terms t`) with their
/// funding lines, by subscription and start date.
fn read_terms(
    conn: &Connection,
    where_sql: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> Result<Vec<Solidarity>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT t.* FROM solidarity_terms t WHERE {where_sql}
         ORDER BY t.subscription_id, t.start_date"
    ))?;
    let mut periods: Vec<Solidarity> = stmt
        .query_map(params, terms_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    // Every funding line of those periods in one query (not one query per period).
    let mut funding: HashMap<i64, Vec<FundingShare>> = HashMap::new();
    let mut lines = conn.prepare(&format!(
        "SELECT f.terms_id, f.funder_id, f.share_percent FROM solidarity_terms_funding f
         JOIN funder ON funder.id = f.funder_id
         WHERE f.terms_id IN (SELECT t.id FROM solidarity_terms t WHERE {where_sql})
         ORDER BY f.terms_id, f.share_percent DESC, funder.name COLLATE FR, funder.id"
    ))?;
    let mut rows = lines.query(params)?;
    while let Some(row) = rows.next()? {
        funding.entry(row.get(0)?).or_default().push(FundingShare {
            funder_id: row.get(1)?,
            share_percent: row.get(2)?,
        });
    }
    for period in &mut periods {
        period.funding = funding.remove(&period.id).unwrap_or_default();
    }
    Ok(periods)
}

/// Every period of terms of a subscription, oldest first.
pub fn solidarity_history(conn: &Connection, subscription_id: i64) -> Result<Vec<Solidarity>> {
    read_terms(
        conn,
        "t.subscription_id = :id",
        named_params! {":id": subscription_id},
    )
}

/// The periods of every subscription, by subscription id (for statements and reports).
pub fn all_solidarity_terms(conn: &Connection) -> Result<HashMap<i64, Vec<Solidarity>>> {
    let mut by_subscription: HashMap<i64, Vec<Solidarity>> = HashMap::new();
    for period in read_terms(conn, "1", &[])? {
        by_subscription
            .entry(period.subscription_id)
            .or_default()
            .push(period);
    }
    Ok(by_subscription)
}

/// The latest period of terms of a subscription (running, ended or still to come);
/// `None` for a subscription that never had any.
pub fn get_solidarity(conn: &Connection, subscription_id: i64) -> Result<Option<Solidarity>> {
    Ok(solidarity_history(conn, subscription_id)?.pop())
}

/// Ends the terms of a subscription on `end` (the last day they apply): the household
/// leaves the programme, its past baskets keep their terms. Periods starting after `end`
/// are refused; terms already ended by then are left as they are.
pub fn end_solidarity(conn: &Connection, subscription_id: i64, end: NaiveDate) -> Result<()> {
    let periods = solidarity_history(conn, subscription_id)?;
    if let Some(later) = periods.iter().find(|p| p.start > end) {
        return Err(StoreError::Invalid(format!(
            "Des conditions commencent le {}, après la date de fin choisie : choisissez une \
             date de fin à partir de ce jour.",
            french(later.start)
        )));
    }
    let Some(running) = periods.iter().find(|p| p.in_force_on(end)) else {
        return Err(StoreError::Invalid(format!(
            "Ce foyer n'a pas de conditions Paniers Solidaires en cours le {}.",
            french(end)
        )));
    };
    conn.execute(
        "UPDATE solidarity_terms SET end_date = :end WHERE id = :id",
        named_params! {":id": running.id, ":end": end},
    )?;
    Ok(())
}

/// Copies the terms of subscription `from_id` in force on or after `day` to subscription
/// `to_id`, starting no earlier than `day` (a subscription changed at a date keeps its
/// terms), inside the caller's transaction.
pub(super) fn carry_terms(tx: &Connection, from_id: i64, to_id: i64, day: NaiveDate) -> Result<()> {
    for period in solidarity_history(tx, from_id)? {
        if period.end.is_some_and(|end| end < day) {
            continue;
        }
        let carried = Solidarity {
            subscription_id: to_id,
            start: period.start.max(day),
            ..period
        };
        start_terms(tx, &carried)?;
    }
    Ok(())
}
