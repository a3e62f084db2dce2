//! "Restaurer un autre fichier…" in Paramètres: a backup chosen anywhere is first read, then
//! the user confirms seeing which garden it belongs to (and, when it is another garden's,
//! both names).

use std::path::PathBuf;

use iced::widget::{Column, row};
use iced::{Element, Task};

use crate::app;
use crate::store::garden::GardenTag;
use crate::ui::widgets::{self, Tone};

/// A chosen file, read, waiting for the user's confirmation.
#[derive(Debug, Clone)]
pub struct Chosen {
    path: PathBuf,
    garden: GardenTag,
    /// False when it is another garden's backup.
    same_garden: bool,
}

/// The component's state.
#[derive(Debug, Default)]
pub struct OtherFile {
    chosen: Option<Chosen>,
}

/// Its messages.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Restaurer un autre fichier…"
    Pick,
    /// The dialog answered (`None`: cancelled).
    Picked(Option<PathBuf>),
    /// The chosen file was read: which garden it belongs to.
    Read(PathBuf, app::Result<GardenTag>),
    /// « Oui, restaurer ».
    Confirm,
    /// « Annuler ».
    Cancel,
}

/// What Paramètres must do.
pub enum Event {
    /// Nothing more.
    None,
    /// Run this task; its messages come back to the component.
    Run(Task<Message>),
    /// Restore this file, accepting another garden's backup when the user saw both names.
    Restore {
        /// The backup.
        path: PathBuf,
        /// True when it belongs to another garden.
        other_garden: bool,
    },
    /// Show this error.
    Failed(String),
}

impl OtherFile {
    /// Handles a message; `current` is the open garden.
    pub fn update(&mut self, message: Message, current: &GardenTag) -> Event {
        match message {
            Message::Pick => {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Choisir une sauvegarde à restaurer")
                    .add_filter("Sauvegarde Binette", &["sqlite3", "sqlite", "db"]);
                return Event::Run(Task::perform(
                    async move { dialog.pick_file().await.map(|f| f.path().to_path_buf()) },
                    Message::Picked,
                ));
            }
            Message::Picked(Some(path)) => {
                return Event::Run(Task::perform(
                    async move {
                        let garden = app::settings::backup_garden(&path);
                        Message::Read(path, garden)
                    },
                    std::convert::identity,
                ));
            }
            Message::Picked(None) | Message::Cancel => self.chosen = None,
            Message::Read(path, Ok(garden)) => {
                let same_garden = garden.belongs_to(current);
                self.chosen = Some(Chosen {
                    path,
                    garden,
                    same_garden,
                });
            }
            Message::Read(_, Err(error)) => return Event::Failed(error.to_string()),
            Message::Confirm => {
                if let Some(chosen) = self.chosen.take() {
                    return Event::Restore {
                        path: chosen.path,
                        other_garden: !chosen.same_garden,
                    };
                }
            }
        }
        Event::None
    }

    /// The question, when a file was chosen.
    pub fn view(&self, current: &GardenTag) -> Option<Element<'_, Message>> {
        let chosen = self.chosen.as_ref()?;
        let question = if chosen.same_garden {
            format!(
                "Restaurer « {} » ? Les données actuelles seront remplacées ; elles seront \
                 d'abord sauvegardées.",
                chosen.path.display()
            )
        } else {
            format!(
                "Attention : « {} » est une sauvegarde d'un autre jardin, « {} », et non de \
                 « {} ». La restaurer remplacera toutes les données de « {} » par celles de \
                 « {} » (elles seront d'abord sauvegardées).",
                chosen.path.display(),
                chosen.garden.display_name(),
                current.display_name(),
                current.display_name(),
                chosen.garden.display_name()
            )
        };
        let label = if chosen.same_garden {
            "Oui, restaurer"
        } else {
            "Oui, restaurer l'autre jardin"
        };
        let page = Column::new()
            .spacing(8)
            .push(widgets::banner(Tone::Warning, question))
            .push(
                row![
                    widgets::action(label, Some(Message::Confirm)),
                    widgets::secondary("Annuler", Some(Message::Cancel)),
                ]
                .spacing(12),
            );
        Some(page.into())
    }
}
