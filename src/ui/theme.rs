//! Binette's look: a calm light theme with a garden green, and the bundled DejaVu Sans font.

use iced::theme::Palette;
use iced::{Color, Font, Theme, color};

/// The bundled regular font (also embedded in every PDF).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The bundled bold font.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The UI's default font.
pub const FONT: Font = Font::with_name("DejaVu Sans");
/// Bold text.
pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..FONT
};

/// Garden green, the accent colour.
pub const GREEN: Color = color!(0x2f7d4f);
/// Background of the sidebar.
pub const SIDEBAR: Color = color!(0xe9f1ea);
/// Background of cards.
pub const CARD: Color = Color::WHITE;
/// Window background.
pub const BACKGROUND: Color = color!(0xf6f7f5);
/// Secondary text.
pub const MUTED: Color = color!(0x5d6660);
/// Warning background (yellow, per the rule "warnings, not blocks").
pub const WARNING_BG: Color = color!(0xfff4c2);
/// Warning text.
pub const WARNING_TEXT: Color = color!(0x6b5200);
/// Error background.
pub const ERROR_BG: Color = color!(0xfde2e1);
/// Error text.
pub const ERROR_TEXT: Color = color!(0x8a1c17);
/// Success background.
pub const SUCCESS_BG: Color = color!(0xdff2e3);
/// Card borders.
pub const BORDER: Color = color!(0xd5dbd6);

/// The application theme.
pub fn theme() -> Theme {
    Theme::custom(
        "Binette",
        Palette {
            background: BACKGROUND,
            text: color!(0x1d2420),
            primary: GREEN,
            success: color!(0x2e7d32),
            warning: color!(0xc99a00),
            danger: color!(0xb3261e),
        },
    )
}
