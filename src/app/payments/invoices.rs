//! Invoices to the funders of Paniers Solidaires: issue one from the funder's statement of
//! a period, mark it sent or paid, cancel it by an avoir, print it again; the funders'
//! balances.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::members::drafts::required_date;
use crate::app::{Error, Garden, Result};
use crate::domain::invoices::{FunderBalance, Transition};
use crate::report::invoice::{InvoiceDocument, render, title};
use crate::store::StoreError;
use crate::store::invoices::{self, Invoice};

/// An invoice or avoir as a PDF, ready to be saved.
#[derive(Debug, Clone)]
pub struct InvoicePdf {
    /// Its id.
    pub id: i64,
    /// "Facture n° 2026-0007".
    pub title: String,
    /// The file name offered: "facture-2026-0007-caf-du-doubs.pdf".
    pub file_name: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// A refusal of the store's rules, worded for `field` of the form.
fn refusal(field: &'static str) -> impl Fn(StoreError) -> Error {
    move |e| match e {
        StoreError::Invalid(message) => Error::invalid(field, message),
        e => Error::Store(e),
    }
}

/// The invoices and avoirs of `funder_id` (every funder's with `None`), by number.
pub fn invoices_of(garden: &Garden, funder_id: Option<i64>) -> Result<Vec<Invoice>> {
    Ok(garden.with(|conn| invoices::invoices(conn, funder_id))?)
}

/// Every funder's balance on `today`: invoiced, paid, not invoiced yet.
pub fn funder_balances(garden: &Garden, today: NaiveDate) -> Result<BTreeMap<i64, FunderBalance>> {
    Ok(garden.with(|conn| invoices::balances::funder_balances(conn, today))?)
}

/// The first day not invoiced yet for `funder_id` ("Du" of the next invoice), if any.
pub fn next_period_start(garden: &Garden, funder_id: i64) -> Result<Option<NaiveDate>> {
    Ok(garden.with(|conn| invoices::balances::first_day_not_invoiced(conn, funder_id))?)
}

/// Issues on `today` the invoice of `funder` for the period typed (`to` empty: up to
/// `today`), from its statement, and draws it. Refused when the period is reversed or
/// reaches past today, when baskets of the period were never ticked at pickup (the
/// invoice would miss them), when there is nothing to invoice, or when an invoice covers
/// part of the period already.
pub fn issue_invoice(
    garden: &Garden,
    funder: Option<i64>,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> Result<InvoicePdf> {
    let (funder, from, to) = crate::app::members::funders::funder_period(funder, from, to, today)?;
    if to > today {
        return Err(Error::invalid(
            "Au",
            "On ne facture que des paniers déjà livrés : la période finit au plus tard aujourd'hui.",
        ));
    }
    let id = garden
        .change(|conn| {
            let statement = crate::store::week::funder_statement(conn, funder, from, to)?;
            if statement.unticked_baskets > 0 {
                let n = statement.unticked_baskets;
                return Err(StoreError::Invalid(format!(
                    "{} de la période pour ce financeur {} : saisissez les émargements \
                     avant de facturer.",
                    crate::domain::wording::counted(n, "panier prévu", "paniers prévus"),
                    crate::domain::wording::agree(n, "n'a pas été émargé", "n'ont pas été émargés")
                )));
            }
            invoices::issue(conn, funder, &statement, today)
        })
        .map_err(refusal("Du"))?;
    invoice_pdf(garden, id)
}

/// Marks invoice `id` sent on the day typed.
pub fn mark_sent(garden: &Garden, id: i64, day: &str) -> Result<()> {
    let day = required_date(day, "Date")?;
    garden
        .change(|conn| invoices::change_status(conn, id, Transition::Send(day)))
        .map_err(refusal("Date"))?;
    Ok(())
}

/// Marks invoice `id` paid on the day typed.
pub fn mark_paid(garden: &Garden, id: i64, day: &str) -> Result<()> {
    let day = required_date(day, "Date")?;
    garden
        .change(|conn| invoices::change_status(conn, id, Transition::Pay(day)))
        .map_err(refusal("Date"))?;
    Ok(())
}

/// Cancels invoice `id` by an avoir issued on the day typed (it takes the next number of
/// the year); returns the avoir's PDF.
pub fn cancel_invoice(garden: &Garden, id: i64, day: &str) -> Result<InvoicePdf> {
    let day = required_date(day, "Date")?;
    let avoir = garden
        .change(|conn| invoices::change_status(conn, id, Transition::Cancel(day)))
        .map_err(refusal("Date"))?
        .ok_or_else(|| Error::invalid("Date", "L'avoir n'a pas été créé."))?;
    invoice_pdf(garden, avoir)
}

/// Invoice or avoir `id` as a PDF (to print it again).
pub fn invoice_pdf(garden: &Garden, id: i64) -> Result<InvoicePdf> {
    let (identity, detail) = garden.with(|conn| {
        let identity = crate::store::settings::garden_identity(conn)?;
        Ok((identity, invoices::invoice_detail(conn, id)?))
    })?;
    let i = &detail.invoice;
    let file_name = format!(
        "{}-{}-{}.pdf",
        i.kind.code(),
        i.number,
        crate::domain::text::slug(&i.funder)
    );
    let doc = InvoiceDocument {
        logo_path: (!identity.logo_path.is_empty()).then(|| identity.logo_path.clone().into()),
        identity,
        created: chrono::Local::now().naive_local(),
        detail,
    };
    let bytes = render(&doc)?;
    Ok(InvoicePdf {
        id,
        title: title(&doc.detail),
        file_name,
        bytes,
    })
}

/// Where invoices are written: `Documents/Binette/Factures` (beside the weekly sheets and
/// the exports).
pub fn invoices_folder() -> PathBuf {
    crate::store::sheets::default_sheets_root()
        .parent()
        .map_or_else(std::env::temp_dir, Path::to_path_buf)
        .join("Factures")
}

/// Writes `pdf` into `folder` (created when missing), under its file name; returns the
/// path written.
pub fn save_pdf(pdf: &InvoicePdf, folder: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(folder).map_err(|source| Error::File {
        path: folder.to_path_buf(),
        action: "écrit",
        source: source.into(),
    })?;
    let path = folder.join(&pdf.file_name);
    crate::store::output::write_file(&path, &pdf.bytes)?;
    Ok(path)
}

/// An invoice or avoir written: its title ("Facture n° 2026-0007") and its file.
pub type Written = (String, PathBuf);

/// What the funders' invoices part shows: every invoice and avoir, every funder's balance.
#[derive(Debug, Clone, Default)]
pub struct InvoicesOverview {
    /// Every invoice and avoir, by number.
    pub invoices: Vec<Invoice>,
    /// Every funder's balance, by funder id.
    pub balances: BTreeMap<i64, FunderBalance>,
}

/// The invoices and the balances on `today`.
pub fn overview(garden: &Garden, today: NaiveDate) -> Result<InvoicesOverview> {
    Ok(InvoicesOverview {
        invoices: invoices_of(garden, None)?,
        balances: funder_balances(garden, today)?,
    })
}

/// Issues the invoice of the period typed (see [`issue_invoice`]) and writes it in `folder`.
pub fn issue_and_save(
    garden: &Garden,
    funder: Option<i64>,
    (from, to): (&str, &str),
    today: NaiveDate,
    folder: &Path,
) -> Result<Written> {
    let pdf = issue_invoice(garden, funder, from, to, today)?;
    Ok((pdf.title.clone(), save_pdf(&pdf, folder)?))
}

/// Cancels invoice `id` by an avoir dated `day` and writes the avoir in `folder`.
pub fn cancel_and_save(garden: &Garden, id: i64, day: &str, folder: &Path) -> Result<Written> {
    let pdf = cancel_invoice(garden, id, day)?;
    Ok((pdf.title.clone(), save_pdf(&pdf, folder)?))
}

/// Writes invoice or avoir `id` again in `folder` (to print it again).
pub fn print_and_save(garden: &Garden, id: i64, folder: &Path) -> Result<Written> {
    let pdf = invoice_pdf(garden, id)?;
    Ok((pdf.title.clone(), save_pdf(&pdf, folder)?))
}
