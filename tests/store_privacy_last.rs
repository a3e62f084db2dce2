//! Each household's last day (`store::privacy::last_activities`), read for the whole garden
//! at once: every kind of dated fact counts, basket weeks for both households sharing a
//! subscription, a basket week after the subscription's end included. Expected days derived
//! by hand in the fixture's comment.

#![allow(clippy::unwrap_used)]

use binette::domain::privacy::Person;
use binette::store;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 20 Moreau (parti): subscription 06/01/2020 – 29/06/2020, baskets 22/06/2020 and a made-up
///   one on 06/07/2020 (after the end): last day 06/07/2020.
/// 21 Girard (parti): shares Moreau's subscription, nothing of its own: 06/07/2020.
/// 22 Faure (parti): membership 2019 (31/12/2019), a payment 03/02/2020, joined 01/09/2018:
///   03/02/2020.
/// 23 Blanc (parti): membership 2018 (31/12/2018), an account entry 15/03/2019: 15/03/2019.
/// 24 Roy (parti): nothing dated: none.
/// 25 Petit (actif): joined 01/01/2015, nothing else: 01/01/2015, but current.
const GARDEN: &str = "
    INSERT INTO member (id, last_name, first_name, status, joined_on) VALUES
        (20, 'Moreau', 'Lise', 'parti', NULL), (21, 'Girard', 'Paul', 'parti', NULL),
        (22, 'Faure', 'Léa', 'parti', '2018-09-01'), (23, 'Blanc', 'Yves', 'parti', NULL),
        (24, 'Roy', 'Anne', 'parti', NULL), (25, 'Petit', 'Marc', 'actif', '2015-01-01');
    INSERT INTO basket_size (id, name) VALUES (1, 'Petit');
    INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 2);
    INSERT INTO subscription (id, member_id, shared_with, size_id, depot_id, start_date,
                              end_date, anchor_monday) VALUES
        (5, 20, 21, 1, 1, '2020-01-06', '2020-06-29', '2020-01-06');
    INSERT INTO pickup (monday, subscription_id, status) VALUES
        ('2020-06-22', 5, 'retire'), ('2020-07-06', 5, 'retire'), ('2020-01-06', 5, 'retire');
    INSERT INTO membership (member_id, year, amount_cents, paid_on, method) VALUES
        (22, 2019, 1000, '2019-01-10', 'cheque'), (23, 2018, 1000, '2018-01-10', 'cheque');
    INSERT INTO payment (member_id, received_on, amount_cents, mode, drawer) VALUES
        (22, '2020-02-03', 4500, 'cheque', 'Léa Faure');
    INSERT INTO account_entry (member_id, entry_on, kind, label, amount_cents) VALUES
        (23, '2019-03-15', 'frais', 'Livraison', 300);";

#[test]
fn each_household_s_last_day_counts_every_dated_fact() {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("jardin.sqlite3")).unwrap();
    conn.execute_batch(GARDEN).unwrap();
    let all = store::privacy::last_activities(&conn, date(2026, 12, 6)).unwrap();
    let of = |id: i64| {
        let found = all.iter().find(|a| a.person == Person::Member(id)).unwrap();
        (found.last, found.current)
    };
    assert_eq!(of(20), (Some(date(2020, 7, 6)), false));
    assert_eq!(of(21), (Some(date(2020, 7, 6)), false));
    assert_eq!(of(22), (Some(date(2020, 2, 3)), false));
    assert_eq!(of(23), (Some(date(2019, 3, 15)), false));
    assert_eq!(of(24), (None, false));
    assert_eq!(of(25), (Some(date(2015, 1, 1)), true));
}
