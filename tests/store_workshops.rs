//! Store round-trips, registrations, home-screen lists and report counts for workshops.

#![allow(clippy::unwrap_used)] // Integration-test helpers are outside #[test] functions.

use binette::domain::workshops::{
    Animator, Attendance, AttendanceStatus, Participant, Session, Workshop, WorkshopType,
    attendance_unfilled,
};
use binette::store::workshops::{self, SessionSummary, WorkshopCounts};
use binette::store::{Connection, StoreError, open_in_memory};
use chrono::{NaiveDate, NaiveTime};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn invalid_message<T: std::fmt::Debug>(result: binette::store::Result<T>) -> String {
    match result {
        Err(StoreError::Invalid(message)) => message,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn type_id(conn: &Connection, name: &str) -> i64 {
    workshops::list_workshop_types(conn)
        .unwrap()
        .into_iter()
        .find(|t| t.name == name)
        .unwrap()
        .id
}

fn add_member(conn: &Connection, last_name: &str) -> i64 {
    conn.execute(
        "INSERT INTO member (last_name, first_name) VALUES (?1, 'A')",
        [last_name],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn add_employee(conn: &Connection, last_name: &str) -> i64 {
    conn.execute(
        "INSERT INTO employee (last_name, first_name, gender, entry_date)
         VALUES (?1, 'B', 'f', '2024-01-08')",
        [last_name],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn add_staff(conn: &Connection, last_name: &str) -> i64 {
    conn.execute(
        "INSERT INTO staff (last_name, first_name, role) VALUES (?1, 'C', 'encadrant')",
        [last_name],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn workshop(type_id: i64, title: &str, capacity: Option<i64>) -> Workshop {
    Workshop {
        id: 0,
        type_id,
        title: title.to_owned(),
        description: String::new(),
        place: String::new(),
        capacity,
        audience: String::new(),
        animators: vec![],
    }
}

fn session(workshop_id: i64, day: NaiveDate, start: NaiveTime, end: NaiveTime) -> Session {
    Session {
        id: 0,
        workshop_id,
        date: day,
        start,
        end,
    }
}

fn register(conn: &Connection, session_id: i64, who: Participant, status: AttendanceStatus) -> i64 {
    let attendance = Attendance {
        id: 0,
        session_id,
        participant: who,
        status,
    };
    workshops::insert_attendance(conn, &attendance).unwrap()
}

#[test]
fn builtin_types_are_there() {
    let conn = open_in_memory().unwrap();
    let names: Vec<_> = workshops::list_workshop_types(&conn)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        names,
        ["Autre", "Conserves", "Cuisine", "Jardinage", "Nutrition"]
    );
}

#[test]
fn workshop_type_round_trip() {
    let conn = open_in_memory().unwrap();
    let mut workshop_type = WorkshopType {
        id: 0,
        name: "Couture".to_owned(),
    };
    workshop_type.id = workshops::insert_workshop_type(&conn, &workshop_type).unwrap();
    assert_eq!(
        workshops::get_workshop_type(&conn, workshop_type.id).unwrap(),
        workshop_type
    );
    workshop_type.name = "Couture et réparation".to_owned();
    workshops::update_workshop_type(&conn, &workshop_type).unwrap();
    assert_eq!(
        workshops::get_workshop_type(&conn, workshop_type.id).unwrap(),
        workshop_type
    );
    workshops::delete_workshop_type(&conn, workshop_type.id).unwrap();
    assert!(matches!(
        workshops::get_workshop_type(&conn, workshop_type.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn workshop_types_refuse_duplicates_and_deletion_in_use() {
    let conn = open_in_memory().unwrap();
    let duplicate = WorkshopType {
        id: 0,
        name: "cuisine".to_owned(),
    };
    assert_eq!(
        invalid_message(workshops::insert_workshop_type(&conn, &duplicate)),
        "Un type d'atelier nommé « cuisine » existe déjà."
    );
    let cooking = type_id(&conn, "Cuisine");
    workshops::insert_workshop(&conn, &workshop(cooking, "Soupes", None)).unwrap();
    let message = invalid_message(workshops::delete_workshop_type(&conn, cooking));
    assert!(message.contains("1 atelier l'utilise"), "{message}");
}

#[test]
fn workshop_round_trip_with_animators() {
    let conn = open_in_memory().unwrap();
    let staff = add_staff(&conn, "Martin");
    let mut soups = Workshop {
        id: 0,
        type_id: type_id(&conn, "Cuisine"),
        title: "Soupes d'hiver".to_owned(),
        description: "Avec les légumes du panier".to_owned(),
        place: "Cuisine du jardin".to_owned(),
        capacity: Some(8),
        audience: "Familles des paniers solidaires".to_owned(),
        animators: vec![
            Animator {
                staff_id: Some(staff),
                name: String::new(),
            },
            Animator {
                staff_id: None,
                name: "Mme Diététicienne".to_owned(),
            },
        ],
    };
    soups.id = workshops::insert_workshop(&conn, &soups).unwrap();
    assert_eq!(workshops::get_workshop(&conn, soups.id).unwrap(), soups);

    soups.type_id = type_id(&conn, "Nutrition");
    soups.title = "Soupes".to_owned();
    soups.description = String::new();
    soups.place = "Salle".to_owned();
    soups.capacity = None;
    soups.audience = String::new();
    soups.animators = vec![
        Animator {
            staff_id: None,
            name: "Bénévole".to_owned(),
        },
        Animator {
            staff_id: Some(staff),
            name: "Martin".to_owned(),
        },
    ];
    workshops::update_workshop(&conn, &soups).unwrap();
    assert_eq!(workshops::get_workshop(&conn, soups.id).unwrap(), soups);
    assert_eq!(
        workshops::list_workshops(&conn).unwrap(),
        vec![soups.clone()]
    );

    workshops::delete_workshop(&conn, soups.id).unwrap();
    assert!(matches!(
        workshops::get_workshop(&conn, soups.id),
        Err(StoreError::NotFound(_))
    ));
    let animators: i64 = conn
        .query_row("SELECT count(*) FROM workshop_animator", [], |r| r.get(0))
        .unwrap();
    assert_eq!(animators, 0);
}

#[test]
fn invalid_workshops_are_refused() {
    let conn = open_in_memory().unwrap();
    let cooking = type_id(&conn, "Cuisine");
    invalid_message(workshops::insert_workshop(
        &conn,
        &workshop(cooking, "Pain", Some(0)),
    ));
    invalid_message(workshops::insert_workshop(
        &conn,
        &workshop(cooking, " ", None),
    ));
    invalid_message(workshops::insert_workshop(
        &conn,
        &workshop(999, "Pain", None),
    ));
    let mut unknown_staff = workshop(cooking, "Pain", None);
    unknown_staff.animators = vec![Animator {
        staff_id: Some(42),
        name: String::new(),
    }];
    invalid_message(workshops::insert_workshop(&conn, &unknown_staff));
    assert!(workshops::list_workshops(&conn).unwrap().is_empty());
}

#[test]
fn session_round_trip() {
    let conn = open_in_memory().unwrap();
    let cooking = type_id(&conn, "Cuisine");
    let first = workshops::insert_workshop(&conn, &workshop(cooking, "A", None)).unwrap();
    let second = workshops::insert_workshop(&conn, &workshop(cooking, "B", None)).unwrap();
    let mut s = session(first, date(2025, 3, 4), time(9, 0), time(11, 30));
    s.id = workshops::insert_session(&conn, &s).unwrap();
    assert_eq!(workshops::get_session(&conn, s.id).unwrap(), s);
    let stored: String = conn
        .query_row(
            "SELECT start_time FROM workshop_session WHERE id = ?1",
            [s.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, "09:00");

    s.workshop_id = second;
    s.date = date(2025, 3, 5);
    s.start = time(14, 15);
    s.end = time(16, 45);
    workshops::update_session(&conn, &s).unwrap();
    assert_eq!(workshops::get_session(&conn, s.id).unwrap(), s);
    assert_eq!(
        workshops::sessions_of(&conn, second).unwrap(),
        vec![s.clone()]
    );
    assert!(workshops::sessions_of(&conn, first).unwrap().is_empty());

    workshops::delete_session(&conn, s.id).unwrap();
    assert!(matches!(
        workshops::get_session(&conn, s.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn session_must_end_after_it_starts() {
    let conn = open_in_memory().unwrap();
    let w =
        workshops::insert_workshop(&conn, &workshop(type_id(&conn, "Autre"), "A", None)).unwrap();
    let backwards = session(w, date(2025, 3, 4), time(11, 0), time(10, 0));
    assert_eq!(
        invalid_message(workshops::insert_session(&conn, &backwards)),
        "L'heure de fin (10:00) doit être après l'heure de début (11:00)."
    );
}

#[test]
fn attendance_round_trip_for_every_kind_of_participant() {
    let conn = open_in_memory().unwrap();
    let w =
        workshops::insert_workshop(&conn, &workshop(type_id(&conn, "Cuisine"), "A", None)).unwrap();
    let s1 = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 4), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let s2 = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 5), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let member = add_member(&conn, "Dupont");
    let employee = add_employee(&conn, "Durand");
    let mut saved = Vec::new();
    for participant in [
        Participant::Member(member),
        Participant::Employee(employee),
        Participant::Outside("Mme Roux".to_owned()),
    ] {
        let mut a = Attendance {
            id: 0,
            session_id: s1,
            participant,
            status: AttendanceStatus::Expected,
        };
        a.id = workshops::insert_attendance(&conn, &a).unwrap();
        assert_eq!(workshops::get_attendance(&conn, a.id).unwrap(), a);
        saved.push(a);
    }
    assert_eq!(workshops::attendances_of(&conn, s1).unwrap(), saved);

    // Change session, person and status of one line.
    let mut a = saved[2].clone();
    a.session_id = s2;
    a.participant = Participant::Member(member);
    a.status = AttendanceStatus::Excused;
    workshops::update_attendance(&conn, &a).unwrap();
    assert_eq!(workshops::get_attendance(&conn, a.id).unwrap(), a);
    a.participant = Participant::Employee(employee);
    a.status = AttendanceStatus::Absent;
    workshops::update_attendance(&conn, &a).unwrap();
    assert_eq!(workshops::get_attendance(&conn, a.id).unwrap(), a);

    workshops::delete_attendance(&conn, a.id).unwrap();
    assert!(matches!(
        workshops::get_attendance(&conn, a.id),
        Err(StoreError::NotFound(_))
    ));
    assert!(workshops::attendances_of(&conn, s2).unwrap().is_empty());
}

#[test]
fn registering_the_same_person_twice_is_refused() {
    let conn = open_in_memory().unwrap();
    let w =
        workshops::insert_workshop(&conn, &workshop(type_id(&conn, "Cuisine"), "A", None)).unwrap();
    let s1 = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 4), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let s2 = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 5), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let member = add_member(&conn, "Dupont");
    let employee = add_employee(&conn, "Durand");
    let expected = AttendanceStatus::Expected;
    register(&conn, s1, Participant::Member(member), expected);
    register(&conn, s1, Participant::Employee(employee), expected);
    let roux = register(
        &conn,
        s1,
        Participant::Outside("Mme Roux".to_owned()),
        expected,
    );

    let again = |participant| Attendance {
        id: 0,
        session_id: s1,
        participant,
        status: expected,
    };
    assert_eq!(
        invalid_message(workshops::insert_attendance(
            &conn,
            &again(Participant::Member(member))
        )),
        "Cette personne est déjà inscrite à cette séance."
    );
    invalid_message(workshops::insert_attendance(
        &conn,
        &again(Participant::Employee(employee)),
    ));
    assert_eq!(
        invalid_message(workshops::insert_attendance(
            &conn,
            &again(Participant::Outside(" mme ROUX ".to_owned()))
        )),
        "mme ROUX est déjà inscrit·e à cette séance."
    );
    // Turning another line into an already registered person is refused too.
    let mut changed = workshops::get_attendance(&conn, roux).unwrap();
    changed.participant = Participant::Member(member);
    invalid_message(workshops::update_attendance(&conn, &changed));
    // Saving a line unchanged is not a duplicate of itself.
    changed.participant = Participant::Outside("Mme Roux".to_owned());
    workshops::update_attendance(&conn, &changed).unwrap();

    assert_eq!(workshops::attendances_of(&conn, s1).unwrap().len(), 3);
    // The same people may come to another session.
    register(&conn, s2, Participant::Member(member), expected);
    register(
        &conn,
        s2,
        Participant::Outside("Mme Roux".to_owned()),
        expected,
    );
}

#[test]
fn statuses_one_by_one_and_all_at_once() {
    let conn = open_in_memory().unwrap();
    let w =
        workshops::insert_workshop(&conn, &workshop(type_id(&conn, "Cuisine"), "A", None)).unwrap();
    let s1 = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 4), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let s2 = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 5), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let expected = AttendanceStatus::Expected;
    let a = register(&conn, s1, Participant::Outside("A".to_owned()), expected);
    register(&conn, s1, Participant::Outside("B".to_owned()), expected);
    let other = register(&conn, s2, Participant::Outside("C".to_owned()), expected);

    assert_eq!(
        workshops::mark_all(&conn, s1, AttendanceStatus::Present).unwrap(),
        2
    );
    workshops::set_attendance_status(&conn, a, AttendanceStatus::Absent).unwrap();
    let statuses: Vec<_> = workshops::attendances_of(&conn, s1)
        .unwrap()
        .into_iter()
        .map(|x| x.status)
        .collect();
    assert_eq!(
        statuses,
        [AttendanceStatus::Absent, AttendanceStatus::Present]
    );
    assert_eq!(
        workshops::get_attendance(&conn, other).unwrap().status,
        expected
    );
    assert!(matches!(
        workshops::set_attendance_status(&conn, 999, AttendanceStatus::Present),
        Err(StoreError::NotFound(_))
    ));
}

/// Ids of the fixture's sessions.
struct Fixture {
    s3: i64,
    s4: i64,
    s5: i64,
    s6: i64,
    s7: i64,
    s8: i64,
}

/// Cuisine « Soupes » (8 places) and Jardinage « Semis » (no limit), sessions in March and
/// April 2025:
///
/// | session | workshop | date, time          | attendances                                   |
/// |---------|----------|---------------------|-----------------------------------------------|
/// | S1      | Soupes   | 03-04 09:00–11:30   | M1, E1, « Mme Roux » présents; M2 absent      |
/// | S2      | Soupes   | 03-11 14:00–16:00   | M1, « mme roux » présents; E2 excusé          |
/// | S3      | Semis    | 03-20 10:00–11:00   | M1 présent; E1 attendu                        |
/// | S4      | Semis    | 04-02 10:00–12:00   | M1 présent                                    |
/// | S5      | Soupes   | 03-25 09:00–10:00   | nobody                                        |
/// | S6      | Semis    | 03-18 10:00–11:00   | E1, M2 attendus                               |
/// | S7      | Soupes   | 03-17 09:00–10:00   | nobody                                        |
/// | S8      | Soupes   | 03-20 08:00–09:00   | nobody                                        |
fn fixture(conn: &Connection) -> Fixture {
    let soups =
        workshops::insert_workshop(conn, &workshop(type_id(conn, "Cuisine"), "Soupes", Some(8)))
            .unwrap();
    let sowing =
        workshops::insert_workshop(conn, &workshop(type_id(conn, "Jardinage"), "Semis", None))
            .unwrap();
    let m1 = Participant::Member(add_member(conn, "Un"));
    let m2 = Participant::Member(add_member(conn, "Deux"));
    let e1 = Participant::Employee(add_employee(conn, "Un"));
    let e2 = Participant::Employee(add_employee(conn, "Deux"));
    let new_session = |w, d, start, end| {
        workshops::insert_session(conn, &session(w, date(2025, 3, d), start, end)).unwrap()
    };
    use AttendanceStatus::*;
    let s1 = new_session(soups, 4, time(9, 0), time(11, 30));
    register(conn, s1, m1.clone(), Present);
    register(conn, s1, e1.clone(), Present);
    register(
        conn,
        s1,
        Participant::Outside("Mme Roux".to_owned()),
        Present,
    );
    register(conn, s1, m2.clone(), Absent);
    let s2 = new_session(soups, 11, time(14, 0), time(16, 0));
    register(conn, s2, m1.clone(), Present);
    register(
        conn,
        s2,
        Participant::Outside(" mme roux ".to_owned()),
        Present,
    );
    register(conn, s2, e2, Excused);
    let s3 = new_session(sowing, 20, time(10, 0), time(11, 0));
    register(conn, s3, m1.clone(), Present);
    register(conn, s3, e1.clone(), Expected);
    let s4 = workshops::insert_session(
        conn,
        &session(sowing, date(2025, 4, 2), time(10, 0), time(12, 0)),
    )
    .unwrap();
    register(conn, s4, m1, Present);
    let s5 = new_session(soups, 25, time(9, 0), time(10, 0));
    let s6 = new_session(sowing, 18, time(10, 0), time(11, 0));
    register(conn, s6, e1, Expected);
    register(conn, s6, m2, Expected);
    let s7 = new_session(soups, 17, time(9, 0), time(10, 0));
    let s8 = new_session(soups, 20, time(8, 0), time(9, 0));
    Fixture {
        s3,
        s4,
        s5,
        s6,
        s7,
        s8,
    }
}

#[test]
fn upcoming_sessions_by_date_and_time() {
    let conn = open_in_memory().unwrap();
    let f = fixture(&conn);
    let upcoming = workshops::upcoming_sessions(&conn, date(2025, 3, 20), 10).unwrap();
    let ids: Vec<_> = upcoming.iter().map(|s| s.session_id).collect();
    assert_eq!(ids, [f.s8, f.s3, f.s5, f.s4]);
    assert_eq!(
        upcoming[1],
        SessionSummary {
            session_id: f.s3,
            workshop_title: "Semis".to_owned(),
            type_name: "Jardinage".to_owned(),
            date: date(2025, 3, 20),
            start: time(10, 0),
            end: time(11, 0),
            registered: 2,
            capacity: None,
        }
    );
    assert_eq!((upcoming[2].registered, upcoming[2].capacity), (0, Some(8)));
    let first_two = workshops::upcoming_sessions(&conn, date(2025, 3, 20), 2).unwrap();
    let ids: Vec<_> = first_two.iter().map(|s| s.session_id).collect();
    assert_eq!(ids, [f.s8, f.s3]);
    assert!(
        workshops::upcoming_sessions(&conn, date(2025, 4, 3), 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn unfilled_sessions_are_past_ones_nobody_marked() {
    let conn = open_in_memory().unwrap();
    let f = fixture(&conn);
    let ids = |today| -> Vec<i64> {
        workshops::unfilled_sessions(&conn, today)
            .unwrap()
            .iter()
            .map(|s| s.session_id)
            .collect()
    };
    assert_eq!(ids(date(2025, 3, 21)), [f.s7, f.s6, f.s8]);
    // A session of today is not past yet.
    assert_eq!(ids(date(2025, 3, 18)), [f.s7]);
    assert!(ids(date(2025, 3, 1)).is_empty());
    // Marking one person of S6 fills it in.
    let first = workshops::attendances_of(&conn, f.s6).unwrap()[0].id;
    workshops::set_attendance_status(&conn, first, AttendanceStatus::Absent).unwrap();
    assert_eq!(ids(date(2025, 3, 21)), [f.s7, f.s8]);
}

#[test]
fn unfilled_sessions_agree_with_the_domain_rule() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let today = date(2025, 4, 30);
    let listed: Vec<i64> = workshops::unfilled_sessions(&conn, today)
        .unwrap()
        .iter()
        .map(|s| s.session_id)
        .collect();
    let mut by_rule = Vec::new();
    for w in workshops::list_workshops(&conn).unwrap() {
        for s in workshops::sessions_of(&conn, w.id).unwrap() {
            if attendance_unfilled(&s, &workshops::attendances_of(&conn, s.id).unwrap(), today) {
                by_rule.push(s.id);
            }
        }
    }
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    by_rule.sort_unstable();
    assert_eq!(sorted, by_rule);
    assert_eq!(listed.len(), 4); // S5, S6, S7, S8
}

#[test]
fn counts_for_march() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let (from, to) = (date(2025, 3, 1), date(2025, 3, 31));
    // Sessions S1 S2 S3 S5 S6 S7 S8; présents: 3 at S1 (2.5 h), 2 at S2 (2 h), 1 at S3 (1 h);
    // people: M1, E1, Mme Roux.
    assert_eq!(
        workshops::workshop_counts(&conn, from, to).unwrap(),
        WorkshopCounts {
            sessions: 7,
            distinct_participants: 3,
            attendances: 6,
            hours: 12.5
        }
    );
    let by_type = workshops::workshop_counts_by_type(&conn, from, to).unwrap();
    let names: Vec<_> = by_type.iter().map(|(t, _)| t.name.as_str()).collect();
    assert_eq!(names, ["Cuisine", "Jardinage"]);
    assert_eq!(
        by_type[0].1,
        WorkshopCounts {
            sessions: 5,
            distinct_participants: 3,
            attendances: 5,
            hours: 11.5
        }
    );
    assert_eq!(
        by_type[1].1,
        WorkshopCounts {
            sessions: 2,
            distinct_participants: 1,
            attendances: 1,
            hours: 1.0
        }
    );
    // Both ends included: April 2 alone has S4 with M1 present for 2 hours.
    assert_eq!(
        workshops::workshop_counts(&conn, date(2025, 4, 2), date(2025, 4, 2)).unwrap(),
        WorkshopCounts {
            sessions: 1,
            distinct_participants: 1,
            attendances: 1,
            hours: 2.0
        }
    );
    assert_eq!(
        workshops::workshop_counts(&conn, date(2025, 5, 1), date(2025, 5, 31)).unwrap(),
        WorkshopCounts::default()
    );
}

#[test]
fn history_lists_sessions_attended_only_newest_first() {
    let conn = open_in_memory().unwrap();
    fixture(&conn);
    let members = workshops::registrable_people(&conn).unwrap();
    let un = members
        .iter()
        .find(|p| p.name == "UN A")
        .unwrap()
        .participant
        .clone();
    let dates: Vec<_> = workshops::sessions_attended_by(&conn, &un)
        .unwrap()
        .iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(
        dates,
        [
            date(2025, 4, 2),
            date(2025, 3, 20),
            date(2025, 3, 11),
            date(2025, 3, 4)
        ]
    );
    // E1: present at S1 only (expected at S3 and S6 does not count).
    let e1 = members
        .iter()
        .find(|p| p.name == "UN B")
        .unwrap()
        .participant
        .clone();
    assert_eq!(
        workshops::sessions_attended_by(&conn, &e1).unwrap().len(),
        1
    );
    // Outside people by name, ignoring case and spaces.
    let roux = Participant::Outside("MME ROUX".to_owned());
    assert_eq!(
        workshops::sessions_attended_by(&conn, &roux).unwrap().len(),
        2
    );
    let nobody = Participant::Outside("Personne".to_owned());
    assert!(
        workshops::sessions_attended_by(&conn, &nobody)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn registrations_carry_names_and_kinds() {
    let conn = open_in_memory().unwrap();
    let w =
        workshops::insert_workshop(&conn, &workshop(type_id(&conn, "Cuisine"), "A", None)).unwrap();
    let s = workshops::insert_session(
        &conn,
        &session(w, date(2025, 3, 4), time(9, 0), time(10, 0)),
    )
    .unwrap();
    let member = add_member(&conn, "Zola");
    let employee = add_employee(&conn, "Bernard");
    let expected = AttendanceStatus::Expected;
    register(&conn, s, Participant::Member(member), expected);
    register(&conn, s, Participant::Employee(employee), expected);
    register(
        &conn,
        s,
        Participant::Outside("Mme Roux".to_owned()),
        expected,
    );
    let names: Vec<_> = workshops::registrations_of(&conn, s)
        .unwrap()
        .into_iter()
        .map(|r| (r.name, r.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("BERNARD B".to_owned(), "Salarié·e"),
            ("Mme Roux".to_owned(), "Extérieur·e"),
            ("ZOLA A".to_owned(), "Adhérent·e"),
        ]
    );
    // Members who left are not offered any more.
    conn.execute("UPDATE member SET status = 'parti' WHERE id = ?1", [member])
        .unwrap();
    let offered: Vec<_> = workshops::registrable_people(&conn)
        .unwrap()
        .into_iter()
        .map(|p| p.participant)
        .collect();
    assert_eq!(offered, [Participant::Employee(employee)]);
}

#[test]
fn a_workshop_and_its_sessions_are_saved_together_or_not_at_all() {
    let conn = open_in_memory().unwrap();
    let staff = add_staff(&conn, "Martin");
    let mut w = workshop(type_id(&conn, "Conserves"), "Bocaux", Some(8));
    w.animators = vec![
        Animator {
            staff_id: Some(staff),
            name: String::new(),
        },
        Animator {
            staff_id: None,
            name: "Odile".to_owned(),
        },
    ];
    let good = session(0, date(2025, 6, 5), time(14, 0), time(16, 0));
    let bad = session(0, date(2025, 6, 12), time(16, 0), time(14, 0));
    assert!(workshops::save_workshop_with_sessions(&conn, &w, &[good.clone(), bad], &[]).is_err());
    assert!(workshops::list_workshops(&conn).unwrap().is_empty());
    let id = workshops::save_workshop_with_sessions(&conn, &w, std::slice::from_ref(&good), &[])
        .unwrap();
    let sessions = workshops::sessions_of(&conn, id).unwrap();
    assert_eq!(sessions.len(), 1);
    let detail = workshops::session_detail(&conn, sessions[0].id).unwrap();
    assert_eq!(detail.animator_names, ["C Martin", "Odile"]);
    assert_eq!(detail.type_name, "Conserves");
    // Editing: one session deleted, one added.
    w.id = id;
    let later = session(0, date(2025, 6, 19), time(14, 0), time(16, 0));
    workshops::save_workshop_with_sessions(&conn, &w, &[later], &[sessions[0].id]).unwrap();
    let dates: Vec<_> = workshops::sessions_of(&conn, id)
        .unwrap()
        .iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(dates, [date(2025, 6, 19)]);
    let listed = workshops::list_sessions(&conn, Some(date(2025, 6, 1)), None).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        workshops::list_sessions(&conn, None, Some(date(2025, 6, 18)))
            .unwrap()
            .is_empty()
    );
}
