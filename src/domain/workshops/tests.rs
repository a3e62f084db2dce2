use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn session(day: NaiveDate, start: NaiveTime, end: NaiveTime) -> Session {
    Session {
        id: 3,
        workshop_id: 1,
        date: day,
        start,
        end,
    }
}

fn attendance(session_id: i64, status: AttendanceStatus) -> Attendance {
    Attendance {
        id: 0,
        session_id,
        participant: Participant::Member(1),
        status,
    }
}

#[test]
fn session_end_after_start() {
    let day = date(2025, 3, 4);
    assert_eq!(session(day, time(9, 0), time(11, 30)).check(), Ok(()));
    assert_eq!(
        session(day, time(14, 0), time(14, 0)).check(),
        Err("L'heure de fin (14:00) doit être après l'heure de début (14:00).".to_owned())
    );
    assert!(session(day, time(14, 0), time(9, 0)).check().is_err());
}

#[test]
fn session_hours() {
    let day = date(2025, 3, 4);
    assert_eq!(session(day, time(9, 0), time(11, 30)).hours(), 2.5);
    assert_eq!(session(day, time(14, 10), time(14, 55)).hours(), 0.75);
    assert_eq!(session(day, time(14, 0), time(9, 0)).hours(), 0.0);
}

#[test]
fn workshop_check() {
    let mut workshop = Workshop {
        id: 0,
        type_id: 1,
        title: "Soupes d'hiver".to_owned(),
        description: String::new(),
        place: "Cuisine".to_owned(),
        capacity: Some(8),
        audience: String::new(),
        animators: vec![Animator {
            staff_id: Some(2),
            name: String::new(),
        }],
    };
    assert_eq!(workshop.check(), Ok(()));
    workshop.capacity = Some(0);
    assert!(workshop.check().unwrap_err().contains("places"));
    workshop.capacity = None;
    workshop.animators.push(Animator {
        staff_id: None,
        name: " ".to_owned(),
    });
    assert!(workshop.check().is_err());
    workshop.animators.pop();
    workshop.title.clear();
    assert!(workshop.check().is_err());
}

#[test]
fn outside_participant_needs_a_name() {
    let mut a = attendance(1, AttendanceStatus::Expected);
    assert_eq!(a.check(), Ok(()));
    a.participant = Participant::Outside("  ".to_owned());
    assert!(a.check().is_err());
    a.participant = Participant::Outside("Mme Roux".to_owned());
    assert_eq!(a.check(), Ok(()));
}

#[test]
fn parses_times() {
    assert_eq!(parse_time("9:30"), Ok(time(9, 30)));
    assert_eq!(parse_time("09:05"), Ok(time(9, 5)));
    assert_eq!(parse_time("14h"), Ok(time(14, 0)));
    assert_eq!(parse_time("14 h 15"), Ok(time(14, 15)));
    assert_eq!(parse_time("8"), Ok(time(8, 0)));
    assert_eq!(parse_time(""), Err("Indiquez une heure.".to_owned()));
    for bad in ["25:00", "9:60", "neuf", "9:3:0", "-1h", "123"] {
        assert!(
            parse_time(bad).unwrap_err().contains("n'est pas une heure"),
            "{bad}"
        );
    }
}

#[test]
fn unfilled_attendance() {
    let today = date(2025, 5, 10);
    let past = session(date(2025, 5, 9), time(9, 0), time(11, 0));
    let expected = attendance(3, AttendanceStatus::Expected);
    let present = attendance(3, AttendanceStatus::Present);
    let other_session = attendance(4, AttendanceStatus::Present);
    assert!(attendance_unfilled(
        &past,
        &[expected.clone(), other_session],
        today
    ));
    assert!(attendance_unfilled(&past, &[], today));
    assert!(!attendance_unfilled(
        &past,
        &[expected.clone(), present],
        today
    ));
    let excused = attendance(3, AttendanceStatus::Excused);
    assert!(!attendance_unfilled(&past, &[excused], today));
    // Today's session may not be over yet.
    let today_session = session(today, time(9, 0), time(11, 0));
    assert!(!attendance_unfilled(&today_session, &[expected], today));
}

#[test]
fn periods() {
    let today = date(2026, 11, 28);
    assert!(Period::Upcoming.contains(today, today));
    assert!(!Period::Upcoming.contains(date(2026, 11, 27), today));
    assert!(Period::Past.contains(date(2026, 11, 27), today));
    assert!(Period::ThisMonth.contains(date(2026, 11, 1), today));
    assert!(!Period::ThisMonth.contains(date(2026, 12, 1), today));
    assert!(Period::NextMonth.contains(date(2026, 12, 31), today));
    assert!(Period::NextMonth.contains(date(2027, 1, 5), date(2026, 12, 10)));
    assert!(!Period::NextMonth.contains(date(2026, 1, 5), date(2026, 12, 10)));
    assert!(Period::All.contains(date(1999, 1, 1), today));
}

#[test]
fn capacities() {
    assert_eq!(parse_capacity(" "), Ok(None));
    assert_eq!(parse_capacity("12"), Ok(Some(12)));
    assert!(
        parse_capacity("0")
            .unwrap_err()
            .contains("supérieur à zéro")
    );
    assert!(
        parse_capacity("-3")
            .unwrap_err()
            .contains("supérieur à zéro")
    );
    assert!(parse_capacity("dix").unwrap_err().contains("« dix »"));
}

#[test]
fn session_forms() {
    let s = parse_session(4, "03/12/2026", "14h", "16:30").unwrap();
    assert_eq!(
        (s.workshop_id, s.date, s.start, s.end),
        (4, date(2026, 12, 3), time(14, 0), time(16, 30))
    );
    let err = parse_session(4, "31/04/2026", "14h", "16h").unwrap_err();
    assert_eq!(err.0, SessionField::Date);
    assert!(err.1.contains("« 31/04/2026 »"), "{}", err.1);
    assert_eq!(
        parse_session(4, "", "14h", "16h").unwrap_err().0,
        SessionField::Date
    );
    assert_eq!(
        parse_session(4, "03/12/2026", "25h", "16h").unwrap_err().0,
        SessionField::Start
    );
    let err = parse_session(4, "03/12/2026", "16h", "14h").unwrap_err();
    assert_eq!(err.0, SessionField::End);
    assert!(err.1.contains("doit être après"));
}

#[test]
fn places() {
    assert_eq!(places_text(7, Some(10)), "3 places restantes sur 10");
    assert_eq!(places_text(9, Some(10)), "1 place restante sur 10");
    assert_eq!(places_text(10, Some(10)), "Complet (10 places)");
    assert_eq!(places_text(2, None), "2 inscrits, sans limite de places");
    assert_eq!(over_capacity_warning(10, Some(10)), None);
    assert!(
        over_capacity_warning(11, Some(10))
            .unwrap()
            .contains("11 personnes")
    );
    assert_eq!(over_capacity_warning(50, None), None);
}

#[test]
fn search() {
    assert!(search_matches("Cuisine — Soupes d'hiver", "soupe cuis"));
    assert!(search_matches("Éléonore Dupré", "eleonore dupre"));
    assert!(!search_matches("Semis", "soupe"));
    assert!(search_matches("Semis", "  "));
}
