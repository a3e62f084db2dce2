//! CSV as French spreadsheets open it: UTF-8 with a byte-order mark, `;` between fields,
//! CRLF line ends, fields quoted when they hold `;`, `"`, a line break or edge spaces.

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn push_field(out: &mut Vec<u8>, field: &str) {
    let needs_quotes =
        field.contains([';', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        out.push(b'"');
        out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

fn push_record<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        push_field(out, field.as_ref());
    }
    out.extend_from_slice(b"\r\n");
}

/// The bytes of a CSV file: BOM, the header line, then one line per row.
pub fn to_csv(headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(BOM.len() + 64 * (rows.len() + 1));
    out.extend_from_slice(BOM);
    push_record(&mut out, headers);
    for row in rows {
        push_record(&mut out, row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_semicolons_crlf_and_quoting() {
        let rows = vec![
            vec!["Carotte".to_owned(), "2,5".to_owned(), String::new()],
            vec![
                "Chou; rouge".to_owned(),
                "dit \"beau\"".to_owned(),
                "ligne 1\nligne 2".to_owned(),
            ],
            vec![" espace".to_owned(), "é".to_owned(), "x".to_owned()],
        ];
        let bytes = to_csv(&["Culture", "Quantité", "Note"], &rows);
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "Culture;Quantité;Note\r\n\
             Carotte;2,5;\r\n\
             \"Chou; rouge\";\"dit \"\"beau\"\"\";\"ligne 1\nligne 2\"\r\n\
             \" espace\";é;x\r\n"
        );
    }

    #[test]
    fn no_rows_gives_the_header_only() {
        assert_eq!(to_csv(&["A"], &[]), b"\xEF\xBB\xBFA\r\n".to_vec());
    }
}
