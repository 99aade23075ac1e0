//! The graph as columns: one `Values` per column of each table in `schema`, in the
//! graph's node and edge order, text borrowed from the graph where it can be.

use std::borrow::Cow;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, Node, NodeData};
use levelmap_model::{EdgeKind, Evidence, Origin};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;

/// One column's values, a row each; `None` is null.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Values<'g> {
    /// Text.
    Utf8(Vec<Option<Cow<'g, str>>>),
    /// Days since 1970-01-01.
    Date(Vec<Option<i32>>),
    /// Floats.
    Float64(Vec<Option<f64>>),
    /// Booleans.
    Bool(Vec<Option<bool>>),
}

impl Values<'_> {
    /// How many rows.
    pub(crate) fn len(&self) -> usize {
        match self {
            Values::Utf8(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Float64(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }
}

fn origin(o: Origin) -> (&'static str, Option<f64>) {
    match o {
        Origin::Curated => ("curated", None),
        Origin::Derived => ("derived", None),
        Origin::Extracted(c) => ("extracted", Some(c)),
    }
}

/// Days since 1970-01-01 as Parquet's DATE; every `PartialDate` (years 1 to 9999) fits.
fn day(days: i64) -> i32 {
    i32::try_from(days).expect("years 1 to 9999 fit in 32-bit days")
}

fn borrowed(s: &str) -> Option<Cow<'_, str>> {
    Some(Cow::Borrowed(s))
}

fn owned<'g>(s: String) -> Option<Cow<'g, str>> {
    Some(Cow::Owned(s))
}

/// The columns of `nodes`, in `schema::NODES` order.
pub(crate) fn nodes(g: &LevelGraph) -> Vec<Values<'_>> {
    let n = g.node_count();
    let text = || Vec::with_capacity(n);
    let (mut id, mut kind, mut label, mut org, mut subkind) =
        (text(), text(), text(), text(), text());
    let mut confidence = Vec::with_capacity(n);
    let (mut date, mut precision, mut provenance, mut url, mut description) =
        (text(), text(), text(), text(), text());
    let (mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut article, mut claim_kind, mut speaker) = (text(), text(), text());
    let mut hedged = Vec::with_capacity(n);
    for node in g.graph.node_weights() {
        let (o, c) = origin(node.origin);
        id.push(borrowed(&node.id));
        kind.push(borrowed(node.kind.as_str()));
        label.push(borrowed(&node.label));
        org.push(borrowed(o));
        confidence.push(c);
        subkind.push(node.subkind().map(Cow::Borrowed));
        let d = node.date();
        date.push(d.map(|d| Cow::Owned(d.to_string())));
        precision.push(d.map(|d| Cow::Borrowed(d.precision().as_str())));
        start.push(d.map(|d| day(d.start_days())));
        end.push(d.map(|d| day(d.end_days() - 1)));
        let k = kind_specific(node);
        provenance.push(k.provenance);
        url.push(k.url);
        description.push(k.description);
        article.push(k.article);
        claim_kind.push(k.claim_kind);
        speaker.push(k.speaker);
        hedged.push(k.hedged);
    }
    vec![
        Values::Utf8(id),
        Values::Utf8(kind),
        Values::Utf8(label),
        Values::Utf8(org),
        Values::Float64(confidence),
        Values::Utf8(subkind),
        Values::Utf8(date),
        Values::Utf8(precision),
        Values::Date(start),
        Values::Date(end),
        Values::Utf8(provenance),
        Values::Utf8(url),
        Values::Utf8(description),
        Values::Utf8(article),
        Values::Utf8(claim_kind),
        Values::Utf8(speaker),
        Values::Bool(hedged),
    ]
}

/// The columns only some kinds of node fill.
#[derive(Default)]
struct KindSpecific<'g> {
    provenance: Option<Cow<'g, str>>,
    url: Option<Cow<'g, str>>,
    description: Option<Cow<'g, str>>,
    article: Option<Cow<'g, str>>,
    claim_kind: Option<Cow<'g, str>>,
    speaker: Option<Cow<'g, str>>,
    hedged: Option<bool>,
}

fn kind_specific(node: &Node) -> KindSpecific<'_> {
    match &node.data {
        NodeData::Article { date, url, .. } => KindSpecific {
            provenance: borrowed(date.provenance.as_str()),
            url: url.as_deref().map(Cow::Borrowed),
            article: node.id.strip_prefix("article:").map(Cow::Borrowed),
            ..Default::default()
        },
        NodeData::Entity { description, .. } => KindSpecific {
            description: description.as_deref().map(Cow::Borrowed),
            ..Default::default()
        },
        NodeData::Claim {
            evidence,
            claim_kind,
            speaker,
            hedged,
            ..
        } => KindSpecific {
            article: borrowed(&evidence.article),
            claim_kind: borrowed(claim_kind.as_str()),
            speaker: speaker.as_deref().map(Cow::Borrowed),
            hedged: Some(*hedged),
            ..Default::default()
        },
    }
}

/// Every edge's id, as `LevelGraph::edge_id` gives it, in one pass: the n-th edge of a
/// (source, target, kind) in index order is `#n` from the second on. A graph's edges
/// are sorted by (source, target, kind), so such edges are neighbours and the run is
/// counted; a graph in another order is counted with a map.
pub(crate) fn edge_ids(g: &LevelGraph) -> Vec<String> {
    let key = |e: petgraph::graph::EdgeReference<'_, levelmap_model::graph::Edge>| {
        (
            e.source().index() as u32,
            e.target().index() as u32,
            e.weight().kind,
        )
    };
    let sorted = g.graph.edge_references().map(key).is_sorted();
    let mut seen: FxHashMap<(u32, u32, EdgeKind), usize> = FxHashMap::default();
    let mut last = None;
    g.graph
        .edge_references()
        .map(|e| {
            let k = key(e);
            let n = if sorted {
                let n = match last {
                    Some((l, n)) if l == k => n + 1,
                    _ => 1,
                };
                last = Some((k, n));
                n
            } else {
                let n = seen.entry(k).or_insert(0);
                *n += 1;
                *n
            };
            let (from, kind, to) = (
                &g.graph[e.source()].id,
                k.2.as_str(),
                &g.graph[e.target()].id,
            );
            let mut id = String::with_capacity(from.len() + kind.len() + to.len() + 6);
            id.push_str(from);
            id.push('-');
            id.push_str(kind);
            id.push_str("->");
            id.push_str(to);
            if n > 1 {
                id.push('#');
                id.push_str(&n.to_string());
            }
            id
        })
        .collect()
}

/// The columns of `edges`, in `schema::EDGES` order.
pub(crate) fn edges<'g>(g: &'g LevelGraph, ids: &'g [String]) -> Vec<Values<'g>> {
    let n = g.edge_count();
    let text = || Vec::with_capacity(n);
    let (mut kind, mut source, mut target, mut stance) = (text(), text(), text(), text());
    let (mut article, mut org, mut note) = (text(), text(), text());
    let mut confidence = Vec::with_capacity(n);
    for e in g.graph.edge_references() {
        let w = e.weight();
        let (o, c) = origin(w.origin);
        kind.push(borrowed(w.kind.as_str()));
        source.push(borrowed(&g.graph[e.source()].id));
        target.push(borrowed(&g.graph[e.target()].id));
        stance.push(w.stance.map(|s| Cow::Borrowed(s.as_str())));
        article.push(borrowed(&w.evidence.article));
        org.push(borrowed(o));
        confidence.push(c);
        note.push(w.note.as_deref().map(Cow::Borrowed));
    }
    vec![
        Values::Utf8(ids.iter().map(|s| borrowed(s)).collect()),
        Values::Utf8(kind),
        Values::Utf8(source),
        Values::Utf8(target),
        Values::Utf8(stance),
        Values::Utf8(article),
        Values::Utf8(org),
        Values::Float64(confidence),
        Values::Utf8(note),
    ]
}

/// The columns of `evidence`, in `schema::EVIDENCE` order: every edge's quote (in edge
/// order), then every claim's (in node order).
pub(crate) fn evidence<'g>(g: &'g LevelGraph, edge_ids: &'g [String]) -> Vec<Values<'g>> {
    let quotes: Vec<(&'static str, &str, &Evidence)> = edge_ids
        .iter()
        .zip(g.graph.edge_weights())
        .map(|(id, w)| ("edge", id.as_str(), &w.evidence))
        .chain(g.graph.node_weights().filter_map(|n| match &n.data {
            NodeData::Claim { evidence, .. } => Some(("node", n.id.as_ref(), evidence)),
            _ => None,
        }))
        .collect();
    let mut dates: FxHashMap<&str, Option<PartialDate>> = FxHashMap::default();
    let mut date_of = |stem: &'g str| {
        *dates
            .entry(stem)
            .or_insert_with(|| g.find_article(stem).and_then(|i| g.node(i).date()))
    };
    let n = quotes.len();
    let text = || Vec::with_capacity(n);
    let (mut owner, mut owner_id, mut article, mut date, mut quote) =
        (text(), text(), text(), text(), text());
    let mut start = Vec::with_capacity(n);
    for (what, id, ev) in quotes {
        let d = date_of(&ev.article);
        owner.push(borrowed(what));
        owner_id.push(borrowed(id));
        article.push(borrowed(&ev.article));
        date.push(d.map(|d| d.to_string()).and_then(owned));
        start.push(d.map(|d| day(d.start_days())));
        quote.push(borrowed(&ev.quote));
    }
    vec![
        Values::Utf8(owner),
        Values::Utf8(owner_id),
        Values::Utf8(article),
        Values::Utf8(date),
        Values::Date(start),
        Values::Utf8(quote),
    ]
}
