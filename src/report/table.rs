//! Tables: column specs, rows, blocks of rows kept together, header repeated on every page.

use super::document::{Document, MARGIN_X};
use super::fonts::{PT_TO_MM, text_width_mm, truncate, wrap_lines};
use super::style::{Align, Color, TextStyle, Weight};

/// Width of a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColWidth {
    /// A fixed width in millimetres.
    Mm(f32),
    /// A share of what the fixed columns leave (shares are relative to each other).
    Fraction(f32),
}

/// A column: title, width, alignment, and whether long texts wrap or are cut with "…".
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Title shown in the header row.
    pub title: String,
    /// Fixed or proportional width.
    pub width: ColWidth,
    /// Alignment of the cells (and of the title).
    pub align: Align,
    /// `true`: long texts wrap and the row grows; `false`: they are cut with "…".
    pub wrap: bool,
}

impl Column {
    /// A left-aligned, wrapping column of a fixed width in millimetres.
    pub fn mm(title: impl Into<String>, width: f32) -> Self {
        Self {
            title: title.into(),
            width: ColWidth::Mm(width),
            align: Align::Left,
            wrap: true,
        }
    }

    /// A left-aligned, wrapping column taking a share of the remaining width.
    pub fn fraction(title: impl Into<String>, share: f32) -> Self {
        Self {
            width: ColWidth::Fraction(share),
            ..Self::mm(title, 0.0)
        }
    }

    /// The same column with another alignment.
    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    /// The same column, right-aligned (numbers, amounts).
    pub fn right(self) -> Self {
        self.align(Align::Right)
    }

    /// The same column, centred.
    pub fn center(self) -> Self {
        self.align(Align::Center)
    }

    /// The same column, cutting long texts with "…" instead of wrapping them.
    pub fn no_wrap(mut self) -> Self {
        self.wrap = false;
        self
    }
}

/// How one row looks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RowStyle {
    /// Grey text (e.g. an absent member, still listed).
    pub muted: bool,
    /// Bold text (e.g. a total line).
    pub bold: bool,
    /// Background colour, overriding zebra shading.
    pub fill: Option<Color>,
}

/// One row of cells (missing cells are empty, extra cells are ignored).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Cell texts, one per column; `\n` forces a line break.
    pub cells: Vec<String>,
    /// Look of the row.
    pub style: RowStyle,
    /// Minimum height of this row in millimetres (overrides the table's).
    pub min_height: Option<f32>,
    /// Columns whose cell is drawn in bold black whatever the row's style (a word that must
    /// survive a worn printer).
    pub bold_cells: Vec<usize>,
    /// Columns whose cell text is struck through (a quantity not handed over).
    pub struck_cells: Vec<usize>,
}

impl Row {
    /// A plain row.
    pub fn new<S: Into<String>>(cells: impl IntoIterator<Item = S>) -> Self {
        Self {
            cells: cells.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// The same row in grey.
    pub fn muted(mut self) -> Self {
        self.style.muted = true;
        self
    }

    /// The same row in bold.
    pub fn bold(mut self) -> Self {
        self.style.bold = true;
        self
    }

    /// The same row on a coloured background.
    pub fn fill(mut self, color: Color) -> Self {
        self.style.fill = Some(color);
        self
    }

    /// The same row with cell `column` in bold black.
    pub fn bold_cell(mut self, column: usize) -> Self {
        self.bold_cells.push(column);
        self
    }

    /// The same row with the text of cell `column` struck through.
    pub fn struck_cell(mut self, column: usize) -> Self {
        self.struck_cells.push(column);
        self
    }

    /// The same row, at least `height` mm tall.
    pub fn min_height(mut self, height: f32) -> Self {
        self.min_height = Some(height);
        self
    }
}

/// A table; add it to a document with [`Document::table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Groups of rows; each group is kept on one page when it fits on one.
    pub blocks: Vec<Vec<Row>>,
    /// Shade every other row.
    pub zebra: bool,
    /// Draw every cell's borders (grids to tick on émargement sheets).
    pub borders: bool,
    /// Show the header row (repeated on each page).
    pub header: bool,
    /// Text size in points.
    pub font_size: f32,
    /// Minimum height of every row in millimetres (tall rows for signatures).
    pub min_row_height: f32,
    /// Room (mm) kept below the last block on its page, so that what follows the table (a
    /// total, a closing note) never starts a page of its own.
    pub keep_after: f32,
}

const PAD_X: f32 = 1.6;
const PAD_Y: f32 = 1.3;

impl Table {
    /// An empty table with a header row, 9.5 pt text, no shading, no borders.
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            blocks: Vec::new(),
            zebra: false,
            borders: false,
            header: true,
            font_size: 9.5,
            min_row_height: 0.0,
            keep_after: 0.0,
        }
    }

    /// The same table with zebra shading on or off.
    pub fn zebra(mut self, on: bool) -> Self {
        self.zebra = on;
        self
    }

    /// The same table with cell borders on or off.
    pub fn borders(mut self, on: bool) -> Self {
        self.borders = on;
        self
    }

    /// The same table with or without its header row.
    pub fn header(mut self, on: bool) -> Self {
        self.header = on;
        self
    }

    /// The same table with another text size (points).
    pub fn font_size(mut self, size: f32) -> Self {
        self.font_size = size;
        self
    }

    /// The same table with a minimum row height (millimetres).
    pub fn min_row_height(mut self, height: f32) -> Self {
        self.min_row_height = height;
        self
    }

    /// The same table, keeping `height` mm free below its last rows on their page (the
    /// last rows move to the next page with what follows rather than leave it alone).
    pub fn keep_room_after(mut self, height: f32) -> Self {
        self.keep_after = height;
        self
    }

    /// Appends one row.
    pub fn push(&mut self, row: Row) {
        self.blocks.push(vec![row]);
    }

    /// Appends rows that must stay together on one page (when they fit on one).
    pub fn push_block(&mut self, rows: Vec<Row>) {
        if !rows.is_empty() {
            self.blocks.push(rows);
        }
    }

    /// Number of rows, all blocks together.
    pub fn row_count(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    /// Width of each column in millimetres for a table `total` mm wide.
    pub fn column_widths(&self, total: f32) -> Vec<f32> {
        let fixed: f32 = self
            .columns
            .iter()
            .map(|c| match c.width {
                ColWidth::Mm(w) => w,
                ColWidth::Fraction(_) => 0.0,
            })
            .sum();
        let shares: f32 = self
            .columns
            .iter()
            .map(|c| match c.width {
                ColWidth::Fraction(f) => f.max(0.0),
                ColWidth::Mm(_) => 0.0,
            })
            .sum();
        let scale = if fixed > total { total / fixed } else { 1.0 };
        let rest = (total - fixed).max(0.0);
        self.columns
            .iter()
            .map(|c| match c.width {
                ColWidth::Mm(w) => w * scale,
                ColWidth::Fraction(f) if shares > 0.0 => rest * f.max(0.0) / shares,
                ColWidth::Fraction(_) => 0.0,
            })
            .collect()
    }

    fn text_style(&self, style: &RowStyle) -> TextStyle {
        TextStyle {
            size: self.font_size,
            weight: if style.bold {
                Weight::Bold
            } else {
                Weight::Regular
            },
            color: if style.muted {
                Color::MUTED
            } else {
                Color::BLACK
            },
        }
    }
}

/// A row ready to draw: the lines of each cell and the row height.
struct Laid {
    lines: Vec<Vec<String>>,
    height: f32,
    style: TextStyle,
    fill: Option<Color>,
    bold: Vec<usize>,
    struck: Vec<usize>,
}

fn lay_row(t: &Table, widths: &[f32], cells: &[String], style: TextStyle, min: f32) -> Laid {
    let lines: Vec<Vec<String>> = t
        .columns
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (col, w))| {
            let text = cells.get(i).map_or("", String::as_str);
            let inner = (w - 2.0 * PAD_X).max(1.0);
            if col.wrap {
                wrap_lines(text, &style, inner)
            } else {
                text.lines()
                    .next()
                    .map(|l| vec![truncate(l, &style, inner)])
                    .unwrap_or_default()
            }
        })
        .collect();
    let n = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let height = (n as f32 * style.line_height_mm() + 2.0 * PAD_Y).max(min);
    Laid {
        lines,
        height,
        style,
        fill: None,
        bold: Vec::new(),
        struck: Vec::new(),
    }
}

impl Document {
    pub(super) fn draw_table(&mut self, t: &Table, paginate: bool) {
        let widths = t.column_widths(self.content_width());
        let head = t.header.then(|| {
            let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
            let mut laid = lay_row(t, &widths, &titles, TextStyle::bold(t.font_size), 0.0);
            laid.fill = Some(Color::HEADER_FILL);
            laid
        });
        let head_h = head.as_ref().map_or(0.0, |h| h.height);
        let blocks: Vec<Vec<Laid>> = t
            .blocks
            .iter()
            .map(|b| {
                b.iter()
                    .map(|r| {
                        let min = r.min_height.unwrap_or(t.min_row_height);
                        let mut laid = lay_row(t, &widths, &r.cells, t.text_style(&r.style), min);
                        laid.fill = r.style.fill;
                        laid.bold.clone_from(&r.bold_cells);
                        laid.struck.clone_from(&r.struck_cells);
                        laid
                    })
                    .collect()
            })
            .collect();
        let first = blocks
            .first()
            .map_or(0.0, |b| b.iter().map(|r| r.height).sum::<f32>());
        if paginate {
            let page_room = self.body_bottom() - self.body_top;
            self.ensure_space((head_h + first).min(page_room));
        }
        let mut fresh = self.start_table_page(t, &widths, head.as_ref());
        let mut index = 0;
        let last_block = blocks.len().saturating_sub(1);
        for (b, block) in blocks.iter().enumerate() {
            let after = if b == last_block { t.keep_after } else { 0.0 };
            let total: f32 = block.iter().map(|r| r.height).sum::<f32>() + after;
            if paginate && self.cursor + total > self.body_bottom() && self.cursor > fresh + 0.01 {
                self.new_page();
                fresh = self.start_table_page(t, &widths, head.as_ref());
            }
            for row in block {
                if paginate
                    && self.cursor + row.height > self.body_bottom()
                    && self.cursor > fresh + 0.01
                {
                    self.new_page();
                    fresh = self.start_table_page(t, &widths, head.as_ref());
                }
                let zebra = (t.zebra && index % 2 == 1).then_some(Color::ZEBRA_FILL);
                self.draw_row(t, &widths, row, row.fill.or(zebra));
                index += 1;
            }
        }
        self.cursor += 2.0;
    }

    /// Draws the header row (if any) and returns the cursor just below it.
    fn start_table_page(&mut self, t: &Table, widths: &[f32], head: Option<&Laid>) -> f32 {
        if let Some(h) = head {
            self.draw_row(t, widths, h, h.fill);
            if !t.borders {
                let (y, w) = (self.cursor, widths.iter().sum::<f32>());
                self.canvas()
                    .line((MARGIN_X, y), (MARGIN_X + w, y), 0.6, Color::RULE);
            }
        }
        self.cursor
    }

    fn draw_row(&mut self, t: &Table, widths: &[f32], row: &Laid, fill: Option<Color>) {
        let y = self.cursor;
        let total: f32 = widths.iter().sum();
        let lh = row.style.line_height_mm();
        let canvas = self.canvas();
        if let Some(color) = fill {
            canvas.fill_rect(MARGIN_X, y, total, row.height, color);
        }
        let mut x = MARGIN_X;
        for (c, ((col, w), lines)) in t.columns.iter().zip(widths).zip(&row.lines).enumerate() {
            let text_h = lines.len() as f32 * lh;
            let top = y + (row.height - text_h) / 2.0;
            let anchor = match col.align {
                Align::Left => x + PAD_X,
                Align::Center => x + w / 2.0,
                Align::Right => x + w - PAD_X,
            };
            let style = if row.bold.contains(&c) {
                TextStyle::bold(row.style.size)
            } else {
                row.style
            };
            for (i, line) in lines.iter().enumerate() {
                let baseline = top + i as f32 * lh + style.size * 0.93 * PT_TO_MM;
                canvas.text(anchor, baseline, line, &style, col.align);
                if row.struck.contains(&c) && !line.is_empty() {
                    strike(canvas, anchor, baseline, line, &style, col.align);
                }
            }
            if t.borders {
                canvas.stroke_rect(x, y, *w, row.height, 0.5, Color::grey(0.45));
            }
            x += w;
        }
        self.cursor += row.height;
    }
}

/// A line through `line` drawn at `anchor` (as [`Canvas::text`] places it), at mid x-height,
/// a little wider than the text so that it shows on a single digit.
fn strike(
    canvas: &mut super::draw::Canvas,
    anchor: f32,
    baseline: f32,
    line: &str,
    style: &TextStyle,
    align: Align,
) {
    let width = text_width_mm(line, style);
    let left = match align {
        Align::Left => anchor,
        Align::Center => anchor - width / 2.0,
        Align::Right => anchor - width,
    };
    let y = baseline - style.size * 0.27 * PT_TO_MM;
    canvas.line((left - 1.2, y), (left + width + 1.2, y), 1.0, style.color);
}
