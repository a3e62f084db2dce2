//! The Contrats tab: the CDDI and their renewals, the cumulative length, the warnings.

use iced::widget::{Column, column, row, text};
use iced::{Element, Length, Task};

use super::{Event, Sheet};
use crate::app::employees::{Change, Deletion};
use crate::domain::calendar::format_date;
use crate::domain::employees::{
    Contract, contract_pass_warning, contract_warnings, cumulative_months, format_months,
    months_inclusive, planned_cumulative_months,
};
use crate::store::employees::EmployeeFile;
use crate::ui::employees::fields::{Errors, F, Fields, checked, hours_text, input, small};
use crate::ui::theme::BOLD;
use crate::ui::widgets::{self, Tone};

/// Messages of the Contrats tab.
#[derive(Debug, Clone)]
pub enum Message {
    /// A text field changed.
    Edit(F, String),
    /// "Enregistrer le contrat", or Enter in a field.
    Submit,
    /// "Modifier" a contract.
    Modify(i64),
    /// "Renouveler" a contract.
    Renew(i64),
    /// "Vider": a new contract.
    Clear,
    /// "Supprimer" a contract.
    Delete(i64),
}

const FIELDS: [F; 5] = [
    F::ContractStart,
    F::ContractEnd,
    F::ContractActualEnd,
    F::ContractHours,
    F::ContractPost,
];

/// The contract being typed, and what the file shows computed from it.
#[derive(Debug, Clone, Default)]
pub struct Contracts {
    fields: Fields,
    /// The contract being edited (0: new).
    id: i64,
    /// The contract it renews.
    renewal_of: Option<i64>,
    /// Warnings about the contract being typed.
    warnings: Vec<String>,
    /// "Durée cumulée des contrats : …".
    cumulative: String,
}

/// A text field of this form.
fn field<'a>(form: &'a Contracts, field: F, label: &'a str, hint: &'a str) -> Element<'a, Message> {
    input(
        &form.fields,
        field,
        (label, hint),
        Message::Edit,
        Message::Submit,
    )
}

impl Contracts {
    /// The form's fields (to put a refusal beside one).
    pub fn fields_mut(&mut self) -> &mut Fields {
        &mut self.fields
    }

    /// Handles a message; the task moves the focus.
    pub fn update(
        &mut self,
        message: Message,
        sheet: &Sheet<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let contracts = &sheet.file.contracts;
        let (focus, event) = match message {
            Message::Edit(field, value) => {
                self.fields.set(field, value);
                (None, None)
            }
            Message::Submit => match self.contract(sheet.file.employee.id) {
                Ok(contract) => {
                    self.edit_contract(None, false);
                    let event = Event::save(Change::Contract(contract), "Contrat enregistré.");
                    (Some(F::ContractStart), Some(event))
                }
                Err(errors) => (None, super::refuse(&mut self.fields, errors)),
            },
            Message::Modify(id) | Message::Renew(id) => {
                let renewal = matches!(message, Message::Renew(_));
                self.edit_contract(contracts.iter().find(|c| c.id == id), renewal);
                let field = if renewal {
                    F::ContractEnd
                } else {
                    F::ContractStart
                };
                (Some(field), None)
            }
            Message::Clear => {
                self.edit_contract(None, false);
                (Some(F::ContractStart), None)
            }
            Message::Delete(id) => {
                let change = Change::Delete(Deletion::Contract(id));
                (None, Some(Event::save(change, "Ligne supprimée.")))
            }
        };
        self.refresh(sheet);
        let task = focus.map_or_else(Task::none, |f| iced::widget::operation::focus(f.id()));
        (task, event)
    }

    /// Recomputes the cumulative length and the warnings of the contract typed.
    pub fn refresh(&mut self, sheet: &Sheet<'_>) {
        let file = sheet.file;
        let contracts = &file.contracts;
        self.cumulative = if contracts.is_empty() {
            String::new()
        } else {
            format!(
                "Durée cumulée des contrats : {} prévus, dont {} effectués à ce jour.",
                format_months(planned_cumulative_months(contracts)),
                format_months(cumulative_months(contracts, sheet.today)),
            )
        };
        self.warnings = match self.contract(file.employee.id) {
            Ok(contract) => {
                let mut warnings = contract_warnings(&contract, contracts, sheet.person);
                warnings.extend(contract_pass_warning(&contract, &file.approvals));
                warnings
            }
            Err(_) => Vec::new(),
        };
    }

    /// The contract as typed, or the errors to show.
    fn contract(&self, employee_id: i64) -> Result<Contract, Errors> {
        let mut errors = Errors::new();
        let f = &self.fields;
        let start = f.date(F::ContractStart, &mut errors);
        let planned = f.end_after(start, F::ContractEnd, &mut errors);
        let actual = if f.get(F::ContractActualEnd).trim().is_empty() {
            Some(None)
        } else {
            f.end_after(start, F::ContractActualEnd, &mut errors)
                .map(Some)
        };
        let message = "Heures par semaine : un nombre entre 1 et 48.";
        let hours = f.number(F::ContractHours, (1.0, 48.0), message, &mut errors);
        let contract = match (start, planned, actual, hours) {
            (Some(start_date), Some(planned_end), Some(actual_end), Some(weekly_hours)) => {
                Some(Contract {
                    id: self.id,
                    employee_id,
                    renewal_of: self.renewal_of,
                    start_date,
                    planned_end,
                    actual_end,
                    weekly_hours,
                    post: f.trimmed(F::ContractPost),
                })
            }
            _ => None,
        };
        checked(contract, errors)
    }

    /// Puts a stored contract in the form, or an empty one (`None`), or a renewal of one.
    fn edit_contract(&mut self, contract: Option<&Contract>, renewal: bool) {
        self.fields.clear(&FIELDS);
        self.id = 0;
        self.renewal_of = None;
        let Some(c) = contract else { return };
        self.fields
            .set(F::ContractHours, hours_text(c.weekly_hours));
        self.fields.set(F::ContractPost, c.post.clone());
        if renewal {
            self.renewal_of = Some(c.id);
            if let Some(next) = c.end().succ_opt() {
                self.fields.set(F::ContractStart, format_date(next));
            }
        } else {
            self.id = c.id;
            self.renewal_of = c.renewal_of;
            self.fields.set(F::ContractStart, format_date(c.start_date));
            self.fields.set(F::ContractEnd, format_date(c.planned_end));
            let actual = c.actual_end.map(format_date).unwrap_or_default();
            self.fields.set(F::ContractActualEnd, actual);
        }
    }

    /// The Contrats tab.
    pub fn view<'a>(&'a self, file: &'a EmployeeFile) -> Element<'a, Message> {
        column![self.list(&file.contracts), self.edit(&file.contracts)]
            .spacing(12)
            .into()
    }

    /// The list of contracts and their cumulative length.
    fn list<'a>(&'a self, contracts: &'a [Contract]) -> Element<'a, Message> {
        let form = self;
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
                    text(format_months(months_inclusive(c.start_date, c.end())))
                        .size(15)
                        .width(Length::FillPortion(1)),
                    text(format!("{} h", c.weekly_hours).replace('.', ","))
                        .size(15)
                        .width(Length::FillPortion(1)),
                    text(&c.post).size(15).width(Length::FillPortion(3)),
                    row![
                        small("Modifier", Message::Modify(c.id)),
                        small("Renouveler", Message::Renew(c.id)),
                        small("Supprimer", Message::Delete(c.id)),
                    ]
                    .width(Length::FillPortion(3)),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
        }
        if !form.cumulative.is_empty() {
            list = list.push(text(form.cumulative.as_str()).size(15).font(BOLD));
        }
        widgets::card("Contrats (CDDI)", list)
    }

    /// The contract being typed.
    fn edit<'a>(&'a self, contracts: &'a [Contract]) -> Element<'a, Message> {
        let form = self;
        let heading = if form.id != 0 {
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
            field(form, F::ContractStart, "Début", "jj/mm/aaaa"),
            field(form, F::ContractEnd, "Fin prévue", "jj/mm/aaaa"),
            field(form, F::ContractActualEnd, "Fin réelle", "si différente"),
            field(form, F::ContractHours, "Heures / semaine", "ex. 26"),
            field(form, F::ContractPost, "Poste", "Ouvrier maraîcher"),
        ]
        .spacing(12);
        let mut edit = column![fields].spacing(10);
        for warning in &form.warnings {
            edit = edit.push(widgets::banner(Tone::Warning, warning.clone()));
        }
        edit = edit.push(
            row![
                widgets::action("Enregistrer le contrat", Some(Message::Submit)),
                widgets::secondary("Vider", Some(Message::Clear)),
            ]
            .spacing(8),
        );
        widgets::card(heading, edit)
    }
}
