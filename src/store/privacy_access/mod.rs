//! Everything the garden holds about one person (an employee or a member's household), for
//! their right of access (RGPD art. 15), read in one transaction.
//!
//! The list of tables and columns is never written here: it is derived from the schema
//! itself (`sqlite_schema`, `pragma_foreign_key_list`), so a column or table added by a
//! future migration is included without touching this module. From the person's row, every
//! row of every table that references it is taken (`SELECT *`), then the rows referencing
//! those, and so on ([`gather`]); a row that only points at the person through a link the
//! schema clears on deletion (`ON DELETE SET NULL`, e.g. a basket shared with them) is taken
//! but not followed, so another household's pickups are never included. The rows those rows
//! point at (the referent, the depot, the workshop a session belongs to…) come as
//! [`PersonData::references`], other people's files excepted.

mod labels;
pub mod register;

use std::collections::{BTreeMap, VecDeque};

use rusqlite::Connection;
use rusqlite::types::ValueRef;

pub use labels::{column_label, is_sensitive, table_label};

use super::{Result, StoreError};

/// Tables holding a person's own file: never followed as a reference (another person).
const PERSON_TABLES: [&str; 2] = ["employee", "member"];

/// Whose data is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// An employee on an insertion path (table `employee`), by id.
    Employee(i64),
    /// A member's household (table `member`), by id.
    Member(i64),
}

impl Person {
    /// The table holding the person's own row.
    pub fn table(self) -> &'static str {
        match self {
            Person::Employee(_) => "employee",
            Person::Member(_) => "member",
        }
    }

    /// The person's id in that table.
    pub fn id(self) -> i64 {
        match self {
            Person::Employee(id) | Person::Member(id) => id,
        }
    }
}

/// One stored value, as SQLite holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// A whole number (ids, booleans 0/1, cents, counts).
    Integer(i64),
    /// A decimal number (hours, quantities).
    Real(f64),
    /// Text (names, dates as `YYYY-MM-DD`, codes).
    Text(String),
    /// Bytes (none in the schema today), given as their length.
    Blob(usize),
}

impl Cell {
    fn from_ref(value: ValueRef<'_>) -> Cell {
        match value {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Integer(i),
            ValueRef::Real(r) => Cell::Real(r),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Cell::Blob(b.len()),
        }
    }

    /// True for `NULL`.
    pub fn is_null(&self) -> bool {
        matches!(self, Cell::Null)
    }
}

/// The rows of one table, every column in the schema's order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRows {
    /// The table's name in the schema.
    pub table: String,
    /// Its columns, in the schema's order.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// Everything stored about one person.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonData {
    /// Whose data.
    pub person: Person,
    /// The person's own row first, then every table holding rows about them (only tables
    /// with at least one row), in the schema's order.
    pub tables: Vec<TableRows>,
    /// Rows that those rows point at (referent, depot, basket size, workshop…), for reading.
    pub references: Vec<TableRows>,
}

/// A single-column foreign key: `child.from` references `parent.to`.
#[derive(Debug, Clone)]
struct Link {
    child: String,
    from: String,
    parent: String,
    to: String,
    /// False for `ON DELETE SET NULL` links: the child row is not the person's own.
    owning: bool,
}

/// What is being collected: per table, the rows (by rowid) and whether they are followed.
#[derive(Default)]
struct Collected {
    rows: BTreeMap<String, BTreeMap<i64, Vec<Cell>>>,
}

impl Collected {
    fn insert(&mut self, table: &str, rowid: i64, cells: Vec<Cell>) -> bool {
        let rows = self.rows.entry(table.to_owned()).or_default();
        if rows.contains_key(&rowid) {
            return false;
        }
        rows.insert(rowid, cells);
        true
    }

    fn contains(&self, table: &str, rowid: i64) -> bool {
        self.rows
            .get(table)
            .is_some_and(|rows| rows.contains_key(&rowid))
    }
}

/// The schema as the gathering needs it: tables in creation order, their columns, links.
struct Schema {
    tables: Vec<String>,
    columns: BTreeMap<String, Vec<String>>,
    primary_key: BTreeMap<String, String>,
    links: Vec<Link>,
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn read_schema(conn: &Connection) -> Result<Schema> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )?;
    let tables = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut schema = Schema {
        tables: tables.clone(),
        columns: BTreeMap::new(),
        primary_key: BTreeMap::new(),
        links: Vec::new(),
    };
    for table in &tables {
        let mut info = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
        let columns = info
            .query_map([table], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some((pk, _)) = columns.iter().find(|(_, pk)| *pk == 1) {
            schema.primary_key.insert(table.clone(), pk.clone());
        }
        schema.columns.insert(
            table.clone(),
            columns.into_iter().map(|(name, _)| name).collect(),
        );
        schema.links.extend(links_of(conn, table)?);
    }
    Ok(schema)
}

/// The single-column foreign keys of `table` (composite ones, none today, are left out).
fn links_of(conn: &Connection, table: &str) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare(
        "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?1)
         WHERE id IN (SELECT id FROM pragma_foreign_key_list(?1) GROUP BY id HAVING count(*) = 1)",
    )?;
    let links = stmt
        .query_map([table], |row| {
            Ok(Link {
                child: table.to_owned(),
                parent: row.get(0)?,
                from: row.get(1)?,
                to: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                owning: row.get::<_, String>(3)? != "SET NULL",
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(links)
}

/// Rows of `table` whose `column` equals `value`: (rowid, cells in the schema's order).
fn rows_where(
    conn: &Connection,
    schema: &Schema,
    table: &str,
    column: &str,
    value: &Cell,
) -> Result<Vec<(i64, Vec<Cell>)>> {
    let columns = &schema.columns[table];
    let list = columns
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT rowid, {list} FROM {} WHERE {} = ?1",
        quote(table),
        quote(column)
    );
    let key: rusqlite::types::Value = match value {
        Cell::Integer(i) => (*i).into(),
        Cell::Real(r) => (*r).into(),
        Cell::Text(t) => t.clone().into(),
        Cell::Null | Cell::Blob(_) => return Ok(Vec::new()),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map([key], |row| {
            let rowid: i64 = row.get(0)?;
            let cells = (1..=columns.len())
                .map(|i| row.get_ref(i).map(Cell::from_ref))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((rowid, cells))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The value of `column` in a row of `table`.
fn value_of<'a>(schema: &Schema, table: &str, cells: &'a [Cell], column: &str) -> Option<&'a Cell> {
    let index = schema.columns[table].iter().position(|c| c == column)?;
    cells.get(index)
}

/// The column a link points at: its `to`, or the parent's primary key when unnamed.
fn target_column<'a>(schema: &'a Schema, link: &'a Link) -> Option<&'a str> {
    if link.to.is_empty() {
        schema.primary_key.get(&link.parent).map(String::as_str)
    } else {
        Some(&link.to)
    }
}

/// Everything stored about `person`, in one read. Fails when the person does not exist.
pub fn gather(conn: &Connection, person: Person) -> Result<PersonData> {
    let schema = read_schema(conn)?;
    let root = person.table();
    let mut own = Collected::default();
    let found = rows_where(conn, &schema, root, "id", &Cell::Integer(person.id()))?;
    if found.is_empty() {
        return Err(StoreError::Invalid(format!(
            "Aucune fiche n° {} : la personne a peut-être été supprimée.",
            person.id()
        )));
    }
    let mut queue = VecDeque::new();
    for (rowid, cells) in found {
        own.insert(root, rowid, cells.clone());
        queue.push_back((root.to_owned(), cells));
    }
    let mut loose = Vec::new();
    while let Some((table, cells)) = queue.pop_front() {
        for link in schema.links.iter().filter(|l| l.parent == table) {
            let Some(value) =
                target_column(&schema, link).and_then(|to| value_of(&schema, &table, &cells, to))
            else {
                continue;
            };
            for (rowid, child) in rows_where(conn, &schema, &link.child, &link.from, value)? {
                if link.owning {
                    if own.insert(&link.child, rowid, child.clone()) {
                        queue.push_back((link.child.clone(), child));
                    }
                } else {
                    loose.push((link.child.clone(), rowid, child));
                }
            }
        }
    }
    for (table, rowid, cells) in loose {
        own.insert(&table, rowid, cells);
    }
    let references = references(conn, &schema, &own)?;
    Ok(PersonData {
        person,
        tables: ordered(&schema, own, root),
        references: ordered(&schema, references, root),
    })
}

/// The rows `own` points at, and the rows those point at, other people's files excepted.
fn references(conn: &Connection, schema: &Schema, own: &Collected) -> Result<Collected> {
    let mut found = Collected::default();
    let mut queue: VecDeque<(String, Vec<Cell>)> = own
        .rows
        .iter()
        .flat_map(|(table, rows)| rows.values().map(|cells| (table.clone(), cells.clone())))
        .collect();
    while let Some((table, cells)) = queue.pop_front() {
        for link in schema.links.iter().filter(|l| l.child == table) {
            if PERSON_TABLES.contains(&link.parent.as_str()) {
                continue;
            }
            let (Some(value), Some(to)) = (
                value_of(schema, &table, &cells, &link.from),
                target_column(schema, link),
            ) else {
                continue;
            };
            for (rowid, parent) in rows_where(conn, schema, &link.parent, to, value)? {
                if !own.contains(&link.parent, rowid)
                    && found.insert(&link.parent, rowid, parent.clone())
                {
                    queue.push_back((link.parent.clone(), parent));
                }
            }
        }
    }
    Ok(found)
}

/// The collected rows as tables: `first` first, then the schema's order; rows by rowid.
fn ordered(schema: &Schema, collected: Collected, first: &str) -> Vec<TableRows> {
    let mut rows = collected.rows;
    let order = std::iter::once(first.to_owned())
        .chain(schema.tables.iter().filter(|t| *t != first).cloned());
    let mut tables = Vec::new();
    for table in order {
        if let Some(found) = rows.remove(&table) {
            tables.push(TableRows {
                columns: schema.columns[&table].clone(),
                rows: found.into_values().collect(),
                table,
            });
        }
    }
    tables
}

/// Every table's name (`sqlite_schema`), for the tests' completeness check.
pub fn table_names(conn: &Connection) -> Result<Vec<String>> {
    Ok(read_schema(conn)?.tables)
}
