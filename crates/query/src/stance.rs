//! `stance`: who is for, against and mixed on a policy, when, and on what evidence:
//! Discourse Network Analyzer's actor-by-concept view, computed from the graph.
//!
//! Statements are the claims about the policy (their `about` stance, credited to
//! whoever said them, see [`super::who_said`]) and the actors' direct relations to it (`proposes` counts as for,
//! `criticises` as against). An actor's position is for or against when all their
//! non-neutral statements agree, mixed when they disagree or any is mixed, and neutral
//! when they only describe. Claims with nobody to credit are listed apart.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use super::timeline::relation_stance;
use super::{who_said, Answer, EvidenceRef, NodeRef, StanceCounts, VERSION};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, Stance};

/// The answer of `stance` (schema `levelmap/stance`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceAnswer {
    /// `levelmap/stance`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// The policy.
    pub policy: NodeRef,
    /// All statements, by stance.
    pub counts: StanceCounts,
    /// Actors whose statements are all for.
    #[serde(rename = "for")]
    pub for_: Vec<ActorStance>,
    /// Actors whose statements are all against.
    pub against: Vec<ActorStance>,
    /// Actors with statements both ways, or mixed ones.
    pub mixed: Vec<ActorStance>,
    /// Actors who only describe the policy.
    pub neutral: Vec<ActorStance>,
    /// Claims about the policy with nobody to credit them to.
    pub unattributed: Vec<Statement>,
}

/// One actor's statements on the policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorStance {
    /// The actor.
    pub actor: NodeRef,
    /// Their position, from all their statements.
    pub position: Stance,
    /// Their statements by stance.
    pub counts: StanceCounts,
    /// Their first statement's date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub first: Option<PartialDate>,
    /// Their last statement's date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last: Option<PartialDate>,
    /// The statements, oldest first.
    pub statements: Vec<Statement>,
}

/// A claim or relation expressing a stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// The stance.
    pub stance: Stance,
    /// The claim, or (for a relation) the edge kind as text: "proposes", "criticises".
    pub via: String,
    /// The claim node, for claims.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub claim: Option<NodeRef>,
    /// The claim's paraphrase, or the relation in words.
    pub text: String,
    /// The article and quote.
    pub evidence: EvidenceRef,
}

impl Answer for StanceAnswer {
    const SCHEMA: &'static str = "levelmap/stance";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let groups = [&self.for_, &self.against, &self.mixed, &self.neutral];
        let actors = groups.into_iter().flatten().flat_map(|a| {
            std::iter::once(a.actor.id.as_ref()).chain(
                a.statements
                    .iter()
                    .filter_map(|s| s.claim.as_ref().map(|c| c.id.as_ref())),
            )
        });
        let loose = self
            .unattributed
            .iter()
            .filter_map(|s| s.claim.as_ref().map(|c| c.id.as_ref()));
        super::indices(
            g,
            std::iter::once(self.policy.id.as_ref())
                .chain(actors)
                .chain(loose),
        )
    }
}

/// The stances on policy `p`.
pub fn stance(g: &LevelGraph, p: NodeIndex) -> StanceAnswer {
    let mut by_actor: BTreeMap<NodeIndex, Vec<Statement>> = BTreeMap::new();
    let mut unattributed = Vec::new();
    let mut counts = StanceCounts::default();
    for e in g.graph.edges_directed(p, Direction::Incoming) {
        let w = e.weight();
        let src = e.source();
        let (stance, actors, statement) = match w.kind {
            EdgeKind::About => {
                let stance = w.stance.unwrap_or(Stance::Neutral);
                let n = g.node(src);
                let evidence = match &n.data {
                    NodeData::Claim { evidence, .. } => {
                        EvidenceRef::quote(g, &evidence.article, &evidence.quote)
                    }
                    _ => EvidenceRef::of(g, w),
                };
                let s = Statement {
                    date: evidence.date,
                    stance,
                    via: "claim".into(),
                    claim: Some(NodeRef::of(g, src)),
                    text: n.label.to_string(),
                    evidence,
                };
                (stance, who_said(g, src), s)
            }
            kind => match relation_stance(kind) {
                Some(stance) => {
                    let evidence = EvidenceRef::of(g, w);
                    let s = Statement {
                        date: evidence.date,
                        stance,
                        via: kind.as_str().into(),
                        claim: None,
                        text: format!(
                            "{} {} {}",
                            g.node(src).label,
                            kind.phrase(),
                            g.node(p).label
                        ),
                        evidence,
                    };
                    (stance, vec![src], s)
                }
                None => continue,
            },
        };
        counts.add(stance);
        if actors.is_empty() {
            unattributed.push(statement);
        } else {
            for a in actors {
                by_actor.entry(a).or_default().push(statement.clone());
            }
        }
    }
    let key = |s: &Statement| {
        (
            s.date,
            s.evidence.article.clone(),
            s.claim.as_ref().map(|c| c.id.clone()),
            s.via.clone(),
        )
    };
    unattributed.sort_by_key(key);
    let mut answer = StanceAnswer {
        schema: StanceAnswer::SCHEMA.into(),
        version: VERSION,
        policy: NodeRef::of(g, p),
        counts,
        for_: vec![],
        against: vec![],
        mixed: vec![],
        neutral: vec![],
        unattributed,
    };
    for (a, mut statements) in by_actor {
        statements.sort_by_key(key);
        let mut c = StanceCounts::default();
        for s in &statements {
            c.add(s.stance);
        }
        let position = match (c.for_ > 0, c.against > 0, c.mixed > 0) {
            (true, false, false) => Stance::For,
            (false, true, false) => Stance::Against,
            (false, false, false) => Stance::Neutral,
            _ => Stance::Mixed,
        };
        let entry = ActorStance {
            actor: NodeRef::of(g, a),
            position,
            counts: c,
            first: statements.iter().filter_map(|s| s.date).min(),
            last: statements.iter().filter_map(|s| s.date).max(),
            statements,
        };
        match position {
            Stance::For => answer.for_.push(entry),
            Stance::Against => answer.against.push(entry),
            Stance::Mixed => answer.mixed.push(entry),
            Stance::Neutral => answer.neutral.push(entry),
        }
    }
    // Most statements first, then by name.
    for group in [
        &mut answer.for_,
        &mut answer.against,
        &mut answer.mixed,
        &mut answer.neutral,
    ] {
        group.sort_by(|a, b| {
            b.counts
                .total()
                .cmp(&a.counts.total())
                .then_with(|| a.actor.label.cmp(&b.actor.label))
                .then_with(|| a.actor.id.cmp(&b.actor.id))
        });
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_testkit::mini;

    #[test]
    fn levelling_up_in_the_mini_corpus() {
        let g = mini();
        let a = stance(&g, g.find("policy:levelling-up").unwrap());
        let ids = |v: &[ActorStance]| v.iter().map(|x| x.actor.id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids(&a.for_),
            ["actor:conservative-party"],
            "proposes counts as for"
        );
        assert_eq!(ids(&a.against), ["actor:ann-alpha"]);
        assert_eq!(
            ids(&a.mixed),
            ["actor:bob-beta"],
            "Bob Beta wrote one mixed and one against claim"
        );
        assert_eq!(a.counts.total(), 4);
        let bob = &a.mixed[0];
        assert_eq!(bob.counts.against, 1);
        assert_eq!(bob.counts.mixed, 1);
        assert!(bob.statements.iter().all(|s| !s.evidence.quote.is_empty()));
        assert_eq!(a.for_[0].statements[0].via, "proposes");
    }
}
