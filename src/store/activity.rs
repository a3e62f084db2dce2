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
use crate::domain::money::Cents;

/// What the activity report prints besides its date: the garden's name and logo, and the
/// figures of the chosen sections.
#[derive(Debug, Clone)]
pub struct ActivityData {
    /// Garden name for the cover and the header.
    pub garden_name: String,
    /// Logo, if any.
    pub logo_path: Option<std::path::PathBuf>,
    /// The figures.
    pub figures: ActivityFigures,
}

/// The garden's identity and the figures of the chosen sections for `from`..=`to`, made on
/// `today`, read in one transaction.
pub fn activity_data(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
    today: NaiveDate,
) -> Result<ActivityData> {
    super::snapshot(conn, |conn| {
        let identity = super::settings::garden_identity(conn)?;
        let logo = identity.logo_path.trim();
        Ok(ActivityData {
            logo_path: (!logo.is_empty()).then(|| std::path::PathBuf::from(logo)),
            garden_name: identity.name,
            figures: activity_figures(conn, from, to, sections, today)?,
        })
    })
}

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
            .then(|| basket_figures(conn, from, period.recorded_to()))
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
/// and baskets under the terms in force on each delivery day, what households and each
/// funder paid (apportioned to the cent), the unfunded rest, and the baskets planned but
/// never ticked (apart).
pub fn basket_figures(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<BasketFigures> {
    use super::baskets::{list_basket_sizes, list_depots, period_baskets, solidarity_accounts};
    let depots = list_depots(conn)?;
    let sizes = list_basket_sizes(conn)?;
    let period = period_baskets(conn, from, to)?;
    let mut by_size: HashMap<i64, i64> = HashMap::new();
    let mut by_depot: HashMap<i64, i64> = HashMap::new();
    let mut households: HashSet<i64> = HashSet::new();
    for d in &period.delivered {
        *by_size.entry(d.size_id).or_default() += d.baskets;
        *by_depot.entry(d.depot_id).or_default() += d.baskets;
        households.insert(d.member_id);
        households.extend(d.shared_with);
    }
    let mut figures = BasketFigures {
        by_size: sizes
            .iter()
            .filter_map(|s| by_size.get(&s.id).map(|n| (s.name.clone(), *n)))
            .collect(),
        by_depot: depots
            .iter()
            .filter_map(|d| by_depot.get(&d.id).map(|n| (d.name.clone(), *n)))
            .collect(),
        households: households.len() as i64,
        unticked_baskets: period.unticked.iter().map(|d| d.baskets).sum(),
        ..BasketFigures::default()
    };
    figures.memberships = conn.query_row(
        "SELECT count(*) FROM membership WHERE year BETWEEN :first AND :last",
        named_params! {":first": from.year(), ":last": to.year()},
        |r| r.get(0),
    )?;
    (
        figures.basket_revenue,
        figures.membership_revenue,
        figures.adjustments,
    ) = super::payments::ledger::charged_revenue(conn, from, to)?;
    let accounts = solidarity_accounts(conn, &period.delivered)?;
    let mut solidarity_households: HashSet<i64> = HashSet::new();
    // funder id → (households, baskets, value, owed)
    let mut by_funder: HashMap<i64, (HashSet<i64>, i64, Cents, Cents)> = HashMap::new();
    for a in &accounts {
        solidarity_households.insert(a.member_id);
        figures.solidarity_baskets += a.baskets;
        figures.solidarity_value += a.split.value;
        figures.households_paid += a.split.household;
        figures.unfunded += a.split.unfunded;
        for (share, owed) in a.terms.funding.iter().zip(&a.split.funders) {
            let f = by_funder.entry(share.funder_id).or_default();
            f.0.insert(a.member_id);
            f.1 += a.baskets;
            f.2 += a.split.value;
            f.3 += owed;
        }
    }
    figures.solidarity_households = solidarity_households.len() as i64;
    for funder in super::baskets::list_funders(conn)? {
        if let Some((households, baskets, value, owed)) = by_funder.remove(&funder.id) {
            figures.funders.push(FunderLine {
                funder: funder.name,
                households: households.len() as i64,
                baskets,
                value,
                owed,
            });
        }
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
