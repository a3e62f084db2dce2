//! The saves of the paths and hours parts of a file: a new path after an exit, the hours
//! worked of the year shown.

use super::Work;
use crate::store::employees as store;
use crate::ui::employees::fields::Part;
use crate::ui::employees::form::{Errors, FileForm};

/// The write of `part` (`Part::Hours` or `Part::NewPath`) for employee `id`, and what to
/// say once done; the errors to show when what is typed is wrong.
pub(super) fn work(form: &FileForm, part: Part, id: i64) -> Result<(Work, &'static str), Errors> {
    if part == Part::Hours {
        let months = form.worked_hours()?;
        let year = form.hours_year;
        let work: Work = Box::new(move |conn| {
            store::save_worked_hours_year(conn, id, year, &months)?;
            Ok(id)
        });
        return Ok((work, "Heures travaillées enregistrées."));
    }
    let date = form.new_path_date()?;
    let work: Work = Box::new(move |conn| {
        store::start_new_path(conn, id, date)?;
        Ok(id)
    });
    Ok((work, "Nouveau parcours commencé : saisissez son contrat."))
}
