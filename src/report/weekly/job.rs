//! The print set as one job: every document laid out once (on as many threads as the machine
//! has cores), the fonts subset once for the whole set, then each file put together in turn
//! and handed over before the next is made. A depot's pages serve both its own file and the
//! file of every depot.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::emargement::{self, depot_sheet};
use super::packing::{self, packing_document};
use super::summary::{self, summary_document};
use super::{ALL_SHEETS_FILE, PACKING_FILE, PrintFile, SUMMARY_FILE, depot_file_names, setup};
use crate::report::document::{JobFonts, Laid, Logo};
use crate::report::draw::GlyphUse;
use crate::report::{Document, ReportError};
use crate::store::sheets::PrintSet;

/// Every PDF of the set: summary, all sheets, one sheet per depot, packing list.
pub fn render_print_set(set: &PrintSet) -> Result<Vec<PrintFile>, ReportError> {
    let mut files = Vec::new();
    render_print_set_each(set, |file| {
        files.push(file);
        Ok::<(), ReportError>(())
    })?;
    Ok(files)
}

/// Renders the set and hands each file to `sink` (to write it) as soon as it is made: the
/// summary, the sheets of every depot, each depot's sheets, the packing list. Only the
/// compressed pages are held meanwhile, never every file at once. Stops at the first error.
pub fn render_print_set_each<E: From<ReportError>>(
    set: &PrintSet,
    mut sink: impl FnMut(PrintFile) -> Result<(), E>,
) -> Result<(), E> {
    if set.depots.is_empty() {
        return Err(ReportError::Layout("aucun dépôt ne livre cette semaine".into()).into());
    }
    let logo = set.logo_path.as_deref().and_then(Logo::load);
    let mut laid = lay_out(set, logo.as_ref());
    let mut glyphs = GlyphUse::default();
    for part in &laid {
        glyphs.merge(&part.glyphs);
    }
    let fonts = JobFonts::new(&glyphs)?;
    let (summary, packing) = (laid.remove(0), laid.remove(0));
    let file = |name: &str, bytes| PrintFile {
        name: name.to_owned(),
        bytes,
    };
    sink(file(SUMMARY_FILE, summary.write(&fonts, &pages(&summary))))?;
    drop(summary);
    let every: Vec<&[u8]> = laid.iter().flat_map(pages).collect();
    sink(file(ALL_SHEETS_FILE, laid[0].write(&fonts, &every)))?;
    drop(every);
    for ((_, name), depot) in depot_file_names(set).into_iter().zip(&laid) {
        sink(file(&name, depot.write(&fonts, &pages(depot))))?;
    }
    drop(laid);
    sink(file(PACKING_FILE, packing.write(&fonts, &pages(&packing))))
}

/// The pages of `laid`, to write.
fn pages(laid: &Laid) -> Vec<&[u8]> {
    laid.pages.iter().map(Vec::as_slice).collect()
}

/// The summary, the packing list, then each depot's sheets, laid out by a few threads taking
/// the next document as they finish one.
fn lay_out(set: &PrintSet, logo: Option<&Arc<Logo>>) -> Vec<Laid> {
    let count = 2 + set.depots.len();
    let document = |title| Document::with_logo(setup(set, title), logo.cloned());
    let job = |i: usize| -> Laid {
        match i {
            0 => summary_document(set, document(summary::TITLE)).finish(),
            1 => packing_document(set, document(packing::TITLE)).finish(),
            _ => {
                let mut doc = document(emargement::TITLE);
                depot_sheet(&mut doc, set, &set.depots[i - 2]);
                doc.finish()
            }
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, count);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            done.push((i, job(i)));
        }
    };
    let results: Vec<(usize, Laid)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().unwrap_or_default());
        }
        all
    });
    let mut slots: Vec<Option<Laid>> = (0..count).map(|_| None).collect();
    for (i, laid) in results {
        slots[i] = Some(laid);
    }
    // A helper that panicked left its documents undone: they are laid out here.
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| slot.unwrap_or_else(|| job(i)))
        .collect()
}
