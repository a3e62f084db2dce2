//! Reading one spreadsheet row into a member draft, with French reasons for refusals.

use crate::domain::baskets::{Frequency, Member, MemberStatus};
use crate::domain::calendar::IsoWeek;
use crate::domain::import::columns::{ColumnMapping, MemberField};
use crate::domain::import::dates::parse_import_date;
use crate::domain::text::collation_key;
use chrono::{Datelike, NaiveDate};

/// The subscription part of an imported row.
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionDraft {
    /// Depot name as written in the file.
    pub depot: String,
    /// Basket size name as written in the file.
    pub size: String,
    /// Every week or every other week.
    pub frequency: Frequency,
    /// For every other week: even or odd ISO weeks, when the file says so.
    pub parity: Option<WeekParity>,
    /// Baskets per delivery (1 when the column is absent or empty).
    pub quantity: i64,
    /// First day; `None`: the day of the import.
    pub start: Option<NaiveDate>,
}

/// A valid row: the member to create or update, and its subscription if the row has one.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberDraft {
    /// The member (id 0).
    pub member: Member,
    /// Its subscription, when the row names a depot and a size.
    pub subscription: Option<SubscriptionDraft>,
}

pub(super) fn cell<'a>(row: &'a [String], mapping: &ColumnMapping, field: MemberField) -> &'a str {
    mapping
        .iter()
        .position(|m| *m == Some(field))
        .and_then(|i| row.get(i))
        .map_or("", |c| c.trim())
}

/// A phone number as typed, with the leading zero Excel drops from numbers put back
/// ("612345678" → "0612345678").
pub fn normalize_phone(text: &str) -> String {
    let text = text.trim();
    if text.len() == 9 && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0') {
        format!("0{text}")
    } else {
        text.to_owned()
    }
}

/// The digits of a phone number, French style, to compare two numbers ("+33 6 12…" and
/// "06.12…" are the same).
pub fn phone_key(text: &str) -> String {
    let digits: String = normalize_phone(text)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if let Some(rest) = digits
        .strip_prefix("33")
        .filter(|_| text.trim().starts_with('+'))
    {
        format!("0{rest}")
    } else if let Some(rest) = digits.strip_prefix("0033") {
        format!("0{rest}")
    } else {
        digits
    }
}

/// Which fortnight a file names: "semaines paires" or "semaines impaires".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekParity {
    /// Even ISO weeks.
    Even,
    /// Odd ISO weeks.
    Odd,
}

/// Reads a fortnightly frequency that names its weeks ("semaines paires", "quinzaine
/// impaire", "impaires"…).
pub fn parse_parity(text: &str) -> Option<WeekParity> {
    let key = collation_key(text);
    let (rest, parity) = if let Some(rest) = key
        .strip_suffix("impaires")
        .or_else(|| key.strip_suffix("impaire"))
    {
        (rest, WeekParity::Odd)
    } else {
        let rest = key
            .strip_suffix("paires")
            .or_else(|| key.strip_suffix("paire"))?;
        (rest, WeekParity::Even)
    };
    const PREFIXES: &[&str] = &[
        "",
        "semaine",
        "semaines",
        "sem",
        "s",
        "quinzaine",
        "enquinzaine",
    ];
    PREFIXES.contains(&rest).then_some(parity)
}

/// The Monday from which a fortnightly subscription starting on `start` counts, so that
/// it delivers in the weeks of `parity` (the week of `start` or the one before).
pub fn anchor_for(start: NaiveDate, parity: Option<WeekParity>) -> NaiveDate {
    let monday = super::monday_of(start);
    let even = start.iso_week().week().is_multiple_of(2);
    match parity {
        Some(WeekParity::Even) if !even => monday - chrono::Days::new(7),
        Some(WeekParity::Odd) if even => monday - chrono::Days::new(7),
        _ => monday,
    }
}

/// The fortnight a subscription counted from `anchor` delivers in, seen from the week of
/// `on` (ISO week numbers: a year of 53 weeks swaps them).
pub fn parity_on(anchor: NaiveDate, on: NaiveDate) -> WeekParity {
    let week = IsoWeek::of(on);
    let due = week.weeks_since(IsoWeek::of(anchor)).rem_euclid(2) == 0;
    let even = week.week().is_multiple_of(2);
    if due == even {
        WeekParity::Even
    } else {
        WeekParity::Odd
    }
}

/// Reads a frequency as offices write it ("hebdo", "1 semaine sur 2", "quinzaine", "A"…);
/// empty means every week.
pub fn parse_frequency(text: &str) -> Option<Frequency> {
    let key = collation_key(text);
    const WEEKLY: &[&str] = &[
        "",
        "hebdo",
        "hebdomadaire",
        "chaquesemaine",
        "touteslessemaines",
        "semaine",
        "1",
        "weekly",
    ];
    const FORTNIGHTLY: &[&str] = &[
        "quinzaine",
        "quinzomadaire",
        "15jours",
        "tousles15jours",
        "1semainesur2",
        "unesemainesurdeux",
        "1sur2",
        "bimensuel",
        "a",
        "b",
        "2",
        "quinzainea",
        "quinzaineb",
    ];
    if parse_parity(text).is_some() {
        Some(Frequency::Fortnightly)
    } else if WEEKLY.contains(&key.as_str()) {
        Some(Frequency::Weekly)
    } else if FORTNIGHTLY.contains(&key.as_str()) {
        Some(Frequency::Fortnightly)
    } else {
        None
    }
}

/// Validates one row into a draft, or says in French why it cannot be imported.
pub fn validate_row(row: &[String], mapping: &ColumnMapping) -> Result<MemberDraft, String> {
    let get = |field| cell(row, mapping, field);
    let last_name = get(MemberField::LastName);
    if last_name.is_empty() {
        return Err("Nom manquant.".into());
    }
    let email = get(MemberField::Email);
    let looks_valid = email.contains('@') && email.contains('.');
    if !email.is_empty() && !looks_valid {
        return Err(format!("E-mail invalide : « {email} »."));
    }
    let (depot, size) = (get(MemberField::Depot), get(MemberField::Size));
    let subscription = match (depot.is_empty(), size.is_empty()) {
        (true, true) => None,
        (false, true) => {
            return Err(format!("Dépôt « {depot} » indiqué sans taille de panier."));
        }
        (true, false) => {
            return Err(format!("Panier « {size} » indiqué sans dépôt."));
        }
        (false, false) => {
            let frequency_text = get(MemberField::Frequency);
            let frequency = parse_frequency(frequency_text).ok_or_else(|| {
                format!("Fréquence inconnue : « {frequency_text} » (attendu : hebdo ou quinzaine).")
            })?;
            let quantity_text = get(MemberField::Quantity);
            let quantity = if quantity_text.is_empty() {
                1
            } else {
                match quantity_text.parse::<i64>() {
                    Ok(q) if q >= 1 => q,
                    _ => {
                        return Err(format!(
                            "Nombre de paniers invalide : « {quantity_text} » (un nombre entier, au moins 1)."
                        ));
                    }
                }
            };
            let start_text = get(MemberField::Start);
            let start = if start_text.is_empty() {
                None
            } else {
                Some(parse_import_date(start_text).ok_or_else(|| {
                    format!("Date de début illisible : « {start_text} » (attendu : 28/11/2026).")
                })?)
            };
            Some(SubscriptionDraft {
                depot: depot.to_owned(),
                size: size.to_owned(),
                frequency,
                parity: parse_parity(frequency_text)
                    .filter(|_| frequency == Frequency::Fortnightly),
                quantity,
                start,
            })
        }
    };
    let member = Member {
        id: 0,
        last_name: last_name.to_owned(),
        first_name: get(MemberField::FirstName).to_owned(),
        co_member: get(MemberField::CoMember).to_owned(),
        address: get(MemberField::Address).to_owned(),
        postcode: normalize_postcode(get(MemberField::Postcode)),
        city: get(MemberField::City).to_owned(),
        phone: normalize_phone(get(MemberField::Phone)),
        phone2: normalize_phone(get(MemberField::Phone2)),
        email: email.to_owned(),
        notes: get(MemberField::Notes).to_owned(),
        status: MemberStatus::Active,
        joined_on: None,
    };
    Ok(MemberDraft {
        member,
        subscription,
    })
}

/// A postcode as typed, with the leading zero Excel drops put back ("1000" → "01000").
pub(super) fn normalize_postcode(text: &str) -> String {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{text}")
    } else {
        text.to_owned()
    }
}
