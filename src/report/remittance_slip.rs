//! The cheque remittance slip (bordereau de remise de chèques) the garden hands to its bank:
//! its number and day, the account credited, one row per cheque (drawer, bank, number,
//! amount), their count and total.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{Align, Column, ReportError, Row, Section, Table, TextStyle, pdf_euros};
use crate::domain::calendar::format_date;
use crate::domain::wording::counted;
use crate::store::payments::remittance::Slip;

/// Everything the slip prints.
#[derive(Debug, Clone)]
pub struct SlipDocument {
    /// Garden name for the header.
    pub garden_name: String,
    /// Logo, if any.
    pub logo_path: Option<PathBuf>,
    /// The account the cheques are paid into (holder and IBAN, from Paramètres); empty when
    /// not set, and the slip leaves a line to write it by hand.
    pub bank_account: String,
    /// When the document is made (metadata and footer).
    pub created: NaiveDateTime,
    /// The slip and its cheques.
    pub slip: Slip,
}

/// The slip as PDF bytes.
pub fn render(data: &SlipDocument) -> Result<Vec<u8>, ReportError> {
    let slip = &data.slip;
    let head = super::account::Letterhead {
        garden_name: data.garden_name.clone(),
        logo_path: data.logo_path.clone(),
        created: data.created,
    };
    let mut doc = head.document(format!("Bordereau de remise de chèques n° {}", slip.number));
    doc.begin_section(Section::new(format!(
        "Remise du {} — chèques à encaisser jusqu'au {}",
        format_date(slip.made_on),
        format_date(slip.until)
    )));
    if let Some(cancelled) = slip.cancelled_on {
        doc.paragraph(
            &format!(
                "BORDEREAU ANNULÉ le {} : ses chèques ont été repris sur un bordereau suivant.",
                format_date(cancelled)
            ),
            TextStyle::bold(11.0),
        );
    }
    let account = if data.bank_account.trim().is_empty() {
        "Compte à créditer : ........................................................".to_owned()
    } else {
        format!("Compte à créditer : {}", data.bank_account.trim())
    };
    doc.paragraph(&account, TextStyle::regular(10.0));
    doc.spacer(4.0);
    let mut table = Table::new(vec![
        Column::mm("N°", 10.0).right(),
        Column::fraction("Tireur", 1.0),
        Column::mm("Banque", 45.0),
        Column::mm("N° de chèque", 30.0),
        Column::mm("Montant", 26.0).right(),
    ])
    .borders(true)
    .zebra(true);
    for (i, cheque) in slip.cheques.iter().enumerate() {
        table.push(Row::new([
            (i + 1).to_string(),
            cheque.drawer.clone(),
            cheque.bank.clone(),
            cheque.number.clone(),
            pdf_euros(cheque.amount),
        ]));
    }
    let (count, total) = slip.totals();
    table.push(
        Row::new([
            String::new(),
            format!("Total : {}", counted(count, "chèque", "chèques")),
            String::new(),
            String::new(),
            pdf_euros(total),
        ])
        .bold(),
    );
    doc.table(&table);
    doc.spacer(10.0);
    doc.paragraph_aligned(
        "Date et signature du déposant :",
        TextStyle::regular(10.0),
        Align::Left,
    );
    doc.to_bytes()
}
