//! Statements: who took which stance on which policy, when, in which article, on
//! which quote. One definition (docs/networks.md): a claim about a policy gives one
//! statement per speaker (its attributed speaker, else the article's authors), with
//! the stance of its `about` edge; a `proposes` edge is a statement for, a
//! `criticises` edge one against. The duplicate rule then keeps every statement or
//! one per actor, policy, stance and article (or per window).

use std::collections::BTreeSet;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind, Stance, Text};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Where a statement was read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A claim (its id) about the policy.
    Claim(Text),
    /// A `proposes` or `criticises` edge.
    Relation(EdgeKind),
}

impl Source {
    /// `claim:…` or the edge kind, as printed.
    pub fn name(&self) -> &str {
        match self {
            Source::Claim(id) => id,
            Source::Relation(k) => k.as_str(),
        }
    }
}

/// One statement: an actor's stance on a policy, dated and evidenced.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Statement {
    /// The article's date (None when the article has none).
    pub date: Option<PartialDate>,
    /// The article's stem.
    pub article: Text,
    /// The actor's id.
    pub actor: Text,
    /// The policy's id.
    pub policy: Text,
    /// For, against, mixed or neutral.
    pub stance: Stance,
    /// The claim or relation it was read from.
    pub source: Source,
    /// The actor's name.
    pub actor_label: Text,
    /// The policy's name.
    pub policy_label: Text,
    /// The verbatim quote.
    pub quote: Text,
}

impl Statement {
    /// +1 for, −1 against, 0 mixed or neutral: the sign a statement gives a tie.
    pub fn sign(&self) -> i64 {
        match self.stance {
            Stance::For => 1,
            Stance::Against => -1,
            Stance::Mixed | Stance::Neutral => 0,
        }
    }

    /// Whether it takes a side (for or against): only these tie actors.
    pub fn signed(&self) -> bool {
        self.sign() != 0
    }
}

/// How often the same actor, policy and stance counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Duplicates {
    /// Every statement counts.
    All,
    /// One per actor, policy, stance and article (an article repeating itself counts once).
    #[default]
    Article,
    /// One per actor, policy and stance in the selection (or window).
    Window,
}

/// Which statements to keep. Empty sets keep all.
#[derive(Debug, Clone, Default)]
pub struct StatementFilter {
    /// Only these actors (ids).
    pub actors: BTreeSet<Text>,
    /// Only these policies (ids).
    pub policies: BTreeSet<Text>,
    /// Only these stances.
    pub stances: BTreeSet<Stance>,
    /// Dated statements overlapping from this date on (undated ones are dropped).
    pub from: Option<PartialDate>,
    /// Dated statements overlapping up to this date (inclusive at its precision).
    pub to: Option<PartialDate>,
}

impl StatementFilter {
    /// Whether a statement passes.
    pub fn keeps(&self, s: &Statement) -> bool {
        let in_set = |set: &BTreeSet<Text>, x: &Text| set.is_empty() || set.contains(x);
        if !in_set(&self.actors, &s.actor) || !in_set(&self.policies, &s.policy) {
            return false;
        }
        if !self.stances.is_empty() && !self.stances.contains(&s.stance) {
            return false;
        }
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(d) = s.date else { return false };
        self.from.is_none_or(|f| d.end_days() > f.start_days())
            && self.to.is_none_or(|t| d.start_days() < t.end_days())
    }
}

/// Every statement of the graph, sorted by (date, article, actor, policy, stance,
/// source): the same graph always gives the same list.
pub fn statements(g: &LevelGraph) -> Vec<Statement> {
    // One statement per about, proposes or criticises edge (more only for a claim
    // with several speakers): sized once, not doubled and copied as it fills.
    let likely = g
        .graph
        .edge_weights()
        .filter(|e| {
            matches!(
                e.kind,
                EdgeKind::About | EdgeKind::Proposes | EdgeKind::Criticises
            )
        })
        .count();
    let mut out = Vec::with_capacity(likely);
    for i in g.graph.node_indices() {
        let node = g.node(i);
        match (&node.data, node.kind) {
            (NodeData::Claim { date, evidence, .. }, NodeKind::Claim) => {
                let speakers: Vec<_> = g
                    .speakers(i)
                    .into_iter()
                    .filter(|&s| g.node(s).kind == NodeKind::Actor)
                    .collect();
                for e in g.graph.edges_directed(i, Direction::Outgoing) {
                    if e.weight().kind != EdgeKind::About {
                        continue;
                    }
                    let policy = g.node(e.target());
                    for &s in &speakers {
                        let actor = g.node(s);
                        out.push(Statement {
                            date: *date,
                            article: evidence.article.clone(),
                            actor: actor.id.clone(),
                            policy: policy.id.clone(),
                            stance: e.weight().stance.unwrap_or(Stance::Neutral),
                            source: Source::Claim(node.id.clone()),
                            actor_label: actor.label.clone(),
                            policy_label: policy.label.clone(),
                            quote: e.weight().evidence.quote.clone(),
                        });
                    }
                }
            }
            (_, NodeKind::Actor) => {
                for e in g.graph.edges_directed(i, Direction::Outgoing) {
                    let stance = match e.weight().kind {
                        EdgeKind::Proposes => Stance::For,
                        EdgeKind::Criticises => Stance::Against,
                        _ => continue,
                    };
                    let policy = g.node(e.target());
                    out.push(Statement {
                        date: g.evidence_date(e.weight()),
                        article: e.weight().evidence.article.clone(),
                        actor: node.id.clone(),
                        policy: policy.id.clone(),
                        stance,
                        source: Source::Relation(e.weight().kind),
                        actor_label: node.label.clone(),
                        policy_label: policy.label.clone(),
                        quote: e.weight().evidence.quote.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    let mut out = sorted(out);
    out.dedup();
    out
}

/// The statements in their `Ord` order, compared by numbers: each value of the
/// leading fields (date, article, actor, policy, stance) is ranked once among the
/// distinct ones (rank order is their order), and a key of these ranks orders most
/// pairs; only pairs equal on it are compared whole. Statements equal whole are the
/// same in every field, so the order is that of `sort` to the byte.
fn sorted(mut list: Vec<Statement>) -> Vec<Statement> {
    fn ranks<'a, T: Ord + std::hash::Hash + ?Sized + 'a>(
        items: impl Iterator<Item = &'a T>,
    ) -> rustc_hash::FxHashMap<&'a T, u32> {
        let mut rank: rustc_hash::FxHashMap<&T, u32> = Default::default();
        for t in items {
            rank.entry(t).or_insert(0);
        }
        let mut distinct: Vec<&T> = rank.keys().copied().collect();
        distinct.sort_unstable();
        for (k, t) in distinct.into_iter().enumerate() {
            rank.insert(t, k as u32);
        }
        rank
    }
    let date = ranks(list.iter().map(|s| &s.date));
    let article = ranks(list.iter().map(|s| &*s.article));
    let actor = ranks(list.iter().map(|s| &*s.actor));
    let policy = ranks(list.iter().map(|s| &*s.policy));
    let stance = ranks(list.iter().map(|s| &s.stance));
    let mut order: Vec<([u32; 5], u32)> = list
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let key = [
                date[&s.date],
                article[&*s.article],
                actor[&*s.actor],
                policy[&*s.policy],
                stance[&s.stance],
            ];
            (key, k as u32)
        })
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| list[a.1 as usize].cmp(&list[b.1 as usize]))
    });
    // moved into place along the permutation's cycles: position p takes the
    // statement at order[p] (no second list held)
    let mut from: Vec<u32> = order.into_iter().map(|(_, k)| k).collect();
    for start in 0..from.len() {
        let mut p = start;
        while from[p] != u32::MAX {
            let k = from[p] as usize;
            from[p] = u32::MAX;
            if k == start {
                break;
            }
            list.swap(p, k);
            p = k;
        }
    }
    list
}

/// The statements that pass `filter`, with the duplicate rule applied (the first of
/// each duplicate set, in the sorted order, is kept).
pub fn select(all: &[Statement], filter: &StatementFilter, dup: Duplicates) -> Vec<Statement> {
    let kept = all.iter().filter(|s| filter.keeps(s)).cloned();
    dedupe(kept, dup)
}

/// Apply the duplicate rule to statements in their sorted order (the set only
/// answers whether a key was seen: the kept statements stay in their order). The
/// keys are borrowed from the statements (which are then kept or dropped in place),
/// not cloned.
pub fn dedupe(list: impl IntoIterator<Item = Statement>, dup: Duplicates) -> Vec<Statement> {
    let mut list: Vec<Statement> = list.into_iter().collect();
    if dup == Duplicates::All {
        return list;
    }
    let keep: Vec<bool> = {
        let mut seen =
            rustc_hash::FxHashSet::with_capacity_and_hasher(list.len(), Default::default());
        list.iter()
            .map(|s| {
                let article = (dup == Duplicates::Article).then_some(&*s.article);
                seen.insert((&*s.actor, &*s.policy, s.stance, article))
            })
            .collect()
    };
    let mut keep = keep.into_iter();
    list.retain(|_| keep.next().unwrap_or(false));
    list
}

/// [`dedupe`] of borrowed statements: the same ones kept, in the same order, with
/// nothing cloned.
pub fn dedupe_refs<'a>(
    list: impl IntoIterator<Item = &'a Statement>,
    dup: Duplicates,
) -> Vec<&'a Statement> {
    let list = list.into_iter();
    let mut seen =
        rustc_hash::FxHashSet::with_capacity_and_hasher(list.size_hint().0, Default::default());
    list.filter(|s| match dup {
        Duplicates::All => true,
        Duplicates::Article => seen.insert((&*s.actor, &*s.policy, s.stance, Some(&*s.article))),
        Duplicates::Window => seen.insert((&*s.actor, &*s.policy, s.stance, None)),
    })
    .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    use levelmap_model::graph::{Edge, Node};
    use levelmap_model::{ArticleDate, ClaimKind, DateProvenance, Evidence, Origin};

    #[test]
    fn statements_sorted_by_ranks_are_in_ord_order() {
        use crate::testgen::random_statements;
        for (seed, count) in [(1, 0), (2, 1), (3, 50), (4, 4000)] {
            let mut list = random_statements(seed, count, 30, 12);
            // texts whose byte order differs from their lengths and cases; some
            // undated, some repeated whole
            for (k, s) in list.iter_mut().enumerate() {
                if k % 7 == 0 {
                    s.date = None;
                }
                if k % 5 == 0 {
                    s.article = format!("Ärt, \"{}\"", k % 9).into();
                    s.actor = format!("actor:{}", "z".repeat(k % 4)).into();
                }
                if k % 3 == 0 {
                    s.source = Source::Relation(EdgeKind::Proposes);
                    s.quote = format!("q{}", k % 2).into();
                }
            }
            let copies: Vec<Statement> = list.iter().step_by(4).cloned().collect();
            list.extend(copies);
            let mut expected = list.clone();
            expected.sort();
            assert_eq!(sorted(list), expected, "seed {seed}");
        }
    }

    fn ev(article: &str, quote: &str) -> Evidence {
        Evidence {
            article: article.into(),
            quote: quote.into(),
        }
    }

    fn entity(g: &mut LevelGraph, id: &str, kind: NodeKind) {
        g.add_node(Node {
            id: id.into(),
            kind,
            label: id.split(':').nth(1).unwrap_or(id).into(),
            data: NodeData::Entity {
                subkind: String::new(),
                aliases: vec![],
                description: None,
                date: None,
                roles: vec![],
            },
            origin: Origin::Curated,
        });
    }

    fn edge(kind: EdgeKind, article: &str, stance: Option<Stance>) -> Edge {
        Edge {
            kind,
            evidence: ev(article, "q"),
            stance,
            note: None,
            origin: Origin::Curated,
        }
    }

    /// A small graph: article a1 (2020-01, by author X) with a claim by A for P and a
    /// claim without a speaker (so X's) mixed on P and against Q; article a2 (2021-06)
    /// where B proposes P and criticises Q twice over (a claim and an edge).
    pub(crate) fn small() -> LevelGraph {
        let mut g = LevelGraph::new();
        for (stem, date) in [("a1", "2020-01"), ("a2", "2021-06")] {
            g.add_node(Node {
                id: format!("article:{stem}").into(),
                kind: NodeKind::Article,
                label: stem.into(),
                data: NodeData::Article {
                    title: stem.into(),
                    date: ArticleDate {
                        value: PartialDate::parse(date).unwrap(),
                        provenance: DateProvenance::Stated,
                        evidence: None,
                        reasoning: None,
                    },
                    url: None,
                },
                origin: Origin::Curated,
            });
        }
        for a in ["actor:a", "actor:b", "actor:x"] {
            entity(&mut g, a, NodeKind::Actor);
        }
        for p in ["policy:p", "policy:q"] {
            entity(&mut g, p, NodeKind::Policy);
        }
        for (id, article, date) in [
            ("claim:c1", "a1", "2020-01"),
            ("claim:c2", "a1", "2020-01"),
            ("claim:c3", "a2", "2021-06"),
        ] {
            g.add_node(Node {
                id: id.into(),
                kind: NodeKind::Claim,
                label: id.into(),
                data: NodeData::Claim {
                    text: id.into(),
                    evidence: ev(article, "q"),
                    claim_kind: ClaimKind::Evaluation,
                    speaker: None,
                    hedged: false,
                    date: Some(PartialDate::parse(date).unwrap()),
                },
                origin: Origin::Curated,
            });
        }
        g.add_edge(
            "actor:x",
            "article:a1",
            edge(EdgeKind::Authored, "a1", None),
        );
        g.add_edge(
            "claim:c1",
            "actor:a",
            edge(EdgeKind::AttributedTo, "a1", None),
        );
        g.add_edge(
            "claim:c1",
            "policy:p",
            edge(EdgeKind::About, "a1", Some(Stance::For)),
        );
        g.add_edge(
            "claim:c2",
            "policy:p",
            edge(EdgeKind::About, "a1", Some(Stance::Mixed)),
        );
        g.add_edge(
            "claim:c2",
            "policy:q",
            edge(EdgeKind::About, "a1", Some(Stance::Against)),
        );
        g.add_edge(
            "claim:c3",
            "actor:b",
            edge(EdgeKind::AttributedTo, "a2", None),
        );
        g.add_edge(
            "claim:c3",
            "policy:q",
            edge(EdgeKind::About, "a2", Some(Stance::Against)),
        );
        g.add_edge("actor:b", "policy:p", edge(EdgeKind::Proposes, "a2", None));
        g.add_edge(
            "actor:b",
            "policy:q",
            edge(EdgeKind::Criticises, "a2", None),
        );
        g
    }

    fn brief(v: &[Statement]) -> Vec<String> {
        v.iter()
            .map(|s| {
                format!(
                    "{} {} {} {} {}",
                    s.article,
                    s.actor,
                    s.stance,
                    s.policy,
                    s.source.name()
                )
            })
            .collect()
    }

    #[test]
    fn claims_give_their_speaker_else_the_authors_and_relations_give_for_and_against() {
        let all = statements(&small());
        assert_eq!(
            brief(&all),
            [
                "a1 actor:a for policy:p claim:c1",
                "a1 actor:x mixed policy:p claim:c2",
                "a1 actor:x against policy:q claim:c2",
                "a2 actor:b for policy:p proposes",
                "a2 actor:b against policy:q claim:c3",
                "a2 actor:b against policy:q criticises",
            ]
        );
    }

    #[test]
    fn the_article_rule_counts_a_repeated_stance_once_and_all_keeps_it() {
        let all = statements(&small());
        let f = StatementFilter::default();
        assert_eq!(select(&all, &f, Duplicates::All).len(), 6);
        let one = select(&all, &f, Duplicates::Article);
        assert_eq!(one.len(), 5);
        assert_eq!(
            one[4].source,
            Source::Claim("claim:c3".into()),
            "the first in order is kept"
        );
    }

    #[test]
    fn filters_by_actor_stance_and_dates() {
        let all = statements(&small());
        let f = StatementFilter {
            stances: [Stance::Against].into(),
            from: Some(PartialDate::parse("2021").unwrap()),
            ..Default::default()
        };
        assert_eq!(select(&all, &f, Duplicates::All).len(), 2);
        let f = StatementFilter {
            actors: ["actor:x".into()].into(),
            ..Default::default()
        };
        assert_eq!(select(&all, &f, Duplicates::All).len(), 2);
        let f = StatementFilter {
            to: Some(PartialDate::parse("2019").unwrap()),
            ..Default::default()
        };
        assert!(select(&all, &f, Duplicates::All).is_empty());
    }
}
