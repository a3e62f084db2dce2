//! The page builder: sections, pages, header, footer, flowing content and serialisation.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::draw::{Canvas, GlyphUse};
use super::fonts::{truncate, wrap_lines};
use super::style::{Align, Color, TextStyle};
use super::table::Table;

/// Page orientation; both are A4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// 210 × 297 mm.
    #[default]
    Portrait,
    /// 297 × 210 mm.
    Landscape,
}

/// What every page of a document shares: garden, title, logo, footer, creation date.
#[derive(Debug, Clone)]
pub struct DocumentSetup {
    /// Document title, printed in the header and stored in the PDF metadata.
    pub title: String,
    /// Garden name, printed in bold at the top of every page.
    pub garden_name: String,
    /// PNG or JPEG logo; a missing or unreadable file simply means no logo.
    pub logo_path: Option<PathBuf>,
    /// Text at the bottom left of every page, e.g. "Édité le 28/11/2026".
    pub footer_left: Option<String>,
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// Creation date written in the PDF metadata (never read from the clock here).
    pub created: NaiveDateTime,
}

/// A rectangle on the page, in millimetres from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// A piece of flowing content.
#[derive(Debug, Clone)]
pub enum Block {
    /// A word-wrapped paragraph.
    Paragraph {
        /// The text; `\n` forces a line break.
        text: String,
        /// Font, size and colour.
        style: TextStyle,
        /// Alignment of each line.
        align: Align,
    },
    /// Vertical space, in millimetres.
    Spacer(f32),
    /// A thin horizontal rule across the content width.
    Rule,
    /// A table.
    Table(Table),
}

impl Block {
    /// A left-aligned paragraph.
    pub fn paragraph(text: impl Into<String>, style: TextStyle) -> Self {
        Self::Paragraph {
            text: text.into(),
            style,
            align: Align::Left,
        }
    }
}

/// A part of a document that starts on a new page and has its own "Page n / N" count.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// Line under the title in the header, e.g. "Dépôt de la Mairie — livraison du 3 décembre".
    pub subtitle: String,
    /// Content drawn under the header of every page of the section (e.g. basket counts).
    pub page_top: Vec<Block>,
}

impl Section {
    /// A section with a subtitle and nothing repeated on its pages.
    pub fn new(subtitle: impl Into<String>) -> Self {
        Self {
            subtitle: subtitle.into(),
            page_top: Vec::new(),
        }
    }

    /// The same section with `blocks` drawn under the header of each of its pages.
    pub fn with_page_top(mut self, blocks: Vec<Block>) -> Self {
        self.page_top = blocks;
        self
    }
}

pub(super) const MARGIN_X: f32 = 15.0;
const MARGIN_TOP: f32 = 10.0;
const HEADER_HEIGHT: f32 = 24.0;
const FOOTER_RULE_FROM_BOTTOM: f32 = 13.0;
const BODY_BOTTOM_FROM_BOTTOM: f32 = 16.0;
const LOGO_MAX: (f32, f32) = (30.0, 16.0);

/// A PDF being laid out, page after page. Build it, then call [`Document::to_bytes`].
///
/// Only the pages of the current section are kept as they are drawn: when a section ends,
/// its footers ("Page n / N") are drawn and its pages compressed, so a document of a
/// thousand pages holds a few kilobytes per page.
pub struct Document {
    setup: DocumentSetup,
    logo: Option<Arc<Logo>>,
    sections: Vec<Section>,
    /// Pages of the current section, footers still to draw.
    open: Vec<Canvas>,
    /// Compressed content streams of the pages of the sections already closed.
    done: Vec<Vec<u8>>,
    /// Glyphs drawn on the pages of `done`.
    glyphs: GlyphUse,
    /// Pages of each section so far.
    counts: Vec<usize>,
    pub(super) cursor: f32,
    /// Cursor position just after the header and page-top block of the current page.
    pub(super) body_top: f32,
}

impl Document {
    /// An empty document; the first content (or [`Document::begin_section`]) opens page 1.
    pub fn new(setup: DocumentSetup) -> Self {
        let logo = setup.logo_path.as_deref().and_then(Logo::load);
        Self::with_logo(setup, logo)
    }

    /// An empty document with a logo already loaded (shared by the files of a print job);
    /// `setup.logo_path` is not read.
    pub(crate) fn with_logo(setup: DocumentSetup, logo: Option<Arc<Logo>>) -> Self {
        Self {
            setup,
            logo,
            sections: Vec::new(),
            open: Vec::new(),
            done: Vec::new(),
            glyphs: GlyphUse::default(),
            counts: Vec::new(),
            cursor: 0.0,
            body_top: 0.0,
        }
    }

    /// Page size in millimetres (width, height).
    pub fn page_size(&self) -> (f32, f32) {
        match self.setup.orientation {
            Orientation::Portrait => (210.0, 297.0),
            Orientation::Landscape => (297.0, 210.0),
        }
    }

    /// Width available between the left and right margins, in millimetres.
    pub fn content_width(&self) -> f32 {
        self.page_size().0 - 2.0 * MARGIN_X
    }

    /// Lowest y the content may reach before the footer.
    pub fn body_bottom(&self) -> f32 {
        self.page_size().1 - BODY_BOTTOM_FROM_BOTTOM
    }

    /// Current vertical position, in millimetres from the top of the page.
    pub fn cursor_y(&self) -> f32 {
        self.cursor
    }

    /// Number of pages laid out so far.
    pub fn page_count(&self) -> usize {
        self.done.len() + self.open.len()
    }

    /// Number of pages of each section, in order.
    pub fn section_page_counts(&self) -> Vec<usize> {
        let mut counts = self.counts.clone();
        counts.resize(self.sections.len(), 0);
        counts
    }

    /// Starts a section on a new page, with its own subtitle, page-top block and page count.
    pub fn begin_section(&mut self, section: Section) {
        self.sections.push(section);
        self.new_page();
    }

    /// Replaces the page-top block of the current section for the pages that follow.
    pub fn set_page_top(&mut self, blocks: Vec<Block>) {
        self.ensure_page();
        if let Some(s) = self.sections.last_mut() {
            s.page_top = blocks;
        }
    }

    /// Ends the current page; the next content starts on a new page of the same section.
    pub fn page_break(&mut self) {
        self.ensure_page();
        self.new_page();
    }

    /// Makes sure `height` mm fit below the cursor, starting a new page if they do not (and if
    /// the current page is not already empty).
    pub fn ensure_space(&mut self, height: f32) {
        self.ensure_page();
        if self.cursor + height > self.body_bottom() && self.cursor > self.body_top + 0.01 {
            self.new_page();
        }
    }

    /// Reserves `height` mm of the content width (on a new page if needed) and returns it, to
    /// draw a chart or a drawing inside with the vector functions.
    pub fn reserve(&mut self, height: f32) -> Area {
        self.ensure_space(height);
        let area = Area {
            x: MARGIN_X,
            y: self.cursor,
            width: self.content_width(),
            height,
        };
        self.cursor += height;
        area
    }

    /// Adds any block to the flow.
    pub fn add(&mut self, block: &Block) {
        self.ensure_page();
        self.draw_block(block, true);
    }

    /// Adds a left-aligned, word-wrapped paragraph; returns its number of lines.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) -> usize {
        self.paragraph_aligned(text, style, Align::Left)
    }

    /// Adds a word-wrapped paragraph with the given alignment; returns its number of lines.
    pub fn paragraph_aligned(&mut self, text: &str, style: TextStyle, align: Align) -> usize {
        self.ensure_page();
        self.draw_paragraph(text, &style, align, true)
    }

    /// Adds vertical space.
    pub fn spacer(&mut self, height: f32) {
        self.ensure_page();
        self.cursor = (self.cursor + height).min(self.body_bottom());
    }

    /// Adds a thin horizontal rule across the content width.
    pub fn rule(&mut self) {
        self.add(&Block::Rule);
    }

    /// Adds a table; its header row is repeated on every page it spans.
    pub fn table(&mut self, table: &Table) {
        self.ensure_page();
        self.draw_table(table, true);
    }

    /// Fills a rectangle on the current page.
    pub fn fill_rect(&mut self, area: Area, color: Color) {
        self.ensure_page();
        self.canvas()
            .fill_rect(area.x, area.y, area.width, area.height, color);
    }

    /// Outlines a rectangle on the current page (`width_pt` is the line thickness).
    pub fn stroke_rect(&mut self, area: Area, width_pt: f32, color: Color) {
        self.ensure_page();
        self.canvas()
            .stroke_rect(area.x, area.y, area.width, area.height, width_pt, color);
    }

    /// Draws a straight line on the current page between two (x, y) points in millimetres.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width_pt: f32, color: Color) {
        self.ensure_page();
        self.canvas().line(from, to, width_pt, color);
    }

    /// Draws one line of text on the current page; `x` is its left edge, centre or right edge
    /// according to `align`, `baseline` its baseline.
    pub fn text_at(&mut self, x: f32, baseline: f32, text: &str, style: TextStyle, align: Align) {
        self.ensure_page();
        self.canvas().text(x, baseline, text, &style, align);
    }

    pub(super) fn canvas(&mut self) -> &mut Canvas {
        self.ensure_page();
        let last = self.open.len() - 1;
        &mut self.open[last]
    }

    fn ensure_page(&mut self) {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        if self.open.is_empty() {
            self.new_page();
        }
    }

    /// Opens a new page in the current section: header, then the section's page-top block.
    /// The first page of a section closes the section before it.
    pub(super) fn new_page(&mut self) {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let section = self.sections.len() - 1;
        if self.counts.len() <= section {
            self.close_section();
            self.counts.resize(section + 1, 0);
        }
        self.counts[section] += 1;
        let height = self.page_size().1;
        self.open.push(Canvas::new(height));
        self.draw_header(section);
        self.cursor = MARGIN_TOP + HEADER_HEIGHT;
        let top = self.sections[section].page_top.clone();
        for block in &top {
            self.draw_block(block, false);
        }
        if !top.is_empty() {
            self.cursor += 3.0;
        }
        self.body_top = self.cursor;
    }

    fn draw_header(&mut self, section: usize) {
        let mut x = MARGIN_X;
        let width = self.content_width();
        if let Some((w, h)) = self.logo.as_ref().map(|l| l.size_mm) {
            self.canvas()
                .logo(MARGIN_X, MARGIN_TOP + (LOGO_MAX.1 - h) / 2.0, w, h);
            x += w + 4.0;
        }
        let text_w = width - (x - MARGIN_X);
        let garden = TextStyle::bold(10.0).with_color(Color::grey(0.25));
        let title = TextStyle::bold(15.0);
        let subtitle = TextStyle::regular(10.5);
        let garden_text = truncate(&self.setup.garden_name, &garden, text_w);
        let title_text = truncate(&self.setup.title, &title, text_w);
        let subtitle_text = truncate(&self.sections[section].subtitle, &subtitle, text_w);
        let c = self.canvas();
        c.text(x, MARGIN_TOP + 3.8, &garden_text, &garden, Align::Left);
        c.text(x, MARGIN_TOP + 10.8, &title_text, &title, Align::Left);
        c.text(x, MARGIN_TOP + 16.3, &subtitle_text, &subtitle, Align::Left);
        let rule_y = MARGIN_TOP + 20.0;
        c.line(
            (MARGIN_X, rule_y),
            (MARGIN_X + width, rule_y),
            0.8,
            Color::RULE,
        );
    }

    fn draw_footer(&mut self, page: usize, n: usize, total: usize) {
        let (w, h) = self.page_size();
        let style = TextStyle::regular(8.0).grey();
        let left = self.setup.footer_left.clone().unwrap_or_default();
        let c = &mut self.open[page];
        let rule_y = h - FOOTER_RULE_FROM_BOTTOM;
        c.line((MARGIN_X, rule_y), (w - MARGIN_X, rule_y), 0.5, Color::RULE);
        c.text(MARGIN_X, rule_y + 4.2, &left, &style, Align::Left);
        c.text(
            w - MARGIN_X,
            rule_y + 4.2,
            &format!("Page {n} / {total}"),
            &style,
            Align::Right,
        );
    }

    pub(super) fn draw_block(&mut self, block: &Block, paginate: bool) {
        match block {
            Block::Paragraph { text, style, align } => {
                self.draw_paragraph(text, style, *align, paginate);
            }
            Block::Spacer(h) => self.cursor += h,
            Block::Rule => {
                if paginate {
                    self.ensure_space(2.0);
                }
                let (y, w) = (self.cursor + 1.0, self.content_width());
                self.canvas()
                    .line((MARGIN_X, y), (MARGIN_X + w, y), 0.5, Color::RULE);
                self.cursor += 2.0;
            }
            Block::Table(t) => self.draw_table(t, paginate),
        }
    }

    fn draw_paragraph(
        &mut self,
        text: &str,
        style: &TextStyle,
        align: Align,
        paginate: bool,
    ) -> usize {
        let width = self.content_width();
        let lines = wrap_lines(text, style, width);
        let lh = style.line_height_mm();
        let x = match align {
            Align::Left => MARGIN_X,
            Align::Center => MARGIN_X + width / 2.0,
            Align::Right => MARGIN_X + width,
        };
        for line in &lines {
            if paginate {
                self.ensure_space(lh);
            }
            let baseline = self.cursor + style.size * 0.95 * super::fonts::PT_TO_MM;
            self.canvas().text(x, baseline, line, style, align);
            self.cursor += lh;
        }
        lines.len()
    }
}

mod pages;
mod pdf;
mod subset;

pub(crate) use pages::{Laid, Logo};
pub(crate) use pdf::JobFonts;
