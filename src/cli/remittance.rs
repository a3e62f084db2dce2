//! `binette remittance`: the slip of the held cheques due by a day, written as PDF; says
//! how many cheques and their total, or that none is due (then no slip and no file).

use std::path::Path;

use chrono::NaiveDateTime;

use super::CliError;
use crate::app::Garden;
use crate::app::payments::remittance;
use crate::domain::calendar::format_date;
use crate::domain::money::format_euros;
use crate::domain::wording::counted;

/// Makes the slip of the cheques due by `until` (typed 2026-12-05 or 05/12/2026) at `now`
/// into `out`; returns the text to print. No cheque due is refused in French, writing
/// nothing (like `binette sheets` for a week without delivery).
pub fn run(
    garden: &Garden,
    until: &str,
    out: &Path,
    now: NaiveDateTime,
) -> Result<String, CliError> {
    let until = super::parse_cli_date(until)?;
    match remittance::make_slip(garden, until, now.date(), out, now)? {
        Some(written) => Ok(format!(
            "Bordereau de remise n° {} : {}, total {}, écrit dans {}\n",
            written.number,
            counted(written.count, "chèque", "chèques"),
            format_euros(written.total).replace('\u{a0}', " "),
            written.path.display()
        )),
        None => Err(CliError::Message(format!(
            "Aucun chèque à remettre jusqu'au {} : aucun bordereau fait, aucun fichier écrit.",
            format_date(until)
        ))),
    }
}
