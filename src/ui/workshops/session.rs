//! The right pane for a session: what, when, where; registering people; ticking attendance.

use iced::widget::{Column, button, column, row, text, text_input};
use iced::{Element, Length};

use super::{Message, Screen};
use crate::domain::calendar::long_date;
use crate::domain::workshops::{
    AttendanceStatus, over_capacity_warning, places_text, search_matches, time_range,
};
use crate::store::workshops::{PersonChoice, SessionDetail};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// Id of the type-ahead box to register someone.
pub const PERSON_ID: &str = "workshop-person";
/// How many suggestions the type-ahead shows.
pub const SUGGESTIONS: usize = 6;

/// The people matching what was typed, not yet registered for the session.
pub fn suggestions<'a>(
    people: &'a [PersonChoice],
    detail: &SessionDetail,
    query: &str,
) -> Vec<&'a PersonChoice> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    people
        .iter()
        .filter(|p| search_matches(&p.name, query))
        .filter(|p| {
            !detail
                .registrations
                .iter()
                .any(|r| r.attendance.participant == p.participant)
        })
        .take(SUGGESTIONS)
        .collect()
}

/// The label of a suggestion: "DUPONT Marie (adhérent·e)".
pub fn suggestion_label(person: &PersonChoice) -> String {
    format!("{} ({})", person.name, person.kind.to_lowercase())
}

/// The label of the button registering an outside person.
pub fn outside_label(name: &str) -> String {
    format!("Inscrire « {} » (personne extérieure)", name.trim())
}

fn status_button(
    label: &str,
    current: AttendanceStatus,
    attendance_id: i64,
    status: AttendanceStatus,
) -> Element<'_, Message> {
    let current = current == status;
    button(text(label).size(13))
        .padding([4, 8])
        .style(if current {
            button::primary
        } else {
            button::secondary
        })
        .on_press(Message::SetStatus(attendance_id, status))
        .into()
}

/// The pane.
pub fn view<'a>(screen: &'a Screen, detail: &'a SessionDetail) -> Element<'a, Message> {
    let workshop = &detail.workshop;
    let mut facts = vec![format!(
        "{} · {} · {}",
        detail.type_name,
        long_date(detail.session.date),
        time_range(detail.session.start, detail.session.end)
    )];
    if !workshop.place.is_empty() {
        facts.push(format!("Lieu : {}", workshop.place));
    }
    if !detail.animator_names.is_empty() {
        facts.push(format!("Animation : {}", detail.animator_names.join(", ")));
    }
    if !workshop.audience.is_empty() {
        facts.push(format!("Public : {}", workshop.audience));
    }
    let registered = detail.registrations.len() as i64;
    let mut head = column![
        text(workshop.title.as_str()).size(22).font(BOLD),
        text(facts.join("\n")).size(15).color(theme::MUTED),
        row![
            widgets::action(
                "Feuille d'émargement (PDF)",
                (!screen.busy).then_some(Message::PrintSheet)
            ),
            widgets::secondary("Modifier l'atelier", Some(Message::EditWorkshop)),
        ]
        .spacing(10),
    ]
    .spacing(8);
    if let Some(warning) = over_capacity_warning(registered, workshop.capacity) {
        head = head.push(widgets::banner(Tone::Warning, warning));
    }
    column![
        head,
        widgets::card("Inscrire quelqu'un", register(screen, detail)),
        widgets::card("Présences", attendance(detail)),
    ]
    .spacing(14)
    .into()
}

/// The type-ahead registering someone, with its suggestions.
fn register<'a>(screen: &'a Screen, detail: &'a SessionDetail) -> Element<'a, Message> {
    let mut register = column![
        text_input(
            "Tapez un nom : adhérent·e, salarié·e ou personne extérieure",
            &screen.person_query
        )
        .id(PERSON_ID)
        .on_input(Message::PersonQuery)
        .on_submit(Message::RegisterFirst)
        .padding(7)
        .size(15),
    ]
    .spacing(4);
    for person in suggestions(&screen.people, detail, &screen.person_query) {
        register = register.push(
            button(text(suggestion_label(person)).size(14))
                .style(button::text)
                .padding([3, 6])
                .on_press(Message::Register(person.participant.clone())),
        );
    }
    if !screen.person_query.trim().is_empty() {
        register = register.push(
            button(text(outside_label(&screen.person_query)).size(14))
                .style(button::text)
                .padding([3, 6])
                .on_press(Message::RegisterOutside),
        );
    }

    register.into()
}

/// Who is registered, each with the status buttons.
fn attendance(detail: &SessionDetail) -> Element<'_, Message> {
    let registered = detail.registrations.len() as i64;
    let capacity = detail.workshop.capacity;
    let mut people = Column::new().spacing(6);
    if detail.registrations.is_empty() {
        people = people.push(widgets::muted(
            "Personne n'est inscrit : tapez un nom ci-dessus.",
        ));
    }
    for registration in &detail.registrations {
        let id = registration.attendance.id;
        let status = registration.attendance.status;
        people = people.push(
            row![
                column![
                    text(registration.name.as_str()).size(15),
                    text(registration.kind).size(12).color(theme::MUTED),
                ]
                .width(Length::Fixed(200.0)),
                status_button("Attendu", status, id, AttendanceStatus::Expected),
                status_button("Présent", status, id, AttendanceStatus::Present),
                status_button("Absent", status, id, AttendanceStatus::Absent),
                status_button("Excusé", status, id, AttendanceStatus::Excused),
                button(text("Retirer").size(13))
                    .style(button::text)
                    .on_press(Message::Unregister(id)),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center)
            // On a narrow window the buttons go under the name instead of squeezing it.
            .wrap()
            .vertical_spacing(4),
        );
    }
    let mark_all = row![
        text(places_text(registered, capacity))
            .size(15)
            .width(Length::Fill),
        widgets::secondary(
            "Tous présents",
            (!detail.registrations.is_empty())
                .then_some(Message::MarkAll(AttendanceStatus::Present))
        ),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);

    column![mark_all, people].spacing(10).into()
}
