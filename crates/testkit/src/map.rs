//! Generated graphs shaped like an argument map of a policy debate (articles making
//! claims about policies, written by actors, over several years), of any size, for
//! benchmarks and layout tests. Deterministic for a given seed.

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{
    ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Stance,
};

use crate::rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// About how many nodes (the result has exactly this many when it is at least 20).
    pub nodes: usize,
    /// The seed: the same seed gives the same graph.
    pub seed: u64,
    /// Add cycles (claims that support each other, policies that evolve in a circle).
    pub cycles: bool,
}

const WORDS: &[&str] = &[
    "levelling",
    "up",
    "towns",
    "funding",
    "devolution",
    "mayors",
    "productivity",
    "skills",
    "transport",
    "regional",
    "inequality",
    "growth",
    "deal",
    "investment",
    "local",
    "government",
    "powers",
    "north",
    "fund",
    "strategy",
    "councils",
    "housing",
    "missions",
    "white",
    "paper",
    "jobs",
    "quality",
    "pride",
    "in",
    "place",
];

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let first = s[0].to_string();
    let cap = first[..1].to_uppercase() + &first[1..];
    s[0] = &cap;
    s.join(" ")
}

fn entity(
    id: String,
    kind: NodeKind,
    label: String,
    subkind: &str,
    date: Option<PartialDate>,
) -> Node {
    Node {
        id: id.into(),
        kind,
        label: label.into(),
        data: NodeData::Entity {
            subkind: subkind.to_string(),
            aliases: vec![],
            description: None,
            date,
            roles: vec![],
        },
        origin: Origin::Curated,
    }
}

/// How many nodes of each kind.
struct Counts {
    articles: usize,
    actors: usize,
    policies: usize,
    events: usize,
    claims: usize,
}

impl Counts {
    /// About 5% articles, 50% claims, 20% actors, 20% policies and 5% events, of at
    /// least 20 nodes.
    fn of(nodes: usize) -> Self {
        let n = nodes.max(20);
        let articles = (n / 20).max(2);
        let actors = n / 5;
        let policies = n / 5;
        let events = (n / 20).max(1);
        Counts {
            articles,
            actors,
            policies,
            events,
            claims: n - articles - actors - policies - events,
        }
    }
}

/// The nodes generated so far, by kind, and the graph they are in.
struct Map {
    g: LevelGraph,
    /// Article stems and dates, in date order.
    articles: Vec<(String, PartialDate)>,
    actors: Vec<String>,
    policies: Vec<String>,
    events: Vec<String>,
    /// Claim ids and the index of the article that makes each.
    claims: Vec<(String, usize)>,
}

impl Map {
    /// Add an edge evidenced by article number `article`.
    fn edge(
        &mut self,
        from: &str,
        kind: EdgeKind,
        to: &str,
        article: usize,
        stance: Option<Stance>,
    ) {
        let e = Edge {
            kind,
            evidence: Evidence {
                article: self.articles[article].0.clone().into(),
                quote: format!("{from} {kind} {to}").into(),
            },
            stance,
            note: None,
            origin: Origin::Curated,
        };
        self.g.add_edge(from, to, e);
    }
}

/// One id of a list, at random.
fn pick(rng: &mut Rng, v: &[String]) -> String {
    v[rng.below(v.len())].clone()
}

/// Generate an argument-map-shaped graph: about 5% articles, 50% claims, 20% actors,
/// 20% policies and 5% events, with authored, published-by, makes, about (with a
/// stance), supports, attacks, echoes, attributed-to, proposes, criticises,
/// member-of, evolves-into, part-of, refers-to and mentions edges, each evidenced by
/// an article.
pub fn argument_map(opts: &SynthOptions) -> LevelGraph {
    let mut rng = Rng::splitmix(opts.seed);
    let counts = Counts::of(opts.nodes);
    let mut g = LevelGraph::new();
    g.digest = format!("synth-{}-{}", opts.nodes, opts.seed);
    let articles = add_articles(&mut g, &mut rng, counts.articles);
    let mut map = Map {
        actors: add_actors(&mut g, &mut rng, counts.actors),
        policies: add_policies(&mut g, &mut rng, counts.policies),
        events: add_events(&mut g, &mut rng, counts.events),
        claims: Vec::new(),
        articles,
        g,
    };
    add_claims(&mut map, &mut rng, counts.claims);
    link_articles(&mut map, &mut rng);
    link_claims(&mut map, &mut rng, opts.cycles);
    link_actors(&mut map, &mut rng);
    link_policies(&mut map, &mut rng, opts.cycles);
    map.g
}

/// Articles, spread over 2020-2024 in date order: their stems and dates.
fn add_articles(g: &mut LevelGraph, rng: &mut Rng, n: usize) -> Vec<(String, PartialDate)> {
    let mut articles = Vec::new();
    for a in 0..n {
        let month = 1 + (a * 60 / n) as u32;
        let (y, m) = (2020 + (month - 1) / 12, 1 + (month - 1) % 12);
        let d = 1 + rng.below(28);
        let date = PartialDate::parse(&format!("{y}-{m:02}-{d:02}"))
            .unwrap_or(PartialDate::parse("2020").expect("valid"));
        let stem = format!("{y}-{m:02}-article-{a}");
        let k = 4 + rng.below(6);
        let title = words(rng, k);
        g.add_node(Node {
            id: format!("article:{stem}").into(),
            kind: NodeKind::Article,
            label: title.clone().into(),
            data: NodeData::Article {
                title,
                date: ArticleDate {
                    value: date,
                    provenance: DateProvenance::Stated,
                    evidence: None,
                    reasoning: None,
                },
                url: None,
            },
            origin: Origin::Curated,
        });
        articles.push((stem, date));
    }
    articles
}

/// Actors of four subkinds in turn: their ids.
fn add_actors(g: &mut LevelGraph, rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let id = format!("actor:actor-{i}");
            let sub = ["person", "party", "think-tank", "government-body"][i % 4];
            g.add_node(entity(
                id.clone(),
                NodeKind::Actor,
                format!("Actor {} {i}", words(rng, 1)),
                sub,
                None,
            ));
            id
        })
        .collect()
}

/// Policies (programmes): their ids.
fn add_policies(g: &mut LevelGraph, rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let id = format!("policy:policy-{i}");
            g.add_node(entity(
                id.clone(),
                NodeKind::Policy,
                {
                    let k = 2 + rng.below(3);
                    words(rng, k)
                },
                "programme",
                None,
            ));
            id
        })
        .collect()
}

/// Dated events (announcements): their ids.
fn add_events(g: &mut LevelGraph, rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let id = format!("event:event-{i}");
            let date = PartialDate::parse(&format!("{}-{:02}", 2020 + i % 5, 1 + i % 12)).ok();
            g.add_node(entity(
                id.clone(),
                NodeKind::Event,
                words(rng, 3),
                "announcement",
                date,
            ));
            id
        })
        .collect()
}

/// Claims, spread over the articles in order.
fn add_claims(map: &mut Map, rng: &mut Rng, n: usize) {
    let n_articles = map.articles.len();
    for c in 0..n {
        let a = c * n_articles / n.max(1);
        let id = format!("claim:claim-{c}");
        let k = 6 + rng.below(12);
        let text = words(rng, k);
        map.g.add_node(Node {
            id: id.clone().into(),
            kind: NodeKind::Claim,
            label: text.clone().into(),
            data: NodeData::Claim {
                text: text.into(),
                evidence: Evidence {
                    article: map.articles[a].0.clone().into(),
                    quote: words(rng, 10).into(),
                },
                claim_kind: ClaimKind::Evaluation,
                speaker: None,
                hedged: rng.odds(20, 100),
                date: Some(map.articles[a].1),
            },
            origin: Origin::Curated,
        });
        map.claims.push((id, a));
    }
}

/// Each article's authors, outlet, mentions and (half the time) an event it refers to.
fn link_articles(map: &mut Map, rng: &mut Rng) {
    for (a, (stem, _)) in map.articles.clone().iter().enumerate() {
        let id = format!("article:{stem}");
        if !map.actors.is_empty() {
            for _ in 0..1 + rng.below(2) {
                let au = pick(rng, &map.actors);
                map.edge(&au, EdgeKind::Authored, &id, a, None);
            }
            let outlet = pick(rng, &map.actors);
            map.edge(&id, EdgeKind::PublishedBy, &outlet, a, None);
            for _ in 0..6 {
                let m = if rng.odds(50, 100) {
                    pick(rng, &map.actors)
                } else {
                    pick(rng, &map.policies)
                };
                map.edge(&id, EdgeKind::Mentions, &m, a, None);
            }
        }
        if rng.odds(50, 100) {
            let ev = pick(rng, &map.events);
            map.edge(&id, EdgeKind::RefersTo, &ev, a, None);
        }
    }
}

/// Each claim: made by its article, about policies with a stance, now and then
/// linked to a recent claim (both ways with `cycles`) and attributed to an actor.
fn link_claims(map: &mut Map, rng: &mut Rng, cycles: bool) {
    let stances = [Stance::For, Stance::Against, Stance::Mixed, Stance::Neutral];
    let claims = map.claims.clone();
    for (k, (c, a)) in claims.iter().enumerate() {
        let art = format!("article:{}", map.articles[*a].0);
        map.edge(&art, EdgeKind::Makes, c, *a, None);
        if !map.policies.is_empty() {
            for _ in 0..1 + rng.below(2) {
                let p = pick(rng, &map.policies);
                let s = stances[rng.below(4)];
                map.edge(c, EdgeKind::About, &p, *a, Some(s));
            }
        }
        if k > 0 && rng.odds(40, 100) {
            let (other, _) = &claims[k - 1 - rng.below(k.min(8))];
            let kind = [EdgeKind::Supports, EdgeKind::Attacks, EdgeKind::Echoes][rng.below(3)];
            map.edge(c, kind, other, *a, None);
            if cycles && rng.odds(50, 100) {
                map.edge(other, EdgeKind::Attacks, c, *a, None);
            }
        }
        if !map.actors.is_empty() && rng.odds(15, 100) {
            let sp = pick(rng, &map.actors);
            map.edge(c, EdgeKind::AttributedTo, &sp, *a, None);
        }
    }
}

/// Actors: every fourth a member of another, some proposing or criticising a policy.
fn link_actors(map: &mut Map, rng: &mut Rng) {
    let actors = map.actors.clone();
    for (i, p) in actors.iter().enumerate() {
        let a = rng.below(map.articles.len());
        if i % 4 == 0 && actors.len() > 1 {
            let party = pick(rng, &actors);
            if &party != p {
                map.edge(p, EdgeKind::MemberOf, &party, a, None);
            }
        }
        if rng.odds(30, 100) && !map.policies.is_empty() {
            let kind = if rng.odds(60, 100) {
                EdgeKind::Proposes
            } else {
                EdgeKind::Criticises
            };
            let pol = pick(rng, &map.policies);
            map.edge(p, kind, &pol, a, None);
        }
    }
}

/// Policies: some evolve into the next or are part of another; with `cycles`, some
/// evolve back into an earlier one.
fn link_policies(map: &mut Map, rng: &mut Rng, cycles: bool) {
    let policies = map.policies.clone();
    for i in 1..policies.len() {
        let a = rng.below(map.articles.len());
        if rng.odds(20, 100) {
            map.edge(
                &policies[i - 1],
                EdgeKind::EvolvesInto,
                &policies[i],
                a,
                None,
            );
        } else if rng.odds(10, 100) {
            let parent = pick(rng, &policies);
            if parent != policies[i] {
                map.edge(&policies[i], EdgeKind::PartOf, &parent, a, None);
            }
        }
        if cycles && i >= 3 && rng.odds(10, 100) {
            map.edge(
                &policies[i],
                EdgeKind::EvolvesInto,
                &policies[i - 3],
                a,
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_determinism() {
        for n in [20, 100, 500] {
            let a = argument_map(&SynthOptions {
                nodes: n,
                seed: 5,
                cycles: true,
            });
            assert_eq!(a.node_count(), n);
            let b = argument_map(&SynthOptions {
                nodes: n,
                seed: 5,
                cycles: true,
            });
            assert_eq!(a.graph.edge_count(), b.graph.edge_count());
            assert_eq!(a.ids().collect::<Vec<_>>(), b.ids().collect::<Vec<_>>());
            let kinds = a.count_edges();
            assert!(
                kinds.contains_key(&EdgeKind::About) && kinds.contains_key(&EdgeKind::Mentions),
                "{kinds:?}"
            );
        }
    }
}
