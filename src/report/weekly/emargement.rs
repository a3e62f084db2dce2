//! The émargement sheets: one section per depot, ticked at pickup.

use super::{baskets_word, composition_table, counts_text, setup};
use crate::domain::calendar::long_date;
use crate::domain::distribution::Delivery;
use crate::report::{
    Align, Block, Color, Column, Document, ReportError, Row, Section, Table, TextStyle,
};
use crate::store::sheets::{DepotSheet, PrintSet};

/// What a volunteer reads before the first name: how to tick.
pub const HOW_TO_TICK: &str = "Quand une personne prend son panier : vérifiez la taille et la \
    quantité, puis faites signer ou cochez la dernière colonne. Lignes « ABSENT » (quantité \
    barrée) : ne remettez pas de panier. « Panier donné » : il est préparé avec les autres \
    mais n'est pas remis à l'adhérent absent ; il est donné.";

/// Title of the émargement sheets.
pub(super) const TITLE: &str = "Feuille d'émargement";

/// Height (mm) of the closing lines below the table, kept on the page of the last rows.
const CLOSING_HEIGHT: f32 = 16.0;

/// The émargement sheets of every depot (`depot` None) or of one depot; each depot is a
/// section with its own "Page n / N".
pub fn emargement_pdf(set: &PrintSet, depot: Option<i64>) -> Result<Vec<u8>, ReportError> {
    let mut doc = Document::new(setup(set, TITLE));
    let mut any = false;
    for sheet in set
        .depots
        .iter()
        .filter(|d| depot.is_none_or(|id| id == d.depot_id))
    {
        any = true;
        depot_sheet(&mut doc, set, sheet);
    }
    if !any {
        return Err(ReportError::Layout(
            "ce dépôt ne livre pas cette semaine".into(),
        ));
    }
    doc.to_bytes()
}

/// The sheet of one depot, as a section of `doc`.
pub(super) fn depot_sheet(doc: &mut Document, set: &PrintSet, sheet: &DepotSheet) {
    let subtitle = format!("{} · {}", sheet.name, capitalised_date(sheet));
    let mut top = place_blocks(sheet);
    top.push(Block::Spacer(1.0));
    top.push(Block::Table(composition_table(
        set,
        &sheet.counts,
        "Ici",
        |i| sheet.composition_text(i),
    )));
    top.push(Block::paragraph(HOW_TO_TICK, TextStyle::regular(8.5)));
    doc.begin_section(Section::new(subtitle).with_page_top(top));

    doc.table(&members_table(set, sheet));
    doc.paragraph_aligned(
        &closing_line(set, sheet),
        TextStyle::bold(10.0),
        Align::Right,
    );
    doc.spacer(3.0);
    doc.paragraph(
        "Paniers restés en fin de distribution : ____    Remarques :",
        TextStyle::regular(9.0),
    );
}

/// Where and when the depot hands out, and a moved delivery's warning.
fn place_blocks(sheet: &DepotSheet) -> Vec<Block> {
    let mut top = Vec::new();
    let mut place = Vec::new();
    if !sheet.address.is_empty() {
        place.push(sheet.address.clone());
    }
    if !sheet.slot.is_empty() {
        place.push(format!("retrait {}", sheet.slot));
    }
    if !sheet.contact.is_empty() {
        place.push(format!("contact : {}", sheet.contact));
    }
    if !place.is_empty() {
        top.push(Block::paragraph(
            place.join(" · "),
            TextStyle::regular(9.0).grey(),
        ));
    }
    if let Delivery::Moved { name, .. } = &sheet.delivery {
        top.push(Block::paragraph(
            format!(
                "Attention : livraison déplacée au {} ({name}).",
                long_date(sheet.date)
            ),
            TextStyle::bold(10.0),
        ));
    }
    top
}

/// One line per member: name, co-member, basket, quantity, (phone), signature.
fn members_table(set: &PrintSet, sheet: &DepotSheet) -> Table {
    let mut columns = vec![
        Column::mm("Nom", 31.0),
        Column::mm("Prénom", 24.0),
        Column::mm("Co-adhérent", 27.0),
        Column::mm("Panier", 19.0),
        Column::mm("Qté", 10.0).center(),
    ];
    if set.show_phones {
        columns.push(Column::mm("Téléphone", 29.0).no_wrap());
    }
    columns.push(Column::fraction("Signature ou ✓", 1.0));
    let quantity_column = 4;
    let signature_column = columns.len() - 1;
    let mut table = Table::new(columns)
        .borders(true)
        .zebra(true)
        .font_size(9.0)
        .min_row_height(9.0)
        .keep_room_after(CLOSING_HEIGHT);
    for row in &sheet.rows {
        let size = if row.make_up > 0 && !row.absent {
            format!("{}\n(+{} reporté)", row.size, row.make_up)
        } else {
            row.size.clone()
        };
        let mut cells = vec![
            row.last_name.clone(),
            row.first_name.clone(),
            row.co_member.clone(),
            size,
            if row.absent && row.baskets == 0 {
                row.missed.to_string()
            } else {
                row.baskets.to_string()
            },
        ];
        if set.show_phones {
            cells.push(row.phone.clone());
        }
        cells.push(match (row.absent, row.donated) {
            (false, _) => String::new(),
            (true, 0) => "ABSENT".to_owned(),
            (true, _) => "ABSENT — panier donné".to_owned(),
        });
        let line = Row::new(cells);
        table.push(if row.absent {
            let line = line.fill(Color::grey(0.9)).bold_cell(signature_column);
            if row.baskets == 0 {
                line.struck_cell(quantity_column)
            } else {
                line
            }
        } else {
            line
        });
    }
    table
}

/// "5 paniers à remettre (Petit 3 · Grand 2) · 1 absent"; with donated baskets, what is
/// prepared and what is handed over: "6 paniers préparés (…) : 5 à remettre, 1 donné · …".
/// One rule for rows and totals: a donated basket is prepared, never handed over.
fn closing_line(set: &PrintSet, sheet: &DepotSheet) -> String {
    let absent = match sheet.absent {
        0 => String::new(),
        1 => " · 1 absent".to_owned(),
        n => format!(" · {n} absents"),
    };
    let handed: i64 = sheet.rows.iter().map(|r| r.baskets).sum();
    if sheet.donated == 0 {
        format!(
            "{} à remettre ({}){absent}",
            baskets_word(handed),
            counts_text(set, &sheet.counts)
        )
    } else {
        let prepared = if sheet.total > 1 {
            format!("{} paniers préparés", sheet.total)
        } else {
            format!("{} panier préparé", sheet.total)
        };
        format!(
            "{prepared} ({}) : {handed} à remettre, {} donné{}{absent}",
            counts_text(set, &sheet.counts),
            sheet.donated,
            if sheet.donated > 1 { "s" } else { "" }
        )
    }
}

/// "Jeudi 26 novembre 2026".
fn capitalised_date(sheet: &DepotSheet) -> String {
    let date = long_date(sheet.date);
    let mut chars = date.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => date,
    }
}
