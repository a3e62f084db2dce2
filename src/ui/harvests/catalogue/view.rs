//! The catalogue tabs: the crop or plot list with its search box, and the forms.

use iced::widget::{
    Column, button, checkbox, column, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::{Catalogue, Message, OTHER_UNITS, Parent};
use crate::domain::harvest_query::{format_number, normalise};
use crate::domain::harvests::{Crop, Destination, Plot, PlotKind};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

impl Catalogue {
    /// The crops tab (`crops_tab`) or the plots tab.
    pub fn view<'a>(
        &'a self,
        crops_tab: bool,
        crops: &'a [Crop],
        plots: &'a [Plot],
    ) -> Element<'a, Message> {
        let list = if crops_tab {
            crop_list(crops, &self.search)
        } else {
            plot_list(plots, &self.search)
        };
        let left = column![
            text_input(
                if crops_tab {
                    "Rechercher une culture"
                } else {
                    "Rechercher une parcelle"
                },
                &self.search
            )
            .on_input(Message::Search)
            .padding(7)
            .size(14),
            widgets::muted("Cliquez sur un nom pour le modifier."),
            scrollable(list).height(Length::Fill),
        ]
        .spacing(8)
        .width(Length::FillPortion(3));
        let form = if crops_tab {
            self.crop_form()
        } else {
            self.plot_form()
        };
        row![left, column![form].width(Length::FillPortion(2))]
            .spacing(16)
            .height(Length::Fill)
            .into()
    }

    fn messages(&self) -> Column<'_, Message> {
        let mut col = Column::new().spacing(6);
        if let Some(error) = &self.error {
            col = col.push(text(error.as_str()).size(14).color(theme::ERROR_TEXT));
        }
        if let Some(notice) = &self.notice {
            col = col.push(text(notice.as_str()).size(14).color(theme::GREEN));
        }
        col
    }

    fn crop_form(&self) -> Element<'_, Message> {
        let title = if self.crop_id == 0 {
            "Nouvelle culture"
        } else {
            "Modifier la culture"
        };
        let mut units = Column::new().spacing(6).push(
            text("Unités (le kg est toujours possible)")
                .size(14)
                .font(BOLD),
        );
        for (i, unit) in OTHER_UNITS.iter().enumerate() {
            let (used, kg) = &self.units[i];
            units = units.push(
                row![
                    checkbox(*used)
                        .label(unit.label())
                        .on_toggle(move |b| Message::UnitUsed(i, b))
                        .width(Length::Fixed(100.0)),
                    text_input("poids en kg", kg)
                        .on_input(move |v| Message::UnitKg(i, v))
                        .on_submit(Message::SaveCrop)
                        .padding(6)
                        .size(14),
                    text("kg").size(14),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        let mut buttons = row![widgets::action("Enregistrer", Some(Message::SaveCrop))].spacing(8);
        if self.crop_id != 0 {
            buttons = buttons
                .push(widgets::secondary("Nouvelle", Some(Message::NewCrop)))
                .push(widgets::secondary(
                    "Supprimer",
                    Some(Message::DeleteCrop(self.crop_id)),
                ));
        }
        widgets::card(
            title,
            column![
                widgets::field("Nom", &self.crop_name, Message::CropName, Message::SaveCrop),
                widgets::field(
                    "Famille",
                    &self.crop_family,
                    Message::CropFamily,
                    Message::SaveCrop
                ),
                text("Destination habituelle").size(14).color(theme::MUTED),
                pick_list(
                    Destination::ALL,
                    Some(self.crop_destination),
                    Message::CropDestination
                )
                .text_size(14),
                units,
                self.messages(),
                buttons,
            ]
            .spacing(8),
        )
    }

    fn plot_form(&self) -> Element<'_, Message> {
        let title = if self.plot_id == 0 {
            "Nouvelle parcelle"
        } else {
            "Modifier la parcelle"
        };
        let parent = self
            .parents
            .iter()
            .find(|p| p.id == self.plot_parent)
            .cloned();
        let parents: Vec<Parent> = self
            .parents
            .iter()
            .filter(|p| self.plot_id == 0 || p.id != Some(self.plot_id))
            .cloned()
            .collect();
        let mut buttons = row![widgets::action("Enregistrer", Some(Message::SavePlot))].spacing(8);
        if self.plot_id != 0 {
            buttons = buttons.push(widgets::secondary("Nouvelle", Some(Message::NewPlot)));
        }
        widgets::card(
            title,
            column![
                widgets::field("Nom", &self.plot_name, Message::PlotName, Message::SavePlot),
                text("Type").size(14).color(theme::MUTED),
                pick_list(PlotKind::ALL, Some(self.plot_kind), Message::PlotKindChosen)
                    .text_size(14),
                widgets::field(
                    "Surface (m²)",
                    &self.plot_area,
                    Message::PlotArea,
                    Message::SavePlot
                ),
                text("Fait partie de").size(14).color(theme::MUTED),
                pick_list(parents, parent, Message::PlotParent).text_size(14),
                self.messages(),
                buttons,
            ]
            .spacing(8),
        )
    }
}

/// The crops matching `search`, each a button opening its form.
fn crop_list<'a>(crops: &'a [Crop], search: &str) -> Element<'a, Message> {
    let search = normalise(search);
    let mut list = Column::new().spacing(4);
    for crop in crops
        .iter()
        .filter(|c| normalise(&c.name).contains(&search) || normalise(&c.family).contains(&search))
    {
        let units: Vec<String> = crop
            .units
            .iter()
            .map(|u| match u.kg_per_unit {
                Some(kg) => format!("{} = {} kg", u.unit.label(), format_number(kg, 3)),
                None => format!("{} (poids ?)", u.unit.label()),
            })
            .collect();
        list = list.push(
            row![
                button(text(crop.name.as_str()).size(14))
                    .style(button::text)
                    .on_press(Message::EditCrop(crop.id))
                    .width(Length::FillPortion(3)),
                text(crop.family.as_str())
                    .size(14)
                    .width(Length::FillPortion(3)),
                text(if units.is_empty() {
                    "kg".to_owned()
                } else {
                    format!("kg, {}", units.join(", "))
                })
                .size(14)
                .width(Length::FillPortion(5)),
                text(crop.default_destination.label())
                    .size(14)
                    .width(Length::FillPortion(2)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    list.into()
}

/// The plots matching `search`, each a button opening its form.
fn plot_list<'a>(plots: &'a [Plot], search: &str) -> Element<'a, Message> {
    let search = normalise(search);
    let mut list = Column::new().spacing(4);
    for plot in plots
        .iter()
        .filter(|p| normalise(&p.name).contains(&search))
    {
        let parent = plot
            .parent_id
            .and_then(|id| plots.iter().find(|p| p.id == id))
            .map(|p| format!("dans {}", p.name))
            .unwrap_or_default();
        list = list.push(
            row![
                button(text(plot.name.as_str()).size(14))
                    .style(button::text)
                    .on_press(Message::EditPlot(plot.id))
                    .width(Length::FillPortion(3)),
                text(plot.kind.label())
                    .size(14)
                    .width(Length::FillPortion(2)),
                text(
                    plot.area_m2
                        .map(|a| format!("{} m²", format_number(a, 1)))
                        .unwrap_or_default()
                )
                .size(14)
                .width(Length::FillPortion(2)),
                text(parent).size(14).width(Length::FillPortion(3)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    list.into()
}
