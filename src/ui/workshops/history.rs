//! A person's workshop history, for the member and employee pages.

use iced::Element;
use iced::widget::{Column, row, text};

use crate::domain::calendar::format_date;
use crate::domain::workshops::time_range;
use crate::store::workshops::SessionSummary;
use crate::ui::widgets;

/// A card "Ateliers suivis" listing the sessions a person attended (from
/// [`crate::store::workshops::sessions_attended_by`], newest first), with their count and
/// hours. Generic over the embedding screen's message type.
pub fn history_view<'a, M: 'a>(sessions: &'a [SessionSummary]) -> Element<'a, M> {
    let hours: f64 = sessions
        .iter()
        .map(|s| (s.end - s.start).num_minutes().max(0) as f64 / 60.0)
        .sum();
    let mut body = Column::new().spacing(4);
    if sessions.is_empty() {
        body = body.push(widgets::muted("Aucun atelier suivi pour l'instant."));
    } else {
        body = body.push(widgets::muted(summary_line(sessions.len(), hours)));
    }
    for session in sessions {
        body = body.push(
            row![
                text(format_date(session.date)).size(14).width(95),
                text(format!(
                    "{} — {}",
                    session.type_name, session.workshop_title
                ))
                .size(14)
                .width(iced::Length::Fill),
                text(time_range(session.start, session.end)).size(14),
            ]
            .spacing(8),
        );
    }
    widgets::card("Ateliers suivis", body)
}

/// "3 séances, 7,5 h au total".
pub fn summary_line(count: usize, hours: f64) -> String {
    let hours = crate::domain::numbers::format_number(hours, 1);
    format!(
        "{count} séance{}, {hours} h au total",
        if count > 1 { "s" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::summary_line;

    #[test]
    fn summary() {
        assert_eq!(summary_line(1, 2.0), "1 séance, 2 h au total");
        assert_eq!(summary_line(3, 7.5), "3 séances, 7,5 h au total");
    }
}
