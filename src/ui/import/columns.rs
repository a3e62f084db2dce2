//! The column-matching table every import screen shows: each title of the file, the field
//! it fills (a pick list) and the value on the first row.

use iced::widget::{column, container, pick_list, row, text};
use iced::{Element, Length};

use crate::domain::import::columns::{ImportField, Mapping};
use crate::domain::import::source::Table;
use crate::ui::theme::BOLD;
use crate::ui::widgets;

/// A choice of the column pick lists: a field, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldChoice<F>(pub Option<F>);

impl<F: ImportField> std::fmt::Display for FieldChoice<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(field) => f.write_str(field.label()),
            None => f.write_str("(ignorée)"),
        }
    }
}

/// "(ignorée)" then every field of `F`.
fn choices<F: ImportField>() -> Vec<FieldChoice<F>> {
    std::iter::once(FieldChoice(None))
        .chain(F::all().iter().map(|f| FieldChoice(Some(*f))))
        .collect()
}

/// The table of the file's columns: title, field pick list (`on_set(column, choice)`),
/// example from the first row.
pub fn columns_table<'a, F, M>(
    table: &'a Table,
    mapping: &Mapping<F>,
    on_set: impl Fn(usize, FieldChoice<F>) -> M + Clone + 'a,
) -> Element<'a, M>
where
    F: ImportField + Eq,
    M: Clone + 'a,
{
    let header = |label: &'static str, portion: u16| {
        text(label)
            .size(14)
            .font(BOLD)
            .width(Length::FillPortion(portion))
    };
    let mut list = column![
        row![
            header("Colonne du fichier", 3),
            header("Champ de Binette", 4),
            header("1re ligne", 3),
        ]
        .spacing(8)
    ]
    .spacing(6);
    let options = choices::<F>();
    for (index, title) in table.headers.iter().enumerate() {
        let current = FieldChoice(mapping.get(index).copied().flatten());
        let example = table
            .rows
            .first()
            .and_then(|r| r.get(index))
            .cloned()
            .unwrap_or_default();
        let on_set = on_set.clone();
        list = list.push(
            row![
                text(title.clone()).size(14).width(Length::FillPortion(3)),
                container(
                    pick_list(options.clone(), Some(current), move |c| on_set(index, c))
                        .text_size(14)
                        .width(Length::Fill)
                )
                .width(Length::FillPortion(4)),
                widgets::muted(example).width(Length::FillPortion(3)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    list.into()
}
