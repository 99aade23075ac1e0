//! Synthetic graphs for the layout benchmark and the dense-case tests: many claims
//! from many articles over many years, with a seeded generator so that every run
//! builds the same graph.

use levelmap_model::date::{civil_from_days, days_from_civil, PartialDate};
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{
    ArticleDate, ClaimKind, DateProvenance, EdgeKind, Evidence, NodeKind, Origin, Stance,
};

use crate::rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SynthOptions {
    /// Number of claims.
    pub claims: usize,
    /// Years covered, from 2015.
    pub years: u32,
    /// Number of articles (0: one for every 8 claims).
    pub articles: usize,
    /// Number of ideas (policies).
    pub policies: usize,
    /// Give every article the same date (the worst case for label packing).
    pub same_date: bool,
    /// Seed.
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            claims: 2000,
            years: 10,
            articles: 0,
            policies: 24,
            same_date: false,
            seed: 42,
        }
    }
}

const WORDS: [&str; 40] = [
    "regional",
    "growth",
    "towns",
    "devolution",
    "skills",
    "investment",
    "productivity",
    "funding",
    "mayors",
    "infrastructure",
    "inequality",
    "north",
    "councils",
    "strategy",
    "missions",
    "security",
    "jobs",
    "housing",
    "transport",
    "levelling",
    "local",
    "power",
    "Treasury",
    "bids",
    "competition",
    "evidence",
    "metrics",
    "places",
    "innovation",
    "research",
    "wages",
    "pride",
    "high streets",
    "deal",
    "accountability",
    "capacity",
    "long-term",
    "short-term",
    "rhetoric",
    "delivery",
];

fn sentence(r: &mut Rng, min: usize, max: usize) -> String {
    let n = min + r.below(max - min + 1);
    let mut s: Vec<String> = (0..n)
        .map(|_| WORDS[r.below(WORDS.len())].to_string())
        .collect();
    if let Some(f) = s.first_mut() {
        let mut c = f.chars();
        *f = c
            .next()
            .map(|x| x.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
    }
    s.join(" ") + "."
}

fn edge(kind: EdgeKind, article: &str, stance: Option<Stance>) -> Edge {
    Edge {
        kind,
        evidence: Evidence {
            article: article.into(),
            quote: "synthetic quote".into(),
        },
        stance,
        note: None,
        origin: Origin::Curated,
    }
}

/// How many actors there are (each article is authored by one of them in turn).
const N_ACTORS: usize = 40;

/// An edge to add once every node is in: from, to, the edge.
type Pending = (String, String, Edge);

/// Build a synthetic graph.
pub fn synthetic(o: &SynthOptions) -> LevelGraph {
    let mut r = Rng::xorshift_star(o.seed.wrapping_mul(2_654_435_761).max(1));
    let mut g = LevelGraph::new();
    let start = days_from_civil(2015, 1, 1);
    let span = i64::from(o.years.max(1)) * 365;
    let arts = article_dates(o, &mut r, start, span);
    add_articles(&mut g, &mut r, &arts);
    add_lexicon(&mut g, &mut r, o, start, span);
    let mut edges = add_claims(&mut g, &mut r, o, &arts);
    link_authors_and_lineage(&mut edges, &mut r, o, &arts);
    // Edges in a fixed order, whatever order they were drawn in.
    edges.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    for (a, b, e) in edges {
        g.add_edge(&a, &b, e);
    }
    g
}

/// The articles' dates (a day, a month or a year) and stems, in date order as the
/// graph builder adds them.
fn article_dates(
    o: &SynthOptions,
    r: &mut Rng,
    start: i64,
    span: i64,
) -> Vec<(PartialDate, String)> {
    let n_articles = if o.articles == 0 {
        (o.claims / 8).max(1)
    } else {
        o.articles
    };
    let mut arts: Vec<(PartialDate, String)> = (0..n_articles)
        .map(|k| {
            let day = if o.same_date {
                start + span / 2
            } else {
                start + (r.below(span as usize) as i64)
            };
            let (y, m, d) = civil_from_days(day);
            let text = match (o.same_date, r.below(10)) {
                (true, _) | (false, 0..=5) => format!("{y:04}-{m:02}-{d:02}"),
                (false, 6..=8) => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}"),
            };
            (
                PartialDate::parse(&text)
                    .unwrap_or_else(|_| PartialDate::year(2015).expect("2015 is a year")),
                format!("a{k:04}"),
            )
        })
        .collect();
    arts.sort();
    arts
}

/// The article nodes, with titles (dates other than a day are inferred).
fn add_articles(g: &mut LevelGraph, r: &mut Rng, arts: &[(PartialDate, String)]) {
    for (date, stem) in arts {
        let inferred = date.precision() != levelmap_model::date::Precision::Day;
        g.add_node(Node {
            id: format!("article:{stem}").into(),
            kind: NodeKind::Article,
            label: sentence(r, 4, 12).into(),
            data: NodeData::Article {
                title: sentence(r, 4, 12),
                date: ArticleDate {
                    value: *date,
                    provenance: if inferred {
                        DateProvenance::Inferred
                    } else {
                        DateProvenance::Stated
                    },
                    evidence: None,
                    reasoning: None,
                },
                url: None,
            },
            origin: Origin::Curated,
        });
    }
}

/// An entity node.
fn entity(id: String, kind: NodeKind, label: String, sub: &str, date: Option<PartialDate>) -> Node {
    Node {
        id: id.into(),
        kind,
        label: label.into(),
        data: NodeData::Entity {
            subkind: sub.to_string(),
            aliases: vec![],
            description: None,
            date,
            roles: vec![],
        },
        origin: Origin::Curated,
    }
}

/// The actors (people), the ideas (policies) and two dated events a year.
fn add_lexicon(g: &mut LevelGraph, r: &mut Rng, o: &SynthOptions, start: i64, span: i64) {
    for k in 0..N_ACTORS {
        g.add_node(entity(
            format!("actor:person-{k:02}"),
            NodeKind::Actor,
            format!("Person {k}"),
            "person",
            None,
        ));
    }
    for k in 0..o.policies {
        let name = format!("Idea {k}: {}", sentence(r, 1, 4).trim_end_matches('.'));
        g.add_node(entity(
            format!("policy:idea-{k:02}"),
            NodeKind::Policy,
            name,
            "agenda",
            None,
        ));
    }
    for k in 0..(o.years as usize * 2) {
        let day = start + r.below(span as usize) as i64;
        let (y, m, d) = civil_from_days(day);
        let date = PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}")).ok();
        g.add_node(entity(
            format!("event:e{k:02}"),
            NodeKind::Event,
            sentence(r, 2, 6),
            "announcement",
            date,
        ));
    }
}

/// Claims, spread over the articles; ideas drawn with a long tail. Returns the
/// claims' edges: made by their article, about ideas, and now and then echoing,
/// supporting or attacking an earlier claim.
fn add_claims(
    g: &mut LevelGraph,
    r: &mut Rng,
    o: &SynthOptions,
    arts: &[(PartialDate, String)],
) -> Vec<Pending> {
    let mut claims: Vec<(usize, String)> = (0..o.claims)
        .map(|k| (r.below(arts.len()), format!("claim:c{k:05}")))
        .collect();
    claims.sort();
    let stances = [Stance::For, Stance::Against, Stance::Mixed, Stance::Neutral];
    let mut edges: Vec<Pending> = Vec::new();
    for (k, (a, id)) in claims.iter().enumerate() {
        let (date, stem) = &arts[*a];
        g.add_node(Node {
            id: id.clone().into(),
            kind: NodeKind::Claim,
            label: sentence(r, 5, 18).into(),
            data: NodeData::Claim {
                text: sentence(r, 5, 18).into(),
                evidence: Evidence {
                    article: stem.clone().into(),
                    quote: "synthetic quote".into(),
                },
                claim_kind: ClaimKind::Evaluation,
                speaker: None,
                hedged: r.odds(2_000, 10_000),
                date: Some(*date),
            },
            origin: Origin::Curated,
        });
        edges.push((
            format!("article:{stem}"),
            id.clone(),
            edge(EdgeKind::Makes, stem, None),
        ));
        let n_about = 1 + r.below(2);
        for _ in 0..n_about {
            // Squared uniform: low-numbered ideas are discussed most.
            let u = r.below(1000) as f64 / 1000.0;
            let p = ((u * u) * o.policies.max(1) as f64) as usize;
            let st = stances[r.below(4)];
            edges.push((
                id.clone(),
                format!("policy:idea-{p:02}"),
                edge(EdgeKind::About, stem, Some(st)),
            ));
        }
        if k > 0 && r.odds(2_500, 10_000) {
            let t = &claims[r.below(k)].1;
            edges.push((id.clone(), t.clone(), edge(EdgeKind::Echoes, stem, None)));
        }
        if k > 0 && r.odds(1_500, 10_000) && claims[k - 1].0 == *a {
            edges.push((
                id.clone(),
                claims[k - 1].1.clone(),
                edge(EdgeKind::Supports, stem, None),
            ));
        }
        if k > 0 && r.odds(500, 10_000) {
            let t = &claims[r.below(k)].1;
            edges.push((id.clone(), t.clone(), edge(EdgeKind::Attacks, stem, None)));
        }
    }
    edges
}

/// Every article authored by an actor in turn; every third idea evolving from the
/// one before.
fn link_authors_and_lineage(
    edges: &mut Vec<Pending>,
    r: &mut Rng,
    o: &SynthOptions,
    arts: &[(PartialDate, String)],
) {
    for (k, (_, stem)) in arts.iter().enumerate() {
        edges.push((
            format!("actor:person-{:02}", k % N_ACTORS),
            format!("article:{stem}"),
            edge(EdgeKind::Authored, stem, None),
        ));
    }
    for k in (1..o.policies).step_by(3) {
        let stem = &arts[r.below(arts.len())].1;
        edges.push((
            format!("policy:idea-{:02}", k - 1),
            format!("policy:idea-{k:02}"),
            edge(EdgeKind::EvolvesInto, stem, None),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_sized() {
        let o = SynthOptions {
            claims: 200,
            ..SynthOptions::default()
        };
        let a = synthetic(&o);
        let b = synthetic(&o);
        assert_eq!(a.count_nodes()[&NodeKind::Claim], 200);
        assert_eq!(a.ids().collect::<Vec<_>>(), b.ids().collect::<Vec<_>>());
        assert_eq!(a.edge_count(), b.edge_count());
    }
}
