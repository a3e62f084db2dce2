//! Files handed to the operating system (opening a saved PDF or a folder), and the one flow
//! every screen uses to produce a document: [`PdfFlow`].

use std::path::{Path, PathBuf};
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
use std::time::Duration;

use iced::Task;

use crate::app::{self, Garden};
use crate::ui::screen::Context;

/// How long [`open_checked`] waits, on Linux, for `xdg-open` to say it failed; an opener
/// still running after that is showing the file.
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
const OPENER_WAIT: Duration = Duration::from_secs(3);

/// Opens a file (or folder) in the system's viewer without waiting. A failure is ignored on
/// purpose: the file is saved and its path is shown to the user anyway.
pub fn open_in_viewer(path: &Path) {
    let path = path.to_path_buf();
    std::thread::spawn(move || drop(opener::open(&path)));
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
    open_and_watch(&path).map_err(|detail| {
        format!(
            "Binette n'a pas pu ouvrir {what} « {} » : {detail}.",
            path.display()
        )
    })
}

/// Windows and macOS: the `opener` crate (ShellExecuteW, `open`), which reports a file
/// that no application opens.
#[cfg(any(target_os = "windows", target_os = "macos"))]
fn open_and_watch(path: &Path) -> Result<(), String> {
    opener::open(path).map_err(|error| describe(&error))
}

/// Linux and the BSDs: the system's `xdg-open`, watched for a few seconds because it only
/// says that no application opens the file by its exit status (which `opener` does not
/// wait for); without a system `xdg-open`, the `opener` crate's own copy of it.
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn open_and_watch(path: &Path) -> Result<(), String> {
    let Ok(child) = std::process::Command::new("xdg-open").arg(path).spawn() else {
        return opener::open(path).map_err(|error| describe(&error));
    };
    wait_for_opener(child)
}

fn describe(error: &opener::OpenError) -> String {
    match error {
        opener::OpenError::ExitStatus { .. } => no_application().to_owned(),
        opener::OpenError::Spawn { .. } => "aucun programme d'ouverture n'est disponible sur \
             cet ordinateur (le programme d'ouverture du système est introuvable)"
            .to_owned(),
        other => format!("erreur du système : {other}"),
    }
}

fn no_application() -> &'static str {
    "aucune application ne sait l'ouvrir (installez une visionneuse PDF, ou ouvrez-le depuis \
     votre gestionnaire de fichiers)"
}

#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn wait_for_opener(mut child: std::process::Child) -> Result<(), String> {
    let step = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    while waited < OPENER_WAIT {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(_)) => return Err(no_application().into()),
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

/// What a document's use case answers once its file(s) are written: the file to show.
pub trait Document: std::fmt::Debug + Clone + Send + 'static {
    /// The file opened in the viewer once written.
    fn to_open(&self) -> PathBuf;
}

impl Document for app::reports::Saved {
    fn to_open(&self) -> PathBuf {
        self.path.clone()
    }
}

/// The dialog asking where a document goes.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Save one file: the dialog's title, the file name proposed, the filter's name and
    /// extensions.
    File {
        /// The dialog's title.
        title: &'static str,
        /// The file name proposed.
        file_name: String,
        /// The filter: its name and extensions.
        filter: (&'static str, &'static [&'static str]),
    },
    /// Choose a folder (several files), starting in `start`.
    Folder {
        /// The dialog's title.
        title: &'static str,
        /// Where the dialog opens.
        start: Option<PathBuf>,
    },
}

/// Where a [`PdfFlow`] stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the user.
    #[default]
    Idle,
    /// The dialog is open.
    Choosing,
    /// The use case is reading, rendering and writing.
    Writing,
}

/// Whether the document opened in the system's viewer.
#[derive(Debug, Clone, PartialEq)]
pub enum Viewer {
    /// Nothing asked yet.
    Idle,
    /// Asked, no answer yet.
    Opening,
    /// The viewer shows it.
    Opened,
    /// Opening a file or the folder failed: why, in French, with the path.
    Failed(String),
}

/// Messages of a [`PdfFlow`] (`T`: what the use case answers).
#[derive(Debug, Clone)]
pub enum Message<T> {
    /// The dialog answered (`None`: cancelled, or no dialog could open).
    Chosen(Option<PathBuf>),
    /// The use case ended.
    Written(Result<T, app::Error>),
    /// The system viewer answered for this path.
    Opened(PathBuf, Result<(), String>),
}

/// What a [`PdfFlow`] tells the screen that owns it.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The dialog answered: the screen now calls [`PdfFlow::write`] with its use case, for
    /// this path (`None`: cancelled, or no dialog could open; the screen decides whether a
    /// usual place applies).
    Chosen(Option<PathBuf>),
    /// The document was written: the screen opens this file through its own "open"
    /// message, which ends in [`PdfFlow::open`] (tests intercept that message instead of
    /// starting the system viewer).
    Written(PathBuf),
}

/// Load → render → save dialog → write → open, the same for every document a screen
/// produces (the week's sheets, the activity report, a funder's statement, a workshop's
/// attendance sheet).
///
/// A screen keeps one `PdfFlow<T>` and wraps its [`Message`] in one of its own:
/// 1. on its button, `flow.ask(Dialog::File { … })` (or `Dialog::Folder`) opens the dialog;
///    a screen that knows where the file goes skips this step;
/// 2. [`PdfFlow::update`] answers [`Event::Chosen`] with the path: the screen then calls
///    `flow.write(context, move |garden| app::area::use_case(garden, …, &path))`, a use case
///    that reads the data in one transaction, renders outside the database lock and writes
///    the file (`store::output`), answering `T` ([`Document::to_open`] names the file);
/// 3. once written, [`Event::Written`] names the file to open: the screen sends its own
///    "open" message, which calls [`PdfFlow::open`]; the flow records whether the viewer
///    opened it ([`PdfFlow::viewer`]); [`PdfFlow::result`] holds what the use case
///    answered, for the screen to show.
#[derive(Debug)]
pub struct PdfFlow<T> {
    stage: Stage,
    result: Option<Result<T, app::Error>>,
    viewer: Viewer,
}

impl<T> Default for PdfFlow<T> {
    fn default() -> Self {
        PdfFlow {
            stage: Stage::Idle,
            result: None,
            viewer: Viewer::Idle,
        }
    }
}

impl<T: Document> PdfFlow<T> {
    /// Where the flow stands.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// True while the dialog is open or the document is being written.
    pub fn is_busy(&self) -> bool {
        self.stage != Stage::Idle
    }

    /// What the last use case answered, if one ran.
    pub fn result(&self) -> Option<&Result<T, app::Error>> {
        self.result.as_ref()
    }

    /// Whether the last document opened in the viewer.
    pub fn viewer(&self) -> &Viewer {
        &self.viewer
    }

    /// Forgets the last document (the screen shows something else).
    pub fn clear(&mut self) {
        self.result = None;
        self.viewer = Viewer::Idle;
    }

    /// Opens `dialog`; its answer comes back as [`Message::Chosen`].
    pub fn ask(&mut self, dialog: Dialog) -> Task<Message<T>> {
        self.stage = Stage::Choosing;
        self.clear();
        Task::perform(choose(dialog), Message::Chosen)
    }

    /// Runs `job`, the document's use case, off the UI thread.
    pub fn write(
        &mut self,
        context: &Context,
        job: impl FnOnce(&Garden) -> app::Result<T> + Send + 'static,
    ) -> Task<Message<T>> {
        self.stage = Stage::Writing;
        self.clear();
        context.perform(job, Message::Written)
    }

    /// Handles a message of the flow; an [`Event`] when the screen must act.
    pub fn update(&mut self, message: Message<T>) -> (Task<Message<T>>, Option<Event>) {
        match message {
            Message::Chosen(path) => {
                self.stage = Stage::Idle;
                return (Task::none(), Some(Event::Chosen(path)));
            }
            Message::Written(result) => {
                self.stage = Stage::Idle;
                let open = result.as_ref().ok().map(Document::to_open);
                self.result = Some(result);
                if let Some(path) = open {
                    self.viewer = Viewer::Opening;
                    return (Task::none(), Some(Event::Written(path)));
                }
            }
            Message::Opened(path, result) => match result {
                Err(problem) => self.viewer = Viewer::Failed(problem),
                Ok(()) if self.result_opens(&path) => self.viewer = Viewer::Opened,
                Ok(()) => {}
            },
        }
        (Task::none(), None)
    }

    /// Opens `path` (the document written, another file of it, its folder) in the system's
    /// viewer; the answer comes back as [`Message::Opened`].
    pub fn open(&self, path: PathBuf) -> Task<Message<T>> {
        Task::perform(open_checked(path.clone()), move |result| {
            Message::Opened(path.clone(), result)
        })
    }

    fn result_opens(&self, path: &Path) -> bool {
        matches!(&self.result, Some(Ok(document)) if document.to_open() == path)
    }
}

/// The native dialog; `None` when cancelled or when no dialog can open.
pub async fn choose(dialog: Dialog) -> Option<PathBuf> {
    match dialog {
        Dialog::File {
            title,
            file_name,
            filter,
        } => rfd::AsyncFileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter(filter.0, filter.1)
            .save_file()
            .await
            .map(|handle| handle.path().to_path_buf()),
        Dialog::Folder { title, start } => {
            let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
            if let Some(start) = start {
                dialog = dialog.set_directory(start);
            }
            dialog
                .pick_folder()
                .await
                .map(|handle| handle.path().to_path_buf())
        }
    }
}
