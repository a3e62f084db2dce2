//! The figures, their targets and the table printed at the end (Markdown, so it can go in
//! the README as it is).

use std::time::Duration;

/// One figure of one garden.
#[derive(Debug, Clone)]
pub struct Measured {
    /// Its key: `start`, `screen Accueil`, `keystroke Adhérents`, `report`,
    /// `sheets-per-1000`, `sheets-members`, `peak <job>`, `demo`.
    pub key: String,
    /// Milliseconds, megabytes or a count, as the key says.
    pub value: f64,
}

impl Measured {
    /// A time, in milliseconds.
    pub fn time(key: &str, time: Duration) -> Measured {
        Measured {
            key: key.to_string(),
            value: time.as_secs_f64() * 1000.0,
        }
    }

    /// The peak memory of `job`'s process, from KiB to MB.
    pub fn peak(job: &str, kib: f64) -> Measured {
        Measured {
            key: format!("peak {job}"),
            value: kib / 1024.0,
        }
    }
}

/// Every figure of one garden.
pub struct Column {
    label: String,
    figures: Vec<Measured>,
}

impl Column {
    /// An empty column named `label`.
    pub fn new(label: &str) -> Column {
        Column {
            label: label.to_string(),
            figures: Vec::new(),
        }
    }

    /// Adds figures.
    pub fn extend(&mut self, figures: Vec<Measured>) {
        self.figures.extend(figures);
    }

    fn get(&self, key: &str) -> Option<f64> {
        self.figures.iter().find(|f| f.key == key).map(|f| f.value)
    }
}

/// One figure per key from several runs of a job: the median of each time or count, the
/// highest peak of memory.
pub fn median_of_runs(runs: Vec<Vec<Measured>>) -> Vec<Measured> {
    let mut keys: Vec<String> = Vec::new();
    for figure in runs.iter().flatten() {
        if !keys.contains(&figure.key) {
            keys.push(figure.key.clone());
        }
    }
    keys.into_iter()
        .map(|key| {
            let mut values: Vec<f64> = (runs.iter().flatten())
                .filter(|f| f.key == key)
                .map(|f| f.value)
                .collect();
            values.sort_by(f64::total_cmp);
            let value = if key.starts_with("peak ") {
                values.last().copied().unwrap_or(0.0)
            } else {
                values[values.len() / 2]
            };
            Measured { key, value }
        })
        .collect()
}

/// The figures a job printed (`figure <key> <µs>`, `peak <KiB>`): times in ms, the peak in
/// MB under the key `peak <job>`.
pub fn parse_job(job: &str, output: &str) -> Vec<Measured> {
    let mut out = Vec::new();
    for line in output.lines() {
        let mut words = line.split(' ');
        match words.next() {
            Some("figure") => {
                let rest: Vec<&str> = words.collect();
                let Some((micros, key)) = rest.split_last() else {
                    continue;
                };
                let value = micros.parse::<f64>().unwrap_or(0.0);
                let key = key.join(" ");
                let value = if key == "sheets-members" {
                    value
                } else {
                    value / 1000.0
                };
                out.push(Measured { key, value });
            }
            Some("peak") => {
                let kib = words
                    .next()
                    .and_then(|k| k.parse::<f64>().ok())
                    .unwrap_or(0.0);
                out.push(Measured::peak(job, kib));
            }
            _ => {}
        }
    }
    out
}

/// The row's label, its unit and its target (`value < target`), from its key.
fn describe(key: &str) -> (String, &'static str, Option<f64>) {
    let screen = |k: &str| k.strip_prefix("screen ").map(str::to_string);
    if let Some(name) = screen(key) {
        return (
            format!("Écran {name} : premier affichage"),
            "ms",
            Some(100.0),
        );
    }
    if let Some(name) = key.strip_prefix("keystroke ") {
        return (
            format!("Frappe dans la recherche : {name}"),
            "ms",
            Some(16.0),
        );
    }
    if let Some(job) = key.strip_prefix("peak ") {
        let what = match job {
            "start" => "démarrage",
            "screens" => "tous les écrans",
            "report" => "bilan",
            "sheets" => "feuilles de la semaine",
            other => other,
        };
        return (format!("Mémoire au plus haut : {what}"), "Mo", Some(150.0));
    }
    match key {
        "demo" => ("Création du jardin (binette demo)".into(), "ms", None),
        "start" => (
            "Démarrage à froid → première image".into(),
            "ms",
            Some(500.0),
        ),
        "report" => (
            "Bilan de l'année précédente (lecture + PDF)".into(),
            "ms",
            Some(1000.0),
        ),
        "sheets-per-1000" => (
            "Feuilles de la semaine, pour 1 000 adhérents".into(),
            "ms",
            Some(27.0),
        ),
        "sheets-members" => ("  adhérents sur les feuilles".into(), "", None),
        other => (other.to_string(), "", None),
    }
}

/// The table: one row per key (in the first column's order), one column per garden, the
/// target, and ✓ or ✗ for the last garden.
pub fn render(columns: &[Column]) -> String {
    let mut keys: Vec<String> = Vec::new();
    for column in columns {
        for figure in &column.figures {
            if !keys.contains(&figure.key) {
                keys.push(figure.key.clone());
            }
        }
    }
    let mut out = String::from("| Mesure |");
    for column in columns {
        out.push_str(&format!(" {} |", column.label));
    }
    out.push_str(" Cible | |\n|---|");
    out.push_str(&"---:|".repeat(columns.len()));
    out.push_str("---:|---|\n");
    for key in keys {
        let (label, unit, target) = describe(&key);
        out.push_str(&format!("| {label} |"));
        for column in columns {
            let cell = column
                .get(&key)
                .map_or("—".to_string(), |v| format_value(v, unit));
            out.push_str(&format!(" {cell} |"));
        }
        let last = columns.last().and_then(|c| c.get(&key));
        let (target_cell, verdict) = match (target, last) {
            (Some(t), Some(v)) => (
                format!("< {}", format_value(t, unit)),
                if v < t { "✓" } else { "✗" },
            ),
            (Some(t), None) => (format!("< {}", format_value(t, unit)), ""),
            _ => (String::new(), ""),
        };
        out.push_str(&format!(" {target_cell} | {verdict} |\n"));
    }
    out
}

/// `1 234 ms`, `12,5 ms`, `84 Mo`, or a plain count.
fn format_value(value: f64, unit: &str) -> String {
    let text = if value >= 100.0 || unit.is_empty() || unit == "Mo" {
        let whole = value.round() as i64;
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        grouped
    } else {
        format!("{value:.1}").replace('.', ",")
    };
    if unit.is_empty() {
        text
    } else {
        format!("{text} {unit}")
    }
}
