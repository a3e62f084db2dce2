//! Colours, alignment and text styles shared by every drawing call.

/// An RGB colour, each channel from 0.0 to 1.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red channel.
    pub r: f32,
    /// Green channel.
    pub g: f32,
    /// Blue channel.
    pub b: f32,
}

impl Color {
    /// Plain black, for body text.
    pub const BLACK: Color = Color::grey(0.0);
    /// White.
    pub const WHITE: Color = Color::grey(1.0);
    /// Grey for secondary text (subtitles, footers).
    pub const TEXT_GREY: Color = Color::grey(0.40);
    /// Lighter grey for muted rows (e.g. an absent member).
    pub const MUTED: Color = Color::grey(0.55);
    /// Grey for rules and cell borders.
    pub const RULE: Color = Color::grey(0.55);
    /// Background of table header rows.
    pub const HEADER_FILL: Color = Color::grey(0.88);
    /// Background of every other row when zebra shading is on.
    pub const ZEBRA_FILL: Color = Color::grey(0.955);

    /// A colour from its three channels.
    pub const fn rgb(r: f32, g: f32, b: f32) -> Self {
        Self { r, g, b }
    }

    /// A neutral grey: 0.0 is black, 1.0 is white.
    pub const fn grey(level: f32) -> Self {
        Self {
            r: level,
            g: level,
            b: level,
        }
    }
}

/// Horizontal alignment of a text inside its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left (names, labels).
    #[default]
    Left,
    /// Centred (short codes, ticks).
    Center,
    /// Flush right (numbers and amounts).
    Right,
}

/// Which of the two bundled DejaVu faces to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weight {
    /// DejaVu Sans.
    #[default]
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// Font weight, size and colour of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Size in points.
    pub size: f32,
    /// Regular or bold.
    pub weight: Weight,
    /// Fill colour.
    pub color: Color,
}

impl Default for TextStyle {
    fn default() -> Self {
        Self::regular(10.0)
    }
}

impl TextStyle {
    /// Black regular text of `size` points.
    pub const fn regular(size: f32) -> Self {
        Self {
            size,
            weight: Weight::Regular,
            color: Color::BLACK,
        }
    }

    /// Black bold text of `size` points.
    pub const fn bold(size: f32) -> Self {
        Self {
            size,
            weight: Weight::Bold,
            color: Color::BLACK,
        }
    }

    /// The same style in another colour.
    pub const fn with_color(mut self, color: Color) -> Self {
        self.color = color;
        self
    }

    /// The same style in secondary grey.
    pub const fn grey(self) -> Self {
        self.with_color(Color::TEXT_GREY)
    }

    /// Distance between two baselines, in millimetres (1.25 × the size).
    pub fn line_height_mm(&self) -> f32 {
        self.size * 1.25 * crate::report::fonts::PT_TO_MM
    }
}
