//! Unit tests of the weekly distribution plan.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Weekday};

use crate::domain::baskets::{
    Absence, AbsenceMode, Closure, Depot, DepotId, Frequency, HolidayAction, HolidayRule, MemberId,
    Subscription, SubscriptionId,
};
use crate::domain::calendar::IsoWeek;

use super::*;

/// No absence (an empty slice needs its type named).
const NO_ABSENCE: &[Absence] = &[];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn week(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

fn depot(id: DepotId, weekday: Weekday) -> Depot {
    Depot {
        id,
        ..Depot::new(format!("Dépôt {id}"), weekday)
    }
}

fn weekly(id: SubscriptionId, member_id: MemberId, depot_id: DepotId) -> Subscription {
    Subscription {
        id,
        member_id,
        shared_with: None,
        size_id: 1,
        depot_id,
        quantity: 1,
        start: date(2025, 1, 1),
        end: None,
        frequency: Frequency::Weekly,
        anchor_monday: week(2025, 1).monday(),
    }
}

fn fortnightly(id: SubscriptionId, depot_id: DepotId, anchor: IsoWeek) -> Subscription {
    Subscription {
        frequency: Frequency::Fortnightly,
        anchor_monday: anchor.monday(),
        ..weekly(id, id, depot_id)
    }
}

fn absence(member_id: MemberId, start: NaiveDate, end: NaiveDate, mode: AbsenceMode) -> Absence {
    Absence {
        id: 1,
        member_id,
        start,
        end,
        mode,
        makeup_monday: None,
        notes: String::new(),
    }
}

fn line(plan: &WeekPlan, subscription: SubscriptionId) -> Option<&PlanLine> {
    plan.depots
        .iter()
        .flat_map(|d| &d.lines)
        .find(|l| l.subscription_id == subscription)
}

/// Baskets packed for `subscription` in each of `count` weeks from `from`.
fn baskets_over(
    from: IsoWeek,
    count: i64,
    depots: &[Depot],
    subs: &[Subscription],
    absences: &[Absence],
    closures: &[Closure],
    subscription: SubscriptionId,
) -> Vec<i64> {
    (0..count)
        .map(|i| {
            let plan = plan_week(from.plus_weeks(i), depots, subs, absences, closures, &[]);
            line(&plan, subscription).map_or(0, PlanLine::baskets_to_prepare)
        })
        .collect()
}

#[test]
fn fortnightly_never_twice_in_a_row_across_week_53() {
    // Wednesday: Fridays 25 December and 1 January are holidays.
    let depots = [depot(1, Weekday::Wed)];
    let subs = [
        weekly(1, 1, 1),
        fortnightly(2, 1, week(2026, 51)),
        fortnightly(3, 1, week(2026, 52)),
    ];
    // 2026-W50, W51, W52, W53, 2027-W01, W02, W03.
    let from = week(2026, 50);
    assert_eq!(
        baskets_over(from, 7, &depots, &subs, &[], &[], 1),
        [1, 1, 1, 1, 1, 1, 1]
    );
    // Anchored W51: W51, W53, 2027-W02 (not W53 then W01).
    assert_eq!(
        baskets_over(from, 7, &depots, &subs, &[], &[], 2),
        [0, 1, 0, 1, 0, 1, 0]
    );
    // Anchored W52: W52, 2027-W01, W03.
    assert_eq!(
        baskets_over(from, 7, &depots, &subs, &[], &[], 3),
        [1, 0, 1, 0, 1, 0, 1]
    );
    assert!(!subscription_due(&subs[1], week(2027, 1), date(2027, 1, 6)));
    assert!(subscription_due(
        &subs[1],
        week(2026, 53),
        date(2026, 12, 30)
    ));
    // With the Friday depot, Christmas and New Year's Day cancel by default.
    let friday = [depot(1, Weekday::Fri)];
    assert_eq!(
        baskets_over(from, 7, &friday, &subs, &[], &[], 1),
        [1, 1, 0, 0, 1, 1, 1]
    );
}

#[test]
fn closed_week_delivers_nothing_and_keeps_its_place_in_the_count() {
    let depots = [depot(1, Weekday::Fri)];
    let subs = [weekly(1, 1, 1), fortnightly(2, 1, week(2026, 1))];
    let closures = [Closure {
        monday: week(2026, 3).monday(),
        reason: "Inventaire".into(),
    }];
    let plan = plan_week(week(2026, 3), &depots, &subs, NO_ABSENCE, &closures, &[]);
    assert_eq!(
        plan.depots[0].delivery,
        Delivery::Closed {
            reason: "Inventaire".into()
        }
    );
    assert!(plan.depots[0].lines.is_empty());
    assert!(plan.totals_by_size().is_empty());
    assert!(!plan.has_delivery());
    assert_eq!(
        plan.depots[0].delivery.describe(),
        "Pas de livraison : semaine de fermeture (Inventaire)"
    );
    // The fortnightly subscription skips W03 and comes back on W05, not W04.
    let from = week(2026, 1);
    assert_eq!(
        baskets_over(from, 5, &depots, &subs, &[], &closures, 2),
        [1, 0, 0, 0, 1]
    );
    assert_eq!(
        baskets_over(from, 5, &depots, &subs, &[], &closures, 1),
        [1, 1, 0, 1, 1]
    );
}

#[test]
fn holiday_cancels_by_default_and_rules_move_or_cancel() {
    // Easter Monday 2027 is 29 March (week 13).
    let monday = depot(1, Weekday::Mon);
    let wednesday = depot(2, Weekday::Wed);
    let easter_week = week(2027, 13);
    assert_eq!(
        depot_delivery(&monday, easter_week, &[], &[]),
        Delivery::HolidayCancelled {
            holiday: date(2027, 3, 29),
            name: "Lundi de Pâques"
        }
    );
    assert_eq!(
        depot_delivery(&monday, easter_week, &[], &[]).describe(),
        "Pas de livraison : jour férié le 29/03/2027 (Lundi de Pâques)"
    );
    assert_eq!(
        depot_delivery(&wednesday, easter_week, &[], &[]),
        Delivery::On(date(2027, 3, 31))
    );

    let all_moved = HolidayRule {
        id: 1,
        date: date(2027, 3, 29),
        depot_id: None,
        action: HolidayAction::Moved,
        moved_to: Some(date(2027, 3, 30)),
    };
    let moved = Delivery::Moved {
        holiday: date(2027, 3, 29),
        name: "Lundi de Pâques",
        to: date(2027, 3, 30),
    };
    assert_eq!(
        depot_delivery(&monday, easter_week, &[], std::slice::from_ref(&all_moved)),
        moved
    );
    assert_eq!(moved.date(), Some(date(2027, 3, 30)));
    assert_eq!(
        moved.describe(),
        "Livraison déplacée au mardi 30 mars 2027 (jour férié le 29/03/2027 : Lundi de Pâques)"
    );

    // A rule for the depot wins over the rule for all depots.
    let this_depot_cancelled = HolidayRule {
        id: 2,
        depot_id: Some(1),
        action: HolidayAction::Cancelled,
        moved_to: None,
        ..all_moved.clone()
    };
    let rules = [all_moved, this_depot_cancelled];
    assert!(matches!(
        depot_delivery(&monday, easter_week, &[], &rules),
        Delivery::HolidayCancelled { .. }
    ));
    let other_monday = depot(3, Weekday::Mon);
    assert_eq!(
        depot_delivery(&other_monday, easter_week, &[], &rules),
        moved
    );

    // Baskets follow the moved day: a subscription ending on the Tuesday still gets one.
    let mut sub = weekly(1, 1, 3);
    sub.end = Some(date(2027, 3, 30));
    let plan = plan_week(
        easter_week,
        &[other_monday],
        &[sub],
        NO_ABSENCE,
        &[],
        &rules,
    );
    assert_eq!(plan.totals_by_size(), BTreeMap::from([(1, 1)]));
}

#[test]
fn absence_modes_skipped_and_donated() {
    let depots = [depot(1, Weekday::Fri)];
    let mut subs = [weekly(1, 1, 1), weekly(2, 2, 1), weekly(3, 3, 1)];
    subs[1].quantity = 2;
    subs[2].size_id = 2;
    let absences = [
        absence(1, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::Skipped),
        absence(2, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::Donated),
    ];
    let plan = plan_week(week(2026, 11), &depots, &subs, &absences, &[], &[]);
    let skipped = line(&plan, 1).unwrap();
    assert_eq!(skipped.absent, Some(AbsenceMode::Skipped));
    assert_eq!(skipped.baskets_to_prepare(), 0);
    let donated = line(&plan, 2).unwrap();
    assert_eq!(donated.absent, Some(AbsenceMode::Donated));
    assert_eq!(donated.baskets_to_prepare(), 2);
    assert_eq!(
        plan.depots[0].baskets_by_size(),
        BTreeMap::from([(1, 2), (2, 1)])
    );
    assert_eq!(plan.total_baskets(), 3);
    // Nothing is made up after a skipped or donated absence.
    let back = plan_week(week(2026, 12), &depots, &subs, &absences, &[], &[]);
    assert_eq!(
        back.depots[0].baskets_by_size(),
        BTreeMap::from([(1, 3), (2, 1)])
    );
    assert!(
        back.depots[0]
            .lines
            .iter()
            .all(|l| l.absent.is_none() && l.make_up == 0)
    );
}

#[test]
fn made_up_on_first_delivery_after_return() {
    let depots = [depot(1, Weekday::Fri)];
    let mut subs = [weekly(1, 1, 1), weekly(2, 2, 1)];
    subs[1].quantity = 2;
    // Away two Fridays (6 and 13 March 2026), back on Sunday 15.
    let absences = [
        absence(1, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::MadeUp),
        absence(2, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::MadeUp),
    ];
    let from = week(2026, 9);
    assert_eq!(
        baskets_over(from, 5, &depots, &subs, &absences, &[], 1),
        [1, 0, 0, 3, 1]
    );
    assert_eq!(
        baskets_over(from, 5, &depots, &subs, &absences, &[], 2),
        [2, 0, 0, 6, 2]
    );
    let plan = plan_week(week(2026, 10), &depots, &subs, &absences, &[], &[]);
    assert_eq!(line(&plan, 1).unwrap().absent, Some(AbsenceMode::MadeUp));
    let back = plan_week(week(2026, 12), &depots, &subs, &absences, &[], &[]);
    assert_eq!(line(&back, 1).unwrap().make_up, 2);
    assert_eq!(line(&back, 1).unwrap().absent, None);

    // The week of return is closed: the make-up waits for the next delivery.
    let closures = [Closure {
        monday: week(2026, 12).monday(),
        reason: String::new(),
    }];
    assert_eq!(
        baskets_over(from, 5, &depots, &subs, &absences, &closures, 1),
        [1, 0, 0, 0, 3]
    );
}

#[test]
fn made_up_counts_only_deliveries_inside_the_absence() {
    // Monday depot; away Tuesday 3 to Wednesday 11 March 2026: only Monday 9 is missed,
    // and Monday 9 being before the return, the make-up lands on Monday 16.
    let depots = [depot(1, Weekday::Mon)];
    let subs = [weekly(1, 1, 1)];
    let absences = [absence(
        1,
        date(2026, 3, 3),
        date(2026, 3, 11),
        AbsenceMode::MadeUp,
    )];
    assert_eq!(
        baskets_over(week(2026, 10), 3, &depots, &subs, &absences, &[], 1),
        [1, 0, 2]
    );
    // A fortnightly subscription missing a single due week gets one basket back.
    let subs = [fortnightly(1, 1, week(2026, 10))];
    let absences = [absence(
        1,
        date(2026, 3, 2),
        date(2026, 3, 22),
        AbsenceMode::MadeUp,
    )];
    // Due W10, W12, W14: away for W10 and W12 (Mondays 2 and 16), back for W14.
    assert_eq!(
        baskets_over(week(2026, 10), 5, &depots, &subs, &absences, &[], 1),
        [0, 0, 0, 0, 3]
    );
}

#[test]
fn made_up_on_chosen_week() {
    let depots = [depot(1, Weekday::Fri)];
    let subs = [weekly(1, 1, 1)];
    let mut away = absence(1, date(2026, 3, 2), date(2026, 3, 15), AbsenceMode::MadeUp);
    away.makeup_monday = Some(week(2026, 14).monday());
    let absences = [away];
    assert_eq!(
        baskets_over(week(2026, 9), 7, &depots, &subs, &absences, &[], 1),
        [1, 0, 0, 1, 1, 3, 1]
    );
}

#[test]
fn subscription_ending_or_starting_mid_week() {
    let depots = [depot(1, Weekday::Fri)];
    let mut sub = weekly(1, 1, 1);
    sub.start = date(2026, 3, 5); // Thursday: the Friday delivery counts.
    sub.end = Some(date(2026, 3, 18)); // Wednesday: the Friday after does not.
    let subs = [sub];
    assert_eq!(
        baskets_over(week(2026, 9), 4, &depots, &subs, &[], &[], 1),
        [0, 1, 1, 0]
    );
    // A make-up that cannot land before the end is dropped, not carried to nothing.
    let absences = [absence(
        1,
        date(2026, 3, 9),
        date(2026, 3, 20),
        AbsenceMode::MadeUp,
    )];
    assert_eq!(
        baskets_over(week(2026, 9), 6, &depots, &subs, &absences, &[], 1),
        [0, 1, 0, 0, 0, 0]
    );
}

#[test]
fn inactive_depot_is_left_out() {
    let mut closed = depot(2, Weekday::Fri);
    closed.active = false;
    let depots = [depot(1, Weekday::Tue), closed];
    let subs = [weekly(1, 1, 1), weekly(2, 2, 2)];
    let plan = plan_week(week(2026, 20), &depots, &subs, NO_ABSENCE, &[], &[]);
    assert_eq!(plan.depots.len(), 1);
    assert_eq!(plan.depots[0].depot_id, 1);
    assert_eq!(plan.depots[0].delivery, Delivery::On(date(2026, 5, 12)));
    assert!(line(&plan, 2).is_none());
    assert_eq!(plan.total_baskets(), 1);
}

#[test]
fn totals_add_up_over_depots() {
    let depots = [depot(1, Weekday::Tue), depot(2, Weekday::Fri)];
    let mut subs = [weekly(1, 1, 1), weekly(2, 2, 2), weekly(3, 3, 2)];
    subs[1].size_id = 2;
    subs[2].quantity = 3;
    let plan = plan_week(week(2026, 20), &depots, &subs, NO_ABSENCE, &[], &[]);
    assert_eq!(
        plan.depots[1].baskets_by_size(),
        BTreeMap::from([(1, 3), (2, 1)])
    );
    assert_eq!(plan.totals_by_size(), BTreeMap::from([(1, 4), (2, 1)]));
    assert_eq!(plan.depots[1].total_baskets(), 4);
}

#[test]
fn holiday_effects_list_the_depots_of_that_weekday_with_the_rule_deciding() {
    // Ascension 2027: Thursday 6 May.
    let ascension = date(2027, 5, 6);
    let thursday_a = depot(1, Weekday::Thu);
    let thursday_b = depot(2, Weekday::Thu);
    let friday = depot(3, Weekday::Fri);
    let mut closed_thursday = depot(4, Weekday::Thu);
    closed_thursday.active = false;
    let depots = [thursday_a, thursday_b, friday, closed_thursday];

    // No rule: both Thursday depots are cancelled by default; others are not listed.
    let effects = holiday_effects(ascension, &depots, &[]);
    assert_eq!(
        effects.iter().map(|e| e.depot_id).collect::<Vec<_>>(),
        [1, 2]
    );
    assert!(effects.iter().all(|e| e.source == RuleSource::Default
        && matches!(e.delivery, Delivery::HolidayCancelled { .. })));

    // Moved for all depots, except depot 2 which cancels.
    let all_moved = HolidayRule {
        id: 1,
        date: ascension,
        depot_id: None,
        action: HolidayAction::Moved,
        moved_to: Some(date(2027, 5, 7)),
    };
    let depot_two_cancelled = HolidayRule {
        id: 2,
        depot_id: Some(2),
        action: HolidayAction::Cancelled,
        moved_to: None,
        ..all_moved.clone()
    };
    let rules = [all_moved.clone(), depot_two_cancelled];
    let effects = holiday_effects(ascension, &depots, &rules);
    assert_eq!(effects[0].source, RuleSource::AllDepots);
    assert_eq!(effects[0].delivery.date(), Some(date(2027, 5, 7)));
    assert_eq!(effects[1].source, RuleSource::ThisDepot);
    assert!(!effects[1].delivery.is_delivered());
    assert_eq!(holiday_rule_for(&rules, 2, ascension).unwrap().id, 2);
    assert_eq!(holiday_rule_for(&rules, 1, ascension).unwrap().id, 1);
    assert!(holiday_rule_for(&rules, 1, date(2027, 5, 13)).is_none());

    // A rule for one depot only leaves the other on the default.
    let only_one = [HolidayRule {
        depot_id: Some(1),
        ..all_moved
    }];
    let effects = holiday_effects(ascension, &depots, &only_one);
    assert_eq!(effects[0].source, RuleSource::ThisDepot);
    assert_eq!(effects[0].delivery.date(), Some(date(2027, 5, 7)));
    assert_eq!(effects[1].source, RuleSource::Default);
    assert!(!effects[1].delivery.is_delivered());
    // The week plan agrees with the effects.
    assert_eq!(
        depot_delivery(&depots[1], IsoWeek::of(ascension), &[], &only_one),
        effects[1].delivery
    );
}
