//! Drawing the employee import screen: its texts, options and preview in the shared frame.

use iced::widget::{Column, column, radio, row, text};
use iced::{Element, Length};

use super::{Matching, Message, Screen};
use crate::domain::import::columns::mapping_problem;
use crate::domain::import::employees::{ExistingPolicy, PlanRow, RowAction};
use crate::ui::import::columns::columns_table;
use crate::ui::import::flow::Stage;
use crate::ui::import::frame::{self, heading};
use crate::ui::theme;
use crate::ui::widgets;

pub(super) fn view(screen: &Screen) -> Element<'_, Message> {
    let flow = &screen.flow;
    let page = frame::page(
        "Importer des salariés",
        "Depuis l'export XLSX des emplois de l'inclusion (PASS IAE)",
        flow,
    );
    let body = match &flow.stage {
        Stage::Start => frame::start_card(
            "Sur emplois.inclusion.beta.gouv.fr : Candidatures reçues → Exporter → \
             « Télécharger toutes les candidatures ». Le fichier XLSX obtenu donne pour chaque \
             personne embauchée son PASS IAE (numéro, début, fin, statut), ses dates \
             d'embauche et son prescripteur.",
            "Les personnes sont reconnues par leur numéro de PASS IAE, sinon par leur nom et \
             leur date de naissance. Rien n'est enregistré avant d'avoir vu les différences et \
             cliqué sur « Importer ».",
            "Choisir le fichier…",
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
            options(screen),
            format!("3. Aperçu : {}", counts.describe()),
            preview(&m.plan.rows),
        ))
        .push(frame::import_bar(
            can_import,
            Message::Flow,
            "Rien à importer : aucune création ni mise à jour dans l'aperçu.",
        ))
}

fn options(screen: &Screen) -> Element<'_, Message> {
    let policy = Some(screen.options.policy);
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
    let header = row![
        heading("Ligne").width(60),
        heading("Salarié(e)").width(Length::FillPortion(2)),
        heading("Action").width(110),
        heading("Différences et remarques").width(Length::FillPortion(4)),
    ];
    frame::preview_list(header, rows, preview_row)
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
    frame::preview_row(
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
        ],
        background,
    )
}
