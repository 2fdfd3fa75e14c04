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
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files · {msg} · ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        IndexProgress { bar }
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
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        let style =
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} articles read")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        ExportProgress { bar }
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
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} documents · {per_sec} · ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        PushBar { bar }
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
