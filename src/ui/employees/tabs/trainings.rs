//! The Formations, immersions tab: the trainings and the immersions (PMSMP) of the path.

use iced::widget::{Column, checkbox, column, row, text};
use iced::{Element, Length, Task};

use super::{Event, Sheet};
use crate::app::employees::{Change, Deletion};
use crate::domain::calendar::format_date;
use crate::domain::employees::{Immersion, ImmersionObjective, Training, immersion_warnings};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::{
    Errors, F, Fields, checked, choice, error_line, hours_text, input, small,
};
use crate::ui::widgets::{self, Tone};

/// Messages of the Formations, immersions tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer la formation", or Enter in one of its fields.
    SaveTraining,
    /// "Qualifiante" ticked or unticked.
    Qualifying(bool),
    /// "Modifier" a training.
    ModifyTraining(i64),
    /// "Vider" the training.
    ClearTraining,
    /// "Supprimer" a training.
    DeleteTraining(i64),
    /// "Enregistrer l'immersion", or Enter in one of its fields.
    SaveImmersion,
    /// The objective of the immersion chosen.
    Objective(ImmersionObjective),
    /// "Modifier" an immersion.
    ModifyImmersion(i64),
    /// "Vider" the immersion.
    ClearImmersion,
    /// "Supprimer" an immersion.
    DeleteImmersion(i64),
}

const TRAINING: [F; 5] = [
    F::TrainingTitle,
    F::TrainingBody,
    F::TrainingStart,
    F::TrainingEnd,
    F::TrainingHours,
];

const IMMERSION: [F; 6] = [
    F::ImmersionHost,
    F::ImmersionSiret,
    F::ImmersionTutor,
    F::ImmersionStart,
    F::ImmersionEnd,
    F::ImmersionOutcome,
];

/// The training and the immersion being typed.
#[derive(Debug, Clone, Default)]
pub struct Trainings {
    fields: Fields,
    /// The training being edited (0: new).
    training_id: i64,
    qualifying: bool,
    /// The immersion being edited (0: new).
    immersion_id: i64,
    objective: Option<ImmersionObjective>,
    /// Warnings about the immersion typed.
    warnings: Vec<String>,
}

/// A text field of this form: Enter saves the training or the immersion it belongs to.
fn field<'a>(form: &'a Trainings, field: F, label: &'a str, hint: &'a str) -> Element<'a, Message> {
    let submit = if TRAINING.contains(&field) {
        Message::SaveTraining
    } else {
        Message::SaveImmersion
    };
    input(&form.fields, field, (label, hint), Message::Edit, submit)
}

impl Trainings {
    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// Handles a message; the task moves the focus.
    pub fn update(
        &mut self,
        message: Message,
        sheet: &Sheet<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let file = sheet.file;
        let (focus, event) = match message {
            Message::Edit(field, value) => {
                self.fields.set(field, value);
                (None, None)
            }
            Message::SaveTraining => self.save_training(file.employee.id),
            Message::Qualifying(on) => {
                self.qualifying = on;
                (None, None)
            }
            Message::ModifyTraining(id) => {
                self.edit_training(file.trainings.iter().find(|t| t.id == id));
                (None, None)
            }
            Message::ClearTraining => {
                self.edit_training(None);
                (None, None)
            }
            Message::DeleteTraining(id) => (None, deleted(Deletion::Training(id))),
            Message::SaveImmersion => self.save_immersion(file.employee.id),
            Message::Objective(v) => {
                self.objective = Some(v);
                self.fields.errors.remove(&F::ImmersionOutcome);
                (None, None)
            }
            Message::ModifyImmersion(id) => {
                self.edit_immersion(file.immersions.iter().find(|i| i.id == id));
                (None, None)
            }
            Message::ClearImmersion => {
                self.edit_immersion(None);
                (None, None)
            }
            Message::DeleteImmersion(id) => (None, deleted(Deletion::Immersion(id))),
        };
        self.refresh(file.employee.id);
        let task = focus.map_or_else(Task::none, |f: F| iced::widget::operation::focus(f.id()));
        (task, event)
    }

    /// Recomputes the warnings of the immersion typed.
    pub fn refresh(&mut self, employee_id: i64) {
        self.warnings = self
            .immersion(employee_id)
            .map(|i| immersion_warnings(&i))
            .unwrap_or_default();
    }

    fn save_training(&mut self, employee_id: i64) -> (Option<F>, Option<Event>) {
        match self.training(employee_id) {
            Ok(training) => {
                self.edit_training(None);
                let event = Event::save(Change::Training(training), "Formation enregistrée.");
                (Some(F::TrainingTitle), Some(event))
            }
            Err(errors) => (None, super::refuse(&mut self.fields, errors)),
        }
    }

    fn save_immersion(&mut self, employee_id: i64) -> (Option<F>, Option<Event>) {
        match self.immersion(employee_id) {
            Ok(immersion) => {
                self.edit_immersion(None);
                let event = Event::save(Change::Immersion(immersion), "Immersion enregistrée.");
                (Some(F::ImmersionHost), Some(event))
            }
            Err(errors) => (None, super::refuse(&mut self.fields, errors)),
        }
    }

    /// The training as typed, or the errors to show.
    fn training(&self, employee_id: i64) -> Result<Training, Errors> {
        let mut errors = Errors::new();
        let f = &self.fields;
        let title = f.required(F::TrainingTitle, "L'intitulé est obligatoire.", &mut errors);
        let start = f.date(F::TrainingStart, &mut errors);
        let end = f.end_after(start, F::TrainingEnd, &mut errors);
        let message = "Nombre d'heures, entre 0,5 et 2 000.";
        let hours = f.number(F::TrainingHours, (0.5, 2000.0), message, &mut errors);
        let training = match (start, end, hours) {
            (Some(start_date), Some(end_date), Some(hours)) => Some(Training {
                id: self.training_id,
                employee_id,
                title,
                body: f.trimmed(F::TrainingBody),
                start_date,
                end_date,
                hours,
                qualifying: self.qualifying,
            }),
            _ => None,
        };
        checked(training, errors)
    }

    /// Puts a stored training in the form, or an empty one.
    fn edit_training(&mut self, training: Option<&Training>) {
        self.fields.clear(&TRAINING);
        self.training_id = training.map_or(0, |t| t.id);
        self.qualifying = training.is_some_and(|t| t.qualifying);
        if let Some(t) = training {
            self.fields.set(F::TrainingTitle, t.title.clone());
            self.fields.set(F::TrainingBody, t.body.clone());
            self.fields.set(F::TrainingStart, format_date(t.start_date));
            self.fields.set(F::TrainingEnd, format_date(t.end_date));
            self.fields.set(F::TrainingHours, hours_text(t.hours));
        }
    }

    /// The immersion as typed, or the errors to show.
    fn immersion(&self, employee_id: i64) -> Result<Immersion, Errors> {
        let mut errors = Errors::new();
        let f = &self.fields;
        let message = "L'entreprise d'accueil est obligatoire.";
        let host = f.required(F::ImmersionHost, message, &mut errors);
        let siret: String = f
            .get(F::ImmersionSiret)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !siret.is_empty() && (siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit())) {
            errors.insert(F::ImmersionSiret, "Le SIRET compte 14 chiffres.".into());
        }
        let start = f.date(F::ImmersionStart, &mut errors);
        let end = f.end_after(start, F::ImmersionEnd, &mut errors);
        let Some(objective) = self.objective else {
            let message = "Choisissez l'objectif de l'immersion.";
            errors.insert(F::ImmersionOutcome, message.into());
            return Err(errors);
        };
        let immersion = start.zip(end).map(|(start_date, end_date)| Immersion {
            id: self.immersion_id,
            employee_id,
            host_name: host,
            host_siret: siret,
            tutor: f.trimmed(F::ImmersionTutor),
            start_date,
            end_date,
            objective,
            outcome: f.trimmed(F::ImmersionOutcome),
        });
        checked(immersion, errors)
    }

    /// Puts a stored immersion in the form, or an empty one.
    fn edit_immersion(&mut self, immersion: Option<&Immersion>) {
        self.fields.clear(&IMMERSION);
        self.immersion_id = immersion.map_or(0, |i| i.id);
        self.objective = immersion.map(|i| i.objective);
        if let Some(i) = immersion {
            self.fields.set(F::ImmersionHost, i.host_name.clone());
            self.fields.set(F::ImmersionSiret, i.host_siret.clone());
            self.fields.set(F::ImmersionTutor, i.tutor.clone());
            self.fields
                .set(F::ImmersionStart, format_date(i.start_date));
            self.fields.set(F::ImmersionEnd, format_date(i.end_date));
            self.fields.set(F::ImmersionOutcome, i.outcome.clone());
        }
    }

    fn trainings<'a>(&'a self, stored: &'a [Training]) -> Element<'a, Message> {
        let form = self;
        let mut list = Column::new().spacing(6);
        if stored.is_empty() {
            list = list.push(widgets::muted("Aucune formation."));
        }
        for t in stored {
            list = list.push(
                row![
                    text(format!(
                        "{} ({}) · {} → {} · {} h{}",
                        t.title,
                        t.body,
                        format_date(t.start_date),
                        format_date(t.end_date),
                        hours_text(t.hours),
                        if t.qualifying { " · qualifiante" } else { "" }
                    ))
                    .size(15)
                    .width(Length::Fill),
                    small("Modifier", Message::ModifyTraining(t.id)),
                    small("Supprimer", Message::DeleteTraining(t.id)),
                ]
                .align_y(iced::Alignment::Center),
            );
        }
        let fields = row![
            column![field(form, F::TrainingTitle, "Intitulé", "")].width(Length::FillPortion(3)),
            column![field(form, F::TrainingBody, "Organisme", "")].width(Length::FillPortion(2)),
            column![field(form, F::TrainingStart, "Début", "jj/mm/aaaa")]
                .width(Length::FillPortion(2)),
            column![field(form, F::TrainingEnd, "Fin", "jj/mm/aaaa")].width(Length::FillPortion(2)),
            column![field(form, F::TrainingHours, "Heures", "")].width(Length::FillPortion(1)),
        ]
        .spacing(12);
        let actions = row![
            checkbox(form.qualifying)
                .label("Qualifiante")
                .size(16)
                .text_size(15)
                .on_toggle(Message::Qualifying),
            widgets::action("Enregistrer la formation", Some(Message::SaveTraining)),
            widgets::secondary("Vider", Some(Message::ClearTraining)),
        ]
        .spacing(12)
        .align_y(iced::Alignment::Center);
        widgets::card("Formations", column![list, fields, actions].spacing(10))
    }

    fn immersions<'a>(&'a self, stored: &'a [Immersion]) -> Element<'a, Message> {
        let form = self;
        let mut list = Column::new().spacing(6);
        if stored.is_empty() {
            list = list.push(widgets::muted("Aucune immersion (PMSMP)."));
        }
        for i in stored {
            list = list.push(
                row![
                    text(format!(
                        "{} · {} → {} · {}{}",
                        i.host_name,
                        format_date(i.start_date),
                        format_date(i.end_date),
                        i.objective.label(),
                        if i.outcome.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", i.outcome)
                        }
                    ))
                    .size(15)
                    .width(Length::Fill),
                    small("Modifier", Message::ModifyImmersion(i.id)),
                    small("Supprimer", Message::DeleteImmersion(i.id)),
                ]
                .align_y(iced::Alignment::Center),
            );
        }
        let host = row![
            column![field(form, F::ImmersionHost, "Entreprise d'accueil", "")]
                .width(Length::FillPortion(3)),
            column![field(form, F::ImmersionSiret, "SIRET", "")].width(Length::FillPortion(2)),
            column![field(form, F::ImmersionTutor, "Tuteur", "")].width(Length::FillPortion(2)),
        ]
        .spacing(12);
        let dates = row![
            column![field(form, F::ImmersionStart, "Début", "jj/mm/aaaa")]
                .width(Length::FillPortion(2)),
            column![field(
                form,
                F::ImmersionEnd,
                "Fin (1 mois au plus)",
                "jj/mm/aaaa"
            )]
            .width(Length::FillPortion(2)),
            column![choice(
                "Objectif (un seul)",
                ImmersionObjective::ALL,
                form.objective,
                Message::Objective
            )]
            .width(Length::FillPortion(3)),
        ]
        .spacing(12);
        let mut body = column![
            list,
            host,
            dates,
            field(form, F::ImmersionOutcome, "Bilan", "")
        ]
        .spacing(10);
        if form.fields.errors.contains_key(&F::ImmersionOutcome) && form.objective.is_none() {
            body = body.push(error_line("Choisissez l'objectif de l'immersion."));
        }
        for warning in &form.warnings {
            body = body.push(widgets::banner(Tone::Warning, warning.clone()));
        }
        body = body.push(
            row![
                widgets::action("Enregistrer l'immersion", Some(Message::SaveImmersion)),
                widgets::secondary("Vider", Some(Message::ClearImmersion)),
            ]
            .spacing(8),
        );
        widgets::card("Immersions (PMSMP)", body)
    }

    /// The Formations, immersions tab.
    pub fn view<'a>(&'a self, file: &'a EmployeeFile) -> Element<'a, Message> {
        column![
            self.trainings(&file.trainings),
            self.immersions(&file.immersions)
        ]
        .spacing(12)
        .into()
    }
}

/// The deletion of a line.
fn deleted(deletion: Deletion) -> Option<Event> {
    Some(Event::save(Change::Delete(deletion), "Ligne supprimée."))
}
