//! The Paniers Solidaires terms of a subscription: who pays which share.

use rusqlite::{Connection, OptionalExtension, named_params};

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
pub(super) fn write_solidarity(tx: &Connection, solidarity: &Solidarity) -> Result<()> {
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
