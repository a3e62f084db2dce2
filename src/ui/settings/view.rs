//! The Paramètres page: identity form, backup folder, backups and restore.

use iced::widget::{Column, button, column, row, scrollable, text};
use iced::{Element, Length};

use super::{Field, Message, Settings};
use crate::app::settings::fields;
use crate::domain::calendar::format_date;
use crate::ui::about;
use crate::ui::import::ImportKind;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

impl Settings {
    /// A message for a button that writes, or nothing while busy or read-only (another
    /// window has the garden, or protected media).
    fn idle(&self, message: Message) -> Option<Message> {
        (!self.busy && !self.read_only).then_some(message)
    }

    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let mut page = column![widgets::page_title(
            "Paramètres",
            Some("L'identité du jardin figure sur chaque document imprimé.".into())
        ),]
        .spacing(18);
        if let Some((tone, message)) = &self.message {
            page = page.push(widgets::banner(*tone, message.clone()));
        }
        page = page
            .push(widgets::card("Identité du jardin", self.identity()))
            .push(widgets::card("Importer des données", self.imports()))
            .push(widgets::card("Paniers", self.harvest_window()))
            .push(self.sheets_folder.view().map(Message::SheetsFolder))
            .push(widgets::card(
                "Feuilles d'émargement",
                self.sheets.view().map(Message::Sheets),
            ))
            .push(widgets::card(
                "Comptabilité",
                self.accounting.view().map(Message::Accounting),
            ))
            .push(widgets::card(
                "Sauvegardes",
                column![self.backups_folder(), self.backup_list()].spacing(14),
            ))
            .push(widgets::card(
                "Protection des données",
                self.privacy.view().map(Message::Privacy),
            ))
            .push(about::view(
                &self.data_path,
                &self.backup_dir,
                Message::OpenDataFolder,
            ));
        scrollable(page.padding(24)).height(Length::Fill).into()
    }

    fn identity(&self) -> Element<'_, Message> {
        let f = &self.form.identity;
        let edit = |field: Field| move |value: String| Message::Edited(field, value);
        column![
            self.checked(
                fields::NAME,
                widgets::field("Nom du jardin", &f.name, edit(Field::Name), Message::Save)
            ),
            widgets::field("Adresse", &f.address, edit(Field::Address), Message::Save),
            row![
                container_w(
                    widgets::field(
                        "Code postal",
                        &f.postcode,
                        edit(Field::Postcode),
                        Message::Save
                    ),
                    160.0
                ),
                widgets::field("Commune", &f.city, edit(Field::City), Message::Save),
            ]
            .spacing(12),
            self.checked(
                fields::SIRET,
                widgets::field("SIRET", &f.siret, edit(Field::Siret), Message::Save)
            ),
            self.checked(
                fields::LOGO,
                row![
                    widgets::field(
                        "Logo (image imprimée sur les documents)",
                        &f.logo_path,
                        edit(Field::Logo),
                        Message::Save
                    ),
                    column![
                        text(" ").size(14),
                        widgets::secondary(
                            "Choisir une image…",
                            (!self.busy).then_some(Message::PickLogo)
                        )
                    ]
                    .spacing(4),
                ]
                .spacing(12)
                .into()
            ),
            row![widgets::action("Enregistrer", self.idle(Message::Save))],
        ]
        .spacing(10)
        .into()
    }

    /// `field` with, under it, why its value was refused (when it was).
    fn checked<'a>(
        &'a self,
        label: &'static str,
        field: Element<'a, Message>,
    ) -> Element<'a, Message> {
        match &self.invalid {
            Some((bad, message)) if *bad == label => column![
                field,
                text(message.as_str()).size(13).color(theme::ERROR_TEXT)
            ]
            .spacing(4)
            .into(),
            Some(_) | None => field,
        }
    }

    fn imports(&self) -> Element<'_, Message> {
        column![
            widgets::muted(
                "Reprenez vos adhérents ou vos relevés de récoltes depuis un tableur (CSV, Excel, OpenDocument), et vos salariés depuis l'export Excel des emplois de l'inclusion : les colonnes sont reconnues, vous vérifiez l'aperçu avant d'importer.",
            ),
            row![
                widgets::secondary(
                    "Importer des adhérents…",
                    self.idle(Message::OpenImport(ImportKind::Members))
                ),
                widgets::secondary(
                    "Importer des récoltes…",
                    self.idle(Message::OpenImport(ImportKind::Harvests))
                ),
                widgets::secondary(
                    "Importer des salariés (les emplois)…",
                    self.idle(Message::OpenImport(ImportKind::Employees))
                ),
            ]
            .spacing(10),
        ]
        .spacing(8)
        .into()
    }

    fn harvest_window(&self) -> Element<'_, Message> {
        column![
            row![
                container_w(
                    self.checked(
                        fields::HARVEST_WINDOW,
                        widgets::field(
                            "Fenêtre de récolte (jours)",
                            &self.form.harvest_window,
                            |value| Message::Edited(Field::HarvestWindow, value),
                            Message::Save,
                        )
                    ),
                    220.0,
                ),
                column![
                    text(" ").size(14),
                    widgets::action("Enregistrer", self.idle(Message::Save))
                ]
                .spacing(4),
            ]
            .spacing(12),
            widgets::muted(
                "Les récoltes destinées aux paniers comptent pour une semaine de livraison à partir de ce nombre de jours avant son lundi, jusqu'à son dimanche.",
            ),
        ]
        .spacing(6)
        .into()
    }

    fn backups_folder(&self) -> Element<'_, Message> {
        let default_dir = format!("Par défaut : {}", self.backup_dir.display());
        column![
            widgets::folder_field(
                "Dossier des sauvegardes (laisser vide pour le dossier par défaut)",
                &self.form.backup_dir,
                |value| Message::Edited(Field::BackupDir, value),
                Message::Save,
                (!self.busy).then_some(Message::PickBackupDir),
            ),
            widgets::muted(default_dir),
            row![
                widgets::action("Enregistrer", self.idle(Message::Save)),
                widgets::secondary(
                    "Sauvegarder maintenant",
                    (!self.busy).then_some(Message::BackupNow),
                ),
            ]
            .spacing(12),
        ]
        .spacing(6)
        .into()
    }

    fn backup_list(&self) -> Element<'_, Message> {
        let mut list = Column::new().spacing(6).push(
            widgets::muted("Une sauvegarde est faite automatiquement chaque jour à l'ouverture ; les 14 dernières sont gardées, et à part les 3 dernières copies faites avant une restauration, une importation ou une mise à jour."),
        );
        if let Some(file) = &self.confirm_restore {
            list = list.push(widgets::banner(
                Tone::Warning,
                format!(
                    "Restaurer la sauvegarde du {} à {} ? Les données actuelles seront remplacées ; elles seront d'abord sauvegardées.",
                    format_date(file.taken_at.date()),
                    file.taken_at.format("%H:%M")
                ),
            ));
            list = list.push(
                row![
                    widgets::action("Oui, restaurer", Some(Message::ConfirmRestore)),
                    widgets::secondary("Annuler", Some(Message::CancelRestore))
                ]
                .spacing(12),
            );
        }
        if let Some(question) = self.other_file.view(&self.garden) {
            list = list.push(question.map(Message::OtherFile));
        }
        list = list.push(widgets::secondary(
            "Restaurer un autre fichier…",
            self.idle(Message::OtherFile(super::other_file::Message::Pick)),
        ));
        if self.backups.is_empty() {
            list = list.push(text("Aucune sauvegarde pour l'instant.").size(15));
        }
        for file in &self.backups {
            list = list.push(
                row![
                    text(file.label())
                        .size(15)
                        .font(BOLD)
                        .width(Length::Fixed(340.0)),
                    text(file.path.display().to_string())
                        .size(13)
                        .width(Length::Fill),
                    button(text("Restaurer…").size(14))
                        .style(button::secondary)
                        .on_press_maybe(self.idle(Message::AskRestore(file.clone()))),
                ]
                .spacing(12)
                .align_y(iced::Alignment::Center),
            );
        }
        list.into()
    }
}

fn container_w<'a>(content: Element<'a, Message>, width: f32) -> Element<'a, Message> {
    iced::widget::container(content)
        .width(Length::Fixed(width))
        .into()
}
