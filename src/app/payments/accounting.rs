//! The accounting settings (Paramètres › Comptabilité): bank account, debt alert, account
//! numbers and journal codes.

use crate::app::{Error, Garden, Result};
use crate::domain::accounting::Accounts;
use crate::domain::money::parse_euros;
use crate::store::accounting::{self, AccountingSettings};

/// The settings as the form shows and types them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccountingForm {
    /// Holder and IBAN.
    pub bank_account: String,
    /// The debt alert in euros ("50,00").
    pub debt_alert: String,
    /// Account numbers and journal codes.
    pub accounts: Accounts,
    /// First day of the households' accounts, « jj/mm/aaaa » (empty: since each
    /// subscription's start).
    pub accounts_start: String,
}

impl AccountingForm {
    /// The form showing `settings`.
    pub fn of(settings: &AccountingSettings) -> Self {
        AccountingForm {
            bank_account: settings.bank_account.clone(),
            debt_alert: crate::app::members::drafts::euros_typed(settings.debt_alert),
            accounts: settings.accounts.clone(),
            accounts_start: settings
                .accounts_start
                .map(crate::domain::calendar::format_date)
                .unwrap_or_default(),
        }
    }
}

/// The label of the accounts' first day (also the field a refusal names).
pub const START_LABEL: &str = "Début des comptes";

/// The field label of each setting key, as the form shows it.
pub fn field_of(key: &str) -> &'static str {
    match key {
        "account_sales" => "Ventes de paniers",
        "account_membership" => "Adhésions",
        "account_customers" => "Adhérents (clients)",
        "account_funders" => "Financeurs",
        "account_bank" => "Banque",
        "account_cheques" => "Chèques à encaisser",
        "journal_sales" => "Journal des ventes",
        "journal_bank" => "Journal de banque",
        _ => "Comptes",
    }
}

/// The accounting settings (defaults for those never set).
pub fn load_accounting(garden: &Garden) -> Result<AccountingForm> {
    Ok(AccountingForm::of(
        &garden.with(|conn| accounting::load(conn))?,
    ))
}

/// Checks and saves the form; returns it as saved (trimmed). The debt alert must be an
/// amount of 0 € or more; each account a number, each journal code 1 to 4 characters.
pub fn save_accounting(garden: &Garden, form: &AccountingForm) -> Result<AccountingForm> {
    let debt_alert = parse_euros(&form.debt_alert)
        .filter(|c| *c >= 0)
        .ok_or_else(|| {
            Error::invalid(
                "Seuil d'alerte",
                "Indiquez un montant en euros, par exemple 50 ou 50,00.",
            )
        })?;
    let accounts_start = match form.accounts_start.trim() {
        "" => None,
        typed => Some(crate::domain::calendar::parse_date(typed).ok_or_else(|| {
            Error::invalid(
                START_LABEL,
                "Indiquez une date comme 01/01/2026, ou laissez vide.",
            )
        })?),
    };
    let mut accounts = form.accounts.clone();
    let trimmed: Vec<String> = accounts
        .values()
        .iter()
        .map(|v| v.trim().to_owned())
        .collect();
    for (key, value) in crate::domain::accounting::ACCOUNT_KEYS.iter().zip(trimmed) {
        accounts.set(key, value);
    }
    accounts
        .check()
        .map_err(|(key, message)| Error::invalid(field_of(key), message))?;
    let settings = AccountingSettings {
        bank_account: form.bank_account.trim().to_owned(),
        debt_alert,
        accounts,
        accounts_start,
    };
    garden.change(|conn| accounting::save(conn, &settings))?;
    Ok(AccountingForm::of(&settings))
}
