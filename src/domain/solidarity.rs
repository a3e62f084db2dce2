//! Paniers Solidaires money rules: which terms apply on a day, and how a remainder is split
//! among funders so that every cent is accounted for.

use chrono::NaiveDate;

use super::baskets::Solidarity;
use super::money::Cents;

/// The terms in force on `day` among the periods of one subscription (`None` when the
/// household was not in the programme that day).
pub fn terms_on(periods: &[Solidarity], day: NaiveDate) -> Option<&Solidarity> {
    periods.iter().find(|t| t.in_force_on(day))
}

/// Splits `total` cents by `percents` (each 0–100, together at most 100) with the largest
/// remainder method: each part is its exact quota rounded down, and the cents left over go,
/// one each, to the parts whose quota lost the most (the first listed on a tie). The part
/// missing to reach 100 % is returned last, so that the parts always add up to `total`.
pub fn apportion(total: Cents, percents: &[i64]) -> (Vec<Cents>, Cents) {
    let funded: i64 = percents.iter().sum();
    let mut all: Vec<i64> = percents.to_vec();
    all.push((100 - funded).max(0));
    let weight: i64 = all.iter().sum();
    if weight == 0 {
        return (vec![0; percents.len()], total);
    }
    let mut parts: Vec<Cents> = all.iter().map(|p| total * p / weight).collect();
    let mut left = total - parts.iter().sum::<Cents>();
    let mut order: Vec<usize> = (0..all.len()).collect();
    // Stable sort: on equal losses the first listed part gets the cent.
    order.sort_by_key(|&i| std::cmp::Reverse((total * all[i]) % weight));
    for i in order {
        if left <= 0 {
            break;
        }
        if all[i] > 0 {
            parts[i] += 1;
            left -= 1;
        }
    }
    let unfunded = parts.pop().unwrap_or(0);
    (parts, unfunded)
}

/// What one subscription's baskets under one period of terms came to, to the cent:
/// `household + Σ funders + unfunded = value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Value of the baskets at the price of each delivery day.
    pub value: Cents,
    /// What the household pays (its share of each basket).
    pub household: Cents,
    /// What each funder pays, in the order of the terms' funding lines.
    pub funders: Vec<Cents>,
    /// What nobody pays because the funders' shares total less than 100 %.
    pub unfunded: Cents,
}

/// Splits baskets delivered under `terms`, given as (price, number of baskets): the household
/// pays its share of each basket; the rest of the period's total is apportioned among the
/// funders by [`apportion`] (never rounded basket by basket).
pub fn split(terms: &Solidarity, baskets: &[(Cents, i64)]) -> Split {
    let value: Cents = baskets.iter().map(|(price, n)| price * n).sum();
    let household: Cents = baskets
        .iter()
        .map(|(price, n)| terms.household_pays(*price) * n)
        .sum();
    let percents: Vec<i64> = terms.funding.iter().map(|f| f.share_percent).collect();
    let (funders, unfunded) = apportion(value - household, &percents);
    Split {
        value,
        household,
        funders,
        unfunded,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::baskets::{FundingShare, ShareKind};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn terms(kind: ShareKind, value: i64, percents: &[i64]) -> Solidarity {
        Solidarity {
            id: 1,
            subscription_id: 1,
            start: date(2026, 1, 1),
            end: Some(date(2026, 6, 30)),
            share_kind: kind,
            share_value: value,
            social_worker: String::new(),
            referring_body: String::new(),
            review_on: None,
            funding: percents
                .iter()
                .enumerate()
                .map(|(i, p)| FundingShare {
                    funder_id: i as i64 + 1,
                    share_percent: *p,
                })
                .collect(),
        }
    }

    #[test]
    fn thirds_of_a_hundred_cents_give_the_leftover_cent_to_the_largest_loss() {
        // 100 c at 33/33/34 %: quotas 33, 33, 34 exactly, nothing left over.
        assert_eq!(apportion(100, &[33, 33, 34]), (vec![33, 33, 34], 0));
        // 1 c at 33/33/34 %: quotas 0.33, 0.33, 0.34; the cent goes to the 0.34.
        assert_eq!(apportion(1, &[33, 33, 34]), (vec![0, 0, 1], 0));
        // 2 c: quotas 0.66, 0.66, 0.68 → 0.68 first, then the first 0.66.
        assert_eq!(apportion(2, &[33, 33, 34]), (vec![1, 0, 1], 0));
        // 700 c at 33/33/34: 231, 231, 238 exactly (7 × 33 = 231, 7 × 34 = 238).
        assert_eq!(apportion(700, &[33, 33, 34]), (vec![231, 231, 238], 0));
        // 1001 c: quotas 330.33, 330.33, 340.34 → floors 330+330+340 = 1000, the cent to
        // the largest fraction .34: 330, 330, 341.
        assert_eq!(apportion(1001, &[33, 33, 34]), (vec![330, 330, 341], 0));
    }

    #[test]
    fn the_unfunded_rest_is_a_part_of_its_own() {
        // 1000 c at 60 % + 30 %: 600 and 300, 10 % (100 c) unfunded.
        assert_eq!(apportion(1000, &[60, 30]), (vec![600, 300], 100));
        // No funder at all: everything is unfunded.
        assert_eq!(apportion(1234, &[]), (vec![], 1234));
        // 1 c at 50 %: quotas 0.5 funded, 0.5 unfunded; tie → the funder, listed first.
        assert_eq!(apportion(1, &[50]), (vec![1], 0));
    }

    #[test]
    fn split_adds_up_to_the_value_where_per_basket_rounding_did_not() {
        // 3 baskets at 10,01 € (1001 c), household 30 %: 1001 × 0.3 = 300.3 → 300 c each,
        // 900 c in all. Value 3003 c, remainder 2103 c at 33/33/34 %:
        // quotas 693.99, 693.99, 715.02 → floors 693+693+715 = 2101, 2 c left: to the two
        // .99s in order → 694, 694, 715. Total 900 + 694 + 694 + 715 = 3003 c exactly.
        // (Per basket: remainder 701 c → 231.33 → 231, 231, 238.34 → 238, i.e. 700 c,
        // and 3 × 700 = 2100 ≠ 2103: 3 c lost.)
        let t = terms(ShareKind::Percent, 30, &[33, 33, 34]);
        let s = split(&t, &[(1001, 3)]);
        assert_eq!(s.value, 3003);
        assert_eq!(s.household, 900);
        assert_eq!(s.funders, vec![694, 694, 715]);
        assert_eq!(s.unfunded, 0);
        assert_eq!(
            s.household + s.funders.iter().sum::<i64>() + s.unfunded,
            s.value
        );
    }

    #[test]
    fn one_cent_baskets_lose_no_cent() {
        // 5 baskets at 1 c, household pays a 0 c amount: remainder 5 c at 33/33/34 %:
        // quotas 1.65, 1.65, 1.70 → floors 1+1+1 = 3, 2 c left: .70 first, then the first
        // .65 → 2, 1, 2.
        let t = terms(ShareKind::Amount, 0, &[33, 33, 34]);
        let s = split(&t, &[(1, 5)]);
        assert_eq!((s.value, s.household), (5, 0));
        assert_eq!(s.funders, vec![2, 1, 2]);
        // Percent share on 1 c: 30 % of 1 c = 0.3 → 0 c for the household.
        let t = terms(ShareKind::Percent, 30, &[100]);
        assert_eq!(split(&t, &[(1, 1)]).funders, vec![1]);
    }

    #[test]
    fn terms_on_picks_the_period_of_the_day() {
        let mut old = terms(ShareKind::Amount, 300, &[100]);
        old.end = Some(date(2026, 3, 31));
        let mut new = terms(ShareKind::Amount, 200, &[100]);
        new.id = 2;
        new.start = date(2026, 4, 1);
        new.end = None;
        let periods = [old, new];
        assert_eq!(terms_on(&periods, date(2025, 12, 31)), None);
        assert_eq!(terms_on(&periods, date(2026, 3, 31)).unwrap().id, 1);
        assert_eq!(terms_on(&periods, date(2026, 4, 1)).unwrap().id, 2);
        assert_eq!(terms_on(&periods, date(2030, 1, 1)).unwrap().id, 2);
    }
}
