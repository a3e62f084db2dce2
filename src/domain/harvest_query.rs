//! Harvest lines as the Récoltes screen lists them: periods, filters, kg totals and the
//! type-ahead used to pick a crop, a plot, a unit or a destination from the keyboard.
//!
//! Everything here works on lines already read (no I/O), so the screen can refilter and
//! retotal at every keystroke.

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::calendar::IsoWeek;
use super::harvests::{CropId, Destination, Harvest, PlotId, Unit};
use super::text::{Query, SearchKeys, compare, fold};

mod seasons;
pub use seasons::Seasons;

/// A saved harvest with what the list shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct HarvestLine {
    /// The line itself.
    pub harvest: Harvest,
    /// Name of its crop.
    pub crop_name: String,
    /// Name of its plot ('' when none).
    pub plot_name: String,
    /// Its weight in kg; `None` when its unit has no conversion for the crop.
    pub kg: Option<f64>,
}

/// A span of dates the totals are asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// The ISO week (Monday to Sunday).
    Week,
    /// The calendar month.
    Month,
    /// The season: the calendar year.
    Season,
    /// Dates typed by the user.
    Custom,
}

impl Period {
    /// Every period, in display order.
    pub const ALL: [Period; 4] = [Period::Week, Period::Month, Period::Season, Period::Custom];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            Period::Week => "Semaine",
            Period::Month => "Mois",
            Period::Season => "Saison",
            Period::Custom => "Dates choisies",
        }
    }

    /// First and last day (both included) of the period holding `day`; `Custom` gives the
    /// day itself.
    pub fn range(self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Week => {
                let week = IsoWeek::of(day);
                (week.monday(), week.day(Weekday::Sun))
            }
            Period::Month => {
                let first = day.with_day(1).unwrap_or(day);
                let last = first
                    .checked_add_months(Months::new(1))
                    .and_then(|next| next.pred_opt())
                    .unwrap_or(day);
                (first, last)
            }
            Period::Season => (
                NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
                NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(day),
            ),
            Period::Custom => (day, day),
        }
    }

    /// A day of the period before (`steps` < 0) or after `day`.
    pub fn step(self, day: NaiveDate, steps: i32) -> NaiveDate {
        let forward = steps >= 0;
        let count = steps.unsigned_abs();
        let moved = match self {
            Period::Week | Period::Custom => {
                let days = Days::new(u64::from(count) * 7);
                if forward {
                    day.checked_add_days(days)
                } else {
                    day.checked_sub_days(days)
                }
            }
            Period::Month | Period::Season => {
                let months = Months::new(if self == Period::Month {
                    count
                } else {
                    count * 12
                });
                if forward {
                    day.checked_add_months(months)
                } else {
                    day.checked_sub_months(months)
                }
            }
        };
        moved.unwrap_or(day)
    }
}

/// What the list and the totals are restricted to.
#[derive(Debug, Clone, PartialEq)]
pub struct HarvestFilter {
    /// First day, included.
    pub from: NaiveDate,
    /// Last day, included.
    pub to: NaiveDate,
    /// Only this crop.
    pub crop_id: Option<CropId>,
    /// Only this plot.
    pub plot_id: Option<PlotId>,
    /// Words searched in the crop, plot, destination and notes (accents and case ignored).
    pub search: String,
}

/// Lowercase, without accents (every Latin script, see [`fold`]), trimmed: the form names
/// are compared in.
pub fn normalise(text: &str) -> String {
    fold(text.trim())
}

/// The lines `filter` keeps, in the order of `lines`.
pub fn filter_lines<'a>(lines: &'a [HarvestLine], filter: &HarvestFilter) -> Vec<&'a HarvestLine> {
    filter_indices(lines, filter)
        .into_iter()
        .map(|i| &lines[i])
        .collect()
}

/// Positions in `lines` of the lines `filter` keeps, in order.
pub fn filter_indices(lines: &[HarvestLine], filter: &HarvestFilter) -> Vec<usize> {
    let query = Query::new(&filter.search);
    let keys = if query.is_empty() {
        SearchKeys::default()
    } else {
        SearchKeys::new(lines.iter().map(search_text))
    };
    filter_keyed(lines, &keys, &query, filter)
}

/// What the search looks into, not folded yet: crop, plot, destination code and note (a
/// word typed is found in one of them: the spaces between them never match).
pub fn search_text(line: &HarvestLine) -> String {
    format!(
        "{} {} {} {}",
        line.crop_name.trim(),
        line.plot_name.trim(),
        line.harvest.destination.code(),
        line.harvest.notes.trim()
    )
}

/// Positions in `lines` of the lines `filter` keeps, in order, its search read as `query`
/// in `keys` (each line's [`search_text`] folded once, in the order of `lines`).
pub fn filter_keyed(
    lines: &[HarvestLine],
    keys: &SearchKeys,
    query: &Query,
    filter: &HarvestFilter,
) -> Vec<usize> {
    let mut kept = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let h = &line.harvest;
        if h.date < filter.from
            || h.date > filter.to
            || filter.crop_id.is_some_and(|id| id != h.crop_id)
            || filter.plot_id.is_some_and(|id| Some(id) != h.plot_id)
            || !keys.matches(i, query)
        {
            continue;
        }
        kept.push(i);
    }
    kept
}

/// Kg totals of some lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    /// Number of lines.
    pub lines: usize,
    /// Kg of every weighed line.
    pub kg: f64,
    /// Kg per crop name, heaviest first.
    pub by_crop: Vec<(String, f64)>,
    /// Kg per plot name ('' for lines without a plot), heaviest first.
    pub by_plot: Vec<(String, f64)>,
    /// Kg per destination, in `Destination::ALL` order.
    pub by_destination: Vec<(Destination, f64)>,
    /// Lines no total could weigh: (crop name, unit, quantity), by crop name.
    pub unweighed: Vec<(String, Unit, f64)>,
}

fn heaviest_first(map: HashMap<String, f64>) -> Vec<(String, f64)> {
    let mut list: Vec<_> = map.into_iter().collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| compare(&a.0, &b.0)));
    list
}

/// Totals of `lines`: kg per crop, plot and destination, and what could not be weighed.
pub fn totals(lines: &[&HarvestLine]) -> Totals {
    let mut by_crop: HashMap<String, f64> = HashMap::new();
    let mut by_plot: HashMap<String, f64> = HashMap::new();
    let mut by_destination: HashMap<Destination, f64> = HashMap::new();
    let mut unweighed: HashMap<(String, Unit), f64> = HashMap::new();
    let mut kg_total = 0.0;
    for line in lines {
        let Some(kg) = line.kg else {
            *unweighed
                .entry((line.crop_name.clone(), line.harvest.unit))
                .or_default() += line.harvest.quantity;
            continue;
        };
        kg_total += kg;
        match by_crop.get_mut(line.crop_name.as_str()) {
            Some(total) => *total += kg,
            None => {
                by_crop.insert(line.crop_name.clone(), kg);
            }
        }
        match by_plot.get_mut(line.plot_name.as_str()) {
            Some(total) => *total += kg,
            None => {
                by_plot.insert(line.plot_name.clone(), kg);
            }
        }
        *by_destination.entry(line.harvest.destination).or_default() += kg;
    }
    let mut by_destination: Vec<_> = by_destination.into_iter().collect();
    by_destination.sort_by_key(|(destination, _)| *destination);
    let mut unweighed: Vec<_> = unweighed
        .into_iter()
        .map(|((crop, unit), quantity)| (crop, unit, quantity))
        .collect();
    unweighed.sort_by(|a, b| compare(&a.0, &b.0).then(a.1.cmp(&b.1)));
    Totals {
        lines: lines.len(),
        kg: kg_total,
        by_crop: heaviest_first(by_crop),
        by_plot: heaviest_first(by_plot),
        by_destination,
        unweighed,
    }
}

/// Kg per month (January first) of the lines dated in `year`; other lines are ignored.
pub fn kg_by_month(lines: &[&HarvestLine], year: i32) -> [f64; 12] {
    let mut months = [0.0; 12];
    for line in lines {
        let date = line.harvest.date;
        if date.year() == year
            && let Some(kg) = line.kg
        {
            months[date.month0() as usize] += kg;
        }
    }
    months
}

/// The text names are matched on: [`normalise`]d, every run of spaces, dashes (- – —),
/// apostrophes and other punctuation turned into one space ("Loue – planche C" and
/// "loue-planche c" both give "loue planche c").
pub fn match_key(text: &str) -> String {
    normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every one of `names` the user may mean by typing `typed` (case, accents, dashes and
/// punctuation ignored), best first: an exact name, then names starting with it, then
/// names holding a word starting with it ("Loue" finds "Sous la Loue" too), then names
/// holding every typed word at the start of some word ("planche lou" finds
/// "Loue – planche C"). Empty for an empty text or no match.
pub fn suggestions<'a, T: Copy>(
    typed: &str,
    names: impl IntoIterator<Item = (T, &'a str)>,
) -> Vec<(T, &'a str)> {
    let typed = match_key(typed);
    if typed.is_empty() {
        return Vec::new();
    }
    let typed_words: Vec<&str> = typed.split(' ').collect();
    let mut ranked: Vec<(u8, usize, (T, &'a str))> = Vec::new();
    for (order, (key, name)) in names.into_iter().enumerate() {
        let normal = match_key(name);
        let words: Vec<&str> = normal.split(' ').collect();
        let rank = if normal == typed {
            0
        } else if normal.starts_with(&typed) {
            1
        } else if words
            .iter()
            .enumerate()
            .any(|(i, _)| words[i..].join(" ").starts_with(&typed))
        {
            2
        } else if typed_words
            .iter()
            .all(|t| words.iter().any(|w| w.starts_with(t)))
        {
            3
        } else {
            continue;
        };
        ranked.push((rank, order, (key, name)));
    }
    ranked.sort_by_key(|(rank, order, _)| (*rank, *order));
    ranked.into_iter().map(|(_, _, found)| found).collect()
}

/// The first of `names` the user means by typing `typed`: the best of [`suggestions`].
/// `None` for an empty text or no match.
pub fn suggest<'a, T: Copy>(
    typed: &str,
    names: impl IntoIterator<Item = (T, &'a str)>,
) -> Option<(T, &'a str)> {
    suggestions(typed, names).into_iter().next()
}

/// Numbers in French ("12,5"), shared with the other areas.
pub use crate::domain::numbers::format_number;

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn line(
        day: NaiveDate,
        crop: (CropId, &str),
        plot: Option<(PlotId, &str)>,
        kg: Option<f64>,
    ) -> HarvestLine {
        HarvestLine {
            harvest: Harvest {
                id: 1,
                date: day,
                crop_id: crop.0,
                plot_id: plot.map(|p| p.0),
                quantity: kg.unwrap_or(3.0),
                unit: if kg.is_some() { Unit::Kg } else { Unit::Crate },
                destination: Destination::Baskets,
                notes: String::new(),
            },
            crop_name: crop.1.to_owned(),
            plot_name: plot.map(|p| p.1.to_owned()).unwrap_or_default(),
            kg,
        }
    }

    #[test]
    fn periods_cross_month_and_year_boundaries() {
        // Week 1 of 2026 starts on Monday 29 December 2025.
        assert_eq!(
            Period::Week.range(date(2026, 1, 1)),
            (date(2025, 12, 29), date(2026, 1, 4))
        );
        assert_eq!(
            Period::Week.range(date(2026, 3, 31)),
            (date(2026, 3, 30), date(2026, 4, 5))
        );
        assert_eq!(
            Period::Month.range(date(2028, 2, 10)),
            (date(2028, 2, 1), date(2028, 2, 29))
        );
        assert_eq!(
            Period::Month.range(date(2026, 12, 31)),
            (date(2026, 12, 1), date(2026, 12, 31))
        );
        assert_eq!(
            Period::Season.range(date(2026, 7, 14)),
            (date(2026, 1, 1), date(2026, 12, 31))
        );
        assert_eq!(Period::Month.step(date(2026, 1, 31), 1), date(2026, 2, 28));
        assert_eq!(Period::Week.step(date(2026, 1, 1), -1), date(2025, 12, 25));
        assert_eq!(Period::Season.step(date(2026, 5, 1), -1), date(2025, 5, 1));
    }

    #[test]
    fn suggest_prefers_exact_then_prefix_then_word() {
        let names = [
            (1, "Carotte"),
            (2, "Carotte nouvelle"),
            (3, "Céleri"),
            (4, "Chou"),
        ];
        assert_eq!(suggest("car", names), Some((1, "Carotte")));
        assert_eq!(
            suggest("CAROTTE NOUV", names),
            Some((2, "Carotte nouvelle"))
        );
        assert_eq!(suggest("nouv", names), Some((2, "Carotte nouvelle")));
        assert_eq!(suggest("cele", names), Some((3, "Céleri")));
        assert_eq!(suggest("chou", names), Some((4, "Chou")));
        assert_eq!(suggest("zz", names), None);
        assert_eq!(suggest("  ", names), None);
    }

    #[test]
    fn dashes_and_punctuation_do_not_matter_and_every_word_suggests() {
        let names = [
            (1, "Serre 1"),
            (2, "Loue – planche A"),
            (3, "Loue – planche C"),
            (4, "Sous la Loue"),
            (5, "L'Étang—nord"),
        ];
        // A hyphen, or no dash at all, for an en dash; case and accents ignored.
        assert_eq!(
            suggest("Loue - planche C", names),
            Some((3, "Loue – planche C"))
        );
        assert_eq!(
            suggest("loue-planche c", names),
            Some((3, "Loue – planche C"))
        );
        assert_eq!(
            suggest("LOUE PLANCHE C", names),
            Some((3, "Loue – planche C"))
        );
        assert_eq!(suggest("l etang nord", names), Some((5, "L'Étang—nord")));
        // "Loue": both Loue parcels first (they start with it), then the one holding it.
        let keys: Vec<i32> = suggestions("Loue", names).iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec![2, 3, 4]);
        // Words in another order.
        let keys: Vec<i32> = suggestions("planche lou", names)
            .iter()
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(keys, vec![2, 3]);
        assert!(suggestions("verger", names).is_empty());
    }

    #[test]
    fn filter_by_dates_crop_plot_and_words() {
        let lines = vec![
            line(
                date(2025, 12, 31),
                (1, "Carotte"),
                Some((7, "Serre 1")),
                Some(10.0),
            ),
            line(date(2026, 1, 2), (1, "Carotte"), None, Some(5.0)),
            line(
                date(2026, 1, 2),
                (2, "Poireau"),
                Some((7, "Serre 1")),
                Some(2.0),
            ),
            line(date(2026, 1, 5), (2, "Poireau"), None, Some(1.0)),
        ];
        let (from, to) = Period::Week.range(date(2026, 1, 1));
        let mut filter = HarvestFilter {
            from,
            to,
            crop_id: None,
            plot_id: None,
            search: String::new(),
        };
        assert_eq!(filter_lines(&lines, &filter).len(), 3);
        filter.crop_id = Some(1);
        assert_eq!(filter_lines(&lines, &filter).len(), 2);
        filter.plot_id = Some(7);
        assert_eq!(filter_lines(&lines, &filter).len(), 1);
        filter.crop_id = None;
        filter.plot_id = None;
        filter.search = "SERRE poir".to_owned();
        let found = filter_lines(&lines, &filter);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].crop_name, "Poireau");
    }

    #[test]
    fn totals_of_a_week_across_the_new_year() {
        let lines = vec![
            line(
                date(2025, 12, 29),
                (1, "Carotte"),
                Some((7, "Serre 1")),
                Some(10.0),
            ),
            line(date(2026, 1, 4), (1, "Carotte"), None, Some(5.5)),
            line(
                date(2026, 1, 2),
                (2, "Poireau"),
                Some((7, "Serre 1")),
                Some(20.0),
            ),
            line(date(2026, 1, 3), (3, "Radis"), None, None),
            line(date(2026, 1, 5), (2, "Poireau"), None, Some(100.0)),
        ];
        let (from, to) = Period::Week.range(date(2026, 1, 1));
        let filter = HarvestFilter {
            from,
            to,
            crop_id: None,
            plot_id: None,
            search: String::new(),
        };
        let kept = filter_lines(&lines, &filter);
        let t = totals(&kept);
        assert_eq!(t.lines, 4);
        assert_eq!(t.kg, 35.5);
        assert_eq!(
            t.by_crop,
            vec![("Poireau".to_owned(), 20.0), ("Carotte".to_owned(), 15.5)]
        );
        assert_eq!(
            t.by_plot,
            vec![("Serre 1".to_owned(), 30.0), (String::new(), 5.5)]
        );
        assert_eq!(t.by_destination, vec![(Destination::Baskets, 35.5)]);
        assert_eq!(t.unweighed, vec![("Radis".to_owned(), Unit::Crate, 3.0)]);
        let months = kg_by_month(&kept, 2026);
        assert_eq!(months[0], 25.5);
        assert_eq!(kg_by_month(&kept, 2025)[11], 10.0);
    }

    #[test]
    fn numbers_are_french() {
        assert_eq!(format_number(2.5, 2), "2,5");
        assert_eq!(format_number(12.0, 2), "12");
        assert_eq!(format_number(1234567.126, 1), "1\u{202f}234\u{202f}567,1");
        assert_eq!(format_number(-0.25, 2), "-0,25");
        assert_eq!(normalise(" Œuf Écrasé "), "oeuf ecrase");
    }
}
