//! The command line in French: clap words its errors and its help's headings in English, so
//! the errors are reworded here from what clap found (the argument, the value, the choices),
//! and the help is laid out with French headings, choices and defaults.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::Cli;

/// clap's help layout with a French usage heading. clap writes "{heading}:" after every
/// heading: the headings below end with a space so that they read "Options :", as French
/// typography wants.
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// Parses the process's arguments with the French help (see [`command`]).
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os())
}

/// Parses `args` (the program's name first) with the French help.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut command = command();
    let matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|error| error.format(&mut command))
}

/// The command line's definition, its help in French: headings, the usage line, the
/// choices and default values (which clap would print as "[possible values: …]" and
/// "[default: …]"), for `binette --help` and every `binette COMMANDE --help`.
pub fn command() -> Command {
    french(Cli::command())
}

fn french(command: Command) -> Command {
    let command = command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Commandes ")
        .subcommand_value_name("COMMANDE")
        .mut_args({
            // A custom heading sorts its arguments by name: keep positionals in their order.
            let mut position = 0;
            move |arg| {
                position += 1;
                let arg = french_arg(arg);
                if arg.is_positional() {
                    arg.display_order(position)
                } else {
                    arg
                }
            }
        });
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    names.iter().fold(command, |command, name| {
        command.mut_subcommand(name, french)
    })
}

fn french_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        "Arguments "
    } else {
        "Options "
    };
    let mut extra = String::new();
    let mut long_extra = String::new();
    let choices: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !choices.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = choices.iter().map(|value| value.get_name()).collect();
        extra = format!(" (valeurs possibles : {})", names.join(", "));
        if choices.iter().any(|value| value.get_help().is_some()) {
            long_extra = choices.iter().fold(
                "\n\nValeurs possibles :".to_owned(),
                |text, value| match value.get_help() {
                    Some(help) => format!("{text}\n- {} : {help}", value.get_name()),
                    None => format!("{text}\n- {}", value.get_name()),
                },
            );
        }
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    let mut default = String::new();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        default = format!(" (par défaut : {})", defaults.join(", "));
        extra.push_str(&default);
    }
    let help = arg.get_help().map(StyledStr::to_string).unwrap_or_default();
    let mut arg = arg.help_heading(heading);
    if takes_values {
        // Written above in French instead.
        arg = arg.hide_possible_values(true).hide_default_value(true);
    }
    if !extra.is_empty() {
        arg = arg.help(format!("{help}{extra}"));
    }
    if !long_extra.is_empty() {
        arg = arg.long_help(format!("{help}{default}{long_extra}"));
    }
    arg
}

/// The French message for a parsing error; `None` for help and version, which clap prints
/// itself (help texts are the French doc comments of [`super::Cli`]).
pub fn french_message(error: &clap::Error) -> Option<String> {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    let what = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::MissingRequiredArgument => format!("il manque {argument}."),
        ErrorKind::MissingSubcommand => "il manque la commande.".to_owned(),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue « {} ».",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => format!("option inconnue « {argument} »."),
        ErrorKind::InvalidValue => {
            let choices = context(ContextKind::ValidValue);
            let choices = if choices.is_empty() {
                String::new()
            } else {
                format!(" (valeurs possibles : {choices})")
            };
            format!(
                "valeur « {} » refusée pour {argument}{choices}.",
                context(ContextKind::InvalidValue)
            )
        }
        ErrorKind::ValueValidation => format!(
            "valeur « {} » refusée pour {argument} : elle est hors des valeurs permises.",
            context(ContextKind::InvalidValue)
        ),
        ErrorKind::ArgumentConflict => format!(
            "{argument} ne peut pas être donné avec {}.",
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("trop de valeurs pour {argument}.")
        }
        ErrorKind::InvalidUtf8 => "un argument contient des caractères illisibles.".to_owned(),
        _ => "arguments incorrects.".to_owned(),
    };
    Some(format!(
        "Erreur : {what}\nPour l'aide : binette --help (ou binette COMMANDE --help)."
    ))
}

#[cfg(test)]
mod tests {
    use super::{command, french_message, parse_from};

    fn message(args: &[&str]) -> String {
        let error = parse_from(args).unwrap_err();
        french_message(&error).unwrap()
    }

    #[test]
    fn argument_errors_are_worded_in_french() {
        let missing = message(&["binette", "backup"]);
        assert!(
            missing.starts_with("Erreur : il manque --out <FICHIER>."),
            "{missing}"
        );
        let unknown = message(&["binette", "frobnicate"]);
        assert!(
            unknown.starts_with("Erreur : commande inconnue « frobnicate »."),
            "{unknown}"
        );
        let value = message(&["binette", "import", "plants", "x.csv"]);
        assert!(
            value.starts_with(
                "Erreur : valeur « plants » refusée pour <TYPE> (valeurs possibles : members, \
                 employees, harvests)."
            ),
            "{value}"
        );
        let option = message(&["binette", "--foo"]);
        assert!(
            option.starts_with("Erreur : option inconnue « --foo »."),
            "{option}"
        );
        let help = parse_from(["binette", "--help"]).unwrap_err();
        assert_eq!(french_message(&help), None, "help is printed by clap");
    }

    /// Every help text clap can print: the program's and each command's, short (-h) and
    /// long (--help).
    fn every_help() -> Vec<(String, String)> {
        let mut root = command();
        root.build();
        let mut helps = vec![
            ("binette -h".to_owned(), root.render_help().to_string()),
            (
                "binette --help".to_owned(),
                root.render_long_help().to_string(),
            ),
        ];
        for sub in root.get_subcommands_mut() {
            let name = sub.get_name().to_owned();
            helps.push((format!("{name} -h"), sub.render_help().to_string()));
            helps.push((format!("{name} --help"), sub.render_long_help().to_string()));
        }
        helps
    }

    #[test]
    fn help_is_french_for_the_program_and_every_command() {
        let helps = every_help();
        // The program and its commands, short and long.
        assert_eq!(helps.len(), 22);
        for (what, help) in &helps {
            assert!(help.contains("Utilisation : binette"), "{what}:\n{help}");
            assert!(help.contains("Options :"), "{what}:\n{help}");
            for english in [
                "Usage",
                "Commands",
                "Arguments:",
                "Options:",
                "ossible values",
                "default:",
                "COMMAND]",
                "Print help",
                "<KIND>",
                "<SCALE>",
            ] {
                assert!(!help.contains(english), "{what} says {english:?}:\n{help}");
            }
        }
    }

    #[test]
    fn help_shows_commands_choices_and_defaults_in_french() {
        let helps = every_help();
        let help = |what: &str| &helps.iter().find(|(w, _)| w == what).unwrap().1;
        let root = help("binette --help");
        assert!(
            root.contains("Utilisation : binette [OPTIONS] [COMMANDE]"),
            "{root}"
        );
        assert!(root.contains("Commandes :\n  demo "), "{root}");
        let import = help("import --help");
        assert!(import.contains("Arguments :\n  <TYPE>"), "{import}");
        assert!(import.contains("Valeurs possibles :\n"), "{import}");
        assert!(import.contains("- members : Adhérents"), "{import}");
        assert!(
            import.find("<TYPE>") < import.find("<FICHIER>\n"),
            "the arguments in their order: {import}"
        );
        let export = help("export -h");
        assert!(
            export.contains(
                "Ce qu'il faut exporter (valeurs possibles : members, employees, harvests, \
                 baskets, balances, payments, journal)"
            ),
            "{export}"
        );
        let demo = help("demo -h");
        assert!(demo.contains("--scale <TAILLE>"), "{demo}");
        assert!(demo.contains("(mesures) (par défaut : 1)"), "{demo}");
        assert!(demo.contains("--years <ANNÉES>"), "{demo}");
    }
}
