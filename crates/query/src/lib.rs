//! Questions asked of the graph: resolve a node, show it, its neighbours, the paths
//! between two nodes, a timeline, the stances on a policy, a text search and summary
//! statistics.
//!
//! Every query is a pure function of a [`LevelGraph`] and a plain options struct, and
//! returns a plain answer struct. Answers serialise (serde) to a stable, versioned JSON
//! schema: each carries `"schema": "levelmap/<command>"` and `"version": 1`; the fields
//! are documented on the structs and in `docs/query.md`. A breaking change to an
//! answer bumps [`VERSION`]. Each answer also names the nodes it is about
//! ([`Answer::nodes`]), so that the command line can draw just that subgraph.

pub mod neighbors;
pub mod path;
pub mod resolve;
pub mod search;
pub mod show;
pub mod stance;
pub mod stats;
pub mod timeline;
pub mod view;

use std::collections::BTreeSet;

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};

use levelmap_model::date::{DateError, PartialDate};
use levelmap_model::graph::{Edge, LevelGraph};
use levelmap_model::{article_node_id, EdgeKind, NodeKind, Origin, Stance, Text};

pub use resolve::{resolve, resolve_as};

/// The version of every query answer schema.
pub const VERSION: u32 = 1;

/// What every answer can do besides serialising itself.
pub trait Answer: Serialize {
    /// The schema name, `levelmap/<command>`.
    const SCHEMA: &'static str;

    /// The nodes this answer is about (for a drawing of just its subgraph).
    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex>;
}

/// The node indices of a list of ids (unknown ids are skipped).
pub fn indices<'a>(g: &LevelGraph, ids: impl IntoIterator<Item = &'a str>) -> BTreeSet<NodeIndex> {
    ids.into_iter().filter_map(|id| g.find(id)).collect()
}

/// Why a query could not be answered. Every message names what was given and says
/// what to do instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryError {
    /// No node has this id, name or alias.
    #[error("no node '{query}'{}", did_you_mean(suggestions))]
    UnknownNode {
        /// What was asked for.
        query: String,
        /// The closest nodes, best first.
        suggestions: Vec<NodeRef>,
    },
    /// Several nodes have this name or alias.
    #[error(
        "'{query}' is ambiguous: it could be {}; give the id instead",
        list_candidates(candidates)
    )]
    Ambiguous {
        /// What was asked for.
        query: String,
        /// Every node it could mean.
        candidates: Vec<NodeRef>,
    },
    /// A node of the wrong kind for this question.
    #[error("{} is {} {}, not {} {expected}{}", node.id, article(node.kind.as_str()), node.kind, article(expected.as_str()), did_you_mean(suggestions))]
    WrongKind {
        /// The node found.
        node: NodeRef,
        /// The kind needed.
        expected: NodeKind,
        /// Nodes of the expected kind with a close name.
        suggestions: Vec<NodeRef>,
    },
    /// A date flag that is not a date.
    #[error("--{flag}: {source}")]
    BadDate {
        /// The flag (without dashes).
        flag: String,
        /// Why the date was refused.
        source: DateError,
    },
    /// `--from` after `--to`.
    #[error("--from {from} is after --to {to}: nothing can fall between them")]
    BadRange {
        /// Start.
        from: PartialDate,
        /// End.
        to: PartialDate,
    },
    /// `--depth 0`.
    #[error("--depth must be at least 1 (got {depth}): depth 1 lists the direct neighbours, 2 their neighbours too")]
    BadDepth {
        /// The depth given.
        depth: usize,
    },
    /// A count flag of 0.
    #[error("--{flag} must be at least 1 (got 0)")]
    BadCount {
        /// The flag (without dashes).
        flag: String,
    },
    /// A search with no words in it.
    #[error("nothing to search for in '{query}': give at least one word of letters or digits")]
    EmptySearch {
        /// What was given.
        query: String,
    },
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn did_you_mean(s: &[NodeRef]) -> String {
    match s {
        [] => "; try `levelmap search` with a word from its name".into(),
        [one] => format!("; did you mean {}?", one.brief()),
        more => {
            let names: Vec<String> = more.iter().map(NodeRef::brief).collect();
            let (last, rest) = names.split_last().expect("non-empty");
            format!("; did you mean {} or {last}?", rest.join(", "))
        }
    }
}

fn list_candidates(c: &[NodeRef]) -> String {
    c.iter()
        .map(|n| format!("{} ({}, {})", n.id, n.label, n.kind))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parse a date given to a flag (`flag` without dashes), as a typed error.
pub fn parse_date(flag: &str, text: &str) -> Result<PartialDate, QueryError> {
    PartialDate::parse(text).map_err(|source| QueryError::BadDate {
        flag: flag.into(),
        source,
    })
}

/// A node, as answers name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeRef {
    /// `kind:slug`.
    pub id: Text,
    /// article | actor | policy | claim | event.
    pub kind: NodeKind,
    /// Name, title or claim paraphrase.
    pub label: Text,
}

impl NodeRef {
    /// The reference to node `i`.
    pub fn of(g: &LevelGraph, i: NodeIndex) -> Self {
        let n = g.node(i);
        NodeRef {
            id: n.id.clone(),
            kind: n.kind,
            label: n.label.clone(),
        }
    }

    /// `actor:rachel-reeves (Rachel Reeves)`.
    pub(crate) fn brief(&self) -> String {
        format!("{} ({})", self.id, self.label)
    }
}

/// The evidence of an edge: the article, its title and date, and the verbatim quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRef {
    /// Article id (`article:<stem>`).
    pub article: Text,
    /// The article's title.
    pub title: Text,
    /// The article's date, at its precision.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// The quote, verbatim.
    pub quote: Text,
}

impl EvidenceRef {
    /// The evidence of an edge.
    pub fn of(g: &LevelGraph, e: &Edge) -> Self {
        Self::quote(g, &e.evidence.article, &e.evidence.quote)
    }

    /// A quote from the article with stem `stem`.
    pub fn quote(g: &LevelGraph, stem: &str, quote: &Text) -> Self {
        let (article, title, date) = match g.find_article(stem) {
            Some(i) => {
                let n = g.node(i);
                (n.id.clone(), n.label.clone(), n.date())
            }
            None => (article_node_id(stem).into(), Text::from(""), None),
        };
        EvidenceRef {
            article,
            title,
            date,
            quote: quote.clone(),
        }
    }
}

/// Which way an edge was walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Walk {
    /// Along the edge, source to target ("proposes").
    Forward,
    /// Against it, target to source ("proposed by").
    Backward,
}

/// One step along an edge, read in the direction of travel, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hop {
    /// Where the step starts.
    pub from: NodeRef,
    /// Where it ends.
    pub to: NodeRef,
    /// The edge kind.
    pub edge: EdgeKind,
    /// Whether the edge was walked forward or backward.
    pub walk: Walk,
    /// How it reads in this direction ("proposes", "proposed by").
    pub phrase: String,
    /// `about` edges: the stance.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stance: Option<Stance>,
    /// curated | derived | extracted.
    pub origin: String,
    /// The article and quote the edge rests on.
    pub evidence: EvidenceRef,
}

impl Hop {
    /// The hop along edge `e`, starting at `from` (either end of the edge).
    pub fn along(g: &LevelGraph, e: EdgeIndex, from: NodeIndex) -> Self {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
        let w = g.edge(e);
        let (walk, to) = if a == from {
            (Walk::Forward, b)
        } else {
            (Walk::Backward, a)
        };
        let phrase = match walk {
            Walk::Forward => w.kind.phrase(),
            Walk::Backward => w.kind.inverse_phrase(),
        };
        Hop {
            from: NodeRef::of(g, from),
            to: NodeRef::of(g, to),
            edge: w.kind,
            walk,
            phrase: phrase.to_string(),
            stance: w.stance,
            origin: origin_name(w.origin).to_string(),
            evidence: EvidenceRef::of(g, w),
        }
    }
}

/// `curated`, `derived` or `extracted`.
pub(crate) fn origin_name(o: Origin) -> &'static str {
    match o {
        Origin::Curated => "curated",
        Origin::Derived => "derived",
        Origin::Extracted(_) => "extracted",
    }
}

/// Who said a claim: its attributed speaker, else the article's authors, else (for an
/// article with no named author, such as a think tank's report) the article's outlet.
pub(crate) fn who_said(g: &LevelGraph, claim: NodeIndex) -> Vec<NodeIndex> {
    let speakers = g.speakers(claim);
    if !speakers.is_empty() {
        return speakers;
    }
    let Some(article) = g.article_of(claim) else {
        return vec![];
    };
    let mut outlets: Vec<NodeIndex> = g
        .graph
        .edges_directed(article, petgraph::Direction::Outgoing)
        .filter(|e| e.weight().kind == EdgeKind::PublishedBy)
        .map(|e| petgraph::visit::EdgeRef::target(&e))
        .collect();
    outlets.sort();
    outlets
}

/// Lists longer than this are worked on all cores (a hub's answer has tens of
/// thousands of entries); shorter ones are not worth starting threads for.
const PARALLEL: usize = 2048;

/// Append `f` of every item to `out`, in order: on all cores for a long list, written
/// straight into `out` (reserve room first, and nothing is copied).
pub fn extend_in_order<T: Sync, U: Send>(
    out: &mut Vec<U>,
    items: &[T],
    f: impl Fn(&T) -> U + Sync + Send,
) {
    use rayon::prelude::*;
    if items.len() < PARALLEL {
        out.extend(items.iter().map(f));
    } else {
        out.par_extend(items.par_iter().with_min_len(256).map(f));
    }
}

/// A stable sort. A long list's order is found on all cores, on a list of positions,
/// and then applied in place: sorting the items themselves would take a buffer as
/// large as they are.
pub(crate) fn sort_stable<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync)
where
    T: Sync,
{
    use rayon::prelude::*;
    if items.len() < PARALLEL {
        items.sort_by(cmp);
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.par_sort_by(|&a, &b| cmp(&items[a], &items[b]));
    // Position k takes the item at order[k]: follow each cycle, swapping.
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The claims whose [`who_said`] includes actor `x`.
pub fn claims_by(g: &LevelGraph, x: NodeIndex) -> BTreeSet<NodeIndex> {
    use petgraph::visit::EdgeRef;
    use petgraph::Direction::{Incoming, Outgoing};
    let mut candidates: BTreeSet<NodeIndex> = BTreeSet::new();
    for e in g.graph.edges_directed(x, Incoming) {
        match e.weight().kind {
            EdgeKind::AttributedTo => {
                candidates.insert(e.source());
            }
            EdgeKind::PublishedBy => {
                candidates.extend(
                    g.graph
                        .edges_directed(e.source(), Outgoing)
                        .filter(|m| m.weight().kind == EdgeKind::Makes)
                        .map(|m| m.target()),
                );
            }
            _ => {}
        }
    }
    for e in g.graph.edges_directed(x, Outgoing) {
        if e.weight().kind == EdgeKind::Authored {
            candidates.extend(
                g.graph
                    .edges_directed(e.target(), Outgoing)
                    .filter(|m| m.weight().kind == EdgeKind::Makes)
                    .map(|m| m.target()),
            );
        }
    }
    candidates
        .into_iter()
        .filter(|&c| who_said(g, c).contains(&x))
        .collect()
}

/// How well an edge kind explains a connection: lower is better. Curated, meaningful
/// edges first, then the bookkeeping of who wrote what, then computed mentions.
pub fn explain_rank(kind: EdgeKind) -> u8 {
    match kind {
        EdgeKind::Proposes
        | EdgeKind::Criticises
        | EdgeKind::EvolvesInto
        | EdgeKind::Replaces
        | EdgeKind::PartOf => 0,
        EdgeKind::About | EdgeKind::AttributedTo | EdgeKind::MemberOf => 1,
        EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Echoes => 2,
        EdgeKind::Authored | EdgeKind::PublishedBy | EdgeKind::RefersTo | EdgeKind::Makes => 3,
        EdgeKind::Mentions => 4,
    }
}

/// Counts of stances.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceCounts {
    /// In favour.
    #[serde(rename = "for")]
    pub for_: usize,
    /// Against.
    pub against: usize,
    /// Mixed.
    pub mixed: usize,
    /// Neutral.
    pub neutral: usize,
}

impl StanceCounts {
    /// Count one stance.
    pub fn add(&mut self, s: Stance) {
        match s {
            Stance::For => self.for_ += 1,
            Stance::Against => self.against += 1,
            Stance::Mixed => self.mixed += 1,
            Stance::Neutral => self.neutral += 1,
        }
    }

    /// The total.
    pub fn total(&self) -> usize {
        self.for_ + self.against + self.mixed + self.neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_stable_is_the_standard_stable_sort_at_every_length() {
        let mut seed: u64 = 7;
        for n in [0, 1, 2, 5, PARALLEL - 1, PARALLEL, PARALLEL + 1, 10_000] {
            // (key, original position): many ties, so stability shows.
            let items: Vec<(u64, usize)> = (0..n)
                .map(|k| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 33) % 97, k)
                })
                .collect();
            let mut ours = items.clone();
            sort_stable(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    fn r(id: &str, kind: NodeKind, label: &str) -> NodeRef {
        NodeRef {
            id: id.into(),
            kind,
            label: label.into(),
        }
    }

    #[test]
    fn messages() {
        let e = QueryError::UnknownNode {
            query: "Rachel Reves".into(),
            suggestions: vec![r("actor:rachel-reeves", NodeKind::Actor, "Rachel Reeves")],
        };
        assert_eq!(
            e.to_string(),
            "no node 'Rachel Reves'; did you mean actor:rachel-reeves (Rachel Reeves)?"
        );
        let e = QueryError::UnknownNode {
            query: "x".into(),
            suggestions: vec![
                r("actor:a", NodeKind::Actor, "A"),
                r("actor:b", NodeKind::Actor, "B"),
                r("policy:c", NodeKind::Policy, "C"),
            ],
        };
        assert_eq!(
            e.to_string(),
            "no node 'x'; did you mean actor:a (A), actor:b (B) or policy:c (C)?"
        );
        let e = QueryError::UnknownNode {
            query: "zzz".into(),
            suggestions: vec![],
        };
        assert_eq!(
            e.to_string(),
            "no node 'zzz'; try `levelmap search` with a word from its name"
        );
        let e = QueryError::Ambiguous {
            query: "Labour".into(),
            candidates: vec![
                r("actor:labour-party", NodeKind::Actor, "Labour Party"),
                r("policy:labour", NodeKind::Policy, "Labour"),
            ],
        };
        assert_eq!(
            e.to_string(),
            "'Labour' is ambiguous: it could be actor:labour-party (Labour Party, actor), policy:labour (Labour, policy); give the id instead"
        );
        let e = QueryError::WrongKind {
            node: r("actor:rachel-reeves", NodeKind::Actor, "Rachel Reeves"),
            expected: NodeKind::Policy,
            suggestions: vec![],
        };
        assert!(
            e.to_string()
                .starts_with("actor:rachel-reeves is an actor, not a policy; try"),
            "{e}"
        );
        assert_eq!(
            parse_date("from", "2021-13").unwrap_err().to_string(),
            "--from: '2021-13' has no month 13: months run from 01 to 12"
        );
        assert!(parse_date("to", "Sept 2021")
            .unwrap_err()
            .to_string()
            .starts_with("--to: 'Sept 2021' is not a date"));
        assert_eq!(
            QueryError::BadDepth { depth: 0 }.to_string(),
            "--depth must be at least 1 (got 0): depth 1 lists the direct neighbours, 2 their neighbours too"
        );
        let (a, b) = (
            PartialDate::parse("2023").unwrap(),
            PartialDate::parse("2021-09").unwrap(),
        );
        assert_eq!(
            QueryError::BadRange { from: a, to: b }.to_string(),
            "--from 2023 is after --to 2021-09: nothing can fall between them"
        );
        assert_eq!(
            QueryError::BadCount { flag: "max".into() }.to_string(),
            "--max must be at least 1 (got 0)"
        );
        assert_eq!(
            QueryError::EmptySearch { query: "--".into() }.to_string(),
            "nothing to search for in '--': give at least one word of letters or digits"
        );
    }
}
