//! The attendance sheet read back: exactly the registered people, names only.

#![allow(clippy::unwrap_used)]

use binette::domain::workshops::{Attendance, AttendanceStatus, Participant, Session, Workshop};
use binette::report::attendance_sheet::{self, BLANK_ROWS};
use binette::store::{open_in_memory, workshops};
use chrono::{NaiveDate, NaiveTime};

fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

#[test]
fn the_sheet_lists_exactly_the_registered_people() {
    let conn = open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let type_id = workshops::list_workshop_types(&conn).unwrap()[0].id;
    let w = workshops::insert_workshop(
        &conn,
        &Workshop {
            id: 0,
            type_id,
            title: "Soupes d'hiver".to_owned(),
            description: String::new(),
            place: "Maison de quartier".to_owned(),
            capacity: Some(10),
            audience: String::new(),
            animators: vec![binette::domain::workshops::Animator {
                staff_id: None,
                name: "Leïla Haddad".to_owned(),
            }],
        },
    )
    .unwrap();
    let session = |day| {
        workshops::insert_session(
            &conn,
            &Session {
                id: 0,
                workshop_id: w,
                date: NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
                start: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
            },
        )
        .unwrap()
    };
    let (s, other) = (session(3), session(10));
    conn.execute(
        "INSERT INTO member (last_name, first_name, phone) VALUES ('Lefèvre', 'Zoé', '0601020304')",
        [],
    )
    .unwrap();
    let member = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO employee (last_name, first_name, gender, entry_date, rsa)
         VALUES ('N''Diaye', 'Aïcha', 'f', '2026-01-05', 1)",
        [],
    )
    .unwrap();
    let employee = conn.last_insert_rowid();
    for (session_id, who) in [
        (s, Participant::Member(member)),
        (s, Participant::Employee(employee)),
        (s, Participant::Outside("Mme Roux".to_owned())),
        (other, Participant::Outside("Jean Autre".to_owned())),
    ] {
        workshops::insert_attendance(
            &conn,
            &Attendance {
                id: 0,
                session_id,
                participant: who,
                status: AttendanceStatus::Expected,
            },
        )
        .unwrap();
    }
    let sheet = workshops::attendance_sheet(&conn, s, today).unwrap();
    assert_eq!(sheet.people, ["LEFÈVRE Zoé", "Mme Roux", "N'DIAYE Aïcha"]);
    let pages = pages_text(&attendance_sheet::render(&sheet).unwrap());
    assert_eq!(pages.len(), 1);
    let text = &pages[0];
    for expected in [
        "Soupes d'hiver",
        "jeudi 3 décembre 2026",
        "14:00 – 16:30",
        "Lieu : Maison de quartier",
        "Leïla Haddad",
        "LEFÈVRE Zoé",
        "N'DIAYE Aïcha",
        "Mme Roux",
        "Signature des animateurs",
        "Page 1 / 1",
    ] {
        assert!(text.contains(expected), "« {expected} » missing in {text}");
    }
    assert!(!text.contains("Jean Autre"), "another session's person");
    assert!(!text.contains("0601020304"), "no contact data");
    assert!(!text.contains("RSA"), "no social data");
    // Numbered rows: 3 people then the blank lines for walk-ins.
    let last = (3 + BLANK_ROWS).to_string();
    assert!(text.contains(&last));
    assert_eq!(
        attendance_sheet::file_name(&sheet),
        "Emargement 2026-12-03 soupes d hiver.pdf"
    );
}

#[test]
fn a_long_list_spans_pages_with_every_name_once() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let sheet = attendance_sheet::AttendanceSheet {
        garden_name: "Jardin".to_owned(),
        logo_path: None,
        workshop_title: "Semis".to_owned(),
        type_name: "Jardinage".to_owned(),
        date: today,
        start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(11, 0, 0).unwrap(),
        place: String::new(),
        animators: vec![],
        people: (0..40).map(|i| format!("PERSONNE P{i:02}")).collect(),
        printed_on: today,
    };
    let pages = pages_text(&attendance_sheet::render(&sheet).unwrap());
    assert!(pages.len() >= 2);
    let all = pages.concat();
    for i in 0..40 {
        assert_eq!(all.matches(&format!("PERSONNE P{i:02}")).count(), 1);
    }
    let n = pages.len();
    assert!(pages[n - 1].contains(&format!("Page {n} / {n}")));
    assert!(!all.contains("Lieu :"));
}
