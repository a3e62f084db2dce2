//! The weekly distribution plan: which depot delivers on which day, and how many baskets of
//! each size each subscription gets, once closures, public holidays and absences are applied.
//!
//! Pure functions over the rows of `domain::baskets`; the store loads them (`store::week`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::baskets::{
    Absence, AbsenceMode, Closure, Depot, DepotId, Frequency, HolidayAction, HolidayRule, MemberId,
    SizeId, Subscription, SubscriptionId,
};
use super::calendar::{IsoWeek, format_date, holiday_name, long_date};

/// How far (in weeks) a made-up basket may land after the return from an absence or after
/// the chosen week; past that it is dropped. The store loads that much history.
pub const MAKE_UP_WINDOW_WEEKS: i64 = 26;

/// Longest absence (in weeks) whose missed deliveries are counted for a make-up.
pub const MAX_ABSENCE_WEEKS: i64 = 60;

/// What happens at a depot in a given week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivery on the depot's usual day.
    On(NaiveDate),
    /// The usual day is a public holiday and the delivery is moved to `to`.
    Moved {
        /// The usual (holiday) day.
        holiday: NaiveDate,
        /// French name of the holiday.
        name: &'static str,
        /// The replacement day.
        to: NaiveDate,
    },
    /// The garden is closed that week.
    Closed {
        /// Why, as typed by the users (may be empty).
        reason: String,
    },
    /// The usual day is a public holiday and the delivery is cancelled.
    HolidayCancelled {
        /// The usual (holiday) day.
        holiday: NaiveDate,
        /// French name of the holiday.
        name: &'static str,
    },
}

impl Delivery {
    /// The day baskets are handed out, if there is a delivery.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Delivery::On(date) | Delivery::Moved { to: date, .. } => Some(*date),
            Delivery::Closed { .. } | Delivery::HolidayCancelled { .. } => None,
        }
    }

    /// True when baskets are handed out this week.
    pub fn is_delivered(&self) -> bool {
        self.date().is_some()
    }

    /// One French sentence for the screen and the printouts.
    pub fn describe(&self) -> String {
        match self {
            Delivery::On(date) => format!("Livraison le {}", long_date(*date)),
            Delivery::Moved { holiday, name, to } => format!(
                "Livraison déplacée au {} (jour férié le {} : {name})",
                long_date(*to),
                format_date(*holiday)
            ),
            Delivery::Closed { reason } if reason.trim().is_empty() => {
                "Pas de livraison : semaine de fermeture".to_owned()
            }
            Delivery::Closed { reason } => {
                format!(
                    "Pas de livraison : semaine de fermeture ({})",
                    reason.trim()
                )
            }
            Delivery::HolidayCancelled { holiday, name } => format!(
                "Pas de livraison : jour férié le {} ({name})",
                format_date(*holiday)
            ),
        }
    }
}

/// The delivery of `depot` in `week`: on the depot's weekday, unless the week is closed
/// (`Closed`) or that day is a public holiday.
///
/// For a holiday, the rule for this depot wins over the rule for all depots (`depot_id`
/// None). **Without any rule, a delivery falling on a French public holiday is cancelled**:
/// the office then adds a rule to move it. A rule also applies on a date that is not a
/// national holiday (a local holiday the office entered itself). A `Moved` rule without a
/// replacement day counts as cancelled.
pub fn depot_delivery(
    depot: &Depot,
    week: IsoWeek,
    closures: &[Closure],
    rules: &[HolidayRule],
) -> Delivery {
    if let Some(closure) = closures.iter().find(|c| IsoWeek::of(c.monday) == week) {
        return Delivery::Closed {
            reason: closure.reason.clone(),
        };
    }
    let date = week.day(depot.weekday);
    let rule = rules
        .iter()
        .find(|r| r.date == date && r.depot_id == Some(depot.id))
        .or_else(|| {
            rules
                .iter()
                .find(|r| r.date == date && r.depot_id.is_none())
        });
    let national = holiday_name(date);
    let name = national.unwrap_or("jour férié");
    match rule {
        Some(HolidayRule {
            action: HolidayAction::Moved,
            moved_to: Some(to),
            ..
        }) => Delivery::Moved {
            holiday: date,
            name,
            to: *to,
        },
        Some(_) => Delivery::HolidayCancelled {
            holiday: date,
            name,
        },
        None if national.is_some() => Delivery::HolidayCancelled {
            holiday: date,
            name,
        },
        None => Delivery::On(date),
    }
}

/// True when `sub` gets baskets in `week`, whose delivery falls on `delivery_date`: the
/// subscription runs on that day and, if fortnightly, an even number of weeks have passed
/// since its anchor week (closed weeks count, so the A / B groups stay stable).
pub fn subscription_due(sub: &Subscription, week: IsoWeek, delivery_date: NaiveDate) -> bool {
    let running = sub.start <= delivery_date && sub.end.is_none_or(|end| delivery_date <= end);
    running
        && match sub.frequency {
            Frequency::Weekly => true,
            Frequency::Fortnightly => {
                week.weeks_since(IsoWeek::of(sub.anchor_monday))
                    .rem_euclid(2)
                    == 0
            }
        }
}

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
    absences: &'a [Absence],
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
            .iter()
            .find(|a| a.member_id == member && a.start <= date && date <= a.end)
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
        self.absences
            .iter()
            .filter(|a| a.member_id == sub.member_id && a.mode == AbsenceMode::MadeUp)
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
    subscriptions: &[Subscription],
    absences: &[Absence],
    closures: &[Closure],
    rules: &[HolidayRule],
) -> WeekPlan {
    let round = Round {
        depots,
        absences,
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::Weekday;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(y: i32, w: u32) -> IsoWeek {
        IsoWeek::new(y, w).unwrap()
    }

    fn depot(id: DepotId, weekday: Weekday) -> Depot {
        Depot {
            id,
            name: format!("Dépôt {id}"),
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            weekday,
            slot_start: String::new(),
            slot_end: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            capacity: None,
            active: true,
        }
    }

    fn weekly(id: SubscriptionId, member_id: MemberId, depot_id: DepotId) -> Subscription {
        Subscription {
            id,
            member_id,
            shared_with: None,
            size_id: 1,
            depot_id,
            quantity: 1,
            start: date(2025, 1, 1),
            end: None,
            frequency: Frequency::Weekly,
            anchor_monday: week(2025, 1).monday(),
        }
    }

    fn fortnightly(id: SubscriptionId, depot_id: DepotId, anchor: IsoWeek) -> Subscription {
        Subscription {
            frequency: Frequency::Fortnightly,
            anchor_monday: anchor.monday(),
            ..weekly(id, id, depot_id)
        }
    }

    fn absence(
        member_id: MemberId,
        start: NaiveDate,
        end: NaiveDate,
        mode: AbsenceMode,
    ) -> Absence {
        Absence {
            id: 1,
            member_id,
            start,
            end,
            mode,
            makeup_monday: None,
            notes: String::new(),
        }
    }

    fn line(plan: &WeekPlan, subscription: SubscriptionId) -> Option<&PlanLine> {
        plan.depots
            .iter()
            .flat_map(|d| &d.lines)
            .find(|l| l.subscription_id == subscription)
    }

    /// Baskets packed for `subscription` in each of `count` weeks from `from`.
    fn baskets_over(
        from: IsoWeek,
        count: i64,
        depots: &[Depot],
        subs: &[Subscription],
        absences: &[Absence],
        closures: &[Closure],
        subscription: SubscriptionId,
    ) -> Vec<i64> {
        (0..count)
            .map(|i| {
                let plan = plan_week(from.plus_weeks(i), depots, subs, absences, closures, &[]);
                line(&plan, subscription).map_or(0, PlanLine::baskets_to_prepare)
            })
            .collect()
    }

    #[test]
    fn fortnightly_never_twice_in_a_row_across_week_53() {
        // Wednesday: Fridays 25 December and 1 January are holidays.
        let depots = [depot(1, Weekday::Wed)];
        let subs = [
            weekly(1, 1, 1),
            fortnightly(2, 1, week(2026, 51)),
            fortnightly(3, 1, week(2026, 52)),
        ];
        // 2026-W50, W51, W52, W53, 2027-W01, W02, W03.
        let from = week(2026, 50);
        assert_eq!(
            baskets_over(from, 7, &depots, &subs, &[], &[], 1),
            [1, 1, 1, 1, 1, 1, 1]
        );
        // Anchored W51: W51, W53, 2027-W02 (not W53 then W01).
        assert_eq!(
            baskets_over(from, 7, &depots, &subs, &[], &[], 2),
            [0, 1, 0, 1, 0, 1, 0]
        );
        // Anchored W52: W52, 2027-W01, W03.
        assert_eq!(
            baskets_over(from, 7, &depots, &subs, &[], &[], 3),
            [1, 0, 1, 0, 1, 0, 1]
        );
        assert!(!subscription_due(&subs[1], week(2027, 1), date(2027, 1, 6)));
        assert!(subscription_due(
            &subs[1],
            week(2026, 53),
            date(2026, 12, 30)
        ));
        // With the Friday depot, Christmas and New Year's Day cancel by default.
        let friday = [depot(1, Weekday::Fri)];
        assert_eq!(
            baskets_over(from, 7, &friday, &subs, &[], &[], 1),
            [1, 1, 0, 0, 1, 1, 1]
        );
    }

    #[test]
    fn closed_week_delivers_nothing_and_keeps_its_place_in_the_count() {
        let depots = [depot(1, Weekday::Fri)];
        let subs = [weekly(1, 1, 1), fortnightly(2, 1, week(2026, 1))];
        let closures = [Closure {
            monday: week(2026, 3).monday(),
            reason: "Inventaire".into(),
        }];
        let plan = plan_week(week(2026, 3), &depots, &subs, &[], &closures, &[]);
        assert_eq!(
            plan.depots[0].delivery,
            Delivery::Closed {
                reason: "Inventaire".into()
            }
        );
        assert!(plan.depots[0].lines.is_empty());
        assert!(plan.totals_by_size().is_empty());
        assert!(!plan.has_delivery());
        assert_eq!(
            plan.depots[0].delivery.describe(),
            "Pas de livraison : semaine de fermeture (Inventaire)"
        );
        // The fortnightly subscription skips W03 and comes back on W05, not W04.
        let from = week(2026, 1);
        assert_eq!(
            baskets_over(from, 5, &depots, &subs, &[], &closures, 2),
            [1, 0, 0, 0, 1]
        );
        assert_eq!(
            baskets_over(from, 5, &depots, &subs, &[], &closures, 1),
            [1, 1, 0, 1, 1]
        );
    }

    #[test]
    fn holiday_cancels_by_default_and_rules_move_or_cancel() {
        // Easter Monday 2027 is 29 March (week 13).
        let monday = depot(1, Weekday::Mon);
        let wednesday = depot(2, Weekday::Wed);
        let easter_week = week(2027, 13);
        assert_eq!(
            depot_delivery(&monday, easter_week, &[], &[]),
            Delivery::HolidayCancelled {
                holiday: date(2027, 3, 29),
                name: "Lundi de Pâques"
            }
        );
        assert_eq!(
            depot_delivery(&monday, easter_week, &[], &[]).describe(),
            "Pas de livraison : jour férié le 29/03/2027 (Lundi de Pâques)"
        );
        assert_eq!(
            depot_delivery(&wednesday, easter_week, &[], &[]),
            Delivery::On(date(2027, 3, 31))
        );

        let all_moved = HolidayRule {
            id: 1,
            date: date(2027, 3, 29),
            depot_id: None,
            action: HolidayAction::Moved,
            moved_to: Some(date(2027, 3, 30)),
        };
        let moved = Delivery::Moved {
            holiday: date(2027, 3, 29),
            name: "Lundi de Pâques",
            to: date(2027, 3, 30),
        };
        assert_eq!(
            depot_delivery(&monday, easter_week, &[], std::slice::from_ref(&all_moved)),
            moved
        );
        assert_eq!(moved.date(), Some(date(2027, 3, 30)));
        assert_eq!(
            moved.describe(),
            "Livraison déplacée au mardi 30 mars 2027 (jour férié le 29/03/2027 : Lundi de Pâques)"
        );

        // A rule for the depot wins over the rule for all depots.
        let this_depot_cancelled = HolidayRule {
            id: 2,
            depot_id: Some(1),
            action: HolidayAction::Cancelled,
            moved_to: None,
            ..all_moved.clone()
        };
        let rules = [all_moved, this_depot_cancelled];
        assert!(matches!(
            depot_delivery(&monday, easter_week, &[], &rules),
            Delivery::HolidayCancelled { .. }
        ));
        let other_monday = depot(3, Weekday::Mon);
        assert_eq!(
            depot_delivery(&other_monday, easter_week, &[], &rules),
            moved
        );

        // Baskets follow the moved day: a subscription ending on the Tuesday still gets one.
        let mut sub = weekly(1, 1, 3);
        sub.end = Some(date(2027, 3, 30));
        let plan = plan_week(easter_week, &[other_monday], &[sub], &[], &[], &rules);
        assert_eq!(plan.totals_by_size(), BTreeMap::from([(1, 1)]));
    }

    #[test]
    fn absence_modes_skipped_and_donated() {
        let depots = [depot(1, Weekday::Fri)];
        let mut subs = [weekly(1, 1, 1), weekly(2, 2, 1), weekly(3, 3, 1)];
        subs[1].quantity = 2;
        subs[2].size_id = 2;
        let absences = [
            absence(1, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::Skipped),
            absence(2, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::Donated),
        ];
        let plan = plan_week(week(2026, 11), &depots, &subs, &absences, &[], &[]);
        let skipped = line(&plan, 1).unwrap();
        assert_eq!(skipped.absent, Some(AbsenceMode::Skipped));
        assert_eq!(skipped.baskets_to_prepare(), 0);
        let donated = line(&plan, 2).unwrap();
        assert_eq!(donated.absent, Some(AbsenceMode::Donated));
        assert_eq!(donated.baskets_to_prepare(), 2);
        assert_eq!(
            plan.depots[0].baskets_by_size(),
            BTreeMap::from([(1, 2), (2, 1)])
        );
        assert_eq!(plan.total_baskets(), 3);
        // Nothing is made up after a skipped or donated absence.
        let back = plan_week(week(2026, 12), &depots, &subs, &absences, &[], &[]);
        assert_eq!(
            back.depots[0].baskets_by_size(),
            BTreeMap::from([(1, 3), (2, 1)])
        );
        assert!(
            back.depots[0]
                .lines
                .iter()
                .all(|l| l.absent.is_none() && l.make_up == 0)
        );
    }

    #[test]
    fn made_up_on_first_delivery_after_return() {
        let depots = [depot(1, Weekday::Fri)];
        let mut subs = [weekly(1, 1, 1), weekly(2, 2, 1)];
        subs[1].quantity = 2;
        // Away two Fridays (6 and 13 March 2026), back on Sunday 15.
        let absences = [
            absence(1, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::MadeUp),
            absence(2, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::MadeUp),
        ];
        let from = week(2026, 9);
        assert_eq!(
            baskets_over(from, 5, &depots, &subs, &absences, &[], 1),
            [1, 0, 0, 3, 1]
        );
        assert_eq!(
            baskets_over(from, 5, &depots, &subs, &absences, &[], 2),
            [2, 0, 0, 6, 2]
        );
        let plan = plan_week(week(2026, 10), &depots, &subs, &absences, &[], &[]);
        assert_eq!(line(&plan, 1).unwrap().absent, Some(AbsenceMode::MadeUp));
        let back = plan_week(week(2026, 12), &depots, &subs, &absences, &[], &[]);
        assert_eq!(line(&back, 1).unwrap().make_up, 2);
        assert_eq!(line(&back, 1).unwrap().absent, None);

        // The week of return is closed: the make-up waits for the next delivery.
        let closures = [Closure {
            monday: week(2026, 12).monday(),
            reason: String::new(),
        }];
        assert_eq!(
            baskets_over(from, 5, &depots, &subs, &absences, &closures, 1),
            [1, 0, 0, 0, 3]
        );
    }

    #[test]
    fn made_up_counts_only_deliveries_inside_the_absence() {
        // Monday depot; away Tuesday 3 to Wednesday 11 March 2026: only Monday 9 is missed,
        // and Monday 9 being before the return, the make-up lands on Monday 16.
        let depots = [depot(1, Weekday::Mon)];
        let subs = [weekly(1, 1, 1)];
        let absences = [absence(
            1,
            date(2026, 3, 3),
            date(2026, 3, 11),
            AbsenceMode::MadeUp,
        )];
        assert_eq!(
            baskets_over(week(2026, 10), 3, &depots, &subs, &absences, &[], 1),
            [1, 0, 2]
        );
        // A fortnightly subscription missing a single due week gets one basket back.
        let subs = [fortnightly(1, 1, week(2026, 10))];
        let absences = [absence(
            1,
            date(2026, 3, 2),
            date(2026, 3, 22),
            AbsenceMode::MadeUp,
        )];
        // Due W10, W12, W14: away for W10 and W12 (Mondays 2 and 16), back for W14.
        assert_eq!(
            baskets_over(week(2026, 10), 5, &depots, &subs, &absences, &[], 1),
            [0, 0, 0, 0, 3]
        );
    }

    #[test]
    fn made_up_on_chosen_week() {
        let depots = [depot(1, Weekday::Fri)];
        let subs = [weekly(1, 1, 1)];
        let mut away = absence(1, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::MadeUp);
        away.makeup_monday = Some(week(2026, 14).monday());
        let absences = [away];
        assert_eq!(
            baskets_over(week(2026, 9), 7, &depots, &subs, &absences, &[], 1),
            [1, 0, 0, 1, 1, 3, 1]
        );
    }

    #[test]
    fn subscription_ending_or_starting_mid_week() {
        let depots = [depot(1, Weekday::Fri)];
        let mut sub = weekly(1, 1, 1);
        sub.start = date(2026, 3, 5); // Thursday: the Friday delivery counts.
        sub.end = Some(date(2026, 3, 18)); // Wednesday: the Friday after does not.
        let subs = [sub];
        assert_eq!(
            baskets_over(week(2026, 9), 4, &depots, &subs, &[], &[], 1),
            [0, 1, 1, 0]
        );
        // A make-up that cannot land before the end is dropped, not carried to nothing.
        let absences = [absence(
            1,
            date(2026, 3, 9),
            date(2026, 3, 20),
            AbsenceMode::MadeUp,
        )];
        assert_eq!(
            baskets_over(week(2026, 9), 6, &depots, &subs, &absences, &[], 1),
            [0, 1, 0, 0, 0, 0]
        );
    }

    #[test]
    fn inactive_depot_is_left_out() {
        let mut closed = depot(2, Weekday::Fri);
        closed.active = false;
        let depots = [depot(1, Weekday::Tue), closed];
        let subs = [weekly(1, 1, 1), weekly(2, 2, 2)];
        let plan = plan_week(week(2026, 20), &depots, &subs, &[], &[], &[]);
        assert_eq!(plan.depots.len(), 1);
        assert_eq!(plan.depots[0].depot_id, 1);
        assert_eq!(plan.depots[0].delivery, Delivery::On(date(2026, 5, 12)));
        assert!(line(&plan, 2).is_none());
        assert_eq!(plan.total_baskets(), 1);
    }

    #[test]
    fn totals_add_up_over_depots() {
        let depots = [depot(1, Weekday::Tue), depot(2, Weekday::Fri)];
        let mut subs = [weekly(1, 1, 1), weekly(2, 2, 2), weekly(3, 3, 2)];
        subs[1].size_id = 2;
        subs[2].quantity = 3;
        let plan = plan_week(week(2026, 20), &depots, &subs, &[], &[], &[]);
        assert_eq!(
            plan.depots[1].baskets_by_size(),
            BTreeMap::from([(1, 3), (2, 1)])
        );
        assert_eq!(plan.totals_by_size(), BTreeMap::from([(1, 4), (2, 1)]));
        assert_eq!(plan.depots[1].total_baskets(), 4);
    }
}
