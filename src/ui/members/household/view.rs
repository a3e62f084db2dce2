//! What a household's page shows: the household, memberships, subscriptions (with Paniers
//! Solidaires and the household they are shared with), absences and the baskets of the
//! coming weeks, with the form open on it.

use chrono::{Datelike, NaiveDate};
use iced::widget::{Column, column, row, text};
use iced::{Element, Length};

use super::forms::{absence_form, member_form, membership_form};
use super::subscription::solidarity_form;
use super::{Form, Household, Message, Opening};
use crate::app::members::{Base, Page};
use crate::domain::baskets::{
    AbsenceMode, Frequency, Membership, ShareKind, Solidarity, Subscription,
};
use crate::domain::calendar::{IsoWeek, format_date, fortnight_label, long_date};
use crate::domain::money::{Cents, format_euros};
use crate::store::week::ComingBasket;
use crate::ui::members::kit::{Fields, link, scroll};
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

impl Household {
    /// The page of the household shown, or the form of a new household.
    pub fn view<'a>(&'a self, base: &'a Base, today: NaiveDate) -> Element<'a, Message> {
        let Some(page) = &self.page else {
            return match &self.form {
                Form::Member(f) => scroll(widgets::card(
                    "Nouvel adhérent",
                    member_form(f, self.error.as_ref()).map(Message::Member),
                )),
                _ => scroll(Column::new()),
            };
        };
        let m = &page.member;
        let mut title = crate::domain::text::list_name(&m.first_name, &m.last_name);
        if !m.co_member.is_empty() {
            title.push_str(&format!(" et {}", m.co_member));
        }
        let mut body = Column::new().spacing(14).padding(iced::Padding {
            right: 16.0,
            ..iced::Padding::ZERO
        });
        body = body.push(
            row![
                widgets::secondary("← Liste des adhérents", Some(Message::BackToList)),
                text(title).size(20).font(BOLD).width(Length::Fill),
                text(m.status.label()).size(15).color(theme::MUTED),
            ]
            .spacing(14)
            .align_y(iced::Alignment::Center),
        );
        body = body.push(self.tabs());
        if self.show_account {
            return scroll(body.push(self.account.view().map(Message::Account)));
        }
        if let Some((heading, form)) = self.form_view(page, base, today) {
            body = body.push(widgets::card(heading, form));
        }
        let left = column![
            widgets::card("Coordonnées", household(page)),
            widgets::card("Cotisations", self.memberships(page, today)),
            widgets::card("Absences", absences(page)),
        ]
        .spacing(12)
        .width(Length::FillPortion(5));
        let right = column![
            widgets::card("Abonnements", subscriptions(page, base, today)),
            widgets::card("Paniers des prochaines semaines", coming(page, base)),
            crate::ui::workshops::history_view(&page.workshops),
            self.privacy_card(),
        ]
        .spacing(12)
        .width(Length::FillPortion(6));
        scroll(body.push(row![left, right].spacing(14)))
    }

    /// « Fiche » and « Compte », the one shown highlighted.
    fn tabs(&self) -> Element<'_, Message> {
        let tab = |label: &'static str, account: bool| {
            let style = if self.show_account == account {
                iced::widget::button::primary
            } else {
                iced::widget::button::secondary
            };
            iced::widget::button(text(label).size(15))
                .padding([6, 14])
                .style(style)
                .on_press(Message::ShowAccount(account))
        };
        row![tab("Fiche", false), tab("Compte", true)]
            .spacing(6)
            .into()
    }

    /// The heading and the form open on the page, if any.
    fn form_view<'a>(
        &'a self,
        page: &'a Page,
        base: &'a Base,
        today: NaiveDate,
    ) -> Option<(String, Element<'a, Message>)> {
        let error = self.error.as_ref();
        let new_or = |id: i64, new: &str, edit: &str| if id == 0 { new } else { edit }.to_owned();
        Some(match &self.form {
            Form::Member(f) => (
                "Modifier la fiche".into(),
                member_form(f, error).map(Message::Member),
            ),
            Form::Membership(f) => (
                new_or(f.id, "Nouvelle cotisation", "Modifier la cotisation"),
                membership_form(f, error).map(Message::Membership),
            ),
            Form::Subscription(f) => (
                if f.draft.changing.is_some() {
                    "Changer de dépôt, de format, de fréquence ou de partage".into()
                } else {
                    "Nouvel abonnement".into()
                },
                f.view(base, today, error).map(Message::Subscription),
            ),
            Form::Absence(f) => (
                new_or(f.id, "Nouvelle absence", "Modifier l'absence"),
                absence_form(f, error).map(Message::Absence),
            ),
            Form::Solidarity(f) => {
                let sub = page
                    .subscriptions
                    .iter()
                    .find(|(s, _)| s.id == f.subscription_id);
                let title = sub
                    .map(|(s, _)| subscription_title(base, s))
                    .unwrap_or_default();
                let price = sub.and_then(|(s, _)| price_of(base, s, today));
                (
                    format!("Paniers Solidaires — {title}"),
                    solidarity_form(f, base, price, today, error).map(Message::Solidarity),
                )
            }
            Form::EndSolidarity(_, end) => (
                "Fin des conditions Paniers Solidaires".to_string(),
                self.end_solidarity_form(end),
            ),
            Form::None | Form::DeleteMembership(_) => return None,
        })
    }

    /// The end of a household's Paniers Solidaires terms: the last day they apply.
    fn end_solidarity_form<'a>(&'a self, end: &'a str) -> Element<'a, Message> {
        let fields = Fields::new(self.error.as_ref());
        column![
            widgets::muted(
                "Les paniers livrés jusqu'à ce jour restent des Paniers Solidaires sur les relevés ; \
                 les suivants sont au prix normal.",
            ),
            fields.input(
                "Dernier jour",
                "members-solidarity-end",
                end,
                Message::EndTyped,
                Message::Confirm,
                Some(130.0)
            ),
            fields.buttons("Terminer les conditions", Message::Confirm, Message::Cancel),
        ]
        .spacing(10)
        .into()
    }

    fn memberships<'a>(&'a self, page: &'a Page, today: NaiveDate) -> Column<'a, Message> {
        let mut ms = Column::new().spacing(2);
        for x in &page.memberships {
            if matches!(self.form, Form::DeleteMembership(id) if id == x.id) {
                let fields = Fields::new(self.error.as_ref());
                let question = format!(
                    "Supprimer la cotisation {} ({}) ?",
                    x.year,
                    format_euros(x.amount)
                );
                ms = ms.push(
                    column![
                        text(question).size(15).font(BOLD),
                        fields.buttons("Supprimer", Message::Confirm, Message::Cancel),
                    ]
                    .spacing(6),
                );
                continue;
            }
            ms = ms.push(
                row![
                    text(membership_line(x)).size(15).width(Length::Fill),
                    link("Modifier", Message::Open(Opening::EditMembership(x.id))),
                    link("Supprimer", Message::Open(Opening::DeleteMembership(x.id))),
                ]
                .align_y(iced::Alignment::Center),
            );
        }
        if !page.memberships.iter().any(|x| x.year == today.year()) {
            ms = ms.push(
                text(format!("{} : à payer", today.year()))
                    .size(15)
                    .color(theme::WARNING_TEXT),
            );
        }
        ms.push(widgets::secondary(
            "Enregistrer une cotisation",
            Some(Message::Open(Opening::NewMembership)),
        ))
    }
}

/// The price of one basket of `sub` today, or on its first day when it starts later.
fn price_of(base: &Base, sub: &Subscription, today: NaiveDate) -> Option<Cents> {
    let prices: Vec<_> = (base.prices.iter())
        .filter(|p| p.size_id == sub.size_id)
        .cloned()
        .collect();
    crate::domain::baskets::price_on(&prices, today.max(sub.start))
}

/// One coming week of a member as a sentence: "vendredi 20 mars 2026 à Mairie : 1 panier
/// Petit", "… : absent, panier non préparé", "Mairie : Pas de livraison : …".
pub fn coming_sentence(c: &ComingBasket, depot: &str, size: &str) -> String {
    let Some(date) = c.delivery.date() else {
        return format!("{depot} : {}", c.delivery.describe());
    };
    let Some(line) = &c.line else {
        return format!("{} à {depot} : pas de panier", long_date(date));
    };
    let head = format!("{} à {depot} : ", long_date(date));
    let baskets = c.baskets_for_member();
    let mut s = match line.absent {
        Some(AbsenceMode::Skipped) => format!("{head}absent, panier non préparé"),
        Some(AbsenceMode::Donated) => format!("{head}absent, panier donné"),
        Some(AbsenceMode::MadeUp) => format!("{head}absent, panier reporté"),
        None => format!(
            "{head}{baskets} panier{} {size}",
            if baskets > 1 { "s" } else { "" }
        ),
    };
    if line.make_up > 0 {
        if line.absent.is_some() {
            s.push_str(&format!(" ; {} rattrapé(s)", line.make_up));
        } else {
            s.push_str(&format!(" dont {} rattrapé(s)", line.make_up));
        }
    }
    s
}

fn solidarity_summary(base: &Base, s: &Solidarity, today: NaiveDate) -> String {
    let share = match s.share_kind {
        ShareKind::Amount => format!("{} par panier", format_euros(s.share_value)),
        ShareKind::Percent => format!("{} % du prix", s.share_value),
    };
    let funders: Vec<String> = (s.funding.iter())
        .map(|f| format!("{} {} %", base.funder_name(f.funder_id), f.share_percent))
        .collect();
    let (start, end) = (format_date(s.start), s.end.map(format_date));
    let mut text = match s.end {
        Some(e) if e < today => format!(
            "Panier Solidaire du {start} au {} (terminé) : foyer {share}",
            end.unwrap_or_default()
        ),
        Some(_) => format!(
            "Panier Solidaire du {start} au {} : foyer {share}",
            end.unwrap_or_default()
        ),
        None => format!("Panier Solidaire depuis le {start} : foyer {share}"),
    };
    if !funders.is_empty() {
        text.push_str(&format!(" · {}", funders.join(", ")));
    }
    if s.unfunded_percent() > 0 {
        text.push_str(&format!(
            " · reste non financé : {} %",
            s.unfunded_percent()
        ));
    }
    if let Some(review) = s.review_on {
        text.push_str(&format!(" · révision le {}", format_date(review)));
    }
    text
}

/// "1 × Petit à Mairie".
fn subscription_title(base: &Base, s: &Subscription) -> String {
    format!(
        "{} × {} à {}",
        s.quantity,
        base.size_name(s.size_id),
        base.depot_name(s.depot_id)
    )
}

fn household(page: &Page) -> Column<'_, Message> {
    let m = &page.member;
    let mut info = Column::new().spacing(4);
    let address = format!("{} {} {}", m.address, m.postcode, m.city);
    for line in [
        address.trim(),
        m.phone.as_str(),
        m.phone2.as_str(),
        m.email.as_str(),
    ] {
        if !line.is_empty() {
            info = info.push(text(line.to_owned()).size(15));
        }
    }
    if !m.notes.is_empty() {
        info = info.push(widgets::muted(format!("Notes : {}", m.notes)));
    }
    info.push(widgets::secondary(
        "Modifier la fiche",
        Some(Message::Open(Opening::EditMember)),
    ))
}

fn membership_line(x: &Membership) -> String {
    format!(
        "{} : {} le {} ({})",
        x.year,
        format_euros(x.amount),
        format_date(x.paid_on),
        x.method.label()
    )
}

fn absences(page: &Page) -> Column<'_, Message> {
    let mut abs = Column::new().spacing(2);
    for a in &page.absences {
        let mut label = format!(
            "{} – {} : {}",
            format_date(a.start),
            format_date(a.end),
            a.mode.label().to_lowercase()
        );
        if let Some(w) = a.makeup_monday {
            label.push_str(&format!(" (semaine {})", IsoWeek::of(w).week()));
        }
        abs = abs.push(
            row![
                text(label).size(14).width(Length::Fill),
                link("Modifier", Message::Open(Opening::EditAbsence(a.id))),
                link("Supprimer", Message::DeleteAbsence(a.id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    abs.push(widgets::action(
        "Nouvelle absence",
        Some(Message::Open(Opening::NewAbsence)),
    ))
}

fn subscriptions<'a>(page: &'a Page, base: &'a Base, today: NaiveDate) -> Column<'a, Message> {
    let mut subs = Column::new().spacing(10);
    for (s, terms) in &page.subscriptions {
        let past = page.past_terms.iter().filter(|t| t.subscription_id == s.id);
        subs = subs.push(subscription(s, terms.as_ref(), past, base, today));
    }
    for s in &page.shared {
        let ended = s.end.is_some_and(|e| e < today);
        subs = subs.push(
            row![
                text(format!(
                    "Partage le panier de {} : {}",
                    base.household_name(s.member_id),
                    subscription_title(base, s)
                ))
                .size(15)
                .color(if ended { theme::MUTED } else { theme::GREEN })
                .width(Length::Fill),
                link("Voir sa fiche", Message::OpenMember(s.member_id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    subs.push(widgets::action(
        "Nouvel abonnement",
        Some(Message::Open(Opening::NewSubscription)),
    ))
}

/// One subscription: what, when, how often, shared with whom, its Paniers Solidaires terms
/// (past ones muted) and its buttons while it runs.
fn subscription<'a>(
    s: &'a Subscription,
    terms: Option<&'a Solidarity>,
    past: impl Iterator<Item = &'a Solidarity>,
    base: &'a Base,
    today: NaiveDate,
) -> Column<'a, Message> {
    let period = match s.end {
        Some(end) => format!("du {} au {}", format_date(s.start), format_date(end)),
        None => format!("depuis le {}", format_date(s.start)),
    };
    let mut freq = match s.frequency {
        Frequency::Weekly => s.frequency.label().to_lowercase(),
        Frequency::Fortnightly => format!(
            "une semaine sur deux ({})",
            fortnight_label(s.anchor_monday, today.year())
        ),
    };
    if let Some(other) = s.shared_with {
        freq.push_str(&format!(" · partagé avec {}", base.household_name(other)));
    }
    let ended = s.end.is_some_and(|e| e < today);
    let mut c = column![
        text(format!("{}, {period}", subscription_title(base, s)))
            .size(15)
            .font(BOLD)
            .color(if ended { theme::MUTED } else { theme::GREEN }),
        widgets::muted(freq),
    ]
    .spacing(3);
    for t in past {
        c = c.push(widgets::muted(solidarity_summary(base, t, today)).size(13));
    }
    if let Some(t) = terms {
        c = c.push(text(solidarity_summary(base, t, today)).size(14));
    }
    if ended {
        return c;
    }
    let running = terms.is_some_and(|t| t.end.is_none_or(|e| e >= today));
    let solidarity = if terms.is_some() {
        "Paniers Solidaires…"
    } else {
        "Rendre solidaire…"
    };
    let mut actions = row![
        widgets::secondary(
            "Changer…",
            Some(Message::Open(Opening::ChangeSubscription(s.id)))
        ),
        widgets::secondary(
            solidarity,
            Some(Message::Open(Opening::EditSolidarity(s.id)))
        ),
    ]
    .spacing(8);
    if running {
        actions = actions.push(widgets::secondary(
            "Retirer le tarif solidaire",
            Some(Message::Open(Opening::RemoveSolidarity(s.id))),
        ));
    }
    c.push(actions)
}

fn coming<'a>(page: &'a Page, base: &'a Base) -> Column<'a, Message> {
    let mut coming = Column::new().spacing(4);
    for c in &page.coming {
        let size = c.line.as_ref().map_or("", |l| base.size_name(l.size_id));
        let sentence = coming_sentence(c, base.depot_name(c.depot_id), size);
        let faded = c.baskets_for_member() == 0;
        coming = coming.push(
            row![
                text(c.week.label())
                    .size(14)
                    .font(BOLD)
                    .width(Length::Fixed(110.0)),
                text(sentence)
                    .size(14)
                    .color(if faded {
                        theme::MUTED
                    } else {
                        iced::Color::BLACK
                    })
                    .width(Length::Fill),
            ]
            .spacing(8),
        );
    }
    if page.coming.is_empty() {
        coming = coming.push(widgets::muted(
            "Aucun panier prévu dans les semaines à venir.",
        ));
    }
    coming
}
