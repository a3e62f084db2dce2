//! Drawing the employee import screen: start, columns and preview, result.

use iced::widget::{Column, column, container, radio, row, scrollable, text};
use iced::{Background, Border, Element, Length, Theme};

use super::{Matching, Message, Screen, Stage};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::employees::{ExistingPolicy, PlanRow, RowAction};
use crate::ui::import::columns::columns_table;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// Most preview rows drawn (the counts cover them all).
const PREVIEW_LIMIT: usize = 300;

pub(super) fn view(screen: &Screen) -> Element<'_, Message> {
    let mut page = Column::new()
        .spacing(14)
        .padding(24)
        .push(widgets::page_title(
            "Importer des salariés",
            Some("Depuis l'export XLSX des emplois de l'inclusion (PASS IAE)".into()),
        ));
    if let Some((tone, message)) = &screen.message {
        page = page.push(widgets::banner(*tone, message.clone()));
    }
    match &screen.stage {
        Stage::Start => page.push(start(screen)).into(),
        Stage::Matching(m) => matching(page, screen, m).into(),
        Stage::Done { report, .. } => {
            let mut refused = column![].spacing(4);
            for (line, reason) in &report.rejected {
                refused = refused.push(text(format!("Ligne {line} : {reason}")).size(14));
            }
            let mut buttons = row![].spacing(10);
            if !report.rejected.is_empty() {
                buttons = buttons.push(widgets::secondary(
                    "Enregistrer les lignes refusées (CSV)",
                    Some(Message::SaveRejected),
                ));
            }
            buttons = buttons.push(widgets::action(
                "Importer un autre fichier",
                Some(Message::PickFile),
            ));
            let body = column![
                widgets::banner(Tone::Success, report.summary()),
                buttons,
                scrollable(refused).height(Length::Fill),
            ]
            .spacing(10);
            page.push(widgets::card("Import terminé", body)).into()
        }
    }
}

fn start(screen: &Screen) -> Element<'_, Message> {
    let body = column![
        text(
            "Sur emplois.inclusion.beta.gouv.fr : Candidatures reçues → Exporter → \
             « Télécharger toutes les candidatures ». Le fichier XLSX obtenu donne pour chaque \
             personne embauchée son PASS IAE (numéro, début, fin, statut), ses dates \
             d'embauche et son prescripteur."
        )
        .size(15),
        widgets::muted(
            "Les personnes sont reconnues par leur numéro de PASS IAE, sinon par leur nom et \
             leur date de naissance. Rien n'est enregistré avant d'avoir vu les différences et \
             cliqué sur « Importer »."
        ),
        widgets::action(
            "Choisir le fichier…",
            (!screen.busy).then_some(Message::PickFile)
        ),
    ]
    .spacing(12);
    widgets::card("Fichier à importer", body)
}

fn matching<'a>(
    mut page: Column<'a, Message>,
    screen: &'a Screen,
    m: &'a Matching,
) -> Column<'a, Message> {
    let file_name = m
        .file
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    page = page.push(
        row![
            text(format!(
                "{file_name} — {}, {} ligne(s)",
                m.file.format,
                m.file.table.rows.len()
            ))
            .size(15)
            .width(Length::Fill),
            widgets::secondary("Choisir un autre fichier…", Some(Message::PickFile)),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center),
    );
    let problem = mapping_problem(&m.mapping);
    let mut left = column![widgets::card(
        "1. Colonnes du fichier",
        columns_table(&m.file.table, &m.mapping, Message::ColumnSet)
    )]
    .spacing(14);
    if let Some(problem) = &problem {
        left = left.push(widgets::banner(Tone::Warning, problem.clone()));
    }
    left = left.push(widgets::card("2. Options", options(screen)));
    let counts = m.plan.counts();
    page = page.push(
        row![
            scrollable(left.padding(iced::Padding::ZERO.right(12)))
                .width(Length::FillPortion(2))
                .height(Length::Fill),
            container(widgets::card(
                format!("3. Aperçu : {}", counts.describe()),
                scrollable(preview(&m.plan.rows)).height(Length::Fill),
            ))
            .width(Length::FillPortion(3))
            .height(Length::Fill),
        ]
        .spacing(16)
        .height(Length::Fill),
    );
    let can_import = problem.is_none() && !screen.busy && counts.create + counts.update > 0;
    page.push(
        row![
            widgets::action("Importer", can_import.then_some(Message::Import)),
            widgets::secondary("Annuler", Some(Message::Cancel)),
            widgets::muted(if can_import {
                "Tout est enregistré en une fois ; les lignes refusées ne le sont pas."
            } else {
                "Rien à importer : aucune création ni mise à jour dans l'aperçu."
            }),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center),
    )
}

fn options(screen: &Screen) -> Element<'_, Message> {
    let policy = Some(screen.policy);
    column![
        text("Personne déjà dans Binette (même PASS IAE, ou même nom et date de naissance) :")
            .size(15),
        row![
            radio(
                "La mettre à jour",
                ExistingPolicy::Update,
                policy,
                Message::PolicySet
            )
            .size(16),
            radio(
                "La laisser telle quelle",
                ExistingPolicy::Skip,
                policy,
                Message::PolicySet
            )
            .size(16),
        ]
        .spacing(24),
        widgets::muted(
            "Une mise à jour prend les dates du PASS IAE des emplois de l'inclusion et ne fait \
             que remplir les cases vides de la fiche : ce que vous avez saisi dans Binette \
             n'est jamais remplacé. Un contrat est ajouté (26 h par semaine, à vérifier) ou \
             prolongé d'après les dates d'embauche."
        ),
    ]
    .spacing(8)
    .into()
}

fn preview(rows: &[PlanRow]) -> Element<'_, Message> {
    let mut list = column![
        row![
            text("Ligne").size(14).font(BOLD).width(60),
            text("Salarié(e)")
                .size(14)
                .font(BOLD)
                .width(Length::FillPortion(2)),
            text("Action").size(14).font(BOLD).width(110),
            text("Différences et remarques")
                .size(14)
                .font(BOLD)
                .width(Length::FillPortion(4)),
        ]
        .spacing(10)
    ]
    .spacing(4);
    for plan_row in rows.iter().take(PREVIEW_LIMIT) {
        list = list.push(preview_row(plan_row));
    }
    if rows.len() > PREVIEW_LIMIT {
        list = list.push(widgets::muted(format!(
            "… et {} autre(s) ligne(s), comptées ci-dessus.",
            rows.len() - PREVIEW_LIMIT
        )));
    }
    if rows.is_empty() {
        list = list.push(widgets::muted("Aucune ligne de données dans le fichier."));
    }
    list.into()
}

fn preview_row(plan_row: &PlanRow) -> Element<'_, Message> {
    let (background, foreground) = match plan_row.action {
        RowAction::Rejected(_) => (Some(theme::ERROR_BG), theme::ERROR_TEXT),
        RowAction::Update(_) => (Some(theme::WARNING_BG), theme::WARNING_TEXT),
        RowAction::Create => (Some(theme::SUCCESS_BG), iced::Color::BLACK),
        RowAction::Unchanged(_) | RowAction::Ignored(_) => (None, theme::MUTED),
    };
    let mut details = column![].spacing(2).width(Length::FillPortion(4));
    for line in plan_row.details() {
        details = details.push(text(line).size(14).color(foreground));
    }
    container(
        row![
            text(plan_row.line.to_string()).size(14).width(60),
            text(plan_row.name.clone())
                .size(14)
                .width(Length::FillPortion(2)),
            text(plan_row.action_label())
                .size(14)
                .color(foreground)
                .width(110),
            details,
        ]
        .spacing(10),
    )
    .padding([2, 4])
    .style(move |_: &Theme| container::Style {
        background: background.map(Background::Color),
        border: Border {
            radius: 3.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    })
    .into()
}
