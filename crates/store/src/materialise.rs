//! A [`Region`]: the part of a store a question reads, turned back into a small
//! [`LevelGraph`] with the nodes and edges in their order in the whole graph.

use petgraph::graph::{DiGraph, NodeIndex};

use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::extend_in_order;

use crate::*;

/// A part of a store that a question reads: nodes and edges by their numbers in the
/// store. [`Region::materialise`] completes it with what every answer reads about
/// the nodes in it (see there) and turns it into a [`LevelGraph`].
///
/// Membership is kept in arrays over the whole store (a byte per node, a bit per
/// edge): a region of a hub holds tens of thousands of nodes, and sets would cost
/// more than the rest of the query.
pub struct Region<'s> {
    store: &'s Store,
    /// Per node: [`IN`], [`FULL`] (complete with who said what), [`DONE`], [`DONE_FULL`].
    state: Vec<u8>,
    nodes: Vec<u32>,
    /// A bit per edge record.
    edge_bits: Vec<u64>,
    edges: Vec<u32>,
    /// Complete every node with who said what (else only those marked [`FULL`]).
    speakers: bool,
}

const IN: u8 = 1;
const FULL: u8 = 2;
const DONE: u8 = 4;
const DONE_FULL: u8 = 8;

/// A materialised region: the graph, and each of its nodes' number in the store.
pub struct Materialised {
    /// The graph of the region, nodes and edges in store order.
    pub graph: LevelGraph,
    /// Store number of each local node, ascending.
    pub global: Vec<u32>,
    /// Store record of each local edge, ascending.
    pub edges: Vec<u32>,
}

impl Materialised {
    /// The local index of a store node, if it is in the region.
    pub fn local(&self, n: u32) -> Option<NodeIndex> {
        self.global.binary_search(&n).ok().map(NodeIndex::new)
    }
}

impl<'s> Region<'s> {
    /// An empty region of `store`.
    pub fn new(store: &'s Store) -> Self {
        Region {
            store,
            state: vec![0; store.node_count()],
            nodes: Vec::new(),
            edge_bits: vec![0; store.edge_count().div_ceil(64)],
            edges: Vec::new(),
            speakers: true,
        }
    }

    /// Add a node (false if it was there already or does not exist).
    fn insert(&mut self, n: u32) -> bool {
        match self.state.get_mut(n as usize) {
            Some(s) if *s & IN == 0 => {
                *s |= IN;
                self.nodes.push(n);
                true
            }
            _ => false,
        }
    }

    /// Add an edge record (false if it was there already).
    fn insert_edge(&mut self, r: u32) -> bool {
        let (w, bit) = (r as usize / 64, 1u64 << (r % 64));
        match self.edge_bits.get_mut(w) {
            Some(word) if *word & bit == 0 => {
                *word |= bit;
                self.edges.push(r);
                true
            }
            _ => false,
        }
    }

    /// Add a node.
    pub fn node(&mut self, n: u32) {
        self.insert(n);
    }

    /// Add an edge and its two ends.
    pub fn edge(&mut self, r: u32) {
        if let Some(e) = self.store.ends(r) {
            self.insert_edge(r);
            self.insert(e.from);
            self.insert(e.to);
        }
    }

    /// Add the edges at `n` of the kinds `keep` selects, and their other ends.
    pub fn incident(&mut self, n: u32, keep: impl Fn(EdgeKind) -> bool) {
        self.insert(n);
        for (r, other, _) in self.store.incident(n, keep) {
            self.insert_edge(r);
            self.insert(other);
        }
    }

    /// Add every edge between two nodes of the region of the kinds `keep` selects.
    pub fn among(&mut self, keep: impl Fn(EdgeKind) -> bool) {
        let st = self.store;
        for k in 0..self.nodes.len() {
            for r in st.out_edges(self.nodes[k]) {
                if let Some(e) = st.ends(r) {
                    if keep(e.kind) && self.state.get(e.to as usize).is_some_and(|s| s & IN != 0) {
                        self.insert_edge(r);
                    }
                }
            }
        }
    }

    /// Complete only the nodes given to [`Region::speakers_of`] with who said what
    /// (see [`Region::materialise`]); the others get just their articles. For
    /// questions that name no speakers but those of the nodes they ask about (show,
    /// neighbors, path), this keeps a hub's region small.
    pub fn without_speakers(&mut self) {
        self.speakers = false;
    }

    /// Complete node `n` with who said what, even [`Region::without_speakers`].
    pub fn speakers_of(&mut self, n: u32) {
        self.insert(n);
        if let Some(s) = self.state.get_mut(n as usize) {
            *s |= FULL;
        }
    }

    /// Complete the region with what answers read about its nodes, then build its
    /// graph. What answers read beyond the nodes and edges a question walks: the
    /// article of each claim and of each edge's evidence (for dates and titles); and
    /// who said what: for a claim, who it is attributed to, what it is about and the
    /// article that makes it; for an article, its authors and outlet. None if the
    /// store is damaged (and then the store is flagged so).
    pub fn materialise(self) -> Option<Materialised> {
        let st = self.store;
        let m = self.build();
        if m.is_none() {
            st.mark_damaged();
        }
        m
    }

    /// [`Region::materialise`]'s work.
    fn build(mut self) -> Option<Materialised> {
        let st = self.store;
        let all = self.speakers;
        // (node, whether it needs who said what), and edges whose articles are due.
        let mut todo: Vec<(u32, bool)> = self
            .nodes
            .iter()
            .map(|&n| (n, all || self.state[n as usize] & FULL != 0))
            .collect();
        let mut fresh = 0usize;
        loop {
            // Edges added so far bring their articles.
            while fresh < self.edges.len() {
                let r = self.edges[fresh];
                fresh += 1;
                if let Some(a) = st.edge_article(r) {
                    if self.insert(a) {
                        todo.push((a, all));
                    }
                }
            }
            let Some((n, full)) = todo.pop() else { break };
            let s = self.state.get_mut(n as usize)?;
            if *s & DONE_FULL != 0 || (!full && *s & DONE != 0) {
                continue;
            }
            *s |= if full { DONE | DONE_FULL } else { DONE };
            // Nodes reached from a node that needs who said what need it too.
            let add = |this: &mut Self, todo: &mut Vec<(u32, bool)>, r: u32, other: u32| {
                this.insert_edge(r);
                if this.insert(other) || full {
                    todo.push((other, full));
                }
            };
            match st.kind(n)? {
                NodeKind::Claim => {
                    if let Some(a) = st.article_of(n) {
                        if self.insert(a) || full {
                            todo.push((a, full));
                        }
                    }
                    if !full {
                        continue;
                    }
                    for r in st.out_edges(n) {
                        let e = st.ends(r)?;
                        if matches!(e.kind, EdgeKind::AttributedTo | EdgeKind::About) {
                            add(&mut self, &mut todo, r, e.to);
                        }
                    }
                    for r in st.in_edges(n) {
                        let e = st.ends(r)?;
                        if e.kind == EdgeKind::Makes {
                            add(&mut self, &mut todo, r, e.from);
                        }
                    }
                }
                NodeKind::Article if full => {
                    for r in st.in_edges(n) {
                        let e = st.ends(r)?;
                        if e.kind == EdgeKind::Authored {
                            add(&mut self, &mut todo, r, e.from);
                        }
                    }
                    for r in st.out_edges(n) {
                        let e = st.ends(r)?;
                        if e.kind == EdgeKind::PublishedBy {
                            add(&mut self, &mut todo, r, e.to);
                        }
                    }
                }
                _ => {}
            }
        }
        self.nodes.sort_unstable();
        self.edges.sort_unstable();
        // Decoding copies every string a large region holds (a hub's timeline has tens
        // of thousands of claims): on all cores, a round at a time into one buffer
        // that is emptied into the graph after each round (fresh memory costs more
        // than the decoding, so nothing is held twice).
        let mut graph: DiGraph<Node, Edge> =
            DiGraph::with_capacity(self.nodes.len(), self.edges.len());
        // For each node, the string numbers of a claim's evidence (article, quote).
        let mut evidence_at: Vec<Option<[u32; 2]>> = Vec::with_capacity(self.nodes.len());
        let mut nodes = Vec::new();
        for round in self.nodes.chunks(ROUND) {
            extend_in_order(&mut nodes, round, |&n| st.flag(st.node_unchecked(n)));
            for decoded in nodes.drain(..) {
                let (node, evidence) = decoded?;
                graph.add_node(node);
                evidence_at.push(evidence);
            }
        }
        let local = |n: u32| self.nodes.binary_search(&n).ok().map(NodeIndex::new);
        let mut edges = Vec::new();
        for round in self.edges.chunks(ROUND) {
            let g = &graph;
            let evidence_at = &evidence_at;
            extend_in_order(&mut edges, round, |&r| {
                let e = st.ends(r)?;
                let (a, b) = (local(e.from)?, local(e.to)?);
                // Most edges of a claim (what it is about, who it is attributed to,
                // the article making it) carry the claim's own quote: they share its
                // text.
                let known = |i: u32| {
                    [a, b].into_iter().find_map(|x| {
                        let shared = (*evidence_at.get(x.index())?)?;
                        let NodeData::Claim { evidence, .. } = &g.node_weight(x)?.data else {
                            return None;
                        };
                        match shared {
                            [article, _] if article == i => Some(evidence.article.clone()),
                            [_, quote] if quote == i => Some(evidence.quote.clone()),
                            _ => None,
                        }
                    })
                };
                Some((a, b, st.flag(st.edge_unchecked(r, known))?))
            });
            for decoded in edges.drain(..) {
                let (a, b, e) = decoded?;
                graph.add_edge(a, b, e);
            }
        }
        if st.is_damaged() {
            return None;
        }
        let graph = LevelGraph::from_graph(graph, st.digest.clone())?;
        Some(Materialised {
            graph,
            global: self.nodes,
            edges: self.edges,
        })
    }
}

/// How many records a region decodes at a time.
const ROUND: usize = 8192;
