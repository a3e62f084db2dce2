//! Saving the attendance sheet: drawn by the use case, then ask where, write it, open it.

use std::path::PathBuf;

use iced::Task;

use super::Message;
use crate::app::{self, workshops::SheetPdf};
use crate::ui::screen::Context;

/// What saving the sheet came to: where (`None`: dialog cancelled), or why not.
pub type Saved = app::Result<Option<PathBuf>>;

/// Why the sheet was not saved, in French.
pub fn failure(error: &app::Error) -> String {
    match error {
        app::Error::Report(e) => format!("La feuille n'a pas pu être créée : {e}"),
        other => other.to_string(),
    }
}

/// Draws the sheet of the session shown, asks where to save it, writes it and opens it.
pub fn save_sheet(
    context: &Context,
    session_id: crate::domain::workshops::SessionId,
) -> Task<Message> {
    let today = context.today;
    let draw = context
        .garden
        .run(move |garden| app::workshops::attendance_sheet_pdf(garden, session_id, today));
    Task::perform(async move { save(draw.await?).await }, Message::SheetSaved)
}

async fn save(sheet: SheetPdf) -> Saved {
    let Some(handle) = rfd::AsyncFileDialog::new()
        .set_title("Enregistrer la feuille d'émargement")
        .set_file_name(&sheet.file_name)
        .add_filter("PDF", &["pdf"])
        .save_file()
        .await
    else {
        return Ok(None);
    };
    let path: PathBuf = handle.path().to_path_buf();
    app::workshops::write_sheet(&path, &sheet)?;
    crate::ui::files::open_in_viewer(&path);
    Ok(Some(path))
}
