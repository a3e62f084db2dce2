//! Accueil's "Premiers pas" checklist for a new garden: from its name to a first printed
//! sheet, each step ticked as the garden fills; gone once everything is done.

use iced::widget::{Column, row, text};
use iced::{Element, Length};

use super::theme::{self, BOLD};
use super::widgets;
use crate::store::first_steps::FirstSteps;

/// The checklist, or nothing once every step is done.
pub fn view<'a, M: 'a>(steps: &FirstSteps) -> Option<Element<'a, M>> {
    if steps.all_done() {
        return None;
    }
    let name = if steps.named && !steps.logo {
        "Nom du jardin (le logo est facultatif)"
    } else {
        "Nom et logo du jardin"
    };
    let lines = [
        (steps.named, name, "Paramètres"),
        (
            steps.depots && steps.sizes,
            "Dépôts, formats de panier et leurs prix",
            "Adhérents › Formats et dépôts",
        ),
        (
            steps.members,
            "Adhérents et leurs abonnements : importez votre tableur ou ajoutez-les",
            "Adhérents › Importer… ou Nouvel adhérent",
        ),
        (
            steps.composition,
            "Première composition des paniers",
            "Paniers › Composition des paniers",
        ),
        (
            steps.printed,
            "Premières feuilles d'émargement imprimées",
            "bouton « Imprimer les prochaines feuilles » ci-dessus",
        ),
    ];
    let mut list = Column::new().spacing(8).push(widgets::muted(
        "Pour arriver à vos premières feuilles de la semaine ; chaque étape se coche toute \
         seule.",
    ));
    for (done, what, where_) in lines {
        list = list.push(
            row![
                text(if done { "✓" } else { "○" })
                    .size(16)
                    .font(BOLD)
                    .color(if done { theme::GREEN } else { theme::MUTED })
                    .width(Length::Fixed(22.0)),
                text(what)
                    .size(15)
                    .color(if done {
                        theme::MUTED
                    } else {
                        iced::Color::BLACK
                    })
                    .width(Length::Fill),
                widgets::muted(where_),
            ]
            .spacing(8),
        );
    }
    Some(widgets::card("Premiers pas", list))
}
