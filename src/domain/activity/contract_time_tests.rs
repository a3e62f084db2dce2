//! Unit tests of the parent module; every expected figure is derived by hand in a comment.
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn span(start: NaiveDate, end: NaiveDate, exit: Option<NaiveDate>, weekly: f64) -> ContractSpan {
    ContractSpan::new(start, end, None, exit, weekly)
}

/// The year 2026 (365 days), reported on `today`.
fn year_2026(today: NaiveDate) -> ReportPeriod {
    ReportPeriod {
        from: d(2026, 1, 1),
        to: d(2026, 12, 31),
        today,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_full_timer_all_year_is_one_fte() {
    // 35 h over the 365 days of 2026: FTE-days = 365 × 35 ÷ 35 = 365, FTE = 365 ÷ 365 = 1;
    // hours = 365 × 35 ÷ 7 = 1,825.
    let period = year_2026(d(2027, 1, 15));
    let t = contract_time(&[span(d(2025, 6, 1), d(2027, 6, 30), None, 35.0)], &period);
    assert!(close(t.fte(&period), 1.0), "{}", t.fte(&period));
    assert!(close(t.hours, 1825.0), "{}", t.hours);
    assert_eq!((t.planned_hours, t.planned_fte_days), (0.0, 0.0));
}

#[test]
fn twenty_six_hours_for_half_a_year_is_0_37() {
    // 1 January to 30 June 2026 = 31 + 28 + 31 + 30 + 31 + 30 = 181 days at 26 h:
    // FTE = 181 × 26 ÷ 35 ÷ 365 = 134.457… ÷ 365 = 0.3684 → 0,37 printed;
    // hours = 181 × 26 ÷ 7 = 672.29.
    let period = year_2026(d(2027, 1, 15));
    let t = contract_time(&[span(d(2026, 1, 1), d(2026, 6, 30), None, 26.0)], &period);
    assert!(close(t.fte(&period), 181.0 * 26.0 / 35.0 / 365.0));
    assert_eq!(
        crate::domain::numbers::format_fixed(t.fte(&period), 2),
        "0,37"
    );
    assert!(close(t.hours, 181.0 * 26.0 / 7.0));
}

#[test]
fn an_exit_stops_the_count_on_a_longer_contract() {
    // Contract planned to 31 December, no actual end typed, exit on 30 June: 181 days
    // (1 January – 30 June) at 35 h: hours = 181 × 5 = 905, FTE = 181 ÷ 365 = 0.4959.
    let period = year_2026(d(2027, 1, 15));
    let t = contract_time(
        &[span(
            d(2026, 1, 1),
            d(2026, 12, 31),
            Some(d(2026, 6, 30)),
            35.0,
        )],
        &period,
    );
    assert!(close(t.hours, 905.0), "{}", t.hours);
    assert!(close(t.fte(&period), 181.0 / 365.0));
    // An actual end before the exit wins: ended 31 March (90 days) → 450 h.
    let ended = ContractSpan::new(
        d(2026, 1, 1),
        d(2026, 12, 31),
        Some(d(2026, 3, 31)),
        Some(d(2026, 6, 30)),
        35.0,
    );
    assert!(close(contract_time(&[ended], &period).hours, 450.0));
}

#[test]
fn overlapping_contracts_count_the_larger_hours_once() {
    // Contract A: 1 January – 31 March at 24 h; contract B: 1 March – 30 April at 30 h.
    // January + February = 59 days at 24 h; March + April = 61 days at 30 h (March is under
    // both: counted once, at 30 h). Hours = (59 × 24 + 61 × 30) ÷ 7 = 3,246 ÷ 7 = 463.71
    // (counting both would give (90 × 24 + 61 × 30) ÷ 7 = 570).
    // Period 1 January – 30 April = 120 days: FTE = 3,246 ÷ 35 ÷ 120 = 0.772857.
    let period = ReportPeriod {
        from: d(2026, 1, 1),
        to: d(2026, 4, 30),
        today: d(2026, 12, 1),
    };
    let spans = [
        span(d(2026, 1, 1), d(2026, 3, 31), None, 24.0),
        span(d(2026, 3, 1), d(2026, 4, 30), None, 30.0),
    ];
    let t = contract_time(&spans, &period);
    assert!(close(t.hours, 3246.0 / 7.0), "{}", t.hours);
    assert!(close(t.fte(&period), 3246.0 / 35.0 / 120.0));
}

#[test]
fn a_period_cut_inside_a_contract_counts_its_own_days() {
    // Contract 15 February – 30 September at 28 h; period = first quarter (90 days).
    // Days inside: 15–28 February (14) + March (31) = 45. Hours = 45 × 28 ÷ 7 = 180;
    // FTE = 45 × 28 ÷ 35 ÷ 90 = 36 ÷ 90 = 0.40.
    let period = ReportPeriod {
        from: d(2026, 1, 1),
        to: d(2026, 3, 31),
        today: d(2026, 12, 1),
    };
    let t = contract_time(&[span(d(2026, 2, 15), d(2026, 9, 30), None, 28.0)], &period);
    assert!(close(t.hours, 180.0), "{}", t.hours);
    assert!(close(t.fte(&period), 0.4));
    // A contract over before the period counts nothing.
    let before = [span(d(2025, 1, 1), d(2025, 12, 31), None, 35.0)];
    assert_eq!(contract_time(&before, &period), ContractTime::default());
}

#[test]
fn days_after_today_are_planned_not_recorded() {
    // 35 h all 2026, report made on 31 March: recorded = 90 days (Jan–Mar) → 450 h and
    // FTE 90 ÷ 90 = 1.00 over the days so far; planned = 275 days (April–December) →
    // 1,375 h, and the whole period's planned FTE = 365 ÷ 365 = 1.00.
    let period = year_2026(d(2026, 3, 31));
    assert!(period.has_planned_days());
    assert_eq!((period.recorded_days(), period.days()), (90, 365));
    let t = contract_time(&[span(d(2025, 1, 1), d(2026, 12, 31), None, 35.0)], &period);
    assert!(close(t.hours, 450.0), "{}", t.hours);
    assert!(close(t.planned_hours, 1375.0), "{}", t.planned_hours);
    assert!(close(t.fte(&period), 1.0));
    assert!(close(t.planned_fte(&period), 1.0));
}

#[test]
fn payroll_hours_replace_the_contract_days_in_their_months_only() {
    // 35 h all 2026; payroll says 140 h worked in January and 120 h in February.
    // One FTE-month = 1,607 ÷ 12 = 133.92 h, so January is 140 ÷ 133.92 = 1.0454 FTE over
    // its 31 days and February 120 ÷ 133.92 = 0.8961 FTE over its 28; March–December are
    // 365 − 59 = 306 days at 35 ÷ 35 = 1.
    // FTE = (1.0454 × 31 + 0.8961 × 28 + 306) ÷ 365 = 0.9959.
    let period = year_2026(d(2027, 1, 15));
    let worked: WorkedHours = [((2026, 1), 140.0), ((2026, 2), 120.0)].into();
    let t = person_time(
        &[span(d(2025, 6, 1), d(2027, 6, 30), None, 35.0)],
        &worked,
        &period,
    );
    let month = 1607.0 / 12.0;
    let fte = (140.0 / month * 31.0 + 120.0 / month * 28.0 + 306.0) / 365.0;
    assert!(close(t.fte(&period), fte), "{}", t.fte(&period));
    assert!(close(t.worked_hours, 260.0), "{}", t.worked_hours);
    assert_eq!(t.payroll_months, 2);
    assert!(
        close(t.hours, 1825.0),
        "hours under contract still come from the contract"
    );
}

#[test]
fn a_period_cut_inside_a_payroll_month_takes_its_share() {
    // Period 16–31 January (16 days), 140 h worked in January (31 days):
    // worked hours = 140 × 16 ÷ 31 = 72.26; FTE = 140 ÷ (1,607 ÷ 12) = 1.0454 all along.
    let period = ReportPeriod {
        from: d(2026, 1, 16),
        to: d(2026, 1, 31),
        today: d(2026, 6, 1),
    };
    let worked: WorkedHours = [((2026, 1), 140.0)].into();
    let t = person_time(&[], &worked, &period);
    assert!(
        close(t.worked_hours, 140.0 * 16.0 / 31.0),
        "{}",
        t.worked_hours
    );
    assert!(close(t.fte(&period), 140.0 / (1607.0 / 12.0)));
    assert_eq!((t.hours, t.payroll_months), (0.0, 1));
}
