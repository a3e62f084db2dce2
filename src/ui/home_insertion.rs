//! Accueil's warnings owned by the insertion side (kept apart from `home.rs`, which other
//! parts of the program edit too).

use iced::Element;

use super::widgets::{self, Tone};

/// « 2 séances passées aux présences incomplètes » when some past sessions have their
/// attendance filled in for some people only; `None` when there is none.
pub fn partly_filled_banner<'a, M: 'a>(sessions: usize) -> Option<Element<'a, M>> {
    (sessions > 0).then(|| {
        let plural = if sessions > 1 { "s" } else { "" };
        widgets::banner(
            Tone::Warning,
            format!(
                "{sessions} séance{plural} passée{plural} aux présences incomplètes : des \
                 participants sont encore « attendu »."
            ),
        )
    })
}
