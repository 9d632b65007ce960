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

    /// An error report on stderr, in the user's language (miette writes its `help:` label
    /// in English; it is replaced here).
    pub(crate) fn error(&self, report: &miette::Report) {
        let text = format!("{report:?}");
        self.line(&localise_labels(&text, skyshow_i18n::current()));
    }

    /// A line on stderr.
    #[allow(clippy::print_stderr)]
    pub(crate) fn line(&self, text: &str) {
        eprintln!("{text}");
    }
}

/// Replaces miette's fixed English `help:` label (at the start of a line, after its indent)
/// with the language's.
fn localise_labels(report: &str, lang: skyshow_i18n::Lang) -> String {
    if lang == skyshow_i18n::Lang::En {
        return report.to_string();
    }
    let label = skyshow_i18n::msg!("error-help-label").render(lang);
    report
        .lines()
        .map(|l| {
            let body = l.trim_start();
            match body.strip_prefix("help: ") {
                Some(rest) => format!("{}{label}{rest}", &l[..l.len() - body.len()]),
                None => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_i18n::Lang;

    #[test]
    fn help_label_in_chinese() {
        let r = "  × bad\n  help: do this\n";
        assert_eq!(localise_labels(r, Lang::En), r);
        assert_eq!(localise_labels(r, Lang::Zh), "  × bad\n  提示：do this");
    }
}
