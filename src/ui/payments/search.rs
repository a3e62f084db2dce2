//! The payments' search box: what a row is matched on.

use crate::app::payments::exports::PaymentRow;
use crate::domain::calendar::format_date;
use crate::domain::money::format_euros;
use crate::domain::text::fold;

/// Whether payment `row` matches the search `query` (already folded): household, mode,
/// amount ("52,00"), day received ("05/01/2027"), cheque number or bank, label.
pub fn matches(row: &PaymentRow, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let p = &row.payment;
    let haystack = fold(&format!(
        "{} {} {} {} {} {} {}",
        row.household,
        row.mode,
        format_euros(p.amount),
        format_date(p.received_on),
        p.cheque.number,
        p.cheque.bank,
        p.label
    ));
    query.split_whitespace().all(|word| haystack.contains(word))
}
