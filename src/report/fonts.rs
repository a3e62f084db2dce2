//! The bundled DejaVu fonts: measuring, wrapping and truncating text.
//!
//! printpdf places glyphs one after another with their advance widths and no kerning, so
//! summing `ttf-parser` advances gives exactly the drawn width.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};

use super::style::{TextStyle, Weight};

/// Millimetres per PDF point.
pub const PT_TO_MM: f32 = 25.4 / 72.0;

pub(crate) const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Code points whose glyph and advance are kept once looked up.
const TABLED: u32 = 0x2800;

/// A table slot not looked up yet (no glyph id reaches 0xFFFF in the bundled faces).
const UNKNOWN: u32 = u32::MAX;

/// Glyph ids and advance widths (font units) of the first [`TABLED`] code points, per
/// weight, each looked up the first time it is drawn (a print job draws a few dozen
/// characters; looking up all ten thousand cost a few milliseconds per process), and each
/// glyph's character (for the PDF's text extraction).
struct Metrics {
    /// Per code point: glyph id in the high 16 bits, advance in the low 16, or [`UNKNOWN`].
    table: Vec<AtomicU32>,
    per_em: f32,
    face: Option<ttf_parser::Face<'static>>,
    chars: std::sync::OnceLock<Vec<char>>,
}

impl Metrics {
    fn load(bytes: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(bytes, 0).ok();
        let per_em = face
            .as_ref()
            .map_or(1000.0, |f| f32::from(f.units_per_em()));
        Self {
            table: (0..TABLED).map(|_| AtomicU32::new(UNKNOWN)).collect(),
            per_em,
            face,
            chars: std::sync::OnceLock::new(),
        }
    }

    /// Glyph id and advance (font units) of `c`, from the table once looked up.
    fn entry(&self, c: char) -> (u16, u16) {
        let look_up = || {
            let Some(face) = &self.face else {
                return (0, 0);
            };
            let glyph = face.glyph_index(c).map_or(0, |g| g.0);
            (glyph, glyph_advance(face, glyph))
        };
        let Some(slot) = self.table.get(c as usize) else {
            return look_up();
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let (glyph, advance) = look_up();
                slot.store(
                    u32::from(glyph) << 16 | u32::from(advance),
                    Ordering::Relaxed,
                );
                (glyph, advance)
            }
            packed => ((packed >> 16) as u16, packed as u16),
        }
    }

    /// Advance of `c` in font units.
    fn units(&self, c: char) -> u16 {
        self.entry(c).1
    }

    /// Glyph id of `c` (0, the missing glyph, when the font has none).
    fn glyph(&self, c: char) -> u16 {
        self.entry(c).0
    }

    /// The character each glyph stands for (the lowest code point mapped to it; `'\0'` for
    /// none): a no-break space reads back as a space.
    fn chars(&self) -> &[char] {
        self.chars.get_or_init(|| {
            let Some(face) = &self.face else {
                return Vec::new();
            };
            let mut chars = vec!['\0'; usize::from(face.number_of_glyphs())];
            let subtables = face.tables().cmap.iter().flat_map(|c| c.subtables);
            for subtable in subtables.filter(|s| s.is_unicode()) {
                subtable.codepoints(|cp| {
                    let glyph = subtable.glyph_index(cp).map(|g| usize::from(g.0));
                    if let (Some(c), Some(slot)) =
                        (char::from_u32(cp), glyph.and_then(|g| chars.get_mut(g)))
                        && (*slot == '\0' || c < *slot)
                    {
                        *slot = c;
                    }
                });
            }
            chars
        })
    }
}

fn glyph_advance(face: &ttf_parser::Face<'_>, glyph: u16) -> u16 {
    face.glyph_hor_advance(ttf_parser::GlyphId(glyph))
        .unwrap_or(0)
}

static REGULAR: LazyLock<Metrics> = LazyLock::new(|| Metrics::load(REGULAR_TTF));
static BOLD: LazyLock<Metrics> = LazyLock::new(|| Metrics::load(BOLD_TTF));

fn metrics(weight: Weight) -> &'static Metrics {
    match weight {
        Weight::Regular => &REGULAR,
        Weight::Bold => &BOLD,
    }
}

/// Glyph id of `c` in the face of `weight` (0 when the font has none).
pub(crate) fn glyph_id(weight: Weight, c: char) -> u16 {
    metrics(weight).glyph(c)
}

/// The character glyph `glyph` of `weight` stands for, for the PDF's text extraction.
pub(crate) fn glyph_char(weight: Weight, glyph: u16) -> Option<char> {
    metrics(weight)
        .chars()
        .get(usize::from(glyph))
        .copied()
        .filter(|c| *c != '\0')
}

/// Units per em of the bundled faces (the same for both weights).
pub(crate) fn units_per_em(weight: Weight) -> f32 {
    metrics(weight).per_em
}

/// Advance of glyph `glyph` of `weight`, in font units.
pub(crate) fn glyph_units(weight: Weight, glyph: u16) -> u16 {
    metrics(weight)
        .face
        .as_ref()
        .map_or(0, |f| glyph_advance(f, glyph))
}

/// Width of `text` drawn in `style`, in millimetres.
pub fn text_width_mm(text: &str, style: &TextStyle) -> f32 {
    let m = metrics(style.weight);
    let units: u32 = text.chars().map(|c| u32::from(m.units(c))).sum();
    units as f32 / m.per_em * style.size * PT_TO_MM
}

/// `text` shortened with "…" so that it fits in `width_mm` (unchanged if it already fits).
pub fn truncate(text: &str, style: &TextStyle, width_mm: f32) -> String {
    if text_width_mm(text, style) <= width_mm {
        return text.to_string();
    }
    let ellipsis = text_width_mm("…", style);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = text_width_mm(c.encode_utf8(&mut [0; 4]), style);
        if used + w + ellipsis > width_mm {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `text` broken into lines no wider than `width_mm`: at spaces when possible, inside a word
/// only when the word alone is too wide. Explicit line breaks (`\n`) are kept. An empty text
/// gives no line.
pub fn wrap_lines(text: &str, style: &TextStyle, width_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = text_width_mm(" ", style);
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        // A no-break space (between an amount and "€", in "1 500") never breaks a line.
        let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
        for word in paragraph.split(breaks).filter(|w| !w.is_empty()) {
            let word_w = text_width_mm(word, style);
            if !line.is_empty() && line_w + space + word_w <= width_mm {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_w <= width_mm {
                line.push_str(word);
                line_w = word_w;
            } else {
                // A word wider than the box: break after its hyphens ("Tour-d'Auvergne"),
                // and cut pieces still too wide (a long e-mail address…) by characters.
                line_w = 0.0;
                for piece in word.split_inclusive('-') {
                    let piece_w = text_width_mm(piece, style);
                    if !line.is_empty() && line_w + piece_w > width_mm {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    if piece_w <= width_mm {
                        line.push_str(piece);
                        line_w += piece_w;
                        continue;
                    }
                    for c in piece.chars() {
                        let w = text_width_mm(c.encode_utf8(&mut [0; 4]), style);
                        if !line.is_empty() && line_w + w > width_mm {
                            lines.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        line.push(c);
                        line_w += w;
                    }
                }
            }
        }
        if !line.is_empty() || text.contains('\n') {
            lines.push(line);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs and advances are the font's own, the first time a character is looked up
    /// and every time after; above the table and for a character the font lacks too.
    #[test]
    fn glyphs_and_advances_are_the_fonts_on_every_look_up() {
        let face = ttf_parser::Face::parse(BOLD_TTF, 0).unwrap();
        let metrics = Metrics::load(BOLD_TTF);
        // 'A', 'é', '€' in the table; U+1D400 (bold A, mathematical) above it; U+0378
        // (unassigned) has no glyph: 0, with the missing glyph's advance.
        for c in ['A', 'é', '€', '\u{1D400}', '\u{0378}'] {
            let glyph = face.glyph_index(c).map_or(0, |g| g.0);
            let advance = face.glyph_hor_advance(ttf_parser::GlyphId(glyph)).unwrap();
            for _ in 0..2 {
                assert_eq!(metrics.glyph(c), glyph, "{c:?}");
                assert_eq!(metrics.units(c), advance, "{c:?}");
            }
        }
        assert_eq!(metrics.glyph('\u{0378}'), 0);
        assert_ne!(metrics.glyph('é'), metrics.glyph('e'));
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let s = TextStyle::regular(10.0);
        let w = text_width_mm("Lefèvre-Œuvray", &s);
        assert!(w > 20.0 && w < 35.0, "{w}");
        assert!(text_width_mm("Lefèvre-Œuvray", &TextStyle::bold(10.0)) > w);
        assert!(
            (text_width_mm("ab", &TextStyle::regular(20.0)) - 2.0 * text_width_mm("ab", &s)).abs()
                < 1e-3
        );
    }

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let s = TextStyle::regular(10.0);
        let text =
            "Les paniers sont à retirer au dépôt entre 17 h et 19 h ; merci de cocher votre nom.";
        let lines = wrap_lines(text, &s, 40.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| text_width_mm(l, &s) <= 40.0));
        assert_eq!(lines.join(" "), text);
        assert!(wrap_lines("", &s, 40.0).is_empty());
        let long = wrap_lines("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &s, 20.0);
        assert!(long.len() > 1 && long.iter().all(|l| text_width_mm(l, &s) <= 20.0));
        let hyphen = wrap_lines("Müller-Gaëtan-Tour-d'Auvergne", &s, 25.0);
        assert_eq!(hyphen.concat(), "Müller-Gaëtan-Tour-d'Auvergne");
        assert!(
            hyphen
                .iter()
                .take(hyphen.len() - 1)
                .all(|l| l.ends_with('-')),
            "{hyphen:?}"
        );
    }

    #[test]
    fn truncate_adds_an_ellipsis_only_when_needed() {
        let s = TextStyle::regular(9.0);
        assert_eq!(truncate("Müller", &s, 50.0), "Müller");
        let t = truncate("Association des jardins familiaux de la vallée", &s, 30.0);
        assert!(t.ends_with('…') && text_width_mm(&t, &s) <= 30.0, "{t}");
    }
}
