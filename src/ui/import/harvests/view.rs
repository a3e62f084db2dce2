//! Drawing the harvest import screen: its texts, options and preview in the shared frame.

use iced::widget::{Column, column, pick_list, radio, row, text};
use iced::{Element, Length};

use super::{Matching, Message, Screen};
use crate::domain::harvests::Unit;
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::harvests::{DuplicatePolicy, NameChoice, PlanRow, RowAction};
use crate::domain::text::collation_key;
use crate::ui::import::columns::columns_table;
use crate::ui::import::flow::Stage;
use crate::ui::import::frame::{self, heading};
use crate::ui::import::names::unknown_row;
use crate::ui::theme;
use crate::ui::widgets;

pub(super) fn view(screen: &Screen) -> Element<'_, Message> {
    let flow = &screen.flow;
    let page = frame::page(
        "Importer des récoltes",
        "Depuis un fichier CSV, XLSX (Excel) ou ODS (LibreOffice)",
        flow,
    );
    let body = match &flow.stage {
        Stage::Start => frame::start_card(
            "Le fichier doit avoir une ligne de titres (Date, Légume, Parcelle, Quantité, \
             Unité…). Les dates 28/11/2026, 2026-11-28 ou au format Excel, les virgules \
             décimales et « 12,5 kg » dans la quantité sont reconnus.",
            "Rien n'est enregistré avant d'avoir vu l'aperçu et cliqué sur « Importer ».",
            "Choisir un fichier…",
            flow.busy,
            Message::Flow,
        ),
        Stage::Matching(m) => return matching(page, screen, m).into(),
        Stage::Done { report, .. } => {
            frame::done_card(report.summary(), &report.rejected, Message::Flow)
        }
    };
    page.push(body).into()
}

fn matching<'a>(
    page: Column<'a, Message>,
    screen: &'a Screen,
    m: &'a Matching,
) -> Column<'a, Message> {
    let mut file = m.file.description();
    if m.file.table.header_line > 1 {
        file.push_str(&format!(" (titres en ligne {})", m.file.table.header_line));
    }
    let problem = mapping_problem(&m.mapping);
    let counts = m.plan.counts();
    let can_import = problem.is_none() && !screen.flow.busy && counts.create > 0;
    page.push(frame::file_line(file, Message::Flow))
        .push(frame::panes(
            columns_table(&m.file.table, &m.mapping, Message::ColumnSet),
            problem,
            options(screen, m),
            format!(
                "3. Aperçu : {} à créer (dont {} à vérifier), {} déjà enregistrée(s), {} \
                 refusée(s)",
                counts.create, counts.flagged, counts.skip, counts.rejected
            ),
            preview(&m.plan.rows),
        ))
        .push(frame::import_bar(
            can_import,
            Message::Flow,
            "Rien à importer pour l'instant : complétez les colonnes ou les options.",
        ))
}

fn options<'a>(screen: &'a Screen, m: &'a Matching) -> Element<'a, Message> {
    let policy = Some(screen.options.duplicates);
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
    let header = row![
        heading("Ligne").width(60),
        heading("Date").width(100),
        heading("Récolte").width(Length::FillPortion(3)),
        heading("Action").width(100),
        heading("Détail").width(Length::FillPortion(3)),
    ];
    frame::preview_list(header, rows, preview_row)
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
    frame::preview_row(
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
        ],
        background,
    )
}
