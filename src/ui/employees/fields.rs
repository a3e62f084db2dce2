//! The text fields of a person's file: their names ([`F`]), what is typed in a form with its
//! errors beside each field ([`Fields`], with the parsing every tab shares), and the view
//! helpers the tabs draw them with.

use std::collections::HashMap;

use chrono::NaiveDate;
use iced::widget::{button, column, pick_list, text, text_input};
use iced::{Element, Length};

use super::file::Tab;
use crate::app::employees::field;
use crate::domain::calendar::parse_date;
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

impl F {
    /// The widget id of the field (for focus and tests).
    pub fn id(self) -> String {
        format!("salarie-{self:?}")
    }

    /// The tab the field is on (the Identité tab stands for Identité and Entrée).
    pub fn tab(self) -> Tab {
        use F::*;
        match self {
            Gender | LastName | FirstName | BirthDate | Address | Postcode | City | Phone
            | Email | EntryDate | PrescriberOrg | PrescriberContact | UnemploymentMonths
            | Notes => Tab::Identity,
            PassNumber | PassStart | PassEnd | ChangeStart | ChangeEnd | ChangeReason => Tab::Pass,
            ContractStart | ContractEnd | ContractActualEnd | ContractHours | ContractPost => {
                Tab::Contracts
            }
            FollowUpDate | FollowUpDuration | FollowUpNotes | NewTheme => Tab::FollowUps,
            TrainingTitle | TrainingBody | TrainingStart | TrainingEnd | TrainingHours
            | ImmersionHost | ImmersionSiret | ImmersionTutor | ImmersionStart | ImmersionEnd
            | ImmersionOutcome => Tab::Trainings,
            ExitDate | ExitMonths | ExitDetail | NewPathDate => Tab::Exit,
            FseDate => Tab::Fse,
            Worked(_) => Tab::Hours,
        }
    }

    /// The field a use case's refusal names (`app::Error::Invalid`), if it is one of a file.
    pub fn refused(name: &str) -> Option<F> {
        match name {
            field::PASS_NUMBER => Some(F::PassNumber),
            field::NEW_PATH_DATE => Some(F::NewPathDate),
            field::THEME => Some(F::NewTheme),
            _ => None,
        }
    }
}

/// The errors of a form, beside their field.
pub type Errors = HashMap<F, String>;

/// What is typed in a form's text fields, and the errors beside them.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    texts: HashMap<F, String>,
    /// Errors next to fields.
    pub errors: Errors,
}

impl Fields {
    /// The text typed in `field`.
    pub fn get(&self, field: F) -> &str {
        self.texts.get(&field).map_or("", String::as_str)
    }

    /// Replaces the text of `field` and clears its error.
    pub fn set(&mut self, field: F, value: impl Into<String>) {
        self.errors.remove(&field);
        self.texts.insert(field, value.into());
    }

    /// Empties `fields` and their errors.
    pub fn clear(&mut self, fields: &[F]) {
        for field in fields {
            self.texts.remove(field);
            self.errors.remove(field);
        }
    }

    /// The date typed in `field` (required), or its error in `errors`.
    pub fn date(&self, field: F, errors: &mut Errors) -> Option<NaiveDate> {
        let text = self.get(field).trim();
        if text.is_empty() {
            errors.insert(field, "Date obligatoire, sous la forme jj/mm/aaaa.".into());
            return None;
        }
        let date = parse_date(text);
        if date.is_none() {
            errors.insert(
                field,
                format!("Date impossible : « {text} ». Écrivez-la jj/mm/aaaa (ex. 28/11/2026)."),
            );
        }
        date
    }

    /// The date typed in `field`, `Some(None)` when empty; `None` with its error.
    pub fn optional_date(&self, field: F, errors: &mut Errors) -> Option<Option<NaiveDate>> {
        if self.get(field).trim().is_empty() {
            Some(None)
        } else {
            self.date(field, errors).map(Some)
        }
    }

    /// The end date typed in `field`, refused before `start`.
    pub fn end_after(
        &self,
        start: Option<NaiveDate>,
        field: F,
        errors: &mut Errors,
    ) -> Option<NaiveDate> {
        let end = self.date(field, errors)?;
        if start.is_some_and(|s| end < s) {
            errors.insert(field, "La fin est avant le début.".into());
            return None;
        }
        Some(end)
    }

    /// The number typed in `field` (a comma or a point), between `min` and `max`; else
    /// `message` beside it.
    pub fn number(
        &self,
        field: F,
        (min, max): (f64, f64),
        message: &str,
        errors: &mut Errors,
    ) -> Option<f64> {
        let text = self.get(field).trim().replace(',', ".");
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && (min..=max).contains(&n) => Some(n),
            _ => {
                errors.insert(field, message.to_owned());
                None
            }
        }
    }

    /// The text typed in `field`, trimmed; `message` beside it when empty.
    pub fn required(&self, field: F, message: &str, errors: &mut Errors) -> String {
        let text = self.get(field).trim();
        if text.is_empty() {
            errors.insert(field, message.to_owned());
        }
        text.to_owned()
    }

    /// The trimmed text of `field`.
    pub fn trimmed(&self, field: F) -> String {
        self.get(field).trim().to_owned()
    }
}

/// `value` for a form once `errors` is empty, else the errors.
pub fn checked<T>(value: Option<T>, errors: Errors) -> Result<T, Errors> {
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

/// "3,5" for 3.5 hours.
pub fn hours_text(hours: f64) -> String {
    format!("{hours}").replace('.', ",")
}

/// A labelled text field with its error underneath: typing sends `edit`, Enter `submit`.
pub fn input<'a, M: Clone + 'a>(
    fields: &'a Fields,
    field: F,
    (label, placeholder): (&'a str, &'a str),
    edit: fn(F, String) -> M,
    submit: M,
) -> Element<'a, M> {
    let mut content = column![
        text(label).size(14).color(theme::MUTED),
        text_input(placeholder, fields.get(field))
            .id(field.id())
            .on_input(move |value| edit(field, value))
            .on_submit(submit)
            .padding(7)
            .size(15),
    ]
    .spacing(3)
    .width(Length::Fill);
    if let Some(error) = fields.errors.get(&field) {
        content = content.push(text(error.as_str()).size(13).color(theme::ERROR_TEXT));
    }
    content.into()
}

/// A labelled pick list.
pub fn choice<'a, T, M: Clone + 'a>(
    label: &'a str,
    options: &'a [T],
    selected: Option<T>,
    on_select: impl Fn(T) -> M + 'a,
) -> Element<'a, M>
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

/// A section error line.
pub fn error_line<'a, M: 'a>(message: &'a str) -> Element<'a, M> {
    text(message).size(13).color(theme::ERROR_TEXT).into()
}

/// A small text button of a list line ("Modifier", "Supprimer").
pub fn small<'a, M: Clone + 'a>(label: &'a str, message: M) -> Element<'a, M> {
    button(text(label).size(14))
        .style(button::text)
        .padding([2, 6])
        .on_press(message)
        .into()
}
