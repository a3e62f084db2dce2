//! Store round-trips of what the Adhérents screen edits: memberships changed and deleted,
//! sizes renamed and deactivated (with the warning), price history, funders with their
//! funding counts, shared subscriptions, and public-holiday rules per depot.

#![allow(clippy::unwrap_used)]

use binette::domain::baskets::*;
use binette::domain::calendar::IsoWeek;
use binette::domain::distribution::Delivery;
use binette::store::baskets::*;
use binette::store::calendar::*;
use binette::store::members::*;
use binette::store::week::week_plan;
use binette::store::{Connection, StoreError, open_in_memory};
use chrono::{NaiveDate, Weekday};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn member(last: &str) -> Member {
    Member {
        id: 0,
        last_name: last.into(),
        first_name: "Anne".into(),
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
        anchor_monday: IsoWeek::of(start).monday(),
    }
}

/// One member, one size « Petit » priced 10 € from 2026, one Thursday depot.
fn seeded() -> (Connection, i64, i64, i64) {
    let conn = open_in_memory().unwrap();
    let m = insert_member(&conn, &member("Martin")).unwrap();
    let s = insert_basket_size(
        &conn,
        &BasketSize {
            id: 0,
            name: "Petit".into(),
            persons: "2 personnes".into(),
            position: 1,
            active: true,
        },
    )
    .unwrap();
    insert_basket_price(
        &conn,
        &BasketPrice {
            id: 0,
            size_id: s,
            valid_from: d(2026, 1, 1),
            price: 1000,
        },
    )
    .unwrap();
    let dep = insert_depot(&conn, &Depot::new("Mairie", Weekday::Thu)).unwrap();
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

#[test]
fn membership_changed_then_deleted() {
    let (conn, m, _, _) = seeded();
    let mut ms = Membership {
        id: 0,
        member_id: m,
        year: 2026,
        amount: 2000,
        paid_on: d(2026, 3, 2),
        method: PaymentMethod::Cheque,
    };
    ms.id = insert_membership(&conn, &ms).unwrap();
    let older = Membership {
        id: 0,
        year: 2025,
        ..ms.clone()
    };
    let older_id = insert_membership(&conn, &older).unwrap();

    ms.amount = 2500;
    ms.paid_on = d(2026, 3, 9);
    ms.method = PaymentMethod::Transfer;
    update_membership(&conn, &ms).unwrap();
    assert_eq!(get_membership(&conn, ms.id).unwrap(), ms);
    // Moving it onto a year already paid is refused, and nothing changes.
    assert_invalid(
        update_membership(
            &conn,
            &Membership {
                year: 2025,
                ..ms.clone()
            },
        ),
        "déjà enregistrée",
    );
    assert_eq!(get_membership(&conn, ms.id).unwrap(), ms);

    delete_membership(&conn, older_id).unwrap();
    assert_eq!(memberships_of(&conn, m).unwrap(), vec![ms.clone()]);
    assert!(matches!(
        delete_membership(&conn, older_id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn size_renamed_and_deactivated_with_a_warning_while_used() {
    let (conn, m, s, dep) = seeded();
    let mut size = get_basket_size(&conn, s).unwrap();
    size.name = "Petit panier".into();
    size.persons = "1 à 2 personnes".into();
    update_basket_size(&conn, &size).unwrap();
    assert_eq!(get_basket_size(&conn, s).unwrap(), size);
    assert_invalid(
        update_basket_size(
            &conn,
            &BasketSize {
                name: "  ".into(),
                ..size.clone()
            },
        ),
        "obligatoire",
    );

    // Unused: no warning. Used by a running subscription: a warning naming the count.
    size.active = false;
    assert_eq!(
        inactive_size_warning(&conn, &size, d(2026, 3, 2)).unwrap(),
        None
    );
    let mut sub = subscription(m, s, dep, d(2026, 1, 5));
    sub.end = Some(d(2026, 6, 30));
    insert_subscription(&conn, &sub).unwrap();
    update_basket_size(&conn, &size).unwrap();
    assert!(!get_basket_size(&conn, s).unwrap().active);
    let warning = inactive_size_warning(&conn, &size, d(2026, 3, 2))
        .unwrap()
        .unwrap();
    assert!(
        warning.contains("Petit panier") && warning.contains(": 1 "),
        "{warning}"
    );
    // After the subscription ended, nothing to warn about; an active size never warns.
    assert_eq!(
        inactive_size_warning(&conn, &size, d(2026, 7, 1)).unwrap(),
        None
    );
    assert_eq!(subscriptions_of_size(&conn, s, d(2026, 7, 1)).unwrap(), 0);
    size.active = true;
    assert_eq!(
        inactive_size_warning(&conn, &size, d(2026, 3, 2)).unwrap(),
        None
    );
}

#[test]
fn price_history_kept_and_zero_refused() {
    let (conn, _, s, _) = seeded();
    let next = BasketPrice {
        id: 0,
        size_id: s,
        valid_from: d(2027, 1, 1),
        price: 1200,
    };
    let next_id = insert_basket_price(&conn, &next).unwrap();
    let history = prices_of_size(&conn, s).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|p| (p.valid_from, p.price))
            .collect::<Vec<_>>(),
        vec![(d(2026, 1, 1), 1000), (d(2027, 1, 1), 1200)]
    );
    assert_eq!(
        price_on_date(&conn, s, d(2026, 12, 31)).unwrap(),
        Some(1000)
    );
    assert_eq!(price_on_date(&conn, s, d(2027, 1, 1)).unwrap(), Some(1200));

    assert_invalid(
        insert_basket_price(
            &conn,
            &BasketPrice {
                price: 0,
                valid_from: d(2028, 1, 1),
                ..next.clone()
            },
        ),
        "supérieur à 0 €",
    );
    assert_invalid(insert_basket_price(&conn, &next), "déjà un tarif");
    assert_eq!(prices_of_size(&conn, s).unwrap().len(), 2, "nothing saved");

    delete_basket_price(&conn, next_id).unwrap();
    assert_eq!(price_on_date(&conn, s, d(2027, 6, 1)).unwrap(), Some(1000));
}

#[test]
fn funders_counted_renamed_and_deleted_only_when_unused() {
    let (conn, m, s, dep) = seeded();
    let caf = insert_funder(
        &conn,
        &Funder {
            id: 0,
            name: "CAF".into(),
            kind: FunderKind::Caf,
            active: true,
        },
    )
    .unwrap();
    let spare = insert_funder(
        &conn,
        &Funder {
            id: 0,
            name: "Mairie".into(),
            kind: FunderKind::Other,
            active: true,
        },
    )
    .unwrap();
    let sub = insert_subscription(&conn, &subscription(m, s, dep, d(2026, 1, 5))).unwrap();
    set_solidarity(
        &conn,
        &Solidarity {
            id: 0,
            subscription_id: sub,
            start: d(2026, 1, 5),
            end: None,
            share_kind: ShareKind::Percent,
            share_value: 30,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: vec![FundingShare {
                funder_id: caf,
                share_percent: 100,
            }],
        },
    )
    .unwrap();
    assert_eq!(funding_counts(&conn).unwrap(), vec![(caf, 1)]);

    let renamed = Funder {
        id: caf,
        name: "CAF du Doubs".into(),
        kind: FunderKind::Caf,
        active: false,
    };
    update_funder(&conn, &renamed).unwrap();
    assert_eq!(get_funder(&conn, caf).unwrap(), renamed);
    assert_invalid(
        update_funder(
            &conn,
            &Funder {
                name: "mairie".into(),
                ..renamed.clone()
            },
        ),
        "déjà ce nom",
    );

    assert_invalid(delete_funder(&conn, caf), "1 panier solidaire");
    assert!(get_funder(&conn, caf).is_ok());
    delete_funder(&conn, spare).unwrap();
    assert_eq!(list_funders(&conn).unwrap(), vec![renamed]);
}

#[test]
fn subscription_shared_with_another_household() {
    let (conn, m, s, dep) = seeded();
    let other = insert_member(&conn, &member("Roy")).unwrap();
    let mut sub = subscription(m, s, dep, d(2026, 1, 5));
    sub.shared_with = Some(other);
    sub.id = insert_subscription(&conn, &sub).unwrap();
    assert_eq!(get_subscription(&conn, sub.id).unwrap(), sub);
    assert_eq!(
        subscriptions_shared_with(&conn, other).unwrap(),
        vec![sub.clone()]
    );
    assert!(subscriptions_shared_with(&conn, m).unwrap().is_empty());

    assert_invalid(
        update_subscription(
            &conn,
            &Subscription {
                shared_with: Some(m),
                ..sub.clone()
            },
        ),
        "même foyer",
    );
    // A change from a date keeps the sharing it is given.
    let changed = change_subscription(&conn, sub.id, d(2026, 3, 2), &sub).unwrap();
    assert_eq!(
        get_subscription(&conn, changed).unwrap().shared_with,
        Some(other)
    );
    // The partner leaving the garden (deleted) unshares the basket.
    delete_member(&conn, other).unwrap();
    assert_eq!(get_subscription(&conn, changed).unwrap().shared_with, None);
}

#[test]
fn holiday_rule_per_depot_beside_the_rule_for_all() {
    let (conn, m, s, thursday) = seeded();
    let other_thursday = insert_depot(&conn, &Depot::new("Gare", Weekday::Thu)).unwrap();
    let other = insert_member(&conn, &member("Roy")).unwrap();
    insert_subscription(&conn, &subscription(m, s, thursday, d(2026, 1, 5))).unwrap();
    insert_subscription(
        &conn,
        &subscription(other, s, other_thursday, d(2026, 1, 5)),
    )
    .unwrap();
    // Ascension 2026: Thursday 14 May (week 20).
    let ascension = d(2026, 5, 14);
    let week = IsoWeek::of(ascension);
    let all_moved = HolidayRule {
        id: 0,
        date: ascension,
        depot_id: None,
        action: HolidayAction::Moved,
        moved_to: Some(d(2026, 5, 15)),
    };
    set_holiday_rule(&conn, &all_moved).unwrap();
    let gare_cancelled = HolidayRule {
        depot_id: Some(other_thursday),
        action: HolidayAction::Cancelled,
        moved_to: None,
        ..all_moved.clone()
    };
    set_holiday_rule(&conn, &gare_cancelled).unwrap();
    // Setting the same scope again replaces the rule instead of adding one.
    set_holiday_rule(&conn, &gare_cancelled).unwrap();
    let rules = list_holiday_rules(&conn).unwrap();
    assert_eq!(
        rules.iter().map(|r| r.depot_id).collect::<Vec<_>>(),
        vec![None, Some(other_thursday)]
    );

    let delivery_of = |depot_id| {
        week_plan(&conn, week)
            .unwrap()
            .depots
            .into_iter()
            .find(|p| p.depot_id == depot_id)
            .unwrap()
    };
    assert_eq!(delivery_of(thursday).delivery.date(), Some(d(2026, 5, 15)));
    assert!(matches!(
        delivery_of(other_thursday).delivery,
        Delivery::HolidayCancelled { .. }
    ));
    assert_eq!(delivery_of(other_thursday).total_baskets(), 0);

    // Removing the depot's rule: it follows the all-depots rule again.
    clear_holiday_rule(&conn, ascension, Some(other_thursday)).unwrap();
    assert_eq!(list_holiday_rules(&conn).unwrap().len(), 1);
    assert_eq!(
        delivery_of(other_thursday).delivery.date(),
        Some(d(2026, 5, 15))
    );
    // Removing the all-depots rule: cancelled by default.
    clear_holiday_rule(&conn, ascension, None).unwrap();
    assert!(!delivery_of(thursday).delivery.is_delivered());
}
