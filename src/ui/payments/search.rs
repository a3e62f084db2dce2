//! The payments' search box: what a row is matched on, and the rows it keeps.

use std::collections::HashMap;

use crate::app::payments::exports::PaymentRow;
use crate::domain::calendar::format_date;
use crate::domain::money::format_euros;
use crate::domain::text::{Query, SearchKeys, fold};
use crate::ui::rows::Scrolled;

/// Whether payment `row` matches the search `query` (already folded): household, mode,
/// amount ("52,00"), day received ("05/01/2027"), cheque number or bank, label.
pub fn matches(row: &PaymentRow, query: &str) -> bool {
    let query = Query::new(query);
    query.is_empty() || query.found_in(&fold(&search_text(row)))
}

/// What the search looks into, not folded yet.
fn search_text(row: &PaymentRow) -> String {
    let p = &row.payment;
    format!(
        "{} {} {} {} {} {} {}",
        row.household,
        row.mode,
        format_euros(p.amount),
        format_date(p.received_on),
        p.cheque.number,
        p.cheque.bank,
        p.label
    )
}

/// The search keys of `rows`, folded once (in the task that read them, off the window's
/// thread): each row's [`search_text`] folded, the parts that repeat (households, modes,
/// amounts, banks, labels: "€" and accents take the slow way through [`fold`]) folded once
/// each. Folding goes letter by letter, so the parts folded then joined by spaces are the
/// whole text folded.
pub fn keys(rows: &[PaymentRow]) -> SearchKeys {
    let mut memo: HashMap<String, String> = HashMap::new();
    let mut once = |text: &str, key: &mut String| {
        if !memo.contains_key(text) {
            memo.insert(text.to_owned(), fold(text));
        }
        key.push_str(memo.get(text).map_or("", String::as_str));
    };
    let keys = rows.iter().map(|row| {
        let p = &row.payment;
        let mut key = String::with_capacity(96);
        once(&row.household, &mut key);
        key.push(' ');
        once(&row.mode, &mut key);
        key.push(' ');
        once(&format_euros(p.amount), &mut key);
        key.push(' ');
        key.push_str(&fold(&format_date(p.received_on)));
        key.push(' ');
        key.push_str(&fold(&p.cheque.number));
        key.push(' ');
        once(&p.cheque.bank, &mut key);
        key.push(' ');
        once(&p.label, &mut key);
        key
    });
    SearchKeys::from_folded(keys.collect())
}

/// The search as typed, the rows it keeps and where their list is scrolled.
#[derive(Debug, Default)]
pub struct Search {
    /// What was typed.
    pub text: String,
    /// Each payment's search text, folded once when the payments were read.
    keys: SearchKeys,
    /// Positions of the payments kept, oldest first.
    pub shown: Vec<usize>,
    /// Where the list is scrolled.
    pub scrolled: Scrolled,
}

impl Search {
    /// The payments were read (again), with their `keys` (see [`keys`]).
    pub fn loaded(&mut self, keys: SearchKeys) {
        self.keys = keys;
        self.refilter();
    }

    /// `text` typed in the box.
    pub fn typed(&mut self, text: String) {
        self.text = text;
        self.refilter();
    }

    fn refilter(&mut self) {
        let query = Query::new(&self.text);
        self.shown = (0..self.keys.len())
            .filter(|&i| self.keys.matches(i, &query))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payments::{Cheque, Payment};

    fn row(household: &str, mode: &str, amount: i64, bank: &str, label: &str) -> PaymentRow {
        PaymentRow {
            payment: Payment {
                id: 1,
                member_id: 1,
                received_on: chrono::NaiveDate::from_ymd_opt(2025, 2, 5).unwrap_or_default(),
                amount,
                mode: "cheque".into(),
                label: label.into(),
                cheque: Cheque {
                    bank: bank.into(),
                    number: "0000101".into(),
                    drawer: String::new(),
                    cash_on: None,
                },
                remittance_id: None,
                cashed_outside: false,
                cancelled_on: None,
                cancel_reason: String::new(),
            },
            household: household.into(),
            mode: mode.into(),
            slip_number: None,
        }
    }

    #[test]
    fn the_keys_are_the_whole_texts_folded() {
        // Accents, a ligature, the no-break space and "€" of the amounts, empty parts, a
        // household and a bank seen twice (folded once).
        let rows = [
            row(
                "ÉLOI Œdipe",
                "Chèque",
                5200,
                "Crédit Agricole",
                "Paniers de février",
            ),
            row("ÉLOI Œdipe", "Virement", 123_456, "", ""),
            row(
                "MARTIN Anne",
                "Chèque",
                5200,
                "Crédit Agricole",
                "Chèque 1 sur 3",
            ),
        ];
        let whole = SearchKeys::new(rows.iter().map(search_text));
        assert_eq!(keys(&rows), whole);
        // The first one, spelt out: 52,00 € and 05/02/2025, then no accent nor capital.
        let expected =
            "eloi oedipe cheque 52,00 € 05/02/2025 0000101 credit agricole paniers de fevrier";
        assert_eq!(
            SearchKeys::from_folded(vec![expected.into()]),
            SearchKeys::new([search_text(&rows[0])])
        );
    }
}
