//! The « Compte » part of a household's page, as a component: its ledger and balance, the
//! forms of a payment, a series of cheques, a charge or credit note and a cancellation, and
//! its documents (a payment's receipt, the yearly statement, a reminder letter) through
//! [`PdfFlow`].

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use iced::Task;
use iced::widget::operation;

use super::super::kit::Event;
use crate::app::payments::entry::{EntryDraft, PaymentDraft, SeriesDraft};
use crate::app::payments::household::{self as use_case, Account};
use crate::app::reports::Saved;
use crate::app::{self, Garden};
use crate::domain::payments::EntryKind;
use crate::ui::files::{self, Dialog, PdfFlow};
use crate::ui::screen::Context;

/// Ids of the first field of each form (the focus goes there when it opens); the others
/// are [`Field::id`].
pub mod ids {
    /// Amount of a payment.
    pub const PAY_AMOUNT: &str = "account-Amount";
    /// Count of a series of cheques.
    pub const SERIES_COUNT: &str = "account-Count";
    /// Label of a charge or credit note.
    pub const ENTRY_LABEL: &str = "account-Label";
    /// Reason of a cancellation.
    pub const REASON: &str = "account-cancel-reason";
    /// Year of the statement.
    pub const YEAR: &str = "account-year";
}

/// The one form open on the account.
#[derive(Debug, Clone, Default)]
pub enum Form {
    /// None open.
    #[default]
    None,
    /// One payment.
    Payment(PaymentDraft),
    /// A series of cheques.
    Series(SeriesDraft),
    /// A charge or credit note.
    Entry(EntryDraft),
    /// Cancelling payment `0`, with the reason typed.
    Cancel(i64, String),
}

/// The text fields of the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Received,
    Amount,
    Label,
    Bank,
    Number,
    Drawer,
    CashOn,
    Count,
    Day,
    FirstMonth,
    EntryOn,
}

/// A document of the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// The receipt of payment `0`.
    Receipt(i64),
    /// The statement of year `0`.
    Statement(i32),
    /// The reminder letter, as of today.
    Reminder,
}

/// A payment mode in the pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeChoice {
    /// Its code.
    pub code: String,
    /// What the office sees.
    pub label: String,
}

impl std::fmt::Display for ModeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Messages of the account.
#[derive(Debug, Clone)]
pub enum Message {
    /// The account was read.
    Loaded(app::Result<Box<Account>>),
    /// « Enregistrer un paiement ».
    NewPayment,
    /// « Série de chèques ».
    NewSeries,
    /// « Frais / Avoir ».
    NewEntry,
    /// « Annuler » on payment `0`.
    AskCancel(i64),
    /// A text field typed.
    Edited(Field, String),
    /// The reason of a cancellation typed.
    Reason(String),
    /// A payment mode picked.
    ModePicked(ModeChoice),
    /// Charge or credit note picked.
    KindPicked(EntryKind),
    /// The statement's year typed.
    Year(String),
    /// Enter, or the form's button.
    Submit,
    /// « Annuler » of the form.
    Close,
    /// A write came back (its notice), with the account read again.
    Saved(app::Result<(String, Box<Account>)>),
    /// A document's button: ask where to save it.
    Print(Doc),
    /// Write the document to this file (no dialog).
    WriteTo(Doc, PathBuf),
    /// The document flow's messages.
    Pdf(files::Message<Saved>),
    /// Open a written file in the system viewer.
    OpenFile(PathBuf),
}

/// A write of the account, answering its notice.
type Job = Box<dyn FnOnce(&Garden) -> app::Result<String> + Send>;

/// The account's state.
#[derive(Debug, Default)]
pub struct AccountPart {
    /// The household's id and its "NOM Prénom" (file names).
    household: (i64, String),
    pub(super) account: Option<Account>,
    pub(super) form: Form,
    pub(super) error: Option<app::Error>,
    pub(super) year: String,
    pub(super) busy: bool,
    pub(super) pdf: PdfFlow<Saved>,
    /// The document asked, while its dialog is open.
    asked: Option<Doc>,
}

impl AccountPart {
    /// Reads the account of household `member_id` ("NOM Prénom": `name`) as of today.
    pub fn load(&mut self, member_id: i64, name: String, context: &Context) -> Task<Message> {
        if self.household.0 != member_id {
            *self = AccountPart::default();
        }
        self.household = (member_id, name);
        self.year = context.today.year().to_string();
        self.close();
        let today = context.today;
        let read = move |g: &Garden| use_case::account(g, member_id, today).map(Box::new);
        context.perform(read, Message::Loaded)
    }

    /// The account read, if it was.
    pub fn account(&self) -> Option<&Account> {
        self.account.as_ref()
    }

    /// The form open.
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The document flow (its last result, its viewer).
    pub fn pdf(&self) -> &PdfFlow<Saved> {
        &self.pdf
    }

    /// Closes the form open, if any.
    pub fn close(&mut self) {
        self.form = Form::None;
        self.error = None;
    }

    fn open(&mut self, form: Form, focus: &'static str) -> Task<Message> {
        self.form = form;
        self.error = None;
        self.pdf.clear();
        operation::focus(focus)
    }

    /// Handles `message`; an event for the screen when something was saved or failed.
    pub fn update(
        &mut self,
        message: Message,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        let today = context.today;
        let task = match message {
            Message::Loaded(Ok(account)) => {
                self.account = Some(*account);
                Task::none()
            }
            Message::Loaded(Err(error)) => return (Task::none(), Some(Event::Failed(error))),
            Message::NewPayment => {
                self.open(Form::Payment(PaymentDraft::new(today)), ids::PAY_AMOUNT)
            }
            Message::NewSeries => {
                self.open(Form::Series(SeriesDraft::new(today)), ids::SERIES_COUNT)
            }
            Message::NewEntry => self.open(Form::Entry(EntryDraft::new(today)), ids::ENTRY_LABEL),
            Message::AskCancel(id) => self.open(Form::Cancel(id, String::new()), ids::REASON),
            Message::Edited(field, value) => {
                self.edit(field, value);
                Task::none()
            }
            Message::Reason(typed) => {
                if let Form::Cancel(_, reason) = &mut self.form {
                    *reason = typed;
                }
                Task::none()
            }
            Message::ModePicked(mode) => {
                if let Form::Payment(f) = &mut self.form {
                    f.mode = Some(mode.code);
                }
                Task::none()
            }
            Message::KindPicked(kind) => {
                if let Form::Entry(f) = &mut self.form {
                    f.kind = kind;
                }
                Task::none()
            }
            Message::Year(typed) => {
                self.year = typed;
                Task::none()
            }
            Message::Submit => self.submit(context),
            Message::Close => {
                self.close();
                Task::none()
            }
            Message::Saved(result) => return (Task::none(), self.saved(result)),
            Message::Print(doc) => self.ask(doc, today),
            Message::WriteTo(doc, path) => self.write(doc, path, context),
            Message::Pdf(message) => self.pdf_message(message),
            Message::OpenFile(path) => self.pdf.open(path).map(Message::Pdf),
        };
        (task, None)
    }

    /// Keeps what was typed in `field` of the form open.
    fn edit(&mut self, field: Field, value: String) {
        use Field as F;
        let slot = match (&mut self.form, field) {
            (Form::Payment(f), F::Received) => &mut f.received_on,
            (Form::Payment(f), F::Amount) => &mut f.amount,
            (Form::Payment(f), F::Label) => &mut f.label,
            (Form::Payment(f), F::Bank) => &mut f.bank,
            (Form::Payment(f), F::Number) => &mut f.number,
            (Form::Payment(f), F::Drawer) => &mut f.drawer,
            (Form::Payment(f), F::CashOn) => &mut f.cash_on,
            (Form::Series(f), F::Received) => &mut f.received_on,
            (Form::Series(f), F::Amount) => &mut f.amount,
            (Form::Series(f), F::Label) => &mut f.label,
            (Form::Series(f), F::Bank) => &mut f.bank,
            (Form::Series(f), F::Number) => &mut f.first_number,
            (Form::Series(f), F::Drawer) => &mut f.drawer,
            (Form::Series(f), F::Count) => &mut f.count,
            (Form::Series(f), F::Day) => &mut f.day,
            (Form::Series(f), F::FirstMonth) => &mut f.first_month,
            (Form::Entry(f), F::EntryOn) => &mut f.entry_on,
            (Form::Entry(f), F::Label) => &mut f.label,
            (Form::Entry(f), F::Amount) => &mut f.amount,
            _ => return,
        };
        *slot = value;
    }

    /// Saves the form open, then reads the account again; on failure the form stays as
    /// typed with the error beside its field.
    fn submit(&mut self, context: &Context) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        let member = self.household.0;
        let today = context.today;
        let job: Job = match self.form.clone() {
            Form::None => return Task::none(),
            Form::Payment(f) => Box::new(move |g| {
                use_case::record_payment(g, member, &f).map(|_| "Règlement enregistré.".into())
            }),
            Form::Series(f) => Box::new(move |g| {
                let ids = use_case::record_series(g, member, &f)?;
                Ok(format!("{} chèques enregistrés.", ids.len()))
            }),
            Form::Entry(f) => Box::new(move |g| {
                use_case::add_entry(g, member, &f)?;
                Ok(format!("{} enregistré.", f.kind.label()))
            }),
            Form::Cancel(id, reason) => Box::new(move |g| {
                use_case::cancel_payment(g, id, &reason, today)
                    .map(|()| "Règlement annulé (il reste dans la liste, marqué).".into())
            }),
        };
        self.busy = true;
        let work = move |g: &Garden| {
            let notice = job(g)?;
            let account = use_case::account(g, member, today)?;
            Ok((notice, Box::new(account)))
        };
        context.perform(work, Message::Saved)
    }

    fn saved(&mut self, result: app::Result<(String, Box<Account>)>) -> Option<Event> {
        self.busy = false;
        match result {
            Ok((notice, account)) => {
                self.account = Some(*account);
                self.close();
                Some(Event::Saved {
                    notice,
                    warning: None,
                })
            }
            Err(error) if matches!(self.form, Form::None) => Some(Event::Failed(error)),
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }

    /// The save dialog of `doc`, its file name proposed.
    fn ask(&mut self, doc: Doc, today: NaiveDate) -> Task<Message> {
        let name = &self.household.1;
        let (title, file_name) = match doc {
            Doc::Receipt(id) => ("Enregistrer le reçu", use_case::receipt_file_name(id, name)),
            Doc::Statement(_) => match self.year.trim().parse::<i32>() {
                Ok(year) => (
                    "Enregistrer le relevé de compte",
                    use_case::statement_file_name(name, year),
                ),
                Err(_) => {
                    self.error = Some(app::Error::invalid(
                        "Année",
                        "Tapez l'année du relevé, comme 2026.",
                    ));
                    return Task::none();
                }
            },
            Doc::Reminder => (
                "Enregistrer la lettre de relance",
                use_case::reminder_file_name(name, today),
            ),
        };
        let doc = match doc {
            Doc::Statement(_) => Doc::Statement(self.year.trim().parse().unwrap_or_default()),
            other => other,
        };
        self.asked = Some(doc);
        self.error = None;
        let dialog = Dialog::File {
            title,
            file_name,
            filter: ("PDF", &["pdf"]),
        };
        self.pdf.ask(dialog).map(Message::Pdf)
    }

    /// Writes `doc` to `path`.
    fn write(&mut self, doc: Doc, path: PathBuf, context: &Context) -> Task<Message> {
        let (member, today) = (self.household.0, context.today);
        let task = self.pdf.write(context, move |g: &Garden| match doc {
            Doc::Receipt(id) => use_case::write_receipt(g, id, &path),
            Doc::Statement(year) => use_case::write_statement(g, member, year, today, &path),
            Doc::Reminder => use_case::write_reminder(g, member, today, &path),
        });
        task.map(Message::Pdf)
    }

    fn pdf_message(&mut self, message: files::Message<Saved>) -> Task<Message> {
        let (task, event) = self.pdf.update(message);
        let then = match event {
            Some(files::Event::Chosen(Some(path))) => match self.asked.take() {
                Some(doc) => Task::done(Message::WriteTo(doc, path)),
                None => Task::none(),
            },
            Some(files::Event::Written(path)) => Task::done(Message::OpenFile(path)),
            Some(files::Event::Chosen(None)) | None => {
                if self.pdf.stage() == files::Stage::Idle {
                    self.asked = None;
                }
                Task::none()
            }
        };
        Task::batch([task.map(Message::Pdf), then])
    }
}

impl Field {
    /// The id of this field's input in the form open.
    pub fn id(self) -> String {
        format!("account-{self:?}")
    }
}
