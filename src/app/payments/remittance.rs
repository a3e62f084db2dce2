//! Cheque remittance (bordereaux de remise de chèques), shared by the Paiements screen and
//! `binette remittance`: the held cheques due by a day, a slip made of them (each cheque
//! marked once with the slip, in one transaction) and written as PDF, a slip reprinted or
//! cancelled (its cheques held again), a cheque cashed without a slip.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::super::{Error, Garden, Result};
use crate::domain::calendar::format_date;
use crate::domain::money::Cents;
use crate::domain::payments::cheques::due_for_remittance;
use crate::report::remittance_slip::{self, SlipDocument};
use crate::store::payments::held_cheques;
use crate::store::payments::remittance::{self as store, Slip, SlipLine};

/// The setting holding the account the cheques are paid into (holder and IBAN).
pub const BANK_ACCOUNT: &str = "bank_account";

/// A held cheque due by the day asked, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueCheque {
    /// The payment.
    pub payment_id: i64,
    /// The day it may be cashed.
    pub cash_on: NaiveDate,
    /// The household ("NOM Prénom").
    pub household: String,
    /// Who signed it when not the member (empty otherwise).
    pub drawer: String,
    /// Its bank.
    pub bank: String,
    /// Its number.
    pub number: String,
    /// Its amount.
    pub amount: Cents,
}

/// The held cheques due by `until`, by day to cash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueCheques {
    /// The last day to cash taken.
    pub until: NaiveDate,
    /// The cheques.
    pub cheques: Vec<DueCheque>,
}

impl DueCheques {
    /// Their count and total.
    pub fn totals(&self) -> (usize, Cents) {
        (
            self.cheques.len(),
            self.cheques.iter().map(|c| c.amount).sum(),
        )
    }
}

/// A slip written as PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipWritten {
    /// The slip's row id.
    pub slip_id: i64,
    /// Its number.
    pub number: i64,
    /// Its count of cheques.
    pub count: usize,
    /// Their total.
    pub total: Cents,
    /// The PDF file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The held cheques (counted, on no slip, not cashed outside) whose day to cash is on or
/// before `until`.
pub fn due_cheques(garden: &Garden, until: NaiveDate) -> Result<DueCheques> {
    let (payments, members) = garden.read(|conn| {
        Ok((
            held_cheques(conn)?,
            crate::store::payments::lines::member_names(conn)?,
        ))
    })?;
    let names = super::household_names(&members);
    let cheques = due_for_remittance(&payments, until)
        .into_iter()
        .map(|p| DueCheque {
            payment_id: p.id,
            cash_on: p.cashable_on(),
            household: names.get(&p.member_id).cloned().unwrap_or_default(),
            drawer: p.cheque.drawer.clone(),
            bank: p.cheque.bank.clone(),
            number: p.cheque.number.clone(),
            amount: p.amount,
        })
        .collect();
    Ok(DueCheques { until, cheques })
}

/// Every slip with its cheques, newest first (cancelled ones included, marked).
pub fn slips(garden: &Garden) -> Result<Vec<Slip>> {
    Ok(garden.with(|conn| store::slips(conn))?)
}

/// Every slip with its count of cheques and their total, newest first (cancelled ones
/// included, marked, counting none): what the list of slips shows, summed by the database.
pub fn slip_lines(garden: &Garden) -> Result<Vec<SlipLine>> {
    Ok(garden.with(|conn| store::slip_lines(conn))?)
}

/// The number the next slip will take.
pub fn next_slip_number(garden: &Garden) -> Result<i64> {
    Ok(garden.with(|conn| store::next_slip_number(conn))?)
}

/// The file name offered for slip `number`: `bordereau-remise-12.pdf`.
pub fn slip_file_name(number: i64) -> String {
    format!("bordereau-remise-{number}.pdf")
}

/// Everything slip `slip_id` prints, made at `created`: the garden's name and logo, the
/// account from Paramètres (empty when not set), the slip and its cheques.
pub fn slip_document(
    garden: &Garden,
    slip_id: i64,
    created: NaiveDateTime,
) -> Result<SlipDocument> {
    let (identity, account, slip) = garden.read(|conn| {
        Ok((
            crate::store::settings::garden_identity(conn)?,
            crate::store::settings::get(conn, BANK_ACCOUNT)?.unwrap_or_default(),
            store::slip(conn, slip_id)?,
        ))
    })?;
    let logo = identity.logo_path.trim();
    Ok(SlipDocument {
        garden_name: identity.name,
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        bank_account: account,
        created,
        slip,
    })
}

/// Where a slip goes when no save dialog gave a file: the usual exports folder.
pub fn usual_path(file_name: &str) -> PathBuf {
    crate::store::sheets::default_exports_dir().join(file_name)
}

/// Refuses, before anything is made, a file that cannot be written: the garden's own
/// database, a folder, a missing folder (the usual exports folder is created).
fn check_out(garden: &Garden, out: &Path) -> Result<()> {
    use crate::store::output;
    output::check_not_database(out, garden.path())?;
    output::check_destination(out)?;
    let usual = crate::store::sheets::default_exports_dir();
    if out.parent() == Some(usual.as_path()) {
        crate::store::file_check::create_private_dir(&usual)?;
    }
    Ok(output::check_folder(out)?)
}

/// Writes slip `slip_id` (again) to `out`, made at `now`: read, rendered outside the
/// database lock, written (never over the garden's own database).
pub fn write_slip(
    garden: &Garden,
    slip_id: i64,
    out: &Path,
    now: NaiveDateTime,
) -> Result<SlipWritten> {
    check_out(garden, out)?;
    let document = slip_document(garden, slip_id, now)?;
    let bytes = remittance_slip::render(&document)?;
    crate::store::output::write_file(out, &bytes)?;
    let (count, total) = document.slip.totals();
    Ok(SlipWritten {
        slip_id,
        number: document.slip.number,
        count,
        total,
        path: out.to_path_buf(),
        bytes: bytes.len(),
    })
}

/// Refuses a slip taking cheques to cash after the day it is made: post-dated cheques wait
/// for their date.
fn check_until(until: NaiveDate, made_on: NaiveDate) -> Result<()> {
    if until > made_on {
        return Err(Error::invalid(
            "jusqu'au",
            format!(
                "Un bordereau ne prend que les chèques à encaisser au plus tard le jour où il est fait ({}) : les chèques postdatés attendent leur date.",
                format_date(made_on)
            ),
        ));
    }
    Ok(())
}

/// Makes the slip of every held cheque due by `until` on `made_on` (each cheque marked
/// with it, in one transaction), then writes it to `out`, made at `now`. `None`, with no
/// slip and no file, when no cheque is due. A day after `made_on` and a file that cannot
/// be written are refused before the slip is made; should writing fail all the same, the
/// error says the slip was made and can be reprinted.
pub fn make_slip(
    garden: &Garden,
    until: NaiveDate,
    made_on: NaiveDate,
    out: &Path,
    now: NaiveDateTime,
) -> Result<Option<SlipWritten>> {
    check_until(until, made_on)?;
    check_out(garden, out)?;
    let Some(slip_id) = garden.change(|conn| store::make_slip(conn, until, made_on))? else {
        return Ok(None);
    };
    write_slip(garden, slip_id, out, now).map(Some).map_err(|e| {
        Error::invalid(
            "fichier",
            format!(
                "Le bordereau a été fait, mais son PDF n'a pas pu être enregistré : {e} Réimprimez-le depuis « Bordereaux »."
            ),
        )
    })
}

/// [`make_slip`] for the screen, made on `today` (the window's clock): no cheque due is
/// refused in French (the list was read before the user clicked; someone may have made the
/// slip meanwhile).
pub fn make_slip_now(
    garden: &Garden,
    until: NaiveDate,
    today: NaiveDate,
    out: &Path,
) -> Result<SlipWritten> {
    let now = chrono::Local::now().naive_local();
    make_slip(garden, until, today, out, now)?.ok_or_else(|| {
        Error::invalid(
            "jusqu'au",
            format!(
                "Aucun chèque à remettre jusqu'au {} : aucun bordereau n'a été fait.",
                format_date(until)
            ),
        )
    })
}

/// [`write_slip`] made now (the reprint of a slip).
pub fn reprint_now(garden: &Garden, slip_id: i64, out: &Path) -> Result<SlipWritten> {
    write_slip(garden, slip_id, out, chrono::Local::now().naive_local())
}

/// Cancels slip `slip_id` on `on`: it keeps its number, marked, and its cheques are held
/// again (the next slip takes them, under a new number).
pub fn cancel_slip(garden: &Garden, slip_id: i64, on: NaiveDate) -> Result<()> {
    Ok(garden.change(|conn| store::cancel_slip(conn, slip_id, on))?)
}

/// Marks cheque `payment_id` as cashed without a slip (`outside`), or holds it again.
pub fn set_cashed_outside(garden: &Garden, payment_id: i64, outside: bool) -> Result<()> {
    Ok(garden.change(|conn| store::set_cashed_outside(conn, payment_id, outside))?)
}
