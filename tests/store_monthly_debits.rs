//! Balances over kept months: what each whole month charged the households, and what they
//! paid, is kept once worked out, and forgotten when what it came from changes; after every kind of change the
//! balances are the hand-derived ones, and the same as a reckoning with nothing kept.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::domain::money::Cents;
use binette::store::baskets::set_solidarity;
use binette::store::payments::ledger::balances;
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const ANNE: i64 = 1;
const BRUNO: i64 = 2;

/// Balances on Monday 30 November 2026, the last day of a month: August's last day, then
/// September, October and November as whole months.
fn until() -> NaiveDate {
    d(2026, 11, 30)
}

/// A Wednesday depot, Petit at 10,00 €. Anne subscribes weekly from Monday 31 August 2026:
/// Wednesdays 2, 9, 16, 23, 30 September, 7, 14, 21, 28 October, 4, 18, 25 November (the
/// 11th is a public holiday without delivery): 12 baskets, −120,00 €. Bruno from Monday
/// 28 September: 30/09, 4 in October, 3 in November: 8 baskets, −80,00 €.
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2025-01-01', 1000);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno');
         INSERT INTO funder (id, name) VALUES (1, 'CAF');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-08-31', '2026-08-31'),
                    (2, 2, 1, 1, '2026-09-28', '2026-09-28');",
    )
    .unwrap();
    conn
}

fn months_kept(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM debit_month", [], |r| r.get(0))
        .unwrap()
}

/// The balances, as kept months give them, then as a reckoning with nothing kept.
fn both_ways(conn: &Connection) -> (HashMap<i64, Cents>, HashMap<i64, Cents>) {
    let kept = balances(conn, until()).unwrap();
    conn.execute_batch("DELETE FROM debit_month").unwrap();
    let fresh = balances(conn, until()).unwrap();
    (kept, fresh)
}

/// Checks Anne's and Bruno's balances (`None`: no line at all) both ways.
fn check(conn: &Connection, anne: Option<Cents>, bruno: Option<Cents>) {
    let (kept, fresh) = both_ways(conn);
    assert_eq!(kept, fresh, "kept months differ from a new reckoning");
    assert_eq!(kept.get(&ANNE).copied(), anne);
    assert_eq!(kept.get(&BRUNO).copied(), bruno);
    // Worked out again with nothing kept: September, October and November kept anew
    // (none once no subscription is left: nothing is owed before the first one's start).
    assert_eq!(months_kept(conn), if kept.is_empty() { 0 } else { 3 });
}

#[test]
fn whole_months_are_kept_and_read_back() {
    let conn = garden();
    let first = balances(&conn, until()).unwrap();
    assert_eq!(first[&ANNE], -12_000);
    assert_eq!(first[&BRUNO], -8_000);
    assert_eq!(months_kept(&conn), 3);
    // What is kept is what is read: November's running total for Anne (120,00 € charged
    // since September) changed by hand to 1 cent shows as a balance of −0,01 €.
    conn.execute(
        "UPDATE debit_month_member SET charged_cents = 1 WHERE month = '2026-11' AND member_id = 1",
        [],
    )
    .unwrap();
    assert_eq!(balances(&conn, until()).unwrap()[&ANNE], -1);
}

#[test]
fn accounts_starting_later_or_earlier_than_the_kept_months() {
    let conn = garden();
    let start = |day: &str| {
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('accounts_start', ?1)",
            [day],
        )
        .unwrap();
    };
    // Accounts from 1 October: Anne's October and November baskets, 4 + 3 = 7, −70 €;
    // Bruno's, 4 + 3 = 7, −70 €. Kept from October.
    start("2026-10-01");
    let october = balances(&conn, until()).unwrap();
    assert_eq!((october[&ANNE], october[&BRUNO]), (-7_000, -7_000));
    assert_eq!(months_kept(&conn), 2);
    // From 1 September: September's baskets too (Anne 5, Bruno 1): −120 € and −80 €, the
    // months kept again from September.
    start("2026-09-01");
    let september = balances(&conn, until()).unwrap();
    assert_eq!((september[&ANNE], september[&BRUNO]), (-12_000, -8_000));
    assert_eq!(months_kept(&conn), 3);
    // From 1 October again: September's total taken off the kept November one.
    start("2026-10-01");
    let again = balances(&conn, until()).unwrap();
    assert_eq!((again[&ANNE], again[&BRUNO]), (-7_000, -7_000));
    assert_eq!(months_kept(&conn), 3);
}

#[test]
fn a_balance_in_the_middle_of_a_month_keeps_only_whole_months() {
    let conn = garden();
    // Until Sunday 15 November: Anne 5 + 4 + 1 (4 November) = 10 baskets; Bruno
    // 1 + 4 + 1 = 6. September and October kept, November's first half worked out.
    let mid = balances(&conn, d(2026, 11, 15)).unwrap();
    assert_eq!(mid[&ANNE], -10_000);
    assert_eq!(mid[&BRUNO], -6_000);
    assert_eq!(months_kept(&conn), 2);
}

#[test]
fn every_change_forgets_what_it_touches() {
    let conn = garden();
    check(&conn, Some(-12_000), Some(-8_000));
    // Anne's 14 October basket ticked as 2 baskets collected: −120 − 10 = −130 €.
    conn.execute_batch(
        "INSERT INTO pickup (monday, subscription_id, baskets, status)
         VALUES ('2026-10-12', 1, 2, 'retire')",
    )
    .unwrap();
    check(&conn, Some(-13_000), Some(-8_000));
    // Petit at 12,00 € from 1 November: 3 November baskets each, 2 € more a basket:
    // Anne −130 − 6 = −136 €, Bruno −80 − 6 = −86 €.
    conn.execute_batch(
        "INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2026-11-01', 1200)",
    )
    .unwrap();
    check(&conn, Some(-13_600), Some(-8_600));
    // Bruno away the week of 19 October, basket not prepared: his 21 October basket goes,
    // −86 + 10 = −76 €.
    conn.execute_batch(
        "INSERT INTO absence (member_id, start_date, end_date, mode)
         VALUES (2, '2026-10-19', '2026-10-23', 'non_prepare')",
    )
    .unwrap();
    check(&conn, Some(-13_600), Some(-7_600));
    // Anne's ticked pickup removed: her 14 October basket is one again, −136 + 10 = −126 €.
    conn.execute_batch("DELETE FROM pickup WHERE subscription_id = 1")
        .unwrap();
    check(&conn, Some(-12_600), Some(-7_600));
    // Bruno under Paniers Solidaires terms from 1 November, 3,00 € a basket: his 3 November
    // baskets at 3 € instead of 12 €, −76 + 3 × 9 = −49 €.
    solidarity_from_november(&conn);
    check(&conn, Some(-12_600), Some(-4_900));
    // No delivery the week of 16 November: Anne −126 + 12 = −114 €, Bruno −49 + 3 = −46 €.
    conn.execute_batch("INSERT INTO closure (monday) VALUES ('2026-11-16')")
        .unwrap();
    check(&conn, Some(-11_400), Some(-4_600));
    // The 25 November delivery moved to 1 December, after the balance's day: Anne
    // −114 + 12 = −102 €, Bruno −46 + 3 = −43 €.
    conn.execute_batch(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES ('2026-11-25', NULL, 'deplacee', '2026-12-01')",
    )
    .unwrap();
    check(&conn, Some(-10_200), Some(-4_300));
    // Bruno's subscription removed: he has no line left. Anne leaves: none either.
    conn.execute_batch("DELETE FROM subscription WHERE id = 2")
        .unwrap();
    check(&conn, Some(-10_200), None);
    conn.execute_batch("DELETE FROM member WHERE id = 1")
        .unwrap();
    check(&conn, None, None);
}

/// Records a payment by cheque of `cents` from `member` received on `day`.
fn pay(conn: &Connection, member: i64, day: &str, cents: Cents) {
    conn.execute(
        "INSERT INTO payment (member_id, received_on, amount_cents, mode)
         VALUES (?1, ?2, ?3, 'cheque')",
        rusqlite::params![member, day, cents],
    )
    .unwrap();
}

#[test]
fn payments_are_kept_with_their_months_and_forgotten_when_they_change() {
    let conn = garden();
    // Anne pays 50 € on 20 August (before the accounts' first day, counted all the same)
    // and 40 € on 15 October; Bruno 30 € on 2 November and 25 € on 1 December (after the
    // balance's day, not counted). Anne −120 + 50 + 40 = −30 €; Bruno −80 + 30 = −50 €.
    pay(&conn, ANNE, "2026-08-20", 5_000);
    pay(&conn, ANNE, "2026-10-15", 4_000);
    pay(&conn, BRUNO, "2026-11-02", 3_000);
    pay(&conn, BRUNO, "2026-12-01", 2_500);
    check(&conn, Some(-3_000), Some(-5_000));
    // Anne's October cheque cancelled: −30 − 40 = −70 €.
    conn.execute_batch(
        "UPDATE payment SET cancelled_on = '2026-11-20' WHERE received_on = '2026-10-15'",
    )
    .unwrap();
    check(&conn, Some(-7_000), Some(-5_000));
    // Bruno's November cheque dated back to 15 September: still counted, −50 €.
    conn.execute_batch(
        "UPDATE payment SET received_on = '2026-09-15' WHERE received_on = '2026-11-02'",
    )
    .unwrap();
    check(&conn, Some(-7_000), Some(-5_000));
    // Then removed: −80 €. Anne pays 10 € on 30 November, the balance's day: −60 €.
    conn.execute_batch("DELETE FROM payment WHERE received_on = '2026-09-15'")
        .unwrap();
    pay(&conn, ANNE, "2026-11-30", 1_000);
    check(&conn, Some(-6_000), Some(-8_000));
    // Until 15 November (September and October kept, November's first half read): Anne
    // 10 baskets, −100 + 50 = −50 € (her 30 November payment not yet); Bruno 6, −60 €.
    let mid = balances(&conn, d(2026, 11, 15)).unwrap();
    assert_eq!((mid[&ANNE], mid[&BRUNO]), (-5_000, -6_000));
}

fn solidarity_from_november(conn: &Connection) {
    let terms = Solidarity {
        id: 0,
        subscription_id: 2,
        start: d(2026, 11, 1),
        end: None,
        share_kind: ShareKind::Amount,
        share_value: 300,
        social_worker: String::new(),
        referring_body: String::new(),
        review_on: None,
        funding: vec![FundingShare {
            funder_id: 1,
            share_percent: 100,
        }],
    };
    set_solidarity(conn, &terms).unwrap();
}
