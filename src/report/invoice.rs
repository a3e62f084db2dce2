//! An invoice to a funder of Paniers Solidaires, or the avoir cancelling one: the garden's
//! details (name, address, SIRET), the funder, the number and day, the period, one line per
//! household with its baskets and the funder's share, the total. No tax wording: whether VAT
//! applies depends on each garden's status, which Binette does not know.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{Align, Column, ReportError, Row, Section, Table, TextStyle, pdf_euros};
use crate::domain::calendar::format_date;
use crate::domain::invoices::InvoiceKind;
use crate::domain::wording::counted;
use crate::store::invoices::InvoiceDetail;
use crate::store::settings::GardenIdentity;

/// Everything the invoice prints.
#[derive(Debug, Clone)]
pub struct InvoiceDocument {
    /// The garden: name, address, SIRET.
    pub identity: GardenIdentity,
    /// Logo, if any.
    pub logo_path: Option<PathBuf>,
    /// When the document is made.
    pub created: NaiveDateTime,
    /// The invoice and its lines.
    pub detail: InvoiceDetail,
}

/// The title: "Facture n° 2026-0007" or "Avoir n° 2026-0008".
pub fn title(detail: &InvoiceDetail) -> String {
    format!(
        "{} n° {}",
        detail.invoice.kind.label(),
        detail.invoice.number
    )
}

/// The invoice as PDF bytes.
pub fn render(data: &InvoiceDocument) -> Result<Vec<u8>, ReportError> {
    let i = &data.detail.invoice;
    let head = super::account::Letterhead {
        garden_name: data.identity.name.clone(),
        logo_path: data.logo_path.clone(),
        created: data.created,
    };
    let mut doc = head.document(title(&data.detail));
    let issued = match i.kind {
        InvoiceKind::Invoice => "Émise le",
        InvoiceKind::CreditNote => "Émis le",
    };
    doc.begin_section(Section::new(format!(
        "{issued} {} — période du {} au {}",
        format_date(i.issued_on),
        format_date(i.from),
        format_date(i.to)
    )));
    parties(&mut doc, data);
    let what = match (i.kind, i.cancels) {
        (InvoiceKind::CreditNote, Some(n)) => format!(
            "Cet avoir annule la facture n° {n} : {} ne doit plus le montant ci-dessous.",
            i.funder
        ),
        _ => format!(
            "Part des Paniers Solidaires prise en charge par {}, paniers livrés du {} au {}.",
            i.funder,
            format_date(i.from),
            format_date(i.to)
        ),
    };
    doc.paragraph(&what, TextStyle::regular(10.0));
    doc.spacer(4.0);
    doc.table(&lines_table(&data.detail));
    doc.spacer(6.0);
    let total = match i.kind {
        InvoiceKind::Invoice => format!("Total dû : {}", pdf_euros(i.amount)),
        InvoiceKind::CreditNote => format!("Total de l'avoir : {}", pdf_euros(i.amount)),
    };
    doc.paragraph_aligned(&total, TextStyle::bold(12.0), Align::Right);
    doc.spacer(6.0);
    doc.paragraph_aligned(
        "Valeur : prix du panier au jour de chaque livraison. Part : part du reste à payer \
         prise en charge par ce financeur, répartie au centime près sur la période.",
        TextStyle::regular(8.5).grey(),
        Align::Left,
    );
    doc.to_bytes()
}

/// The garden (left) and the funder (right).
fn parties(doc: &mut super::Document, data: &InvoiceDocument) {
    let id = &data.identity;
    doc.paragraph(&id.name, TextStyle::bold(10.5));
    let town = format!("{} {}", id.postcode.trim(), id.city.trim());
    for line in [id.address.trim(), town.trim()] {
        if !line.is_empty() {
            doc.paragraph(line, TextStyle::regular(10.0));
        }
    }
    if !id.siret.trim().is_empty() {
        doc.paragraph(
            &format!("SIRET {}", id.siret.trim()),
            TextStyle::regular(10.0),
        );
    }
    doc.spacer(4.0);
    doc.paragraph_aligned(
        &format!("À l'attention de : {}", data.detail.invoice.funder),
        TextStyle::bold(10.5),
        Align::Right,
    );
    doc.spacer(4.0);
}

/// One line per household and period of terms, then the total.
fn lines_table(detail: &InvoiceDetail) -> Table {
    let mut table = Table::new(vec![
        Column::fraction("Foyer", 1.0),
        Column::mm("Format", 24.0),
        Column::mm("Paniers", 18.0).right(),
        Column::mm("Valeur", 24.0).right(),
        Column::mm("Payé par le foyer", 28.0).right(),
        Column::mm("Part", 13.0).right(),
        Column::mm("Montant", 24.0).right(),
    ])
    .borders(true)
    .zebra(true);
    let (mut baskets, mut amount) = (0, 0);
    for l in &detail.lines {
        baskets += l.baskets;
        amount += l.funder_owes;
        let i = &detail.invoice;
        table.push(super::funder_statement::household_row(l, i.from, i.to));
    }
    table.push(
        Row::new([
            format!("Total ({})", counted(baskets, "panier", "paniers")),
            String::new(),
            baskets.to_string(),
            String::new(),
            String::new(),
            String::new(),
            pdf_euros(amount),
        ])
        .bold(),
    );
    table
}
