//! The "?" of each screen: a short French explanation of the screen and its weekly use,
//! bundled with the program (`assets/help/`), readable offline.

use iced::Element;
use iced::widget::{column, row, text};

use super::section::Section;
use super::widgets;

/// The help text of `section`: a first line (title), then paragraphs.
pub fn text_of(section: Section) -> &'static str {
    match section {
        Section::Home => include_str!("../../assets/help/accueil.txt"),
        Section::Employees => include_str!("../../assets/help/salaries.txt"),
        Section::Harvests => include_str!("../../assets/help/recoltes.txt"),
        Section::Members => include_str!("../../assets/help/adherents.txt"),
        Section::Baskets => include_str!("../../assets/help/paniers.txt"),
        Section::Payments => include_str!("../../assets/help/paiements.txt"),
        Section::Workshops => include_str!("../../assets/help/ateliers.txt"),
        Section::Reports => include_str!("../../assets/help/rapports.txt"),
        Section::Settings => include_str!("../../assets/help/parametres.txt"),
    }
}

/// The help card of `section`, with a "Fermer" button sending `close`.
pub fn view<'a, M: Clone + 'a>(section: Section, close: M) -> Element<'a, M> {
    let help = text_of(section).trim();
    let (title, body) = help.split_once('\n').unwrap_or((help, ""));
    let mut paragraphs = column![].spacing(8);
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        paragraphs = paragraphs.push(text(paragraph).size(14));
    }
    widgets::card(
        "Aide",
        column![
            row![
                text(title).size(15).width(iced::Length::Fill),
                widgets::secondary("Fermer l'aide", Some(close)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            paragraphs,
        ]
        .spacing(10),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_a_help_text_naming_it() {
        for section in Section::ALL {
            let help = text_of(section);
            assert!(
                help.starts_with(section.label()),
                "{}: {help}",
                section.label()
            );
            assert!(help.len() > 200, "{} is too short", section.label());
        }
    }
}
