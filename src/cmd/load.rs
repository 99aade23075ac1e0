//! Loading the graph for the query commands: from what `levelmap build` wrote
//! (`out/graph.json`), through a binary cache beside it (`out/graph.cache`), never
//! from stale data.
//!
//! Parsing graph.json dominates a query on a large corpus (10,000 articles give a
//! graph.json of several hundred megabytes and seconds of parsing), so queries read
//! `graph.cache` instead: a compact binary form of the same graph with a shared
//! string table, written by `levelmap build` and by the first query after a build.
//! Most of a graph's text is the evidence of its edges (a quote on each of a
//! million edges), and an answer shows only a few of them, so edge evidence is left
//! in the cache's string table until a command asks for it ([`Loaded::fill`]), and
//! so are claims' paraphrases and quotes ([`Loaded::fill_claims`]): commands fill
//! exactly what their answer shows before printing it. Likewise a command loads only
//! the edges its question can read ([`Pending::edges`]).
//!
//! The cache records the corpus fingerprint (names, sizes and modification times of
//! the corpus files) and the size and time of the graph.json it stands for; it is
//! used only when both still match, and is otherwise rebuilt. It is safe to delete.
//! When the corpus has changed since the build (its sha-256 digest differs from the
//! one in graph.json), the graph is rebuilt from the corpus in memory, a one-line
//! note says so on stderr, and the answer reflects the corpus as it is now.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::{Context, Result};
use levelmap::date::PartialDate;
use levelmap::export::json;
use levelmap::graph::{build, BuildOptions, Edge, LevelGraph, Node, NodeData};
use levelmap::model::{ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Role, Stance};
use levelmap::output::write_atomic;
use levelmap::read::stamp;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Where the graph comes from: the flags every query command shares.
#[derive(Debug, Clone, clap::Args)]
pub struct Source {
    /// The corpus folder (with lexicon/ and articles/), checked for changes since the build.
    #[arg(long, default_value = "graph")]
    pub corpus: PathBuf,
    /// The folder `levelmap build` wrote graph.json to.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
}

/// The cache's file name, beside graph.json.
pub const CACHE_FILE: &str = "graph.cache";
const MAGIC: &[u8; 8] = b"LMQCACHE";
/// Bump on any change to the layout below.
const FORMAT: u32 = 3;

/// What a cache stands for.
#[derive(Debug, Clone, PartialEq)]
struct Header {
    /// The crate version that wrote it.
    writer: String,
    /// Corpus fingerprint ("" when there was no corpus folder).
    fingerprint: String,
    /// graph.json's (size, mtime ns), if it existed.
    json: Option<(u64, u128)>,
    /// Whether graph.json matched the corpus (false: the cache holds a fresher build).
    json_fresh: bool,
}

/// A graph whose nodes are loaded and whose edges are not yet: resolve the nodes a
/// question names on [`Pending::graph`], then load just the edges the question can
/// touch with [`Pending::edges`]. A graph read whole (from graph.json or the corpus)
/// keeps all its edges.
pub struct Pending {
    graph: LevelGraph,
    lazy: Option<Lazy>,
}

impl Pending {
    /// The nodes, for resolving references (and, for a graph read whole, its edges).
    pub fn graph(&self) -> &LevelGraph {
        &self.graph
    }

    /// Load the edges that `keep(from, to, kind)` selects (a whole graph keeps all its
    /// edges). The selection must hold every edge the question reads: the answer is
    /// then the one the whole graph gives (tests/it/query.rs checks every command).
    pub fn edges(self, keep: impl Fn(NodeIndex, NodeIndex, EdgeKind) -> bool) -> Loaded {
        let Pending { mut graph, lazy } = self;
        let lazy = lazy.map(|mut lazy| {
            lazy.add_edges(&mut graph, keep);
            lazy
        });
        Loaded { graph, lazy }
    }

    /// Load every edge.
    pub fn all_edges(self) -> Loaded {
        self.edges(|_, _, _| true)
    }

    /// Load the edges of these kinds.
    pub fn edges_of(self, kinds: &[EdgeKind]) -> Loaded {
        self.edges(|_, _, k| kinds.contains(&k))
    }
}

/// A loaded graph, whose edge evidence may still be waiting in the cache.
pub struct Loaded {
    /// The graph. Until [`Loaded::fill`] is called for an edge, its evidence (article,
    /// quote) and note may be empty; until [`Loaded::fill_claims`] is called for a
    /// claim, its paraphrase (but not its label) and quote may be empty.
    pub graph: LevelGraph,
    lazy: Option<Lazy>,
}

impl Loaded {

    /// Fill in the evidence of the edges `keep` selects (nothing to do when the graph
    /// came whole from graph.json or the corpus).
    pub fn fill(&mut self, keep: impl Fn(&LevelGraph, EdgeIndex) -> bool) {
        if self.lazy.is_none() {
            return;
        }
        let chosen: Vec<EdgeIndex> = self.graph.graph.edge_indices().filter(|&e| keep(&self.graph, e)).collect();
        self.fill_edges(chosen);
    }

    /// Fill in the paraphrase and quote of these claims (other nodes are whole).
    pub fn fill_claims(&mut self, nodes: impl IntoIterator<Item = NodeIndex>) {
        let Some(lazy) = &mut self.lazy else { return };
        let mut wanted: Vec<(NodeIndex, u32, u32)> = Vec::new();
        for n in nodes {
            let Ok(k) = lazy.claims.binary_search_by_key(&(n.index() as u32), |c| c.0) else { continue };
            if matches!(&self.graph.graph[n].data, NodeData::Claim { text, .. } if text.is_empty()) {
                wanted.push((n, lazy.claims[k].1, lazy.claims[k].2));
            }
        }
        if wanted.len() * 2 > BULK {
            lazy.cold.read_whole();
        }
        for (n, text, quote) in wanted {
            if let NodeData::Claim { text: t, evidence, .. } = &mut self.graph.graph[n].data {
                *t = lazy.cold.string(text).unwrap_or_default();
                evidence.quote = lazy.cold.string(quote).unwrap_or_default();
            }
        }
    }

    /// Fill in every claim's paraphrase and quote.
    pub fn fill_all_claims(&mut self) {
        let nodes: Vec<NodeIndex> = self.lazy.as_ref().map_or(vec![], |l| l.claims.iter().map(|c| NodeIndex::new(c.0 as usize)).collect());
        self.fill_claims(nodes);
    }

    fn fill_edges(&mut self, edges: impl IntoIterator<Item = EdgeIndex>) {
        let Some(lazy) = &mut self.lazy else { return };
        let wanted: Vec<(EdgeIndex, usize)> = edges
            .into_iter()
            .filter(|&e| self.graph.edge(e).evidence.article.is_empty())
            .filter_map(|e| Some((e, *lazy.records.get(e.index())? as usize)))
            .collect();
        if wanted.len() * 3 > BULK {
            lazy.cold.read_whole();
        }
        for (e, r) in wanted {
            if let Some((evidence, note)) = lazy.cold.evidence(r) {
                let w = &mut self.graph.graph[e];
                w.evidence = evidence;
                w.note = note;
            }
        }
    }

    /// Fill the edges that touch any of `nodes`.
    pub fn fill_touching(&mut self, nodes: &[NodeIndex]) {
        if self.lazy.is_none() {
            return;
        }
        let g = &self.graph.graph;
        let edges: Vec<EdgeIndex> = nodes
            .iter()
            .flat_map(|&n| g.edges_directed(n, Direction::Outgoing).chain(g.edges_directed(n, Direction::Incoming)).map(|e| e.id()))
            .collect();
        self.fill_edges(edges);
    }

    /// Fill the edges between two of `nodes` (the edges of an answer's subgraph).
    pub fn fill_among(&mut self, nodes: &BTreeSet<NodeIndex>) {
        if self.lazy.is_none() {
            return;
        }
        let g = &self.graph.graph;
        let edges: Vec<EdgeIndex> = nodes
            .iter()
            .flat_map(|&n| g.edges_directed(n, Direction::Outgoing).filter(|e| nodes.contains(&e.target())).map(|e| e.id()))
            .collect();
        self.fill_edges(edges);
    }

    /// Fill the edges of these kinds.
    pub fn fill_kinds(&mut self, kinds: &[EdgeKind]) {
        self.fill(|g, e| kinds.contains(&g.edge(e).kind));
    }

    /// Whether every edge's evidence is present.
    pub fn is_whole(&self) -> bool {
        self.lazy.is_none()
    }
}

fn json_stamp(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(path).ok()?;
    let t = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((m.len(), t))
}

/// Load the graph for a query, as described in the module documentation.
pub fn load(src: &Source) -> Result<Pending> {
    let json_path = src.out.join("graph.json");
    let cache_path = src.out.join(CACHE_FILE);
    let has_corpus = src.corpus.is_dir();
    let json = json_stamp(&json_path);
    // Listing a large corpus (a stat per file) takes as long as decoding the cache:
    // do both at once, and check the fingerprint when both are done.
    let (fingerprint, cached) = std::thread::scope(|scope| {
        let listing = scope.spawn(|| if has_corpus { stamp::fingerprint(&src.corpus).map(Some) } else { Ok(None) });
        let cached = read_cache(&cache_path, |h| h.writer == env!("CARGO_PKG_VERSION") && h.json == json);
        (listing.join(), cached)
    });
    let fingerprint = fingerprint
        .map_err(|_| anyhow::anyhow!("listing the corpus failed"))?
        .with_context(|| format!("cannot list the corpus in {}", src.corpus.display()))?
        .unwrap_or_default();
    let wanted = |json_fresh| Header { writer: env!("CARGO_PKG_VERSION").into(), fingerprint: fingerprint.clone(), json, json_fresh };
    if let Some((header, pending)) = cached {
        if header == wanted(header.json_fresh) {
            if !header.json_fresh {
                stale_note(&json_path, json.is_some());
            }
            return Ok(pending);
        }
    }

    let g = match (has_corpus, json.is_some()) {
        (false, false) => anyhow::bail!(
            "no graph to query: neither the corpus folder {} nor {} exists; run `levelmap build --corpus DIR --out DIR` or give --corpus and --out",
            src.corpus.display(),
            json_path.display()
        ),
        (false, true) => {
            eprintln!(
                "note: corpus folder {} not found; answering from {} without checking that it is current",
                src.corpus.display(),
                json_path.display()
            );
            let g = read_json(&json_path)?;
            save(&cache_path, &wanted(true), &g);
            g
        }
        (true, true) => {
            let g = read_json(&json_path)?;
            let digest = stamp::corpus_digest(&src.corpus).with_context(|| format!("cannot read the corpus in {}", src.corpus.display()))?;
            if g.digest == digest {
                save(&cache_path, &wanted(true), &g);
                g
            } else {
                stale_note(&json_path, true);
                let auto = g.graph.node_weights().any(|n| matches!(n.origin, Origin::Extracted(_)));
                let g = rebuild(&src.corpus, auto)?;
                save(&cache_path, &wanted(false), &g);
                g
            }
        }
        (true, false) => {
            stale_note(&json_path, false);
            let g = rebuild(&src.corpus, false)?;
            save(&cache_path, &wanted(false), &g);
            g
        }
    };
    Ok(Pending { graph: g, lazy: None })
}

/// Let go of a graph (or an answer) at the end of a command without freeing it piece
/// by piece: the process is about to exit, and freeing a large graph's many strings
/// takes longer than answering the query did.
pub fn release<T>(value: T) {
    std::mem::forget(value);
}

fn stale_note(json_path: &Path, exists: bool) {
    if exists {
        eprintln!(
            "note: the corpus has changed since {} was built; answering from the corpus as it is now (run `levelmap build` to update it)",
            json_path.display()
        );
    } else {
        eprintln!("note: {} does not exist; answering from the corpus (run `levelmap build` to save it)", json_path.display());
    }
}

fn read_json(path: &Path) -> Result<LevelGraph> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(json::from_json(&text, &path.display().to_string())?)
}

fn rebuild(corpus: &Path, auto: bool) -> Result<LevelGraph> {
    let reading = super::read_checked(corpus).context("cannot answer from the corpus as it is now")?;
    Ok(build(&reading.corpus, BuildOptions { include_extracted: auto }))
}

/// Write the cache for a graph just built from a corpus and written to
/// `out/graph.json` (called by `levelmap build`). `fingerprint` is taken before the
/// corpus was read, so that an edit made while building makes the cache stale
/// rather than wrong.
pub fn write_after_build(out: &Path, fingerprint: String, g: &LevelGraph) {
    let header =
        Header { writer: env!("CARGO_PKG_VERSION").into(), fingerprint, json: json_stamp(&out.join("graph.json")), json_fresh: true };
    save(&out.join(CACHE_FILE), &header, g);
}

/// Write the cache; a failure only costs speed, so it is reported, not fatal.
fn save(path: &Path, header: &Header, g: &LevelGraph) {
    let bytes = encode(header, g);
    if let Err(e) = write_atomic(path, |w| w.write_all(&bytes)) {
        eprintln!("note: could not write the query cache ({e}); queries will be slower");
    }
}

// ---- The binary layout -------------------------------------------------------------
//
// Two parts. The hot part is read whole when a query starts: MAGIC, u32 FORMAT, u64
// length of the hot part, the header, the digest, the hot string table (count,
// count + 1 offsets, the UTF-8 blob), the nodes, and the edges' topology as
// fixed-size records. The cold part is read only as needed (a few reads at given
// offsets, or all of it when much is wanted): the cold string table, then each
// edge's evidence as a fixed-size record. Edge evidence and claims' paraphrases and
// quotes are cold strings; everything else is hot. Integers are little-endian;
// strings are indices into their table (u32::MAX for none). Decoding checks every
// bound of the hot part and the sizes of the cold part, and returns None on anything
// unexpected, so a damaged cache is simply rebuilt.

const NONE: u32 = u32::MAX;
/// Topology: from, to, kind, stance, origin tag, confidence.
const EDGE_RECORD: usize = 4 + 4 + 1 + 1 + 1 + 8;
/// Evidence: article, quote, note.
const EVIDENCE_RECORD: usize = 4 + 4 + 4;
/// The fixed start: magic, format, hot length.
const PREFIX: usize = 8 + 4 + 8;
/// Fetching more cold strings than this reads the whole cold part at once.
const BULK: usize = 4096;

/// Interned strings: each distinct string once, by first appearance.
#[derive(Default)]
struct Table<'a> {
    strings: Vec<&'a str>,
    index: HashMap<&'a str, u32>,
}

impl<'a> Table<'a> {
    fn intern(&mut self, s: &'a str) -> u32 {
        let n = self.strings.len() as u32;
        let i = *self.index.entry(s).or_insert(n);
        if i == n {
            self.strings.push(s);
        }
        i
    }

    /// count, count + 1 offsets, blob.
    fn write(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&(self.strings.len() as u32).to_le_bytes());
        let mut at = 0u32;
        buf.extend_from_slice(&at.to_le_bytes());
        for s in &self.strings {
            at += s.len() as u32;
            buf.extend_from_slice(&at.to_le_bytes());
        }
        for s in &self.strings {
            buf.extend_from_slice(s.as_bytes());
        }
    }
}

struct Enc<'a> {
    buf: Vec<u8>,
    hot: Table<'a>,
    cold: Table<'a>,
}

impl<'a> Enc<'a> {
    fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    fn u128(&mut self, v: u128) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    fn raw_str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    fn s(&mut self, s: &'a str) {
        let i = self.hot.intern(s);
        self.u32(i);
    }
    fn opt(&mut self, s: Option<&'a str>) {
        match s {
            Some(s) => self.s(s),
            None => self.u32(NONE),
        }
    }
    fn cold(&mut self, s: &'a str) {
        let i = self.cold.intern(s);
        self.u32(i);
    }
    fn date(&mut self, d: Option<PartialDate>) {
        match d {
            None => self.u32(NONE),
            Some(d) => {
                let y = d.year_num() as u16 as u32;
                let m = u32::from(d.month_num().unwrap_or(0));
                let day = u32::from(d.day_num().unwrap_or(0));
                self.u32(y << 16 | m << 8 | day);
            }
        }
    }
    fn origin(&mut self, o: Origin) {
        let (tag, c) = match o {
            Origin::Curated => (0, 0.0),
            Origin::Derived => (1, 0.0),
            Origin::Extracted(c) => (2, c),
        };
        self.u8(tag);
        self.u64(f64::to_bits(c));
    }
}

fn pos<T: PartialEq>(all: &[T], v: &T) -> u8 {
    all.iter().position(|x| x == v).unwrap_or(0) as u8
}

fn encode(h: &Header, g: &LevelGraph) -> Vec<u8> {
    let mut e = Enc { buf: Vec::new(), hot: Table::default(), cold: Table::default() };
    e.u32(g.node_count() as u32);
    for n in g.graph.node_weights() {
        e.s(&n.id);
        e.u8(pos(NodeKind::ALL, &n.kind));
        e.s(&n.label);
        e.origin(n.origin);
        match &n.data {
            NodeData::Article { title, date, url } => {
                e.u8(0);
                e.s(title);
                e.date(Some(date.value));
                e.u8(pos(DateProvenance::ALL, &date.provenance));
                e.opt(date.evidence.as_deref());
                e.opt(date.reasoning.as_deref());
                e.opt(url.as_deref());
            }
            NodeData::Entity { subkind, aliases, description, date, roles } => {
                e.u8(1);
                e.s(subkind);
                e.u32(aliases.len() as u32);
                for a in aliases {
                    e.s(a);
                }
                e.opt(description.as_deref());
                e.date(*date);
                e.u32(roles.len() as u32);
                for r in roles {
                    e.s(&r.title);
                    e.opt(r.of.as_deref());
                    e.date(r.from);
                    e.date(r.to);
                }
            }
            NodeData::Claim { text, evidence, claim_kind, speaker, hedged, date } => {
                e.u8(2);
                e.cold(text);
                e.s(&evidence.article);
                e.cold(&evidence.quote);
                e.u8(pos(ClaimKind::ALL, claim_kind));
                e.opt(speaker.as_deref());
                e.u8(u8::from(*hedged));
                e.date(*date);
            }
        }
    }
    e.u32(g.edge_count() as u32);
    let mut evidence: Vec<u8> = Vec::with_capacity(g.edge_count() * EVIDENCE_RECORD);
    for ei in g.graph.edge_indices() {
        let (a, b) = g.graph.edge_endpoints(ei).expect("edge exists");
        let w = &g.graph[ei];
        e.u32(a.index() as u32);
        e.u32(b.index() as u32);
        e.u8(pos(EdgeKind::ALL, &w.kind));
        e.u8(w.stance.map_or(0, |s| pos(Stance::ALL, &s) + 1));
        e.origin(w.origin);
        let note = w.note.as_deref().map_or(NONE, |n| e.cold.intern(n));
        for i in [e.cold.intern(&w.evidence.article), e.cold.intern(&w.evidence.quote), note] {
            evidence.extend_from_slice(&i.to_le_bytes());
        }
    }
    let body = std::mem::take(&mut e.buf);
    // The hot part.
    let mut out = Vec::with_capacity(body.len() * 2);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&0u64.to_le_bytes()); // the hot length, set below
    e.raw_str(&h.writer);
    e.raw_str(&h.fingerprint);
    match h.json {
        Some((len, t)) => {
            e.u8(1);
            e.u64(len);
            e.u128(t);
        }
        None => e.u8(0),
    }
    e.u8(u8::from(h.json_fresh));
    e.raw_str(&g.digest);
    out.append(&mut e.buf);
    e.hot.write(&mut out);
    out.extend_from_slice(&body);
    let hot_len = out.len() as u64;
    out[12..20].copy_from_slice(&hot_len.to_le_bytes());
    // The cold part.
    e.cold.write(&mut out);
    out.extend_from_slice(&evidence);
    out
}

/// The cold part of a cache: read piece by piece, or whole once much is wanted.
struct Cold {
    file: std::fs::File,
    /// Where the cold part starts in the file, and how long it is.
    at: u64,
    len: u64,
    /// Offsets within the cold part: the string offsets, the blob, the evidence records.
    n_strings: usize,
    offsets_at: u64,
    blob_at: u64,
    evidence_at: u64,
    /// The whole cold part, once read.
    whole: Option<Vec<u8>>,
}

impl Cold {
    /// Open the cold part at `at` and check that its sizes agree with the file.
    fn open(file: std::fs::File, at: u64, n_edges: usize) -> Option<Cold> {
        let len = file.metadata().ok()?.len().checked_sub(at)?;
        let mut cold = Cold { file, at, len, n_strings: 0, offsets_at: 4, blob_at: 0, evidence_at: 0, whole: None };
        cold.n_strings = cold.u32_at(0)? as usize;
        cold.blob_at = cold.offsets_at + 4 * (cold.n_strings as u64 + 1);
        let blob_len = u64::from(cold.u32_at(cold.blob_at - 4)?);
        cold.evidence_at = cold.blob_at + blob_len;
        (cold.evidence_at + (n_edges * EVIDENCE_RECORD) as u64 == len).then_some(cold)
    }

    /// Read the whole cold part now (many strings are about to be wanted).
    fn read_whole(&mut self) {
        if self.whole.is_none() {
            let mut buf = vec![0; self.len as usize];
            if read_at(&self.file, &mut buf, self.at).is_some() {
                self.whole = Some(buf);
            }
        }
    }

    fn bytes(&self, at: u64, n: usize) -> Option<std::borrow::Cow<'_, [u8]>> {
        if at.checked_add(n as u64)? > self.len {
            return None;
        }
        match &self.whole {
            Some(w) => Some(std::borrow::Cow::Borrowed(w.get(at as usize..at as usize + n)?)),
            None => {
                let mut buf = vec![0; n];
                read_at(&self.file, &mut buf, self.at + at)?;
                Some(std::borrow::Cow::Owned(buf))
            }
        }
    }

    fn u32_at(&self, at: u64) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(at, 4)?.as_ref().try_into().ok()?))
    }

    fn string(&self, i: u32) -> Option<String> {
        if i as usize >= self.n_strings {
            return None;
        }
        let o = self.bytes(self.offsets_at + 4 * u64::from(i), 8)?;
        let (a, b) = (u32::from_le_bytes(o[0..4].try_into().ok()?), u32::from_le_bytes(o[4..8].try_into().ok()?));
        let s = self.bytes(self.blob_at + u64::from(a), b.checked_sub(a)? as usize)?;
        String::from_utf8(s.into_owned()).ok()
    }

    /// Edge record `r`'s evidence and note.
    fn evidence(&self, r: usize) -> Option<(Evidence, Option<String>)> {
        let rec = self.bytes(self.evidence_at + (r * EVIDENCE_RECORD) as u64, EVIDENCE_RECORD)?;
        let field = |k: usize| u32::from_le_bytes([rec[k], rec[k + 1], rec[k + 2], rec[k + 3]]);
        let (article, quote, note) = (field(0), field(4), field(8));
        let note = match note {
            NONE => None,
            n => Some(self.string(n)?),
        };
        Some((Evidence { article: self.string(article)?, quote: self.string(quote)? }, note))
    }
}

/// Read exactly `buf.len()` bytes at `offset`.
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> Option<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset).ok()
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = file.try_clone().ok()?;
        f.seek(SeekFrom::Start(offset)).ok()?;
        f.read_exact(buf).ok()
    }
}

/// The cache behind a partly loaded graph, for loading edges and filling evidence.
struct Lazy {
    /// The hot part (the edge topology is read from it when edges are loaded).
    hot: Vec<u8>,
    /// Where the edge topology starts, and how many edges there are.
    edges_at: usize,
    n_edges: usize,
    /// The record of each graph edge (edges may be left out).
    records: Vec<u32>,
    /// Claims: (node, paraphrase, quote) with cold string indices, by node.
    claims: Vec<(u32, u32, u32)>,
    cold: Cold,
}

impl Lazy {
    /// Add the edges `keep` selects to `g`, in record order (checked when decoded).
    fn add_edges(&mut self, g: &mut LevelGraph, keep: impl Fn(NodeIndex, NodeIndex, EdgeKind) -> bool) {
        // Room for every edge: pages of the part left unused are never touched.
        g.graph.reserve_edges(self.n_edges);
        for r in 0..self.n_edges {
            let at = self.edges_at + r * EDGE_RECORD;
            let Some(rec) = self.hot.get(at..at + EDGE_RECORD) else { return };
            let u32_of = |i: usize| u32::from_le_bytes([rec[i], rec[i + 1], rec[i + 2], rec[i + 3]]) as usize;
            let (a, b) = (NodeIndex::new(u32_of(0)), NodeIndex::new(u32_of(4)));
            let Some(&kind) = EdgeKind::ALL.get(rec[8] as usize) else { return };
            if !keep(a, b, kind) {
                continue;
            }
            let stance = rec[9].checked_sub(1).and_then(|s| Stance::ALL.get(s as usize).copied());
            let c = f64::from_bits(u64::from_le_bytes([rec[11], rec[12], rec[13], rec[14], rec[15], rec[16], rec[17], rec[18]]));
            let origin = match rec[10] {
                1 => Origin::Derived,
                2 => Origin::Extracted(c),
                _ => Origin::Curated,
            };
            let evidence = Evidence { article: String::new(), quote: String::new() };
            g.graph.add_edge(a, b, Edge { kind, evidence, stance, note: None, origin });
            self.records.push(r as u32);
        }
    }
}

struct Dec<'a> {
    buf: &'a [u8],
    at: usize,
    strings: Vec<&'a str>,
    dates: HashMap<u32, Option<PartialDate>>,
}

impl<'a> Dec<'a> {
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
    fn s(&mut self) -> Option<String> {
        let i = self.u32()? as usize;
        Some(self.strings.get(i)?.to_string())
    }
    fn opt(&mut self) -> Option<Option<String>> {
        match self.u32()? {
            NONE => Some(None),
            i => Some(Some(self.strings.get(i as usize)?.to_string())),
        }
    }
    fn date(&mut self) -> Option<Option<PartialDate>> {
        let v = self.u32()?;
        if v == NONE {
            return Some(None);
        }
        if let Some(d) = self.dates.get(&v) {
            return d.map(Some);
        }
        let (y, m, d) = (v >> 16, (v >> 8) & 0xff, v & 0xff);
        let text = match (m, d) {
            (0, _) => format!("{y:04}"),
            (m, 0) => format!("{y:04}-{m:02}"),
            (m, d) => format!("{y:04}-{m:02}-{d:02}"),
        };
        let parsed = PartialDate::parse(&text).ok();
        self.dates.insert(v, parsed);
        Some(Some(parsed?))
    }
    fn origin(&mut self) -> Option<Origin> {
        let tag = self.u8()?;
        let c = f64::from_bits(self.u64()?);
        Some(match tag {
            0 => Origin::Curated,
            1 => Origin::Derived,
            2 => Origin::Extracted(c),
            _ => return None,
        })
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.u8()? as usize).copied()
    }
}

/// Read the hot part of the cache at `path` and decode it, if its header `accept`s;
/// None if it is not a cache of this format, is damaged or is refused. The nodes
/// are loaded; the edges are checked and left for [`Pending::edges`], their evidence
/// and the claims' texts in the cold part for [`Loaded::fill`] and
/// [`Loaded::fill_claims`].
fn read_cache(path: &Path, accept: impl Fn(&Header) -> bool) -> Option<(Header, Pending)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut prefix = [0u8; PREFIX];
    file.read_exact(&mut prefix).ok()?;
    if &prefix[..8] != MAGIC || prefix[8..12] != FORMAT.to_le_bytes() {
        return None;
    }
    let hot_len = u64::from_le_bytes(prefix[12..20].try_into().ok()?);
    if hot_len < PREFIX as u64 || hot_len > file.metadata().ok()?.len() {
        return None;
    }
    let mut hot = vec![0u8; hot_len as usize];
    hot[..PREFIX].copy_from_slice(&prefix);
    file.read_exact(&mut hot[PREFIX..]).ok()?;
    decode(hot, file, accept)
}

fn decode(hot: Vec<u8>, file: std::fs::File, accept: impl Fn(&Header) -> bool) -> Option<(Header, Pending)> {
    let mut d = Dec { buf: &hot, at: PREFIX, strings: Vec::new(), dates: HashMap::new() };
    let writer = d.raw_str()?.to_string();
    let fingerprint = d.raw_str()?.to_string();
    let json = match d.u8()? {
        1 => Some((d.u64()?, d.u128()?)),
        _ => None,
    };
    let json_fresh = d.u8()? == 1;
    let header = Header { writer, fingerprint, json, json_fresh };
    if !accept(&header) {
        return None;
    }
    let digest = d.raw_str()?.to_string();

    let n_strings = d.u32()? as usize;
    let offsets: Vec<usize> = (0..=n_strings).map(|_| d.u32().map(|o| o as usize)).collect::<Option<_>>()?;
    let blob = std::str::from_utf8(d.take(*offsets.last()?)?).ok()?;
    for w in offsets.windows(2) {
        d.strings.push(blob.get(w[0]..w[1])?);
    }

    let mut graph: DiGraph<Node, Edge> = DiGraph::new();
    let n_nodes = d.u32()? as usize;
    // Every node takes well over 16 bytes, so a damaged count cannot ask for more
    // memory than the file could describe.
    graph.reserve_nodes(n_nodes.min(hot.len() / 16));
    let mut claims: Vec<(u32, u32, u32)> = Vec::new();
    for _ in 0..n_nodes {
        let id = d.s()?;
        let kind = d.pick(NodeKind::ALL)?;
        let label = d.s()?;
        let origin = d.origin()?;
        let data = match d.u8()? {
            0 => NodeData::Article {
                title: d.s()?,
                date: ArticleDate {
                    value: d.date()??,
                    provenance: d.pick(DateProvenance::ALL)?,
                    evidence: d.opt()?,
                    reasoning: d.opt()?,
                },
                url: d.opt()?,
            },
            1 => {
                let subkind = d.s()?;
                let aliases = (0..d.u32()?).map(|_| d.s()).collect::<Option<_>>()?;
                let description = d.opt()?;
                let date = d.date()?;
                let roles = (0..d.u32()?)
                    .map(|_| Some(Role { title: d.s()?, of: d.opt()?, from: d.date()?, to: d.date()? }))
                    .collect::<Option<_>>()?;
                NodeData::Entity { subkind, aliases, description, date, roles }
            }
            2 => {
                // A claim's paraphrase (its label is loaded) and quote wait in the cold part.
                let (text, article, quote) = (d.u32()?, d.s()?, d.u32()?);
                claims.push((graph.node_count() as u32, text, quote));
                NodeData::Claim {
                    text: String::new(),
                    evidence: Evidence { article, quote: String::new() },
                    claim_kind: d.pick(ClaimKind::ALL)?,
                    speaker: d.opt()?,
                    hedged: d.u8()? == 1,
                    date: d.date()?,
                }
            }
            _ => return None,
        };
        graph.add_node(Node { id, kind, label, data, origin });
    }
    let g = LevelGraph::from_graph(graph, digest)?;
    let n_edges = d.u32()? as usize;
    let edges_at = d.at;
    if hot.len().checked_sub(edges_at)? != n_edges.checked_mul(EDGE_RECORD)? {
        return None;
    }
    // Check every record now, so that loading edges later cannot fail.
    for _ in 0..n_edges {
        let (a, b) = (d.u32()? as usize, d.u32()? as usize);
        let (kind, stance, origin) = (d.u8()?, d.u8()?, d.u8()?);
        d.u64()?;
        if a >= n_nodes || b >= n_nodes || kind as usize >= EdgeKind::ALL.len() || stance as usize > Stance::ALL.len() || origin > 2 {
            return None;
        }
    }
    let cold = Cold::open(file, hot.len() as u64, n_edges)?;
    if claims.iter().any(|&(_, t, q)| t as usize >= cold.n_strings || q as usize >= cold.n_strings) {
        return None;
    }
    let lazy = Lazy { hot, edges_at, n_edges, records: Vec::new(), claims, cold };
    Some((header, Pending { graph: g, lazy: Some(lazy) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> LevelGraph {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let reading = levelmap::read::read_corpus(&dir);
        build(&reading.corpus, BuildOptions::default())
    }

    fn header() -> Header {
        Header { writer: "0".into(), fingerprint: "f".into(), json: Some((1, 2)), json_fresh: true }
    }

    fn json_of(g: &LevelGraph) -> String {
        let mut v = Vec::new();
        json::write_json(g, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    /// Write `bytes` as a cache file and read it back.
    fn read_back(bytes: &[u8], accept: impl Fn(&Header) -> bool) -> Option<(Header, Pending)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CACHE_FILE);
        std::fs::write(&path, bytes).unwrap();
        read_cache(&path, accept)
    }

    #[test]
    fn cache_round_trips_to_the_same_json_once_filled() {
        let g = mini();
        let (h, pending) = read_back(&encode(&header(), &g), |_| true).expect("decodes");
        assert_eq!(h, header());
        assert_eq!(pending.graph().edge_count(), 0, "edges wait");
        let mut back = pending.all_edges();
        assert!(!back.is_whole());
        assert!(back.graph.graph.edge_weights().all(|e| e.evidence.quote.is_empty()), "evidence waits");
        back.fill(|_, _| true);
        assert_ne!(json_of(&g), json_of(&back.graph), "claims' quotes wait too");
        back.fill_all_claims();
        assert_eq!(json_of(&g), json_of(&back.graph));
    }

    #[test]
    fn fill_touching_fills_only_those_edges() {
        let g = mini();
        let mut back = read_back(&encode(&header(), &g), |_| true).unwrap().1.all_edges();
        let i = back.graph.find("actor:rachel-reeves").unwrap();
        back.fill_touching(&[i]);
        for e in back.graph.graph.edge_indices() {
            let (a, b) = back.graph.graph.edge_endpoints(e).unwrap();
            let filled = !back.graph.edge(e).evidence.quote.is_empty();
            assert_eq!(filled, a == i || b == i);
            if filled {
                assert_eq!(back.graph.edge(e).evidence, g.edge(e).evidence);
            }
        }
    }

    #[test]
    fn edges_can_be_left_out() {
        let g = mini();
        let mut back = read_back(&encode(&header(), &g), |_| true).unwrap().1.edges(|_, _, k| k != EdgeKind::Mentions);
        assert!(back.graph.graph.edge_weights().all(|e| e.kind != EdgeKind::Mentions));
        back.fill(|_, _| true);
        let kept: Vec<&Edge> = g.graph.edge_weights().filter(|e| e.kind != EdgeKind::Mentions).collect();
        let loaded: Vec<&Edge> = back.graph.graph.edge_weights().collect();
        assert_eq!(kept, loaded, "the other edges keep their order and evidence");
    }

    #[test]
    fn many_at_once_reads_the_cold_part_whole() {
        let g = mini();
        let mut back = read_back(&encode(&header(), &g), |_| true).unwrap().1.all_edges();
        back.lazy.as_mut().unwrap().cold.read_whole();
        assert!(back.lazy.as_ref().unwrap().cold.whole.is_some());
        back.fill(|_, _| true);
        back.fill_all_claims();
        assert_eq!(json_of(&g), json_of(&back.graph));
    }

    #[test]
    fn damaged_or_refused_cache_is_not_used() {
        let g = mini();
        let bytes = encode(&header(), &g);
        assert!(read_back(&bytes, |h| h.fingerprint == "other").is_none());
        assert!(read_back(&bytes[..bytes.len() - 1], |_| true).is_none(), "the cold part is short");
        assert!(read_back(b"LMQCACHE", |_| true).is_none());
        let mut flipped = bytes.clone();
        flipped[8] ^= 0xff;
        assert!(read_back(&flipped, |_| true).is_none(), "another format version");
        let mut long = bytes.clone();
        long[12..20].copy_from_slice(&(bytes.len() as u64 * 2).to_le_bytes());
        assert!(read_back(&long, |_| true).is_none(), "a hot part longer than the file");
        // An edge whose end is out of range, in the last topology record.
        let hot_len = u64::from_le_bytes(bytes[12..20].try_into().unwrap()) as usize;
        let mut bad = bytes.clone();
        let last = hot_len - EDGE_RECORD;
        bad[last..last + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(read_back(&bad, |_| true).is_none());
    }
}
