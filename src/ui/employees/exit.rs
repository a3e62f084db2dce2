//! The Sortie and FSE+ tabs.

use iced::widget::{Column, column, row, text};
use iced::{Element, Length};

use super::fields::{F, Part, choice, error_line, input, input_hint};
use super::form::FileForm;
use super::{Message, Question};
use crate::domain::employees::{
    ExitCategory, ExitOutcome, ExitResult, FseStage, LabourStatus, SensitiveAnswer, SixMonthResult,
    exit_category_warning,
};
use crate::ui::theme::BOLD;
use crate::ui::widgets::{self, Tone};

/// The Sortie tab.
pub fn exit(form: &FileForm) -> Element<'_, Message> {
    let head = row![
        column![input_hint(
            form,
            F::ExitDate,
            "Date de sortie",
            "jj/mm/aaaa"
        )]
        .width(Length::FillPortion(1)),
        column![choice(
            "Situation à la sortie",
            ExitOutcome::ALL,
            form.exit_outcome,
            Message::ExitOutcome
        )]
        .width(Length::FillPortion(2)),
        column![input_hint(
            form,
            F::ExitMonths,
            "Durée du contrat (mois)",
            "ex. 4"
        )]
        .width(Length::FillPortion(1)),
    ]
    .spacing(12);
    let mut body = column![head].spacing(10);
    if let Some(suggested) = form.derived.exit_suggestion {
        body = body.push(
            text(format!("Catégorie suggérée : {}", suggested.label()))
                .size(16)
                .font(BOLD),
        );
    } else if form.exit_outcome.is_some_and(ExitOutcome::needs_length) {
        body = body.push(widgets::muted(
            "Indiquez la durée du contrat : 6 mois ou plus, c'est un emploi durable.",
        ));
    }
    let category = form.exit_category.or(form.derived.exit_suggestion);
    if let Some(warning) = category.and_then(|c| {
        exit_category_warning(
            c,
            form.exit_outcome,
            form.get(F::ExitMonths).trim().parse().ok(),
        )
    }) {
        body = body.push(widgets::banner(Tone::Warning, warning));
    }
    body = body.push(choice(
        "Catégorie de sortie",
        ExitCategory::ALL,
        category,
        Message::ExitCategory,
    ));
    if let Some(category) = category {
        body = body.push(widgets::muted(category.description()));
    }
    body = body.push(input(
        form,
        F::ExitDetail,
        "Précisions (employeur, poste, formation…)",
    ));
    if form.errors.contains_key(&F::ExitDetail) && category.is_none() {
        body = body.push(error_line("Choisissez la catégorie de sortie."));
    }
    let exists = form.file.as_ref().is_some_and(|f| f.exit.is_some());
    let mut actions = row![widgets::action(
        "Enregistrer la sortie",
        Some(Message::Submit(Part::Exit))
    )]
    .spacing(8);
    if exists {
        actions = actions.push(widgets::secondary(
            "Annuler la sortie (retour en parcours)",
            Some(Message::DeleteExit),
        ));
    }
    column![
        widgets::card("Sortie du parcours", body.push(actions)),
        super::path_list::view(form),
    ]
    .spacing(12)
    .into()
}

fn sensitive<'a>(
    label: &'a str,
    value: Option<SensitiveAnswer>,
    question: Question,
) -> Element<'a, Message> {
    choice(label, SensitiveAnswer::ALL, value, move |a| {
        Message::Sensitive(question, a)
    })
}

/// The FSE+ tab.
pub fn fse(form: &FileForm) -> Element<'_, Message> {
    let taken: Vec<String> = form
        .file
        .as_ref()
        .map(|f| {
            f.fse
                .iter()
                .map(|s| {
                    // What was recorded that day stays as it was, whatever the profile says now.
                    format!(
                        "{} : répondu le {} ({}, {}, niveau {})",
                        s.stage.label(),
                        crate::domain::calendar::format_date(s.taken_on),
                        s.gender.label().to_lowercase(),
                        s.age
                            .map_or("âge non renseigné".to_owned(), |a| format!("{a} ans")),
                        s.education_level.map_or("non renseigné", |e| e.code())
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut stored = Column::new().spacing(4);
    if taken.is_empty() {
        stored = stored.push(widgets::muted("Aucun questionnaire enregistré."));
    }
    for line in taken {
        stored = stored.push(text(line).size(15));
    }
    let head = row![
        choice("Moment", FseStage::ALL, form.fse_stage, Message::FseStage),
        input_hint(form, F::FseDate, "Répondu le", "jj/mm/aaaa"),
    ]
    .spacing(12);
    let mut body = column![
        stored,
        head,
        widgets::banner(
            Tone::Warning,
            "Les réponses sont gardées telles qu'elles ont été données ce jour-là ; elles ne \
             sont jamais recalculées. Chaque question sensible accepte « Ne souhaite pas \
             répondre »."
        ),
    ]
    .spacing(10);
    match form.fse_stage {
        Some(FseStage::Entry) | None => {
            body = body.push(
                row![
                    choice(
                        "Situation sur le marché du travail",
                        LabourStatus::ALL,
                        form.labour,
                        Message::Labour
                    ),
                    sensitive("Handicap", form.disability, Question::Disability),
                ]
                .spacing(12),
            );
            body = body.push(
                row![
                    sensitive("Origine étrangère", form.foreign_origin, Question::Foreign),
                    sensitive("Minorité", form.minority, Question::Minority),
                    sensitive("Sans domicile", form.homeless, Question::Homeless),
                ]
                .spacing(12),
            );
        }
        Some(FseStage::Exit) => {
            body = body.push(choice(
                "Situation à la sortie",
                ExitResult::ALL,
                form.exit_result,
                Message::ExitResult,
            ));
        }
        Some(FseStage::SixMonths) => {
            body = body.push(choice(
                "Situation six mois après la sortie",
                SixMonthResult::ALL,
                form.six_month,
                Message::SixMonth,
            ));
        }
    }
    body = body.push(widgets::action(
        "Enregistrer le questionnaire",
        Some(Message::Submit(Part::Fse)),
    ));
    widgets::card("Questionnaires FSE+", body)
}
