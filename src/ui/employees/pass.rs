//! The PASS IAE tab: number, dates, suspensions and prolongations, the end they lead to.

use iced::widget::{Column, button, column, row, text};
use iced::{Element, Length};

use super::Message;
use super::fields::{F, Part, choice, input, input_hint};
use super::form::FileForm;
use crate::domain::calendar::format_date;
use crate::domain::employees::ApprovalChangeKind;
use crate::ui::theme::BOLD;
use crate::ui::widgets::{self, Tone};

/// The PASS IAE tab.
pub fn view(form: &FileForm) -> Element<'_, Message> {
    let dates = row![
        column![input_hint(
            form,
            F::PassNumber,
            "Numéro (12 caractères)",
            "999992612345"
        )]
        .width(Length::FillPortion(2)),
        column![input_hint(form, F::PassStart, "Début", "jj/mm/aaaa")]
            .width(Length::FillPortion(1)),
        column![input_hint(form, F::PassEnd, "Fin accordée", "jj/mm/aaaa")]
            .width(Length::FillPortion(1)),
    ]
    .spacing(12);
    let mut body = column![dates].spacing(12);
    if let Some(end) = form.derived.pass_end {
        body = body.push(
            text(format!(
                "Fin effective, suspensions et prolongations comprises : {}",
                format_date(end)
            ))
            .size(16)
            .font(BOLD),
        );
    }
    for warning in &form.derived.pass_warnings {
        body = body.push(widgets::banner(Tone::Warning, warning.clone()));
    }

    let mut changes = Column::new().spacing(6);
    if form.pass_changes.is_empty() {
        changes = changes.push(widgets::muted("Aucune suspension ni prolongation."));
    }
    for (index, change) in form.pass_changes.iter().enumerate() {
        changes = changes.push(
            row![
                text(format!(
                    "{} du {} au {} ({} jours)",
                    change.kind.label(),
                    format_date(change.start_date),
                    format_date(change.end_date),
                    change.days()
                ))
                .size(15)
                .width(Length::FillPortion(3)),
                text(&change.reason).size(15).width(Length::FillPortion(2)),
                button(text("Retirer").size(14))
                    .style(button::text)
                    .on_press(Message::RemoveChange(index)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    let add = row![
        column![choice(
            "Type",
            ApprovalChangeKind::ALL,
            form.change_kind,
            Message::ChangeKind
        )]
        .width(Length::FillPortion(2)),
        column![input_hint(form, F::ChangeStart, "Du", "jj/mm/aaaa")].width(Length::FillPortion(2)),
        column![input_hint(form, F::ChangeEnd, "Au", "jj/mm/aaaa")].width(Length::FillPortion(2)),
        column![input(form, F::ChangeReason, "Motif")].width(Length::FillPortion(3)),
        column![
            text(" ").size(14),
            widgets::secondary("Ajouter", Some(Message::Submit(Part::Change)))
        ]
        .spacing(3),
    ]
    .spacing(12);
    column![
        widgets::card("PASS IAE", body),
        widgets::card(
            "Suspensions et prolongations (elles repoussent la fin)",
            column![changes, add].spacing(12)
        ),
        widgets::action("Enregistrer le PASS IAE", Some(Message::Submit(Part::Pass))),
    ]
    .spacing(12)
    .into()
}
