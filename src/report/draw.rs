//! Low-level drawing on one page, in millimetres from the top-left corner, written straight
//! as PDF content-stream operators (no intermediate list of operations: a page of 28 rows
//! is a few kilobytes, whatever the number of pages).

use super::fonts::{PT_TO_MM, glyph_id, text_width_mm};
use super::style::{Align, Color, TextStyle, Weight};

/// Resource name of the regular face (fixed so the output is deterministic).
pub(crate) const FONT_REGULAR: &str = "F1";
/// Resource name of the bold face.
pub(crate) const FONT_BOLD: &str = "F2";
/// Resource name of the logo image.
pub(crate) const LOGO_NAME: &str = "Im1";

/// Which glyphs of each face a page (or a document) draws: one bit per glyph id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct GlyphUse {
    /// Bits of the regular face.
    pub(crate) regular: Vec<u64>,
    /// Bits of the bold face.
    pub(crate) bold: Vec<u64>,
}

impl GlyphUse {
    fn mark(&mut self, weight: Weight, glyph: u16) {
        let bits = match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        };
        let (word, bit) = (usize::from(glyph / 64), glyph % 64);
        if bits.len() <= word {
            bits.resize(word + 1, 0);
        }
        bits[word] |= 1 << bit;
    }

    /// Adds every glyph `other` uses.
    pub(crate) fn merge(&mut self, other: &GlyphUse) {
        for (mine, theirs) in [
            (&mut self.regular, &other.regular),
            (&mut self.bold, &other.bold),
        ] {
            if mine.len() < theirs.len() {
                mine.resize(theirs.len(), 0);
            }
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a |= b;
            }
        }
    }

    /// The glyph ids used of `weight`, ascending.
    pub(crate) fn glyphs(&self, weight: Weight) -> Vec<u16> {
        let bits = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let mut out = Vec::new();
        for (w, word) in bits.iter().enumerate() {
            for b in 0..64 {
                if word & (1 << b) != 0 {
                    out.push((w * 64 + b) as u16);
                }
            }
        }
        out
    }
}

/// The operations of one page being laid out.
#[derive(Debug, Clone)]
pub(crate) struct Canvas {
    /// The content stream, uncompressed.
    pub(crate) content: Vec<u8>,
    /// The glyphs drawn.
    pub(crate) glyphs: GlyphUse,
    height_mm: f32,
}

impl Canvas {
    pub(crate) fn new(height_mm: f32) -> Self {
        Self {
            content: Vec::with_capacity(4096),
            glyphs: GlyphUse::default(),
            height_mm,
        }
    }

    /// Writes the PDF coordinates (points, origin bottom-left) of (`x`, `y`) mm.
    fn point(&mut self, x: f32, y: f32) {
        self.num(x / PT_TO_MM);
        self.num((self.height_mm - y) / PT_TO_MM);
    }

    /// Writes `v` with at most two decimals, then a space.
    fn num(&mut self, v: f32) {
        write_fixed(&mut self.content, v, 2);
        self.content.push(b' ');
    }

    fn color(&mut self, color: Color, operator: &[u8]) {
        for channel in [color.r, color.g, color.b] {
            write_fixed(&mut self.content, channel, 3);
            self.content.push(b' ');
        }
        self.content.extend_from_slice(operator);
    }

    /// Draws one line of text; `x` is the left edge, right edge or centre according to `align`.
    pub(crate) fn text(
        &mut self,
        x: f32,
        baseline: f32,
        text: &str,
        style: &TextStyle,
        align: Align,
    ) {
        if text.is_empty() {
            return;
        }
        let left = match align {
            Align::Left => x,
            Align::Center => x - text_width_mm(text, style) / 2.0,
            Align::Right => x - text_width_mm(text, style),
        };
        let font = match style.weight {
            Weight::Regular => FONT_REGULAR,
            Weight::Bold => FONT_BOLD,
        };
        self.content.extend_from_slice(b"BT\n");
        self.color(style.color, b"rg\n");
        self.content.push(b'/');
        self.content.extend_from_slice(font.as_bytes());
        self.content.push(b' ');
        self.num(style.size);
        self.content.extend_from_slice(b"Tf\n");
        self.point(left, baseline);
        self.content.extend_from_slice(b"Td\n<");
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for c in text.chars() {
            let g = glyph_id(style.weight, c);
            self.glyphs.mark(style.weight, g);
            for shift in [12, 8, 4, 0] {
                self.content.push(HEX[usize::from((g >> shift) & 0xF)]);
            }
        }
        self.content.extend_from_slice(b"> Tj\nET\n");
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.point(x, y + h);
        self.num(w / PT_TO_MM);
        self.num(h / PT_TO_MM);
        self.content.extend_from_slice(b"re\n");
    }

    /// Fills a rectangle whose top-left corner is (`x`, `y`).
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        self.color(color, b"rg\n");
        self.rect(x, y, w, h);
        self.content.extend_from_slice(b"f\n");
    }

    /// Outlines a rectangle whose top-left corner is (`x`, `y`).
    pub(crate) fn stroke_rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width_pt: f32,
        color: Color,
    ) {
        self.color(color, b"RG\n");
        self.num(width_pt);
        self.content.extend_from_slice(b"w\n");
        self.rect(x, y, w, h);
        self.content.extend_from_slice(b"S\n");
    }

    /// A straight line from (`x1`, `y1`) to (`x2`, `y2`).
    pub(crate) fn line(&mut self, from: (f32, f32), to: (f32, f32), width_pt: f32, color: Color) {
        self.color(color, b"RG\n");
        self.num(width_pt);
        self.content.extend_from_slice(b"w\n");
        self.point(from.0, from.1);
        self.content.extend_from_slice(b"m\n");
        self.point(to.0, to.1);
        self.content.extend_from_slice(b"l\nS\n");
    }

    /// Places the logo so that it fills the box at (`x`, `y`) of `w` × `h` mm.
    pub(crate) fn logo(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.content.extend_from_slice(b"q\n");
        self.num(w / PT_TO_MM);
        self.content.extend_from_slice(b"0 0 ");
        self.num(h / PT_TO_MM);
        self.point(x, y + h);
        self.content.extend_from_slice(b"cm\n/");
        self.content.extend_from_slice(LOGO_NAME.as_bytes());
        self.content.extend_from_slice(b" Do\nQ\n");
    }
}

/// Appends `v` rounded to `decimals` (at most 4) decimals, without trailing zeros ("12.5",
/// "-3", "0.07").
pub(crate) fn write_fixed(out: &mut Vec<u8>, v: f32, decimals: u32) {
    let scale = 10u64.pow(decimals.min(4));
    let scaled = (f64::from(v) * scale as f64).round();
    let scaled = if scaled.is_finite() { scaled as i64 } else { 0 };
    if scaled < 0 {
        out.push(b'-');
    }
    let n = scaled.unsigned_abs();
    write_integer(out, n / scale);
    let mut fraction = n % scale;
    if fraction != 0 {
        out.push(b'.');
        let mut unit = scale / 10;
        while fraction != 0 {
            out.push(b'0' + (fraction / unit) as u8);
            fraction %= unit;
            unit /= 10;
        }
    }
}

/// Appends the decimal digits of `n`.
pub(crate) fn write_integer(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_short_with_two_decimals_at_most() {
        let mut out = Vec::new();
        for v in [0.0, 12.5, -3.0, 0.07, 595.2756, -0.004, 1000.0] {
            write_fixed(&mut out, v, 2);
            out.push(b' ');
        }
        write_fixed(&mut out, 0.955, 3);
        assert_eq!(out, b"0 12.5 -3 0.07 595.28 0 1000 0.955");
    }

    #[test]
    fn glyph_use_merges_and_lists_ascending() {
        let mut a = GlyphUse::default();
        a.mark(Weight::Regular, 3);
        a.mark(Weight::Regular, 200);
        let mut b = GlyphUse::default();
        b.mark(Weight::Regular, 64);
        b.mark(Weight::Bold, 5);
        a.merge(&b);
        assert_eq!(a.glyphs(Weight::Regular), vec![3, 64, 200]);
        assert_eq!(a.glyphs(Weight::Bold), vec![5]);
    }
}
