//! A frame as the window draws it, without a window: the view laid out at the window's size,
//! drawn and rasterised by iced's software renderer (tiny-skia), at scale 1.

use iced::{Element, Event, Pixels, Size, Theme, mouse, window};
use iced_runtime::user_interface::{Cache, UserInterface};
use iced_test::core::clipboard;
use iced_test::core::renderer::{Headless, Style};

/// The window's usual size (ui::WINDOW fits a 1366×768 screen).
const SIZE: Size = Size::new(1280.0, 720.0);

/// A software renderer with Binette's fonts, made once and reused for every frame.
pub struct Frames {
    renderer: iced::Renderer,
    theme: Theme,
}

impl Frames {
    /// The renderer, with Binette's fonts loaded as the application loads them.
    pub fn new() -> Frames {
        {
            let mut fonts = iced_test::renderer::graphics::text::font_system()
                .write()
                .expect("font system");
            fonts.load_font(binette::ui::theme::FONT_REGULAR.into());
            fonts.load_font(binette::ui::theme::FONT_BOLD.into());
        }
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            binette::ui::theme::FONT,
            Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("software renderer");
        Frames {
            renderer,
            theme: binette::ui::theme::theme(),
        }
    }

    /// Lays out, draws and rasterises `element` as the window draws a frame: the frame's
    /// redraw event goes through the widgets first (a scrollable reports its viewport then,
    /// so a long list learns how many rows it shows). Answers the messages the widgets
    /// published, for the screen to apply after the frame, as the window does.
    pub fn draw<M>(&mut self, element: Element<'_, M>) -> Vec<M> {
        let mut ui = UserInterface::build(element, SIZE, Cache::default(), &mut self.renderer);
        let mut messages = Vec::new();
        let redraw = Event::Window(window::Event::RedrawRequested(iced::time::Instant::now()));
        let _ = ui.update(
            &[redraw],
            mouse::Cursor::Unavailable,
            &mut self.renderer,
            &mut clipboard::Null,
            &mut messages,
        );
        let base = iced::theme::Base::base(&self.theme);
        ui.draw(
            &mut self.renderer,
            &self.theme,
            &Style {
                text_color: base.text_color,
            },
            mouse::Cursor::Unavailable,
        );
        let pixels = self.renderer.screenshot(
            Size::new(SIZE.width as u32, SIZE.height as u32),
            1.0,
            base.background_color,
        );
        std::hint::black_box(pixels);
        messages
    }
}
