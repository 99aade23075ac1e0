//! The argument graph as an [`Exchange`]: every node and edge with typed attributes
//! (kind, date, stance, origin and confidence, the evidence's article and quote) and
//! the date it is first evidenced as the start of its spell.
//!
//! When is something first evidenced? An article on its date; a claim on its article's
//! date; an actor, policy or event at the earliest evidence of any edge it has (an
//! event without edges at its own date). An edge from the date of its evidence's
//! article, but never before both its ends exist (else Gephi's timeline would show an
//! edge between nodes not yet there).

use std::collections::BTreeMap;

use levelmap_model::date::PartialDate;
use levelmap_model::exchange::{AttrKey, ExEdge, ExNode, Exchange, Value, ValueType};
use levelmap_model::graph::{LevelGraph, Node, NodeData};
use levelmap_model::{NodeKind, Origin};
use petgraph::visit::EdgeRef;

fn key(name: &str, ty: ValueType, doc: &str) -> AttrKey {
    AttrKey {
        name: name.into(),
        ty,
        doc: doc.into(),
    }
}

pub(crate) fn node_keys() -> Vec<AttrKey> {
    use ValueType::*;
    vec![
        key("kind", Text, "node kind: article, actor, policy, claim or event"),
        key("subkind", Text, "an entity's sub-kind (person, party, agenda, election...) or a claim's kind (evaluation...)"),
        key("date", Text, "its own date as written (YYYY, YYYY-MM or YYYY-MM-DD): an article's or event's date, a claim's article's"),
        key("date_precision", Text, "how much of the date is known: year, month or day"),
        key("origin", Text, "curated (written by a person), derived (computed) or extracted (drafted, not reviewed)"),
        key("confidence", Float, "extracted items: the extractor's confidence, 0 to 1"),
        key("evidence_article", Text, "claims: the article (file stem) the quote is from"),
        key("evidence_quote", Text, "claims: the quote, verbatim"),
        key("speaker", Text, "claims: who the article reports saying it (actor id), if not its authors"),
        key("hedged", Bool, "claims: whether the claim is hedged"),
        key("url", Text, "articles: the address"),
    ]
}

pub(crate) fn edge_keys() -> Vec<AttrKey> {
    use ValueType::*;
    vec![
        key(
            "kind",
            Text,
            "edge kind: supports, attacks, echoes, about, proposes, criticises...",
        ),
        key(
            "stance",
            Text,
            "about edges: the claim's stance on the policy (for, against, mixed or neutral)",
        ),
        key(
            "date",
            Text,
            "the date of the article the evidence is from, as written",
        ),
        key("origin", Text, "curated, derived or extracted"),
        key(
            "confidence",
            Float,
            "extracted edges: the extractor's confidence, 0 to 1",
        ),
        key(
            "evidence_article",
            Text,
            "the article (file stem) the quote is from",
        ),
        key("evidence_quote", Text, "the quote, verbatim"),
        key("note", Text, "the curator's note"),
    ]
}

fn text(v: impl Into<String>) -> Value {
    Value::Text(v.into())
}

fn put_origin(attrs: &mut BTreeMap<String, Value>, o: Origin) {
    let (name, conf) = match o {
        Origin::Curated => ("curated", None),
        Origin::Derived => ("derived", None),
        Origin::Extracted(c) => ("extracted", Some(c)),
    };
    attrs.insert("origin".into(), text(name));
    if let Some(c) = conf {
        attrs.insert("confidence".into(), Value::Float(c));
    }
}

fn put_date(attrs: &mut BTreeMap<String, Value>, d: Option<PartialDate>) {
    if let Some(d) = d {
        attrs.insert("date".into(), text(d.to_string()));
        attrs.insert("date_precision".into(), text(d.precision().as_str()));
    }
}

fn node_attrs(n: &Node) -> BTreeMap<String, Value> {
    let mut a = BTreeMap::new();
    a.insert("kind".into(), text(n.kind.to_string()));
    put_date(&mut a, n.date());
    put_origin(&mut a, n.origin);
    match &n.data {
        NodeData::Article { url, .. } => {
            if let Some(u) = url {
                a.insert("url".into(), text(u.clone()));
            }
        }
        NodeData::Entity { subkind, .. } => {
            a.insert("subkind".into(), text(subkind.clone()));
        }
        NodeData::Claim {
            evidence,
            claim_kind,
            speaker,
            hedged,
            ..
        } => {
            a.insert("subkind".into(), text(claim_kind.to_string()));
            a.insert("evidence_article".into(), text(&*evidence.article));
            a.insert("evidence_quote".into(), text(&*evidence.quote));
            if let Some(s) = speaker {
                a.insert("speaker".into(), text(s.clone()));
            }
            a.insert("hedged".into(), Value::Bool(*hedged));
        }
    }
    a
}

/// When each node is first evidenced, by node index (see the module comment).
fn node_starts(g: &LevelGraph) -> Vec<Option<PartialDate>> {
    let gr = &g.graph;
    let mut starts: Vec<Option<PartialDate>> = gr
        .node_indices()
        .map(|i| match gr[i].kind {
            NodeKind::Article | NodeKind::Claim => gr[i].date(),
            _ => None,
        })
        .collect();
    let mut earliest: Vec<Option<PartialDate>> = vec![None; gr.node_count()];
    for e in gr.edge_references() {
        let Some(d) = g.evidence_date(e.weight()) else {
            continue;
        };
        for end in [e.source(), e.target()] {
            let slot = &mut earliest[end.index()];
            *slot = Some(slot.map_or(d, |s| s.min(d)));
        }
    }
    for i in gr.node_indices() {
        if starts[i.index()].is_none() {
            starts[i.index()] = earliest[i.index()].or(gr[i].date());
        }
    }
    starts
}

/// The argument graph as an [`Exchange`] (directed), nodes and edges in graph order.
pub fn from_graph(g: &LevelGraph) -> Exchange {
    let gr = &g.graph;
    let starts = node_starts(g);
    let nodes = gr
        .node_indices()
        .map(|i| ExNode {
            id: gr[i].id.to_string(),
            label: gr[i].label.to_string(),
            start: starts[i.index()],
            attrs: node_attrs(&gr[i]),
        })
        .collect();
    let edges = gr
        .edge_references()
        .map(|e| {
            let w = e.weight();
            let evidenced = g.evidence_date(w);
            let start = [
                evidenced,
                starts[e.source().index()],
                starts[e.target().index()],
            ]
            .into_iter()
            .flatten()
            .max();
            let mut a = BTreeMap::new();
            a.insert("kind".into(), text(w.kind.to_string()));
            if let Some(s) = w.stance {
                a.insert("stance".into(), text(s.to_string()));
            }
            if let Some(d) = evidenced {
                a.insert("date".into(), text(d.to_string()));
            }
            put_origin(&mut a, w.origin);
            a.insert("evidence_article".into(), text(&*w.evidence.article));
            a.insert("evidence_quote".into(), text(&*w.evidence.quote));
            if let Some(n) = &w.note {
                a.insert("note".into(), text(n.clone()));
            }
            ExEdge {
                id: g.edge_id(e.id()),
                source: gr[e.source()].id.to_string(),
                target: gr[e.target()].id.to_string(),
                label: w.kind.to_string(),
                weight: 1.0,
                start,
                attrs: a,
            }
        })
        .collect();
    Exchange {
        name: "levelmap".into(),
        directed: true,
        node_keys: node_keys(),
        edge_keys: edge_keys(),
        nodes,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mini_graph_converts_whole_and_checks() {
        let g = levelmap_testkit::mini();
        let x = from_graph(&g);
        assert_eq!(x.check(), Ok(()));
        crate::check(&x).unwrap();
        assert_eq!(
            (x.nodes.len(), x.edges.len()),
            (g.node_count(), g.edge_count())
        );
        let claim = x
            .nodes
            .iter()
            .find(|n| n.id == "claim:beta-2024-devolution-further")
            .unwrap();
        assert_eq!(claim.start.unwrap().to_string(), "2024-07-08");
        assert_eq!(claim.attrs["speaker"], text("actor:rachel-reeves"));
        assert_eq!(
            claim.attrs["evidence_quote"],
            text("Devolution must go further, says Rachel Reeves.")
        );
        assert_eq!(claim.attrs["hedged"], Value::Bool(false));
        let about = x.edges.iter().find(|e| e.label == "about").unwrap();
        assert!(matches!(about.attrs.get("stance"), Some(Value::Text(_))));
    }

    #[test]
    fn entities_start_at_their_first_evidence_and_edges_never_before_their_ends() {
        let g = levelmap_testkit::mini();
        let x = from_graph(&g);
        let start = |id: &str| x.nodes.iter().find(|n| n.id == id).unwrap().start;
        // Levelling up is first evidenced in the 2020-09 article, long before 2024.
        assert_eq!(start("policy:levelling-up").unwrap().to_string(), "2020-09");
        // Securonomics appears only in the 2024 article.
        assert_eq!(
            start("policy:securonomics").unwrap().to_string(),
            "2024-07-08"
        );
        for e in &x.edges {
            for end in [&e.source, &e.target] {
                if let (Some(s), Some(n)) = (e.start, start(end)) {
                    assert!(s >= n, "{} starts before its end {end}", e.id);
                }
            }
        }
    }
}
