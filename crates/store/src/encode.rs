//! Writing a store: a graph encoded as the sections the module documentation of
//! the crate describes.

use petgraph::graph::NodeIndex;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, Node, NodeData};
use levelmap_model::{ClaimKind, DateProvenance, EdgeKind, NodeKind, Origin, Stance};
use levelmap_network::statements::{statements, Source};
use levelmap_network::Statement;
use levelmap_query::search::{DocText, Owner, SearchIndex};
use levelmap_query::stats::{stats, StatsOptions};

use xxhash_rust::xxh3::xxh3_64;

use crate::*;

#[derive(Default)]
struct Strings<'a> {
    index: rustc_hash::FxHashMap<&'a str, u32>,
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

/// Encode a graph as a store: the nodes, the edges with their adjacency, the header,
/// what `stats` and `search` read, then every section after the section table.
pub fn encode(h: &StoreHeader, g: &LevelGraph) -> Result<Vec<u8>, TooLarge> {
    let prepared = prepare(g);
    prepared.check()?;
    Ok(prepared.finish_in_blocks(h, g, BLOCK))
}

/// [`encode`] with checked blocks of `block` bytes (tests use small ones).
#[cfg(test)]
pub(crate) fn encode_in_blocks(h: &StoreHeader, g: &LevelGraph, block: usize) -> Vec<u8> {
    prepare(g).finish_in_blocks(h, g, block)
}

/// A store's sections, made before its header is known (build writes graph.json,
/// whose size and time the header records, while they are made).
pub struct Prepared {
    counts: [u32; 6],
    total_len: u64,
    sections: [Vec<u8>; SECTIONS],
    /// Set when a part of the graph passes what the store's 32-bit offsets address.
    too_large: Option<TooLarge>,
}

/// The most a store's 32-bit offsets and counts address.
const SECTION_LIMIT: u64 = u32::MAX as u64;

/// Why a graph gets no query store: a part of it passes what the store's 32-bit
/// offsets address, and writing it would wrap them into wrong answers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the query store's {part} would need {size} (bytes or items), past the {limit} its 32-bit offsets address; \
     queries read graph.json instead (slower, same answers)"
)]
pub struct TooLarge {
    /// What is too large.
    pub part: &'static str,
    /// Its size.
    pub size: u64,
    /// The limit.
    pub limit: u64,
}

/// The first of `sizes` past `limit`, as an error.
fn check_sizes(sizes: &[(&'static str, u64)], limit: u64) -> Result<(), TooLarge> {
    match sizes.iter().find(|(_, size)| *size > limit) {
        Some(&(part, size)) => Err(TooLarge { part, size, limit }),
        None => Ok(()),
    }
}

/// What `stats` reads about the whole graph, as JSON.
fn stats_json(g: &LevelGraph) -> Vec<u8> {
    stats(g, StatsOptions { top: STATS_TOP })
        .ok()
        .and_then(|s| serde_json::to_vec(&s).ok())
        .unwrap_or_default()
}

/// The sections of `g`'s store: [`Prepared::finish`] adds the header.
pub fn prepare(g: &LevelGraph) -> Prepared {
    // The records on this thread, what `stats` and `search` read on another (a thread
    // of its own, not rayon's: `build` writes graph.json on rayon's meanwhile).
    // The statements (what every network command reads) are found on that thread too;
    // their strings are the graph's, interned once they are in.
    let (mut st, nodes, edges, (stats_json, ix, said)) = std::thread::scope(|scope| {
        let other = scope.spawn(|| (stats_json(g), SearchIndex::build(g), statements(g)));
        let mut st = Strings::default();
        let nodes = encode_nodes(g, &mut st);
        let edges = encode_edges(g, &mut st);
        let other = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (st, nodes, edges, other)
    });
    let said_records = encode_statements(&said, &mut st);
    let strings_len: u64 = st.list.iter().map(|s| s.len() as u64).sum();
    let addressed = [
        (
            "graph's nodes and edges",
            g.node_count() as u64 + g.edge_count() as u64,
        ),
        ("string table", strings_len),
        ("node records", nodes.bytes.len() as u64),
    ];
    if let Err(too_large) = check_sizes(&addressed, SECTION_LIMIT) {
        // Its 32-bit offsets would wrap: no store (queries read graph.json instead).
        return Prepared {
            counts: [0; 6],
            total_len: 0,
            sections: Default::default(),
            too_large: Some(too_large),
        };
    }
    let search = encode_search(&ix);
    let counts = [
        g.node_count(),
        g.edge_count(),
        st.list.len(),
        ix.docs.len(),
        ix.terms.len(),
        said.len(),
    ]
    .map(|n| n as u32);
    let string_offsets = string_offsets(&st);
    let (out_offsets, out_edges) = csr(&edges.outs);
    let (in_offsets, in_edges) = csr(&edges.ins);
    let mut blob: Vec<u8> = Vec::with_capacity(st.list.iter().map(|s| s.len()).sum());
    for s in &st.list {
        blob.extend_from_slice(s.as_bytes());
    }
    let searched = [
        ("search terms", search.term_blob.len() as u64),
        ("search postings", search.postings.len() as u64),
        // A search document marks an edge with the top bit.
        ("graph's edges, twice", 2 * g.edge_count() as u64),
    ];
    let too_large = check_sizes(&searched, SECTION_LIMIT).err();
    Prepared {
        counts,
        total_len: ix.total_len,
        too_large,
        sections: [
            string_offsets,
            blob,
            u32s(&nodes.offsets),
            nodes.bytes,
            nodes.kinds,
            u32s(&nodes.article_of),
            u32s(&nodes.by_id),
            edges.records,
            out_offsets,
            out_edges,
            in_offsets,
            in_edges,
            stats_json,
            search.docs,
            search.term_offsets,
            search.term_blob,
            search.post_offsets,
            search.postings,
            said_records,
        ],
    }
}

/// The statements, a fixed record each ([`STATEMENT`] bytes), in their order:
/// date, article, actor, policy, stance, source (0 a claim, 1 `proposes`,
/// 2 `criticises`), two bytes of padding, the claim (or none), the actor's and the
/// policy's names, the quote; strings as indices into the table.
fn encode_statements<'a>(said: &'a [Statement], st: &mut Strings<'a>) -> Vec<u8> {
    let mut b = Vec::with_capacity(STATEMENT * said.len());
    for s in said {
        put_u32(&mut b, date_bits(s.date));
        put_u32(&mut b, st.intern(&s.article));
        put_u32(&mut b, st.intern(&s.actor));
        put_u32(&mut b, st.intern(&s.policy));
        b.push(pos(Stance::ALL, &s.stance));
        let (source, claim) = match &s.source {
            Source::Claim(id) => (0, st.intern(id)),
            Source::Relation(EdgeKind::Proposes) => (1, NONE),
            Source::Relation(_) => (2, NONE),
        };
        b.extend_from_slice(&[source, 0, 0]);
        put_u32(&mut b, claim);
        put_u32(&mut b, st.intern(&s.actor_label));
        put_u32(&mut b, st.intern(&s.policy_label));
        put_u32(&mut b, st.intern(&s.quote));
    }
    b
}

impl Prepared {
    /// Whether the store can be written: refused when a part of the graph passes
    /// what its 32-bit offsets address (they would wrap into wrong answers).
    pub fn check(&self) -> Result<(), TooLarge> {
        self.too_large.clone().map_or(Ok(()), Err)
    }

    /// The store: the header `h` of `g`, then the sections.
    pub fn finish(&self, h: &StoreHeader, g: &LevelGraph) -> Vec<u8> {
        self.finish_in_blocks(h, g, BLOCK)
    }

    fn finish_in_blocks(&self, h: &StoreHeader, g: &LevelGraph, block: usize) -> Vec<u8> {
        let data: usize = self.sections.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(data + data / block * 8 + 4096);
        write_header(&mut out, h, g);
        for n in self.counts {
            put_u32(&mut out, n);
        }
        out.extend_from_slice(&self.total_len.to_le_bytes());
        write_sections(&mut out, block, self.sections.each_ref().map(Vec::as_slice));
        out
    }
}

/// The node sections: a record per node, where each starts, kinds, articles, ids in order.
struct Nodes {
    bytes: Vec<u8>,
    offsets: Vec<u32>,
    kinds: Vec<u8>,
    article_of: Vec<u32>,
    by_id: Vec<u32>,
}

/// Nodes, each a record of its own.
fn encode_nodes<'a>(g: &'a LevelGraph, st: &mut Strings<'a>) -> Nodes {
    let n_nodes = g.node_count();
    let mut bytes: Vec<u8> = Vec::new();
    let mut offsets: Vec<u32> = Vec::with_capacity(n_nodes + 1);
    let mut kinds: Vec<u8> = Vec::with_capacity(n_nodes);
    let mut article_of: Vec<u32> = Vec::with_capacity(n_nodes);
    for i in g.graph.node_indices() {
        let n = g.node(i);
        offsets.push(bytes.len() as u32);
        kinds.push(pos(NodeKind::ALL, &n.kind));
        article_of.push(g.article_of(i).map_or(NONE, |a| a.index() as u32));
        node_record(&mut bytes, st, n);
    }
    offsets.push(bytes.len() as u32);
    let mut by_id: Vec<u32> = (0..n_nodes as u32).collect();
    by_id.sort_by(|&a, &b| {
        g.node(NodeIndex::new(a as usize))
            .id
            .cmp(&g.node(NodeIndex::new(b as usize)).id)
    });
    Nodes {
        bytes,
        offsets,
        kinds,
        article_of,
        by_id,
    }
}

/// One node's record.
fn node_record<'a>(b: &mut Vec<u8>, st: &mut Strings<'a>, n: &'a Node) {
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

/// The edge records (fixed-size) and, per node, the records out of and into it.
struct Edges {
    records: Vec<u8>,
    outs: Vec<Vec<u32>>,
    ins: Vec<Vec<u32>>,
}

/// Edges, fixed-size, and the adjacency.
fn encode_edges<'a>(g: &'a LevelGraph, st: &mut Strings<'a>) -> Edges {
    let (n_nodes, n_edges) = (g.node_count(), g.edge_count());
    let mut edges: Vec<u8> = Vec::with_capacity(n_edges * EDGE);
    let mut outs: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    let mut ins: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    // The article node of the last evidence looked up (edges come in runs of one article).
    let mut last: Option<(&str, u32)> = None;
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
        let article = match last {
            Some((stem, i)) if stem == &*w.evidence.article => i,
            _ => {
                let i = g
                    .find_article(&w.evidence.article)
                    .map_or(NONE, |i| i.index() as u32);
                last = Some((&w.evidence.article, i));
                i
            }
        };
        put_u32(&mut edges, article);
        outs[a.index()].push(r as u32);
        ins[b.index()].push(r as u32);
    }
    Edges {
        records: edges,
        outs,
        ins,
    }
}

/// The magic, the format and the header ([`StoreHeader`] and the graph's digest).
fn write_header(out: &mut Vec<u8>, h: &StoreHeader, g: &LevelGraph) {
    out.extend_from_slice(MAGIC);
    put_u32(out, FORMAT);
    put_str(out, &h.writer);
    put_str(out, &h.fingerprint);
    match h.json {
        Some((len, t)) => {
            out.push(1);
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&t.to_le_bytes());
        }
        None => out.push(0),
    }
    out.push(u8::from(h.json_fresh));
    put_str(out, &g.digest);
}

/// The search index's sections: documents, then terms with their postings.
struct Search {
    docs: Vec<u8>,
    term_offsets: Vec<u8>,
    term_blob: Vec<u8>,
    post_offsets: Vec<u8>,
    postings: Vec<u8>,
}

/// The search index as sections.
fn encode_search(ix: &SearchIndex) -> Search {
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
    Search {
        docs,
        term_offsets,
        term_blob,
        post_offsets,
        postings,
    }
}

/// Where each string of the table ends in the blob (from 0).
fn string_offsets(st: &Strings) -> Vec<u8> {
    let mut string_offsets: Vec<u8> = Vec::with_capacity(4 * (st.list.len() + 1));
    let mut o = 0u32;
    put_u32(&mut string_offsets, 0);
    for s in &st.list {
        o += s.len() as u32;
        put_u32(&mut string_offsets, o);
    }
    string_offsets
}

fn u32s(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>()
}

/// Lists as compressed sparse rows: where each list starts, then every list.
fn csr(lists: &[Vec<u32>]) -> (Vec<u8>, Vec<u8>) {
    let mut offsets = Vec::with_capacity(lists.len() + 1);
    let mut flat = Vec::new();
    offsets.push(0u32);
    for l in lists {
        flat.extend_from_slice(l);
        offsets.push(flat.len() as u32);
    }
    (u32s(&offsets), u32s(&flat))
}

/// The section table, the block checksums and the header's checksum, then the
/// sections, each at the offset the table gives.
fn write_sections(out: &mut Vec<u8>, block: usize, parts: [&[u8]; SECTIONS]) {
    let data_len: usize = parts.iter().map(|p| p.len()).sum();
    let n_blocks = data_len.div_ceil(block);
    // The table, the block size and count, the block checksums, the header's checksum.
    let data = out.len() + 8 * SECTIONS + 8 + 8 * n_blocks + 8;
    let mut at = data;
    for p in parts {
        out.extend_from_slice(&(at as u64).to_le_bytes());
        at += p.len();
    }
    put_u32(out, block as u32);
    put_u32(out, n_blocks as u32);
    let sums = out.len();
    out.resize(data, 0);
    out.reserve(data_len);
    for p in parts {
        out.extend_from_slice(p);
    }
    let (head, body) = out.split_at_mut(data);
    for (k, block) in body.chunks(block).enumerate() {
        head[sums + 8 * k..sums + 8 * k + 8].copy_from_slice(&xxh3_64(block).to_le_bytes());
    }
    let check = xxh3_64(&head[..data - 8]);
    head[data - 8..].copy_from_slice(&check.to_le_bytes());
}

#[cfg(test)]
mod size_tests {
    use super::check_sizes;

    #[test]
    fn a_part_past_the_32_bit_limit_is_refused_by_name() {
        assert_eq!(check_sizes(&[("a", 10), ("b", 20)], 20), Ok(()));
        let e = check_sizes(&[("a", 10), ("string table", 21), ("c", 99)], 20).unwrap_err();
        assert_eq!((e.part, e.size, e.limit), ("string table", 21, 20));
        assert!(e.to_string().contains("graph.json instead"), "{e}");
    }

    #[test]
    fn the_bundled_corpus_fits() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../graph");
        let reading = levelmap_read::read_corpus(&dir);
        let g = levelmap_model::graph::build(&reading.corpus, Default::default());
        assert_eq!(super::prepare(&g).check(), Ok(()));
    }
}
