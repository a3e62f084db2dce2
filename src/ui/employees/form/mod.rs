//! A person's file being edited: the typed text, the choices, and the plain functions that
//! turn them into domain values (with French errors per field) and compute the warnings.

mod contracts;
mod exit;
mod followups;
mod fse;
mod hours;
mod identity;
mod load;
mod pass;
mod trainings;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fields::F;
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::employees::{
    ApprovalChange, ApprovalChangeKind, Civility, Criterion, EducationLevel, ExitCategory,
    ExitOutcome, ExitResult, FseStage, Gender, ImmersionObjective, LabourStatus, PrescriberKind,
    SensitiveAnswer, SixMonthResult,
};
use crate::store::employees::EmployeeFile;

/// Errors by field.
pub type Errors = HashMap<F, String>;

/// Everything typed or chosen in a person's file.
#[derive(Debug, Clone, Default)]
pub struct FileForm {
    /// The file as last read (None for a person not saved yet).
    pub file: Option<EmployeeFile>,
    /// The year shown on the Heures (paie) tab (0 until a file is loaded).
    pub hours_year: i32,
    texts: HashMap<F, String>,
    /// Errors next to fields.
    pub errors: Errors,
    pub civility: Option<Civility>,
    pub gender: Option<Gender>,
    pub referent: Option<i64>,
    pub prescriber_kind: Option<PrescriberKind>,
    pub education: Option<EducationLevel>,
    pub rsa: bool,
    pub ass: bool,
    pub aah: bool,
    pub rqth: bool,
    pub qpv: bool,
    pub zrr: bool,
    pub court_measure: bool,
    pub criteria: Vec<Criterion>,
    /// The PASS being edited (0: new) and its suspensions / prolongations.
    pub pass_id: i64,
    pub pass_changes: Vec<ApprovalChange>,
    /// The PASS end was filled in from its start (and follows it).
    pub pass_end_auto: bool,
    pub change_kind: Option<ApprovalChangeKind>,
    /// The contract being edited (0: new) and the one it renews.
    pub contract_id: i64,
    pub renewal_of: Option<i64>,
    pub follow_up_id: i64,
    pub follow_up_staff: Option<i64>,
    pub follow_up_themes: Vec<String>,
    pub training_id: i64,
    pub qualifying: bool,
    pub immersion_id: i64,
    pub objective: Option<ImmersionObjective>,
    pub exit_category: Option<ExitCategory>,
    pub exit_outcome: Option<ExitOutcome>,
    pub fse_stage: Option<FseStage>,
    pub labour: Option<LabourStatus>,
    pub disability: Option<SensitiveAnswer>,
    pub foreign_origin: Option<SensitiveAnswer>,
    pub minority: Option<SensitiveAnswer>,
    pub homeless: Option<SensitiveAnswer>,
    pub exit_result: Option<ExitResult>,
    pub six_month: Option<SixMonthResult>,
    /// Derived from the above by [`FileForm::refresh`].
    pub derived: Derived,
}

/// What the file shows computed from the form: eligibility, warnings, suggestions.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Whether the ticked criteria make the person eligible.
    pub eligible: bool,
    /// The PASS end with suspensions and prolongations applied.
    pub pass_end: Option<NaiveDate>,
    /// Warnings about the PASS.
    pub pass_warnings: Vec<String>,
    /// Warnings about the contract being typed.
    pub contract_warnings: Vec<String>,
    /// "Durée cumulée : …".
    pub cumulative: String,
    /// Warnings about the immersion being typed.
    pub immersion_warnings: Vec<String>,
    /// The exit category the job found suggests.
    pub exit_suggestion: Option<ExitCategory>,
}

fn fmt_hours(hours: f64) -> String {
    format!("{hours}").replace('.', ",")
}

fn fmt_opt_date(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// "3,5 mois".
pub fn months_text(months: f64) -> String {
    crate::domain::employees::format_months(months)
}

impl FileForm {
    /// An empty file for a new person entering on `today`.
    pub fn new_person(today: NaiveDate) -> Self {
        let mut form = FileForm {
            gender: None,
            prescriber_kind: Some(PrescriberKind::FranceTravail),
            change_kind: Some(ApprovalChangeKind::Suspension),
            civility: Some(Civility::Unspecified),
            ..FileForm::default()
        };
        form.set(F::EntryDate, format_date(today));
        form
    }

    /// The text typed in `field`.
    pub fn get(&self, field: F) -> &str {
        self.texts.get(&field).map_or("", String::as_str)
    }

    /// Replaces the text of `field` and clears its error.
    pub fn set(&mut self, field: F, value: impl Into<String>) {
        self.errors.remove(&field);
        self.texts.insert(field, value.into());
    }

    fn clear(&mut self, fields: &[F]) {
        for field in fields {
            self.texts.remove(field);
            self.errors.remove(field);
        }
    }

    /// The person's id (0 before the first save).
    pub fn employee_id(&self) -> i64 {
        self.file.as_ref().map_or(0, |f| f.employee.id)
    }

    // ----------------------------------------------------------------------- parsing

    fn date(&self, field: F, errors: &mut Errors) -> Option<NaiveDate> {
        let text = self.get(field).trim();
        if text.is_empty() {
            errors.insert(field, "Date obligatoire, sous la forme jj/mm/aaaa.".into());
            return None;
        }
        let date = parse_date(text);
        if date.is_none() {
            errors.insert(
                field,
                format!("Date impossible : « {text} ». Écrivez-la jj/mm/aaaa (ex. 28/11/2026)."),
            );
        }
        date
    }

    fn optional_date(&self, field: F, errors: &mut Errors) -> Option<Option<NaiveDate>> {
        if self.get(field).trim().is_empty() {
            Some(None)
        } else {
            self.date(field, errors).map(Some)
        }
    }

    fn end_after(
        &self,
        start: Option<NaiveDate>,
        field: F,
        errors: &mut Errors,
    ) -> Option<NaiveDate> {
        let end = self.date(field, errors)?;
        if start.is_some_and(|s| end < s) {
            errors.insert(field, "La fin est avant le début.".into());
            return None;
        }
        Some(end)
    }

    fn number(
        &self,
        field: F,
        min: f64,
        max: f64,
        message: &str,
        errors: &mut Errors,
    ) -> Option<f64> {
        let text = self.get(field).trim().replace(',', ".");
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && (min..=max).contains(&n) => Some(n),
            _ => {
                errors.insert(field, message.to_owned());
                None
            }
        }
    }

    fn required(&self, field: F, message: &str, errors: &mut Errors) -> String {
        let text = self.get(field).trim();
        if text.is_empty() {
            errors.insert(field, message.to_owned());
        }
        text.to_owned()
    }
}
