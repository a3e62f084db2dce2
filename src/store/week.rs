//! The distribution plan of a week, loaded from the database, and the next delivery week.

use chrono::{Days, NaiveDate, Weekday};
use rusqlite::Connection;

use super::Result;
use super::baskets::{list_depots, subscriptions_between};
use super::calendar::{absences_between, list_closures, list_holiday_rules};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::{MAKE_UP_WINDOW_WEEKS, WeekPlan, depot_delivery, plan_week};

/// How many weeks ahead `next_delivery_week` looks for a delivery.
pub const LOOK_AHEAD_WEEKS: i64 = 60;

/// The distribution plan of `week`: every active depot, its delivery and its lines.
///
/// Absences are loaded from [`MAKE_UP_WINDOW_WEEKS`] weeks back, so baskets made up after an
/// absence that ended up to that long ago are counted.
pub fn week_plan(conn: &Connection, week: IsoWeek) -> Result<WeekPlan> {
    let monday = week.monday();
    let sunday = week.day(Weekday::Sun);
    // A delivery moved for a holiday may leave its week by a few days.
    let subs_from = monday.checked_sub_days(Days::new(7)).unwrap_or(monday);
    let subs_to = sunday.checked_add_days(Days::new(7)).unwrap_or(sunday);
    let absences_from = week.plus_weeks(-(MAKE_UP_WINDOW_WEEKS + 1)).monday();
    let depots = list_depots(conn)?;
    let subscriptions = subscriptions_between(conn, subs_from, subs_to)?;
    let absences = absences_between(conn, absences_from, subs_to)?;
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

/// The week to prepare next: this week if an active depot still delivers on or after
/// `today`, else the first following week (up to [`LOOK_AHEAD_WEEKS`] ahead) where one
/// delivers; when none does (no depot, everything closed), the next week.
pub fn next_delivery_week(conn: &Connection, today: NaiveDate) -> Result<IsoWeek> {
    let depots = list_depots(conn)?;
    let closures = list_closures(conn)?;
    let rules = list_holiday_rules(conn)?;
    let delivery_dates = |week: IsoWeek| {
        depots
            .iter()
            .filter(|depot| depot.active)
            .filter_map(|depot| depot_delivery(depot, week, &closures, &rules).date())
            .collect::<Vec<_>>()
    };
    let this_week = IsoWeek::of(today);
    if delivery_dates(this_week).iter().any(|date| *date >= today) {
        return Ok(this_week);
    }
    let found = (1..=LOOK_AHEAD_WEEKS)
        .map(|i| this_week.plus_weeks(i))
        .find(|week| !delivery_dates(*week).is_empty());
    Ok(found.unwrap_or_else(|| this_week.next()))
}
