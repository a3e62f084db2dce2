//! Saving the "Financeurs" tab, and a funder's statement as a PDF.

use chrono::NaiveDate;

use super::Saved;
use super::drafts::{FunderDraft, optional_date, required_date};
use crate::app::{Error, Garden, Result};
use crate::report::funder_statement::{StatementDocument, render};
use crate::store::baskets;

/// Saves the funder typed, new or changed.
pub fn save_funder(garden: &Garden, draft: &FunderDraft) -> Result<Saved> {
    let funder = draft.to_funder()?;
    garden.change(|conn| {
        if funder.id == 0 {
            baskets::insert_funder(conn, &funder).map(|_| ())
        } else {
            baskets::update_funder(conn, &funder)
        }
    })?;
    Ok(Saved::plain())
}

/// Deletes funder `id` (the store refuses one that funds baskets).
pub fn delete_funder(garden: &Garden, id: i64) -> Result<Saved> {
    garden.change(|conn| baskets::delete_funder(conn, id))?;
    Ok(Saved::plain())
}

/// A funder's statement, ready to be saved.
#[derive(Debug, Clone)]
pub struct Statement {
    /// The file name offered: "releve-caf-du-doubs-2026-11-28.pdf".
    pub file_name: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// The statement of `funder` for the period typed (`to` empty: up to `today`): households,
/// baskets delivered, their value, what the households paid and what the funder owes. The
/// PDF is drawn once the database is released.
pub fn statement_pdf(
    garden: &Garden,
    funder: Option<i64>,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> Result<Statement> {
    let (funder, from, to) = crate::app::members::funders::funder_period(funder, from, to, today)?;
    let (identity, statement) = garden.with(|conn| {
        let identity = crate::store::settings::garden_identity(conn)?;
        let statement = crate::store::week::funder_statement(conn, funder, from, to)?;
        Ok((identity, statement))
    })?;
    let doc = StatementDocument {
        garden_name: identity.name,
        logo_path: (!identity.logo_path.is_empty()).then(|| identity.logo_path.into()),
        created: chrono::Local::now().naive_local(),
        statement,
    };
    let bytes = render(&doc)?;
    let file_name = format!(
        "releve-{}-{}.pdf",
        crate::domain::text::slug(&doc.statement.funder),
        to.format("%Y-%m-%d")
    );
    Ok(Statement { file_name, bytes })
}

/// The funder chosen and the period typed (`to` empty: up to `today`), or which field is
/// wrong: no funder, a date that is not one, a period ending before it starts.
pub(crate) fn funder_period(
    funder: Option<i64>,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> Result<(i64, NaiveDate, NaiveDate)> {
    let funder = funder.ok_or_else(|| Error::invalid("Financeur", "Choisissez le financeur."))?;
    let from = required_date(from, "Du")?;
    let to = optional_date(to, "Au")?.unwrap_or(today);
    if to < from {
        return Err(Error::invalid(
            "Au",
            "La fin de la période précède son début.",
        ));
    }
    Ok((funder, from, to))
}
