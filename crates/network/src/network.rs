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

use std::borrow::Borrow;

use levelmap_model::date::PartialDate;
use levelmap_model::{NodeKind, Stance, Text};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::measures::Adjacency;
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
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 5] = [
        Kind::Affiliation,
        Kind::Congruence,
        Kind::Conflict,
        Kind::Subtract,
        Kind::Policies,
    ];

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
    /// How many statements are behind the edge ([`Network::evidence`] lists them).
    pub statements: usize,
    /// The first date it is evidenced.
    pub first: Option<PartialDate>,
    /// Where its `via` starts in the network's pool ([`Network::via`]).
    via_start: usize,
    /// How many `via` entries it has.
    via_len: u32,
}

impl NetEdge {
    /// How many policies (actors, stances) it runs through.
    pub fn via_len(&self) -> usize {
        self.via_len as usize
    }

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
///
/// A dense network has millions of ties, each resting on many statements: an edge
/// keeps only its counts, its first date and a range of shared `via` numbers; its
/// names ([`Network::via`]) and statements ([`Network::evidence`]) are looked up
/// when asked for (docs/networks.md, Speed).
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
    /// What the `via` numbers name: the concepts (policies of the actor networks,
    /// actors of the policy network) in sorted order, or the stances (affiliation).
    names: Vec<Text>,
    /// Every edge's `via` numbers, one run per edge, each run ascending.
    pool: Vec<u32>,
    /// Per node, its statements that can tie it (positions) with what each is about:
    /// the concept number (one-mode) or the policy's node index (affiliation, on the
    /// actor's side), in statement order.
    touches: Vec<Vec<(u32, u32)>>,
}

impl Network {
    /// The policies (actor networks) or actors (policy network, affiliation: the
    /// stances) an edge runs through, sorted.
    pub fn via<'a>(&'a self, e: &NetEdge) -> impl Iterator<Item = &'a Text> + 'a {
        self.pool[e.via_start..e.via_start + e.via_len as usize]
            .iter()
            .map(|&c| &self.names[c as usize])
    }

    /// The statements behind an edge: positions in [`Network::statements`], ascending.
    pub fn evidence_positions(&self, e: &NetEdge) -> Vec<usize> {
        if self.kind == Kind::Affiliation {
            return self.touches[e.source]
                .iter()
                .filter(|&&(_, p)| p as usize == e.target)
                .map(|&(k, _)| k as usize)
                .collect();
        }
        let via = &self.pool[e.via_start..e.via_start + e.via_len as usize];
        let mut ks: Vec<usize> = [e.source, e.target]
            .iter()
            .flat_map(|&n| self.touches[n].iter())
            .filter(|&&(_, c)| via.binary_search(&c).is_ok())
            .map(|&(k, _)| k as usize)
            .collect();
        ks.sort_unstable();
        ks
    }

    /// What the `via` numbers name (see [`Network::via_numbers`]).
    pub(crate) fn via_names(&self) -> &[Text] {
        &self.names
    }

    /// An edge's `via` numbers (indices into the names [`Network::via`] reads).
    pub(crate) fn via_numbers(&self, e: &NetEdge) -> &[u32] {
        &self.pool[e.via_start..e.via_start + e.via_len as usize]
    }

    /// A node's statements that can tie it: (position, concept number or, on an
    /// affiliation actor's side, the policy's node index), in statement order.
    pub(crate) fn touches_of(&self, node: usize) -> &[(u32, u32)] {
        &self.touches[node]
    }

    /// The statements behind an edge, in order.
    pub fn evidence<'a>(&'a self, e: &NetEdge) -> impl Iterator<Item = &'a Statement> + 'a {
        self.evidence_positions(e)
            .into_iter()
            .map(move |k| &self.statements[k])
    }
}

/// Build a network from statements already filtered and deduplicated (copied into
/// the network; [`build_network_owned`] keeps them instead).
pub fn build_network(
    statements: &[Statement],
    opts: NetworkOptions,
) -> Result<Network, NetworkError> {
    build_network_owned(statements.to_vec(), opts)
}

/// [`build_network`] from statements the network keeps.
pub fn build_network_owned(
    statements: Vec<Statement>,
    opts: NetworkOptions,
) -> Result<Network, NetworkError> {
    if opts.min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let parts = match opts.kind {
        Kind::Affiliation => affiliation(&statements, opts.min_statements),
        Kind::Policies => one_mode(&statements, opts, Side::Policy),
        _ => one_mode(&statements, opts, Side::Actor),
    };
    Ok(Network {
        kind: opts.kind,
        normalisation: opts.normalisation,
        nodes: parts.nodes,
        edges: parts.edges,
        statements,
        names: parts.names,
        pool: parts.pool,
        touches: parts.touches,
    })
}

/// A network's nodes and ties as adjacency lists, without the edges' concepts,
/// dates and evidence: what the measures read (`stats --network`). The lists are
/// those [`Adjacency::new`] makes of the network's edges (`measures_sampled`).
#[derive(Debug, Clone)]
pub struct Ties {
    /// The nodes, as in [`Network::nodes`].
    pub nodes: Vec<NetNode>,
    /// How many edges the network has.
    pub edges: usize,
    /// Every edge both ways, neighbours ascending.
    pub adjacency: Adjacency,
}

/// The [`Ties`] of the network of `statements` (already filtered and deduplicated):
/// a one-mode network's ties go from the pair loop straight into adjacency lists.
pub fn network_ties(statements: &[Statement], opts: NetworkOptions) -> Result<Ties, NetworkError> {
    if opts.min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let side = match opts.kind {
        Kind::Affiliation => {
            let net = build_network(statements, opts)?;
            let adjacency = Adjacency::new(
                net.nodes.len(),
                net.edges.iter().map(|e| (e.source, e.target, e.weight)),
            );
            return Ok(Ties {
                edges: net.edges.len(),
                nodes: net.nodes,
                adjacency,
            });
        }
        Kind::Policies => Side::Policy,
        _ => Side::Actor,
    };
    let p = prepare(statements, side, opts.min_statements);
    // The pair loop on every core, in chunks of rows, each chunk's ties in order.
    let chunks: Vec<Vec<(u32, u32, f64)>> = row_chunks(&p.by_node, &p.by_concept, 64)
        .into_par_iter()
        .map(|rows| {
            let mut ties = Vec::new();
            pair_rows_for::<false>(&p, opts, rows, |i, j, pair, _| {
                if let Some(w) = weight(pair, &p.activity, [i, j], opts) {
                    ties.push((i as u32, j as u32, w + 0.0));
                }
            });
            ties
        })
        .collect();
    Ok(Ties {
        edges: chunks.iter().map(Vec::len).sum(),
        adjacency: adjacency_of(p.nodes.len(), &chunks),
        nodes: p.nodes,
    })
}

/// The adjacency of `n` nodes from the pair loop's ties (i < j), which come in
/// order of i, and within a row in order of j: each node gets its earlier
/// neighbours (from their rows) before its later ones (from its own), every one
/// ascending, as [`Adjacency::new`] sorts them, and + 0.0 as it adds. Written
/// straight into the flat arrays, sized first.
fn adjacency_of(n: usize, chunks: &[Vec<(u32, u32, f64)>]) -> Adjacency {
    let mut start = vec![0usize; n + 1];
    for &(i, j, _) in chunks.iter().flatten() {
        start[i as usize + 1] += 1;
        start[j as usize + 1] += 1;
    }
    for k in 0..n {
        start[k + 1] += start[k];
    }
    let total = start[n];
    let (mut to, mut w) = (vec![0u32; total], vec![0.0f64; total]);
    let mut cursor = start[..n].to_vec();
    for &(i, j, x) in chunks.iter().flatten() {
        for (a, b) in [(i, j), (j, i)] {
            let at = &mut cursor[a as usize];
            to[*at] = b;
            w[*at] = x;
            *at += 1;
        }
    }
    Adjacency::from_parts(start, to, w)
}

/// What a network is made of, before its statements join it.
struct Parts {
    nodes: Vec<NetNode>,
    edges: Vec<NetEdge>,
    names: Vec<Text>,
    pool: Vec<u32>,
    touches: Vec<Vec<(u32, u32)>>,
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

/// The earlier of two optional dates (a missing one does not count).
fn earliest(a: Option<PartialDate>, b: Option<PartialDate>) -> Option<PartialDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The nodes of one side with at least `min` statements, sorted by id.
fn nodes_of<'a>(
    statements: impl Iterator<Item = &'a Statement>,
    side: Side,
    min: usize,
) -> Vec<NetNode> {
    let mut at: FxHashMap<&str, usize> = FxHashMap::default();
    let mut m: Vec<NetNode> = Vec::new();
    for s in statements {
        let (id, label, _) = ends(s, side);
        let k = *at.entry(id).or_insert_with(|| m.len());
        if k == m.len() {
            m.push(NetNode {
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
        }
        let n = &mut m[k];
        n.statements += 1;
        n.first = earliest(n.first, s.date);
    }
    m.retain(|n| n.statements >= min);
    m.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    m
}

/// Node ids to their indices.
fn index_of(nodes: &[NetNode], offset: usize) -> FxHashMap<&str, u32> {
    nodes
        .iter()
        .enumerate()
        .map(|(k, n)| (&*n.id, (offset + k) as u32))
        .collect()
}

fn affiliation(statements: &[Statement], min: usize) -> Parts {
    let actors = nodes_of(statements.iter(), Side::Actor, min);
    let aindex = index_of(&actors, 0);
    let theirs = statements.iter().filter(|s| aindex.contains_key(&*s.actor));
    let mut policies = nodes_of(theirs, Side::Policy, 1);
    let offset = actors.len();
    let pindex = index_of(&policies, offset);
    let mut touches = vec![Vec::new(); offset + policies.len()];
    for (k, s) in statements.iter().enumerate() {
        if let Some(&a) = aindex.get(&*s.actor) {
            touches[a as usize].push((k as u32, pindex[&*s.policy]));
        }
    }
    let (mut edges, mut pool) = (Vec::new(), Vec::new());
    let mut order: Vec<(u32, u32)> = Vec::new();
    for (a, list) in touches.iter().enumerate().take(offset) {
        order.clear();
        order.extend_from_slice(list);
        // stable: each policy's statements stay in statement order
        order.sort_by_key(|&(_, p)| p);
        for group in order.chunk_by(|x, y| x.1 == y.1) {
            let (mut sum, mut stances, mut first) = (0i64, 0u8, None);
            for &(k, _) in group {
                let s = &statements[k as usize];
                sum += s.sign();
                stances |= 1 << s.stance as u8;
                first = earliest(first, s.date);
            }
            let via_start = pool.len();
            pool.extend((0..Stance::ALL.len() as u32).filter(|&b| stances & (1 << b) != 0));
            edges.push(NetEdge {
                source: a,
                target: group[0].1 as usize,
                weight: sum as f64,
                statements: group.len(),
                first,
                via_start,
                via_len: (pool.len() - via_start) as u32,
            });
        }
    }
    let mut nodes = actors;
    nodes.append(&mut policies);
    Parts {
        nodes,
        edges,
        names: Stance::ALL.iter().map(|s| Text::from(s.as_str())).collect(),
        pool,
        touches,
    }
}

/// One node's signed statements on one concept.
#[derive(Clone, Copy)]
struct Cell {
    /// The other end: the concept (in a node's list) or the node (in a concept's).
    other: u32,
    /// Statements for and against.
    fa: [f64; 2],
    /// The first date among them, coded by [`date_code`].
    first: u32,
}

/// What a pair of nodes share, summed over the concepts both use. What every tie
/// reads comes first, in 32 bytes of one 32-byte-aligned block (so in one cache
/// line: the pair loop touches thousands of pairs at random), then Jaccard's sums and
/// the via buffer's cursor.
#[derive(Default, Clone)]
#[repr(C, align(32))]
struct Pair {
    congruence: f64,
    conflict: f64,
    /// Statements behind the tie (of both, on the concepts it runs through; at most
    /// every statement, which are numbered in u32).
    statements: u32,
    /// Their first date, coded by [`date_code`] (0: none).
    first: u32,
    /// Concepts the tie runs through.
    via: u32,
    /// Whether the pair is in the touched list.
    seen: bool,
    /// Σ a_i·a_j over cells both use (Jaccard's m11).
    both_product: f64,
    /// Σ a_i over cells both use.
    both_i: f64,
    /// Σ a_j over cells both use.
    both_j: f64,
    /// Where its concepts go in the node's via buffer.
    at: usize,
}

/// The cells of a one-mode network: each node's (concept, counts), concepts
/// ascending, and each concept's (node, counts), nodes ascending.
fn cells<S: Borrow<Statement>>(
    touches: &[Vec<(u32, u32)>],
    statements: &[S],
    concepts: usize,
    dates: &[PartialDate],
) -> [Vec<Vec<Cell>>; 2] {
    let mut by_node = Vec::with_capacity(touches.len());
    let mut by_concept: Vec<Vec<Cell>> = vec![Vec::new(); concepts];
    let mut order: Vec<(u32, u32)> = Vec::new();
    for (i, list) in touches.iter().enumerate() {
        order.clear();
        order.extend_from_slice(list);
        order.sort_by_key(|&(_, c)| c);
        let mine: Vec<Cell> = order
            .chunk_by(|x, y| x.1 == y.1)
            .map(|group| {
                let (mut fa, mut first) = ([0.0; 2], None);
                for &(k, _) in group {
                    let s = statements[k as usize].borrow();
                    fa[usize::from(s.stance == Stance::Against)] += 1.0;
                    first = earliest(first, s.date);
                }
                Cell {
                    other: group[0].1,
                    fa,
                    first: date_code(dates, first),
                }
            })
            .collect();
        for c in &mine {
            by_concept[c.other as usize].push(Cell {
                other: i as u32,
                ..*c
            });
        }
        by_node.push(mine);
    }
    [by_node, by_concept]
}

/// A one-mode network's nodes and cells, before any pair is summed.
struct Prepared {
    nodes: Vec<NetNode>,
    names: Vec<Text>,
    touches: Vec<Vec<(u32, u32)>>,
    by_node: Vec<Vec<Cell>>,
    by_concept: Vec<Vec<Cell>>,
    /// Signed statements per node.
    activity: Vec<f64>,
    /// The statements' dates, sorted: what [`date_code`] numbers.
    dates: Vec<PartialDate>,
}

/// A date as a number that is larger the earlier the date (0: no date), so that the
/// first of many dates is their largest code: a compare of two numbers in the pair
/// loop instead of two dates.
fn date_code(dates: &[PartialDate], d: Option<PartialDate>) -> u32 {
    d.and_then(|d| dates.binary_search(&d).ok())
        .map_or(0, |k| u32::MAX - k as u32)
}

/// The date a [`date_code`] stands for.
fn date_of(dates: &[PartialDate], code: u32) -> Option<PartialDate> {
    (code != 0).then(|| dates[(u32::MAX - code) as usize])
}

impl Prepared {
    /// The edge of the pair (i, j) the pair loop summed, if its weight under `opts`
    /// makes a tie; its concepts start at `via_start` of the network's pool.
    #[inline]
    fn edge(
        &self,
        i: usize,
        j: usize,
        pair: &Pair,
        opts: NetworkOptions,
        via_start: usize,
    ) -> Option<NetEdge> {
        weight(pair, &self.activity, [i, j], opts).map(|weight| NetEdge {
            source: i,
            target: j,
            weight,
            statements: pair.statements as usize,
            first: date_of(&self.dates, pair.first),
            via_start,
            via_len: pair.via,
        })
    }
}

fn prepare<S: Borrow<Statement>>(statements: &[S], side: Side, min: usize) -> Prepared {
    let nodes = nodes_of(statements.iter().map(Borrow::borrow), side, min);
    let index = index_of(&nodes, 0);
    // concepts numbered in sorted order, so a pair's `via` comes out sorted
    let mut names: Vec<&Text> = statements
        .iter()
        .map(Borrow::borrow)
        .filter(|s: &&Statement| s.signed())
        .map(|s| ends(s, side).2)
        .collect();
    names.sort_unstable();
    names.dedup();
    let names: Vec<Text> = names.into_iter().cloned().collect();
    let concepts: FxHashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(k, c)| (&**c, k as u32))
        .collect();
    let mut touches: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nodes.len()];
    let signed = statements.iter().map(Borrow::borrow).enumerate();
    for (k, s) in signed.filter(|(_, s): &(usize, &Statement)| s.signed()) {
        let (id, _, concept) = ends(s, side);
        if let Some(&i) = index.get(&**id) {
            touches[i as usize].push((k as u32, concepts[&**concept]));
        }
    }
    let mut dates: Vec<PartialDate> = statements.iter().filter_map(|s| s.borrow().date).collect();
    dates.sort_unstable();
    dates.dedup();
    let [by_node, by_concept] = cells(&touches, statements, names.len(), &dates);
    let activity: Vec<f64> = by_node
        .iter()
        .map(|cs| cs.iter().fold(0.0, |a, c| a + c.fa[0] + c.fa[1]))
        .collect();
    Prepared {
        nodes,
        names,
        touches,
        by_node,
        by_concept,
        activity,
        dates,
    }
}

/// The edges of the network of `statements` one at a time, in the order
/// [`build_network`] lists them, without keeping them: `each(nodes, edge, via)` gets
/// the network's nodes, the edge and the names of the concepts it runs through (its
/// [`Network::via`]). The one-pass oracle of [`each_edge_written`] in its tests. For a CSV edge list of a dense network, which needs no edge
/// twice. The affiliation network is built whole and walked.
#[cfg(test)]
pub(crate) fn each_edge(
    statements: &[Statement],
    opts: NetworkOptions,
    mut each: impl FnMut(&[NetNode], &NetEdge, &mut dyn Iterator<Item = &Text>),
) -> Result<(), NetworkError> {
    if opts.min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let side = match opts.kind {
        Kind::Affiliation => {
            let net = build_network(statements, opts)?;
            for e in &net.edges {
                each(&net.nodes, e, &mut net.via(e));
            }
            return Ok(());
        }
        Kind::Policies => Side::Policy,
        _ => Side::Actor,
    };
    let p = prepare(statements, side, opts.min_statements);
    pair_rows(&p, opts, |i, j, pair, concepts| {
        if let Some(edge) = p.edge(i, j, pair, opts, 0) {
            each(
                &p.nodes,
                &edge,
                &mut concepts.iter().map(|&c| &p.names[c as usize]),
            );
        }
    });
    Ok(())
}

/// `each_edge` on every core, for a text written edge by edge (the CSV edge
/// list): the rows of the pair loop are cut into chunks of about equal work; each
/// chunk's edges are written by `write` into a buffer of its own, on any thread, and
/// the buffers go to `sink` in row order, a few chunks at a time, so the bytes are
/// those of one pass in order and memory holds a few chunks, not the network.
/// `context` is made once from the nodes and the concepts' names (before any edge)
/// for `write` to read; `write` gets the concepts an edge runs through (its
/// [`Network::via`]) as numbers into those names. `sink` returns false to stop.
pub fn each_edge_written<C: Sync>(
    statements: &[Statement],
    opts: NetworkOptions,
    context: impl FnOnce(&[NetNode], &[Text]) -> C,
    write: impl Fn(&C, &mut Vec<u8>, &NetEdge, &[u32]) + Sync,
    mut sink: impl FnMut(&[u8]) -> bool,
) -> Result<(), NetworkError> {
    if opts.min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let side = match opts.kind {
        Kind::Affiliation => {
            let net = build_network(statements, opts)?;
            let ctx = context(&net.nodes, &net.names);
            let mut buf = Vec::new();
            for e in &net.edges {
                write(&ctx, &mut buf, e, net.via_numbers(e));
                if buf.len() >= 1 << 20 {
                    if !sink(&buf) {
                        return Ok(());
                    }
                    buf.clear();
                }
            }
            sink(&buf);
            return Ok(());
        }
        Kind::Policies => Side::Policy,
        _ => Side::Actor,
    };
    let p = prepare(statements, side, opts.min_statements);
    let ctx = context(&p.nodes, &p.names);
    let chunks = row_chunks(&p.by_node, &p.by_concept, 256);
    let batch = 2 * rayon::current_num_threads().max(1);
    // one buffer per chunk of a batch, kept from batch to batch: grown once, not
    // reallocated (and copied) as every chunk's bytes come
    let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); batch];
    for group in chunks.chunks(batch) {
        let bufs = &mut bufs[..group.len()];
        bufs.par_iter_mut().zip(group).for_each(|(buf, rows)| {
            buf.clear();
            pair_rows_for::<true>(&p, opts, rows.clone(), |i, j, pair, concepts| {
                if let Some(edge) = p.edge(i, j, pair, opts, 0) {
                    write(&ctx, buf, &edge, concepts);
                }
            });
        });
        for b in bufs.iter() {
            if !sink(b) {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The rows of the pair loop cut into about `count` ranges of about equal work (a
/// row's work: the later nodes its concepts' lists hold, about).
fn row_chunks(
    by_node: &[Vec<Cell>],
    by_concept: &[Vec<Cell>],
    count: usize,
) -> Vec<std::ops::Range<usize>> {
    let n = by_node.len();
    let cost: Vec<u64> = by_node
        .iter()
        .enumerate()
        .map(|(i, mine)| {
            1 + mine
                .iter()
                .map(|a| {
                    let users = &by_concept[a.other as usize];
                    (users.len() - users.partition_point(|u| u.other as usize <= i)) as u64
                })
                .sum::<u64>()
        })
        .collect();
    let total: u64 = cost.iter().sum();
    let share = (total / count.max(1) as u64).max(1);
    let mut out = Vec::new();
    let (mut start, mut acc) = (0, 0u64);
    for (i, c) in cost.iter().enumerate() {
        acc += c;
        if acc >= share {
            out.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    if start < n {
        out.push(start..n);
    }
    out
}

fn one_mode(statements: &[Statement], opts: NetworkOptions, side: Side) -> Parts {
    let p = prepare(statements, side, opts.min_statements);
    // The pair loop on every core, in chunks of rows, each chunk's ties in order,
    // then joined into lists made at their final size (growing one list by doubling
    // copied a dense network's 7 million ties twice, into fresh pages each time).
    let chunks: Vec<(Vec<NetEdge>, Vec<u32>)> = row_chunks(&p.by_node, &p.by_concept, 64)
        .into_par_iter()
        .map(|rows| {
            let (mut edges, mut pool) = (Vec::new(), Vec::new());
            pair_rows_for::<true>(&p, opts, rows, |i, j, pair, concepts| {
                if let Some(edge) = p.edge(i, j, pair, opts, pool.len()) {
                    edges.push(edge);
                    pool.extend_from_slice(concepts);
                }
            });
            (edges, pool)
        })
        .collect();
    let mut edges = Vec::with_capacity(chunks.iter().map(|c| c.0.len()).sum());
    let mut pool = Vec::with_capacity(chunks.iter().map(|c| c.1.len()).sum());
    for (chunk_edges, chunk_pool) in chunks {
        let offset = pool.len();
        edges.extend(chunk_edges.into_iter().map(|mut e| {
            e.via_start += offset;
            e
        }));
        pool.extend_from_slice(&chunk_pool);
    }
    Parts {
        nodes: p.nodes,
        edges,
        names: p.names,
        pool,
        touches: p.touches,
    }
}

/// The actors' congruence and conflict ties at once (raw counts), as polarisation
/// reads them: the same nodes and weights as the `congruence` and `conflict`
/// networks without normalisation, from one pass over the pairs and without their
/// evidence. The listed-ties oracle of [`crate::polarisation::split_profiles`] in its
/// tests.
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) struct SignedTies {
    /// The actors with at least `min_statements` statements, sorted by id.
    pub nodes: Vec<NetNode>,
    /// Congruence ties.
    pub positive: Adjacency,
    /// Conflict ties.
    pub negative: Adjacency,
    /// How many congruence ties.
    pub congruence_ties: usize,
    /// How many conflict ties.
    pub conflict_ties: usize,
}

/// [`SignedTies`] of statements already filtered and deduplicated.
#[cfg(test)]
pub(crate) fn signed_ties(
    statements: &[Statement],
    min_statements: usize,
) -> Result<SignedTies, NetworkError> {
    if min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let p = prepare(statements, Side::Actor, min_statements);
    let n = p.nodes.len();
    let (mut pos, mut neg) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    let (mut congruence_ties, mut conflict_ties) = (0, 0);
    // rows in order of i and j within a row: every list comes out sorted
    signed_rows(&p.by_node, &p.by_concept, |i, j, [congruence, conflict]| {
        for (w, adj, count) in [
            (congruence, &mut pos, &mut congruence_ties),
            (conflict, &mut neg, &mut conflict_ties),
        ] {
            if w != 0.0 {
                adj[i].push((j, w + 0.0));
                adj[j].push((i, w + 0.0));
                *count += 1;
            }
        }
    });
    Ok(SignedTies {
        nodes: p.nodes,
        positive: Adjacency::from_lists(&pos),
        negative: Adjacency::from_lists(&neg),
        congruence_ties,
        conflict_ties,
    })
}

/// A window's actors as stance profiles, as the factored polarisation reads them
/// (`polarisation::split_profiles`): each actor's signed statements per policy and
/// the policies' per actor, with how many congruence and conflict ties there are.
/// The weights of the raw `congruence` and `conflict` networks are bilinear in these
/// profiles, so no tie needs listing.
#[derive(Debug, Clone)]
pub struct Profiles {
    /// The actors with at least `min_statements` statements, sorted by id.
    pub nodes: Vec<NetNode>,
    /// For each actor, (policy, [for, against]), policies ascending.
    pub by_actor: Vec<Vec<(u32, [f64; 2])>>,
    /// For each policy, (actor, [for, against]), actors ascending.
    pub by_policy: Vec<Vec<(u32, [f64; 2])>>,
    /// How many congruence ties.
    pub congruence_ties: usize,
    /// How many conflict ties.
    pub conflict_ties: usize,
}

/// [`Profiles`] of statements already filtered and deduplicated: the nodes and tie
/// counts of the listed signed ties (the tests' `signed_ties`), without the ties.
pub fn profiles<S: Borrow<Statement>>(
    statements: &[S],
    min_statements: usize,
) -> Result<Profiles, NetworkError> {
    if min_statements == 0 {
        return Err(NetworkError::BadMinimum);
    }
    let p = prepare(statements, Side::Actor, min_statements);
    let (congruence_ties, conflict_ties) = count_ties(&p.by_node, &p.by_concept);
    let list = |cells: &[Vec<Cell>]| -> Vec<Vec<(u32, [f64; 2])>> {
        cells
            .iter()
            .map(|cs| cs.iter().map(|c| (c.other, c.fa)).collect())
            .collect()
    };
    Ok(Profiles {
        by_actor: list(&p.by_node),
        by_policy: list(&p.by_concept),
        nodes: p.nodes,
        congruence_ties,
        conflict_ties,
    })
}

/// How many pairs of nodes share a stance on some concept (congruence) and how many
/// take opposite stances on some concept (conflict): the pairs of `signed_rows`
/// with a flag per pair instead of its sums.
fn count_ties(by_node: &[Vec<Cell>], by_concept: &[Vec<Cell>]) -> (usize, usize) {
    const TOUCHED: u8 = 4;
    let mut row = vec![0u8; by_node.len()];
    let mut touched: Vec<u32> = Vec::new();
    let (mut congruence, mut conflict) = (0, 0);
    for (i, mine) in by_node.iter().enumerate() {
        for a in mine {
            let [fi, ai] = a.fa;
            let users = &by_concept[a.other as usize];
            let later = users.partition_point(|u| u.other as usize <= i);
            for b in &users[later..] {
                let [fj, aj] = b.fa;
                let flags = &mut row[b.other as usize];
                if *flags == 0 {
                    touched.push(b.other);
                }
                *flags |= TOUCHED
                    | u8::from(fi * fj + ai * aj > 0.0)
                    | (u8::from(fi * aj + ai * fj > 0.0) << 1);
            }
        }
        for &j in &touched {
            let flags = std::mem::take(&mut row[j as usize]);
            congruence += usize::from(flags & 1);
            conflict += usize::from((flags >> 1) & 1);
        }
        touched.clear();
    }
    (congruence, conflict)
}

/// [`pair_rows`] for the signed ties alone: for node i, the congruence and conflict it
/// shares with each later node j, summed in the same order (so to the same bits) in a
/// dense row of the two sums only, then `emit(i, j, [congruence, conflict])` in order
/// of j.
#[cfg(test)]
fn signed_rows(
    by_node: &[Vec<Cell>],
    by_concept: &[Vec<Cell>],
    mut emit: impl FnMut(usize, usize, [f64; 2]),
) {
    let n = by_node.len();
    let mut row = vec![[0.0f64; 2]; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    for (i, mine) in by_node.iter().enumerate() {
        for a in mine {
            let [fi, ai] = a.fa;
            let users = &by_concept[a.other as usize];
            let later = users.partition_point(|u| u.other as usize <= i);
            for b in &users[later..] {
                let [fj, aj] = b.fa;
                let j = b.other as usize;
                if !seen[j] {
                    seen[j] = true;
                    touched.push(b.other);
                }
                let p = &mut row[j];
                p[0] += fi * fj + ai * aj;
                p[1] += fi * aj + ai * fj;
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let j = j as usize;
            seen[j] = false;
            emit(i, j, std::mem::take(&mut row[j]));
        }
        touched.clear();
    }
}

/// Every pair that shares a concept, node by node: for node i, what it shares with
/// each later node j is summed in a dense row (reset through the list of the nodes
/// it touched), then `emit(i, j, pair, via)` is called in order of j. Each pair also
/// counts the concepts its tie of `kind` runs through (`via`, ascending), its
/// statements and first date.
#[cfg(test)]
fn pair_rows(p: &Prepared, opts: NetworkOptions, emit: impl FnMut(usize, usize, &Pair, &[u32])) {
    pair_rows_for::<true>(p, opts, 0..p.by_node.len(), emit);
}

/// [`pair_rows_of`] for the rows in `rows` of a network under `opts`, Jaccard's sums
/// made only for the Jaccard normalisation, which alone reads them.
fn pair_rows_for<const EDGES: bool>(
    p: &Prepared,
    opts: NetworkOptions,
    rows: std::ops::Range<usize>,
    emit: impl FnMut(usize, usize, &Pair, &[u32]),
) {
    let (by_node, by_concept, kind) = (&p.by_node, &p.by_concept, opts.kind);
    if opts.normalisation == Normalisation::Jaccard {
        pair_rows_of::<EDGES, true>(by_node, by_concept, kind, rows, emit);
    } else {
        pair_rows_of::<EDGES, false>(by_node, by_concept, kind, rows, emit);
    }
}

/// [`pair_rows`] for the rows (nodes i) in `rows` alone. With `EDGES` false only
/// what a tie's weight reads is summed (congruence and conflict, and with `JACCARD`
/// the sums of Jaccard's normalisation): no `via`, statements or first date, and
/// `emit` gets no concepts. Without `JACCARD` those sums stay 0: only the Jaccard
/// normalisation reads them ([`weight`]).
fn pair_rows_of<const EDGES: bool, const JACCARD: bool>(
    by_node: &[Vec<Cell>],
    by_concept: &[Vec<Cell>],
    kind: Kind,
    rows: std::ops::Range<usize>,
    mut emit: impl FnMut(usize, usize, &Pair, &[u32]),
) {
    let n = by_node.len();
    let mut row = vec![Pair::default(); n];
    let mut touched: Vec<u32> = Vec::new();
    let mut shared: Vec<(u32, u32)> = Vec::new();
    let mut via: Vec<u32> = Vec::new();
    for (i, mine) in by_node.iter().enumerate().take(rows.end).skip(rows.start) {
        for a in mine {
            let [fi, ai] = a.fa;
            let users = &by_concept[a.other as usize];
            let later = users.partition_point(|u| u.other as usize <= i);
            for b in &users[later..] {
                let [fj, aj] = b.fa;
                let p = &mut row[b.other as usize];
                if !p.seen {
                    p.seen = true;
                    touched.push(b.other);
                }
                let cong = fi * fj + ai * aj;
                let conf = fi * aj + ai * fj;
                p.congruence += cong;
                p.conflict += conf;
                if JACCARD {
                    for (x, y) in [(fi, fj), (ai, aj)] {
                        if x > 0.0 && y > 0.0 {
                            p.both_product += x * y;
                            p.both_i += x;
                            p.both_j += y;
                        }
                    }
                }
                if !EDGES {
                    continue;
                }
                let counts = match kind {
                    Kind::Conflict => conf > 0.0,
                    Kind::Subtract => cong > 0.0 || conf > 0.0,
                    _ => cong > 0.0,
                };
                if counts {
                    p.via += 1;
                    p.statements += (fi + ai + fj + aj) as u32;
                    p.first = p.first.max(a.first).max(b.first);
                    shared.push((b.other, a.other));
                }
            }
        }
        touched.sort_unstable();
        if !EDGES {
            for &j in &touched {
                let p = std::mem::take(&mut row[j as usize]);
                emit(i, j as usize, &p, &[]);
            }
            touched.clear();
            continue;
        }
        // each j's concepts together, still ascending (they were met in that order)
        let mut at = 0;
        for &j in &touched {
            row[j as usize].at = at;
            at += row[j as usize].via as usize;
        }
        via.clear();
        via.resize(at, 0);
        for &(j, c) in &shared {
            let p = &mut row[j as usize];
            via[p.at] = c;
            p.at += 1;
        }
        let mut start = 0;
        for &j in &touched {
            let j = j as usize;
            let p = std::mem::take(&mut row[j]);
            emit(i, j, &p, &via[start..start + p.via as usize]);
            start += p.via as usize;
        }
        touched.clear();
        shared.clear();
    }
}

/// A pair's weight after normalisation, or None when it has no tie.
fn weight(p: &Pair, activity: &[f64], [i, j]: [usize; 2], opts: NetworkOptions) -> Option<f64> {
    let raw = match opts.kind {
        Kind::Conflict => p.conflict,
        Kind::Subtract => p.congruence - p.conflict,
        _ => p.congruence,
    };
    if raw == 0.0 {
        return None;
    }
    let norm = match opts.normalisation {
        Normalisation::None => 1.0,
        Normalisation::Average => (activity[i] + activity[j]) / 2.0,
        Normalisation::Jaccard => {
            (activity[i] - p.both_i) + (activity[j] - p.both_j) + p.both_product
        }
        Normalisation::Cosine => (activity[i] * activity[j]).sqrt(),
    };
    Some(if norm == 0.0 { 0.0 } else { raw / norm })
}

#[cfg(test)]
pub(crate) mod tests {
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
    fn the_edges_written_on_every_core_are_those_of_one_pass_in_order() {
        use crate::testgen::random_statements;
        let line = |nodes: &[NetNode],
                    out: &mut Vec<u8>,
                    e: &NetEdge,
                    via: &mut dyn Iterator<Item = &Text>| {
            let via: Vec<&str> = via.map(|t| &**t).collect();
            out.extend_from_slice(
                format!(
                    "{} {} {} {} {}\n",
                    nodes[e.source].id,
                    nodes[e.target].id,
                    e.weight,
                    e.statements,
                    via.join(";")
                )
                .as_bytes(),
            );
        };
        for (seed, count, actors, policies) in [(21, 50, 10, 4), (22, 3000, 700, 40)] {
            let list = random_statements(seed, count, actors, policies);
            for kind in Kind::ALL {
                let opts = NetworkOptions {
                    kind,
                    normalisation: Normalisation::Average,
                    min_statements: 1,
                };
                let mut one = Vec::new();
                each_edge(&list, opts, |nodes, e, via| line(nodes, &mut one, e, via)).unwrap();
                let mut many = Vec::new();
                let mut pieces = 0;
                each_edge_written(
                    &list,
                    opts,
                    |nodes, names| (nodes.to_vec(), names.to_vec()),
                    |(nodes, names), out, e, via| {
                        line(nodes, out, e, &mut via.iter().map(|&c| &names[c as usize]))
                    },
                    |bytes| {
                        many.extend_from_slice(bytes);
                        pieces += 1;
                        true
                    },
                )
                .unwrap();
                assert!(!one.is_empty());
                assert_eq!(
                    String::from_utf8(many).unwrap(),
                    String::from_utf8(one).unwrap(),
                    "{kind:?}"
                );
                if seed == 22 && kind != Kind::Affiliation {
                    assert!(pieces > 8, "{kind:?}: {pieces} chunks");
                }
            }
        }
    }

    #[test]
    fn the_ties_for_the_measures_are_the_networks_edges() {
        use crate::testgen::random_statements;
        for (seed, count, actors, policies) in
            [(11, 60, 12, 5), (12, 800, 90, 25), (13, 2500, 300, 12)]
        {
            let list = random_statements(seed, count, actors, policies);
            for kind in Kind::ALL {
                for normalisation in [
                    Normalisation::None,
                    Normalisation::Average,
                    Normalisation::Jaccard,
                    Normalisation::Cosine,
                ] {
                    for min_statements in [1, 3] {
                        let opts = NetworkOptions {
                            kind,
                            normalisation,
                            min_statements,
                        };
                        let net = build_network(&list, opts).unwrap();
                        let ties = network_ties(&list, opts).unwrap();
                        let listed = Adjacency::new(
                            net.nodes.len(),
                            net.edges.iter().map(|e| (e.source, e.target, e.weight)),
                        );
                        assert_eq!(ties.nodes, net.nodes);
                        assert_eq!(ties.edges, net.edges.len());
                        let bits = |a: &Adjacency| -> Vec<Vec<(usize, u64)>> {
                            a.lists()
                                .iter()
                                .map(|l| l.iter().map(|&(j, w)| (j, w.to_bits())).collect())
                                .collect()
                        };
                        assert_eq!(
                            bits(&ties.adjacency),
                            bits(&listed),
                            "{kind:?} {normalisation:?} {min_statements}"
                        );
                    }
                }
            }
        }
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
            (cq.weight, cq.sign(), n.via(cq).cloned().collect::<Vec<_>>()),
            (0.0, "zero", vec![Text::from("mixed")])
        );
    }

    /// Many actors on few policies, every stance, some undated and repeated.
    fn crowd() -> Vec<Statement> {
        let stances = [Y, N, M, Y, N, Y, Y];
        let mut list = Vec::new();
        for k in 0..120usize {
            let (a, p) = (format!("a{}", k * 7 % 13), format!("p{}", k * 5 % 6));
            list.push((a, p, stances[k % stances.len()]));
        }
        let refs: Vec<(&str, &str, Stance)> = list
            .iter()
            .map(|(a, p, s)| (a.as_str(), p.as_str(), *s))
            .collect();
        let mut out = st(&refs);
        for s in out.iter_mut().step_by(9) {
            s.date = None;
        }
        out
    }

    #[test]
    fn every_tie_counts_and_dates_the_evidence_it_lists() {
        for kind in Kind::ALL {
            let opts = NetworkOptions {
                kind,
                normalisation: Normalisation::Jaccard,
                min_statements: 2,
            };
            let n = build_network(&crowd(), opts).unwrap();
            assert!(!n.edges.is_empty(), "{kind:?}");
            for e in &n.edges {
                let ev: Vec<&Statement> = n.evidence(e).collect();
                assert_eq!(ev.len(), e.statements, "{kind:?}");
                assert_eq!(ev.iter().filter_map(|s| s.date).min(), e.first, "{kind:?}");
                let via: Vec<&Text> = n.via(e).collect();
                // sorted (the affiliation network's stances in their own order)
                let sorted = match kind {
                    Kind::Affiliation => via
                        .windows(2)
                        .all(|w| Stance::parse(w[0]).unwrap() < Stance::parse(w[1]).unwrap()),
                    _ => via.windows(2).all(|w| w[0] < w[1]),
                };
                assert!(sorted, "{kind:?}");
                // every statement is the source's or the target's, on a via concept
                for s in ev {
                    let (node, concept) = match kind {
                        Kind::Policies => (&s.policy, &s.actor),
                        Kind::Affiliation => (&s.actor, &s.policy),
                        _ => (&s.actor, &s.policy),
                    };
                    assert!(node == &n.nodes[e.source].id || node == &n.nodes[e.target].id);
                    if kind != Kind::Affiliation {
                        assert!(via.contains(&concept));
                    }
                }
            }
        }
    }

    #[test]
    fn signed_ties_are_the_congruence_and_conflict_networks() {
        use crate::measures::Adjacency;
        let list = crowd();
        let t = signed_ties(&list, 2).unwrap();
        let net = |kind| {
            build_network(
                &list,
                NetworkOptions {
                    kind,
                    normalisation: Normalisation::None,
                    min_statements: 2,
                },
            )
            .unwrap()
        };
        let (cong, conf) = (net(Kind::Congruence), net(Kind::Conflict));
        let adj = |n: &Network| {
            Adjacency::new(
                n.nodes.len(),
                n.edges.iter().map(|e| (e.source, e.target, e.weight)),
            )
        };
        assert_eq!(t.nodes, cong.nodes);
        assert_eq!(t.positive, adj(&cong));
        assert_eq!(t.negative, adj(&conf));
        assert_eq!(
            (t.congruence_ties, t.conflict_ties),
            (cong.edges.len(), conf.edges.len())
        );
        assert!(t.congruence_ties > 0 && t.conflict_ties > 0);
        assert!(signed_ties(&list, 0).is_err());
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
