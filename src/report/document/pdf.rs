//! Writing the PDF file: pages whose content streams are already compressed, the two faces
//! reduced to the glyphs used ([`JobFonts`], built once and shared by every file of a print
//! job), the logo, metadata and a stable id. Objects are written straight to bytes.

use std::io::Write;

use chrono::NaiveDateTime;
use flate2::Compression;
use flate2::write::ZlibEncoder;

use super::subset::subset;
use crate::report::ReportError;
use crate::report::draw::{FONT_BOLD, FONT_REGULAR, GlyphUse, LOGO_NAME, write_fixed};
use crate::report::fonts::{BOLD_TTF, REGULAR_TTF, glyph_char, glyph_units, units_per_em};
use crate::report::style::Weight;

/// zlib level of every stream: level 1 is several times faster than the best level, for
/// files a few percent larger (text and rules compress well at any level).
const LEVEL: u32 = 1;

/// `data` compressed with zlib (`/FlateDecode`).
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(data.len() / 3), Compression::new(LEVEL));
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// One face reduced to the glyphs of a job, as PDF objects' contents.
struct Face {
    resource: &'static str,
    base_font: String,
    program: Vec<u8>,
    program_len: usize,
    to_unicode: Vec<u8>,
    widths: Vec<u8>,
    descriptor: Vec<u8>,
}

/// The fonts of a print job: each face used, subset to the glyphs drawn by every page of
/// the job, compressed once.
pub(crate) struct JobFonts {
    faces: Vec<Face>,
}

impl JobFonts {
    /// The faces `glyphs` draws from.
    pub(crate) fn new(glyphs: &GlyphUse) -> Result<Self, ReportError> {
        let mut faces = Vec::new();
        for (weight, resource, ttf, name) in [
            (Weight::Regular, FONT_REGULAR, REGULAR_TTF, "DejaVuSans"),
            (Weight::Bold, FONT_BOLD, BOLD_TTF, "DejaVuSans-Bold"),
        ] {
            let used = glyphs.glyphs(weight);
            if used.is_empty() {
                continue;
            }
            faces.push(face(weight, resource, ttf, name, &used)?);
        }
        Ok(Self { faces })
    }
}

fn face(
    weight: Weight,
    resource: &'static str,
    ttf: &'static [u8],
    name: &str,
    used: &[u16],
) -> Result<Face, ReportError> {
    let program = subset(ttf, used).ok_or(ReportError::Font("DejaVu Sans"))?;
    let parsed = ttf_parser::Face::parse(ttf, 0).map_err(|_| ReportError::Font("DejaVu Sans"))?;
    let scale = 1000.0 / units_per_em(weight);
    let tag: String = {
        let mut h = fnv1a(&[&used
            .iter()
            .flat_map(|g| g.to_be_bytes())
            .collect::<Vec<_>>()]);
        (0..6)
            .map(|_| {
                let c = char::from(b'A' + (h % 26) as u8);
                h /= 26;
                c
            })
            .collect()
    };
    let base_font = format!("{tag}+{name}");
    let b = parsed.global_bounding_box();
    let descriptor = format!(
        "<< /Type /FontDescriptor /FontName /{base_font} /Flags 32 /FontBBox [{} {} {} {}] \
         /ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {} /StemV 80",
        (f32::from(b.x_min) * scale).round(),
        (f32::from(b.y_min) * scale).round(),
        (f32::from(b.x_max) * scale).round(),
        (f32::from(b.y_max) * scale).round(),
        (f32::from(parsed.ascender()) * scale).round(),
        (f32::from(parsed.descender()) * scale).round(),
        (f32::from(parsed.capital_height().unwrap_or(parsed.ascender())) * scale).round(),
    );
    Ok(Face {
        resource,
        base_font,
        program_len: program.len(),
        program: deflate(&program),
        to_unicode: deflate(&to_unicode(weight, used)),
        widths: widths(weight, used, scale),
        descriptor: descriptor.into_bytes(),
    })
}

/// The `/W` array: runs of consecutive glyph ids with their widths in 1/1000 em.
fn widths(weight: Weight, used: &[u16], scale: f32) -> Vec<u8> {
    let mut out = b"[".to_vec();
    let mut previous: Option<u16> = None;
    for &g in used {
        if previous.is_some_and(|p| p + 1 == g) {
            out.push(b' ');
        } else {
            if previous.is_some() {
                out.extend_from_slice(b"] ");
            }
            out.extend_from_slice(format!("{g} [").as_bytes());
        }
        write_fixed(&mut out, f32::from(glyph_units(weight, g)) * scale, 0);
        previous = Some(g);
    }
    if previous.is_some() {
        out.push(b']');
    }
    out.push(b']');
    out
}

/// The ToUnicode CMap: which character each glyph stands for (text extraction, search).
fn to_unicode(weight: Weight, used: &[u16]) -> Vec<u8> {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let mapped: Vec<(u16, char)> = used
        .iter()
        .filter_map(|&g| glyph_char(weight, g).map(|c| (g, c)))
        .collect();
    for chunk in mapped.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (g, c) in chunk {
            out.push_str(&format!("<{g:04X}> <"));
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("{unit:04X}"));
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// The logo as an image object: RGB pixels and, when it has one, its alpha channel.
pub(crate) struct EncodedImage {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

impl EncodedImage {
    /// The image `image`, compressed.
    pub(crate) fn new(image: &image::DynamicImage) -> Self {
        let alpha = image.color().has_alpha().then(|| {
            let alpha: Vec<u8> = image.to_rgba8().pixels().map(|p| p.0[3]).collect();
            deflate(&alpha)
        });
        Self {
            width: image.width(),
            height: image.height(),
            rgb: deflate(image.to_rgb8().as_raw()),
            alpha,
        }
    }
}

/// What the file says about itself.
pub(crate) struct Meta<'a> {
    /// Title of the document.
    pub(crate) title: &'a str,
    /// Author (the garden).
    pub(crate) author: &'a str,
    /// Creation date.
    pub(crate) created: NaiveDateTime,
    /// Page size in millimetres.
    pub(crate) size_mm: (f32, f32),
}

/// Objects written so far and where each starts.
struct Writer {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    /// Starts object `id` (ids are written in order, from 1).
    fn begin(&mut self, id: usize) {
        debug_assert_eq!(id, self.offsets.len() + 1);
        self.offsets.push(self.out.len());
        self.out
            .extend_from_slice(format!("{id} 0 obj\n").as_bytes());
    }

    fn object(&mut self, id: usize, body: &[u8]) {
        self.begin(id);
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
    }

    /// A stream object; `dict` holds the entries besides `/Length` and `/Filter`.
    fn stream(&mut self, id: usize, dict: &str, data: &[u8]) {
        self.begin(id);
        let head = format!(
            "<< /Length {} /Filter /FlateDecode {dict}>>\nstream\n",
            data.len()
        );
        self.out.extend_from_slice(head.as_bytes());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }
}

/// The PDF file of `pages` (compressed content streams, in order).
pub(crate) fn write_pdf(
    meta: &Meta<'_>,
    fonts: &JobFonts,
    logo: Option<&EncodedImage>,
    pages: &[&[u8]],
) -> Vec<u8> {
    let size: usize = pages.iter().map(|p| p.len() + 120).sum();
    let mut w = Writer {
        out: Vec::with_capacity(size + 60_000),
        offsets: Vec::new(),
    };
    w.out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    // 1 catalog, 2 page tree, 3 information, 4 resources, then 5 objects per face, the
    // logo (1 or 2), and 2 per page (the page, its content).
    let first_font = 5;
    let first_logo = first_font + 5 * fonts.faces.len();
    let logo_objects = logo.map_or(0, |l| 1 + usize::from(l.alpha.is_some()));
    let first_page = first_logo + logo_objects;
    w.object(1, b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    let tree = format!(
        "<< /Type /Pages /Count {} /Kids [{}] >>",
        pages.len(),
        kids.join(" ")
    );
    w.object(2, tree.as_bytes());
    w.object(3, &info(meta));
    let mut resources = String::from("<< /Font <<");
    for (i, f) in fonts.faces.iter().enumerate() {
        resources.push_str(&format!(" /{} {} 0 R", f.resource, first_font + 5 * i));
    }
    resources.push_str(" >>");
    if logo.is_some() {
        resources.push_str(&format!(" /XObject << /{LOGO_NAME} {first_logo} 0 R >>"));
    }
    resources.push_str(" >>");
    w.object(4, resources.as_bytes());
    for (i, f) in fonts.faces.iter().enumerate() {
        write_face(&mut w, f, first_font + 5 * i);
    }
    if let Some(logo) = logo {
        write_logo(&mut w, logo, first_logo);
    }
    let mut media = Vec::new();
    for v in [meta.size_mm.0, meta.size_mm.1] {
        write_fixed(&mut media, v / crate::report::fonts::PT_TO_MM, 2);
        media.push(b' ');
    }
    let media = String::from_utf8_lossy(&media);
    for (i, content) in pages.iter().enumerate() {
        let id = first_page + 2 * i;
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {}] /Resources 4 0 R /Contents {} 0 R >>",
            media.trim_end(),
            id + 1
        );
        w.object(id, page.as_bytes());
        w.stream(id + 1, "", content);
    }
    finish(w, meta)
}

fn write_face(w: &mut Writer, f: &Face, id: usize) {
    let type0 = format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /{} /Encoding /Identity-H \
         /DescendantFonts [{} 0 R] /ToUnicode {} 0 R >>",
        f.base_font,
        id + 1,
        id + 4
    );
    w.object(id, type0.as_bytes());
    let mut cid = format!(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{} /CIDSystemInfo << /Registry \
         (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {} 0 R \
         /CIDToGIDMap /Identity /W ",
        f.base_font,
        id + 2
    )
    .into_bytes();
    cid.extend_from_slice(&f.widths);
    cid.extend_from_slice(b" >>");
    w.object(id + 1, &cid);
    let mut descriptor = f.descriptor.clone();
    descriptor.extend_from_slice(format!(" /FontFile2 {} 0 R >>", id + 3).as_bytes());
    w.object(id + 2, &descriptor);
    w.stream(id + 3, &format!("/Length1 {} ", f.program_len), &f.program);
    w.stream(id + 4, "", &f.to_unicode);
}

fn write_logo(w: &mut Writer, logo: &EncodedImage, id: usize) {
    let common = format!(
        "/Type /XObject /Subtype /Image /Width {} /Height {} /BitsPerComponent 8 ",
        logo.width, logo.height
    );
    let smask = if logo.alpha.is_some() {
        format!("/SMask {} 0 R ", id + 1)
    } else {
        String::new()
    };
    w.stream(
        id,
        &format!("{common}/ColorSpace /DeviceRGB {smask}"),
        &logo.rgb,
    );
    if let Some(alpha) = &logo.alpha {
        w.stream(id + 1, &format!("{common}/ColorSpace /DeviceGray "), alpha);
    }
}

/// The information dictionary: title, author, producer, dates.
fn info(meta: &Meta<'_>) -> Vec<u8> {
    let date = format!("(D:{}+00'00')", date_text(meta.created));
    format!(
        "<< /Title {} /Author {} /Creator (Binette) /Producer (Binette) /CreationDate {date} \
         /ModDate {date} >>",
        text_string(meta.title),
        text_string(meta.author)
    )
    .into_bytes()
}

/// A PDF text string: UTF-16 with its byte order mark, in hexadecimal.
fn text_string(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        out.push_str(&format!("{unit:04X}"));
    }
    out.push('>');
    out
}

/// The cross-reference table and the trailer, with an id derived from the content (the
/// same data always gives the same bytes).
fn finish(mut w: Writer, meta: &Meta<'_>) -> Vec<u8> {
    let id = format!(
        "{:016x}",
        fnv1a(&[meta.title.as_bytes(), date_text(meta.created).as_bytes()])
    );
    let xref = w.out.len();
    let count = w.offsets.len() + 1;
    let mut table = format!("xref\n0 {count}\n0000000000 65535 f \n");
    for offset in &w.offsets {
        table.push_str(&format!("{offset:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {count} /Root 1 0 R /Info 3 0 R /ID [({id}) ({id})] >>\n\
         startxref\n{xref}\n%%EOF\n"
    ));
    w.out.extend_from_slice(table.as_bytes());
    w.out
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
