//! A person's file: its header (back to the list, fiche parcours, deletion), its tabs, each
//! a component of `tabs`, and the saves they ask for.

mod anonymise;
mod view;

use std::path::PathBuf;

use iced::Task;

use super::tabs::{self, Sheet, contracts, exit, followups, fse, hours, identity, pass, trainings};
use crate::app::employees::{self as use_case, Change, Choices};
use crate::app::{self, Error};
use crate::domain::employees::FseStage;
use crate::domain::text::sentence_name;
use crate::store::employees::{DeletionSummary, EmployeeFile};
use crate::ui::employees::fields::{F, Fields};
use crate::ui::screen::Context;
use crate::ui::widgets::Tone;

/// The tabs of a person's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Identity.
    #[default]
    Identity,
    /// Entry: prescriber, eligibility, situation.
    Entry,
    /// PASS IAE.
    Pass,
    /// Contracts.
    Contracts,
    /// Follow-ups.
    FollowUps,
    /// Trainings and immersions.
    Trainings,
    /// Exit.
    Exit,
    /// FSE+ snapshots.
    Fse,
    /// Hours worked from payroll.
    Hours,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Tab; 9] = [
        Tab::Identity,
        Tab::Entry,
        Tab::Pass,
        Tab::Contracts,
        Tab::FollowUps,
        Tab::Trainings,
        Tab::Exit,
        Tab::Fse,
        Tab::Hours,
    ];

    /// The tab's French title.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Identity => "Identité",
            Tab::Entry => "Entrée",
            Tab::Pass => "PASS IAE",
            Tab::Contracts => "Contrats",
            Tab::FollowUps => "Suivi",
            Tab::Trainings => "Formations, immersions",
            Tab::Exit => "Sortie",
            Tab::Fse => "FSE+",
            Tab::Hours => "Heures (paie)",
        }
    }
}

/// Messages of a person's file.
#[derive(Debug, Clone)]
pub enum Message {
    /// A tab chosen.
    Tab(Tab),
    /// "← Liste".
    Back,
    /// A part of the file was written: the file as read again, and what to say.
    Saved(app::Result<Box<(EmployeeFile, String)>>),
    /// A theme was added: the pick lists as they now stand.
    ThemeAdded(app::Result<Choices>),
    /// "Supprimer la fiche…": counts what goes with it first.
    AskDelete,
    /// What goes with the file.
    DeleteSummary(app::Result<DeletionSummary>),
    /// "Annuler" the deletion.
    CancelDelete,
    /// "Supprimer définitivement".
    ConfirmDelete,
    /// The file was deleted: the person's name.
    Deleted(app::Result<String>),
    /// "Fiche parcours (PDF)".
    Pdf,
    /// The fiche parcours was rendered.
    PdfReady(app::Result<Vec<u8>>),
    /// The PDF was written (or the dialog cancelled: `None`).
    PdfSaved(app::Result<Option<PathBuf>>),
    /// The Identité and Entrée tabs.
    Identity(identity::Message),
    /// The PASS IAE tab.
    Pass(pass::Message),
    /// The Contrats tab.
    Contracts(contracts::Message),
    /// The Suivi tab.
    FollowUps(followups::Message),
    /// The Formations, immersions tab.
    Trainings(trainings::Message),
    /// The Sortie tab.
    Exit(exit::Message),
    /// The FSE+ tab.
    Fse(fse::Message),
    /// The Heures (paie) tab.
    Hours(hours::Message),
    /// « Exporter ses données (RGPD) ».
    Access(crate::ui::privacy::Message),
    /// « Anonymiser… » and its question.
    Anonymise(anonymise::Message),
}

/// What a person's file tells the screen.
#[derive(Debug, Clone)]
pub enum Event {
    /// Back to the list.
    Back,
    /// The file was deleted: the person's name, in a sentence.
    Deleted(String),
    /// The pick lists changed (a theme was added).
    Choices(Choices),
}

/// A person's file on screen.
#[derive(Debug, Default)]
pub struct File {
    /// The file as last read (`None`: a person not saved yet).
    file: Option<EmployeeFile>,
    tab: Tab,
    notice: Option<(Tone, String)>,
    confirm_delete: Option<DeletionSummary>,
    identity: identity::Identity,
    tabs: Tabs,
    anonymise: anonymise::Anonymise,
}

/// The tabs of a saved file (all but Identité and Entrée).
#[derive(Debug, Default)]
struct Tabs {
    pass: pass::Pass,
    contracts: contracts::Contracts,
    follow_ups: followups::FollowUps,
    trainings: trainings::Trainings,
    exit: exit::Exit,
    fse: fse::Fse,
    hours: hours::Hours,
}

/// What to say when a form has errors.
const REFUSED: &str = "Rien n'a été enregistré : corrigez les champs signalés en rouge.";

impl File {
    /// The file of a person as read, on `today`.
    pub fn open(file: EmployeeFile, today: chrono::NaiveDate) -> Self {
        let mut open = File::default();
        open.load(file, today);
        open.start(today);
        open
    }

    /// An empty file for a person entering on `today`.
    pub fn new_person(today: chrono::NaiveDate) -> Self {
        File {
            identity: identity::Identity::new_person(today),
            ..File::default()
        }
    }

    /// The person's id (0 before the first save).
    fn employee_id(&self) -> i64 {
        self.file.as_ref().map_or(0, |f| f.employee.id)
    }

    /// Fills every tab that follows the file as read; the contract, follow-up… being typed
    /// stay.
    fn load(&mut self, file: EmployeeFile, today: chrono::NaiveDate) {
        self.identity.load(&file);
        self.tabs.pass.load(&file, today);
        self.tabs.exit.load(&file);
        self.tabs.hours.load(&file, today);
        self.file = Some(file);
        self.refresh(today);
    }

    /// A new follow-up and the entry questionnaire, for a file just opened or created.
    fn start(&mut self, today: chrono::NaiveDate) {
        let Some(file) = &self.file else { return };
        self.tabs.follow_ups.clear(today, self.identity.referent());
        self.tabs.fse.show(FseStage::Entry, file, today);
    }

    /// Recomputes what the tabs show computed from what is typed.
    fn refresh(&mut self, today: chrono::NaiveDate) {
        let Some(file) = &self.file else { return };
        let person = self.identity.typed_over(&file.employee);
        let sheet = Sheet {
            file,
            person: &person,
            today,
        };
        self.tabs.contracts.refresh(&sheet);
        self.tabs.trainings.refresh(file.employee.id);
    }

    /// Handles a message; the event, if any, is for the screen.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        let task = match message {
            Message::Tab(tab) => {
                self.tab = tab;
                self.notice = None;
                Task::none()
            }
            Message::Back => return (Task::none(), Some(Event::Back)),
            Message::Saved(result) => {
                self.saved(result, context);
                Task::none()
            }
            Message::ThemeAdded(Ok(choices)) => {
                return (Task::none(), Some(Event::Choices(choices)));
            }
            Message::ThemeAdded(Err(error)) => {
                self.refused(error);
                Task::none()
            }
            Message::AskDelete => self.ask_delete(context),
            Message::DeleteSummary(Ok(summary)) => {
                self.confirm_delete = Some(summary);
                Task::none()
            }
            Message::CancelDelete => {
                self.confirm_delete = None;
                Task::none()
            }
            Message::ConfirmDelete => self.delete(context),
            Message::Deleted(Ok(name)) => return (Task::none(), Some(Event::Deleted(name))),
            Message::DeleteSummary(Err(error))
            | Message::Deleted(Err(error))
            | Message::PdfReady(Err(error))
            | Message::PdfSaved(Err(error)) => {
                self.notice = Some((Tone::Error, error.to_string()));
                Task::none()
            }
            Message::Pdf => self.print(context),
            Message::PdfReady(Ok(bytes)) => self.save_pdf(bytes),
            Message::PdfSaved(Ok(path)) => {
                self.notice = path.map(|path| {
                    let message = format!("Fiche parcours enregistrée : {}", path.display());
                    (Tone::Success, message)
                });
                Task::none()
            }
            Message::Access(m) => {
                let id = self.file.as_ref().map_or(0, |f| f.employee.id);
                let (task, notice) = crate::ui::privacy::update(
                    m,
                    crate::store::privacy_access::Person::Employee(id),
                    context,
                );
                self.notice = notice.or(self.notice.take());
                task.map(Message::Access)
            }
            Message::Identity(message) => {
                let event = self.identity.update(message, self.file.as_ref());
                self.refresh(context.today);
                self.tab_event(event, context)
            }
            Message::Pass(m) => self.on_tab(context, |t, s| (Task::none(), t.pass.update(m, s))),
            Message::Contracts(m) => self.on_tab(context, |t, s| {
                with(t.contracts.update(m, s), Message::Contracts)
            }),
            Message::FollowUps(m) => self.on_tab(context, |t, s| {
                with(t.follow_ups.update(m, s), Message::FollowUps)
            }),
            Message::Trainings(m) => self.on_tab(context, |t, s| {
                with(t.trainings.update(m, s), Message::Trainings)
            }),
            Message::Exit(m) => self.on_tab(context, |t, s| (Task::none(), t.exit.update(m, s))),
            Message::Fse(m) => self.on_tab(context, |t, s| (Task::none(), t.fse.update(m, s))),
            Message::Hours(m) => {
                self.on_tab(context, |t, s| with(t.hours.update(m, s), Message::Hours))
            }
            Message::Anonymise(m) => match self.anonymise.update(m, self.employee_id(), context) {
                anonymise::Event::None => Task::none(),
                anonymise::Event::Run(task) => task.map(Message::Anonymise),
                anonymise::Event::Saved(result) => {
                    self.saved(result, context);
                    Task::none()
                }
            },
        };
        (task, None)
    }

    /// A save came back: the file as read again, or why not.
    fn saved(&mut self, result: app::Result<Box<(EmployeeFile, String)>>, context: &Context) {
        match result {
            Ok(saved) => {
                let (file, success) = *saved;
                let was_new = self.file.is_none();
                self.load(file, context.today);
                self.notice = Some((Tone::Success, success));
                if was_new {
                    self.start(context.today);
                }
            }
            Err(error) => self.refused(error),
        }
    }

    /// Shows why a use case refused: beside its field when it names one.
    fn refused(&mut self, error: Error) {
        let field = error.field().and_then(F::refused);
        match field {
            Some(field) => {
                self.fields_mut(field.tab())
                    .errors
                    .insert(field, error.to_string());
                self.notice = Some((Tone::Error, REFUSED.into()));
            }
            None => self.notice = Some((Tone::Error, error.to_string())),
        }
    }

    /// The fields of the form on `tab`.
    fn fields_mut(&mut self, tab: Tab) -> &mut Fields {
        match tab {
            Tab::Identity | Tab::Entry => self.identity.fields_mut(),
            Tab::Pass => self.tabs.pass.fields_mut(),
            Tab::Contracts => self.tabs.contracts.fields_mut(),
            Tab::FollowUps => self.tabs.follow_ups.fields_mut(),
            Tab::Trainings => self.tabs.trainings.fields_mut(),
            Tab::Exit => self.tabs.exit.fields_mut(),
            Tab::Fse => self.tabs.fse.fields_mut(),
            Tab::Hours => self.tabs.hours.fields_mut(),
        }
    }

    /// Runs `work` on the tabs of a saved file, with what they see of it.
    /// and does what their event asks.
    fn on_tab(
        &mut self,
        context: &Context,
        work: impl FnOnce(&mut Tabs, &Sheet<'_>) -> (Task<Message>, Option<tabs::Event>),
    ) -> Task<Message> {
        let Some(file) = &self.file else {
            let message = "Enregistrez d'abord l'identité de la personne.";
            self.notice = Some((Tone::Error, message.into()));
            return Task::none();
        };
        let person = self.identity.typed_over(&file.employee);
        let sheet = Sheet {
            file,
            person: &person,
            today: context.today,
        };
        let (task, event) = work(&mut self.tabs, &sheet);
        self.refresh(context.today);
        Task::batch([task, self.tab_event(event, context)])
    }

    /// Does what a tab asked.
    fn tab_event(&mut self, event: Option<tabs::Event>, context: &Context) -> Task<Message> {
        let id = self.employee_id();
        match event {
            None => Task::none(),
            Some(tabs::Event::Save(change, success)) => {
                self.notice = None;
                if id == 0 && !matches!(*change, Change::Employee(_)) {
                    let message = "Enregistrez d'abord l'identité de la personne.";
                    self.notice = Some((Tone::Error, message.into()));
                    return Task::none();
                }
                context.perform(
                    move |g| use_case::save(g, id, *change),
                    move |result| {
                        Message::Saved(result.map(|file| Box::new((file, success.to_owned()))))
                    },
                )
            }
            Some(tabs::Event::Refused) => {
                self.notice = Some((Tone::Error, REFUSED.into()));
                Task::none()
            }
            Some(tabs::Event::Notice(tone, message)) => {
                self.notice = Some((tone, message));
                Task::none()
            }
            Some(tabs::Event::AddTheme(name)) => {
                context.perform(move |g| use_case::add_theme(g, &name), Message::ThemeAdded)
            }
            Some(tabs::Event::ImportPayroll(path)) => context.perform(
                move |g| use_case::import_payroll(g, id, path).map(Box::new),
                Message::Saved,
            ),
        }
    }

    /// "Supprimer la fiche…": what goes with it first.
    fn ask_delete(&mut self, context: &Context) -> Task<Message> {
        let Some(file) = &self.file else {
            return Task::none();
        };
        let id = file.employee.id;
        context.perform(
            move |g| use_case::deletion_summary(g, id),
            Message::DeleteSummary,
        )
    }

    /// "Supprimer définitivement".
    fn delete(&mut self, context: &Context) -> Task<Message> {
        let Some(file) = &self.file else {
            return Task::none();
        };
        let e = &file.employee;
        let (id, name) = (e.id, sentence_name(&e.first_name, &e.last_name));
        context.perform(
            move |g| use_case::delete_employee(g, id).map(|()| name),
            Message::Deleted,
        )
    }

    /// "Fiche parcours (PDF)": rendered off the window's thread.
    fn print(&mut self, context: &Context) -> Task<Message> {
        let Some(file) = &self.file else {
            return Task::none();
        };
        let (id, today) = (file.employee.id, context.today);
        context.perform(
            move |g| use_case::path_sheet(g, id, today),
            Message::PdfReady,
        )
    }

    /// Asks where to save the fiche parcours, writes it, opens it.
    fn save_pdf(&self, bytes: Vec<u8>) -> Task<Message> {
        let name = self
            .file
            .as_ref()
            .map(|f| f.employee.display_name())
            .unwrap_or_default();
        let name = format!("Fiche parcours {name}.pdf");
        Task::perform(
            async move {
                let Some(handle) = rfd::AsyncFileDialog::new()
                    .set_title("Enregistrer la fiche parcours")
                    .set_file_name(&name)
                    .add_filter("PDF", &["pdf"])
                    .save_file()
                    .await
                else {
                    return Ok(None);
                };
                let path = handle.path().to_path_buf();
                use_case::save_document(&path, &bytes)?;
                crate::ui::files::open_in_viewer(&path);
                Ok(Some(path))
            },
            Message::PdfSaved,
        )
    }
}

/// A tab's task and event, its messages wrapped in the file's.
fn with<M, E>(
    (task, event): (Task<M>, Option<E>),
    wrap: fn(M) -> Message,
) -> (Task<Message>, Option<E>)
where
    M: Send + 'static,
{
    (task.map(wrap), event)
}
