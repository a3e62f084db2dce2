//! The two cross-tables every basket tool is asked for: baskets per depot × size over a
//! range of weeks, and kg per crop × month of a season.

use chrono::Datelike;

use crate::domain::baskets::{BasketSize, Depot};
use crate::domain::calendar::{IsoWeek, month_name};
use crate::domain::distribution::WeekPlan;
use crate::domain::export::{Cell, CellKind, ExportTable};
use crate::domain::harvest_query::HarvestLine;
use crate::domain::text::compare;
use crate::store::sheets::BasketsRange;

pub use crate::store::sheets::{DEFAULT_DELIVERY_WEEKS, MAX_WEEKS};

fn count(n: i64) -> Cell {
    Cell::Integer(n)
}

/// Baskets to prepare per depot and size, week by week: one line per delivering depot and
/// week (week, delivery day, depot, one column per size, total), a total line after each
/// week, then each depot's total over the range and the grand total. A week where no depot
/// delivers gets one line saying why.
pub fn baskets_by_depot_and_size(
    plans: &[WeekPlan],
    depots: &[Depot],
    sizes: &[BasketSize],
) -> ExportTable {
    // Active sizes, plus any size no longer offered that still has baskets in the range.
    let shown: Vec<&BasketSize> = sizes
        .iter()
        .filter(|s| {
            s.active
                || plans.iter().any(|p| {
                    p.totals_by_size()
                        .get(&s.id)
                        .is_some_and(|&baskets| baskets > 0)
                })
        })
        .collect();
    let mut totals = Totals {
        table: table_head(plans, &shown),
        shown,
        depots,
        by_depot: Vec::new(),
        grand: Vec::new(),
    };
    totals.grand = vec![0; totals.shown.len()];
    for plan in plans {
        totals.push_week(plan);
    }
    totals.finish()
}

/// The table's title and columns: week, delivery, depot, one per size shown, total.
fn table_head(plans: &[WeekPlan], shown: &[&BasketSize]) -> ExportTable {
    let title = match (plans.first(), plans.last()) {
        (Some(first), Some(last)) => format!(
            "Paniers S{} {} à S{} {}",
            first.week.week(),
            first.week.year(),
            last.week.week(),
            last.week.year()
        ),
        _ => "Paniers par dépôt".to_owned(),
    };
    let mut table = ExportTable::new(
        title,
        &[
            ("Semaine", CellKind::Text),
            ("Livraison", CellKind::Date),
            ("Dépôt", CellKind::Text),
        ],
    );
    for size in shown {
        table.push_column(size.name.clone(), CellKind::Integer);
    }
    table.push_column("Total", CellKind::Integer);
    table
}

/// The baskets table being filled, with the sums it closes on.
struct Totals<'a> {
    table: ExportTable,
    shown: Vec<&'a BasketSize>,
    depots: &'a [Depot],
    /// Per depot over the range: (depot id, name, counts per size, total).
    by_depot: Vec<(i64, String, Vec<i64>, i64)>,
    /// Per size over the range.
    grand: Vec<i64>,
}

impl Totals<'_> {
    fn depot_name(&self, id: i64) -> String {
        self.depots
            .iter()
            .find(|d| d.id == id)
            .map_or_else(String::new, |d| d.name.clone())
    }

    /// One week: a line per delivering depot and the week's total, or why nobody delivers.
    fn push_week(&mut self, plan: &WeekPlan) {
        let label = format!("S{} {}", plan.week.week(), plan.week.year());
        let mut delivering: Vec<_> = plan
            .depots
            .iter()
            .filter_map(|d| d.delivery.date().map(|date| (date, d)))
            .collect();
        delivering.sort_by(|(date_a, a), (date_b, b)| {
            date_a
                .cmp(date_b)
                .then_with(|| compare(&self.depot_name(a.depot_id), &self.depot_name(b.depot_id)))
        });
        if delivering.is_empty() {
            let reason = plan
                .depots
                .first()
                .map_or_else(|| "Aucun dépôt actif".to_owned(), |d| d.delivery.describe());
            self.table
                .push(vec![Cell::text(label), Cell::Empty, Cell::text(reason)]);
            return;
        }
        let mut week_counts = vec![0_i64; self.shown.len()];
        for (date, depot) in delivering {
            let by_size = depot.baskets_by_size();
            let counts: Vec<i64> = self
                .shown
                .iter()
                .map(|s| by_size.get(&s.id).copied().unwrap_or(0))
                .collect();
            let total: i64 = counts.iter().sum();
            let name = self.depot_name(depot.depot_id);
            let mut cells = vec![
                Cell::text(label.clone()),
                Cell::Date(date),
                Cell::text(name.clone()),
            ];
            cells.extend(counts.iter().map(|&n| count(n)));
            cells.push(count(total));
            self.table.push(cells);
            for (i, n) in counts.iter().enumerate() {
                week_counts[i] += n;
                self.grand[i] += n;
            }
            self.add_to_depot(depot.depot_id, name, counts, total);
        }
        let mut cells = vec![
            Cell::text(label),
            Cell::Empty,
            Cell::text("Total de la semaine"),
        ];
        cells.extend(week_counts.iter().map(|&n| count(n)));
        cells.push(count(week_counts.iter().sum()));
        self.table.push_total(cells);
    }

    fn add_to_depot(&mut self, id: i64, name: String, counts: Vec<i64>, total: i64) {
        match self.by_depot.iter_mut().find(|(depot, ..)| *depot == id) {
            Some((_, _, sums, sum)) => {
                for (i, n) in counts.iter().enumerate() {
                    sums[i] += n;
                }
                *sum += total;
            }
            None => self.by_depot.push((id, name, counts, total)),
        }
    }

    /// Each depot's total over the range, by name, then the grand total.
    fn finish(mut self) -> ExportTable {
        self.by_depot
            .sort_by(|(_, a, ..), (_, b, ..)| compare(a, b));
        for (_, name, counts, total) in &self.by_depot {
            let mut cells = vec![
                Cell::text("Période"),
                Cell::Empty,
                Cell::text(format!("Total {name}")),
            ];
            cells.extend(counts.iter().map(|&n| count(n)));
            cells.push(count(*total));
            self.table.push_total(cells);
        }
        let mut cells = vec![
            Cell::text("Période"),
            Cell::Empty,
            Cell::text("Total général"),
        ];
        cells.extend(self.grand.iter().map(|&n| count(n)));
        cells.push(count(self.grand.iter().sum()));
        self.table.push_total(cells);
        self.table
    }
}

/// The baskets table of the range read by `store::sheets::baskets_range`.
pub fn baskets_table(range: &BasketsRange) -> ExportTable {
    baskets_by_depot_and_size(&range.plans, &range.depots, &range.sizes)
}

/// Checks a range of weeks: `to` not before `from`, at most [`MAX_WEEKS`] weeks; returns
/// the number of weeks or a French message.
pub fn week_range(from: IsoWeek, to: IsoWeek) -> Result<u32, String> {
    let weeks = to.weeks_since(from) + 1;
    if weeks < 1 {
        return Err("La semaine de fin est avant la semaine de début.".to_owned());
    }
    if weeks > MAX_WEEKS {
        return Err(format!(
            "{weeks} semaines : choisissez au plus {MAX_WEEKS} semaines."
        ));
    }
    u32::try_from(weeks).map_err(|_| "Période trop longue.".to_owned())
}

/// Kg harvested per crop and month of `year` (crops by name, January to December, a total
/// column and a total line). Lines without a weight and lines of other years are left out.
pub fn kg_by_crop_and_month(lines: &[&HarvestLine], year: i32) -> ExportTable {
    let mut table = ExportTable::new(
        format!("Kg par culture et mois {year}"),
        &[("Culture", CellKind::Text)],
    );
    for month in 1..=12 {
        table.push_column(capitalised(month_name(month)), CellKind::Decimal);
    }
    table.push_column("Total", CellKind::Decimal);
    let mut crops: Vec<(String, [f64; 12])> = Vec::new();
    for line in lines {
        let date = line.harvest.date;
        let Some(kg) = line.kg.filter(|_| date.year() == year) else {
            continue;
        };
        let month = date.month0() as usize;
        match crops.iter_mut().find(|(name, _)| *name == line.crop_name) {
            Some((_, months)) => months[month] += kg,
            None => {
                let mut months = [0.0; 12];
                months[month] = kg;
                crops.push((line.crop_name.clone(), months));
            }
        }
    }
    crops.sort_by(|(a, _), (b, _)| compare(a, b));
    let mut totals = [0.0; 12];
    for (name, months) in &crops {
        let mut cells = vec![Cell::text(name.clone())];
        cells.extend(months.iter().map(|&kg| kg_cell(kg)));
        cells.push(Cell::Decimal(months.iter().sum()));
        table.push(cells);
        for (total, kg) in totals.iter_mut().zip(months) {
            *total += kg;
        }
    }
    let mut cells = vec![Cell::text("Total")];
    cells.extend(totals.iter().map(|&kg| Cell::Decimal(kg)));
    cells.push(Cell::Decimal(totals.iter().sum()));
    table.push_total(cells);
    table
}

/// An empty cell for a month without harvest (easier to read than a column of zeros).
fn kg_cell(kg: f64) -> Cell {
    if kg == 0.0 {
        Cell::Empty
    } else {
        Cell::Decimal(kg)
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
