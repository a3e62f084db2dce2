//! A person's file being edited: the typed text, the choices, and the plain functions that
//! turn them into domain values (with French errors per field) and compute the warnings.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fields::F;
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::employees::{
    Approval, ApprovalChange, ApprovalChangeKind, Civility, Contract, Criterion, EducationLevel,
    Employee, Exit, ExitCategory, ExitOutcome, ExitResult, FollowUp, FseSnapshot, FseStage, Gender,
    Immersion, ImmersionObjective, LabourStatus, PrescriberKind, SensitiveAnswer, SixMonthResult,
    Training, approval_warnings, compose_exit_detail, contract_warnings, cumulative_months,
    immersion_warnings, is_eligible, planned_cumulative_months, split_exit_detail,
    suggest_exit_category,
};
use crate::store::employees::EmployeeFile;

/// Errors by field.
pub type Errors = HashMap<F, String>;

/// Everything typed or chosen in a person's file.
#[derive(Debug, Clone, Default)]
pub struct FileForm {
    /// The file as last read (None for a person not saved yet).
    pub file: Option<EmployeeFile>,
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
    let rounded = (months * 10.0).round() / 10.0;
    format!("{rounded} mois").replace('.', ",")
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

    /// Fills every part from a freshly read file; `keep_sub_forms` keeps the contract,
    /// follow-up… being typed (used after saving another part).
    pub fn load(&mut self, file: EmployeeFile, today: NaiveDate) {
        let e = &file.employee;
        self.civility = Some(e.civility);
        self.gender = Some(e.gender);
        self.referent = e.referent_id;
        self.prescriber_kind = Some(e.prescriber_kind);
        self.education = e.education_level;
        (self.rsa, self.ass, self.aah) = (e.rsa, e.ass, e.aah);
        (self.rqth, self.qpv, self.zrr) = (e.rqth, e.qpv, e.zrr);
        self.court_measure = e.court_measure;
        self.criteria = e.criteria.clone();
        self.change_kind = self.change_kind.or(Some(ApprovalChangeKind::Suspension));
        let texts = [
            (F::LastName, e.last_name.clone()),
            (F::FirstName, e.first_name.clone()),
            (F::BirthDate, fmt_opt_date(e.birth_date)),
            (F::Address, e.address.clone()),
            (F::Postcode, e.postcode.clone()),
            (F::City, e.city.clone()),
            (F::Phone, e.phone.clone()),
            (F::Email, e.email.clone()),
            (F::EntryDate, format_date(e.entry_date)),
            (F::PrescriberOrg, e.prescriber_org.clone()),
            (F::PrescriberContact, e.prescriber_contact.clone()),
            (
                F::UnemploymentMonths,
                e.unemployment_months
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            ),
            (F::Notes, e.notes.clone()),
        ];
        for (field, value) in texts {
            self.set(field, value);
        }
        match file.approvals.last() {
            Some(a) => {
                self.pass_id = a.id;
                self.pass_changes = a.changes.clone();
                self.set(F::PassNumber, a.number.clone());
                self.set(F::PassStart, format_date(a.start_date));
                self.set(F::PassEnd, format_date(a.end_date));
            }
            None => {
                self.pass_id = 0;
                self.pass_changes.clear();
                self.clear(&[F::PassNumber, F::PassStart, F::PassEnd]);
            }
        }
        match &file.exit {
            Some(exit) => {
                let (outcome, months, free) = split_exit_detail(&exit.detail);
                self.exit_category = Some(exit.category);
                self.exit_outcome = outcome;
                self.set(F::ExitDate, format_date(exit.date));
                self.set(
                    F::ExitMonths,
                    months.map(|m| m.to_string()).unwrap_or_default(),
                );
                self.set(F::ExitDetail, free);
            }
            None => {
                self.exit_category = None;
                self.exit_outcome = None;
                self.clear(&[F::ExitDate, F::ExitMonths, F::ExitDetail]);
            }
        }
        self.file = Some(file);
        self.refresh(today);
    }

    /// Recomputes eligibility, warnings and suggestions from what is typed.
    pub fn refresh(&mut self, today: NaiveDate) {
        let mut derived = Derived {
            eligible: is_eligible(&self.criteria),
            ..Derived::default()
        };
        let mut scratch = Errors::new();
        if let Some(approval) = self.approval_lenient(&mut scratch) {
            derived.pass_end = Some(approval.effective_end());
            derived.pass_warnings = approval_warnings(&approval, today);
        }
        let contracts = self
            .file
            .as_ref()
            .map(|f| f.contracts.clone())
            .unwrap_or_default();
        if !contracts.is_empty() {
            derived.cumulative = format!(
                "Durée cumulée des contrats : {} prévus, dont {} effectués à ce jour.",
                months_text(planned_cumulative_months(&contracts)),
                months_text(cumulative_months(&contracts, today)),
            );
        }
        if let (Ok(contract), Some(file)) = (self.contract(), &self.file) {
            let mut employee = file.employee.clone();
            employee.court_measure = self.court_measure;
            employee.rqth = self.rqth;
            derived.contract_warnings = contract_warnings(&contract, &contracts, &employee);
        }
        if let Ok(immersion) = self.immersion() {
            derived.immersion_warnings = immersion_warnings(&immersion);
        }
        if let Some(outcome) = self.exit_outcome {
            let months = self
                .get(F::ExitMonths)
                .trim()
                .replace(',', ".")
                .parse()
                .ok();
            derived.exit_suggestion = suggest_exit_category(outcome, months);
        }
        self.derived = derived;
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

    /// The person as typed, or the errors to show.
    pub fn employee(&self) -> Result<Employee, Errors> {
        let mut errors = Errors::new();
        let last = self.required(F::LastName, "Le nom est obligatoire.", &mut errors);
        let first = self.required(F::FirstName, "Le prénom est obligatoire.", &mut errors);
        let birth = self.optional_date(F::BirthDate, &mut errors);
        let entry = self.date(F::EntryDate, &mut errors);
        let months_text = self.get(F::UnemploymentMonths).trim();
        let months = if months_text.is_empty() {
            Some(None)
        } else {
            match months_text.parse::<i64>() {
                Ok(m) if (0..=600).contains(&m) => Some(Some(m)),
                _ => {
                    errors.insert(
                        F::UnemploymentMonths,
                        "Nombre de mois entier, entre 0 et 600.".into(),
                    );
                    None
                }
            }
        };
        if let (Some(Some(birth)), Some(entry)) = (birth, entry)
            && birth >= entry
        {
            errors.insert(F::BirthDate, "La naissance doit précéder l'entrée.".into());
        }
        let gender = self.gender;
        if gender.is_none() {
            errors.insert(
                F::Gender,
                "Choisissez le genre (femme, homme, non-binaire).".into(),
            );
        }
        let (Some(birth), Some(entry), Some(months), Some(gender), true) =
            (birth, entry, months, gender, errors.is_empty())
        else {
            return Err(errors);
        };
        let mut employee = match &self.file {
            Some(file) => file.employee.clone(),
            None => Employee::new(&first, &last, gender, entry),
        };
        employee.last_name = last;
        employee.first_name = first;
        employee.gender = gender;
        employee.entry_date = entry;
        employee.birth_date = birth;
        employee.civility = self.civility.unwrap_or(Civility::Unspecified);
        employee.address = self.get(F::Address).trim().to_owned();
        employee.postcode = self.get(F::Postcode).trim().to_owned();
        employee.city = self.get(F::City).trim().to_owned();
        employee.phone = self.get(F::Phone).trim().to_owned();
        employee.email = self.get(F::Email).trim().to_owned();
        employee.referent_id = self.referent;
        employee.prescriber_kind = self.prescriber_kind.unwrap_or(PrescriberKind::Other);
        employee.prescriber_org = self.get(F::PrescriberOrg).trim().to_owned();
        employee.prescriber_contact = self.get(F::PrescriberContact).trim().to_owned();
        employee.education_level = self.education;
        employee.unemployment_months = months;
        (employee.rsa, employee.ass, employee.aah) = (self.rsa, self.ass, self.aah);
        (employee.rqth, employee.qpv, employee.zrr) = (self.rqth, self.qpv, self.zrr);
        employee.court_measure = self.court_measure;
        employee.notes = self.get(F::Notes).to_owned();
        let mut criteria = self.criteria.clone();
        criteria.sort();
        criteria.dedup();
        employee.criteria = criteria;
        Ok(employee)
    }

    /// The PASS as typed, without the number check (for the live end date).
    fn approval_lenient(&self, errors: &mut Errors) -> Option<Approval> {
        let start = self.date(F::PassStart, errors)?;
        let end = self.end_after(Some(start), F::PassEnd, errors)?;
        Some(Approval {
            id: self.pass_id,
            employee_id: self.employee_id(),
            number: self.get(F::PassNumber).trim().to_owned(),
            start_date: start,
            end_date: end,
            changes: self.pass_changes.clone(),
        })
    }

    /// The PASS as typed, or the errors to show.
    pub fn approval(&self) -> Result<Approval, Errors> {
        let mut errors = Errors::new();
        if !crate::domain::employees::pass_number_valid(self.get(F::PassNumber)) {
            errors.insert(
                F::PassNumber,
                "Le numéro de PASS IAE compte 12 caractères, lettres ou chiffres.".into(),
            );
        }
        let approval = self.approval_lenient(&mut errors);
        match approval {
            Some(a) if errors.is_empty() => Ok(a),
            _ => Err(errors),
        }
    }

    /// Puts the default end (two years) of a PASS starting on the typed start date, as long
    /// as the user has not typed an end of their own.
    pub fn fill_pass_end(&mut self) {
        if !self.pass_end_auto && !self.get(F::PassEnd).trim().is_empty() {
            return;
        }
        match parse_date(self.get(F::PassStart)) {
            Some(start) => self.set(F::PassEnd, format_date(Approval::default_end(start))),
            None => self.set(F::PassEnd, ""),
        }
        self.pass_end_auto = true;
    }

    /// The suspension or prolongation being typed, or the errors to show.
    pub fn change(&self) -> Result<ApprovalChange, Errors> {
        let mut errors = Errors::new();
        let start = self.date(F::ChangeStart, &mut errors);
        let end = self.end_after(start, F::ChangeEnd, &mut errors);
        let Some(kind) = self.change_kind else {
            errors.insert(
                F::ChangeReason,
                "Choisissez suspension ou prolongation.".into(),
            );
            return Err(errors);
        };
        match (start, end) {
            (Some(start_date), Some(end_date)) if errors.is_empty() => Ok(ApprovalChange {
                id: 0,
                approval_id: self.pass_id,
                kind,
                start_date,
                end_date,
                reason: self.get(F::ChangeReason).trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }

    /// Forgets the suspension being typed.
    pub fn clear_change(&mut self) {
        self.clear(&[F::ChangeStart, F::ChangeEnd, F::ChangeReason]);
    }

    /// The contract as typed, or the errors to show.
    pub fn contract(&self) -> Result<Contract, Errors> {
        let mut errors = Errors::new();
        let start = self.date(F::ContractStart, &mut errors);
        let planned = self.end_after(start, F::ContractEnd, &mut errors);
        let actual = if self.get(F::ContractActualEnd).trim().is_empty() {
            Some(None)
        } else {
            self.end_after(start, F::ContractActualEnd, &mut errors)
                .map(Some)
        };
        let hours = self.number(
            F::ContractHours,
            1.0,
            48.0,
            "Heures par semaine : un nombre entre 1 et 48.",
            &mut errors,
        );
        match (start, planned, actual, hours) {
            (Some(start_date), Some(planned_end), Some(actual_end), Some(weekly_hours))
                if errors.is_empty() =>
            {
                Ok(Contract {
                    id: self.contract_id,
                    employee_id: self.employee_id(),
                    renewal_of: self.renewal_of,
                    start_date,
                    planned_end,
                    actual_end,
                    weekly_hours,
                    post: self.get(F::ContractPost).trim().to_owned(),
                })
            }
            _ => Err(errors),
        }
    }

    /// Puts a stored contract in the form, or an empty one (`None`), or a renewal of one.
    pub fn edit_contract(&mut self, contract: Option<&Contract>, renewal: bool) {
        self.clear(&[
            F::ContractStart,
            F::ContractEnd,
            F::ContractActualEnd,
            F::ContractHours,
            F::ContractPost,
        ]);
        self.contract_id = 0;
        self.renewal_of = None;
        let Some(c) = contract else { return };
        self.set(F::ContractHours, fmt_hours(c.weekly_hours));
        self.set(F::ContractPost, c.post.clone());
        if renewal {
            self.renewal_of = Some(c.id);
            if let Some(next) = c.end().succ_opt() {
                self.set(F::ContractStart, format_date(next));
            }
        } else {
            self.contract_id = c.id;
            self.renewal_of = c.renewal_of;
            self.set(F::ContractStart, format_date(c.start_date));
            self.set(F::ContractEnd, format_date(c.planned_end));
            self.set(F::ContractActualEnd, fmt_opt_date(c.actual_end));
        }
    }

    /// The follow-up as typed, or the errors to show.
    pub fn follow_up(&self) -> Result<FollowUp, Errors> {
        let mut errors = Errors::new();
        let date = self.date(F::FollowUpDate, &mut errors);
        let minutes = self.number(
            F::FollowUpDuration,
            1.0,
            600.0,
            "Durée en minutes, entre 1 et 600.",
            &mut errors,
        );
        match (date, minutes) {
            (Some(date), Some(minutes)) if errors.is_empty() => Ok(FollowUp {
                id: self.follow_up_id,
                employee_id: self.employee_id(),
                date,
                duration_minutes: minutes.round() as i64,
                staff_id: self.follow_up_staff,
                notes: self.get(F::FollowUpNotes).to_owned(),
                themes: self.follow_up_themes.clone(),
            }),
            _ => Err(errors),
        }
    }

    /// Puts a stored follow-up in the form, or an empty one dated `today`.
    pub fn edit_follow_up(&mut self, follow_up: Option<&FollowUp>, today: NaiveDate) {
        self.clear(&[F::FollowUpDate, F::FollowUpDuration, F::FollowUpNotes]);
        match follow_up {
            Some(f) => {
                self.follow_up_id = f.id;
                self.follow_up_staff = f.staff_id;
                self.follow_up_themes = f.themes.clone();
                self.set(F::FollowUpDate, format_date(f.date));
                self.set(F::FollowUpDuration, f.duration_minutes.to_string());
                self.set(F::FollowUpNotes, f.notes.clone());
            }
            None => {
                self.follow_up_id = 0;
                self.follow_up_staff = self.referent;
                self.follow_up_themes.clear();
                self.set(F::FollowUpDate, format_date(today));
                self.set(F::FollowUpDuration, "45");
            }
        }
    }

    /// The training as typed, or the errors to show.
    pub fn training(&self) -> Result<Training, Errors> {
        let mut errors = Errors::new();
        let title = self.required(F::TrainingTitle, "L'intitulé est obligatoire.", &mut errors);
        let start = self.date(F::TrainingStart, &mut errors);
        let end = self.end_after(start, F::TrainingEnd, &mut errors);
        let hours = self.number(
            F::TrainingHours,
            0.5,
            2000.0,
            "Nombre d'heures, entre 0,5 et 2 000.",
            &mut errors,
        );
        match (start, end, hours) {
            (Some(start_date), Some(end_date), Some(hours)) if errors.is_empty() => Ok(Training {
                id: self.training_id,
                employee_id: self.employee_id(),
                title,
                body: self.get(F::TrainingBody).trim().to_owned(),
                start_date,
                end_date,
                hours,
                qualifying: self.qualifying,
            }),
            _ => Err(errors),
        }
    }

    /// Puts a stored training in the form, or an empty one.
    pub fn edit_training(&mut self, training: Option<&Training>) {
        let fields = [
            F::TrainingTitle,
            F::TrainingBody,
            F::TrainingStart,
            F::TrainingEnd,
            F::TrainingHours,
        ];
        self.clear(&fields);
        self.training_id = training.map_or(0, |t| t.id);
        self.qualifying = training.is_some_and(|t| t.qualifying);
        if let Some(t) = training {
            self.set(F::TrainingTitle, t.title.clone());
            self.set(F::TrainingBody, t.body.clone());
            self.set(F::TrainingStart, format_date(t.start_date));
            self.set(F::TrainingEnd, format_date(t.end_date));
            self.set(F::TrainingHours, fmt_hours(t.hours));
        }
    }

    /// The immersion as typed, or the errors to show.
    pub fn immersion(&self) -> Result<Immersion, Errors> {
        let mut errors = Errors::new();
        let host = self.required(
            F::ImmersionHost,
            "L'entreprise d'accueil est obligatoire.",
            &mut errors,
        );
        let siret: String = self
            .get(F::ImmersionSiret)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !siret.is_empty() && (siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit())) {
            errors.insert(F::ImmersionSiret, "Le SIRET compte 14 chiffres.".into());
        }
        let start = self.date(F::ImmersionStart, &mut errors);
        let end = self.end_after(start, F::ImmersionEnd, &mut errors);
        let Some(objective) = self.objective else {
            errors.insert(
                F::ImmersionOutcome,
                "Choisissez l'objectif de l'immersion.".into(),
            );
            return Err(errors);
        };
        match (start, end) {
            (Some(start_date), Some(end_date)) if errors.is_empty() => Ok(Immersion {
                id: self.immersion_id,
                employee_id: self.employee_id(),
                host_name: host,
                host_siret: siret,
                tutor: self.get(F::ImmersionTutor).trim().to_owned(),
                start_date,
                end_date,
                objective,
                outcome: self.get(F::ImmersionOutcome).trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }

    /// Puts a stored immersion in the form, or an empty one.
    pub fn edit_immersion(&mut self, immersion: Option<&Immersion>) {
        let fields = [
            F::ImmersionHost,
            F::ImmersionSiret,
            F::ImmersionTutor,
            F::ImmersionStart,
            F::ImmersionEnd,
            F::ImmersionOutcome,
        ];
        self.clear(&fields);
        self.immersion_id = immersion.map_or(0, |i| i.id);
        self.objective = immersion.map(|i| i.objective);
        if let Some(i) = immersion {
            self.set(F::ImmersionHost, i.host_name.clone());
            self.set(F::ImmersionSiret, i.host_siret.clone());
            self.set(F::ImmersionTutor, i.tutor.clone());
            self.set(F::ImmersionStart, format_date(i.start_date));
            self.set(F::ImmersionEnd, format_date(i.end_date));
            self.set(F::ImmersionOutcome, i.outcome.clone());
        }
    }

    /// The exit as typed, or the errors to show.
    pub fn exit(&self) -> Result<Exit, Errors> {
        let mut errors = Errors::new();
        let date = self.date(F::ExitDate, &mut errors);
        let entry = self.file.as_ref().map(|f| f.employee.entry_date);
        if let (Some(date), Some(entry)) = (date, entry)
            && date < entry
        {
            errors.insert(F::ExitDate, "La sortie est avant l'entrée.".into());
        }
        let months_text = self.get(F::ExitMonths).trim();
        let months = if months_text.is_empty() {
            None
        } else {
            match months_text.parse::<u32>() {
                Ok(m) if (1..=600).contains(&m) => Some(m),
                _ => {
                    errors.insert(
                        F::ExitMonths,
                        "Durée en mois entiers, entre 1 et 600.".into(),
                    );
                    None
                }
            }
        };
        let category = self.exit_category.or(self.derived.exit_suggestion);
        if category.is_none() {
            errors.insert(F::ExitDetail, "Choisissez la catégorie de sortie.".into());
        }
        match (date, category) {
            (Some(date), Some(category)) if errors.is_empty() => Ok(Exit {
                employee_id: self.employee_id(),
                date,
                category,
                detail: compose_exit_detail(self.exit_outcome, months, self.get(F::ExitDetail)),
            }),
            _ => Err(errors),
        }
    }

    /// The FSE+ snapshot as typed, or the errors to show.
    pub fn fse(&self) -> Result<FseSnapshot, Errors> {
        let mut errors = Errors::new();
        let taken_on = self.date(F::FseDate, &mut errors);
        let Some(stage) = self.fse_stage else {
            errors.insert(
                F::FseDate,
                "Choisissez le moment : entrée, sortie ou six mois.".into(),
            );
            return Err(errors);
        };
        let (Some(taken_on), Some(file)) = (taken_on, &self.file) else {
            return Err(errors);
        };
        let e = &file.employee;
        let id = file
            .fse
            .iter()
            .find(|s| s.stage == stage)
            .map_or(0, |s| s.id);
        Ok(FseSnapshot {
            id,
            employee_id: e.id,
            stage,
            taken_on,
            gender: e.gender,
            age: e.age_on(taken_on).map(i64::from),
            education_level: e.education_level,
            labour_status: self.labour,
            disability: self.disability,
            foreign_origin: self.foreign_origin,
            minority: self.minority,
            homeless: self.homeless,
            exit_result: self.exit_result,
            six_month_result: self.six_month,
        })
    }

    /// Shows the stored snapshot of `stage`, or an empty one dated `today`.
    pub fn edit_fse(&mut self, stage: FseStage, today: NaiveDate) {
        self.fse_stage = Some(stage);
        let stored = self
            .file
            .as_ref()
            .and_then(|f| f.fse.iter().find(|s| s.stage == stage).cloned());
        match stored {
            Some(s) => {
                self.set(F::FseDate, format_date(s.taken_on));
                self.labour = s.labour_status;
                self.disability = s.disability;
                self.foreign_origin = s.foreign_origin;
                self.minority = s.minority;
                self.homeless = s.homeless;
                self.exit_result = s.exit_result;
                self.six_month = s.six_month_result;
            }
            None => {
                self.set(F::FseDate, format_date(today));
                self.labour = None;
                self.disability = None;
                self.foreign_origin = None;
                self.minority = None;
                self.homeless = None;
                self.exit_result = None;
                self.six_month = None;
            }
        }
    }
}
