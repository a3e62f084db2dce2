//! The accounting settings (Paramètres › Comptabilité): the bank account printed on cheque
//! slips, the debt shown on Accueil, the account numbers and journal codes of the export
//! for the accountant. Kept as key / value rows of `setting`; a key never set reads as its
//! default.

use rusqlite::Connection;

use super::Result;
use super::settings::{get, set};
use crate::domain::accounting::{ACCOUNT_KEYS, Accounts};
use crate::domain::money::Cents;

/// Key of the bank account (holder and IBAN, free text) printed on remittance slips.
pub const BANK_ACCOUNT: &str = "bank_account";
/// Key of the debt above which Accueil lists a household, in cents.
pub const DEBT_ALERT_CENTS: &str = "debt_alert_cents";
/// The debt alert when never set: 50 €.
pub const DEFAULT_DEBT_ALERT: Cents = 5000;

/// Everything the Comptabilité settings hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountingSettings {
    /// Holder and IBAN, free text.
    pub bank_account: String,
    /// Accueil lists the households owing more than this, in cents.
    pub debt_alert: Cents,
    /// Account numbers and journal codes.
    pub accounts: Accounts,
    /// First day of the households' accounts (`settings::keys::ACCOUNTS_START`): baskets
    /// before it are not charged. `None`: since each subscription's start.
    pub accounts_start: Option<chrono::NaiveDate>,
}

/// The account numbers and journal codes (defaults for those never set).
pub fn accounts(conn: &Connection) -> Result<Accounts> {
    let mut accounts = Accounts::default();
    for key in ACCOUNT_KEYS {
        if let Some(value) = get(conn, key)?.filter(|v| !v.trim().is_empty()) {
            accounts.set(key, value);
        }
    }
    Ok(accounts)
}

/// The debt alert threshold, in cents (50 € when never set or unreadable).
pub fn debt_alert(conn: &Connection) -> Result<Cents> {
    Ok(get(conn, DEBT_ALERT_CENTS)?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_DEBT_ALERT))
}

/// The accounting settings.
pub fn load(conn: &Connection) -> Result<AccountingSettings> {
    Ok(AccountingSettings {
        bank_account: get(conn, BANK_ACCOUNT)?.unwrap_or_default(),
        debt_alert: debt_alert(conn)?,
        accounts: accounts(conn)?,
        accounts_start: super::payments::ledger::accounts_start(conn)?,
    })
}

/// Saves the accounting settings (values trimmed).
pub fn save(conn: &Connection, settings: &AccountingSettings) -> Result<()> {
    set(conn, BANK_ACCOUNT, settings.bank_account.trim())?;
    set(conn, DEBT_ALERT_CENTS, &settings.debt_alert.to_string())?;
    let start = settings
        .accounts_start
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    set(conn, super::settings::keys::ACCOUNTS_START, &start)?;
    for (key, value) in ACCOUNT_KEYS.iter().zip(settings.accounts.values()) {
        set(conn, key, value.trim())?;
    }
    Ok(())
}
