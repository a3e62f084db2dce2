//! `binette export journal --from JJ/MM/AAAA --to JJ/MM/AAAA --out journal.csv|xlsx`: the
//! period's entries for the accountant.

use std::path::Path;

use super::CliError;
use crate::app::Garden;
use crate::app::payments::journal::write_journal;

/// Writes the journal of the period into `out`; returns the text to print. Both days are
/// required.
pub fn run(
    garden: &Garden,
    from: Option<&str>,
    to: Option<&str>,
    out: &Path,
) -> Result<String, CliError> {
    let (Some(from), Some(to)) = (from, to) else {
        return Err(CliError::Message(
            "Le journal comptable couvre une période : indiquez --from et --to \
             (ex. --from 01/01/2026 --to 31/12/2026)."
                .to_owned(),
        ));
    };
    let (written, lines) = write_journal(garden, from, to, out, None)?;
    Ok(format!(
        "Journal comptable du {from} au {to} : {lines} ligne(s) d'écritures, équilibrées, \
         écrites dans {}\n",
        written.display()
    ))
}
