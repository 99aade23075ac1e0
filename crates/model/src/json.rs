//! `graph.json`: the lossless, versioned JSON form of the graph, built from dedicated
//! export structs (never from internal types), and read back by [`from_json`].
//!
//! Schema `levelmap/graph` version 1 (documented in ARCHITECTURE.md):
//! `{schema, version, digest, nodes: [...], edges: [...]}` with nodes and edges in
//! graph order. Optional fields are omitted when empty, so a round trip gives the
//! same bytes.

use std::io;

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::graph::{LevelGraph, Node, NodeData};
use crate::json_check;
pub use crate::json_read::{from_json, from_json_reader, from_json_with_warnings};
use crate::{ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Role, Stance};

/// The schema name written in every file.
pub const SCHEMA: &str = "levelmap/graph";
/// The schema version; bump it on any incompatible change.
pub const VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GraphJson {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Digest of the corpus files (sha-256), to detect a stale build.
    pub digest: String,
    /// Nodes in graph order.
    pub nodes: Vec<NodeJson>,
    /// Edges in graph order.
    pub edges: Vec<EdgeJson>,
}

/// A date with its precision (and, for articles, provenance). The query answers write
/// a bare [`PartialDate`] instead, on purpose: their schemas (`levelmap/show`,
/// `levelmap/timeline`…) give a date at its precision, without provenance.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DateJson {
    /// "2021", "2021-09" or "2021-09-14".
    pub value: PartialDate,
    /// year | month | day.
    pub precision: String,
    /// stated | inferred (articles only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub provenance: Option<DateProvenance>,
    /// The sentence it rests on.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<String>,
    /// How it was inferred.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reasoning: Option<String>,
}

/// A role, as written in the graph JSON and in `show`'s answer (the one struct for both).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoleJson {
    /// Title.
    pub title: String,
    /// Body.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub of: Option<String>,
    /// Start.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from: Option<PartialDate>,
    /// End.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<PartialDate>,
}

impl From<&Role> for RoleJson {
    fn from(r: &Role) -> Self {
        RoleJson {
            title: r.title.clone(),
            of: r.of.clone(),
            from: r.from,
            to: r.to,
        }
    }
}

/// Evidence.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EvidenceJson {
    /// Article stem.
    pub article: String,
    /// Verbatim quote.
    pub quote: String,
}

/// A node.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NodeJson {
    /// `kind:slug`.
    pub id: String,
    /// article | actor | policy | claim | event.
    pub kind: NodeKind,
    /// Display label.
    pub label: String,
    /// curated | derived | extracted.
    pub origin: String,
    /// Extracted items: the extractor's confidence.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub confidence: Option<f64>,
    /// Sub-kind of actors, policies and events.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub subkind: Option<String>,
    /// Articles, events and claims.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<DateJson>,
    /// Articles.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Entities.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aliases: Vec<String>,
    /// Entities.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// Actors.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub roles: Vec<RoleJson>,
    /// Claims: quote and article.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<EvidenceJson>,
    /// Claims.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub claim_kind: Option<ClaimKind>,
    /// Claims: reported speaker.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker: Option<String>,
    /// Claims.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub hedged: bool,
}

/// An edge.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EdgeJson {
    /// Stable id: `from-kind->to`.
    pub id: String,
    /// Edge kind.
    pub kind: EdgeKind,
    /// Source id.
    pub from: String,
    /// Target id.
    pub to: String,
    /// For `about`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stance: Option<Stance>,
    /// Quote and article.
    pub evidence: EvidenceJson,
    /// Curator's note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
    /// curated | derived | extracted.
    pub origin: String,
    /// Extracted: confidence.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub confidence: Option<f64>,
}

/// Why a JSON file could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not JSON of this schema.
    #[error("{path}:{line}:{column}: not a levelmap graph: {message}")]
    Parse {
        /// File.
        path: String,
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// serde's message.
        message: String,
    },
    /// Another schema or version.
    #[error("{path}: schema '{schema}' version {version} is not supported (expected '{SCHEMA}' version {VERSION}); rebuild it with `levelmap build`")]
    Version {
        /// File.
        path: String,
        /// Its schema.
        schema: String,
        /// Its version.
        version: u32,
    },
    /// Values that break the corpus' rules (bad or duplicate ids, wrong endpoints,
    /// self-loops, confidences out of range…), each located by its JSON path.
    #[error("{path}: {} problem(s); the graph is refused\n{}", .problems.len(), json_check::render("error", .path, .problems))]
    Invalid {
        /// File.
        path: String,
        /// Every problem found.
        problems: Vec<json_check::Problem>,
    },
    /// An edge names a node that is not in the file.
    #[error("{path}: edge '{edge}' names unknown node '{node}'")]
    Dangling {
        /// File.
        path: String,
        /// Edge id.
        edge: String,
        /// Missing node.
        node: String,
    },
    /// A node lacks a field its kind requires.
    #[error("{path}: node '{node}' lacks '{field}'")]
    MissingField {
        /// File.
        path: String,
        /// Node id.
        node: String,
        /// Field.
        field: String,
    },
}

fn origin_str(o: Origin) -> (String, Option<f64>) {
    match o {
        Origin::Curated => ("curated".into(), None),
        Origin::Derived => ("derived".into(), None),
        Origin::Extracted(c) => ("extracted".into(), Some(c)),
    }
}

pub(crate) fn origin_from(s: &str, c: Option<f64>) -> Origin {
    match s {
        "derived" => Origin::Derived,
        "extracted" => Origin::Extracted(c.unwrap_or(0.5)),
        _ => Origin::Curated,
    }
}

fn date_json(d: PartialDate) -> DateJson {
    DateJson {
        value: d,
        precision: d.precision().as_str().into(),
        provenance: None,
        evidence: None,
        reasoning: None,
    }
}

fn ev(e: &Evidence) -> EvidenceJson {
    EvidenceJson {
        article: e.article.to_string(),
        quote: e.quote.to_string(),
    }
}

/// The export structs for a graph.
pub fn to_export(g: &LevelGraph) -> GraphJson {
    let nodes = g
        .graph
        .node_indices()
        .map(|i| node_json(&g.graph[i]))
        .collect();
    let edges = g
        .graph
        .edge_indices()
        .map(|e| edge_json(g, e, g.edge_id(e)))
        .collect();
    GraphJson {
        schema: SCHEMA.into(),
        version: VERSION,
        digest: g.digest.clone(),
        nodes,
        edges,
    }
}

fn edge_json(g: &LevelGraph, e: petgraph::graph::EdgeIndex, id: String) -> EdgeJson {
    let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
    let w = &g.graph[e];
    let (origin, confidence) = origin_str(w.origin);
    EdgeJson {
        id,
        kind: w.kind,
        from: g.graph[a].id.to_string(),
        to: g.graph[b].id.to_string(),
        stance: w.stance,
        evidence: ev(&w.evidence),
        note: w.note.clone(),
        origin,
        confidence,
    }
}

/// An edge as [`EdgeJson`] serialises it, borrowing from the graph (the same fields
/// in the same order with the same rules, so the same bytes; a test compares them).
#[derive(Serialize)]
pub(crate) struct EdgeOut<'a> {
    id: EdgeIdOut<'a>,
    kind: EdgeKind,
    from: &'a str,
    to: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stance: Option<Stance>,
    evidence: EvidenceOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    origin: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
}

/// [`EvidenceJson`], borrowed.
#[derive(Serialize)]
struct EvidenceOut<'a> {
    article: &'a str,
    quote: &'a str,
}

/// An edge id as [`crate::graph::numbered_edge_id`] writes it, without making the string.
struct EdgeIdOut<'a> {
    from: &'a str,
    kind: EdgeKind,
    to: &'a str,
    /// How many earlier edges join the same nodes with the same kind.
    n: u32,
}

impl std::fmt::Display for EdgeIdOut<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}->{}", self.from, self.kind, self.to)?;
        if self.n > 0 {
            write!(f, "#{}", self.n + 1)?;
        }
        Ok(())
    }
}

impl Serialize for EdgeIdOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub(crate) fn edge_out(g: &LevelGraph, e: petgraph::graph::EdgeIndex, n: u32) -> EdgeOut<'_> {
    let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
    let w = &g.graph[e];
    let (origin, confidence) = match w.origin {
        Origin::Curated => ("curated", None),
        Origin::Derived => ("derived", None),
        Origin::Extracted(c) => ("extracted", Some(c)),
    };
    let (from, to) = (&*g.graph[a].id, &*g.graph[b].id);
    EdgeOut {
        id: EdgeIdOut {
            from,
            kind: w.kind,
            to,
            n,
        },
        kind: w.kind,
        from,
        to,
        stance: w.stance,
        evidence: EvidenceOut {
            article: &w.evidence.article,
            quote: &w.evidence.quote,
        },
        note: w.note.as_deref(),
        origin,
        confidence,
    }
}

/// For each edge in order, how many earlier edges join the same two nodes with the
/// same kind ([`LevelGraph::edge_id`]'s numbering, in one pass).
pub(crate) fn edge_repeats(g: &LevelGraph) -> Vec<u32> {
    let mut seen: rustc_hash::FxHashMap<(u32, u32, EdgeKind), u32> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(g.edge_count(), Default::default());
    g.graph
        .edge_indices()
        .map(|e| {
            let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
            let n = seen
                .entry((a.index() as u32, b.index() as u32, g.graph[e].kind))
                .or_default();
            *n += 1;
            *n - 1
        })
        .collect()
}

/// Elements serialised per rayon task, and tasks written per round (a round's bytes
/// are held until written: about 25 MB of edges).
const CHUNK: usize = 4096;
const ROUND: usize = 16;

/// Write `n` elements as the items of an array at depth 1 of a pretty document
/// (`[`, each on its own line at depth 2, `]`), exactly as serde_json's pretty printer
/// does, serialising chunks of them in parallel and writing them in order.
fn write_array<T: Serialize>(
    w: &mut impl io::Write,
    n: usize,
    element: impl Fn(usize) -> T + Sync,
) -> io::Result<()> {
    write_items(w, 1, n, |_: &mut (), i, buf| {
        write_pretty_at(buf, 2, &element(i))
    })
}

/// Write `value` as serde_json's pretty printer does at `depth` of a document (its
/// inner lines indented two spaces a level from there), appending to `buf`.
pub fn write_pretty_at<T: Serialize + ?Sized>(
    buf: &mut Vec<u8>,
    depth: usize,
    value: &T,
) -> io::Result<()> {
    let pretty = Pretty {
        depth,
        ..Pretty::default()
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut *buf, pretty);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Write `n` items as a pretty array whose brackets are at `depth` (`[`, each item on
/// its own line at `depth + 1`, `]`; `[]` when empty), as serde_json's pretty printer
/// lays one out: `item(scratch, i, buf)` appends item i's value, laid out for
/// `depth + 1`. Chunks of items are made in parallel (each chunk with a `scratch` of
/// its own) and written in order, a round of chunks held at a time.
pub fn write_items<S: Default + Send>(
    w: &mut (impl io::Write + ?Sized),
    depth: usize,
    n: usize,
    item: impl Fn(&mut S, usize, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let chunks: Vec<(usize, usize)> = (0..n)
        .step_by(CHUNK)
        .map(|s| (s, (s + CHUNK).min(n)))
        .collect();
    write_chunks(w, depth, &chunks, item)
}

/// [`write_items`] in the chunks given (consecutive ranges of item numbers from 0,
/// cut where the caller knows the items' sizes: a round's bytes are held at once).
pub fn write_chunks<S: Default + Send>(
    w: &mut (impl io::Write + ?Sized),
    depth: usize,
    chunks: &[(usize, usize)],
    item: impl Fn(&mut S, usize, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    if chunks.iter().all(|&(s, e)| s == e) {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let mut open = b",\n".to_vec();
    open.resize(2 + 2 * (depth + 1), b' ');
    // The same buffers for every round: fresh ones would be fresh pages, each zeroed.
    let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); ROUND];
    for round in chunks.chunks(ROUND) {
        let done: Vec<io::Result<()>> = bufs
            .par_iter_mut()
            .zip(round.par_iter())
            .map(|(buf, &(s, e))| {
                buf.clear();
                let mut scratch = S::default();
                for i in s..e {
                    buf.extend_from_slice(if i == 0 { &open[1..] } else { &open });
                    item(&mut scratch, i, buf)?;
                }
                Ok(())
            })
            .collect();
        for (buf, done) in bufs.iter().zip(done) {
            done?;
            w.write_all(buf)?;
        }
    }
    w.write_all(&open[1..2 + 2 * depth])?;
    w.write_all(b"]")
}

pub(crate) fn node_json(n: &Node) -> NodeJson {
    let (origin, confidence) = origin_str(n.origin);
    let mut j = NodeJson {
        id: n.id.to_string(),
        kind: n.kind,
        label: n.label.to_string(),
        origin,
        confidence,
        subkind: None,
        date: None,
        url: None,
        aliases: vec![],
        description: None,
        roles: vec![],
        evidence: None,
        claim_kind: None,
        speaker: None,
        hedged: false,
    };
    match &n.data {
        NodeData::Article {
            title: _,
            date,
            url,
        } => {
            j.date = Some(DateJson {
                value: date.value,
                precision: date.value.precision().as_str().into(),
                provenance: Some(date.provenance),
                evidence: date.evidence.clone(),
                reasoning: date.reasoning.clone(),
            });
            j.url = url.clone();
        }
        NodeData::Entity {
            subkind,
            aliases,
            description,
            date,
            roles,
        } => {
            j.subkind = Some(subkind.clone());
            j.aliases = aliases.clone();
            j.description = description.clone();
            j.date = date.map(date_json);
            j.roles = roles.iter().map(RoleJson::from).collect();
        }
        NodeData::Claim {
            text: _,
            evidence,
            claim_kind,
            speaker,
            hedged,
            date,
        } => {
            j.evidence = Some(ev(evidence));
            j.claim_kind = Some(*claim_kind);
            j.speaker = speaker.clone();
            j.hedged = *hedged;
            j.date = date.map(date_json);
        }
    }
    j
}

/// Write the graph as pretty JSON with a final newline: [`GraphJson`] as serde_json's
/// pretty printer writes it, byte for byte, made one node and one edge at a time (the
/// whole export would be as large as the file), chunks of them serialised in parallel.
pub fn write_json(g: &LevelGraph, w: &mut impl io::Write) -> io::Result<()> {
    write_head(g, w)?;
    write_array(w, g.node_count(), |i| {
        node_json(&g.graph[petgraph::graph::NodeIndex::new(i)])
    })?;
    w.write_all(b",\n  \"edges\": ")?;
    let repeats = edge_repeats(g);
    write_array(w, g.edge_count(), |i| {
        edge_out(g, petgraph::graph::EdgeIndex::new(i), repeats[i])
    })?;
    w.write_all(b"\n}\n")
}

/// The document up to the nodes array: `{`, the schema, version and digest, and the
/// key `"nodes": `.
pub(crate) fn write_head(g: &LevelGraph, w: &mut (impl io::Write + ?Sized)) -> io::Result<()> {
    w.write_all(b"{\n  \"schema\": ")?;
    write_pretty(&mut *w, SCHEMA)?;
    w.write_all(b",\n  \"version\": ")?;
    write_pretty(&mut *w, &VERSION)?;
    w.write_all(b",\n  \"digest\": ")?;
    write_pretty(&mut *w, &g.digest)?;
    w.write_all(b",\n  \"nodes\": ")
}

/// Write `value` as serde_json's `to_writer_pretty` does, byte for byte, faster: each
/// line break and its indentation is one write, not one per level. (A hub's answer
/// is tens of megabytes of JSON, most of it indentation and keys.)
pub fn write_pretty<W: io::Write, T: serde::Serialize + ?Sized>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Pretty::default());
    value.serialize(&mut ser)
}

/// Write `value` pretty-printed, except that every array or object opened at depth
/// `flat_at` or deeper is written compact (the document's own array or object opens
/// depth 1, each one inside it one more): the records of an array opened at depth
/// `flat_at - 1` come one a line, each as serde_json's compact writer lays it out. The layout of documents of millions of records, whose
/// pretty-printing would be mostly indentation.
pub fn write_layered<W: io::Write, T: serde::Serialize + ?Sized>(
    w: W,
    value: &T,
    flat_at: usize,
) -> serde_json::Result<()> {
    let pretty = Pretty {
        flat_at,
        ..Pretty::default()
    };
    let mut ser = serde_json::Serializer::with_formatter(w, pretty);
    value.serialize(&mut ser)
}

/// serde_json's pretty formatter (two spaces a level), writing a line break and its
/// indentation at once; compact inside containers at depth `flat_at` or deeper (0:
/// pretty throughout).
#[derive(Debug, Default)]
pub(crate) struct Pretty {
    depth: usize,
    has_value: bool,
    flat_at: usize,
}

impl Pretty {
    /// A line break (after a comma unless `first`) and the indentation of the depth.
    fn new_line<W: ?Sized + io::Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        const SPACES: &[u8] =
            b",\n                                                                ";
        let start = if first { 1 } else { 0 };
        let end = 2 + 2 * self.depth;
        if end <= SPACES.len() {
            w.write_all(&SPACES[start..end])
        } else {
            w.write_all(&SPACES[start..2])?;
            for _ in 0..self.depth {
                w.write_all(b"  ")?;
            }
            Ok(())
        }
    }
}

impl Pretty {
    /// Open an array or object.
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Close an array or object: on a line of its own if it held anything (and is
    /// not laid out flat).
    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let flat = self.flat();
        self.depth -= 1;
        if self.has_value && !flat {
            self.new_line(w, true)?;
        }
        w.write_all(bracket)
    }

    /// Whether the container being written is laid out compact.
    fn flat(&self) -> bool {
        self.flat_at != 0 && self.depth >= self.flat_at
    }

    /// Before an item or a key: a line break and indentation, or a comma when flat.
    fn item<W: ?Sized + io::Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        if !self.flat() {
            self.new_line(w, first)
        } else if first {
            Ok(())
        } else {
            w.write_all(b",")
        }
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.flat() { b":" } else { b": " })
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::graph::Edge;
    use crate::ArticleDate;

    fn pretty(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, v).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn layered_json_is_pretty_above_its_depth_and_compact_from_it() {
        let v = serde_json::json!({
            "schema": "x",
            "windows": [{"from": "2020", "edges": [{"a": [1, 2], "b": {"c": []}}, {}], "none": []}],
            "empty": {}
        });
        let mut out = Vec::new();
        write_layered(&mut out, &v, 5).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "{\n  \"empty\": {},\n  \"schema\": \"x\",\n  \"windows\": [\n    {\n      \"edges\": [\n        {\"a\":[1,2],\"b\":{\"c\":[]}},\n        {}\n      ],\n      \"from\": \"2020\",\n      \"none\": []\n    }\n  ]\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
        // flat_at 0 is pretty throughout
        let mut zero = Vec::new();
        write_layered(&mut zero, &v, 0).unwrap();
        assert_eq!(String::from_utf8(zero).unwrap(), pretty(&v));
    }

    #[test]
    fn write_pretty_is_serde_jsons_pretty_printing() {
        // Empty and nested arrays and objects, strings that need escaping, and a
        // nesting deeper than the prepared indentation.
        let mut deep = serde_json::json!({"leaf": [1, {}, []]});
        for k in 0..40 {
            deep = serde_json::json!({ format!("level {k}"): [deep, "x\n\"y\""] });
        }
        let values = [
            serde_json::json!(null),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[], {}, [[]], {"a": {}}]),
            serde_json::json!({"schema": "levelmap/x", "n": 1.5, "list": ["<&>", "é", "\\"]}),
            deep,
        ];
        for v in &values {
            assert_eq!(pretty(v), serde_json::to_string_pretty(v).unwrap());
        }
    }

    /// A graph of every node kind with more edges than two chunks: parallel edges
    /// (numbered `#2`…), extracted ones with their confidence, notes, stances, and
    /// strings that need escaping.
    pub(crate) fn varied_graph() -> LevelGraph {
        let mut g = LevelGraph::new();
        let date: PartialDate = "2021-09".parse().unwrap();
        for i in 0..40 {
            let (kind, data) = match i % 3 {
                0 => (
                    NodeKind::Article,
                    NodeData::Article {
                        title: format!("title {i}"),
                        date: ArticleDate {
                            value: date,
                            provenance: DateProvenance::Stated,
                            evidence: Some("in \"September\"".into()),
                            reasoning: None,
                        },
                        url: Some(format!("https://example.org/{i}")),
                    },
                ),
                1 => (
                    NodeKind::Actor,
                    NodeData::Entity {
                        subkind: "person".into(),
                        aliases: vec![format!("alias {i}")],
                        description: None,
                        date: None,
                        roles: vec![],
                    },
                ),
                _ => (
                    NodeKind::Claim,
                    NodeData::Claim {
                        text: format!("claim <{i}>").into(),
                        evidence: Evidence {
                            article: "a0".into(),
                            quote: "q\u{1}".into(),
                        },
                        claim_kind: ClaimKind::ALL[i % ClaimKind::ALL.len()],
                        speaker: None,
                        hedged: i % 2 == 0,
                        date: Some(date),
                    },
                ),
            };
            g.add_node(Node {
                id: format!("{}:n{i}", kind.as_str()).into(),
                kind,
                label: format!("label é {i}").into(),
                data,
                origin: if i % 5 == 0 {
                    Origin::Extracted(0.5)
                } else {
                    Origin::Curated
                },
            });
        }
        let ids: Vec<String> = g.ids().map(str::to_string).collect();
        for k in 0..(2 * CHUNK + 123) {
            let origin = [Origin::Extracted(0.25), Origin::Curated, Origin::Derived][k % 3];
            let edge = Edge {
                kind: EdgeKind::ALL[k % EdgeKind::ALL.len()],
                evidence: Evidence {
                    article: "a \"quoted\" stem".into(),
                    quote: format!("line\nbreak {k} <&>").into(),
                },
                stance: (k % 4 == 0).then_some(Stance::ALL[k % Stance::ALL.len()]),
                note: (k % 7 == 1).then(|| "a note\t".to_string()),
                origin,
            };
            // Few pairs of nodes, so that many edges are parallel.
            assert!(g.add_edge(&ids[k % 7], &ids[(k / 7) % 5 + 10], edge));
        }
        g
    }

    #[test]
    fn write_json_is_the_export_structs_pretty_printed() {
        let g = varied_graph();
        let numbered = to_export(&g).edges.iter().any(|e| e.id.ends_with("#3"));
        assert!(numbered, "some edges are numbered #2 or more");
        for g in [&g, &LevelGraph::new()] {
            let mut out = Vec::new();
            write_json(g, &mut out).unwrap();
            let expected = serde_json::to_string_pretty(&to_export(g)).unwrap() + "\n";
            assert!(
                out == expected.as_bytes(),
                "write_json differs from the export structs"
            );
        }
    }
}
