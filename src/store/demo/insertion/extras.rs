//! The occasional extras: a PASS suspension and a PMSMP immersion.

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use crate::store::Result;
use crate::store::demo::rng::Rng;
use crate::store::demo::{Ctx, days, months};

pub(super) fn add_suspension(conn: &Connection, ctx: &Ctx, employee: i64) -> Result<()> {
    let approval: (i64, NaiveDate) = conn.query_row(
        "SELECT id, start_date FROM approval WHERE employee_id = :e",
        named_params! {":e": employee},
        |row| Ok((row.get("id")?, row.get("start_date")?)),
    )?;
    let start = days(months(approval.1, 4), 0).min(days(ctx.today, -60));
    conn.execute(
        "INSERT INTO approval_change (approval_id, kind, start_date, end_date, reason)
         VALUES (:a, 'suspension', :start, :end, :reason)",
        named_params! {
            ":a": approval.0, ":start": start, ":end": days(start, 44),
            ":reason": "Arrêt maladie de longue durée",
        },
    )?;
    Ok(())
}

pub(super) fn add_immersion(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    employee: i64,
    recruit: bool,
) -> Result<()> {
    let entry: NaiveDate = conn.query_row(
        "SELECT entry_date FROM employee WHERE id = :e",
        named_params! {":e": employee},
        |row| row.get("entry_date"),
    )?;
    let (host, siret, tutor, objective, outcome) = if recruit {
        (
            "EARL des Prés de Loue",
            "44218765300021",
            "M. Faivre",
            "recruter",
            "Embauche en CDI à l'issue.",
        )
    } else {
        (
            "Boulangerie Vuillemin",
            "39012478600018",
            "Mme Vuillemin",
            "decouvrir",
            "Métier découvert, projet à confirmer par une formation.",
        )
    };
    let start = days(entry, 60 + rng.range(0, 20)).min(days(ctx.today, -20));
    conn.execute(
        "INSERT INTO immersion (employee_id, host_name, host_siret, tutor, start_date, end_date,
             objective, outcome)
         VALUES (:e, :host, :siret, :tutor, :start, :end, :objective, :outcome)",
        named_params! {
            ":e": employee, ":host": host, ":siret": siret, ":tutor": tutor, ":start": start,
            ":end": days(start, 11), ":objective": objective, ":outcome": outcome,
        },
    )?;
    Ok(())
}
