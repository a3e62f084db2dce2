//! The end of a section (footers, compression) and of a document: its laid-out pages, and
//! the PDF bytes.

use std::sync::Arc;

use super::pdf::{EncodedImage, JobFonts, Meta, deflate, write_pdf};
use super::{Document, DocumentSetup, LOGO_MAX};
use crate::report::ReportError;
use crate::report::draw::GlyphUse;

/// A logo, decoded and compressed once (a print job shares it between its files).
pub(crate) struct Logo {
    /// Size on the page, in millimetres.
    pub(crate) size_mm: (f32, f32),
    encoded: EncodedImage,
}

impl Logo {
    /// The PNG at `path`; a missing or unreadable file gives no logo.
    pub(crate) fn load(path: &std::path::Path) -> Option<Arc<Logo>> {
        let bytes = std::fs::read(path).ok()?;
        let image = image::load_from_memory(&bytes).ok()?;
        if image.width() == 0 || image.height() == 0 {
            return None;
        }
        let ratio = image.width() as f32 / image.height() as f32;
        let (mut w, mut h) = (LOGO_MAX.1 * ratio, LOGO_MAX.1);
        if w > LOGO_MAX.0 {
            (w, h) = (LOGO_MAX.0, LOGO_MAX.0 / ratio);
        }
        Some(Arc::new(Logo {
            size_mm: (w, h),
            encoded: EncodedImage::new(&image),
        }))
    }
}

/// A document laid out: its pages' compressed content streams and the glyphs they draw.
pub(crate) struct Laid {
    /// Compressed content stream of each page, in order.
    pub(crate) pages: Vec<Vec<u8>>,
    /// The glyphs the pages draw.
    pub(crate) glyphs: GlyphUse,
    setup: DocumentSetup,
    logo: Option<Arc<Logo>>,
    size_mm: (f32, f32),
}

impl Laid {
    /// The PDF file of `pages` (these pages, or those of several documents of the same
    /// setup), its text drawn from `fonts`, which must hold every glyph they use.
    pub(crate) fn write(&self, fonts: &JobFonts, pages: &[&[u8]]) -> Vec<u8> {
        let meta = Meta {
            title: &self.setup.title,
            author: &self.setup.garden_name,
            created: self.setup.created,
            size_mm: self.size_mm,
        };
        write_pdf(&meta, fonts, self.logo.as_ref().map(|l| &l.encoded), pages)
    }

    /// The PDF file of this document alone.
    pub(crate) fn to_bytes(&self) -> Result<Vec<u8>, ReportError> {
        let fonts = JobFonts::new(&self.glyphs)?;
        let pages: Vec<&[u8]> = self.pages.iter().map(Vec::as_slice).collect();
        Ok(self.write(&fonts, &pages))
    }
}

impl Document {
    /// Draws the footers of the current section's pages ("Page n / N") and compresses them.
    pub(super) fn close_section(&mut self) {
        let total = self.open.len();
        for i in 0..total {
            self.draw_footer(i, i + 1, total);
        }
        for canvas in self.open.drain(..) {
            self.glyphs.merge(&canvas.glyphs);
            self.done.push(deflate(&canvas.content));
        }
    }

    /// Ends the document: its pages, compressed, and the glyphs they use.
    pub(crate) fn finish(mut self) -> Laid {
        self.ensure_page();
        self.close_section();
        let size_mm = self.page_size();
        Laid {
            pages: self.done,
            glyphs: self.glyphs,
            setup: self.setup,
            logo: self.logo,
            size_mm,
        }
    }

    /// Lays out the footers ("Page n / N" per section) and returns the PDF bytes.
    pub fn to_bytes(self) -> Result<Vec<u8>, ReportError> {
        self.finish().to_bytes()
    }
}
