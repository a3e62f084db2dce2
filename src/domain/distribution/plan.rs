//! The plan of a week: per depot, the baskets of each size each subscription gets.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{Delivery, MAKE_UP_WINDOW_WEEKS, MAX_ABSENCE_WEEKS, depot_delivery, subscription_due};
use crate::domain::baskets::{
    Absence, AbsenceMode, Closure, Depot, DepotId, HolidayRule, MemberId, SizeId, Subscription,
    SubscriptionId,
};
use crate::domain::calendar::IsoWeek;

/// One subscription's baskets at a depot in the planned week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLine {
    pub subscription_id: SubscriptionId,
    pub member_id: MemberId,
    /// The second household sharing the subscription, if any.
    pub shared_with: Option<MemberId>,
    pub size_id: SizeId,
    /// Normal baskets this week (the subscription's quantity).
    pub quantity: i64,
    /// Set when the member is away on the delivery day: what happens to the baskets.
    pub absent: Option<AbsenceMode>,
    /// Extra baskets made up this week for deliveries missed during an absence.
    pub make_up: i64,
}

impl PlanLine {
    /// Baskets to pack for this line: none for an absence (`Skipped` or `MadeUp`), the usual
    /// quantity when `Donated` (prepared and given away), plus the made-up baskets.
    pub fn baskets_to_prepare(&self) -> i64 {
        let normal = match self.absent {
            None | Some(AbsenceMode::Donated) => self.quantity,
            Some(AbsenceMode::Skipped | AbsenceMode::MadeUp) => 0,
        };
        normal + self.make_up
    }
}

/// One depot in the planned week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepotPlan {
    pub depot_id: DepotId,
    pub delivery: Delivery,
    /// One line per subscription due this week, by subscription id; empty without delivery.
    pub lines: Vec<PlanLine>,
}

impl DepotPlan {
    /// Baskets to pack per size (sizes with nothing to pack are left out).
    pub fn baskets_by_size(&self) -> BTreeMap<SizeId, i64> {
        let mut sizes = BTreeMap::new();
        for line in &self.lines {
            let baskets = line.baskets_to_prepare();
            if baskets > 0 {
                *sizes.entry(line.size_id).or_insert(0) += baskets;
            }
        }
        sizes
    }

    /// Baskets to pack at this depot, all sizes.
    pub fn total_baskets(&self) -> i64 {
        self.lines.iter().map(PlanLine::baskets_to_prepare).sum()
    }
}

/// The distribution plan of one week: every active depot, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekPlan {
    pub week: IsoWeek,
    pub depots: Vec<DepotPlan>,
}

impl WeekPlan {
    /// Baskets to pack per size, all depots together.
    pub fn totals_by_size(&self) -> BTreeMap<SizeId, i64> {
        let mut totals = BTreeMap::new();
        for depot in &self.depots {
            for (size, baskets) in depot.baskets_by_size() {
                *totals.entry(size).or_insert(0) += baskets;
            }
        }
        totals
    }

    /// Baskets to pack, all depots and sizes.
    pub fn total_baskets(&self) -> i64 {
        self.depots.iter().map(DepotPlan::total_baskets).sum()
    }

    /// True when at least one depot delivers this week.
    pub fn has_delivery(&self) -> bool {
        self.depots.iter().any(|d| d.delivery.is_delivered())
    }
}

/// Everything the plan looks at, to answer per subscription and week.
struct Round<'a> {
    depots: &'a [Depot],
    /// Each member's absences, in the order given: a line looks at its member's only (one
    /// look-up instead of a pass over every absence of the garden per line).
    absences: HashMap<MemberId, Vec<&'a Absence>>,
    closures: &'a [Closure],
    rules: &'a [HolidayRule],
}

impl Round<'_> {
    /// The day `sub` gets baskets in `week`, if it does (active depot delivering, subscription
    /// due); absences are not looked at.
    fn delivery_of(&self, sub: &Subscription, week: IsoWeek) -> Option<NaiveDate> {
        let depot = self
            .depots
            .iter()
            .find(|d| d.id == sub.depot_id && d.active)?;
        let date = depot_delivery(depot, week, self.closures, self.rules).date()?;
        subscription_due(sub, week, date).then_some(date)
    }

    /// The first absence of `member` covering `date`.
    fn absence_on(&self, member: MemberId, date: NaiveDate) -> Option<&Absence> {
        self.absences
            .get(&member)?
            .iter()
            .copied()
            .find(|a| a.start <= date && date <= a.end)
    }

    /// Deliveries of `sub` that fell within `absence`.
    fn missed(&self, sub: &Subscription, absence: &Absence) -> i64 {
        // One week either side: a moved delivery may leave its week.
        let first = IsoWeek::of(absence.start).previous();
        let last = IsoWeek::of(absence.end).next();
        let weeks = last.weeks_since(first).min(MAX_ABSENCE_WEEKS);
        (0..=weeks)
            .filter_map(|i| self.delivery_of(sub, first.plus_weeks(i)))
            .filter(|date| absence.start <= *date && *date <= absence.end)
            .count() as i64
    }

    /// The week the baskets of `sub` missed during `absence` are made up: from the chosen
    /// week (or else the week of the return) on, the first week with a delivery for `sub`
    /// after the absence ends, on a day the member is not away.
    fn make_up_week(&self, sub: &Subscription, absence: &Absence) -> Option<IsoWeek> {
        let from = absence
            .makeup_monday
            .map_or(IsoWeek::of(absence.end), IsoWeek::of);
        (0..=MAKE_UP_WINDOW_WEEKS)
            .map(|i| from.plus_weeks(i))
            .find(|week| {
                self.delivery_of(sub, *week).is_some_and(|date| {
                    date > absence.end && self.absence_on(sub.member_id, date).is_none()
                })
            })
    }

    /// Baskets made up in `week` for `sub`.
    fn make_up_in(&self, sub: &Subscription, week: IsoWeek) -> i64 {
        let Some(absences) = self.absences.get(&sub.member_id) else {
            return 0;
        };
        absences
            .iter()
            .filter(|a| a.mode == AbsenceMode::MadeUp)
            .filter(|a| self.make_up_week(sub, a) == Some(week))
            .map(|a| self.missed(sub, a) * sub.quantity)
            .sum()
    }
}

/// The distribution plan of `week` for the active `depots`.
///
/// Absences: an absence of the subscription's member (not of the household it is shared
/// with) covers the week when the delivery day falls within it. A made-up absence adds, on
/// the chosen week or else on the first delivery after the return, as many baskets as the
/// subscription missed during the absence (deliveries × quantity); if no delivery comes
/// within [`MAKE_UP_WINDOW_WEEKS`], the make-up is dropped. `absences` must hold those that
/// ended up to that many weeks before `week`.
pub fn plan_week(
    week: IsoWeek,
    depots: &[Depot],
    subscriptions: &[impl Borrow<Subscription>],
    absences: &[impl Borrow<Absence>],
    closures: &[Closure],
    rules: &[HolidayRule],
) -> WeekPlan {
    let mut by_member: HashMap<MemberId, Vec<&Absence>> = HashMap::new();
    for absence in absences.iter().map(Borrow::borrow) {
        by_member
            .entry(absence.member_id)
            .or_default()
            .push(absence);
    }
    let round = Round {
        depots,
        absences: by_member,
        closures,
        rules,
    };
    let depots = depots
        .iter()
        .filter(|depot| depot.active)
        .map(|depot| {
            let delivery = depot_delivery(depot, week, closures, rules);
            let mut lines: Vec<PlanLine> = match delivery.date() {
                None => Vec::new(),
                Some(date) => subscriptions
                    .iter()
                    .map(Borrow::borrow)
                    .filter(|sub| sub.depot_id == depot.id && subscription_due(sub, week, date))
                    .map(|sub| PlanLine {
                        subscription_id: sub.id,
                        member_id: sub.member_id,
                        shared_with: sub.shared_with,
                        size_id: sub.size_id,
                        quantity: sub.quantity,
                        absent: round.absence_on(sub.member_id, date).map(|a| a.mode),
                        make_up: round.make_up_in(sub, week),
                    })
                    .collect(),
            };
            lines.sort_by_key(|line| line.subscription_id);
            DepotPlan {
                depot_id: depot.id,
                delivery,
                lines,
            }
        })
        .collect();
    WeekPlan { week, depots }
}
