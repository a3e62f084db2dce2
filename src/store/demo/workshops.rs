//! Collective workshops: cooking, canning, gardening, nutrition… with animators, past and
//! coming sessions, and attendances of members, employees and outside people.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Statement, named_params};

use super::baskets::Members;
use super::insertion::People;
use super::rng::Rng;
use super::{Ctx, days};
use crate::store::Result;

/// Animator: a staff member (index into People::staff) or a typed name.
#[derive(Clone, Copy)]
enum Animator {
    Staff(usize),
    Name(&'static str),
}

/// Type, title, place, capacity, audience, animators, number of sessions.
type WorkshopDef = (
    &'static str,
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static [Animator],
    usize,
);

const WORKSHOPS: &[WorkshopDef] = &[
    (
        "Cuisine",
        "Cuisiner les légumes du panier",
        "Maison de quartier Battant, Besançon",
        10,
        "Adhérents",
        &[Animator::Name("Leïla Haddad, diététicienne")],
        4,
    ),
    (
        "Conserves",
        "Bocaux et lacto-fermentation",
        "Au jardin – salle commune",
        8,
        "Adhérents et salariés",
        &[Animator::Staff(0), Animator::Name("Odile Tissot, bénévole")],
        2,
    ),
    (
        "Jardinage",
        "Semis et plants au potager",
        "Serre 1",
        12,
        "Tout public",
        &[Animator::Staff(0)],
        3,
    ),
    (
        "Nutrition",
        "Manger équilibré à petit prix",
        "CCAS d'Ornans",
        12,
        "Paniers Solidaires",
        &[Animator::Name("Mme Dupuis, CESF")],
        2,
    ),
    (
        "Cuisine",
        "Soupes et veloutés d'hiver",
        "Épicerie solidaire d'Ornans",
        10,
        "Adhérents",
        &[Animator::Name("Leïla Haddad, diététicienne")],
        2,
    ),
    (
        "Autre",
        "Visite du jardin et goûter",
        "Au jardin",
        25,
        "Tout public",
        &[Animator::Staff(2), Animator::Staff(0)],
        1,
    ),
    (
        "Jardinage",
        "Compost et paillage",
        "Au jardin – Pré Bas",
        12,
        "Tout public",
        &[Animator::Staff(0)],
        2,
    ),
    (
        "Conserves",
        "Coulis de tomates et confitures",
        "Au jardin – salle commune",
        8,
        "Adhérents",
        &[Animator::Name("Odile Tissot, bénévole")],
        2,
    ),
    (
        "Cuisine",
        "Les courges dans tous leurs états",
        "Salle des fêtes de Quingey",
        12,
        "Adhérents",
        &[Animator::Name("Jean-Luc Ménétrier, cuisinier")],
        2,
    ),
    (
        "Nutrition",
        "Lire les étiquettes",
        "Maison de quartier Battant, Besançon",
        12,
        "Paniers Solidaires",
        &[Animator::Name("Mme Dupuis, CESF"), Animator::Staff(1)],
        1,
    ),
    (
        "Jardinage",
        "Entretenir ses aromatiques",
        "Jardin aromatique",
        10,
        "Tout public",
        &[Animator::Staff(0)],
        1,
    ),
    (
        "Autre",
        "Fabriquer ses produits ménagers",
        "Épicerie solidaire d'Ornans",
        10,
        "Adhérents",
        &[Animator::Name("Anaïs Vernier, association Zéro déchet 25")],
        2,
    ),
    (
        "Cuisine",
        "Cuisines du monde",
        "Au jardin – salle commune",
        12,
        "Salariés et adhérents",
        &[Animator::Staff(1)],
        3,
    ),
    (
        "Jardinage",
        "Récolter et garder ses graines",
        "Serre 2",
        10,
        "Tout public",
        &[Animator::Staff(0)],
        1,
    ),
    (
        "Conserves",
        "Séchage des herbes et des légumes",
        "Au jardin – salle commune",
        8,
        "Adhérents",
        &[Animator::Staff(0)],
        1,
    ),
];

const OUTSIDERS: &[&str] = &[
    "Élodie Marchand (CCAS)",
    "Fatou Sy",
    "Gérard Pourcelot",
    "Amélie Roy (stagiaire CESF)",
    "Yannick Le Gall",
    "Nadia Ben Salah",
];

const SLOTS: &[(&str, &str)] = &[("09:30", "12:00"), ("14:00", "16:30"), ("18:00", "20:00")];

/// A planned session: workshop index, date, slot index.
type Planned = (usize, NaiveDate, usize);

/// Writes workshops, animators, sessions and attendances.
pub fn create(
    conn: &Connection,
    ctx: &Ctx,
    rng: &mut Rng,
    people: &People,
    members: &Members,
) -> Result<()> {
    // Plan the sessions first, to know which past session stays unfilled.
    let mut plan = this_season_plan(ctx, rng);
    plan.extend(past_seasons_plan(ctx, rng));
    let unfilled = plan
        .iter()
        .enumerate()
        .filter(|(_, p)| p.1 < ctx.today)
        .max_by_key(|(i, p)| (p.1, *i))
        .map(|(i, _)| i);
    let workshop_ids = create_workshops(conn, people)?;
    let mut session_stmt = conn.prepare(
        "INSERT INTO workshop_session (workshop_id, date, start_time, end_time)
         VALUES (:w, :date, :start, :end)",
    )?;
    let mut seats = Seats {
        stmt: conn.prepare(
            "INSERT INTO attendance (session_id, member_id, employee_id, outside_name, status)
             VALUES (:s, :member, :employee, :outside, :status)",
        )?,
        employees: people
            .employees
            .iter()
            .filter(|e| e.1)
            .map(|e| e.0)
            .collect(),
        members,
    };
    for (index, &(k, date, slot)) in plan.iter().enumerate() {
        let (start, end) = SLOTS[slot];
        let session = session_stmt.insert(named_params! {
            ":w": workshop_ids[k], ":date": date, ":start": start, ":end": end,
        })?;
        let filled = date < ctx.today && Some(index) != unfilled;
        seats.fill(rng, session, &WORKSHOPS[k], filled)?;
    }
    Ok(())
}

/// The demo season's sessions: each workshop every fortnight from its first date.
fn this_season_plan(ctx: &Ctx, rng: &mut Rng) -> Vec<Planned> {
    let mut plan = Vec::new();
    for (k, def) in WORKSHOPS.iter().enumerate() {
        let first = days(ctx.today, -280 + 22 * k as i64 + rng.range(-5, 5));
        let slot = rng.below(SLOTS.len() as u64) as usize;
        for n in 0..def.6 {
            let mut date = days(first, 14 * n as i64);
            let weekday = date.weekday().number_from_monday();
            if weekday == 1 || weekday == 7 {
                date = days(date, 2); // Tuesday or Tuesday-after-Sunday… kept on weekdays
            }
            plan.push((k, date, slot));
        }
    }
    plan
}

/// The workshops and their animators; returns the workshops' ids in `WORKSHOPS` order.
fn create_workshops(conn: &Connection, people: &People) -> Result<Vec<i64>> {
    let mut workshop_stmt = conn.prepare(
        "INSERT INTO workshop (type_id, title, description, place, capacity, audience)
         VALUES ((SELECT id FROM workshop_type WHERE name = :type), :title, :description,
             :place, :capacity, :audience)",
    )?;
    let mut animator_stmt = conn.prepare(
        "INSERT INTO workshop_animator (workshop_id, staff_id, name) VALUES (:w, :staff, :name)",
    )?;
    let mut workshop_ids = Vec::new();
    for &(kind, title, place, capacity, audience, animators, _) in WORKSHOPS {
        let id = workshop_stmt.insert(named_params! {
            ":type": kind, ":title": title, ":description": format!("Atelier {} : {}.", kind.to_lowercase(), title.to_lowercase()),
            ":place": place, ":capacity": capacity, ":audience": audience,
        })?;
        for animator in animators {
            match *animator {
                Animator::Staff(i) => animator_stmt
                    .execute(named_params! {":w": id, ":staff": people.staff[i], ":name": ""})?,
                Animator::Name(name) => animator_stmt
                    .execute(named_params! {":w": id, ":staff": None::<i64>, ":name": name})?,
            };
        }
        workshop_ids.push(id);
    }
    Ok(workshop_ids)
}

/// Who takes the seats of a session: employees on a path, members, outside people.
struct Seats<'c, 'a> {
    stmt: Statement<'c>,
    employees: Vec<i64>,
    members: &'a Members,
}

impl Seats<'_, '_> {
    /// Writes the attendances of one session: present, absent or excused once it is past
    /// (`filled`), expected otherwise.
    fn fill(&mut self, rng: &mut Rng, session: i64, def: &WorkshopDef, filled: bool) -> Result<()> {
        let wanted = rng.range(def.3 / 2, def.3);
        let mut seen_members = BTreeSet::new();
        let mut seen_employees = BTreeSet::new();
        let mut seen_outsiders = BTreeSet::new();
        let employees_first = def.4.starts_with("Salariés");
        for _ in 0..wanted {
            let roll = rng.below(100);
            let (member, employee, outside) =
                if (employees_first && roll < 60) || (!employees_first && roll < 12) {
                    if self.employees.is_empty() {
                        continue;
                    }
                    let e = *rng.pick(&self.employees);
                    if !seen_employees.insert(e) {
                        continue;
                    }
                    (None, Some(e), "")
                } else if roll < 92 {
                    let solidarity = &self.members.solidarity;
                    let pool = if (def.4 == "Paniers Solidaires" || rng.chance(0.5))
                        && !solidarity.is_empty()
                    {
                        solidarity
                    } else {
                        &self.members.all
                    };
                    let m = *rng.pick(pool);
                    if !seen_members.insert(m) {
                        continue;
                    }
                    (Some(m), None, "")
                } else {
                    let name = *rng.pick(OUTSIDERS);
                    if !seen_outsiders.insert(name) {
                        continue;
                    }
                    (None, None, name)
                };
            let status = if filled {
                ["present", "absent", "excuse"][rng.weighted(&[78, 10, 12])]
            } else {
                "attendu"
            };
            self.stmt.execute(named_params! {
                ":s": session, ":member": member, ":employee": employee, ":outside": outside,
                ":status": status,
            })?;
        }
        Ok(())
    }
}

/// The sessions of the seasons before the usual demo's (none for the usual demo): each
/// workshop ran about six times as often as in the demo's season, on weekdays.
fn past_seasons_plan(ctx: &Ctx, rng: &mut Rng) -> Vec<Planned> {
    let mut plan = Vec::new();
    for back in 1..ctx.years {
        let season_end = ctx.years_ago(back).today;
        for (k, def) in WORKSHOPS.iter().enumerate() {
            let first = days(season_end, -340 + 20 * k as i64 + rng.range(-5, 5));
            let slot = rng.below(SLOTS.len() as u64) as usize;
            for n in 0..6 * def.6 {
                let mut date = days(first, 9 * n as i64);
                let weekday = date.weekday().number_from_monday();
                if weekday >= 6 {
                    // A weekend day moves to the next Tuesday.
                    date = days(date, 9 - i64::from(weekday));
                }
                plan.push((k, date, slot));
            }
        }
    }
    plan
}
