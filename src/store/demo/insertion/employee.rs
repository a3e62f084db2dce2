//! One employee on one path: identity, criteria, PASS, contracts, follow-ups, trainings,
//! exit and FSE+ snapshots.

use chrono::{Datelike, NaiveDate};
use rusqlite::named_params;

use super::paths::{EXIT_DETAILS, FOLLOW_UP_NOTES, POSTS, PRESCRIBERS, Path, TRAININGS};
use super::{LEVEL1_CRITERIA, Statements};
use crate::store::demo::names;
use crate::store::demo::rng::Rng;
use crate::store::demo::{Ctx, age_on, days, months};
use crate::store::{Result, StoreError};

/// Contracts from `entry` until one reaches past `until`: (start, planned end).
fn chain(
    rng: &mut Rng,
    entry: NaiveDate,
    until: NaiveDate,
    first_months: i32,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut start = entry;
    let mut length = first_months;
    loop {
        let end = days(months(start, length), -1);
        out.push((start, end));
        if end >= until || out.len() >= 6 {
            return out;
        }
        start = days(end, 1);
        length = rng.range(4, 12) as i32;
    }
}

/// Where the person stands after this path: what a second path needs.
pub(super) struct Hired {
    /// Row id of the employee.
    pub id: i64,
    /// Exit date of the path (None while on it).
    pub exit: Option<NaiveDate>,
    /// Last day of the PASS IAE as granted.
    pub pass_end: NaiveDate,
    /// The FSE+ answers, taken again at a new entry.
    fse: Fse,
}

/// The answers of an FSE+ questionnaire, the same at each stage of a path.
#[derive(Clone, Copy)]
struct Fse {
    gender: &'static str,
    birth: NaiveDate,
    education: &'static str,
    labour: &'static str,
    disability: &'static str,
    foreign_origin: &'static str,
    minority: &'static str,
    homeless: &'static str,
}

/// Entry date, contracts (start, planned end) and exit date of a path.
type Dates = (NaiveDate, Vec<(NaiveDate, NaiveDate)>, Option<NaiveDate>);

/// The dates of `path` as seen on `today`.
fn dates_of(rng: &mut Rng, path: Path, today: NaiveDate) -> Dates {
    match path {
        Path::New => {
            let entry = days(today, -rng.range(18, 45));
            let first = rng.range(4, 6) as i32;
            (entry, chain(rng, entry, today, first), None)
        }
        Path::Ongoing => {
            let entry = days(months(today, -(rng.range(2, 7) as i32)), -rng.range(0, 25));
            let until = days(today, rng.range(40, 120));
            let first = rng.range(6, 12) as i32;
            (entry, chain(rng, entry, until, first), None)
        }
        Path::Renewed => {
            let entry = days(months(today, -(rng.range(9, 15) as i32)), -rng.range(0, 25));
            let until = days(today, rng.range(40, 150));
            let first = rng.range(6, 8) as i32;
            (entry, chain(rng, entry, until, first), None)
        }
        Path::NearCap => {
            let entry = days(months(today, -22), -rng.range(0, 20));
            let mut contracts = Vec::new();
            let mut start = entry;
            for _ in 0..4 {
                let end = days(months(start, 6), -1);
                contracts.push((start, end));
                start = days(end, 1);
            }
            (entry, contracts, None)
        }
        Path::PassEnding => {
            let end = days(today, rng.range(70, 110));
            let entry = days(months(end, -9), 1);
            (entry, vec![(entry, end)], None)
        }
        Path::EndingSoon => {
            let end = days(today, rng.range(8, 25));
            let entry = days(months(end, -6), 1);
            (entry, vec![(entry, end)], None)
        }
        Path::Exited { months_ago, .. } => {
            let exit = days(months(today, -months_ago), -rng.range(0, 20));
            let entry = days(months(exit, -(rng.range(5, 16) as i32)), -rng.range(0, 25));
            let first = rng.range(4, 8) as i32;
            (entry, chain(rng, entry, exit, first), Some(exit))
        }
    }
}

/// Level-1 and level-2 criteria, and the boxes of the same meaning.
struct Eligibility {
    criteria: Vec<&'static str>,
    rsa: bool,
    ass: bool,
    aah: bool,
    unemployment: i64,
    rqth: bool,
    qpv: bool,
    zrr: bool,
    court: bool,
}

/// Eligibility: one level-1 criterion, or at least three level-2 ones.
fn eligibility(
    rng: &mut Rng,
    low_education: bool,
    entry_age: i64,
    city: &str,
    pkind: &str,
) -> Eligibility {
    let mut level2: Vec<&'static str> = Vec::new();
    if low_education {
        level2.push("niveau_cap");
    }
    if entry_age >= 50 {
        level2.push("senior");
    }
    if entry_age < 26 {
        level2.push("jeune");
    }
    let rural = city != "Besançon";
    let zrr = rural && rng.chance(0.7);
    let qpv = !rural && rng.chance(0.6);
    if zrr {
        level2.push("zrr");
    }
    if qpv {
        level2.push("qpv");
    }
    let court = pkind == "spip";
    if court {
        level2.push("justice");
    }
    let rqth = pkind == "cap_emploi" || rng.chance(0.08);
    if rqth {
        level2.push("th");
    }
    let (mut rsa, mut ass, mut aah) = (false, false, false);
    let mut unemployment = rng.range(3, 30);
    let mut level1_code = None;
    if rng.chance(0.6) {
        let code = *rng.pick(LEVEL1_CRITERIA);
        match code {
            "rsa" => rsa = true,
            "ass" => ass = true,
            "aah" => aah = true,
            _ => unemployment = rng.range(24, 60),
        }
        level1_code = Some(code);
    }
    if unemployment >= 24 && level1_code.is_none() {
        level1_code = Some("detld");
    }
    if (12..24).contains(&unemployment) {
        level2.push("deld");
    }
    if level1_code.is_none() {
        complete_level2(rng, &mut level2, entry_age);
    }
    let mut criteria: Vec<&'static str> = level1_code.into_iter().collect();
    criteria.extend(level2);
    Eligibility {
        criteria,
        rsa,
        ass,
        aah,
        unemployment,
        rqth,
        qpv,
        zrr,
        court,
    }
}

/// Level-2 criteria drawn until there are three (a person with no level-1 criterion).
fn complete_level2(rng: &mut Rng, level2: &mut Vec<&'static str>, entry_age: i64) {
    let extras = [
        "parent_isole",
        "mobilite",
        "sans_hebergement",
        "refugie",
        "fle",
        "sortie_ase",
    ];
    let mut tries = 0;
    while level2.len() < 3 && tries < 20 {
        let extra = *rng.pick(&extras);
        if !level2.contains(&extra) && (extra != "sortie_ase" || entry_age < 26) {
            level2.push(extra);
        }
        tries += 1;
    }
}

/// Writes one employee on one path (their first), with everything of that path.
#[allow(clippy::too_many_arguments)]
pub(super) fn create_employee(
    st: &mut Statements,
    ctx: &Ctx,
    rng: &mut Rng,
    staff: &[i64; 3],
    themes: &[i64],
    path: Path,
    serial: u32,
) -> Result<Hired> {
    let today = ctx.today;
    let (entry, contracts, exit) = dates_of(rng, path, today);
    let (gender, first, last) = names::person(rng);
    let gender = if serial % 23 == 7 { "x" } else { gender };
    let civility = match gender {
        "f" => "mme",
        "m" => "m",
        _ => "",
    };
    // Ages: some under 26, some 50 and over, most in between.
    let age = *rng.pick(&[
        19, 21, 23, 24, 28, 31, 34, 37, 39, 42, 45, 47, 51, 53, 56, 58,
    ]);
    let birth = days(months(entry, -12 * age), -rng.range(0, 360));
    let (address, postcode, city) = names::address(rng);
    let (pkind, porg) = *rng.pick(PRESCRIBERS);
    let pcontact = format!("{} {}", names::first_name(rng), rng.pick(names::LAST_NAMES));
    let education = [
        "00", "01", "10", "20", "30", "40", "41", "50", "51", "60", "70",
    ][rng.weighted(&[6, 3, 1, 1, 2, 6, 5, 14, 10, 6, 12])];
    let low_education = ["00", "01", "50", "51", "60", "70"].contains(&education);
    let e = eligibility(rng, low_education, age_on(birth, entry), city, pkind);
    let email = if rng.chance(0.6) {
        names::email(first, last, rng)
    } else {
        String::new()
    };
    let id = st.employee.insert(named_params! {
        ":civility": civility, ":last": last, ":first": first, ":birth": birth,
        ":gender": gender, ":address": address, ":postcode": postcode, ":city": city,
        ":phone": names::phone(rng), ":email": email, ":referent": staff[1], ":entry": entry,
        ":pkind": pkind, ":porg": porg, ":pcontact": pcontact, ":education": education,
        ":rsa": e.rsa, ":ass": e.ass, ":aah": e.aah, ":unemployment": e.unemployment,
        ":rqth": e.rqth, ":qpv": e.qpv, ":zrr": e.zrr, ":court": e.court, ":notes": "",
    })?;
    for code in &e.criteria {
        st.criterion.execute(named_params! {":e": id, ":c": code})?;
    }

    // PASS IAE: two years from entry, or granted earlier at another SIAE.
    let pass_start = match path {
        Path::PassEnding => days(months(today, -24), rng.range(20, 50)),
        _ => entry,
    };
    let number = 10_000 + serial * 37;
    let pass_end = write_pass(st, id, pass_start, number)?;
    let until = exit.unwrap_or(today);
    write_contracts(st, rng, id, &contracts, exit)?;
    write_follow_ups(st, rng, staff, themes, id, entry, until)?;
    write_training(st, rng, id, entry, until)?;

    // FSE+ snapshots: at entry for all, at exit and six months later for those who left.
    let fse = fse_answers(rng, gender, birth, education, &e);
    snapshot(st, id, &fse, "entree", entry, "", "")?;
    if let (Path::Exited { category, .. }, Some(date)) = (path, exit) {
        write_exit(st, ctx, id, &fse, category, date, serial)?;
    }
    Ok(Hired {
        id,
        exit,
        pass_end,
        fse,
    })
}

/// The FSE+ answers, drawn once for the person.
fn fse_answers(
    rng: &mut Rng,
    gender: &'static str,
    birth: NaiveDate,
    education: &'static str,
    e: &Eligibility,
) -> Fse {
    let homeless = e.criteria.contains(&"sans_hebergement");
    let foreign = e.criteria.contains(&"refugie") || e.criteria.contains(&"fle");
    let labour = if e.unemployment >= 12 {
        "chomeur_longue_duree"
    } else if rng.chance(0.2) {
        "inactif"
    } else {
        "chomeur"
    };
    let sensitive = |rng: &mut Rng, yes: bool| -> &'static str {
        if yes {
            "oui"
        } else if rng.chance(0.1) {
            "refus"
        } else {
            "non"
        }
    };
    Fse {
        gender,
        birth,
        education,
        labour,
        disability: sensitive(rng, e.rqth || e.aah),
        foreign_origin: sensitive(rng, foreign),
        minority: sensitive(rng, false),
        homeless: sensitive(rng, homeless),
    }
}

/// A second path for someone who left (`hired.exit`) and came back six to eleven months
/// later, for five to ten months, leaving in `category`; a new PASS IAE when the first one
/// has ended by then. Returns the new path's entry and exit.
#[allow(clippy::too_many_arguments)]
pub(super) fn create_return(
    st: &mut Statements,
    ctx: &Ctx,
    rng: &mut Rng,
    staff: &[i64; 3],
    themes: &[i64],
    hired: &Hired,
    category: i64,
    serial: u32,
) -> Result<(NaiveDate, NaiveDate)> {
    let Some(left) = hired.exit else {
        return Err(StoreError::Invalid(
            "Un nouveau parcours suit une sortie.".to_owned(),
        ));
    };
    let id = hired.id;
    let entry = days(months(left, rng.range(6, 11) as i32), rng.range(1, 25));
    let exit = days(months(entry, rng.range(5, 10) as i32), -rng.range(0, 20));
    let first = rng.range(4, 8) as i32;
    let contracts = chain(rng, entry, exit, first);
    st.path.execute(named_params! {":e": id, ":entry": entry})?;
    // The employee's entry date is that of their latest path.
    st.entry
        .execute(named_params! {":e": id, ":entry": entry})?;
    if hired.pass_end < entry {
        write_pass(st, id, entry, (50_000 + serial * 37) % 100_000)?;
    }
    write_contracts(st, rng, id, &contracts, Some(exit))?;
    write_follow_ups(st, rng, staff, themes, id, entry, exit)?;
    write_training(st, rng, id, entry, exit)?;
    snapshot(st, id, &hired.fse, "entree", entry, "", "")?;
    write_exit(st, ctx, id, &hired.fse, category, exit, serial)?;
    Ok((entry, exit))
}

/// A PASS IAE of two years from `start`, its number ending in `number` (five digits);
/// returns its last day.
fn write_pass(st: &mut Statements, id: i64, start: NaiveDate, number: u32) -> Result<NaiveDate> {
    let end = days(months(start, 24), -1);
    let number = format!("99999{:02}{:05}", start.year() % 100, number);
    st.approval.execute(named_params! {
        ":e": id, ":number": number, ":start": start, ":end": end,
    })?;
    Ok(end)
}

/// Contracts, each renewal pointing at the previous one, the last ending at the exit.
fn write_contracts(
    st: &mut Statements,
    rng: &mut Rng,
    id: i64,
    contracts: &[(NaiveDate, NaiveDate)],
    exit: Option<NaiveDate>,
) -> Result<()> {
    let hours = *rng.pick(&[20.0, 24.0, 26.0, 26.0, 28.0, 30.0, 35.0]);
    let post = *rng.pick(POSTS);
    let mut previous: Option<i64> = None;
    let count = contracts.len();
    for (i, &(start, planned)) in contracts.iter().enumerate() {
        let last_one = i + 1 == count;
        let actual = match (last_one, exit) {
            (false, _) => Some(planned),
            (true, Some(date)) => Some(date.min(planned)),
            (true, None) => None,
        };
        let cid = st.contract.insert(named_params! {
            ":e": id, ":renewal_of": previous, ":start": start, ":planned": planned,
            ":actual": actual, ":hours": hours, ":post": post,
        })?;
        previous = Some(cid);
    }
    Ok(())
}

/// Follow-ups roughly every month, from `entry` to `until`.
fn write_follow_ups(
    st: &mut Statements,
    rng: &mut Rng,
    staff: &[i64; 3],
    themes: &[i64],
    id: i64,
    entry: NaiveDate,
    until: NaiveDate,
) -> Result<()> {
    let mut date = days(entry, rng.range(3, 10));
    while date <= until {
        let weekday = date.weekday().num_days_from_monday();
        let meeting = if weekday >= 5 {
            days(date, 7 - i64::from(weekday))
        } else {
            date
        };
        if meeting <= until {
            let fid = st.follow_up.insert(named_params! {
                ":e": id, ":date": meeting, ":minutes": *rng.pick(&[30, 45, 45, 60, 60, 90]),
                ":staff": staff[1], ":notes": *rng.pick(FOLLOW_UP_NOTES),
            })?;
            let first_theme = rng.below(themes.len() as u64) as usize;
            let count = rng.range(1, 3) as usize;
            for k in 0..count {
                let theme = themes[(first_theme + k * 4) % themes.len()];
                st.follow_up_theme
                    .execute(named_params! {":f": fid, ":t": theme})?;
            }
        }
        date = days(date, rng.range(21, 42));
    }
    Ok(())
}

/// A training for about half of them, inside the path.
fn write_training(
    st: &mut Statements,
    rng: &mut Rng,
    id: i64,
    entry: NaiveDate,
    until: NaiveDate,
) -> Result<()> {
    if rng.chance(0.5) && until > days(entry, 30) {
        let (title, body, hours, qualifying) = *rng.pick(TRAININGS);
        let span = (until - entry).num_days();
        let start = days(entry, rng.range(20, span.max(21)));
        let length = ((hours / 7.0).ceil() as i64).max(1) + rng.range(0, 10);
        st.training.execute(named_params! {
            ":e": id, ":title": title, ":body": body, ":start": start,
            ":end": days(start, length), ":hours": hours, ":qualifying": qualifying,
        })?;
    }
    Ok(())
}

/// One FSE+ snapshot of the person's latest path.
fn snapshot(
    st: &mut Statements,
    id: i64,
    fse: &Fse,
    stage: &str,
    taken: NaiveDate,
    exit_result: &str,
    six: &str,
) -> Result<()> {
    st.snapshot.execute(named_params! {
        ":e": id, ":stage": stage, ":taken": taken, ":gender": fse.gender,
        ":age": age_on(fse.birth, taken), ":education": fse.education, ":labour": fse.labour,
        ":disability": fse.disability, ":foreign": fse.foreign_origin, ":minority": fse.minority,
        ":homeless": fse.homeless, ":exit_result": exit_result, ":six": six,
    })?;
    Ok(())
}

/// The exit of the latest path in `category`, with its closing and six-month snapshots.
fn write_exit(
    st: &mut Statements,
    ctx: &Ctx,
    id: i64,
    fse: &Fse,
    category: i64,
    date: NaiveDate,
    serial: u32,
) -> Result<()> {
    let (outcome, outcome_months, detail) =
        EXIT_DETAILS[(category - 1) as usize][(serial % 2) as usize];
    let (result, six) = match category {
        1 => ("emploi", "emploi"),
        2 => ("emploi", "situation_amelioree"),
        3 => ("formation", "situation_amelioree"),
        _ => ("recherche", "aucun"),
    };
    snapshot(st, id, fse, "sortie", date, result, "")?;
    let six_months = months(date, 6);
    if six_months <= ctx.now {
        snapshot(st, id, fse, "six_mois", six_months, "", six)?;
    }
    st.exit.execute(named_params! {
        ":e": id, ":date": date, ":cat": category, ":outcome": outcome.code(),
        ":months": outcome_months, ":detail": detail,
    })?;
    Ok(())
}
