//! Ateliers' use cases without the window: a workshop saved with its sessions, people
//! registered and ticked, the lists read back, the attendance sheet's data and PDF, and a
//! garden open read-only refusing before anything is written.

#![allow(clippy::unwrap_used)]

use binette::app::workshops;
use binette::app::{Error, Garden};
use binette::domain::workshops::{
    Animator, AttendanceStatus, Participant, Session, SessionId, Workshop,
};
use binette::store::{self, StoreError};
use chrono::{NaiveDate, NaiveTime};

fn d(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn t(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
}

/// Today: Saturday 28 November 2026.
fn today() -> NaiveDate {
    d(11, 28)
}

fn garden() -> Garden {
    let conn = store::open_in_memory().unwrap();
    conn.execute(
        "INSERT INTO member (last_name, first_name, phone) VALUES ('Lefèvre', 'Zoé', '0601020304')",
        [],
    )
    .unwrap();
    Garden::new(conn, "x.sqlite3".into())
}

fn soups(type_id: i64) -> Workshop {
    Workshop {
        id: 0,
        type_id,
        title: "Soupes d'hiver".into(),
        description: String::new(),
        place: "Maison de quartier".into(),
        capacity: Some(10),
        audience: String::new(),
        animators: vec![Animator {
            staff_id: None,
            name: "Leïla Haddad".into(),
        }],
    }
}

fn session(date: NaiveDate) -> Session {
    Session {
        id: 0,
        workshop_id: 0,
        date,
        start: t(14, 0),
        end: t(16, 30),
    }
}

/// Saves « Soupes d'hiver » with a past session (20 November) and a coming one
/// (3 December); answers the coming one, the one shown after saving.
fn saved_workshop(garden: &Garden) -> SessionId {
    let type_id = workshops::lists(garden, today()).unwrap().types[0].id;
    let (lists, shown) = workshops::save_workshop(
        garden,
        &soups(type_id),
        &[session(d(11, 20)), session(d(12, 3))],
        &[],
        today(),
    )
    .unwrap();
    assert_eq!(lists.sessions.len(), 2);
    // The past session has nobody ticked: it is listed as unfilled.
    assert_eq!(lists.unfilled.len(), 1);
    assert_eq!(lists.unfilled[0].date, d(11, 20));
    let shown = shown.unwrap();
    assert_eq!(shown.session.date, d(12, 3), "the next session is shown");
    shown.session.id
}

#[test]
fn people_registered_and_ticked_show_in_the_session() {
    let garden = garden();
    let s = saved_workshop(&garden);
    let (_, detail) = workshops::register(&garden, s, Participant::Member(1), today()).unwrap();
    let (lists, detail_after) =
        workshops::register(&garden, s, Participant::Outside("Mme Roux".into()), today()).unwrap();
    assert_eq!(detail.unwrap().registrations.len(), 1);
    let detail = detail_after.unwrap();
    // Sorted by name: LEFÈVRE Zoé, then Mme Roux; both expected.
    let names: Vec<&str> = detail
        .registrations
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["LEFÈVRE Zoé", "Mme Roux"]);
    let summary = lists.sessions.iter().find(|x| x.session_id == s).unwrap();
    assert_eq!(summary.registered, 2);
    // « Tous présents », then Mme Roux excused: 1 present, 1 excused.
    workshops::mark_all(&garden, s, AttendanceStatus::Present, today()).unwrap();
    let roux = detail.registrations[1].attendance.id;
    let (_, detail) =
        workshops::set_status(&garden, roux, AttendanceStatus::Excused, Some(s), today()).unwrap();
    let statuses: Vec<AttendanceStatus> = detail
        .unwrap()
        .registrations
        .iter()
        .map(|r| r.attendance.status)
        .collect();
    assert_eq!(
        statuses,
        [AttendanceStatus::Present, AttendanceStatus::Excused]
    );
    // Mme Roux removed: one registration left.
    let (lists, _) = workshops::unregister(&garden, roux, Some(s), today()).unwrap();
    let summary = lists.sessions.iter().find(|x| x.session_id == s).unwrap();
    assert_eq!(summary.registered, 1);
}

fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let n = doc.get_pages().len() as u32;
    (1..=n).map(|p| doc.extract_text(&[p]).unwrap()).collect()
}

#[test]
fn the_attendance_sheet_prints_the_session_and_its_people() {
    let garden = garden();
    let s = saved_workshop(&garden);
    workshops::register(&garden, s, Participant::Member(1), today()).unwrap();
    workshops::register(&garden, s, Participant::Outside("Mme Roux".into()), today()).unwrap();
    let sheet = workshops::attendance_sheet(&garden, s, today()).unwrap();
    assert_eq!(sheet.people, ["LEFÈVRE Zoé", "Mme Roux"]);
    assert_eq!(sheet.animators, ["Leïla Haddad"]);
    assert_eq!(sheet.printed_on, today());
    let pdf = workshops::attendance_sheet_pdf(&garden, s, today()).unwrap();
    assert_eq!(pdf.file_name, "Emargement 2026-12-03 soupes d hiver.pdf");
    let pages = pages_text(&pdf.bytes);
    assert_eq!(pages.len(), 1);
    for expected in [
        "Soupes d'hiver",
        "jeudi 3 décembre 2026",
        "14:00 – 16:30",
        "Lieu : Maison de quartier",
        "Leïla Haddad",
        "LEFÈVRE Zoé",
        "Mme Roux",
    ] {
        assert!(pages[0].contains(expected), "« {expected} » missing");
    }
    assert!(!pages[0].contains("0601020304"), "no contact data");
    // Written where asked, and read back byte for byte.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(&pdf.file_name);
    workshops::write_sheet(&path, &pdf).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), pdf.bytes);
}

#[test]
fn types_are_added_and_a_used_one_is_kept() {
    let garden = garden();
    let before = workshops::lists(&garden, today()).unwrap().types.len();
    let (lists, _) = workshops::add_type(&garden, "Couture".into(), None, today()).unwrap();
    assert_eq!(lists.types.len(), before + 1);
    let _ = saved_workshop(&garden);
    let used = workshops::lists(&garden, today()).unwrap().types[0].id;
    let refused = workshops::delete_type(&garden, used, None, today()).unwrap_err();
    assert!(matches!(refused, Error::Store(_)), "{refused:?}");
    assert_eq!(
        workshops::lists(&garden, today()).unwrap().types.len(),
        before + 1
    );
}

#[test]
fn a_garden_open_read_only_refuses_a_registration_before_writing_anything() {
    // The connection itself could write: only the garden's own check refuses.
    let garden = Garden::new_read_only(store::open_in_memory().unwrap(), "x.sqlite3".into());
    let refused = workshops::add_type(&garden, "Couture".into(), None, today()).unwrap_err();
    assert!(
        matches!(refused, Error::Store(StoreError::ReadOnly(_))),
        "{refused:?}"
    );
    let refused = workshops::register(&garden, 1, Participant::Outside("Mme Roux".into()), today())
        .unwrap_err();
    assert!(matches!(refused, Error::Store(StoreError::ReadOnly(_))));
    let lists = workshops::lists(&garden, today()).unwrap();
    assert!(lists.types.iter().all(|t| t.name != "Couture"));
    assert!(lists.sessions.is_empty());
}
