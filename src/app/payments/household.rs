//! A household's account: its ledger up to today with the running balance, payments
//! recorded (one, or a series of cheques, all or none), cancelled (kept, marked), manual
//! charges and credit notes; its documents (a payment's receipt, the yearly statement, a
//! reminder letter), read in one transaction then rendered outside the database lock.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::entry::{EntryDraft, PaymentDraft, SeriesDraft};
use crate::app::reports::Saved;
use crate::app::{Error, Garden, Result};
use crate::domain::money::Cents;
use crate::domain::payments::ledger::LedgerLine;
use crate::domain::payments::{Payment, PaymentMode};
use crate::report::account::{Letterhead, render_receipt, render_reminder, render_statement};
use crate::store::payments::{self as store, ledger::AccountStatement};
use crate::store::{Connection, StoreError};

/// A household's account as its page shows it.
#[derive(Debug, Clone, Default)]
pub struct Account {
    /// The household.
    pub member_id: i64,
    /// The last day counted.
    pub as_of: NaiveDate,
    /// Every line up to `as_of`, in date order, with the balance after it.
    pub lines: Vec<(LedgerLine, Cents)>,
    /// Credits − debits on `as_of`: negative when the household owes.
    pub balance: Cents,
    /// Its payments, cancelled ones included, oldest first (a cancelled one is kept, and
    /// shown marked).
    pub payments: Vec<Payment>,
    /// The payment modes, retired ones included.
    pub modes: Vec<PaymentMode>,
}

impl Account {
    /// What mode `code` is called ("Chèque"), the code itself when unknown.
    pub fn mode_label<'a>(&'a self, code: &'a str) -> &'a str {
        (self.modes.iter().find(|m| m.code == code)).map_or(code, |m| m.label.as_str())
    }

    /// The modes a new payment may use (the active ones).
    pub fn active_modes(&self) -> impl Iterator<Item = &PaymentMode> {
        self.modes.iter().filter(|m| m.active)
    }

    /// Where the balance stands, in the office's words: "Le foyer doit 5,00 € au
    /// 05/12/2026.", "Le foyer a 3,00 € d'avance au 05/12/2026.", "Compte soldé au
    /// 05/12/2026." (the documents sent to the household say it to them).
    pub fn sentence(&self) -> String {
        let day = crate::domain::calendar::format_date(self.as_of);
        let euros = crate::domain::money::format_euros(self.balance.abs());
        match self.balance {
            b if b < 0 => format!("Le foyer doit {euros} au {day}."),
            b if b > 0 => format!("Le foyer a {euros} d'avance au {day}."),
            _ => format!("Compte soldé au {day}."),
        }
    }

    /// True when the household owes money (a reminder letter can be written).
    pub fn owes(&self) -> bool {
        self.balance < 0
    }
}

/// Household `member_id`'s account up to `today`.
pub fn account(garden: &Garden, member_id: i64, today: NaiveDate) -> Result<Account> {
    Ok(garden.with(|conn| read_account(conn, member_id, today))?)
}

fn read_account(
    conn: &Connection,
    member_id: i64,
    today: NaiveDate,
) -> std::result::Result<Account, StoreError> {
    let lines = store::ledger::household_ledger(conn, member_id, today)?;
    let balance = lines.last().map_or(0, |(_, b)| *b);
    Ok(Account {
        member_id,
        as_of: today,
        lines,
        balance,
        payments: store::payments_of(conn, member_id)?,
        modes: store::payment_modes(conn)?,
    })
}

/// The payment modes, in their order (retired ones included, marked).
pub fn payment_modes(garden: &Garden) -> Result<Vec<PaymentMode>> {
    Ok(garden.with(|conn| store::payment_modes(conn))?)
}

/// Records the payment typed for household `member_id`; its id.
pub fn record_payment(garden: &Garden, member_id: i64, draft: &PaymentDraft) -> Result<i64> {
    let payment = draft.to_payment(member_id)?;
    let ids = garden.change(|conn| store::insert_payments(conn, &[payment]))?;
    Ok(ids.first().copied().unwrap_or_default())
}

/// Records the series of cheques typed for household `member_id`, all or none; their ids.
pub fn record_series(garden: &Garden, member_id: i64, draft: &SeriesDraft) -> Result<Vec<i64>> {
    let payments = draft.to_payments(member_id)?;
    Ok(garden.change(|conn| store::insert_payments(conn, &payments))?)
}

/// The field naming why a payment is cancelled.
pub const REASON: &str = "Motif de l'annulation";

/// Cancels payment `id` on `today` for `reason` (required): it stays listed, marked, and
/// no longer counts in the balance.
pub fn cancel_payment(garden: &Garden, id: i64, reason: &str, today: NaiveDate) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::invalid(
            REASON,
            "Dites pourquoi ce règlement est annulé (chèque rejeté, erreur de saisie…).",
        ));
    }
    Ok(garden.change(|conn| store::cancel_payment(conn, id, today, reason))?)
}

/// Records the charge or credit note typed for household `member_id`; its id.
pub fn add_entry(garden: &Garden, member_id: i64, draft: &EntryDraft) -> Result<i64> {
    let entry = draft.to_entry(member_id)?;
    Ok(garden.change(|conn| store::insert_account_entry(conn, &entry))?)
}

/// The letterhead of the garden's documents, made now.
fn letterhead(conn: &Connection) -> std::result::Result<Letterhead, StoreError> {
    let identity = crate::store::settings::garden_identity(conn)?;
    let logo = identity.logo_path.trim();
    Ok(Letterhead {
        logo_path: (!logo.is_empty()).then(|| PathBuf::from(logo)),
        garden_name: identity.name,
        created: chrono::Local::now().naive_local(),
    })
}

/// "NOM Prénom" of household `member_id`.
fn household_name(conn: &Connection, member_id: i64) -> std::result::Result<String, StoreError> {
    let m = crate::store::members::get_member(conn, member_id)?;
    Ok(crate::domain::text::list_name(&m.first_name, &m.last_name))
}

/// Writes `bytes` to `out` (checked not to be the database by the caller).
fn write(out: &Path, bytes: &[u8]) -> Result<Saved> {
    crate::store::output::write_file(out, bytes)?;
    Ok(Saved {
        path: out.to_path_buf(),
        bytes: bytes.len(),
    })
}

/// The file name offered for the receipt of payment `id` of `household`:
/// `recu-12-martin-anne.pdf`.
pub fn receipt_file_name(id: i64, household: &str) -> String {
    format!("recu-{id}-{}.pdf", crate::domain::text::slug(household))
}

/// The receipt of payment `id` as PDF bytes, with the name of its household.
pub fn receipt_pdf(garden: &Garden, id: i64) -> Result<(String, Vec<u8>)> {
    let (head, household, payment, mode) = garden.with(|conn| {
        let payment = store::get_payment(conn, id)?;
        let mode = (store::payment_modes(conn)?.into_iter())
            .find(|m| m.code == payment.mode)
            .map_or_else(|| payment.mode.clone(), |m| m.label);
        let household = household_name(conn, payment.member_id)?;
        Ok((letterhead(conn)?, household, payment, mode))
    })?;
    let bytes = render_receipt(&head, &household, &payment, &mode)?;
    Ok((household, bytes))
}

/// Writes the receipt of payment `id` to `out`.
pub fn write_receipt(garden: &Garden, id: i64, out: &Path) -> Result<Saved> {
    crate::store::output::check_not_database(out, garden.path())?;
    let (_, bytes) = receipt_pdf(garden, id)?;
    write(out, &bytes)
}

/// Reads household `member_id`'s statement from `from` to `to` and the letterhead.
fn statement(
    garden: &Garden,
    member_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(Letterhead, AccountStatement)> {
    Ok(garden.with(|conn| {
        let statement = store::ledger::account_statement(conn, member_id, from, to)?;
        Ok((letterhead(conn)?, statement))
    })?)
}

/// The period of the yearly statement of `year` seen on `today`: 1 January to 31 December,
/// or to `today` for the year under way.
pub fn statement_period(year: i32, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(year, 12, 31)?;
    (from <= today).then_some((from, end.min(today)))
}

/// The file name offered for the statement of `household` for `year`:
/// `releve-compte-martin-anne-2026.pdf`.
pub fn statement_file_name(household: &str, year: i32) -> String {
    format!(
        "releve-compte-{}-{year}.pdf",
        crate::domain::text::slug(household)
    )
}

/// Household `member_id`'s statement of `year` (up to `today` for the year under way) as
/// PDF bytes.
pub fn statement_pdf(
    garden: &Garden,
    member_id: i64,
    year: i32,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    let (from, to) = statement_period(year, today).ok_or_else(|| {
        Error::invalid("Année", format!("L'année {year} n'a pas encore commencé."))
    })?;
    let (head, statement) = statement(garden, member_id, from, to)?;
    Ok(render_statement(&head, &statement)?)
}

/// Writes household `member_id`'s statement of `year` to `out`.
pub fn write_statement(
    garden: &Garden,
    member_id: i64,
    year: i32,
    today: NaiveDate,
    out: &Path,
) -> Result<Saved> {
    crate::store::output::check_not_database(out, garden.path())?;
    let bytes = statement_pdf(garden, member_id, year, today)?;
    write(out, &bytes)
}

/// How far back a reminder letter shows the account's lines.
pub const REMINDER_MONTHS: u32 = 3;

/// The file name offered for the reminder letter of `household` on `today`:
/// `relance-martin-anne-2026-12-05.pdf`.
pub fn reminder_file_name(household: &str, today: NaiveDate) -> String {
    format!(
        "relance-{}-{}.pdf",
        crate::domain::text::slug(household),
        today.format("%Y-%m-%d")
    )
}

/// The reminder letter of household `member_id` on `today` (the lines of the last three
/// months, the balance carried in above them) as PDF bytes; refused when it owes nothing.
pub fn reminder_pdf(garden: &Garden, member_id: i64, today: NaiveDate) -> Result<Vec<u8>> {
    let from = today
        .checked_sub_months(chrono::Months::new(REMINDER_MONTHS))
        .unwrap_or(today)
        .with_day(1)
        .unwrap_or(today);
    let (head, statement) = statement(garden, member_id, from, today)?;
    if statement.closing() >= 0 {
        return Err(Error::Store(StoreError::Invalid(
            "Ce foyer ne doit rien : pas de lettre de relance.".into(),
        )));
    }
    Ok(render_reminder(&head, &statement)?)
}

/// Writes the reminder letter of household `member_id` on `today` to `out`.
pub fn write_reminder(
    garden: &Garden,
    member_id: i64,
    today: NaiveDate,
    out: &Path,
) -> Result<Saved> {
    crate::store::output::check_not_database(out, garden.path())?;
    let bytes = reminder_pdf(garden, member_id, today)?;
    write(out, &bytes)
}
