//! The report layout kit, checked by reading the generated PDFs back with lopdf.

use binette::report::fonts::PT_TO_MM;
use binette::report::{
    Block, Column, Document, DocumentSetup, Orientation, Row, Section, Table, TextStyle,
    text_width_mm, wrap_lines,
};
use chrono::NaiveDate;

fn setup(logo: Option<&str>) -> DocumentSetup {
    DocumentSetup {
        title: "Feuille d'émargement".into(),
        garden_name: "Jardin de Cocagne des Prés".into(),
        logo_path: logo.map(Into::into),
        footer_left: Some("Édité le 28/11/2026".into()),
        orientation: Orientation::Portrait,
        created: NaiveDate::from_ymd_opt(2026, 11, 28)
            .and_then(|d| d.and_hms_opt(14, 30, 0))
            .expect("date"),
    }
}

/// The text of each page.
fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| doc.extract_text(&[p]).expect("text"))
        .collect()
}

const BASES: [&str; 3] = ["N'Diaye", "Lefèvre-Œuvray", "Müller"];

fn member_table(rows: usize, tag: &str) -> Table {
    let mut t = Table::new(vec![
        Column::mm("Nom", 60.0),
        Column::mm("Prénom", 35.0),
        Column::mm("Qté", 15.0).right(),
        Column::fraction("Signature", 1.0),
    ])
    .borders(true)
    .zebra(true)
    .min_row_height(8.0);
    for i in 0..rows {
        let name = format!("{} {tag}{i:03}", BASES[i % 3]);
        let row = Row::new([name, "Zoé".to_string(), (i % 4 + 1).to_string()]);
        t.push(if i % 7 == 0 { row.muted() } else { row });
    }
    t
}

#[test]
fn a_long_table_spans_pages_with_every_name_once_and_repeated_headers() {
    let mut doc = Document::new(setup(None));
    doc.begin_section(Section::new(
        "Dépôt de la Mairie · livraison du 3 décembre 2026",
    ));
    doc.table(&member_table(120, "A"));
    let n = doc.page_count();
    assert!(n >= 3, "120 rows of 8 mm need several pages, got {n}");
    let bytes = doc.to_bytes().expect("pdf");
    let pages = pages_text(&bytes);
    assert_eq!(pages.len(), n);
    let all = pages.concat();
    for i in 0..120 {
        let name = format!("{} A{i:03}", BASES[i % 3]);
        assert_eq!(
            all.matches(&name).count(),
            1,
            "{name} must appear exactly once"
        );
    }
    for (k, page) in pages.iter().enumerate() {
        assert_eq!(
            page.matches("Prénom").count(),
            1,
            "header row on page {}",
            k + 1
        );
        assert!(page.contains("Signature"));
        assert!(
            page.contains(&format!("Page {} / {n}", k + 1)),
            "page {}: {page}",
            k + 1
        );
        assert!(page.contains("Jardin de Cocagne des Prés"));
        assert!(page.contains("Dépôt de la Mairie · livraison du 3 décembre 2026"));
        assert!(page.contains("Édité le 28/11/2026"));
    }
}

#[test]
fn sections_start_on_a_new_page_and_restart_their_count() {
    let mut doc = Document::new(setup(None));
    let counts = vec![Block::paragraph(
        "Petit : 14 · Moyen : 22 · Grand : 9",
        TextStyle::bold(10.0),
    )];
    doc.begin_section(Section::new("Dépôt A").with_page_top(counts.clone()));
    doc.table(&member_table(70, "A"));
    doc.begin_section(Section::new("Dépôt B").with_page_top(counts));
    doc.table(&member_table(5, "B"));
    let per_section = doc.section_page_counts();
    assert_eq!(per_section.len(), 2);
    assert!(per_section[0] >= 2, "{per_section:?}");
    assert_eq!(per_section[1], 1);
    let a = per_section[0];
    let pages = pages_text(&doc.to_bytes().expect("pdf"));
    assert_eq!(pages.len(), a + 1);
    for (k, page) in pages[..a].iter().enumerate() {
        assert!(page.contains(&format!("Page {} / {a}", k + 1)), "{page}");
        assert!(page.contains("Dépôt A") && !page.contains("Dépôt B"));
        assert!(
            page.contains("Petit : 14 · Moyen : 22 · Grand : 9"),
            "page-top on every page"
        );
    }
    let last = &pages[a];
    assert!(
        last.contains("Page 1 / 1") && last.contains("Dépôt B"),
        "{last}"
    );
    assert!(last.contains("Petit : 14"));
    assert!(last.contains("N'Diaye B000") && !last.contains("A000"));
}

#[test]
fn a_long_paragraph_wraps_within_the_margins() {
    let text = "Les paniers sont à retirer au dépôt entre 17 h et 19 h. Cochez la case en face de \
                votre nom ; si vous êtes absent, prévenez le jardin la veille afin que votre panier \
                soit donné à l'épicerie solidaire. Merci à tous les bénévoles du dépôt !";
    let style = TextStyle::regular(10.0);
    let mut doc = Document::new(setup(None));
    let width = doc.content_width();
    assert!(
        text_width_mm(text, &style) > 2.0 * width,
        "the text is longer than two lines"
    );
    let before = doc.cursor_y();
    let lines = doc.paragraph(text, style);
    assert!(lines >= 3, "{lines}");
    let laid = wrap_lines(text, &style, width);
    assert_eq!(laid.len(), lines);
    assert!(laid.iter().all(|l| text_width_mm(l, &style) <= width));
    assert_eq!(laid.join(" "), text, "no word lost");
    assert!(doc.cursor_y() > before + (lines as f32 - 0.5) * style.line_height_mm());
    let all = pages_text(&doc.to_bytes().expect("pdf")).concat();
    assert!(all.contains("l'épicerie solidaire") || all.contains("l'épicerie"));
}

/// (x in points, glyph bytes) of every text shown on page 1, in drawing order.
fn text_positions(bytes: &[u8]) -> Vec<(f32, Vec<u8>)> {
    let doc = lopdf::Document::load_mem(bytes).expect("pdf");
    let page = *doc.get_pages().get(&1).expect("page 1");
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).expect("decode");
    let mut x = 0.0;
    let mut out = Vec::new();
    for op in content.operations {
        match op.operator.as_str() {
            "Td" => x = op.operands[0].as_float().expect("x"),
            "Tm" => x = op.operands[4].as_float().expect("x"),
            "Tj" => out.push((x, op.operands[0].as_str().expect("str").to_vec())),
            _ => {}
        }
    }
    out
}

#[test]
fn right_aligned_numbers_end_at_the_same_x() {
    let numbers = ["7", "1 234,56 €", "89", "12 000"];
    let mut t = Table::new(vec![Column::mm("Montant", 50.0).right()]).header(false);
    for n in numbers {
        t.push(Row::new([n]));
    }
    let mut doc = Document::new(setup(None));
    doc.table(&t);
    let shown = text_positions(&doc.to_bytes().expect("pdf"));
    // Header texts come first (garden, title, subtitle is empty), then the four cells.
    let style = TextStyle::regular(t.font_size);
    let cells = &shown;
    let start = cells.len() - numbers.len() - 2; // the footer adds two texts at the end
    let ends: Vec<f32> = numbers
        .iter()
        .zip(&cells[start..start + numbers.len()])
        .map(|(n, (x, bytes))| {
            assert_eq!(
                bytes.len(),
                2 * n.chars().count(),
                "{n}: two bytes per glyph"
            );
            x + text_width_mm(n, &style) / PT_TO_MM
        })
        .collect();
    for e in &ends {
        assert!((e - ends[0]).abs() < 0.05, "{ends:?}");
    }
    let starts: Vec<f32> = cells[start..start + 2].iter().map(|(x, _)| *x).collect();
    assert!(starts[1] < starts[0], "a longer number starts further left");
}

#[test]
fn a_thousand_rows_stay_small_because_the_font_is_subset() {
    let mut doc = Document::new(setup(None));
    let started = std::time::Instant::now();
    doc.table(&member_table(1000, "M").min_row_height(0.0));
    let pages = doc.page_count();
    let bytes = doc.to_bytes().expect("pdf");
    let elapsed = started.elapsed();
    eprintln!(
        "1000 rows: {pages} pages, {} bytes, {elapsed:?}",
        bytes.len()
    );
    assert!(bytes.len() < 250_000, "{} bytes", bytes.len());
    assert!(pages > 10);
    let all = pages_text(&bytes).concat();
    assert!(all.contains("N'Diaye M999") && all.contains("Lefèvre-Œuvray M997"));
}

#[test]
fn a_missing_or_broken_logo_is_simply_left_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("logo.png");
    std::fs::write(&broken, b"not a png").expect("write");
    let good = dir.path().join("good.png");
    image::RgbImage::from_pixel(40, 20, image::Rgb([30, 120, 60]))
        .save(&good)
        .expect("png");
    let mut sizes = Vec::new();
    for path in [
        "/nonexistent/logo.png".to_string(),
        broken.display().to_string(),
        good.display().to_string(),
    ] {
        let mut doc = Document::new(setup(Some(&path)));
        doc.paragraph("Bonjour", TextStyle::regular(10.0));
        let bytes = doc.to_bytes().expect("a logo problem is never an error");
        assert!(pages_text(&bytes)[0].contains("Bonjour"));
        let pdf = lopdf::Document::load_mem(&bytes).expect("pdf");
        let images = pdf
            .objects
            .values()
            .filter(|o| {
                o.as_stream().is_ok_and(|s| {
                    s.dict.get(b"Subtype").and_then(|v| v.as_name()).ok() == Some(b"Image")
                })
            })
            .count();
        sizes.push(images);
    }
    assert_eq!(sizes, vec![0, 0, 1], "only the readable logo is embedded");
}

#[test]
fn output_is_deterministic_and_carries_title_and_date() {
    let build = || {
        let mut doc = Document::new(setup(None));
        doc.table(&member_table(30, "D"));
        doc.to_bytes().expect("pdf")
    };
    let (a, b) = (build(), build());
    assert_eq!(a, b, "same data, same bytes");
    let pdf = lopdf::Document::load_mem(&a).expect("pdf");
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(|r| r.as_reference())
        .and_then(|id| pdf.get_dictionary(id))
        .expect("info");
    let date = info
        .get(b"CreationDate")
        .and_then(|d| d.as_str())
        .expect("date");
    assert!(
        date.starts_with(b"D:20261128143000"),
        "{}",
        String::from_utf8_lossy(date)
    );
    assert!(info.get(b"Title").is_ok());
}
