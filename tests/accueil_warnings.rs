#![allow(clippy::unwrap_used)]
//! Accueil's warning about workshop sessions whose attendance is only partly filled in.

use binette::store::dashboard::dashboard;
use binette::store::open_in_memory;
use binette::store::workshops::{partly_filled_sessions, unfilled_sessions};
use chrono::NaiveDate;

#[test]
fn sessions_with_attendance_partly_filled_are_flagged() {
    let conn = open_in_memory().unwrap();
    // Session 1: both filled; session 2: one present, one still « attendu » (partly);
    // session 3: nobody filled (unfilled, told apart); session 4: in the future.
    conn.execute_batch(
        "INSERT INTO workshop (id, type_id, title) VALUES
           (1, (SELECT id FROM workshop_type WHERE name = 'Cuisine'), 'Soupes');
         INSERT INTO workshop_session (id, workshop_id, date, start_time, end_time) VALUES
           (1, 1, '2026-04-10', '14:00', '16:00'), (2, 1, '2026-05-10', '10:00', '11:30'),
           (3, 1, '2026-05-20', '10:00', '11:30'), (4, 1, '2026-07-01', '10:00', '11:30');
         INSERT INTO attendance (session_id, member_id, employee_id, outside_name, status) VALUES
           (1, NULL, NULL, 'Jean', 'present'), (1, NULL, NULL, 'Lou', 'absent'),
           (2, NULL, NULL, 'Jean', 'present'), (2, NULL, NULL, 'Lou', 'attendu'),
           (3, NULL, NULL, 'Jean', 'attendu'),
           (4, NULL, NULL, 'Jean', 'present'), (4, NULL, NULL, 'Lou', 'attendu');",
    )
    .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let partly = partly_filled_sessions(&conn, today).unwrap();
    assert_eq!(partly.len(), 1);
    assert_eq!(
        partly[0].date,
        NaiveDate::from_ymd_opt(2026, 5, 10).unwrap()
    );
    assert_eq!(unfilled_sessions(&conn, today).unwrap().len(), 1);
    let d = dashboard(&conn, today).unwrap();
    assert_eq!((d.partly_filled_sessions, d.unfilled_sessions), (1, 1));
}
