//! The Identité and Entrée tabs: who the person is, how they came, whether they are
//! eligible. One component, one form (the person), drawn on two tabs.

use iced::Element;

mod view;

pub use view::{entry, identity};

use super::Event;
use crate::app::employees::Change;
use crate::domain::calendar::format_date;
use crate::domain::employees::{
    Civility, Criterion, EducationLevel, Employee, Gender, PrescriberKind,
};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::StaffChoice;
use crate::ui::employees::fields::{Errors, F, Fields, checked, input};

/// An education level shown with its ASP code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EducationChoice(pub EducationLevel);

impl std::fmt::Display for EducationChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} — {}", self.0.code(), self.0.label())
    }
}

/// The yes / no boxes of the Entrée tab; each is an eligibility criterion too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// RSA.
    Rsa,
    /// ASS.
    Ass,
    /// AAH.
    Aah,
    /// RQTH.
    Rqth,
    /// QPV.
    Qpv,
    /// ZRR.
    Zrr,
    /// Under a court measure.
    Court,
}

impl Flag {
    /// The eligibility criterion the box stands for.
    fn criterion(self) -> Criterion {
        match self {
            Flag::Rsa => Criterion::Rsa,
            Flag::Ass => Criterion::Ass,
            Flag::Aah => Criterion::Aah,
            Flag::Rqth => Criterion::DisabledWorker,
            Flag::Qpv => Criterion::Qpv,
            Flag::Zrr => Criterion::Zrr,
            Flag::Court => Criterion::Justice,
        }
    }
}

/// Messages of the Identité and Entrée tabs.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Créer la fiche" / "Enregistrer", or Enter in a field.
    Submit,
    /// Civility chosen.
    Civility(Civility),
    /// Gender chosen.
    Gender(Gender),
    /// Referent chosen.
    Referent(StaffChoice),
    /// Kind of prescriber chosen.
    Prescriber(PrescriberKind),
    /// Education level chosen.
    Education(EducationChoice),
    /// A yes / no box ticked or unticked (its criterion with it).
    Flag(Flag, bool),
    /// An eligibility criterion ticked or unticked (its box with it).
    Criterion(Criterion, bool),
}

/// The person as typed.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    fields: Fields,
    civility: Option<Civility>,
    gender: Option<Gender>,
    referent: Option<i64>,
    prescriber_kind: Option<PrescriberKind>,
    education: Option<EducationLevel>,
    rsa: bool,
    ass: bool,
    aah: bool,
    rqth: bool,
    qpv: bool,
    zrr: bool,
    court_measure: bool,
    criteria: Vec<Criterion>,
    eligible: bool,
}

/// A text field of this form.
fn field<'a>(form: &'a Identity, field: F, label: &'a str, hint: &'a str) -> Element<'a, Message> {
    input(
        &form.fields,
        field,
        (label, hint),
        Message::Edit,
        Message::Submit,
    )
}

impl Identity {
    /// An empty form for a person entering on `today`.
    pub fn new_person(today: chrono::NaiveDate) -> Self {
        let mut form = Identity {
            prescriber_kind: Some(PrescriberKind::FranceTravail),
            civility: Some(Civility::Unspecified),
            ..Identity::default()
        };
        form.fields.set(F::EntryDate, format_date(today));
        form
    }

    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// The referent chosen.
    pub fn referent(&self) -> Option<i64> {
        self.referent
    }

    /// `saved` with what is typed that other tabs' warnings depend on (referent, court
    /// measure, RQTH).
    pub fn typed_over(&self, saved: &Employee) -> Employee {
        let mut person = saved.clone();
        person.referent_id = self.referent;
        person.court_measure = self.court_measure;
        person.rqth = self.rqth;
        person
    }

    /// Fills the form from the file as read.
    pub fn load(&mut self, file: &EmployeeFile) {
        // A file saved before eligibility had one source may have a box without its
        // criterion: shown aligned, saved aligned.
        let mut e = file.employee.clone();
        e.align_flags_and_criteria();
        self.civility = Some(e.civility);
        self.gender = Some(e.gender);
        self.referent = e.referent_id;
        self.prescriber_kind = Some(e.prescriber_kind);
        self.education = e.education_level;
        (self.rsa, self.ass, self.aah) = (e.rsa, e.ass, e.aah);
        (self.rqth, self.qpv, self.zrr) = (e.rqth, e.qpv, e.zrr);
        self.court_measure = e.court_measure;
        self.criteria = e.criteria.clone();
        let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
        let months = e.unemployment_months.map(|m| m.to_string());
        let texts = [
            (F::LastName, e.last_name),
            (F::FirstName, e.first_name),
            (F::BirthDate, date(e.birth_date)),
            (F::Address, e.address),
            (F::Postcode, e.postcode),
            (F::City, e.city),
            (F::Phone, e.phone),
            (F::Email, e.email),
            (F::EntryDate, format_date(e.entry_date)),
            (F::PrescriberOrg, e.prescriber_org),
            (F::PrescriberContact, e.prescriber_contact),
            (F::UnemploymentMonths, months.unwrap_or_default()),
            (F::Notes, e.notes),
        ];
        for (field, value) in texts {
            self.fields.set(field, value);
        }
        self.eligible = crate::domain::employees::is_eligible(&self.criteria);
    }

    /// Handles a message; `file` is the file as last read (`None`: a new person).
    pub fn update(&mut self, message: Message, file: Option<&EmployeeFile>) -> Option<Event> {
        match message {
            Message::Edit(field, value) => self.fields.set(field, value),
            Message::Submit => {
                return match self.employee(file) {
                    Ok(employee) => Some(Event::save(
                        Change::Employee(employee),
                        "Fiche enregistrée.",
                    )),
                    Err(errors) => super::refuse(&mut self.fields, errors),
                };
            }
            Message::Civility(v) => self.civility = Some(v),
            Message::Gender(v) => {
                self.gender = Some(v);
                self.fields.errors.remove(&F::Gender);
            }
            Message::Referent(v) => self.referent = v.id,
            Message::Prescriber(v) => self.prescriber_kind = Some(v),
            Message::Education(v) => self.education = Some(v.0),
            // The boxes are eligibility criteria too: eligibility has one source.
            Message::Flag(flag, on) => self.set_criterion(flag.criterion(), on),
            Message::Criterion(criterion, on) => self.set_criterion(criterion, on),
        }
        None
    }

    /// Ticks or unticks an eligibility criterion, and the box of the same meaning (RSA,
    /// ASS, AAH, RQTH, QPV, ZRR, court measure) with it.
    fn set_criterion(&mut self, criterion: Criterion, on: bool) {
        self.criteria.retain(|c| *c != criterion);
        if on {
            self.criteria.push(criterion);
            self.criteria.sort();
        }
        self.eligible = crate::domain::employees::is_eligible(&self.criteria);
        let flag = match criterion {
            Criterion::Rsa => &mut self.rsa,
            Criterion::Ass => &mut self.ass,
            Criterion::Aah => &mut self.aah,
            Criterion::DisabledWorker => &mut self.rqth,
            Criterion::Qpv => &mut self.qpv,
            Criterion::Zrr => &mut self.zrr,
            Criterion::Justice => &mut self.court_measure,
            _ => return,
        };
        *flag = on;
    }

    /// The unemployment length typed (`Some(None)`: empty), or its error.
    fn unemployment_months(&self, errors: &mut Errors) -> Option<Option<i64>> {
        let text = self.fields.get(F::UnemploymentMonths).trim();
        if text.is_empty() {
            return Some(None);
        }
        match text.parse::<i64>() {
            Ok(m) if (0..=600).contains(&m) => Some(Some(m)),
            _ => {
                let message = "Nombre de mois entier, entre 0 et 600.";
                errors.insert(F::UnemploymentMonths, message.into());
                None
            }
        }
    }

    /// The person as typed over the file's (`None`: a new person), or the errors to show.
    pub fn employee(&self, file: Option<&EmployeeFile>) -> Result<Employee, Errors> {
        let mut errors = Errors::new();
        let f = &self.fields;
        let last = f.required(F::LastName, "Le nom est obligatoire.", &mut errors);
        let first = f.required(F::FirstName, "Le prénom est obligatoire.", &mut errors);
        let birth = f.optional_date(F::BirthDate, &mut errors);
        let entry = f.date(F::EntryDate, &mut errors);
        let months = self.unemployment_months(&mut errors);
        if let (Some(Some(birth)), Some(entry)) = (birth, entry)
            && birth >= entry
        {
            errors.insert(F::BirthDate, "La naissance doit précéder l'entrée.".into());
        }
        if self.gender.is_none() {
            let message = "Choisissez le genre (femme, homme, non-binaire).";
            errors.insert(F::Gender, message.into());
        }
        let (Some(birth), Some(entry), Some(months), Some(gender)) =
            (birth, entry, months, self.gender)
        else {
            return Err(errors);
        };
        let mut e = match file {
            Some(file) => file.employee.clone(),
            None => Employee::new(&first, &last, gender, entry),
        };
        (e.last_name, e.first_name, e.gender) = (last, first, gender);
        (e.entry_date, e.birth_date) = (entry, birth);
        e.civility = self.civility.unwrap_or(Civility::Unspecified);
        e.address = f.trimmed(F::Address);
        e.postcode = f.trimmed(F::Postcode);
        e.city = f.trimmed(F::City);
        e.phone = f.trimmed(F::Phone);
        e.email = f.trimmed(F::Email);
        e.referent_id = self.referent;
        e.prescriber_kind = self.prescriber_kind.unwrap_or(PrescriberKind::Other);
        e.prescriber_org = f.trimmed(F::PrescriberOrg);
        e.prescriber_contact = f.trimmed(F::PrescriberContact);
        e.education_level = self.education;
        e.unemployment_months = months;
        (e.rsa, e.ass, e.aah) = (self.rsa, self.ass, self.aah);
        (e.rqth, e.qpv, e.zrr) = (self.rqth, self.qpv, self.zrr);
        e.court_measure = self.court_measure;
        e.notes = f.get(F::Notes).to_owned();
        e.criteria = self.criteria.clone();
        e.criteria.sort();
        e.criteria.dedup();
        checked(Some(e), errors)
    }
}
