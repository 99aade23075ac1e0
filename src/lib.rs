//! levelmap: turn a corpus of policy articles into an evidenced timeline and argument map.
//!
//! Phases, each with one job (see ARCHITECTURE.md): [`read`] the corpus (the only
//! phase that reads corpus files), [`graph`] builds the typed graph, and [`export`]
//! writes JSON, DOT and SVG to any `io::Write`; [`output`] replaces files atomically.

pub mod date;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod graph;
pub mod mentions;
pub mod model;
pub mod output;
pub mod query;
pub mod read;
pub mod store;
pub mod style;
pub mod suggest;
pub mod synth;
pub mod timeline;
pub mod view;
