//! The Windows console for the command line.
//!
//! Release builds are Windows GUI programs (`windows_subsystem = "windows"`), so a
//! double-click opens no black console window; the price is that `binette.exe sheets …`
//! typed in a console has no standard output, and its messages and errors are lost. When
//! Binette is started with arguments, it attaches to the console of the program that
//! started it (cmd, PowerShell), if any, so that output and errors show there. Started from
//! the Explorer, there is no parent console and nothing changes.

/// Attaches to the parent process's console (Windows only; elsewhere, nothing to do).
pub fn attach_parent_console() {
    #[cfg(windows)]
    windows::attach_parent_console();
}

#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};

    pub fn attach_parent_console() {
        // SAFETY: AttachConsole takes a plain integer and touches no memory of ours; it
        // fails harmlessly (returns 0) when there is no parent console or the process
        // already has one. It is called once, before anything is written.
        let _attached = unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
}
