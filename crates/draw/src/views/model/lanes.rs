//! Which ideas get a lane, and the lanes themselves: the ideas the kept claims
//! discuss, ranked; the rule that selects them (`--lanes N`, a policy's lineage, or
//! the recurring ideas); each lane with its claims; the "other ideas" lane; and the
//! links drawn between claims and between ideas.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::EdgeKind;

use super::graph::{targets, Focus, CLAIM_LINKS, LINEAGE};
use super::items::{claim_item, edge_tooltip, plural};
use super::{Lane, LaneClaim, Link, OTHER_LANE};

/// Per idea (policy): the kept claims about it, and their articles.
pub(super) type IdeaStats = BTreeMap<NodeIndex, (BTreeSet<NodeIndex>, BTreeSet<NodeIndex>)>;

/// The ideas discussed by the kept claims (for a policy focus: its lineage, discussed
/// or not), with their claims and articles.
pub(super) fn idea_stats(g: &LevelGraph, claims: &[NodeIndex], focus: Option<&Focus>) -> IdeaStats {
    let mut stats: IdeaStats = BTreeMap::new();
    for &c in claims {
        for p in targets(g, c, &[EdgeKind::About], Direction::Outgoing) {
            let s = stats.entry(p).or_default();
            s.0.insert(c);
            s.1.extend(g.article_of(c));
        }
    }
    if let Some(fam) = focus.and_then(|f| f.lanes.as_ref()) {
        stats.retain(|p, _| fam.contains(p));
        for &p in fam {
            stats.entry(p).or_default();
        }
    }
    stats
}

/// The ideas that get a lane, most discussed first, and the rule that chose them in
/// words (for the subtitle): the `lanes` most discussed when given; else a policy
/// focus's lineage; else the ideas discussed in two or more articles and what they
/// evolved from or into (or, if none recurs, the twelve most discussed).
pub(super) fn select(
    g: &LevelGraph,
    stats: &IdeaStats,
    focus: Option<&Focus>,
    lanes: Option<usize>,
) -> (Vec<NodeIndex>, String) {
    let rank = |p: &NodeIndex| {
        let (c, a) = &stats[p];
        (
            std::cmp::Reverse(c.len()),
            std::cmp::Reverse(a.len()),
            g.node(*p).id.clone(),
        )
    };
    let mut candidates: Vec<NodeIndex> = stats.keys().copied().collect();
    candidates.sort_by_key(|p| rank(p));
    let (mut selected, rule): (Vec<NodeIndex>, String) = match lanes {
        Some(n) => {
            let v: Vec<NodeIndex> = candidates
                .iter()
                .copied()
                .filter(|p| !stats[p].0.is_empty())
                .take(n)
                .collect();
            let rule = format!("the {} most discussed", plural(v.len(), "idea", "ideas"));
            (v, rule)
        }
        None if focus.is_some_and(|f| f.lanes.is_some()) => (
            candidates.clone(),
            "its lineage: the ideas it evolved from, into, or is part of".to_string(),
        ),
        None => recurring(g, stats, &candidates),
    };
    selected.sort_by_key(|p| rank(p));
    (selected, rule)
}

/// The ideas discussed in two or more articles and, transitively, what they evolved
/// from or into; failing any, the twelve most discussed. `candidates` are ranked.
fn recurring(
    g: &LevelGraph,
    stats: &IdeaStats,
    candidates: &[NodeIndex],
) -> (Vec<NodeIndex>, String) {
    let lineage_neighbours = |p: NodeIndex| {
        let kinds = [EdgeKind::EvolvesInto, EdgeKind::Replaces];
        let mut v = targets(g, p, &kinds, Direction::Outgoing);
        v.extend(targets(g, p, &kinds, Direction::Incoming));
        v
    };
    let mut sel: BTreeSet<NodeIndex> = candidates
        .iter()
        .copied()
        .filter(|p| stats[p].1.len() >= 2)
        .collect();
    let rule;
    if sel.is_empty() {
        sel = candidates.iter().copied().take(12).collect();
        rule = "the most discussed ideas".to_string();
    } else {
        let mut frontier: Vec<NodeIndex> = sel.iter().copied().collect();
        while let Some(p) = frontier.pop() {
            for q in lineage_neighbours(p) {
                if stats.contains_key(&q) && sel.insert(q) {
                    frontier.push(q);
                }
            }
        }
        rule = "ideas discussed in two or more articles, and what they evolved from or into"
            .to_string();
    }
    (
        candidates
            .iter()
            .copied()
            .filter(|p| sel.contains(p))
            .collect(),
        rule,
    )
}

/// The lanes: one per selected idea (in the order given) with the kept claims about
/// it, then the "other ideas" lane for the kept claims that no lane holds.
pub(super) fn lanes(
    g: &LevelGraph,
    selected: &[NodeIndex],
    claims: &[NodeIndex],
    stats: &IdeaStats,
) -> Vec<Lane> {
    let claim_set: BTreeSet<NodeIndex> = claims.iter().copied().collect();
    let mut lanes = Vec::new();
    let mut in_lane: BTreeSet<NodeIndex> = BTreeSet::new();
    for &p in selected {
        lanes.push(idea_lane(g, p, &claim_set, stats, &mut in_lane));
    }
    lanes.extend(other_lane(g, claims, &in_lane));
    lanes
}

/// The lane of idea `p`: its kept claims by (date, id), its stats and its tooltip;
/// the claims placed are added to `in_lane`.
fn idea_lane(
    g: &LevelGraph,
    p: NodeIndex,
    claim_set: &BTreeSet<NodeIndex>,
    stats: &IdeaStats,
    in_lane: &mut BTreeSet<NodeIndex>,
) -> Lane {
    let pn = g.node(p);
    let mut lane_claims = Vec::new();
    for e in g.graph.edges_directed(p, Direction::Incoming) {
        if e.weight().kind != EdgeKind::About || !claim_set.contains(&e.source()) {
            continue;
        }
        if lane_claims
            .iter()
            .any(|(c, _): &(NodeIndex, LaneClaim)| *c == e.source())
        {
            continue;
        }
        if let Some(item) = claim_item(g, e.source(), Some((p, e.weight().stance)), None) {
            in_lane.insert(e.source());
            lane_claims.push((e.source(), item));
        }
    }
    lane_claims.sort_by(|a, b| (a.1.date, &a.1.id).cmp(&(b.1.date, &b.1.id)));
    let (nc, na) = (stats[&p].0.len(), stats[&p].1.len());
    let mut tip = vec![format!(
        "{} ({})",
        pn.label,
        pn.subkind().unwrap_or("policy")
    )];
    if let NodeData::Entity {
        description: Some(d),
        ..
    } = &pn.data
    {
        tip.push(d.clone());
    }
    tip.push(format!(
        "{} in {}",
        plural(nc, "claim", "claims"),
        plural(na, "article", "articles")
    ));
    for e in g.graph.edges_directed(p, Direction::Outgoing) {
        if LINEAGE.contains(&e.weight().kind) {
            let t = g.node(e.target());
            tip.push(format!("{} {}", e.weight().kind.phrase(), t.label));
        }
    }
    for e in g.graph.edges_directed(p, Direction::Incoming) {
        if LINEAGE.contains(&e.weight().kind) {
            let s = g.node(e.source());
            tip.push(format!("{} {}", e.weight().kind.inverse_phrase(), s.label));
        }
    }
    Lane {
        id: pn.id.to_string(),
        name: pn.label.to_string(),
        stats: format!(
            "{} · {}",
            plural(nc, "claim", "claims"),
            plural(na, "article", "articles")
        ),
        lineage: vec![],
        claims: lane_claims.into_iter().map(|(_, c)| c).collect(),
        tooltip: tip.join("\n"),
        new: false,
    }
}

/// The "other ideas" lane: the kept claims not in `in_lane`, each labelled with its
/// ideas; none when every claim has a lane.
fn other_lane(g: &LevelGraph, claims: &[NodeIndex], in_lane: &BTreeSet<NodeIndex>) -> Option<Lane> {
    let mut others = Vec::new();
    for &c in claims {
        if in_lane.contains(&c) {
            continue;
        }
        let about = targets(g, c, &[EdgeKind::About], Direction::Outgoing);
        let prefix = about.first().map(|&p| {
            let name = crate::text::shorten(&g.node(p).label, 160.0, 11.0, false);
            if about.len() > 1 {
                format!("[{name} +{}]", about.len() - 1)
            } else {
                format!("[{name}]")
            }
        });
        let first = about.first().map(|&p| {
            let st = g
                .graph
                .edges_connecting(c, p)
                .find(|e| e.weight().kind == EdgeKind::About)
                .and_then(|e| e.weight().stance);
            (p, st)
        });
        others.extend(claim_item(g, c, first, prefix));
    }
    if others.is_empty() {
        return None;
    }
    others.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let n = others.len();
    Some(Lane {
        id: OTHER_LANE.to_string(),
        name: "Other ideas".to_string(),
        stats: plural(n, "claim", "claims"),
        lineage: vec![],
        claims: others,
        tooltip: format!(
            "Claims about ideas without a lane of their own ({}); each label starts with its ideas",
            plural(n, "claim", "claims")
        ),
        new: false,
    })
}

/// What the curves join, in edge order.
pub(super) struct Drawn {
    /// Links between drawn claims of different articles.
    pub(super) links: Vec<Link>,
    /// Lineage between ideas with lanes, known before the end of the range.
    pub(super) lineage: Vec<Link>,
    /// Links between drawn claims of one article, left to the map.
    pub(super) within: usize,
}

/// The links between the `shown` claims, and the lineage between the ideas of
/// `lane_set` whose evidence is dated before `hi` (or undated).
pub(super) fn links(
    g: &LevelGraph,
    shown: &BTreeSet<&str>,
    lane_set: &BTreeSet<NodeIndex>,
    hi: Option<i64>,
) -> Drawn {
    let mut within = 0;
    let mut links = Vec::new();
    let mut lineage = Vec::new();
    for e in g.graph.edge_indices() {
        let Some((a, b)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let w = g.edge(e);
        let date = g.evidence_date(w);
        let link = |from: String, to: String| Link {
            id: g.edge_id(e),
            kind: w.kind,
            from,
            to,
            date,
            tooltip: edge_tooltip(g, e),
            new: false,
        };
        if CLAIM_LINKS.contains(&w.kind)
            && shown.contains(g.node(a).id.as_ref())
            && shown.contains(g.node(b).id.as_ref())
        {
            // The timeline shows how ideas travel between articles; links inside one
            // article belong to the map.
            if g.article_of(a) == g.article_of(b) {
                within += 1;
            } else {
                links.push(link(g.node(a).id.to_string(), g.node(b).id.to_string()));
            }
        } else if LINEAGE.contains(&w.kind)
            && lane_set.contains(&a)
            && lane_set.contains(&b)
            && date.is_none_or(|d| hi.is_none_or(|h| d.start_days() < h))
        {
            lineage.push(link(g.node(a).id.to_string(), g.node(b).id.to_string()));
        }
    }
    Drawn {
        links,
        lineage,
        within,
    }
}
