//! The Formations, immersions tab.

use iced::widget::{Column, button, checkbox, column, row, text};
use iced::{Element, Length};

use super::Message;
use super::fields::{F, Part, choice, error_line, input, input_hint};
use super::form::FileForm;
use crate::domain::calendar::format_date;
use crate::domain::employees::ImmersionObjective;
use crate::ui::widgets::{self, Tone};

fn small(label: &str, message: Message) -> Element<'_, Message> {
    button(text(label).size(14))
        .style(button::text)
        .padding([2, 6])
        .on_press(message)
        .into()
}

fn trainings(form: &FileForm) -> Element<'_, Message> {
    let stored = form
        .file
        .as_ref()
        .map(|f| f.trainings.as_slice())
        .unwrap_or(&[]);
    let mut list = Column::new().spacing(6);
    if stored.is_empty() {
        list = list.push(widgets::muted("Aucune formation."));
    }
    for t in stored {
        list = list.push(
            row![
                text(format!(
                    "{} ({}) · {} → {} · {} h{}",
                    t.title,
                    t.body,
                    format_date(t.start_date),
                    format_date(t.end_date),
                    format!("{}", t.hours).replace('.', ","),
                    if t.qualifying { " · qualifiante" } else { "" }
                ))
                .size(15)
                .width(Length::Fill),
                small("Modifier", Message::EditTraining(t.id)),
                small("Supprimer", Message::DeleteTraining(t.id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    let fields = row![
        column![input(form, F::TrainingTitle, "Intitulé")].width(Length::FillPortion(3)),
        column![input(form, F::TrainingBody, "Organisme")].width(Length::FillPortion(2)),
        column![input_hint(form, F::TrainingStart, "Début", "jj/mm/aaaa")]
            .width(Length::FillPortion(2)),
        column![input_hint(form, F::TrainingEnd, "Fin", "jj/mm/aaaa")]
            .width(Length::FillPortion(2)),
        column![input(form, F::TrainingHours, "Heures")].width(Length::FillPortion(1)),
    ]
    .spacing(12);
    let actions = row![
        checkbox(form.qualifying)
            .label("Qualifiante")
            .size(16)
            .text_size(15)
            .on_toggle(|v| Message::Flag(super::Flag::Qualifying, v)),
        widgets::action(
            "Enregistrer la formation",
            Some(Message::Submit(Part::Training))
        ),
        widgets::secondary("Vider", Some(Message::NewTraining)),
    ]
    .spacing(12)
    .align_y(iced::Alignment::Center);
    widgets::card("Formations", column![list, fields, actions].spacing(10))
}

fn immersions(form: &FileForm) -> Element<'_, Message> {
    let stored = form
        .file
        .as_ref()
        .map(|f| f.immersions.as_slice())
        .unwrap_or(&[]);
    let mut list = Column::new().spacing(6);
    if stored.is_empty() {
        list = list.push(widgets::muted("Aucune immersion (PMSMP)."));
    }
    for i in stored {
        list = list.push(
            row![
                text(format!(
                    "{} · {} → {} · {}{}",
                    i.host_name,
                    format_date(i.start_date),
                    format_date(i.end_date),
                    i.objective.label(),
                    if i.outcome.is_empty() {
                        String::new()
                    } else {
                        format!(" · {}", i.outcome)
                    }
                ))
                .size(15)
                .width(Length::Fill),
                small("Modifier", Message::EditImmersion(i.id)),
                small("Supprimer", Message::DeleteImmersion(i.id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    let host = row![
        column![input(form, F::ImmersionHost, "Entreprise d'accueil")]
            .width(Length::FillPortion(3)),
        column![input(form, F::ImmersionSiret, "SIRET")].width(Length::FillPortion(2)),
        column![input(form, F::ImmersionTutor, "Tuteur")].width(Length::FillPortion(2)),
    ]
    .spacing(12);
    let dates = row![
        column![input_hint(form, F::ImmersionStart, "Début", "jj/mm/aaaa")]
            .width(Length::FillPortion(2)),
        column![input_hint(
            form,
            F::ImmersionEnd,
            "Fin (1 mois au plus)",
            "jj/mm/aaaa"
        )]
        .width(Length::FillPortion(2)),
        column![choice(
            "Objectif (un seul)",
            ImmersionObjective::ALL,
            form.objective,
            Message::Objective
        )]
        .width(Length::FillPortion(3)),
    ]
    .spacing(12);
    let mut body =
        column![list, host, dates, input(form, F::ImmersionOutcome, "Bilan")].spacing(10);
    if form.errors.contains_key(&F::ImmersionOutcome) && form.objective.is_none() {
        body = body.push(error_line("Choisissez l'objectif de l'immersion."));
    }
    for warning in &form.derived.immersion_warnings {
        body = body.push(widgets::banner(Tone::Warning, warning.clone()));
    }
    body = body.push(
        row![
            widgets::action(
                "Enregistrer l'immersion",
                Some(Message::Submit(Part::Immersion))
            ),
            widgets::secondary("Vider", Some(Message::NewImmersion)),
        ]
        .spacing(8),
    );
    widgets::card("Immersions (PMSMP)", body)
}

/// The Formations, immersions tab.
pub fn view(form: &FileForm) -> Element<'_, Message> {
    column![trainings(form), immersions(form)]
        .spacing(12)
        .into()
}
