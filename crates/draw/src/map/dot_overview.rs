//! The overview graph.dot holds when the whole graph is too large for any drawing
//! tool to lay out: the most-discussed policies and the actors who said the most
//! claims, each with its claim count, joined by who said how many claims about what
//! (by stance) and by the relations between them. Small enough for Graphviz to draw
//! in seconds, whatever the size of the corpus.

use std::collections::BTreeMap;
use std::io::{self, Write};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::map::dot::{attrs, q};
use crate::style;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind, Stance};

/// How much the overview keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverviewOptions {
    /// The most-discussed policies kept.
    pub policies: usize,
    /// The actors with the most claims kept.
    pub actors: usize,
    /// The strongest edges between them kept.
    pub edges: usize,
}

impl Default for OverviewOptions {
    /// 40 policies, 40 actors and 300 edges: Graphviz lays that out in about a second.
    fn default() -> Self {
        OverviewOptions {
            policies: 40,
            actors: 40,
            edges: 300,
        }
    }
}

/// The relations drawn between kept entities, as they are in the graph.
const RELATIONS: [EdgeKind; 6] = [
    EdgeKind::Proposes,
    EdgeKind::Criticises,
    EdgeKind::MemberOf,
    EdgeKind::EvolvesInto,
    EdgeKind::Replaces,
    EdgeKind::PartOf,
];

/// Claims per stance: for, against, mixed, neutral (or none).
type Stances = [usize; 4];

fn slot(s: Option<Stance>) -> usize {
    match s {
        Some(Stance::For) => 0,
        Some(Stance::Against) => 1,
        Some(Stance::Mixed) => 2,
        Some(Stance::Neutral) | None => 3,
    }
}

/// Claim counts: per policy (claims about it), per actor (claims it said), and per
/// (actor, policy) by stance.
#[derive(Debug, Default)]
struct Tally {
    claims: BTreeMap<NodeIndex, usize>,
    said_about: BTreeMap<(NodeIndex, NodeIndex), Stances>,
}

fn tally(g: &LevelGraph) -> Tally {
    let mut t = Tally::default();
    for c in g.graph.node_indices() {
        if g.node(c).kind != NodeKind::Claim {
            continue;
        }
        let about: Vec<(NodeIndex, Option<Stance>)> = g
            .graph
            .edges_directed(c, Direction::Outgoing)
            .filter(|e| e.weight().kind == EdgeKind::About)
            .map(|e| (e.target(), e.weight().stance))
            .collect();
        let speakers = g.speakers(c);
        for &(p, _) in &about {
            *t.claims.entry(p).or_default() += 1;
        }
        for &a in &speakers {
            *t.claims.entry(a).or_default() += 1;
            for &(p, stance) in &about {
                t.said_about.entry((a, p)).or_default()[slot(stance)] += 1;
            }
        }
    }
    t
}

/// The `n` nodes of `kind` with the most claims (ties by id).
fn top(g: &LevelGraph, t: &Tally, kind: NodeKind, n: usize) -> Vec<NodeIndex> {
    let mut v: Vec<(usize, NodeIndex)> = t
        .claims
        .iter()
        .filter(|(&i, _)| g.node(i).kind == kind)
        .map(|(&i, &c)| (c, i))
        .collect();
    v.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| g.node(a.1).id.cmp(&g.node(b.1).id))
    });
    v.into_iter().take(n).map(|(_, i)| i).collect()
}

/// One edge of the overview: claims said about a policy (by stance), or a relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Link {
    Said(Stances),
    Relation(EdgeKind, usize),
}

impl Link {
    fn weight(&self) -> usize {
        match self {
            Link::Said(s) => s.iter().sum(),
            Link::Relation(_, n) => *n,
        }
    }
}

/// The strongest `max` links between kept nodes, in (source id, target id) order.
fn links(
    g: &LevelGraph,
    t: &Tally,
    kept: &BTreeMap<NodeIndex, usize>,
    max: usize,
) -> Vec<(NodeIndex, NodeIndex, Link)> {
    let mut all: Vec<(NodeIndex, NodeIndex, Link)> = t
        .said_about
        .iter()
        .filter(|((a, p), _)| kept.contains_key(a) && kept.contains_key(p))
        .map(|(&(a, p), &s)| (a, p, Link::Said(s)))
        .collect();
    let mut relations: BTreeMap<(NodeIndex, NodeIndex, EdgeKind), usize> = BTreeMap::new();
    for &i in kept.keys() {
        for e in g.graph.edges_directed(i, Direction::Outgoing) {
            if RELATIONS.contains(&e.weight().kind) && kept.contains_key(&e.target()) {
                *relations
                    .entry((i, e.target(), e.weight().kind))
                    .or_default() += 1;
            }
        }
    }
    all.extend(
        relations
            .into_iter()
            .map(|((a, b, k), n)| (a, b, Link::Relation(k, n))),
    );
    let key = |(a, b, l): &(NodeIndex, NodeIndex, Link)| {
        (g.node(*a).id.clone(), g.node(*b).id.clone(), l.clone())
    };
    all.sort_by(|x, y| {
        y.2.weight()
            .cmp(&x.2.weight())
            .then_with(|| key(x).cmp(&key(y)))
    });
    all.truncate(max);
    all.sort_by_key(key);
    all
}

fn claims(n: usize) -> String {
    if n == 1 {
        "1 claim".into()
    } else {
        format!("{n} claims")
    }
}

/// Write the overview of `g` as DOT.
pub fn write_overview(
    g: &LevelGraph,
    opts: &OverviewOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    let t = tally(g);
    let policies = top(g, &t, NodeKind::Policy, opts.policies);
    let actors = top(g, &t, NodeKind::Actor, opts.actors);
    let kept: BTreeMap<NodeIndex, usize> = policies
        .iter()
        .chain(&actors)
        .map(|&i| (i, t.claims.get(&i).copied().unwrap_or(0)))
        .collect();
    let title = format!(
        "levelmap overview \u{2014} the {} most-discussed policies and the {} actors with the most claims, \
         of {} nodes and {} edges (too many to draw; graph.json holds them all)",
        policies.len(),
        actors.len(),
        g.node_count(),
        g.edge_count()
    );
    writeln!(w, "digraph {} {{", q("levelmap overview"))?;
    let font = "Helvetica,Arial,sans-serif";
    writeln!(
        w,
        "  graph {};",
        attrs(&[
            ("rankdir", "LR"),
            ("fontname", font),
            ("fontsize", "16"),
            ("label", &title),
            ("labelloc", "t"),
            ("labeljust", "l"),
            ("id", "levelmap-overview"),
            ("class", "levelmap overview"),
        ])
    )?;
    writeln!(
        w,
        "  node {};",
        attrs(&[("fontname", font), ("fontsize", "11"), ("style", "filled")])
    )?;
    writeln!(
        w,
        "  edge {};",
        attrs(&[("fontname", font), ("fontsize", "9"), ("arrowsize", "0.7")])
    )?;
    writeln!(w)?;
    for i in policies.iter().chain(&actors) {
        let n = g.node(*i);
        let st = style::node_style(n.kind);
        let label = format!("{}\n{}", n.label, claims(kept[i]));
        let tooltip = format!("{} ({}): {}", n.label, n.id, claims(kept[i]));
        writeln!(
            w,
            "  {} {};",
            q(&n.id),
            attrs(&[
                ("label", &label),
                ("tooltip", &tooltip),
                ("class", n.kind.as_str()),
                ("shape", st.dot_shape),
                ("fillcolor", st.fill),
                ("color", st.stroke),
            ])
        )?;
    }
    writeln!(w)?;
    for (a, b, link) in links(g, &t, &kept, opts.edges) {
        let (from, to) = (g.node(a), g.node(b));
        let list = match &link {
            Link::Said(s) => said_attrs(s, &from.label, &to.label),
            Link::Relation(kind, n) => relation_attrs(*kind, *n, &from.label, &to.label),
        };
        let refs: Vec<(&str, &str)> = list.iter().map(|(k, v)| (*k, v.as_str())).collect();
        writeln!(w, "  {} -> {} {};", q(&from.id), q(&to.id), attrs(&refs))?;
    }
    writeln!(w, "}}")
}

/// Claims an actor said about a policy: labelled with the count, coloured by the
/// stance most of them take, thicker for more.
fn said_attrs(s: &Stances, actor: &str, policy: &str) -> Vec<(&'static str, String)> {
    let total: usize = s.iter().sum();
    let names = ["for", "against", "mixed", "neutral"];
    let stances = [
        Some(Stance::For),
        Some(Stance::Against),
        Some(Stance::Mixed),
        None,
    ];
    let most = (0..4)
        .max_by_key(|&k| (s[k], std::cmp::Reverse(k)))
        .unwrap_or(3);
    let parts: Vec<String> = (0..4)
        .filter(|&k| s[k] > 0)
        .map(|k| format!("{} {}", s[k], names[k]))
        .collect();
    let width = 1.0 + (total as f64).log2().min(5.0);
    vec![
        ("label", total.to_string()),
        (
            "tooltip",
            format!(
                "{actor} said {} about {policy}: {}",
                claims(total),
                parts.join(", ")
            ),
        ),
        ("class", "said".to_string()),
        ("color", style::stance_color(stances[most]).to_string()),
        ("penwidth", format!("{width:.1}")),
    ]
}

/// A relation between two kept entities, styled as in the whole map.
fn relation_attrs(kind: EdgeKind, n: usize, from: &str, to: &str) -> Vec<(&'static str, String)> {
    let st = style::edge_style(kind);
    let times = if n > 1 {
        format!(" ({n} sources)")
    } else {
        String::new()
    };
    vec![
        ("tooltip", format!("{from} {} {to}{times}", kind.phrase())),
        ("class", kind.as_str().to_string()),
        ("color", st.color.to_string()),
        ("style", st.dot_style.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overview(opts: &OverviewOptions) -> String {
        let g = levelmap_testkit::mini();
        let mut out = Vec::new();
        write_overview(&g, opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_overview_keeps_only_policies_and_actors_within_its_budget() {
        let opts = OverviewOptions {
            policies: 2,
            actors: 1,
            edges: 2,
        };
        let dot = overview(&opts);
        let nodes = dot
            .lines()
            .filter(|l| l.contains(" [label=") && !l.contains(" -> "))
            .count();
        let edges = dot.lines().filter(|l| l.contains(" -> ")).count();
        assert!(nodes <= 3 && edges <= 2, "{dot}");
        assert!(nodes > 0, "{dot}");
        assert!(!dot.contains("\"claim:"), "no claim node: {dot}");
        assert!(!dot.contains("\"article:"), "no article node: {dot}");
        assert!(
            dot.contains(" claims\"") || dot.contains(" claim\""),
            "{dot}"
        );
    }

    #[test]
    fn the_overview_is_deterministic() {
        let opts = OverviewOptions::default();
        assert_eq!(overview(&opts), overview(&opts));
    }
}
