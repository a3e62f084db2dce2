//! Sane maximum sizes for what users type or import: a pasted book or a 50 MB cell must not
//! end up in the garden's database.

use super::import::source::Table;

/// Longest text a form field keeps (characters): far beyond any name, address or note.
pub const MAX_FIELD_CHARS: usize = 2_000;
/// Longest cell an import accepts (characters).
pub const MAX_CELL_CHARS: usize = 2_000;
/// Largest file an import reads (bytes): a garden's lists are a few hundred kilobytes.
pub const MAX_IMPORT_BYTES: u64 = 30 * 1024 * 1024;

/// `text` cut to [`MAX_FIELD_CHARS`] characters (what a form field keeps of a paste).
pub fn cap_field(text: String) -> String {
    match text.char_indices().nth(MAX_FIELD_CHARS) {
        Some((end, _)) => text[..end].to_owned(),
        None => text,
    }
}

/// The first cell of `table` longer than [`MAX_CELL_CHARS`], as a French message naming its
/// line and column; `None` when every cell is within bounds.
pub fn oversized_cell(table: &Table) -> Option<String> {
    let too_long =
        |cell: &str| cell.len() > MAX_CELL_CHARS && cell.chars().count() > MAX_CELL_CHARS;
    if let Some(column) = table.headers.iter().position(|h| too_long(h)) {
        return Some(format!(
            "Ligne {}, colonne {} : le titre compte plus de {MAX_CELL_CHARS} caractères. Ce \
             fichier n'est pas une liste à importer.",
            table.header_line.max(1),
            column + 1
        ));
    }
    for (index, row) in table.rows.iter().enumerate() {
        if let Some(column) = row.iter().position(|cell| too_long(cell)) {
            let title = table
                .headers
                .get(column)
                .filter(|t| !t.is_empty())
                .map_or_else(|| format!("{}", column + 1), |t| format!("« {t} »"));
            return Some(format!(
                "Ligne {}, colonne {title} : la cellule compte {} caractères, au plus \
                 {MAX_CELL_CHARS} sont acceptés. Raccourcissez-la dans le fichier puis \
                 recommencez : rien n'a été importé.",
                table.line_of(index),
                row[column].chars().count()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_cut_at_the_limit_on_a_character_boundary() {
        let long = "é".repeat(MAX_FIELD_CHARS + 5);
        assert_eq!(cap_field(long).chars().count(), MAX_FIELD_CHARS);
        assert_eq!(cap_field("Lilas".into()), "Lilas");
    }

    #[test]
    fn an_oversized_cell_is_named_by_line_and_column() {
        let table = Table {
            headers: vec!["Nom".into(), "Ville".into()],
            rows: vec![
                vec!["Durand".into(), "Dole".into()],
                vec!["Roux".into(), "x".repeat(MAX_CELL_CHARS + 1)],
            ],
            header_line: 1,
        };
        // Header on line 1, rows on lines 2 and 3: the second row is line 3.
        let message = oversized_cell(&table).unwrap();
        assert!(
            message.starts_with("Ligne 3, colonne « Ville » : la cellule compte 2001 caractères"),
            "{message}"
        );
        let fine = Table {
            rows: vec![vec!["Roux".into(), "x".repeat(MAX_CELL_CHARS)]],
            ..table
        };
        assert_eq!(oversized_cell(&fine), None);
    }
}
