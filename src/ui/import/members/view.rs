//! Drawing the import screen: start, column matching with the preview, result.

use iced::widget::{Column, column, container, pick_list, radio, row, scrollable, text};
use iced::{Background, Border, Element, Length, Theme};

use super::{DayChoice, Matching, Message, Screen, Stage};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::members::{ExistingPolicy, ImportContext, PlanRow, RowAction};
use crate::domain::text::collation_key;
use crate::ui::import::columns::columns_table;
use crate::ui::import::names::unknown_row;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};
use chrono::Weekday;

const DAYS: [DayChoice; 6] = [
    DayChoice(Weekday::Mon),
    DayChoice(Weekday::Tue),
    DayChoice(Weekday::Wed),
    DayChoice(Weekday::Thu),
    DayChoice(Weekday::Fri),
    DayChoice(Weekday::Sat),
];

/// Most preview rows drawn (the counts cover them all).
const PREVIEW_LIMIT: usize = 300;

pub(super) fn view(screen: &Screen) -> Element<'_, Message> {
    let mut page = Column::new()
        .spacing(14)
        .padding(24)
        .push(widgets::page_title(
            "Importer des adhérents",
            Some("Depuis un fichier CSV, XLSX (Excel) ou ODS (LibreOffice)".into()),
        ));
    if let Some((tone, message)) = &screen.message {
        page = page.push(widgets::banner(*tone, message.clone()));
    }
    match &screen.stage {
        Stage::Start => page.push(start(screen)).into(),
        Stage::Matching(m) => matching(page, screen, m).into(),
        Stage::Done {
            report,
            rejected_csv: _,
        } => {
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
            "Le fichier doit avoir une ligne de titres (Nom, Prénom, Tél., Dépôt, Panier…). \
              Les fichiers CSV enregistrés par Excel (point-virgule) ou LibreOffice sont reconnus \
              automatiquement."
        )
        .size(15),
        widgets::muted(
            "Rien n'est enregistré avant d'avoir vu l'aperçu et cliqué sur « Importer »."
        ),
        widgets::action(
            "Choisir un fichier…",
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
    let mut left = column![widgets::card("1. Colonnes du fichier", columns(m))].spacing(14);
    if let Some(problem) = &problem {
        left = left.push(widgets::banner(Tone::Warning, problem.clone()));
    }
    left = left.push(widgets::card("2. Options", options(screen, m)));
    let counts = m.plan.counts();
    let summary = format!(
        "{} à créer, {} à mettre à jour, {} ignoré(s), {} refusé(s)",
        counts.create, counts.update, counts.skip, counts.rejected
    );
    page = page.push(
        row![
            scrollable(left.padding(iced::Padding::ZERO.right(12)))
                .width(Length::FillPortion(2))
                .height(Length::Fill),
            container(widgets::card(
                format!("3. Aperçu : {summary}"),
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
                "Rien à importer pour l'instant : complétez les colonnes ou les options."
            }),
        ]
        .spacing(10)
        .align_y(iced::Alignment::Center),
    )
}

fn columns(m: &Matching) -> Element<'_, Message> {
    columns_table(&m.file.table, &m.mapping, Message::ColumnSet)
}

fn options<'a>(screen: &'a Screen, m: &'a Matching) -> Element<'a, Message> {
    let policy = Some(screen.policy);
    let mut body = column![
        text("Adhérent déjà présent (même nom, et même téléphone ou même e-mail) :").size(15),
        row![
            radio(
                "Le mettre à jour",
                ExistingPolicy::Update,
                policy,
                Message::PolicySet
            )
            .size(16),
            radio(
                "Le laisser tel quel",
                ExistingPolicy::Skip,
                policy,
                Message::PolicySet
            )
            .size(16),
        ]
        .spacing(24),
    ]
    .spacing(8);
    let context: &ImportContext = &m.file.context;
    for name in &m.unknown_depots {
        let chosen = m.resolutions.depots.get(&collation_key(name)).copied();
        body = body.push(unknown_row(
            "Dépôt inconnu",
            name,
            &context.depots,
            chosen,
            Message::DepotSet,
        ));
    }
    for name in &m.unknown_sizes {
        let chosen = m.resolutions.sizes.get(&collation_key(name)).copied();
        body = body.push(unknown_row(
            "Panier inconnu",
            name,
            &context.sizes,
            chosen,
            Message::SizeSet,
        ));
    }
    if !m.plan.new_depots.is_empty() {
        body = body.push(
            row![
                text("Jour de livraison des dépôts créés :").size(15),
                pick_list(
                    &DAYS[..],
                    Some(DayChoice(screen.weekday)),
                    Message::WeekdaySet
                )
                .text_size(14),
                widgets::muted("(adresse et horaires à compléter ensuite dans Paramètres)"),
            ]
            .spacing(12)
            .align_y(iced::Alignment::Center),
        );
    }
    if !m.plan.new_sizes.is_empty() {
        body = body.push(widgets::muted(
            "Les tailles de panier créées n'ont pas de prix : ajoutez-le ensuite dans Paramètres.",
        ));
    }
    body.into()
}

fn preview(rows: &[PlanRow]) -> Element<'_, Message> {
    let mut list = column![
        row![
            text("Ligne").size(14).font(BOLD).width(60),
            text("Adhérent")
                .size(14)
                .font(BOLD)
                .width(Length::FillPortion(2)),
            text("Action").size(14).font(BOLD).width(110),
            text("Détail")
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
    let detail = match &plan_row.action {
        RowAction::Rejected(reason) => reason.clone(),
        _ => plan_row.notes.join(" ; "),
    };
    let (background, foreground) = match plan_row.action {
        RowAction::Rejected(_) => (Some(theme::ERROR_BG), theme::ERROR_TEXT),
        RowAction::Update(_) => (Some(theme::WARNING_BG), theme::WARNING_TEXT),
        RowAction::Create if !plan_row.notes.is_empty() => {
            (Some(theme::WARNING_BG), theme::WARNING_TEXT)
        }
        _ => (None, iced::Color::BLACK),
    };
    container(
        row![
            text(plan_row.line.to_string()).size(14).width(60),
            text(plan_row.name()).size(14).width(Length::FillPortion(2)),
            text(plan_row.action_label())
                .size(14)
                .color(foreground)
                .width(110),
            text(detail)
                .size(14)
                .color(foreground)
                .width(Length::FillPortion(4)),
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
