//! What the « Compte » part shows: the balance in plain words, its buttons, the form open
//! (a series of cheques with the preview of its dates), the ledger (date, libellé, débit,
//! crédit, solde) and the payments, cancelled ones kept and marked.

use iced::widget::{Column, column, container, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::account::{AccountPart, Doc, Field, Form, Message, ModeChoice, ids};
use crate::app::payments::entry::{EntryDraft, PaymentDraft, SeriesDraft, fields as F};
use crate::app::payments::household::{Account, REASON};
use crate::domain::calendar::format_date;
use crate::domain::money::{Cents, format_euros};
use crate::domain::payments::{EntryKind, Payment};
use crate::ui::files::Viewer;
use crate::ui::members::kit::{Fields, link};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// How many of the latest ledger lines the page shows (the statement has them all).
const LINES_SHOWN: usize = 60;

impl AccountPart {
    /// The account, or a short wait while it is read.
    pub fn view(&self) -> Element<'_, Message> {
        let Some(account) = &self.account else {
            return widgets::muted("Lecture du compte…").into();
        };
        let mut body = column![balance(account), self.buttons(account)].spacing(12);
        if let Some(notice) = self.pdf_notice() {
            body = body.push(notice);
        }
        if let Some((heading, form)) = self.form_view(account) {
            body = body.push(widgets::card(heading, form));
        }
        column![
            widgets::card("Compte", body),
            widgets::card("Règlements", payments(account, &self.form, self)),
            widgets::card("Mouvements du compte", ledger(account)),
        ]
        .spacing(12)
        .into()
    }

    fn buttons(&self, account: &Account) -> Element<'_, Message> {
        let free = !self.busy;
        let mut docs = row![
            text_input("Année", &self.year)
                .id(ids::YEAR)
                .on_input(Message::Year)
                .on_submit(Message::Print(Doc::Statement(0)))
                .padding(7)
                .size(15)
                .width(Length::Fixed(70.0)),
            widgets::secondary(
                "Relevé annuel",
                (!self.pdf.is_busy()).then_some(Message::Print(Doc::Statement(0)))
            ),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        if account.owes() {
            docs = docs.push(widgets::secondary(
                "Lettre de relance",
                (!self.pdf.is_busy()).then_some(Message::Print(Doc::Reminder)),
            ));
        }
        let mut c = Column::new().spacing(6).push(
            row![
                widgets::action(
                    "Enregistrer un paiement",
                    free.then_some(Message::NewPayment)
                ),
                widgets::secondary("Série de chèques", free.then_some(Message::NewSeries)),
                widgets::secondary("Frais / Avoir", free.then_some(Message::NewEntry)),
                container(text("")).width(Length::Fill),
                docs,
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
        // The year refused, with no form open: said under the buttons.
        if let (Form::None, Some(error)) = (&self.form, &self.error) {
            c = c.push(text(error.to_string()).size(13).color(theme::ERROR_TEXT));
        }
        c.into()
    }

    /// What became of the last document.
    fn pdf_notice(&self) -> Option<Element<'_, Message>> {
        let written = match self.pdf.result()? {
            Ok(saved) => saved,
            Err(error) => return Some(widgets::banner(Tone::Error, error.to_string())),
        };
        let said = format!("Document enregistré : {}", written.path.display());
        Some(match self.pdf.viewer() {
            Viewer::Failed(problem) => widgets::banner(Tone::Warning, format!("{said}. {problem}")),
            _ => widgets::banner(Tone::Success, said),
        })
    }

    fn form_view<'a>(&'a self, account: &'a Account) -> Option<(String, Element<'a, Message>)> {
        let fields = Fields::new(self.error.as_ref());
        Some(match &self.form {
            Form::None => return None,
            Form::Payment(f) => ("Nouveau règlement".into(), payment_form(f, account, fields)),
            Form::Series(f) => ("Série de chèques".into(), series_form(f, fields)),
            Form::Entry(f) => ("Frais ou avoir".into(), entry_form(f, fields)),
            Form::Cancel(id, reason) => {
                let p = account.payments.iter().find(|p| p.id == *id)?;
                let heading = format!(
                    "Annuler le règlement du {} ({})",
                    format_date(p.received_on),
                    format_euros(p.amount)
                );
                let form = column![
                    widgets::muted(
                        "Le règlement reste dans la liste, marqué annulé, et ne compte plus dans \
                         le solde.",
                    ),
                    fields.input(
                        REASON,
                        ids::REASON,
                        reason,
                        Message::Reason,
                        Message::Submit,
                        None
                    ),
                    fields.buttons("Annuler ce règlement", Message::Submit, Message::Close),
                ]
                .spacing(10)
                .into();
                (heading, form)
            }
        })
    }
}

/// The balance in plain words, in the warning colour when the household owes.
fn balance(account: &Account) -> Element<'_, Message> {
    let colour = if account.owes() {
        theme::WARNING_TEXT
    } else {
        theme::GREEN
    };
    text(account.sentence())
        .size(18)
        .font(BOLD)
        .color(colour)
        .into()
}

/// A text field of the account's forms.
fn input<'a>(
    fields: &Fields<'a>,
    label: &'a str,
    field: Field,
    value: &'a str,
    width: Option<f32>,
) -> Element<'a, Message> {
    let edit = move |v| Message::Edited(field, v);
    fields.input(label, field.id(), value, edit, Message::Submit, width)
}

fn payment_form<'a>(
    f: &'a PaymentDraft,
    account: &'a Account,
    fields: Fields<'a>,
) -> Element<'a, Message> {
    let modes: Vec<ModeChoice> = (account.active_modes())
        .map(|m| ModeChoice {
            code: m.code.clone(),
            label: m.label.clone(),
        })
        .collect();
    let picked = modes
        .iter()
        .find(|m| Some(&m.code) == f.mode.as_ref())
        .cloned();
    let mut c = column![
        row![
            input(
                &fields,
                F::RECEIVED,
                Field::Received,
                &f.received_on,
                Some(130.0)
            ),
            input(&fields, F::AMOUNT, Field::Amount, &f.amount, Some(120.0)),
            fields.labelled(
                F::MODE,
                pick_list(modes, picked, Message::ModePicked).width(170)
            ),
            input(&fields, F::LABEL, Field::Label, &f.label, None),
        ]
        .spacing(10),
    ]
    .spacing(10);
    if f.is_cheque() {
        c = c.push(
            row![
                input(&fields, F::BANK, Field::Bank, &f.bank, None),
                input(&fields, F::NUMBER, Field::Number, &f.number, Some(150.0)),
                input(&fields, F::DRAWER, Field::Drawer, &f.drawer, None),
                input(&fields, F::CASH_ON, Field::CashOn, &f.cash_on, Some(130.0)),
            ]
            .spacing(10),
        );
    }
    c.push(fields.buttons("Enregistrer", Message::Submit, Message::Close))
        .into()
}

fn series_form<'a>(f: &'a SeriesDraft, fields: Fields<'a>) -> Element<'a, Message> {
    column![
        row![
            input(&fields, F::COUNT, Field::Count, &f.count, Some(140.0)),
            input(&fields, F::AMOUNT, Field::Amount, &f.amount, Some(120.0)),
            input(&fields, F::DAY, Field::Day, &f.day, Some(130.0)),
            input(
                &fields,
                F::FIRST_MONTH,
                Field::FirstMonth,
                &f.first_month,
                Some(160.0)
            ),
            input(
                &fields,
                F::RECEIVED,
                Field::Received,
                &f.received_on,
                Some(130.0)
            ),
        ]
        .spacing(10),
        row![
            input(&fields, F::BANK, Field::Bank, &f.bank, None),
            input(
                &fields,
                "N° du premier chèque",
                Field::Number,
                &f.first_number,
                Some(170.0)
            ),
            input(&fields, F::DRAWER, Field::Drawer, &f.drawer, None),
            input(&fields, F::LABEL, Field::Label, &f.label, None),
        ]
        .spacing(10),
        series_preview(f),
        fields.buttons("Enregistrer les chèques", Message::Submit, Message::Close),
    ]
    .spacing(10)
    .into()
}

/// The dates (and numbers) of the cheques typed, before saving.
fn series_preview(f: &SeriesDraft) -> Element<'_, Message> {
    let Ok(cheques) = f.preview() else {
        return widgets::muted(
            "Les dates des chèques s'affichent ici dès que la série est complète.",
        )
        .into();
    };
    let total: Cents = cheques.iter().map(|c| c.amount).sum();
    let mut list = Column::new().spacing(2).push(
        text(format!(
            "{} chèque(s), {} au total :",
            cheques.len(),
            format_euros(total)
        ))
        .size(14)
        .font(BOLD),
    );
    let mut line = row![].spacing(18);
    for (i, c) in cheques.iter().enumerate() {
        let mut label = format!("à encaisser le {}", format_date(c.cash_on));
        if !c.number.is_empty() {
            label = format!("n° {} {label}", c.number);
        }
        line = line.push(text(label).size(13).width(Length::Fixed(260.0)));
        if i % 3 == 2 {
            list = list.push(line);
            line = row![].spacing(18);
        }
    }
    if cheques.len() % 3 != 0 {
        list = list.push(line);
    }
    list.into()
}

fn entry_form<'a>(f: &'a EntryDraft, fields: Fields<'a>) -> Element<'a, Message> {
    column![
        row![
            fields.labelled(
                "Type",
                pick_list(EntryKind::ALL, Some(f.kind), Message::KindPicked).width(130)
            ),
            input(
                &fields,
                F::ENTRY_ON,
                Field::EntryOn,
                &f.entry_on,
                Some(130.0)
            ),
            input(&fields, F::LABEL, Field::Label, &f.label, None),
            input(&fields, F::AMOUNT, Field::Amount, &f.amount, Some(120.0)),
        ]
        .spacing(10),
        widgets::muted("Des frais s'ajoutent à ce que doit le foyer ; un avoir s'en déduit."),
        fields.buttons("Enregistrer", Message::Submit, Message::Close),
    ]
    .spacing(10)
    .into()
}

/// A cell of the ledger.
fn cell<'a>(value: String, width: f32) -> Element<'a, Message> {
    text(value)
        .size(14)
        .width(Length::Fixed(width))
        .align_x(iced::alignment::Horizontal::Right)
        .into()
}

/// An amount, blank for zero.
fn blank_zero(c: Cents) -> String {
    if c == 0 {
        String::new()
    } else {
        format_euros(c)
    }
}

/// The latest lines of the ledger with the balance after each.
fn ledger(account: &Account) -> Element<'_, Message> {
    let head = |label: &'static str| text(label).size(13).color(theme::MUTED);
    let mut table = Column::new().spacing(3).push(
        row![
            head("Date").width(Length::Fixed(95.0)),
            head("Libellé").width(Length::Fill),
            head("Débit")
                .width(Length::Fixed(95.0))
                .align_x(iced::alignment::Horizontal::Right),
            head("Crédit")
                .width(Length::Fixed(95.0))
                .align_x(iced::alignment::Horizontal::Right),
            head("Solde")
                .width(Length::Fixed(105.0))
                .align_x(iced::alignment::Horizontal::Right),
        ]
        .spacing(8),
    );
    if account.lines.is_empty() {
        return table
            .push(widgets::muted("Rien sur ce compte pour l'instant."))
            .into();
    }
    let skipped = account.lines.len().saturating_sub(LINES_SHOWN);
    if skipped > 0 {
        table = table.push(widgets::muted(format!(
            "… {skipped} ligne(s) plus ancienne(s) : voir le relevé annuel."
        )));
    }
    for (line, after) in &account.lines[skipped..] {
        table = table.push(
            row![
                text(format_date(line.date))
                    .size(14)
                    .width(Length::Fixed(95.0)),
                text(line.label.clone()).size(14).width(Length::Fill),
                cell(blank_zero(line.debit), 95.0),
                cell(blank_zero(line.credit), 95.0),
                text(format_euros(*after))
                    .size(14)
                    .font(BOLD)
                    .color(if *after < 0 {
                        theme::WARNING_TEXT
                    } else {
                        iced::Color::BLACK
                    })
                    .width(Length::Fixed(105.0))
                    .align_x(iced::alignment::Horizontal::Right),
            ]
            .spacing(8),
        );
    }
    table.into()
}

/// One payment as a sentence: "05/12/2026 · Chèque n° 0000101 (La Poste), à encaisser le
/// 05/01/2027 · 52,00 €".
fn payment_sentence(account: &Account, p: &Payment) -> String {
    let mut s = format!(
        "{} · {}",
        format_date(p.received_on),
        account.mode_label(&p.mode)
    );
    if p.is_cheque() {
        let c = &p.cheque;
        if !c.number.is_empty() {
            s.push_str(&format!(" n° {}", c.number));
        }
        if !c.bank.is_empty() {
            s.push_str(&format!(" ({})", c.bank));
        }
        if !c.drawer.is_empty() {
            s.push_str(&format!(", tiré par {}", c.drawer));
        }
        if let Some(day) = c.cash_on.filter(|d| *d > p.received_on) {
            s.push_str(&format!(", à encaisser le {}", format_date(day)));
        }
        if p.remittance_id.is_some() {
            s.push_str(", remis en banque");
        }
    }
    if !p.label.is_empty() {
        s.push_str(&format!(" — {}", p.label));
    }
    s
}

/// The payments, newest first, each with its receipt and its cancellation; a cancelled one
/// kept, muted, with when and why.
fn payments<'a>(account: &'a Account, form: &Form, part: &AccountPart) -> Element<'a, Message> {
    let mut list = Column::new().spacing(2);
    if account.payments.is_empty() {
        list = list.push(widgets::muted("Aucun règlement enregistré."));
    }
    let free = !part.busy && !part.pdf.is_busy();
    for p in account.payments.iter().rev() {
        let colour = if p.counts() {
            iced::Color::BLACK
        } else {
            theme::MUTED
        };
        let amount = text(format_euros(p.amount))
            .size(14)
            .font(BOLD)
            .color(colour)
            .width(Length::Fixed(95.0))
            .align_x(iced::alignment::Horizontal::Right);
        let mut line = row![
            text(payment_sentence(account, p))
                .size(14)
                .color(colour)
                .width(Length::Fill),
            amount
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        if let Some(day) = p.cancelled_on {
            let why = format!("annulé le {} : {}", format_date(day), p.cancel_reason);
            line = line.push(text(why).size(13).color(theme::WARNING_TEXT));
        } else if free && !matches!(form, Form::Cancel(id, _) if *id == p.id) {
            line = line
                .push(link("Reçu", Message::Print(Doc::Receipt(p.id))))
                .push(link("Annuler", Message::AskCancel(p.id)));
        }
        list = list.push(line);
    }
    list.into()
}
