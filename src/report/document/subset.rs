//! A TrueType font reduced to the glyphs a print job draws, glyph ids unchanged: the outlines
//! of every other glyph are left empty. Content streams can then be written (and compressed)
//! page by page before the job knows every glyph it will use, and one subset serves every
//! file of the job.
//!
//! Only the tables a PDF reader needs for an embedded TrueType font are kept (ISO 32000-1,
//! 9.9: `glyf`, `head`, `hhea`, `hmtx`, `loca`, `maxp`, `cvt `, `fpgm`, `prep`).

/// The tables kept, in the (sorted) order the directory lists them.
const KEPT: [&[u8; 4]; 9] = [
    b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
];

/// Composite glyph flags (OpenType `glyf` table).
const ARGS_ARE_WORDS: u16 = 0x0001;
const HAS_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const HAS_XY_SCALE: u16 = 0x0040;
const HAS_TWO_BY_TWO: u16 = 0x0080;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The bytes of table `tag` of the font `font`.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count).find_map(|i| {
        let record = 12 + 16 * i;
        if font.get(record..record + 4)? != tag {
            return None;
        }
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        font.get(offset..offset + length)
    })
}

/// Byte range of each glyph in `glyf`, from `loca`.
fn glyph_ranges(font: &[u8]) -> Option<Vec<(usize, usize)>> {
    let glyphs = usize::from(u16_at(table(font, b"maxp")?, 4)?);
    let long = u16_at(table(font, b"head")?, 50)? == 1;
    let loca = table(font, b"loca")?;
    let offset = |i: usize| -> Option<usize> {
        if long {
            Some(u32_at(loca, 4 * i)? as usize)
        } else {
            Some(usize::from(u16_at(loca, 2 * i)?) * 2)
        }
    };
    (0..glyphs)
        .map(|i| Some((offset(i)?, offset(i + 1)?)))
        .collect()
}

/// The glyphs a composite glyph is made of.
fn components(glyph: &[u8]) -> Vec<u16> {
    let mut out = Vec::new();
    if glyph.len() < 10 || i16::from_be_bytes([glyph[0], glyph[1]]) >= 0 {
        return out;
    }
    let mut at = 10;
    while let (Some(flags), Some(id)) = (u16_at(glyph, at), u16_at(glyph, at + 2)) {
        out.push(id);
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAS_SCALE != 0 {
            2
        } else if flags & HAS_XY_SCALE != 0 {
            4
        } else if flags & HAS_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    out
}

/// `font` with only the outlines of `used` (and of the glyphs they are built from, and the
/// missing glyph 0); `None` when the font cannot be read as TrueType outlines.
pub(crate) fn subset(font: &[u8], used: &[u16]) -> Option<Vec<u8>> {
    let glyf = table(font, b"glyf")?;
    let ranges = glyph_ranges(font)?;
    let mut keep = vec![false; ranges.len()];
    let mut todo: Vec<u16> = used.to_vec();
    todo.push(0);
    while let Some(g) = todo.pop() {
        let Some(slot) = keep.get_mut(usize::from(g)) else {
            continue;
        };
        if !*slot {
            *slot = true;
            let (start, end) = ranges[usize::from(g)];
            todo.extend(components(glyf.get(start..end).unwrap_or_default()));
        }
    }
    let mut new_glyf = Vec::new();
    let mut loca = Vec::with_capacity(4 * (ranges.len() + 1));
    for (g, &(start, end)) in ranges.iter().enumerate() {
        loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if keep[g] {
            new_glyf.extend_from_slice(glyf.get(start..end)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
    }
    loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    let mut head = table(font, b"head")?.to_vec();
    head.get_mut(8..12)?.fill(0); // checkSumAdjustment: left to readers that care
    head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
    let mut hmtx = reduced_metrics(font, &keep)?;
    let tables: Vec<(&[u8; 4], Vec<u8>)> = KEPT
        .iter()
        .filter_map(|&tag| {
            let data = match tag {
                b"glyf" => std::mem::take(&mut new_glyf),
                b"loca" => std::mem::take(&mut loca),
                b"head" => std::mem::take(&mut head),
                b"hmtx" => std::mem::take(&mut hmtx),
                _ => table(font, tag)?.to_vec(),
            };
            Some((tag, data))
        })
        .collect();
    Some(assemble(&tables))
}

/// `hmtx` with the metrics of the glyphs not kept set to zero (they are never drawn, and
/// zeros compress to nothing).
fn reduced_metrics(font: &[u8], keep: &[bool]) -> Option<Vec<u8>> {
    let mut hmtx = table(font, b"hmtx")?.to_vec();
    let long = usize::from(u16_at(table(font, b"hhea")?, 34)?);
    for (g, _) in keep.iter().enumerate().filter(|(_, kept)| !**kept) {
        let (at, len) = if g < long {
            (4 * g, 4)
        } else {
            (4 * long + 2 * (g - long), 2)
        };
        if let Some(entry) = hmtx.get_mut(at..at + len) {
            entry.fill(0);
        }
    }
    Some(hmtx)
}

/// An sfnt file of `tables` (sorted by tag), with its directory and checksums.
fn assemble(tables: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let n = tables.len() as u16;
    let entry_selector = 15 - n.max(1).leading_zeros() as u16;
    let search_range = 16u16 << entry_selector;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, search_range, entry_selector, n * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in tables {
        out.extend_from_slice(*tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fonts::REGULAR_TTF;

    #[test]
    fn the_subset_keeps_glyph_ids_and_only_the_outlines_used() {
        let face = ttf_parser::Face::parse(REGULAR_TTF, 0).expect("font");
        let id = |c| face.glyph_index(c).expect("glyph").0;
        // "é" is a composite glyph in DejaVu: its base "e" comes along.
        let used = [id('A'), id('é')];
        let bytes = subset(REGULAR_TTF, &used).expect("subset");
        assert!(bytes.len() < REGULAR_TTF.len() / 4, "{}", bytes.len());
        let small = ttf_parser::Face::parse(&bytes, 0).expect("the subset is a font");
        assert_eq!(small.number_of_glyphs(), face.number_of_glyphs());
        let outline = |f: &ttf_parser::Face<'_>, g: u16| {
            f.glyph_bounding_box(ttf_parser::GlyphId(g)).is_some()
        };
        for g in [id('A'), id('é'), id('e')] {
            assert!(outline(&small, g), "glyph {g} kept");
            assert_eq!(
                small.glyph_bounding_box(ttf_parser::GlyphId(g)),
                face.glyph_bounding_box(ttf_parser::GlyphId(g))
            );
        }
        assert!(!outline(&small, id('Z')), "an unused glyph has no outline");
    }
}
