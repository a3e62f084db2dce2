//! Files handed to the operating system: opening a saved PDF or a folder.

use std::path::Path;

/// Opens a file (or folder) in the system's viewer without waiting. A failure is ignored on
/// purpose: the file is saved and its path is shown to the user anyway.
pub fn open_in_viewer(path: &Path) {
    #[cfg(target_os = "windows")]
    let command = std::process::Command::new("cmd")
        .args(["/C", "start", ""])
        .arg(path)
        .spawn();
    #[cfg(target_os = "macos")]
    let command = std::process::Command::new("open").arg(path).spawn();
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let command = std::process::Command::new("xdg-open").arg(path).spawn();
    drop(command);
}
