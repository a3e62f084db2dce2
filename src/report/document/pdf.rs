//! Serialisation of a laid-out [`Document`]: footers, fonts, metadata and a stable PDF id.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDateTime, Timelike};
use printpdf::{
    FontId, Mm, ParsedFont, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, XObject, XObjectId,
};

use super::{Document, LOGO_ID};
use crate::report::ReportError;
use crate::report::draw::{FONT_BOLD, FONT_REGULAR};
use crate::report::fonts::{BOLD_TTF, REGULAR_TTF};

impl Document {
    /// Lays out the footers ("Page n / N" per section) and returns the PDF bytes.
    pub fn to_bytes(mut self) -> Result<Vec<u8>, ReportError> {
        self.ensure_page();
        let counts = self.section_page_counts();
        let mut seen = vec![0; counts.len()];
        for i in 0..self.pages.len() {
            let s = self.pages[i].section;
            seen[s] += 1;
            self.draw_footer(i, seen[s], counts[s]);
        }
        let (regular, bold) = parsed_fonts()?;
        let mut pdf = PdfDocument::new(&self.setup.title);
        let date = pdf_date(self.setup.created);
        let info = &mut pdf.metadata.info;
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
        info.author = self.setup.garden_name.clone();
        info.creator = "Binette".to_string();
        info.producer = "Binette (printpdf)".to_string();
        let fonts = &mut pdf.resources.fonts.map;
        fonts.insert(
            FontId(FONT_REGULAR.to_string()),
            PdfFont::new(regular.clone()),
        );
        fonts.insert(FontId(FONT_BOLD.to_string()), PdfFont::new(bold.clone()));
        if let Some(logo) = self.logo.take() {
            pdf.resources
                .xobjects
                .map
                .insert(XObjectId(LOGO_ID.to_string()), XObject::Image(logo.image));
        }
        let (w, h) = self.page_size();
        let pages = self
            .pages
            .into_iter()
            .map(|p| PdfPage::new(Mm(w), Mm(h), p.canvas.ops))
            .collect();
        pdf.with_pages(pages);
        let opts = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            ..PdfSaveOptions::default()
        };
        let mut doc = pdf.to_lopdf_document(&opts, &mut Vec::new());
        // printpdf draws the trailer /ID from a process-wide counter: replace it with a value
        // derived from the content so the same data always gives the same bytes.
        let id = format!(
            "{:016x}",
            fnv1a(&[
                self.setup.title.as_bytes(),
                date_text(self.setup.created).as_bytes()
            ])
        );
        let id_obj = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal);
        doc.trailer
            .set("ID", lopdf::Object::Array(vec![id_obj.clone(), id_obj]));
        doc.compress();
        let mut out = Vec::new();
        doc.save_to(&mut out)?;
        Ok(out)
    }
}

fn parsed_fonts() -> Result<&'static (ParsedFont, ParsedFont), ReportError> {
    static FONTS: OnceLock<Option<(ParsedFont, ParsedFont)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())?;
            let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())?;
            Some((regular, bold))
        })
        .as_ref()
        .ok_or(ReportError::Font("DejaVu Sans"))
}

fn pdf_date(d: NaiveDateTime) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: d.year(),
            month: d.month() as u8,
            day: d.day() as u8,
        },
        printpdf::Time {
            hour: d.hour() as u8,
            minute: d.minute() as u8,
            second: d.second() as u8,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

fn date_text(d: NaiveDateTime) -> String {
    d.format("%Y%m%d%H%M%S").to_string()
}

fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.iter()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
