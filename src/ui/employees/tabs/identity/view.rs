//! What the Identité and Entrée tabs show.

use iced::widget::{Column, checkbox, column, row, text};
use iced::{Element, Length};

use super::{EducationChoice, Flag, Identity, Message, field};
use crate::domain::employees::{
    Civility, Criterion, CriterionLevel, EducationLevel, Gender, PrescriberKind,
};
use crate::ui::employees::StaffChoice;
use crate::ui::employees::fields::{F, choice, error_line};
use crate::ui::widgets::{self, Tone};

const EDUCATION: [EducationChoice; 11] = {
    use EducationLevel::*;
    [
        EducationChoice(NonCertifying),
        EducationChoice(NeverSchooled),
        EducationChoice(ThirdCycle),
        EducationChoice(Licence),
        EducationChoice(BtsDut),
        EducationChoice(Bac),
        EducationChoice(BtBacPro),
        EducationChoice(BepCapLevel),
        EducationChoice(BepCapDiploma),
        EducationChoice(ShortTraining),
        EducationChoice(Compulsory),
    ]
};

fn save_button(saved: bool) -> Element<'static, Message> {
    let label = if !saved {
        "Créer la fiche"
    } else {
        "Enregistrer"
    };
    widgets::action(label, Some(Message::Submit))
}

/// The Identité tab.
pub fn identity<'a>(
    form: &'a Identity,
    saved: bool,
    staff_choices: &'a [StaffChoice],
) -> Element<'a, Message> {
    let referent = staff_choices
        .iter()
        .find(|s| s.id == form.referent)
        .cloned()
        .or_else(|| staff_choices.first().cloned());
    let mut gender = column![choice("Genre", Gender::ALL, form.gender, Message::Gender)];
    if let Some(error) = form.fields.errors.get(&F::Gender) {
        gender = gender.push(error_line(error));
    }
    let names = row![
        column![choice(
            "Civilité",
            Civility::ALL,
            form.civility,
            Message::Civility
        )]
        .width(Length::FillPortion(2)),
        column![field(form, F::LastName, "Nom", "")].width(Length::FillPortion(3)),
        column![field(form, F::FirstName, "Prénom", "")].width(Length::FillPortion(3)),
    ]
    .spacing(12);
    let birth = row![
        field(form, F::BirthDate, "Date de naissance", "jj/mm/aaaa"),
        gender.width(Length::Fill),
        choice::<StaffChoice, Message>(
            "Référent (CIP)",
            staff_choices,
            referent,
            Message::Referent
        ),
    ]
    .spacing(12);
    let address = row![
        column![field(form, F::Address, "Adresse", "")].width(Length::FillPortion(4)),
        column![field(form, F::Postcode, "Code postal", "")].width(Length::FillPortion(1)),
        column![field(form, F::City, "Commune", "")].width(Length::FillPortion(2)),
    ]
    .spacing(12);
    let contact = row![
        field(form, F::Phone, "Téléphone", ""),
        field(form, F::Email, "Courriel", "")
    ]
    .spacing(12);
    let body = column![
        names,
        birth,
        address,
        contact,
        field(form, F::Notes, "Notes", ""),
        save_button(saved)
    ]
    .spacing(12);
    widgets::card("Identité", body)
}

fn flag<'a>(label: &'a str, on: bool, flag: Flag) -> Element<'a, Message> {
    checkbox(on)
        .label(label)
        .size(16)
        .text_size(15)
        .on_toggle(move |v| Message::Flag(flag, v))
        .into()
}

fn criteria(form: &Identity, level: CriterionLevel, part: usize) -> Column<'_, Message> {
    let mut list = Column::new().spacing(6);
    let chosen: Vec<&Criterion> = Criterion::ALL
        .iter()
        .filter(|c| c.level() == level)
        .collect();
    let half = chosen.len().div_ceil(2);
    let slice = match (level, part) {
        (CriterionLevel::One, _) => &chosen[..],
        (_, 0) => &chosen[..half],
        _ => &chosen[half..],
    };
    for criterion in slice {
        let criterion = **criterion;
        list = list.push(
            checkbox(form.criteria.contains(&criterion))
                .label(criterion.label())
                .size(16)
                .text_size(14)
                .on_toggle(move |v| Message::Criterion(criterion, v)),
        );
    }
    list
}

/// The Entrée tab.
pub fn entry(form: &Identity, saved: bool) -> Element<'_, Message> {
    let prescriber = row![
        column![field(form, F::EntryDate, "Date d'entrée", "jj/mm/aaaa")]
            .width(Length::FillPortion(1)),
        column![choice(
            "Prescripteur",
            PrescriberKind::ALL,
            form.prescriber_kind,
            Message::Prescriber
        )]
        .width(Length::FillPortion(2)),
        column![field(form, F::PrescriberOrg, "Organisme", "")].width(Length::FillPortion(2)),
        column![field(form, F::PrescriberContact, "Contact", "")].width(Length::FillPortion(2)),
    ]
    .spacing(12);
    let situation = row![
        column![choice(
            "Niveau de formation (code ASP)",
            &EDUCATION,
            form.education.map(EducationChoice),
            Message::Education
        )]
        .width(Length::FillPortion(3)),
        column![field(
            form,
            F::UnemploymentMonths,
            "Durée de chômage (mois)",
            "ex. 18"
        )]
        .width(Length::FillPortion(1)),
    ]
    .spacing(12);
    let flags = row![
        flag("RSA", form.rsa, Flag::Rsa),
        flag("ASS", form.ass, Flag::Ass),
        flag("AAH", form.aah, Flag::Aah),
        flag("RQTH", form.rqth, Flag::Rqth),
        flag("QPV", form.qpv, Flag::Qpv),
        flag("ZRR", form.zrr, Flag::Zrr),
        flag("Sous main de justice", form.court_measure, Flag::Court),
    ]
    .spacing(18);
    let flags = column![
        widgets::sensitive("Minima sociaux, handicap, justice, lieu de vie"),
        flags
    ]
    .spacing(6);
    let eligibility = eligibility(form);
    column![
        widgets::card(
            "Entrée et situation",
            column![prescriber, situation, flags].spacing(12)
        ),
        widgets::card("Critères d'éligibilité", eligibility),
        save_button(saved),
    ]
    .spacing(12)
    .into()
}

/// The eligibility card's body: the verdict and the criteria of both levels.
fn eligibility(form: &Identity) -> Element<'_, Message> {
    let (tone, verdict) = if form.eligible {
        (
            Tone::Success,
            "Éligible : la règle de l'ACI est remplie (1 critère de niveau 1 ou 3 de niveau 2).",
        )
    } else {
        (
            Tone::Warning,
            "Pas encore éligible : il faut 1 critère de niveau 1 ou 3 critères de niveau 2.",
        )
    };
    column![
        widgets::banner(tone, verdict),
        widgets::sensitive("Les critères cochés disent la situation sociale de la personne"),
        row![
            column![
                text("Niveau 1 (un seul suffit)").size(14),
                criteria(form, CriterionLevel::One, 0)
            ]
            .spacing(6)
            .width(Length::FillPortion(1)),
            column![
                text("Niveau 2 (trois au moins)").size(14),
                row![
                    criteria(form, CriterionLevel::Two, 0).width(Length::Fill),
                    criteria(form, CriterionLevel::Two, 1).width(Length::Fill)
                ]
                .spacing(12)
            ]
            .spacing(6)
            .width(Length::FillPortion(2)),
        ]
        .spacing(16),
    ]
    .spacing(10)
    .into()
}
