//! Test and benchmark support, never shipped in the binary: the small fixtures,
//! the synthetic argument maps ([`map`]) and timelines ([`timeline`]), the
//! synthetic corpora on disk ([`corpus`]), and the one random generator they all
//! draw from ([`rng`]).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the test kit writes generated corpora for tests and benchmarks

use std::path::{Path, PathBuf};

use levelmap_model::graph::{build, BuildOptions, LevelGraph};

pub mod corpus;
pub mod map;
pub mod rng;
pub mod timeline;

/// The workspace root (where `graph/` and `tests/fixtures/` are).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture folder of `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The graph of tests/fixtures/mini.
pub fn mini() -> LevelGraph {
    let reading = levelmap_read::read_corpus(&fixture("mini"));
    assert!(!reading.has_errors(), "{:?}", reading.diagnostics);
    build(&reading.corpus, BuildOptions::default())
}
