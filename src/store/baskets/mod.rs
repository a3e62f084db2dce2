//! Basket sizes and their prices, depots, funders, subscriptions and their Paniers
//! Solidaires terms.

pub(crate) mod accounts;
mod depots;
mod sizes;
mod solidarity;
mod subscriptions;
pub(crate) mod ticked;

use chrono::{Datelike, NaiveDate, Weekday};
use rusqlite::types::Type;
use rusqlite::{Connection, Row, named_params};

use crate::store::{Result, StoreError};

pub use accounts::{
    DeliveredBaskets, PeriodBaskets, SolidarityAccount, period_baskets, solidarity_accounts,
};
pub(crate) use accounts::{solidarity_baskets, solidarity_delivered};
pub use depots::{
    delete_depot, delete_funder, funding_counts, get_depot, get_funder, insert_depot,
    insert_funder, list_depots, list_funders, update_depot, update_funder,
};
pub use sizes::{
    delete_basket_price, delete_basket_size, get_basket_price, get_basket_size,
    inactive_size_warning, insert_basket_price, insert_basket_size, list_basket_sizes,
    price_on_date, prices_of_size, subscriptions_of_size, update_basket_price, update_basket_size,
};
pub use solidarity::{
    all_solidarity_terms, end_solidarity, get_solidarity, set_solidarity, solidarity_history,
};
pub use subscriptions::{
    capacity_warning, change_subscription, delete_subscription, depot_load, end_subscriptions_of,
    get_subscription, insert_subscription, list_subscriptions, move_subscribers,
    subscriptions_between, subscriptions_of, subscriptions_shared_with, update_subscription,
};

/// Reads the code stored in `col` back into its enum with `from_code`.
pub(crate) fn code_col<T>(
    row: &Row,
    col: &str,
    from_code: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(col)?;
    from_code(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            row.as_ref().column_index(col).unwrap_or(0),
            Type::Text,
            format!("code inconnu « {text} » dans la colonne {col}").into(),
        )
    })
}

/// Reads the code stored in column `index` back into its enum with `from_code`: as
/// [`code_col`], for rows read by position.
pub(crate) fn code_at<T>(
    row: &Row,
    index: usize,
    from_code: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text = row.get_ref(index)?.as_str()?;
    from_code(text).ok_or_else(|| {
        let col = row.as_ref().column_name(index).unwrap_or("?");
        rusqlite::Error::FromSqlConversionFailure(
            index,
            Type::Text,
            format!("code inconnu « {text} » dans la colonne {col}").into(),
        )
    })
}

/// Reads an ISO weekday number (1 = Monday … 7 = Sunday) from `col`.
pub(crate) fn weekday_col(row: &Row, col: &str) -> rusqlite::Result<Weekday> {
    let number: i64 = row.get(col)?;
    u8::try_from(number - 1)
        .ok()
        .and_then(|n| Weekday::try_from(n).ok())
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                row.as_ref().column_index(col).unwrap_or(0),
                Type::Integer,
                format!("jour de la semaine invalide : {number}").into(),
            )
        })
}

/// Turns a UNIQUE / PRIMARY KEY violation into `Invalid(message)`; other errors pass through.
pub(crate) fn duplicate_as(error: rusqlite::Error, message: &str) -> StoreError {
    use rusqlite::ffi::{SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE};
    match &error {
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == SQLITE_CONSTRAINT_UNIQUE
                || e.extended_code == SQLITE_CONSTRAINT_PRIMARYKEY =>
        {
            StoreError::Invalid(message.to_owned())
        }
        _ => error.into(),
    }
}

/// `NotFound(what)` when an update or delete touched no row.
pub(crate) fn one_row(changed: usize, what: &'static str) -> Result<()> {
    if changed == 0 {
        Err(StoreError::NotFound(what))
    } else {
        Ok(())
    }
}

/// Refuses a date that is not a Monday (weeks are keyed by their Monday).
pub(crate) fn ensure_monday(date: NaiveDate, what: &str) -> Result<()> {
    if date.weekday() == Weekday::Mon {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "{what} doit être un lundi (le {} est un autre jour).",
            date.format("%d/%m/%Y")
        )))
    }
}

fn count(conn: &Connection, sql: &str, id: i64) -> Result<i64> {
    Ok(conn.query_row(sql, named_params! {":id": id}, |row| row.get(0))?)
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n > 1 {
        format!("{n} {many}")
    } else {
        format!("{n} {one}")
    }
}
