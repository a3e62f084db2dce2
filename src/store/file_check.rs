//! What a database file is, told from its bytes and its folder before SQLite touches it:
//! empty, truncated, not SQLite, another program's, too new, read-only. Nothing here writes
//! to the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::{Result, StoreError};

/// The 16 bytes every SQLite database file starts with.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// The first bytes of a SQLite write-ahead log (`-wal`), big- and little-endian checksums.
const WAL_MAGIC: [[u8; 4]; 2] = [[0x37, 0x7f, 0x06, 0x82], [0x37, 0x7f, 0x06, 0x83]];
/// The first bytes of a rollback journal (`-journal`).
const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// What the 100-byte header of a SQLite file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// `PRAGMA application_id`.
    pub application_id: i64,
    /// `PRAGMA user_version` (the schema version).
    pub user_version: i64,
}

/// Reads the header of the file at `path` and tells apart an empty file, a file that is not
/// SQLite, and a SQLite file shorter than its header says (truncated).
pub fn read_header(path: &Path) -> Result<Header> {
    let metadata = std::fs::metadata(path).map_err(|e| StoreError::file(path, "lu", e))?;
    if metadata.is_dir() {
        return Err(StoreError::Invalid(format!(
            "« {} » est un dossier, pas une base de données : choisissez un fichier.",
            path.display()
        )));
    }
    if metadata.len() == 0 {
        return Err(StoreError::Empty(path.to_path_buf()));
    }
    let mut bytes = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|file| file.take(100).read_to_end(&mut bytes))
        .map_err(|e| StoreError::file(path, "lu", e))?;
    if !bytes.starts_with(SQLITE_HEADER) {
        return Err(StoreError::NotBinette(path.to_path_buf()));
    }
    let truncated = || {
        StoreError::Damaged(format!(
            "le fichier « {} » est tronqué : il manque une partie de ses données",
            path.display()
        ))
    };
    if bytes.len() < 100 {
        return Err(truncated());
    }
    let be_u32 =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    // The page count in the header is valid when "version-valid-for" equals the change
    // counter; with a -wal file beside it, the main file may lag behind: no length check then.
    let page_count = u64::from(be_u32(28));
    let count_valid = be_u32(92) == be_u32(24) && !sidecar(path, "-wal").exists();
    if page_size < 512 || (count_valid && metadata.len() < page_size * page_count) {
        return Err(truncated());
    }
    Ok(Header {
        application_id: i64::from(be_u32(68) as i32),
        user_version: i64::from(be_u32(60) as i32),
    })
}

/// True when the file at `path` starts like a SQLite database, write-ahead log or journal:
/// such a file is never overwritten by an output.
pub fn looks_like_sqlite(path: &Path) -> bool {
    let mut bytes = Vec::with_capacity(16);
    let read = std::fs::File::open(path).and_then(|file| file.take(16).read_to_end(&mut bytes));
    read.is_ok()
        && (bytes.starts_with(SQLITE_HEADER)
            || WAL_MAGIC.iter().any(|magic| bytes.starts_with(magic))
            || bytes.starts_with(&JOURNAL_MAGIC))
}

/// `path` with `suffix` appended to its file name (`-wal`, `-shm`, `-verrou`).
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder holding `path` ("." for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// True when the existing file at `path` can be written, and its folder too (SQLite needs to
/// create its `-wal` and `-shm` files there). Asks the system by trying, which is the only
/// answer that holds for read-only media, network shares and the administrator alike; the
/// file itself is opened for writing but never written.
pub fn is_writable(path: &Path) -> bool {
    let file_ok = std::fs::OpenOptions::new().write(true).open(path).is_ok();
    file_ok && dir_is_writable(parent_dir(path))
}

/// True when a file can be created in `dir` (tried with a probe file, removed at once).
pub fn dir_is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".binette-essai-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(file) => {
            drop(file);
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(error) => error.kind() == std::io::ErrorKind::AlreadyExists,
    }
}

/// Restricts the file or folder at `path` to its owner (0600 / 0700) on Unix; elsewhere the
/// user's profile folder already protects it.
pub fn restrict_to_owner(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = std::fs::metadata(path).map_err(|e| StoreError::file(path, "lu", e))?;
        let mode = if metadata.is_dir() { 0o700 } else { 0o600 };
        if metadata.permissions().mode() & 0o777 != mode {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| StoreError::file(path, "protégé", e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates the folder `dir` (and its parents) if needed; the folders created are readable by
/// their owner only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut missing = Vec::new();
    let mut current = Some(dir);
    while let Some(folder) = current.filter(|f| !f.as_os_str().is_empty() && !f.exists()) {
        missing.push(folder.to_path_buf());
        current = folder.parent();
    }
    std::fs::create_dir_all(dir).map_err(|e| StoreError::file(dir, "créé", e))?;
    for folder in missing {
        // Best effort: a FAT-formatted USB key has no permissions to set.
        let _ = restrict_to_owner(&folder);
    }
    Ok(())
}

/// Creates a new empty file at `path` readable by its owner only (0600 on Unix), failing if
/// it exists.
pub fn create_private_file(path: &Path) -> Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(|e| StoreError::file(path, "créé", e))
}

/// Flushes the folder `dir` to disk so a rename inside it survives a power cut (Unix; on
/// Windows a rename is flushed with the file).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
