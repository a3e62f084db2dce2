//! The text fields of a person's file, their ids, and the view helpers shared by its tabs.

use iced::widget::{column, pick_list, text, text_input};
use iced::{Element, Length};

use super::Message;
use super::form::FileForm;
use crate::ui::theme;

/// Every text field of a person's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum F {
    Gender,
    LastName,
    FirstName,
    BirthDate,
    Address,
    Postcode,
    City,
    Phone,
    Email,
    EntryDate,
    PrescriberOrg,
    PrescriberContact,
    UnemploymentMonths,
    Notes,
    PassNumber,
    PassStart,
    PassEnd,
    ChangeStart,
    ChangeEnd,
    ChangeReason,
    ContractStart,
    ContractEnd,
    ContractActualEnd,
    ContractHours,
    ContractPost,
    FollowUpDate,
    FollowUpDuration,
    FollowUpNotes,
    NewTheme,
    TrainingTitle,
    TrainingBody,
    TrainingStart,
    TrainingEnd,
    TrainingHours,
    ImmersionHost,
    ImmersionSiret,
    ImmersionTutor,
    ImmersionStart,
    ImmersionEnd,
    ImmersionOutcome,
    ExitDate,
    ExitMonths,
    ExitDetail,
    FseDate,
    NewPathDate,
    /// Hours worked in month 1 to 12 of the year shown.
    Worked(u32),
}

/// Which save a field's Enter key triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Identity and entry (the employee row).
    Person,
    /// The PASS IAE.
    Pass,
    /// A suspension or prolongation being added.
    Change,
    /// A contract.
    Contract,
    /// A follow-up.
    FollowUp,
    /// A custom theme being added.
    Theme,
    /// A training.
    Training,
    /// An immersion.
    Immersion,
    /// The exit.
    Exit,
    /// An FSE+ snapshot.
    Fse,
    /// A new path after an exit.
    NewPath,
    /// The hours worked of the year shown.
    Hours,
    /// Deleting a line: its table and id.
    Delete(&'static str, i64),
}

impl F {
    /// The widget id of the field (for focus and tests).
    pub fn id(self) -> String {
        format!("salarie-{self:?}")
    }

    /// The form part it belongs to.
    pub fn part(self) -> Part {
        use F::*;
        match self {
            Gender | LastName | FirstName | BirthDate | Address | Postcode | City | Phone
            | Email | EntryDate | PrescriberOrg | PrescriberContact | UnemploymentMonths
            | Notes => Part::Person,
            PassNumber | PassStart | PassEnd => Part::Pass,
            ChangeStart | ChangeEnd | ChangeReason => Part::Change,
            ContractStart | ContractEnd | ContractActualEnd | ContractHours | ContractPost => {
                Part::Contract
            }
            FollowUpDate | FollowUpDuration | FollowUpNotes => Part::FollowUp,
            NewTheme => Part::Theme,
            TrainingTitle | TrainingBody | TrainingStart | TrainingEnd | TrainingHours => {
                Part::Training
            }
            ImmersionHost | ImmersionSiret | ImmersionTutor | ImmersionStart | ImmersionEnd
            | ImmersionOutcome => Part::Immersion,
            ExitDate | ExitMonths | ExitDetail => Part::Exit,
            FseDate => Part::Fse,
            NewPathDate => Part::NewPath,
            Worked(_) => Part::Hours,
        }
    }
}

/// A labelled text field with its error underneath; Enter saves its part of the form.
pub fn input<'a>(form: &'a FileForm, field: F, label: &'a str) -> Element<'a, Message> {
    input_hint(form, field, label, "")
}

/// Like [`input`], with a placeholder.
pub fn input_hint<'a>(
    form: &'a FileForm,
    field: F,
    label: &'a str,
    placeholder: &'a str,
) -> Element<'a, Message> {
    let mut content = column![
        text(label).size(14).color(theme::MUTED),
        text_input(placeholder, form.get(field))
            .id(field.id())
            .on_input(move |value| Message::Edit(field, value))
            .on_submit(Message::Submit(field.part()))
            .padding(7)
            .size(15),
    ]
    .spacing(3)
    .width(Length::Fill);
    if let Some(error) = form.errors.get(&field) {
        content = content.push(text(error.as_str()).size(13).color(theme::ERROR_TEXT));
    }
    content.into()
}

/// A labelled pick list.
pub fn choice<'a, T>(
    label: &'a str,
    options: &'a [T],
    selected: Option<T>,
    on_select: impl Fn(T) -> Message + 'a,
) -> Element<'a, Message>
where
    T: ToString + PartialEq + Clone + 'a,
{
    column![
        text(label).size(14).color(theme::MUTED),
        pick_list(options, selected, on_select)
            .placeholder("Choisir…")
            .padding(7)
            .text_size(15)
            .width(Length::Fill),
    ]
    .spacing(3)
    .width(Length::Fill)
    .into()
}

/// A section error or success line.
pub fn error_line<'a>(message: &'a str) -> Element<'a, Message> {
    text(message).size(13).color(theme::ERROR_TEXT).into()
}
