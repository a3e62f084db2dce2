//! Low-level drawing on one page, in millimetres from the top-left corner.

use printpdf::{
    FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, TextItem, XObjectId,
    XObjectTransform,
};

use super::fonts::{PT_TO_MM, text_width_mm};
use super::style::{Align, Color, TextStyle, Weight};

/// Resource name of the regular face (fixed so the output is deterministic).
pub(crate) const FONT_REGULAR: &str = "F1";
/// Resource name of the bold face.
pub(crate) const FONT_BOLD: &str = "F2";

fn pt(mm: f32) -> Pt {
    Pt(mm / PT_TO_MM)
}

/// The operations of one page being laid out.
#[derive(Debug, Clone)]
pub(crate) struct Canvas {
    pub(crate) ops: Vec<Op>,
    height_mm: f32,
}

impl Canvas {
    pub(crate) fn new(height_mm: f32) -> Self {
        Self {
            ops: Vec::new(),
            height_mm,
        }
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: pt(x),
            y: pt(self.height_mm - y),
        }
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
        let pos = self.point(left, baseline);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor {
                col: style.color.to_pdf(),
            },
            Op::SetFont {
                font: PdfFontHandle::External(FontId(font.to_string())),
                size: Pt(style.size),
            },
            Op::SetTextCursor { pos },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Fills a rectangle whose top-left corner is (`x`, `y`).
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        let corner = self.point(x, y + h);
        self.ops.extend([
            Op::SetFillColor {
                col: color.to_pdf(),
            },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: corner.x,
                    y: corner.y,
                    width: pt(w),
                    height: pt(h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ]);
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
        let corner = self.point(x, y + h);
        self.ops.extend([
            Op::SetOutlineColor {
                col: color.to_pdf(),
            },
            Op::SetOutlineThickness { pt: Pt(width_pt) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: corner.x,
                    y: corner.y,
                    width: pt(w),
                    height: pt(h),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            },
        ]);
    }

    /// A straight line from (`x1`, `y1`) to (`x2`, `y2`).
    pub(crate) fn line(&mut self, from: (f32, f32), to: (f32, f32), width_pt: f32, color: Color) {
        let points = [self.point(from.0, from.1), self.point(to.0, to.1)]
            .into_iter()
            .map(|p| LinePoint { p, bezier: false })
            .collect();
        self.ops.extend([
            Op::SetOutlineColor {
                col: color.to_pdf(),
            },
            Op::SetOutlineThickness { pt: Pt(width_pt) },
            Op::DrawLine {
                line: Line {
                    points,
                    is_closed: false,
                },
            },
        ]);
    }

    /// Places an image of `px` pixels so that it fills the box at (`x`, `y`) of `w` × `h` mm.
    pub(crate) fn image(
        &mut self,
        id: &XObjectId,
        px: (usize, usize),
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    ) {
        let corner = self.point(x, y + h);
        // At 72 dpi one pixel is one point; scale from there.
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(corner.x),
                translate_y: Some(corner.y),
                scale_x: Some(pt(w).0 / px.0.max(1) as f32),
                scale_y: Some(pt(h).0 / px.1.max(1) as f32),
                dpi: Some(72.0),
                ..Default::default()
            },
        });
    }
}
