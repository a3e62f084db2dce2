//! Cheques: the dates of a series handed over at signing ("10 chèques de 52 €, le 5 de
//! chaque mois à partir de janvier"), and which held cheques a remittance slip takes.

use chrono::{Datelike, Months, NaiveDate};

use super::Payment;
use crate::domain::money::Cents;

/// The days to cash `count` monthly cheques: day `day_of_month` of each month from the
/// month of `first` (its day ignored), the day kept within short months (the 31st is the
/// 30th of April and the 28th or 29th of February). `None` when `day_of_month` is not 1–31.
pub fn monthly_dates(first: NaiveDate, day_of_month: u32, count: u32) -> Option<Vec<NaiveDate>> {
    if !(1..=31).contains(&day_of_month) {
        return None;
    }
    let month_start = first.with_day(1)?;
    (0..count)
        .map(|i| {
            let month = month_start.checked_add_months(Months::new(i))?;
            let last = month.checked_add_months(Months::new(1))?.pred_opt()?.day();
            month.with_day(day_of_month.min(last))
        })
        .collect()
}

/// The cheques a slip made on `until` takes: those still held (counted, neither remitted nor
/// cashed outside) whose day to cash is on or before `until`, by day to cash then drawer's
/// order of entry. A cheque dated later stays held.
pub fn due_for_remittance(payments: &[Payment], until: NaiveDate) -> Vec<&Payment> {
    let mut due: Vec<&Payment> = payments
        .iter()
        .filter(|p| p.is_held_cheque() && p.cashable_on() <= until)
        .collect();
    due.sort_by_key(|p| (p.cashable_on(), p.id));
    due
}

/// The count and total of `cheques`, as a slip shows them.
pub fn slip_totals(cheques: &[&Payment]) -> (usize, Cents) {
    (cheques.len(), cheques.iter().map(|p| p.amount).sum())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::payments::Cheque;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ten_cheques_on_the_5th_from_january() {
        let dates = monthly_dates(date(2027, 1, 20), 5, 10).unwrap();
        assert_eq!(dates.len(), 10);
        assert_eq!(dates[0], date(2027, 1, 5));
        assert_eq!(dates[9], date(2027, 10, 5));
    }

    #[test]
    fn the_31st_stays_within_short_months() {
        // 31 Jan, then 28 Feb (2027 is not a leap year), 31 Mar, 30 Apr; 29 Feb in 2028.
        let dates = monthly_dates(date(2027, 1, 1), 31, 4).unwrap();
        assert_eq!(
            dates,
            [
                date(2027, 1, 31),
                date(2027, 2, 28),
                date(2027, 3, 31),
                date(2027, 4, 30)
            ]
        );
        assert_eq!(
            monthly_dates(date(2028, 2, 1), 30, 1).unwrap(),
            [date(2028, 2, 29)]
        );
        assert_eq!(monthly_dates(date(2028, 2, 1), 0, 1), None);
        assert_eq!(monthly_dates(date(2028, 2, 1), 32, 1), None);
    }

    fn cheque(id: i64, amount: Cents, cash_on: NaiveDate) -> Payment {
        Payment {
            id,
            member_id: 1,
            received_on: date(2026, 9, 1),
            amount,
            mode: "cheque".into(),
            label: String::new(),
            cheque: Cheque {
                cash_on: Some(cash_on),
                ..Cheque::default()
            },
            remittance_id: None,
            cashed_outside: false,
            cancelled_on: None,
            cancel_reason: String::new(),
        }
    }

    #[test]
    fn a_slip_takes_the_held_cheques_due_by_its_day() {
        let payments = vec![
            cheque(1, 5200, date(2026, 10, 5)),
            cheque(2, 5200, date(2026, 9, 5)),
            // Post-dated beyond the slip: stays held.
            cheque(3, 5200, date(2026, 11, 5)),
            // Already remitted, cancelled, cashed outside, or not a cheque: never taken.
            Payment {
                remittance_id: Some(1),
                ..cheque(4, 100, date(2026, 9, 1))
            },
            Payment {
                cancelled_on: Some(date(2026, 9, 2)),
                ..cheque(5, 100, date(2026, 9, 1))
            },
            Payment {
                cashed_outside: true,
                ..cheque(6, 100, date(2026, 9, 1))
            },
            Payment {
                mode: "virement".into(),
                ..cheque(7, 100, date(2026, 9, 1))
            },
        ];
        let due = due_for_remittance(&payments, date(2026, 10, 5));
        let ids: Vec<i64> = due.iter().map(|p| p.id).collect();
        // By day to cash: 5 September (id 2), then 5 October (id 1).
        assert_eq!(ids, [2, 1]);
        // 2 cheques, 52,00 + 52,00 = 104,00 €.
        assert_eq!(slip_totals(&due), (2, 10400));
    }
}
