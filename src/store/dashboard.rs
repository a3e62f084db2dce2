//! Accueil's figures: this week at a glance, computed from real data.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Result;
use super::baskets::list_basket_sizes;
use super::baskets::list_depots;
use super::employees::{employee_alerts, employees_in_path};
use super::members::{MemberCounts, REVIEW_NOTICE_DAYS, member_counts, solidarity_reviews_due};
use super::week::{LOOK_AHEAD_WEEKS, week_plan};
use super::workshops::{SessionSummary, unfilled_sessions, upcoming_sessions};
use crate::domain::baskets::{BasketSize, Depot};
use crate::domain::calendar::IsoWeek;
use crate::domain::distribution::Delivery;
use crate::domain::employees::EmployeeAlert;

/// How many coming workshop sessions are listed.
pub const SESSIONS_SHOWN: usize = 5;

/// One depot's next delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct DepotGlance {
    /// Depot name.
    pub name: String,
    /// The week and day of its next delivery on or after today; `None` when none is planned
    /// within [`LOOK_AHEAD_WEEKS`].
    pub next: Option<(IsoWeek, Delivery)>,
    /// A usual delivery day before that one which will not happen (closure, holiday).
    pub skipped: Option<(IsoWeek, Delivery)>,
    /// Baskets to prepare per size for that delivery, in the order of [`Dashboard::sizes`].
    pub baskets: Vec<i64>,
    /// Baskets to prepare in all for that delivery.
    pub total: i64,
    /// Members away for that delivery.
    pub absent: i64,
}

/// Everything Accueil shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// The day the figures are for.
    pub today: NaiveDate,
    /// Names of the active basket sizes, in display order.
    pub sizes: Vec<String>,
    /// Each active depot, by name, with its next delivery.
    pub depots: Vec<DepotGlance>,
    /// Baskets to prepare per size over all depots' next deliveries.
    pub totals: Vec<i64>,
    /// People needing attention: contract or PASS IAE ending, 24-month cap near, FSE+
    /// questionnaire due (see `store::employees::employee_alerts`), soonest first.
    pub employee_alerts: Vec<EmployeeAlert>,
    /// Paniers Solidaires referrals to review within `REVIEW_NOTICE_DAYS`: (member id,
    /// "NOM Prénom", review date), soonest first.
    pub solidarity_reviews: Vec<(i64, String, NaiveDate)>,
    /// The next workshop sessions.
    pub sessions: Vec<SessionSummary>,
    /// Past sessions whose attendance was never filled in.
    pub unfilled_sessions: usize,
    /// Past sessions whose attendance was filled in for some people only.
    pub partly_filled_sessions: usize,
    /// Employees currently in an insertion path.
    pub employees_in_path: i64,
    /// Members and Paniers Solidaires figures.
    pub members: MemberCounts,
}

/// Computes Accueil's figures for `today`.
pub fn dashboard(conn: &Connection, today: NaiveDate) -> Result<Dashboard> {
    let sizes: Vec<_> = list_basket_sizes(conn)?
        .into_iter()
        .filter(|s| s.active)
        .collect();
    let depots = next_deliveries(conn, today, &sizes)?;
    let mut totals = vec![0; sizes.len()];
    for depot in &depots {
        for (total, count) in totals.iter_mut().zip(&depot.baskets) {
            *total += count;
        }
    }
    Ok(Dashboard {
        today,
        sizes: sizes.into_iter().map(|s| s.name).collect(),
        depots,
        totals,
        employee_alerts: employee_alerts(conn, today)?,
        solidarity_reviews: solidarity_reviews_due(
            conn,
            today + chrono::Days::new(REVIEW_NOTICE_DAYS),
        )?,
        sessions: upcoming_sessions(conn, today, SESSIONS_SHOWN)?,
        unfilled_sessions: unfilled_sessions(conn, today)?.len(),
        partly_filled_sessions: super::workshops::partly_filled_sessions(conn, today)?.len(),
        employees_in_path: employees_in_path(conn, today)?,
        members: member_counts(conn, today)?,
    })
}

/// Each active depot's next delivery on or after `today`, walking the weeks from this one.
fn next_deliveries(
    conn: &Connection,
    today: NaiveDate,
    sizes: &[BasketSize],
) -> Result<Vec<DepotGlance>> {
    let active: Vec<Depot> = list_depots(conn)?
        .into_iter()
        .filter(|d| d.active)
        .collect();
    let mut glances: Vec<DepotGlance> = active
        .iter()
        .map(|d| DepotGlance {
            name: d.name.clone(),
            next: None,
            skipped: None,
            baskets: vec![0; sizes.len()],
            total: 0,
            absent: 0,
        })
        .collect();
    let mut week = IsoWeek::of(today);
    for _ in 0..LOOK_AHEAD_WEEKS {
        if glances.iter().all(|g| g.next.is_some()) {
            break;
        }
        let plan = week_plan(conn, week)?;
        for (depot, glance) in active
            .iter()
            .zip(glances.iter_mut())
            .filter(|(_, g)| g.next.is_none())
        {
            let Some(depot_plan) = plan.depots.iter().find(|p| p.depot_id == depot.id) else {
                continue;
            };
            match depot_plan.delivery.date() {
                Some(date) if date >= today => {
                    let by_size = depot_plan.baskets_by_size();
                    glance.baskets = sizes
                        .iter()
                        .map(|s| by_size.get(&s.id).copied().unwrap_or(0))
                        .collect();
                    glance.total = glance.baskets.iter().sum();
                    glance.absent = depot_plan
                        .lines
                        .iter()
                        .filter(|l| l.absent.is_some())
                        .count() as i64;
                    glance.next = Some((week, depot_plan.delivery.clone()));
                }
                None if glance.skipped.is_none() && week.day(depot.weekday) >= today => {
                    glance.skipped = Some((week, depot_plan.delivery.clone()));
                }
                _ => {}
            }
        }
        week = week.next();
    }
    Ok(glances)
}
