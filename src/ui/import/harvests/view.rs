//! Drawing the harvest import screen: start, column matching with the preview, result.

use iced::widget::{Column, column, container, pick_list, radio, row, scrollable, text};
use iced::{Background, Border, Element, Length, Theme};

use super::{Matching, Message, Screen, Stage};
use crate::domain::harvests::Unit;
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::harvests::{DuplicatePolicy, NameChoice, PlanRow, RowAction};
use crate::domain::text::collation_key;
use crate::ui::import::columns::columns_table;
use crate::ui::import::names::unknown_row;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// Most preview rows drawn (the counts cover them all).
const PREVIEW_LIMIT: usize = 300;

pub(super) fn view(screen: &Screen) -> Element<'_, Message> {
    let mut page = Column::new()
        .spacing(14)
        .padding(24)
        .push(widgets::page_title(
            "Importer des récoltes",
            Some("Depuis un fichier CSV, XLSX (Excel) ou ODS (LibreOffice)".into()),
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
            "Le fichier doit avoir une ligne de titres (Date, Légume, Parcelle, Quantité, \
             Unité…). Les dates 28/11/2026, 2026-11-28 ou au format Excel, les virgules \
             décimales et « 12,5 kg » dans la quantité sont reconnus."
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
    let heading = if m.file.table.header_line > 1 {
        format!(" (titres en ligne {})", m.file.table.header_line)
    } else {
        String::new()
    };
    page = page.push(
        row![
            text(format!(
                "{file_name} — {}, {} ligne(s){heading}",
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
    left = left.push(widgets::card("2. Options", options(screen, m)));
    let counts = m.plan.counts();
    let summary = format!(
        "{} à créer (dont {} à vérifier), {} déjà enregistrée(s), {} refusée(s)",
        counts.create, counts.flagged, counts.skip, counts.rejected
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
    let can_import = problem.is_none() && !screen.busy && counts.create > 0;
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

fn options<'a>(screen: &'a Screen, m: &'a Matching) -> Element<'a, Message> {
    let policy = Some(screen.duplicates);
    let mut body = column![
        text("Ligne déjà enregistrée (même date, culture, parcelle et quantité) :").size(15),
        row![
            radio(
                "La laisser de côté",
                DuplicatePolicy::Skip,
                policy,
                Message::DuplicatesSet
            )
            .size(16),
            radio(
                "L'importer quand même",
                DuplicatePolicy::Import,
                policy,
                Message::DuplicatesSet
            )
            .size(16),
        ]
        .spacing(24),
    ]
    .spacing(8);
    let known_crops: Vec<_> = m
        .file
        .context
        .crops
        .iter()
        .map(|c| crate::domain::import::names::Named {
            id: c.id,
            name: c.name.clone(),
        })
        .collect();
    for name in &m.unknown_crops {
        let key = collation_key(name);
        let chosen = m.resolutions.crops.get(&key).copied();
        body = body.push(unknown_row(
            "Culture inconnue",
            name,
            &known_crops,
            chosen,
            Message::CropSet,
        ));
        if chosen.unwrap_or(NameChoice::Create) == NameChoice::Create {
            let unit = m.resolutions.crop_units.get(&key).copied();
            let owned = name.clone();
            body = body.push(
                row![
                    widgets::muted("    comptée en :"),
                    pick_list(Unit::ALL, Some(unit.unwrap_or(Unit::Kg)), move |u| {
                        Message::CropUnitSet(owned.clone(), u)
                    })
                    .text_size(14),
                    widgets::muted("(pour les lignes sans unité)"),
                ]
                .spacing(10)
                .align_y(iced::Alignment::Center),
            );
        }
    }
    for name in &m.unknown_plots {
        let chosen = m.resolutions.plots.get(&collation_key(name)).copied();
        body = body.push(unknown_row(
            "Parcelle inconnue",
            name,
            &m.file.context.plots,
            chosen,
            Message::PlotSet,
        ));
    }
    if !m.plan.new_crops.is_empty() {
        body = body.push(widgets::muted(
            "Les cultures créées sont à compléter ensuite dans Récoltes › Cultures (famille, \
             poids d'une botte ou d'une pièce).",
        ));
    }
    body.into()
}

fn preview(rows: &[PlanRow]) -> Element<'_, Message> {
    let header = |label: &'static str| text(label).size(14).font(BOLD);
    let mut list = column![
        row![
            header("Ligne").width(60),
            header("Date").width(100),
            header("Récolte").width(Length::FillPortion(3)),
            header("Action").width(100),
            header("Détail").width(Length::FillPortion(3)),
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
        RowAction::Skip => (None, theme::MUTED),
        RowAction::Create if !plan_row.warnings.is_empty() => {
            (Some(theme::WARNING_BG), theme::WARNING_TEXT)
        }
        RowAction::Create => (None, iced::Color::BLACK),
    };
    container(
        row![
            text(plan_row.line.to_string()).size(14).width(60),
            text(plan_row.date_label()).size(14).width(100),
            text(plan_row.label())
                .size(14)
                .width(Length::FillPortion(3)),
            text(plan_row.action_label())
                .size(14)
                .color(foreground)
                .width(100),
            text(plan_row.detail())
                .size(14)
                .color(foreground)
                .width(Length::FillPortion(3)),
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
