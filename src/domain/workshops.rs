//! Workshops (ateliers), their sessions and who attended.

use chrono::{NaiveDate, NaiveTime};

use crate::code_enum;

/// Row id of a workshop.
pub type WorkshopId = i64;
/// Row id of a workshop session.
pub type SessionId = i64;

code_enum! {
    /// Whether a registered person came to a session.
    pub enum AttendanceStatus {
        Expected = ("attendu", "Attendu"),
        Present = ("present", "Présent"),
        Absent = ("absent", "Absent"),
        Excused = ("excuse", "Excusé"),
    }
}

/// A kind of workshop (Cuisine, Conserves, Jardinage…), editable by the users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopType {
    /// Row id (0 before the first save).
    pub id: i64,
    /// Name, unique regardless of case.
    pub name: String,
}

/// A workshop: what it is about; its dates are its sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    /// Row id (0 before the first save).
    pub id: WorkshopId,
    /// Its type.
    pub type_id: i64,
    /// Title shown everywhere.
    pub title: String,
    /// Free description.
    pub description: String,
    /// Where it takes place.
    pub place: String,
    /// Most people per session, when limited (> 0).
    pub capacity: Option<i64>,
    /// Who it is meant for (free text).
    pub audience: String,
    /// Who leads it, in the order given.
    pub animators: Vec<Animator>,
}

/// Someone leading a workshop: a staff member, or a typed name (outside animator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Animator {
    /// The staff member, if the animator is one.
    pub staff_id: Option<i64>,
    /// Typed name (may be empty when `staff_id` is set).
    pub name: String,
}

impl Workshop {
    /// Checks what must hold before saving: a title, a positive capacity, named animators.
    pub fn check(&self) -> Result<(), String> {
        if self.title.trim().is_empty() {
            return Err("Indiquez le titre de l'atelier.".to_owned());
        }
        if let Some(capacity) = self.capacity
            && capacity <= 0
        {
            return Err("Le nombre de places doit être supérieur à zéro.".to_owned());
        }
        if self
            .animators
            .iter()
            .any(|a| a.staff_id.is_none() && a.name.trim().is_empty())
        {
            return Err(
                "Choisissez un salarié permanent ou tapez le nom de chaque animateur.".to_owned(),
            );
        }
        Ok(())
    }
}

/// One date of a workshop. Times are kept to the minute ('HH:MM' in the database).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Row id (0 before the first save).
    pub id: SessionId,
    /// The workshop.
    pub workshop_id: WorkshopId,
    /// Day of the session.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// End time, after `start` (a session never crosses midnight).
    pub end: NaiveTime,
}

impl Session {
    /// Checks what must hold before saving: the end after the start.
    pub fn check(&self) -> Result<(), String> {
        if self.end <= self.start {
            return Err(format!(
                "L'heure de fin ({}) doit être après l'heure de début ({}).",
                self.end.format("%H:%M"),
                self.start.format("%H:%M")
            ));
        }
        Ok(())
    }

    /// Length of the session in hours (0 if the times are inverted).
    pub fn hours(&self) -> f64 {
        let minutes = (self.end - self.start).num_minutes().max(0);
        minutes as f64 / 60.0
    }
}

/// Reads a time typed by a user: "9:30", "09:30", "9h30", "9h", "14 h 05".
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let invalid = || {
        format!(
            "« {} » n'est pas une heure : tapez par exemple 9:30 ou 14h.",
            text.trim()
        )
    };
    if cleaned.is_empty() {
        return Err("Indiquez une heure.".to_owned());
    }
    let (hours, minutes) = match cleaned.split_once([':', 'h', 'H']) {
        Some((h, "")) => (h, "0"),
        Some((h, m)) => (h, m),
        None => (cleaned.as_str(), "0"),
    };
    let number = |s: &str| -> Option<u32> {
        if s.is_empty() || s.len() > 2 || !s.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    match (number(hours), number(minutes)) {
        (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0).ok_or_else(invalid),
        _ => Err(invalid()),
    }
}

/// Who is registered for a session.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Participant {
    /// A member household (Paniers Solidaires or not).
    Member(i64),
    /// An employee on an insertion contract.
    Employee(i64),
    /// Someone else, known by name only.
    Outside(String),
}

/// One person registered for one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    /// Row id (0 before the first save).
    pub id: i64,
    /// The session.
    pub session_id: SessionId,
    /// Who.
    pub participant: Participant,
    /// Whether they came.
    pub status: AttendanceStatus,
}

impl Attendance {
    /// Checks what must hold before saving: an outside person has a name.
    pub fn check(&self) -> Result<(), String> {
        if let Participant::Outside(name) = &self.participant
            && name.trim().is_empty()
        {
            return Err("Tapez le nom de la personne.".to_owned());
        }
        Ok(())
    }
}

/// True when `session` is past (its date before `today`) and nobody's attendance was filled
/// in: every attendance of the session is still `Attendu`. A past session with nobody
/// registered counts too: its sheet was never entered either. Attendances of other sessions
/// in `attendances` are ignored.
pub fn attendance_unfilled(
    session: &Session,
    attendances: &[Attendance],
    today: NaiveDate,
) -> bool {
    session.date < today
        && attendances
            .iter()
            .filter(|a| a.session_id == session.id)
            .all(|a| a.status == AttendanceStatus::Expected)
}

#[cfg(test)]
mod tests {
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
}
