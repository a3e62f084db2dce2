//! The statement handed to a Paniers Solidaires funder for a period: households, baskets
//! delivered, their value, what households paid and what this funder owes.

use std::path::PathBuf;

use crate::domain::wording::{agree, counted};
use chrono::NaiveDateTime;

use super::{Align, Column, ReportError, Row, Section, Table, TextStyle, pdf_euros};
use crate::domain::calendar::format_date;
use crate::store::week::FunderStatement;

/// Everything the statement prints.
#[derive(Debug, Clone)]
pub struct StatementDocument {
    /// Garden name for the header.
    pub garden_name: String,
    /// Logo, if any.
    pub logo_path: Option<PathBuf>,
    /// When the document is made (metadata and footer).
    pub created: NaiveDateTime,
    /// The figures.
    pub statement: FunderStatement,
}

/// The statement as PDF bytes.
pub fn render(data: &StatementDocument) -> Result<Vec<u8>, ReportError> {
    let s = &data.statement;
    let head = super::account::Letterhead {
        garden_name: data.garden_name.clone(),
        logo_path: data.logo_path.clone(),
        created: data.created,
    };
    let mut doc = head.document(format!("Relevé Paniers Solidaires — {}", s.funder));
    doc.begin_section(Section::new(format!(
        "Période du {} au {}",
        format_date(s.from),
        format_date(s.to)
    )));
    let (baskets, value, paid, owed) = s.totals();
    doc.paragraph(
        &format!(
            "{}, {} d'une valeur de {}. Les foyers ont payé {} ; reste dû par {} : {}.",
            counted(s.households, "foyer", "foyers"),
            counted(baskets, "panier livré", "paniers livrés"),
            pdf_euros(value),
            pdf_euros(paid),
            s.funder,
            pdf_euros(owed)
        ),
        TextStyle::regular(10.0),
    );
    for warning in warnings(s) {
        doc.paragraph(&warning, TextStyle::bold(10.0));
    }
    doc.spacer(4.0);
    doc.table(&lines_table(s));
    doc.spacer(6.0);
    doc.paragraph_aligned(
        "Valeur : prix du panier au jour de chaque livraison, selon les conditions en vigueur \
         ce jour-là. Part : part du reste à payer prise en charge par ce financeur ; le reste à \
         payer de chaque foyer sur la période est réparti entre ses financeurs au centime près.",
        TextStyle::regular(8.5).grey(),
        Align::Left,
    );
    doc.to_bytes()
}

/// One line per household (its terms' dates when they cover part of the period only),
/// then the total.
fn lines_table(s: &FunderStatement) -> Table {
    let (baskets, value, paid, owed) = s.totals();
    let mut table = Table::new(vec![
        Column::fraction("Foyer", 1.0),
        Column::mm("Format", 24.0),
        Column::mm("Paniers", 20.0).right(),
        Column::mm("Valeur", 24.0).right(),
        Column::mm("Payé par le foyer", 28.0).right(),
        Column::mm("Part", 13.0).right(),
        Column::mm("Dû", 24.0).right(),
    ])
    .borders(true)
    .zebra(true);
    for l in &s.lines {
        table.push(household_row(l, s.from, s.to));
    }
    table.push(
        Row::new([
            "Total".to_owned(),
            String::new(),
            baskets.to_string(),
            pdf_euros(value),
            pdf_euros(paid),
            String::new(),
            pdf_euros(owed),
        ])
        .bold(),
    );
    table
}

/// The lines that must not go unnoticed: the part of the price no funder pays, and the
/// baskets planned but never ticked at pickup (left out of the figures above).
pub fn warnings(s: &FunderStatement) -> Vec<String> {
    let mut lines = Vec::new();
    let unfunded = s.unfunded();
    if unfunded > 0 {
        let percents: Vec<String> = {
            let mut p: Vec<i64> = s
                .lines
                .iter()
                .filter(|l| l.unfunded > 0)
                .map(|l| l.unfunded_percent)
                .collect();
            p.sort_unstable();
            p.dedup();
            p.iter().map(|p| format!("{p} %")).collect()
        };
        lines.push(format!(
            "Reste non financé : {} ({} du reste à payer de certains foyers, payé ni par le \
             foyer ni par un financeur).",
            pdf_euros(unfunded),
            percents.join(", ")
        ));
    }
    if s.unticked_baskets > 0 {
        lines.push(format!(
            "{} pour ces foyers {} : {} ci-dessus. Saisissez les émargements puis éditez à \
             nouveau ce relevé.",
            counted(s.unticked_baskets, "panier prévu", "paniers prévus"),
            agree(
                s.unticked_baskets,
                "n'a pas été émargé",
                "n'ont pas été émargés"
            ),
            agree(
                s.unticked_baskets,
                "il n'est pas compté",
                "ils ne sont pas comptés"
            ),
        ));
    }
    lines
}

/// One household's row of a statement or an invoice over `from`–`to`: its terms' dates when
/// they cover part of the period only.
pub(super) fn household_row(
    l: &crate::store::week::StatementLine,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Row {
    let household = if l.terms_from > from || l.terms_to < to {
        format!(
            "{} (du {} au {})",
            l.household,
            format_date(l.terms_from),
            format_date(l.terms_to)
        )
    } else {
        l.household.clone()
    };
    Row::new([
        household,
        l.size.clone(),
        l.baskets.to_string(),
        pdf_euros(l.value),
        pdf_euros(l.household_paid),
        format!("{} %", l.share_percent),
        pdf_euros(l.funder_owes),
    ])
}
