//! The `skyshow` command line. The only crate that prints: data to stdout, progress and
//! diagnostics to stderr. Exit codes: 0 = built/checked and valid, 1 = built/checked but
//! validation found violations, 2 = error.

mod args;
mod build_cache;
mod cli_error;
mod commands;
mod design_warnings;
mod fireworks;
mod formation_motion;
mod formation_spec;
mod output;
mod printer;
mod show_check;
mod show_source;
mod summary;
mod visuals;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::printer::Printer;
use skyshow_i18n::{Lang, msg};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let printer = Printer::new(cli.no_progress);
    // Diagnostics keep their lines whole, so messages stay greppable in logs.
    let _ = miette::set_hook(Box::new(|_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .wrap_lines(false)
                .width(400)
                .build(),
        )
    }));
    let env = |k: &str| std::env::var(k).ok();
    match Lang::select(cli.lang.as_deref(), env) {
        Ok(lang) => skyshow_i18n::set_current(lang),
        Err(unknown) => {
            // Told in the language the system locale gives.
            skyshow_i18n::set_current(Lang::system(env));
            let hint = msg!("lang-unknown-hint", languages = Lang::list());
            printer.error(&cli_error::fail(unknown.message(), Some(hint)));
            return ExitCode::from(2);
        }
    }
    let result = match &cli.command {
        Command::Build(a) => commands::build::run(a, printer),
        Command::Check(a) => commands::check::run(a, printer),
        Command::Transition(a) => commands::transition::run(a, printer),
        Command::Formation(a) => commands::formation::run(a, printer),
        Command::Render(a) => commands::render::run(a, printer),
        Command::Preview(a) => commands::preview::run(a, printer),
        Command::Beats(a) => commands::beats::run(a, printer),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(report) => {
            printer.error(&report);
            ExitCode::from(2)
        }
    }
}
