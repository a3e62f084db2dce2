//! The forms of the setup tabs: depots, basket sizes, funders.

use chrono::Weekday;

use crate::domain::baskets::{BasketSize, Depot, Funder, FunderKind};

/// The depot form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DepotForm {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub city: String,
    pub weekday: Option<WeekdayChoice>,
    pub slot_start: String,
    pub slot_end: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub capacity: String,
    pub active: bool,
}

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

impl DepotForm {
    /// An empty, active depot.
    pub fn new() -> Self {
        DepotForm {
            active: true,
            ..DepotForm::default()
        }
    }

    /// The form filled with `d`.
    pub fn of(d: &Depot) -> Self {
        DepotForm {
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
    pub fn to_depot(&self) -> Result<Depot, String> {
        if self.name.trim().is_empty() {
            return Err("Le nom du dépôt est obligatoire.".into());
        }
        let weekday = self
            .weekday
            .ok_or("Choisissez le jour de livraison du dépôt.")?;
        let capacity = if self.capacity.trim().is_empty() {
            None
        } else {
            Some(
                self.capacity
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|c| *c > 0)
                    .ok_or("Capacité : tapez un nombre de paniers, ou laissez vide.")?,
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

/// The basket size form; `id` is 0 for a new size.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SizeForm {
    pub id: i64,
    pub name: String,
    pub persons: String,
    pub position: i64,
    pub active: bool,
}

impl SizeForm {
    /// An empty, active size shown after the `count` existing ones.
    pub fn new(count: usize) -> Self {
        SizeForm {
            position: i64::try_from(count).unwrap_or(0) + 1,
            active: true,
            ..SizeForm::default()
        }
    }

    /// The form filled with `s`.
    pub fn of(s: &BasketSize) -> Self {
        SizeForm {
            id: s.id,
            name: s.name.clone(),
            persons: s.persons.clone(),
            position: s.position,
            active: s.active,
        }
    }

    /// The size typed, or what to correct.
    pub fn to_size(&self) -> Result<BasketSize, String> {
        if self.name.trim().is_empty() {
            return Err("Nom du format : il est obligatoire (petit, grand…).".into());
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

/// The funder form; `id` is 0 for a new funder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FunderForm {
    pub id: i64,
    pub name: String,
    pub kind: Option<FunderKind>,
    pub active: bool,
}

impl FunderForm {
    /// An empty, active funder.
    pub fn new() -> Self {
        FunderForm {
            kind: Some(FunderKind::Caf),
            active: true,
            ..FunderForm::default()
        }
    }

    /// The form filled with `f`.
    pub fn of(f: &Funder) -> Self {
        FunderForm {
            id: f.id,
            name: f.name.clone(),
            kind: Some(f.kind),
            active: f.active,
        }
    }

    /// The funder typed, or what to correct.
    pub fn to_funder(&self) -> Result<Funder, String> {
        if self.name.trim().is_empty() {
            return Err("Nom du financeur : il est obligatoire (CAF du Doubs…).".into());
        }
        Ok(Funder {
            id: self.id,
            name: self.name.trim().to_owned(),
            kind: self.kind.ok_or("Choisissez le type de financeur.")?,
            active: self.active,
        })
    }
}
