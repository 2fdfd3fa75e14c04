//! The indexing progress bar (indicatif), drawn on stderr.
//!
//! The total grows while the walker is still finding files, so the bar is
//! useful from the first second of a large run without a separate counting pass.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::index::writer::Progress;

/// A progress bar for an indexing run.
pub struct IndexProgress {
    bar: ProgressBar,
}

impl IndexProgress {
    /// A bar on stderr; hidden when `visible` is false.
    pub fn new(visible: bool) -> IndexProgress {
        IndexProgress {
            bar: stderr_bar(
                visible,
                Some(0),
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files · {msg} · ETA {eta}",
            ),
        }
    }
}

impl Progress for IndexProgress {
    fn file_found(&self) {
        self.bar.inc_length(1);
    }

    fn file_done(&self, articles_so_far: u64) {
        self.bar.inc(1);
        let seconds = self.bar.elapsed().as_secs_f64().max(0.001);
        self.bar.set_message(format!(
            "{articles_so_far} articles ({:.0}/s)",
            articles_so_far as f64 / seconds
        ));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A spinner counting articles read for `export` and `push`.
pub struct ExportProgress {
    bar: ProgressBar,
}

impl ExportProgress {
    /// A spinner on stderr; hidden when `visible` is false.
    pub fn new(visible: bool) -> ExportProgress {
        ExportProgress {
            bar: stderr_bar(
                visible,
                None,
                "{spinner} [{elapsed_precise}] {pos} articles read",
            ),
        }
    }

    /// `done` articles are read and extracted.
    pub fn articles(&self, done: usize) {
        self.bar.set_position(done as u64);
    }

    /// Clears the spinner.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The progress bar of `push`: documents answered for by Quickwit.
pub struct PushBar {
    bar: ProgressBar,
}

impl PushBar {
    /// A bar on stderr; hidden when `visible` is false.
    pub fn new(visible: bool) -> PushBar {
        PushBar {
            bar: stderr_bar(
                visible,
                Some(0),
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} documents · {per_sec} · ETA {eta}",
            ),
        }
    }
}

impl crate::remote::push::PushProgress for PushBar {
    fn start(&self, total: u64) {
        self.bar.set_length(total);
    }

    fn sent(&self, documents: u64) {
        self.bar.inc(documents);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A bar (or, without a length, a spinner) on stderr, hidden unless `visible`.
fn stderr_bar(visible: bool, length: Option<u64>, template: &str) -> ProgressBar {
    let target = if visible {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(length, target);
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
