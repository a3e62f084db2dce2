//! The basket round: sizes and prices, depots, funders, members with memberships and
//! subscriptions, Paniers Solidaires, absences, closures, holiday rules, compositions and
//! pickups.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, named_params};

use super::harvests::CropInfo;
use super::names;
use super::rng::Rng;
use super::{Ctx, days, monday_of, ymd};
use crate::store::Result;

/// Ids the workshops need.
pub struct Members {
    /// Every member id.
    pub all: Vec<i64>,
    /// Members of Paniers Solidaires households.
    pub solidarity: Vec<i64>,
}

/// Sizes: name, persons, price before and after 1 January of the current year (cents).
const SIZES: &[(&str, &str, i64, i64)] = &[
    ("Petit", "2 personnes", 1000, 1050),
    ("Grand", "4 personnes", 1500, 1550),
    ("Familial", "5–6 personnes", 2000, 2100),
];

/// Depots: name, address, postcode, city, ISO weekday, slot, contact, phone, capacity,
/// weight when spreading members.
type DepotDef = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    u32,
);
const DEPOTS: &[DepotDef] = &[
    (
        "Ornans – Épicerie solidaire",
        "3 rue Pierre Vernier",
        "25290",
        "Ornans",
        2,
        "16:30",
        "19:00",
        "Josiane Cuenot",
        "03 81 57 20 14",
        60,
        30,
    ),
    (
        "Besançon – Maison de quartier Battant",
        "22 rue de la Madeleine",
        "25000",
        "Besançon",
        3,
        "17:00",
        "19:30",
        "Karim Haddad",
        "03 81 81 42 07",
        50,
        25,
    ),
    (
        "Quingey – Salle des fêtes",
        "place de la Mairie",
        "25440",
        "Quingey",
        4,
        "17:00",
        "19:00",
        "Hélène Jeannin",
        "06 71 22 35 48",
        35,
        15,
    ),
    (
        "Au jardin – Vuillafans",
        "12 chemin de la Source",
        "25840",
        "Vuillafans",
        5,
        "15:00",
        "18:30",
        "Thomas Girard",
        "06 12 45 78 21",
        40,
        15,
    ),
    (
        "Amancey – Halle du marché",
        "grande rue",
        "25330",
        "Amancey",
        6,
        "09:30",
        "12:00",
        "Benoît Courvoisier",
        "06 08 91 63 27",
        35,
        15,
    ),
];

/// Funders: name, kind.
const FUNDERS: &[(&str, &str)] = &[
    ("CAF du Doubs", "caf"),
    ("MSA Franche-Comté", "msa"),
    ("CCAS d'Ornans", "ccas"),
    ("Département du Doubs", "departement"),
    ("Réseau Cocagne", "reseau"),
];

/// Funding splits: (index in FUNDERS, percent), summing to 100.
const SPLITS: &[&[(usize, i64)]] = &[
    &[(0, 50), (3, 50)],
    &[(2, 40), (4, 30), (3, 30)],
    &[(1, 60), (4, 40)],
    &[(0, 34), (2, 33), (4, 33)],
    &[(3, 70), (4, 30)],
];

const SOCIAL_WORKERS: &[(&str, &str)] = &[
    (
        "Mme Dupuis, assistante sociale",
        "Maison départementale des solidarités d'Ornans",
    ),
    (
        "M. Rolland, conseiller en économie sociale et familiale",
        "CCAS d'Ornans",
    ),
    ("Mme Saïdi, travailleuse sociale", "CAF du Doubs"),
    ("Mme Bôle, assistante sociale MSA", "MSA Franche-Comté"),
    (
        "M. Lacroix, bénévole référent",
        "Secours populaire – antenne d'Ornans",
    ),
];

/// A subscription as the pickups need it.
struct Sub {
    id: i64,
    member: i64,
    depot: usize,
    start: NaiveDate,
    end: Option<NaiveDate>,
    fortnightly: bool,
    anchor: NaiveDate,
    quantity: i64,
}

/// An absence as the pickups need it.
struct Away {
    start: NaiveDate,
    end: NaiveDate,
    mode: &'static str,
    makeup: Option<NaiveDate>,
}

/// Writes everything of the basket round.
pub fn create(conn: &Connection, ctx: &Ctx, rng: &mut Rng, crops: &[CropInfo]) -> Result<Members> {
    let today = ctx.today;
    let year = today.year();
    let sizes = create_sizes(conn, year, today)?;
    let depots = create_depots(conn, ctx.scale)?;
    let funders = create_funders(conn)?;
    let closed = create_closures(conn, year)?;
    let cancelled = create_holiday_rules(conn, year, &depots, &closed, today)?;

    let mut member_stmt = conn.prepare(
        "INSERT INTO member (last_name, first_name, co_member, address, postcode, city, phone,
             phone2, email, notes, status, joined_on)
         VALUES (:last, :first, :co, :address, :postcode, :city, :phone, :phone2, :email,
             :notes, :status, :joined)",
    )?;
    let mut membership_stmt = conn.prepare(
        "INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
         VALUES (:m, :year, :amount, :paid, :method)",
    )?;
    let mut sub_stmt = conn.prepare(
        "INSERT INTO subscription (member_id, shared_with, size_id, depot_id, quantity,
             start_date, end_date, frequency, anchor_monday)
         VALUES (:m, :shared, :size, :depot, :quantity, :start, :end, :frequency, :anchor)",
    )?;
    let mut solidarity_stmt = conn.prepare(
        "INSERT INTO solidarity (subscription_id, share_kind, share_value, social_worker,
             referring_body, review_on)
         VALUES (:s, :kind, :value, :worker, :body, :review)",
    )?;
    let mut funding_stmt = conn.prepare(
        "INSERT INTO solidarity_funding (subscription_id, funder_id, share_percent)
         VALUES (:s, :f, :p)",
    )?;

    let depot_weights: Vec<u32> = DEPOTS.iter().map(|d| d.10).collect();
    let count = 180 * ctx.scale as usize;
    let mut all = Vec::with_capacity(count);
    let mut solidarity = Vec::new();
    let mut active_members = Vec::new();
    let mut subs: Vec<Sub> = Vec::new();
    let mut fortnightly_count = 0;
    let mut skip_subscription = BTreeSet::new();
    let mut shares: Vec<(i64, usize)> = Vec::new();
    for index in 0..count {
        let status = if index % 6 == 3 || skip_subscription.contains(&index) {
            "actif" // Paniers Solidaires households are all active.
        } else {
            ["actif", "pause", "parti", "attente"][rng.weighted(&[80, 5, 9, 6])]
        };
        let is_solidarity = index % 6 == 3;
        let (gender, first, last) = names::person(rng);
        let co_member = if rng.chance(0.33) {
            let co_first = if gender == "f" {
                rng.pick(names::MALE_FIRST)
            } else {
                rng.pick(names::FEMALE_FIRST)
            };
            if rng.chance(0.6) {
                format!("{co_first} {last}")
            } else {
                format!("{co_first} {}", rng.pick(names::LAST_NAMES))
            }
        } else {
            String::new()
        };
        let (address, postcode, city) = names::address(rng);
        let joined = match status {
            "attente" => None,
            "parti" => Some(days(today, -rng.range(500, 2000))),
            _ if index % 20 == 7 => Some(days(today, -rng.range(14, 60))),
            _ => Some(days(today, -rng.range(90, 2000))),
        };
        let email = if rng.chance(0.75) {
            names::email(first, last, rng)
        } else {
            String::new()
        };
        let phone2 = if !co_member.is_empty() && rng.chance(0.5) {
            names::phone(rng)
        } else {
            String::new()
        };
        let notes = match rng.below(25) {
            0 => "Allergie au céleri : pas de céleri dans le panier.",
            1 => "Préfère être appelé·e le soir.",
            2 => "Paie par virement mensuel.",
            _ if status == "attente" => "Souhaite un panier Petit au dépôt d'Ornans.",
            _ => "",
        };
        let id = member_stmt.insert(named_params! {
            ":last": last, ":first": first, ":co": co_member, ":address": address,
            ":postcode": postcode, ":city": city, ":phone": names::phone(rng), ":phone2": phone2,
            ":email": email, ":notes": notes, ":status": status, ":joined": joined,
        })?;
        all.push(id);
        if is_solidarity {
            solidarity.push(id);
        }
        let Some(joined) = joined else { continue };

        // Memberships: last year and this year (some still unpaid this year).
        let amount = if is_solidarity {
            1500
        } else {
            *rng.pick(&[1500, 2000, 2000, 2500, 3000])
        };
        let method = ["cheque", "especes", "virement"][rng.weighted(&[55, 15, 30])];
        for y in [year - 1, year] {
            let year_start = ymd(y, 1, 1, today);
            let year_end = ymd(y, 12, 31, today);
            if joined > year_end || (y == year && (status == "parti" || rng.chance(0.12))) {
                continue;
            }
            let paid = joined.max(days(year_start, rng.range(4, 80))).min(today);
            if paid < year_start {
                continue;
            }
            membership_stmt.execute(named_params! {
                ":m": id, ":year": y, ":amount": amount, ":paid": paid, ":method": method,
            })?;
        }

        if skip_subscription.contains(&index) {
            continue;
        }
        // Subscription(s).
        let size = rng.weighted(&[45, 40, 15]);
        let mut depot = rng.weighted(&depot_weights);
        let fortnightly = !is_solidarity && rng.chance(0.2);
        let quantity = if index % 45 == 12 { 2 } else { 1 };
        let mut start = delivery_day(monday_of(joined), depot);
        if start < joined {
            start = days(start, 7);
        }
        if fortnightly {
            // Alternate the anchors' ISO-week parity so both groups exist.
            fortnightly_count += 1;
            if monday_of(start).iso_week().week() % 2 != fortnightly_count % 2 {
                start = days(start, 7);
            }
        }
        let end = match status {
            "parti" => Some(days(today, -rng.range(20, 400))),
            "pause" => Some(days(today, -rng.range(10, 60))),
            _ => None,
        };
        let end = end.map(|e| e.max(start));
        let shared = if status == "actif" && !is_solidarity && index % 90 == 10 && index + 1 < count
        {
            skip_subscription.insert(index + 1);
            Some(index + 1)
        } else {
            None
        };
        // A depot change mid-season: the old row ends, a new one starts.
        let change = status == "actif"
            && !is_solidarity
            && shared.is_none()
            && index % 25 == 4
            && start < days(today, -200);
        let mut rows = Vec::new();
        if change {
            let switch = delivery_day(monday_of(days(today, -rng.range(70, 150))), depot);
            rows.push((depot, start, Some(days(switch, -1))));
            depot = (depot + 1 + rng.below(DEPOTS.len() as u64 - 1) as usize) % DEPOTS.len();
            rows.push((depot, delivery_day(monday_of(switch), depot), end));
        } else {
            rows.push((depot, start, end));
        }
        let row_count = rows.len();
        for (i, (depot, start, end)) in rows.into_iter().enumerate() {
            let anchor = monday_of(start);
            let sid = sub_stmt.insert(named_params! {
                ":m": id, ":shared": None::<i64>, ":size": sizes[size], ":depot": depots[depot].0,
                ":quantity": quantity, ":start": start, ":end": end,
                ":frequency": if fortnightly { "quinzaine" } else { "hebdo" }, ":anchor": anchor,
            })?;
            if let Some(partner) = shared {
                shares.push((sid, partner));
            }
            subs.push(Sub {
                id: sid,
                member: id,
                depot,
                start,
                end,
                fortnightly,
                anchor,
                quantity,
            });
            if is_solidarity && i + 1 == row_count {
                let percent = rng.chance(0.6);
                let (kind, value) = if percent {
                    ("pourcentage", 30)
                } else {
                    ("montant", if size == 0 { 300 } else { 450 })
                };
                let (worker, body) = *rng.pick(SOCIAL_WORKERS);
                let review = match rng.below(6) {
                    0 => Some(days(today, rng.range(3, 20))),
                    1 => None,
                    _ => Some(days(today, rng.range(40, 330))),
                };
                solidarity_stmt.execute(named_params! {
                    ":s": sid, ":kind": kind, ":value": value, ":worker": worker, ":body": body,
                    ":review": review,
                })?;
                for &(funder, percent) in SPLITS[solidarity.len() % SPLITS.len()] {
                    funding_stmt
                        .execute(named_params! {":s": sid, ":f": funders[funder], ":p": percent})?;
                }
            }
        }
        // Absences go to households subscribed for a while, not to newcomers.
        if status == "actif" && start < days(today, -90) {
            active_members.push(id);
        }
    }
    // A shared subscription points at the member written right after: known only now.
    for (sid, partner) in shares {
        conn.execute(
            "UPDATE subscription SET shared_with = :m WHERE id = :s",
            named_params! {":m": all[partner], ":s": sid},
        )?;
    }

    let absences = create_absences(conn, ctx, rng, &active_members)?;
    create_compositions(conn, ctx, rng, crops, &sizes, &closed)?;
    create_pickups(
        conn, ctx, rng, &subs, &depots, &closed, &cancelled, &absences,
    )?;
    Ok(Members { all, solidarity })
}

/// The delivery date of `depot` in the week of `monday`.
fn delivery_day(monday: NaiveDate, depot: usize) -> NaiveDate {
    days(monday, i64::from(DEPOTS[depot].4) - 1)
}

fn create_sizes(conn: &Connection, year: i32, today: NaiveDate) -> Result<Vec<i64>> {
    let mut size_stmt = conn.prepare(
        "INSERT INTO basket_size (name, persons, position, active) VALUES (:name, :persons, :pos, 1)",
    )?;
    let mut price_stmt = conn.prepare(
        "INSERT INTO basket_price (size_id, valid_from, price_cents) VALUES (:s, :from, :price)",
    )?;
    let mut ids = Vec::new();
    for (position, &(name, persons, old, new)) in SIZES.iter().enumerate() {
        let id = size_stmt.insert(
            named_params! {":name": name, ":persons": persons, ":pos": position as i64 + 1},
        )?;
        price_stmt.execute(
            named_params! {":s": id, ":from": ymd(year - 2, 1, 1, today), ":price": old},
        )?;
        price_stmt
            .execute(named_params! {":s": id, ":from": ymd(year, 1, 1, today), ":price": new})?;
        ids.push(id);
    }
    Ok(ids)
}

fn create_depots(conn: &Connection, scale: u32) -> Result<Vec<(i64, u32)>> {
    let mut stmt = conn.prepare(
        "INSERT INTO depot (name, address, postcode, city, weekday, slot_start, slot_end,
             contact_name, contact_phone, capacity, active)
         VALUES (:name, :address, :postcode, :city, :weekday, :start, :end, :contact, :phone,
             :capacity, 1)",
    )?;
    let mut ids = Vec::new();
    for &(name, address, postcode, city, weekday, start, end, contact, phone, capacity, _) in DEPOTS
    {
        let id = stmt.insert(named_params! {
            ":name": name, ":address": address, ":postcode": postcode, ":city": city,
            ":weekday": weekday, ":start": start, ":end": end, ":contact": contact,
            ":phone": phone, ":capacity": capacity * i64::from(scale),
        })?;
        ids.push((id, weekday));
    }
    Ok(ids)
}

fn create_funders(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("INSERT INTO funder (name, kind, active) VALUES (:name, :kind, 1)")?;
    let mut ids = Vec::new();
    for &(name, kind) in FUNDERS {
        ids.push(stmt.insert(named_params! {":name": name, ":kind": kind})?);
    }
    Ok(ids)
}

/// Christmas (two weeks) and two weeks of August, last year and this year.
fn create_closures(conn: &Connection, year: i32) -> Result<BTreeSet<NaiveDate>> {
    let mut closed = BTreeMap::new();
    for y in [year - 2, year - 1, year] {
        let Some(christmas) = NaiveDate::from_ymd_opt(y, 12, 25) else {
            continue;
        };
        let first = monday_of(christmas);
        closed.insert(first, "Fêtes de fin d'année");
        closed.insert(days(first, 7), "Fêtes de fin d'année");
        if y >= year - 1 {
            let Some(august) = NaiveDate::from_ymd_opt(y, 8, 8) else {
                continue;
            };
            let first = monday_of(august);
            closed.insert(first, "Congés d'été");
            closed.insert(days(first, 7), "Congés d'été");
        }
    }
    let mut stmt =
        conn.prepare("INSERT INTO closure (monday, reason) VALUES (:monday, :reason)")?;
    for (monday, reason) in &closed {
        stmt.execute(named_params! {":monday": monday, ":reason": reason})?;
    }
    Ok(closed.into_keys().collect())
}

/// Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Last year's Ascension moved to the Wednesday for the Thursday depot, and a fixed holiday
/// falling on a delivery day cancelled for all depots. Returns (date, depot id or None) of
/// cancelled deliveries.
fn create_holiday_rules(
    conn: &Connection,
    year: i32,
    depots: &[(i64, u32)],
    closed: &BTreeSet<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, Option<i64>)>> {
    let mut stmt = conn.prepare(
        "INSERT INTO holiday_rule (date, depot_id, action, moved_to)
         VALUES (:date, :depot, :action, :moved)",
    )?;
    if let Some(easter) = easter(year - 1) {
        let ascension = days(easter, 39);
        let thursday = depots.iter().find(|d| d.1 == 4).map(|d| d.0);
        stmt.execute(named_params! {
            ":date": ascension, ":depot": thursday, ":action": "deplacee",
            ":moved": days(ascension, -1),
        })?;
    }
    let mut cancelled = Vec::new();
    for (month, day) in [(11, 11), (11, 1), (7, 14), (5, 8), (5, 1)] {
        let date = ymd(year - 1, month, day, today);
        let weekday = date.weekday().number_from_monday();
        if (2..=6).contains(&weekday) && !closed.contains(&monday_of(date)) {
            stmt.execute(named_params! {
                ":date": date, ":depot": None::<i64>, ":action": "annulee", ":moved": None::<NaiveDate>,
            })?;
            cancelled.push((date, None));
            break;
        }
    }
    Ok(cancelled)
}

/// Member, first day, last day, mode, chosen make-up week, notes.
type PlannedAbsence = (
    i64,
    NaiveDate,
    NaiveDate,
    &'static str,
    Option<NaiveDate>,
    &'static str,
);

fn create_absences(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    active: &[i64],
) -> Result<BTreeMap<i64, Vec<Away>>> {
    let mut stmt = conn.prepare(
        "INSERT INTO absence (member_id, start_date, end_date, mode, makeup_monday, notes)
         VALUES (:m, :start, :end, :mode, :makeup, :notes)",
    )?;
    let mut out: BTreeMap<i64, Vec<Away>> = BTreeMap::new();
    if active.is_empty() {
        return Ok(out);
    }
    let monday = ctx.monday;
    let mut plan: Vec<PlannedAbsence> = vec![
        // Away all of next week.
        (
            active[2 % active.len()],
            days(monday, 7),
            days(monday, 13),
            "non_prepare",
            None,
            "Vacances",
        ),
        // Away three weeks ago, made up next week.
        (
            active[5 % active.len()],
            days(monday, -21),
            days(monday, -15),
            "reporte",
            Some(days(monday, 7)),
            "Rattrapage demandé la semaine prochaine",
        ),
        // Away two weeks ago, basket donated.
        (
            active[8 % active.len()],
            days(monday, -14),
            days(monday, -8),
            "donne",
            None,
            "Panier donné à l'épicerie solidaire",
        ),
    ];
    for _ in 0..12 * ctx.scale {
        let member = *rng.pick(active);
        let start = days(monday, rng.range(-60, 40));
        let end = days(start, rng.range(6, 27));
        let mode = ["non_prepare", "donne", "reporte"][rng.weighted(&[50, 25, 25])];
        plan.push((member, start, end, mode, None, ""));
    }
    for (member, start, end, mode, makeup, notes) in plan {
        let list = out.entry(member).or_default();
        if list.iter().any(|a| a.start <= end && start <= a.end) {
            continue; // no overlapping absences for one member
        }
        stmt.execute(named_params! {
            ":m": member, ":start": start, ":end": end, ":mode": mode, ":makeup": makeup,
            ":notes": notes,
        })?;
        list.push(Away {
            start,
            end,
            mode,
            makeup,
        });
    }
    Ok(out)
}

fn create_compositions(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    crops: &[CropInfo],
    sizes: &[i64],
    closed: &BTreeSet<NaiveDate>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO composition_item (monday, size_id, crop_id, quantity, unit)
         VALUES (:monday, :size, :crop, :quantity, :unit)",
    )?;
    for week in -8..=1 {
        let monday = days(ctx.monday, 7 * week);
        if closed.contains(&monday) {
            continue;
        }
        let mut available: Vec<&CropInfo> = crops.iter().filter(|c| c.in_season(monday)).collect();
        // Shuffle (Fisher–Yates) and keep 5 to 8.
        for i in (1..available.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            available.swap(i, j);
        }
        let keep = (rng.range(5, 8) as usize).min(available.len());
        for crop in &available[..keep] {
            for (factor, &size) in sizes.iter().enumerate() {
                let quantity = if crop.unit == "kg" {
                    (crop.basket * [1.0, 1.5, 2.0][factor] * 20.0).round() / 20.0
                } else {
                    (factor + 1) as f64
                };
                stmt.execute(named_params! {
                    ":monday": monday, ":size": size, ":crop": crop.id, ":quantity": quantity,
                    ":unit": crop.unit,
                })?;
            }
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn create_pickups(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    subs: &[Sub],
    depots: &[(i64, u32)],
    closed: &BTreeSet<NaiveDate>,
    cancelled: &[(NaiveDate, Option<i64>)],
    absences: &BTreeMap<i64, Vec<Away>>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO pickup (monday, subscription_id, baskets, status)
         VALUES (:monday, :s, :baskets, :status)",
    )?;
    let none = Vec::new();
    for sub in subs {
        let away = absences.get(&sub.member).unwrap_or(&none);
        let mut pending: Option<(i64, Option<NaiveDate>)> = None;
        for week in -8..0 {
            let monday = days(ctx.monday, 7 * week);
            let date = delivery_day(monday, sub.depot);
            let running = sub.start <= date && sub.end.is_none_or(|end| date <= end);
            let elapsed = (monday - sub.anchor).num_days() / 7;
            let its_week = !sub.fortnightly || (elapsed >= 0 && elapsed % 2 == 0);
            let off = cancelled
                .iter()
                .any(|&(d, depot)| d == date && depot.is_none_or(|id| id == depots[sub.depot].0));
            if !running || !its_week || closed.contains(&monday) || off || date > ctx.today {
                continue;
            }
            if let Some(absence) = away.iter().find(|a| a.start <= date && date <= a.end) {
                match absence.mode {
                    "donne" => {
                        stmt.execute(named_params! {
                            ":monday": monday, ":s": sub.id, ":baskets": sub.quantity, ":status": "donne",
                        })?;
                    }
                    "reporte" => {
                        let owed = pending.map_or(0, |p| p.0) + sub.quantity;
                        pending = Some((owed, absence.makeup));
                    }
                    _ => {}
                }
                continue;
            }
            let mut baskets = sub.quantity;
            if let Some((owed, target)) = pending
                && target.is_none_or(|t| t == monday)
            {
                baskets += owed;
                pending = None;
            }
            let status = ["retire", "non_retire", "donne"][rng.weighted(&[93, 5, 2])];
            stmt.execute(named_params! {
                ":monday": monday, ":s": sub.id, ":baskets": baskets, ":status": status,
            })?;
        }
    }
    Ok(())
}
