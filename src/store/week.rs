//! The distribution plan of a week, loaded from the database, and the next delivery week.

use chrono::{Days, NaiveDate, Weekday};
use rusqlite::Connection;
use rustc_hash::FxHashSet;

use super::Result;
use super::baskets::ticked::Covered;
use super::baskets::{list_depots, subscriptions_between};
use super::calendar::{absences_between, list_closures, list_holiday_rules};
use crate::domain::baskets::{Absence, Subscription};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{
    Delivery, MAKE_UP_WINDOW_WEEKS, NextDelivery, PlanLine, WeekPlan, main_week, plan_week,
};
use crate::domain::money::Cents;

/// How many weeks ahead `next_delivery_week` looks for a delivery.
pub const LOOK_AHEAD_WEEKS: i64 = 60;

/// The distribution plan of `week`: every active depot, its delivery and its lines.
///
/// Absences are loaded from [`MAKE_UP_WINDOW_WEEKS`] weeks back, so baskets made up after an
/// absence that ended up to that long ago are counted.
pub fn week_plan(conn: &Connection, week: IsoWeek) -> Result<WeekPlan> {
    let window = Window::of(week);
    let depots = list_depots(conn)?;
    let subscriptions = subscriptions_between(conn, window.subs_from, window.to)?;
    let absences = absences_between(conn, window.absences_from, window.to)?;
    let closures = list_closures(conn)?;
    let rules = list_holiday_rules(conn)?;
    Ok(plan_week(
        week,
        &depots,
        &subscriptions,
        &absences,
        &closures,
        &rules,
    ))
}

/// The days a week's plan reads: subscriptions running from a week before it to a week
/// after it (a delivery moved for a holiday may leave its week by a few days), absences
/// from [`MAKE_UP_WINDOW_WEEKS`] weeks before it (their baskets may be made up in it).
#[derive(Debug, Clone, Copy)]
struct Window {
    subs_from: NaiveDate,
    absences_from: NaiveDate,
    to: NaiveDate,
}

impl Window {
    fn of(week: IsoWeek) -> Window {
        let monday = week.monday();
        let sunday = week.day(Weekday::Sun);
        Window {
            subs_from: monday.checked_sub_days(Days::new(7)).unwrap_or(monday),
            absences_from: week.plus_weeks(-(MAKE_UP_WINDOW_WEEKS + 1)).monday(),
            to: sunday.checked_add_days(Days::new(7)).unwrap_or(sunday),
        }
    }

    fn has_subscription(&self, sub: &Subscription) -> bool {
        sub.start <= self.to && sub.end.is_none_or(|end| end >= self.subs_from)
    }

    fn has_absence(&self, absence: &Absence) -> bool {
        absence.start <= self.to && absence.end >= self.absences_from
    }
}

/// Each active depot's next delivery on or after `today` (today's included), up to
/// [`LOOK_AHEAD_WEEKS`] ahead: what "this week's sheets" print.
pub fn next_deliveries(conn: &Connection, today: NaiveDate) -> Result<Vec<NextDelivery>> {
    let depots = list_depots(conn)?;
    let closures = list_closures(conn)?;
    let rules = list_holiday_rules(conn)?;
    Ok(crate::domain::distribution::next_deliveries(
        &depots,
        &closures,
        &rules,
        today,
        LOOK_AHEAD_WEEKS,
    ))
}

/// The week to show next: the week most depots' next deliveries fall in (see
/// [`main_week`]); when no depot delivers (no depot, everything closed), the next week.
pub fn next_delivery_week(conn: &Connection, today: NaiveDate) -> Result<IsoWeek> {
    let next = next_deliveries(conn, today)?;
    Ok(main_week(&next).unwrap_or_else(|| IsoWeek::of(today).next()))
}

/// The distribution plans of `weeks` weeks from `from`, everything read once (for a season
/// view, a year's figures, the benchmark). Same rules as [`week_plan`].
pub fn plan_weeks(conn: &Connection, from: IsoWeek, weeks: u32) -> Result<Vec<WeekPlan>> {
    plan_weeks_of(conn, from, weeks, Covered::All)
}

/// [`plan_weeks`] with the subscriptions `covered` only (a subscription's line depends on
/// it and its holder's absences alone).
pub(crate) fn plan_weeks_of(
    conn: &Connection,
    from: IsoWeek,
    weeks: u32,
    covered: Covered,
) -> Result<Vec<WeekPlan>> {
    let last = from.plus_weeks(i64::from(weeks.max(1)) - 1);
    let (first, last) = (Window::of(from), Window::of(last));
    let depots = list_depots(conn)?;
    let mut subscriptions = subscriptions_between(conn, first.subs_from, last.to)?;
    let mut absences = absences_between(conn, first.absences_from, last.to)?;
    if let Some(ids) = covered.subscription_ids(conn)? {
        subscriptions.retain(|s| ids.contains(&s.id));
        let holders: FxHashSet<i64> = subscriptions.iter().map(|s| s.member_id).collect();
        absences.retain(|a| holders.contains(&a.member_id));
    }
    let closures = list_closures(conn)?;
    let rules = list_holiday_rules(conn)?;
    Ok((0..i64::from(weeks))
        .map(|i| {
            // Each week looks at what its own plan would read, not at years of history.
            let week = from.plus_weeks(i);
            let window = Window::of(week);
            let subscriptions: Vec<&Subscription> = subscriptions
                .iter()
                .filter(|s| window.has_subscription(s))
                .collect();
            let absences: Vec<&Absence> =
                absences.iter().filter(|a| window.has_absence(a)).collect();
            plan_week(week, &depots, &subscriptions, &absences, &closures, &rules)
        })
        .collect())
}

/// One subscription of a member in one coming week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComingBasket {
    /// The delivery week.
    pub week: IsoWeek,
    /// The pickup point.
    pub depot_id: i64,
    /// What happens at that depot this week (day, moved, closed, holiday).
    pub delivery: Delivery,
    /// The subscription's line in the week's plan; `None` when the depot does not deliver
    /// (closure, cancelled holiday) or the subscription is not due (the other fortnight).
    pub line: Option<PlanLine>,
}

impl ComingBasket {
    /// Baskets the household takes home this week: its usual quantity unless away
    /// (a donated basket goes to someone else), plus made-up baskets.
    pub fn baskets_for_member(&self) -> i64 {
        self.line.as_ref().map_or(0, |line| {
            let usual = if line.absent.is_none() {
                line.quantity
            } else {
                0
            };
            usual + line.make_up
        })
    }
}

/// The baskets of `member_id` (as holder or sharing household) over `weeks` weeks from
/// `from`, with absences, make-ups, closures and holidays applied by the same
/// [`plan_week`] the distribution sheets use. One entry per week and subscription running
/// that week; weeks without any subscription are left out.
pub fn coming_baskets(
    conn: &Connection,
    member_id: i64,
    from: IsoWeek,
    weeks: u32,
) -> Result<Vec<ComingBasket>> {
    let last = from.plus_weeks(i64::from(weeks.max(1)) - 1);
    let end = last.day(Weekday::Sun);
    let end = end.checked_add_days(Days::new(7)).unwrap_or(end);
    let start = from
        .monday()
        .checked_sub_days(Days::new(7))
        .unwrap_or(from.monday());
    let subscriptions: Vec<_> = subscriptions_between(conn, start, end)?
        .into_iter()
        .filter(|s| s.member_id == member_id || s.shared_with == Some(member_id))
        .collect();
    if subscriptions.is_empty() {
        return Ok(Vec::new());
    }
    let absences_from = from.plus_weeks(-(MAKE_UP_WINDOW_WEEKS + 1)).monday();
    let absences: Vec<_> = absences_between(conn, absences_from, end)?
        .into_iter()
        .filter(|a| subscriptions.iter().any(|s| s.member_id == a.member_id))
        .collect();
    let depots = list_depots(conn)?;
    let closures = list_closures(conn)?;
    let rules = list_holiday_rules(conn)?;
    let mut coming = Vec::new();
    for i in 0..i64::from(weeks) {
        let week = from.plus_weeks(i);
        let plan = plan_week(week, &depots, &subscriptions, &absences, &closures, &rules);
        for sub in &subscriptions {
            let Some(depot_plan) = plan.depots.iter().find(|d| d.depot_id == sub.depot_id) else {
                continue;
            };
            let line = depot_plan
                .lines
                .iter()
                .find(|l| l.subscription_id == sub.id)
                .cloned();
            // Show a week without delivery only when the subscription would have been due.
            let runs = depots
                .iter()
                .find(|d| d.id == sub.depot_id)
                .is_some_and(|d| {
                    crate::domain::distribution::subscription_due(sub, week, week.day(d.weekday))
                });
            if line.is_some() || (runs && !depot_plan.delivery.is_delivered()) {
                coming.push(ComingBasket {
                    week,
                    depot_id: sub.depot_id,
                    delivery: depot_plan.delivery.clone(),
                    line,
                });
            }
        }
    }
    Ok(coming)
}

/// One week of the season calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarWeek {
    /// The week.
    pub week: IsoWeek,
    /// Why the garden is closed this week, when it is.
    pub closure: Option<String>,
    /// French public holidays falling in the week.
    pub holidays: Vec<(NaiveDate, &'static str)>,
    /// Each active depot: its name, what happens there, baskets to prepare.
    pub depots: Vec<(String, Delivery, i64)>,
    /// Baskets to prepare, all depots.
    pub total: i64,
}

/// The season calendar of ISO year `year`: every week with its closure, holidays and
/// deliveries per depot.
pub fn season_calendar(conn: &Connection, year: i32) -> Result<Vec<CalendarWeek>> {
    use crate::domain::calendar::{french_holidays, weeks_in_year};
    let Some(first) = IsoWeek::new(year, 1) else {
        return Ok(Vec::new());
    };
    let plans = plan_weeks(conn, first, weeks_in_year(year))?;
    let depots = list_depots(conn)?;
    let closures = list_closures(conn)?;
    let mut holidays = french_holidays(year - 1);
    holidays.extend(french_holidays(year));
    holidays.extend(french_holidays(year + 1));
    Ok(plans
        .into_iter()
        .map(|plan| {
            let week = plan.week;
            CalendarWeek {
                week,
                closure: closures
                    .iter()
                    .find(|c| c.monday == week.monday())
                    .map(|c| c.reason.clone()),
                holidays: holidays
                    .iter()
                    .filter(|(d, _)| IsoWeek::of(*d) == week)
                    .copied()
                    .collect(),
                total: plan.total_baskets(),
                depots: plan
                    .depots
                    .iter()
                    .map(|d| {
                        let name = depots
                            .iter()
                            .find(|x| x.id == d.depot_id)
                            .map(|x| x.name.clone())
                            .unwrap_or_default();
                        (name, d.delivery.clone(), d.total_baskets())
                    })
                    .collect(),
            }
        })
        .collect())
}

/// One household's baskets under one period of terms, in a funder statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// "NOM Prénom".
    pub household: String,
    /// Basket size name.
    pub size: String,
    /// Days the terms applied within the period ("du 05/10/2026 au 30/11/2026").
    pub terms_from: NaiveDate,
    /// Last day of the terms within the period.
    pub terms_to: NaiveDate,
    /// Baskets delivered in the period (collected or left at the depot; donated ones are
    /// not the household's).
    pub baskets: i64,
    /// Their value at the price of each delivery day.
    pub value: Cents,
    /// What the household paid.
    pub household_paid: Cents,
    /// This funder's part of the remainder, in percent.
    pub share_percent: i64,
    /// What this funder owes (its part of the line's remainder, apportioned to the cent).
    pub funder_owes: Cents,
    /// What no funder pays because the shares total less than 100 %.
    pub unfunded: Cents,
    /// Percent of the remainder no funder pays.
    pub unfunded_percent: i64,
}

/// What a funder owes for a period, household by household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderStatement {
    /// The funder's name.
    pub funder: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// One line per household and period of terms, by household name.
    pub lines: Vec<StatementLine>,
    /// Households funded (a household with two subscriptions counts once).
    pub households: i64,
    /// Baskets of these households planned in the period but never ticked at pickup: not
    /// counted above until their pickups are recorded.
    pub unticked_baskets: i64,
}

impl FunderStatement {
    /// Totals (baskets, value, paid by households, owed by the funder).
    pub fn totals(&self) -> (i64, Cents, Cents, Cents) {
        self.lines.iter().fold((0, 0, 0, 0), |t, l| {
            (
                t.0 + l.baskets,
                t.1 + l.value,
                t.2 + l.household_paid,
                t.3 + l.funder_owes,
            )
        })
    }

    /// What no funder pays, all lines.
    pub fn unfunded(&self) -> Cents {
        self.lines.iter().map(|l| l.unfunded).sum()
    }
}

/// The statement of funder `funder_id` from `from` to `to` (delivery days, both included),
/// from the recorded pickups: each basket at the price of its delivery day under the terms
/// in force that day; the household pays its share, and the rest of each household's total
/// is apportioned among its funders to the cent (see [`crate::domain::solidarity::split`]).
pub fn funder_statement(
    conn: &Connection,
    funder_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<FunderStatement> {
    let baskets = super::baskets::solidarity_baskets(conn, from, to)?;
    statement_from(conn, funder_id, (from, to), &baskets)
}

/// [`funder_statement`] from `baskets`, read for a period from `from` or earlier to `to`
/// (several funders' statements share one reading of the pickups).
pub(crate) fn statement_from(
    conn: &Connection,
    funder_id: i64,
    (from, to): (NaiveDate, NaiveDate),
    baskets: &super::baskets::PeriodBaskets,
) -> Result<FunderStatement> {
    use super::baskets::{get_funder, solidarity_accounts};
    let funder = get_funder(conn, funder_id)?;
    let terms = super::baskets::all_solidarity_terms(conn)?;
    // The baskets of the period under terms this funder takes part in, the others left
    // before the accounts are made.
    let funded = |subscription_id: i64, day: NaiveDate| {
        day >= from
            && terms.get(&subscription_id).is_some_and(|periods| {
                crate::domain::solidarity::terms_on(periods, day)
                    .is_some_and(|t| t.funding.iter().any(|f| f.funder_id == funder_id))
            })
    };
    let delivered: Vec<_> = baskets
        .delivered
        .iter()
        .filter(|d| funded(d.subscription_id, d.day))
        .cloned()
        .collect();
    let mut lines = Vec::new();
    let mut households = std::collections::HashSet::new();
    for account in solidarity_accounts(conn, &delivered)? {
        let Some(i) = account
            .terms
            .funding
            .iter()
            .position(|f| f.funder_id == funder_id)
        else {
            continue;
        };
        households.insert(account.member_id);
        lines.push(StatementLine {
            household: account.household,
            size: account.size,
            terms_from: account.terms.start.max(from),
            terms_to: account.terms.end.map_or(to, |end| end.min(to)),
            baskets: account.baskets,
            value: account.split.value,
            household_paid: account.split.household,
            share_percent: account.terms.funding[i].share_percent,
            funder_owes: account.split.funders.get(i).copied().unwrap_or(0),
            unfunded: account.split.unfunded,
            unfunded_percent: account.terms.unfunded_percent(),
        });
    }
    let unticked_baskets = baskets
        .unticked
        .iter()
        .filter(|d| funded(d.subscription_id, d.day))
        .map(|d| d.baskets)
        .sum();
    Ok(FunderStatement {
        funder: funder.name,
        from,
        to,
        lines,
        households: households.len() as i64,
        unticked_baskets,
    })
}
