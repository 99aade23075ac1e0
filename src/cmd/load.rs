//! Loading the graph for the query commands: from what `levelmap build` wrote
//! (`out/graph.json`), through a binary cache beside it (`out/graph.cache`), never
//! from stale data.
//!
//! Parsing graph.json dominates a query on a large corpus (10,000 articles give a
//! 200 MB file and about 2 s of parsing), so the first query after a build stores the
//! graph in `graph.cache`: a compact binary form with a string table, which loads
//! more than ten times faster. `levelmap build` writes it too. The cache records the
//! corpus fingerprint (names, sizes and modification times of the corpus files) and
//! the size and time of the graph.json it stands for; it is used only when both
//! still match, and is otherwise rebuilt. It is safe to delete.
//!
//! When the corpus has changed since the build (its sha-256 digest differs from the
//! one in graph.json), the graph is rebuilt from the corpus in memory, a one-line
//! note says so on stderr, and the answer reflects the corpus as it is now.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::{Context, Result};
use levelmap::date::PartialDate;
use petgraph::graph::NodeIndex;
use levelmap::export::json;
use levelmap::graph::{build, BuildOptions, Edge, LevelGraph, Node, NodeData};
use levelmap::model::{ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Role, Stance};
use levelmap::output::write_atomic;
use levelmap::read::stamp;

/// Where the graph comes from: the flags every query command shares.
#[derive(Debug, Clone, clap::Args)]
pub struct Source {
    /// The corpus folder (with lexicon/ and articles/), checked for changes since the build.
    #[arg(long, default_value = "graph", global = true)]
    pub corpus: PathBuf,
    /// The folder `levelmap build` wrote graph.json to.
    #[arg(long, default_value = "out", global = true)]
    pub out: PathBuf,
}

/// The cache's file name, beside graph.json.
pub const CACHE_FILE: &str = "graph.cache";
const MAGIC: &[u8; 8] = b"LMQCACHE";
/// Bump on any change to the layout below.
const FORMAT: u32 = 1;

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

fn json_stamp(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(path).ok()?;
    let t = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((m.len(), t))
}

/// Load the graph for a query, as described in the module documentation.
pub fn load(src: &Source) -> Result<LevelGraph> {
    let json_path = src.out.join("graph.json");
    let cache_path = src.out.join(CACHE_FILE);
    let has_corpus = src.corpus.is_dir();
    let fingerprint = if has_corpus {
        stamp::fingerprint(&src.corpus).with_context(|| format!("cannot list the corpus in {}", src.corpus.display()))?
    } else {
        String::new()
    };
    let json = json_stamp(&json_path);
    let wanted = |json_fresh| Header { writer: env!("CARGO_PKG_VERSION").into(), fingerprint: fingerprint.clone(), json, json_fresh };

    if let Ok(bytes) = std::fs::read(&cache_path) {
        if let Some((header, g)) = decode(&bytes, |h| *h == wanted(h.json_fresh)) {
            if !header.json_fresh {
                stale_note(&json_path, json.is_some());
            }
            return Ok(g);
        }
    }

    match (has_corpus, json.is_some()) {
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
            Ok(g)
        }
        (true, true) => {
            let g = read_json(&json_path)?;
            let digest = stamp::corpus_digest(&src.corpus).with_context(|| format!("cannot read the corpus in {}", src.corpus.display()))?;
            if g.digest == digest {
                save(&cache_path, &wanted(true), &g);
                return Ok(g);
            }
            stale_note(&json_path, true);
            let auto = g.graph.node_weights().any(|n| matches!(n.origin, Origin::Extracted(_)));
            let g = rebuild(&src.corpus, auto)?;
            save(&cache_path, &wanted(false), &g);
            Ok(g)
        }
        (true, false) => {
            stale_note(&json_path, false);
            let g = rebuild(&src.corpus, false)?;
            save(&cache_path, &wanted(false), &g);
            Ok(g)
        }
    }
}

/// Let go of a graph at the end of a command without freeing it piece by piece:
/// the process is about to exit, and freeing a large graph's million strings takes
/// longer than answering the query did.
pub fn release(g: LevelGraph) {
    std::mem::forget(g);
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

/// Write the cache for a graph just built from `corpus` and written to `out/graph.json`
/// (called by `levelmap build`). `fingerprint` is taken before the corpus was read, so
/// that an edit made while building makes the cache stale rather than wrong.
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
// MAGIC, u32 FORMAT, header, string table, nodes, edges. Integers are little-endian;
// strings are indices into the table (u32::MAX for none). Decoding checks every bound
// and returns None on anything unexpected, so a damaged cache is simply rebuilt.

const NONE: u32 = u32::MAX;

struct Enc<'a> {
    buf: Vec<u8>,
    strings: Vec<&'a str>,
    index: HashMap<&'a str, u32>,
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
    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    fn raw_str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    fn s(&mut self, s: &'a str) {
        let n = self.strings.len() as u32;
        let i = *self.index.entry(s).or_insert(n);
        if i == n {
            self.strings.push(s);
        }
        self.u32(i);
    }
    fn opt(&mut self, s: Option<&'a str>) {
        match s {
            Some(s) => self.s(s),
            None => self.u32(NONE),
        }
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
        match o {
            Origin::Curated => self.u8(0),
            Origin::Derived => self.u8(1),
            Origin::Extracted(c) => {
                self.u8(2);
                self.f64(c);
            }
        }
    }
}

fn pos<T: PartialEq>(all: &[T], v: &T) -> u8 {
    all.iter().position(|x| x == v).unwrap_or(0) as u8
}

fn encode(h: &Header, g: &LevelGraph) -> Vec<u8> {
    let mut e = Enc { buf: Vec::new(), strings: Vec::new(), index: HashMap::new() };
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
                e.s(text);
                e.s(&evidence.article);
                e.s(&evidence.quote);
                e.u8(pos(ClaimKind::ALL, claim_kind));
                e.opt(speaker.as_deref());
                e.u8(u8::from(*hedged));
                e.date(*date);
            }
        }
    }
    for ei in g.graph.edge_indices() {
        let (a, b) = g.graph.edge_endpoints(ei).expect("edge exists");
        let w = &g.graph[ei];
        e.u32(a.index() as u32);
        e.u32(b.index() as u32);
        e.u8(pos(EdgeKind::ALL, &w.kind));
        e.s(&w.evidence.article);
        e.s(&w.evidence.quote);
        e.u8(w.stance.map_or(0, |s| pos(Stance::ALL, &s) + 1));
        e.opt(w.note.as_deref());
        e.origin(w.origin);
    }
    let body = std::mem::take(&mut e.buf);
    // Now the front: magic, format, header, digest, counts, string table; then the body.
    e.buf.extend_from_slice(MAGIC);
    e.u32(FORMAT);
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
    e.u32(g.node_count() as u32);
    e.u32(g.edge_count() as u32);
    let strings = std::mem::take(&mut e.strings);
    e.u32(strings.len() as u32);
    for s in &strings {
        e.u32(s.len() as u32);
    }
    for s in &strings {
        e.buf.extend_from_slice(s.as_bytes());
    }
    e.buf.extend_from_slice(&body);
    e.buf
}

struct Dec<'a> {
    buf: &'a [u8],
    at: usize,
    strings: Vec<&'a str>,
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
        let (y, m, d) = (v >> 16, (v >> 8) & 0xff, v & 0xff);
        let text = match (m, d) {
            (0, _) => format!("{y:04}"),
            (m, 0) => format!("{y:04}-{m:02}"),
            (m, d) => format!("{y:04}-{m:02}-{d:02}"),
        };
        Some(Some(PartialDate::parse(&text).ok()?))
    }
    fn origin(&mut self) -> Option<Origin> {
        Some(match self.u8()? {
            0 => Origin::Curated,
            1 => Origin::Derived,
            2 => Origin::Extracted(f64::from_bits(self.u64()?)),
            _ => return None,
        })
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.u8()? as usize).copied()
    }
}

/// Decode a cache whose header `accept`s; None if it is not one, is damaged or is refused.
fn decode(buf: &[u8], accept: impl Fn(&Header) -> bool) -> Option<(Header, LevelGraph)> {
    let mut d = Dec { buf, at: 0, strings: Vec::new() };
    if d.take(8)? != MAGIC || d.u32()? != FORMAT {
        return None;
    }
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
    let (n_nodes, n_edges) = (d.u32()? as usize, d.u32()? as usize);
    let n_strings = d.u32()? as usize;
    let lens: Vec<usize> = (0..n_strings).map(|_| d.u32().map(|l| l as usize)).collect::<Option<_>>()?;
    let total: usize = lens.iter().sum();
    let blob = std::str::from_utf8(d.take(total)?).ok()?;
    let mut at = 0;
    for l in lens {
        d.strings.push(blob.get(at..at + l)?);
        at += l;
    }

    let mut g = LevelGraph::new();
    g.digest = digest;
    // Every node and edge takes well over 16 bytes, so a damaged count cannot ask for
    // more memory than the file could describe.
    g.graph.reserve_nodes(n_nodes.min(buf.len() / 16));
    g.graph.reserve_edges(n_edges.min(buf.len() / 16));
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
            2 => NodeData::Claim {
                text: d.s()?,
                evidence: Evidence { article: d.s()?, quote: d.s()? },
                claim_kind: d.pick(ClaimKind::ALL)?,
                speaker: d.opt()?,
                hedged: d.u8()? == 1,
                date: d.date()?,
            },
            _ => return None,
        };
        g.add_node(Node { id, kind, label, data, origin });
    }
    if g.node_count() != n_nodes {
        return None;
    }
    for _ in 0..n_edges {
        let (a, b) = (d.u32()? as usize, d.u32()? as usize);
        if a >= n_nodes || b >= n_nodes {
            return None;
        }
        let kind = d.pick(EdgeKind::ALL)?;
        let evidence = Evidence { article: d.s()?, quote: d.s()? };
        let stance = match d.u8()? {
            0 => None,
            s => Some(*Stance::ALL.get(s as usize - 1)?),
        };
        let note = d.opt()?;
        let origin = d.origin()?;
        g.graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), Edge { kind, evidence, stance, note, origin });
    }
    (d.at == buf.len()).then_some((header, g))
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

    #[test]
    fn cache_round_trips_to_the_same_json() {
        let g = mini();
        let bytes = encode(&header(), &g);
        let (h, back) = decode(&bytes, |_| true).expect("decodes");
        assert_eq!(h, header());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        json::write_json(&g, &mut a).unwrap();
        json::write_json(&back, &mut b).unwrap();
        assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
    }

    #[test]
    fn damaged_or_refused_cache_is_not_used() {
        let g = mini();
        let bytes = encode(&header(), &g);
        assert!(decode(&bytes, |h| h.fingerprint == "other").is_none());
        assert!(decode(&bytes[..bytes.len() - 1], |_| true).is_none());
        assert!(decode(b"LMQCACHE", |_| true).is_none());
        let mut flipped = bytes.clone();
        flipped[8] ^= 0xff;
        assert!(decode(&flipped, |_| true).is_none(), "another format version");
    }
}
