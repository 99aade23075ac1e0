//! Discourse networks, as Discourse Network Analyzer (DNA) users know them, from the
//! evidenced graph: statements (who took which stance on which policy, when, on what
//! evidence), the networks they make (affiliation, congruence, conflict, subtract,
//! policies; in moving windows), measures on any network, and polarisation over time.
//! Pure functions of a [`levelmap_model::graph::LevelGraph`]; no files. Definitions
//! and formulas: docs/networks.md.

pub mod evidence;
pub mod exchange;
pub mod json;
pub mod json_write;
pub mod measures;
pub mod network;
pub mod polarisation;
pub mod statements;
#[cfg(test)]
mod testgen;
pub mod window;

pub use network::{
    build_network, build_network_owned, each_edge_written, network_ties, profiles, Kind, NetEdge,
    NetNode, Network, NetworkOptions, Normalisation, Profiles, Ties,
};
pub use statements::{statements, Duplicates, Source, Statement, StatementFilter};
pub use window::{windows, Span, Window};

/// Why a network question could not be answered; every message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    /// A window or step that is not a number of months or years.
    #[error(
        "--{flag} '{text}' is not a length of time: write months or years, e.g. 12m, 3m or 2y"
    )]
    BadLength {
        /// The flag (without dashes).
        flag: String,
        /// What was given.
        text: String,
    },
    /// A window longer than the statements' span.
    #[error("--window {window} is longer than the statements, which run from {first} to {last} ({months} month(s)); give a shorter --window")]
    WindowTooLong {
        /// The window as given.
        window: String,
        /// First statement's month.
        first: String,
        /// Last statement's month.
        last: String,
        /// The span in months.
        months: i64,
    },
    /// No statement is left after the filters.
    #[error("no statements {what}; the corpus has {total} statement(s){span}")]
    NoStatements {
        /// Which filters left nothing ("between 2030 and 2031").
        what: String,
        /// How many statements there are before filtering.
        total: usize,
        /// "from X to Y", if any are dated.
        span: String,
    },
    /// `--min-statements 0`.
    #[error("--min-statements must be at least 1 (got 0)")]
    BadMinimum,
}
