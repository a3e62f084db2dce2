//! Drawing the member import screen: its texts, options and preview in the shared frame.

use iced::widget::{Column, button, column, pick_list, radio, row, text};
use iced::{Element, Length};

use super::{DayChoice, Matching, Message, Screen};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::members::{
    ExistingPolicy, ImportContext, NamesakeChoice, PlanRow, RowAction,
};
use crate::domain::text::collation_key;
use crate::ui::import::columns::columns_table;
use crate::ui::import::flow::Stage;
use crate::ui::import::frame::{self, heading};
use crate::ui::import::names::unknown_row;
use crate::ui::theme;
use crate::ui::widgets;
use chrono::Weekday;

const DAYS: [DayChoice; 6] = [
    DayChoice(Weekday::Mon),
    DayChoice(Weekday::Tue),
    DayChoice(Weekday::Wed),
    DayChoice(Weekday::Thu),
    DayChoice(Weekday::Fri),
    DayChoice(Weekday::Sat),
];

pub(super) fn view(screen: &Screen) -> Element<'_, Message> {
    let flow = &screen.flow;
    let page = frame::page(
        "Importer des adhérents",
        "Depuis un fichier CSV, XLSX (Excel) ou ODS (LibreOffice)",
        flow,
    );
    let body = match &flow.stage {
        Stage::Start => frame::start_card(
            "Le fichier doit avoir une ligne de titres (Nom, Prénom, Tél., Dépôt, Panier…). \
              Les fichiers CSV enregistrés par Excel (point-virgule) ou LibreOffice sont reconnus \
              automatiquement.",
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
    let problem = mapping_problem(&m.mapping);
    let counts = m.plan.counts();
    let can_import = problem.is_none() && !screen.flow.busy && counts.create + counts.update > 0;
    page.push(frame::file_line(m.file.description(), Message::Flow))
        .push(frame::panes(
            columns_table(&m.file.table, &m.mapping, Message::ColumnSet),
            problem,
            options(screen, m),
            format!(
                "3. Aperçu : {} à créer, {} à mettre à jour, {} ignoré(s), {} à vérifier, {} refusé(s)",
                counts.create, counts.update, counts.skip, counts.check, counts.rejected
            ),
            preview(&m.plan.rows, &m.resolutions.namesakes),
        ))
        .push(frame::import_bar(
            can_import,
            Message::Flow,
            "Rien à importer pour l'instant : complétez les colonnes ou les options.",
        ))
}

fn options<'a>(screen: &'a Screen, m: &'a Matching) -> Element<'a, Message> {
    let policy = Some(screen.options.policy);
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
    let to_check = m.plan.counts().check;
    if to_check > 0 {
        body = body.push(
            text(format!(
                "{to_check} ligne(s) à vérifier : même nom qu'un foyer existant, mais rien \
                 d'autre en commun. Choisissez dans l'aperçu « Créer un nouveau foyer » ou \
                 « Mettre à jour » ; sinon ces lignes ne sont pas importées."
            ))
            .size(15)
            .color(theme::WARNING_TEXT),
        );
    }
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
                    Some(DayChoice(screen.options.weekday)),
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

fn preview<'a>(
    rows: &'a [PlanRow],
    chosen: &'a std::collections::BTreeMap<usize, NamesakeChoice>,
) -> Element<'a, Message> {
    let header = row![
        heading("Ligne").width(60),
        heading("Adhérent").width(Length::FillPortion(2)),
        heading("Action").width(110),
        heading("Détail").width(Length::FillPortion(4)),
    ];
    frame::preview_list(header, rows, |r| {
        preview_row(r, chosen.get(&r.line).copied())
    })
}

/// "Créer un nouveau foyer" / "Mettre à jour NOM Prénom" under a namesake row's detail, the
/// current choice shown pressed.
fn namesake_buttons<'a>(
    plan_row: &'a PlanRow,
    chosen: Option<NamesakeChoice>,
) -> Element<'a, Message> {
    let choice = |label: String, value: NamesakeChoice| {
        let style = if chosen == Some(value) {
            button::primary
        } else {
            button::secondary
        };
        button(text(label).size(13))
            .padding([3, 10])
            .style(style)
            .on_press(Message::NamesakeSet(plan_row.line, value))
    };
    let mut buttons = row![choice(
        "Créer un nouveau foyer".into(),
        NamesakeChoice::CreateNew
    )]
    .spacing(8);
    for namesake in &plan_row.namesakes {
        buttons = buttons.push(choice(
            format!("Mettre à jour {}", namesake.name),
            NamesakeChoice::Update(namesake.id),
        ));
    }
    buttons.wrap().into()
}

fn preview_row(plan_row: &PlanRow, chosen: Option<NamesakeChoice>) -> Element<'_, Message> {
    let detail = match &plan_row.action {
        RowAction::Rejected(reason) => reason.clone(),
        _ => plan_row.notes.join(" ; "),
    };
    let (background, foreground) = match plan_row.action {
        RowAction::Rejected(_) => (Some(theme::ERROR_BG), theme::ERROR_TEXT),
        RowAction::Update(_) | RowAction::Check => (Some(theme::WARNING_BG), theme::WARNING_TEXT),
        RowAction::Create if !plan_row.notes.is_empty() => {
            (Some(theme::WARNING_BG), theme::WARNING_TEXT)
        }
        _ => (None, iced::Color::BLACK),
    };
    frame::preview_row(
        row![
            text(plan_row.line.to_string()).size(14).width(60),
            text(plan_row.name()).size(14).width(Length::FillPortion(2)),
            text(plan_row.action_label())
                .size(14)
                .color(foreground)
                .width(110),
            detail_cell(detail, foreground, plan_row, chosen),
        ],
        background,
    )
}

fn detail_cell(
    detail: String,
    color: iced::Color,
    plan_row: &PlanRow,
    chosen: Option<NamesakeChoice>,
) -> Element<'_, Message> {
    let detail = text(detail).size(14).color(color);
    if plan_row.namesakes.is_empty() {
        return detail.width(Length::FillPortion(4)).into();
    }
    column![detail, namesake_buttons(plan_row, chosen)]
        .spacing(4)
        .width(Length::FillPortion(4))
        .into()
}
