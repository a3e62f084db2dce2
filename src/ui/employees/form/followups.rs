//! The follow-ups tab: the follow-up being typed.

use chrono::NaiveDate;

use super::{Errors, FileForm};
use crate::domain::calendar::format_date;
use crate::domain::employees::FollowUp;
use crate::ui::employees::fields::F;

impl FileForm {
    /// The follow-up as typed, or the errors to show.
    pub fn follow_up(&self) -> Result<FollowUp, Errors> {
        let mut errors = Errors::new();
        let date = self.date(F::FollowUpDate, &mut errors);
        let minutes = self.number(
            F::FollowUpDuration,
            1.0,
            600.0,
            "Durée en minutes, entre 1 et 600.",
            &mut errors,
        );
        match (date, minutes) {
            (Some(date), Some(minutes)) if errors.is_empty() => Ok(FollowUp {
                id: self.follow_up_id,
                employee_id: self.employee_id(),
                date,
                duration_minutes: minutes.round() as i64,
                staff_id: self.follow_up_staff,
                notes: self.get(F::FollowUpNotes).to_owned(),
                themes: self.follow_up_themes.clone(),
            }),
            _ => Err(errors),
        }
    }

    /// Puts a stored follow-up in the form, or an empty one dated `today`.
    pub fn edit_follow_up(&mut self, follow_up: Option<&FollowUp>, today: NaiveDate) {
        self.clear(&[F::FollowUpDate, F::FollowUpDuration, F::FollowUpNotes]);
        match follow_up {
            Some(f) => {
                self.follow_up_id = f.id;
                self.follow_up_staff = f.staff_id;
                self.follow_up_themes = f.themes.clone();
                self.set(F::FollowUpDate, format_date(f.date));
                self.set(F::FollowUpDuration, f.duration_minutes.to_string());
                self.set(F::FollowUpNotes, f.notes.clone());
            }
            None => {
                self.follow_up_id = 0;
                self.follow_up_staff = self.referent;
                self.follow_up_themes.clear();
                self.set(F::FollowUpDate, format_date(today));
                self.set(F::FollowUpDuration, "45");
            }
        }
    }
}
