//! The Argument Interchange Format (AIF) as AIFdb's JSON, so that a map opens in
//! argument-analysis tools (AIFdb, OVA, arguebuf).
//!
//! Sources followed: the AIF core ontology (Chesñevar et al., "Towards an argument
//! interchange format", Knowledge Engineering Review 21(4), 2006: information nodes,
//! and scheme nodes for inference (RA), conflict (CA) and rephrase (MA)), its dialogue
//! extension AIF+ (Reed et al. 2008/2010: locutions as L-nodes anchored to the
//! propositions they assert by YA, "illocutionary", nodes), and AIFdb's JSON as AIFdb
//! and OVA write it (`nodes` with `nodeID`, `text`, `type`, `timestamp`
//! `YYYY-MM-DD HH:MM:SS`; `edges` with `edgeID`, `fromID`, `toID`, `formEdgeID`;
//! `locutions` with `nodeID`, `personID`, `timestamp`, `start`, `end`, `source`;
//! `participants` with `participantID`, `firstname`, `surname`).
//!
//! The mapping:
//! - every claim is an I-node; its text is the claim's paraphrase;
//! - `supports` A→B is I(A) → RA "Default Inference" → I(B); `attacks` A→B is
//!   I(A) → CA "Default Conflict" → I(B); `echoes` (a later claim restating an earlier)
//!   is I(later) → MA "Default Rephrase" → I(earlier);
//! - each speaker of a claim (its reported speaker, else its article's authors) is a
//!   participant; their saying it is an L-node "Name : quote" with a locution record
//!   (the participant, the article's date, the article's address as its source),
//!   anchored by L → YA "Asserting" → I. A claim with no speaker has no locution;
//! - timestamps are the article's date at midnight, a partial date on its first day.
//!   There are no TA (transition) nodes: articles are not turns of one dialogue.
//!
//! Ids are numbers in order: I-nodes in graph order, then each claim's L- and YA-nodes,
//! then the scheme nodes in edge order; so the same graph gives the same file.

use std::collections::BTreeMap;
use std::io::Write;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::InterchangeError;

/// An AIF node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AifNode {
    /// Unique id.
    #[serde(rename = "nodeID")]
    pub node_id: String,
    /// A proposition (I), a locution (L) or the scheme's name.
    pub text: String,
    /// I, L, RA, CA, MA or YA.
    #[serde(rename = "type")]
    pub kind: String,
    /// `YYYY-MM-DD HH:MM:SS`, or empty when unknown.
    pub timestamp: String,
}

/// An AIF edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AifEdge {
    /// Unique id.
    #[serde(rename = "edgeID")]
    pub edge_id: String,
    /// The node it leaves.
    #[serde(rename = "fromID")]
    pub from_id: String,
    /// The node it enters.
    #[serde(rename = "toID")]
    pub to_id: String,
    /// AIFdb's form edge (always null here).
    #[serde(rename = "formEdgeID")]
    pub form_edge_id: Option<String>,
}

/// Who uttered an L-node, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AifLocution {
    /// The L-node.
    #[serde(rename = "nodeID")]
    pub node_id: String,
    /// The participant.
    #[serde(rename = "personID")]
    pub person_id: String,
    /// When (the article's date).
    pub timestamp: String,
    /// Start within a recording (none).
    pub start: Option<String>,
    /// End within a recording (none).
    pub end: Option<String>,
    /// Where it was published: the article's address, else its node id.
    pub source: Option<String>,
}

/// A speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AifParticipant {
    /// Unique id.
    #[serde(rename = "participantID")]
    pub participant_id: String,
    /// The actor's whole name (a person, party or body).
    pub firstname: String,
    /// Empty: actors' names are not split.
    pub surname: String,
}

/// A whole AIFdb JSON document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AifGraph {
    /// I-, L-, YA- and scheme nodes.
    pub nodes: Vec<AifNode>,
    /// Edges between them.
    pub edges: Vec<AifEdge>,
    /// One per L-node.
    pub locutions: Vec<AifLocution>,
    /// The speakers.
    pub participants: Vec<AifParticipant>,
}

impl AifGraph {
    /// What breaks AIF's structural rules, one line each (none for a sound document):
    /// ids unique, edges between present nodes, no edge between two I-nodes, every
    /// scheme node (RA, CA, MA) with at least one I-node in and exactly one I-node out,
    /// every YA from one L-node to one I-node, every L-node with one locution whose
    /// person is a participant.
    pub fn structure_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let kind: BTreeMap<&str, &str> = self
            .nodes
            .iter()
            .map(|n| (n.node_id.as_str(), n.kind.as_str()))
            .collect();
        if kind.len() != self.nodes.len() {
            problems.push("two nodes share an id".to_string());
        }
        let mut ins: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut outs: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for e in &self.edges {
            let (Some(f), Some(t)) = (kind.get(e.from_id.as_str()), kind.get(e.to_id.as_str()))
            else {
                problems.push(format!("edge {} names a missing node", e.edge_id));
                continue;
            };
            if (*f, *t) == ("I", "I") {
                problems.push(format!("edge {} joins two I-nodes", e.edge_id));
            }
            ins.entry(&e.to_id).or_default().push(f);
            outs.entry(&e.from_id).or_default().push(t);
        }
        for n in &self.nodes {
            let id = n.node_id.as_str();
            let i = ins.get(id).cloned().unwrap_or_default();
            let o = outs.get(id).cloned().unwrap_or_default();
            let ok = match n.kind.as_str() {
                "RA" | "CA" | "MA" => !i.is_empty() && i.iter().all(|k| *k == "I") && o == ["I"],
                "YA" => i == ["L"] && o == ["I"],
                "L" => {
                    let locs: Vec<_> = self.locutions.iter().filter(|l| l.node_id == id).collect();
                    locs.len() == 1
                        && self
                            .participants
                            .iter()
                            .any(|p| p.participant_id == locs[0].person_id)
                }
                "I" => true,
                _ => false,
            };
            if !ok {
                problems.push(format!("{} node {id}: in {i:?}, out {o:?}", n.kind));
            }
        }
        problems
    }
}

fn timestamp(d: Option<PartialDate>) -> String {
    d.map(|d| format!("{} 00:00:00", crate::xml::first_day(d)))
        .unwrap_or_default()
}

/// The document being built: numbered nodes and edges.
struct Builder {
    doc: AifGraph,
}

impl Builder {
    fn node(&mut self, kind: &str, text: String, ts: &str) -> String {
        let id = (self.doc.nodes.len() + 1).to_string();
        self.doc.nodes.push(AifNode {
            node_id: id.clone(),
            text,
            kind: kind.into(),
            timestamp: ts.into(),
        });
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let id = (self.doc.edges.len() + 1).to_string();
        self.doc.edges.push(AifEdge {
            edge_id: id,
            from_id: from.into(),
            to_id: to.into(),
            form_edge_id: None,
        });
    }
}

/// The article's address, else its node id: where a locution was published.
fn source_of(g: &LevelGraph, article: &str) -> Option<String> {
    let i = g.find_article(article)?;
    match &g.node(i).data {
        NodeData::Article { url: Some(u), .. } => Some(u.clone()),
        _ => Some(g.node(i).id.to_string()),
    }
}

/// The argument layer of `g` (claims, their supports, attacks and echoes, and who said
/// them) as an AIF document; see the module comment for the mapping.
pub fn to_aif(g: &LevelGraph) -> AifGraph {
    let gr = &g.graph;
    let mut b = Builder {
        doc: AifGraph::default(),
    };
    let claims: Vec<NodeIndex> = gr
        .node_indices()
        .filter(|&i| gr[i].kind == NodeKind::Claim)
        .collect();
    let mut inode: BTreeMap<NodeIndex, String> = BTreeMap::new();
    for &c in &claims {
        let id = b.node("I", gr[c].label.to_string(), &timestamp(gr[c].date()));
        inode.insert(c, id);
    }
    let mut people: BTreeMap<NodeIndex, String> = BTreeMap::new();
    for &c in &claims {
        let NodeData::Claim { evidence, date, .. } = &gr[c].data else {
            continue;
        };
        let ts = timestamp(*date);
        for speaker in g.speakers(c) {
            let next = (people.len() + 1).to_string();
            let person = people.entry(speaker).or_insert_with(|| {
                b.doc.participants.push(AifParticipant {
                    participant_id: next.clone(),
                    firstname: gr[speaker].label.to_string(),
                    surname: String::new(),
                });
                next
            });
            let person = person.clone();
            let l = b.node(
                "L",
                format!("{} : {}", gr[speaker].label, evidence.quote),
                &ts,
            );
            let ya = b.node("YA", "Asserting".into(), &ts);
            b.edge(&l, &ya);
            b.edge(&ya, &inode[&c]);
            b.doc.locutions.push(AifLocution {
                node_id: l,
                person_id: person,
                timestamp: ts.clone(),
                start: None,
                end: None,
                source: source_of(g, &evidence.article),
            });
        }
    }
    for e in gr.edge_references() {
        let (kind, text) = match e.weight().kind {
            EdgeKind::Supports => ("RA", "Default Inference"),
            EdgeKind::Attacks => ("CA", "Default Conflict"),
            EdgeKind::Echoes => ("MA", "Default Rephrase"),
            _ => continue,
        };
        let (Some(from), Some(to)) = (inode.get(&e.source()), inode.get(&e.target())) else {
            continue;
        };
        let (from, to) = (from.clone(), to.clone());
        let s = b.node(kind, text.into(), &timestamp(g.evidence_date(e.weight())));
        b.edge(&from, &s);
        b.edge(&s, &to);
    }
    b.doc
}

/// Write the AIF document of `g` as pretty JSON (two spaces, a final line break).
pub fn write_aif(g: &LevelGraph, w: &mut impl Write) -> Result<(), InterchangeError> {
    levelmap_model::json::write_pretty(&mut *w, &to_aif(g))?;
    w.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mini_map_keeps_the_aif_structure() {
        let d = to_aif(&levelmap_testkit::mini());
        assert_eq!(d.structure_problems(), Vec::<String>::new());
        let count = |k: &str| d.nodes.iter().filter(|n| n.kind == k).count();
        assert_eq!(
            [count("I"), count("RA"), count("CA"), count("MA")],
            [6, 1, 1, 2]
        );
        assert_eq!(count("L"), d.locutions.len());
    }

    #[test]
    fn a_broken_document_is_told_apart() {
        let mut d = to_aif(&levelmap_testkit::mini());
        // The RA node loses its conclusion; an edge joins two I-nodes; an L-node loses
        // its locution.
        let ra = d
            .nodes
            .iter()
            .find(|n| n.kind == "RA")
            .unwrap()
            .node_id
            .clone();
        d.edges.retain(|e| e.from_id != ra);
        d.edges.push(AifEdge {
            edge_id: "x".into(),
            from_id: "1".into(),
            to_id: "2".into(),
            form_edge_id: None,
        });
        d.locutions.pop();
        let problems = d.structure_problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("joins two I-nodes")));
    }

    #[test]
    fn the_same_graph_gives_the_same_bytes() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_aif(&levelmap_testkit::mini(), &mut a).unwrap();
        write_aif(&levelmap_testkit::mini(), &mut b).unwrap();
        assert_eq!(a, b);
    }
}
