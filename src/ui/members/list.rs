//! The members list: search as you type, filters, one line per household.

use iced::widget::{Column, button, checkbox, column, container, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::member::member_form;
use super::{Choice, Form, Message, Screen, ids, labelled, scroll};
use crate::domain::baskets::MemberStatus;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Status choices of the filter: id 0 for all, then 1 + index in `MemberStatus::ALL`.
fn status_choices() -> Vec<Choice> {
    std::iter::once(Choice {
        id: 0,
        label: "Tous les statuts".into(),
    })
    .chain(MemberStatus::ALL.iter().zip(1..).map(|(s, id)| Choice {
        id,
        label: s.label().into(),
    }))
    .collect()
}

fn with_all(all: &str, mut choices: Vec<Choice>) -> Vec<Choice> {
    choices.insert(
        0,
        Choice {
            id: 0,
            label: all.into(),
        },
    );
    choices
}

/// The list, or the new-member form when it is open.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    if let Form::Member(form) = &screen.form {
        return scroll(widgets::card(
            "Nouvel adhérent",
            member_form(form, screen.form_error.as_deref()),
        ));
    }
    let f = &screen.filter;
    let statuses = status_choices();
    let status = f
        .status
        .and_then(|s| statuses.iter().find(|c| c.label == s.label()).cloned())
        .or_else(|| statuses.first().cloned());
    let depots = with_all("Tous les dépôts", screen.depot_choices());
    let depot = depots
        .iter()
        .find(|c| Some(c.id) == f.depot_id)
        .or_else(|| depots.first())
        .cloned();
    let sizes = with_all("Tous les formats", screen.size_choices());
    let size = sizes
        .iter()
        .find(|c| Some(c.id) == f.size_id)
        .or_else(|| sizes.first())
        .cloned();
    let filters = row![
        text_input("Rechercher (nom, commune, téléphone…)", &f.search)
            .id(ids::SEARCH)
            .on_input(Message::Search)
            .on_submit(Message::SearchSubmitted)
            .padding(8)
            .size(15)
            .width(Length::FillPortion(3)),
        pick_list(statuses, status, Message::FilterStatus).width(Length::FillPortion(2)),
        pick_list(depots, depot, Message::FilterDepot).width(Length::FillPortion(2)),
        pick_list(sizes, size, Message::FilterSize).width(Length::FillPortion(2)),
    ]
    .spacing(10)
    .align_y(iced::Alignment::Center);
    let toggles = row![
        checkbox(f.unpaid_only)
            .label("Cotisation de l'année non payée")
            .on_toggle(Message::UnpaidOnly),
        checkbox(f.solidarity_only)
            .label("Paniers Solidaires")
            .on_toggle(Message::SolidarityOnly),
        container(text("")).width(Length::Fill),
        widgets::action("Nouvel adhérent", Some(Message::NewMember)),
    ]
    .spacing(18)
    .align_y(iced::Alignment::Center);
    let count = row![
        container(widgets::muted(format!(
            "{} foyer(s) sur {}",
            screen.shown.len(),
            screen.base.rows.len()
        )))
        .width(Length::Fill),
        widgets::secondary("Importer…", Some(Message::OpenImport)),
        screen
            .exporter
            .buttons(super::ListExport)
            .map(Message::Export),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    let header = row![
        text("Nom")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(4)),
        text("Statut")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(2)),
        text("Dépôt")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(3)),
        text("Format")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(2)),
        text("Téléphone")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(2)),
        text("Cotisation")
            .size(13)
            .color(theme::MUTED)
            .width(Length::FillPortion(2)),
    ]
    .spacing(8)
    .padding([0, 10]);
    let mut lines = Column::new().spacing(2);
    for &i in screen.shown.iter().take(300) {
        let r = &screen.base.rows[i];
        let m = &r.member;
        let mut name = crate::domain::text::list_name(&m.first_name, &m.last_name);
        if !m.co_member.is_empty() {
            name.push_str(&format!(" et {}", m.co_member));
        }
        if f.solidarity_only && r.solidarity {
            name.push_str(" · solidaire");
        }
        let line = row![
            text(name).size(15).font(BOLD).width(Length::FillPortion(4)),
            text(m.status.label())
                .size(14)
                .width(Length::FillPortion(2)),
            text(r.depots.join(", "))
                .size(14)
                .width(Length::FillPortion(3)),
            text(r.sizes.join(", "))
                .size(14)
                .width(Length::FillPortion(2)),
            text(m.phone.clone()).size(14).width(Length::FillPortion(2)),
            text(if r.paid_this_year {
                "payée"
            } else {
                "à payer"
            })
            .size(14)
            .color(if r.paid_this_year {
                theme::MUTED
            } else {
                theme::WARNING_TEXT
            })
            .width(Length::FillPortion(2)),
        ]
        .spacing(8);
        lines = lines.push(
            button(line)
                .style(button::text)
                .width(Length::Fill)
                .padding([6, 10])
                .on_press(Message::OpenMember(m.id)),
        );
    }
    if screen.shown.len() > 300 {
        lines = lines.push(widgets::muted(
            "… affinez la recherche pour voir les autres foyers.",
        ));
    }
    if screen.shown.is_empty() && !screen.busy {
        lines = lines.push(widgets::muted("Aucun foyer ne correspond."));
    }
    let mut page = column![labelled("Rechercher et filtrer", filters), toggles, count].spacing(10);
    if let Some(notice) = screen.exporter.notice() {
        page = page.push(notice.map(Message::Export));
    }
    page.push(header).push(scroll(lines)).into()
}
