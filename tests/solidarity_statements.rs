//! Paniers Solidaires statements: dated terms never rewrite the past, amounts add up to the
//! cent, an unpriced delivery is an error, the unfunded rest and the unticked baskets show.
#![allow(clippy::unwrap_used)]

use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::report::funder_statement::{StatementDocument, render, warnings};
use binette::store::baskets::{end_solidarity, set_solidarity};
use binette::store::week::{FunderStatement, funder_statement};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const CAF: i64 = 1;
const MSA: i64 = 2;
const CCAS: i64 = 3;

/// A Wednesday depot, Petit at 10,01 €, funders CAF, MSA, CCAS; Anne (1) subscribed from
/// 1 September 2026 with 30 % terms split 33 / 33 / 34 %; Bruno (2) ordinary. Both ticked
/// collected on Wednesdays 2, 9 and 16 September.
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit'), (2, 'Grand');
         INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (1, '2025-01-01', 1001);
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 3);
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Bruno'), (3, 'Colin', 'Carla');
         INSERT INTO funder (id, name) VALUES (1, 'CAF'), (2, 'MSA'), (3, 'CCAS');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-09-01', '2026-08-31'),
                    (2, 2, 1, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-08-31', 1, 1, 'retire'), ('2026-09-07', 1, 1, 'non_retire'),
             ('2026-09-14', 1, 1, 'retire'),
             ('2026-08-31', 2, 1, 'retire'), ('2026-09-07', 2, 1, 'retire'),
             ('2026-09-14', 2, 1, 'retire');",
    )
    .unwrap();
    set_solidarity(
        &conn,
        &terms(
            1,
            d(2026, 9, 1),
            ShareKind::Percent,
            30,
            &[(CAF, 33), (MSA, 33), (CCAS, 34)],
        ),
    )
    .unwrap();
    conn
}

fn terms(
    sub: i64,
    start: NaiveDate,
    kind: ShareKind,
    value: i64,
    funding: &[(i64, i64)],
) -> Solidarity {
    Solidarity {
        id: 0,
        subscription_id: sub,
        start,
        end: None,
        share_kind: kind,
        share_value: value,
        social_worker: String::new(),
        referring_body: String::new(),
        review_on: None,
        funding: funding
            .iter()
            .map(|&(funder_id, share_percent)| FundingShare {
                funder_id,
                share_percent,
            })
            .collect(),
    }
}

fn september(conn: &Connection, funder: i64) -> FunderStatement {
    funder_statement(conn, funder, d(2026, 9, 1), d(2026, 9, 20)).unwrap()
}

#[test]
fn thirds_add_up_to_the_cent_across_the_three_statements() {
    let conn = garden();
    let (caf, msa, ccas) = (
        september(&conn, CAF),
        september(&conn, MSA),
        september(&conn, CCAS),
    );
    // 3 baskets at 10,01 € = 30,03 €; the household pays 30 % of each: 3,003 → 3,00 €, so
    // 9,00 €. Remainder 21,03 € = 2103 c: quotas 33 % → 693,99 c (twice), 34 % → 715,02 c;
    // floors 693 + 693 + 715 = 2101 c, the 2 c left go to the two largest losses (,99):
    // CAF 6,94 €, MSA 6,94 €, CCAS 7,15 €. 900 + 694 + 694 + 715 = 3003 c exactly.
    // (Rounded basket by basket it came to 3 × (2,31 + 2,31 + 2,38) = 21,00 €: 3 c lost.)
    assert_eq!(caf.totals(), (3, 3003, 900, 694));
    assert_eq!(msa.totals().3, 694);
    assert_eq!(ccas.totals().3, 715);
    assert_eq!(
        900 + caf.totals().3 + msa.totals().3 + ccas.totals().3,
        3003
    );
    assert_eq!(caf.unfunded(), 0);
    assert_eq!(caf.households, 1);
    assert!(warnings(&caf).is_empty(), "{:?}", warnings(&caf));
}

#[test]
fn past_statements_do_not_change_when_the_terms_change_or_end() {
    let conn = garden();
    let before: Vec<FunderStatement> = [CAF, MSA, CCAS].map(|f| september(&conn, f)).into();

    // From 1 October Anne pays nothing and the CAF pays everything; Bruno becomes a
    // solidarity household from 1 October too; Anne's terms end on 31 October.
    set_solidarity(
        &conn,
        &terms(1, d(2026, 10, 1), ShareKind::Amount, 0, &[(CAF, 100)]),
    )
    .unwrap();
    set_solidarity(
        &conn,
        &terms(2, d(2026, 10, 1), ShareKind::Amount, 300, &[(CAF, 100)]),
    )
    .unwrap();
    end_solidarity(&conn, 1, d(2026, 10, 31)).unwrap();
    let after: Vec<FunderStatement> = [CAF, MSA, CCAS].map(|f| september(&conn, f)).into();
    assert_eq!(before, after, "September is not rewritten");
    assert!(
        !after[0]
            .lines
            .iter()
            .any(|l| l.household.contains("BERNARD"))
    );

    // October: Anne collects on 7 October (new terms), Bruno too.
    conn.execute_batch(
        "INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-10-05', 1, 1, 'retire'), ('2026-10-05', 2, 1, 'retire');",
    )
    .unwrap();
    let october = funder_statement(&conn, CAF, d(2026, 10, 1), d(2026, 10, 10)).unwrap();
    // Anne: 10,01 € all paid by the CAF; Bruno: 3 € by him, 7,01 € by the CAF.
    assert_eq!(october.totals(), (2, 2002, 300, 1001 + 701));
    assert_eq!(october.households, 2);
    let msa = funder_statement(&conn, MSA, d(2026, 10, 1), d(2026, 10, 10)).unwrap();
    assert_eq!(msa.totals(), (0, 0, 0, 0), "the MSA no longer funds Anne");

    // A statement over both periods shows Anne twice, each line under its own terms.
    let both = funder_statement(&conn, CAF, d(2026, 9, 1), d(2026, 10, 10)).unwrap();
    let anne: Vec<(i64, i64)> = both
        .lines
        .iter()
        .filter(|l| l.household == "MARTIN Anne")
        .map(|l| (l.share_percent, l.funder_owes))
        .collect();
    assert_eq!(anne, [(33, 694), (100, 1001)]);
}

#[test]
fn a_delivery_without_a_price_is_an_error_not_zero() {
    let conn = garden();
    conn.execute_batch(
        "INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (3, 3, 2, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status)
             VALUES ('2026-09-07', 3, 1, 'retire');",
    )
    .unwrap();
    set_solidarity(
        &conn,
        &terms(3, d(2026, 9, 1), ShareKind::Percent, 30, &[(CAF, 100)]),
    )
    .unwrap();
    let err = funder_statement(&conn, CAF, d(2026, 9, 1), d(2026, 9, 20)).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("« Grand » n'a pas de prix le 09/09/2026"),
        "{text}"
    );
}

#[test]
fn the_unfunded_rest_and_unticked_baskets_are_carried_on_the_statement() {
    let conn = garden();
    // Carla: Petit, pays 3 € a basket, the CAF 60 % of the rest, nobody the other 40 %.
    conn.execute_batch(
        "INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (3, 3, 1, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status)
             VALUES ('2026-08-31', 3, 1, 'retire');",
    )
    .unwrap();
    set_solidarity(
        &conn,
        &terms(3, d(2026, 9, 1), ShareKind::Amount, 300, &[(CAF, 60)]),
    )
    .unwrap();
    let s = september(&conn, CAF);
    let carla = s
        .lines
        .iter()
        .find(|l| l.household == "COLIN Carla")
        .unwrap();
    // 10,01 € − 3 € = 7,01 €: 60 % → 420,6 c, 40 % → 280,4 c; floors 420 + 280 = 700, the
    // cent left to the larger loss (,6): CAF 4,21 €, unfunded 2,80 €; 3 + 4,21 + 2,80 = 10,01.
    assert_eq!((carla.value, carla.household_paid), (1001, 300));
    assert_eq!((carla.funder_owes, carla.unfunded), (421, 280));
    assert_eq!(carla.unfunded_percent, 40);
    assert_eq!(s.unfunded(), 280);
    // Carla's baskets of 9 and 16 September were never ticked.
    assert_eq!(s.unticked_baskets, 2);
    let w = warnings(&s);
    assert!(w[0].contains("Reste non financé : 2,80 € (40 %"), "{w:?}");
    assert!(
        w[1].starts_with("2 paniers prévus pour ces foyers n'ont pas été émargés"),
        "{w:?}"
    );

    // The activity report carries the same: 3 + 3 + 1 baskets ticked, Carla's 2 apart;
    // households paid 9 € (Anne) + 3 € (Carla); the CAF 6,94 € + 4,21 € for 2 households
    // and 4 baskets worth 30,03 € + 10,01 €; 2,80 € unfunded.
    let b = binette::store::activity::basket_figures(&conn, d(2026, 9, 1), d(2026, 9, 20)).unwrap();
    assert_eq!((b.total(), b.unticked_baskets), (7, 2));
    assert_eq!((b.households_paid, b.unfunded), (1200, 280));
    let caf = &b.funders[0];
    assert_eq!(
        (
            caf.funder.as_str(),
            caf.households,
            caf.baskets,
            caf.value,
            caf.owed
        ),
        ("CAF", 2, 4, 4004, 1115)
    );

    let bytes = render(&StatementDocument {
        garden_name: "Jardin des Lilas".into(),
        logo_path: None,
        created: d(2026, 10, 1).and_hms_opt(9, 0, 0).unwrap(),
        statement: s,
    })
    .unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    assert!(text.contains("Reste non financé"), "{text}");
    assert!(text.contains("n'ont pas été émargés"), "{text}");
    assert!(text.contains("2 foyers, 4 paniers livrés"), "{text}");
}

#[test]
fn a_household_with_two_subscriptions_is_one_household() {
    let conn = garden();
    conn.execute_batch(
        "INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (3, 1, 1, 1, '2026-09-01', '2026-08-31');
         INSERT INTO pickup (monday, subscription_id, baskets, status)
             VALUES ('2026-08-31', 3, 1, 'retire');",
    )
    .unwrap();
    set_solidarity(
        &conn,
        &terms(3, d(2026, 9, 1), ShareKind::Percent, 30, &[(CAF, 100)]),
    )
    .unwrap();
    let s = september(&conn, CAF);
    assert_eq!(s.lines.len(), 2, "one line per subscription");
    assert_eq!(s.households, 1, "Anne counts once");
    // The report too: the CAF funds 1 household (4 baskets), and 1 solidarity household.
    let b = binette::store::activity::basket_figures(&conn, d(2026, 9, 1), d(2026, 9, 20)).unwrap();
    assert_eq!((b.funders[0].households, b.funders[0].baskets), (1, 4));
    assert_eq!(b.solidarity_households, 1);
}
