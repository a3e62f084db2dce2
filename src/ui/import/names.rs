//! Unknown names (depots, sizes, crops, plots…) in the options of an import screen: a pick
//! list to create them, refuse their rows or say which existing one they are.

use iced::widget::{container, pick_list, row, text};
use iced::{Element, Length};

use crate::domain::import::names::{NameChoice, Named};

/// A choice for an unknown name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameOption {
    /// What the import does with it.
    pub choice: NameChoice,
    /// How the pick list shows it.
    pub label: String,
}

impl std::fmt::Display for NameOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// The pick-list options for an unknown name: create it, refuse its rows, or one of `known`.
fn name_options(name: &str, known: &[Named]) -> Vec<NameOption> {
    let mut options = vec![
        NameOption {
            choice: NameChoice::Create,
            label: format!("Créer « {name} »"),
        },
        NameOption {
            choice: NameChoice::Reject,
            label: "Refuser ces lignes".into(),
        },
    ];
    options.extend(known.iter().map(|n| NameOption {
        choice: NameChoice::Use(n.id),
        label: format!("C'est « {} »", n.name),
    }));
    options
}

/// One line of the options: "{what} « name »" and its pick list (create, refuse, or one of
/// `known`; `chosen` defaults to create).
pub fn unknown_row<'a, M: Clone + 'a>(
    what: &str,
    name: &'a str,
    known: &[Named],
    chosen: Option<NameChoice>,
    on_select: impl Fn(String, NameOption) -> M + 'a,
) -> Element<'a, M> {
    let options = name_options(name, known);
    let chosen = chosen.unwrap_or(NameChoice::Create);
    let selected = options.iter().find(|o| o.choice == chosen).cloned();
    let owned = name.to_owned();
    row![
        text(format!("{what} « {name} »"))
            .size(15)
            .width(Length::FillPortion(2)),
        container(
            pick_list(options, selected, move |o| on_select(owned.clone(), o))
                .text_size(14)
                .width(Length::Fill)
        )
        .width(Length::FillPortion(3)),
    ]
    .spacing(12)
    .align_y(iced::Alignment::Center)
    .into()
}
