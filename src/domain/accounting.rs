//! The garden's money as the accountant reads it: a journal of double entries (date,
//! journal, account, label, debit, credit) with the account numbers set in Paramètres.
//!
//! Each movement of the period gives one balanced entry of two lines:
//! - basket sales (the household's share) and charges: debit customers, credit sales;
//!   a household's credit note (avoir) the other way round;
//! - memberships: debit customers, credit membership;
//! - money received from a household: debit cheques to cash (a cheque) or bank (any other
//!   mode), credit customers;
//! - a remittance slip: debit bank, credit cheques to cash;
//! - an invoice to a funder: debit funders, credit sales; its avoir the other way round;
//!   the funder's payment: debit bank, credit funders.
//!
//! A payment cancelled after it was recorded keeps its entry on its day and gets a reversing
//! entry on the day it was cancelled: that period's journal does not change once handed to
//! the accountant. (A cancelled remittance slip is left out: its cheques go on the next one.)
//!
//! Sales go to the sales journal (`journal_sales`, "VT" by default), money to the bank
//! journal (`journal_bank`, "BQ").

use chrono::NaiveDate;

use super::money::Cents;

/// The account numbers and journal codes, as set in Paramètres.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accounts {
    /// Basket sales and charges (706 "Prestations de services").
    pub sales: String,
    /// Memberships (756 "Cotisations").
    pub membership: String,
    /// Households (411 "Clients").
    pub customers: String,
    /// Funders invoiced (4111, a sub-account of 411 kept apart for them).
    pub funders: String,
    /// The bank (512 "Banques").
    pub bank: String,
    /// Cheques received, not yet at the bank (5112 "Chèques à encaisser").
    pub cheques: String,
    /// Journal code of sales ("VT").
    pub journal_sales: String,
    /// Journal code of the bank ("BQ").
    pub journal_bank: String,
}

impl Default for Accounts {
    fn default() -> Self {
        Accounts {
            sales: "706".to_owned(),
            membership: "756".to_owned(),
            customers: "411".to_owned(),
            funders: "4111".to_owned(),
            bank: "512".to_owned(),
            cheques: "5112".to_owned(),
            journal_sales: "VT".to_owned(),
            journal_bank: "BQ".to_owned(),
        }
    }
}

/// The setting keys of [`Accounts`], in the order of its fields.
pub const ACCOUNT_KEYS: [&str; 8] = [
    "account_sales",
    "account_membership",
    "account_customers",
    "account_funders",
    "account_bank",
    "account_cheques",
    "journal_sales",
    "journal_bank",
];

impl Accounts {
    /// The values in the order of [`ACCOUNT_KEYS`].
    pub fn values(&self) -> [&str; 8] {
        [
            &self.sales,
            &self.membership,
            &self.customers,
            &self.funders,
            &self.bank,
            &self.cheques,
            &self.journal_sales,
            &self.journal_bank,
        ]
    }

    /// Sets the value of setting `key` (unknown keys are ignored).
    pub fn set(&mut self, key: &str, value: String) {
        let field = match key {
            "account_sales" => &mut self.sales,
            "account_membership" => &mut self.membership,
            "account_customers" => &mut self.customers,
            "account_funders" => &mut self.funders,
            "account_bank" => &mut self.bank,
            "account_cheques" => &mut self.cheques,
            "journal_sales" => &mut self.journal_sales,
            "journal_bank" => &mut self.journal_bank,
            _ => return,
        };
        *field = value;
    }

    /// Checks the values: an account number is digits (optionally letters after them, as
    /// some software wants "411CAF"), a journal code 1 to 4 letters or digits. The refusal
    /// names the setting key and says why.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        for (key, value) in ACCOUNT_KEYS.iter().zip(self.values()) {
            let value = value.trim();
            if key.starts_with("journal") {
                if value.is_empty()
                    || value.chars().count() > 4
                    || !value.chars().all(|c| c.is_ascii_alphanumeric())
                {
                    return Err((
                        key,
                        "Un code journal : 1 à 4 lettres ou chiffres.".to_owned(),
                    ));
                }
            } else if !value.starts_with(|c: char| c.is_ascii_digit())
                || !value.chars().all(|c| c.is_ascii_alphanumeric())
            {
                return Err((
                    key,
                    "Un numéro de compte commence par des chiffres (ex. 706).".to_owned(),
                ));
            }
        }
        Ok(())
    }
}

/// A movement of money or of debt in the period, before it becomes an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Movement {
    /// Baskets or a charge owed by a household.
    Sale,
    /// A credit note (avoir) to a household.
    CreditNote,
    /// A membership owed by a household.
    Membership,
    /// Money received from a household: a cheque (true) or another mode.
    Received {
        /// Paid by cheque.
        cheque: bool,
    },
    /// Cheques taken to the bank with a slip.
    Remitted,
    /// An invoice to a funder.
    FunderInvoice,
    /// The avoir cancelling an invoice to a funder.
    FunderCreditNote,
    /// A funder paid an invoice.
    FunderPaid,
}

/// One fact of the period: its movement, day, piece (invoice or slip number), label and
/// amount in cents (more than zero).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What happened.
    pub movement: Movement,
    /// Its day.
    pub date: NaiveDate,
    /// The document's number, when there is one ("2026-0007", "Bordereau 12").
    pub piece: String,
    /// What the accountant reads.
    pub label: String,
    /// Amount, in cents.
    pub amount: Cents,
    /// True for the reversal of an earlier fact (a payment cancelled later): the
    /// same accounts, debit and credit swapped, so that a journal already handed to the
    /// accountant never changes.
    pub reversal: bool,
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalLine {
    /// Day of the entry.
    pub date: NaiveDate,
    /// Journal code.
    pub journal: String,
    /// Account number.
    pub account: String,
    /// Document number, if any.
    pub piece: String,
    /// Label.
    pub label: String,
    /// Debit, in cents (0 on a credit line).
    pub debit: Cents,
    /// Credit, in cents (0 on a debit line).
    pub credit: Cents,
}

/// The two lines of `fact`'s entry: the debit then the credit, same amount.
pub fn entry(accounts: &Accounts, fact: &Fact) -> [JournalLine; 2] {
    let a = accounts;
    let (journal, debit, credit) = match fact.movement {
        Movement::Sale => (&a.journal_sales, &a.customers, &a.sales),
        Movement::CreditNote => (&a.journal_sales, &a.sales, &a.customers),
        Movement::Membership => (&a.journal_sales, &a.customers, &a.membership),
        Movement::Received { cheque: true } => (&a.journal_bank, &a.cheques, &a.customers),
        Movement::Received { cheque: false } => (&a.journal_bank, &a.bank, &a.customers),
        Movement::Remitted => (&a.journal_bank, &a.bank, &a.cheques),
        Movement::FunderInvoice => (&a.journal_sales, &a.funders, &a.sales),
        Movement::FunderCreditNote => (&a.journal_sales, &a.sales, &a.funders),
        Movement::FunderPaid => (&a.journal_bank, &a.bank, &a.funders),
    };
    let line = |account: &String, debit, credit| JournalLine {
        date: fact.date,
        journal: journal.trim().to_owned(),
        account: account.trim().to_owned(),
        piece: fact.piece.clone(),
        label: fact.label.clone(),
        debit,
        credit,
    };
    if fact.reversal {
        [line(credit, fact.amount, 0), line(debit, 0, fact.amount)]
    } else {
        [line(debit, fact.amount, 0), line(credit, 0, fact.amount)]
    }
}

/// The journal of `facts`: their entries by date, then journal (sales first), each entry's
/// two lines kept together. Facts of zero are left out.
pub fn journal(accounts: &Accounts, facts: &[Fact]) -> Vec<JournalLine> {
    let mut entries: Vec<[JournalLine; 2]> = facts
        .iter()
        .filter(|f| f.amount != 0)
        .map(|f| entry(accounts, f))
        .collect();
    let sales_first = |j: &str| j != accounts.journal_sales.trim();
    entries.sort_by(|a, b| {
        (a[0].date, sales_first(&a[0].journal)).cmp(&(b[0].date, sales_first(&b[0].journal)))
    });
    entries.into_iter().flatten().collect()
}

/// Σ debit and Σ credit of `lines`.
pub fn totals(lines: &[JournalLine]) -> (Cents, Cents) {
    lines
        .iter()
        .fold((0, 0), |(d, c), l| (d + l.debit, c + l.credit))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn fact(movement: Movement, day: u32, amount: Cents) -> Fact {
        Fact {
            movement,
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            piece: String::new(),
            label: "x".to_owned(),
            amount,
            reversal: false,
        }
    }

    #[test]
    fn each_movement_debits_and_credits_the_right_accounts() {
        let a = Accounts::default();
        let pairs = |m| {
            let [d, c] = entry(&a, &fact(m, 1, 500));
            (d.journal, d.account, d.debit, c.account, c.credit)
        };
        let s = |x: &str| x.to_owned();
        assert_eq!(
            pairs(Movement::Sale),
            (s("VT"), s("411"), 500, s("706"), 500)
        );
        assert_eq!(
            pairs(Movement::Received { cheque: true }),
            (s("BQ"), s("5112"), 500, s("411"), 500)
        );
        assert_eq!(
            pairs(Movement::Received { cheque: false }),
            (s("BQ"), s("512"), 500, s("411"), 500)
        );
        assert_eq!(
            pairs(Movement::Remitted),
            (s("BQ"), s("512"), 500, s("5112"), 500)
        );
        assert_eq!(
            pairs(Movement::FunderCreditNote),
            (s("VT"), s("706"), 500, s("4111"), 500)
        );
        assert_eq!(
            pairs(Movement::FunderPaid),
            (s("BQ"), s("512"), 500, s("4111"), 500)
        );
        // A cancelled cheque's reversal: debit customers, credit cheques to cash.
        let reversal = Fact {
            reversal: true,
            ..fact(Movement::Received { cheque: true }, 1, 500)
        };
        let [d, c] = entry(&a, &reversal);
        assert_eq!((d.account.as_str(), c.account.as_str()), ("411", "5112"));
    }

    #[test]
    fn journal_is_sorted_by_day_and_balanced() {
        let a = Accounts::default();
        let lines = journal(
            &a,
            &[
                fact(Movement::Remitted, 5, 3000),
                fact(Movement::Sale, 5, 1250),
                fact(Movement::Membership, 2, 2000),
                fact(Movement::Sale, 9, 0),
            ],
        );
        // 3 entries of 2 lines (the zero one left out): 2 March, then 5 March VT, then BQ.
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0].account, "411");
        assert_eq!(lines[2].journal, "VT");
        assert_eq!(lines[4].journal, "BQ");
        // Σ debit = Σ credit = 2 000 + 1 250 + 3 000 = 6 250.
        assert_eq!(totals(&lines), (6250, 6250));
    }

    #[test]
    fn account_numbers_are_checked() {
        let mut a = Accounts::default();
        assert!(a.check().is_ok());
        a.set("account_bank", "51200000".to_owned());
        a.set("account_funders", "411CAF".to_owned());
        assert!(a.check().is_ok());
        a.set("account_sales", "ventes".to_owned());
        assert_eq!(a.check().unwrap_err().0, "account_sales");
        let mut a = Accounts::default();
        a.set("journal_bank", "BANQUE".to_owned());
        assert_eq!(a.check().unwrap_err().0, "journal_bank");
    }
}
