//! Week after week: absences, basket compositions and pickups.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::{Away, Sub, delivery_day};
use crate::store::Result;
use crate::store::demo::harvests::CropInfo;
use crate::store::demo::rng::Rng;
use crate::store::demo::{Ctx, days};

/// Member, first day, last day, mode, chosen make-up week, notes.
type PlannedAbsence = (
    i64,
    NaiveDate,
    NaiveDate,
    &'static str,
    Option<NaiveDate>,
    &'static str,
);

pub(super) fn create_absences(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    active: &[i64],
) -> Result<BTreeMap<i64, Vec<Away>>> {
    let mut stmt = conn.prepare(
        "INSERT INTO absence (member_id, start_date, end_date, mode, makeup_monday, notes)
         VALUES (:m, :start, :end, :mode, :makeup, :notes)",
    )?;
    let mut out: BTreeMap<i64, Vec<Away>> = BTreeMap::new();
    if active.is_empty() {
        return Ok(out);
    }
    let monday = ctx.monday;
    let mut plan: Vec<PlannedAbsence> = vec![
        // Away all of next week.
        (
            active[2 % active.len()],
            days(monday, 7),
            days(monday, 13),
            "non_prepare",
            None,
            "Vacances",
        ),
        // Away three weeks ago, made up next week.
        (
            active[5 % active.len()],
            days(monday, -21),
            days(monday, -15),
            "reporte",
            Some(days(monday, 7)),
            "Rattrapage demandé la semaine prochaine",
        ),
        // Away two weeks ago, basket donated.
        (
            active[8 % active.len()],
            days(monday, -14),
            days(monday, -8),
            "donne",
            None,
            "Panier donné à l'épicerie solidaire",
        ),
    ];
    for _ in 0..12 * ctx.scale {
        let member = *rng.pick(active);
        let start = days(monday, rng.range(-60, 40));
        let end = days(start, rng.range(6, 27));
        let mode = ["non_prepare", "donne", "reporte"][rng.weighted(&[50, 25, 25])];
        plan.push((member, start, end, mode, None, ""));
    }
    for (member, start, end, mode, makeup, notes) in plan {
        let list = out.entry(member).or_default();
        if list.iter().any(|a| a.start <= end && start <= a.end) {
            continue; // no overlapping absences for one member
        }
        stmt.execute(named_params! {
            ":m": member, ":start": start, ":end": end, ":mode": mode, ":makeup": makeup,
            ":notes": notes,
        })?;
        list.push(Away {
            start,
            end,
            mode,
            makeup,
        });
    }
    Ok(out)
}

pub(super) fn create_compositions(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    crops: &[CropInfo],
    sizes: &[i64],
    closed: &BTreeSet<NaiveDate>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit)
         VALUES (:monday, :size, :crop, :quantity, :unit)",
    )?;
    // The last two months, or every week of a garden that has lived several seasons.
    let first_week = if ctx.years > 1 {
        -pickup_weeks(ctx)
    } else {
        -8
    };
    for week in first_week..=1 {
        let monday = days(ctx.monday, 7 * week);
        if closed.contains(&monday) {
            continue;
        }
        let mut available: Vec<&CropInfo> = crops.iter().filter(|c| c.in_season(monday)).collect();
        // Shuffle (Fisher–Yates) and keep 5 to 8.
        for i in (1..available.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            available.swap(i, j);
        }
        let keep = (rng.range(5, 8) as usize).min(available.len());
        for crop in &available[..keep] {
            for (factor, &size) in sizes.iter().enumerate() {
                let quantity = if crop.unit == "kg" {
                    (crop.basket * [1.0, 1.5, 2.0][factor] * 20.0).round() / 20.0
                } else {
                    (factor + 1) as f64
                };
                stmt.execute(named_params! {
                    ":monday": monday, ":size": size, ":crop": crop.id, ":quantity": quantity,
                    ":unit": crop.unit,
                })?;
            }
        }
    }
    Ok(())
}

/// How many weeks back the demo's pickups go: sixty, and a year more per past season.
fn pickup_weeks(ctx: &Ctx) -> i64 {
    60 + 52 * ctx.past_seasons()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn create_pickups(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    subs: &[Sub],
    depots: &[(i64, u32)],
    closed: &BTreeSet<NaiveDate>,
    cancelled: &[(NaiveDate, Option<i64>)],
    absences: &BTreeMap<i64, Vec<Away>>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO pickup (monday, subscription_id, baskets, status)
         VALUES (:monday, :s, :baskets, :status)",
    )?;
    let none = Vec::new();
    for sub in subs {
        let away = absences.get(&sub.member).unwrap_or(&none);
        let mut pending: Option<(i64, Option<NaiveDate>)> = None;
        // A year of pickups ticked week after week; last week and this one are still to be
        // typed in, as in a real office (Accueil lists them under « Émargements à saisir »).
        for week in -pickup_weeks(ctx)..-1 {
            let monday = days(ctx.monday, 7 * week);
            let date = delivery_day(monday, sub.depot);
            let running = sub.start <= date && sub.end.is_none_or(|end| date <= end);
            let elapsed = (monday - sub.anchor).num_days() / 7;
            let its_week = !sub.fortnightly || (elapsed >= 0 && elapsed % 2 == 0);
            let off = cancelled
                .iter()
                .any(|&(d, depot)| d == date && depot.is_none_or(|id| id == depots[sub.depot].0));
            if !running || !its_week || closed.contains(&monday) || off || date > ctx.today {
                continue;
            }
            if let Some(absence) = away.iter().find(|a| a.start <= date && date <= a.end) {
                match absence.mode {
                    "donne" => {
                        stmt.execute(named_params! {
                            ":monday": monday, ":s": sub.id, ":baskets": sub.quantity, ":status": "donne",
                        })?;
                    }
                    "reporte" => {
                        let owed = pending.map_or(0, |p| p.0) + sub.quantity;
                        pending = Some((owed, absence.makeup));
                    }
                    _ => {}
                }
                continue;
            }
            let mut baskets = sub.quantity;
            if let Some((owed, target)) = pending
                && target.is_none_or(|t| t == monday)
            {
                baskets += owed;
                pending = None;
            }
            let status = ["retire", "non_retire", "donne"][rng.weighted(&[93, 5, 2])];
            stmt.execute(named_params! {
                ":monday": monday, ":s": sub.id, ":baskets": baskets, ":status": status,
            })?;
        }
    }
    Ok(())
}
