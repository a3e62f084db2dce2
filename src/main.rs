//! Binette's entry point: parse the arguments, then open the window or run a command.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use binette::cli::run_command;
use binette::ui::{self, Launch};

fn main() -> ExitCode {
    // Started with arguments (a subcommand, --help, --version…) from a Windows console: write
    // there. A double-click passes none and stays console-free.
    if std::env::args_os().len() > 1 {
        binette::console::attach_parent_console();
    }
    let cli = match binette::cli::args::parse() {
        Ok(cli) => cli,
        Err(error) => match binette::cli::args::french_message(&error) {
            Some(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
            None => error.exit(),
        },
    };
    if let Some(command) = &cli.command {
        return match run_command(&cli, command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("Erreur : {error}");
                ExitCode::FAILURE
            }
        };
    }
    let launch = Launch {
        db: cli.db.clone(),
        demo: cli.demo,
        data_dir: binette::store::paths::data_dir(),
    };
    match ui::run(launch) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Erreur : Binette n'a pas pu ouvrir sa fenêtre ({error}).");
            ExitCode::FAILURE
        }
    }
}
