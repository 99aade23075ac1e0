//! Generated graphs shaped like an argument map of a policy debate (articles making
//! claims about policies, written by actors, over several years), of any size, for
//! benchmarks and layout tests. Deterministic for a given seed.

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{
    ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Stance,
};

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

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
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

/// Generate an argument-map-shaped graph: about 5% articles, 50% claims, 20% actors,
/// 20% policies and 5% events, with authored, published-by, makes, about (with a
/// stance), supports, attacks, echoes, attributed-to, proposes, criticises,
/// member-of, evolves-into, part-of, refers-to and mentions edges, each evidenced by
/// an article.
pub fn argument_map(opts: &SynthOptions) -> LevelGraph {
    let mut rng = Rng(opts.seed);
    let n = opts.nodes.max(20);
    let n_articles = (n / 20).max(2);
    let n_actors = n / 5;
    let n_policies = n / 5;
    let n_events = (n / 20).max(1);
    let n_claims = n - n_articles - n_actors - n_policies - n_events;
    let mut g = LevelGraph::new();
    g.digest = format!("synth-{}-{}", opts.nodes, opts.seed);

    // Articles, spread over 2020-2024 in date order.
    let mut articles = Vec::new();
    for a in 0..n_articles {
        let month = 1 + (a * 60 / n_articles) as u32;
        let (y, m) = (2020 + (month - 1) / 12, 1 + (month - 1) % 12);
        let d = 1 + rng.below(28);
        let date = PartialDate::parse(&format!("{y}-{m:02}-{d:02}"))
            .unwrap_or(PartialDate::parse("2020").expect("valid"));
        let stem = format!("{y}-{m:02}-article-{a}");
        let k = 4 + rng.below(6);
        let title = words(&mut rng, k);
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
    let actors: Vec<String> = (0..n_actors)
        .map(|i| {
            let id = format!("actor:actor-{i}");
            let sub = ["person", "party", "think-tank", "government-body"][i % 4];
            g.add_node(entity(
                id.clone(),
                NodeKind::Actor,
                format!("Actor {} {i}", words(&mut rng, 1)),
                sub,
                None,
            ));
            id
        })
        .collect();
    let policies: Vec<String> = (0..n_policies)
        .map(|i| {
            let id = format!("policy:policy-{i}");
            g.add_node(entity(
                id.clone(),
                NodeKind::Policy,
                {
                    let k = 2 + rng.below(3);
                    words(&mut rng, k)
                },
                "programme",
                None,
            ));
            id
        })
        .collect();
    let events: Vec<String> = (0..n_events)
        .map(|i| {
            let id = format!("event:event-{i}");
            let date = PartialDate::parse(&format!("{}-{:02}", 2020 + i % 5, 1 + i % 12)).ok();
            g.add_node(entity(
                id.clone(),
                NodeKind::Event,
                words(&mut rng, 3),
                "announcement",
                date,
            ));
            id
        })
        .collect();
    // Claims, spread over the articles in order.
    let mut claims: Vec<(String, usize)> = Vec::new();
    for c in 0..n_claims {
        let a = c * n_articles / n_claims.max(1);
        let id = format!("claim:claim-{c}");
        let k = 6 + rng.below(12);
        let text = words(&mut rng, k);
        g.add_node(Node {
            id: id.clone().into(),
            kind: NodeKind::Claim,
            label: text.clone().into(),
            data: NodeData::Claim {
                text: text.into(),
                evidence: Evidence {
                    article: articles[a].0.clone().into(),
                    quote: words(&mut rng, 10).into(),
                },
                claim_kind: ClaimKind::Evaluation,
                speaker: None,
                hedged: rng.chance(20),
                date: Some(articles[a].1),
            },
            origin: Origin::Curated,
        });
        claims.push((id, a));
    }

    let edge = |g: &mut LevelGraph,
                from: &str,
                kind: EdgeKind,
                to: &str,
                article: usize,
                stance: Option<Stance>| {
        let e = Edge {
            kind,
            evidence: Evidence {
                article: articles[article].0.clone().into(),
                quote: format!("{from} {kind} {to}").into(),
            },
            stance,
            note: None,
            origin: Origin::Curated,
        };
        g.add_edge(from, to, e);
    };
    let pick = |rng: &mut Rng, v: &[String]| v[rng.below(v.len())].clone();
    let stances = [Stance::For, Stance::Against, Stance::Mixed, Stance::Neutral];
    for (a, (stem, _)) in articles.clone().iter().enumerate() {
        let id = format!("article:{stem}");
        if !actors.is_empty() {
            for _ in 0..1 + rng.below(2) {
                let au = pick(&mut rng, &actors);
                edge(&mut g, &au, EdgeKind::Authored, &id, a, None);
            }
            let outlet = pick(&mut rng, &actors);
            edge(&mut g, &id, EdgeKind::PublishedBy, &outlet, a, None);
            for _ in 0..6 {
                let m = if rng.chance(50) {
                    pick(&mut rng, &actors)
                } else {
                    pick(&mut rng, &policies)
                };
                edge(&mut g, &id, EdgeKind::Mentions, &m, a, None);
            }
        }
        if rng.chance(50) {
            let ev = pick(&mut rng, &events);
            edge(&mut g, &id, EdgeKind::RefersTo, &ev, a, None);
        }
    }
    for (k, (c, a)) in claims.clone().iter().enumerate() {
        let art = format!("article:{}", articles[*a].0);
        edge(&mut g, &art, EdgeKind::Makes, c, *a, None);
        if !policies.is_empty() {
            for _ in 0..1 + rng.below(2) {
                let p = pick(&mut rng, &policies);
                let s = stances[rng.below(4)];
                edge(&mut g, c, EdgeKind::About, &p, *a, Some(s));
            }
        }
        if k > 0 && rng.chance(40) {
            let (other, _) = &claims[k - 1 - rng.below(k.min(8))];
            let kind = [EdgeKind::Supports, EdgeKind::Attacks, EdgeKind::Echoes][rng.below(3)];
            edge(&mut g, c, kind, other, *a, None);
            if opts.cycles && rng.chance(50) {
                edge(&mut g, other, EdgeKind::Attacks, c, *a, None);
            }
        }
        if !actors.is_empty() && rng.chance(15) {
            let sp = pick(&mut rng, &actors);
            edge(&mut g, c, EdgeKind::AttributedTo, &sp, *a, None);
        }
    }
    for (i, p) in actors.iter().enumerate() {
        let a = rng.below(articles.len());
        if i % 4 == 0 && actors.len() > 1 {
            let party = pick(&mut rng, &actors);
            if &party != p {
                edge(&mut g, p, EdgeKind::MemberOf, &party, a, None);
            }
        }
        if rng.chance(30) && !policies.is_empty() {
            let kind = if rng.chance(60) {
                EdgeKind::Proposes
            } else {
                EdgeKind::Criticises
            };
            let pol = pick(&mut rng, &policies);
            edge(&mut g, p, kind, &pol, a, None);
        }
    }
    for i in 1..policies.len() {
        let a = rng.below(articles.len());
        if rng.chance(20) {
            edge(
                &mut g,
                &policies[i - 1],
                EdgeKind::EvolvesInto,
                &policies[i],
                a,
                None,
            );
        } else if rng.chance(10) {
            let parent = pick(&mut rng, &policies);
            if parent != policies[i] {
                edge(&mut g, &policies[i], EdgeKind::PartOf, &parent, a, None);
            }
        }
        if opts.cycles && i >= 3 && rng.chance(10) {
            edge(
                &mut g,
                &policies[i],
                EdgeKind::EvolvesInto,
                &policies[i - 3],
                a,
                None,
            );
        }
    }
    g
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
