//! The query store: the graph in a compact binary form that a query reads in place
//! (memory-mapped, nothing decoded up front), and the [`Region`]s of it that a query
//! turns back into a small [`LevelGraph`].
//!
//! A query on a corpus of 10,000 articles touches a few hundred of its 190,000 nodes
//! and 1.2 million edges. Decoding the whole graph costs more than answering, so the
//! store keeps every node as a record that decodes on its own, every edge as a
//! fixed-size record, the adjacency as compressed sparse rows (the edges out of and
//! into each node, by record number), the ids sorted for binary search, and one
//! shared string table. A query walks the adjacency in place, collects the region it
//! needs, and materialises just that region, with the nodes and edges in their
//! original relative order, so that the query code (which runs on a [`LevelGraph`])
//! gives exactly the answer the whole graph gives.
//!
//! Layout (integers little-endian; strings are indices into the string table,
//! `u32::MAX` for none): `MAGIC`, u32 [`FORMAT`], the header (writer, fingerprint,
//! graph.json stamp, freshness, digest), then the sections, each at an offset given
//! in a table after the header. Every read is bounds-checked: a damaged store gives
//! `None`, never a panic, and the caller rebuilds it.

pub mod map;
pub mod region;

use std::ops::Deref;

use petgraph::graph::{DiGraph, NodeIndex};

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{
    article_node_id, ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin,
    Role, Stance, Text,
};
use levelmap_query::extend_in_order;
use levelmap_query::search::{DocInfo, DocText, Owner, Postings, SearchIndex};
use levelmap_query::stats::{stats, StatsAnswer, StatsOptions};

use levelmap_query::resolve::Names;

const MAGIC: &[u8; 8] = b"LMSTORE\0";
/// The layout version; bump on any change to the layout.
pub const FORMAT: u32 = 1;
const NONE: u32 = u32::MAX;
/// Bytes per edge record: from, to, kind, stance, origin, pad, confidence (f64),
/// article (string), quote (string), note (string), article node.
const EDGE: usize = 36;
/// Bytes per search document: owner (edges with the top bit set), text, length.
const DOC: usize = 12;
/// How many of the most connected and most contested nodes the store keeps: `stats
/// --top N` answers from the store up to this N.
pub const STATS_TOP: usize = 100;
const SECTIONS: usize = 18;

/// What a store stands for: checked before it is used.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreHeader {
    /// The crate version that wrote it.
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
struct Sections {
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
    end: usize,
    n_docs: usize,
    n_terms: usize,
    total_len: u64,
}

// ---- Writing ---------------------------------------------------------------------

#[derive(Default)]
struct Strings<'a> {
    index: std::collections::HashMap<&'a str, u32>,
    list: Vec<&'a str>,
}

impl<'a> Strings<'a> {
    fn intern(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.index.insert(s, i);
        self.list.push(s);
        i
    }
    fn opt(&mut self, s: Option<&'a str>) -> u32 {
        s.map_or(NONE, |s| self.intern(s))
    }
}

fn put_u32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn put_str(buf: &mut Vec<u8>, s: &str) {
    put_u32(buf, s.len() as u32);
    buf.extend_from_slice(s.as_bytes());
}

fn date_bits(d: Option<PartialDate>) -> u32 {
    match d {
        None => NONE,
        Some(d) => {
            let y = d.year_num() as u16 as u32;
            let m = u32::from(d.month_num().unwrap_or(0));
            let day = u32::from(d.day_num().unwrap_or(0));
            y << 16 | m << 8 | day
        }
    }
}

fn pos<T: PartialEq>(all: &[T], v: &T) -> u8 {
    all.iter().position(|x| x == v).unwrap_or(0) as u8
}

fn origin_bits(o: Origin) -> (u8, f64) {
    match o {
        Origin::Curated => (0, 0.0),
        Origin::Derived => (1, 0.0),
        Origin::Extracted(c) => (2, c),
    }
}

/// Encode a graph as a store.
pub fn encode(h: &StoreHeader, g: &LevelGraph) -> Vec<u8> {
    let mut st = Strings::default();
    let n_nodes = g.node_count();
    let n_edges = g.edge_count();
    // Nodes, each a record of its own.
    let mut node_bytes: Vec<u8> = Vec::new();
    let mut node_offsets: Vec<u32> = Vec::with_capacity(n_nodes + 1);
    let mut kinds: Vec<u8> = Vec::with_capacity(n_nodes);
    let mut article_of: Vec<u32> = Vec::with_capacity(n_nodes);
    for i in g.graph.node_indices() {
        let n = g.node(i);
        node_offsets.push(node_bytes.len() as u32);
        kinds.push(pos(NodeKind::ALL, &n.kind));
        article_of.push(g.article_of(i).map_or(NONE, |a| a.index() as u32));
        let b = &mut node_bytes;
        put_u32(b, st.intern(&n.id));
        put_u32(b, st.intern(&n.label));
        let (tag, c) = origin_bits(n.origin);
        b.push(tag);
        b.extend_from_slice(&c.to_bits().to_le_bytes());
        match &n.data {
            NodeData::Article { title, date, url } => {
                b.push(0);
                put_u32(b, st.intern(title));
                put_u32(b, date_bits(Some(date.value)));
                b.push(pos(DateProvenance::ALL, &date.provenance));
                put_u32(b, st.opt(date.evidence.as_deref()));
                put_u32(b, st.opt(date.reasoning.as_deref()));
                put_u32(b, st.opt(url.as_deref()));
            }
            NodeData::Entity {
                subkind,
                aliases,
                description,
                date,
                roles,
            } => {
                b.push(1);
                put_u32(b, st.intern(subkind));
                put_u32(b, aliases.len() as u32);
                for a in aliases {
                    put_u32(b, st.intern(a));
                }
                put_u32(b, st.opt(description.as_deref()));
                put_u32(b, date_bits(*date));
                put_u32(b, roles.len() as u32);
                for r in roles {
                    put_u32(b, st.intern(&r.title));
                    put_u32(b, st.opt(r.of.as_deref()));
                    put_u32(b, date_bits(r.from));
                    put_u32(b, date_bits(r.to));
                }
            }
            NodeData::Claim {
                text,
                evidence,
                claim_kind,
                speaker,
                hedged,
                date,
            } => {
                b.push(2);
                put_u32(b, st.intern(text));
                put_u32(b, st.intern(&evidence.article));
                put_u32(b, st.intern(&evidence.quote));
                b.push(pos(ClaimKind::ALL, claim_kind));
                put_u32(b, st.opt(speaker.as_deref()));
                b.push(u8::from(*hedged));
                put_u32(b, date_bits(*date));
            }
        }
    }
    node_offsets.push(node_bytes.len() as u32);
    let mut by_id: Vec<u32> = (0..n_nodes as u32).collect();
    by_id.sort_by(|&a, &b| {
        g.node(NodeIndex::new(a as usize))
            .id
            .cmp(&g.node(NodeIndex::new(b as usize)).id)
    });

    // Edges, fixed-size, and the adjacency.
    let mut edges: Vec<u8> = Vec::with_capacity(n_edges * EDGE);
    let mut outs: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    let mut ins: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    for (r, ei) in g.graph.edge_indices().enumerate() {
        let (a, b) = g.graph.edge_endpoints(ei).expect("edge exists");
        let w = g.edge(ei);
        put_u32(&mut edges, a.index() as u32);
        put_u32(&mut edges, b.index() as u32);
        edges.push(pos(EdgeKind::ALL, &w.kind));
        edges.push(w.stance.map_or(0, |s| pos(Stance::ALL, &s) + 1));
        let (tag, c) = origin_bits(w.origin);
        edges.push(tag);
        edges.push(0);
        edges.extend_from_slice(&c.to_bits().to_le_bytes());
        put_u32(&mut edges, st.intern(&w.evidence.article));
        put_u32(&mut edges, st.intern(&w.evidence.quote));
        put_u32(&mut edges, st.opt(w.note.as_deref()));
        put_u32(
            &mut edges,
            g.find(&article_node_id(&w.evidence.article))
                .map_or(NONE, |i| i.index() as u32),
        );
        outs[a.index()].push(r as u32);
        ins[b.index()].push(r as u32);
    }

    let mut out = Vec::with_capacity(node_bytes.len() + edges.len() * 2);
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, FORMAT);
    put_str(&mut out, &h.writer);
    put_str(&mut out, &h.fingerprint);
    match h.json {
        Some((len, t)) => {
            out.push(1);
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&t.to_le_bytes());
        }
        None => out.push(0),
    }
    out.push(u8::from(h.json_fresh));
    put_str(&mut out, &g.digest);
    // What `stats` and `search` read about the whole graph.
    let stats_json = stats(g, StatsOptions { top: STATS_TOP })
        .ok()
        .and_then(|s| serde_json::to_vec(&s).ok())
        .unwrap_or_default();
    let ix = SearchIndex::build(g);
    let mut docs: Vec<u8> = Vec::with_capacity(ix.docs.len() * DOC);
    for d in &ix.docs {
        put_u32(
            &mut docs,
            match d.owner {
                Owner::Node(n) => n,
                Owner::Edge(r) => r | 1 << 31,
            },
        );
        put_u32(
            &mut docs,
            match d.text {
                DocText::Title => 0,
                DocText::Name => 1,
                DocText::Description => 2,
                DocText::Text => 3,
                DocText::Quote => 4,
                DocText::Alias(k) => 16 + k,
            },
        );
        put_u32(&mut docs, d.len);
    }
    let (mut term_offsets, mut term_blob, mut post_offsets, mut postings) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    put_u32(&mut term_offsets, 0);
    put_u32(&mut post_offsets, 0);
    let mut n_postings = 0u32;
    for (term, list) in &ix.terms {
        term_blob.extend_from_slice(term.as_bytes());
        put_u32(&mut term_offsets, term_blob.len() as u32);
        for &d in list {
            put_u32(&mut postings, d);
        }
        n_postings += list.len() as u32;
        put_u32(&mut post_offsets, n_postings);
    }
    for n in [
        n_nodes,
        n_edges,
        st.list.len(),
        ix.docs.len(),
        ix.terms.len(),
    ] {
        put_u32(&mut out, n as u32);
    }
    out.extend_from_slice(&ix.total_len.to_le_bytes());
    // The section table: filled in as the sections are written.
    let table_at = out.len();
    out.resize(table_at + 8 * SECTIONS, 0);
    let mut at: Vec<u64> = Vec::with_capacity(SECTIONS);
    let mut string_offsets: Vec<u8> = Vec::with_capacity(4 * (st.list.len() + 1));
    let mut o = 0u32;
    put_u32(&mut string_offsets, 0);
    for s in &st.list {
        o += s.len() as u32;
        put_u32(&mut string_offsets, o);
    }
    let u32s = |v: &[u32]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
    let csr = |lists: &[Vec<u32>]| {
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        let mut flat = Vec::new();
        offsets.push(0u32);
        for l in lists {
            flat.extend_from_slice(l);
            offsets.push(flat.len() as u32);
        }
        (u32s(&offsets), u32s(&flat))
    };
    let (out_offsets, out_edges) = csr(&outs);
    let (in_offsets, in_edges) = csr(&ins);
    let blob: Vec<u8> = st
        .list
        .iter()
        .flat_map(|s| s.as_bytes().iter().copied())
        .collect();
    let parts: [&[u8]; SECTIONS] = [
        &string_offsets,
        &blob,
        &u32s(&node_offsets),
        &node_bytes,
        &kinds,
        &u32s(&article_of),
        &u32s(&by_id),
        &edges,
        &out_offsets,
        &out_edges,
        &in_offsets,
        &in_edges,
        &stats_json,
        &docs,
        &term_offsets,
        &term_blob,
        &post_offsets,
        &postings,
    ];
    for p in parts {
        at.push(out.len() as u64);
        out.extend_from_slice(p);
    }
    for (k, a) in at.iter().enumerate() {
        out[table_at + 8 * k..table_at + 8 * k + 8].copy_from_slice(&a.to_le_bytes());
    }
    out
}

// ---- Reading ---------------------------------------------------------------------

/// The bytes of a store: a memory map, or a vector in tests.
pub type Bytes = Box<dyn Deref<Target = [u8]> + Send + Sync>;

/// A store opened for reading. Every accessor is bounds-checked and returns `None`
/// on damage.
pub struct Store {
    bytes: Bytes,
    s: Sections,
    /// Set when a read finds the store inconsistent (an index out of range, a bad
    /// tag): the region being read is then refused ([`Region::materialise`] gives
    /// None) rather than answered from in part.
    damaged: std::sync::atomic::AtomicBool,
    /// Digest of the corpus the graph was built from.
    pub digest: String,
}

/// One edge's topology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeEnds {
    /// Source node.
    pub from: u32,
    /// Target node.
    pub to: u32,
    /// Kind.
    pub kind: EdgeKind,
}

struct Cursor<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.buf.get(self.at..end)?;
        self.at = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
    fn raw_str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

fn u32_at(buf: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        buf.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn date_of(v: u32) -> Option<Option<PartialDate>> {
    if v == NONE {
        return Some(None);
    }
    let (y, m, d) = ((v >> 16) as i16, ((v >> 8) & 0xff) as u8, (v & 0xff) as u8);
    let part = |x: u8| (x != 0).then_some(x);
    PartialDate::from_parts(y, part(m), part(d)).map(Some)
}

fn origin_of(tag: u8, c: u64) -> Option<Origin> {
    Some(match tag {
        0 => Origin::Curated,
        1 => Origin::Derived,
        2 => Origin::Extracted(f64::from_bits(c)),
        _ => return None,
    })
}

impl Store {
    /// Open a store whose header `accept`s; None if the bytes are not a store of
    /// this format, are damaged, or are refused.
    pub fn open(
        bytes: Bytes,
        accept: impl Fn(&StoreHeader) -> bool,
    ) -> Option<(StoreHeader, Store)> {
        let buf: &[u8] = &bytes;
        if buf.get(..8)? != MAGIC || u32_at(buf, 8)? != FORMAT {
            return None;
        }
        let mut c = Cursor { buf, at: 12 };
        let writer = c.raw_str()?.to_string();
        let fingerprint = c.raw_str()?.to_string();
        let json = match c.u8()? {
            1 => Some((c.u64()?, c.u128()?)),
            _ => None,
        };
        let json_fresh = c.u8()? == 1;
        let header = StoreHeader {
            writer,
            fingerprint,
            json,
            json_fresh,
        };
        if !accept(&header) {
            return None;
        }
        let digest = c.raw_str()?.to_string();
        let (n_nodes, n_edges, n_strings) =
            (c.u32()? as usize, c.u32()? as usize, c.u32()? as usize);
        let (n_docs, n_terms) = (c.u32()? as usize, c.u32()? as usize);
        let total_len = c.u64()?;
        let mut at = [0usize; SECTIONS];
        for a in &mut at {
            *a = usize::try_from(c.u64()?).ok()?;
        }
        let s = Sections {
            n_nodes,
            n_edges,
            n_strings,
            string_offsets: at[0],
            blob: at[1],
            node_offsets: at[2],
            node_bytes: at[3],
            kinds: at[4],
            article_of: at[5],
            by_id: at[6],
            edges: at[7],
            out_offsets: at[8],
            out_edges: at[9],
            in_offsets: at[10],
            in_edges: at[11],
            stats: at[12],
            docs: at[13],
            term_offsets: at[14],
            term_blob: at[15],
            post_offsets: at[16],
            postings: at[17],
            end: buf.len(),
            n_docs,
            n_terms,
            total_len,
        };
        // Every section must have the size its counts give.
        let sizes = [
            (s.string_offsets, 4 * (n_strings + 1), s.blob),
            (s.node_offsets, 4 * (n_nodes + 1), s.node_bytes),
            (s.kinds, n_nodes, s.article_of),
            (s.article_of, 4 * n_nodes, s.by_id),
            (s.by_id, 4 * n_nodes, s.edges),
            (s.edges, EDGE * n_edges, s.out_offsets),
            (s.out_offsets, 4 * (n_nodes + 1), s.out_edges),
            (s.out_edges, 4 * n_edges, s.in_offsets),
            (s.in_offsets, 4 * (n_nodes + 1), s.in_edges),
            (s.in_edges, 4 * n_edges, s.stats),
            (s.docs, DOC * n_docs, s.term_offsets),
            (s.term_offsets, 4 * (n_terms + 1), s.term_blob),
            (s.post_offsets, 4 * (n_terms + 1), s.postings),
        ];
        if sizes
            .iter()
            .any(|&(start, len, next)| start.checked_add(len) != Some(next))
        {
            return None;
        }
        let blob_len = u32_at(buf, s.blob - 4)? as usize;
        let node_len = u32_at(buf, s.node_bytes - 4)? as usize;
        if s.blob.checked_add(blob_len)? != s.node_offsets
            || s.node_bytes.checked_add(node_len)? != s.kinds
        {
            return None;
        }
        let term_len = u32_at(buf, s.term_blob - 4)? as usize;
        let n_postings = u32_at(buf, s.postings - 4)? as usize;
        if s.stats > s.docs
            || s.term_blob.checked_add(term_len)? != s.post_offsets
            || s.postings.checked_add(4usize.checked_mul(n_postings)?)? != s.end
        {
            return None;
        }
        Some((
            header,
            Store {
                bytes,
                s,
                damaged: Default::default(),
                digest,
            },
        ))
    }

    /// Note a failed read.
    fn flag<T>(&self, v: Option<T>) -> Option<T> {
        if v.is_none() {
            self.damaged
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        v
    }

    /// Whether a read has found the store inconsistent.
    pub fn is_damaged(&self) -> bool {
        self.damaged.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn buf(&self) -> &[u8] {
        &self.bytes
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.s.n_nodes
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.s.n_edges
    }

    fn string(&self, i: u32) -> Option<&str> {
        self.flag(self.string_unchecked(i))
    }

    /// String `i` of the table.
    fn string_unchecked(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        if i >= self.s.n_strings {
            return None;
        }
        let a = u32_at(self.buf(), self.s.string_offsets + 4 * i)? as usize;
        let b = u32_at(self.buf(), self.s.string_offsets + 4 * i + 4)? as usize;
        std::str::from_utf8(self.buf().get(self.s.blob + a..self.s.blob + b)?).ok()
    }

    fn opt_string(&self, i: u32) -> Option<Option<String>> {
        match i {
            NONE => Some(None),
            i => Some(Some(self.string(i)?.to_string())),
        }
    }

    /// The kind of node `n`.
    pub fn kind(&self, n: u32) -> Option<NodeKind> {
        self.flag(self.kind_unchecked(n))
    }

    /// The kind of node `n`.
    fn kind_unchecked(&self, n: u32) -> Option<NodeKind> {
        if n as usize >= self.s.n_nodes {
            return None;
        }
        NodeKind::ALL
            .get(*self.buf().get(self.s.kinds + n as usize)? as usize)
            .copied()
    }

    fn record(&self, n: u32) -> Option<&[u8]> {
        self.flag(self.record_unchecked(n))
    }

    fn record_unchecked(&self, n: u32) -> Option<&[u8]> {
        if n as usize >= self.s.n_nodes {
            return None;
        }
        let a = u32_at(self.buf(), self.s.node_offsets + 4 * n as usize)? as usize;
        let b = u32_at(self.buf(), self.s.node_offsets + 4 * n as usize + 4)? as usize;
        self.buf().get(self.s.node_bytes + a..self.s.node_bytes + b)
    }

    /// The id of node `n`.
    pub fn id(&self, n: u32) -> Option<&str> {
        self.string(u32_at(self.record(n)?, 0)?)
    }

    /// The label of node `n`.
    pub fn label(&self, n: u32) -> Option<&str> {
        self.string(u32_at(self.record(n)?, 4)?)
    }

    /// The aliases of node `n` (entities only).
    pub fn aliases(&self, n: u32) -> Vec<&str> {
        let Some(rec) = self.record(n) else {
            return vec![];
        };
        // id, label, origin (9 bytes), tag, subkind, alias count, aliases.
        if rec.get(17) != Some(&1) {
            return vec![];
        }
        let count = u32_at(rec, 22).unwrap_or(0) as usize;
        (0..count.min(rec.len() / 4))
            .filter_map(|k| self.string(u32_at(rec, 26 + 4 * k)?))
            .collect()
    }

    /// The node with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.s.n_nodes);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let n = u32_at(self.buf(), self.s.by_id + 4 * mid)?;
            match self.id(n)?.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(n),
            }
        }
        None
    }

    /// The article node of node `n`: itself for an article, a claim's article.
    pub fn article_of(&self, n: u32) -> Option<u32> {
        let a = self.flag(u32_at(self.buf(), self.s.article_of + 4 * n as usize))?;
        if a == NONE {
            return None;
        }
        self.flag(((a as usize) < self.s.n_nodes).then_some(a))
    }

    /// Decode node `n` whole.
    pub fn node(&self, n: u32) -> Option<Node> {
        self.flag(self.node_unchecked(n)).map(|(node, _)| node)
    }

    /// Decode node `n` whole; for a claim, also the string numbers of its evidence's
    /// article and quote, so that edges carrying the same evidence can share its text.
    fn node_unchecked(&self, n: u32) -> Option<(Node, Option<[u32; 2]>)> {
        let rec = self.record(n)?;
        let mut c = Cursor { buf: rec, at: 0 };
        let s = |i: u32| self.string(i).map(str::to_string);
        let t = |i: u32| self.string(i).map(Text::from);
        let id = t(c.u32()?)?;
        let label_at = c.u32()?;
        let label = t(label_at)?;
        let mut shared = None;
        let origin = origin_of(c.u8()?, c.u64()?)?;
        let kind = self.kind(n)?;
        let data = match c.u8()? {
            0 => NodeData::Article {
                title: s(c.u32()?)?,
                date: ArticleDate {
                    value: date_of(c.u32()?)??,
                    provenance: *DateProvenance::ALL.get(c.u8()? as usize)?,
                    evidence: self.opt_string(c.u32()?)?,
                    reasoning: self.opt_string(c.u32()?)?,
                },
                url: self.opt_string(c.u32()?)?,
            },
            1 => {
                let subkind = s(c.u32()?)?;
                let aliases = (0..c.u32()?).map(|_| s(c.u32()?)).collect::<Option<_>>()?;
                let description = self.opt_string(c.u32()?)?;
                let date = date_of(c.u32()?)?;
                let roles = (0..c.u32()?)
                    .map(|_| {
                        Some(Role {
                            title: s(c.u32()?)?,
                            of: self.opt_string(c.u32()?)?,
                            from: date_of(c.u32()?)?,
                            to: date_of(c.u32()?)?,
                        })
                    })
                    .collect::<Option<_>>()?;
                NodeData::Entity {
                    subkind,
                    aliases,
                    description,
                    date,
                    roles,
                }
            }
            2 => NodeData::Claim {
                // A claim's label is its text.
                text: match c.u32()? {
                    i if i == label_at => label.clone(),
                    i => t(i)?,
                },
                evidence: {
                    let (article, quote) = (c.u32()?, c.u32()?);
                    shared = Some([article, quote]);
                    Evidence {
                        article: t(article)?,
                        quote: t(quote)?,
                    }
                },
                claim_kind: *ClaimKind::ALL.get(c.u8()? as usize)?,
                speaker: self.opt_string(c.u32()?)?,
                hedged: c.u8()? == 1,
                date: date_of(c.u32()?)?,
            },
            _ => return None,
        };
        Some((
            Node {
                id,
                kind,
                label,
                data,
                origin,
            },
            shared,
        ))
    }

    fn edge_record(&self, r: u32) -> Option<&[u8]> {
        if r as usize >= self.s.n_edges {
            return None;
        }
        let at = self.s.edges + EDGE * r as usize;
        self.buf().get(at..at + EDGE)
    }

    /// The ends and kind of edge `r`.
    pub fn ends(&self, r: u32) -> Option<EdgeEnds> {
        self.flag(self.ends_unchecked(r))
    }

    /// The ends and kind of edge `r`.
    fn ends_unchecked(&self, r: u32) -> Option<EdgeEnds> {
        let rec = self.edge_record(r)?;
        let (from, to) = (u32_at(rec, 0)?, u32_at(rec, 4)?);
        if from as usize >= self.s.n_nodes || to as usize >= self.s.n_nodes {
            return None;
        }
        Some(EdgeEnds {
            from,
            to,
            kind: *EdgeKind::ALL.get(rec[8] as usize)?,
        })
    }

    /// The article node edge `r`'s evidence comes from.
    pub fn edge_article(&self, r: u32) -> Option<u32> {
        let a = self.flag(self.edge_record(r).and_then(|rec| u32_at(rec, 32)))?;
        if a == NONE {
            return None;
        }
        self.flag(((a as usize) < self.s.n_nodes).then_some(a))
    }

    /// Decode edge `r` whole.
    pub fn edge(&self, r: u32) -> Option<Edge> {
        self.flag(self.edge_unchecked(r, |_| None))
    }

    /// Decode edge `r` whole, taking the text of string `i` from `known(i)` when it
    /// has it.
    fn edge_unchecked(&self, r: u32, known: impl Fn(u32) -> Option<Text>) -> Option<Edge> {
        let rec = self.edge_record(r)?;
        let t = |i: u32| known(i).or_else(|| self.string(i).map(Text::from));
        let kind = *EdgeKind::ALL.get(rec[8] as usize)?;
        let stance = match rec[9] {
            0 => None,
            s => Some(*Stance::ALL.get(s as usize - 1)?),
        };
        let origin = origin_of(rec[10], u64::from_le_bytes(rec[12..20].try_into().ok()?))?;
        let evidence = Evidence {
            article: t(u32_at(rec, 20)?)?,
            quote: t(u32_at(rec, 24)?)?,
        };
        let note = self.opt_string(u32_at(rec, 28)?)?;
        Some(Edge {
            kind,
            evidence,
            stance,
            note,
            origin,
        })
    }

    fn adjacency(&self, offsets: usize, list: usize, n: u32) -> &[u8] {
        if n as usize >= self.s.n_nodes {
            return &[];
        }
        let range = (|| {
            let a = u32_at(self.buf(), offsets + 4 * n as usize)? as usize;
            let b = u32_at(self.buf(), offsets + 4 * n as usize + 4)? as usize;
            (a <= b && b <= self.s.n_edges).then_some(list + 4 * a..list + 4 * b)
        })();
        self.flag(range.and_then(|r| self.buf().get(r)))
            .unwrap_or(&[])
    }

    /// The records of the edges out of node `n`, in record order.
    pub fn out_edges(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        self.adjacency(self.s.out_offsets, self.s.out_edges, n)
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
    }

    /// The records of the edges into node `n`, in record order.
    pub fn in_edges(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        self.adjacency(self.s.in_offsets, self.s.in_edges, n)
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
    }

    /// The out- and in-degree of node `n`.
    pub fn degree(&self, n: u32) -> (usize, usize) {
        (
            self.adjacency(self.s.out_offsets, self.s.out_edges, n)
                .len()
                / 4,
            self.adjacency(self.s.in_offsets, self.s.in_edges, n).len() / 4,
        )
    }

    /// The edges at node `n` (out then in) as (record, other end, kind), the ones
    /// `keep` selects.
    pub fn incident(&self, n: u32, keep: impl Fn(EdgeKind) -> bool) -> Vec<(u32, u32, EdgeKind)> {
        let mut v = Vec::new();
        for r in self.out_edges(n) {
            if let Some(e) = self.ends(r).filter(|e| keep(e.kind)) {
                v.push((r, e.to, e.kind));
            }
        }
        for r in self.in_edges(n) {
            if let Some(e) = self.ends(r).filter(|e| keep(e.kind)) {
                v.push((r, e.from, e.kind));
            }
        }
        v
    }

    /// The whole graph (what a question that reads everything needs).
    pub fn whole(&self) -> Option<LevelGraph> {
        let mut graph: DiGraph<Node, Edge> = DiGraph::with_capacity(self.s.n_nodes, self.s.n_edges);
        for n in 0..self.s.n_nodes as u32 {
            graph.add_node(self.node(n)?);
        }
        for r in 0..self.s.n_edges as u32 {
            let e = self.ends(r)?;
            graph.add_edge(
                NodeIndex::new(e.from as usize),
                NodeIndex::new(e.to as usize),
                self.edge(r)?,
            );
        }
        LevelGraph::from_graph(graph, self.digest.clone())
    }

    /// The statistics of the whole graph with the `top` most connected and contested
    /// nodes, if `top` is at most [`STATS_TOP`].
    pub fn stats(&self, top: usize) -> Option<StatsAnswer> {
        if top == 0 || top > STATS_TOP {
            return None;
        }
        let mut answer: StatsAnswer =
            serde_json::from_slice(self.buf().get(self.s.stats..self.s.docs)?).ok()?;
        answer.most_connected.truncate(top);
        answer.most_contested.truncate(top);
        Some(answer)
    }

    fn term(&self, k: usize) -> Option<&[u8]> {
        let a = u32_at(self.buf(), self.s.term_offsets + 4 * k)? as usize;
        let b = u32_at(self.buf(), self.s.term_offsets + 4 * k + 4)? as usize;
        self.buf().get(self.s.term_blob + a..self.s.term_blob + b)
    }
}

/// The search index kept in the store.
impl Postings for Store {
    fn doc_count(&self) -> usize {
        self.s.n_docs
    }

    fn total_len(&self) -> u64 {
        self.s.total_len
    }

    fn doc(&self, d: u32) -> Option<DocInfo> {
        if d as usize >= self.s.n_docs {
            return None;
        }
        let at = self.s.docs + DOC * d as usize;
        let (owner, text, len) = (
            u32_at(self.buf(), at)?,
            u32_at(self.buf(), at + 4)?,
            u32_at(self.buf(), at + 8)?,
        );
        let owner = if owner & 1 << 31 != 0 {
            Owner::Edge(owner & !(1 << 31))
        } else {
            Owner::Node(owner)
        };
        let text = match text {
            0 => DocText::Title,
            1 => DocText::Name,
            2 => DocText::Description,
            3 => DocText::Text,
            4 => DocText::Quote,
            k if k >= 16 => DocText::Alias(k - 16),
            _ => return None,
        };
        Some(DocInfo { owner, text, len })
    }

    fn postings(&self, term: &str) -> Vec<u32> {
        let (mut lo, mut hi) = (0usize, self.s.n_terms);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let Some(t) = self.term(mid) else {
                return vec![];
            };
            match t.cmp(term.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let a = u32_at(self.buf(), self.s.post_offsets + 4 * mid).unwrap_or(0) as usize;
                    let b =
                        u32_at(self.buf(), self.s.post_offsets + 4 * mid + 4).unwrap_or(0) as usize;
                    return self
                        .buf()
                        .get(self.s.postings + 4 * a..self.s.postings + 4 * b)
                        .unwrap_or(&[])
                        .chunks_exact(4)
                        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                        .collect();
                }
            }
        }
        vec![]
    }
}

/// A part of a store that a question reads: nodes and edges by their numbers in the
/// store. [`Region::materialise`] completes it with what every answer reads about
/// the nodes in it (see there) and turns it into a [`LevelGraph`].
///
/// Membership is kept in arrays over the whole store (a byte per node, a bit per
/// edge): a region of a hub holds tens of thousands of nodes, and sets would cost
/// more than the rest of the query.
pub struct Region<'s> {
    store: &'s Store,
    /// Per node: [`IN`], [`FULL`] (complete with who said what), [`DONE`], [`DONE_FULL`].
    state: Vec<u8>,
    nodes: Vec<u32>,
    /// A bit per edge record.
    edge_bits: Vec<u64>,
    edges: Vec<u32>,
    /// Complete every node with who said what (else only those marked [`FULL`]).
    speakers: bool,
}

const IN: u8 = 1;
const FULL: u8 = 2;
const DONE: u8 = 4;
const DONE_FULL: u8 = 8;

/// A materialised region: the graph, and each of its nodes' number in the store.
pub struct Materialised {
    /// The graph of the region, nodes and edges in store order.
    pub graph: LevelGraph,
    /// Store number of each local node, ascending.
    pub global: Vec<u32>,
    /// Store record of each local edge, ascending.
    pub edges: Vec<u32>,
}

impl Materialised {
    /// The local index of a store node, if it is in the region.
    pub fn local(&self, n: u32) -> Option<NodeIndex> {
        self.global.binary_search(&n).ok().map(NodeIndex::new)
    }
}

impl<'s> Region<'s> {
    /// An empty region of `store`.
    pub fn new(store: &'s Store) -> Self {
        Region {
            store,
            state: vec![0; store.node_count()],
            nodes: Vec::new(),
            edge_bits: vec![0; store.edge_count().div_ceil(64)],
            edges: Vec::new(),
            speakers: true,
        }
    }

    /// Add a node (false if it was there already or does not exist).
    fn insert(&mut self, n: u32) -> bool {
        match self.state.get_mut(n as usize) {
            Some(s) if *s & IN == 0 => {
                *s |= IN;
                self.nodes.push(n);
                true
            }
            _ => false,
        }
    }

    /// Add an edge record (false if it was there already).
    fn insert_edge(&mut self, r: u32) -> bool {
        let (w, bit) = (r as usize / 64, 1u64 << (r % 64));
        match self.edge_bits.get_mut(w) {
            Some(word) if *word & bit == 0 => {
                *word |= bit;
                self.edges.push(r);
                true
            }
            _ => false,
        }
    }

    /// Add a node.
    pub fn node(&mut self, n: u32) {
        self.insert(n);
    }

    /// Add an edge and its two ends.
    pub fn edge(&mut self, r: u32) {
        if let Some(e) = self.store.ends(r) {
            self.insert_edge(r);
            self.insert(e.from);
            self.insert(e.to);
        }
    }

    /// Add the edges at `n` of the kinds `keep` selects, and their other ends.
    pub fn incident(&mut self, n: u32, keep: impl Fn(EdgeKind) -> bool) {
        self.insert(n);
        for (r, other, _) in self.store.incident(n, keep) {
            self.insert_edge(r);
            self.insert(other);
        }
    }

    /// Add every edge between two nodes of the region of the kinds `keep` selects.
    pub fn among(&mut self, keep: impl Fn(EdgeKind) -> bool) {
        let st = self.store;
        for k in 0..self.nodes.len() {
            for r in st.out_edges(self.nodes[k]) {
                if let Some(e) = st.ends(r) {
                    if keep(e.kind) && self.state.get(e.to as usize).is_some_and(|s| s & IN != 0) {
                        self.insert_edge(r);
                    }
                }
            }
        }
    }

    /// Complete only the nodes given to [`Region::speakers_of`] with who said what
    /// (see [`Region::materialise`]); the others get just their articles. For
    /// questions that name no speakers but those of the nodes they ask about (show,
    /// neighbors, path), this keeps a hub's region small.
    pub fn without_speakers(&mut self) {
        self.speakers = false;
    }

    /// Complete node `n` with who said what, even [`Region::without_speakers`].
    pub fn speakers_of(&mut self, n: u32) {
        self.insert(n);
        if let Some(s) = self.state.get_mut(n as usize) {
            *s |= FULL;
        }
    }

    /// Complete the region with what answers read about its nodes, then build its
    /// graph. What answers read beyond the nodes and edges a question walks: the
    /// article of each claim and of each edge's evidence (for dates and titles); and
    /// who said what: for a claim, who it is attributed to, what it is about and the
    /// article that makes it; for an article, its authors and outlet. None if the
    /// store is damaged.
    pub fn materialise(mut self) -> Option<Materialised> {
        let st = self.store;
        let all = self.speakers;
        // (node, whether it needs who said what), and edges whose articles are due.
        let mut todo: Vec<(u32, bool)> = self
            .nodes
            .iter()
            .map(|&n| (n, all || self.state[n as usize] & FULL != 0))
            .collect();
        let mut fresh = 0usize;
        loop {
            // Edges added so far bring their articles.
            while fresh < self.edges.len() {
                let r = self.edges[fresh];
                fresh += 1;
                if let Some(a) = st.edge_article(r) {
                    if self.insert(a) {
                        todo.push((a, all));
                    }
                }
            }
            let Some((n, full)) = todo.pop() else { break };
            let s = self.state.get_mut(n as usize)?;
            if *s & DONE_FULL != 0 || (!full && *s & DONE != 0) {
                continue;
            }
            *s |= if full { DONE | DONE_FULL } else { DONE };
            // Nodes reached from a node that needs who said what need it too.
            let add = |this: &mut Self, todo: &mut Vec<(u32, bool)>, r: u32, other: u32| {
                this.insert_edge(r);
                if this.insert(other) || full {
                    todo.push((other, full));
                }
            };
            match st.kind(n)? {
                NodeKind::Claim => {
                    if let Some(a) = st.article_of(n) {
                        if self.insert(a) || full {
                            todo.push((a, full));
                        }
                    }
                    if !full {
                        continue;
                    }
                    for r in st.out_edges(n) {
                        let e = st.ends(r)?;
                        if matches!(e.kind, EdgeKind::AttributedTo | EdgeKind::About) {
                            add(&mut self, &mut todo, r, e.to);
                        }
                    }
                    for r in st.in_edges(n) {
                        let e = st.ends(r)?;
                        if e.kind == EdgeKind::Makes {
                            add(&mut self, &mut todo, r, e.from);
                        }
                    }
                }
                NodeKind::Article if full => {
                    for r in st.in_edges(n) {
                        let e = st.ends(r)?;
                        if e.kind == EdgeKind::Authored {
                            add(&mut self, &mut todo, r, e.from);
                        }
                    }
                    for r in st.out_edges(n) {
                        let e = st.ends(r)?;
                        if e.kind == EdgeKind::PublishedBy {
                            add(&mut self, &mut todo, r, e.to);
                        }
                    }
                }
                _ => {}
            }
        }
        self.nodes.sort_unstable();
        self.edges.sort_unstable();
        // Decoding copies every string a large region holds (a hub's timeline has tens
        // of thousands of claims): on all cores, a round at a time into one buffer
        // that is emptied into the graph after each round (fresh memory costs more
        // than the decoding, so nothing is held twice).
        let mut graph: DiGraph<Node, Edge> =
            DiGraph::with_capacity(self.nodes.len(), self.edges.len());
        // For each node, the string numbers of a claim's evidence (article, quote).
        let mut evidence_at: Vec<Option<[u32; 2]>> = Vec::with_capacity(self.nodes.len());
        let mut nodes = Vec::new();
        for round in self.nodes.chunks(ROUND) {
            extend_in_order(&mut nodes, round, |&n| st.flag(st.node_unchecked(n)));
            for decoded in nodes.drain(..) {
                let (node, evidence) = decoded?;
                graph.add_node(node);
                evidence_at.push(evidence);
            }
        }
        let local = |n: u32| self.nodes.binary_search(&n).ok().map(NodeIndex::new);
        let mut edges = Vec::new();
        for round in self.edges.chunks(ROUND) {
            let g = &graph;
            let evidence_at = &evidence_at;
            extend_in_order(&mut edges, round, |&r| {
                let e = st.ends(r)?;
                let (a, b) = (local(e.from)?, local(e.to)?);
                // Most edges of a claim (what it is about, who it is attributed to,
                // the article making it) carry the claim's own quote: they share its
                // text.
                let known = |i: u32| {
                    [a, b].into_iter().find_map(|x| {
                        let shared = (*evidence_at.get(x.index())?)?;
                        let NodeData::Claim { evidence, .. } = &g.node_weight(x)?.data else {
                            return None;
                        };
                        match shared {
                            [article, _] if article == i => Some(evidence.article.clone()),
                            [_, quote] if quote == i => Some(evidence.quote.clone()),
                            _ => None,
                        }
                    })
                };
                Some((a, b, st.flag(st.edge_unchecked(r, known))?))
            });
            for decoded in edges.drain(..) {
                let (a, b, e) = decoded?;
                graph.add_edge(a, b, e);
            }
        }
        if st.is_damaged() {
            return None;
        }
        let graph = LevelGraph::from_graph(graph, st.digest.clone())?;
        Some(Materialised {
            graph,
            global: self.nodes,
            edges: self.edges,
        })
    }
}

/// How many records a region decodes at a time.
const ROUND: usize = 8192;

/// A damaged store reads as nodes without names (and the query falls back to the
/// graph when it materialises what it needs).
impl Names for Store {
    fn count(&self) -> usize {
        self.node_count()
    }
    fn find_id(&self, id: &str) -> Option<NodeIndex> {
        self.find(id).map(|n| NodeIndex::new(n as usize))
    }
    fn id_of(&self, i: NodeIndex) -> &str {
        self.id(i.index() as u32).unwrap_or_default()
    }
    fn label_of(&self, i: NodeIndex) -> &str {
        self.label(i.index() as u32).unwrap_or_default()
    }
    fn kind_of(&self, i: NodeIndex) -> NodeKind {
        self.kind(i.index() as u32).unwrap_or(NodeKind::Claim)
    }
    fn aliases_of(&self, i: NodeIndex) -> Vec<&str> {
        self.aliases(i.index() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::graph::{build, BuildOptions};

    fn mini() -> LevelGraph {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/mini");
        build(
            &levelmap_read::read_corpus(&dir).corpus,
            BuildOptions::default(),
        )
    }

    fn header() -> StoreHeader {
        StoreHeader {
            writer: "0".into(),
            fingerprint: "f".into(),
            json: Some((1, 2)),
            json_fresh: true,
        }
    }

    fn open(bytes: Vec<u8>) -> Option<Store> {
        Store::open(Box::new(bytes), |_| true).map(|(_, s)| s)
    }

    fn json_of(g: &LevelGraph) -> String {
        let mut v = Vec::new();
        levelmap_model::json::write_json(g, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn the_whole_store_is_the_graph() {
        let g = mini();
        let bytes = encode(&header(), &g);
        let (h, s) = Store::open(Box::new(bytes), |_| true).unwrap();
        assert_eq!(h, header());
        assert_eq!(json_of(&g), json_of(&s.whole().unwrap()));
    }

    #[test]
    fn nodes_are_found_by_id_and_read_one_by_one() {
        let g = mini();
        let s = open(encode(&header(), &g)).unwrap();
        for i in g.graph.node_indices() {
            let n = s.find(&g.node(i).id).unwrap();
            assert_eq!(n as usize, i.index());
            assert_eq!(s.node(n).as_ref(), Some(g.node(i)));
            assert_eq!(s.label(n), Some(g.node(i).label.as_ref()));
            assert_eq!(
                s.aliases(n),
                g.node(i)
                    .aliases()
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
            );
        }
        assert_eq!(s.find("actor:nobody"), None);
    }

    #[test]
    fn a_region_keeps_store_order_and_brings_what_answers_read() {
        let g = mini();
        let s = open(encode(&header(), &g)).unwrap();
        let reeves = s.find("actor:rachel-reeves").unwrap();
        let mut r = Region::new(&s);
        r.incident(reeves, |_| true);
        let m = r.materialise().unwrap();
        assert!(
            m.global.windows(2).all(|w| w[0] < w[1]),
            "nodes in store order"
        );
        // Every edge's evidence article and every claim's article are there.
        for e in m.graph.graph.edge_weights() {
            assert!(m
                .graph
                .find(&article_node_id(&e.evidence.article))
                .is_some());
        }
        for i in m.graph.graph.node_indices() {
            if m.graph.node(i).kind == NodeKind::Claim {
                assert!(m.graph.article_of(i).is_some());
            }
        }
        let local = m.local(reeves).unwrap();
        let whole = g.find("actor:rachel-reeves").unwrap();
        assert_eq!(
            m.graph
                .graph
                .edges_directed(local, petgraph::Direction::Outgoing)
                .count(),
            g.graph
                .edges_directed(whole, petgraph::Direction::Outgoing)
                .count()
        );
    }

    #[test]
    fn the_search_index_and_statistics_are_kept() {
        let g = mini();
        let s = open(encode(&header(), &g)).unwrap();
        let ix = SearchIndex::build(&g);
        assert_eq!(
            (s.doc_count(), s.total_len()),
            (ix.docs.len(), ix.total_len)
        );
        for (d, doc) in ix.docs.iter().enumerate() {
            assert_eq!(s.doc(d as u32), Some(*doc));
        }
        for (term, list) in &ix.terms {
            assert_eq!(&s.postings(term), list, "{term}");
        }
        assert!(s.postings("zzzz").is_empty() && s.postings("").is_empty());
        for top in [1, 3, STATS_TOP] {
            assert_eq!(
                s.stats(top),
                Some(stats(&g, StatsOptions { top }).unwrap()),
                "top {top}"
            );
        }
        assert_eq!(
            s.stats(STATS_TOP + 1),
            None,
            "beyond what is kept: computed from the graph"
        );
    }

    #[test]
    fn damaged_stores_are_refused() {
        let g = mini();
        let bytes = encode(&header(), &g);
        assert!(open(bytes[..bytes.len() - 1].to_vec()).is_none(), "short");
        assert!(open(b"LMSTORE\0".to_vec()).is_none());
        let mut other = bytes.clone();
        other[8] ^= 0xff;
        assert!(open(other).is_none(), "another format");
        assert!(
            Store::open(Box::new(bytes.clone()), |h| h.fingerprint == "other").is_none(),
            "refused"
        );
        // An edge whose end is out of range is reported, not followed.
        let s = open(bytes.clone()).unwrap();
        let at = s.s.edges;
        let mut bad = bytes;
        bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let s = open(bad).unwrap();
        let to = g
            .graph
            .edge_endpoints(petgraph::graph::EdgeIndex::new(0))
            .unwrap()
            .1
            .index() as u32;
        assert!(!s.is_damaged());
        assert!(s.ends(0).is_none());
        assert!(s.is_damaged(), "a failed read is noted");
        assert!(s.whole().is_none());
        // A region that reads the damaged edge is refused, not answered in part.
        let mut r = Region::new(&s);
        r.incident(to, |_| true);
        assert!(
            r.materialise().is_none(),
            "regression: a damaged edge was silently left out of show's answer"
        );
    }
}
