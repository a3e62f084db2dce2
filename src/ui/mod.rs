//! The iced user interface: a thin layer over `store` and `report`.

pub mod about;
pub mod employees;
pub mod export;
pub mod files;
pub mod first_frame;
pub mod first_steps;
pub mod harvests;
pub mod help;
pub mod home;
pub mod home_debts;
mod home_insertion;
mod home_lists;
pub mod home_pickups;
mod home_privacy;
pub mod import;
pub mod members;
pub mod payments;
pub mod privacy;
pub mod refusal;
pub mod reports;
pub mod rows;
pub mod screen;
pub mod section;
pub mod settings;
pub mod shell;
pub mod theme;
pub mod week;
pub mod welcome;
pub mod widgets;
pub mod workshops;

pub use shell::{App, Launch, Message};

use iced::{Element, Subscription, Task};

/// Opens the Binette window and runs until it is closed.
pub fn run(launch: Launch) -> iced::Result {
    let boot = move || {
        let (app, task) = App::new(launch.clone());
        (app, Task::batch([task, fit_to_screen()]))
    };
    iced::application(boot, App::update, view)
        .title(App::title)
        .theme(App::theme)
        .subscription(|app| Subscription::batch([app.subscription(), first_frame::subscription()]))
        .font(theme::FONT_REGULAR)
        .font(theme::FONT_BOLD)
        .default_font(theme::FONT)
        .window(iced::window::Settings {
            size: WINDOW,
            position: iced::window::Position::Centered,
            min_size: Some(iced::Size::new(800.0, 540.0)),
            icon: window_icon(),
            platform_specific: platform_settings(),
            ..iced::window::Settings::default()
        })
        .run()
}

/// The window's content (noted for the benchmark's first-frame hook).
fn view(app: &App) -> Element<'_, Message> {
    first_frame::viewed(app);
    app.view()
}

/// The window's size when the screen is large enough.
const WINDOW: iced::Size = iced::Size::new(1280.0, 720.0);
/// Height kept free for a taskbar and the window's title bar.
const SCREEN_MARGIN: f32 = 80.0;

/// Shrinks the window to fit a smaller screen (a 1366×768 laptop with its taskbar, a
/// 1024×700 netbook) and puts it back on the screen.
fn fit_to_screen() -> Task<Message> {
    iced::window::oldest().then(|id| {
        let Some(id) = id else {
            return Task::none();
        };
        iced::window::monitor_size(id).then(move |screen| match screen {
            Some(screen)
                if screen.width < WINDOW.width || screen.height - SCREEN_MARGIN < WINDOW.height =>
            {
                let fitted = iced::Size::new(
                    WINDOW.width.min(screen.width),
                    WINDOW.height.min(screen.height - SCREEN_MARGIN),
                );
                let top_left = iced::Point::new(
                    ((screen.width - fitted.width) / 2.0).max(0.0),
                    ((screen.height - SCREEN_MARGIN - fitted.height) / 2.0).max(0.0),
                );
                Task::batch([
                    iced::window::resize(id, fitted),
                    iced::window::move_to(id, top_left),
                ])
            }
            _ => Task::none(),
        })
    })
}

/// The window id matches the `.desktop` file's `StartupWMClass`.
fn platform_settings() -> iced::window::settings::PlatformSpecific {
    #[cfg(target_os = "linux")]
    {
        iced::window::settings::PlatformSpecific {
            application_id: "binette".into(),
            ..Default::default()
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        iced::window::settings::PlatformSpecific::default()
    }
}

/// The window icon, decoded from the bundled PNG (`None` if it cannot be, which only costs the icon).
fn window_icon() -> Option<iced::window::Icon> {
    let bytes = include_bytes!("../../assets/icons/binette-64.png");
    let decoded = image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    let (width, height) = decoded.dimensions();
    iced::window::icon::from_rgba(decoded.into_raw(), width, height).ok()
}
