//! Which ideas get a lane, and the lanes themselves: the ideas the kept claims
//! discuss, ranked; the rule that selects them (`--lanes N`, a policy's lineage, or
//! the recurring ideas); each lane with its claims; the "other ideas" lane; and the
//! links drawn between claims and between ideas.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use levelmap_model::graph::{EdgeNumbering, LevelGraph, NodeData};
use levelmap_model::{EdgeKind, Stance};

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
    tips: bool,
) -> Vec<Lane> {
    let mut claim_set = vec![false; g.graph.node_count()];
    for c in claims {
        claim_set[c.index()] = true;
    }
    let mut lanes = Vec::new();
    let mut in_lane = vec![false; g.graph.node_count()];
    for &p in selected {
        lanes.push(idea_lane(g, p, &claim_set, stats, &mut in_lane, tips));
    }
    lanes.extend(other_lane(g, claims, &in_lane, tips));
    lanes
}

/// The lane of idea `p`: its kept claims by (date, id), its stats and its tooltip
/// (empty without `tips`); `claim_set` and `in_lane` are flags by node index, and the
/// claims placed are flagged in `in_lane`.
fn idea_lane(
    g: &LevelGraph,
    p: NodeIndex,
    claim_set: &[bool],
    stats: &IdeaStats,
    in_lane: &mut [bool],
    tips: bool,
) -> Lane {
    let pn = g.node(p);
    // A claim linked to the idea by two About edges is placed once, with the first
    // edge's stance (a stable sort keeps the first).
    let mut about: Vec<(NodeIndex, Option<Stance>)> = g
        .graph
        .edges_directed(p, Direction::Incoming)
        .filter(|e| e.weight().kind == EdgeKind::About && claim_set[e.source().index()])
        .map(|e| (e.source(), e.weight().stance))
        .collect();
    about.sort_by_key(|a| a.0);
    about.dedup_by_key(|a| a.0);
    let mut lane_claims: Vec<LaneClaim> = Vec::with_capacity(about.len());
    for (c, stance) in about {
        if let Some(item) = claim_item(g, c, Some((p, stance)), None, tips) {
            in_lane[c.index()] = true;
            lane_claims.push(item);
        }
    }
    lane_claims.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let (nc, na) = (stats[&p].0.len(), stats[&p].1.len());
    let tooltip = if tips {
        idea_tooltip(g, p, (nc, na))
    } else {
        String::new()
    };
    Lane {
        id: pn.id.to_string(),
        name: pn.label.to_string(),
        stats: format!(
            "{} · {}",
            plural(nc, "claim", "claims"),
            plural(na, "article", "articles")
        ),
        lineage: vec![],
        claims: lane_claims,
        tooltip,
        new: false,
    }
}

/// The tooltip of idea `p`'s lane, given its numbers of claims and articles.
fn idea_tooltip(g: &LevelGraph, p: NodeIndex, (nc, na): (usize, usize)) -> String {
    let pn = g.node(p);
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
    tip.join("\n")
}

/// The "other ideas" lane: the kept claims not in `in_lane`, each labelled with its
/// ideas; none when every claim has a lane.
fn other_lane(g: &LevelGraph, claims: &[NodeIndex], in_lane: &[bool], tips: bool) -> Option<Lane> {
    let mut others = Vec::new();
    for &c in claims {
        if in_lane[c.index()] {
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
        others.extend(claim_item(g, c, first, prefix, tips));
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
        tooltip: if tips {
            format!(
                "Claims about ideas without a lane of their own ({}); each label starts with its ideas",
                plural(n, "claim", "claims")
            )
        } else {
            String::new()
        },
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

/// The links between the `shown` claims (flags by node index), and the lineage between
/// the ideas of `lane_set` whose evidence is dated before `hi` (or undated). Without
/// `tips` the links between claims are only counted (`within`) and the lineage has no
/// tooltips.
pub(super) fn links(
    g: &LevelGraph,
    shown: &[bool],
    lane_set: &BTreeSet<NodeIndex>,
    hi: Option<i64>,
    tips: bool,
) -> Drawn {
    let mut within = 0;
    let mut links = Vec::new();
    let mut lineage = Vec::new();
    // Each shown claim's article, looked up once.
    let mut articles: Vec<Option<Option<NodeIndex>>> = vec![None; g.graph.node_count()];
    let mut article_of = |c: NodeIndex| *articles[c.index()].get_or_insert_with(|| g.article_of(c));
    // each edge's id numbered as the walk passes it, not by scanning its source's edges
    let mut numbering = EdgeNumbering::new(g);
    for e in g.graph.edge_indices() {
        let earlier = numbering.earlier(g, e);
        let Some((a, b)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let w = g.edge(e);
        let link = |date| Link {
            id: EdgeNumbering::id(g, e, earlier),
            kind: w.kind,
            from: g.node(a).id.to_string(),
            to: g.node(b).id.to_string(),
            date,
            tooltip: if tips {
                edge_tooltip(g, e)
            } else {
                String::new()
            },
            new: false,
        };
        if CLAIM_LINKS.contains(&w.kind) && shown[a.index()] && shown[b.index()] {
            // The timeline shows how ideas travel between articles; links inside one
            // article belong to the map.
            if article_of(a) == article_of(b) {
                within += 1;
            } else if tips {
                links.push(link(g.evidence_date(w)));
            }
        } else if LINEAGE.contains(&w.kind) && lane_set.contains(&a) && lane_set.contains(&b) {
            let date = g.evidence_date(w);
            if date.is_none_or(|d| hi.is_none_or(|h| d.start_days() < h)) {
                lineage.push(link(date));
            }
        }
    }
    Drawn {
        links,
        lineage,
        within,
    }
}
