//! Reading a CSV file's bytes into a table: encoding (UTF-8 with or without BOM, or
//! Windows-1252 as French Excel writes it), separator (`;`, `,` or tab) and quoted fields.

/// How the bytes of a text file were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a byte-order mark, if any, was removed).
    Utf8,
    /// Windows-1252, the "ANSI" of French Windows and Excel's "CSV (séparateur : point-virgule)".
    Windows1252,
}

/// A sheet read from a file: the header line and the data rows, all as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column titles, as written in the file (trimmed).
    pub headers: Vec<String>,
    /// Data rows; `rows[i]` is file line [`Table::line_of`]`(i)`.
    pub rows: Vec<Vec<String>>,
    /// Line of the header in the file (1 when it is the first line; 0 counts as 1).
    pub header_line: usize,
}

impl Table {
    /// Builds a table from raw records (trailing untitled columns dropped from the header):
    /// the header line is the first record with at least two cells filled (a title such as "Liste des adhérents 2026" and blank lines above it
    /// are skipped; a one-column file keeps its first non-empty record); the following
    /// records are the data (every cell trimmed, rows padded to the header's width).
    pub fn from_records(records: Vec<Vec<String>>) -> Table {
        let filled = |r: &Vec<String>| r.iter().filter(|c| !c.trim().is_empty()).count();
        let header_index = records
            .iter()
            .take(HEADER_SEARCH_LINES)
            .position(|r| filled(r) >= 2)
            .or_else(|| records.iter().position(|r| filled(r) >= 1));
        let Some(header_index) = header_index else {
            return Table::default();
        };
        let mut records = records.into_iter().skip(header_index);
        let Some(headers) = records.next() else {
            return Table::default();
        };
        let mut headers: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
        // Empty columns Excel leaves after the last title are not columns of the list.
        let titled = headers
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        headers.truncate(titled);
        let width = headers.len();
        let rows = records
            .map(|r| {
                let mut row: Vec<String> = r.iter().map(|c| c.trim().to_owned()).collect();
                if row.len() < width {
                    row.resize(width, String::new());
                }
                row
            })
            .collect();
        Table {
            headers,
            rows,
            header_line: header_index + 1,
        }
    }

    /// The line of the file (as a spreadsheet numbers its rows) holding `rows[index]`.
    pub fn line_of(&self, index: usize) -> usize {
        self.header_line.max(1) + 1 + index
    }
}

/// How many lines from the top may hold a title before the header line.
const HEADER_SEARCH_LINES: usize = 20;

/// Decodes a text file: valid UTF-8 stays UTF-8 (its BOM removed); anything else is read as
/// Windows-1252. Without a BOM, a text that is valid UTF-8 only by accident (Windows-1252
/// "Èœ" is the bytes of UTF-8 "Ȝ") is recognised by the letters it would give, which no
/// French file holds (C1 controls, Latin Extended-B, IPA), and read as Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF");
    let body = without_bom.unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) if without_bom.is_some() || !text.chars().any(accidental_utf8) => {
            (text.to_owned(), TextEncoding::Utf8)
        }
        _ => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// A character that Windows-1252 accented letters give when read as UTF-8.
fn accidental_utf8(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9F}' | '\u{180}'..='\u{2AF}')
}

/// The field separator: among `;`, `,` and tab, the one found most often outside quotes on
/// the first lines (from the first line holding one of them), preferring a count that is the same on every line (`;` wins ties, as
/// in French files).
pub fn detect_separator(text: &str) -> char {
    const CANDIDATES: [char; 3] = [';', '\t', ','];
    let lines: Vec<[usize; 3]> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEADER_SEARCH_LINES + 5)
        .map(|line| {
            let mut counts = [0; 3];
            // Quotes open a field only at its start (`Pot 5"` is one cell).
            let mut quoted = false;
            let mut field_start = true;
            for c in line.chars() {
                if c == '"' && (quoted || field_start) {
                    quoted = !quoted;
                    field_start = false;
                } else if !quoted && let Some(i) = CANDIDATES.iter().position(|&s| s == c) {
                    counts[i] += 1;
                    field_start = true;
                } else {
                    field_start = false;
                }
            }
            counts
        })
        .collect();
    // A title line above the header has no separator at all: skip it.
    let first_with_separator = lines.iter().position(|c| c.iter().any(|n| *n > 0));
    let lines = &lines[first_with_separator.unwrap_or(0)..];
    let score = |i: usize| {
        let first = lines.first().map_or(0, |c| c[i]);
        let steady = first > 0 && lines.iter().all(|c| c[i] == first);
        (steady, first)
    };
    let mut best = 0;
    for i in 1..CANDIDATES.len() {
        if score(i) > score(best) {
            best = i;
        }
    }
    CANDIDATES[best]
}

/// Splits CSV text into records: fields separated by `separator`, quoted with `"` (a doubled
/// `""` inside quotes is one quote), quoted fields may hold separators and line breaks; CRLF,
/// LF or CR line ends. A quote inside an unquoted field is a plain character (`Pot 5"` stays
/// one cell). A blank line gives an empty record, so that record `i` is line `i + 1` when no
/// quoted field spans lines.
///
/// The reading is the `csv` crate's (RFC 4180 and Excel's habits); around it Binette keeps
/// its own encoding and separator detection.
pub fn parse_csv(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(separator).unwrap_or(b';'))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let bytes = text.as_bytes();
    for record in reader.records() {
        // Text decoded to UTF-8 leaves the reader nothing to fail on; stop if it ever does.
        let Ok(record) = record else { break };
        let start = record.position().map_or(0, |p| p.byte());
        for _ in 0..blank_lines_from(bytes, usize::try_from(start).unwrap_or(0)) {
            records.push(Vec::new());
        }
        push_record(&mut records, record.iter().map(str::to_owned).collect());
    }
    records
}

/// How many blank lines the reader stepped over from `start` (where it began its next
/// record, just after the previous record's line end) to the record itself: line ends met
/// before the first other byte. CRLF is one line end, a lone CR or LF is one too.
fn blank_lines_from(text: &[u8], start: usize) -> usize {
    let mut blanks = 0;
    let mut at = start;
    while let Some(&byte) = text.get(at) {
        match byte {
            b'\r' => blanks += 1,
            b'\n' if at == 0 || text[at - 1] != b'\r' => blanks += 1,
            b'\n' => {}
            _ => break,
        }
        at += 1;
    }
    blanks
}

/// Keeps a record; a blank line stays as an empty record so that records keep the file's
/// line numbers.
fn push_record(records: &mut Vec<Vec<String>>, record: Vec<String>) {
    if record.iter().all(|f| f.trim().is_empty()) {
        records.push(Vec::new());
    } else {
        records.push(record);
    }
}

/// What was found out about a CSV file while reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvFormat {
    /// Its encoding.
    pub encoding: TextEncoding,
    /// Its field separator.
    pub separator: char,
}

impl CsvFormat {
    /// "Windows-1252, séparateur point-virgule", for the screen.
    pub fn describe(self) -> String {
        let encoding = match self.encoding {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Windows1252 => "Windows-1252 (ANSI)",
        };
        let separator = match self.separator {
            ';' => "point-virgule",
            ',' => "virgule",
            '\t' => "tabulation",
            _ => "autre",
        };
        format!("{encoding}, séparateur {separator}")
    }
}

/// Reads a whole CSV file's bytes into a table, detecting encoding and separator.
pub fn read_csv(bytes: &[u8]) -> (Table, CsvFormat) {
    let (text, encoding) = decode(bytes);
    let separator = detect_separator(&text);
    let table = Table::from_records(parse_csv(&text, separator));
    (
        table,
        CsvFormat {
            encoding,
            separator,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_stays_utf8() {
        let (text, enc) = decode("\u{feff}Prénom;Nom".as_bytes());
        assert_eq!(enc, TextEncoding::Utf8);
        assert_eq!(text, "Prénom;Nom");
    }

    #[test]
    fn invalid_utf8_is_windows_1252() {
        let (text, enc) = decode(b"Pr\xe9nom;D\xe9p\xf4t;\x9c");
        assert_eq!(enc, TextEncoding::Windows1252);
        assert_eq!(text, "Prénom;Dépôt;œ");
    }

    #[test]
    fn windows_1252_that_happens_to_be_valid_utf8_is_still_windows_1252() {
        // "Èœ" in Windows-1252 is C8 9C, which UTF-8 reads as "Ȝ".
        let (text, enc) = decode(b"Nom;Pr\xc8\x9c");
        assert_eq!(enc, TextEncoding::Windows1252);
        assert_eq!(text, "Nom;PrÈœ");
        // Real UTF-8, even in other scripts, stays UTF-8.
        let (text, enc) = decode("Nom;محمد;Łukasz".as_bytes());
        assert_eq!(enc, TextEncoding::Utf8);
        assert_eq!(text, "Nom;محمد;Łukasz");
    }

    #[test]
    fn separator_counts_outside_quotes() {
        assert_eq!(detect_separator("a;b;c\n1;2;3\n"), ';');
        assert_eq!(detect_separator("a,b,c\n1,2,3\n"), ',');
        assert_eq!(detect_separator("a\tb\n1\t\"x;y;z\"\n"), '\t');
        // Commas inside quotes do not count; a steady `;` count beats them.
        assert_eq!(detect_separator("Nom;Adresse\nA;\"1, rue B, C\"\n"), ';');
        assert_eq!(detect_separator("Nom,Prénom\n\"Durand; Marie\",X\n"), ',');
    }

    #[test]
    fn quoted_fields_with_separators_quotes_and_newlines() {
        let records = parse_csv("a;\"b;c\";\"d \"\"e\"\"\"\r\n\r\n\"f\ng\";;h", ';');
        assert_eq!(
            records,
            vec![
                vec!["a".to_owned(), "b;c".into(), "d \"e\"".into()],
                vec![],
                vec!["f\ng".to_owned(), String::new(), "h".into()],
            ]
        );
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_a_plain_character() {
        // The hand-written reader took `5"` as the start of a quoted field and swallowed the
        // separators after it: here the three cells must stay three.
        let text = "Légume;Contenant;Prix\r\nBasilic;Pot 5\";2,50\r\n";
        assert_eq!(detect_separator(text), ';');
        assert_eq!(
            parse_csv(text, ';'),
            vec![
                vec!["Légume".to_owned(), "Contenant".into(), "Prix".into()],
                vec!["Basilic".to_owned(), "Pot 5\"".into(), "2,50".into()],
            ]
        );
    }

    #[test]
    fn blank_lines_are_kept_whatever_the_line_ends() {
        // Lines: 1 "t;u", 2 blank (CRLF), 3 blank (lone CR), 4 "c;y", 5 blank (LF), 6 "d".
        let records = parse_csv("t;u\r\n\r\n\rc;y\n\nd", ';');
        assert_eq!(records.len(), 5 + 1);
        assert!(records[1].is_empty() && records[2].is_empty() && records[4].is_empty());
        assert_eq!(records[3], vec!["c".to_owned(), "y".into()]);
        assert_eq!(records[5], vec!["d".to_owned()]);
    }

    #[test]
    fn a_title_above_the_header_is_skipped_and_lines_counted() {
        let (table, _) = read_csv(
            "Liste des adhérents 2026;;\n\nNom;Prénom;Dépôt\nDurand;Léa;Mairie\n".as_bytes(),
        );
        assert_eq!(table.headers, ["Nom", "Prénom", "Dépôt"]);
        assert_eq!(table.header_line, 3);
        assert_eq!(table.line_of(0), 4);
        let (trailing, _) = read_csv(b"Nom;Ville;;;\nA;B;;;\n");
        assert_eq!(trailing.headers, ["Nom", "Ville"]);
        assert_eq!(trailing.rows[0][..2], ["A".to_owned(), "B".to_owned()]);
        let (comma, format) = read_csv(b"Liste 2026\nNom,Pr\xc3\xa9nom\nA,B\n");
        assert_eq!(format.separator, ',');
        assert_eq!(comma.headers, ["Nom", "Prénom"]);
        let (single, _) = read_csv(b"Nom\nDurand\n");
        assert_eq!(single.headers, ["Nom"]);
        assert_eq!(single.line_of(0), 2);
    }

    #[test]
    fn table_skips_leading_blank_lines_and_pads_rows() {
        let (table, format) = read_csv(b"\n\nNom,Pr\xc3\xa9nom\n,\nDurand\n");
        assert_eq!(format.separator, ',');
        assert_eq!(table.headers, ["Nom", "Prénom"]);
        // The blank row stays, so that "Durand" keeps its line number (5).
        assert_eq!(
            table.rows,
            vec![
                vec![String::new(), String::new()],
                vec!["Durand".to_owned(), String::new()]
            ]
        );
        assert_eq!(table.line_of(1), 5);
    }
}
