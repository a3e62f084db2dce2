//! What the Récoltes screen shows: the tabs, the entry form and the list.

use iced::widget::{Row, button, column, row, text};
use iced::{Element, Length};

use super::{Message, Screen, Tab};
use super::{entry, list, totals};
use crate::domain::calendar::format_date;
use crate::ui::widgets::{self, Tone};

impl Screen {
    /// The page.
    pub fn view(&self) -> Element<'_, Message> {
        let mut tabs = Row::new().spacing(4);
        for tab in Tab::ALL {
            let style = if tab == self.tab {
                button::primary
            } else {
                button::secondary
            };
            tabs = tabs.push(
                button(text(tab.label()).size(15))
                    .padding([6, 14])
                    .style(style)
                    .on_press(Message::Tab(tab)),
            );
        }
        let mut page = column![
            row![
                widgets::page_title("Récoltes", None),
                iced::widget::Space::new().width(Length::Fill),
                tabs
            ]
            .align_y(iced::Alignment::Center)
        ]
        .spacing(12)
        .padding(20)
        .height(Length::Fill);
        if let Some((tone, message)) = &self.message {
            page = page.push(widgets::banner(*tone, message.clone()));
        }
        if matches!(self.tab, Tab::Entry | Tab::Totals)
            && let Some(notice) = self.exporter.notice()
        {
            page = page.push(notice.map(Message::Export));
        }
        match self.tab {
            Tab::Entry => page = page.push(self.entry_tab()),
            Tab::Totals => {
                page = page
                    .push(list::filter_bar(
                        &self.filters,
                        self.computed.problem.as_ref(),
                        None,
                    ))
                    .push(totals::totals_view(&self.computed, &self.exporter));
            }
            Tab::Crops | Tab::Plots => {
                page = page.push(
                    self.catalogue
                        .view(self.tab == Tab::Crops, &self.crops, &self.plots)
                        .map(Message::Catalogue),
                );
            }
        }
        page.into()
    }

    fn entry_tab(&self) -> Element<'_, Message> {
        let mut content = column![self.entry_card()].spacing(10);
        if let Some(id) = self.confirm_delete
            && let Some(line) = self.lines.iter().find(|l| l.harvest.id == id)
        {
            content = content.push(widgets::banner(
                Tone::Warning,
                format!(
                    "Supprimer la ligne {} du {} ({}) ? Cette action est définitive.",
                    line.crop_name,
                    format_date(line.harvest.date),
                    list::quantity_label(line)
                ),
            ));
            content = content.push(
                row![
                    widgets::action("Oui, supprimer", Some(Message::ConfirmDelete)),
                    widgets::secondary("Annuler", Some(Message::CancelDelete)),
                ]
                .spacing(10),
            );
        }
        content
            .push(list::filter_bar(
                &self.filters,
                self.computed.problem.as_ref(),
                Some(
                    row![
                        widgets::secondary("Importer…", Some(Message::OpenImport)),
                        self.exporter
                            .buttons(super::HarvestExport::List)
                            .map(Message::Export),
                    ]
                    .spacing(8)
                    .into(),
                ),
            ))
            .push(list::list(&self.lines, &self.computed, &self.scrolled))
            .height(Length::Fill)
            .into()
    }

    /// The entry line in its card, with its questions and buttons.
    fn entry_card(&self) -> Element<'_, Message> {
        let heading = if self.entry.editing.is_some() {
            "Modifier la ligne"
        } else {
            "Nouvelle ligne (Entrée enregistre, Tab passe au champ suivant)"
        };
        let mut form = column![entry::view(
            &self.entry,
            &self.errors,
            &self.crops,
            &self.plots
        )]
        .spacing(8);
        if let Some(name) = &self.offer_create {
            form = form.push(widgets::banner(
                Tone::Warning,
                format!("« {name} » n'est pas au catalogue. Appuyez encore sur Entrée pour créer cette culture (comptée en kg), ou corrigez le nom."),
            ));
            form = form.push(widgets::action(
                "Créer la culture",
                Some(Message::CreateCrop),
            ));
        }
        if !self.warnings.is_empty() {
            form = form.push(widgets::banner(
                Tone::Warning,
                format!(
                    "{} Appuyez encore sur Entrée pour enregistrer quand même.",
                    self.warnings.join(" ")
                ),
            ));
        }
        let mut buttons = row![widgets::action(
            if self.warnings.is_empty() {
                "Enregistrer"
            } else {
                "Enregistrer quand même"
            },
            (!self.saving).then_some(Message::Save)
        )]
        .spacing(10);
        if self.entry.editing.is_some() {
            buttons = buttons.push(widgets::secondary(
                "Annuler la modification",
                Some(Message::CancelEdit),
            ));
        }
        form = form.push(buttons);
        widgets::card(heading, form)
    }
}
