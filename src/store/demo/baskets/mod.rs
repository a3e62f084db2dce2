//! The basket round: sizes and prices, depots, funders, members with memberships and
//! subscriptions, Paniers Solidaires, absences, closures, holiday rules, compositions and
//! pickups.

mod calendar;
mod departed;
mod round;
mod setup;

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::harvests::CropInfo;
use super::names;
use super::rng::Rng;
use super::{Ctx, days, monday_of, ymd};
use crate::store::Result;
use calendar::{create_closures, create_holiday_rules};
use departed::create_departed;
use round::{create_absences, create_compositions, create_pickups};
use setup::{DEPOTS, SOCIAL_WORKERS, SPLITS, create_depots, create_funders, create_sizes};

/// One year's membership of a household (shared with the departed households).
const MEMBERSHIP_INSERT: &str =
    "INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
     VALUES (:m, :year, :amount, :paid, :method)";

/// Ids the workshops need.
pub struct Members {
    /// Every member id.
    pub all: Vec<i64>,
    /// Members of Paniers Solidaires households.
    pub solidarity: Vec<i64>,
}

/// A subscription as the pickups need it.
struct Sub {
    id: i64,
    member: i64,
    depot: usize,
    start: NaiveDate,
    end: Option<NaiveDate>,
    fortnightly: bool,
    anchor: NaiveDate,
    quantity: i64,
}

/// An absence as the pickups need it.
struct Away {
    start: NaiveDate,
    end: NaiveDate,
    mode: &'static str,
    makeup: Option<NaiveDate>,
}

/// Writes everything of the basket round.
pub fn create(conn: &Connection, ctx: &Ctx, rng: &mut Rng, crops: &[CropInfo]) -> Result<Members> {
    let today = ctx.today;
    let year = today.year();
    let past = ctx.past_seasons();
    let sizes = create_sizes(conn, year, past, today)?;
    let depots = create_depots(conn, ctx.scale * growth(ctx))?;
    let funders = create_funders(conn)?;
    let closed = create_closures(conn, year, past)?;
    let cancelled = create_holiday_rules(conn, year, &depots, &closed, today)?;

    let mut member_stmt = conn.prepare(
        "INSERT INTO member (last_name, first_name, co_member, address, postcode, city, phone,
             phone2, email, notes, status, joined_on)
         VALUES (:last, :first, :co, :address, :postcode, :city, :phone, :phone2, :email,
             :notes, :status, :joined)",
    )?;
    let mut membership_stmt = conn.prepare(MEMBERSHIP_INSERT)?;
    let mut sub_stmt = conn.prepare(
        "INSERT INTO subscription (member_id, shared_with, size_id, depot_id, quantity,
             start_date, end_date, frequency, anchor_monday)
         VALUES (:m, :shared, :size, :depot, :quantity, :start, :end, :frequency, :anchor)",
    )?;
    let mut solidarity_stmt = conn.prepare(
        "INSERT INTO solidarity_terms (subscription_id, start_date, share_kind, share_value,
             social_worker, referring_body, review_on)
         VALUES (:s, :start, :kind, :value, :worker, :body, :review)",
    )?;
    let mut funding_stmt = conn.prepare(
        "INSERT INTO solidarity_terms_funding (terms_id, funder_id, share_percent)
         VALUES (:t, :f, :p)",
    )?;

    let depot_weights: Vec<u32> = DEPOTS.iter().map(|d| d.10).collect();
    let count = 180 * (ctx.scale * growth(ctx)) as usize;
    // How long ago the oldest members joined, in days.
    let longest = if past > 0 {
        365 * ctx.years as i64
    } else {
        2000
    };
    let first_membership = if past > 0 {
        year - 1 - past as i32
    } else {
        year - 1
    };
    let mut all = Vec::with_capacity(count);
    let mut solidarity = Vec::new();
    let mut active_members = Vec::new();
    let mut subs: Vec<Sub> = Vec::new();
    let mut fortnightly_count = 0;
    let mut skip_subscription = BTreeSet::new();
    let mut shares: Vec<(i64, usize)> = Vec::new();
    for index in 0..count {
        let status = if index % 6 == 3 || skip_subscription.contains(&index) {
            "actif" // Paniers Solidaires households are all active.
        } else {
            ["actif", "pause", "parti", "attente"][rng.weighted(&[80, 5, 9, 6])]
        };
        let is_solidarity = index % 6 == 3;
        let (gender, first, last) = names::person(rng);
        let co_member = if rng.chance(0.33) {
            let co_first = if gender == "f" {
                rng.pick(names::MALE_FIRST)
            } else {
                rng.pick(names::FEMALE_FIRST)
            };
            if rng.chance(0.6) {
                format!("{co_first} {last}")
            } else {
                format!("{co_first} {}", rng.pick(names::LAST_NAMES))
            }
        } else {
            String::new()
        };
        let (address, postcode, city) = names::address(rng);
        let joined = match status {
            "attente" => None,
            "parti" => Some(days(today, -rng.range(500, longest))),
            _ if index % 20 == 7 => Some(days(today, -rng.range(14, 60))),
            _ => Some(days(today, -rng.range(90, longest))),
        };
        let email = if rng.chance(0.75) {
            names::email(first, last, rng)
        } else {
            String::new()
        };
        let phone2 = if !co_member.is_empty() && rng.chance(0.5) {
            names::phone(rng)
        } else {
            String::new()
        };
        let notes = match rng.below(25) {
            0 => "Allergie au céleri : pas de céleri dans le panier.",
            1 => "Préfère être appelé·e le soir.",
            2 => "Paie par virement mensuel.",
            _ if status == "attente" => "Souhaite un panier Petit au dépôt d'Ornans.",
            _ => "",
        };
        let id = member_stmt.insert(named_params! {
            ":last": last, ":first": first, ":co": co_member, ":address": address,
            ":postcode": postcode, ":city": city, ":phone": names::phone(rng), ":phone2": phone2,
            ":email": email, ":notes": notes, ":status": status, ":joined": joined,
        })?;
        all.push(id);
        if is_solidarity {
            solidarity.push(id);
        }
        let Some(joined) = joined else { continue };

        // Memberships: every year since joining, back to last year for the usual demo
        // (some still unpaid this year).
        let amount = if is_solidarity {
            1500
        } else {
            *rng.pick(&[1500, 2000, 2000, 2500, 3000])
        };
        let method = ["cheque", "especes", "virement"][rng.weighted(&[55, 15, 30])];
        for y in first_membership..=year {
            let year_start = ymd(y, 1, 1, today);
            let year_end = ymd(y, 12, 31, today);
            if joined > year_end || (y == year && (status == "parti" || rng.chance(0.12))) {
                continue;
            }
            let paid = joined.max(days(year_start, rng.range(4, 80))).min(today);
            if paid < year_start {
                continue;
            }
            membership_stmt.execute(named_params! {
                ":m": id, ":year": y, ":amount": amount, ":paid": paid, ":method": method,
            })?;
        }

        if skip_subscription.contains(&index) {
            continue;
        }
        // Subscription(s).
        let size = rng.weighted(&[45, 40, 15]);
        let mut depot = rng.weighted(&depot_weights);
        let fortnightly = !is_solidarity && rng.chance(0.2);
        let quantity = if index % 45 == 12 { 2 } else { 1 };
        let mut start = delivery_day(monday_of(joined), depot);
        if start < joined {
            start = days(start, 7);
        }
        if fortnightly {
            // Alternate the anchors' ISO-week parity so both groups exist.
            fortnightly_count += 1;
            if monday_of(start).iso_week().week() % 2 != fortnightly_count % 2 {
                start = days(start, 7);
            }
        }
        let end = match status {
            "parti" => Some(days(today, -rng.range(20, 400))),
            "pause" => Some(days(today, -rng.range(10, 60))),
            _ => None,
        };
        let end = end.map(|e| e.max(start));
        let shared = if status == "actif" && !is_solidarity && index % 90 == 10 && index + 1 < count
        {
            skip_subscription.insert(index + 1);
            Some(index + 1)
        } else {
            None
        };
        // A depot change mid-season: the old row ends, a new one starts.
        let change = status == "actif"
            && !is_solidarity
            && shared.is_none()
            && index % 25 == 4
            && start < days(today, -200);
        let mut rows = Vec::new();
        if change {
            let switch = delivery_day(monday_of(days(today, -rng.range(70, 150))), depot);
            rows.push((depot, start, Some(days(switch, -1))));
            depot = (depot + 1 + rng.below(DEPOTS.len() as u64 - 1) as usize) % DEPOTS.len();
            rows.push((depot, delivery_day(monday_of(switch), depot), end));
        } else {
            rows.push((depot, start, end));
        }
        let row_count = rows.len();
        for (i, (depot, start, end)) in rows.into_iter().enumerate() {
            let anchor = monday_of(start);
            let sid = sub_stmt.insert(named_params! {
                ":m": id, ":shared": None::<i64>, ":size": sizes[size], ":depot": depots[depot].0,
                ":quantity": quantity, ":start": start, ":end": end,
                ":frequency": if fortnightly { "quinzaine" } else { "hebdo" }, ":anchor": anchor,
            })?;
            if let Some(partner) = shared {
                shares.push((sid, partner));
            }
            subs.push(Sub {
                id: sid,
                member: id,
                depot,
                start,
                end,
                fortnightly,
                anchor,
                quantity,
            });
            if is_solidarity && i + 1 == row_count {
                let percent = rng.chance(0.6);
                let (kind, value) = if percent {
                    ("pourcentage", 30)
                } else {
                    ("montant", if size == 0 { 300 } else { 450 })
                };
                let (worker, body) = *rng.pick(SOCIAL_WORKERS);
                let review = match rng.below(6) {
                    0 => Some(days(today, rng.range(3, 20))),
                    1 => None,
                    _ => Some(days(today, rng.range(40, 330))),
                };
                solidarity_stmt.execute(named_params! {
                    ":s": sid, ":start": start, ":kind": kind, ":value": value,
                    ":worker": worker, ":body": body, ":review": review,
                })?;
                let terms_id = conn.last_insert_rowid();
                for &(funder, percent) in SPLITS[solidarity.len() % SPLITS.len()] {
                    funding_stmt.execute(
                        named_params! {":t": terms_id, ":f": funders[funder], ":p": percent},
                    )?;
                }
            }
        }
        // Absences go to households subscribed for a while, not to newcomers.
        if status == "actif" && start < days(today, -90) {
            active_members.push(id);
        }
    }
    // A shared subscription points at the member written right after: known only now.
    for (sid, partner) in shares {
        conn.execute(
            "UPDATE subscription SET shared_with = :m WHERE id = :s",
            named_params! {":m": all[partner], ":s": sid},
        )?;
    }

    let departed = create_departed(conn, ctx, rng, &sizes, &depots)?;
    all.extend(departed.members);
    subs.extend(departed.subs);
    let absences = create_absences(conn, ctx, rng, &active_members)?;
    create_compositions(conn, ctx, rng, crops, &sizes, &closed)?;
    create_pickups(
        conn, ctx, rng, &subs, &depots, &closed, &cancelled, &absences,
    )?;
    Ok(Members { all, solidarity })
}

/// How many times the usual demo's households a garden of `ctx.years` seasons has today:
/// it grew over the years (1 for the usual demo, 6 after ten seasons).
fn growth(ctx: &Ctx) -> u32 {
    (ctx.years * 3 / 5).max(1)
}

/// The delivery date of `depot` in the week of `monday`.
fn delivery_day(monday: NaiveDate, depot: usize) -> NaiveDate {
    days(monday, i64::from(DEPOTS[depot].4) - 1)
}
