//! Files handed to the operating system: opening a saved PDF or a folder.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

/// How long [`open_checked`] waits for the opener to say it failed; an opener still running
/// after that is showing the file.
const OPENER_WAIT: Duration = Duration::from_secs(3);

fn opener(path: &Path) -> Command {
    #[cfg(target_os = "windows")]
    let command = {
        let mut command = Command::new("cmd");
        command.args(["/C", "start", ""]).arg(path);
        command
    };
    #[cfg(target_os = "macos")]
    let command = {
        let mut command = Command::new("open");
        command.arg(path);
        command
    };
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let command = {
        let mut command = Command::new("xdg-open");
        command.arg(path);
        command
    };
    command
}

/// Opens a file (or folder) in the system's viewer without waiting. A failure is ignored on
/// purpose: the file is saved and its path is shown to the user anyway.
pub fn open_in_viewer(path: &Path) {
    drop(opener(path).spawn());
}

/// Opens a file (or folder) in the system's viewer and says, in French, when that failed:
/// no opener program, or an opener that gave up (no application for that kind of file).
/// Blocks up to a few seconds: run it through `Task::perform`.
pub async fn open_checked(path: PathBuf) -> Result<(), String> {
    let what = if path.is_dir() {
        "le dossier"
    } else {
        "le fichier"
    };
    let child = opener(&path).spawn().map_err(|error| {
        let detail = if error.kind() == std::io::ErrorKind::NotFound {
            "le programme d'ouverture du système est introuvable".to_owned()
        } else {
            format!("erreur du système : {error}")
        };
        format!(
            "Binette n'a pas pu ouvrir {what} « {} » : aucun programme d'ouverture n'est \
             disponible sur cet ordinateur ({detail}).",
            path.display()
        )
    })?;
    wait_for_opener(child).map_err(|detail| {
        format!(
            "Binette n'a pas pu ouvrir {what} « {} » : {detail}.",
            path.display()
        )
    })
}

fn wait_for_opener(mut child: Child) -> Result<(), String> {
    let step = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    while waited < OPENER_WAIT {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(_)) => {
                return Err(
                    "aucune application ne sait l'ouvrir (installez une visionneuse \
                     PDF, ou ouvrez-le depuis votre gestionnaire de fichiers)"
                        .into(),
                );
            }
            Ok(None) => {}
            Err(error) => return Err(error.to_string()),
        }
        std::thread::sleep(step);
        waited += step;
    }
    // Still running: it is showing the file. Reap it when it ends.
    std::thread::spawn(move || child.wait());
    Ok(())
}
