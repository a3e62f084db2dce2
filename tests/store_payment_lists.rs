//! What the Paiements screen reads on a hand-made garden: each slip's count of cheques and
//! total summed by the database (equal to its cheques read one by one), the payments of one
//! year with their slip's number (the year's edges, cancelled payments, days to cash), and
//! the years that have payments.
#![allow(clippy::unwrap_used)]

use binette::store::payments::lines::{member_names, payment_years, payments_in};
use binette::store::payments::remittance::{next_slip_number, slip, slip_lines};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Anne (1) and Bruno (2). Payments, by id:
/// 1. Anne, 31/12/2024, cheque 52,00 € (La Poste 11, to cash 05/01/2025), on slip n° 1;
/// 2. Bruno, 01/01/2025, cheque 30,00 € (CIC 22, no day to cash), on slip n° 1;
/// 3. Bruno, 01/01/2025, transfer 45,00 €;
/// 4. Anne, 31/12/2025, cash 10,00 €, cancelled on 02/01/2026 ("Erreur");
/// 5. Anne, 01/01/2026, cheque 20,00 € (CIC 33, to cash 01/02/2026), on slip n° 3;
/// 6. Bruno, 01/01/2025, transfer 15,00 € (written after 4 and 5, received with 2 and 3).
///
/// Slips: n° 1 (made 10/01/2025), n° 2 (made 01/02/2025, cancelled 03/02/2025: its
/// cheques were given back, it has none), n° 3 (made 01/02/2026).
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
         INSERT INTO remittance (id, number, made_on, until, cancelled_on) VALUES
             (10, 1, '2025-01-10', '2025-01-10', NULL),
             (11, 2, '2025-02-01', '2025-02-01', '2025-02-03'),
             (12, 3, '2026-02-01', '2026-02-01', NULL);
         INSERT INTO payment (id, member_id, received_on, amount_cents, mode, cheque_bank,
                              cheque_number, cash_on, remittance_id, cancelled_on,
                              cancel_reason) VALUES
             (1, 1, '2024-12-31', 5200, 'cheque', 'La Poste', '11', '2025-01-05', 10, NULL, ''),
             (2, 2, '2025-01-01', 3000, 'cheque', 'CIC', '22', NULL, 10, NULL, ''),
             (3, 2, '2025-01-01', 4500, 'virement', '', '', NULL, NULL, NULL, ''),
             (4, 1, '2025-12-31', 1000, 'especes', '', '', NULL, NULL, '2026-01-02', 'Erreur'),
             (5, 1, '2026-01-01', 2000, 'cheque', 'CIC', '33', '2026-02-01', 12, NULL, ''),
             (6, 2, '2025-01-01', 1500, 'virement', '', '', NULL, NULL, NULL, '');",
    )
    .unwrap();
    conn
}

#[test]
fn each_slip_comes_with_its_count_and_total_newest_first() {
    let conn = garden();
    let lines = slip_lines(&conn).unwrap();
    let summary: Vec<_> = lines
        .iter()
        .map(|s| (s.number, s.count, s.total, s.cancelled_on))
        .collect();
    // N° 3: cheque 5 (20,00 €); n° 2: cancelled, none; n° 1: cheques 1 and 2, 52 + 30 = 82,00 €.
    assert_eq!(
        summary,
        [
            (3, 1, 2000, None),
            (2, 0, 0, Some(d(2025, 2, 3))),
            (1, 2, 8200, None)
        ]
    );
    assert_eq!(
        (lines[2].id, lines[2].made_on, lines[2].until),
        (10, d(2025, 1, 10), d(2025, 1, 10))
    );
    // The same figures as the slips read with their cheques (what the PDF prints).
    for line in &lines {
        assert_eq!(
            slip(&conn, line.id).unwrap().totals(),
            (line.count, line.total)
        );
    }
    // The next slip is n° 4: the cancelled n° 2 keeps its number.
    assert_eq!(next_slip_number(&conn).unwrap(), 4);
    assert_eq!(next_slip_number(&open_in_memory().unwrap()).unwrap(), 1);
}

#[test]
fn the_payments_of_a_year_from_1_january_to_31_december_with_their_slips() {
    let conn = garden();
    let ids = |year| -> Vec<(i64, Option<i64>)> {
        (payments_in(&conn, year).unwrap().iter())
            .map(|(p, slip)| (p.id, *slip))
            .collect()
    };
    // 2024: only 31/12 (cheque 1, slip n° 1).
    assert_eq!(ids(Some(2024)), [(1, Some(1))]);
    // 2025: 01/01 (2 on slip n° 1, then 3 and 6 by id), then 31/12 (4, cancelled: listed).
    assert_eq!(
        ids(Some(2025)),
        [(2, Some(1)), (3, None), (6, None), (4, None)]
    );
    // 2026: 01/01 (5, slip n° 3). 2023: nothing.
    assert_eq!(ids(Some(2026)), [(5, Some(3))]);
    assert!(ids(Some(2023)).is_empty());
    // Every year: by day received, then by id.
    let all: Vec<i64> = ids(None).iter().map(|(id, _)| *id).collect();
    assert_eq!(all, [1, 2, 3, 6, 4, 5]);

    // The dates read back as written (days to cash, cancellations), absent ones as none.
    let year = payments_in(&conn, Some(2025)).unwrap();
    let (cheque, cancelled) = (&year[0].0, &year[3].0);
    assert_eq!(
        (cheque.received_on, cheque.cheque.cash_on, cheque.amount),
        (d(2025, 1, 1), None, 3000)
    );
    assert_eq!(
        (cheque.cheque.bank.as_str(), cheque.cheque.number.as_str()),
        ("CIC", "22")
    );
    assert_eq!(
        (cancelled.cancelled_on, cancelled.cancel_reason.as_str()),
        (Some(d(2026, 1, 2)), "Erreur")
    );
    let first = &payments_in(&conn, Some(2024)).unwrap()[0].0;
    assert_eq!(first.cheque.cash_on, Some(d(2025, 1, 5)));
}

#[test]
fn the_years_with_payments_from_the_first_to_the_last() {
    // Payments received from 31/12/2024 to 01/01/2026.
    assert_eq!(payment_years(&garden()).unwrap(), Some((2024, 2026)));
    assert_eq!(payment_years(&open_in_memory().unwrap()).unwrap(), None);
}

#[test]
fn every_household_is_named_for_the_money_lists() {
    let mut names = member_names(&garden()).unwrap();
    names.sort();
    let expected = [
        (1, "Anne".to_owned(), "Martin".to_owned()),
        (2, "Bruno".to_owned(), "Bernard".to_owned()),
    ];
    assert_eq!(names, expected);
}
