//! Timings of the Ateliers screen's store calls on the ten-times demo, and the attendance
//! sheet of its busiest coming session written to /tmp/bench_attendance_sheet.pdf.
//! `cargo run --release --example bench_workshops`

use std::time::Instant;

use binette::report::attendance_sheet;
use binette::store::{self, workshops};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).ok_or("date")?;
    let conn = store::open_in_memory()?;
    let t = Instant::now();
    store::demo::create_demo(&conn, 10, today)?;
    println!("démo ×10 : {:?}", t.elapsed());

    let t = Instant::now();
    let sessions = workshops::list_sessions(&conn, None, None)?;
    let unfilled = workshops::unfilled_sessions(&conn, today)?;
    let people = workshops::registrable_people(&conn)?;
    println!(
        "listes de l'écran : {:?} ({} séances, {} à saisir, {} personnes)",
        t.elapsed(),
        sessions.len(),
        unfilled.len(),
        people.len()
    );
    let busiest = sessions
        .iter()
        .filter(|s| s.date >= today)
        .max_by_key(|s| s.registered)
        .or(sessions.last())
        .ok_or("aucune séance")?;
    let t = Instant::now();
    let detail = workshops::session_detail(&conn, busiest.session_id)?;
    println!(
        "détail d'une séance : {:?} ({} inscrits)",
        t.elapsed(),
        detail.registrations.len()
    );
    let t = Instant::now();
    let sheet = workshops::attendance_sheet(&conn, busiest.session_id, today)?;
    let bytes = attendance_sheet::render(&sheet)?;
    std::fs::write("/tmp/bench_attendance_sheet.pdf", &bytes)?;
    println!(
        "feuille d'émargement : {:?} ({} octets)",
        t.elapsed(),
        bytes.len()
    );
    let t = Instant::now();
    let mut attended = 0;
    for person in people.iter().take(200) {
        attended += workshops::sessions_attended_by(&conn, &person.participant)?.len();
    }
    println!(
        "historique de 200 personnes : {:?} ({attended} séances)",
        t.elapsed()
    );
    let t = Instant::now();
    let year = workshops::workshop_counts(
        &conn,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?,
        today,
    )?;
    println!("chiffres de l'année : {:?} ({year:?})", t.elapsed());
    Ok(())
}
