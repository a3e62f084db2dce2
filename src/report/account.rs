//! A household's money on paper: its statement (relevé de compte), a polite reminder letter
//! when it owes, and the receipt of a payment. Nominative documents, sent to the household:
//! they say nothing of its situation beyond the amounts that concern it.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::{
    Align, Column, Document, DocumentSetup, Orientation, ReportError, Row, Section, Table,
    TextStyle, pdf_euros,
};
use crate::domain::calendar::format_date;
use crate::domain::money::{Cents, format_euros};
use crate::domain::payments::Payment;
use crate::store::payments::ledger::AccountStatement;

/// What every one of these documents prints in its header.
#[derive(Debug, Clone)]
pub struct Letterhead {
    /// Garden name.
    pub garden_name: String,
    /// Logo, if any.
    pub logo_path: Option<PathBuf>,
    /// When the document is made.
    pub created: NaiveDateTime,
}

impl Letterhead {
    /// A portrait document titled `title` under this letterhead, dated in its footer.
    pub(super) fn document(&self, title: String) -> Document {
        Document::new(DocumentSetup {
            title,
            garden_name: self.garden_name.clone(),
            logo_path: self.logo_path.clone(),
            footer_left: Some(format!("Édité le {}", format_date(self.created.date()))),
            orientation: Orientation::Portrait,
            created: self.created,
        })
    }
}

/// Where a balance stands, in a sentence: owed, in the household's favour, or settled.
pub fn balance_sentence(balance: Cents, on: NaiveDate) -> String {
    let day = format_date(on);
    match balance {
        b if b < 0 => format!("Reste dû au {day} : {}", format_euros(-b)),
        b if b > 0 => format!("Avance en votre faveur au {day} : {}", format_euros(b)),
        _ => format!("Compte soldé au {day}."),
    }
}

/// The household's name and address, as on an envelope.
fn addressee(doc: &mut Document, statement: &AccountStatement) {
    doc.paragraph_aligned(&statement.household, TextStyle::bold(10.5), Align::Right);
    for line in &statement.address {
        doc.paragraph_aligned(line, TextStyle::regular(10.0), Align::Right);
    }
    doc.spacer(6.0);
}

/// The table of lines with the balance carried in at the top.
fn lines_table(statement: &AccountStatement) -> Table {
    let mut table = Table::new(vec![
        Column::mm("Date", 25.0),
        Column::fraction("Libellé", 1.0),
        Column::mm("Débit", 24.0).right(),
        Column::mm("Crédit", 24.0).right(),
        Column::mm("Solde", 26.0).right(),
    ])
    .borders(true)
    .zebra(true);
    table.push(Row::new([
        format_date(statement.from),
        "Solde reporté".to_owned(),
        String::new(),
        String::new(),
        pdf_euros(statement.opening),
    ]));
    let amount = |c: Cents| if c == 0 { String::new() } else { pdf_euros(c) };
    for (line, balance) in &statement.lines {
        table.push(Row::new([
            format_date(line.date),
            line.label.clone(),
            amount(line.debit),
            amount(line.credit),
            pdf_euros(*balance),
        ]));
    }
    let (debits, credits) = statement.totals();
    table.push(
        Row::new([
            String::new(),
            "Total de la période".to_owned(),
            pdf_euros(debits),
            pdf_euros(credits),
            pdf_euros(statement.closing()),
        ])
        .bold(),
    );
    table
}

/// The statement of `statement`'s household for its period, as PDF bytes.
pub fn render_statement(
    head: &Letterhead,
    statement: &AccountStatement,
) -> Result<Vec<u8>, ReportError> {
    let mut doc = head.document(format!("Relevé de compte — {}", statement.household));
    doc.begin_section(Section::new(format!(
        "Du {} au {}",
        format_date(statement.from),
        format_date(statement.to)
    )));
    addressee(&mut doc, statement);
    doc.table(&lines_table(statement));
    doc.spacer(4.0);
    doc.paragraph(
        &balance_sentence(statement.closing(), statement.to),
        TextStyle::bold(11.0),
    );
    doc.spacer(4.0);
    doc.paragraph_aligned(
        "Chaque panier est compté au prix du jour de sa livraison. Un panier non préparé \
         pendant une absence signalée n'est pas compté ; un panier reporté l'est une seule \
         fois, la semaine où il est préparé.",
        TextStyle::regular(8.5).grey(),
        Align::Left,
    );
    doc.to_bytes()
}

/// A polite reminder to `statement`'s household, which owes money on the last day of the
/// statement's period: the amount, the recent lines, and an offer to arrange payments.
pub fn render_reminder(
    head: &Letterhead,
    statement: &AccountStatement,
) -> Result<Vec<u8>, ReportError> {
    let owed = -statement.closing();
    let mut doc = head.document("Rappel de règlement".to_owned());
    doc.begin_section(Section::new(format!(
        "Le {}",
        format_date(head.created.date())
    )));
    addressee(&mut doc, statement);
    let body = [
        "Bonjour,".to_owned(),
        format!(
            "Sauf erreur de notre part, votre compte au jardin présente au {} un reste dû de {}. \
             Le détail des derniers mouvements figure ci-dessous.",
            format_date(statement.to),
            format_euros(owed.max(0))
        ),
        "Nous vous remercions de bien vouloir régulariser ce montant lors de votre prochain \
         retrait de panier, ou de nous contacter si vous souhaitez convenir d'un échelonnement : \
         nous trouverons ensemble une solution."
            .to_owned(),
        "Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce courrier.".to_owned(),
    ];
    for paragraph in body {
        doc.paragraph(&paragraph, TextStyle::regular(10.5));
        doc.spacer(2.0);
    }
    doc.spacer(2.0);
    doc.table(&lines_table(statement));
    doc.spacer(8.0);
    doc.paragraph("Avec nos salutations cordiales,", TextStyle::regular(10.5));
    doc.paragraph(
        &format!("L'équipe de {}", head.garden_name),
        TextStyle::regular(10.5),
    );
    doc.to_bytes()
}

/// The receipt of `payment`, paid by `household` with `mode_label`, as PDF bytes.
pub fn render_receipt(
    head: &Letterhead,
    household: &str,
    payment: &Payment,
    mode_label: &str,
) -> Result<Vec<u8>, ReportError> {
    let mut doc = head.document(format!("Reçu n° {}", payment.id));
    doc.begin_section(Section::new(format!(
        "Règlement du {}",
        format_date(payment.received_on)
    )));
    let mut sentence = format!(
        "{} a reçu de {} la somme de {} le {}, par {}",
        head.garden_name,
        household,
        format_euros(payment.amount),
        format_date(payment.received_on),
        mode_label.to_lowercase()
    );
    if payment.is_cheque() {
        let c = &payment.cheque;
        if !c.number.is_empty() {
            sentence.push_str(&format!(" n° {}", c.number));
        }
        if !c.bank.is_empty() {
            sentence.push_str(&format!(" ({})", c.bank));
        }
        if let Some(cash_on) = c.cash_on.filter(|d| *d > payment.received_on) {
            sentence.push_str(&format!(", à encaisser le {}", format_date(cash_on)));
        }
    }
    sentence.push('.');
    doc.paragraph(&sentence, TextStyle::regular(11.0));
    if !payment.label.is_empty() {
        doc.paragraph(
            &format!("Objet : {}", payment.label),
            TextStyle::regular(11.0),
        );
    }
    if let Some(cancelled) = payment.cancelled_on {
        doc.paragraph(
            &format!("RÈGLEMENT ANNULÉ le {}.", format_date(cancelled)),
            TextStyle::bold(11.0),
        );
    }
    doc.spacer(12.0);
    doc.paragraph_aligned("Signature :", TextStyle::regular(10.5), Align::Right);
    doc.to_bytes()
}
