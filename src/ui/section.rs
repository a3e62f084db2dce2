//! The sidebar's sections, and the plain page shown for those not built yet.

use iced::widget::{column, container, text};
use iced::{Element, Length};

use super::theme::{self, BOLD};
use super::widgets;

/// One entry of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Employees,
    Harvests,
    Members,
    Baskets,
    Payments,
    Workshops,
    Reports,
    Settings,
}

impl Section {
    /// Every section, in sidebar order.
    pub const ALL: [Section; 9] = [
        Section::Home,
        Section::Employees,
        Section::Harvests,
        Section::Members,
        Section::Baskets,
        Section::Payments,
        Section::Workshops,
        Section::Reports,
        Section::Settings,
    ];

    /// The sidebar label.
    pub fn label(self) -> &'static str {
        match self {
            Section::Home => "Accueil",
            Section::Employees => "Salariés",
            Section::Harvests => "Récoltes",
            Section::Members => "Adhérents",
            Section::Baskets => "Paniers",
            Section::Payments => "Paiements",
            Section::Workshops => "Ateliers",
            Section::Reports => "Rapports",
            Section::Settings => "Paramètres",
        }
    }

    /// What the section will hold, said plainly while it is being built.
    fn coming(self) -> &'static str {
        match self {
            Section::Employees => {
                "Le suivi des parcours d'insertion : contrats CDDI, PASS IAE, entretiens, formations, immersions, sorties et données FSE+."
            }
            Section::Harvests => {
                "La saisie rapide des récoltes au clavier, le catalogue des légumes et des parcelles, et les totaux en kilos."
            }
            Section::Members => {
                "Les adhérents, les dépôts, les abonnements, les absences et les Paniers Solidaires."
            }
            Section::Baskets => {
                "La semaine : composition des paniers, feuilles d'émargement par dépôt, fiche de préparation, pointage des retraits."
            }
            Section::Workshops => {
                "Les ateliers collectifs, leurs séances, les inscriptions, les présences et les feuilles d'émargement."
            }
            Section::Reports => {
                "Le bilan d'activité pour les financeurs, en PDF, sur la période choisie."
            }
            Section::Payments => {
                "Les chèques à remettre à la banque, les bordereaux de remise et tous les paiements."
            }
            Section::Home | Section::Settings => "",
        }
    }
}

/// The page of a section not built yet: what it will do, and that the data is already kept.
pub fn coming_soon<'a, M: 'a>(section: Section) -> Element<'a, M> {
    container(
        column![
            widgets::page_title(section.label(), None),
            widgets::card(
                "Cet écran n'est pas encore disponible dans cette version",
                column![
                    text(section.coming()).size(15),
                    text("Les données du jardin de démonstration sont déjà enregistrées et apparaissent sur l'Accueil.")
                        .size(14)
                        .color(theme::MUTED),
                ]
                .spacing(8),
            ),
            text("").font(BOLD),
        ]
        .spacing(18),
    )
    .padding(24)
    .width(Length::Fill)
    .into()
}
