//! Households' accounts on a hand-made garden: baskets charged as prepared at the price of
//! their day (absences, made-up and donated baskets), a solidarity household's share under
//! the terms of the day, payments, charges and credit notes; remittance slips that take each
//! cheque once and are numbered without gaps.
#![allow(clippy::unwrap_used)]

use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::domain::money::Cents;
use binette::domain::payments::{AccountEntry, Cheque, EntryKind, Payment};
use binette::store::baskets::set_solidarity;
use binette::store::payments::ledger::{balances, household_ledger};
use binette::store::payments::remittance::{cancel_slip, make_slip, slip};
use binette::store::payments::{cancel_payment, insert_account_entry, insert_payments};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const ANNE: i64 = 1;
const BRUNO: i64 = 2;

/// A Wednesday depot; Grand at 15,00 € until 14 October 2026, 16,00 € from 15 October.
/// Anne (1) and Bruno (2) subscribe weekly from Monday 28 September: deliveries on
/// Wednesdays 30/09, 07/10, 14/10, 21/10, 28/10. Anne's 30/09 basket was ticked collected;
/// she is away 5–9 October (basket not prepared), 12–16 October (made up at her next
/// delivery) and 26–30 October (basket donated). Bruno is a Paniers Solidaires household:
/// 3,00 € a basket until 16 October, then 20 %.
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Grand');
         INSERT INTO basket_price (size_id, valid_from, price_cents)
             VALUES (1, '2025-01-01', 1500), (1, '2026-10-15', 1600);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
         INSERT INTO funder (id, name) VALUES (1, 'CAF');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-28', '2026-09-28'),
                    (2, 2, 1, 1, '2026-09-28', '2026-09-28');
         INSERT INTO pickup (monday, subscription_id, baskets, status)
             VALUES ('2026-09-28', 1, 1, 'retire');
         INSERT INTO absence (member_id, start_date, end_date, mode) VALUES
             (1, '2026-10-05', '2026-10-09', 'non_prepare'),
             (1, '2026-10-12', '2026-10-16', 'reporte'),
             (1, '2026-10-26', '2026-10-30', 'donne');
         INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
             VALUES (1, 2026, 2000, '2026-09-28', 'cheque');",
    )
    .unwrap();
    for (start, kind, value) in [
        (d(2026, 9, 28), ShareKind::Amount, 300),
        (d(2026, 10, 17), ShareKind::Percent, 20),
    ] {
        let terms = Solidarity {
            id: 0,
            subscription_id: 2,
            start,
            end: None,
            share_kind: kind,
            share_value: value,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![FundingShare {
                funder_id: 1,
                share_percent: 100,
            }],
        };
        set_solidarity(&conn, &terms).unwrap();
    }
    conn
}

fn payment(member_id: i64, received_on: NaiveDate, amount: Cents, mode: &str) -> Payment {
    Payment {
        id: 0,
        member_id,
        received_on,
        amount,
        mode: mode.into(),
        label: String::new(),
        cheque: Cheque::default(),
        remittance_id: None,
        cashed_outside: false,
        cancelled_on: None,
        cancel_reason: String::new(),
    }
}

fn cheque(member_id: i64, amount: Cents, number: &str, cash_on: NaiveDate) -> Payment {
    Payment {
        cheque: Cheque {
            bank: "Crédit Agricole".into(),
            number: number.into(),
            drawer: String::new(),
            cash_on: Some(cash_on),
        },
        ..payment(member_id, d(2026, 9, 28), amount, "cheque")
    }
}

/// Anne's money: two cheques of 50,00 € handed over on 28/09 (to cash on 5 October and
/// 5 November), a transfer of 10,00 € cancelled, a 2,50 € delivery fee on 21/10 and a
/// 5,00 € credit note on 28/10.
fn anne_pays(conn: &mut Connection) -> Vec<i64> {
    let ids = insert_payments(
        conn,
        &[
            cheque(ANNE, 5000, "0000101", d(2026, 10, 5)),
            cheque(ANNE, 5000, "0000102", d(2026, 11, 5)),
            payment(ANNE, d(2026, 10, 2), 1000, "virement"),
        ],
    )
    .unwrap();
    cancel_payment(conn, ids[2], d(2026, 10, 3), "Virement rejeté").unwrap();
    for (day, kind, label, amount) in [
        (
            d(2026, 10, 21),
            EntryKind::Charge,
            "Livraison à domicile",
            250,
        ),
        (d(2026, 10, 28), EntryKind::CreditNote, "Panier abîmé", 500),
    ] {
        let entry = AccountEntry {
            id: 0,
            member_id: ANNE,
            entry_on: day,
            kind,
            label: label.into(),
            amount,
        };
        insert_account_entry(conn, &entry).unwrap();
    }
    ids
}

fn basket_debits(conn: &Connection, member: i64) -> Vec<(NaiveDate, Cents)> {
    household_ledger(conn, member, d(2026, 10, 31))
        .unwrap()
        .into_iter()
        .filter(|(l, _)| l.kind == binette::domain::payments::ledger::LineKind::Baskets)
        .map(|(l, _)| (l.date, l.debit))
        .collect()
}

#[test]
fn baskets_are_charged_as_prepared_at_the_price_of_their_day() {
    let conn = garden();
    // 30/09 ticked collected: 15,00. 07/10 away, not prepared: no line. 14/10 away, made up
    // later: no line. 21/10 her basket and the made-up one, at the new price: 2 × 16,00 =
    // 32,00. 28/10 away, basket donated: charged 16,00.
    assert_eq!(
        basket_debits(&conn, ANNE),
        [
            (d(2026, 9, 30), 1500),
            (d(2026, 10, 21), 3200),
            (d(2026, 10, 28), 1600)
        ]
    );
}

#[test]
fn a_solidarity_household_is_charged_its_share_under_the_terms_of_each_day() {
    let conn = garden();
    // 3,00 € on 30/09, 07/10 and 14/10; from 17 October 20 % of 16,00 € = 3,20 € on 21/10
    // and 28/10.
    assert_eq!(
        basket_debits(&conn, BRUNO),
        [
            (d(2026, 9, 30), 300),
            (d(2026, 10, 7), 300),
            (d(2026, 10, 14), 300),
            (d(2026, 10, 21), 320),
            (d(2026, 10, 28), 320)
        ]
    );
    // Nothing paid: Bruno owes 3 × 3,00 + 2 × 3,20 = 15,40 €.
    assert_eq!(balances(&conn, d(2026, 10, 31)).unwrap()[&BRUNO], -1540);
}

#[test]
fn the_balance_counts_payments_charges_and_credit_notes_but_not_a_cancelled_payment() {
    let mut conn = garden();
    anne_pays(&mut conn);
    let ledger = household_ledger(&conn, ANNE, d(2026, 10, 31)).unwrap();
    // Credits: membership paid 20,00 + cheques 50,00 + 50,00 + credit note 5,00 = 125,00.
    // Debits: membership 20,00 + baskets 15,00 + 32,00 + 16,00 + fee 2,50 = 85,50.
    // The cancelled transfer is not on the account. Balance 125,00 − 85,50 = 39,50 €.
    assert_eq!(ledger.last().unwrap().1, 3950);
    assert!(!ledger.iter().any(|(l, _)| l.label.contains("virement")));
    let balances = balances(&conn, d(2026, 10, 31)).unwrap();
    assert_eq!(balances[&ANNE], 3950);
    // On 29 September only the membership (owed and paid), the two cheques and the 30/09
    // basket are not yet there: 20,00 + 100,00 − 20,00 = 100,00 €.
    let early = household_ledger(&conn, ANNE, d(2026, 9, 29)).unwrap();
    assert_eq!(early.last().unwrap().1, 10000);
}

#[test]
fn a_slip_takes_each_cheque_once_and_numbers_never_repeat() {
    let mut conn = garden();
    let ids = anne_pays(&mut conn);
    // Slip of 5 October: the cheque to cash on 5 October only (50,00 €).
    let first = make_slip(&mut conn, d(2026, 10, 5), d(2026, 10, 5))
        .unwrap()
        .unwrap();
    let first = slip(&conn, first).unwrap();
    assert_eq!((first.number, first.totals()), (1, (1, 5000)));
    assert_eq!(first.cheques[0].drawer, "MARTIN Anne");
    assert_eq!(first.cheques[0].number, "0000101");
    // A second slip for the same day finds nothing to take, and makes no slip.
    assert_eq!(
        make_slip(&mut conn, d(2026, 10, 5), d(2026, 10, 5)).unwrap(),
        None
    );
    // A remitted cheque cannot be cancelled.
    assert!(cancel_payment(&conn, ids[0], d(2026, 10, 6), "erreur").is_err());
    // Cancelling the slip gives the cheque back; the next slip is number 2, not 1 again.
    cancel_slip(&mut conn, first.id, d(2026, 10, 6)).unwrap();
    let again = make_slip(&mut conn, d(2026, 10, 6), d(2026, 10, 6))
        .unwrap()
        .unwrap();
    let again = slip(&conn, again).unwrap();
    assert_eq!((again.number, again.totals()), (2, (1, 5000)));
    // On 5 November the second cheque goes on slip 3.
    let third = make_slip(&mut conn, d(2026, 11, 5), d(2026, 11, 5))
        .unwrap()
        .unwrap();
    let third = slip(&conn, third).unwrap();
    assert_eq!((third.number, third.totals()), (3, (1, 5000)));
    assert_eq!(third.cheques[0].number, "0000102");
}

#[test]
fn a_series_with_one_bad_cheque_records_none() {
    let mut conn = garden();
    let bad = Payment {
        amount: 0,
        ..cheque(ANNE, 0, "0000103", d(2026, 12, 5))
    };
    let result = insert_payments(
        &mut conn,
        &[cheque(ANNE, 5200, "0000104", d(2026, 11, 5)), bad],
    );
    assert!(result.is_err());
    let count: i64 = conn
        .query_row("SELECT count(*) FROM payment", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0);
}

#[test]
fn the_slip_reads_back_with_each_cheque_its_count_and_total() {
    let mut conn = garden();
    insert_payments(
        &mut conn,
        &[
            Payment {
                cheque: Cheque {
                    drawer: "DUPONT Marcel".into(),
                    ..cheque(BRUNO, 1540, "7700001", d(2026, 10, 1)).cheque
                },
                ..cheque(BRUNO, 1540, "7700001", d(2026, 10, 1))
            },
            cheque(ANNE, 5000, "0000101", d(2026, 10, 5)),
        ],
    )
    .unwrap();
    let id = make_slip(&mut conn, d(2026, 10, 5), d(2026, 10, 5))
        .unwrap()
        .unwrap();
    let document = binette::report::remittance_slip::SlipDocument {
        garden_name: "Jardins de la Vallée".into(),
        logo_path: None,
        bank_account: "Jardins de la Vallée — FR76 1234 5678 9012 3456 7890 123".into(),
        created: d(2026, 10, 5).and_hms_opt(9, 0, 0).unwrap(),
        slip: slip(&conn, id).unwrap(),
    };
    let bytes = binette::report::remittance_slip::render(&document).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let text = pdf.extract_text(&[1]).unwrap();
    for expected in [
        "Bordereau de remise de chèques n° 1",
        "FR76 1234 5678 9012 3456 7890 123",
        // The drawer when given, else the household.
        "DUPONT Marcel",
        "MARTIN Anne",
        "7700001",
        "0000101",
        "15,40 €",
        "50,00 €",
        // 2 cheques, 15,40 + 50,00 = 65,40 €.
        "Total : 2 chèques",
        "65,40 €",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from:\n{text}"
        );
    }
    // Bruno's solidarity status appears nowhere: only names and amounts.
    assert!(!text.to_lowercase().contains("solidaire"));
}

/// The PDF's text, runs of white space (line wraps included) made one space.
fn pdf_text(bytes: &[u8]) -> String {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let pages = pdf.get_pages().len() as u32;
    let text: String = (1..=pages)
        .map(|p| pdf.extract_text(&[p]).unwrap())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn head() -> binette::report::account::Letterhead {
    binette::report::account::Letterhead {
        garden_name: "Jardins de la Vallée".into(),
        logo_path: None,
        created: d(2026, 11, 2).and_hms_opt(9, 0, 0).unwrap(),
    }
}

#[test]
fn the_statement_carries_the_balance_in_and_sums_the_period() {
    use binette::store::payments::ledger::account_statement;
    let mut conn = garden();
    anne_pays(&mut conn);
    let october = account_statement(&conn, ANNE, d(2026, 10, 1), d(2026, 10, 31)).unwrap();
    // Before October: membership −20,00 and its payment +20,00, cheques +50,00 + 50,00,
    // basket of 30/09 −15,00: 85,00 € carried in.
    assert_eq!(october.opening, 8500);
    // October: baskets 32,00 + 16,00 and the fee 2,50 owed (50,50); credit note 5,00.
    assert_eq!(october.totals(), (5050, 500));
    // 85,00 − 50,50 + 5,00 = 39,50 €.
    assert_eq!(october.closing(), 3950);
    let text = pdf_text(&binette::report::account::render_statement(&head(), &october).unwrap());
    for expected in [
        "Relevé de compte — MARTIN Anne",
        "Du 01/10/2026 au 31/10/2026",
        "Solde reporté",
        "85,00 €",
        "Livraison à domicile",
        "Avance en votre faveur au 31/10/2026 : 39,50 €",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from:\n{text}"
        );
    }
}

#[test]
fn the_reminder_says_what_is_owed_and_nothing_of_the_household_situation() {
    use binette::store::payments::ledger::account_statement;
    let conn = garden();
    let statement = account_statement(&conn, BRUNO, d(2026, 9, 1), d(2026, 10, 31)).unwrap();
    let bytes = binette::report::account::render_reminder(&head(), &statement).unwrap();
    let text = pdf_text(&bytes);
    // Bruno owes 3 × 3,00 + 2 × 3,20 = 15,40 €.
    assert!(text.contains("reste dû de 15,40 €"), "{text}");
    assert!(text.contains("BERNARD Bruno"));
    assert!(!text.to_lowercase().contains("solidaire"), "{text}");
}

#[test]
fn the_receipt_names_the_household_the_amount_and_the_cheque() {
    let mut conn = garden();
    let ids = anne_pays(&mut conn);
    let payment = binette::store::payments::get_payment(&conn, ids[0]).unwrap();
    let bytes =
        binette::report::account::render_receipt(&head(), "MARTIN Anne", &payment, "Chèque")
            .unwrap();
    let text = pdf_text(&bytes);
    assert!(
        text.contains(
            "a reçu de MARTIN Anne la somme de 50,00 € le 28/09/2026, par chèque n° 0000101 \
             (Crédit Agricole), à encaisser le 05/10/2026."
        ),
        "{text}"
    );
}

#[test]
fn the_period_revenue_is_what_the_accounts_charged() {
    let mut conn = garden();
    anne_pays(&mut conn);
    let (baskets, memberships, adjustments) =
        binette::store::payments::ledger::charged_revenue(&conn, d(2026, 10, 1), d(2026, 10, 31))
            .unwrap();
    // October's baskets: Anne 32,00 (21/10) + 16,00 (28/10); her 30/09 basket is September's.
    // Bruno 3 × 3,00… but 30/09 is September too: 2 × 3,00 (07/10, 14/10) + 2 × 3,20.
    // 48,00 + 6,00 + 6,40 = 60,40 €.
    assert_eq!(baskets, 6040);
    // Anne's membership was paid on 28/09: not in October.
    assert_eq!(memberships, 0);
    // The 2,50 € fee less the 5,00 € credit note.
    assert_eq!(adjustments, -250);
    let (september, memberships, _) =
        binette::store::payments::ledger::charged_revenue(&conn, d(2026, 9, 1), d(2026, 9, 30))
            .unwrap();
    // 30/09: Anne 15,00 + Bruno 3,00; the 20,00 € membership.
    assert_eq!((september, memberships), (1800, 2000));
}

#[test]
fn baskets_before_the_accounts_start_are_not_charged() {
    let mut conn = garden();
    anne_pays(&mut conn);
    binette::store::settings::set(
        &conn,
        binette::store::settings::keys::ACCOUNTS_START,
        "2026-10-01",
    )
    .unwrap();
    let balances = binette::store::payments::ledger::balances(&conn, d(2026, 10, 31)).unwrap();
    // Anne's 39,50 € (see the balance test) plus her 30/09 basket, no longer charged:
    // 39,50 + 15,00 = 54,50 €. Bruno: 15,40 € owed less his 30/09 basket (3,00): −12,40 €.
    assert_eq!(balances[&ANNE], 5450);
    assert_eq!(balances[&BRUNO], -1240);
}
