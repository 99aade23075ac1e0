//! The store as a file beside graph.json (`out/graph.cache`): what it stands for,
//! and opening it when it still does. (The command line writes it, atomically: a
//! temporary file renamed over the old one, which the memory map relies on.)

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::{Store, StoreHeader, Unopened};

/// The query store's file name, beside graph.json.
pub const CACHE_FILE: &str = "graph.cache";

/// The store file of an output folder.
pub fn cache_path(out: &Path) -> PathBuf {
    out.join(CACHE_FILE)
}

/// A file's (size, modification time in ns), to tell whether graph.json is the one a
/// store was written beside; None if it does not exist.
pub fn json_stamp(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(path).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((m.len(), t))
}

/// The store in `out` if the build `writer` (the binary's version and source digest)
/// wrote it beside the graph.json stamped `json`; else why not: missing, of another
/// format, damaged, or of another build or graph.json.
pub fn open_current(
    out: &Path,
    json: Option<(u64, u128)>,
    writer: &str,
) -> Result<(StoreHeader, Store), Unopened> {
    crate::map::open_file(&cache_path(out), |h| h.writer == writer && h.json == json)
}

/// The header of the store for a graph `levelmap build` has just built and written
/// to `out/graph.json`. `fingerprint` is taken before the corpus was read, so that an
/// edit made while building makes the store stale rather than wrong; `writer` is the
/// build that writes it.
pub fn header_after_build(out: &Path, fingerprint: String, writer: &str) -> StoreHeader {
    StoreHeader {
        writer: writer.into(),
        fingerprint,
        json: json_stamp(&out.join("graph.json")),
        json_fresh: true,
    }
}
