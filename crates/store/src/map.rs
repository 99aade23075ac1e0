//! Opening a store file by memory-mapping it: the one `unsafe` of levelmap.

use std::path::Path;

use crate::{Store, StoreHeader, Unopened};

/// Read the store at `path` if its header `accept`s; else why not (missing, not a
/// store of this format, damaged or refused).
#[allow(unsafe_code)]
pub fn open_file(
    path: &Path,
    accept: impl Fn(&StoreHeader) -> bool,
) -> Result<(StoreHeader, Store), Unopened> {
    let file = std::fs::File::open(path).map_err(|_| Unopened::Missing)?;
    // SAFETY: the store is replaced only by renaming a new file over it (never written
    // in place), so the mapped file does not change while it is mapped; and every read
    // of it is bounds-checked.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|_| Unopened::Missing)?;
    Store::open(Box::new(map), accept)
}
