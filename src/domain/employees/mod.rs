//! Insertion (IAE): employees on insertion contracts, their PASS IAE, contracts, follow-ups,
//! trainings, immersions, exits and FSE+ snapshots. Pure types and rules; no I/O.
//!
//! Every record has `id: i64`, 0 until it is first saved.

mod exits;
mod kinds;
mod overview;
mod payroll;
mod rules;
mod warnings;

use chrono::{Datelike, NaiveDate};

pub use exits::*;
pub use kinds::*;
pub use overview::*;
pub use payroll::*;
pub use rules::*;
pub use warnings::*;

/// Age in whole years on `on`, counting a 29 February birthday as passed on 1 March.
pub fn age_on(birth_date: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth_date.year();
    if (on.month(), on.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    age
}

/// A permanent staff member (encadrant, CIP…).
#[derive(Debug, Clone, PartialEq)]
pub struct Staff {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// What they do.
    pub role: StaffRole,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Still working here (inactive staff stay for history).
    pub active: bool,
}

impl Staff {
    /// "NOM Prénom", as in lists and on sheets (`sentence_name` inside a sentence).
    pub fn display_name(&self) -> String {
        crate::domain::text::list_name(&self.first_name, &self.last_name)
    }
}

/// A person on an insertion path.
#[derive(Debug, Clone, PartialEq)]
pub struct Employee {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// Civility for letters.
    pub civility: Civility,
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Date of birth, if known.
    pub birth_date: Option<NaiveDate>,
    /// Gender.
    pub gender: Gender,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// The staff member who follows them (CIP).
    pub referent_id: Option<i64>,
    /// First day of the path.
    pub entry_date: NaiveDate,
    /// Kind of prescriber who sent them.
    pub prescriber_kind: PrescriberKind,
    /// The prescribing organisation's name.
    pub prescriber_org: String,
    /// The person to contact there.
    pub prescriber_contact: String,
    /// Education level (ASP code), if known.
    pub education_level: Option<EducationLevel>,
    /// Receives the RSA.
    pub rsa: bool,
    /// Receives the ASS.
    pub ass: bool,
    /// Receives the AAH.
    pub aah: bool,
    /// Months of unemployment before entry, if known.
    pub unemployment_months: Option<i64>,
    /// Recognised disabled worker (RQTH).
    pub rqth: bool,
    /// Lives in a priority district (QPV).
    pub qpv: bool,
    /// Lives in a rural revitalisation zone (ZRR).
    pub zrr: bool,
    /// Under a court measure (contracts under 4 months allowed).
    pub court_measure: bool,
    /// Free notes.
    pub notes: String,
    /// Set once the file has been anonymised.
    pub anonymised_on: Option<NaiveDate>,
    /// Eligibility criteria ticked, in `Criterion::ALL` order, without duplicates.
    pub criteria: Vec<Criterion>,
}

impl Employee {
    /// A new file with only the required fields filled in.
    pub fn new(first_name: &str, last_name: &str, gender: Gender, entry_date: NaiveDate) -> Self {
        Employee {
            id: 0,
            civility: Civility::Unspecified,
            last_name: last_name.to_owned(),
            first_name: first_name.to_owned(),
            birth_date: None,
            gender,
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            phone: String::new(),
            email: String::new(),
            referent_id: None,
            entry_date,
            prescriber_kind: PrescriberKind::Other,
            prescriber_org: String::new(),
            prescriber_contact: String::new(),
            education_level: None,
            rsa: false,
            ass: false,
            aah: false,
            unemployment_months: None,
            rqth: false,
            qpv: false,
            zrr: false,
            court_measure: false,
            notes: String::new(),
            anonymised_on: None,
            criteria: Vec::new(),
        }
    }

    /// "NOM Prénom", as in lists and on sheets (`sentence_name` inside a sentence).
    pub fn display_name(&self) -> String {
        crate::domain::text::list_name(&self.first_name, &self.last_name)
    }

    /// Age in whole years on `on`, when the birth date is known.
    pub fn age_on(&self, on: NaiveDate) -> Option<i32> {
        self.birth_date.map(|birth| age_on(birth, on))
    }

    /// Whether the ticked criteria make them eligible.
    pub fn is_eligible(&self) -> bool {
        is_eligible(&self.criteria)
    }

    /// The yes / no situations that are eligibility criteria too, with their criterion.
    fn flags_mut(&mut self) -> [(&mut bool, Criterion); 7] {
        [
            (&mut self.rsa, Criterion::Rsa),
            (&mut self.ass, Criterion::Ass),
            (&mut self.aah, Criterion::Aah),
            (&mut self.rqth, Criterion::DisabledWorker),
            (&mut self.qpv, Criterion::Qpv),
            (&mut self.zrr, Criterion::Zrr),
            (&mut self.court_measure, Criterion::Justice),
        ]
    }

    /// Makes eligibility one source: RSA, ASS, AAH, RQTH, QPV, ZRR and a court measure are
    /// the criteria of the same meaning, so either one ticked ticks both.
    pub fn align_flags_and_criteria(&mut self) {
        let mut criteria = std::mem::take(&mut self.criteria);
        for (flag, criterion) in self.flags_mut() {
            if *flag && !criteria.contains(&criterion) {
                criteria.push(criterion);
            }
            *flag = criteria.contains(&criterion);
        }
        criteria.sort();
        criteria.dedup();
        self.criteria = criteria;
    }
}

/// A PASS IAE (State approval of an insertion path).
#[derive(Debug, Clone, PartialEq)]
pub struct Approval {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The employee it belongs to.
    pub employee_id: i64,
    /// The 12-character number.
    pub number: String,
    /// First day of validity.
    pub start_date: NaiveDate,
    /// Last day of validity as granted, before suspensions and prolongations.
    pub end_date: NaiveDate,
    /// Suspensions and prolongations, by start date.
    pub changes: Vec<ApprovalChange>,
}

impl Approval {
    /// The granted end for a PASS starting on `start`: two years, last day included
    /// (from 29 February, to 28 February two years on).
    pub fn default_end(start: NaiveDate) -> NaiveDate {
        rules::months_later(start, 24)
            .pred_opt()
            .unwrap_or(NaiveDate::MAX)
    }

    /// The last day of validity once every change is applied: the granted end pushed back
    /// by the length in days (both ends included) of each suspension and each prolongation.
    pub fn effective_end(&self) -> NaiveDate {
        let extra: i64 = self.changes.iter().map(ApprovalChange::days).sum();
        self.end_date
            .checked_add_signed(chrono::TimeDelta::days(extra))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// A suspension or prolongation of a PASS IAE.
#[derive(Debug, Clone, PartialEq)]
pub struct ApprovalChange {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The PASS it changes (0 while that PASS is unsaved).
    pub approval_id: i64,
    /// Suspension or prolongation.
    pub kind: ApprovalChangeKind,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day (included).
    pub end_date: NaiveDate,
    /// Why (sick leave, training, incarceration…).
    pub reason: String,
}

impl ApprovalChange {
    /// Length in days, both ends included; 0 when the end is before the start.
    pub fn days(&self) -> i64 {
        ((self.end_date - self.start_date).num_days() + 1).max(0)
    }
}

/// A CDDI. A renewal is a new contract pointing at the one it renews.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The employee.
    pub employee_id: i64,
    /// The contract this one renews, if any.
    pub renewal_of: Option<i64>,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day as signed.
    pub planned_end: NaiveDate,
    /// Last day when it ended early (or late), if known.
    pub actual_end: Option<NaiveDate>,
    /// Hours a week.
    pub weekly_hours: f64,
    /// Job title.
    pub post: String,
}

impl Contract {
    /// The last day: the actual end when known, else the planned one.
    pub fn end(&self) -> NaiveDate {
        self.actual_end.unwrap_or(self.planned_end)
    }
}

/// A follow-up theme (a "frein" worked on): built in, or added by the users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The name shown.
    pub name: String,
    /// Shipped with Binette (cannot be deleted).
    pub builtin: bool,
}

/// A follow-up meeting with the CIP.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The employee.
    pub employee_id: i64,
    /// Day of the meeting.
    pub date: NaiveDate,
    /// Length in minutes.
    pub duration_minutes: i64,
    /// Who led it.
    pub staff_id: Option<i64>,
    /// Notes.
    pub notes: String,
    /// Names of the themes discussed, in the theme list's order.
    pub themes: Vec<String>,
}

/// A training course followed by an employee.
#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The employee.
    pub employee_id: i64,
    /// Title of the course.
    pub title: String,
    /// Training body.
    pub body: String,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// Hours of training.
    pub hours: f64,
    /// Leads to a qualification.
    pub qualifying: bool,
}

/// A PMSMP: a work placement with another employer.
#[derive(Debug, Clone, PartialEq)]
pub struct Immersion {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The employee.
    pub employee_id: i64,
    /// The host employer.
    pub host_name: String,
    /// The host's SIRET.
    pub host_siret: String,
    /// The tutor at the host.
    pub tutor: String,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// The one objective.
    pub objective: ImmersionObjective,
    /// How it went.
    pub outcome: String,
}

/// The end of an employee's path (at most one per employee).
#[derive(Debug, Clone, PartialEq)]
pub struct Exit {
    /// The employee (the exit belongs to their latest path when written).
    pub employee_id: i64,
    /// Day of exit.
    pub date: NaiveDate,
    /// Category for the State's statistics.
    pub category: ExitCategory,
    /// The job found (or other situation) they left for, when known.
    pub outcome: Option<ExitOutcome>,
    /// The length of that job in months (CDD, intérim), when known.
    pub outcome_months: Option<u32>,
    /// Free details: employer, post, training…
    pub detail: String,
}

/// One path (parcours) of a person: from an entry to an exit, with its own contracts, exit
/// and FSE+ snapshots. A person who comes back after an exit starts a new one.
#[derive(Debug, Clone, PartialEq)]
pub struct InsertionPath {
    /// Row id.
    pub id: i64,
    /// The employee.
    pub employee_id: i64,
    /// Day of entry.
    pub entry_date: NaiveDate,
    /// Its exit, once the person has left.
    pub exit: Option<Exit>,
}

impl InsertionPath {
    /// "Parcours 1 : du 01/03/2025 au 30/06/2026 — Emploi durable", or "Parcours 2 : depuis
    /// le 01/09/2026 (en cours)".
    pub fn line(&self, number: usize) -> String {
        use crate::domain::calendar::format_date;
        match &self.exit {
            Some(exit) => format!(
                "Parcours {number} : du {} au {} — {}",
                format_date(self.entry_date),
                format_date(exit.date),
                exit.category.label()
            ),
            None => format!(
                "Parcours {number} : depuis le {} (en cours)",
                format_date(self.entry_date)
            ),
        }
    }
}

/// FSE+ data frozen when taken: at entry, at exit, six months after exit.
#[derive(Debug, Clone, PartialEq)]
pub struct FseSnapshot {
    /// Row id, 0 before the first save.
    pub id: i64,
    /// The employee.
    pub employee_id: i64,
    /// When in the path.
    pub stage: FseStage,
    /// Day it was taken.
    pub taken_on: NaiveDate,
    /// Gender.
    pub gender: Gender,
    /// Age then, if known.
    pub age: Option<i64>,
    /// Education level, if known.
    pub education_level: Option<EducationLevel>,
    /// Labour-market status, if asked.
    pub labour_status: Option<LabourStatus>,
    /// Disability.
    pub disability: Option<SensitiveAnswer>,
    /// Foreign background.
    pub foreign_origin: Option<SensitiveAnswer>,
    /// Minority.
    pub minority: Option<SensitiveAnswer>,
    /// Homelessness.
    pub homeless: Option<SensitiveAnswer>,
    /// Situation at exit.
    pub exit_result: Option<ExitResult>,
    /// Situation six months after exit.
    pub six_month_result: Option<SixMonthResult>,
}
