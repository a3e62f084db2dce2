//! Who gets a basket: only « Actif » households; a depot keeps its members until they are
//! moved; fortnightly weeks survive any change; sheets never tell a solidarity basket apart.
#![allow(clippy::unwrap_used)]

use binette::domain::baskets::{FundingShare, ShareKind, Solidarity};
use binette::domain::calendar::IsoWeek;
use binette::report::weekly::{emargement_pdf, packing_pdf, summary_pdf};
use binette::store::baskets::{
    change_subscription, get_depot, get_subscription, move_subscribers, set_solidarity,
    subscriptions_of, update_depot,
};
use binette::store::sheets::print_set_data;
use binette::store::week::{coming_baskets, season_calendar, week_plan};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn week(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

fn text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| doc.extract_text(&[p]).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A Thursday depot (1) and a Monday depot (2); Anne (actif), Paul (parti), Inès (en
/// pause), Jean (en attente), each with a weekly Petit at depot 1 from January 2026.
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit'), (2, 'Grand');
         INSERT INTO depot (id, name, weekday) VALUES (1, 'Mairie', 4), (2, 'Moulin', 1);
         INSERT INTO member (id, last_name, first_name, status) VALUES
             (1, 'Martin', 'Anne', 'actif'), (2, 'Parti', 'Paul', 'parti'),
             (3, 'Pause', 'Inès', 'pause'), (4, 'Attente', 'Jean', 'attente');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 1, '2026-01-01', '2025-12-29'), (2, 2, 1, 1, '2026-01-01', '2025-12-29'),
                    (3, 3, 1, 1, '2026-01-01', '2025-12-29'), (4, 4, 1, 1, '2026-01-01', '2025-12-29');",
    )
    .unwrap();
    conn
}

#[test]
fn only_active_households_get_a_basket_anywhere() {
    let conn = garden();
    let w = week(2026, 48);
    let plan = week_plan(&conn, w).unwrap();
    // Four subscriptions at the Mairie, only Anne's is « Actif »: 1 basket.
    assert_eq!(plan.total_baskets(), 1);
    let set = print_set_data(&conn, w).unwrap().unwrap();
    let sheets = text(&emargement_pdf(&set, None).unwrap());
    let summary = text(&summary_pdf(&set).unwrap());
    let packing = text(&packing_pdf(&set).unwrap());
    assert!(
        sheets.contains("MARTIN") || sheets.contains("Martin"),
        "{sheets}"
    );
    for name in ["Parti", "Pause", "Attente", "Paul", "Inès", "Jean"] {
        for (doc, body) in [
            ("sheets", &sheets),
            ("summary", &summary),
            ("packing", &packing),
        ] {
            assert!(!body.contains(name), "{name} printed in the {doc}:\n{body}");
        }
    }
    let totals: Vec<(&str, i64)> = set
        .sizes
        .iter()
        .zip(&set.totals)
        .map(|(s, n)| (s.name.as_str(), *n))
        .collect();
    assert_eq!(
        totals,
        [("Grand", 0), ("Petit", 1)],
        "summary and packing count Anne's basket only"
    );
    // Calendar: 1 basket a week; Paul's own calendar is empty.
    let calendar = season_calendar(&conn, 2026).unwrap();
    assert_eq!(calendar[47].total, 1);
    assert!(coming_baskets(&conn, 2, w, 4).unwrap().is_empty());
    assert_eq!(coming_baskets(&conn, 1, w, 4).unwrap().len(), 4);
}

#[test]
fn a_depot_with_running_subscriptions_stays_active_until_they_move() {
    let conn = garden();
    let mut mairie = get_depot(&conn, 1).unwrap();
    mairie.active = false;
    let err = update_depot(&conn, &mairie).unwrap_err().to_string();
    assert!(err.contains("4 abonnements en cours"), "{err}");
    assert!(get_depot(&conn, 1).unwrap().active, "nothing written");

    // Everyone moves to the Moulin from the week of Monday 12 January 2026.
    assert_eq!(move_subscribers(&conn, 1, 2, d(2026, 1, 12)).unwrap(), 4);
    let anne = subscriptions_of(&conn, 1).unwrap();
    assert_eq!(
        anne.len(),
        2,
        "history kept: the Mairie until 11 January, then the Moulin"
    );
    assert_eq!((anne[0].depot_id, anne[0].end), (1, Some(d(2026, 1, 11))));
    assert_eq!((anne[1].depot_id, anne[1].start), (2, d(2026, 1, 12)));
    // Week 2 (Thursday 8 January) still at the Mairie, week 3 (Monday 12) at the Moulin.
    let at = |w: IsoWeek, depot: i64| {
        week_plan(&conn, w)
            .unwrap()
            .depots
            .iter()
            .find(|p| p.depot_id == depot)
            .map_or(0, |p| p.total_baskets())
    };
    assert_eq!((at(week(2026, 2), 1), at(week(2026, 2), 2)), (1, 0));
    assert_eq!((at(week(2026, 3), 1), at(week(2026, 3), 2)), (0, 1));
    // Nothing runs at the Mairie any more: it can be made inactive.
    update_depot(&conn, &mairie).unwrap();
    assert!(!get_depot(&conn, 1).unwrap().active);
    assert!(move_subscribers(&conn, 2, 2, d(2026, 12, 7)).is_err());
}

#[test]
fn fortnightly_weeks_survive_a_change_of_depot_in_a_53_week_year() {
    let conn = garden();
    conn.execute_batch(
        "UPDATE subscription SET frequency = 'quinzaine', anchor_monday = '2026-12-14'
         WHERE id = 1;",
    )
    .unwrap();
    // 2026 has 53 ISO weeks. Anchored on week 51 (14 December 2026), Anne's baskets come on
    // weeks 51, 53, then 2027-W02 (53 − 51 = 2, 2027-W02 is 4 weeks after W51), never W01.
    let due = |conn: &Connection| -> Vec<(u32, i64)> {
        coming_baskets(conn, 1, week(2026, 51), 5)
            .unwrap()
            .iter()
            .filter(|c| c.baskets_for_member() > 0)
            .map(|c| (c.week.week(), c.depot_id))
            .collect()
    };
    assert_eq!(due(&conn), [(51, 1), (53, 1), (2, 1)]);
    // From Monday 4 January 2027 (week 1), Anne takes a Grand at the Monday depot. The form
    // anchors a new subscription on its first week (W01): the change keeps the old anchor.
    let mut new = get_subscription(&conn, 1).unwrap();
    new.depot_id = 2;
    new.size_id = 2;
    new.quantity = 2;
    new.anchor_monday = d(2027, 1, 4);
    change_subscription(&conn, 1, d(2027, 1, 4), &new).unwrap();
    assert_eq!(due(&conn), [(51, 1), (53, 1), (2, 2)], "no basket in W01");
}

#[test]
fn sheets_are_byte_identical_with_and_without_solidarity_terms() {
    let conn = garden();
    let w = week(2026, 48);
    let render = |conn: &Connection| {
        let set = print_set_data(conn, w).unwrap().unwrap();
        (
            emargement_pdf(&set, None).unwrap(),
            emargement_pdf(&set, Some(1)).unwrap(),
            summary_pdf(&set).unwrap(),
            packing_pdf(&set).unwrap(),
        )
    };
    let ordinary = render(&conn);
    conn.execute("INSERT INTO funder (id, name) VALUES (1, 'CAF')", [])
        .unwrap();
    set_solidarity(
        &conn,
        &Solidarity {
            id: 0,
            subscription_id: 1,
            start: d(2026, 1, 1),
            end: None,
            share_kind: ShareKind::Percent,
            share_value: 30,
            social_worker: "Mme Dupuis".into(),
            referring_body: "CCAS".into(),
            review_on: Some(d(2026, 12, 1)),
            funding: vec![FundingShare {
                funder_id: 1,
                share_percent: 100,
            }],
        },
    )
    .unwrap();
    assert!(
        render(&conn) == ordinary,
        "a solidarity basket must look like any other"
    );
}
