//! "This week's sheets": each depot's next delivery, today's included until the day ends,
//! never a delivery already past. The home button, `binette sheets` without `--week` and the
//! week the Paniers screen opens on all follow this one rule.

use chrono::NaiveDate;

use super::{Delivery, depot_delivery};
use crate::domain::baskets::{Closure, Depot, DepotId, HolidayRule};
use crate::domain::calendar::IsoWeek;

/// One depot's next delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDelivery {
    /// The depot.
    pub depot_id: DepotId,
    /// The delivery week.
    pub week: IsoWeek,
    /// The delivery (on its usual day or moved for a holiday): always delivered.
    pub delivery: Delivery,
}

impl NextDelivery {
    /// The day baskets are handed out.
    pub fn date(&self) -> Option<NaiveDate> {
        self.delivery.date()
    }
}

/// Each active depot's next delivery on or after `today`, looking up to `look_ahead` weeks
/// from this week; a depot with none in that time (closed, every day cancelled) is left out.
/// In the order of `depots`.
pub fn next_deliveries(
    depots: &[Depot],
    closures: &[Closure],
    rules: &[HolidayRule],
    today: NaiveDate,
    look_ahead: i64,
) -> Vec<NextDelivery> {
    let this_week = IsoWeek::of(today);
    depots
        .iter()
        .filter(|depot| depot.active)
        .filter_map(|depot| {
            (0..=look_ahead.max(0))
                .map(|i| this_week.plus_weeks(i))
                .find_map(|week| {
                    let delivery = depot_delivery(depot, week, closures, rules);
                    let date = delivery.date()?;
                    (date >= today).then_some(NextDelivery {
                        depot_id: depot.id,
                        week,
                        delivery,
                    })
                })
        })
        .collect()
}

/// The week most next deliveries fall in (the earlier one on a tie): the week a screen
/// showing one week opens on. `None` when no depot delivers.
///
/// On Saturday 5 December 2026 with one Saturday depot and four weekday depots, it is
/// week 50: Saturday's delivery is today, but the other four are next week.
pub fn main_week(next: &[NextDelivery]) -> Option<IsoWeek> {
    let mut counts: Vec<(IsoWeek, usize)> = Vec::new();
    for delivery in next {
        match counts.iter_mut().find(|(week, _)| *week == delivery.week) {
            Some((_, count)) => *count += 1,
            None => counts.push((delivery.week, 1)),
        }
    }
    counts
        .into_iter()
        .max_by(|(week_a, a), (week_b, b)| a.cmp(b).then(week_b.cmp(week_a)))
        .map(|(week, _)| week)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::Weekday;

    use super::*;
    use crate::domain::baskets::HolidayAction;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(n: u32) -> IsoWeek {
        IsoWeek::new(2026, n).unwrap()
    }

    /// The demo's shape: Monday, Tuesday, Wednesday, Friday and Saturday depots.
    fn depots() -> Vec<Depot> {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Fri,
            Weekday::Sat,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, weekday)| Depot {
            id: i as i64 + 1,
            ..Depot::new(format!("Dépôt {weekday}"), weekday)
        })
        .collect()
    }

    fn weeks_of(next: &[NextDelivery]) -> Vec<(DepotId, u32)> {
        next.iter().map(|n| (n.depot_id, n.week.week())).collect()
    }

    #[test]
    fn on_saturday_today_s_delivery_and_next_week_for_the_others() {
        // Saturday 5 December 2026 (week 49): the Saturday depot delivers today, so its
        // sheet is of week 49; Monday to Friday of week 49 are past, so the others are of
        // week 50. Four of five in week 50: the main week is 50.
        let next = next_deliveries(&depots(), &[], &[], date(2026, 12, 5), 60);
        assert_eq!(
            weeks_of(&next),
            vec![(1, 50), (2, 50), (3, 50), (4, 50), (5, 49)]
        );
        assert_eq!(next[4].date(), Some(date(2026, 12, 5)));
        assert_eq!(main_week(&next), Some(week(50)));
    }

    #[test]
    fn on_sunday_every_depot_next_week() {
        // Sunday 6 December: the whole of week 49 is past, everything is in week 50, the
        // Saturday depot on the 12th.
        let next = next_deliveries(&depots(), &[], &[], date(2026, 12, 6), 60);
        assert_eq!(
            weeks_of(&next),
            vec![(1, 50), (2, 50), (3, 50), (4, 50), (5, 50)]
        );
        assert_eq!(next[4].date(), Some(date(2026, 12, 12)));
        assert_eq!(main_week(&next), Some(week(50)));
    }

    #[test]
    fn on_monday_today_s_delivery_counts_until_the_day_ends() {
        // Monday 7 December: the Monday depot delivers today (kept), all in week 50.
        let next = next_deliveries(&depots(), &[], &[], date(2026, 12, 7), 60);
        assert_eq!(next[0].date(), Some(date(2026, 12, 7)));
        assert_eq!(main_week(&next), Some(week(50)));
        // Tuesday 8 December: Monday's is past, so that depot moves to week 51, the four
        // others stay in week 50, which stays the main week.
        let next = next_deliveries(&depots(), &[], &[], date(2026, 12, 8), 60);
        assert_eq!(
            weeks_of(&next),
            vec![(1, 51), (2, 50), (3, 50), (4, 50), (5, 50)]
        );
        assert_eq!(main_week(&next), Some(week(50)));
    }

    #[test]
    fn closures_holidays_and_inactive_depots() {
        let mut depots = depots();
        depots[1].active = false;
        // Week 50 closed: every depot's next delivery after Saturday 5 December is in
        // week 51, except the Saturday depot's, today.
        let closures = [Closure {
            monday: date(2026, 12, 7),
            reason: "Inventaire".into(),
        }];
        let next = next_deliveries(&depots, &closures, &[], date(2026, 12, 5), 60);
        assert_eq!(weeks_of(&next), vec![(1, 51), (3, 51), (4, 51), (5, 49)]);
        // Christmas (Friday 25 December, week 52) and New Year's Day (Friday 1 January,
        // week 53) cancel the Friday deliveries by default: the next is 8 January 2027.
        let next = next_deliveries(&depots, &[], &[], date(2026, 12, 19), 60);
        assert_eq!(next[2].depot_id, 4);
        assert_eq!(next[2].week, IsoWeek::new(2027, 1).unwrap());
        assert_eq!(next[2].date(), Some(date(2027, 1, 8)));
        // …unless moved: a rule moving it to Thursday 24 keeps it in week 52.
        let rules = [HolidayRule {
            id: 1,
            date: date(2026, 12, 25),
            depot_id: None,
            action: HolidayAction::Moved,
            moved_to: Some(date(2026, 12, 24)),
        }];
        let next = next_deliveries(&depots, &[], &rules, date(2026, 12, 19), 60);
        assert_eq!(next[2].week, week(52));
        assert_eq!(next[2].date(), Some(date(2026, 12, 24)));
        // No depot: nothing, and no main week.
        assert!(next_deliveries(&[], &[], &[], date(2026, 12, 5), 60).is_empty());
        assert_eq!(main_week(&[]), None);
    }
}
