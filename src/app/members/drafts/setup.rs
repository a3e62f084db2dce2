//! The drafts of the setup tabs: depots (and moving their subscribers), basket sizes and
//! their prices, closed weeks, funders.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Choice, required_date_in};
use crate::app::{Error, Result};
use crate::domain::baskets::{BasketPrice, BasketSize, Closure, Depot, Funder, FunderKind};
use crate::domain::calendar::{IsoWeek, format_date};
use crate::domain::money::parse_euros;

/// A weekday in a pick list, shown in French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayChoice(pub Weekday);

impl std::fmt::Display for WeekdayChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = crate::domain::calendar::weekday_name(self.0);
        let mut chars = name.chars();
        if let Some(first) = chars.next() {
            write!(f, "{}{}", first.to_uppercase(), chars.as_str())?;
        }
        Ok(())
    }
}

/// The seven weekdays, Monday first.
pub const WEEKDAYS: [WeekdayChoice; 7] = [
    WeekdayChoice(Weekday::Mon),
    WeekdayChoice(Weekday::Tue),
    WeekdayChoice(Weekday::Wed),
    WeekdayChoice(Weekday::Thu),
    WeekdayChoice(Weekday::Fri),
    WeekdayChoice(Weekday::Sat),
    WeekdayChoice(Weekday::Sun),
];

/// The depot form; `id` is 0 for a new depot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DepotDraft {
    /// Row id; 0 for a new one.
    pub id: i64,
    /// The name.
    pub name: String,
    /// "Adresse".
    pub address: String,
    /// "Commune".
    pub city: String,
    /// "Jour de livraison".
    pub weekday: Option<WeekdayChoice>,
    /// "De (heure)".
    pub slot_start: String,
    /// "À (heure)".
    pub slot_end: String,
    /// "Contact".
    pub contact_name: String,
    /// "Téléphone du contact".
    pub contact_phone: String,
    /// "Capacité (paniers)", as typed.
    pub capacity: String,
    /// Offered in new choices.
    pub active: bool,
}

impl DepotDraft {
    /// An empty, active depot.
    pub fn new() -> Self {
        DepotDraft {
            active: true,
            ..DepotDraft::default()
        }
    }

    /// The form filled with `d`.
    pub fn of(d: &Depot) -> Self {
        DepotDraft {
            id: d.id,
            name: d.name.clone(),
            address: d.address.clone(),
            city: d.city.clone(),
            weekday: Some(WeekdayChoice(d.weekday)),
            slot_start: d.slot_start.clone(),
            slot_end: d.slot_end.clone(),
            contact_name: d.contact_name.clone(),
            contact_phone: d.contact_phone.clone(),
            capacity: d.capacity.map(|c| c.to_string()).unwrap_or_default(),
            active: d.active,
        }
    }

    /// The depot typed, or what to correct.
    pub fn to_depot(&self) -> Result<Depot> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid("Nom", "Le nom du dépôt est obligatoire."));
        }
        let weekday = self.weekday.ok_or_else(|| {
            Error::invalid(
                "Jour de livraison",
                "Choisissez le jour de livraison du dépôt.",
            )
        })?;
        let capacity = if self.capacity.trim().is_empty() {
            None
        } else {
            Some(
                self.capacity
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|c| *c > 0)
                    .ok_or_else(|| {
                        Error::invalid(
                            "Capacité (paniers)",
                            "Capacité : tapez un nombre de paniers, ou laissez vide.",
                        )
                    })?,
            )
        };
        Ok(Depot {
            id: self.id,
            name: self.name.trim().to_owned(),
            address: self.address.trim().to_owned(),
            postcode: String::new(),
            city: self.city.trim().to_owned(),
            weekday: weekday.0,
            slot_start: self.slot_start.trim().to_owned(),
            slot_end: self.slot_end.trim().to_owned(),
            contact_name: self.contact_name.trim().to_owned(),
            contact_phone: self.contact_phone.trim().to_owned(),
            capacity,
            active: self.active,
        })
    }
}

/// Moving every subscriber of depot `from_depot` to depot `to` from the week of `from`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MoveDraft {
    /// The depot whose subscribers move.
    pub from_depot: i64,
    /// The depot they go to.
    pub to: Option<Choice>,
    /// A day of the first week (or the first day), as typed.
    pub from: String,
}

impl MoveDraft {
    /// Moving the subscribers of `depot`, offered from next week (as of `today`).
    pub fn new(depot: i64, today: NaiveDate) -> Self {
        MoveDraft {
            from_depot: depot,
            to: None,
            from: format_date(IsoWeek::of(today).next().monday()),
        }
    }

    /// The depot they go to and the Monday they start there, or what to correct.
    pub fn checked(&self) -> Result<(i64, NaiveDate)> {
        let to = self.to.as_ref().ok_or_else(|| {
            Error::invalid("Vers le dépôt", "Choisissez le dépôt où vont les abonnés.")
        })?;
        let field = "À partir de la semaine du";
        let day = required_date_in(&self.from, field, field)?;
        Ok((to.id, IsoWeek::of(day).monday()))
    }
}

/// The basket size form; `id` is 0 for a new size.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SizeDraft {
    /// Row id; 0 for a new one.
    pub id: i64,
    /// The name.
    pub name: String,
    /// "Pour (ex. 2 personnes)".
    pub persons: String,
    /// Place in lists.
    pub position: i64,
    /// Offered in new choices.
    pub active: bool,
}

impl SizeDraft {
    /// An empty, active size shown after the `count` existing ones.
    pub fn new(count: usize) -> Self {
        SizeDraft {
            position: i64::try_from(count).unwrap_or(0) + 1,
            active: true,
            ..SizeDraft::default()
        }
    }

    /// The form filled with `s`.
    pub fn of(s: &BasketSize) -> Self {
        SizeDraft {
            id: s.id,
            name: s.name.clone(),
            persons: s.persons.clone(),
            position: s.position,
            active: s.active,
        }
    }

    /// The size typed, or what to correct.
    pub fn to_size(&self) -> Result<BasketSize> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid(
                "Nom du format",
                "Nom du format : il est obligatoire (petit, grand…).",
            ));
        }
        Ok(BasketSize {
            id: self.id,
            name: self.name.trim().to_owned(),
            persons: self.persons.trim().to_owned(),
            position: self.position,
            active: self.active,
        })
    }
}

/// A new price of size `size_id` from a day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriceDraft {
    /// The size priced.
    pub size_id: i64,
    /// A day of the first week (or the first day), as typed.
    pub from: String,
    /// The amount, as typed ("12,50").
    pub amount: String,
}

impl PriceDraft {
    /// A price of `size_id` from 1 January next year (as of `today`).
    pub fn new(size_id: i64, today: NaiveDate) -> Self {
        PriceDraft {
            size_id,
            from: format!("01/01/{}", today.year() + 1),
            amount: String::new(),
        }
    }

    /// The price typed, or what to correct.
    pub fn to_price(&self) -> Result<BasketPrice> {
        let valid_from = required_date_in(&self.from, "À partir du", "Prix à partir du")?;
        let field = "Prix d'un panier (€)";
        let price = parse_euros(&self.amount)
            .ok_or_else(|| Error::invalid(field, "Prix : tapez un montant comme 12 ou 12,50."))?;
        if price <= 0 {
            return Err(Error::invalid(
                field,
                "Le prix d'un panier doit être supérieur à 0 €.",
            ));
        }
        Ok(BasketPrice {
            id: 0,
            size_id: self.size_id,
            valid_from,
            price,
        })
    }
}

/// A closed week: a day of that week, and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClosureDraft {
    /// A day of the week to close, as typed.
    pub day: String,
    /// Why the week is closed.
    pub reason: String,
}

impl ClosureDraft {
    /// The closure typed, or what to correct.
    pub fn to_closure(&self) -> Result<Closure> {
        let day = required_date_in(
            &self.day,
            "Un jour de la semaine fermée",
            "Semaine fermée (un jour de la semaine)",
        )?;
        Ok(Closure {
            monday: IsoWeek::of(day).monday(),
            reason: self.reason.trim().to_owned(),
        })
    }
}

/// The funder form; `id` is 0 for a new funder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FunderDraft {
    /// Row id; 0 for a new one.
    pub id: i64,
    /// The name.
    pub name: String,
    /// How the household share is expressed, or the funder's kind.
    pub kind: Option<FunderKind>,
    /// Offered in new choices.
    pub active: bool,
}

impl FunderDraft {
    /// An empty, active funder.
    pub fn new() -> Self {
        FunderDraft {
            kind: Some(FunderKind::Caf),
            active: true,
            ..FunderDraft::default()
        }
    }

    /// The form filled with `f`.
    pub fn of(f: &Funder) -> Self {
        FunderDraft {
            id: f.id,
            name: f.name.clone(),
            kind: Some(f.kind),
            active: f.active,
        }
    }

    /// The funder typed, or what to correct.
    pub fn to_funder(&self) -> Result<Funder> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid(
                "Nom du financeur",
                "Nom du financeur : il est obligatoire (CAF du Doubs…).",
            ));
        }
        Ok(Funder {
            id: self.id,
            name: self.name.trim().to_owned(),
            kind: self
                .kind
                .ok_or_else(|| Error::invalid("Type", "Choisissez le type de financeur."))?,
            active: self.active,
        })
    }
}
