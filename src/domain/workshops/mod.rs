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

impl std::fmt::Display for WorkshopType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
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

/// The period a list of sessions is filtered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Today and later.
    #[default]
    Upcoming,
    /// This calendar month.
    ThisMonth,
    /// Next calendar month (to set up next month's workshops).
    NextMonth,
    /// Before today.
    Past,
    /// Every session.
    All,
}

impl Period {
    /// Every period, in the order the filter offers them.
    pub const ALL: [Period; 5] = [
        Period::Upcoming,
        Period::ThisMonth,
        Period::NextMonth,
        Period::Past,
        Period::All,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            Period::Upcoming => "À venir",
            Period::ThisMonth => "Ce mois-ci",
            Period::NextMonth => "Le mois prochain",
            Period::Past => "Passées",
            Period::All => "Toutes les dates",
        }
    }

    /// True when a session dated `date` belongs to the period, seen from `today`.
    pub fn contains(self, date: NaiveDate, today: NaiveDate) -> bool {
        use chrono::Datelike;
        let month = |d: NaiveDate| (d.year(), d.month());
        let next = if today.month() == 12 {
            (today.year() + 1, 1)
        } else {
            (today.year(), today.month() + 1)
        };
        match self {
            Period::Upcoming => date >= today,
            Period::ThisMonth => month(date) == month(today),
            Period::NextMonth => month(date) == next,
            Period::Past => date < today,
            Period::All => true,
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Reads a capacity typed by a user: empty means no limit; otherwise a whole number above 0.
pub fn parse_capacity(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        Ok(_) => Err(
            "Le nombre de places doit être supérieur à zéro (laissez vide s'il n'y a pas de limite)."
                .to_owned(),
        ),
        Err(_) => Err(format!("« {text} » n'est pas un nombre de places : tapez par exemple 12.")),
    }
}

/// Which field of a session form is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionField {
    /// The date.
    Date,
    /// The start time.
    Start,
    /// The end time.
    End,
}

/// Reads a session typed by a user (date as 28/11/2026, times as 9:30 or 14h) for
/// `workshop_id`; the first wrong field and a French message otherwise.
pub fn parse_session(
    workshop_id: WorkshopId,
    date: &str,
    start: &str,
    end: &str,
) -> Result<Session, (SessionField, String)> {
    let date = if date.trim().is_empty() {
        return Err((
            SessionField::Date,
            "Indiquez la date de la séance.".to_owned(),
        ));
    } else {
        crate::domain::calendar::parse_date(date).ok_or_else(|| {
            (
                SessionField::Date,
                format!(
                    "« {} » n'est pas une date du calendrier : tapez-la comme 28/11/2026.",
                    date.trim()
                ),
            )
        })?
    };
    let start = parse_time(start).map_err(|e| (SessionField::Start, format!("Début : {e}")))?;
    let end = parse_time(end).map_err(|e| (SessionField::End, format!("Fin : {e}")))?;
    let session = Session {
        id: 0,
        workshop_id,
        date,
        start,
        end,
    };
    session.check().map_err(|e| (SessionField::End, e))?;
    Ok(session)
}

/// Places left for a session, when the workshop has a capacity (negative when over).
pub fn places_left(registered: i64, capacity: Option<i64>) -> Option<i64> {
    capacity.map(|c| c - registered)
}

/// "3 places restantes sur 10", "Complet (10 places)", or "12 inscrits" without a limit.
pub fn places_text(registered: i64, capacity: Option<i64>) -> String {
    let plural = |n: i64| if n > 1 { "s" } else { "" };
    match places_left(registered, capacity) {
        None => format!(
            "{registered} inscrit{}, sans limite de places",
            plural(registered)
        ),
        Some(left) if left > 0 => format!(
            "{left} place{} restante{} sur {}",
            plural(left),
            plural(left),
            capacity.unwrap_or_default()
        ),
        Some(_) => format!("Complet ({} places)", capacity.unwrap_or_default()),
    }
}

/// The yellow warning when more people are registered than the workshop has places.
pub fn over_capacity_warning(registered: i64, capacity: Option<i64>) -> Option<String> {
    let capacity = capacity?;
    (registered > capacity).then(|| {
        format!(
            "Attention : {registered} personnes inscrites pour {capacity} places. \
             Vérifiez que la salle et le matériel suffisent."
        )
    })
}

/// True when every word of `query` appears in `text`, ignoring case and accents.
pub fn search_matches(text: &str, query: &str) -> bool {
    let text = crate::domain::text::fold(text);
    crate::domain::text::fold(query)
        .split_whitespace()
        .all(|word| text.contains(word))
}

/// "9:30 – 11:00" → "09:30 – 11:00".
pub fn time_range(start: NaiveTime, end: NaiveTime) -> String {
    format!("{} – {}", start.format("%H:%M"), end.format("%H:%M"))
}

#[cfg(test)]
mod tests;
