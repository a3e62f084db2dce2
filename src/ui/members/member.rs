//! A member's page: the household, memberships, subscriptions (with Paniers Solidaires and
//! the household they are shared with), absences and the baskets of the coming weeks.

use chrono::Datelike;
use iced::widget::{Column, button, column, row, text};
use iced::{Element, Length};

use super::forms::Deletion;
use super::load::Page;
use super::member_forms::{
    absence_form, confirm_buttons, membership_form, solidarity_form, subscription_form,
};
use super::{Form, Message, Screen, scroll};
use crate::domain::baskets::{AbsenceMode, Frequency, Membership, ShareKind, Solidarity};
use crate::domain::calendar::{IsoWeek, format_date, fortnight_label, long_date};
use crate::domain::money::format_euros;
use crate::store::week::ComingBasket;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets;

pub use super::member_forms::member_form;

/// A small text button of a list row.
pub(super) fn link(label: &str, message: Message) -> Element<'_, Message> {
    button(text(label).size(13))
        .style(button::text)
        .padding([4, 6])
        .on_press(message)
        .into()
}

/// "NOM Prénom (Commune)" of household `id`, from the members list.
pub(super) fn household_name(screen: &Screen, id: i64) -> String {
    screen
        .base
        .rows
        .iter()
        .find(|r| r.member.id == id)
        .map(|r| {
            let m = &r.member;
            let name = crate::domain::text::list_name(&m.first_name, &m.last_name);
            if m.city.is_empty() {
                name
            } else {
                format!("{name} ({})", m.city)
            }
        })
        .unwrap_or_else(|| "foyer supprimé".into())
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

fn solidarity_summary(screen: &Screen, s: &Solidarity) -> String {
    let share = match s.share_kind {
        ShareKind::Amount => format!("{} par panier", format_euros(s.share_value)),
        ShareKind::Percent => format!("{} % du prix", s.share_value),
    };
    let funders: Vec<String> = s
        .funding
        .iter()
        .map(|f| {
            let name = screen
                .base
                .funders
                .iter()
                .find(|x| x.id == f.funder_id)
                .map_or("?", |x| x.name.as_str());
            format!("{name} {} %", f.share_percent)
        })
        .collect();
    let mut text = match s.end {
        Some(end) if end < screen.today => format!(
            "Panier Solidaire du {} au {} (terminé) : foyer {share}",
            format_date(s.start),
            format_date(end)
        ),
        Some(end) => format!(
            "Panier Solidaire du {} au {} : foyer {share}",
            format_date(s.start),
            format_date(end)
        ),
        None => format!(
            "Panier Solidaire depuis le {} : foyer {share}",
            format_date(s.start)
        ),
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

fn name_of<T>(items: &[T], id: i64, get: impl Fn(&T) -> (i64, &str)) -> String {
    items
        .iter()
        .map(&get)
        .find(|(i, _)| *i == id)
        .map(|(_, n)| n.to_owned())
        .unwrap_or_default()
}

/// The page of a member.
pub fn view<'a>(screen: &'a Screen, page: &'a Page) -> Element<'a, Message> {
    let m = &page.member;
    let error = screen.form_error.as_deref();
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
    let form: Option<(String, Element<'a, Message>)> = match &screen.form {
        Form::Member(f) => Some(("Modifier la fiche".into(), member_form(f, error))),
        Form::Membership(f) => Some((
            if f.id == 0 {
                "Nouvelle cotisation".into()
            } else {
                "Modifier la cotisation".into()
            },
            membership_form(f, error),
        )),
        Form::Subscription(f) => Some((
            if f.changing.is_some() {
                "Changer de dépôt, de format, de fréquence ou de partage".into()
            } else {
                "Nouvel abonnement".into()
            },
            subscription_form(screen, f, error),
        )),
        Form::Absence(f) => Some((
            if f.id == 0 {
                "Nouvelle absence".into()
            } else {
                "Modifier l'absence".into()
            },
            absence_form(f, error),
        )),
        Form::Solidarity(f) => Some((
            format!(
                "Paniers Solidaires — {}",
                screen
                    .sub_of_page(f.subscription_id)
                    .map(|(s, _)| subscription_title(screen, &s))
                    .unwrap_or_default()
            ),
            solidarity_form(screen, f, error),
        )),
        Form::EndSolidarity(_, end) => Some((
            "Fin des conditions Paniers Solidaires".to_string(),
            super::member_forms::end_solidarity_form(end, error),
        )),
        _ => None,
    };
    if let Some((heading, form)) = form {
        body = body.push(widgets::card(heading, form));
    }
    let left = column![
        widgets::card("Coordonnées", household(page)),
        widgets::card("Cotisations", memberships(screen, page, error)),
        widgets::card("Absences", absences(page)),
    ]
    .spacing(12)
    .width(Length::FillPortion(5));
    let right = column![
        widgets::card("Abonnements", subscriptions(screen, page)),
        widgets::card("Paniers des prochaines semaines", coming(screen, page)),
        crate::ui::workshops::history_view(&page.workshops),
    ]
    .spacing(12)
    .width(Length::FillPortion(6));
    body = body.push(row![left, right].spacing(14));
    scroll(body)
}

/// "1 × Petit à Mairie".
fn subscription_title(screen: &Screen, s: &crate::domain::baskets::Subscription) -> String {
    format!(
        "{} × {} à {}",
        s.quantity,
        name_of(&screen.base.sizes, s.size_id, |z| (z.id, z.name.as_str())),
        name_of(&screen.base.depots, s.depot_id, |d| (d.id, d.name.as_str()))
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
        Some(Message::EditMember),
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

fn memberships<'a>(
    screen: &'a Screen,
    page: &'a Page,
    error: Option<&'a str>,
) -> Column<'a, Message> {
    let mut ms = Column::new().spacing(2);
    for x in &page.memberships {
        if matches!(screen.form, Form::Delete(Deletion::Membership(id)) if id == x.id) {
            ms = ms.push(
                column![
                    text(format!(
                        "Supprimer la cotisation {} ({}) ?",
                        x.year,
                        format_euros(x.amount)
                    ))
                    .size(15)
                    .font(BOLD),
                    confirm_buttons("Supprimer", error),
                ]
                .spacing(6),
            );
            continue;
        }
        ms = ms.push(
            row![
                text(membership_line(x)).size(15).width(Length::Fill),
                link("Modifier", Message::EditMembership(x.id)),
                link("Supprimer", Message::DeleteMembership(x.id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    if !page
        .memberships
        .iter()
        .any(|x| x.year == screen.today.year())
    {
        ms = ms.push(
            text(format!("{} : à payer", screen.today.year()))
                .size(15)
                .color(theme::WARNING_TEXT),
        );
    }
    ms.push(widgets::secondary(
        "Enregistrer une cotisation",
        Some(Message::NewMembership),
    ))
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
                link("Modifier", Message::EditAbsence(a.id)),
                link("Supprimer", Message::DeleteAbsence(a.id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    abs.push(widgets::action(
        "Nouvelle absence",
        Some(Message::NewAbsence),
    ))
}

fn subscriptions<'a>(screen: &'a Screen, page: &'a Page) -> Column<'a, Message> {
    let mut subs = Column::new().spacing(10);
    for (s, terms) in &page.subscriptions {
        let period = match s.end {
            Some(end) => format!("du {} au {}", format_date(s.start), format_date(end)),
            None => format!("depuis le {}", format_date(s.start)),
        };
        let mut freq = match s.frequency {
            Frequency::Weekly => s.frequency.label().to_lowercase(),
            Frequency::Fortnightly => format!(
                "une semaine sur deux ({})",
                fortnight_label(s.anchor_monday, screen.today.year())
            ),
        };
        if let Some(other) = s.shared_with {
            freq.push_str(&format!(
                " · partagé avec {}",
                household_name(screen, other)
            ));
        }
        let ended = s.end.is_some_and(|e| e < screen.today);
        let mut c = column![
            text(format!("{}, {period}", subscription_title(screen, s)))
                .size(15)
                .font(BOLD)
                .color(if ended { theme::MUTED } else { theme::GREEN }),
            widgets::muted(freq),
        ]
        .spacing(3);
        for past in page.past_terms.iter().filter(|t| t.subscription_id == s.id) {
            c = c.push(widgets::muted(solidarity_summary(screen, past)).size(13));
        }
        if let Some(t) = terms {
            c = c.push(text(solidarity_summary(screen, t)).size(14));
        }
        let running = terms
            .as_ref()
            .is_some_and(|t| t.end.is_none_or(|e| e >= screen.today));
        if !ended {
            let mut actions = row![
                widgets::secondary("Changer…", Some(Message::ChangeSubscription(s.id))),
                widgets::secondary(
                    if terms.is_some() {
                        "Paniers Solidaires…"
                    } else {
                        "Rendre solidaire…"
                    },
                    Some(Message::EditSolidarity(s.id))
                ),
            ]
            .spacing(8);
            if running {
                actions = actions.push(widgets::secondary(
                    "Retirer le tarif solidaire",
                    Some(Message::RemoveSolidarity(s.id)),
                ));
            }
            c = c.push(actions);
        }
        subs = subs.push(c);
    }
    for s in &page.shared {
        let ended = s.end.is_some_and(|e| e < screen.today);
        subs = subs.push(
            row![
                text(format!(
                    "Partage le panier de {} : {}",
                    household_name(screen, s.member_id),
                    subscription_title(screen, s)
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
        Some(Message::NewSubscription),
    ))
}

fn coming<'a>(screen: &'a Screen, page: &'a Page) -> Column<'a, Message> {
    let depot_name = |id| name_of(&screen.base.depots, id, |d| (d.id, d.name.as_str()));
    let size_name = |id| name_of(&screen.base.sizes, id, |s| (s.id, s.name.as_str()));
    let mut coming = Column::new().spacing(4);
    for c in &page.coming {
        let size = c
            .line
            .as_ref()
            .map(|l| size_name(l.size_id))
            .unwrap_or_default();
        let sentence = coming_sentence(c, &depot_name(c.depot_id), &size);
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
