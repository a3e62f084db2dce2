//! The Contrats tab: the CDDI and their renewals, the cumulative length, the warnings.

use iced::widget::{Column, button, column, row, text};
use iced::{Element, Length};

use super::Message;
use super::fields::{F, Part, input_hint};
use super::form::FileForm;
use crate::domain::calendar::format_date;
use crate::domain::employees::months_inclusive;
use crate::ui::theme::BOLD;
use crate::ui::widgets::{self, Tone};

fn small(label: &str, message: Message) -> Element<'_, Message> {
    button(text(label).size(14))
        .style(button::text)
        .padding([2, 6])
        .on_press(message)
        .into()
}

/// The Contrats tab.
pub fn view(form: &FileForm) -> Element<'_, Message> {
    let contracts = form
        .file
        .as_ref()
        .map(|f| f.contracts.as_slice())
        .unwrap_or(&[]);
    let mut list = Column::new().spacing(6);
    if contracts.is_empty() {
        list = list.push(widgets::muted("Aucun contrat pour l'instant."));
    } else {
        list = list.push(
            row![
                text("Période")
                    .size(14)
                    .font(BOLD)
                    .width(Length::FillPortion(4)),
                text("Durée")
                    .size(14)
                    .font(BOLD)
                    .width(Length::FillPortion(1)),
                text("H/sem.")
                    .size(14)
                    .font(BOLD)
                    .width(Length::FillPortion(1)),
                text("Poste")
                    .size(14)
                    .font(BOLD)
                    .width(Length::FillPortion(3)),
                text("").width(Length::FillPortion(3)),
            ]
            .spacing(8),
        );
    }
    for c in contracts {
        let mut period = format!(
            "{} → {}",
            format_date(c.start_date),
            format_date(c.planned_end)
        );
        if let Some(actual) = c.actual_end {
            period.push_str(&format!("\nfin réelle {}", format_date(actual)));
        }
        if let Some(previous) = c
            .renewal_of
            .and_then(|id| contracts.iter().find(|p| p.id == id))
        {
            period.push_str(&format!(
                "\nrenouvelle le contrat du {}",
                format_date(previous.start_date)
            ));
        }
        list = list.push(
            row![
                text(period).size(15).width(Length::FillPortion(4)),
                text(super::form::months_text(months_inclusive(
                    c.start_date,
                    c.end()
                )))
                .size(15)
                .width(Length::FillPortion(1)),
                text(format!("{} h", c.weekly_hours).replace('.', ","))
                    .size(15)
                    .width(Length::FillPortion(1)),
                text(&c.post).size(15).width(Length::FillPortion(3)),
                row![
                    small("Modifier", Message::EditContract(c.id)),
                    small("Renouveler", Message::RenewContract(c.id)),
                    small("Supprimer", Message::DeleteContract(c.id)),
                ]
                .width(Length::FillPortion(3)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    if !form.derived.cumulative.is_empty() {
        list = list.push(text(form.derived.cumulative.as_str()).size(15).font(BOLD));
    }

    let heading = if form.contract_id != 0 {
        "Modifier le contrat".to_owned()
    } else if let Some(previous) = form
        .renewal_of
        .and_then(|id| contracts.iter().find(|c| c.id == id))
    {
        format!(
            "Renouvellement du contrat du {}",
            format_date(previous.start_date)
        )
    } else {
        "Nouveau contrat".to_owned()
    };
    let fields = row![
        input_hint(form, F::ContractStart, "Début", "jj/mm/aaaa"),
        input_hint(form, F::ContractEnd, "Fin prévue", "jj/mm/aaaa"),
        input_hint(form, F::ContractActualEnd, "Fin réelle", "si différente"),
        input_hint(form, F::ContractHours, "Heures / semaine", "ex. 26"),
        input_hint(form, F::ContractPost, "Poste", "Ouvrier maraîcher"),
    ]
    .spacing(12);
    let mut edit = column![fields].spacing(10);
    for warning in &form.derived.contract_warnings {
        edit = edit.push(widgets::banner(Tone::Warning, warning.clone()));
    }
    edit = edit.push(
        row![
            widgets::action(
                "Enregistrer le contrat",
                Some(Message::Submit(Part::Contract))
            ),
            widgets::secondary("Vider", Some(Message::NewContract)),
        ]
        .spacing(8),
    );
    column![
        widgets::card("Contrats (CDDI)", list),
        widgets::card(heading, edit),
    ]
    .spacing(12)
    .into()
}
