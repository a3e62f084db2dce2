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
fn groups_by_gender_and_age_band() {
    // FTE-days over 2026 (365 days): two women of 182.5 FTE-days each make 365 ÷ 365 = 1.00
    // FTE; one man of 365 FTE-days makes 1.00.
    let p = |gender, age: Option<i32>, fte_days: f64| PersonInPeriod {
        gender,
        age_band: AgeBand::of(age),
        time: ContractTime {
            hours: fte_days * 5.0,
            fte_days,
            ..ContractTime::default()
        },
    };
    let people = [
        p(Gender::Female, Some(24), 182.5),
        p(Gender::Female, Some(52), 182.5),
        p(Gender::Male, Some(30), 365.0),
    ];
    let period = ReportPeriod {
        from: d(2026, 1, 1),
        to: d(2026, 12, 31),
        today: d(2027, 1, 10),
    };
    let (genders, ages) = group_lines(&people, &period);
    assert_eq!(genders.len(), 3);
    assert_eq!((genders[0].people, genders[0].fte), (2, 1.0));
    assert_eq!(genders[0].hours, 1825.0, "365 FTE-days × 5 h");
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
fn labour_status_follows_the_fse_common_indicators() {
    // Entry snapshots: one unemployed 6 months, one long-term unemployed, one inactive.
    // « Chômeurs, y compris de longue durée » = 1 + 1 = 2; « de longue durée » = 1;
    // « Inactifs » = 1; « En emploi » = 0.
    let r = |labour_status| FseRecord {
        stage: FseStage::Entry,
        gender: Gender::Female,
        age: Some(30),
        education: None,
        labour_status,
        sensitive: [None; 4],
        exit_result: None,
        six_month_result: None,
    };
    let records = [
        r(Some(LabourStatus::Unemployed)),
        r(Some(LabourStatus::LongTermUnemployed)),
        r(Some(LabourStatus::Inactive)),
    ];
    let lines = fse_lines(&records);
    let get = |label: &str| lines.iter().find(|l| l.label == label).unwrap().entry;
    assert_eq!(get("Chômeurs, y compris de longue durée"), 2);
    assert_eq!(get("Chômeurs de longue durée"), 1);
    assert_eq!(get("Inactifs"), 1);
    assert_eq!(get("En emploi, y compris indépendants"), 0);
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
