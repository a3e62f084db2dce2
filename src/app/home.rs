//! Accueil's use cases: the week at a glance, the first steps of a new garden, and the past
//! deliveries whose pickups were never ticked.

use chrono::NaiveDate;

use super::{Garden, Result};
use crate::domain::calendar::IsoWeek;
use crate::store::dashboard::{self, Dashboard};
use crate::store::distribution::{self, UntickedWeek};
use crate::store::first_steps::{self, FirstSteps};

/// The figures of the week around `today` (deliveries, alerts, workshops, counts).
pub fn dashboard(garden: &Garden, today: NaiveDate) -> Result<Dashboard> {
    Ok(garden.with(|conn| dashboard::dashboard(conn, today))?)
}

/// Which of a new garden's first steps are done.
pub fn first_steps(garden: &Garden) -> Result<FirstSteps> {
    Ok(garden.with(|conn| first_steps::first_steps(conn))?)
}

/// The past delivery weeks (before `today`) whose pickups were not all ticked, oldest first.
pub fn unticked_weeks(garden: &Garden, today: NaiveDate) -> Result<Vec<UntickedWeek>> {
    Ok(garden.with(|conn| distribution::unticked_weeks(conn, today))?)
}

/// What « Tous retirés sauf absents » recorded: how many lines, and the weeks still left.
#[derive(Debug, Clone)]
pub struct Marked {
    /// Lines recorded (households ticked collected or given away).
    pub lines: usize,
    /// The weeks still unticked before today, read again in the same transaction.
    pub weeks: Vec<UntickedWeek>,
}

/// Ticks everyone at `depot_id` in `week` as collected except the absent, then reads the
/// weeks still unticked before `today`; refused on a garden open read-only.
pub fn mark_all_collected(
    garden: &Garden,
    week: IsoWeek,
    depot_id: i64,
    today: NaiveDate,
) -> Result<Marked> {
    Ok(garden.change(|conn| {
        let lines = distribution::mark_all_collected(conn, week, depot_id)?;
        let weeks = distribution::unticked_weeks(conn, today)?;
        Ok(Marked { lines, weeks })
    })?)
}
