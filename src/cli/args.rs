//! The command line's argument errors in French: clap words its own errors in English, so
//! they are reworded here from what clap found (the argument, the value, the choices).

use clap::error::{ContextKind, ContextValue, ErrorKind};

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
    use clap::Parser;

    use super::super::Cli;
    use super::french_message;

    fn message(args: &[&str]) -> String {
        let error = Cli::try_parse_from(args).unwrap_err();
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
                "Erreur : valeur « plants » refusée pour <KIND> (valeurs possibles : members, \
                 employees, harvests)."
            ),
            "{value}"
        );
        let option = message(&["binette", "--foo"]);
        assert!(
            option.starts_with("Erreur : option inconnue « --foo »."),
            "{option}"
        );
        let help = Cli::try_parse_from(["binette", "--help"]).unwrap_err();
        assert_eq!(french_message(&help), None, "help is printed by clap");
    }
}
