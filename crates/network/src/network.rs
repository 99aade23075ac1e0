//! The networks statements make, as DNA defines them (docs/networks.md):
//! `affiliation` (two-mode actor × policy), `congruence`, `conflict` and `subtract`
//! (actor × actor), `policies` (policy × policy), with DNA's normalisations.
//!
//! Write a[i][j][k] for the number of statements actor i makes on policy j with
//! stance k ∈ {for, against} (after the duplicate rule; mixed and neutral statements
//! take no side and tie nobody). Then for actors i ≠ i':
//! congruence w = Σ_j Σ_k a[i][j][k]·a[i'][j][k];
//! conflict w = Σ_j (a[i][j][for]·a[i'][j][against] + a[i][j][against]·a[i'][j][for]);
//! subtract = congruence − conflict. The `policies` network is congruence with the
//! roles of actors and policies swapped.

use std::collections::{BTreeMap, BTreeSet};

use levelmap_model::date::PartialDate;
use levelmap_model::{NodeKind, Stance, Text};

use rustc_hash::FxHashMap;

use crate::statements::Statement;
use crate::NetworkError;

/// Which network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Two-mode: actor × policy, weight = for − against.
    Affiliation,
    /// Actor × actor: the same stance on the same policy.
    Congruence,
    /// Actor × actor: opposite stances on the same policy.
    Conflict,
    /// Actor × actor: congruence minus conflict.
    Subtract,
    /// Policy × policy: the same actors with the same stance on both.
    Policies,
}

impl Kind {
    /// Its name on the command line and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Affiliation => "affiliation",
            Kind::Congruence => "congruence",
            Kind::Conflict => "conflict",
            Kind::Subtract => "subtract",
            Kind::Policies => "policies",
        }
    }
}

/// How one-mode edge weights are normalised (DNA's options; docs/networks.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Normalisation {
    /// Raw counts.
    #[default]
    None,
    /// w / ((a_i + a_j) / 2), a the number of signed statements of each.
    Average,
    /// w / (m10 + m01 + m11), DNA's Jaccard.
    Jaccard,
    /// w / √(a_i · a_j), cosine similarity of the binary profiles.
    Cosine,
}

impl Normalisation {
    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Normalisation::None => "none",
            Normalisation::Average => "average",
            Normalisation::Jaccard => "jaccard",
            Normalisation::Cosine => "cosine",
        }
    }
}

/// What to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkOptions {
    /// Which network.
    pub kind: Kind,
    /// Edge weight normalisation (one-mode networks; affiliation ignores it).
    pub normalisation: Normalisation,
    /// Keep only nodes of the network's mode with at least this many statements.
    pub min_statements: usize,
}

/// A node: an actor or a policy.
#[derive(Debug, Clone, PartialEq)]
pub struct NetNode {
    /// Its graph id.
    pub id: Text,
    /// Its name.
    pub label: Text,
    /// Actor or policy.
    pub mode: NodeKind,
    /// Statements it takes part in (every stance).
    pub statements: usize,
    /// Its first dated statement.
    pub first: Option<PartialDate>,
}

/// An undirected edge between two nodes (source index < target index, except in
/// the affiliation network, where the source is the actor).
#[derive(Debug, Clone, PartialEq)]
pub struct NetEdge {
    /// Index into the nodes.
    pub source: usize,
    /// Index into the nodes.
    pub target: usize,
    /// The weight after normalisation (negative: more conflict than congruence, or
    /// more against than for).
    pub weight: f64,
    /// The policies (actor networks) or actors (policy network, affiliation: the
    /// stance) the tie runs through, sorted.
    pub via: Vec<Text>,
    /// The statements behind the edge: positions in [`Network::statements`], ascending.
    pub evidence: Vec<usize>,
    /// The first date it is evidenced.
    pub first: Option<PartialDate>,
}

impl NetEdge {
    /// "positive", "negative" or "zero".
    pub fn sign(&self) -> &'static str {
        if self.weight > 0.0 {
            "positive"
        } else if self.weight < 0.0 {
            "negative"
        } else {
            "zero"
        }
    }
}

/// A network: nodes sorted by (mode, id), edges by (source, target).
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Which network.
    pub kind: Kind,
    /// The normalisation applied.
    pub normalisation: Normalisation,
    /// The nodes.
    pub nodes: Vec<NetNode>,
    /// The edges.
    pub edges: Vec<NetEdge>,
    /// The statements it was built from, in order; edges point into them.
    pub statements: Vec<Statement>,
}

impl Network {
    /// The statements behind an edge.
    pub fn evidence<'a>(&'a self, e: &'a NetEdge) -> impl Iterator<Item = &'a Statement> + 'a {
        e.evidence.iter().map(|&k| &self.statements[k])
    }
}

/// Build a network from statements already filtered and deduplicated.
pub fn build_network(
    statements: &[Statement],
    opts: NetworkOptions,
) -> Result<Network, NetworkError> {
    if opts.min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let (nodes, edges) = match opts.kind {
        Kind::Affiliation => affiliation(statements, opts.min_statements),
        Kind::Policies => one_mode(statements, opts, Side::Policy),
        _ => one_mode(statements, opts, Side::Actor),
    };
    Ok(Network {
        kind: opts.kind,
        normalisation: opts.normalisation,
        nodes,
        edges,
        statements: statements.to_vec(),
    })
}

/// Which end of a statement is the network's node.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Actor,
    Policy,
}

fn ends(s: &Statement, side: Side) -> (&Text, &Text, &Text) {
    match side {
        Side::Actor => (&s.actor, &s.actor_label, &s.policy),
        Side::Policy => (&s.policy, &s.policy_label, &s.actor),
    }
}

/// The nodes of one side with at least `min` statements, sorted by id.
fn nodes_of(statements: &[Statement], side: Side, min: usize) -> Vec<NetNode> {
    let mut m: BTreeMap<&Text, NetNode> = BTreeMap::new();
    for s in statements {
        let (id, label, _) = ends(s, side);
        let n = m.entry(id).or_insert_with(|| NetNode {
            id: id.clone(),
            label: label.clone(),
            mode: if side == Side::Actor {
                NodeKind::Actor
            } else {
                NodeKind::Policy
            },
            statements: 0,
            first: None,
        });
        n.statements += 1;
        n.first = match (n.first, s.date) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    m.into_values().filter(|n| n.statements >= min).collect()
}

fn first_date(statements: &[Statement], ev: &[usize]) -> Option<PartialDate> {
    ev.iter().filter_map(|&k| statements[k].date).min()
}

fn affiliation(statements: &[Statement], min: usize) -> (Vec<NetNode>, Vec<NetEdge>) {
    let actors = nodes_of(statements, Side::Actor, min);
    let kept: BTreeSet<&Text> = actors.iter().map(|n| &n.id).collect();
    let theirs: Vec<Statement> = statements
        .iter()
        .filter(|s| kept.contains(&s.actor))
        .cloned()
        .collect();
    let mut policies = nodes_of(&theirs, Side::Policy, 1);
    let offset = actors.len();
    let pindex: BTreeMap<Text, usize> = policies
        .iter()
        .enumerate()
        .map(|(k, n)| (n.id.clone(), offset + k))
        .collect();
    let aindex: BTreeMap<&Text, usize> =
        actors.iter().enumerate().map(|(k, n)| (&n.id, k)).collect();
    let mut by_pair: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, s) in statements.iter().enumerate() {
        if let Some(&ai) = aindex.get(&s.actor) {
            by_pair.entry((ai, pindex[&s.policy])).or_default().push(k);
        }
    }
    let edges = by_pair
        .into_iter()
        .map(|((a, p), ev)| {
            let stances: BTreeSet<Stance> = ev.iter().map(|&k| statements[k].stance).collect();
            NetEdge {
                source: a,
                target: p,
                weight: ev.iter().map(|&k| statements[k].sign()).sum::<i64>() as f64,
                via: stances.iter().map(|s| Text::from(s.as_str())).collect(),
                first: first_date(statements, &ev),
                evidence: ev,
            }
        })
        .collect();
    let mut nodes = actors;
    nodes.append(&mut policies);
    (nodes, edges)
}

/// What a pair of nodes share, summed over the concepts both use.
#[derive(Default)]
struct Pair {
    congruence: f64,
    conflict: f64,
    /// Σ a_i·a_j over cells both use (Jaccard's m11).
    both_product: f64,
    /// Σ a_i over cells both use.
    both_i: f64,
    /// Σ a_j over cells both use.
    both_j: f64,
    /// Concept numbers the tie runs through, ascending.
    via: Vec<u32>,
}

fn one_mode(
    statements: &[Statement],
    opts: NetworkOptions,
    side: Side,
) -> (Vec<NetNode>, Vec<NetEdge>) {
    let nodes = nodes_of(statements, side, opts.min_statements);
    let index: BTreeMap<&Text, usize> = nodes.iter().enumerate().map(|(k, n)| (&n.id, k)).collect();
    // concepts numbered in sorted order, so a pair's `via` comes out sorted
    let concepts: BTreeMap<&Text, u32> = statements
        .iter()
        .filter(|s| s.signed())
        .map(|s| ends(s, side).2)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .enumerate()
        .map(|(k, c)| (c, k as u32))
        .collect();
    let names: Vec<&Text> = concepts.keys().copied().collect();
    // a[node][concept] = (for, against), and each statement's (node, concept)
    let mut cell: FxHashMap<(usize, u32), [f64; 2]> = FxHashMap::default();
    let mut by_node: Vec<Vec<(usize, u32)>> = vec![Vec::new(); nodes.len()];
    for (k, s) in statements.iter().enumerate().filter(|(_, s)| s.signed()) {
        let (id, _, concept) = ends(s, side);
        let Some(&i) = index.get(id) else { continue };
        let c = concepts[concept];
        cell.entry((i, c)).or_default()[usize::from(s.stance == Stance::Against)] += 1.0;
        by_node[i].push((k, c));
    }
    let mut users: Vec<Vec<(usize, [f64; 2])>> = vec![Vec::new(); concepts.len()];
    let mut activity = vec![0.0; nodes.len()];
    let mut cells: Vec<((usize, u32), [f64; 2])> = cell.into_iter().collect();
    cells.sort_by_key(|&(k, _)| k);
    for ((i, c), fa) in cells {
        users[c as usize].push((i, fa));
        activity[i] += fa[0] + fa[1];
    }
    let mut pairs: FxHashMap<(usize, usize), Pair> = FxHashMap::default();
    for (c, us) in users.iter_mut().enumerate() {
        us.sort_by_key(|&(i, _)| i);
        for (x, &(i, [fi, ai])) in us.iter().enumerate() {
            for &(j, [fj, aj]) in &us[x + 1..] {
                let p = pairs.entry((i, j)).or_default();
                let cong = fi * fj + ai * aj;
                let conf = fi * aj + ai * fj;
                p.congruence += cong;
                p.conflict += conf;
                for (x, y) in [(fi, fj), (ai, aj)] {
                    if x > 0.0 && y > 0.0 {
                        p.both_product += x * y;
                        p.both_i += x;
                        p.both_j += y;
                    }
                }
                let counts = match opts.kind {
                    Kind::Conflict => conf > 0.0,
                    Kind::Subtract => cong > 0.0 || conf > 0.0,
                    _ => cong > 0.0,
                };
                if counts {
                    p.via.push(c as u32);
                }
            }
        }
    }
    let mut pairs: Vec<((usize, usize), Pair)> = pairs.into_iter().collect();
    pairs.sort_by_key(|&(k, _)| k);
    let mut edges = Vec::new();
    for ((i, j), p) in pairs {
        let raw = match opts.kind {
            Kind::Conflict => p.conflict,
            Kind::Subtract => p.congruence - p.conflict,
            _ => p.congruence,
        };
        if raw == 0.0 {
            continue;
        }
        let norm = match opts.normalisation {
            Normalisation::None => 1.0,
            Normalisation::Average => (activity[i] + activity[j]) / 2.0,
            Normalisation::Jaccard => {
                (activity[i] - p.both_i) + (activity[j] - p.both_j) + p.both_product
            }
            Normalisation::Cosine => (activity[i] * activity[j]).sqrt(),
        };
        let weight = if norm == 0.0 { 0.0 } else { raw / norm };
        let evidence = edge_evidence(&by_node, [i, j], &p.via);
        let via: Vec<Text> = p.via.iter().map(|&c| names[c as usize].clone()).collect();
        edges.push(NetEdge {
            source: i,
            target: j,
            weight,
            first: first_date(statements, &evidence),
            via,
            evidence,
        });
    }
    (nodes, edges)
}

/// The signed statements of the two nodes on the concepts their tie runs through,
/// in statement order.
fn edge_evidence(by_node: &[Vec<(usize, u32)>], pair: [usize; 2], via: &[u32]) -> Vec<usize> {
    let mut ks: Vec<usize> = pair
        .iter()
        .flat_map(|&n| by_node[n].iter())
        .filter(|&&(_, c)| via.binary_search(&c).is_ok())
        .map(|&(k, _)| k)
        .collect();
    ks.sort_unstable();
    ks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statements::Source;

    /// (actor, policy, stance) statements, one article each.
    pub(crate) fn st(list: &[(&str, &str, Stance)]) -> Vec<Statement> {
        list.iter()
            .enumerate()
            .map(|(k, (a, p, s))| Statement {
                date: Some(PartialDate::parse(&format!("2020-{:02}", k % 12 + 1)).unwrap()),
                article: format!("art{k}").into(),
                actor: format!("actor:{a}").into(),
                policy: format!("policy:{p}").into(),
                stance: *s,
                source: Source::Claim(format!("claim:c{k}").into()),
                actor_label: (*a).into(),
                policy_label: (*p).into(),
                quote: format!("quote {k}").into(),
            })
            .collect()
    }

    use Stance::{Against as N, For as Y, Mixed as M};

    /// A: for p, q, r; B: for p, q, against r; C: against p, mixed q.
    fn worked() -> Vec<Statement> {
        st(&[
            ("a", "p", Y),
            ("a", "q", Y),
            ("a", "r", Y),
            ("b", "p", Y),
            ("b", "q", Y),
            ("b", "r", N),
            ("c", "p", N),
            ("c", "q", M),
        ])
    }

    fn weights(kind: Kind, normalisation: Normalisation) -> Vec<(String, String, f64)> {
        let n = build_network(
            &worked(),
            NetworkOptions {
                kind,
                normalisation,
                min_statements: 1,
            },
        )
        .unwrap();
        n.edges
            .iter()
            .map(|e| {
                (
                    n.nodes[e.source].label.to_string(),
                    n.nodes[e.target].label.to_string(),
                    e.weight,
                )
            })
            .collect()
    }

    fn w(a: &str, b: &str, x: f64) -> (String, String, f64) {
        (a.into(), b.into(), x)
    }

    #[test]
    fn congruence_counts_policies_with_the_same_stance() {
        // a–b agree on p and q; nobody else agrees.
        assert_eq!(
            weights(Kind::Congruence, Normalisation::None),
            [w("a", "b", 2.0)]
        );
    }

    #[test]
    fn conflict_counts_opposite_stances_and_mixed_ties_nobody() {
        // a–b on r; a–c on p; b–c on p. c's mixed stance on q ties nobody.
        assert_eq!(
            weights(Kind::Conflict, Normalisation::None),
            [w("a", "b", 1.0), w("a", "c", 1.0), w("b", "c", 1.0)]
        );
        assert_eq!(
            weights(Kind::Subtract, Normalisation::None),
            [w("a", "b", 1.0), w("a", "c", -1.0), w("b", "c", -1.0)]
        );
    }

    #[test]
    fn normalisations_follow_dna() {
        // activities (signed statements): a 3, b 3, c 1.
        // average: 2 / ((3 + 3) / 2); cosine: 2 / √9;
        // Jaccard: m11 = 2 (p, q), m10 = 1 (a for r), m01 = 1 (b against r) → 2 / 4.
        assert_eq!(
            weights(Kind::Congruence, Normalisation::Average),
            [w("a", "b", 2.0 / 3.0)]
        );
        assert_eq!(
            weights(Kind::Congruence, Normalisation::Cosine),
            [w("a", "b", 2.0 / 3.0)]
        );
        assert_eq!(
            weights(Kind::Congruence, Normalisation::Jaccard),
            [w("a", "b", 0.5)]
        );
        // conflict a–c: 1 / ((3 + 1) / 2), 1 / √3, and Jaccard: m11 = 0 shared cells,
        // m10 = 3, m01 = 1 → 1 / 4.
        let c = weights(Kind::Conflict, Normalisation::Average);
        assert_eq!(c[1], w("a", "c", 0.5));
        let c = weights(Kind::Conflict, Normalisation::Cosine);
        assert!((c[1].2 - 1.0 / 3f64.sqrt()).abs() < 1e-12);
        assert_eq!(
            weights(Kind::Conflict, Normalisation::Jaccard)[1],
            w("a", "c", 0.25)
        );
    }

    #[test]
    fn the_policies_network_ties_policies_the_same_actors_back_alike() {
        // p–q: a for both, b for both → 2; p–r: a for both → 1; q–r: a → 1.
        assert_eq!(
            weights(Kind::Policies, Normalisation::None),
            [w("p", "q", 2.0), w("p", "r", 1.0), w("q", "r", 1.0)]
        );
    }

    #[test]
    fn affiliation_is_two_mode_with_for_minus_against() {
        let n = build_network(
            &worked(),
            NetworkOptions {
                kind: Kind::Affiliation,
                normalisation: Normalisation::None,
                min_statements: 1,
            },
        )
        .unwrap();
        assert_eq!(n.nodes.len(), 6);
        assert_eq!(n.edges.len(), 8);
        let cq = n
            .edges
            .iter()
            .find(|e| {
                n.nodes[e.source].label.as_ref() == "c" && n.nodes[e.target].label.as_ref() == "q"
            })
            .unwrap();
        assert_eq!(
            (cq.weight, cq.sign(), cq.via.clone()),
            (0.0, "zero", vec![Text::from("mixed")])
        );
    }

    #[test]
    fn min_statements_drops_quiet_actors_and_edges_carry_their_evidence() {
        let n = build_network(
            &worked(),
            NetworkOptions {
                kind: Kind::Conflict,
                normalisation: Normalisation::None,
                min_statements: 3,
            },
        )
        .unwrap();
        let labels: Vec<&str> = n.nodes.iter().map(|n| n.label.as_ref()).collect();
        assert_eq!(labels, ["a", "b"]);
        assert_eq!(n.edges.len(), 1);
        let quotes: Vec<&str> = n.evidence(&n.edges[0]).map(|s| s.quote.as_ref()).collect();
        assert_eq!(quotes, ["quote 2", "quote 5"]);
        assert!(build_network(
            &worked(),
            NetworkOptions {
                kind: Kind::Conflict,
                normalisation: Normalisation::None,
                min_statements: 0
            }
        )
        .is_err());
    }
}
