//! Reading a store in place: every accessor bounds-checked, `None` on damage.

use std::ops::{Deref, Range};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

use petgraph::graph::{DiGraph, NodeIndex};

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{
    ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Role, Stance,
    Text,
};
use levelmap_query::search::{DocInfo, DocText, Owner, Postings};
use levelmap_query::stats::StatsAnswer;

use levelmap_network::statements::Source;
use levelmap_network::Statement;
use levelmap_query::resolve::Names;
use rustc_hash::FxHashMap;

use crate::*;

/// The bytes of a store: a memory map, or a vector in tests.
pub type Bytes = Box<dyn Deref<Target = [u8]> + Send + Sync>;

/// A store opened for reading. Every accessor is bounds-checked and returns `None`
/// on damage.
pub struct Store {
    bytes: Bytes,
    pub(crate) s: Sections,
    /// Set when a read finds the store damaged (a block whose checksum fails, an
    /// index out of range, a bad tag): the region being read is then refused
    /// ([`Region::materialise`] gives None) rather than answered from in part, and the
    /// caller, holding a [`Damage`], answers without the store.
    pub(crate) damaged: Arc<AtomicBool>,
    /// A bit per block: its checksum has been checked.
    checked: Vec<AtomicU64>,
    /// Digest of the corpus the graph was built from.
    pub digest: String,
}

/// Why a store file was not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unopened {
    /// There is no store file.
    Missing,
    /// Not a store of this format (another version's, or not a store): rebuilt
    /// without a word.
    OtherFormat,
    /// A store of this format whose header fails its checksum or does not add up.
    Damaged,
    /// Its header stands for another graph or writer.
    Refused,
}

/// A handle on a store's damage flag, kept by whoever answers from the store so as
/// to learn, once the answer is in, whether any read found the store damaged (the
/// answer is then dropped).
#[derive(Debug, Clone)]
pub struct Damage(Arc<AtomicBool>);

impl Damage {
    /// Whether a read has found the store damaged.
    pub fn found(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
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

fn u64_at(buf: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        buf.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// The header of a store of this format, its digest and where its sections are; None
/// if it fails its checksum or does not add up.
fn read_header(buf: &[u8]) -> Option<(StoreHeader, String, Sections)> {
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
    let digest = c.raw_str()?.to_string();
    let (n_nodes, n_edges, n_strings) = (c.u32()? as usize, c.u32()? as usize, c.u32()? as usize);
    let (n_docs, n_terms) = (c.u32()? as usize, c.u32()? as usize);
    let n_statements = c.u32()? as usize;
    let total_len = c.u64()?;
    let mut at = [0usize; SECTIONS];
    for a in &mut at {
        *a = usize::try_from(c.u64()?).ok()?;
    }
    let block = c.u32()? as usize;
    let n_blocks = c.u32()? as usize;
    let sums = c.at;
    c.take(n_blocks.checked_mul(8)?)?;
    let check_at = c.at;
    if c.u64()? != xxh3_64(buf.get(..check_at)?) {
        return None;
    }
    let data = c.at;
    if block == 0 || at[0] != data || n_blocks != (buf.len() - data).div_ceil(block) {
        return None;
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
        statements: at[18],
        end: buf.len(),
        data,
        sums,
        block,
        n_blocks,
        n_docs,
        n_terms,
        n_statements,
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
        (s.statements, STATEMENT * n_statements, s.end),
    ];
    let fits = sizes
        .iter()
        .all(|&(start, len, next)| start.checked_add(len) == Some(next));
    fits.then_some((header, digest, s))
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
    /// Open a store whose header `accept`s: checked against its checksum, and its
    /// sections against the sizes its counts give. The blocks of the sections are
    /// checked as reads first touch them.
    pub fn open(
        bytes: Bytes,
        accept: impl Fn(&StoreHeader) -> bool,
    ) -> Result<(StoreHeader, Store), Unopened> {
        let buf: &[u8] = &bytes;
        if buf.get(..8) != Some(MAGIC) || u32_at(buf, 8) != Some(FORMAT) {
            return Err(Unopened::OtherFormat);
        }
        let (header, digest, s) = read_header(buf).ok_or(Unopened::Damaged)?;
        if !accept(&header) {
            return Err(Unopened::Refused);
        }
        let store = Store {
            checked: (0..s.n_blocks.div_ceil(64))
                .map(|_| AtomicU64::new(0))
                .collect(),
            bytes,
            s,
            damaged: Default::default(),
            digest,
        };
        store.sizes_add_up().ok_or(Unopened::Damaged)?;
        Ok((header, store))
    }

    /// Whether the sections have the sizes their counts give (reads the last offset
    /// of each table of offsets).
    fn sizes_add_up(&self) -> Option<()> {
        let s = &self.s;
        let last = |table_end: usize| Some(self.u32_at(table_end.checked_sub(4)?)? as usize);
        let (blob_len, node_len) = (last(s.blob)?, last(s.node_bytes)?);
        let (term_len, n_postings) = (last(s.term_blob)?, last(s.postings)?);
        let fits = s.blob.checked_add(blob_len)? == s.node_offsets
            && s.node_bytes.checked_add(node_len)? == s.kinds
            && s.stats <= s.docs
            && s.term_blob.checked_add(term_len)? == s.post_offsets
            && s.postings.checked_add(4usize.checked_mul(n_postings)?)? == s.statements;
        fits.then_some(())
    }

    /// A handle on the damage flag (see [`Damage`]).
    pub fn damage(&self) -> Damage {
        Damage(self.damaged.clone())
    }

    /// Bytes `r` of a section, their blocks checked; None (and the store flagged
    /// damaged) if a block fails its checksum, None if out of range.
    pub(crate) fn get(&self, r: Range<usize>) -> Option<&[u8]> {
        let bytes = self.bytes.get(r.clone())?;
        if r.end > r.start.max(self.s.data) {
            let first = (r.start.max(self.s.data) - self.s.data) / self.s.block;
            let last = (r.end - 1 - self.s.data) / self.s.block;
            if !(first..=last).all(|k| self.block_sound(k)) {
                self.mark_damaged();
                return None;
            }
        }
        Some(bytes)
    }

    /// Whether block `k` matches its checksum (hashed once, then remembered).
    fn block_sound(&self, k: usize) -> bool {
        let (word, bit) = (k / 64, 1u64 << (k % 64));
        let Some(seen) = self.checked.get(word) else {
            return false;
        };
        if seen.load(Ordering::Relaxed) & bit != 0 {
            return true;
        }
        let at = self.s.data + k * self.s.block;
        let block = &self.bytes[at..(at + self.s.block).min(self.bytes.len())];
        let sound = u64_at(&self.bytes, self.s.sums + 8 * k) == Some(xxh3_64(block));
        if sound {
            seen.fetch_or(bit, Ordering::Relaxed);
        }
        sound
    }

    /// The u32 at `at` of a section, its block checked.
    pub(crate) fn u32_at(&self, at: usize) -> Option<u32> {
        Some(u32::from_le_bytes(
            self.get(at..at.checked_add(4)?)?.try_into().ok()?,
        ))
    }

    pub(crate) fn mark_damaged(&self) {
        self.damaged.store(true, Ordering::Relaxed);
    }

    /// Note a failed read.
    pub(crate) fn flag<T>(&self, v: Option<T>) -> Option<T> {
        if v.is_none() {
            self.mark_damaged();
        }
        v
    }

    /// Whether a read has found the store inconsistent.
    pub fn is_damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.s.n_nodes
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.s.n_edges
    }

    pub(crate) fn string(&self, i: u32) -> Option<&str> {
        self.flag(self.string_unchecked(i))
    }

    /// String `i` of the table.
    pub(crate) fn string_unchecked(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        if i >= self.s.n_strings {
            return None;
        }
        let a = self.u32_at(self.s.string_offsets + 4 * i)? as usize;
        let b = self.u32_at(self.s.string_offsets + 4 * i + 4)? as usize;
        std::str::from_utf8(self.get(self.s.blob + a..self.s.blob + b)?).ok()
    }

    pub(crate) fn opt_string(&self, i: u32) -> Option<Option<String>> {
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
    pub(crate) fn kind_unchecked(&self, n: u32) -> Option<NodeKind> {
        if n as usize >= self.s.n_nodes {
            return None;
        }
        NodeKind::ALL
            .get(self.get(self.s.kinds + n as usize..self.s.kinds + n as usize + 1)?[0] as usize)
            .copied()
    }

    pub(crate) fn record(&self, n: u32) -> Option<&[u8]> {
        self.flag(self.record_unchecked(n))
    }

    pub(crate) fn record_unchecked(&self, n: u32) -> Option<&[u8]> {
        if n as usize >= self.s.n_nodes {
            return None;
        }
        let a = self.u32_at(self.s.node_offsets + 4 * n as usize)? as usize;
        let b = self.u32_at(self.s.node_offsets + 4 * n as usize + 4)? as usize;
        self.get(self.s.node_bytes + a..self.s.node_bytes + b)
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
            let n = self.u32_at(self.s.by_id + 4 * mid)?;
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
        let a = self.flag(self.u32_at(self.s.article_of + 4 * n as usize))?;
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
    pub(crate) fn node_unchecked(&self, n: u32) -> Option<(Node, Option<[u32; 2]>)> {
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

    pub(crate) fn edge_record(&self, r: u32) -> Option<&[u8]> {
        if r as usize >= self.s.n_edges {
            return None;
        }
        let at = self.s.edges + EDGE * r as usize;
        self.get(at..at + EDGE)
    }

    /// The ends and kind of edge `r`.
    pub fn ends(&self, r: u32) -> Option<EdgeEnds> {
        self.flag(self.ends_unchecked(r))
    }

    /// The ends and kind of edge `r`.
    pub(crate) fn ends_unchecked(&self, r: u32) -> Option<EdgeEnds> {
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
    pub(crate) fn edge_unchecked(
        &self,
        r: u32,
        known: impl Fn(u32) -> Option<Text>,
    ) -> Option<Edge> {
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

    pub(crate) fn adjacency(&self, offsets: usize, list: usize, n: u32) -> &[u8] {
        if n as usize >= self.s.n_nodes {
            return &[];
        }
        let range = (|| {
            let a = self.u32_at(offsets + 4 * n as usize)? as usize;
            let b = self.u32_at(offsets + 4 * n as usize + 4)? as usize;
            (a <= b && b <= self.s.n_edges).then_some(list + 4 * a..list + 4 * b)
        })();
        self.flag(range.and_then(|r| self.get(r))).unwrap_or(&[])
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
    ///
    /// An edge's article and quote are made once per distinct string and shared, not
    /// once per edge: most edges carry their claim's quote, and every edge of an
    /// article its stem (at 10,000 articles, 2.4 million strings of 1.2 million edges
    /// come from a few hundred thousand).
    pub fn whole(&self) -> Option<LevelGraph> {
        let mut graph: DiGraph<Node, Edge> = DiGraph::with_capacity(self.s.n_nodes, self.s.n_edges);
        let mut texts: FxHashMap<u32, Text> = FxHashMap::default();
        for n in 0..self.s.n_nodes as u32 {
            let (node, shared) = self.flag(self.node_unchecked(n))?;
            if let (Some([article, quote]), NodeData::Claim { evidence, .. }) = (shared, &node.data)
            {
                texts
                    .entry(article)
                    .or_insert_with(|| evidence.article.clone());
                texts.entry(quote).or_insert_with(|| evidence.quote.clone());
            }
            graph.add_node(node);
        }
        let texts = std::cell::RefCell::new(texts);
        let text = |i: u32| -> Option<Text> {
            if let Some(t) = texts.borrow().get(&i) {
                return Some(t.clone());
            }
            let t = Text::from(self.string(i)?);
            texts.borrow_mut().insert(i, t.clone());
            Some(t)
        };
        for r in 0..self.s.n_edges as u32 {
            let e = self.ends(r)?;
            graph.add_edge(
                NodeIndex::new(e.from as usize),
                NodeIndex::new(e.to as usize),
                self.flag(self.edge_unchecked(r, text))?,
            );
        }
        self.flag(LevelGraph::from_graph(graph, self.digest.clone()))
    }

    /// The statistics of the whole graph with the `top` most connected and contested
    /// nodes, if `top` is at most [`STATS_TOP`].
    pub fn stats(&self, top: usize) -> Option<StatsAnswer> {
        if top == 0 || top > STATS_TOP {
            return None;
        }
        let mut answer: StatsAnswer =
            serde_json::from_slice(self.get(self.s.stats..self.s.docs)?).ok()?;
        answer.most_connected.truncate(top);
        answer.most_contested.truncate(top);
        Some(answer)
    }

    /// Every statement of the graph, in their order (those of
    /// [`levelmap_network::statements`] on the whole graph, found when the store was
    /// written): what the network commands read, without decoding the graph. Each
    /// distinct string is made once and shared.
    pub fn statements(&self) -> Option<Vec<Statement>> {
        let records = self.get(self.s.statements..self.s.end)?;
        let mut texts: FxHashMap<u32, Text> = FxHashMap::default();
        let mut text = |i: u32| -> Option<Text> {
            if let Some(t) = texts.get(&i) {
                return Some(t.clone());
            }
            let t = Text::from(self.string(i)?);
            texts.insert(i, t.clone());
            Some(t)
        };
        let mut out = Vec::with_capacity(self.s.n_statements);
        for rec in records.chunks_exact(STATEMENT) {
            let at = |k: usize| u32_at(rec, k);
            let source = match rec[17] {
                0 => Source::Claim(text(at(20)?)?),
                1 => Source::Relation(EdgeKind::Proposes),
                2 => Source::Relation(EdgeKind::Criticises),
                _ => return self.flag(None),
            };
            out.push(Statement {
                date: self.flag(date_of(at(0)?))?,
                article: text(at(4)?)?,
                actor: text(at(8)?)?,
                policy: text(at(12)?)?,
                stance: *self.flag(Stance::ALL.get(rec[16] as usize))?,
                source,
                actor_label: text(at(24)?)?,
                policy_label: text(at(28)?)?,
                quote: text(at(32)?)?,
            });
        }
        Some(out)
    }

    fn term(&self, k: usize) -> Option<&[u8]> {
        let a = self.u32_at(self.s.term_offsets + 4 * k)? as usize;
        let b = self.u32_at(self.s.term_offsets + 4 * k + 4)? as usize;
        self.get(self.s.term_blob + a..self.s.term_blob + b)
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
        let (owner, text, len) = (self.u32_at(at)?, self.u32_at(at + 4)?, self.u32_at(at + 8)?);
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
                    let a = self.u32_at(self.s.post_offsets + 4 * mid).unwrap_or(0) as usize;
                    let b = self.u32_at(self.s.post_offsets + 4 * mid + 4).unwrap_or(0) as usize;
                    return self
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
