//! The Suivi tab: dated meetings with the CIP, their themes (built-in or added), notes, and
//! the workshops attended.

use chrono::NaiveDate;
use iced::widget::{Column, Row, button, checkbox, column, row, text};
use iced::{Element, Length, Task};

use super::{Event, Sheet};
use crate::app::employees::{Change, Deletion};
use crate::domain::calendar::format_date;
use crate::domain::employees::FollowUp;
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::{Errors, F, Fields, checked, choice, input};
use crate::ui::employees::{Picks, StaffChoice};
use crate::ui::theme::BOLD;
use crate::ui::widgets;

/// Messages of the Suivi tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer l'entretien", or Enter in a field.
    Submit,
    /// "Ajouter le thème", or Enter in its field.
    AddTheme,
    /// Who led it.
    Staff(StaffChoice),
    /// A theme ticked or unticked.
    Theme(String, bool),
    /// "Modifier" a follow-up.
    Modify(i64),
    /// "Vider": a new follow-up.
    Clear,
    /// "Supprimer" a follow-up.
    Delete(i64),
}

/// The follow-up being typed.
#[derive(Debug, Clone, Default)]
pub struct FollowUps {
    fields: Fields,
    /// The follow-up being edited (0: new).
    id: i64,
    staff: Option<i64>,
    themes: Vec<String>,
}

/// A text field of this form.
fn field<'a>(form: &'a FollowUps, field: F, label: &'a str, hint: &'a str) -> Element<'a, Message> {
    let submit = if field == F::NewTheme {
        Message::AddTheme
    } else {
        Message::Submit
    };
    input(&form.fields, field, (label, hint), Message::Edit, submit)
}

/// "3 entretiens, 2 h 15 en tout".
pub fn summary(follow_ups: &[FollowUp]) -> String {
    let minutes: i64 = follow_ups.iter().map(|f| f.duration_minutes).sum();
    format!(
        "{} entretien(s), {} h {:02} en tout",
        follow_ups.len(),
        minutes / 60,
        minutes % 60
    )
}

/// The follow-ups held, newest first.
fn list<'a>(follow_ups: &'a [FollowUp], picks: &'a Picks) -> Element<'a, Message> {
    let mut list = Column::new()
        .spacing(6)
        .push(text(summary(follow_ups)).size(15).font(BOLD));
    for f in follow_ups.iter().rev() {
        let staff = picks
            .staff
            .iter()
            .find(|s| Some(s.id) == f.staff_id)
            .map(|s| s.display_name())
            .unwrap_or_default();
        list = list.push(
            row![
                text(format!(
                    "{} · {} min",
                    format_date(f.date),
                    f.duration_minutes
                ))
                .size(15)
                .width(Length::FillPortion(2)),
                text(staff).size(15).width(Length::FillPortion(2)),
                text(f.themes.join(", "))
                    .size(14)
                    .width(Length::FillPortion(3)),
                text(f.notes.lines().next().unwrap_or_default().to_owned())
                    .size(14)
                    .width(Length::FillPortion(3)),
                button(text("Modifier").size(14))
                    .style(button::text)
                    .on_press(Message::Modify(f.id)),
                button(text("Supprimer").size(14))
                    .style(button::text)
                    .on_press(Message::Delete(f.id)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    widgets::card("Entretiens", list)
}

impl FollowUps {
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
        let referent = sheet.person.referent_id;
        let event = match message {
            Message::Edit(field, value) => {
                self.fields.set(field, value);
                None
            }
            Message::Submit => match self.follow_up(sheet.file.employee.id) {
                Ok(follow_up) => {
                    self.clear(sheet.today, referent);
                    let focus = iced::widget::operation::focus(F::FollowUpDate.id());
                    let change = Change::FollowUp(follow_up);
                    return (focus, Some(Event::save(change, "Entretien enregistré.")));
                }
                Err(errors) => super::refuse(&mut self.fields, errors),
            },
            Message::AddTheme => self.add_theme(),
            Message::Staff(v) => {
                self.staff = v.id;
                None
            }
            Message::Theme(name, on) => {
                self.themes.retain(|t| *t != name);
                if on {
                    self.themes.push(name);
                }
                None
            }
            Message::Modify(id) => {
                match sheet.file.follow_ups.iter().find(|x| x.id == id) {
                    Some(found) => self.show(found),
                    None => self.clear(sheet.today, referent),
                }
                None
            }
            Message::Clear => {
                self.clear(sheet.today, referent);
                None
            }
            Message::Delete(id) => {
                let change = Change::Delete(Deletion::FollowUp(id));
                Some(Event::save(change, "Ligne supprimée."))
            }
        };
        (Task::none(), event)
    }

    /// The theme typed, ticked and asked to be added to the garden's.
    fn add_theme(&mut self) -> Option<Event> {
        let name = self.fields.trimmed(F::NewTheme);
        if name.is_empty() {
            let errors = Errors::from([(F::NewTheme, "Écrivez le nom du thème.".to_owned())]);
            return super::refuse(&mut self.fields, errors);
        }
        self.fields.set(F::NewTheme, "");
        if !self.themes.contains(&name) {
            self.themes.push(name.clone());
        }
        Some(Event::AddTheme(name))
    }

    /// The follow-up as typed, or the errors to show.
    fn follow_up(&self, employee_id: i64) -> Result<FollowUp, Errors> {
        let mut errors = Errors::new();
        let date = self.fields.date(F::FollowUpDate, &mut errors);
        let message = "Durée en minutes, entre 1 et 600.";
        let minutes = self
            .fields
            .number(F::FollowUpDuration, (1.0, 600.0), message, &mut errors);
        let follow_up = date.zip(minutes).map(|(date, minutes)| FollowUp {
            id: self.id,
            employee_id,
            date,
            duration_minutes: minutes.round() as i64,
            staff_id: self.staff,
            notes: self.fields.get(F::FollowUpNotes).to_owned(),
            themes: self.themes.clone(),
        });
        checked(follow_up, errors)
    }

    /// Puts a stored follow-up in the form.
    fn show(&mut self, f: &FollowUp) {
        self.fields
            .clear(&[F::FollowUpDate, F::FollowUpDuration, F::FollowUpNotes]);
        self.id = f.id;
        self.staff = f.staff_id;
        self.themes = f.themes.clone();
        self.fields.set(F::FollowUpDate, format_date(f.date));
        self.fields
            .set(F::FollowUpDuration, f.duration_minutes.to_string());
        self.fields.set(F::FollowUpNotes, f.notes.clone());
    }

    /// An empty follow-up dated `today`, led by the referent.
    pub fn clear(&mut self, today: NaiveDate, referent: Option<i64>) {
        self.fields
            .clear(&[F::FollowUpDate, F::FollowUpDuration, F::FollowUpNotes]);
        self.id = 0;
        self.staff = referent;
        self.themes.clear();
        self.fields.set(F::FollowUpDate, format_date(today));
        self.fields.set(F::FollowUpDuration, "45");
    }

    /// The Suivi tab.
    pub fn view<'a>(&'a self, file: &'a EmployeeFile, picks: &'a Picks) -> Element<'a, Message> {
        column![
            self.edit(picks),
            list(&file.follow_ups, picks),
            crate::ui::workshops::history_view(&file.workshops),
        ]
        .spacing(12)
        .into()
    }

    /// The themes to tick: the garden's and those of the follow-up typed.
    fn themes<'a>(&'a self, picks: &'a Picks) -> Element<'a, Message> {
        let form = self;
        let mut themes = Row::new().spacing(14);
        let mut names: Vec<&str> = picks.themes.iter().map(|t| t.name.as_str()).collect();
        for chosen in &form.themes {
            if !names.contains(&chosen.as_str()) {
                names.push(chosen);
            }
        }
        for name in names {
            let owned = name.to_owned();
            themes = themes.push(
                checkbox(form.themes.iter().any(|t| t == name))
                    .label(name)
                    .size(16)
                    .text_size(14)
                    .on_toggle(move |on| Message::Theme(owned.clone(), on)),
            );
        }
        themes.wrap().into()
    }

    /// The follow-up being typed.
    fn edit<'a>(&'a self, picks: &'a Picks) -> Element<'a, Message> {
        let form = self;
        let staff = picks
            .staff_choices
            .iter()
            .find(|s| s.id == form.staff)
            .cloned();
        let head = row![
            field(form, F::FollowUpDate, "Date", "jj/mm/aaaa"),
            field(form, F::FollowUpDuration, "Durée (minutes)", "45"),
            choice::<StaffChoice, Message>("Mené par", &picks.staff_choices, staff, Message::Staff),
        ]
        .spacing(12);
        let themes = self.themes(picks);
        let new_theme = row![
            column![field(
                form,
                F::NewTheme,
                "Autre thème",
                "ex. Permis de conduire"
            )]
            .width(Length::FillPortion(2)),
            column![
                text(" ").size(14),
                widgets::secondary("Ajouter le thème", Some(Message::AddTheme))
            ]
            .spacing(3),
            text("").width(Length::FillPortion(2)),
        ]
        .spacing(12);
        let heading = if form.id == 0 {
            "Nouvel entretien"
        } else {
            "Modifier l'entretien"
        };
        let edit = column![
            head,
            text("Thèmes abordés").size(14),
            themes,
            new_theme,
            field(form, F::FollowUpNotes, "Notes", ""),
            row![
                widgets::action("Enregistrer l'entretien", Some(Message::Submit)),
                widgets::secondary("Vider", Some(Message::Clear)),
            ]
            .spacing(8),
        ]
        .spacing(10);
        widgets::card(heading, edit)
    }
}
