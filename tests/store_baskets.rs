//! Store round-trips of the baskets area: members, sizes, prices, depots, funders,
//! subscriptions, Paniers Solidaires, absences, closures, holiday rules, compositions, pickups.

#![allow(clippy::unwrap_used)]

use binette::domain::baskets::*;
use binette::domain::harvests::Unit;
use binette::store::baskets::*;
use binette::store::calendar::*;
use binette::store::distribution::*;
use binette::store::members::*;
use binette::store::{Connection, StoreError, open_in_memory};
use chrono::{NaiveDate, Weekday};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn member(last: &str, first: &str) -> Member {
    Member {
        id: 0,
        last_name: last.into(),
        first_name: first.into(),
        co_member: String::new(),
        address: String::new(),
        postcode: String::new(),
        city: String::new(),
        phone: String::new(),
        phone2: String::new(),
        email: String::new(),
        notes: String::new(),
        status: MemberStatus::Active,
        joined_on: None,
    }
}

fn size(name: &str) -> BasketSize {
    BasketSize {
        id: 0,
        name: name.into(),
        persons: "2 personnes".into(),
        position: 1,
        active: true,
    }
}

fn depot(name: &str) -> Depot {
    Depot {
        id: 0,
        name: name.into(),
        address: "1 rue des Lilas".into(),
        postcode: "25000".into(),
        city: "Besançon".into(),
        weekday: Weekday::Thu,
        slot_start: "17:00".into(),
        slot_end: "19:00".into(),
        contact_name: "Mme Roy".into(),
        contact_phone: "03 81 00 00 00".into(),
        capacity: Some(40),
        active: true,
    }
}

fn subscription(member_id: i64, size_id: i64, depot_id: i64, start: NaiveDate) -> Subscription {
    Subscription {
        id: 0,
        member_id,
        shared_with: None,
        size_id,
        depot_id,
        quantity: 1,
        start,
        end: None,
        frequency: Frequency::Weekly,
        anchor_monday: d(2025, 1, 6),
    }
}

/// A database with one member, one size, one depot; returns their ids.
fn seeded() -> (Connection, i64, i64, i64) {
    let conn = open_in_memory().unwrap();
    let m = insert_member(&conn, &member("Martin", "Anne")).unwrap();
    let s = insert_basket_size(&conn, &size("Petit")).unwrap();
    let dep = insert_depot(&conn, &depot("Mairie")).unwrap();
    (conn, m, s, dep)
}

fn assert_invalid<T: std::fmt::Debug>(result: binette::store::Result<T>, words: &str) {
    match result {
        Err(StoreError::Invalid(message)) => {
            assert!(
                message.contains(words),
                "message « {message} » sans « {words} »"
            );
        }
        other => panic!("attendu Invalid, obtenu {other:?}"),
    }
}

// ------------------------------------------------------------------ depots

#[test]
fn depot_round_trip_and_list_by_name() {
    let conn = open_in_memory().unwrap();
    let mut z = depot("Zinnia");
    z.id = insert_depot(&conn, &z).unwrap();
    assert_eq!(get_depot(&conn, z.id).unwrap(), z);
    z.weekday = Weekday::Sun;
    z.capacity = None;
    z.active = false;
    z.slot_end = "20:00".into();
    update_depot(&conn, &z).unwrap();
    assert_eq!(get_depot(&conn, z.id).unwrap(), z);
    let stored: i64 = conn
        .query_row("SELECT weekday FROM depot WHERE id = ?1", [z.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, 7, "dimanche est stocké en ISO 7");

    let mut a = depot("Atelier");
    a.weekday = Weekday::Mon;
    a.id = insert_depot(&conn, &a).unwrap();
    assert_eq!(list_depots(&conn).unwrap(), vec![a.clone(), z.clone()]);
    let stored: i64 = conn
        .query_row("SELECT weekday FROM depot WHERE id = ?1", [a.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, 1, "lundi est stocké en ISO 1");

    assert_invalid(insert_depot(&conn, &depot("atelier")), "déjà");
    delete_depot(&conn, z.id).unwrap();
    assert!(matches!(
        get_depot(&conn, z.id),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(list_depots(&conn).unwrap(), vec![a]);
}

#[test]
fn depot_in_use_cannot_be_deleted() {
    let (conn, m, s, dep) = seeded();
    insert_subscription(&conn, &subscription(m, s, dep, d(2025, 1, 6))).unwrap();
    assert_invalid(delete_depot(&conn, dep), "1 abonnement");
    assert_eq!(list_depots(&conn).unwrap().len(), 1);
}

// ------------------------------------------------------------------ subscriptions

#[test]
fn subscription_round_trip() {
    let (conn, m, s, dep) = seeded();
    let other = insert_member(&conn, &member("Durand", "Paul")).unwrap();
    let s2 = insert_basket_size(&conn, &size("Grand")).unwrap();
    let mut sub = subscription(m, s, dep, d(2025, 3, 3));
    sub.id = insert_subscription(&conn, &sub).unwrap();
    assert_eq!(get_subscription(&conn, sub.id).unwrap(), sub);
    sub.shared_with = Some(other);
    sub.size_id = s2;
    sub.quantity = 2;
    sub.end = Some(d(2025, 12, 19));
    sub.frequency = Frequency::Fortnightly;
    sub.anchor_monday = d(2025, 3, 10);
    update_subscription(&conn, &sub).unwrap();
    assert_eq!(get_subscription(&conn, sub.id).unwrap(), sub);
    assert_eq!(subscriptions_of(&conn, m).unwrap(), vec![sub.clone()]);
    assert_eq!(list_subscriptions(&conn).unwrap(), vec![sub.clone()]);
    delete_subscription(&conn, sub.id).unwrap();
    assert!(matches!(
        get_subscription(&conn, sub.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        delete_subscription(&conn, sub.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn subscription_refuses_bad_dates() {
    let (conn, m, s, dep) = seeded();
    let mut sub = subscription(m, s, dep, d(2025, 3, 3));
    sub.end = Some(d(2025, 3, 2));
    assert_invalid(insert_subscription(&conn, &sub), "précéder");
    sub.end = None;
    sub.anchor_monday = d(2025, 3, 4);
    assert_invalid(insert_subscription(&conn, &sub), "lundi");
}

#[test]
fn subscriptions_between_counts_touching_days() {
    let (conn, m, s, dep) = seeded();
    let mut ids = Vec::new();
    for (start, end) in [
        (d(2025, 1, 1), Some(d(2025, 3, 2))), // ends the day before: out
        (d(2025, 1, 1), Some(d(2025, 3, 3))), // ends on the first day: in
        (d(2025, 3, 9), None),                // starts on the last day: in
        (d(2025, 3, 10), None),               // starts the day after: out
        (d(2025, 1, 1), None),                // open-ended, started before: in
        (d(2025, 3, 5), Some(d(2025, 3, 5))), // inside: in
    ] {
        let mut sub = subscription(m, s, dep, start);
        sub.end = end;
        ids.push(insert_subscription(&conn, &sub).unwrap());
    }
    let mut found: Vec<i64> = subscriptions_between(&conn, d(2025, 3, 3), d(2025, 3, 9))
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    found.sort_unstable();
    assert_eq!(found, vec![ids[1], ids[2], ids[4], ids[5]]);
}

// ------------------------------------------------------------------ absences

fn absence(member_id: i64, start: NaiveDate, end: NaiveDate) -> Absence {
    Absence {
        id: 0,
        member_id,
        start,
        end,
        mode: AbsenceMode::Skipped,
        makeup_monday: None,
        notes: String::new(),
    }
}

#[test]
fn absence_round_trip() {
    let (conn, m, _, _) = seeded();
    let mut a = absence(m, d(2025, 7, 1), d(2025, 7, 20));
    a.id = insert_absence(&conn, &a).unwrap();
    assert_eq!(get_absence(&conn, a.id).unwrap(), a);
    a.mode = AbsenceMode::MadeUp;
    a.makeup_monday = Some(d(2025, 8, 4));
    a.notes = "Vacances".into();
    update_absence(&conn, &a).unwrap();
    assert_eq!(get_absence(&conn, a.id).unwrap(), a);
    assert_eq!(absences_of(&conn, m).unwrap(), vec![a.clone()]);
    assert_eq!(list_absences(&conn).unwrap(), vec![a.clone()]);
    delete_absence(&conn, a.id).unwrap();
    assert!(matches!(
        get_absence(&conn, a.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn absence_ending_before_it_starts_is_refused() {
    let (conn, m, _, _) = seeded();
    assert_invalid(
        insert_absence(&conn, &absence(m, d(2025, 7, 20), d(2025, 7, 19))),
        "départ",
    );
    let mut a = absence(m, d(2025, 7, 20), d(2025, 7, 20));
    a.id = insert_absence(&conn, &a).unwrap();
    a.end = d(2025, 7, 1);
    assert_invalid(update_absence(&conn, &a), "départ");
    assert_eq!(get_absence(&conn, a.id).unwrap().end, d(2025, 7, 20));
}

#[test]
fn absences_between_counts_touching_days() {
    let (conn, m, _, _) = seeded();
    let spans = [
        (d(2025, 2, 20), d(2025, 3, 2)),  // out
        (d(2025, 2, 20), d(2025, 3, 3)),  // touches the first day: in
        (d(2025, 3, 9), d(2025, 3, 20)),  // touches the last day: in
        (d(2025, 3, 10), d(2025, 3, 20)), // out
        (d(2025, 2, 1), d(2025, 4, 1)),   // covers the whole period: in
    ];
    // One member per span: a member's own absences may not overlap.
    let ids: Vec<i64> = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| {
            let who = if i == 0 {
                m
            } else {
                insert_member(&conn, &member("Autre", &i.to_string())).unwrap()
            };
            insert_absence(&conn, &absence(who, start, end)).unwrap()
        })
        .collect();
    let mut found: Vec<i64> = absences_between(&conn, d(2025, 3, 3), d(2025, 3, 9))
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    found.sort_unstable();
    assert_eq!(found, vec![ids[1], ids[2], ids[4]]);
}

// ------------------------------------------------------------------ closures, holidays

#[test]
fn closure_round_trip() {
    let conn = open_in_memory().unwrap();
    let mut c = Closure {
        monday: d(2025, 12, 22),
        reason: "Noël".into(),
    };
    insert_closure(&conn, &c).unwrap();
    assert_eq!(get_closure(&conn, c.monday).unwrap(), Some(c.clone()));
    let earlier = Closure {
        monday: d(2025, 8, 11),
        reason: "Été".into(),
    };
    insert_closure(&conn, &earlier).unwrap();
    assert_eq!(
        list_closures(&conn).unwrap(),
        vec![earlier.clone(), c.clone()]
    );
    let old = c.monday;
    c.monday = d(2025, 12, 29);
    c.reason = "Nouvel an".into();
    update_closure(&conn, old, &c).unwrap();
    assert_eq!(get_closure(&conn, old).unwrap(), None);
    assert_eq!(get_closure(&conn, c.monday).unwrap(), Some(c.clone()));
    assert_invalid(insert_closure(&conn, &earlier), "déjà");
    assert_invalid(
        insert_closure(
            &conn,
            &Closure {
                monday: d(2025, 12, 23),
                reason: String::new(),
            },
        ),
        "lundi",
    );
    delete_closure(&conn, c.monday).unwrap();
    assert_eq!(list_closures(&conn).unwrap(), vec![earlier]);
}

#[test]
fn holiday_rule_round_trip() {
    let (conn, _, _, dep) = seeded();
    let mut all = HolidayRule {
        id: 0,
        date: d(2025, 5, 1),
        depot_id: None,
        action: HolidayAction::Cancelled,
        moved_to: None,
    };
    all.id = insert_holiday_rule(&conn, &all).unwrap();
    assert_eq!(get_holiday_rule(&conn, all.id).unwrap(), all);
    let mut one = HolidayRule {
        id: 0,
        date: d(2025, 5, 1),
        depot_id: Some(dep),
        action: HolidayAction::Moved,
        moved_to: Some(d(2025, 4, 30)),
    };
    one.id = insert_holiday_rule(&conn, &one).unwrap();
    let mut early = HolidayRule {
        date: d(2025, 4, 21),
        id: 0,
        ..all.clone()
    };
    early.id = insert_holiday_rule(&conn, &early).unwrap();
    assert_eq!(
        list_holiday_rules(&conn).unwrap(),
        vec![early.clone(), all.clone(), one.clone()]
    );

    one.moved_to = Some(d(2025, 5, 2));
    update_holiday_rule(&conn, &one).unwrap();
    assert_eq!(get_holiday_rule(&conn, one.id).unwrap(), one);
    all.action = HolidayAction::Moved;
    assert_invalid(update_holiday_rule(&conn, &all), "déplacée");
    assert_invalid(
        insert_holiday_rule(
            &conn,
            &HolidayRule {
                id: 0,
                ..early.clone()
            },
        ),
        "déjà",
    );

    delete_holiday_rule(&conn, one.id).unwrap();
    assert!(matches!(
        get_holiday_rule(&conn, one.id),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(list_holiday_rules(&conn).unwrap().len(), 2);
}

// ------------------------------------------------------------------ members, memberships

#[test]
fn member_round_trip_and_list_by_name() {
    let conn = open_in_memory().unwrap();
    let mut m = member("Martin", "Zoé");
    m.id = insert_member(&conn, &m).unwrap();
    assert_eq!(get_member(&conn, m.id).unwrap(), m);
    m.co_member = "Jean Martin".into();
    m.address = "3 chemin du Moulin".into();
    m.postcode = "25000".into();
    m.city = "Besançon".into();
    m.phone = "06 00 00 00 01".into();
    m.phone2 = "06 00 00 00 02".into();
    m.email = "zoe@example.org".into();
    m.notes = "Allergie aux noix".into();
    m.status = MemberStatus::Paused;
    m.joined_on = Some(d(2024, 4, 2));
    update_member(&conn, &m).unwrap();
    assert_eq!(get_member(&conn, m.id).unwrap(), m);

    let mut a = member("martin", "Anne");
    a.id = insert_member(&conn, &a).unwrap();
    let mut b = member("Bernard", "Luc");
    b.id = insert_member(&conn, &b).unwrap();
    let names: Vec<i64> = list_members(&conn).unwrap().iter().map(|m| m.id).collect();
    assert_eq!(names, vec![b.id, a.id, m.id]);

    assert_invalid(insert_member(&conn, &member("  ", "Sans nom")), "nom");
    delete_member(&conn, m.id).unwrap();
    assert!(matches!(
        get_member(&conn, m.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        update_member(&conn, &m),
        Err(StoreError::NotFound(_))
    ));
}

/// The members asked for, in one query: every field read back, unknown ids left out.
#[test]
fn members_by_id_reads_the_members_asked_for_only() {
    let conn = open_in_memory().unwrap();
    let mut a = member("Martin", "Zoé");
    a.phone = "06 00 00 00 01".into();
    a.phone2 = "06 00 00 00 02".into();
    a.status = MemberStatus::Paused;
    a.joined_on = Some(d(2024, 4, 2));
    a.id = insert_member(&conn, &a).unwrap();
    let left_out = insert_member(&conn, &member("Durand", "Paul")).unwrap();
    let c = insert_member(&conn, &member("Bernard", "Luc")).unwrap();
    let found = members_by_id(&conn, &[c, a.id, 9999]).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[&a.id], a);
    assert_eq!(found[&c].last_name, "Bernard");
    assert!(!found.contains_key(&left_out));
    assert!(members_by_id(&conn, &[]).unwrap().is_empty());
}

/// More households than one query takes at once (10,000): all of them are found.
#[test]
fn members_by_id_reads_a_garden_of_more_than_ten_thousand_households() {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10005)
         INSERT INTO member (id, last_name, first_name) SELECT i, 'Nom ' || i, 'Prénom' FROM n;",
    )
    .unwrap();
    let ids: Vec<i64> = (1..=10_006).collect();
    let found = members_by_id(&conn, &ids).unwrap();
    // 10,005 households; id 10,006 does not exist.
    assert_eq!(found.len(), 10_005);
    assert_eq!(found[&10_005].last_name, "Nom 10005");
    assert_eq!(found[&1].last_name, "Nom 1");
}

#[test]
fn membership_round_trip() {
    let (conn, m, _, _) = seeded();
    let mut fee = Membership {
        id: 0,
        member_id: m,
        year: 2025,
        amount: 1500,
        paid_on: d(2025, 1, 15),
        method: PaymentMethod::Cheque,
    };
    fee.id = insert_membership(&conn, &fee).unwrap();
    assert_eq!(get_membership(&conn, fee.id).unwrap(), fee);
    fee.amount = 2000;
    fee.method = PaymentMethod::Transfer;
    fee.paid_on = d(2025, 2, 1);
    update_membership(&conn, &fee).unwrap();
    assert_eq!(get_membership(&conn, fee.id).unwrap(), fee);
    let mut next = Membership {
        id: 0,
        year: 2026,
        method: PaymentMethod::Cash,
        ..fee.clone()
    };
    next.id = insert_membership(&conn, &next).unwrap();
    assert_eq!(
        memberships_of(&conn, m).unwrap(),
        vec![next.clone(), fee.clone()]
    );
    assert_eq!(list_memberships(&conn).unwrap().len(), 2);
    assert_invalid(insert_membership(&conn, &fee), "déjà");
    delete_membership(&conn, fee.id).unwrap();
    assert_eq!(memberships_of(&conn, m).unwrap(), vec![next]);
}

// ------------------------------------------------------------------ sizes, prices, funders

#[test]
fn basket_size_round_trip_and_in_use_refusal() {
    let (conn, m, petit, dep) = seeded();
    let mut grand = size("Grand");
    grand.position = 0;
    grand.id = insert_basket_size(&conn, &grand).unwrap();
    assert_eq!(get_basket_size(&conn, grand.id).unwrap(), grand);
    grand.persons = "4 personnes".into();
    grand.position = 5;
    grand.active = false;
    update_basket_size(&conn, &grand).unwrap();
    assert_eq!(get_basket_size(&conn, grand.id).unwrap(), grand);
    let order: Vec<String> = list_basket_sizes(&conn)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(order, vec!["Petit", "Grand"]);
    assert_invalid(insert_basket_size(&conn, &size("PETIT")), "déjà");

    insert_subscription(&conn, &subscription(m, petit, dep, d(2025, 1, 6))).unwrap();
    insert_subscription(&conn, &subscription(m, petit, dep, d(2025, 6, 2))).unwrap();
    assert_invalid(delete_basket_size(&conn, petit), "2 abonnements");
    assert!(get_basket_size(&conn, petit).is_ok());
    delete_basket_size(&conn, grand.id).unwrap();
    assert!(matches!(
        get_basket_size(&conn, grand.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn basket_price_round_trip_and_price_on_date() {
    let (conn, _, s, _) = seeded();
    let mut p1 = BasketPrice {
        id: 0,
        size_id: s,
        valid_from: d(2025, 1, 1),
        price: 1000,
    };
    p1.id = insert_basket_price(&conn, &p1).unwrap();
    assert_eq!(get_basket_price(&conn, p1.id).unwrap(), p1);
    p1.price = 1100;
    p1.valid_from = d(2024, 9, 1);
    update_basket_price(&conn, &p1).unwrap();
    assert_eq!(get_basket_price(&conn, p1.id).unwrap(), p1);
    let mut p2 = BasketPrice {
        id: 0,
        size_id: s,
        valid_from: d(2026, 1, 1),
        price: 1250,
    };
    p2.id = insert_basket_price(&conn, &p2).unwrap();
    assert_eq!(
        prices_of_size(&conn, s).unwrap(),
        vec![p1.clone(), p2.clone()]
    );
    assert_eq!(price_on_date(&conn, s, d(2024, 8, 31)).unwrap(), None);
    assert_eq!(price_on_date(&conn, s, d(2024, 9, 1)).unwrap(), Some(1100));
    assert_eq!(
        price_on_date(&conn, s, d(2025, 12, 31)).unwrap(),
        Some(1100)
    );
    assert_eq!(price_on_date(&conn, s, d(2026, 1, 1)).unwrap(), Some(1250));
    assert_invalid(
        insert_basket_price(
            &conn,
            &BasketPrice {
                id: 0,
                ..p2.clone()
            },
        ),
        "déjà",
    );
    delete_basket_price(&conn, p2.id).unwrap();
    assert_eq!(price_on_date(&conn, s, d(2026, 1, 1)).unwrap(), Some(1100));
}

fn funder(name: &str, kind: FunderKind) -> Funder {
    Funder {
        id: 0,
        name: name.into(),
        kind,
        active: true,
    }
}

#[test]
fn funder_round_trip() {
    let conn = open_in_memory().unwrap();
    let mut f = funder("CAF du Doubs", FunderKind::Caf);
    f.id = insert_funder(&conn, &f).unwrap();
    assert_eq!(get_funder(&conn, f.id).unwrap(), f);
    f.kind = FunderKind::Departement;
    f.name = "Département du Doubs".into();
    f.active = false;
    update_funder(&conn, &f).unwrap();
    assert_eq!(get_funder(&conn, f.id).unwrap(), f);
    let mut a = funder("CCAS de Besançon", FunderKind::Ccas);
    a.id = insert_funder(&conn, &a).unwrap();
    assert_eq!(list_funders(&conn).unwrap(), vec![a.clone(), f.clone()]);
    delete_funder(&conn, f.id).unwrap();
    assert_eq!(list_funders(&conn).unwrap(), vec![a]);
}

// ------------------------------------------------------------------ Paniers Solidaires

#[test]
fn solidarity_terms_keep_their_history() {
    let (conn, m, s, dep) = seeded();
    let sub = insert_subscription(&conn, &subscription(m, s, dep, d(2025, 1, 6))).unwrap();
    let caf = insert_funder(&conn, &funder("CAF", FunderKind::Caf)).unwrap();
    let ccas = insert_funder(&conn, &funder("CCAS", FunderKind::Ccas)).unwrap();
    assert_eq!(get_solidarity(&conn, sub).unwrap(), None);

    let mut terms = Solidarity {
        id: 0,
        subscription_id: sub,
        start: d(2025, 1, 6),
        end: None,
        share_kind: ShareKind::Amount,
        share_value: 300,
        social_worker: "Mme Petit".into(),
        referring_body: "CCAS".into(),
        review_on: Some(d(2025, 6, 30)),
        funding: vec![
            FundingShare {
                funder_id: caf,
                share_percent: 60,
            },
            FundingShare {
                funder_id: ccas,
                share_percent: 40,
            },
        ],
    };
    terms.id = set_solidarity(&conn, &terms).unwrap();
    assert_eq!(get_solidarity(&conn, sub).unwrap(), Some(terms.clone()));
    assert_invalid(delete_funder(&conn, caf), "1 panier solidaire");

    // A change from 1 April starts a new period; the first ends on 31 March, unchanged.
    let mut changed = terms.clone();
    changed.start = d(2025, 4, 1);
    changed.share_kind = ShareKind::Percent;
    changed.share_value = 25;
    changed.review_on = None;
    changed.funding = vec![FundingShare {
        funder_id: ccas,
        share_percent: 100,
    }];
    changed.id = set_solidarity(&conn, &changed).unwrap();
    let first = Solidarity {
        end: Some(d(2025, 3, 31)),
        ..terms.clone()
    };
    assert_eq!(
        solidarity_history(&conn, sub).unwrap(),
        vec![first.clone(), changed.clone()]
    );
    // The CAF funded the first period: it cannot be deleted.
    assert_invalid(delete_funder(&conn, caf), "1 panier solidaire");

    // Typing the same start again corrects that period in place.
    let mut corrected = changed.clone();
    corrected.share_value = 20;
    assert_eq!(set_solidarity(&conn, &corrected).unwrap(), changed.id);
    assert_eq!(solidarity_history(&conn, sub).unwrap().len(), 2);

    // A period cannot be slipped in before a later one: history is changed from its end.
    let mut earlier = corrected.clone();
    earlier.start = d(2025, 2, 1);
    assert_invalid(set_solidarity(&conn, &earlier), "01/04/2025");

    // A failing write leaves the terms untouched (one transaction).
    let mut bad = corrected.clone();
    bad.share_value = 10;
    bad.funding = vec![
        FundingShare {
            funder_id: ccas,
            share_percent: 50,
        },
        FundingShare {
            funder_id: 999,
            share_percent: 50,
        },
    ];
    assert!(set_solidarity(&conn, &bad).is_err());
    assert_eq!(get_solidarity(&conn, sub).unwrap(), Some(corrected.clone()));
    bad.funding = vec![
        FundingShare {
            funder_id: ccas,
            share_percent: 50,
        },
        FundingShare {
            funder_id: ccas,
            share_percent: 50,
        },
    ];
    assert_invalid(set_solidarity(&conn, &bad), "deux fois");

    // "Retirer" ends the terms at a date; nothing is deleted.
    assert_invalid(end_solidarity(&conn, sub, d(2025, 3, 15)), "01/04/2025");
    end_solidarity(&conn, sub, d(2025, 9, 30)).unwrap();
    let history = solidarity_history(&conn, sub).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0], first);
    assert_eq!(history[1].end, Some(d(2025, 9, 30)));
    assert_invalid(
        end_solidarity(&conn, sub, d(2025, 10, 15)),
        "pas de conditions",
    );
    // Correcting the ended period (same start) keeps it ended.
    set_solidarity(&conn, &corrected).unwrap();
    assert_eq!(
        get_solidarity(&conn, sub).unwrap().unwrap().end,
        Some(d(2025, 9, 30))
    );
    let lines: i64 = conn
        .query_row("SELECT count(*) FROM solidarity_terms_funding", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(lines, 3, "2 funders in the first period, 1 in the second");
}

#[test]
fn home_screen_counts_and_reviews() {
    let (conn, anne, s, dep) = seeded();
    let mut paul = member("durand", "Paul");
    paul.id = insert_member(&conn, &paul).unwrap();
    let mut gone = member("Roux", "Léa");
    gone.status = MemberStatus::Left;
    gone.id = insert_member(&conn, &gone).unwrap();
    let mut paused = member("Petit", "Jules");
    paused.status = MemberStatus::Paused;
    insert_member(&conn, &paused).unwrap();

    let today = d(2025, 6, 2);
    let terms = |sub: i64, review: Option<NaiveDate>| Solidarity {
        id: 0,
        subscription_id: sub,
        start: d(2024, 1, 1),
        end: None,
        share_kind: ShareKind::Amount,
        share_value: 300,
        social_worker: String::new(),
        referring_body: String::new(),
        review_on: review,
        funding: vec![],
    };
    // Anne: running, review in exactly 30 days (due).
    let a = insert_subscription(&conn, &subscription(anne, s, dep, d(2025, 1, 6))).unwrap();
    set_solidarity(&conn, &terms(a, Some(d(2025, 7, 2)))).unwrap();
    // Paul: running, review overdue (due); a second, ended subscription is not counted twice.
    let p = insert_subscription(&conn, &subscription(paul.id, s, dep, d(2025, 1, 6))).unwrap();
    set_solidarity(&conn, &terms(p, Some(d(2025, 5, 1)))).unwrap();
    let mut ended = subscription(paul.id, s, dep, d(2024, 1, 1));
    ended.end = Some(d(2024, 12, 31));
    let e = insert_subscription(&conn, &ended).unwrap();
    set_solidarity(&conn, &terms(e, Some(d(2025, 3, 1)))).unwrap();
    // Léa left: not active, not due; her subscription starts tomorrow.
    let l = insert_subscription(&conn, &subscription(gone.id, s, dep, d(2025, 6, 3))).unwrap();
    set_solidarity(&conn, &terms(l, Some(d(2025, 6, 10)))).unwrap();

    let due = solidarity_reviews_due(&conn, d(2025, 7, 2)).unwrap();
    assert_eq!(
        due,
        vec![
            (paul.id, "DURAND Paul".to_string(), d(2025, 5, 1)),
            (anne, "MARTIN Anne".to_string(), d(2025, 7, 2)),
        ]
    );
    assert_eq!(
        solidarity_reviews_due(&conn, d(2025, 7, 1)).unwrap().len(),
        1
    );
    assert_eq!(
        member_counts(&conn, today).unwrap(),
        MemberCounts {
            active_members: 2,
            solidarity_households: 2,
            reviews_due: 2
        }
    );
    assert_eq!(
        member_counts(&conn, d(2025, 6, 3))
            .unwrap()
            .solidarity_households,
        3
    );
}

// ------------------------------------------------------------------ composition, pickups

fn crop(conn: &Connection, name: &str) -> i64 {
    conn.execute("INSERT INTO crop (name) VALUES (?1)", [name])
        .unwrap();
    conn.last_insert_rowid()
}

fn item(crop_id: i64, quantity: f64, unit: Unit) -> CompositionItem {
    CompositionItem {
        id: 0,
        monday: d(2000, 1, 3),
        size_id: 0,
        crop_id,
        quantity,
        unit,
    }
}

#[test]
fn composition_item_round_trip() {
    let (conn, _, s, _) = seeded();
    let carrot = crop(&conn, "Carotte");
    let leek = crop(&conn, "Poireau");
    let mut it = CompositionItem {
        id: 0,
        monday: d(2025, 3, 3),
        size_id: s,
        crop_id: carrot,
        quantity: 1.5,
        unit: Unit::Kg,
    };
    it.id = insert_composition_item(&conn, &it).unwrap();
    assert_eq!(get_composition_item(&conn, it.id).unwrap(), it);
    it.crop_id = leek;
    it.quantity = 3.0;
    it.unit = Unit::Bunch;
    update_composition_item(&conn, &it).unwrap();
    assert_eq!(get_composition_item(&conn, it.id).unwrap(), it);
    assert_eq!(
        composition_of_week(&conn, d(2025, 3, 3)).unwrap(),
        vec![it.clone()]
    );
    assert_invalid(
        insert_composition_item(
            &conn,
            &CompositionItem {
                id: 0,
                ..it.clone()
            },
        ),
        "déjà",
    );
    assert_invalid(
        insert_composition_item(
            &conn,
            &CompositionItem {
                quantity: 0.0,
                ..it.clone()
            },
        ),
        "quantité",
    );
    delete_composition_item(&conn, it.id).unwrap();
    assert!(
        composition_of_week(&conn, d(2025, 3, 3))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn set_composition_replaces_one_size_week() {
    let (conn, _, petit, _) = seeded();
    let mut grand_size = size("Grand");
    grand_size.position = 2;
    let grand = insert_basket_size(&conn, &grand_size).unwrap();
    let carrot = crop(&conn, "Carotte");
    let leek = crop(&conn, "Poireau");
    let salad = crop(&conn, "Salade");
    let week = d(2025, 3, 3);
    let next_week = d(2025, 3, 10);

    set_composition(
        &conn,
        week,
        petit,
        &[item(carrot, 1.0, Unit::Kg), item(leek, 2.0, Unit::Piece)],
    )
    .unwrap();
    set_composition(&conn, week, grand, &[item(carrot, 2.0, Unit::Kg)]).unwrap();
    set_composition(&conn, next_week, petit, &[item(salad, 1.0, Unit::Piece)]).unwrap();

    // Replace the small size of the first week: the other size and week are untouched.
    let ids = set_composition(&conn, week, petit, &[item(salad, 2.0, Unit::Piece)]).unwrap();
    let got = composition_of_week(&conn, week).unwrap();
    let summary: Vec<(i64, i64, f64, Unit)> = got
        .iter()
        .map(|c| (c.size_id, c.crop_id, c.quantity, c.unit))
        .collect();
    assert_eq!(
        summary,
        vec![
            (petit, salad, 2.0, Unit::Piece),
            (grand, carrot, 2.0, Unit::Kg)
        ]
    );
    assert_eq!(got[0].id, ids[0]);
    assert!(got.iter().all(|c| c.monday == week));
    assert_eq!(composition_of_week(&conn, next_week).unwrap().len(), 1);

    // A refused replacement leaves the week as it was.
    assert_invalid(
        set_composition(
            &conn,
            week,
            petit,
            &[item(leek, 1.0, Unit::Kg), item(leek, 2.0, Unit::Kg)],
        ),
        "deux fois",
    );
    let missing_crop = set_composition(
        &conn,
        week,
        petit,
        &[item(leek, 1.0, Unit::Kg), item(9999, 1.0, Unit::Kg)],
    );
    assert!(missing_crop.is_err());
    assert_eq!(composition_of_week(&conn, week).unwrap(), got);
    assert_invalid(set_composition(&conn, d(2025, 3, 4), petit, &[]), "lundi");

    // An empty list clears the size's week.
    set_composition(&conn, week, petit, &[]).unwrap();
    assert_eq!(composition_of_week(&conn, week).unwrap().len(), 1);
}

#[test]
fn pickup_round_trip() {
    let (conn, m, s, dep) = seeded();
    let sub = insert_subscription(&conn, &subscription(m, s, dep, d(2025, 1, 6))).unwrap();
    let other = insert_subscription(&conn, &subscription(m, s, dep, d(2025, 1, 6))).unwrap();
    let week = d(2025, 3, 3);
    let mut p = Pickup {
        monday: week,
        subscription_id: sub,
        baskets: 1,
        status: PickupStatus::Collected,
    };
    set_pickup(&conn, &p).unwrap();
    assert_eq!(get_pickup(&conn, week, sub).unwrap(), Some(p.clone()));
    p.baskets = 2;
    p.status = PickupStatus::NotCollected;
    set_pickup(&conn, &p).unwrap();
    assert_eq!(get_pickup(&conn, week, sub).unwrap(), Some(p.clone()));
    let q = Pickup {
        subscription_id: other,
        status: PickupStatus::Donated,
        ..p.clone()
    };
    set_pickup(&conn, &q).unwrap();
    set_pickup(
        &conn,
        &Pickup {
            monday: d(2025, 3, 10),
            ..p.clone()
        },
    )
    .unwrap();
    assert_eq!(
        pickups_of_week(&conn, week).unwrap(),
        vec![p.clone(), q.clone()]
    );
    assert_invalid(
        set_pickup(
            &conn,
            &Pickup {
                monday: d(2025, 3, 5),
                ..p.clone()
            },
        ),
        "lundi",
    );
    delete_pickup(&conn, week, sub).unwrap();
    assert_eq!(get_pickup(&conn, week, sub).unwrap(), None);
    assert_eq!(pickups_of_week(&conn, week).unwrap(), vec![q]);
}

#[test]
fn absence_makeup_week_must_follow_the_return() {
    let (conn, m, _, _) = seeded();
    // Away until Sunday 20 July: the week of Monday 14 July holds no day after the return.
    let mut a = absence(m, d(2025, 7, 1), d(2025, 7, 20));
    a.mode = AbsenceMode::MadeUp;
    a.makeup_monday = Some(d(2025, 7, 14));
    assert_invalid(insert_absence(&conn, &a), "après le retour");
    a.makeup_monday = Some(d(2025, 7, 22));
    assert_invalid(insert_absence(&conn, &a), "lundi");
    a.makeup_monday = Some(d(2025, 7, 21));
    let first = insert_absence(&conn, &a).unwrap();
    delete_absence(&conn, first).unwrap();
    // Back on Wednesday 16 July: that week's Thursday delivery can take the extra basket.
    a.end = d(2025, 7, 16);
    a.makeup_monday = Some(d(2025, 7, 14));
    insert_absence(&conn, &a).unwrap();
    a.mode = AbsenceMode::Donated;
    assert_invalid(insert_absence(&conn, &a), "reporté");
}

#[test]
fn overlapping_absences_of_a_member_are_refused() {
    let (conn, m, _, _) = seeded();
    let other = insert_member(&conn, &member("Durand", "Paul")).unwrap();
    let mut a = absence(m, d(2026, 7, 6), d(2026, 7, 19));
    a.id = insert_absence(&conn, &a).unwrap();
    // Touching the last day overlaps; the day after does not.
    assert_invalid(
        insert_absence(&conn, &absence(m, d(2026, 7, 19), d(2026, 7, 26))),
        "chevauche celle du 06/07/2026 au 19/07/2026",
    );
    insert_absence(&conn, &absence(m, d(2026, 7, 20), d(2026, 7, 26))).unwrap();
    // Another member may be away at the same time.
    insert_absence(&conn, &absence(other, d(2026, 7, 6), d(2026, 7, 19))).unwrap();
    // An absence may be changed without clashing with itself, not onto another one.
    a.end = d(2026, 7, 18);
    update_absence(&conn, &a).unwrap();
    a.end = d(2026, 7, 21);
    assert_invalid(update_absence(&conn, &a), "chevauche");
    assert_eq!(absences_of(&conn, m).unwrap().len(), 2);
}
