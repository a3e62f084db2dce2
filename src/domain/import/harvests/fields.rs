//! The harvest fields a column can fill, the titles that obviously mean them, and finding
//! the title line when a sheet starts with a heading ("Relevé des récoltes – juin").

use crate::domain::harvests::Unit;
use crate::domain::import::columns::{ImportField, Mapping, mapping_problem, match_columns};
use crate::domain::import::source::Table;
use crate::domain::text::collation_key;

crate::code_enum! {
    /// A harvest field a column can fill.
    pub enum HarvestField {
        Date = ("date", "Date"),
        Crop = ("culture", "Culture (légume)"),
        Plot = ("parcelle", "Parcelle"),
        Quantity = ("quantite", "Quantité"),
        Unit = ("unite", "Unité"),
        Destination = ("destination", "Destination"),
        Notes = ("notes", "Notes"),
    }
}

/// For each column of a harvest file, the field it fills (`None`: ignored).
pub type HarvestMapping = Mapping<HarvestField>;

impl ImportField for HarvestField {
    fn all() -> &'static [Self] {
        HarvestField::ALL
    }
    fn label(self) -> &'static str {
        HarvestField::label(self)
    }
    const SYNONYMS: &'static [(Self, &'static [&'static str])] = SYNONYMS;
    const REQUIRED: &'static [(Self, &'static str)] = &[
        (
            HarvestField::Date,
            "Indiquez quelle colonne contient la date de récolte.",
        ),
        (
            HarvestField::Crop,
            "Indiquez quelle colonne contient la culture (le légume).",
        ),
        (
            HarvestField::Quantity,
            "Indiquez quelle colonne contient la quantité récoltée.",
        ),
    ];
}

/// Column titles (as `collation_key` gives them) that obviously mean each field.
const SYNONYMS: &[(HarvestField, &[&str])] = &[
    (
        HarvestField::Date,
        &[
            "date",
            "datederecolte",
            "daterecolte",
            "datedelarecolte",
            "jour",
            "dateramassage",
            "datedecueillette",
        ],
    ),
    (
        HarvestField::Crop,
        &[
            "legume",
            "legumes",
            "culture",
            "cultures",
            "produit",
            "produits",
            "espece",
            "crop",
            "nomdulegume",
        ],
    ),
    (
        HarvestField::Plot,
        &[
            "parcelle",
            "parcelles",
            "planche",
            "planches",
            "serre",
            "lieu",
            "emplacement",
            "zone",
            "bloc",
        ],
    ),
    (
        HarvestField::Quantity,
        &[
            "quantite",
            "quantites",
            "qte",
            "qt",
            "quantiterecoltee",
            "poids",
            "kg",
            "kgs",
            "poidskg",
            "poidsenkg",
            "quantitekg",
            "qtekg",
            "masse",
            "nombre",
        ],
    ),
    (
        HarvestField::Unit,
        &["unite", "unites", "u", "unitedemesure", "conditionnement"],
    ),
    (
        HarvestField::Destination,
        &[
            "destination",
            "debouche",
            "debouches",
            "usage",
            "affectation",
        ],
    ),
    (
        HarvestField::Notes,
        &[
            "notes",
            "note",
            "remarque",
            "remarques",
            "commentaire",
            "commentaires",
            "observations",
            "observation",
        ],
    ),
];

/// Matches every column title to a harvest field where it is obvious ("Légume" → culture,
/// "Qté" → quantité); each field is given to one column at most (the first).
pub fn match_harvest_headers(headers: &[String]) -> HarvestMapping {
    match_columns::<HarvestField>(headers)
}

/// The unit a quantity column's title gives ("Kg", "Poids (kg)" → kg), used for cells that
/// name no unit.
pub fn title_unit(title: &str) -> Option<Unit> {
    let key = collation_key(title);
    (key == "kg" || key == "kgs" || key == "poids" || key.ends_with("kg")).then_some(Unit::Kg)
}

/// How many lines of heading to look through for the title line.
const HEADING_LINES: usize = 10;

/// Finds the title line: the header as read when its titles give the date, crop and
/// quantity; otherwise the first of the next ten lines that does (a heading such as
/// "Relevé des récoltes;;Jardin de la Loue" above the titles). A file where no line does is
/// kept as read (the user then matches the columns by hand).
pub fn locate_header(table: Table) -> Table {
    let complete = |cells: &[String]| mapping_problem(&match_harvest_headers(cells)).is_none();
    if complete(&table.headers) {
        return table;
    }
    let Some(index) = table
        .rows
        .iter()
        .take(HEADING_LINES)
        .position(|row| complete(row))
    else {
        return table;
    };
    let header_line = table.line_of(index);
    let mut rows = table.rows;
    let headers: Vec<String> = rows.drain(..=index).next_back().unwrap_or_default();
    let width = headers.len();
    for row in &mut rows {
        if row.len() < width {
            row.resize(width, String::new());
        }
    }
    Table {
        headers,
        rows,
        header_line,
    }
}
