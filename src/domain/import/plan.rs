//! What every import plan shares: the refused rows written back as a CSV file.

/// The refused rows as a CSV file (`;`, UTF-8 BOM): "Ligne", the file's columns, then
/// "Motif du refus". `refused`: each refused row's line, cells and reason.
pub fn rejected_csv<'a>(
    headers: &[String],
    refused: impl IntoIterator<Item = (usize, &'a [String], &'a str)>,
) -> Vec<u8> {
    let mut titles: Vec<&str> = vec!["Ligne"];
    titles.extend(headers.iter().map(String::as_str));
    titles.push("Motif du refus");
    let rows: Vec<Vec<String>> = refused
        .into_iter()
        .map(|(line, cells, reason)| {
            let mut row = vec![line.to_string()];
            row.extend(cells.iter().cloned());
            row.resize(titles.len() - 1, String::new());
            row.push(reason.to_owned());
            row
        })
        .collect();
    crate::domain::csv::to_csv(&titles, &rows)
}
