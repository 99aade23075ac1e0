//! The `levelmap` command: parse the command line, run one subcommand, report errors.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the command line reads and writes every file the user names
#![deny(clippy::print_stderr)] // stderr is written through `note!` (stderr.rs), which never panics

/// A faster allocator: loading a large graph makes a million small allocations.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[macro_use]
mod stderr;

mod cli;
mod cmd;
mod memory;
mod output;
mod outset;
mod splice;

use std::process::ExitCode;

/// This build: the crate version and the digest of the sources it was built from
/// (build.rs). The caches beside the outputs are keyed by it, so that a binary built
/// from other sources, even at the same version, never answers from another's cache.
pub(crate) const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("LEVELMAP_SOURCE"));

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            note!("error: {err}");
            // a cause an error's own message already quotes is not printed again
            let mut said = err.to_string();
            for cause in err.chain().skip(1) {
                let cause = cause.to_string();
                if !said.contains(&cause) {
                    note!("  caused by: {cause}");
                }
                said.push('\n');
                said.push_str(&cause);
            }
            ExitCode::FAILURE
        }
    }
}

/// A reader that went away (`levelmap stats | head`) is not an error, however the
/// write that met it was wrapped (serde_json wraps the io error of its writer).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
    })
}
