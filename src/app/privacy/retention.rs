//! Retention settings and the due list.

use chrono::NaiveDate;

use crate::app::{Error, Garden, Result};
use crate::domain::privacy::{self, Due, LastActivity, MAX_YEARS, Person, Retention};
use crate::store::privacy as store;

/// What « Protection des données » shows.
#[derive(Debug, Clone)]
pub struct PrivacyData {
    /// The retention settings in force.
    pub retention: Retention,
    /// Everyone past retention on the day asked, soonest due first.
    pub due: Vec<Due>,
}

/// The retention form as typed: numbers of years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionForm {
    /// Employees.
    pub employee_years: String,
    /// Households.
    pub member_years: String,
    /// Outside workshop participants.
    pub participant_years: String,
}

impl From<Retention> for RetentionForm {
    fn from(r: Retention) -> Self {
        RetentionForm {
            employee_years: r.employee_years.to_string(),
            member_years: r.member_years.to_string(),
            participant_years: r.participant_years.to_string(),
        }
    }
}

/// The field labels validation errors name.
pub mod fields {
    /// Employees' retention.
    pub const EMPLOYEE_YEARS: &str = "Salariés (années)";
    /// Households' retention.
    pub const MEMBER_YEARS: &str = "Adhérents (années)";
    /// Outside participants' retention.
    pub const PARTICIPANT_YEARS: &str = "Participants extérieurs (années)";
}

/// The retention settings and who is due on `today`.
pub fn load(garden: &Garden, today: NaiveDate) -> Result<PrivacyData> {
    Ok(garden.read(|conn| {
        let retention = store::retention(conn)?;
        let activities = store::last_activities(conn, today)?;
        Ok(PrivacyData {
            due: privacy::due_list(&activities, &retention, today),
            retention,
        })
    })?)
}

/// Everyone past retention on `today`, soonest due first.
pub fn due_list(garden: &Garden, today: NaiveDate) -> Result<Vec<Due>> {
    Ok(load(garden, today)?.due)
}

/// How many people are past retention on `today` (for a reminder on Accueil).
pub fn due_count(garden: &Garden, today: NaiveDate) -> Result<usize> {
    Ok(due_list(garden, today)?.len())
}

/// Checks and saves the retention settings; answers them.
pub fn save_retention(garden: &Garden, form: &RetentionForm) -> Result<Retention> {
    let read = |field: &'static str, text: &str| {
        privacy::parse_years(text).ok_or_else(|| {
            Error::invalid(
                field,
                format!("Un nombre entier d'années, de 1 à {MAX_YEARS}."),
            )
        })
    };
    let retention = Retention {
        employee_years: read(fields::EMPLOYEE_YEARS, &form.employee_years)?,
        member_years: read(fields::MEMBER_YEARS, &form.member_years)?,
        participant_years: read(fields::PARTICIPANT_YEARS, &form.participant_years)?,
    };
    garden.change(|conn| store::save_retention(conn, &retention))?;
    Ok(retention)
}

/// Where one employee stands, for the confirmation of « Anonymiser maintenant ».
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Already anonymised.
    Anonymised,
    /// A path or contract is still running.
    Current,
    /// Their file must still be kept until this day (retention runs).
    KeptUntil(NaiveDate),
    /// Past retention: may be anonymised.
    Due,
    /// Nothing dated to count retention from.
    Undated,
}

/// Where `person` stands on `today` with regard to retention.
pub fn standing(garden: &Garden, person: &Person, today: NaiveDate) -> Result<Standing> {
    Ok(garden.with(|conn| {
        let retention = store::retention(conn)?;
        Ok(match store::last_activity(conn, person, today)? {
            None => Standing::Anonymised,
            Some(activity) => standing_of(&activity, &retention, today),
        })
    })?)
}

fn standing_of(activity: &LastActivity, retention: &Retention, today: NaiveDate) -> Standing {
    if activity.current {
        return Standing::Current;
    }
    match activity.last {
        None => Standing::Undated,
        Some(last) => {
            let since = privacy::years_after(last, retention.years(activity.person.kind()));
            if today >= since {
                Standing::Due
            } else {
                Standing::KeptUntil(since)
            }
        }
    }
}

/// The setting holding the day Accueil's privacy reminder was last put off.
pub const REMINDED_ON: &str = "privacy_reminded_on";

/// Accueil's yearly reminder: how many people are past retention on `today`, when some are
/// and the reminder was not put off less than a year ago; `None` otherwise.
pub fn reminder(garden: &Garden, today: NaiveDate) -> Result<Option<usize>> {
    let put_off: Option<NaiveDate> = garden.with(|conn| {
        Ok::<_, crate::store::StoreError>(
            crate::store::settings::get(conn, REMINDED_ON)?
                .and_then(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok()),
        )
    })?;
    if put_off.and_then(|d| d.checked_add_months(chrono::Months::new(12))) > Some(today) {
        return Ok(None);
    }
    let due = due_count(garden, today)?;
    Ok((due > 0).then_some(due))
}

/// « Me le rappeler dans un an »: puts Accueil's reminder off until a year after `today`.
pub fn put_off_reminder(garden: &Garden, today: NaiveDate) -> Result<()> {
    let value = today.format("%Y-%m-%d").to_string();
    Ok(garden.change(|conn| crate::store::settings::set(conn, REMINDED_ON, &value))?)
}
