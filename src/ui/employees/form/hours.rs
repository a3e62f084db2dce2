//! The Heures (paie) tab: the hours worked of one year, month by month, as typed.

use super::{Errors, FileForm};
use crate::domain::numbers::format_number;
use crate::store::employees::MAX_MONTH_HOURS;
use crate::ui::employees::fields::F;

impl FileForm {
    /// Shows the hours worked of `year` as recorded (an empty box: not recorded).
    pub fn show_hours_year(&mut self, year: i32) {
        self.hours_year = year;
        for month in 1..=12 {
            let recorded = self
                .file
                .as_ref()
                .and_then(|f| f.worked_hours.get(&(year, month)).copied());
            self.set(
                F::Worked(month),
                recorded.map(|h| format_number(h, 2)).unwrap_or_default(),
            );
        }
    }

    /// The hours worked of the year shown, January first (an empty box: not recorded), or
    /// the errors to show.
    pub fn worked_hours(&self) -> Result<[Option<f64>; 12], Errors> {
        let mut errors = Errors::new();
        let mut months = [None; 12];
        for (index, month) in (1..=12).enumerate() {
            let field = F::Worked(month);
            if self.get(field).trim().is_empty() {
                continue;
            }
            months[index] = self.number(
                field,
                0.0,
                MAX_MONTH_HOURS,
                "Heures du mois : un nombre, par exemple 151,67.",
                &mut errors,
            );
        }
        if errors.is_empty() {
            Ok(months)
        } else {
            Err(errors)
        }
    }
}
