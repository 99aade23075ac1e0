//! graph.json written again from the previous build's file: every node's and edge's
//! bytes are a function of that item alone (its `Node`, or its `Edge` with its ends'
//! ids and its repeat number), so an item whose fingerprint the previous file's
//! [`JsonIndex`] holds is copied from that file, not serialised again
//! ([`write_json_spliced`]). The bytes are those [`crate::json::write_json`] writes
//! (`tests::a_spliced_file_is_the_file_written_whole`).

use std::hash::{Hash, Hasher};
use std::io::{self, Write as _};

use petgraph::graph::{EdgeIndex, NodeIndex};
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_128;

use crate::graph::LevelGraph;
use crate::json::{edge_out, edge_repeats, node_json, write_head, write_items, write_pretty_at};

/// An item's fingerprint: xxh3-128 of everything its bytes are made from (the derived
/// `Hash` of `Node` and `Edge`, so a field added to either is in it).
type Fingerprint = u128;

/// What comes before each item of an array at depth 1: a comma, a line break and the
/// indentation of depth 2; the first item has no comma.
const SEP: &[u8] = b",\n    ";

/// Where graph.json's items lie and what each was made from: the previous build's
/// file, described for the next build.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonIndex {
    nodes: ArrayIndex,
    edges: ArrayIndex,
}

/// One array of graph.json: where its first item starts, and each item's fingerprint
/// and length in bytes (the next starts after it and [`SEP`]).
#[derive(Debug, Clone, Default, PartialEq)]
struct ArrayIndex {
    start: u64,
    items: Vec<(Fingerprint, u32)>,
}

/// What splicing did: items copied from the previous file, and items serialised.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spliced {
    /// Items copied.
    pub copied: usize,
    /// Items serialised.
    pub written: usize,
}

/// Where a spliced graph.json goes: bytes written, and byte ranges copied from the
/// previous file (the one its [`JsonIndex`] describes).
pub trait Splice: io::Write {
    /// Copy `len` bytes at `offset` of the previous file to the output.
    fn copy_previous(&mut self, offset: u64, len: u64) -> io::Result<()>;
}

/// A [`Splice`] counting the bytes it is given.
struct Counted<'a, S: ?Sized> {
    inner: &'a mut S,
    at: u64,
}

impl<S: Splice + ?Sized> io::Write for Counted<'_, S> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.at += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<S: Splice + ?Sized> Counted<'_, S> {
    fn copy(&mut self, offset: u64, len: u64) -> io::Result<()> {
        self.inner.copy_previous(offset, len)?;
        self.at += len;
        Ok(())
    }
}

/// A piece of a spliced array: a run of consecutive items of the previous file, or
/// one item serialised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Copy { first: usize, count: usize },
    Item(usize),
}

/// An item serialised into `buf` at depth 2 (an item of an array at depth 1).
type Serialise<'g> = dyn Fn(usize, &mut Vec<u8>) -> io::Result<()> + Sync + 'g;

/// Write `g` as graph.json (the bytes of [`crate::json::write_json`]), copying from the
/// previous file every item `previous` describes unchanged; without `previous`, every
/// item is serialised. Returns the index of the file written, and what was copied.
pub fn write_json_spliced<S: Splice + ?Sized>(
    g: &LevelGraph,
    out: &mut S,
    previous: Option<&JsonIndex>,
) -> io::Result<(JsonIndex, Spliced)> {
    let repeats = edge_repeats(g);
    let (node_fps, edge_fps) =
        rayon::join(|| node_fingerprints(g), || edge_fingerprints(g, &repeats));
    let node = |i: usize, buf: &mut Vec<u8>| {
        write_pretty_at(buf, 2, &node_json(&g.graph[NodeIndex::new(i)]))
    };
    let edge = |i: usize, buf: &mut Vec<u8>| {
        write_pretty_at(buf, 2, &edge_out(g, EdgeIndex::new(i), repeats[i]))
    };
    let mut w = Counted { inner: out, at: 0 };
    write_head(g, &mut w)?;
    let mut done = Spliced::default();
    let nodes = write_array(
        &mut w,
        node_fps,
        previous.map(|p| &p.nodes),
        &node,
        &mut done,
    )?;
    w.write_all(b",\n  \"edges\": ")?;
    let edges = write_array(
        &mut w,
        edge_fps,
        previous.map(|p| &p.edges),
        &edge,
        &mut done,
    )?;
    w.write_all(b"\n}\n")?;
    Ok((JsonIndex { nodes, edges }, done))
}

/// Write one array (`[` … `]`, its items at depth 2), from the previous file's where
/// that helps ([`plan`]), else serialised whole.
fn write_array<S: Splice + ?Sized>(
    w: &mut Counted<'_, S>,
    fps: Vec<Fingerprint>,
    previous: Option<&ArrayIndex>,
    item: &Serialise<'_>,
    done: &mut Spliced,
) -> io::Result<ArrayIndex> {
    let pieces = previous.and_then(|p| plan(p, &fps));
    match (previous, pieces) {
        (Some(previous), Some(pieces)) => splice_array(w, fps, previous, &pieces, item, done),
        _ => {
            done.written += fps.len();
            whole_array(w, fps, item)
        }
    }
}

/// Every item serialised, chunks of them in parallel, each one's length kept.
fn whole_array<S: Splice + ?Sized>(
    w: &mut Counted<'_, S>,
    fps: Vec<Fingerprint>,
    item: &Serialise<'_>,
) -> io::Result<ArrayIndex> {
    use std::sync::atomic::{AtomicU32, Ordering};
    let lens: Vec<AtomicU32> = fps.iter().map(|_| AtomicU32::new(0)).collect();
    // `[` and the first item's line break come before its first byte.
    let start = w.at + 1 + (SEP.len() - 1) as u64;
    write_items(w, 1, fps.len(), |_: &mut (), i, buf| {
        let before = buf.len();
        item(i, buf)?;
        lens[i].store(item_len(buf.len() - before)?, Ordering::Relaxed);
        Ok(())
    })?;
    let items = fps
        .into_iter()
        .zip(lens)
        .map(|(fp, len)| (fp, len.into_inner()))
        .collect();
    Ok(ArrayIndex { start, items })
}

/// An item's length as the index keeps it.
fn item_len(len: usize) -> io::Result<u32> {
    u32::try_from(len).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a node or edge of graph.json is {len} bytes, more than 4 GiB"),
        )
    })
}

/// The items changed serialised (in parallel), then every piece written in order.
fn splice_array<S: Splice + ?Sized>(
    w: &mut Counted<'_, S>,
    fps: Vec<Fingerprint>,
    previous: &ArrayIndex,
    pieces: &[Piece],
    item: &Serialise<'_>,
    done: &mut Spliced,
) -> io::Result<ArrayIndex> {
    if fps.is_empty() {
        w.write_all(b"[]")?;
        return Ok(ArrayIndex::default());
    }
    let changed: Vec<usize> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Item(i) => Some(*i),
            Piece::Copy { .. } => None,
        })
        .collect();
    let made: Vec<Vec<u8>> = changed
        .par_iter()
        .map(|&i| {
            let mut buf = Vec::new();
            item(i, &mut buf).map(|()| buf)
        })
        .collect::<io::Result<_>>()?;
    let offsets = previous.offsets();
    let mut lens: Vec<u32> = Vec::with_capacity(fps.len());
    let mut made = made.into_iter();
    w.write_all(b"[")?;
    let start = w.at + (SEP.len() - 1) as u64;
    for (k, piece) in pieces.iter().enumerate() {
        w.write_all(if k == 0 { &SEP[1..] } else { SEP })?;
        match *piece {
            Piece::Copy { first, count } => {
                let last = first + count - 1;
                let end = offsets[last] + u64::from(previous.items[last].1);
                w.copy(offsets[first], end - offsets[first])?;
                lens.extend(previous.items[first..=last].iter().map(|&(_, len)| len));
                done.copied += count;
            }
            Piece::Item(_) => {
                let bytes = made.next().expect("one made per item");
                lens.push(item_len(bytes.len())?);
                w.write_all(&bytes)?;
                done.written += 1;
            }
        }
    }
    w.write_all(b"\n  ]")?;
    let items = fps.into_iter().zip(lens).collect();
    Ok(ArrayIndex { start, items })
}

/// How far ahead in the previous file an item is looked for when the one expected
/// there is not it (items dropped before it); an item not found within it is
/// serialised.
const WINDOW: usize = 256;

/// The pieces of the new array, walking both arrays in step: an item that is the next
/// of the previous file's (or one of the [`WINDOW`] after it, the ones between them
/// dropped) is copied, in one run with the item before it when it followed that one
/// there too; any other item is serialised. None when more than a quarter of the
/// items would be serialised (writing them all is as quick).
fn plan(previous: &ArrayIndex, fps: &[Fingerprint]) -> Option<Vec<Piece>> {
    let old = &previous.items;
    let limit = fps.len() / 4;
    let mut changed = 0;
    let mut next = 0;
    let mut pieces: Vec<Piece> = Vec::new();
    for (i, &fp) in fps.iter().enumerate() {
        let end = old.len().min(next + WINDOW);
        let Some(k) = old[next.min(end)..end].iter().position(|&(f, _)| f == fp) else {
            changed += 1;
            if changed > limit {
                return None;
            }
            pieces.push(Piece::Item(i));
            continue;
        };
        let k = next + k;
        match pieces.last_mut() {
            Some(Piece::Copy { first, count }) if *first + *count == k => *count += 1,
            _ => pieces.push(Piece::Copy { first: k, count: 1 }),
        }
        next = k + 1;
    }
    Some(pieces)
}

impl ArrayIndex {
    /// Where each item starts.
    fn offsets(&self) -> Vec<u64> {
        let mut at = self.start;
        self.items
            .iter()
            .map(|&(_, len)| {
                let here = at;
                at += u64::from(len) + SEP.len() as u64;
                here
            })
            .collect()
    }
}

/// A hasher that only gathers the bytes it is given, to be hashed at once (quicker
/// than a streaming hash fed a field at a time).
#[derive(Default)]
struct Gather(Vec<u8>);

impl Hasher for Gather {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        unreachable!("gathered bytes are hashed by xxh3_128")
    }
}

impl Gather {
    /// The fingerprint of what was gathered; the bytes are dropped for the next item.
    fn take(&mut self) -> Fingerprint {
        let fp = xxh3_128(&self.0);
        self.0.clear();
        fp
    }
}

/// Each node's fingerprint, in graph order.
fn node_fingerprints(g: &LevelGraph) -> Vec<Fingerprint> {
    (0..g.node_count())
        .into_par_iter()
        .map_init(Gather::default, |h, i| {
            g.graph[NodeIndex::new(i)].hash(h);
            h.take()
        })
        .collect()
}

/// Each edge's fingerprint, in graph order: the edge, its ends' ids and its repeat
/// number (its id's `#n`).
fn edge_fingerprints(g: &LevelGraph, repeats: &[u32]) -> Vec<Fingerprint> {
    (0..g.edge_count())
        .into_par_iter()
        .map_init(Gather::default, |h, i| {
            let e = EdgeIndex::new(i);
            let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
            g.graph[e].hash(h);
            g.graph[a].id.hash(h);
            g.graph[b].id.hash(h);
            h.write_u32(repeats[i]);
            h.take()
        })
        .collect()
}

impl JsonIndex {
    /// The index as bytes: for each array, its start, its item count, and each item's
    /// fingerprint and length, little-endian.
    pub fn encode(&self) -> Vec<u8> {
        let n = self.nodes.items.len() + self.edges.items.len();
        let mut out = Vec::with_capacity(32 + n * 20);
        for a in [&self.nodes, &self.edges] {
            out.extend_from_slice(&a.start.to_le_bytes());
            out.extend_from_slice(&(a.items.len() as u64).to_le_bytes());
            for &(fp, len) in &a.items {
                out.extend_from_slice(&fp.to_le_bytes());
                out.extend_from_slice(&len.to_le_bytes());
            }
        }
        out
    }

    /// The index from [`JsonIndex::encode`]'s bytes; none when they are not exactly one.
    pub fn decode(bytes: &[u8]) -> Option<JsonIndex> {
        let mut r = bytes;
        let nodes = ArrayIndex::take(&mut r)?;
        let edges = ArrayIndex::take(&mut r)?;
        r.is_empty().then_some(JsonIndex { nodes, edges })
    }
}

impl ArrayIndex {
    fn take(r: &mut &[u8]) -> Option<ArrayIndex> {
        let start = u64::from_le_bytes(take::<8>(r)?);
        let n = usize::try_from(u64::from_le_bytes(take::<8>(r)?)).ok()?;
        if r.len() / 20 < n {
            return None;
        }
        let items = (0..n)
            .map(|_| {
                let fp = u128::from_le_bytes(take::<16>(r)?);
                let len = u32::from_le_bytes(take::<4>(r)?);
                Some((fp, len))
            })
            .collect::<Option<_>>()?;
        Some(ArrayIndex { start, items })
    }
}

/// The next `N` bytes.
fn take<const N: usize>(r: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = r.split_first_chunk::<N>()?;
    *r = rest;
    Some(*head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::tests::varied_graph;
    use crate::json::write_json;

    /// A [`Splice`] into memory, copying from the previous file's bytes.
    struct Memory<'p> {
        previous: &'p [u8],
        out: Vec<u8>,
    }

    impl io::Write for Memory<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.out.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Splice for Memory<'_> {
        fn copy_previous(&mut self, offset: u64, len: u64) -> io::Result<()> {
            let (at, len) = (offset as usize, len as usize);
            self.out.extend_from_slice(&self.previous[at..at + len]);
            Ok(())
        }
    }

    /// graph.json of `g` spliced from `previous` (bytes and index), with what it did.
    fn spliced(
        g: &LevelGraph,
        previous: Option<(&[u8], &JsonIndex)>,
    ) -> (Vec<u8>, JsonIndex, Spliced) {
        let mut m = Memory {
            previous: previous.map_or(&[], |p| p.0),
            out: Vec::new(),
        };
        let (index, done) = write_json_spliced(g, &mut m, previous.map(|p| p.1)).unwrap();
        (m.out, index, done)
    }

    fn whole(g: &LevelGraph) -> Vec<u8> {
        let mut v = Vec::new();
        write_json(g, &mut v).unwrap();
        v
    }

    #[test]
    fn a_spliced_file_is_the_file_written_whole() {
        let g = varied_graph();
        let (first, index, done) = spliced(&g, None);
        assert_eq!(first, whole(&g), "the index's first file is write_json's");
        assert_eq!(done.copied, 0);
        assert_eq!(done.written, g.node_count() + g.edge_count());
        // Unchanged: every item copied, the same bytes and index.
        let (again, index2, done) = spliced(&g, Some((&first, &index)));
        assert_eq!(again, first);
        assert_eq!(index2, index);
        assert_eq!(
            (done.copied, done.written),
            (g.node_count() + g.edge_count(), 0)
        );
        // Changed: a node's label and an edge's quote changed, a node dropped (with
        // its edges), one of several parallel edges dropped (the later ones' ids are
        // numbered again), and a node added at the end.
        let changed = changed_graph(&g);
        let (third, index3, done) = spliced(&changed, Some((&first, &index)));
        assert_eq!(third, whole(&changed), "spliced from the previous file");
        assert!(done.copied > g.edge_count() / 2, "{done:?}");
        assert!(done.written >= 3, "{done:?}");
        assert_eq!(
            index3,
            spliced(&changed, None).1,
            "the index of the file written"
        );
        // And back again, from the changed file.
        let (fourth, _, _) = spliced(&g, Some((&third, &index3)));
        assert_eq!(fourth, first);
    }

    /// `g` with a label and a quote changed, node 4 and edge 100 dropped, a node added.
    fn changed_graph(g: &LevelGraph) -> LevelGraph {
        let mut h = LevelGraph::new();
        h.digest = "another digest".into();
        for i in g.graph.node_indices().filter(|i| i.index() != 4) {
            let mut n = g.graph[i].clone();
            if i.index() == 20 {
                n.label = "Changed, with \"quotes\"".into();
            }
            h.add_node(n);
        }
        for e in g.graph.edge_indices().filter(|e| e.index() != 100) {
            let (a, b) = g.graph.edge_endpoints(e).unwrap();
            let mut edge = g.graph[e].clone();
            if e.index() == 3000 {
                edge.evidence.quote = "another quote".into();
            }
            h.add_edge(&g.graph[a].id, &g.graph[b].id, edge);
        }
        let mut extra = g.graph[NodeIndex::new(0)].clone();
        extra.id = "article:zz-new".into();
        h.add_node(extra);
        h
    }

    #[test]
    fn an_index_reads_back_and_a_damaged_one_does_not() {
        let g = varied_graph();
        let (_, index, _) = spliced(&g, None);
        let bytes = index.encode();
        assert_eq!(JsonIndex::decode(&bytes), Some(index.clone()));
        assert_eq!(JsonIndex::decode(&bytes[..bytes.len() - 1]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(JsonIndex::decode(&longer), None);
        assert_eq!(JsonIndex::decode(&[]), None);
        assert_eq!(
            JsonIndex::decode(&JsonIndex::default().encode()),
            Some(JsonIndex::default())
        );
    }

    #[test]
    fn an_empty_graph_splices_to_empty_arrays() {
        let g = LevelGraph::default();
        let (first, index, _) = spliced(&g, None);
        assert_eq!(first, whole(&g));
        let (again, _, _) = spliced(&g, Some((&first, &index)));
        assert_eq!(again, first);
    }
}
