//! A household's account as a ledger: debits (baskets prepared, at the price of their day —
//! for a Paniers Solidaires household only its share —, the membership, manual charges) and
//! credits (payments, credit notes, the membership as paid), with the running balance.
//! Balance = credits − debits: negative when the household owes.

use chrono::NaiveDate;

use super::{AccountEntry, EntryKind, Payment};
use crate::domain::baskets::{BasketPrice, Membership, Solidarity, price_on};
use crate::domain::distribution::PlanLine;
use crate::domain::money::Cents;
use crate::domain::solidarity::terms_on;
use crate::domain::wording::counted;

/// What a ledger line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LineKind {
    /// Baskets prepared on a delivery day.
    Baskets,
    /// The yearly membership (a debit, and its payment a credit).
    Membership,
    /// A manual charge.
    Charge,
    /// A credit note.
    CreditNote,
    /// A payment.
    Payment,
}

/// One line of a household's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    /// Its day.
    pub date: NaiveDate,
    /// What it records.
    pub kind: LineKind,
    /// What the household reads.
    pub label: String,
    /// Owed, in cents.
    pub debit: Cents,
    /// Paid or credited, in cents.
    pub credit: Cents,
}

/// The line of baskets prepared for `line` on delivery `day`, or `None` when none was
/// prepared. Charged: the usual quantity unless the household was away with the basket not
/// prepared or made up later (`Skipped`, `MadeUp`), a donated basket included (it was
/// prepared), plus the baskets made up this week — so a made-up basket is charged once, on
/// the week it is made up. Each basket at the price of `day`; under Paniers Solidaires terms
/// in force that day, the household's share only. A day without a price is charged 0 and
/// says so, rather than inventing one.
pub fn basket_line(
    line: &PlanLine,
    day: NaiveDate,
    size_name: &str,
    prices: &[BasketPrice],
    terms: &[Solidarity],
) -> Option<LedgerLine> {
    let baskets = line.baskets_to_prepare();
    if baskets <= 0 {
        return None;
    }
    let what = if baskets == 1 {
        format!("Panier {size_name}")
    } else {
        format!("{} {size_name}", counted(baskets, "panier", "paniers"))
    };
    let Some(each) = household_price(day, prices, terms) else {
        return Some(LedgerLine {
            date: day,
            kind: LineKind::Baskets,
            label: format!("{what} (aucun prix à cette date)"),
            debit: 0,
            credit: 0,
        });
    };
    Some(LedgerLine {
        date: day,
        kind: LineKind::Baskets,
        label: what,
        debit: each * baskets,
        credit: 0,
    })
}

/// What [`basket_line`] charges, without its wording (a balance over years of baskets needs
/// the amounts only): `None` when no basket was prepared.
pub fn basket_debit(
    line: &PlanLine,
    day: NaiveDate,
    prices: &[BasketPrice],
    terms: &[Solidarity],
) -> Option<Cents> {
    let baskets = line.baskets_to_prepare();
    (baskets > 0).then(|| household_price(day, prices, terms).unwrap_or(0) * baskets)
}

/// What the household pays for one basket on `day`: the price of that day, under Paniers
/// Solidaires terms in force its share only; `None` when the day has no price.
fn household_price(day: NaiveDate, prices: &[BasketPrice], terms: &[Solidarity]) -> Option<Cents> {
    let price = price_on(prices, day)?;
    Some(terms_on(terms, day).map_or(price, |t| t.household_pays(price)))
}

/// The membership's two lines: the fee owed, and its payment (a membership is recorded
/// when paid), both on the day it was paid. A free membership (0 €) gives none.
pub fn membership_lines(membership: &Membership) -> Vec<LedgerLine> {
    if membership.amount <= 0 {
        return Vec::new();
    }
    let line = |label: String, debit, credit| LedgerLine {
        date: membership.paid_on,
        kind: LineKind::Membership,
        label,
        debit,
        credit,
    };
    vec![
        line(
            format!("Adhésion {}", membership.year),
            membership.amount,
            0,
        ),
        line(
            format!(
                "Règlement de l'adhésion {} ({})",
                membership.year,
                membership.method.label().to_lowercase()
            ),
            0,
            membership.amount,
        ),
    ]
}

/// The line of a manual charge or credit note.
pub fn entry_line(entry: &AccountEntry) -> LedgerLine {
    let (kind, debit, credit) = match entry.kind {
        EntryKind::Charge => (LineKind::Charge, entry.amount, 0),
        EntryKind::CreditNote => (LineKind::CreditNote, 0, entry.amount),
    };
    LedgerLine {
        date: entry.entry_on,
        kind,
        label: entry.label.clone(),
        debit,
        credit,
    }
}

/// The line of a payment paid by `mode_label`, or `None` when it was cancelled (kept in
/// the payments list, marked, but no longer on the account).
pub fn payment_line(payment: &Payment, mode_label: &str) -> Option<LedgerLine> {
    if !payment.counts() {
        return None;
    }
    let mut label = format!("Règlement ({})", mode_label.to_lowercase());
    if payment.is_cheque() && !payment.cheque.number.is_empty() {
        label = format!("{label} n° {}", payment.cheque.number);
    }
    if !payment.label.is_empty() {
        label = format!("{label} — {}", payment.label);
    }
    Some(LedgerLine {
        date: payment.received_on,
        kind: LineKind::Payment,
        label,
        debit: 0,
        credit: payment.amount,
    })
}

/// The lines in date order (on one day, what is owed before what is paid, in the order
/// given otherwise), each with the balance after it.
pub fn with_balances(mut lines: Vec<LedgerLine>) -> Vec<(LedgerLine, Cents)> {
    lines.sort_by_key(|l| (l.date, l.kind));
    let mut balance = 0;
    lines
        .into_iter()
        .map(|line| {
            balance += line.credit - line.debit;
            (line, balance)
        })
        .collect()
}

/// Credits − debits: negative when the household owes.
pub fn balance(lines: &[LedgerLine]) -> Cents {
    lines.iter().map(|l| l.credit - l.debit).sum()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::baskets::{AbsenceMode, FundingShare, PaymentMethod, ShareKind};
    use crate::domain::payments::Cheque;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn line(quantity: i64, absent: Option<AbsenceMode>, make_up: i64) -> PlanLine {
        PlanLine {
            subscription_id: 1,
            member_id: 1,
            shared_with: None,
            size_id: 1,
            quantity,
            absent,
            make_up,
        }
    }

    /// 15,00 € until 31 January 2026, 16,00 € from 1 February.
    fn prices() -> Vec<BasketPrice> {
        vec![
            BasketPrice {
                id: 1,
                size_id: 1,
                valid_from: date(2025, 1, 1),
                price: 1500,
            },
            BasketPrice {
                id: 2,
                size_id: 1,
                valid_from: date(2026, 2, 1),
                price: 1600,
            },
        ]
    }

    fn terms(start: NaiveDate, end: Option<NaiveDate>, kind: ShareKind, value: i64) -> Solidarity {
        Solidarity {
            id: 1,
            subscription_id: 1,
            start,
            end,
            share_kind: kind,
            share_value: value,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![FundingShare {
                funder_id: 1,
                share_percent: 100,
            }],
        }
    }

    fn debit(l: &PlanLine, day: NaiveDate, terms: &[Solidarity]) -> Option<Cents> {
        basket_line(l, day, "Grand", &prices(), terms).map(|l| l.debit)
    }

    #[test]
    fn a_basket_is_charged_at_the_price_of_its_day() {
        // Price change on 1 February: 28 January at 15,00 €, 4 February at 16,00 €;
        // two baskets on 4 February: 2 × 16,00 = 32,00 €.
        assert_eq!(debit(&line(1, None, 0), date(2026, 1, 28), &[]), Some(1500));
        assert_eq!(debit(&line(1, None, 0), date(2026, 2, 4), &[]), Some(1600));
        let two = basket_line(&line(2, None, 0), date(2026, 2, 4), "Grand", &prices(), &[]);
        let two = two.unwrap();
        assert_eq!((two.debit, two.label.as_str()), (3200, "2 paniers Grand"));
    }

    #[test]
    fn absences_charge_what_was_prepared_and_a_made_up_basket_once() {
        let day = date(2026, 1, 14);
        // Away, basket not prepared: nothing charged.
        assert_eq!(
            debit(&line(1, Some(AbsenceMode::Skipped), 0), day, &[]),
            None
        );
        // Away, basket made up later: nothing this week…
        assert_eq!(
            debit(&line(1, Some(AbsenceMode::MadeUp), 0), day, &[]),
            None
        );
        // …and on return the usual basket plus the made-up one: 2 × 15,00 = 30,00 €.
        assert_eq!(debit(&line(1, None, 1), date(2026, 1, 21), &[]), Some(3000));
        // Away, basket prepared and donated: charged, 15,00 €.
        assert_eq!(
            debit(&line(1, Some(AbsenceMode::Donated), 0), day, &[]),
            Some(1500)
        );
    }

    #[test]
    fn a_solidarity_household_is_charged_its_share_under_the_terms_of_the_day() {
        // Terms: 3,00 € a basket until 31 January, then 20 % from 1 February.
        let periods = [
            terms(
                date(2026, 1, 1),
                Some(date(2026, 1, 31)),
                ShareKind::Amount,
                300,
            ),
            Solidarity {
                id: 2,
                ..terms(date(2026, 2, 1), None, ShareKind::Percent, 20)
            },
        ];
        // 28 January: 3,00 € (not the 15,00 € price).
        assert_eq!(
            debit(&line(1, None, 0), date(2026, 1, 28), &periods),
            Some(300)
        );
        // 4 February: 20 % of 16,00 € = 3,20 €.
        assert_eq!(
            debit(&line(1, None, 0), date(2026, 2, 4), &periods),
            Some(320)
        );
        // Before the terms (31 December 2025): the full price, 15,00 €.
        assert_eq!(
            debit(&line(1, None, 0), date(2025, 12, 31), &periods),
            Some(1500)
        );
    }

    #[test]
    fn a_day_without_a_price_is_charged_nothing_and_says_so() {
        let l = basket_line(&line(1, None, 0), date(2024, 6, 5), "Grand", &prices(), &[]);
        let l = l.unwrap();
        assert_eq!(l.debit, 0);
        assert!(l.label.contains("aucun prix"), "{}", l.label);
    }

    #[test]
    fn the_running_balance_puts_what_is_owed_before_what_is_paid_on_a_day() {
        let membership = Membership {
            id: 1,
            member_id: 1,
            year: 2026,
            amount: 2000,
            paid_on: date(2026, 1, 10),
            method: PaymentMethod::Cheque,
        };
        let payment = Payment {
            id: 1,
            member_id: 1,
            received_on: date(2026, 1, 14),
            amount: 5000,
            mode: "cheque".into(),
            label: String::new(),
            cheque: Cheque {
                number: "1234567".into(),
                ..Cheque::default()
            },
            remittance_id: None,
            cashed_outside: false,
            cancelled_on: None,
            cancel_reason: String::new(),
        };
        let cancelled = Payment {
            cancelled_on: Some(date(2026, 1, 15)),
            ..payment.clone()
        };
        let charge = AccountEntry {
            id: 1,
            member_id: 1,
            entry_on: date(2026, 1, 20),
            kind: EntryKind::Charge,
            label: "Livraison à domicile".into(),
            amount: 250,
        };
        let credit = AccountEntry {
            kind: EntryKind::CreditNote,
            label: "Panier abîmé".into(),
            amount: 1500,
            ..charge.clone()
        };
        let mut lines = membership_lines(&membership);
        lines.push(payment_line(&payment, "Chèque").unwrap());
        assert_eq!(payment_line(&cancelled, "Chèque"), None);
        lines.push(entry_line(&credit));
        lines.push(entry_line(&charge));
        lines.push(
            basket_line(
                &line(1, None, 0),
                date(2026, 1, 14),
                "Grand",
                &prices(),
                &[],
            )
            .unwrap(),
        );
        // 10/01 adhésion −20,00 → −20,00; its payment +20,00 → 0;
        // 14/01 panier −15,00 → −15,00 (before the payment of the same day); cheque +50,00 → 35,00;
        // 20/01 frais −2,50 → 32,50 (a charge before a credit note); avoir +15,00 → 47,50.
        let balances: Vec<Cents> = with_balances(lines.clone())
            .iter()
            .map(|(_, b)| *b)
            .collect();
        assert_eq!(balances, [-2000, 0, -1500, 3500, 3250, 4750]);
        assert_eq!(balance(&lines), 4750);
        let labels: Vec<String> = with_balances(lines)
            .into_iter()
            .map(|(l, _)| l.label)
            .collect();
        assert_eq!(labels[1], "Règlement de l'adhésion 2026 (chèque)");
        assert_eq!(labels[3], "Règlement (chèque) n° 1234567");
    }
}
