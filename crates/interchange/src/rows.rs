//! What GraphML, GEXF and CSV write, one node or edge at a time: the [`Rows`] a writer
//! walks, from an [`Exchange`] (an actor network) or straight from the argument graph
//! ([`GraphRows`]), which never builds the whole exchange: each node's and edge's
//! attributes are borrowed from the graph as it is written, in the order the keys are
//! declared, so a writer streams a document of any size in constant memory.
//!
//! [`GraphRows`] writes exactly what [`from_graph`](crate::from_graph) gives
//! (`graph_rows_write_the_bytes_of_the_exchange` checks it byte for byte).

use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use rayon::prelude::*;

use levelmap_model::date::PartialDate;
use levelmap_model::exchange::{AttrKey, Exchange, Value};
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{EdgeKind, NodeKind, Origin};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;

use crate::InterchangeError;

/// An attribute value, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Val<'a> {
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl<'a> From<&'a Value> for Val<'a> {
    fn from(v: &'a Value) -> Self {
        match v {
            Value::Text(s) => Val::Text(s),
            Value::Int(i) => Val::Int(*i),
            Value::Float(f) => Val::Float(*f),
            Value::Bool(b) => Val::Bool(*b),
        }
    }
}

/// One node: `attrs[i]` is the value of the i-th declared node key, if it has one.
pub(crate) struct NodeRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) label: &'a str,
    pub(crate) start: Option<PartialDate>,
    pub(crate) attrs: &'a [Option<Val<'a>>],
}

/// One edge: `attrs[i]` is the value of the i-th declared edge key, if it has one.
pub(crate) struct EdgeRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) source: &'a str,
    pub(crate) target: &'a str,
    pub(crate) label: &'a str,
    pub(crate) weight: f64,
    pub(crate) start: Option<PartialDate>,
    pub(crate) attrs: &'a [Option<Val<'a>>],
}

/// A graph as the exchange writers walk it.
pub(crate) trait Rows {
    fn name(&self) -> &str;
    fn directed(&self) -> bool;
    fn node_keys(&self) -> &[AttrKey];
    fn edge_keys(&self) -> &[AttrKey];
    fn node_count(&self) -> usize;
    fn edge_count(&self) -> usize;
    /// Every rule a writer relies on, checked before anything is written.
    fn check(&self) -> Result<(), InterchangeError>;
    /// Each node in order.
    fn each_node(
        &self,
        f: &mut dyn FnMut(&NodeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError>;
    /// Each edge in order.
    fn each_edge(
        &self,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError>;
    /// The edges in `range` (of `0..edge_count()`), in order, as `each_edge` gives
    /// them: Some when any range can be walked on its own, on any thread; None when
    /// the edges come only in one pass from the first (the whole graph numbers its
    /// edge ids as it meets them).
    fn each_edge_in(
        &self,
        _range: Range<usize>,
        _f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Option<Result<(), InterchangeError>> {
        None
    }
}

/// `x` checked, then written by `body` through a buffer of its own (whose writes
/// inline, whatever `w` is), its edges a chunk of [`EDGE_CHUNK`] at a time.
pub(crate) fn write_document<R: Rows + Sync, W: Write>(
    x: &R,
    w: &mut W,
    body: impl FnOnce(&R, &mut std::io::BufWriter<&mut W>, usize) -> Result<(), InterchangeError>,
) -> Result<(), InterchangeError> {
    x.check()?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    body(x, &mut w, EDGE_CHUNK)?;
    w.flush()?;
    Ok(())
}

/// How a format writes one edge, into any writer.
pub(crate) trait EdgeWriter: Sync {
    fn edge<W: Write>(&self, w: &mut W, e: &EdgeRow<'_>) -> std::io::Result<()>;
}

/// Edges formatted a chunk at a time on every core ([`write_edges`]).
const EDGE_CHUNK: usize = 4096;

/// Every edge of `x` written to `w` by `writer`, in order. When the rows can be
/// walked by range ([`Rows::each_edge_in`]) and there is more than one `chunk` of
/// edges, the chunks are formatted on every core, each into a buffer of its own, and
/// written in order: the same bytes as one pass.
pub(crate) fn write_edges<R: Rows + Sync>(
    x: &R,
    w: &mut impl Write,
    chunk: usize,
    writer: &impl EdgeWriter,
) -> Result<(), InterchangeError> {
    let n = x.edge_count();
    let chunk = chunk.max(1);
    if n <= chunk || x.each_edge_in(0..0, &mut |_| Ok(())).is_none() {
        return x.each_edge(&mut |e| Ok(writer.edge(w, e)?));
    }
    let ranges: Vec<Range<usize>> = (0..n)
        .step_by(chunk)
        .map(|s| s..(s + chunk).min(n))
        .collect();
    let batch = 2 * rayon::current_num_threads().max(1);
    let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); batch];
    for group in ranges.chunks(batch) {
        let done: Vec<Result<(), InterchangeError>> = bufs[..group.len()]
            .par_iter_mut()
            .zip(group)
            .map(|(buf, range)| {
                buf.clear();
                let mut each = |e: &EdgeRow<'_>| Ok(writer.edge(buf, e)?);
                match x.each_edge_in(range.clone(), &mut each) {
                    Some(done) => done,
                    None => unreachable!("rows that walk the empty range walk any range"),
                }
            })
            .collect();
        for (buf, result) in bufs.iter().zip(done) {
            result?;
            w.write_all(buf)?;
        }
    }
    Ok(())
}

/// The values of `attrs` in the order of `keys` (undeclared ones are refused by the
/// check before any writing).
fn in_key_order<'a>(
    keys: &[AttrKey],
    attrs: &'a std::collections::BTreeMap<String, Value>,
    out: &mut Vec<Option<Val<'a>>>,
) {
    out.clear();
    out.extend(keys.iter().map(|k| attrs.get(&k.name).map(Val::from)));
}

impl Rows for Exchange {
    fn name(&self) -> &str {
        &self.name
    }
    fn directed(&self) -> bool {
        self.directed
    }
    fn node_keys(&self) -> &[AttrKey] {
        &self.node_keys
    }
    fn edge_keys(&self) -> &[AttrKey] {
        &self.edge_keys
    }
    fn node_count(&self) -> usize {
        self.nodes.len()
    }
    fn edge_count(&self) -> usize {
        self.edges.len()
    }
    fn check(&self) -> Result<(), InterchangeError> {
        crate::check(self)
    }
    fn each_node(
        &self,
        f: &mut dyn FnMut(&NodeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        let mut attrs = Vec::new();
        for n in &self.nodes {
            in_key_order(&self.node_keys, &n.attrs, &mut attrs);
            f(&NodeRow {
                id: &n.id,
                label: &n.label,
                start: n.start,
                attrs: &attrs,
            })?;
        }
        Ok(())
    }
    fn each_edge(
        &self,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        exchange_edges_in(self, 0..self.edges.len(), f)
    }
    fn each_edge_in(
        &self,
        range: Range<usize>,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Option<Result<(), InterchangeError>> {
        Some(exchange_edges_in(self, range, f))
    }
}

/// The edges of an exchange in `range`, in order, as rows.
fn exchange_edges_in(
    x: &Exchange,
    range: Range<usize>,
    f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
) -> Result<(), InterchangeError> {
    let mut attrs = Vec::new();
    for e in &x.edges[range] {
        in_key_order(&x.edge_keys, &e.attrs, &mut attrs);
        f(&EdgeRow {
            id: &e.id,
            source: &e.source,
            target: &e.target,
            label: &e.label,
            weight: e.weight,
            start: e.start,
            attrs: &attrs,
        })?;
    }
    Ok(())
}

/// The dates of the articles evidence names, looked up once per article (an edge's
/// evidence date is its article's date, `LevelGraph::evidence_date`).
pub(crate) struct ArticleDates<'g> {
    g: &'g LevelGraph,
    dates: FxHashMap<&'g str, Option<PartialDate>>,
}

impl<'g> ArticleDates<'g> {
    pub(crate) fn new(g: &'g LevelGraph) -> Self {
        ArticleDates {
            g,
            dates: FxHashMap::default(),
        }
    }

    /// `g.evidence_date(e)`, remembered per article.
    pub(crate) fn of(&mut self, e: &'g Edge) -> Option<PartialDate> {
        let g = self.g;
        *self
            .dates
            .entry(&e.evidence.article)
            .or_insert_with(|| g.evidence_date(e))
    }
}

/// When each node is first evidenced, by node index (see `from_graph`'s module
/// comment), and each edge's evidence date, by edge index.
pub(crate) fn starts(g: &LevelGraph) -> (Vec<Option<PartialDate>>, Vec<Option<PartialDate>>) {
    let gr = &g.graph;
    let mut dates = ArticleDates::new(g);
    let evidenced: Vec<Option<PartialDate>> = gr.edge_weights().map(|w| dates.of(w)).collect();
    let mut starts: Vec<Option<PartialDate>> = gr
        .node_weights()
        .map(|n| match n.kind {
            NodeKind::Article | NodeKind::Claim => n.date(),
            _ => None,
        })
        .collect();
    let mut earliest: Vec<Option<PartialDate>> = vec![None; gr.node_count()];
    for e in gr.edge_references() {
        let Some(d) = evidenced[e.id().index()] else {
            continue;
        };
        for end in [e.source(), e.target()] {
            let slot = &mut earliest[end.index()];
            *slot = Some(slot.map_or(d, |s| s.min(d)));
        }
    }
    for (i, n) in gr.node_weights().enumerate() {
        if starts[i].is_none() {
            starts[i] = earliest[i].or(n.date());
        }
    }
    (starts, evidenced)
}

/// Edge ids as `LevelGraph::edge_id` gives them, in one pass over the edges in index
/// order: the n-th edge joining the same two nodes with the same kind gets `#n` from
/// the second on. A graph's edges are sorted by (source, target, kind), so such edges
/// are neighbours and a count of the run does; a graph in another order (a
/// hand-written graph.json) is counted with a map.
pub(crate) struct EdgeIds {
    seen: Option<FxHashMap<(u32, u32, EdgeKind), u32>>,
    last: Option<((u32, u32, EdgeKind), u32)>,
}

fn edge_key(e: petgraph::graph::EdgeReference<'_, Edge>) -> (u32, u32, EdgeKind) {
    (
        e.source().index() as u32,
        e.target().index() as u32,
        e.weight().kind,
    )
}

impl EdgeIds {
    pub(crate) fn new(g: &LevelGraph) -> Self {
        let grouped = g.graph.edge_references().map(edge_key).is_sorted();
        EdgeIds {
            seen: (!grouped).then(FxHashMap::default),
            last: None,
        }
    }

    /// The next edge's id into `out` (cleared first).
    pub(crate) fn next(
        &mut self,
        e: petgraph::graph::EdgeReference<'_, Edge>,
        g: &LevelGraph,
        out: &mut String,
    ) {
        let n = self.count(e);
        out.clear();
        out.push_str(&g.graph[e.source()].id);
        out.push('-');
        out.push_str(e.weight().kind.as_str());
        out.push_str("->");
        out.push_str(&g.graph[e.target()].id);
        if n > 1 {
            out.push('#');
            out.push_str(&n.to_string());
        }
    }

    /// Counts the next edge: it is the n-th joining its two nodes with its kind.
    pub(crate) fn count(&mut self, e: petgraph::graph::EdgeReference<'_, Edge>) -> u32 {
        let key = edge_key(e);
        match &mut self.seen {
            Some(seen) => {
                let n = seen.entry(key).or_insert(0);
                *n += 1;
                *n
            }
            None => {
                let n = match self.last {
                    Some((k, n)) if k == key => n + 1,
                    _ => 1,
                };
                self.last = Some((key, n));
                n
            }
        }
    }
}

/// `d` as `PartialDate`'s `Display` writes it (`2021`, `2021-09`, `2021-09-14`),
/// into `out`, without the formatting machinery for the usual four-digit years.
pub(crate) fn push_date(out: &mut String, d: PartialDate) {
    let y = d.year_num();
    if !(0..=9999).contains(&y) {
        let _ = write!(out, "{d}");
        return;
    }
    let y = y as u16;
    let digit = |n: u16| char::from(b'0' + n as u8);
    for p in [1000, 100, 10, 1] {
        out.push(digit(y / p % 10));
    }
    for part in [d.month_num(), d.day_num()].into_iter().map_while(|p| p) {
        out.push('-');
        out.push(digit(u16::from(part) / 10 % 10));
        out.push(digit(u16::from(part) % 10));
    }
}

/// The origin's name and, for an extracted item, its confidence.
pub(crate) fn origin(o: Origin) -> (&'static str, Option<f64>) {
    match o {
        Origin::Curated => ("curated", None),
        Origin::Derived => ("derived", None),
        Origin::Extracted(c) => ("extracted", Some(c)),
    }
}

/// The argument graph as [`Rows`], with `from_graph`'s keys and values.
pub(crate) struct GraphRows<'g> {
    g: &'g LevelGraph,
    node_keys: Vec<AttrKey>,
    edge_keys: Vec<AttrKey>,
    /// When each node is first evidenced, by index.
    starts: Vec<Option<PartialDate>>,
    /// Each edge's evidence date, by index.
    evidenced: Vec<Option<PartialDate>>,
}

impl<'g> GraphRows<'g> {
    pub(crate) fn new(g: &'g LevelGraph) -> Self {
        let (starts, evidenced) = starts(g);
        GraphRows {
            g,
            node_keys: crate::from_graph::node_keys(),
            edge_keys: crate::from_graph::edge_keys(),
            starts,
            evidenced,
        }
    }
}

// Positions of the keys in `from_graph::node_keys` and `edge_keys`.
const N_KIND: usize = 0;
const N_SUBKIND: usize = 1;
const N_DATE: usize = 2;
const N_PRECISION: usize = 3;
const N_ORIGIN: usize = 4;
const N_CONFIDENCE: usize = 5;
const N_ARTICLE: usize = 6;
const N_QUOTE: usize = 7;
const N_SPEAKER: usize = 8;
const N_HEDGED: usize = 9;
const N_URL: usize = 10;
const E_KIND: usize = 0;
const E_STANCE: usize = 1;
const E_DATE: usize = 2;
const E_ORIGIN: usize = 3;
const E_CONFIDENCE: usize = 4;
const E_ARTICLE: usize = 5;
const E_QUOTE: usize = 6;
const E_NOTE: usize = 7;

/// A node's attributes, as `from_graph` puts them, by key position.
fn node_values<'a>(n: &'a Node, date: &'a str) -> [Option<Val<'a>>; 11] {
    let mut out = [None; 11];
    out[N_KIND] = Some(Val::Text(n.kind.as_str()));
    if let Some(d) = n.date() {
        out[N_DATE] = Some(Val::Text(date));
        out[N_PRECISION] = Some(Val::Text(d.precision().as_str()));
    }
    let (o, c) = origin(n.origin);
    out[N_ORIGIN] = Some(Val::Text(o));
    out[N_CONFIDENCE] = c.map(Val::Float);
    match &n.data {
        NodeData::Article { url, .. } => out[N_URL] = url.as_deref().map(Val::Text),
        NodeData::Entity { subkind, .. } => out[N_SUBKIND] = Some(Val::Text(subkind)),
        NodeData::Claim {
            evidence,
            claim_kind,
            speaker,
            hedged,
            ..
        } => {
            out[N_SUBKIND] = Some(Val::Text(claim_kind.as_str()));
            out[N_ARTICLE] = Some(Val::Text(&evidence.article));
            out[N_QUOTE] = Some(Val::Text(&evidence.quote));
            out[N_SPEAKER] = speaker.as_deref().map(Val::Text);
            out[N_HEDGED] = Some(Val::Bool(*hedged));
        }
    }
    out
}

/// An edge's attributes, as `from_graph` puts them, by key position.
fn edge_values<'a>(w: &'a Edge, date: Option<&'a str>) -> [Option<Val<'a>>; 8] {
    let mut out = [None; 8];
    out[E_KIND] = Some(Val::Text(w.kind.as_str()));
    out[E_STANCE] = w.stance.map(|s| Val::Text(s.as_str()));
    out[E_DATE] = date.map(Val::Text);
    let (o, c) = origin(w.origin);
    out[E_ORIGIN] = Some(Val::Text(o));
    out[E_CONFIDENCE] = c.map(Val::Float);
    out[E_ARTICLE] = Some(Val::Text(&w.evidence.article));
    out[E_QUOTE] = Some(Val::Text(&w.evidence.quote));
    out[E_NOTE] = w.note.as_deref().map(Val::Text);
    out
}

impl Rows for GraphRows<'_> {
    fn name(&self) -> &str {
        "levelmap"
    }
    fn directed(&self) -> bool {
        true
    }
    fn node_keys(&self) -> &[AttrKey] {
        &self.node_keys
    }
    fn edge_keys(&self) -> &[AttrKey] {
        &self.edge_keys
    }
    fn node_count(&self) -> usize {
        self.g.node_count()
    }
    fn edge_count(&self) -> usize {
        self.g.edge_count()
    }
    /// Node ids are unique in a `LevelGraph` (its id index), edge ids by their
    /// numbering and edges join present nodes; the keys are `from_graph`'s; what is
    /// left is that every confidence is a finite number.
    fn check(&self) -> Result<(), InterchangeError> {
        crate::check_keys(&self.node_keys, &self.edge_keys)?;
        let gr = &self.g.graph;
        for n in gr.node_weights() {
            if let (_, Some(c)) = origin(n.origin) {
                crate::finite("node", &n.id, "confidence", c)?;
            }
        }
        for e in gr.edge_references() {
            match origin(e.weight().origin) {
                (_, Some(c)) if !c.is_finite() => {
                    crate::finite("edge", &self.g.edge_id(e.id()), "confidence", c)?;
                }
                _ => {}
            }
        }
        Ok(())
    }
    fn each_node(
        &self,
        f: &mut dyn FnMut(&NodeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        let starts = &self.starts;
        let mut date = String::new();
        for (i, n) in self.g.graph.node_weights().enumerate() {
            date.clear();
            if let Some(d) = n.date() {
                push_date(&mut date, d);
            }
            let attrs = node_values(n, &date);
            f(&NodeRow {
                id: &n.id,
                label: &n.label,
                start: starts[i],
                attrs: &attrs,
            })?;
        }
        Ok(())
    }
    fn each_edge(
        &self,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        let gr = &self.g.graph;
        let (starts, evidenced) = (&self.starts, &self.evidenced);
        let mut ids = EdgeIds::new(self.g);
        let (mut id, mut date) = (String::new(), String::new());
        for e in gr.edge_references() {
            let (a, b, w) = (e.source(), e.target(), e.weight());
            let (from, to) = (&gr[a], &gr[b]);
            ids.next(e, self.g, &mut id);
            let ev = evidenced[e.id().index()];
            date.clear();
            if let Some(d) = ev {
                push_date(&mut date, d);
            }
            let attrs = edge_values(w, ev.map(|_| date.as_str()));
            let start = [ev, starts[a.index()], starts[b.index()]]
                .into_iter()
                .flatten()
                .max();
            f(&EdgeRow {
                id: &id,
                source: &from.id,
                target: &to.id,
                label: w.kind.as_str(),
                weight: 1.0,
                start,
                attrs: &attrs,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{from_graph, write_csv, write_gexf, write_graph_csv, write_graph_gexf};
    use crate::{write_graph_graphml, write_graphml};

    fn graphs() -> Vec<(&'static str, LevelGraph)> {
        let hostile = levelmap_read::read_corpus(&levelmap_testkit::fixture("hostile"));
        let map = |cycles| {
            levelmap_testkit::map::argument_map(&levelmap_testkit::map::SynthOptions {
                nodes: 600,
                seed: 3,
                cycles,
            })
        };
        vec![
            ("mini", levelmap_testkit::mini()),
            (
                "hostile",
                levelmap_model::graph::build(&hostile.corpus, Default::default()),
            ),
            ("synthetic", map(false)),
            ("synthetic with cycles", map(true)),
        ]
    }

    #[test]
    fn graph_rows_write_the_bytes_of_the_exchange() {
        for (name, g) in graphs() {
            let x = from_graph(&g);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            write_graphml(&x, &mut a).unwrap();
            write_graph_graphml(&g, &mut b).unwrap();
            assert!(a == b, "{name}: GraphML differs");
            let (mut a, mut b) = (Vec::new(), Vec::new());
            write_gexf(&x, &mut a).unwrap();
            write_graph_gexf(&g, &mut b).unwrap();
            assert!(a == b, "{name}: GEXF differs");
            let files = write_csv(&x).unwrap();
            let (mut nodes, mut edges) = (Vec::new(), Vec::new());
            write_graph_csv(&g, &mut nodes, &mut edges).unwrap();
            assert!(
                files.nodes == nodes && files.edges == edges,
                "{name}: CSV differs"
            );
        }
    }

    #[test]
    fn edge_ids_in_one_pass_are_the_graphs_edge_ids_in_any_edge_order() {
        for (name, g) in graphs() {
            let mut ids = EdgeIds::new(&g);
            let mut id = String::new();
            let mut parallel = 0;
            for e in g.graph.edge_references() {
                ids.next(e, &g, &mut id);
                assert_eq!(id, g.edge_id(e.id()), "{name}");
                parallel += usize::from(id.contains('#'));
            }
            if name.starts_with("synthetic") {
                assert!(parallel > 0, "{name}: no parallel edges to number");
            }
        }
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        for s in ["2021", "2021-09", "2021-09-04", "0999-01-31", "1850-12"] {
            let d: PartialDate = s.parse().unwrap();
            let mut out = String::new();
            push_date(&mut out, d);
            assert_eq!(out, d.to_string());
            assert_eq!(
                crate::xml::first_day(d),
                format!(
                    "{:04}-{:02}-{:02}",
                    d.year_num(),
                    d.month_num().unwrap_or(1),
                    d.day_num().unwrap_or(1)
                )
            );
        }
    }
}
