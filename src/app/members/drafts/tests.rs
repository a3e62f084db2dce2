#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;
use crate::domain::baskets::{Frequency, Membership, PaymentMethod};

fn message(error: crate::app::Error) -> String {
    error.to_string()
}

#[test]
fn subscription_ending_before_it_starts_is_refused() {
    let size = Choice {
        id: 1,
        label: "Petit".into(),
    };
    let roy = Choice {
        id: 7,
        label: "ROY Léa".into(),
    };
    let mut form = SubscriptionDraft::new(
        NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        std::slice::from_ref(&size),
        std::slice::from_ref(&size),
    );
    form.end = "01/03/2026".into();
    let error = form.to_subscription(1).unwrap_err();
    assert_eq!(error.field(), Some("Fin (facultatif)"));
    assert!(message(error).contains("précéder"));
    form.end.clear();
    form.frequency = Some(Frequency::Fortnightly);
    form.second_week = true;
    let sub = form.to_subscription(1).unwrap();
    // Wednesday 4 March 2026 is in week 10 (Monday 2 March); the second week starts 9 March.
    assert_eq!(
        sub.anchor_monday,
        NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
    );
    assert_eq!(sub.shared_with, None);
    // Shared with another household; "personne" means not shared; never itself.
    form.shared_with = Some(roy.clone());
    assert_eq!(form.to_subscription(1).unwrap().shared_with, Some(7));
    form.shared_with = Some(not_shared());
    assert_eq!(form.to_subscription(1).unwrap().shared_with, None);
    form.shared_with = Some(roy);
    let error = form.to_subscription(7).unwrap_err();
    assert_eq!(error.field(), Some(SHARED_WITH));
    assert!(message(error).contains("autre foyer"));
}

#[test]
fn membership_form_round_trip_and_bad_amount() {
    let paid = Membership {
        id: 4,
        member_id: 2,
        year: 2026,
        amount: 1550,
        paid_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        method: PaymentMethod::Transfer,
    };
    let mut form = MembershipDraft::of(&paid);
    assert_eq!(form.amount, "15,50");
    assert_eq!(form.to_membership(2).unwrap(), paid);
    form.amount = "0".into();
    let error = form.to_membership(2).unwrap_err();
    assert_eq!(error.field(), Some("Montant (€)"));
    assert!(message(error).contains("Montant"));
    assert_eq!(form.amount, "0", "what was typed stays");
    assert_eq!(euros_typed(123_456), "1234,56");
}

#[test]
fn changing_a_fortnightly_subscription_keeps_its_weeks() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let choice = |id: i64, label: &str| Choice {
        id,
        label: label.into(),
    };
    // Anchored on Monday 14 December 2026 (week 51); changed from 4 January 2027.
    let sub = crate::domain::baskets::Subscription {
        id: 3,
        member_id: 1,
        shared_with: None,
        size_id: 1,
        depot_id: 1,
        quantity: 1,
        start: d(2026, 12, 14),
        end: None,
        frequency: Frequency::Fortnightly,
        anchor_monday: d(2026, 12, 14),
    };
    let sizes = [choice(1, "Petit")];
    let depots = [choice(1, "Mairie"), choice(2, "Gare")];
    let mut form = SubscriptionDraft::change(&sub, d(2027, 1, 4), &sizes, &depots, &[]);
    form.depot = Some(choice(2, "Gare"));
    let new = form.to_subscription(1).unwrap();
    assert_eq!(new.anchor_monday, d(2026, 12, 14), "same A / B weeks");
    // A weekly subscription made fortnightly gets its anchor from the form.
    let weekly = crate::domain::baskets::Subscription {
        frequency: Frequency::Weekly,
        ..sub
    };
    let mut form = SubscriptionDraft::change(&weekly, d(2027, 1, 4), &sizes, &depots, &[]);
    form.frequency = Some(Frequency::Fortnightly);
    assert_eq!(
        form.to_subscription(1).unwrap().anchor_monday,
        d(2027, 1, 4)
    );
}

#[test]
fn bad_shares_and_depot_without_weekday() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut form = SolidarityDraft::of(1, None, &[], today);
    assert_eq!(
        form.start, "28/11/2026",
        "a new period starts today by default"
    );
    assert_eq!(form.unfunded_percent(), None, "one line at 100 %");
    form.funding[0].1 = "60".into();
    assert_eq!(form.unfunded_percent(), Some(40), "100 − 60");
    form.funding.clear();
    assert_eq!(
        form.unfunded_percent(),
        Some(100),
        "no funder: all unfunded"
    );
    form.funding.push((None, "100".into()));
    form.value = "120".into();
    assert!(message(form.to_solidarity().unwrap_err()).contains("100 %"));
    form.value = "30".into();
    assert!(message(form.to_solidarity().unwrap_err()).contains("financeur"));
    let mut depot = DepotDraft::new();
    depot.name = "Mairie".into();
    let error = depot.to_depot().unwrap_err();
    assert_eq!(error.field(), Some("Jour de livraison"));
    assert!(message(error).contains("jour de livraison"));
}
