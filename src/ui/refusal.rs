//! The page shown when a garden cannot be opened: why, in plain words, and what to do next —
//! choose another file, restore a backup found beside it, or (when another window has the
//! garden) open it read-only.

use std::path::PathBuf;

use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use super::screen::{Action, Request};
use super::theme::BOLD;
use super::widgets::{self, Tone};
use crate::app;
use crate::domain::calendar::format_date;
use crate::store::StoreError;
use crate::store::backup::BackupFile;

/// Why the garden was refused, as far as the page's buttons care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Damaged or empty: a backup can replace it.
    Restorable,
    /// Another window has it: it can be opened read-only.
    Locked,
    /// Anything else (not Binette, too new…): only another file helps.
    Other,
}

impl Reason {
    /// The reason of a store refusal.
    pub fn of(error: &StoreError) -> Self {
        match error {
            StoreError::Damaged(_) | StoreError::Empty(_) => Reason::Restorable,
            _ => Reason::Other,
        }
    }
}

/// The refusal page's state.
#[derive(Debug)]
pub struct Refusal {
    path: PathBuf,
    message: String,
    reason: Reason,
    backups: Vec<BackupFile>,
    confirm: Option<BackupFile>,
    error: Option<String>,
    busy: bool,
}

/// What the user does on the refusal page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The backups beside the file were listed.
    BackupsFound(Vec<BackupFile>),
    /// "Choisir un autre fichier…"
    ChooseOther,
    /// The file dialog answered (`None`: cancelled).
    Chosen(Option<PathBuf>),
    /// "Restaurer…" on a backup: asks for confirmation.
    AskRestore(BackupFile),
    CancelRestore,
    ConfirmRestore,
    /// The backup was put in place (the refused file moved aside, its new name given).
    Restored(app::Result<PathBuf>),
    /// "Ouvrir en lecture seule".
    OpenReadOnly,
}

impl Refusal {
    /// The page for `path`, refused with `message`; starts looking for backups beside it.
    pub fn new(path: PathBuf, message: String, reason: Reason) -> (Self, Task<Message>) {
        let task = if reason == Reason::Restorable {
            let beside = path.clone();
            Task::perform(
                async move { app::settings::backups_beside(&beside) },
                Message::BackupsFound,
            )
        } else {
            Task::none()
        };
        let page = Refusal {
            path,
            message,
            reason,
            backups: Vec::new(),
            confirm: None,
            error: None,
            busy: false,
        };
        (page, task)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action<Message> {
        match message {
            Message::BackupsFound(found) => self.backups = found,
            Message::ChooseOther => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Choisir la base de données du jardin")
                    .add_filter("Base Binette", &["sqlite3", "sqlite", "db"]);
                let task = Task::perform(
                    async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
                    Message::Chosen,
                );
                return Action::Run(task);
            }
            Message::Chosen(Some(path)) => return Request::Open(path).into(),
            Message::Chosen(None) => {}
            Message::AskRestore(file) => self.confirm = Some(file),
            Message::CancelRestore => self.confirm = None,
            Message::ConfirmRestore => {
                let Some(file) = self.confirm.take() else {
                    return Action::None;
                };
                self.busy = true;
                let path = self.path.clone();
                let task = Task::perform(
                    async move { app::settings::replace_unopenable(&path, &file.path) },
                    Message::Restored,
                );
                return Action::Run(task);
            }
            Message::Restored(Ok(_aside)) => {
                self.busy = false;
                return Request::Open(self.path.clone()).into();
            }
            Message::Restored(Err(error)) => {
                self.busy = false;
                self.error = Some(error.to_string());
            }
            Message::OpenReadOnly => {
                return Request::OpenReadOnly(self.path.clone()).into();
            }
        }
        Action::None
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let idle = |m: Message| (!self.busy).then_some(m);
        let (title, tone) = if self.reason == Reason::Locked {
            ("Ce jardin est déjà ouvert", Tone::Warning)
        } else {
            ("Binette ne peut pas ouvrir cette base", Tone::Error)
        };
        let mut page = column![
            text(title).size(24).font(BOLD),
            widgets::muted(self.path.display().to_string()),
            widgets::banner(tone, self.message.clone()),
        ]
        .spacing(16)
        .max_width(760);
        if let Some(error) = &self.error {
            page = page.push(widgets::banner(Tone::Error, error.clone()));
        }
        let mut buttons = row![].spacing(12);
        if self.reason == Reason::Locked {
            buttons = buttons.push(widgets::action(
                "Ouvrir en lecture seule",
                idle(Message::OpenReadOnly),
            ));
        }
        buttons = buttons.push(widgets::secondary(
            "Choisir un autre fichier…",
            idle(Message::ChooseOther),
        ));
        page = page.push(buttons);
        if self.reason == Reason::Restorable {
            page = page.push(self.backup_list());
        }
        container(scrollable(page.padding(24)))
            .center(Length::Fill)
            .into()
    }

    fn backup_list(&self) -> Element<'_, Message> {
        let mut list = Column::new()
            .spacing(8)
            .push(text("Restaurer une sauvegarde").size(18).font(BOLD));
        if let Some(file) = &self.confirm {
            list = list.push(widgets::banner(
                Tone::Warning,
                format!(
                    "Mettre la sauvegarde du {} à {} ({}) à la place de ce fichier ? Le fichier \
                     actuel n'est pas supprimé : il est renommé à côté.",
                    format_date(file.taken_at.date()),
                    file.taken_at.format("%H:%M"),
                    file.garden.display_name()
                ),
            ));
            list = list.push(
                row![
                    widgets::action("Oui, restaurer", Some(Message::ConfirmRestore)),
                    widgets::secondary("Annuler", Some(Message::CancelRestore)),
                ]
                .spacing(12),
            );
        }
        if self.backups.is_empty() {
            list = list.push(widgets::muted(
                "Aucune sauvegarde trouvée à côté de ce fichier (dossiers « sauvegardes » et « sauvegardes-demonstration »).",
            ));
        }
        for file in &self.backups {
            list = list.push(
                row![
                    text(file.label())
                        .size(15)
                        .font(BOLD)
                        .width(Length::Fixed(320.0)),
                    text(file.garden.display_name())
                        .size(14)
                        .width(Length::Fill),
                    button(text("Restaurer…").size(14))
                        .style(button::secondary)
                        .on_press_maybe((!self.busy).then(|| Message::AskRestore(file.clone()))),
                ]
                .spacing(12)
                .align_y(iced::Alignment::Center),
            );
        }
        list.into()
    }
}
