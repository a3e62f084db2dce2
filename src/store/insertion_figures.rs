//! The insertion figures of the activity report, read from the database.
//!
//! Conventions are those of [`crate::domain::activity`]: people followed are counted once
//! however many of their paths touch the period; entries and exits count paths; hours and
//! FTE follow [`crate::domain::activity::contract_time`]. Dated events (entries, exits,
//! trainings, immersions, follow-ups, FSE+ snapshots) count up to the last recorded day of
//! the period (today when the period runs past it).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};

use super::Result;
use crate::domain::activity::{
    AgeBand, ContractSpan, FseRecord, InsertionFigures, PersonInPeriod, ReportPeriod, WorkedHours,
    fse_lines, group_lines, person_time, total_time,
};
use crate::domain::employees::{
    EducationLevel, ExitCategory, ExitOutcome, ExitResult, FseStage, Gender, ImmersionObjective,
    LabourStatus, SensitiveAnswer, SixMonthResult, age_on, dynamic_exit_rate,
};

/// One path overlapping the period.
struct FollowedPath {
    employee_id: i64,
    gender: Gender,
    birth: Option<NaiveDate>,
    entry: NaiveDate,
    exit: Option<(NaiveDate, i64)>,
    exit_outcome: Option<String>,
}

/// The paths overlapping `from..=to`: entered by `to`, not left before `from`.
fn followed_paths(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<FollowedPath>> {
    let mut stmt = conn.prepare(
        "SELECT p.employee_id, e.gender, e.birth_date, p.entry_date, x.date AS exit_date,
                x.category AS exit_category, x.outcome AS exit_outcome
         FROM path p JOIN employee e ON e.id = p.employee_id
         LEFT JOIN exit x ON x.path_id = p.id
         WHERE p.entry_date <= :to AND (x.date IS NULL OR x.date >= :from)",
    )?;
    let rows = stmt.query_map(named_params! {":from": from, ":to": to}, |r| {
        let gender: String = r.get("gender")?;
        let exit_date: Option<NaiveDate> = r.get("exit_date")?;
        let category: Option<i64> = r.get("exit_category")?;
        Ok(FollowedPath {
            employee_id: r.get("employee_id")?,
            gender: Gender::from_code(&gender).unwrap_or(Gender::NonBinary),
            birth: r.get("birth_date")?,
            entry: r.get("entry_date")?,
            exit: exit_date.zip(category),
            exit_outcome: r.get("exit_outcome")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every contract starting by `to`, per employee, each cut at the exit of its path.
fn contract_spans(conn: &Connection, to: NaiveDate) -> Result<HashMap<i64, Vec<ContractSpan>>> {
    let mut stmt = conn.prepare(
        "SELECT c.employee_id, c.start_date, c.planned_end, c.actual_end, c.weekly_hours,
                x.date AS exit_date
         FROM contract c LEFT JOIN exit x ON x.path_id = c.path_id
         WHERE c.start_date <= :to",
    )?;
    let mut rows = stmt.query(named_params! {":to": to})?;
    let mut spans: HashMap<i64, Vec<ContractSpan>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let span = ContractSpan::new(
            r.get("start_date")?,
            r.get("planned_end")?,
            r.get("actual_end")?,
            r.get("exit_date")?,
            r.get("weekly_hours")?,
        );
        spans.entry(r.get("employee_id")?).or_default().push(span);
    }
    Ok(spans)
}

/// The people of `paths`, once each, with their time under contract in `period`. The age
/// band is the age on the later of the period's start and their earliest entry among
/// `paths`.
fn people_in_period(
    paths: &[FollowedPath],
    spans: &HashMap<i64, Vec<ContractSpan>>,
    worked: &HashMap<i64, WorkedHours>,
    period: &ReportPeriod,
) -> Vec<PersonInPeriod> {
    let no_payroll = WorkedHours::new();
    let mut first_path: BTreeMap<i64, &FollowedPath> = BTreeMap::new();
    for path in paths {
        first_path
            .entry(path.employee_id)
            .and_modify(|p| {
                if path.entry < p.entry {
                    *p = path;
                }
            })
            .or_insert(path);
    }
    first_path
        .values()
        .map(|p| PersonInPeriod {
            gender: p.gender,
            age_band: AgeBand::of(p.birth.map(|b| age_on(b, p.entry.max(period.from)))),
            time: person_time(
                spans.get(&p.employee_id).map_or(&[], Vec::as_slice),
                worked.get(&p.employee_id).unwrap_or(&no_payroll),
                period,
            ),
        })
        .collect()
}

/// Insertion figures: people followed, entries, exits, hours, FTE (recorded and planned),
/// trainings, immersions, follow-ups by theme and FSE+ indicators.
pub fn insertion_figures(conn: &Connection, period: &ReportPeriod) -> Result<InsertionFigures> {
    let (from, to) = (period.from, period.recorded_to());
    let paths = followed_paths(conn, from, to)?;
    let spans = contract_spans(conn, period.to)?;
    let worked = super::employees::worked_hours_between(conn, period.from, period.to)?;
    let people = people_in_period(&paths, &spans, &worked, period);
    let time = total_time(&people);
    let (by_gender, by_age) = group_lines(&people, period);
    let in_period = |date: NaiveDate| date >= from && date <= to;
    let exited: Vec<&FollowedPath> = paths
        .iter()
        .filter(|p| p.exit.is_some_and(|(date, _)| in_period(date)))
        .collect();
    let exit_categories: Vec<ExitCategory> = exited
        .iter()
        .filter_map(|p| p.exit.and_then(|(_, n)| ExitCategory::from_number(n)))
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
        exited
            .iter()
            .map(|p| p.exit_outcome.as_deref().and_then(ExitOutcome::from_code)),
    );
    let planned = period.has_planned_days();
    let mut figures = InsertionFigures {
        people_followed: people.len() as i64,
        entries: paths.iter().filter(|p| in_period(p.entry)).count() as i64,
        exits,
        dynamic_exit_rate: dynamic_exit_rate(&exit_categories),
        exit_outcomes,
        hours: time.hours,
        fte: time.fte(period),
        recorded_until: planned.then_some(period.today),
        planned_hours: planned.then_some(time.planned_hours),
        planned_fte: planned.then(|| time.planned_fte(period)),
        worked_hours: (time.payroll_months > 0).then_some(time.worked_hours),
        payroll_months: time.payroll_months,
        by_gender,
        by_age,
        ..InsertionFigures::default()
    };
    add_support_figures(conn, from, to, &mut figures)?;
    let records = fse_records(conn, from, to)?;
    figures.fse = fse_lines(&records);
    figures.fse_snapshots = records.len() as i64;
    Ok(figures)
}

/// Trainings, immersions and follow-ups of `from..=to`, added to `figures`.
fn add_support_figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    figures: &mut InsertionFigures,
) -> Result<()> {
    let params = named_params! {":from": from, ":to": to};
    (
        figures.trainings,
        figures.qualifying_trainings,
        figures.training_hours,
        figures.trained_people,
    ) = conn.query_row(
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
    figures.immersions = ImmersionObjective::ALL
        .iter()
        .map(|o| {
            let n = immersion_counts
                .iter()
                .find(|(code, _)| code == o.code())
                .map_or(0, |(_, n)| *n);
            (o.label().to_string(), n)
        })
        .collect();
    let minutes: i64;
    (figures.follow_ups, minutes) = conn.query_row(
        "SELECT count(*), coalesce(sum(duration_minutes), 0) FROM follow_up
         WHERE date BETWEEN :from AND :to",
        params,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    figures.follow_up_hours = minutes as f64 / 60.0;
    let mut stmt = conn.prepare(
        "SELECT t.name AS name, count(*) AS n FROM follow_up f
         JOIN follow_up_theme ft ON ft.follow_up_id = f.id JOIN theme t ON t.id = ft.theme_id
         WHERE f.date BETWEEN :from AND :to
         GROUP BY t.id ORDER BY n DESC, t.name COLLATE FR",
    )?;
    figures.themes = stmt
        .query_map(params, |r| Ok((r.get("name")?, r.get("n")?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(())
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
