//! A person's data on request (RGPD right of access): everything Binette holds about one
//! employee or one member's household, as a readable PDF ([`render`]) and as JSON for
//! machines ([`json`]). Both show every column of every row gathered by
//! `store::privacy_access::gather`, with French labels where known, schema names otherwise;
//! sensitive fields are marked.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde_json::{Map, Value, json};

use super::{
    Column, Document, DocumentSetup, Orientation, ReportError, Row, Section, Table, TextStyle,
};
use crate::domain::calendar::format_date;
use crate::domain::numbers::format_number;
use crate::store::privacy_access::{
    Cell, Person, PersonData, TableRows, column_label, is_sensitive, table_label,
};

/// Tables with at most this many columns print as one table with a column per field; wider
/// ones print one block of "field: value" lines per row.
const WIDE_COLUMNS: usize = 6;

/// Columns holding 0/1 answers, printed "oui" / "non".
const BOOLEANS: [&str; 11] = [
    "rsa",
    "ass",
    "aah",
    "rqth",
    "qpv",
    "zrr",
    "court_measure",
    "active",
    "qualifying",
    "cashed_outside",
    "builtin",
];

/// What the access document prints besides the data.
#[derive(Debug, Clone)]
pub struct AccessDocument<'a> {
    /// Everything stored about the person.
    pub data: &'a PersonData,
    /// The person's name as shown on screen.
    pub name: String,
    /// The garden's name (header).
    pub garden_name: String,
    /// The garden's logo, if any.
    pub logo_path: Option<std::path::PathBuf>,
    /// The day the export is made.
    pub printed_on: NaiveDate,
}

/// The words for a person's kind.
fn kind_words(person: Person) -> &'static str {
    match person {
        Person::Employee(_) => "salarié en parcours d'insertion",
        Person::Member(_) => "foyer adhérent",
    }
}

/// A stored value as the PDF prints it: dates in French, cents in euros, 0/1 as oui/non.
pub fn display(column: &str, cell: &Cell) -> String {
    match cell {
        Cell::Null => "—".to_owned(),
        Cell::Integer(i) if column.ends_with("_cents") => super::pdf_euros(*i),
        Cell::Integer(i) if BOOLEANS.contains(&column) => {
            if *i == 0 { "non" } else { "oui" }.to_owned()
        }
        Cell::Integer(i) => i.to_string(),
        Cell::Real(r) => format_number(*r, 2),
        Cell::Text(t) if t.is_empty() => "—".to_owned(),
        Cell::Text(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(format_date)
            .unwrap_or_else(|_| t.clone()),
        Cell::Blob(n) => format!("({n} octets)"),
    }
}

/// A column's label, marked when the field is sensitive.
fn label(table: &str, column: &str) -> String {
    let label = column_label(table, column);
    if is_sensitive(table, column) {
        format!("{label} [donnée sensible]")
    } else {
        label
    }
}

/// The access document as PDF bytes.
pub fn render(doc_data: &AccessDocument<'_>) -> Result<Vec<u8>, ReportError> {
    let mut doc = Document::new(DocumentSetup {
        title: "Données personnelles (droit d'accès)".to_owned(),
        garden_name: doc_data.garden_name.clone(),
        logo_path: doc_data.logo_path.clone(),
        footer_left: Some(format!(
            "{} · édité le {} · document personnel",
            doc_data.name,
            format_date(doc_data.printed_on)
        )),
        orientation: Orientation::Portrait,
        created: NaiveDateTime::new(doc_data.printed_on, NaiveTime::MIN),
    });
    doc.begin_section(Section::new(doc_data.name.clone()));
    let body = TextStyle::regular(10.0);
    doc.paragraph(
        &format!(
            "Toutes les données que Binette enregistre sur {} ({}, fiche n° {}), au {}. \
             Chaque champ est repris tel qu'il est enregistré ; les champs marqués \
             [donnée sensible] ne sont imprimés sur aucun autre document que ceux qui en ont \
             besoin. Le même contenu est fourni dans un fichier JSON lisible par un logiciel.",
            doc_data.name,
            kind_words(doc_data.data.person),
            doc_data.data.person.id(),
            format_date(doc_data.printed_on)
        ),
        body,
    );
    for table in &doc_data.data.tables {
        print_table(&mut doc, table);
    }
    if !doc_data.data.references.is_empty() {
        doc.spacer(6.0);
        doc.paragraph(
            "Références (ce que les numéros ci-dessus désignent)",
            TextStyle::bold(13.0),
        );
        for table in &doc_data.data.references {
            print_table(&mut doc, table);
        }
    }
    doc.to_bytes()
}

fn print_table(doc: &mut Document, rows: &TableRows) {
    doc.spacer(4.0);
    let count = rows.rows.len();
    let plural = if count > 1 { "s" } else { "" };
    doc.paragraph(
        &format!("{} ({count} ligne{plural})", table_label(&rows.table)),
        TextStyle::bold(12.0),
    );
    doc.spacer(1.0);
    if rows.columns.len() <= WIDE_COLUMNS {
        let share = 1.0 / rows.columns.len().max(1) as f32;
        let columns = rows
            .columns
            .iter()
            .map(|c| Column::fraction(label(&rows.table, c), share))
            .collect();
        let mut table = Table::new(columns).font_size(8.5);
        for row in &rows.rows {
            table.push(Row::new(
                rows.columns
                    .iter()
                    .zip(row)
                    .map(|(c, cell)| display(c, cell)),
            ));
        }
        doc.table(&table);
        return;
    }
    for (index, row) in rows.rows.iter().enumerate() {
        if count > 1 {
            doc.spacer(1.5);
            doc.paragraph(&format!("Ligne {}", index + 1), TextStyle::bold(9.5));
        }
        let mut table = Table::new(vec![
            Column::fraction("Champ", 0.5),
            Column::fraction("Valeur", 0.5),
        ])
        .header(false)
        .font_size(8.5);
        for (column, cell) in rows.columns.iter().zip(row) {
            let line = Row::new([label(&rows.table, column), display(column, cell)]);
            table.push(if is_sensitive(&rows.table, column) {
                line.bold_cell(0)
            } else {
                line
            });
        }
        doc.table(&table);
    }
}

fn cell_json(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Integer(i) => json!(i),
        Cell::Real(r) => json!(r),
        Cell::Text(t) => json!(t),
        Cell::Blob(n) => json!(format!("({n} octets)")),
    }
}

fn tables_json(tables: &[TableRows]) -> Value {
    let tables = tables
        .iter()
        .map(|rows| {
            let lines: Vec<Value> = rows
                .rows
                .iter()
                .map(|row| {
                    let object: Map<String, Value> = rows
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(c, cell)| (c.clone(), cell_json(cell)))
                        .collect();
                    Value::Object(object)
                })
                .collect();
            let labels: Map<String, Value> = rows
                .columns
                .iter()
                .map(|c| (c.clone(), json!(column_label(&rows.table, c))))
                .collect();
            let sensitive: Vec<&String> = rows
                .columns
                .iter()
                .filter(|c| is_sensitive(&rows.table, c))
                .collect();
            json!({
                "table": rows.table,
                "libelle": table_label(&rows.table),
                "colonnes": labels,
                "donnees_sensibles": sensitive,
                "lignes": lines,
            })
        })
        .collect();
    Value::Array(tables)
}

/// The same content as JSON (UTF-8, indented): values as stored (dates `YYYY-MM-DD`,
/// amounts in cents, 0/1 answers), each table with its French column labels.
pub fn json(doc_data: &AccessDocument<'_>) -> Result<Vec<u8>, ReportError> {
    let person = doc_data.data.person;
    let value = json!({
        "format": "binette-droit-d-acces",
        "version": 1,
        "jardin": doc_data.garden_name,
        "exporte_le": doc_data.printed_on.format("%Y-%m-%d").to_string(),
        "personne": {
            "nom": doc_data.name,
            "nature": kind_words(person),
            "table": person.table(),
            "id": person.id(),
        },
        "donnees": tables_json(&doc_data.data.tables),
        "references": tables_json(&doc_data.data.references),
    });
    let mut bytes = serde_json::to_vec_pretty(&value)
        .map_err(|e| ReportError::Layout(format!("JSON : {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}
