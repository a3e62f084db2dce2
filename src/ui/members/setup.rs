//! The other tabs: basket sizes with their prices and depots; the season calendar with
//! closures and public holidays; funders and their statements.

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, button, checkbox, column, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::member::{buttons, input};
use super::{Choice, Field, Form, Message, Screen, labelled, scroll};
use crate::domain::baskets::{FunderKind, price_on};
use crate::domain::calendar::{format_date, weekday_name};
use crate::domain::distribution::Delivery;
use crate::domain::money::format_euros;
use crate::ui::db::Db;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

/// Sizes with their prices, and depots.
pub fn view(screen: &Screen) -> Element<'_, Message> {
    let error = screen.form_error.as_deref();
    let mut sizes = Column::new().spacing(8);
    for s in &screen.base.sizes {
        let prices: Vec<_> = screen
            .base
            .prices
            .iter()
            .filter(|p| p.size_id == s.id)
            .cloned()
            .collect();
        let history: Vec<String> = prices
            .iter()
            .map(|p| {
                format!(
                    "{} dès le {}",
                    format_euros(p.price),
                    format_date(p.valid_from)
                )
            })
            .collect();
        let now = price_on(&prices, screen.today).map_or("pas de prix".to_owned(), format_euros);
        sizes = sizes.push(
            row![
                text(format!("{} ({})", s.name, s.persons))
                    .size(15)
                    .font(BOLD)
                    .width(180),
                text(now).size(15).width(100),
                widgets::muted(history.join(" · ")).width(Length::Fill),
                widgets::secondary("Nouveau prix…", Some(Message::NewPrice(s.id))),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        );
        if let Form::Price(id, from, amount) = &screen.form
            && *id == s.id
        {
            sizes = sizes.push(
                column![
                    row![
                        input("À partir du", from, Field::PriceFrom),
                        input("Prix d'un panier (€)", amount, Field::PriceAmount),
                    ]
                    .spacing(10),
                    buttons(error)
                ]
                .spacing(8),
            );
        }
    }
    if let Form::Size(name, persons) = &screen.form {
        sizes = sizes.push(
            column![
                row![
                    input("Nom du format", name, Field::SizeName),
                    input("Pour (ex. 2 personnes)", persons, Field::SizePersons),
                ]
                .spacing(10),
                buttons(error)
            ]
            .spacing(8),
        );
    } else {
        sizes = sizes.push(widgets::secondary("Nouveau format", Some(Message::NewSize)));
    }

    let mut depots = Column::new().spacing(6);
    if let Form::Depot(f) = &screen.form {
        depots = depots.push(widgets::card(
            if f.id == 0 {
                "Nouveau dépôt"
            } else {
                "Modifier le dépôt"
            },
            column![
                row![
                    input("Nom", &f.name, Field::DepName),
                    input("Adresse", &f.address, Field::DepAddress),
                    input("Commune", &f.city, Field::DepCity),
                ]
                .spacing(10),
                row![
                    labelled(
                        "Jour de livraison",
                        pick_list(super::forms::WEEKDAYS, f.weekday, Message::WeekdayPicked)
                            .placeholder("Choisir…")
                            .width(150)
                    ),
                    input("De (heure)", &f.slot_start, Field::DepSlotStart),
                    input("À (heure)", &f.slot_end, Field::DepSlotEnd),
                    input("Capacité (paniers)", &f.capacity, Field::DepCapacity),
                ]
                .spacing(10),
                row![
                    input("Contact", &f.contact_name, Field::DepContact),
                    input("Téléphone du contact", &f.contact_phone, Field::DepPhone),
                ]
                .spacing(10),
                checkbox(f.active)
                    .label("Dépôt actif")
                    .on_toggle(Message::DepotActive),
                buttons(error),
            ]
            .spacing(10),
        ));
    }
    for d in &screen.base.depots {
        let slot = if d.slot_start.is_empty() {
            String::new()
        } else {
            format!(" {}–{}", d.slot_start, d.slot_end)
        };
        depots = depots.push(
            row![
                text(d.name.clone()).size(15).font(BOLD).width(200),
                text(format!("{}{slot}", weekday_name(d.weekday)))
                    .size(14)
                    .width(150),
                text(format!("{} {}", d.address, d.city))
                    .size(14)
                    .width(Length::Fill),
                text(format!("{} {}", d.contact_name, d.contact_phone))
                    .size(14)
                    .width(220),
                text(d.capacity.map_or("—".into(), |c| format!("{c} places")))
                    .size(14)
                    .width(90),
                text(if d.active { "actif" } else { "inactif" })
                    .size(14)
                    .color(theme::MUTED)
                    .width(60),
                button(text("Modifier").size(13))
                    .style(button::text)
                    .on_press(Message::EditDepot(d.id)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    depots = depots.push(widgets::secondary("Nouveau dépôt", Some(Message::NewDepot)));
    scroll(
        column![
            widgets::card("Formats de panier et prix", sizes),
            widgets::card("Dépôts", depots)
        ]
        .spacing(14),
    )
}

fn delivery_short(d: &Delivery, baskets: i64) -> String {
    match d {
        Delivery::On(date) => format!(
            "{}. {} · {baskets}",
            &weekday_name(date.weekday())[..3],
            date.day()
        ),
        Delivery::Moved { to, .. } => format!("→ {}/{:02} · {baskets}", to.day(), to.month()),
        Delivery::Closed { .. } => "fermé".into(),
        Delivery::HolidayCancelled { .. } => "annulée (férié)".into(),
    }
}

/// The short name of a depot for a column head: the part before " – ".
fn short_name(name: &str) -> String {
    name.split(" – ").next().unwrap_or(name).to_owned()
}

/// The season: every week, its closure, holidays, and deliveries per depot.
pub fn calendar_view(screen: &Screen) -> Element<'_, Message> {
    let year = screen.calendar_year;
    let error = screen.form_error.as_deref();
    let mut top = row![
        widgets::secondary("← Année précédente", Some(Message::CalendarYear(year - 1))),
        text(format!("Saison {year}")).size(18).font(BOLD),
        widgets::secondary("Année suivante →", Some(Message::CalendarYear(year + 1))),
        iced::widget::Space::new().width(Length::Fill),
    ]
    .spacing(12)
    .align_y(iced::Alignment::Center);
    if !matches!(screen.form, Form::Closure(..)) {
        top = top.push(widgets::action(
            "Fermer une semaine…",
            Some(Message::NewClosure),
        ));
    }
    let mut page = Column::new().spacing(10).push(top);
    if let Form::Closure(day, reason) = &screen.form {
        page = page.push(widgets::card(
            "Semaine de fermeture",
            column![
                row![
                    input("Un jour de la semaine fermée", day, Field::ClosureWeek),
                    input(
                        "Motif (vacances d'été, Noël…)",
                        reason,
                        Field::ClosureReason
                    ),
                ]
                .spacing(10),
                buttons(error)
            ]
            .spacing(8),
        ));
    }
    let mut head = row![text("Semaine").size(13).color(theme::MUTED).width(130),].spacing(8);
    if let Some(first) = screen.calendar.first() {
        for (name, _, _) in &first.depots {
            head = head.push(
                text(short_name(name))
                    .size(13)
                    .color(theme::MUTED)
                    .width(Length::FillPortion(1)),
            );
        }
    }
    head = head.push(text("Paniers").size(13).color(theme::MUTED).width(70));
    page = page.push(head);
    let mut weeks = Column::new().spacing(2).padding(iced::Padding {
        right: 16.0,
        ..iced::Padding::ZERO
    });
    for w in &screen.calendar {
        let mut line = row![
            text(format!("S{}", w.week.week()))
                .size(14)
                .font(BOLD)
                .width(40),
            text(format_date(w.week.monday()))
                .size(13)
                .color(theme::MUTED)
                .width(82),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        if let Some(reason) = &w.closure {
            line = line
                .push(
                    text(format!(
                        "Fermé{}",
                        if reason.is_empty() {
                            String::new()
                        } else {
                            format!(" : {reason}")
                        }
                    ))
                    .size(14)
                    .color(theme::WARNING_TEXT)
                    .width(Length::Fill),
                )
                .push(
                    button(text("Rouvrir").size(13))
                        .style(button::text)
                        .on_press(Message::DeleteClosure(w.week.monday())),
                );
        } else {
            for (_, d, n) in &w.depots {
                let off = !d.is_delivered() || matches!(d, Delivery::Moved { .. });
                line = line.push(
                    text(delivery_short(d, *n))
                        .size(13)
                        .color(if off {
                            theme::WARNING_TEXT
                        } else {
                            iced::Color::BLACK
                        })
                        .width(Length::FillPortion(1)),
                );
            }
            line = line.push(text(w.total.to_string()).size(13).font(BOLD).width(70));
        }
        weeks = weeks.push(line);
        for (date, name) in &w.holidays {
            let moved = screen.holiday_moves.get(date).cloned().unwrap_or_default();
            let affected = w.depots.iter().find_map(|(_, d, _)| match d {
                Delivery::Moved { holiday, to, .. } if holiday == date => {
                    Some(format!("livraison déplacée au {}", format_date(*to)))
                }
                Delivery::HolidayCancelled { holiday, .. } if holiday == date => {
                    Some("livraison annulée".into())
                }
                _ => None,
            });
            let date = *date;
            weeks = weeks.push(
                row![
                    text(format!(
                        "Férié : {name} ({}){}",
                        format_date(date),
                        affected.map_or(String::new(), |a| format!(" — {a}"))
                    ))
                    .size(13)
                    .color(theme::WARNING_TEXT)
                    .width(Length::Fill),
                    text_input("jour de remplacement", &moved)
                        .on_input(move |v| Message::HolidayMoveTyped(date, v))
                        .on_submit(Message::HolidayMove(date))
                        .size(13)
                        .padding(4)
                        .width(150),
                    button(text("Déplacer").size(13))
                        .style(button::text)
                        .on_press(Message::HolidayMove(date)),
                    button(text("Annuler la livraison").size(13))
                        .style(button::text)
                        .on_press(Message::HolidayCancel(date)),
                    button(text("Par défaut").size(13))
                        .style(button::text)
                        .on_press(Message::HolidayDefault(date)),
                ]
                .spacing(6)
                .padding(iced::Padding {
                    left: 138.0,
                    ..iced::Padding::ZERO
                })
                .align_y(iced::Alignment::Center),
            );
        }
    }
    if screen.calendar.is_empty() {
        weeks = weeks.push(widgets::muted("Chargement du calendrier…"));
    }
    page.push(scroll(weeks)).into()
}

/// The funders, and the statement form.
pub fn funders_view(screen: &Screen) -> Element<'_, Message> {
    let error = screen.form_error.as_deref();
    let mut list = Column::new().spacing(6);
    for f in &screen.base.funders {
        list = list.push(
            row![
                text(f.name.clone()).size(15).font(BOLD).width(Length::Fill),
                text(f.kind.label()).size(14).width(160),
                text(if f.active { "actif" } else { "inactif" })
                    .size(14)
                    .color(theme::MUTED),
            ]
            .spacing(8),
        );
    }
    if let Form::Funder(name, kind) = &screen.form {
        list = list.push(
            column![
                row![
                    input("Nom du financeur", name, Field::FunderName),
                    labelled(
                        "Type",
                        pick_list(FunderKind::ALL, *kind, Message::FunderKindPicked).width(180)
                    ),
                ]
                .spacing(10),
                buttons(error)
            ]
            .spacing(8),
        );
    } else {
        list = list.push(widgets::secondary(
            "Nouveau financeur",
            Some(Message::NewFunder),
        ));
    }
    let statement = column![
        widgets::muted(
            "Foyers, paniers livrés (retirés ou laissés au dépôt), leur valeur, ce que les foyers ont payé et ce que doit le financeur."
        ),
        row![
            labelled(
                "Financeur",
                pick_list(screen.funder_choices(), screen.statement_funder.clone(), Message::StatementFunder)
                    .placeholder("Choisir…")
                    .width(260)
            ),
            input("Du", &screen.statement_from, Field::StmtFrom),
            input("Au", &screen.statement_to, Field::StmtTo),
        ]
        .spacing(10),
        widgets::action(
            "Enregistrer le relevé (PDF)…",
            (!screen.busy).then_some(Message::MakeStatement)
        ),
    ]
    .spacing(10);
    scroll(
        column![
            widgets::card("Financeurs des Paniers Solidaires", list),
            widgets::card("Relevé pour un financeur", statement)
        ]
        .spacing(14),
    )
}

/// Builds the statement, asks where to save it, saves it and opens it.
pub async fn save_statement(
    db: Db,
    funder: Choice,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Option<std::path::PathBuf>, String> {
    use crate::report::funder_statement::{StatementDocument, render};
    let data = db
        .call(move |conn| {
            let identity = crate::store::settings::garden_identity(conn)?;
            let statement = crate::store::week::funder_statement(conn, funder.id, from, to)?;
            Ok((identity, statement))
        })
        .await
        .map_err(|e| e.to_string())?;
    let (identity, statement) = data;
    let doc = StatementDocument {
        garden_name: identity.name,
        logo_path: (!identity.logo_path.is_empty()).then(|| identity.logo_path.into()),
        created: chrono::Local::now().naive_local(),
        statement,
    };
    let bytes = render(&doc).map_err(|e| e.to_string())?;
    let name = format!(
        "releve-{}-{}.pdf",
        crate::domain::text::slug(&doc.statement.funder),
        to.format("%Y-%m-%d")
    );
    let Some(file) = rfd::AsyncFileDialog::new()
        .set_title("Enregistrer le relevé")
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .save_file()
        .await
    else {
        return Ok(None);
    };
    let path = file.path().to_path_buf();
    std::fs::write(&path, bytes)
        .map_err(|e| format!("Impossible d'enregistrer {} : {e}", path.display()))?;
    crate::ui::files::open_in_viewer(&path);
    Ok(Some(path))
}
