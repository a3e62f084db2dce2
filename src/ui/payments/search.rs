//! The payments' search box: what a row is matched on, and the rows it keeps.

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
/// thread).
pub fn keys(rows: &[PaymentRow]) -> SearchKeys {
    SearchKeys::new(rows.iter().map(search_text))
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
