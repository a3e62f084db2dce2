//! Paramètres › "Feuilles de la semaine": the folder the weekly sheets are written to
//! without asking (one sub-folder per week, `2026-S50`).

use std::path::PathBuf;

use iced::widget::{column, row};
use iced::{Element, Task};

use crate::app;
use crate::store::sheets::default_sheets_root;
use crate::ui::screen::{Action, Context};
use crate::ui::widgets::{self, Tone};

/// The section's state.
#[derive(Debug, Clone, Default)]
pub struct SheetsFolder {
    typed: String,
    notice: Option<(Tone, String)>,
}

/// Messages of the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The stored folder was read (empty: the default one).
    Loaded(app::Result<String>),
    /// A folder was typed.
    Changed(String),
    /// "Choisir un dossier…".
    Pick,
    /// The dialog answered (`None`: cancelled, or no dialog could open).
    Picked(Option<PathBuf>),
    /// "Enregistrer".
    Save,
    /// The folder was saved.
    Saved(app::Result<String>),
}

impl SheetsFolder {
    /// Starts reading the stored folder.
    pub fn load(context: &Context) -> Task<Message> {
        context.perform(app::settings::sheets_folder, Message::Loaded)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(Ok(folder)) => self.typed = folder,
            Message::Loaded(Err(error)) | Message::Saved(Err(error)) => {
                self.notice = Some((Tone::Error, error.to_string()));
            }
            Message::Changed(folder) => {
                self.typed = folder;
                self.notice = None;
            }
            Message::Pick => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Dossier des feuilles de la semaine")
                    .set_directory(self.folder());
                return Action::Run(Task::perform(
                    async move { dialog.pick_folder().await.map(|f| f.path().to_path_buf()) },
                    Message::Picked,
                ));
            }
            Message::Picked(Some(folder)) => self.typed = folder.display().to_string(),
            Message::Picked(None) => {
                self.notice = Some((
                    Tone::Warning,
                    "Aucun dossier choisi (ou la fenêtre de choix n'a pas pu s'ouvrir) : tapez \
                     le chemin du dossier puis Enregistrer."
                        .into(),
                ));
            }
            Message::Save => {
                let folder = self.typed.clone();
                return Action::Run(context.perform(
                    move |garden| app::settings::set_sheets_folder(garden, &folder),
                    Message::Saved,
                ));
            }
            Message::Saved(Ok(folder)) => {
                self.typed = folder;
                self.notice = Some((
                    Tone::Success,
                    format!(
                        "Les feuilles iront dans {} (un dossier par semaine).",
                        self.folder().display()
                    ),
                ));
            }
        }
        Action::None
    }

    /// The folder in use: the one typed, or the default one.
    fn folder(&self) -> PathBuf {
        let typed = self.typed.trim();
        if typed.is_empty() {
            default_sheets_root()
        } else {
            PathBuf::from(typed)
        }
    }

    /// The section's card.
    pub fn view(&self) -> Element<'_, Message> {
        let mut content = column![
            widgets::folder_field(
                "Dossier des feuilles (laisser vide pour le dossier par défaut)",
                &self.typed,
                Message::Changed,
                Message::Save,
                Some(Message::Pick),
            ),
            widgets::muted(format!(
                "Par défaut : {}. « Imprimer » y écrit les feuilles sans rien demander, dans un \
                 dossier par semaine (2026-S50…).",
                default_sheets_root().display()
            )),
            row![widgets::action("Enregistrer", Some(Message::Save))],
        ]
        .spacing(6);
        if let Some((tone, notice)) = &self.notice {
            content = content.push(widgets::banner(*tone, notice.clone()));
        }
        widgets::card("Feuilles de la semaine", content)
    }
}
