//! The Sortie tab: how the person left their path (with the category the job found
//! suggests), and their paths, with starting a new one after an exit.

use chrono::NaiveDate;
use iced::widget::{Column, column, row, text};
use iced::{Element, Length};

use super::{Event, Sheet};
use crate::app::employees::{Change, Deletion};
use crate::domain::calendar::format_date;
use crate::domain::employees::{
    Exit as ExitRecord, ExitCategory, ExitOutcome, exit_category_warning, suggest_exit_category,
};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::{Errors, F, Fields, checked, choice, error_line, input};
use crate::ui::theme::BOLD;
use crate::ui::widgets::{self, Tone};

/// Messages of the Sortie tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer la sortie", or Enter in one of its fields.
    Submit,
    /// Situation at exit chosen.
    Outcome(ExitOutcome),
    /// Exit category chosen.
    Category(ExitCategory),
    /// "Annuler la sortie (retour en parcours)".
    Cancel,
    /// "Commencer un nouveau parcours", or Enter in its date.
    NewPath,
    /// "Annuler ce nouveau parcours (commencé par erreur)".
    CancelPath,
}

/// The exit as typed, and the category it suggests.
#[derive(Debug, Clone, Default)]
pub struct Exit {
    fields: Fields,
    outcome: Option<ExitOutcome>,
    category: Option<ExitCategory>,
    suggestion: Option<ExitCategory>,
}

/// A text field of this form.
fn field<'a>(form: &'a Exit, field: F, label: &'a str, hint: &'a str) -> Element<'a, Message> {
    let submit = if field == F::NewPathDate {
        Message::NewPath
    } else {
        Message::Submit
    };
    input(&form.fields, field, (label, hint), Message::Edit, submit)
}

impl Exit {
    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// Fills the form from the exit of the file as read (empty when on a path).
    pub fn load(&mut self, file: &EmployeeFile) {
        match &file.exit {
            Some(exit) => {
                self.category = Some(exit.category);
                self.outcome = exit.outcome;
                self.fields.set(F::ExitDate, format_date(exit.date));
                let months = exit.outcome_months.map(|m| m.to_string());
                self.fields.set(F::ExitMonths, months.unwrap_or_default());
                self.fields.set(F::ExitDetail, exit.detail.clone());
            }
            None => {
                self.category = None;
                self.outcome = None;
                let fields = [F::ExitDate, F::ExitMonths, F::ExitDetail, F::NewPathDate];
                self.fields.clear(&fields);
            }
        }
        self.refresh();
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, sheet: &Sheet<'_>) -> Option<Event> {
        let event = match message {
            Message::Edit(field, value) => {
                self.fields.set(field, value);
                None
            }
            Message::Submit => match self.exit(sheet.file) {
                Ok(exit) => Some(Event::save(Change::Exit(exit), "Sortie enregistrée.")),
                Err(errors) => super::refuse(&mut self.fields, errors),
            },
            Message::Outcome(v) => {
                self.outcome = Some(v);
                self.category = None;
                None
            }
            Message::Category(v) => {
                self.category = Some(v);
                self.fields.errors.remove(&F::ExitDetail);
                None
            }
            Message::Cancel => {
                let change = Change::Delete(Deletion::Exit);
                Some(Event::save(change, "Ligne supprimée."))
            }
            Message::NewPath => match self.new_path_date() {
                Ok(date) => Some(Event::save(
                    Change::NewPath(date),
                    "Nouveau parcours commencé : saisissez son contrat.",
                )),
                Err(errors) => super::refuse(&mut self.fields, errors),
            },
            Message::CancelPath => Some(Event::save(
                Change::Delete(Deletion::NewPath),
                "Nouveau parcours annulé.",
            )),
        };
        self.refresh();
        event
    }

    /// Recomputes the category the job found suggests.
    fn refresh(&mut self) {
        let months = self.fields.get(F::ExitMonths).trim().replace(',', ".");
        self.suggestion = self
            .outcome
            .and_then(|outcome| suggest_exit_category(outcome, months.parse().ok()));
    }

    /// The exit as typed, or the errors to show.
    fn exit(&self, file: &EmployeeFile) -> Result<ExitRecord, Errors> {
        let mut errors = Errors::new();
        let date = self.fields.date(F::ExitDate, &mut errors);
        if let Some(date) = date
            && date < file.employee.entry_date
        {
            errors.insert(F::ExitDate, "La sortie est avant l'entrée.".into());
        }
        let text = self.fields.get(F::ExitMonths).trim();
        let months = match text.parse::<u32>() {
            _ if text.is_empty() => None,
            Ok(m) if (1..=600).contains(&m) => Some(m),
            _ => {
                let message = "Durée en mois entiers, entre 1 et 600.";
                errors.insert(F::ExitMonths, message.into());
                None
            }
        };
        let category = self.category.or(self.suggestion);
        if category.is_none() {
            let message = "Choisissez la catégorie de sortie.";
            errors.insert(F::ExitDetail, message.into());
        }
        let exit = date.zip(category).map(|(date, category)| ExitRecord {
            employee_id: file.employee.id,
            date,
            category,
            outcome: self.outcome,
            // The length only matters for a CDD or temp work.
            outcome_months: months.filter(|_| self.outcome.is_some_and(|o| o.needs_length())),
            detail: self.fields.trimmed(F::ExitDetail),
        });
        checked(exit, errors)
    }

    /// The entry date of a new path, as typed, or the errors to show.
    fn new_path_date(&self) -> Result<NaiveDate, Errors> {
        let mut errors = Errors::new();
        let date = self.fields.date(F::NewPathDate, &mut errors);
        checked(date, errors)
    }

    /// The Sortie tab.
    pub fn view<'a>(&'a self, file: &'a EmployeeFile) -> Element<'a, Message> {
        let form = self;
        let head = row![
            column![field(form, F::ExitDate, "Date de sortie", "jj/mm/aaaa")]
                .width(Length::FillPortion(1)),
            column![choice(
                "Situation à la sortie",
                ExitOutcome::ALL,
                form.outcome,
                Message::Outcome
            )]
            .width(Length::FillPortion(2)),
            column![field(
                form,
                F::ExitMonths,
                "Durée du contrat (mois)",
                "ex. 4"
            )]
            .width(Length::FillPortion(1)),
        ]
        .spacing(12);
        let mut actions = row![widgets::action(
            "Enregistrer la sortie",
            Some(Message::Submit)
        )]
        .spacing(8);
        if file.exit.is_some() {
            actions = actions.push(widgets::secondary(
                "Annuler la sortie (retour en parcours)",
                Some(Message::Cancel),
            ));
        }
        let body = column![head, self.category_view(), actions].spacing(10);
        column![widgets::card("Sortie du parcours", body), self.paths(file)]
            .spacing(12)
            .into()
    }

    /// The suggestion, the category, its warning, the details.
    fn category_view(&self) -> Element<'_, Message> {
        let form = self;
        let mut body = Column::new().spacing(10);
        if let Some(suggested) = form.suggestion {
            let line = format!("Catégorie suggérée : {}", suggested.label());
            body = body.push(text(line).size(16).font(BOLD));
        } else if form.outcome.is_some_and(ExitOutcome::needs_length) {
            body = body.push(widgets::muted(
                "Indiquez la durée du contrat : 6 mois ou plus, c'est un emploi durable.",
            ));
        }
        let category = form.category.or(form.suggestion);
        let months = form.fields.get(F::ExitMonths).trim().parse().ok();
        if let Some(warning) = category.and_then(|c| exit_category_warning(c, form.outcome, months))
        {
            body = body.push(widgets::banner(Tone::Warning, warning));
        }
        body = body.push(choice(
            "Catégorie de sortie",
            ExitCategory::ALL,
            category,
            Message::Category,
        ));
        if let Some(category) = category {
            body = body.push(widgets::muted(category.description()));
        }
        let label = "Précisions (employeur, poste, formation…)";
        body = body.push(field(form, F::ExitDetail, label, ""));
        if form.fields.errors.contains_key(&F::ExitDetail) && category.is_none() {
            body = body.push(error_line("Choisissez la catégorie de sortie."));
        }
        body.into()
    }

    /// The paths card: the list, and after an exit the way to start a new path.
    fn paths<'a>(&'a self, file: &'a EmployeeFile) -> Element<'a, Message> {
        let mut body = Column::new().spacing(8);
        for (i, path) in file.paths.iter().enumerate() {
            body = body.push(text(path.line(i + 1)).size(15));
        }
        let current_is_empty = file.exit.is_none()
            && file.fse.is_empty()
            && file.paths.last().is_some_and(|current| {
                !file
                    .contracts
                    .iter()
                    .any(|c| c.start_date >= current.entry_date)
            });
        if file.paths.len() > 1 && current_is_empty {
            body = body.push(widgets::secondary(
                "Annuler ce nouveau parcours (commencé par erreur)",
                Some(Message::CancelPath),
            ));
        }
        if file.exit.is_some() {
            body = body.push(widgets::muted(
                "La personne revient après sa sortie ? Commencez un nouveau parcours : la \
                 sortie ci-dessus reste comptée, le nouveau parcours aura ses contrats, sa \
                 sortie et ses questionnaires FSE+.",
            ));
            body = body.push(
                row![
                    field(
                        self,
                        F::NewPathDate,
                        "Date de la nouvelle entrée",
                        "jj/mm/aaaa"
                    ),
                    widgets::action("Commencer un nouveau parcours", Some(Message::NewPath)),
                ]
                .spacing(12)
                .align_y(iced::alignment::Vertical::Bottom),
            );
        }
        widgets::card("Parcours", body)
    }
}
