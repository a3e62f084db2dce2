//! Protection of personal data (RGPD): how long files are kept, who is past that time, and
//! the birth date an anonymised employee keeps so that the activity report's age bands stay
//! the same.
//!
//! A person is *due* for anonymisation once their retention period has run from the last
//! day the garden worked with them, and nothing about them is current: an employee with a
//! path still open, a household with a running subscription or still « actif » / « en
//! attente », an outside participant registered for a session to come are never due.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::activity::AgeBand;
use crate::domain::employees::age_on;

/// Setting key: years an employee's file is kept after the end of their last path.
pub const EMPLOYEE_YEARS_KEY: &str = "retention_employee_years";
/// Setting key: years a household is kept after its last basket or membership.
pub const MEMBER_YEARS_KEY: &str = "retention_member_years";
/// Setting key: years an outside workshop participant is kept after their last session.
pub const PARTICIPANT_YEARS_KEY: &str = "retention_participant_years";

/// The longest retention a setting accepts, in years.
pub const MAX_YEARS: u32 = 50;

/// The label an anonymised employee takes, followed by their number.
pub const EMPLOYEE_LABEL: &str = "Personne anonymisée n° ";
/// The label an anonymised household takes, followed by its number.
pub const MEMBER_LABEL: &str = "Foyer anonymisé n° ";
/// The label an anonymised outside participant takes, followed by a number.
pub const PARTICIPANT_LABEL: &str = "Participant anonymisé n° ";

/// How long files are kept, in whole years, per kind of person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Employees: after the end of their last path (default 5).
    pub employee_years: u32,
    /// Households: after their last basket, subscription or membership (default 3).
    pub member_years: u32,
    /// Outside workshop participants: after their last session (default 1).
    pub participant_years: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            employee_years: 5,
            member_years: 3,
            participant_years: 1,
        }
    }
}

impl Retention {
    /// The years kept for `kind`.
    pub fn years(&self, kind: PersonKind) -> u32 {
        match kind {
            PersonKind::Employee => self.employee_years,
            PersonKind::Member => self.member_years,
            PersonKind::Participant => self.participant_years,
        }
    }
}

/// Reads a number of years typed in a form: a whole number from 1 to [`MAX_YEARS`].
pub fn parse_years(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|y| (1..=MAX_YEARS).contains(y))
}

/// The kinds of people Binette keeps files on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PersonKind {
    /// An employee in insertion (salarié).
    Employee,
    /// A household (adhérent).
    Member,
    /// Someone outside the garden who came to a workshop.
    Participant,
}

impl PersonKind {
    /// The French word shown in lists.
    pub fn label(self) -> &'static str {
        match self {
            PersonKind::Employee => "Salarié",
            PersonKind::Member => "Adhérent",
            PersonKind::Participant => "Participant extérieur",
        }
    }
}

/// One person, as anonymisation finds them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Person {
    /// An employee, by id.
    Employee(i64),
    /// A household, by member id.
    Member(i64),
    /// An outside participant, by their name as the workshop figures tell people apart
    /// (SQLite's `lower(trim(name))`).
    Participant(String),
}

impl Person {
    /// The kind of person.
    pub fn kind(&self) -> PersonKind {
        match self {
            Person::Employee(_) => PersonKind::Employee,
            Person::Member(_) => PersonKind::Member,
            Person::Participant(_) => PersonKind::Participant,
        }
    }
}

/// What the garden last did with a person, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastActivity {
    /// Who.
    pub person: Person,
    /// Their name as shown.
    pub name: String,
    /// The last day the garden worked with them (`None`: nothing dated).
    pub last: Option<NaiveDate>,
    /// What that day was, in French (« Fin du dernier parcours », « Dernier panier »…).
    pub what: &'static str,
    /// True when something is still running (an open path, a subscription, a session to
    /// come, a household « actif » or « en attente »).
    pub current: bool,
}

/// A person past their retention period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// Who.
    pub person: Person,
    /// Their name as shown.
    pub name: String,
    /// The last day the garden worked with them.
    pub last: NaiveDate,
    /// What that day was.
    pub what: &'static str,
    /// The first day they were due: `last` plus the retention.
    pub since: NaiveDate,
}

impl Due {
    /// Why they are due, in French: « Fin du dernier parcours le 31/03/2019 ; durée de
    /// conservation : 5 ans ».
    pub fn why(&self, retention: &Retention) -> String {
        let years = retention.years(self.person.kind());
        format!(
            "{} le {} ; durée de conservation : {years} an{}",
            self.what,
            self.last.format("%d/%m/%Y"),
            if years > 1 { "s" } else { "" }
        )
    }
}

/// `years` whole years after `day` (a 29 February gives the 28 February).
pub fn years_after(day: NaiveDate, years: u32) -> NaiveDate {
    day.checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

/// The person, when due on `today`: nothing current, and `today` at least the retention
/// after their last day (a file kept 5 years from 31/03/2019 is due from 31/03/2024).
pub fn due(activity: &LastActivity, retention: &Retention, today: NaiveDate) -> Option<Due> {
    if activity.current {
        return None;
    }
    let last = activity.last?;
    let since = years_after(last, retention.years(activity.person.kind()));
    (today >= since).then(|| Due {
        person: activity.person.clone(),
        name: activity.name.clone(),
        last,
        what: activity.what,
        since,
    })
}

/// Everyone due on `today`, soonest due first, then by name.
pub fn due_list(activities: &[LastActivity], retention: &Retention, today: NaiveDate) -> Vec<Due> {
    let mut list: Vec<Due> = activities
        .iter()
        .filter_map(|a| due(a, retention, today))
        .collect();
    list.sort_by(|a, b| (a.since, &a.name).cmp(&(b.since, &b.name)));
    list
}

/// The birth date an anonymised employee keeps, in place of `birth`: the coarsest of the
/// 1st of January of their birth year, then the 1st of their birth month, that gives the
/// same age band as `birth` on every day from `from` to `to` (the days the activity report
/// may measure their age on: their first entry to the end of their last path); else `birth`
/// itself, when a 26th or 50th birthday falls on a day the coarser dates would move.
pub fn kept_birth_date(birth: NaiveDate, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let candidates = [
        NaiveDate::from_ymd_opt(birth.year(), 1, 1),
        NaiveDate::from_ymd_opt(birth.year(), birth.month(), 1),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|&c| same_bands(birth, c, from, to))
        .unwrap_or(birth)
}

/// True when `coarse` (on or before `birth`, same year) gives the band of `birth` on every
/// day of `from..=to`. Ages from `coarse` run ahead of those from `birth` only between
/// `coarse`'s birthday and `birth`'s, each year; the band can differ only in the years of
/// the 26th and 50th birthdays, so those two stretches are checked day by day.
fn same_bands(birth: NaiveDate, coarse: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
    [26u32, 50].into_iter().all(|age| {
        let start = years_after(coarse, age).max(from);
        // Two days more: a 29 February birthday is passed only on the 1st of March.
        let end = years_after(birth, age)
            .checked_add_days(chrono::Days::new(2))
            .unwrap_or(NaiveDate::MAX)
            .min(to.succ_opt().unwrap_or(to));
        start
            .iter_days()
            .take_while(|&d| d < end)
            .all(|d| AgeBand::of(Some(age_on(birth, d))) == AgeBand::of(Some(age_on(coarse, d))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn activity(person: Person, last: Option<&str>, current: bool) -> LastActivity {
        LastActivity {
            person,
            name: "X".into(),
            last: last.map(d),
            what: "Fin du dernier parcours",
            current,
        }
    }

    /// Exit 31/03/2019 + 5 years = 31/03/2024: due that day, not the day before.
    #[test]
    fn an_employee_is_due_five_years_after_their_last_day() {
        let a = activity(Person::Employee(1), Some("2019-03-31"), false);
        let r = Retention::default();
        assert_eq!(due(&a, &r, d("2024-03-30")), None);
        let due = due(&a, &r, d("2024-03-31")).unwrap();
        assert_eq!(due.since, d("2024-03-31"));
        assert_eq!(
            due.why(&r),
            "Fin du dernier parcours le 31/03/2019 ; durée de conservation : 5 ans"
        );
    }

    /// Last basket 14/06/2021 + 3 years = 14/06/2024; a session 29/02/2024 + 1 year has no
    /// 29/02/2025: the 28th.
    #[test]
    fn households_after_three_years_participants_after_one() {
        let r = Retention::default();
        let member = activity(Person::Member(4), Some("2021-06-14"), false);
        assert_eq!(due(&member, &r, d("2024-06-13")), None);
        assert_eq!(
            due(&member, &r, d("2024-06-14")).unwrap().since,
            d("2024-06-14")
        );
        let outside = activity(Person::Participant("léa".into()), Some("2024-02-29"), false);
        assert_eq!(due(&outside, &r, d("2025-02-27")), None);
        assert_eq!(
            due(&outside, &r, d("2025-02-28")).unwrap().since,
            d("2025-02-28")
        );
    }

    /// Something current, or nothing dated: never due, however late.
    #[test]
    fn never_someone_current_or_undated() {
        let r = Retention::default();
        let current = activity(Person::Employee(1), Some("2000-01-01"), true);
        assert_eq!(due(&current, &r, d("2090-01-01")), None);
        let undated = activity(Person::Member(1), None, false);
        assert_eq!(due(&undated, &r, d("2090-01-01")), None);
    }

    /// A garden keeping FSE+ files 10 years: exit 31/03/2019 is due on 31/03/2029.
    #[test]
    fn the_settings_years_count() {
        let r = Retention {
            employee_years: 10,
            ..Retention::default()
        };
        let a = activity(Person::Employee(1), Some("2019-03-31"), false);
        assert_eq!(due(&a, &r, d("2029-03-30")), None);
        assert!(due(&a, &r, d("2029-03-31")).is_some());
    }

    /// Sorted by the day they became due, then by name.
    #[test]
    fn the_list_comes_soonest_due_first() {
        let r = Retention::default();
        let list = due_list(
            &[
                activity(Person::Employee(1), Some("2019-01-01"), false), // due 2024-01-01
                activity(Person::Member(2), Some("2019-01-01"), false),   // due 2022-01-01
                activity(Person::Member(3), Some("2024-01-01"), false),   // due 2027: not yet
            ],
            &r,
            d("2026-01-01"),
        );
        let people: Vec<&Person> = list.iter().map(|d| &d.person).collect();
        assert_eq!(people, [&Person::Member(2), &Person::Employee(1)]);
    }

    #[test]
    fn years_are_whole_numbers_from_one_to_fifty() {
        assert_eq!(parse_years(" 10 "), Some(10));
        assert_eq!(parse_years("0"), None);
        assert_eq!(parse_years("51"), None);
        assert_eq!(parse_years("2,5"), None);
    }

    /// Born 15/07/1990, followed 2010–2012: 26 only on 15/07/2016, after the path; the 1st
    /// of January 1990 gives « moins de 26 ans » on every day of it.
    #[test]
    fn the_year_alone_when_no_birthday_of_a_band_falls_in_the_path() {
        assert_eq!(
            kept_birth_date(d("1990-07-15"), d("2010-01-01"), d("2012-12-31")),
            d("1990-01-01")
        );
    }

    /// Followed 01/02/2016–30/06/2016: from the 1st of January the person would be 26 from
    /// 01/01/2016 (wrong band from February to June); from the 1st of July, only from
    /// 01/07/2016, after the path: the month is kept.
    #[test]
    fn the_month_when_the_year_would_move_a_birthday_into_the_path() {
        assert_eq!(
            kept_birth_date(d("1990-07-15"), d("2016-02-01"), d("2016-06-30")),
            d("1990-07-01")
        );
    }

    /// Followed 01/03/2016–31/12/2017: the 26th birthday (15/07/2016) falls in the path,
    /// and from the 1st of July the band would change on 01/07/2016, two weeks early: only
    /// the real date gives the same band on 01/07/2016–14/07/2016.
    #[test]
    fn the_real_date_when_a_band_changes_during_the_path() {
        assert_eq!(
            kept_birth_date(d("1990-07-15"), d("2016-03-01"), d("2017-12-31")),
            d("1990-07-15")
        );
    }

    /// Born 29/02/1992: the 1st of February would make them 26 on 01/02/2018, the real
    /// birthday passes on 01/03/2018; a path ending 28/02/2018 needs the real date.
    #[test]
    fn a_leap_day_birthday_keeps_its_last_day() {
        assert_eq!(
            kept_birth_date(d("1992-02-29"), d("2017-06-01"), d("2018-02-28")),
            d("1992-02-29")
        );
        assert_eq!(
            kept_birth_date(d("1992-02-29"), d("2017-06-01"), d("2018-01-31")),
            d("1992-02-01")
        );
    }

    /// Whatever is kept, every day of the path gives the same band (two years checked daily
    /// around the 50th birthday, 10/11/2020).
    #[test]
    fn the_kept_date_gives_the_same_band_every_day_of_the_path() {
        let birth = d("1970-11-10");
        for (from, to) in [
            ("2019-01-01", "2021-12-31"),
            ("2020-11-01", "2020-11-09"),
            ("2020-12-01", "2021-05-01"),
        ] {
            let (from, to) = (d(from), d(to));
            let kept = kept_birth_date(birth, from, to);
            for day in from.iter_days().take_while(|&x| x <= to) {
                assert_eq!(
                    AgeBand::of(Some(age_on(kept, day))),
                    AgeBand::of(Some(age_on(birth, day))),
                    "{from}–{to} on {day}"
                );
            }
        }
    }
}
