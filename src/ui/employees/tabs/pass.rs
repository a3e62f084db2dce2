//! The PASS IAE tab: number, dates, suspensions and prolongations, the end they lead to.

use chrono::NaiveDate;
use iced::widget::{Column, button, column, row, text};
use iced::{Element, Length};

use super::{Event, Sheet};
use crate::app::employees::Change;
use crate::domain::calendar::{format_date, parse_date};
use crate::domain::employees::{Approval, ApprovalChange, ApprovalChangeKind, approval_warnings};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::{Errors, F, Fields, checked, choice, input};
use crate::ui::theme::BOLD;
use crate::ui::widgets::{self, Tone};

/// Messages of the PASS IAE tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer le PASS IAE", or Enter in one of its fields.
    Submit,
    /// "Ajouter" a suspension or prolongation, or Enter in one of its fields.
    AddChange,
    /// Suspension or prolongation chosen.
    ChangeKind(ApprovalChangeKind),
    /// "Retirer" the change at this index.
    RemoveChange(usize),
}

/// The PASS IAE as typed, and the end and warnings it leads to.
#[derive(Debug, Clone)]
pub struct Pass {
    fields: Fields,
    /// The PASS being edited (0: new).
    id: i64,
    changes: Vec<ApprovalChange>,
    /// The end was filled in from the start (and follows it).
    end_auto: bool,
    change_kind: Option<ApprovalChangeKind>,
    end: Option<NaiveDate>,
    warnings: Vec<String>,
}

impl Default for Pass {
    fn default() -> Self {
        Pass {
            fields: Fields::default(),
            id: 0,
            changes: Vec::new(),
            end_auto: false,
            change_kind: Some(ApprovalChangeKind::Suspension),
            end: None,
            warnings: Vec::new(),
        }
    }
}

/// A text field of this form: Enter saves the PASS, or adds the change of a change field.
fn field<'a>(form: &'a Pass, field: F, label: &'a str, hint: &'a str) -> Element<'a, Message> {
    let submit = match field {
        F::ChangeStart | F::ChangeEnd | F::ChangeReason => Message::AddChange,
        _ => Message::Submit,
    };
    input(&form.fields, field, (label, hint), Message::Edit, submit)
}

impl Pass {
    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// Fills the form from the latest PASS of the file as read.
    pub fn load(&mut self, file: &EmployeeFile, today: NaiveDate) {
        match file.approvals.last() {
            Some(a) => {
                self.id = a.id;
                self.changes = a.changes.clone();
                self.fields.set(F::PassNumber, a.number.clone());
                self.fields.set(F::PassStart, format_date(a.start_date));
                self.fields.set(F::PassEnd, format_date(a.end_date));
            }
            None => {
                self.id = 0;
                self.changes.clear();
                self.fields
                    .clear(&[F::PassNumber, F::PassStart, F::PassEnd]);
            }
        }
        self.refresh(file.employee.id, today);
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, sheet: &Sheet<'_>) -> Option<Event> {
        let employee_id = sheet.file.employee.id;
        let event = match message {
            Message::Edit(field, value) => {
                self.fields.set(field, value);
                match field {
                    F::PassStart => self.fill_end(),
                    F::PassEnd => self.end_auto = false,
                    _ => {}
                }
                None
            }
            Message::Submit => match self.approval(employee_id) {
                Ok(approval) => Some(Event::save(
                    Change::Approval(approval),
                    "PASS IAE enregistré.",
                )),
                Err(errors) => super::refuse(&mut self.fields, errors),
            },
            Message::AddChange => self.add_change(),
            Message::ChangeKind(kind) => {
                self.change_kind = Some(kind);
                self.fields.errors.remove(&F::ChangeReason);
                None
            }
            Message::RemoveChange(index) => {
                if index < self.changes.len() {
                    self.changes.remove(index);
                }
                None
            }
        };
        self.refresh(employee_id, sheet.today);
        event
    }

    /// Adds the suspension or prolongation typed to the PASS (saved with it).
    fn add_change(&mut self) -> Option<Event> {
        let change = match self.change() {
            Ok(change) => change,
            Err(errors) => return super::refuse(&mut self.fields, errors),
        };
        self.changes.push(change);
        self.changes.sort_by_key(|c| c.start_date);
        self.fields
            .clear(&[F::ChangeStart, F::ChangeEnd, F::ChangeReason]);
        self.change_kind = Some(ApprovalChangeKind::Suspension);
        Some(Event::Notice(
            Tone::Success,
            "Ajouté : enregistrez le PASS IAE pour le garder.".into(),
        ))
    }

    /// Recomputes the effective end and the warnings.
    fn refresh(&mut self, employee_id: i64, today: NaiveDate) {
        let approval = self.lenient(employee_id, &mut Errors::new());
        self.end = approval.as_ref().map(Approval::effective_end);
        self.warnings = approval
            .map(|a| approval_warnings(&a, today))
            .unwrap_or_default();
    }

    /// The PASS as typed, without the number check (for the live end date).
    fn lenient(&self, employee_id: i64, errors: &mut Errors) -> Option<Approval> {
        let start = self.fields.date(F::PassStart, errors)?;
        let end = self.fields.end_after(Some(start), F::PassEnd, errors)?;
        Some(Approval {
            id: self.id,
            employee_id,
            number: self.fields.trimmed(F::PassNumber),
            start_date: start,
            end_date: end,
            changes: self.changes.clone(),
        })
    }

    /// The PASS as typed, or the errors to show.
    fn approval(&self, employee_id: i64) -> Result<Approval, Errors> {
        let mut errors = Errors::new();
        if !crate::domain::employees::pass_number_valid(self.fields.get(F::PassNumber)) {
            errors.insert(
                F::PassNumber,
                "Le numéro de PASS IAE compte 12 caractères, lettres ou chiffres.".into(),
            );
        }
        let approval = self.lenient(employee_id, &mut errors);
        checked(approval, errors)
    }

    /// Puts the default end (two years) of a PASS starting on the typed start date, as long
    /// as the user has not typed an end of their own.
    fn fill_end(&mut self) {
        if !self.end_auto && !self.fields.get(F::PassEnd).trim().is_empty() {
            return;
        }
        match parse_date(self.fields.get(F::PassStart)) {
            Some(start) => self
                .fields
                .set(F::PassEnd, format_date(Approval::default_end(start))),
            None => self.fields.set(F::PassEnd, ""),
        }
        self.end_auto = true;
    }

    /// The suspension or prolongation being typed, or the errors to show.
    fn change(&self) -> Result<ApprovalChange, Errors> {
        let mut errors = Errors::new();
        let start = self.fields.date(F::ChangeStart, &mut errors);
        let end = self.fields.end_after(start, F::ChangeEnd, &mut errors);
        let Some(kind) = self.change_kind else {
            let message = "Choisissez suspension ou prolongation.";
            errors.insert(F::ChangeReason, message.into());
            return Err(errors);
        };
        let change = start.zip(end).map(|(start_date, end_date)| ApprovalChange {
            id: 0,
            approval_id: self.id,
            kind,
            start_date,
            end_date,
            reason: self.fields.trimmed(F::ChangeReason),
        });
        checked(change, errors)
    }

    /// The PASS IAE tab.
    pub fn view(&self) -> Element<'_, Message> {
        let form = self;
        let dates = row![
            column![field(
                form,
                F::PassNumber,
                "Numéro (12 caractères)",
                "999992612345"
            )]
            .width(Length::FillPortion(2)),
            column![field(form, F::PassStart, "Début", "jj/mm/aaaa")].width(Length::FillPortion(1)),
            column![field(form, F::PassEnd, "Fin accordée", "jj/mm/aaaa")]
                .width(Length::FillPortion(1)),
        ]
        .spacing(12);
        let mut body = column![dates].spacing(12);
        if let Some(end) = form.end {
            body = body.push(
                text(format!(
                    "Fin effective, suspensions et prolongations comprises : {}",
                    format_date(end)
                ))
                .size(16)
                .font(BOLD),
            );
        }
        for warning in &form.warnings {
            body = body.push(widgets::banner(Tone::Warning, warning.clone()));
        }

        column![
            widgets::card("PASS IAE", body),
            widgets::card(
                "Suspensions et prolongations (elles repoussent la fin)",
                self.changes()
            ),
            widgets::action("Enregistrer le PASS IAE", Some(Message::Submit)),
        ]
        .spacing(12)
        .into()
    }

    /// The suspensions and prolongations, and the one being typed.
    fn changes(&self) -> Element<'_, Message> {
        let form = self;
        let mut changes = Column::new().spacing(6);
        if form.changes.is_empty() {
            changes = changes.push(widgets::muted("Aucune suspension ni prolongation."));
        }
        for (index, change) in form.changes.iter().enumerate() {
            changes = changes.push(
                row![
                    text(format!(
                        "{} du {} au {} ({} jours)",
                        change.kind.label(),
                        format_date(change.start_date),
                        format_date(change.end_date),
                        change.days()
                    ))
                    .size(15)
                    .width(Length::FillPortion(3)),
                    text(&change.reason).size(15).width(Length::FillPortion(2)),
                    button(text("Retirer").size(14))
                        .style(button::text)
                        .on_press(Message::RemoveChange(index)),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
        }
        let add = row![
            column![choice(
                "Type",
                ApprovalChangeKind::ALL,
                form.change_kind,
                Message::ChangeKind
            )]
            .width(Length::FillPortion(2)),
            column![field(form, F::ChangeStart, "Du", "jj/mm/aaaa")].width(Length::FillPortion(2)),
            column![field(form, F::ChangeEnd, "Au", "jj/mm/aaaa")].width(Length::FillPortion(2)),
            column![field(form, F::ChangeReason, "Motif", "")].width(Length::FillPortion(3)),
            column![
                text(" ").size(14),
                widgets::secondary("Ajouter", Some(Message::AddChange))
            ]
            .spacing(3),
        ]
        .spacing(12);
        column![changes, add].spacing(12).into()
    }
}
