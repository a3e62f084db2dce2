//! The figures of the activity report (bilan d'activité), read from the database.
//!
//! Conventions are those of [`crate::domain::activity`]. Baskets « delivered » are counted as
//! in [`super::week::funder_statement`]: pickup rows with status `retire` or `non_retire`
//! (a basket left at the depot was delivered; a donated one was not the household's), dated
//! by the depot's actual delivery day (holiday rules applied), that day inside the period.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::Result;
use crate::domain::activity::{
    ActivityFigures, BasketFigures, FunderLine, ProductionFigures, ReportPeriod, SectionChoice,
    WorkshopFigures, WorkshopLine, fill_months,
};
use crate::domain::calendar::IsoWeek;
use crate::domain::money::Cents;

/// Every figure of the chosen sections for `from`..=`to` (both included), made on `today`
/// (days after it are planned, see [`ReportPeriod`]).
pub fn activity_figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    today: NaiveDate,
) -> Result<ActivityFigures> {
    let period = ReportPeriod { from, to, today };
    Ok(ActivityFigures {
        from,
        to,
        today,
        insertion: sections
            .insertion
            .then(|| insertion_figures(conn, &period))
            .transpose()?,
        production: sections
            .production
            .then(|| production_figures(conn, from, to))
            .transpose()?,
        baskets: sections
            .baskets
            .then(|| basket_figures(conn, from, to))
            .transpose()?,
        workshops: sections
            .workshops
            .then(|| recorded_workshop_figures(conn, &period))
            .transpose()?,
    })
}

// ------------------------------------------------------------------------------- insertion

pub use super::insertion_figures::{fse_records, insertion_figures};

// ------------------------------------------------------------------------------ production

/// Harvest figures: kg per crop, per month (every month listed) and per destination.
pub fn production_figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ProductionFigures> {
    use super::harvests::{kg_by_crop, kg_by_destination, kg_by_month, unconverted_harvests};
    Ok(ProductionFigures {
        by_crop: kg_by_crop(conn, from, to)?,
        by_month: fill_months(from, to, &kg_by_month(conn, from, to)?),
        by_destination: kg_by_destination(conn, from, to)?
            .into_iter()
            .map(|(d, kg)| (d.label().to_string(), kg))
            .collect(),
        unconverted_lines: unconverted_harvests(conn, from, to)?
            .iter()
            .map(|u| u.lines)
            .sum(),
    })
}

// --------------------------------------------------------------------------------- baskets

/// Basket figures: baskets delivered per size and depot, households, solidarity households
/// and baskets, what they paid, and what each funder paid (from
/// [`super::week::funder_statement`]).
pub fn basket_figures(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<BasketFigures> {
    use super::baskets::{
        get_solidarity, list_basket_sizes, list_depots, list_funders, prices_of_size,
    };
    use super::calendar::{list_closures, list_holiday_rules};
    use crate::domain::baskets::price_on;
    use crate::domain::distribution::depot_delivery;
    let depots = list_depots(conn)?;
    let sizes = list_basket_sizes(conn)?;
    let closures = list_closures(conn)?;
    let rules = list_holiday_rules(conn)?;
    let first = IsoWeek::of(from).previous().monday();
    let mut stmt = conn.prepare(
        "SELECT s.id, s.member_id, s.shared_with, s.depot_id, s.size_id, p.monday, p.baskets,
                (SELECT count(*) FROM solidarity so WHERE so.subscription_id = s.id) AS solidarity
         FROM pickup p JOIN subscription s ON s.id = p.subscription_id
         WHERE p.status IN ('retire', 'non_retire') AND p.monday >= :first AND p.monday <= :to",
    )?;
    let mut rows = stmt.query(named_params! {":first": first, ":to": to})?;
    let mut by_size: HashMap<i64, i64> = HashMap::new();
    let mut by_depot: HashMap<i64, i64> = HashMap::new();
    let mut households: HashSet<i64> = HashSet::new();
    let mut solidarity_households: HashSet<i64> = HashSet::new();
    let mut figures = BasketFigures::default();
    let mut terms_cache = HashMap::new();
    let mut prices_cache = HashMap::new();
    while let Some(r) = rows.next()? {
        let sub_id: i64 = r.get("id")?;
        let depot_id: i64 = r.get("depot_id")?;
        let size_id: i64 = r.get("size_id")?;
        let monday: NaiveDate = r.get("monday")?;
        let baskets: i64 = r.get("baskets")?;
        let day = depots
            .iter()
            .find(|d| d.id == depot_id)
            .and_then(|d| depot_delivery(d, IsoWeek::of(monday), &closures, &rules).date())
            .unwrap_or(monday);
        if day < from || day > to {
            continue;
        }
        *by_size.entry(size_id).or_default() += baskets;
        *by_depot.entry(depot_id).or_default() += baskets;
        let member: i64 = r.get("member_id")?;
        households.insert(member);
        if let Some(other) = r.get::<_, Option<i64>>("shared_with")? {
            households.insert(other);
        }
        if r.get::<_, i64>("solidarity")? > 0 {
            use std::collections::hash_map::Entry;
            let prices = match prices_cache.entry(size_id) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(prices_of_size(conn, size_id)?),
            };
            let price: Cents = price_on(prices, day).unwrap_or(0);
            let terms = match terms_cache.entry(sub_id) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(get_solidarity(conn, sub_id)?),
            };
            if let Some(terms) = terms {
                solidarity_households.insert(member);
                figures.solidarity_baskets += baskets;
                figures.solidarity_value += price * baskets;
                figures.households_paid += terms.household_pays(price) * baskets;
            }
        }
    }
    figures.by_size = sizes
        .iter()
        .filter_map(|s| by_size.get(&s.id).map(|n| (s.name.clone(), *n)))
        .collect();
    figures.by_depot = depots
        .iter()
        .filter_map(|d| by_depot.get(&d.id).map(|n| (d.name.clone(), *n)))
        .collect();
    figures.households = households.len() as i64;
    figures.memberships = conn.query_row(
        "SELECT count(*) FROM membership WHERE year BETWEEN :first AND :last",
        named_params! {":first": from.year(), ":last": to.year()},
        |r| r.get(0),
    )?;
    figures.solidarity_households = solidarity_households.len() as i64;
    for funder in list_funders(conn)? {
        let statement = super::week::funder_statement(conn, funder.id, from, to)?;
        let (baskets, value, _, owed) = statement.totals();
        if baskets == 0 && owed == 0 {
            continue;
        }
        figures.funders.push(FunderLine {
            funder: statement.funder.clone(),
            households: statement.lines.len() as i64,
            baskets,
            value,
            owed,
        });
    }
    Ok(figures)
}

// ------------------------------------------------------------------------------- workshops

/// Workshop figures of the sessions up to today; when the period runs past today, the
/// sessions after it are counted apart as planned.
fn recorded_workshop_figures(conn: &Connection, period: &ReportPeriod) -> Result<WorkshopFigures> {
    let mut figures = workshop_figures(conn, period.from, period.recorded_to())?;
    if period.has_planned_days() {
        figures.planned_sessions = Some(conn.query_row(
            "SELECT count(*) FROM workshop_session WHERE date > :today AND date <= :to",
            named_params! {":today": period.today, ":to": period.to},
            |r| r.get(0),
        )?);
    }
    Ok(figures)
}

/// Workshop figures per type and in all (from [`super::workshops::workshop_counts`]).
pub fn workshop_figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<WorkshopFigures> {
    use super::workshops::{WorkshopCounts, workshop_counts, workshop_counts_by_type};
    let line = |label: &str, c: &WorkshopCounts| WorkshopLine {
        label: label.to_string(),
        sessions: c.sessions,
        participants: c.distinct_participants,
        attendances: c.attendances,
        hours: c.hours,
    };
    Ok(WorkshopFigures {
        by_type: workshop_counts_by_type(conn, from, to)?
            .iter()
            .map(|(t, c)| line(&t.name, c))
            .collect(),
        total: line("Total", &workshop_counts(conn, from, to)?),
        planned_sessions: None,
    })
}
