//! Paramètres › « Comptabilité »: the bank account printed on cheque slips, the debt above
//! which Accueil lists a household, the account numbers and journal codes of the journal
//! for the accountant, and « Exporter le journal comptable » for a period.

use chrono::Datelike;
use iced::widget::{column, row, text};
use iced::{Element, Length, Task};

use crate::app::payments::accounting::{
    AccountingForm, field_of, load_accounting, save_accounting,
};
use crate::app::{self, Garden};
use crate::domain::accounting::ACCOUNT_KEYS;
use crate::domain::calendar::format_date;
use crate::ui::export::{self, Exporter};
use crate::ui::screen::{Action, Context};
use crate::ui::theme;
use crate::ui::widgets::{self, Tone};

/// Key of the bank account field.
const BANK: &str = "bank_account";
/// Key of the debt alert field.
const DEBT: &str = "debt_alert";
/// Key of the accounts' first day field.
const START: &str = "accounts_start";
/// Label of the bank account field.
const BANK_LABEL: &str = "Compte bancaire (titulaire et IBAN, imprimé sur les bordereaux)";
/// Label of the debt alert field (also the field the use case names).
const DEBT_LABEL: &str = "Seuil d'alerte";

/// What each account is for, beside its field.
const HINTS: [&str; 8] = [
    "706 « Prestations de services » : les paniers (part des foyers et des financeurs) et les frais.",
    "756 « Cotisations » : les adhésions.",
    "411 « Clients » : ce que doivent les foyers.",
    "4111, un sous-compte de 411 : ce que doivent les financeurs facturés.",
    "512 « Banque » : virements, espèces, remises de chèques, règlements des financeurs.",
    "5112 « Chèques à encaisser » : chèques reçus, pas encore remis à la banque.",
    "VT : paniers, adhésions, frais, avoirs, factures aux financeurs.",
    "BQ : règlements reçus et remises de chèques.",
];

/// The journal export of this section.
#[derive(Debug, Clone, Copy)]
pub struct JournalExport;

impl export::Target for JournalExport {
    fn file_stem(self) -> &'static str {
        "journal-comptable"
    }
}

/// The section's state.
#[derive(Debug, Default)]
pub struct Accounting {
    form: AccountingForm,
    /// A value refused by « Enregistrer »: its field's label and why.
    invalid: Option<(&'static str, String)>,
    notice: Option<(Tone, String)>,
    busy: bool,
    journal_from: String,
    journal_to: String,
    exporter: Exporter,
}

/// Messages of the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The stored settings were read.
    Loaded(app::Result<AccountingForm>),
    /// A field was typed in: its key, its value.
    Typed(&'static str, String),
    /// « Enregistrer ».
    Save,
    /// Saved, or refused.
    Saved(app::Result<AccountingForm>),
    /// The journal's first day, typed.
    JournalFrom(String),
    /// The journal's last day, typed.
    JournalTo(String),
    /// The journal's export.
    Export(export::Message<JournalExport>),
}

impl Accounting {
    /// The section, reading the stored settings; the journal offered for 1 January to today.
    pub fn new(context: &Context) -> (Self, Task<Message>) {
        let section = Accounting {
            busy: true,
            journal_from: format!("01/01/{}", context.today.year()),
            journal_to: format_date(context.today),
            ..Accounting::default()
        };
        (section, context.perform(load_accounting, Message::Loaded))
    }

    /// Handles a message; the action is the screen's to run.
    pub fn update(&mut self, message: Message, context: &Context) -> Action<Message> {
        match message {
            Message::Loaded(result) => self.done(result, None),
            Message::Saved(result) => self.done(result, Some("Comptabilité enregistrée.")),
            Message::Typed(key, value) => {
                self.invalid = None;
                self.notice = None;
                match key {
                    BANK => self.form.bank_account = value,
                    DEBT => self.form.debt_alert = value,
                    START => self.form.accounts_start = value,
                    key => self.form.accounts.set(key, value),
                }
            }
            Message::Save => return self.save(context),
            Message::JournalFrom(v) => self.journal_from = v,
            Message::JournalTo(v) => self.journal_to = v,
            Message::Export(message) => {
                let (from, to) = (self.journal_from.clone(), self.journal_to.clone());
                let garden: Garden = context.garden.clone();
                let task = self.exporter.update(message, move |_| {
                    export::from_app(&garden, move |g| {
                        app::payments::journal::journal_export_table(g, &from, &to)
                    })
                });
                return Action::Run(task.map(Message::Export));
            }
        }
        Action::None
    }

    fn save(&mut self, context: &Context) -> Action<Message> {
        if self.busy || context.garden.read_only() {
            return Action::None;
        }
        self.busy = true;
        self.invalid = None;
        self.notice = None;
        let form = self.form.clone();
        Action::Run(context.perform(move |g| save_accounting(g, &form), Message::Saved))
    }
}

impl Accounting {
    /// Shows what was read or saved (and `said` then), or why it was refused.
    fn done(&mut self, result: app::Result<AccountingForm>, said: Option<&str>) {
        self.busy = false;
        match result {
            Ok(form) => {
                self.form = form;
                self.invalid = None;
                self.notice = said.map(|s| (Tone::Success, s.to_owned()));
            }
            Err(app::Error::Invalid { field, message }) => self.invalid = Some((field, message)),
            Err(error) => self.notice = Some((Tone::Error, error.to_string())),
        }
    }

    /// `input` under `label`, with why its value was refused under it.
    fn field<'a>(
        &'a self,
        label: &'a str,
        key: &'static str,
        value: &'a str,
    ) -> Element<'a, Message> {
        let mut c = column![widgets::field(
            label,
            value,
            move |v| Message::Typed(key, v),
            Message::Save
        )]
        .spacing(4);
        if let Some((bad, why)) = &self.invalid
            && *bad == label
        {
            c = c.push(text(why.as_str()).size(13).color(theme::ERROR_TEXT));
        }
        c.into()
    }

    /// The card's content.
    pub fn view(&self) -> Element<'_, Message> {
        let values = self.form.accounts.values();
        let mut accounts = column![].spacing(8);
        for (i, key) in ACCOUNT_KEYS.iter().enumerate() {
            accounts = accounts.push(
                row![
                    iced::widget::container(self.field(field_of(key), key, values[i])).width(240),
                    widgets::muted(HINTS[i]).width(Length::Fill),
                ]
                .spacing(12)
                .align_y(iced::Alignment::End),
            );
        }
        let mut c = column![
            self.field(BANK_LABEL, BANK, &self.form.bank_account),
            row![
                iced::widget::container(self.field(DEBT_LABEL, DEBT, &self.form.debt_alert))
                    .width(240),
                widgets::muted(
                    "En euros : Accueil signale les foyers qui doivent plus que ce montant \
                     (50 € par défaut)."
                )
                .width(Length::Fill),
            ]
            .spacing(12)
            .align_y(iced::Alignment::End),
            row![
                iced::widget::container(self.field(
                    app::payments::accounting::START_LABEL,
                    START,
                    &self.form.accounts_start
                ))
                .width(240),
                widgets::muted(
                    "Jour où le jardin a commencé à suivre les comptes des foyers dans Binette \
                     (jj/mm/aaaa) : les paniers d'avant ne leur sont pas comptés. Vide : depuis \
                     le début de chaque abonnement."
                )
                .width(Length::Fill),
            ]
            .spacing(12)
            .align_y(iced::Alignment::End),
            text("Comptes du plan comptable").size(15).font(theme::BOLD),
            widgets::muted(
                "Les numéros du plan comptable associatif proposés par défaut ; votre \
                 comptable peut en demander d'autres (ex. 70610000)."
            ),
            accounts,
            row![widgets::action(
                "Enregistrer",
                (!self.busy).then_some(Message::Save)
            )],
        ]
        .spacing(10);
        if let Some((tone, notice)) = &self.notice {
            c = c.push(widgets::banner(*tone, notice.clone()));
        }
        c.push(self.journal()).into()
    }

    /// « Exporter le journal comptable » for a period.
    fn journal(&self) -> Element<'_, Message> {
        let day = |label, value, on: fn(String) -> Message| {
            iced::widget::container(widgets::field(label, value, on, Message::Save)).width(160)
        };
        let mut c = column![
            text("Journal comptable").size(15).font(theme::BOLD),
            widgets::muted(
                "Les écritures de la période pour votre comptable (date, journal, compte, \
                 pièce, libellé, débit, crédit), en partie double : chaque écriture est \
                 équilibrée."
            ),
            row![
                day("Du", &self.journal_from, Message::JournalFrom),
                day("Au", &self.journal_to, Message::JournalTo),
                column![
                    text(" ").size(14),
                    self.exporter
                        .buttons_labelled(
                            JournalExport,
                            "Exporter le journal comptable (CSV)",
                            "Exporter le journal comptable (Excel)"
                        )
                        .map(Message::Export)
                ]
                .spacing(4),
            ]
            .spacing(12),
        ]
        .spacing(8);
        if let Some(notice) = self.exporter.notice::<JournalExport>() {
            c = c.push(notice.map(Message::Export));
        }
        c.into()
    }
}
