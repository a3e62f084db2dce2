//! A person's file: header with actions, tabs, and the tab shown.

use iced::widget::{Row, button, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use super::{Message, OpenFile, Screen};
use crate::ui::theme::BOLD;
use crate::ui::widgets;

/// The tabs of a person's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Identity.
    Identity,
    /// Entry: prescriber, eligibility, situation.
    Entry,
    /// PASS IAE.
    Pass,
    /// Contracts.
    Contracts,
    /// Follow-ups.
    FollowUps,
    /// Trainings and immersions.
    Trainings,
    /// Exit.
    Exit,
    /// FSE+ snapshots.
    Fse,
    /// Hours worked from payroll.
    Hours,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Tab; 9] = [
        Tab::Identity,
        Tab::Entry,
        Tab::Pass,
        Tab::Contracts,
        Tab::FollowUps,
        Tab::Trainings,
        Tab::Exit,
        Tab::Fse,
        Tab::Hours,
    ];

    /// The tab's French title.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Identity => "Identité",
            Tab::Entry => "Entrée",
            Tab::Pass => "PASS IAE",
            Tab::Contracts => "Contrats",
            Tab::FollowUps => "Suivi",
            Tab::Trainings => "Formations, immersions",
            Tab::Exit => "Sortie",
            Tab::Fse => "FSE+",
            Tab::Hours => "Heures (paie)",
        }
    }
}

fn tabs(open: &OpenFile) -> Element<'_, Message> {
    let saved = open.form.employee_id() != 0;
    let mut bar = Row::new().spacing(4);
    for tab in Tab::ALL {
        let style = if tab == open.tab {
            button::primary
        } else {
            button::secondary
        };
        let enabled = saved || matches!(tab, Tab::Identity | Tab::Entry);
        bar = bar.push(
            button(text(tab.label()).size(14))
                .padding([7, 12])
                .style(style)
                .on_press_maybe(enabled.then_some(Message::Tab(tab))),
        );
    }
    bar.into()
}

/// The file page.
pub fn view<'a>(screen: &'a Screen, open: &'a OpenFile) -> Element<'a, Message> {
    let form = &open.form;
    let (title, subtitle) = match &form.file {
        Some(file) => {
            let e = &file.employee;
            let mut subtitle = format!(
                "Entré(e) le {}",
                crate::domain::calendar::format_date(e.entry_date)
            );
            if let Some(exit) = &file.exit {
                subtitle.push_str(&format!(
                    " · sorti(e) le {} ({})",
                    crate::domain::calendar::format_date(exit.date),
                    exit.category.label()
                ));
            }
            (e.display_name(), Some(subtitle))
        }
        None => ("Nouveau salarié".to_owned(), None),
    };
    let saved = form.employee_id() != 0;
    let head = row![
        widgets::secondary("← Liste", Some(Message::Back)),
        column![
            text(title).size(24).font(BOLD),
            widgets::muted(subtitle.unwrap_or_default())
        ]
        .spacing(2)
        .width(Length::Fill),
        widgets::secondary("Fiche parcours (PDF)", saved.then_some(Message::Pdf)),
        widgets::secondary("Supprimer la fiche…", saved.then_some(Message::AskDelete)),
    ]
    .spacing(12)
    .align_y(iced::Alignment::Center);

    let mut page = column![head, tabs(open)].spacing(12).padding(24);
    if let Some(summary) = &open.confirm_delete {
        page = page.push(widgets::card(
            "Supprimer définitivement cette fiche ?",
            column![
                text(format!(
                    "Partent avec elle : {}. Cette suppression est définitive. Pour une \
                     personne sortie, enregistrez plutôt sa sortie : sa fiche reste \
                     consultable avec le filtre « Sortis ».",
                    summary.describe()
                ))
                .size(15),
                row![
                    widgets::action("Supprimer définitivement", Some(Message::ConfirmDelete)),
                    widgets::secondary("Annuler", Some(Message::CancelDelete)),
                ]
                .spacing(8),
            ]
            .spacing(10),
        ));
    }
    if let Some((tone, message)) = &open.notice {
        page = page.push(widgets::banner(*tone, message.clone()));
    }
    let body: Element<'a, Message> = match open.tab {
        Tab::Identity => super::identity::identity(screen, form),
        Tab::Entry => super::identity::entry(form),
        Tab::Pass => super::pass::view(form),
        Tab::Contracts => super::contracts::view(form),
        Tab::FollowUps => match &form.file {
            Some(file) => iced::widget::column![
                super::followups::view(screen, form),
                crate::ui::workshops::history_view(&file.workshops),
            ]
            .spacing(14)
            .into(),
            None => super::followups::view(screen, form),
        },
        Tab::Trainings => super::trainings::view(form),
        Tab::Exit => super::exit::exit(form),
        Tab::Fse => super::exit::fse(form),
        Tab::Hours => super::hours::view(form),
    };
    page.push(scrollable(container(body).padding([0, 12])).height(Length::Fill))
        .into()
}

/// Asks where to save the fiche parcours, writes it, opens it.
pub fn save_pdf(screen: &mut Screen) -> Task<Message> {
    let Some(open) = screen.open.as_ref() else {
        return Task::none();
    };
    let Some(file) = open.form.file.clone() else {
        return Task::none();
    };
    let today = screen.today;
    let db = screen.db.clone();
    let name = format!("Fiche parcours {}.pdf", file.employee.display_name());
    Task::perform(
        async move {
            let bytes = crate::app::employees::path_sheet(&db, file.employee.id, today)
                .map_err(|e| e.to_string())?;
            let Some(handle) = rfd::AsyncFileDialog::new()
                .set_title("Enregistrer la fiche parcours")
                .set_file_name(&name)
                .add_filter("PDF", &["pdf"])
                .save_file()
                .await
            else {
                return Ok(None);
            };
            let path = handle.path().to_path_buf();
            crate::store::output::write_file(&path, &bytes).map_err(|e| e.to_string())?;
            crate::ui::files::open_in_viewer(&path);
            Ok(Some(path))
        },
        Message::PdfSaved,
    )
}
