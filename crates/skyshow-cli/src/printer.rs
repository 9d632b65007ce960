//! Where progress and summaries go: stderr only, progress hidden when stderr is not a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Output policy.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Printer {
    progress: bool,
}

impl Printer {
    /// Progress only on a terminal and unless `--no-progress`.
    pub(crate) fn new(no_progress: bool) -> Self {
        Printer {
            progress: !no_progress && std::io::stderr().is_terminal(),
        }
    }

    /// A spinner showing the current stage (hidden when progress is off).
    pub(crate) fn stage_spinner(&self) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let pb = ProgressBar::new_spinner();
        pb.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("static template"),
        );
        pb.enable_steady_tick(Duration::from_millis(100));
        pb
    }

    /// A line on stderr.
    #[allow(clippy::print_stderr)]
    pub(crate) fn line(&self, text: &str) {
        eprintln!("{text}");
    }
}
