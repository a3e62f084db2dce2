#![allow(clippy::unwrap_used)]
//! The CSV reader under arbitrary input: it never panics, whatever the bytes, and what
//! Binette writes (`domain::csv::to_csv`) reads back cell for cell.

use binette::domain::csv::to_csv;
use binette::domain::import::columns::match_headers;
use binette::domain::import::members::{ExistingPolicy, ImportContext, Resolutions, build_plan};
use binette::domain::import::source::read_csv;
use chrono::NaiveDate;
use proptest::prelude::*;

/// Characters real member files hold, including the CSV specials `;`, `"` and spaces.
const CHARS: &[char] = &[
    'a', 'Z', 'é', 'È', 'ç', 'œ', 'ô', '€', '0', '7', ' ', ';', '"', '\'', '-', '.', '@', '/',
];

fn cell(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), 0..max).prop_map(|c| c.into_iter().collect())
}

fn header_cell() -> impl Strategy<Value = String> {
    cell(10).prop_filter("a title is not blank", |c| !c.trim().is_empty())
}

/// A data cell, sometimes holding a line break (quoted by the writer).
fn data_cell() -> impl Strategy<Value = String> {
    (cell(12), any::<bool>(), cell(4))
        .prop_map(|(a, broken, b)| if broken { format!("{a}\n{b}") } else { a })
}

fn table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    (2usize..6).prop_flat_map(|width| {
        (
            prop::collection::vec(header_cell(), width),
            prop::collection::vec(prop::collection::vec(data_cell(), width), 0..12),
        )
    })
}

fn trimmed(row: &[String]) -> Vec<String> {
    row.iter().map(|c| c.trim().to_owned()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic_and_rows_are_as_wide_as_the_header(
        bytes in prop::collection::vec(any::<u8>(), 0..600)
    ) {
        let (table, _) = read_csv(&bytes);
        for row in &table.rows {
            prop_assert!(row.len() >= table.headers.len());
        }
    }

    #[test]
    fn arbitrary_text_never_panics_through_the_member_preview(
        lines in prop::collection::vec(prop::collection::vec(cell(8), 0..6), 0..10),
        separator in prop::sample::select(vec![';', ',', '\t'])
    ) {
        let text: String = lines
            .iter()
            .map(|l| l.join(&separator.to_string()))
            .collect::<Vec<_>>()
            .join("\r\n");
        let (table, _) = read_csv(text.as_bytes());
        let mapping = match_headers(&table.headers);
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let plan = build_plan(
            &table,
            &mapping,
            &ImportContext::default(),
            &Resolutions::default(),
            ExistingPolicy::Update,
            today,
        );
        prop_assert!(plan.rows.len() <= table.rows.len());
    }

    #[test]
    fn what_binette_writes_reads_back_cell_for_cell((headers, rows) in table()) {
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let bytes = to_csv(&header_refs, &rows);
        let (table, format) = read_csv(&bytes);
        prop_assert_eq!(format.separator, ';');
        prop_assert_eq!(table.headers, trimmed(&headers));
        let expected: Vec<Vec<String>> = rows.iter().map(|r| trimmed(r)).collect();
        prop_assert_eq!(table.rows, expected);
    }

    #[test]
    fn windows_1252_text_reads_back_with_its_accents((headers, rows) in table()) {
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let utf8 = to_csv(&header_refs, &rows);
        let text = std::str::from_utf8(&utf8[3..]).unwrap();
        let (ansi, _, lossy) = encoding_rs::WINDOWS_1252.encode(text);
        prop_assume!(!lossy);
        let (table, _) = read_csv(&ansi);
        prop_assert_eq!(table.headers, trimmed(&headers));
    }
}
