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
    ActivityFigures, AgeBand, BasketFigures, FseRecord, FunderLine, InsertionFigures,
    PersonInPeriod, ProductionFigures, SectionChoice, WorkshopFigures, WorkshopLine,
    contract_hours, fill_months, fse_lines, fte, group_lines,
};
use crate::domain::employees::{
    EducationLevel, ExitCategory, ExitOutcome, ExitResult, FseStage, Gender, ImmersionObjective,
    LabourStatus, SensitiveAnswer, SixMonthResult, age_on, dynamic_exit_rate,
};
use crate::domain::money::Cents;

/// Every figure of the chosen sections for `from`..=`to` (both included).
pub fn activity_figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    sections: SectionChoice,
) -> Result<ActivityFigures> {
    Ok(ActivityFigures {
        from,
        to,
        insertion: sections
            .insertion
            .then(|| insertion_figures(conn, from, to))
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
            .then(|| workshop_figures(conn, from, to))
            .transpose()?,
    })
}

// ------------------------------------------------------------------------------- insertion

/// Insertion figures: people followed, entries, exits, hours, FTE, trainings, immersions,
/// follow-ups by theme and FSE+ indicators.
pub fn insertion_figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<InsertionFigures> {
    let params = named_params! {":from": from, ":to": to};
    // People whose path overlaps the period.
    let mut stmt = conn.prepare(
        "SELECT e.id, e.gender, e.birth_date, e.entry_date, x.date AS exit_date,
                x.category AS exit_category, x.outcome AS exit_outcome
         FROM employee e LEFT JOIN exit x ON x.employee_id = e.id
         WHERE e.entry_date <= :to AND (x.date IS NULL OR x.date >= :from)",
    )?;
    struct Followed {
        id: i64,
        gender: Gender,
        birth: Option<NaiveDate>,
        entry: NaiveDate,
        exit: Option<(NaiveDate, i64)>,
        exit_outcome: Option<String>,
    }
    let followed = stmt
        .query_map(params, |r| {
            let gender: String = r.get("gender")?;
            let exit_date: Option<NaiveDate> = r.get("exit_date")?;
            let category: Option<i64> = r.get("exit_category")?;
            Ok(Followed {
                id: r.get("id")?,
                gender: Gender::from_code(&gender).unwrap_or(Gender::NonBinary),
                birth: r.get("birth_date")?,
                entry: r.get("entry_date")?,
                exit: exit_date.zip(category),
                exit_outcome: r.get("exit_outcome")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut hours_of: HashMap<i64, f64> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT employee_id, start_date, coalesce(actual_end, planned_end) AS end_date,
                weekly_hours
         FROM contract WHERE start_date <= :to AND coalesce(actual_end, planned_end) >= :from",
    )?;
    let mut rows = stmt.query(params)?;
    while let Some(r) = rows.next()? {
        let hours = contract_hours(
            r.get("weekly_hours")?,
            r.get("start_date")?,
            r.get("end_date")?,
            from,
            to,
        );
        *hours_of.entry(r.get("employee_id")?).or_default() += hours;
    }
    let people: Vec<PersonInPeriod> = followed
        .iter()
        .map(|f| PersonInPeriod {
            gender: f.gender,
            age_band: AgeBand::of(f.birth.map(|b| age_on(b, f.entry.max(from)))),
            hours: hours_of.get(&f.id).copied().unwrap_or(0.0),
        })
        .collect();
    let hours: f64 = people.iter().map(|p| p.hours).sum();
    let (by_gender, by_age) = group_lines(&people, from, to);
    let exit_categories: Vec<ExitCategory> = followed
        .iter()
        .filter_map(|f| f.exit)
        .filter(|(date, _)| *date >= from && *date <= to)
        .filter_map(|(_, n)| ExitCategory::from_number(n))
        .collect();
    let exits = ExitCategory::ALL
        .iter()
        .map(|c| {
            (
                *c,
                exit_categories.iter().filter(|x| *x == c).count() as i64,
            )
        })
        .collect();
    let exit_outcomes = exit_outcome_counts(
        followed
            .iter()
            .filter(|f| f.exit.is_some_and(|(date, _)| date >= from && date <= to))
            .map(|f| f.exit_outcome.as_deref().and_then(ExitOutcome::from_code)),
    );
    let entries = followed
        .iter()
        .filter(|f| f.entry >= from && f.entry <= to)
        .count() as i64;

    let (trainings, qualifying_trainings, training_hours, trained_people) = conn.query_row(
        "SELECT count(*), coalesce(sum(qualifying), 0), coalesce(sum(hours), 0.0),
                count(DISTINCT employee_id)
         FROM training WHERE start_date BETWEEN :from AND :to",
        params,
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let mut stmt = conn.prepare(
        "SELECT objective, count(*) AS n FROM immersion
         WHERE start_date BETWEEN :from AND :to GROUP BY objective",
    )?;
    let immersion_counts = stmt
        .query_map(params, |r| {
            Ok((r.get::<_, String>("objective")?, r.get::<_, i64>("n")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let immersions = ImmersionObjective::ALL
        .iter()
        .map(|o| {
            let n = immersion_counts
                .iter()
                .find(|(code, _)| code == o.code())
                .map_or(0, |(_, n)| *n);
            (o.label().to_string(), n)
        })
        .collect();
    let (follow_ups, minutes): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(duration_minutes), 0) FROM follow_up
         WHERE date BETWEEN :from AND :to",
        params,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare(
        "SELECT t.name AS name, count(*) AS n FROM follow_up f
         JOIN follow_up_theme ft ON ft.follow_up_id = f.id JOIN theme t ON t.id = ft.theme_id
         WHERE f.date BETWEEN :from AND :to
         GROUP BY t.id ORDER BY n DESC, t.name COLLATE NOCASE",
    )?;
    let themes = stmt
        .query_map(params, |r| Ok((r.get("name")?, r.get("n")?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let records = fse_records(conn, from, to)?;
    Ok(InsertionFigures {
        people_followed: followed.len() as i64,
        entries,
        exits,
        dynamic_exit_rate: dynamic_exit_rate(&exit_categories),
        exit_outcomes,
        hours,
        fte: fte(hours, from, to),
        by_gender,
        by_age,
        trainings,
        qualifying_trainings,
        training_hours,
        trained_people,
        immersions,
        follow_ups,
        follow_up_hours: minutes as f64 / 60.0,
        themes,
        fse: fse_lines(&records),
        fse_snapshots: records.len() as i64,
    })
}

/// Exits counted per job found, in [`ExitOutcome::ALL`]'s order, situations without an exit
/// left out, the exits without one last (« Non renseignée »).
fn exit_outcome_counts(outcomes: impl Iterator<Item = Option<ExitOutcome>>) -> Vec<(String, i64)> {
    let outcomes: Vec<Option<ExitOutcome>> = outcomes.collect();
    let count = |wanted: Option<ExitOutcome>| outcomes.iter().filter(|o| **o == wanted).count();
    ExitOutcome::ALL
        .iter()
        .map(|o| (o.label(), count(Some(*o))))
        .chain([("Non renseignée", count(None))])
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| (label.to_owned(), n as i64))
        .collect()
}

/// The FSE+ snapshots taken in the period, as stored (never recomputed from the profile).
pub fn fse_records(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<FseRecord>> {
    let mut stmt = conn.prepare(
        "SELECT stage, gender, age, education_level, labour_status, exit_result,
                six_month_result, disability, foreign_origin, minority, homeless
         FROM fse_snapshot WHERE taken_on BETWEEN :from AND :to",
    )?;
    let rows = stmt.query_map(named_params! {":from": from, ":to": to}, |r| {
        let text = |name: &str| -> rusqlite::Result<String> { r.get(name) };
        let sensitive = |name: &str| -> rusqlite::Result<Option<SensitiveAnswer>> {
            Ok(SensitiveAnswer::from_code(&text(name)?))
        };
        Ok(FseRecord {
            stage: FseStage::from_code(&text("stage")?).unwrap_or(FseStage::Entry),
            gender: Gender::from_code(&text("gender")?).unwrap_or(Gender::NonBinary),
            age: r.get("age")?,
            education: EducationLevel::from_code(&text("education_level")?),
            labour_status: LabourStatus::from_code(&text("labour_status")?),
            sensitive: [
                sensitive("disability")?,
                sensitive("foreign_origin")?,
                sensitive("minority")?,
                sensitive("homeless")?,
            ],
            exit_result: ExitResult::from_code(&text("exit_result")?),
            six_month_result: SixMonthResult::from_code(&text("six_month_result")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

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
    })
}
