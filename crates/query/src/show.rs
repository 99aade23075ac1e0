//! `show`: everything about one node: its kind, names, dates (own, and first and last
//! seen in the corpus), and its edges grouped by kind and direction, each with the
//! node at the other end and the evidence.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use super::{origin_name, Answer, EvidenceRef, NodeRef, Walk, VERSION};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::json::RoleJson;
use levelmap_model::{ClaimKind, EdgeKind, NodeKind, Stance, Text};

/// Options of `show`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ShowOptions {
    /// At most this many edges per group (the rest are counted); None for all.
    pub limit: Option<usize>,
}

/// The answer of `show` (schema `levelmap/show`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowAnswer {
    /// `levelmap/show`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// The node.
    pub node: NodeDetail,
    /// The earliest date of the node or any of its evidence.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub first_seen: Option<PartialDate>,
    /// The latest such date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_seen: Option<PartialDate>,
    /// Number of edges, all groups together.
    pub degree: usize,
    /// Edges grouped by kind and direction: curated kinds first, `mentions` last.
    pub groups: Vec<EdgeGroup>,
}

/// What a node is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeDetail {
    /// `kind:slug`.
    pub id: String,
    /// Node kind.
    pub kind: NodeKind,
    /// Name, title or paraphrase.
    pub label: String,
    /// Sub-kind of actors, policies and events (person, agenda, election…).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub subkind: Option<String>,
    /// Other names.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aliases: Vec<String>,
    /// Description from the lexicon.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// Own date: an article's, an event's, a claim's article date (a bare date, unlike
    /// the graph JSON's [`levelmap_model::json::DateJson`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// Articles: the URL.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Actors: roles held (the graph JSON's role struct).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub roles: Vec<RoleJson>,
    /// Claims: the quote, kind, speakers.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub claim: Option<ClaimDetail>,
    /// curated | derived | extracted.
    pub origin: String,
}

/// Claim details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimDetail {
    /// recommendation | evaluation | prediction | description.
    pub claim_kind: ClaimKind,
    /// Hedged ("could", "may").
    pub hedged: bool,
    /// Who said it: the attributed speaker, else the article's authors, else its outlet.
    pub speakers: Vec<NodeRef>,
    /// The quote and article.
    pub evidence: EvidenceRef,
}

/// The edges of one kind and direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeGroup {
    /// Edge kind.
    pub edge: EdgeKind,
    /// forward: this node is the source; backward: the target.
    pub walk: Walk,
    /// How the edges read from this node ("proposes", "proposed by").
    pub phrase: String,
    /// How many edges the group has (more than listed when limited).
    pub total: usize,
    /// The edges, by date then by the other node's id.
    pub edges: Vec<EdgeItem>,
}

/// One edge from this node's point of view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeItem {
    /// The node at the other end.
    pub other: NodeRef,
    /// `about`: the stance.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stance: Option<Stance>,
    /// Curator's note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
    /// curated | derived | extracted.
    pub origin: String,
    /// Article, date and quote.
    pub evidence: EvidenceRef,
}

impl Answer for ShowAnswer {
    const SCHEMA: &'static str = "levelmap/show";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let ids = std::iter::once(self.node.id.as_str()).chain(
            self.groups
                .iter()
                .flat_map(|gr| gr.edges.iter().map(|e| e.other.id.as_ref())),
        );
        super::indices(g, ids)
    }
}

/// Show node `i`.
pub fn show(g: &LevelGraph, i: NodeIndex, opts: ShowOptions) -> ShowAnswer {
    let n = g.node(i);
    let mut detail = NodeDetail {
        id: n.id.to_string(),
        kind: n.kind,
        label: n.label.to_string(),
        subkind: n.subkind().map(str::to_string),
        aliases: n.aliases().to_vec(),
        description: None,
        date: n.date(),
        url: None,
        roles: vec![],
        claim: None,
        origin: origin_name(n.origin).into(),
    };
    match &n.data {
        NodeData::Article { url, .. } => detail.url = url.clone(),
        NodeData::Entity {
            description, roles, ..
        } => {
            detail.description = description.clone();
            detail.roles = roles.iter().map(RoleJson::from).collect();
        }
        NodeData::Claim {
            evidence,
            claim_kind,
            hedged,
            ..
        } => {
            detail.claim = Some(ClaimDetail {
                claim_kind: *claim_kind,
                hedged: *hedged,
                speakers: super::who_said(g, i)
                    .into_iter()
                    .map(|s| NodeRef::of(g, s))
                    .collect(),
                evidence: EvidenceRef::quote(g, &evidence.article, &evidence.quote),
            });
        }
    }

    // Each edge first as a small key (its evidence's date, the other end's id, the
    // quote): a hub has hundreds of thousands of edges and shows 20 of each kind, so
    // only those kept are made whole.
    let mut groups: BTreeMap<(bool, EdgeKind, Walk), Vec<Keyed<'_>>> = BTreeMap::new();
    let mut dates: Vec<PartialDate> = n.date().into_iter().collect();
    let mut degree = 0;
    for (dir, walk) in [
        (Direction::Outgoing, Walk::Forward),
        (Direction::Incoming, Walk::Backward),
    ] {
        for e in g.graph.edges_directed(i, dir) {
            degree += 1;
            let w = e.weight();
            let other = if walk == Walk::Forward {
                e.target()
            } else {
                e.source()
            };
            let date = g
                .find_article(&w.evidence.article)
                .and_then(|a| g.node(a).date());
            dates.extend(date);
            groups
                .entry((w.kind == EdgeKind::Mentions, w.kind, walk))
                .or_default()
                .push(Keyed {
                    date,
                    other,
                    other_id: &g.node(other).id,
                    edge: w,
                });
        }
    }
    let groups = groups
        .into_iter()
        .map(|((_, kind, walk), mut keyed)| {
            // stable: edges equal in all three keep the graph's order
            keyed.sort_by(|a, b| {
                (a.date, a.other_id, &a.edge.evidence.quote).cmp(&(
                    b.date,
                    b.other_id,
                    &b.edge.evidence.quote,
                ))
            });
            let total = keyed.len();
            if let Some(l) = opts.limit {
                keyed.truncate(l);
            }
            let edges = keyed
                .into_iter()
                .map(|k| EdgeItem {
                    other: NodeRef::of(g, k.other),
                    stance: k.edge.stance,
                    note: k.edge.note.clone(),
                    origin: origin_name(k.edge.origin).into(),
                    evidence: EvidenceRef::of(g, k.edge),
                })
                .collect();
            let phrase = if walk == Walk::Forward {
                kind.phrase()
            } else {
                kind.inverse_phrase()
            };
            EdgeGroup {
                edge: kind,
                walk,
                phrase: phrase.into(),
                total,
                edges,
            }
        })
        .collect();
    ShowAnswer {
        schema: ShowAnswer::SCHEMA.into(),
        version: VERSION,
        node: detail,
        first_seen: dates.iter().min().copied(),
        last_seen: dates.iter().max().copied(),
        degree,
        groups,
    }
}

/// An edge of the shown node by what orders it in its group.
struct Keyed<'g> {
    /// The date of its evidence's article.
    date: Option<PartialDate>,
    /// The node at its other end, and that node's id.
    other: NodeIndex,
    other_id: &'g Text,
    edge: &'g levelmap_model::graph::Edge,
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_testkit::mini;

    #[test]
    fn shows_a_policy_with_grouped_evidenced_edges() {
        let g = mini();
        let a = show(
            &g,
            g.find("policy:levelling-up").unwrap(),
            ShowOptions::default(),
        );
        assert_eq!(a.node.label, "Levelling up");
        assert_eq!(a.node.aliases, ["level up", "levelling up"]);
        assert_eq!(a.first_seen.unwrap().to_string(), "2020-09");
        assert_eq!(a.last_seen.unwrap().to_string(), "2024-07-08");
        let phrases: Vec<&str> = a.groups.iter().map(|g| g.phrase.as_str()).collect();
        assert_eq!(phrases.first(), Some(&"discussed in"));
        assert_eq!(phrases.last(), Some(&"mentioned in"), "mentions come last");
        assert!(
            phrases.contains(&"proposed by") && phrases.contains(&"evolves into"),
            "{phrases:?}"
        );
        let evolves = a
            .groups
            .iter()
            .find(|g| g.edge == EdgeKind::EvolvesInto)
            .unwrap();
        assert_eq!(evolves.edges[0].other.id, "policy:securonomics".into());
        assert!(!evolves.edges[0].evidence.quote.is_empty());
        assert_eq!(a.degree, a.groups.iter().map(|g| g.total).sum::<usize>());
    }

    #[test]
    fn limit_keeps_the_total() {
        let g = mini();
        let a = show(
            &g,
            g.find("policy:levelling-up").unwrap(),
            ShowOptions { limit: Some(1) },
        );
        let about = a.groups.iter().find(|g| g.edge == EdgeKind::About).unwrap();
        assert_eq!(about.edges.len(), 1);
        assert_eq!(about.total, 3);
    }

    /// A hub's every edge was made whole (its other end, evidence, note) and sorted,
    /// to show 20 of each kind; now they are sorted by small keys and only those kept
    /// are made. What a limit keeps is the head of the whole list, for every node.
    #[test]
    fn a_limited_group_is_the_head_of_the_whole_group() {
        let g = mini();
        for i in g.graph.node_indices() {
            let all = show(&g, i, ShowOptions { limit: None });
            let some = show(&g, i, ShowOptions { limit: Some(2) });
            assert_eq!(all.groups.len(), some.groups.len());
            assert_eq!(
                (all.first_seen, all.last_seen),
                (some.first_seen, some.last_seen)
            );
            for (a, s) in all.groups.iter().zip(&some.groups) {
                assert_eq!(a.total, s.total);
                assert_eq!(&a.edges[..a.edges.len().min(2)], &s.edges[..]);
                let key = |e: &EdgeItem| {
                    (
                        e.evidence.date,
                        e.other.id.clone(),
                        e.evidence.quote.clone(),
                    )
                };
                assert!(a.edges.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
            }
        }
    }

    #[test]
    fn shows_a_claim_with_its_speaker() {
        let g = mini();
        let a = show(
            &g,
            g.find("claim:beta-2024-devolution-further").unwrap(),
            ShowOptions::default(),
        );
        let c = a.node.claim.unwrap();
        assert_eq!(c.speakers[0].id, "actor:rachel-reeves".into());
        assert_eq!(c.evidence.article, "article:2024-07-beta-labour".into());
        assert_eq!(c.evidence.date.unwrap().to_string(), "2024-07-08");
    }
}
