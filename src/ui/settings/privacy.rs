//! Paramètres › « Protection des données »: how long files are kept (with the defaults
//! explained), who is past that time, and anonymising a selection of them after a
//! confirmation that says what is erased and what is kept.

use std::collections::BTreeSet;

use iced::widget::{checkbox, column, row, scrollable, text};
use iced::{Element, Length, Task};

use crate::app::privacy::anonymise::{Anonymised, BACKUP, ERASED, KEPT};
use crate::app::privacy::retention::{PrivacyData, RetentionForm, fields};
use crate::app::{self, privacy};
use crate::domain::calendar::format_date;
use crate::domain::privacy::{Due, Person, Retention};
use crate::ui::rows::{self, Scrolled};
use crate::ui::screen::{Action, Context};
use crate::ui::theme;
use crate::ui::widgets::{self, Tone};

/// The section's state.
#[derive(Debug, Clone, Default)]
pub struct Section {
    read_only: bool,
    retention: Retention,
    form: RetentionForm,
    due: Vec<Due>,
    selected: BTreeSet<Person>,
    confirming: bool,
    busy: bool,
    invalid: Option<(&'static str, String)>,
    message: Option<(Tone, String)>,
    /// Where the due list is scrolled (only the people in view are built).
    scrolled: Scrolled,
}

/// Height of one person in the due list.
const DUE_ROW_HEIGHT: f32 = 46.0;
/// The due list's greatest height: a longer list scrolls inside it.
const DUE_LIST_HEIGHT: f32 = 420.0;

/// The due list's scrollable.
const DUE_LIST: &str = "settings-privacy-due";

/// Which retention is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// Employees.
    Employees,
    /// Households.
    Members,
    /// Outside participants.
    Participants,
}

/// Messages of the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The settings and the due list were read.
    Loaded(app::Result<PrivacyData>),
    /// A number of years was typed.
    Edited(Years, String),
    /// « Enregistrer les durées ».
    Save,
    /// The durations were saved, or refused.
    Saved(app::Result<Retention>),
    /// A person of the list was ticked or unticked.
    Toggled(Person, bool),
    /// « Tout sélectionner » / « Tout désélectionner ».
    SelectAll(bool),
    /// « Anonymiser la sélection »: asks for confirmation.
    Ask,
    /// « Annuler » the confirmation.
    Cancel,
    /// « Oui, anonymiser ».
    Confirm,
    /// The selection was anonymised.
    Done(app::Result<Anonymised>),
    /// « Fiche du registre (PDF) »: asks where.
    Register,
    /// Where the register entry goes (`None`: cancelled, or no dialog could open).
    RegisterChosen(Option<std::path::PathBuf>),
    /// The register entry was written there.
    RegisterWritten(app::Result<std::path::PathBuf>),
    /// The due list was scrolled (or its room changed).
    Scrolled(Scrolled),
}

impl Section {
    /// The section, starting to read the settings and who is due today.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let section = Section {
            read_only: context.garden.read_only(),
            busy: true,
            ..Section::default()
        };
        (section, load(context))
    }

    /// Handles a message; the action is the screen's to run.
    pub fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Register | Message::RegisterChosen(_) | Message::RegisterWritten(_) => {
                return self.register(message, context);
            }
            Message::Loaded(Ok(data)) => {
                self.retention = data.retention;
                self.form = RetentionForm::from(data.retention);
                self.selected
                    .retain(|p| data.due.iter().any(|d| &d.person == p));
                self.due = data.due;
                self.busy = false;
            }
            Message::Loaded(Err(error)) | Message::Done(Err(error)) => {
                self.busy = false;
                self.message = Some((Tone::Error, error.to_string()));
            }
            Message::Edited(which, value) => {
                self.invalid = None;
                *self.years_mut(which) = value;
            }
            Message::Save => {
                self.busy = true;
                self.invalid = None;
                let form = self.form.clone();
                return Action::Run(context.perform(
                    move |garden| privacy::save_retention(garden, &form),
                    Message::Saved,
                ));
            }
            Message::Saved(Ok(_)) => {
                self.message = Some((Tone::Success, "Durées de conservation enregistrées.".into()));
                return Action::Run(load(context));
            }
            Message::Saved(Err(error)) => {
                self.busy = false;
                match error {
                    app::Error::Invalid { field, message } => self.invalid = Some((field, message)),
                    other => self.message = Some((Tone::Error, other.to_string())),
                }
            }
            Message::Toggled(person, on) => {
                if on {
                    self.selected.insert(person);
                } else {
                    self.selected.remove(&person);
                }
            }
            Message::SelectAll(on) => {
                self.selected = if on {
                    self.due.iter().map(|d| d.person.clone()).collect()
                } else {
                    BTreeSet::new()
                };
            }
            Message::Scrolled(scrolled) => self.scrolled = scrolled,
            Message::Ask => self.confirming = !self.selected.is_empty(),
            Message::Cancel => self.confirming = false,
            Message::Confirm => {
                self.confirming = false;
                self.busy = true;
                let people: Vec<Person> = self.selected.iter().cloned().collect();
                let today = context.today;
                return Action::Run(context.perform(
                    move |garden| privacy::anonymise(garden, &people, today),
                    Message::Done,
                ));
            }
            Message::Done(Ok(done)) => {
                self.selected.clear();
                self.message = Some((Tone::Success, done_sentence(&done)));
                return Action::Run(load(context));
            }
        }
        Action::None
    }

    fn years_mut(&mut self, which: Years) -> &mut String {
        match which {
            Years::Employees => &mut self.form.employee_years,
            Years::Members => &mut self.form.member_years,
            Years::Participants => &mut self.form.participant_years,
        }
    }

    /// « Fiche du registre (PDF) »: where, then written and opened; the outcome said.
    fn register(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Register => {
                let dialog = crate::ui::files::Dialog::File {
                    title: "Enregistrer la fiche du registre des traitements",
                    file_name: "registre-des-traitements.pdf".into(),
                    filter: ("PDF", &["pdf"]),
                };
                let ask = crate::ui::files::choose(dialog);
                return Action::Run(Task::perform(ask, Message::RegisterChosen));
            }
            Message::RegisterChosen(None) => {
                self.message = Some((
                    Tone::Warning,
                    "Aucun fichier choisi : la fiche du registre n'a pas été écrite.".into(),
                ));
            }
            Message::RegisterChosen(Some(path)) => {
                let today = context.today;
                return Action::Run(context.perform(
                    move |g| {
                        privacy::register::write_register(g, &path, today)?;
                        Ok(path)
                    },
                    Message::RegisterWritten,
                ));
            }
            Message::RegisterWritten(Ok(path)) => {
                crate::ui::files::open_in_viewer(&path);
                let said = format!("Fiche du registre écrite : {}", path.display());
                self.message = Some((Tone::Success, said));
            }
            Message::RegisterWritten(Err(error)) => {
                self.message = Some((Tone::Error, error.to_string()));
            }
            // Only the register's three messages are sent here (see `update`).
            _ => {}
        }
        Action::None
    }

    /// The card's content.
    pub fn view(&self) -> Element<'_, Message> {
        let mut c = column![
            widgets::muted(
                "La loi (RGPD) demande de ne garder les dossiers des personnes que le temps \
                 nécessaire. Passé ce délai, Binette les propose ici à l'anonymisation : les \
                 noms et coordonnées sont effacés, les chiffres des bilans restent.",
            ),
            self.durations(),
            row![
                widgets::secondary("Fiche du registre (PDF)", Some(Message::Register)),
                widgets::muted(
                    "Ce que Binette garde, pourquoi, combien de temps et où : une page à \
                     joindre au registre des traitements du jardin.",
                ),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        ]
        .spacing(12);
        if let Some((tone, message)) = &self.message {
            c = c.push(widgets::banner(*tone, message.clone()));
        }
        c.push(self.due_list()).into()
    }

    fn durations(&self) -> Element<'_, Message> {
        let save = (!self.busy && !self.read_only).then_some(Message::Save);
        column![
            self.years_field(
                fields::EMPLOYEE_YEARS,
                &self.form.employee_years,
                Years::Employees,
                "Par défaut 5 ans après la fin du dernier parcours. Un jardin financé par le \
                 FSE+ peut devoir garder les dossiers plus longtemps pour les contrôles \
                 (voyez votre convention) : indiquez alors la durée demandée.",
            ),
            self.years_field(
                fields::MEMBER_YEARS,
                &self.form.member_years,
                Years::Members,
                "Par défaut 3 ans après le dernier panier, abonnement ou adhésion du foyer.",
            ),
            self.years_field(
                fields::PARTICIPANT_YEARS,
                &self.form.participant_years,
                Years::Participants,
                "Par défaut 1 an après la dernière séance d'atelier d'une personne venue de \
                 l'extérieur.",
            ),
            widgets::action("Enregistrer les durées", save),
        ]
        .spacing(10)
        .into()
    }

    fn years_field<'a>(
        &'a self,
        label: &'static str,
        value: &'a str,
        which: Years,
        help: &'static str,
    ) -> Element<'a, Message> {
        let input = row![
            column![widgets::field(
                label,
                value,
                move |typed| Message::Edited(which, typed),
                Message::Save
            )]
            .width(220),
            widgets::muted(help).width(Length::Fill),
        ]
        .spacing(16)
        .align_y(iced::Alignment::End);
        match &self.invalid {
            Some((bad, message)) if *bad == label => column![
                input,
                text(message.as_str()).size(13).color(theme::ERROR_TEXT)
            ]
            .spacing(4)
            .into(),
            _ => input.into(),
        }
    }

    fn due_list(&self) -> Element<'_, Message> {
        let title = text(match self.due.len() {
            0 => "Personne n'a dépassé sa durée de conservation.".to_string(),
            n => format!("{n} personne(s) ont dépassé leur durée de conservation :"),
        })
        .size(16)
        .font(theme::BOLD);
        if self.due.is_empty() {
            return title.into();
        }
        // Hundreds may be due after years: only the rows in view are built.
        let lines = rows::rows(&self.scrolled, self.due.len(), DUE_ROW_HEIGHT, |n| {
            self.due_row(&self.due[n])
        });
        let height = (self.due.len() as f32 * DUE_ROW_HEIGHT).min(DUE_LIST_HEIGHT);
        let list = scrollable(lines.padding(iced::Padding::ZERO.right(14)))
            .id(DUE_LIST)
            .on_scroll(|viewport| Message::Scrolled(Scrolled::of(viewport)))
            .height(height);
        let all = self.selected.len() == self.due.len();
        let can_act = !self.busy && !self.read_only;
        let mut c = column![
            title,
            checkbox(all)
                .label("Tout sélectionner")
                .on_toggle_maybe(can_act.then_some(Message::SelectAll)),
            list,
        ]
        .spacing(10);
        if self.confirming {
            c = c.push(self.confirmation());
        } else {
            let label = format!("Anonymiser la sélection ({})", self.selected.len());
            let ask = (can_act && !self.selected.is_empty()).then_some(Message::Ask);
            c = c.push(
                iced::widget::button(text(label).size(15))
                    .padding([8, 16])
                    .on_press_maybe(ask),
            );
        }
        c.into()
    }

    fn due_row<'a>(&'a self, due: &'a Due) -> Element<'a, Message> {
        let person = due.person.clone();
        let ticked = self.selected.contains(&due.person);
        let can_act = !self.busy && !self.read_only;
        row![
            checkbox(ticked)
                .on_toggle_maybe(can_act.then_some(move |on| Message::Toggled(person.clone(), on))),
            column![
                text(format!("{} — {}", due.name, due.person.kind().label())).size(15),
                widgets::muted(format!(
                    "{} ; à anonymiser depuis le {}",
                    due.why(&self.retention),
                    format_date(due.since)
                ))
                .wrapping(iced::widget::text::Wrapping::None),
            ]
            .spacing(2),
        ]
        .spacing(10)
        .into()
    }

    fn confirmation(&self) -> Element<'_, Message> {
        column![
            widgets::banner(
                Tone::Warning,
                format!("Anonymiser {} personne(s) ? {BACKUP}", self.selected.len()),
            ),
            text(ERASED).size(14),
            text(KEPT).size(14),
            row![
                widgets::action("Oui, anonymiser", Some(Message::Confirm)),
                widgets::secondary("Annuler", Some(Message::Cancel)),
            ]
            .spacing(10),
        ]
        .spacing(8)
        .into()
    }
}

fn load(context: &Context) -> Task<Message> {
    let today = context.today;
    context.perform(move |garden| privacy::load(garden, today), Message::Loaded)
}

/// « 3 personnes anonymisées (1 salarié, 2 adhérents, 0 participant extérieur). »
fn done_sentence(done: &Anonymised) -> String {
    format!(
        "{} personne(s) anonymisée(s) : {} salarié(s), {} adhérent(s), {} participant(s) \
         extérieur(s). Une sauvegarde a été faite juste avant.",
        done.total(),
        done.employees,
        done.members,
        done.participants
    )
}
