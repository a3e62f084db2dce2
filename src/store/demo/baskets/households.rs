//! Today's households: members with their memberships, subscriptions (a depot change, a
//! shared basket, fortnightly ones) and the terms of the Paniers Solidaires.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Statement, named_params};

use super::setup::{DEPOTS, SOCIAL_WORKERS, SPLITS};
use super::{MEMBERSHIP_INSERT, Sub, delivery_day};
use crate::store::Result;
use crate::store::demo::rng::Rng;
use crate::store::demo::{Ctx, days, monday_of, names, ymd};

/// What today's households leave for the rest of the round.
pub(super) struct Households {
    /// Every member id.
    pub all: Vec<i64>,
    /// Members of Paniers Solidaires households.
    pub solidarity: Vec<i64>,
    /// Households subscribed for a while (absences go to them).
    pub active: Vec<i64>,
    /// Their subscriptions, for the pickups.
    pub subs: Vec<Sub>,
}

/// The terms of Paniers Solidaires households, shared with the departed households.
pub(super) struct Terms<'c> {
    terms: Statement<'c>,
    funding: Statement<'c>,
    funders: Vec<i64>,
    /// Terms written so far (picks the funding split).
    written: usize,
}

impl<'c> Terms<'c> {
    /// Prepares the statements.
    pub(super) fn prepare(conn: &'c Connection, funders: &[i64]) -> Result<Self> {
        Ok(Terms {
            terms: conn.prepare(
                "INSERT INTO solidarity_terms (subscription_id, start_date, share_kind,
                     share_value, social_worker, referring_body, review_on)
                 VALUES (:s, :start, :kind, :value, :worker, :body, :review)",
            )?,
            funding: conn.prepare(
                "INSERT INTO solidarity_terms_funding (terms_id, funder_id, share_percent)
                 VALUES (:t, :f, :p)",
            )?,
            funders: funders.to_vec(),
            written: 0,
        })
    }

    /// Terms from `start` on the subscription `sid` of size `size` (an index), reviewed
    /// around `anchor` (or never), funded by one of the `SPLITS`.
    pub(super) fn write(
        &mut self,
        rng: &mut Rng,
        sid: i64,
        start: NaiveDate,
        size: usize,
        anchor: NaiveDate,
    ) -> Result<()> {
        self.written += 1;
        let (kind, value) = if rng.chance(0.6) {
            ("pourcentage", 30)
        } else {
            ("montant", if size == 0 { 300 } else { 450 })
        };
        let (worker, body) = *rng.pick(SOCIAL_WORKERS);
        let review = match rng.below(6) {
            0 => Some(days(anchor, rng.range(3, 20))),
            1 => None,
            _ => Some(days(anchor, rng.range(40, 330))),
        };
        let terms_id = self.terms.insert(named_params! {
            ":s": sid, ":start": start, ":kind": kind, ":value": value,
            ":worker": worker, ":body": body, ":review": review,
        })?;
        for &(funder, percent) in SPLITS[self.written % SPLITS.len()] {
            self.funding.execute(
                named_params! {":t": terms_id, ":f": self.funders[funder], ":p": percent},
            )?;
        }
        Ok(())
    }
}

/// One household's subscription before it is written: size and depot indexes, quantity,
/// first delivery, end, frequency.
struct Plan {
    size: usize,
    depot: usize,
    quantity: i64,
    start: NaiveDate,
    end: Option<NaiveDate>,
    fortnightly: bool,
    shared: Option<usize>,
}

/// Writes today's households, `count` of them.
pub(super) struct Writer<'c, 'a> {
    conn: &'c Connection,
    ctx: &'a Ctx,
    sizes: &'a [i64],
    depots: &'a [(i64, u32)],
    member: Statement<'c>,
    membership: Statement<'c>,
    sub: Statement<'c>,
    terms: Terms<'c>,
    count: usize,
    fortnightly_count: i64,
    skip_subscription: BTreeSet<usize>,
    shares: Vec<(i64, usize)>,
    out: Households,
}

impl<'c, 'a> Writer<'c, 'a> {
    /// Prepares the statements.
    pub(super) fn prepare(
        conn: &'c Connection,
        ctx: &'a Ctx,
        sizes: &'a [i64],
        depots: &'a [(i64, u32)],
        funders: &[i64],
        count: usize,
    ) -> Result<Self> {
        Ok(Writer {
            conn,
            ctx,
            sizes,
            depots,
            member: conn.prepare(
                "INSERT INTO member (last_name, first_name, co_member, address, postcode, city,
                     phone, phone2, email, notes, status, joined_on)
                 VALUES (:last, :first, :co, :address, :postcode, :city, :phone, :phone2,
                     :email, :notes, :status, :joined)",
            )?,
            membership: conn.prepare(MEMBERSHIP_INSERT)?,
            sub: conn.prepare(
                "INSERT INTO subscription (member_id, shared_with, size_id, depot_id, quantity,
                     start_date, end_date, frequency, anchor_monday)
                 VALUES (:m, :shared, :size, :depot, :quantity, :start, :end, :frequency,
                     :anchor)",
            )?,
            terms: Terms::prepare(conn, funders)?,
            count,
            fortnightly_count: 0,
            skip_subscription: BTreeSet::new(),
            shares: Vec::new(),
            out: Households {
                all: Vec::with_capacity(count),
                solidarity: Vec::new(),
                active: Vec::new(),
                subs: Vec::new(),
            },
        })
    }

    /// Writes every household, then the shared subscriptions' partners.
    pub(super) fn write_all(mut self, rng: &mut Rng) -> Result<(Households, Terms<'c>)> {
        for index in 0..self.count {
            self.household(rng, index)?;
        }
        // A shared subscription points at the member written right after: known only now.
        for &(sid, partner) in &self.shares {
            self.conn.execute(
                "UPDATE subscription SET shared_with = :m WHERE id = :s",
                named_params! {":m": self.out.all[partner], ":s": sid},
            )?;
        }
        Ok((self.out, self.terms))
    }

    /// One household: the member, memberships, subscriptions and terms.
    fn household(&mut self, rng: &mut Rng, index: usize) -> Result<()> {
        let status = if index % 6 == 3 || self.skip_subscription.contains(&index) {
            "actif" // Paniers Solidaires households are all active.
        } else {
            ["actif", "pause", "parti", "attente"][rng.weighted(&[80, 5, 9, 6])]
        };
        let is_solidarity = index % 6 == 3;
        let (id, joined) = self.member(rng, index, status)?;
        self.out.all.push(id);
        if is_solidarity {
            self.out.solidarity.push(id);
        }
        let Some(joined) = joined else {
            return Ok(());
        };
        self.memberships(rng, id, joined, status, is_solidarity)?;
        if self.skip_subscription.contains(&index) {
            return Ok(());
        }
        let plan = self.plan(rng, index, joined, status, is_solidarity);
        let start = plan.start;
        self.subscriptions(rng, id, index, status, is_solidarity, plan)?;
        // Absences go to households subscribed for a while, not to newcomers.
        if status == "actif" && start < days(self.ctx.today, -90) {
            self.out.active.push(id);
        }
        Ok(())
    }

    /// The member's row; returns its id and joining day (None on the waiting list).
    fn member(
        &mut self,
        rng: &mut Rng,
        index: usize,
        status: &str,
    ) -> Result<(i64, Option<NaiveDate>)> {
        let today = self.ctx.today;
        // How long ago the oldest members joined, in days.
        let past = self.ctx.past_seasons() > 0;
        let longest = if past {
            365 * self.ctx.years as i64
        } else {
            2000
        };
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
            // A garden that has lived long keeps mostly long-standing households: the
            // earliest of three dates (on average three quarters of its life ago).
            _ if past => {
                let ago = rng.range(90, longest);
                let ago = ago.max(rng.range(90, longest)).max(rng.range(90, longest));
                Some(days(today, -ago))
            }
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
        let id = self.member.insert(named_params! {
            ":last": last, ":first": first, ":co": co_member, ":address": address,
            ":postcode": postcode, ":city": city, ":phone": names::phone(rng), ":phone2": phone2,
            ":email": email, ":notes": notes, ":status": status, ":joined": joined,
        })?;
        Ok((id, joined))
    }

    /// Memberships: every year since joining, back to last year for the usual demo (some
    /// still unpaid this year).
    fn memberships(
        &mut self,
        rng: &mut Rng,
        id: i64,
        joined: NaiveDate,
        status: &str,
        is_solidarity: bool,
    ) -> Result<()> {
        let today = self.ctx.today;
        let year = today.year();
        let past = self.ctx.past_seasons();
        let first_membership = if past > 0 {
            year - 1 - past as i32
        } else {
            year - 1
        };
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
            self.membership.execute(named_params! {
                ":m": id, ":year": y, ":amount": amount, ":paid": paid, ":method": method,
            })?;
        }
        Ok(())
    }

    /// The household's subscription: size, depot, first delivery, end, frequency, sharing.
    fn plan(
        &mut self,
        rng: &mut Rng,
        index: usize,
        joined: NaiveDate,
        status: &str,
        is_solidarity: bool,
    ) -> Plan {
        let today = self.ctx.today;
        let depot_weights: Vec<u32> = DEPOTS.iter().map(|d| d.10).collect();
        let size = rng.weighted(&[45, 40, 15]);
        let depot = rng.weighted(&depot_weights);
        let fortnightly = !is_solidarity && rng.chance(0.2);
        let quantity = if index % 45 == 12 { 2 } else { 1 };
        let mut start = delivery_day(monday_of(joined), depot);
        if start < joined {
            start = days(start, 7);
        }
        if fortnightly {
            // Alternate the anchors' ISO-week parity so both groups exist.
            self.fortnightly_count += 1;
            if i64::from(monday_of(start).iso_week().week()) % 2 != self.fortnightly_count % 2 {
                start = days(start, 7);
            }
        }
        let end = match status {
            "parti" => Some(days(today, -rng.range(20, 400))),
            "pause" => Some(days(today, -rng.range(10, 60))),
            _ => None,
        };
        let shared =
            if status == "actif" && !is_solidarity && index % 90 == 10 && index + 1 < self.count {
                self.skip_subscription.insert(index + 1);
                Some(index + 1)
            } else {
                None
            };
        Plan {
            size,
            depot,
            quantity,
            start,
            end: end.map(|e| e.max(start)),
            fortnightly,
            shared,
        }
    }

    /// Writes the subscription rows (two on a depot change mid-season) and the terms.
    #[allow(clippy::too_many_arguments)]
    fn subscriptions(
        &mut self,
        rng: &mut Rng,
        id: i64,
        index: usize,
        status: &str,
        is_solidarity: bool,
        plan: Plan,
    ) -> Result<()> {
        let today = self.ctx.today;
        let Plan {
            size,
            mut depot,
            quantity,
            start,
            end,
            fortnightly,
            shared,
        } = plan;
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
            let sid = self.sub.insert(named_params! {
                ":m": id, ":shared": None::<i64>, ":size": self.sizes[size],
                ":depot": self.depots[depot].0, ":quantity": quantity, ":start": start,
                ":end": end, ":frequency": if fortnightly { "quinzaine" } else { "hebdo" },
                ":anchor": anchor,
            })?;
            if let Some(partner) = shared {
                self.shares.push((sid, partner));
            }
            self.out.subs.push(Sub {
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
                self.terms.write(rng, sid, start, size, today)?;
            }
        }
        Ok(())
    }
}
