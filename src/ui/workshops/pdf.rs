//! Saving the attendance sheet: build it, ask where, write it, open it.

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::Task;

use super::Message;
use crate::app::Garden;
use crate::domain::workshops::SessionId;
use crate::report::attendance_sheet;

/// Builds the sheet of `session_id`, asks where to save it, writes it and opens it.
pub fn save_sheet(db: &Garden, session_id: SessionId, today: NaiveDate) -> Task<Message> {
    let db = db.clone();
    Task::perform(
        async move {
            let sheet = db
                .call(move |conn| attendance_sheet::load(conn, session_id, today))
                .await
                .map_err(|e| e.to_string())?;
            let bytes = attendance_sheet::render(&sheet)
                .map_err(|e| format!("La feuille n'a pas pu être créée : {e}"))?;
            let Some(handle) = rfd::AsyncFileDialog::new()
                .set_title("Enregistrer la feuille d'émargement")
                .set_file_name(attendance_sheet::file_name(&sheet))
                .add_filter("PDF", &["pdf"])
                .save_file()
                .await
            else {
                return Ok(None);
            };
            let path: PathBuf = handle.path().to_path_buf();
            crate::store::output::write_file(&path, &bytes).map_err(|e| e.to_string())?;
            crate::ui::files::open_in_viewer(&path);
            Ok(Some(path))
        },
        Message::SheetSaved,
    )
}
