//! The iced user interface: a thin layer over `store` and `report`.

pub mod about;
pub mod app;
pub mod db;
pub mod employees;
pub mod export;
pub mod files;
pub mod harvests;
pub mod home;
mod home_insertion;
pub mod home_pickups;
pub mod import;
pub mod members;
pub mod refusal;
pub mod reports;
pub mod section;
pub mod settings;
pub mod theme;
pub mod week;
pub mod welcome;
pub mod widgets;
pub mod workshops;

pub use app::{App, Launch, Message};

/// Opens the Binette window and runs until it is closed.
pub fn run(launch: Launch) -> iced::Result {
    iced::application(move || App::new(launch.clone()), App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .font(theme::FONT_REGULAR)
        .font(theme::FONT_BOLD)
        .default_font(theme::FONT)
        .window(iced::window::Settings {
            size: iced::Size::new(1280.0, 760.0),
            min_size: Some(iced::Size::new(900.0, 600.0)),
            icon: window_icon(),
            platform_specific: platform_settings(),
            ..iced::window::Settings::default()
        })
        .run()
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
