//! Members (subscribing households), their yearly memberships, and the home-screen counts.

use crate::domain::text::fold;
use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use super::baskets::{code_at, code_col, duplicate_as, one_row};
use super::columns::optional_date_at;
use super::{Result, StoreError};
use crate::domain::baskets::{Member, MemberStatus, Membership, PaymentMethod};

// ------------------------------------------------------------------ members

/// The member table's columns, in the order [`member_from_row`] reads them.
macro_rules! member_columns {
    () => {
        "id, last_name, first_name, co_member, address, postcode, city, phone, phone2, email, \
         notes, status, joined_on"
    };
}

/// A member from a row of [`member_columns!`], read by position (reading by name looks each
/// name up among the columns, a cost that shows on a print set of a thousand households).
fn member_from_row(row: &Row) -> rusqlite::Result<Member> {
    Ok(Member {
        id: row.get(0)?,
        last_name: row.get(1)?,
        first_name: row.get(2)?,
        co_member: row.get(3)?,
        address: row.get(4)?,
        postcode: row.get(5)?,
        city: row.get(6)?,
        phone: row.get(7)?,
        phone2: row.get(8)?,
        email: row.get(9)?,
        notes: row.get(10)?,
        status: code_at(row, 11, MemberStatus::from_code)?,
        joined_on: optional_date_at(row, 12)?,
    })
}

fn check_member(member: &Member) -> Result<()> {
    if member.last_name.trim().is_empty() {
        return Err(StoreError::Invalid(
            "Le nom de l'adhérent est obligatoire.".into(),
        ));
    }
    Ok(())
}

/// Saves a new member and returns its id.
pub fn insert_member(conn: &Connection, member: &Member) -> Result<i64> {
    check_member(member)?;
    conn.execute(
        "INSERT INTO member (last_name, first_name, co_member, address, postcode, city, phone,
                             phone2, email, notes, status, joined_on)
         VALUES (:last_name, :first_name, :co_member, :address, :postcode, :city, :phone,
                 :phone2, :email, :notes, :status, :joined_on)",
        named_params! {":last_name": member.last_name, ":first_name": member.first_name,
        ":co_member": member.co_member, ":address": member.address,
        ":postcode": member.postcode, ":city": member.city, ":phone": member.phone,
        ":phone2": member.phone2, ":email": member.email, ":notes": member.notes,
        ":status": member.status.code(), ":joined_on": member.joined_on},
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing member.
pub fn update_member(conn: &Connection, member: &Member) -> Result<()> {
    check_member(member)?;
    let changed = conn.execute(
        "UPDATE member SET last_name = :last_name, first_name = :first_name,
         co_member = :co_member, address = :address, postcode = :postcode, city = :city,
         phone = :phone, phone2 = :phone2, email = :email, notes = :notes, status = :status,
         joined_on = :joined_on
         WHERE id = :id",
        named_params! {":id": member.id, ":last_name": member.last_name,
        ":first_name": member.first_name, ":co_member": member.co_member,
        ":address": member.address, ":postcode": member.postcode, ":city": member.city,
        ":phone": member.phone, ":phone2": member.phone2, ":email": member.email,
        ":notes": member.notes, ":status": member.status.code(),
        ":joined_on": member.joined_on},
    )?;
    one_row(changed, "Adhérent")
}

/// Deletes a member with everything that is theirs (memberships, subscriptions, absences,
/// workshop registrations). To keep the history, set the status to « Parti » instead.
pub fn delete_member(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM member WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Adhérent")
}

/// The member `id`.
pub fn get_member(conn: &Connection, id: i64) -> Result<Member> {
    conn.query_row(
        concat!("SELECT ", member_columns!(), " FROM member WHERE id = :id"),
        named_params! {":id": id},
        member_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Adhérent"))
}

/// Every member, by last name then first name (case ignored).
pub fn list_members(conn: &Connection) -> Result<Vec<Member>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT ",
        member_columns!(),
        " FROM member ORDER BY last_name COLLATE FR, first_name COLLATE FR, id"
    ))?;
    let rows = stmt.query_map([], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The members of `ids` (an unknown id is left out), by id, read in one query: for
/// documents that show some members and sort their own rows.
pub fn members_by_id(
    conn: &Connection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Member>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT ",
        member_columns!(),
        " FROM member WHERE id IN (SELECT value FROM json_each(:ids))"
    ))?;
    let mut found = std::collections::HashMap::with_capacity(ids.len());
    // By the ten thousand: the list of ids stays far below the longest text SQLite accepts.
    for chunk in ids.chunks(10_000) {
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let rows = stmt.query_map(named_params! {":ids": format!("[{list}]")}, |row| {
            member_from_row(row).map(|m| (m.id, m))
        })?;
        for row in rows {
            let (id, member) = row?;
            found.insert(id, member);
        }
    }
    Ok(found)
}

// ------------------------------------------------------------------ memberships

const MEMBERSHIP_DUPLICATE: &str =
    "La cotisation de cette année est déjà enregistrée pour cet adhérent : modifiez-la plutôt.";

fn membership_from_row(row: &Row) -> rusqlite::Result<Membership> {
    Ok(Membership {
        id: row.get("id")?,
        member_id: row.get("member_id")?,
        year: row.get("year")?,
        amount: row.get("amount_cents")?,
        paid_on: row.get("paid_on")?,
        method: code_col(row, "method", PaymentMethod::from_code)?,
    })
}

fn check_membership(membership: &Membership) -> Result<()> {
    if membership.amount < 0 {
        return Err(StoreError::Invalid(
            "Le montant de la cotisation ne peut pas être négatif.".into(),
        ));
    }
    Ok(())
}

/// Saves a new yearly membership and returns its id.
pub fn insert_membership(conn: &Connection, membership: &Membership) -> Result<i64> {
    check_membership(membership)?;
    conn.execute(
        "INSERT INTO membership (member_id, year, amount_cents, paid_on, method)
         VALUES (:member_id, :year, :amount, :paid_on, :method)",
        named_params! {":member_id": membership.member_id, ":year": membership.year,
        ":amount": membership.amount, ":paid_on": membership.paid_on,
        ":method": membership.method.code()},
    )
    .map_err(|e| duplicate_as(e, MEMBERSHIP_DUPLICATE))?;
    Ok(conn.last_insert_rowid())
}

/// Saves the changes to an existing membership.
pub fn update_membership(conn: &Connection, membership: &Membership) -> Result<()> {
    check_membership(membership)?;
    let changed = conn
        .execute(
            "UPDATE membership SET member_id = :member_id, year = :year, amount_cents = :amount,
             paid_on = :paid_on, method = :method WHERE id = :id",
            named_params! {":id": membership.id, ":member_id": membership.member_id,
            ":year": membership.year, ":amount": membership.amount,
            ":paid_on": membership.paid_on, ":method": membership.method.code()},
        )
        .map_err(|e| duplicate_as(e, MEMBERSHIP_DUPLICATE))?;
    one_row(changed, "Cotisation")
}

/// Deletes a membership.
pub fn delete_membership(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute(
        "DELETE FROM membership WHERE id = :id",
        named_params! {":id": id},
    )?;
    one_row(changed, "Cotisation")
}

/// The membership `id`.
pub fn get_membership(conn: &Connection, id: i64) -> Result<Membership> {
    conn.query_row(
        "SELECT * FROM membership WHERE id = :id",
        named_params! {":id": id},
        membership_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("Cotisation"))
}

/// Every membership, newest year first.
pub fn list_memberships(conn: &Connection) -> Result<Vec<Membership>> {
    let mut stmt = conn.prepare("SELECT * FROM membership ORDER BY year DESC, member_id, id")?;
    let rows = stmt.query_map([], membership_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The memberships of a member, newest year first.
pub fn memberships_of(conn: &Connection, member_id: i64) -> Result<Vec<Membership>> {
    let mut stmt = conn
        .prepare("SELECT * FROM membership WHERE member_id = :member_id ORDER BY year DESC, id")?;
    let rows = stmt.query_map(named_params! {":member_id": member_id}, membership_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ home screen

/// How far ahead the home screen looks for solidarity reviews.
pub const REVIEW_NOTICE_DAYS: u64 = 30;

/// The member figures of the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemberCounts {
    /// Members whose status is « Actif ».
    pub active_members: i64,
    /// Households holding, on that day, a running subscription with Paniers Solidaires terms.
    pub solidarity_households: i64,
    /// Solidarity terms to review within `REVIEW_NOTICE_DAYS` days (or overdue).
    pub reviews_due: i64,
}

/// The member figures of the home screen on `today`.
pub fn member_counts(conn: &Connection, today: NaiveDate) -> Result<MemberCounts> {
    let active_members = conn.query_row(
        "SELECT count(*) FROM member WHERE status = 'actif'",
        [],
        |row| row.get(0),
    )?;
    let solidarity_households = conn.query_row(
        "SELECT count(DISTINCT s.member_id) FROM subscription s
         JOIN solidarity_terms t ON t.subscription_id = s.id
         WHERE s.start_date <= :today AND (s.end_date IS NULL OR s.end_date >= :today)
           AND t.start_date <= :today AND (t.end_date IS NULL OR t.end_date >= :today)",
        named_params! {":today": today},
        |row| row.get(0),
    )?;
    let until = today + Days::new(REVIEW_NOTICE_DAYS);
    let reviews_due = i64::try_from(solidarity_reviews_due(conn, until)?.len()).unwrap_or(i64::MAX);
    Ok(MemberCounts {
        active_members,
        solidarity_households,
        reviews_due,
    })
}

/// The solidarity terms to review on or before `until`, earliest first: (member id,
/// "NOM Prénom", review date). Households that left, and subscriptions ending before their
/// review date, are left out.
pub fn solidarity_reviews_due(
    conn: &Connection,
    until: NaiveDate,
) -> Result<Vec<(i64, String, NaiveDate)>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.first_name, m.last_name, so.review_on FROM solidarity_terms so
         JOIN subscription s ON s.id = so.subscription_id
         JOIN member m ON m.id = s.member_id
         WHERE so.review_on IS NOT NULL AND so.review_on <= :until
           AND m.status <> 'parti'
           AND (s.end_date IS NULL OR s.end_date >= so.review_on)
           AND (so.end_date IS NULL OR so.end_date >= so.review_on)
         ORDER BY so.review_on, m.last_name COLLATE FR, m.first_name COLLATE FR, s.id",
    )?;
    let rows = stmt.query_map(named_params! {":until": until}, |row| {
        let first: String = row.get("first_name")?;
        let last: String = row.get("last_name")?;
        let name = crate::domain::text::list_name(&first, &last);
        Ok((row.get("id")?, name, row.get("review_on")?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ------------------------------------------------------------------ the members list

/// One line of the members list: the household and what the filters look at.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    /// The household.
    pub member: Member,
    /// Depots of its current subscriptions (running on the day asked, or starting later).
    pub depot_ids: Vec<i64>,
    /// Names of those depots, for display.
    pub depots: Vec<String>,
    /// Basket sizes of its current subscriptions.
    pub size_ids: Vec<i64>,
    /// Names of those sizes, for display.
    pub sizes: Vec<String>,
    /// True when this year's membership is recorded.
    pub paid_this_year: bool,
    /// True when a current subscription has Paniers Solidaires terms. Shown only when a
    /// filter asks for it.
    pub solidarity: bool,
}

/// What the members list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberFilter {
    /// Words typed in the search box (name, co-member, town, phone, e-mail), accents and case
    /// ignored.
    pub search: String,
    /// Only this status.
    pub status: Option<MemberStatus>,
    /// Only households collecting at this depot.
    pub depot_id: Option<i64>,
    /// Only households taking this size.
    pub size_id: Option<i64>,
    /// Only households whose membership of the year is not recorded.
    pub unpaid_only: bool,
    /// Only Paniers Solidaires households.
    pub solidarity_only: bool,
}

/// Every member with their current depots and sizes, on `today` (membership year: that of
/// `today`), by name.
pub fn member_rows(conn: &Connection, today: NaiveDate) -> Result<Vec<MemberRow>> {
    use chrono::Datelike;
    use std::collections::HashMap;
    let mut rows: Vec<MemberRow> = list_members(conn)?
        .into_iter()
        .map(|member| MemberRow {
            member,
            depot_ids: Vec::new(),
            depots: Vec::new(),
            size_ids: Vec::new(),
            sizes: Vec::new(),
            paid_this_year: false,
            solidarity: false,
        })
        .collect();
    let index: HashMap<i64, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.member.id, i))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT s.member_id, s.depot_id, d.name AS depot, s.size_id, z.name AS size,
                EXISTS (SELECT 1 FROM solidarity_terms so WHERE so.subscription_id = s.id
                        AND (so.end_date IS NULL OR so.end_date >= :today)) AS solidarity
         FROM subscription s
         JOIN depot d ON d.id = s.depot_id
         JOIN basket_size z ON z.id = s.size_id
         WHERE s.end_date IS NULL OR s.end_date >= :today
         ORDER BY s.start_date, s.id",
    )?;
    let mut found = stmt.query(named_params! {":today": today})?;
    while let Some(r) = found.next()? {
        let Some(&i) = index.get(&r.get::<_, i64>("member_id")?) else {
            continue;
        };
        let row = &mut rows[i];
        let depot_id: i64 = r.get("depot_id")?;
        if !row.depot_ids.contains(&depot_id) {
            row.depot_ids.push(depot_id);
            row.depots.push(r.get("depot")?);
        }
        let size_id: i64 = r.get("size_id")?;
        if !row.size_ids.contains(&size_id) {
            row.size_ids.push(size_id);
            row.sizes.push(r.get("size")?);
        }
        row.solidarity |= r.get::<_, bool>("solidarity")?;
    }
    let mut paid = conn.prepare("SELECT member_id FROM membership WHERE year = :year")?;
    let mut found = paid.query(named_params! {":year": today.year()})?;
    while let Some(r) = found.next()? {
        if let Some(&i) = index.get(&r.get::<_, i64>("member_id")?) {
            rows[i].paid_this_year = true;
        }
    }
    Ok(rows)
}

/// True when `row` passes `filter`: every word of the search is found in the name,
/// co-member, town, phones or e-mail.
pub fn member_matches(row: &MemberRow, filter: &MemberFilter) -> bool {
    if !member_passes_choices(row, filter) {
        return false;
    }
    let haystack = fold(&member_search_text(row));
    fold(&filter.search)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// True when `row` passes the choices of `filter` (status, depot, size, ticks), its search
/// aside.
pub fn member_passes_choices(row: &MemberRow, filter: &MemberFilter) -> bool {
    let m = &row.member;
    !(filter.status.is_some_and(|s| s != m.status)
        || filter.depot_id.is_some_and(|d| !row.depot_ids.contains(&d))
        || filter.size_id.is_some_and(|s| !row.size_ids.contains(&s))
        || (filter.unpaid_only && row.paid_this_year)
        || (filter.solidarity_only && !row.solidarity))
}

/// What the search looks into, not folded: name, co-member, town, phones without their
/// spaces, e-mail.
pub fn member_search_text(row: &MemberRow) -> String {
    let m = &row.member;
    format!(
        "{} {} {} {} {} {} {}",
        m.last_name,
        m.first_name,
        m.co_member,
        m.city,
        m.phone.replace(' ', ""),
        m.phone2.replace(' ', ""),
        m.email
    )
}

/// The rows passing `filter`, in their order.
pub fn filter_members<'a>(rows: &'a [MemberRow], filter: &MemberFilter) -> Vec<&'a MemberRow> {
    rows.iter().filter(|r| member_matches(r, filter)).collect()
}
