//! The workspace's frame: the notice banner, the sidebar, and the current screen.

use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Background, Element, Length, Theme};

use super::{Message, Workspace};
use crate::ui::section::Section;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// Shown above every screen when the garden is open read-only.
const READ_ONLY_BANNER: &str = "Lecture seule : vous pouvez consulter, imprimer et exporter, \
     mais rien ne sera enregistré (le fichier est sur un support protégé, ou déjà ouvert dans \
     une autre fenêtre).";
/// Width of the sidebar: room for "Paramètres" and the demonstration badge, and no more,
/// so that a 1024-pixel-wide screen keeps ~830 pixels for the page.
const SIDEBAR_WIDTH: f32 = 190.0;

impl Workspace {
    pub(super) fn view(&self) -> Element<'_, Message> {
        let content = self.screen.view();
        let mut main = Column::new();
        if self.context.garden.read_only() {
            main = main.push(
                container(widgets::banner(Tone::Warning, READ_ONLY_BANNER)).padding([12, 24]),
            );
        }
        if let Some((tone, message)) = &self.notice {
            main = main.push(
                container(
                    row![
                        widgets::banner(*tone, message.clone()),
                        button(text("Fermer").size(14))
                            .style(button::text)
                            .on_press(Message::DismissNotice)
                    ]
                    .spacing(8),
                )
                .padding([12, 24]),
            );
        }
        if self.help_open {
            main = main.push(
                container(crate::ui::help::view(
                    self.screen.section(),
                    Message::ToggleHelp,
                ))
                .padding([12, 24]),
            );
        }
        main = main.push(content);
        let main = main.width(Length::Fill);
        if self.sidebar_hidden {
            let strip = container(
                button(text("»").size(18))
                    .style(button::text)
                    .padding([8, 10])
                    .on_press(Message::ToggleSidebar),
            )
            .width(Length::Fixed(44.0))
            .height(Length::Fill)
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(theme::SIDEBAR)),
                ..container::Style::default()
            });
            return row![strip, main].into();
        }
        row![self.sidebar(), main].into()
    }

    fn sidebar(&self) -> Element<'_, Message> {
        let current = self.screen.section();
        let mut entries = Column::new().spacing(4).push(
            column![
                text("Binette").size(24).font(BOLD).color(theme::GREEN),
                widgets::muted(if self.identity.name.is_empty() {
                    "Jardin sans nom".to_string()
                } else {
                    self.identity.name.clone()
                }),
            ]
            .spacing(2)
            .padding([8, 8]),
        );
        if self.demo {
            entries = entries.push(
                container(
                    column![
                        widgets::banner(Tone::Warning, "Démonstration"),
                        button(text("Quitter la démonstration").size(13))
                            .style(button::secondary)
                            .padding([4, 8])
                            .on_press(Message::QuitDemo),
                    ]
                    .spacing(4),
                )
                .padding([0, 8]),
            );
        }
        entries = entries.push(text("").size(8));
        for section in Section::ALL {
            let selected = section == current;
            entries = entries.push(
                button(text(section.label()).size(15).font(if selected {
                    BOLD
                } else {
                    theme::FONT
                }))
                .width(Length::Fill)
                .padding([8, 12])
                .style(move |theme: &Theme, status| {
                    if selected {
                        button::primary(theme, status)
                    } else {
                        button::text(theme, status)
                    }
                })
                .on_press(Message::Navigate(section)),
            );
        }
        entries = entries.push(text("").size(8)).push(
            button(text("? Aide").size(14))
                .style(button::secondary)
                .padding([6, 12])
                .on_press(Message::ToggleHelp),
        );
        entries = entries.push(
            button(text("« Réduire le menu").size(13).color(theme::MUTED))
                .style(button::text)
                .padding([6, 14])
                .on_press(Message::ToggleSidebar),
        );
        container(scrollable(entries.padding(10)).height(Length::Fill))
            .width(Length::Fixed(SIDEBAR_WIDTH))
            .height(Length::Fill)
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(theme::SIDEBAR)),
                ..container::Style::default()
            })
            .into()
    }
}
