//! Households of the seasons before the usual demo's: each joined, paid its memberships,
//! subscribed for two to nine years and left (some as Paniers Solidaires), so a garden that
//! has lived ten seasons has the members, subscriptions and pickups of its whole history.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Statement, named_params};

use super::households::Terms;
use super::setup::DEPOTS;
use super::{MEMBERSHIP_INSERT, Sub, delivery_day};
use crate::store::Result;
use crate::store::demo::rng::Rng;
use crate::store::demo::{Ctx, days, monday_of, months, names, ymd};

/// Households who left during each past season, per unit of scale.
const LEFT_PER_SEASON: usize = 130;

/// The departed households: their member ids and subscriptions.
pub(super) struct Departed {
    /// Member ids.
    pub members: Vec<i64>,
    /// One subscription each, for the pickups.
    pub subs: Vec<Sub>,
}

/// Writes the households who left during the past seasons (none for the usual demo): each
/// stayed two to nine years (not before the garden's first season); every sixth was a
/// Paniers Solidaires household, its terms written in `terms`.
pub(super) fn create_departed(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    sizes: &[i64],
    depots: &[(i64, u32)],
    terms: &mut Terms,
) -> Result<Departed> {
    let mut st = Statements {
        member: conn.prepare(
            "INSERT INTO member (last_name, first_name, co_member, address, postcode, city,
                 phone, phone2, email, notes, status, joined_on)
             VALUES (:last, :first, '', :address, :postcode, :city, :phone, '', :email, '',
                 'parti', :joined)",
        )?,
        membership: conn.prepare(MEMBERSHIP_INSERT)?,
        sub: conn.prepare(
            "INSERT INTO subscription (member_id, shared_with, size_id, depot_id, quantity,
                 start_date, end_date, frequency, anchor_monday)
             VALUES (:m, NULL, :size, :depot, 1, :start, :end, :frequency, :anchor)",
        )?,
    };
    let garden_start = months(ctx.today, -12 * ctx.years as i32);
    let mut out = Departed {
        members: Vec::new(),
        subs: Vec::new(),
    };
    for back in 1..ctx.years {
        let season_end = ctx.years_ago(back).today;
        for index in 0..LEFT_PER_SEASON * ctx.scale as usize {
            let left = days(season_end, -rng.range(0, 364));
            let stayed = 365 * rng.range(2, 9) + rng.range(0, 300);
            let joined = days(left, -stayed).max(garden_start);
            let id = member(&mut st, rng, joined)?;
            out.members.push(id);
            memberships(&mut st, rng, id, joined, left)?;
            let solidarity = index % 6 == 3;
            let (sub, size) =
                subscription(&mut st, rng, sizes, depots, id, joined, left, solidarity)?;
            if solidarity {
                terms.write(rng, sub.id, sub.start, size, sub.start)?;
            }
            out.subs.push(sub);
        }
    }
    Ok(out)
}

/// Statements of the departed households.
struct Statements<'c> {
    member: Statement<'c>,
    membership: Statement<'c>,
    sub: Statement<'c>,
}

/// The member's row; returns its id.
fn member(st: &mut Statements, rng: &mut Rng, joined: NaiveDate) -> Result<i64> {
    let (_, first, last) = names::person(rng);
    let (address, postcode, city) = names::address(rng);
    let email = if rng.chance(0.75) {
        names::email(first, last, rng)
    } else {
        String::new()
    };
    Ok(st.member.insert(named_params! {
        ":last": last, ":first": first, ":address": address, ":postcode": postcode,
        ":city": city, ":phone": names::phone(rng), ":email": email, ":joined": joined,
    })?)
}

/// A membership each year from joining to leaving.
fn memberships(
    st: &mut Statements,
    rng: &mut Rng,
    id: i64,
    joined: NaiveDate,
    left: NaiveDate,
) -> Result<()> {
    let amount = *rng.pick(&[1500, 2000, 2000, 2500, 3000]);
    let method = ["cheque", "especes", "virement"][rng.weighted(&[55, 15, 30])];
    for year in joined.year()..=left.year() {
        let paid = days(ymd(year, 1, 1, joined), rng.range(4, 80))
            .max(joined)
            .min(left);
        st.membership.execute(named_params! {
            ":m": id, ":year": year, ":amount": amount, ":paid": paid, ":method": method,
        })?;
    }
    Ok(())
}

/// The one subscription, from the first delivery after joining to leaving (weekly for a
/// Paniers Solidaires household); returns it and its size index.
#[allow(clippy::too_many_arguments)]
fn subscription(
    st: &mut Statements,
    rng: &mut Rng,
    sizes: &[i64],
    depots: &[(i64, u32)],
    id: i64,
    joined: NaiveDate,
    left: NaiveDate,
    solidarity: bool,
) -> Result<(Sub, usize)> {
    let depot_weights: Vec<u32> = DEPOTS.iter().map(|d| d.10).collect();
    let depot = rng.weighted(&depot_weights);
    let fortnightly = rng.chance(0.2) && !solidarity;
    let mut start = delivery_day(monday_of(joined), depot);
    if start < joined {
        start = days(start, 7);
    }
    let end = left.max(start);
    let anchor = monday_of(start);
    let size = rng.weighted(&[45, 40, 15]);
    let sid = st.sub.insert(named_params! {
        ":m": id, ":size": sizes[size], ":depot": depots[depot].0,
        ":start": start, ":end": end, ":anchor": anchor,
        ":frequency": if fortnightly { "quinzaine" } else { "hebdo" },
    })?;
    let sub = Sub {
        id: sid,
        member: id,
        depot,
        start,
        end: Some(end),
        fortnightly,
        anchor,
        quantity: 1,
    };
    Ok((sub, size))
}
