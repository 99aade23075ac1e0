//! The query store: the graph in a compact binary form that a query reads in place
//! (memory-mapped, nothing decoded up front), and the [`Region`]s of it that a query
//! turns back into a small [`LevelGraph`].
//!
//! A query on a corpus of 10,000 articles touches a few hundred of its 190,000 nodes
//! and 1.2 million edges. Decoding the whole graph costs more than answering, so the
//! store keeps every node as a record that decodes on its own, every edge as a
//! fixed-size record, the adjacency as compressed sparse rows (the edges out of and
//! into each node, by record number), the ids sorted for binary search, the
//! statements every network command reads (a fixed record each, in their order, found
//! from the whole graph when the store is written, so that no command decodes the
//! graph to find them again), and one shared string table. A query walks the adjacency in place, collects the region it
//! needs, and materialises just that region, with the nodes and edges in their
//! original relative order, so that the query code (which runs on a [`LevelGraph`])
//! gives exactly the answer the whole graph gives.
//!
//! Layout (integers little-endian; strings are indices into the string table,
//! `u32::MAX` for none): `MAGIC`, u32 [`FORMAT`], the header (writer, fingerprint,
//! graph.json stamp, freshness, digest), the counts, a table of where each section
//! starts, the block size and count, a checksum per block, and a checksum of all of that;
//! then the sections.
//!
//! Integrity: a flipped byte anywhere must never change an answer unnoticed. The
//! sections are cut into blocks ([`BLOCK`] bytes), each with an xxh3 checksum in the
//! header, and the header (everything before the sections, the block checksums
//! included) has one of its own. The header's is checked when the store is opened
//! (a few hundred kilobytes at 10,000 articles); a block's the first time a read
//! touches it, so a query pays only for the blocks it reads. Every read of a section
//! goes through that check: a block that fails it sets the store's damage flag
//! ([`Store::damage`]) and reads as `None`, the region being read is refused, and the
//! caller answers without the store and rebuilds it. Every read is also
//! bounds-checked: a damaged store never panics.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the query store file is this crate's to open

pub mod cache;
mod encode;
#[cfg(test)]
mod flips;
pub mod fresh;
pub mod map;
mod materialise;
mod read;
#[cfg(test)]
mod tests;
pub mod walk;

pub use encode::{encode, prepare, Prepared, TooLarge};
pub use materialise::{Materialised, Region};
pub use read::{Bytes, Damage, EdgeEnds, Store, Unopened};

pub(crate) const MAGIC: &[u8; 8] = b"LMSTORE\0";
/// The layout version; bump on any change to the layout.
pub const FORMAT: u32 = 3;
pub(crate) const NONE: u32 = u32::MAX;
/// Bytes per edge record: from, to, kind, stance, origin, pad, confidence (f64),
/// article (string), quote (string), note (string), article node.
pub(crate) const EDGE: usize = 36;
/// Bytes per search document: owner (edges with the top bit set), text, length.
pub(crate) const DOC: usize = 12;
/// Bytes per statement record: date, article, actor, policy, stance, source, pad,
/// claim, actor's name, policy's name, quote.
pub(crate) const STATEMENT: usize = 36;
/// How many of the most connected and most contested nodes the store keeps: `stats
/// --top N` answers from the store up to this N.
pub const STATS_TOP: usize = 100;
pub(crate) const SECTIONS: usize = 19;
/// Bytes per checked block of the sections (each store records its own): a query
/// hashes each block it reads, once.
pub const BLOCK: usize = 4096;

/// What a store stands for: checked before it is used.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreHeader {
    /// The build that wrote it: the crate version and the digest of its sources.
    pub writer: String,
    /// Corpus fingerprint ("" when there was no corpus folder).
    pub fingerprint: String,
    /// graph.json's (size, mtime ns), if it existed.
    pub json: Option<(u64, u128)>,
    /// Whether graph.json matched the corpus (false: the store holds a fresher build).
    pub json_fresh: bool,
}

/// Where each section starts, in bytes from the start of the store.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sections {
    n_nodes: usize,
    n_edges: usize,
    n_strings: usize,
    string_offsets: usize,
    blob: usize,
    node_offsets: usize,
    node_bytes: usize,
    kinds: usize,
    article_of: usize,
    by_id: usize,
    edges: usize,
    out_offsets: usize,
    out_edges: usize,
    in_offsets: usize,
    in_edges: usize,
    stats: usize,
    docs: usize,
    term_offsets: usize,
    term_blob: usize,
    post_offsets: usize,
    postings: usize,
    statements: usize,
    end: usize,
    /// Where the sections (and so the blocks) start.
    data: usize,
    /// Where the block checksums are.
    sums: usize,
    /// Bytes per checked block.
    block: usize,
    n_blocks: usize,
    n_docs: usize,
    n_terms: usize,
    n_statements: usize,
    total_len: u64,
}
