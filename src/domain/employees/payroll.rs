//! Reading a payroll export: one line per employee and month with the hours worked.
//!
//! Columns are found by their titles, whatever their order, case or accents: « Nom »,
//! « Prénom », « Mois » (or « Période »), and the first title holding « heure » (« Heures
//! travaillées »…). A month is written 01/2026, 1/2026, 2026-01, a date of that month
//! (15/01/2026) or « janvier 2026 »; hours with a comma or a point.

use crate::domain::import::source::Table;
use crate::domain::text::fold;

/// One line of a payroll export, read.
#[derive(Debug, Clone, PartialEq)]
pub struct PayrollLine {
    /// Line in the file (for messages).
    pub line: usize,
    /// Last name as written.
    pub last_name: String,
    /// First name as written.
    pub first_name: String,
    /// Year of the month.
    pub year: i32,
    /// Month (1 to 12).
    pub month: u32,
    /// Hours worked that month.
    pub hours: f64,
}

const MONTH_NAMES: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// The (year, month) `text` names, if it is one of the accepted shapes.
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let folded = fold(text.trim());
    let valid = |year: i32, month: u32| {
        ((1900..=2200).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
    };
    if let Some((name, year)) = folded.split_once(' ') {
        let month = MONTH_NAMES.iter().position(|m| *m == name)? as u32 + 1;
        return valid(year.trim().parse().ok()?, month);
    }
    let parts: Vec<&str> = folded.split(['/', '-', '.']).collect();
    match parts.as_slice() {
        [month, year] if year.len() == 4 => valid(year.parse().ok()?, month.parse().ok()?),
        [year, month] if year.len() == 4 => valid(year.parse().ok()?, month.parse().ok()?),
        [_, month, year] if year.len() == 4 => valid(year.parse().ok()?, month.parse().ok()?),
        [year, month, _] if year.len() == 4 => valid(year.parse().ok()?, month.parse().ok()?),
        _ => None,
    }
}

/// Hours written "151,67", "151.67" or "151,67 h".
fn parse_hours(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .trim_end_matches(['h', 'H'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite() && *h >= 0.0)
}

/// The lines of a payroll export, and the lines refused with their reason (in French);
/// `Err` when a needed column is missing.
pub fn payroll_lines(table: &Table) -> Result<(Vec<PayrollLine>, Vec<String>), String> {
    let find =
        |wanted: &dyn Fn(&str) -> bool| table.headers.iter().position(|h| wanted(&fold(h.trim())));
    let last = find(&|h| h == "nom" || h == "nom de famille");
    let first = find(&|h| h == "prenom");
    let month = find(&|h| h == "mois" || h == "periode");
    let hours = find(&|h| h.contains("heure"));
    let (Some(last), Some(first), Some(month), Some(hours)) = (last, first, month, hours) else {
        return Err(
            "Il manque une colonne : le fichier de paie doit avoir les colonnes « Nom », \
             « Prénom », « Mois » et « Heures travaillées »."
                .to_owned(),
        );
    };
    let mut lines = Vec::new();
    let mut refused = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        let cell = |i: usize| row.get(i).map_or("", |c| c.trim());
        let line = table.line_of(index);
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some((year, month_number)) = parse_month(cell(month)) else {
            refused.push(format!(
                "Ligne {line} : mois « {} » illisible (écrivez 01/2026).",
                cell(month)
            ));
            continue;
        };
        let Some(worked) = parse_hours(cell(hours)) else {
            refused.push(format!(
                "Ligne {line} : heures « {} » illisibles (écrivez 151,67).",
                cell(hours)
            ));
            continue;
        };
        lines.push(PayrollLine {
            line,
            last_name: cell(last).to_owned(),
            first_name: cell(first).to_owned(),
            year,
            month: month_number,
            hours: worked,
        });
    }
    Ok((lines, refused))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_accepted_shape() {
        for text in [
            "01/2026",
            "1/2026",
            "2026-01",
            "15/01/2026",
            "Janvier 2026",
            "2026-01-31",
        ] {
            assert_eq!(parse_month(text), Some((2026, 1)), "{text}");
        }
        assert_eq!(parse_month("décembre 2025"), Some((2025, 12)));
        for bad in ["13/2026", "2026", "janv 2026", "", "01/26"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn lines_are_read_by_column_title_and_bad_ones_refused() {
        let table = Table::from_records(vec![
            vec![
                "Matricule".into(),
                "NOM".into(),
                "Prénom".into(),
                "Période".into(),
                "Heures travaillées".into(),
            ],
            vec![
                "12".into(),
                "Lefèvre".into(),
                "Zoé".into(),
                "01/2026".into(),
                "140,5".into(),
            ],
            vec![
                "13".into(),
                "Durand".into(),
                "Paul".into(),
                "13/2026".into(),
                "10".into(),
            ],
            vec![
                "14".into(),
                "Durand".into(),
                "Paul".into(),
                "02/2026".into(),
                "-3".into(),
            ],
        ]);
        let (lines, refused) = payroll_lines(&table).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(
            (
                lines[0].last_name.as_str(),
                lines[0].year,
                lines[0].month,
                lines[0].hours
            ),
            ("Lefèvre", 2026, 1, 140.5)
        );
        assert_eq!(refused.len(), 2);
        assert!(
            refused[0].starts_with("Ligne 3 : mois « 13/2026 »"),
            "{refused:?}"
        );
        let no_hours =
            Table::from_records(vec![vec!["Nom".into(), "Prénom".into(), "Mois".into()]]);
        assert!(payroll_lines(&no_hours).is_err());
    }
}
