//! Accueil's use cases: the week at a glance, the first steps of a new garden, the past
//! deliveries whose pickups were never ticked, and the households owing more than a set
//! amount.

use chrono::NaiveDate;

use super::{Garden, Result};
use crate::domain::calendar::IsoWeek;
use crate::domain::money::Cents;
use crate::store::dashboard::{self, Dashboard};
use crate::store::distribution::{self, UntickedWeek};
use crate::store::first_steps::{self, FirstSteps};

/// The figures of the week around `today` (deliveries, alerts, workshops, counts).
pub fn dashboard(garden: &Garden, today: NaiveDate) -> Result<Dashboard> {
    Ok(garden.read(|conn| dashboard::dashboard(conn, today))?)
}

/// Which of a new garden's first steps are done.
pub fn first_steps(garden: &Garden) -> Result<FirstSteps> {
    Ok(garden.with(|conn| first_steps::first_steps(conn))?)
}

/// The past delivery weeks (before `today`) whose pickups were not all ticked, oldest first.
pub fn unticked_weeks(garden: &Garden, today: NaiveDate) -> Result<Vec<UntickedWeek>> {
    Ok(garden.read(|conn| distribution::unticked_weeks(conn, today))?)
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

/// The setting: Accueil lists the households owing more than this many cents.
pub const DEBT_ALERT_KEY: &str = "debt_alert_cents";
/// What Accueil uses when the setting is not set: 50,00 €.
pub const DEBT_ALERT_DEFAULT: Cents = 5000;

/// One household owing more than the threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debt {
    /// The household.
    pub member_id: i64,
    /// "NOM Prénom".
    pub name: String,
    /// What it owes, in cents (positive).
    pub owed: Cents,
}

/// The households owing more than the threshold, most owed first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Debts {
    /// The threshold, in cents (`debt_alert_cents`).
    pub threshold: Cents,
    /// The households over it.
    pub households: Vec<Debt>,
}

/// The households owing more than the `debt_alert_cents` setting (50,00 € when not set)
/// on `today`: one reading of every balance.
pub fn debts(garden: &Garden, today: NaiveDate) -> Result<Debts> {
    Ok(garden.with(|conn| {
        let threshold = crate::store::settings::get(conn, DEBT_ALERT_KEY)?
            .and_then(|v| v.trim().parse::<Cents>().ok())
            .filter(|t| *t >= 0)
            .unwrap_or(DEBT_ALERT_DEFAULT);
        let owing: Vec<(i64, Cents)> = crate::store::payments::ledger::balances(conn, today)?
            .into_iter()
            .filter(|(_, balance)| -balance > threshold)
            .collect();
        let ids: Vec<i64> = owing.iter().map(|(id, _)| *id).collect();
        let members = crate::store::members::members_by_id(conn, &ids)?;
        let mut households = Vec::new();
        for (member_id, balance) in owing {
            let m = members
                .get(&member_id)
                .ok_or(crate::store::StoreError::NotFound("Adhérent"))?;
            households.push(Debt {
                member_id,
                name: crate::domain::text::list_name(&m.first_name, &m.last_name),
                owed: -balance,
            });
        }
        households.sort_by(|a, b| b.owed.cmp(&a.owed).then_with(|| a.name.cmp(&b.name)));
        Ok(Debts {
            threshold,
            households,
        })
    })?)
}
