//! A member's page: the household, memberships, subscriptions (with Paniers Solidaires),
//! absences and the baskets of the coming weeks; and the forms for each.

use chrono::Datelike;
use iced::widget::{Column, button, checkbox, column, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::forms::{AbsenceForm, MemberForm, MembershipForm, SolidarityForm, SubscriptionForm};
use super::load::Page;
use super::{Field, Form, Message, Screen, ids, labelled, scroll};
use crate::domain::baskets::{
    AbsenceMode, Frequency, MemberStatus, PaymentMethod, ShareKind, Solidarity,
};
use crate::domain::calendar::{IsoWeek, format_date, fortnight_label, long_date};
use crate::domain::money::format_euros;
use crate::store::week::ComingBasket;
use crate::ui::theme::{self, BOLD};
use crate::ui::widgets::{self, Tone};

/// A text input of the open form, saving on Enter.
pub(super) fn input<'a>(label: &'a str, value: &'a str, field: Field) -> Element<'a, Message> {
    labelled(
        label,
        text_input("", value)
            .id(field_id(field))
            .on_input(move |v| Message::Edit(field, v))
            .on_submit(Message::Save)
            .padding(7)
            .size(15),
    )
}

fn field_id(field: Field) -> String {
    match field {
        Field::LastName => ids::LAST_NAME.into(),
        Field::FirstName => ids::FIRST_NAME.into(),
        Field::SubStart => ids::SUB_START.into(),
        Field::AbsStart => ids::ABS_START.into(),
        Field::AbsEnd => ids::ABS_END.into(),
        other => format!("members-{other:?}"),
    }
}

/// "Enregistrer" and "Annuler", with the form's error above them.
pub(super) fn buttons<'a>(error: Option<&'a str>) -> Element<'a, Message> {
    let mut c = Column::new().spacing(8);
    if let Some(e) = error.filter(|e| !e.is_empty()) {
        c = c.push(widgets::banner(Tone::Error, e));
    }
    c.push(
        row![
            widgets::action("Enregistrer", Some(Message::Save)),
            widgets::secondary("Annuler", Some(Message::Cancel)),
        ]
        .spacing(10),
    )
    .into()
}

/// The household form.
pub fn member_form<'a>(f: &'a MemberForm, error: Option<&'a str>) -> Element<'a, Message> {
    column![
        row![
            input("Nom", &f.last_name, Field::LastName),
            input("Prénom", &f.first_name, Field::FirstName),
            input("Co-adhérent(e)", &f.co_member, Field::CoMember),
            labelled(
                "Statut",
                pick_list(MemberStatus::ALL, f.status, Message::StatusPicked).width(170)
            ),
        ]
        .spacing(10),
        row![
            input("Adresse", &f.address, Field::Address),
            input("Code postal", &f.postcode, Field::Postcode),
            input("Commune", &f.city, Field::City),
        ]
        .spacing(10),
        row![
            input("Téléphone", &f.phone, Field::Phone),
            input("Autre téléphone", &f.phone2, Field::Phone2),
            input("E-mail", &f.email, Field::Email),
            input("Adhérent depuis le", &f.joined_on, Field::JoinedOn),
        ]
        .spacing(10),
        input("Notes privées (jamais imprimées)", &f.notes, Field::Notes),
        buttons(error),
    ]
    .spacing(10)
    .into()
}

fn membership_form<'a>(f: &'a MembershipForm, error: Option<&'a str>) -> Element<'a, Message> {
    column![
        row![
            input("Année", &f.year, Field::MsYear),
            input("Montant (€)", &f.amount, Field::MsAmount),
            input("Payée le", &f.paid_on, Field::MsPaidOn),
            labelled(
                "Mode de paiement",
                pick_list(PaymentMethod::ALL, f.method, Message::MethodPicked).width(160)
            ),
        ]
        .spacing(10),
        buttons(error),
    ]
    .spacing(10)
    .into()
}

fn subscription_form<'a>(
    screen: &'a Screen,
    f: &'a SubscriptionForm,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let mut c = column![
        row![
            labelled(
                "Format",
                pick_list(screen.size_choices(), f.size.clone(), Message::SizePicked).width(150)
            ),
            labelled(
                "Dépôt",
                pick_list(
                    screen.depot_choices(),
                    f.depot.clone(),
                    Message::DepotPicked
                )
                .width(200)
            ),
            input("Paniers", &f.quantity, Field::SubQuantity),
            input(
                if f.changing.is_some() {
                    "Changement à partir du"
                } else {
                    "Début"
                },
                &f.start,
                Field::SubStart
            ),
            input("Fin (facultatif)", &f.end, Field::SubEnd),
        ]
        .spacing(10),
        row![labelled(
            "Fréquence",
            pick_list(Frequency::ALL, f.frequency, Message::FrequencyPicked).width(220)
        ),]
        .spacing(10)
        .align_y(iced::Alignment::End),
    ]
    .spacing(10);
    if f.frequency == Some(Frequency::Fortnightly) {
        let start = crate::domain::calendar::parse_date(&f.start).unwrap_or(screen.today);
        c = c.push(
            checkbox(f.second_week)
                .label("Premier panier la semaine suivant le début")
                .on_toggle(Message::SecondWeek),
        );
        c = c.push(widgets::muted(format!(
            "En {} : {}.",
            start.year(),
            fortnight_label(f.anchor(start), start.year())
        )));
    }
    if f.changing.is_some() {
        c = c.push(widgets::muted(
            "L'abonnement actuel s'arrête la veille ; l'historique est gardé.",
        ));
    }
    c.push(buttons(error)).into()
}

fn absence_form<'a>(f: &'a AbsenceForm, error: Option<&'a str>) -> Element<'a, Message> {
    let mut c = column![
        row![
            input("Absent du", &f.start, Field::AbsStart),
            input("au (inclus)", &f.end, Field::AbsEnd),
            labelled(
                "Paniers pendant l'absence",
                pick_list(AbsenceMode::ALL, f.mode, Message::ModePicked).width(180)
            ),
        ]
        .spacing(10)
    ]
    .spacing(10);
    if f.mode == Some(AbsenceMode::MadeUp) {
        c = c.push(input(
            "Rattrapage la semaine du (vide : première livraison après le retour)",
            &f.makeup_week,
            Field::AbsMakeUp,
        ));
    }
    c.push(input("Notes", &f.notes, Field::AbsNotes))
        .push(buttons(error))
        .into()
}

fn solidarity_form<'a>(
    screen: &'a Screen,
    f: &'a SolidarityForm,
    error: Option<&'a str>,
) -> Element<'a, Message> {
    let mut lines = Column::new().spacing(6);
    for (i, (funder, percent)) in f.funding.iter().enumerate() {
        lines = lines.push(
            row![
                pick_list(screen.funder_choices(), funder.clone(), move |c| {
                    Message::FundingFunder(i, c)
                })
                .placeholder("Financeur")
                .width(240),
                text_input("%", percent)
                    .on_input(move |v| Message::FundingPercent(i, v))
                    .on_submit(Message::Save)
                    .padding(7)
                    .width(80),
                text("% du reste").size(14),
                widgets::secondary("Retirer", Some(Message::RemoveFunding(i))),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    column![
        row![
            labelled(
                "Participation du foyer",
                pick_list(ShareKind::ALL, f.kind, Message::ShareKindPicked).width(160)
            ),
            input(
                if f.kind == Some(ShareKind::Amount) {
                    "Montant par panier (€)"
                } else {
                    "Pourcentage du prix"
                },
                &f.value,
                Field::SolValue
            ),
            input("Révision le", &f.review_on, Field::SolReview),
        ]
        .spacing(10),
        row![
            input("Travailleur social", &f.social_worker, Field::SolWorker),
            input("Structure", &f.referring_body, Field::SolBody),
        ]
        .spacing(10),
        text("Financeurs du reste à payer")
            .size(14)
            .color(theme::MUTED),
        lines,
        widgets::secondary("Ajouter un financeur", Some(Message::AddFunding)),
        buttons(error),
    ]
    .spacing(10)
    .into()
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
    let mut text = format!("Panier Solidaire : foyer {share}");
    if !funders.is_empty() {
        text.push_str(&format!(" · {}", funders.join(", ")));
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
    let depot_name = |id| name_of(&screen.base.depots, id, |d| (d.id, d.name.as_str()));
    let size_name = |id| name_of(&screen.base.sizes, id, |s| (s.id, s.name.as_str()));
    let mut title = format!("{} {}", m.last_name.to_uppercase(), m.first_name);
    if !m.co_member.is_empty() {
        title.push_str(&format!(" et {}", m.co_member));
    }
    let mut body = Column::new().spacing(14);
    body = body.push(
        row![
            widgets::secondary("← Liste des adhérents", Some(Message::BackToList)),
            text(title).size(20).font(BOLD).width(Length::Fill),
            text(m.status.label()).size(15).color(theme::MUTED),
        ]
        .spacing(14)
        .align_y(iced::Alignment::Center),
    );
    let form: Option<(&str, Element<'a, Message>)> = match &screen.form {
        Form::Member(f) => Some(("Modifier la fiche", member_form(f, error))),
        Form::Membership(f) => Some(("Nouvelle cotisation", membership_form(f, error))),
        Form::Subscription(f) => Some((
            if f.changing.is_some() {
                "Changer de dépôt, de format ou de fréquence"
            } else {
                "Nouvel abonnement"
            },
            subscription_form(screen, f, error),
        )),
        Form::Absence(f) => Some(("Absence", absence_form(f, error))),
        Form::Solidarity(f) => Some(("Paniers Solidaires", solidarity_form(screen, f, error))),
        _ => None,
    };
    if let Some((heading, form)) = form {
        body = body.push(widgets::card(heading, form));
    }

    // Left: the household, memberships, absences.
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
    info = info.push(widgets::secondary(
        "Modifier la fiche",
        Some(Message::EditMember),
    ));
    let mut ms = Column::new().spacing(4);
    for x in &page.memberships {
        ms = ms.push(
            text(format!(
                "{} : {} le {} ({})",
                x.year,
                format_euros(x.amount),
                format_date(x.paid_on),
                x.method.label()
            ))
            .size(15),
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
    ms = ms.push(widgets::secondary(
        "Enregistrer une cotisation",
        Some(Message::NewMembership),
    ));
    let mut abs = Column::new().spacing(6);
    for a in &page.absences {
        let mut label = format!(
            "Du {} au {} : {}",
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
                button(text("Modifier").size(13))
                    .style(button::text)
                    .on_press(Message::EditAbsence(a.id)),
                button(text("Supprimer").size(13))
                    .style(button::text)
                    .on_press(Message::DeleteAbsence(a.id)),
            ]
            .align_y(iced::Alignment::Center),
        );
    }
    abs = abs.push(widgets::action(
        "Nouvelle absence",
        Some(Message::NewAbsence),
    ));
    let left = column![
        widgets::card("Coordonnées", info),
        widgets::card("Cotisations", ms),
        widgets::card("Absences", abs),
    ]
    .spacing(12)
    .width(Length::FillPortion(2));

    // Right: subscriptions and the coming weeks.
    let mut subs = Column::new().spacing(10);
    for (s, terms) in &page.subscriptions {
        let period = match s.end {
            Some(end) => format!("du {} au {}", format_date(s.start), format_date(end)),
            None => format!("depuis le {}", format_date(s.start)),
        };
        let freq = match s.frequency {
            Frequency::Weekly => s.frequency.label().to_lowercase(),
            Frequency::Fortnightly => format!(
                "une semaine sur deux ({})",
                fortnight_label(s.anchor_monday, screen.today.year())
            ),
        };
        let ended = s.end.is_some_and(|e| e < screen.today);
        let mut c = column![
            text(format!(
                "{} × {} à {}, {period}",
                s.quantity,
                size_name(s.size_id),
                depot_name(s.depot_id)
            ))
            .size(15)
            .font(BOLD)
            .color(if ended { theme::MUTED } else { theme::GREEN }),
            widgets::muted(freq),
        ]
        .spacing(3);
        if let Some(t) = terms {
            c = c.push(text(solidarity_summary(screen, t)).size(14));
        }
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
            if terms.is_some() {
                actions = actions.push(widgets::secondary(
                    "Retirer le tarif solidaire",
                    Some(Message::RemoveSolidarity(s.id)),
                ));
            }
            c = c.push(actions);
        }
        subs = subs.push(c);
    }
    subs = subs.push(widgets::action(
        "Nouvel abonnement",
        Some(Message::NewSubscription),
    ));
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
    let right = column![
        widgets::card("Abonnements", subs),
        widgets::card("Paniers des prochaines semaines", coming),
        crate::ui::workshops::history_view(&page.workshops),
    ]
    .spacing(12)
    .width(Length::FillPortion(3));
    body = body.push(row![left, right].spacing(14));
    scroll(body)
}
