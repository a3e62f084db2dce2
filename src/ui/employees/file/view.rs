//! What a person's file shows: its header with actions, the tab bar, the deletion question,
//! the notice, and the tab chosen.

use iced::widget::{Column, Row, button, column, container, row, scrollable, text};
use iced::{Element, Length};

use super::{File, Message, Tab};
use crate::domain::calendar::format_date;
use crate::store::employees::DeletionSummary;
use crate::ui::employees::Picks;
use crate::ui::employees::tabs::identity;
use crate::ui::theme::BOLD;
use crate::ui::widgets;

impl File {
    /// The file page.
    pub fn view<'a>(&'a self, picks: &'a Picks) -> Element<'a, Message> {
        let mut page = column![self.head(), self.tab_bar()].spacing(12).padding(24);
        if let Some(summary) = &self.confirm_delete {
            page = page.push(confirm_delete(summary));
        }
        if let Some(question) = self.anonymise.question() {
            page = page.push(question.map(Message::Anonymise));
        }
        if let Some((tone, message)) = &self.notice {
            page = page.push(widgets::banner(*tone, message.clone()));
        }
        page.push(scrollable(container(self.body(picks)).padding([0, 12])).height(Length::Fill))
            .into()
    }

    /// The name, the dates, and the actions on the whole file.
    fn head(&self) -> Element<'_, Message> {
        let (title, subtitle) = match &self.file {
            Some(file) => {
                let e = &file.employee;
                let mut subtitle = format!("Entré(e) le {}", format_date(e.entry_date));
                if let Some(exit) = &file.exit {
                    subtitle.push_str(&format!(
                        " · sorti(e) le {} ({})",
                        format_date(exit.date),
                        exit.category.label()
                    ));
                }
                (e.display_name(), subtitle)
            }
            None => ("Nouveau salarié".to_owned(), String::new()),
        };
        let saved = self.file.is_some();
        row![
            widgets::secondary("← Liste", Some(Message::Back)),
            column![text(title).size(24).font(BOLD), widgets::muted(subtitle)]
                .spacing(2)
                .width(Length::Fill),
            widgets::secondary("Fiche parcours (PDF)", saved.then_some(Message::Pdf)),
            crate::ui::privacy::button(saved).map(Message::Access),
            self.anonymise_button(),
            widgets::secondary("Supprimer la fiche…", saved.then_some(Message::AskDelete)),
        ]
        .spacing(12)
        .align_y(iced::Alignment::Center)
        .into()
    }

    /// « Anonymiser… », for a saved file not anonymised yet.
    fn anonymise_button(&self) -> Element<'_, Message> {
        match &self.file {
            Some(file) => self
                .anonymise
                .button(file.employee.anonymised_on.is_some())
                .map(Message::Anonymise),
            None => widgets::secondary("Anonymiser…", None),
        }
    }

    /// The tab bar: only Identité and Entrée before the first save.
    fn tab_bar(&self) -> Element<'_, Message> {
        let saved = self.file.is_some();
        let mut bar = Row::new().spacing(4);
        for tab in Tab::ALL {
            let style = if tab == self.tab {
                button::primary
            } else {
                button::secondary
            };
            let enabled = saved || matches!(tab, Tab::Identity | Tab::Entry);
            bar = bar.push(
                button(text(tab.label()).size(14))
                    .padding([7, 12])
                    .style(style)
                    .on_press_maybe(enabled.then_some(Message::Tab(tab))),
            );
        }
        bar.into()
    }

    /// The tab chosen.
    fn body<'a>(&'a self, picks: &'a Picks) -> Element<'a, Message> {
        let saved = self.file.is_some();
        let staff = &picks.staff_choices;
        match (self.tab, &self.file) {
            (Tab::Identity, _) => {
                identity::identity(&self.identity, saved, staff).map(Message::Identity)
            }
            (Tab::Entry, _) => identity::entry(&self.identity, saved).map(Message::Identity),
            (_, None) => Column::new().into(),
            (Tab::Pass, Some(_)) => self.tabs.pass.view().map(Message::Pass),
            (Tab::Contracts, Some(f)) => self.tabs.contracts.view(f).map(Message::Contracts),
            (Tab::FollowUps, Some(f)) => {
                self.tabs.follow_ups.view(f, picks).map(Message::FollowUps)
            }
            (Tab::Trainings, Some(f)) => self.tabs.trainings.view(f).map(Message::Trainings),
            (Tab::Exit, Some(f)) => self.tabs.exit.view(f).map(Message::Exit),
            (Tab::Fse, Some(f)) => self.tabs.fse.view(f).map(Message::Fse),
            (Tab::Hours, Some(_)) => self.tabs.hours.view().map(Message::Hours),
        }
    }
}

/// "Supprimer définitivement cette fiche ?" and what goes with it.
fn confirm_delete(summary: &DeletionSummary) -> Element<'_, Message> {
    widgets::card(
        "Supprimer définitivement cette fiche ?",
        column![
            text(format!(
                "Partent avec elle : {}. Cette suppression est définitive. Pour une \
                 personne sortie, enregistrez plutôt sa sortie : sa fiche reste \
                 consultable avec le filtre « Sortis ».",
                summary.describe()
            ))
            .size(15),
            row![
                widgets::action("Supprimer définitivement", Some(Message::ConfirmDelete)),
                widgets::secondary("Annuler", Some(Message::CancelDelete)),
            ]
            .spacing(8),
        ]
        .spacing(10),
    )
}
