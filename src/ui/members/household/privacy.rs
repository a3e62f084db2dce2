//! The household's « Protection des données » card: its data on request (PDF and JSON into a
//! folder, `ui::privacy`) and « Anonymiser le foyer… », which asks first — saying where the
//! household's retention stands, what is erased and what is kept — then anonymises it after a
//! backup (`app::privacy::anonymise_member`) and reads the page again.

use iced::widget::{column, row, text};
use iced::{Element, Task};

use super::{Event, Household, Message};
use crate::app::privacy::anonymise::{BACKUP, ERASED, KEPT};
use crate::app::privacy::retention::{Standing, standing};
use crate::app::{self, members, privacy};
use crate::domain::privacy::{MEMBER_LABEL, Person};
use crate::store::privacy_access;
use crate::ui::screen::Context;
use crate::ui::widgets::{self, Tone};

/// Messages of the card.
#[derive(Debug, Clone)]
pub enum PrivacyMessage {
    /// « Exporter ses données (RGPD) » and its folder dialog.
    Export(crate::ui::privacy::Message),
    /// « Anonymiser le foyer… »: where its retention stands first.
    Ask,
    /// Where the retention stands.
    Standing(app::Result<Standing>),
    /// « Annuler ».
    Cancel,
    /// « Oui, anonymiser ».
    Confirm,
}

/// Why a household still there must be kept.
pub const CURRENT_HOUSEHOLD: &str = "ce foyer est encore adhérent (abonnement en cours, ou statut actif ou en \
    attente). Terminez d'abord son abonnement et passez-le « parti ».";

impl Household {
    /// Handles a message of the card.
    pub(super) fn privacy(
        &mut self,
        message: PrivacyMessage,
        context: &Context,
    ) -> (Task<Message>, Option<Event>) {
        let id = self.member_id();
        match message {
            PrivacyMessage::Export(m) => {
                let person = privacy_access::Person::Member(id);
                let (task, notice) = crate::ui::privacy::update(m, person, context);
                let task = task.map(|m| Message::Privacy(PrivacyMessage::Export(m)));
                return (task, notice.map(notice_event));
            }
            PrivacyMessage::Ask => {
                let today = context.today;
                let task = context.perform(
                    move |g| standing(g, &Person::Member(id), today),
                    |r| Message::Privacy(PrivacyMessage::Standing(r)),
                );
                return (task, Some(Event::Cleared));
            }
            PrivacyMessage::Standing(Ok(standing)) => self.anonymising = Some(standing),
            PrivacyMessage::Standing(Err(error)) => {
                return (Task::none(), Some(Event::Failed(error)));
            }
            PrivacyMessage::Cancel => self.anonymising = None,
            PrivacyMessage::Confirm => {
                self.anonymising = None;
                let today = context.today;
                let notice = format!(
                    "Foyer anonymisé : il devient « Foyer anonymisé n° {id} » ; ses paniers et \
                     ses paiements restent dans les bilans. Une sauvegarde a été faite juste avant."
                );
                let job = move |g: &app::Garden| {
                    privacy::anonymise_member(g, id, today)?;
                    Ok(members::Saved::default())
                };
                return (self.run(context, &notice, job), None);
            }
        }
        (Task::none(), None)
    }

    /// The card: the two buttons, or the question while asked.
    pub(super) fn privacy_card(&self) -> Element<'_, Message> {
        let anonymised = self
            .page
            .as_ref()
            .is_some_and(|p| p.member.last_name.starts_with(MEMBER_LABEL));
        let body: Element<'_, Message> = match &self.anonymising {
            Some(standing) => {
                let (tone, warning) =
                    crate::ui::privacy::anonymise_warning(standing, CURRENT_HOUSEHOLD);
                let refused = matches!(standing, Standing::Current);
                column![
                    widgets::banner(tone, format!("{warning}{BACKUP}")),
                    text(ERASED).size(14),
                    text(KEPT).size(14),
                    row![
                        widgets::action(
                            "Oui, anonymiser",
                            (!refused).then_some(Message::Privacy(PrivacyMessage::Confirm)),
                        ),
                        widgets::secondary(
                            "Annuler",
                            Some(Message::Privacy(PrivacyMessage::Cancel))
                        ),
                    ]
                    .spacing(10),
                ]
                .spacing(8)
                .into()
            }
            None => row![
                crate::ui::privacy::button(true)
                    .map(|m| Message::Privacy(PrivacyMessage::Export(m))),
                widgets::secondary(
                    "Anonymiser le foyer…",
                    (!anonymised && !self.busy).then_some(Message::Privacy(PrivacyMessage::Ask)),
                ),
            ]
            .spacing(10)
            .into(),
        };
        widgets::card("Protection des données", body)
    }
}

/// The export's notice as the page's event: said on success, a warning or an error else.
fn notice_event((tone, notice): (Tone, String)) -> Event {
    match tone {
        Tone::Success => Event::Saved {
            notice,
            warning: None,
        },
        _ => Event::Saved {
            notice: String::new(),
            warning: Some(notice),
        },
    }
}
