//! Unit tests of the parent module.
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn periods_and_their_errors() {
    assert_eq!(
        quarter_period(2026, 2),
        Some((d(2026, 4, 1), d(2026, 6, 30)))
    );
    assert_eq!(month_period(2028, 2), Some((d(2028, 2, 1), d(2028, 2, 29))));
    assert_eq!(
        month_period(2026, 12),
        Some((d(2026, 12, 1), d(2026, 12, 31)))
    );
    assert_eq!(quarter_period(2026, 5), None);
    let today = d(2026, 11, 28);
    assert!(period_error(d(2026, 1, 1), d(2026, 12, 31), today).is_none());
    let reversed = period_error(d(2026, 3, 1), d(2026, 2, 1), today).unwrap();
    assert!(reversed.contains("avant de commencer"), "{reversed}");
    let future = period_error(d(2027, 1, 1), d(2027, 3, 31), today).unwrap();
    assert!(future.contains("futur"), "{future}");
}

#[test]
fn fte_is_1607_hours_a_year_pro_rata() {
    assert!((fte_reference_hours(d(2026, 1, 1), d(2026, 12, 31)) - 1607.0).abs() < 1e-9);
    assert!((fte_reference_hours(d(2028, 1, 1), d(2028, 12, 31)) - 1607.0).abs() < 1e-9);
    // 2026 is not a leap year: 31 days of January = 1607 × 31 / 365.
    let january = fte_reference_hours(d(2026, 1, 1), d(2026, 1, 31));
    assert!((january - 1607.0 * 31.0 / 365.0).abs() < 1e-9);
    assert!((fte(803.5, d(2026, 1, 1), d(2026, 12, 31)) - 0.5).abs() < 1e-9);
    // Two whole years: 2 FTE for 3,214 hours.
    assert!((fte(3214.0, d(2026, 1, 1), d(2027, 12, 31)) - 1.0).abs() < 1e-9);
}

#[test]
fn contract_hours_count_days_inside_the_period() {
    // 35 h a week, contract over the whole of 2026, period = 2 weeks.
    let h = contract_hours(
        35.0,
        d(2025, 6, 1),
        d(2027, 1, 1),
        d(2026, 3, 2),
        d(2026, 3, 15),
    );
    assert!((h - 70.0).abs() < 1e-9);
    assert_eq!(
        contract_hours(
            26.0,
            d(2025, 1, 1),
            d(2025, 12, 31),
            d(2026, 1, 1),
            d(2026, 12, 31)
        ),
        0.0
    );
    assert_eq!(
        overlap_days(
            d(2026, 1, 10),
            d(2026, 1, 10),
            d(2026, 1, 1),
            d(2026, 1, 31)
        ),
        1
    );
}

#[test]
fn groups_by_gender_and_age_band() {
    let p = |gender, age: Option<i32>, hours| PersonInPeriod {
        gender,
        age_band: AgeBand::of(age),
        hours,
    };
    let people = [
        p(Gender::Female, Some(24), 803.5),
        p(Gender::Female, Some(52), 803.5),
        p(Gender::Male, Some(30), 1607.0),
    ];
    let (genders, ages) = group_lines(&people, d(2026, 1, 1), d(2026, 12, 31));
    assert_eq!(genders.len(), 3);
    assert_eq!((genders[0].people, genders[0].fte), (2, 1.0));
    assert_eq!((genders[1].people, genders[1].fte), (1, 1.0));
    assert_eq!(genders[2].people, 0);
    assert_eq!(ages.len(), 3, "no unknown age: its line is left out");
    assert_eq!(ages[0].label, "Moins de 26 ans");
    assert_eq!(ages.iter().map(|l| l.people).collect::<Vec<_>>(), [1, 1, 1]);
}

#[test]
fn fse_lines_count_each_stage_apart() {
    let r = |stage, gender, age, education| FseRecord {
        stage,
        gender,
        age,
        education,
        labour_status: None,
        sensitive: [
            Some(SensitiveAnswer::Declined),
            None,
            None,
            Some(SensitiveAnswer::Yes),
        ],
        exit_result: None,
        six_month_result: None,
    };
    let records = [
        r(
            FseStage::Entry,
            Gender::Female,
            Some(17),
            Some(EducationLevel::Bac),
        ),
        r(FseStage::Entry, Gender::NonBinary, Some(56), None),
        r(
            FseStage::Exit,
            Gender::Male,
            Some(29),
            Some(EducationLevel::Licence),
        ),
    ];
    let lines = fse_lines(&records);
    let get = |label: &str| lines.iter().find(|l| l.label == label).unwrap();
    assert_eq!(
        (get("Participants").entry, get("Participants").exit),
        (2, 1)
    );
    assert_eq!(get("Non-binaires").entry, 1);
    assert_eq!(get("Moins de 18 ans").entry, 1);
    assert_eq!(get("55 ans et plus").entry, 1);
    assert_eq!(get("18 à 29 ans").exit, 1);
    assert_eq!(get("CITE 3 à 4").entry, 1);
    assert_eq!(get("CITE 5 à 8").exit, 1);
    assert_eq!(get("Niveau non renseigné").entry, 1);
    assert_eq!(get("Participants").six_months, 0);
    assert_eq!(
        get("Situation de handicap : ne souhaite pas répondre").entry,
        2
    );
    assert_eq!(get("Situation de handicap : oui").entry, 0);
    assert_eq!(get("Sans domicile : oui").exit, 1);
}

#[test]
fn months_are_filled_and_numbers_formatted() {
    let months = fill_months(d(2025, 11, 15), d(2026, 2, 1), &[((2026, 1), 12.5)]);
    assert_eq!(
        months,
        vec![
            ((2025, 11), 0.0),
            ((2025, 12), 0.0),
            ((2026, 1), 12.5),
            ((2026, 2), 0.0)
        ]
    );
    assert_eq!(format_fixed(1607.46, 1), "1\u{202f}607,5");
    assert_eq!(format_fixed(12.0, 0), "12");
    assert_eq!(format_rate(Some(2.0 / 3.0)), "66,7 %");
    assert_eq!(format_rate(None), "—");
}
