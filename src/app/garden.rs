//! The open garden: one database connection behind a lock, where it lives, whether it may be
//! written. Use cases (`crate::app`) run their store calls through it; the window only holds
//! it and hands it to use cases, off the UI thread (`Garden::run`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::store::{Connection, StoreError};

/// The open database: a connection behind a lock, and where it lives.
#[derive(Debug, Clone)]
pub struct Garden {
    connection: Arc<Mutex<Connection>>,
    path: Arc<PathBuf>,
    read_only: bool,
}

impl Garden {
    /// Wraps an open connection to the file at `path`.
    pub fn new(connection: Connection, path: PathBuf) -> Self {
        Garden {
            connection: Arc::new(Mutex::new(connection)),
            path: Arc::new(path),
            read_only: false,
        }
    }

    /// Wraps a read-only connection to the file at `path`: every write fails with a French
    /// message saying the garden is open read-only.
    pub fn new_read_only(connection: Connection, path: PathBuf) -> Self {
        Garden {
            read_only: true,
            ..Garden::new(connection, path)
        }
    }

    /// True when the garden is open read-only (writes are refused).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `job`, a use case given this garden, as a future for the window's thread pool
    /// (`Task::perform`): the one way screens reach the database.
    pub fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Garden) -> T + Send + 'static,
    ) -> impl Future<Output = T> + Send + 'static {
        let garden = self.clone();
        async move { job(&garden) }
    }

    /// Runs `work`, which writes, on the connection: refused at once with the French
    /// "lecture seule" error when the garden is open read-only, before SQLite or any other
    /// file is touched.
    pub(in crate::app) fn change<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.to_path_buf()));
        }
        self.with(work)
    }

    /// Runs `work`, which only reads, on the connection in one snapshot (see
    /// `store::snapshot`): what it reads is from one moment, and a screen's many small
    /// queries take the file's locks once.
    pub(in crate::app) fn read<T>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.with(|conn| crate::store::snapshot(conn, work))
    }

    /// Runs `work` on the connection. Called from futures run by iced's thread pool, never
    /// from `update` directly.
    pub(in crate::app) fn with<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut connection = self.connection.lock().map_err(|_| {
            StoreError::Invalid(
                "La base de données n'est plus utilisable après une erreur : fermez puis rouvrez Binette."
                    .into(),
            )
        })?;
        work(&mut connection).map_err(|error| {
            if self.read_only && error.is_read_only() {
                StoreError::ReadOnly(self.path.to_path_buf())
            } else {
                error
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A garden marked read-only refuses a write before SQLite sees it: here the connection
    /// itself could write, so only `Garden::change`'s own check can refuse.
    #[test]
    fn a_write_is_refused_before_reaching_a_garden_open_read_only() {
        let conn = crate::store::open_in_memory().unwrap();
        let db = Garden::new_read_only(conn, PathBuf::from("jardin.sqlite3"));
        let result = db.change(|conn| {
            conn.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')", [])?;
            Ok(())
        });
        assert!(matches!(result, Err(StoreError::ReadOnly(_))), "{result:?}");
        let rows: i64 = db
            .with(|conn| {
                Ok(
                    conn.query_row("SELECT count(*) FROM setting WHERE key = 'x'", [], |r| {
                        r.get(0)
                    })?,
                )
            })
            .unwrap();
        assert_eq!(rows, 0);
    }
}
