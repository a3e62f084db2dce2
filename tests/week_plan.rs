//! The week's distribution plan loaded from a database filled with plain SQL.
#![allow(clippy::unwrap_used, clippy::too_many_arguments)]

use std::collections::BTreeMap;

use binette::domain::baskets::AbsenceMode;
use binette::domain::calendar::IsoWeek;
use binette::domain::distribution::{Delivery, PlanLine, WeekPlan};
use binette::store::week::{ComingBasket, coming_baskets, next_delivery_week, week_plan};
use binette::store::{Connection, open_in_memory};
use chrono::NaiveDate;
use rusqlite::named_params;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn week(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

const PETIT: i64 = 1;
const GRAND: i64 = 2;

/// Sizes petit (1) and grand (2), members 1 to 6, a Friday depot (1), a Monday depot (2)
/// and an inactive Wednesday depot (3).
fn garden() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO basket_size (id, name) VALUES (1, 'Petit'), (2, 'Grand');
         INSERT INTO member (id, last_name, first_name) VALUES
             (1, 'Martin', 'Anne'), (2, 'Bernard', 'Luc'), (3, 'Petit', 'Zoé'),
             (4, 'Durand', 'Paul'), (5, 'Leroy', 'Inès'), (6, 'Moreau', 'Jean');
         INSERT INTO depot (id, name, weekday, active) VALUES
             (1, 'Mairie', 5, 1), (2, 'Épicerie', 1, 1), (3, 'Ancienne gare', 3, 0);",
    )
    .unwrap();
    conn
}

fn subscribe(
    conn: &Connection,
    id: i64,
    member: i64,
    size: i64,
    depot: i64,
    quantity: i64,
    frequency: &str,
    anchor: IsoWeek,
) {
    conn.execute(
        "INSERT INTO subscription (id, member_id, size_id, depot_id, quantity, start_date,
             frequency, anchor_monday)
         VALUES (:id, :member, :size, :depot, :quantity, '2026-01-01', :frequency, :anchor)",
        named_params! {":id": id, ":member": member, ":size": size, ":depot": depot,
        ":quantity": quantity, ":frequency": frequency, ":anchor": anchor.monday()},
    )
    .unwrap();
}

fn absent(conn: &Connection, member: i64, start: NaiveDate, end: NaiveDate, mode: &str) {
    conn.execute(
        "INSERT INTO absence (member_id, start_date, end_date, mode)
         VALUES (:member, :start, :end, :mode)",
        named_params! {":member": member, ":start": start, ":end": end, ":mode": mode},
    )
    .unwrap();
}

fn line(plan: &WeekPlan, subscription: i64) -> Option<&PlanLine> {
    plan.depots
        .iter()
        .flat_map(|d| &d.lines)
        .find(|l| l.subscription_id == subscription)
}

#[test]
fn plan_of_an_ordinary_week() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 2, 2, GRAND, 1, 2, "hebdo", week(2026, 1));
    subscribe(&conn, 3, 3, PETIT, 1, 1, "quinzaine", week(2026, 10));
    subscribe(&conn, 4, 4, PETIT, 1, 1, "quinzaine", week(2026, 11));
    subscribe(&conn, 5, 5, GRAND, 2, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 6, 6, GRAND, 3, 1, "hebdo", week(2026, 1));
    conn.execute(
        "UPDATE subscription SET shared_with = 6, end_date = '2026-12-31' WHERE id = 5",
        [],
    )
    .unwrap();
    absent(&conn, 1, date(2026, 3, 9), date(2026, 3, 15), "non_prepare");
    absent(&conn, 2, date(2026, 3, 9), date(2026, 3, 15), "donne");

    let plan = week_plan(&conn, week(2026, 12)).unwrap();
    assert_eq!(plan.week, week(2026, 12));
    // The inactive depot is left out.
    let mut ids: Vec<i64> = plan.depots.iter().map(|d| d.depot_id).collect();
    ids.sort_unstable();
    assert_eq!(ids, [1, 2]);
    let delivery = |plan: &WeekPlan, depot: i64| {
        plan.depots
            .iter()
            .find(|d| d.depot_id == depot)
            .unwrap()
            .delivery
            .clone()
    };
    assert_eq!(delivery(&plan, 2), Delivery::On(date(2026, 3, 16)));
    assert_eq!(delivery(&plan, 1), Delivery::On(date(2026, 3, 20)));
    // Only the fortnightly subscription anchored two weeks before comes.
    assert!(line(&plan, 3).is_some());
    assert!(line(&plan, 4).is_none());
    assert_eq!(line(&plan, 5).unwrap().shared_with, Some(6));
    assert_eq!(
        plan.totals_by_size(),
        BTreeMap::from([(PETIT, 2), (GRAND, 3)])
    );

    let away = week_plan(&conn, week(2026, 11)).unwrap();
    assert_eq!(line(&away, 1).unwrap().absent, Some(AbsenceMode::Skipped));
    assert_eq!(line(&away, 2).unwrap().absent, Some(AbsenceMode::Donated));
    assert!(line(&away, 3).is_none());
    assert!(line(&away, 4).is_some());
    // Skipped: nothing; donated: both baskets still packed.
    let friday = away.depots.iter().find(|d| d.depot_id == 1).unwrap();
    assert_eq!(
        friday.baskets_by_size(),
        BTreeMap::from([(PETIT, 1), (GRAND, 2)])
    );
}

#[test]
fn closures_and_holiday_rules_from_the_database() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2027, 1));
    subscribe(&conn, 2, 2, GRAND, 2, 1, "hebdo", week(2027, 1));
    conn.execute(
        "INSERT INTO closure (monday, reason) VALUES ('2027-08-09', 'Congés')",
        [],
    )
    .unwrap();
    // Easter Monday 2027 (29 March) moved to Tuesday for the Monday depot.
    conn.execute(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES ('2027-03-29', 2, 'deplacee', '2027-03-30')",
        [],
    )
    .unwrap();

    let closed = week_plan(&conn, week(2027, 32)).unwrap();
    assert!(closed.depots.iter().all(|d| d.delivery
        == Delivery::Closed {
            reason: "Congés".into()
        }));
    assert_eq!(closed.total_baskets(), 0);

    let easter = week_plan(&conn, week(2027, 13)).unwrap();
    let monday_depot = easter.depots.iter().find(|d| d.depot_id == 2).unwrap();
    assert_eq!(monday_depot.delivery.date(), Some(date(2027, 3, 30)));
    assert_eq!(easter.total_baskets(), 2);

    // Whit Monday 2027 (17 May) has no rule: cancelled by default.
    let whit = week_plan(&conn, week(2027, 20)).unwrap();
    let monday_depot = whit.depots.iter().find(|d| d.depot_id == 2).unwrap();
    assert_eq!(
        monday_depot.delivery,
        Delivery::HolidayCancelled {
            holiday: date(2027, 5, 17),
            name: "Lundi de Pentecôte"
        }
    );
    assert!(monday_depot.lines.is_empty());
    assert_eq!(whit.total_baskets(), 1);
}

#[test]
fn made_up_baskets_are_found_weeks_after_the_absence() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 2, 2, GRAND, 1, 1, "hebdo", week(2026, 1));
    // Member 1: away three Fridays (6, 13, 20 March 2026), made up on return.
    absent(&conn, 1, date(2026, 3, 2), date(2026, 3, 22), "reporte");
    // Member 2: away two Fridays, made up on a chosen week two months later.
    absent(&conn, 2, date(2026, 3, 2), date(2026, 3, 15), "reporte");
    conn.execute(
        "UPDATE absence SET makeup_monday = '2026-05-18' WHERE member_id = 2",
        [],
    )
    .unwrap();

    let back = week_plan(&conn, week(2026, 13)).unwrap();
    assert_eq!(line(&back, 1).unwrap().make_up, 3);
    assert_eq!(line(&back, 1).unwrap().baskets_to_prepare(), 4);
    assert_eq!(line(&back, 2).unwrap().make_up, 0);

    let chosen = week_plan(&conn, week(2026, 21)).unwrap();
    assert_eq!(line(&chosen, 2).unwrap().make_up, 2);
    assert_eq!(line(&chosen, 1).unwrap().make_up, 0);
    assert_eq!(
        chosen.totals_by_size(),
        BTreeMap::from([(PETIT, 1), (GRAND, 3)])
    );
}

#[test]
fn next_delivery_week_skips_past_days_closures_and_holidays() {
    let conn = garden();
    // No depot delivers: the next week.
    conn.execute("UPDATE depot SET active = 0", []).unwrap();
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 18)).unwrap(),
        week(2026, 13)
    );
    conn.execute("UPDATE depot SET active = 1 WHERE id = 1", [])
        .unwrap();

    // Friday depot: on Wednesday or on the Friday itself, this week; on Saturday, the next.
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 18)).unwrap(),
        week(2026, 12)
    );
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 20)).unwrap(),
        week(2026, 12)
    );
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 21)).unwrap(),
        week(2026, 13)
    );

    // The next week is closed: the one after.
    conn.execute("INSERT INTO closure (monday) VALUES ('2026-03-23')", [])
        .unwrap();
    assert_eq!(
        next_delivery_week(&conn, date(2026, 3, 21)).unwrap(),
        week(2026, 14)
    );

    // Christmas and New Year's Day 2026/2027 fall on Fridays: cancelled by default.
    assert_eq!(
        next_delivery_week(&conn, date(2026, 12, 19)).unwrap(),
        week(2027, 1)
    );
    // A moved delivery still ahead counts for this week.
    conn.execute(
        "INSERT INTO holiday_rule (date, action, moved_to)
         VALUES ('2027-01-01', 'deplacee', '2027-01-02')",
        [],
    )
    .unwrap();
    assert_eq!(
        next_delivery_week(&conn, date(2027, 1, 2)).unwrap(),
        week(2026, 53)
    );
    assert_eq!(
        next_delivery_week(&conn, date(2026, 12, 26)).unwrap(),
        week(2026, 53)
    );
}

// ------------------------------------------------------------------ a member's coming baskets

/// Baskets member `member` takes home in each of `weeks` weeks from `from`, 0 for a week
/// without delivery or basket.
fn member_weeks(conn: &Connection, member: i64, from: IsoWeek, weeks: u32) -> Vec<i64> {
    let coming = coming_baskets(conn, member, from, weeks).unwrap();
    (0..i64::from(weeks))
        .map(|i| {
            coming
                .iter()
                .filter(|c| c.week == from.plus_weeks(i))
                .map(ComingBasket::baskets_for_member)
                .sum()
        })
        .collect()
}

#[test]
fn coming_baskets_apply_absences_make_ups_closures_and_holidays() {
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2026, 1));
    subscribe(&conn, 2, 2, PETIT, 1, 1, "quinzaine", week(2026, 1));
    subscribe(&conn, 3, 3, GRAND, 2, 2, "hebdo", week(2026, 1));
    // Member 1 away the Fridays 6 and 13 March (W10, W11), made up on return (W12);
    // the garden closes W14.
    absent(&conn, 1, date(2026, 3, 2), date(2026, 3, 15), "reporte");
    conn.execute(
        "INSERT INTO closure (monday, reason) VALUES ('2026-03-30', 'Inventaire')",
        [],
    )
    .unwrap();
    assert_eq!(member_weeks(&conn, 1, week(2026, 9), 6), [1, 0, 0, 3, 1, 0]);
    // The same figures as the week plan the distribution sheets use.
    for i in 0..6 {
        let w = week(2026, 9).plus_weeks(i);
        let plan = week_plan(&conn, w).unwrap();
        let expected = line(&plan, 1).map_or(0, |l| {
            (if l.absent.is_none() { l.quantity } else { 0 }) + l.make_up
        });
        assert_eq!(member_weeks(&conn, 1, w, 1), [expected]);
    }
    // Odd weeks for the fortnightly member (anchored on W01), the closed W14 keeps its place.
    assert_eq!(
        member_weeks(&conn, 2, week(2026, 9), 8),
        [1, 0, 1, 0, 1, 0, 1, 0]
    );
    // A closed week is listed, with its reason, for a running subscription.
    let coming = coming_baskets(&conn, 1, week(2026, 14), 1).unwrap();
    assert_eq!(coming.len(), 1);
    assert_eq!(
        coming[0].delivery,
        Delivery::Closed {
            reason: "Inventaire".into()
        }
    );
    // Monday depot, Easter Monday 2026 (6 April, W15): cancelled, then moved to Tuesday.
    subscribe(&conn, 4, 4, PETIT, 2, 1, "hebdo", week(2026, 1));
    assert_eq!(member_weeks(&conn, 4, week(2026, 15), 2), [0, 1]);
    conn.execute(
        "INSERT INTO holiday_rule (date, action, moved_to) VALUES ('2026-04-06', 'deplacee', '2026-04-07')",
        [],
    )
    .unwrap();
    assert_eq!(member_weeks(&conn, 4, week(2026, 15), 2), [1, 1]);
    assert_eq!(
        coming_baskets(&conn, 4, week(2026, 15), 1).unwrap()[0]
            .delivery
            .date(),
        Some(date(2026, 4, 7))
    );
    // Donated while away: the household takes nothing home, the basket is still packed.
    absent(&conn, 3, date(2026, 5, 4), date(2026, 5, 10), "donne");
    assert_eq!(member_weeks(&conn, 3, week(2026, 19), 2), [0, 2]);
    let plan = week_plan(&conn, week(2026, 19)).unwrap();
    assert_eq!(line(&plan, 3).unwrap().baskets_to_prepare(), 2);
    // A member without subscription has no coming baskets.
    assert!(
        coming_baskets(&conn, 6, week(2026, 19), 4)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn fortnightly_in_a_53_week_year_through_coming_baskets() {
    let conn = garden();
    // Wednesday depot: inactive in the garden fixture, so activate it.
    conn.execute("UPDATE depot SET active = 1 WHERE id = 3", [])
        .unwrap();
    subscribe(&conn, 1, 1, PETIT, 3, 1, "quinzaine", week(2026, 51));
    // 2026 has 53 weeks: W51, W53, 2027-W02 — never W53 then W01.
    assert_eq!(
        member_weeks(&conn, 1, week(2026, 50), 6),
        [0, 1, 0, 1, 0, 1]
    );
}

#[test]
fn a_change_of_depot_keeps_the_history_in_one_go() {
    use binette::domain::baskets::{ShareKind, Solidarity};
    use binette::store::baskets::{
        change_subscription, get_solidarity, get_subscription, set_solidarity, subscriptions_of,
    };
    let conn = garden();
    subscribe(&conn, 1, 1, PETIT, 1, 1, "hebdo", week(2026, 1));
    conn.execute("INSERT INTO funder (id, name) VALUES (1, 'CAF')", [])
        .unwrap();
    set_solidarity(
        &conn,
        &Solidarity {
            id: 0,
            subscription_id: 1,
            start: date(2026, 1, 1),
            end: None,
            share_kind: ShareKind::Percent,
            share_value: 30,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![binette::domain::baskets::FundingShare {
                funder_id: 1,
                share_percent: 100,
            }],
        },
    )
    .unwrap();
    let mut new = get_subscription(&conn, 1).unwrap();
    new.depot_id = 2; // Monday depot from Monday 16 March.
    new.size_id = GRAND;
    let id = change_subscription(&conn, 1, date(2026, 3, 16), &new).unwrap();
    let subs = subscriptions_of(&conn, 1).unwrap();
    assert_eq!(subs.len(), 2);
    assert_eq!(subs[0].end, Some(date(2026, 3, 15)));
    assert_eq!(subs[1].start, date(2026, 3, 16));
    let carried = get_solidarity(&conn, id).unwrap().unwrap();
    assert_eq!(carried.share_value, 30);
    assert_eq!(
        carried.start,
        date(2026, 3, 16),
        "the terms follow from the change on"
    );
    let coming = coming_baskets(&conn, 1, week(2026, 11), 2).unwrap();
    assert_eq!(coming.len(), 2);
    assert_eq!(coming[0].depot_id, 1);
    assert_eq!(coming[1].depot_id, 2);
    assert_eq!(coming[1].line.as_ref().unwrap().size_id, GRAND);
    // A change starting on or before the start is refused, nothing written.
    let err = change_subscription(&conn, id, date(2026, 3, 16), &new).unwrap_err();
    assert!(err.to_string().contains("après le début"), "{err}");
    assert_eq!(subscriptions_of(&conn, 1).unwrap().len(), 2);
    // An impossible new row (ends before it starts) rolls the whole change back.
    let mut bad = new.clone();
    bad.end = Some(date(2026, 3, 1));
    assert!(change_subscription(&conn, id, date(2026, 4, 6), &bad).is_err());
    assert_eq!(get_subscription(&conn, id).unwrap().end, None);
}

#[test]
fn capacity_warning_is_a_warning_only() {
    use binette::store::baskets::capacity_warning;
    let conn = garden();
    conn.execute("UPDATE depot SET capacity = 3 WHERE id = 1", [])
        .unwrap();
    subscribe(&conn, 1, 1, PETIT, 1, 2, "hebdo", week(2026, 1));
    assert_eq!(
        capacity_warning(&conn, 1, date(2026, 3, 2), 0, 1).unwrap(),
        None
    );
    let warning = capacity_warning(&conn, 1, date(2026, 3, 2), 0, 2)
        .unwrap()
        .unwrap();
    assert!(warning.contains("4 paniers pour 3 places"), "{warning}");
    assert_eq!(
        capacity_warning(&conn, 2, date(2026, 3, 2), 0, 9).unwrap(),
        None
    );
}

// ------------------------------------------------------------------ funder statement

#[test]
fn funder_statement_matches_amounts_computed_by_hand() {
    use binette::report::funder_statement::{StatementDocument, render};
    use binette::store::week::funder_statement;
    let conn = garden();
    conn.execute("UPDATE depot SET active = 1 WHERE id = 3", [])
        .unwrap();
    conn.execute_batch(
        "INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES
             (1, '2025-01-01', 1000), (1, '2027-01-01', 1200);
         INSERT INTO funder (id, name) VALUES (1, 'CAF du Rhône'), (2, 'CCAS');
         INSERT INTO subscription (id, member_id, size_id, depot_id, start_date, anchor_monday)
             VALUES (1, 1, 1, 3, '2026-01-01', '2025-12-29'),
                    (2, 2, 1, 3, '2026-01-01', '2025-12-29');
         INSERT INTO solidarity_terms (id, subscription_id, start_date, share_kind, share_value)
             VALUES (1, 1, '2026-01-01', 'pourcentage', 30);
         INSERT INTO solidarity_terms_funding VALUES (1, 1, 60), (1, 2, 40);
         -- Wednesdays 23 and 30 December 2026 at 10 €, 6 January 2027 at 12 € (2 baskets),
         -- 13 January donated (not the household's) and out of the period anyway.
         INSERT INTO pickup (monday, subscription_id, baskets, status) VALUES
             ('2026-12-21', 1, 1, 'non_retire'), ('2026-12-28', 1, 1, 'retire'),
             ('2027-01-04', 1, 2, 'retire'), ('2027-01-11', 1, 1, 'donne'),
             ('2026-11-30', 1, 1, 'retire'),
             ('2026-12-28', 2, 1, 'retire');",
    )
    .unwrap();
    let s = funder_statement(&conn, 1, date(2026, 12, 7), date(2027, 1, 10)).unwrap();
    assert_eq!(s.lines.len(), 1, "the ordinary subscription is not there");
    let l = &s.lines[0];
    assert_eq!(l.household, "MARTIN Anne");
    assert_eq!(l.baskets, 4);
    // 10 + 10 + 2 × 12 = 44 €; household 30 %: 3 + 3 + 2 × 3,60 = 13,20 €;
    // remainder 30,80 €, CAF 60 %: 4,20 + 4,20 + 2 × 5,04 = 18,48 €.
    assert_eq!(l.value, 4400);
    assert_eq!(l.household_paid, 1320);
    assert_eq!(l.funder_owes, 1848);
    // Wednesday deliveries in the period: 9, 16, 23, 30 December, 6 January; Anne's pickups
    // are ticked for 23 and 30 December and 6 January only: 9 and 16 December (1 basket
    // each) were never ticked.
    assert_eq!(s.unticked_baskets, 2);
    assert_eq!(s.households, 1);
    let ccas = funder_statement(&conn, 2, date(2026, 12, 7), date(2027, 1, 10)).unwrap();
    assert_eq!(ccas.totals(), (4, 4400, 1320, 1232));

    let bytes = render(&StatementDocument {
        garden_name: "Jardin des Lilas".into(),
        logo_path: None,
        created: date(2027, 1, 15).and_hms_opt(10, 0, 0).unwrap(),
        statement: s,
    })
    .unwrap();
    if let Some(out) = std::env::var_os("BINETTE_PDF_OUT") {
        std::fs::write(out, &bytes).unwrap();
    }
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    for expected in [
        "Jardin des Lilas",
        "CAF du Rhône",
        "MARTIN Anne",
        "44,00",
        "13,20",
        "18,48",
        "07/12/2026",
        "10/01/2027",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from:\n{text}"
        );
    }
    assert!(
        !text.contains("BERNARD"),
        "only the funder's households are listed"
    );
}
