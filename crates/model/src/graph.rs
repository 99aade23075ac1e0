//! The typed, evidenced graph: petgraph nodes and edges built from a validated
//! [`Corpus`], in a stable order.
//!
//! Node order: articles by (date, id), then actors, policies and events by id, then
//! claims by (article date, article, id). Edge order: by (source, target, kind,
//! evidence). The same corpus always gives the same graph, index for index.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::date::PartialDate;
use crate::{
    article_node_id, ArticleDate, ClaimKind, Corpus, EdgeKind, Evidence, NodeKind, Origin, Role,
    Stance, Text,
};

/// What a node holds besides its id, kind and label.
#[derive(Debug, Clone, PartialEq, Hash)]
pub enum NodeData {
    /// An article.
    Article {
        /// Title.
        title: String,
        /// Date with precision and provenance.
        date: ArticleDate,
        /// URL.
        url: Option<String>,
    },
    /// An actor, policy or event from the lexicon.
    Entity {
        /// Sub-kind (person, agenda, election…).
        subkind: String,
        /// Other names.
        aliases: Vec<String>,
        /// Description.
        description: Option<String>,
        /// Events: the date.
        date: Option<PartialDate>,
        /// Actors: roles.
        roles: Vec<Role>,
    },
    /// A claim.
    Claim {
        /// Paraphrase.
        text: Text,
        /// Quote and article.
        evidence: Evidence,
        /// Claim kind.
        claim_kind: ClaimKind,
        /// Reported speaker.
        speaker: Option<String>,
        /// Hedged.
        hedged: bool,
        /// The article's date.
        date: Option<PartialDate>,
    },
}

/// A node of the graph (hashed whole: the fingerprint of its graph.json item).
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Node {
    /// `kind:slug`.
    pub id: Text,
    /// Node kind.
    pub kind: NodeKind,
    /// Display label (name, title or claim paraphrase).
    pub label: Text,
    /// Kind-specific data.
    pub data: NodeData,
    /// Curated, derived or extracted.
    pub origin: Origin,
}

impl Node {
    /// The node's own date: an article's or event's date, or a claim's article date.
    pub fn date(&self) -> Option<PartialDate> {
        match &self.data {
            NodeData::Article { date, .. } => Some(date.value),
            NodeData::Entity { date, .. } => *date,
            NodeData::Claim { date, .. } => *date,
        }
    }

    /// Aliases (entities only).
    pub fn aliases(&self) -> &[String] {
        match &self.data {
            NodeData::Entity { aliases, .. } => aliases,
            _ => &[],
        }
    }

    /// The sub-kind of an entity (person, agenda…), if any.
    pub fn subkind(&self) -> Option<&str> {
        match &self.data {
            NodeData::Entity { subkind, .. } => Some(subkind),
            _ => None,
        }
    }
}

/// An edge of the graph (hashed whole: with its ends, the fingerprint of its graph.json item).
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Edge {
    /// Edge kind.
    pub kind: EdgeKind,
    /// Article and quote.
    pub evidence: Evidence,
    /// For `about`.
    pub stance: Option<Stance>,
    /// Curator's note.
    pub note: Option<String>,
    /// Curated, derived or extracted.
    pub origin: Origin,
}

/// The graph with an id index.
#[derive(Debug, Clone, Default)]
pub struct LevelGraph {
    /// The petgraph graph.
    pub graph: DiGraph<Node, Edge>,
    /// Node by id: looked up, never walked (so a hash map: a lookup is one hash and
    /// one compare, not a string compare per level of a tree of 190,000 ids).
    index: FxHashMap<Text, NodeIndex>,
    /// Digest of the corpus files it was built from.
    pub digest: String,
}

/// How to build.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Include items drafted by `levelmap extract` (`build --auto`).
    pub include_extracted: bool,
}

impl LevelGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// A graph from a petgraph graph whose node ids are unique (a cache read back),
    /// with the id index built in one pass; None if two nodes share an id.
    pub fn from_graph(graph: DiGraph<Node, Edge>, digest: String) -> Option<Self> {
        let index: FxHashMap<Text, NodeIndex> = graph
            .node_indices()
            .map(|i| (graph[i].id.clone(), i))
            .collect();
        (index.len() == graph.node_count()).then_some(LevelGraph {
            graph,
            index,
            digest,
        })
    }

    /// Add a node; ids must be unique (a repeated id returns the existing index).
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&i) = self.index.get(&*node.id) {
            return i;
        }
        let id = node.id.clone();
        let i = self.graph.add_node(node);
        self.index.insert(id, i);
        i
    }

    /// Add an edge between two existing ids; false if either is unknown.
    pub fn add_edge(&mut self, from: &str, to: &str, edge: Edge) -> bool {
        match (self.index.get(from), self.index.get(to)) {
            (Some(&a), Some(&b)) => {
                self.graph.add_edge(a, b, edge);
                true
            }
            _ => false,
        }
    }

    /// The index of a node by id.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The article node of the article with stem `stem` (`find(&article_node_id(stem))`
    /// without making the id: an answer looks up an article for every quote it gives).
    pub fn find_article(&self, stem: &str) -> Option<NodeIndex> {
        const PREFIX: &[u8] = b"article:";
        let mut buf = [0u8; 128];
        let n = PREFIX.len() + stem.len();
        if n > buf.len() {
            return self.find(&article_node_id(stem));
        }
        buf[..PREFIX.len()].copy_from_slice(PREFIX);
        buf[PREFIX.len()..n].copy_from_slice(stem.as_bytes());
        self.find(std::str::from_utf8(&buf[..n]).ok()?)
    }

    /// The node at an index.
    pub fn node(&self, i: NodeIndex) -> &Node {
        &self.graph[i]
    }

    /// The edge at an index.
    pub fn edge(&self, e: EdgeIndex) -> &Edge {
        &self.graph[e]
    }

    /// Ids in index order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.graph.node_indices().map(|i| self.graph[i].id.as_ref())
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Nodes by kind, in a fixed order of kinds.
    pub fn count_nodes(&self) -> BTreeMap<NodeKind, usize> {
        let mut m = BTreeMap::new();
        for n in self.graph.node_weights() {
            *m.entry(n.kind).or_insert(0) += 1;
        }
        m
    }

    /// Edges by kind.
    pub fn count_edges(&self) -> BTreeMap<EdgeKind, usize> {
        let mut m = BTreeMap::new();
        for e in self.graph.edge_weights() {
            *m.entry(e.kind).or_insert(0) += 1;
        }
        m
    }

    /// Earliest and latest dated node.
    pub fn date_span(&self) -> Option<(PartialDate, PartialDate)> {
        let dates: Vec<PartialDate> = self.graph.node_weights().filter_map(Node::date).collect();
        Some((*dates.iter().min()?, *dates.iter().max()?))
    }

    /// The article a node belongs to: itself, or a claim's article.
    pub fn article_of(&self, i: NodeIndex) -> Option<NodeIndex> {
        match &self.graph[i].data {
            NodeData::Article { .. } => Some(i),
            NodeData::Claim { evidence, .. } => self.find_article(&evidence.article),
            _ => None,
        }
    }

    /// The date of the article an edge's evidence comes from.
    pub fn evidence_date(&self, e: &Edge) -> Option<PartialDate> {
        self.find_article(&e.evidence.article)
            .and_then(|i| self.graph[i].date())
    }

    /// Who said a claim: its attributed speaker, else the article's authors.
    pub fn speakers(&self, claim: NodeIndex) -> Vec<NodeIndex> {
        let attributed: Vec<NodeIndex> = self
            .graph
            .edges_directed(claim, Direction::Outgoing)
            .filter(|e| e.weight().kind == EdgeKind::AttributedTo)
            .map(|e| e.target())
            .collect();
        if !attributed.is_empty() {
            return attributed;
        }
        let Some(article) = self.article_of(claim) else {
            return vec![];
        };
        let mut authors: Vec<NodeIndex> = self
            .graph
            .edges_directed(article, Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Authored)
            .map(|e| e.source())
            .collect();
        authors.sort();
        authors
    }

    /// A stable id for an edge: `from -kind-> to`, with `#n` for repeats.
    pub fn edge_id(&self, e: EdgeIndex) -> String {
        let (a, b) = self.graph.edge_endpoints(e).expect("edge exists");
        let w = &self.graph[e];
        let n = self
            .graph
            .edges_connecting(a, b)
            .filter(|x| x.weight().kind == w.kind && x.id() < e)
            .count();
        numbered_edge_id(&self.graph[a].id, w.kind, &self.graph[b].id, n)
    }
}

/// Edge ids as [`LevelGraph::edge_id`] gives them, for a walk over every edge in
/// index order: each edge's number among those joining its two nodes with its kind is
/// counted as the walk passes it, instead of scanning the source's edges for each id
/// (thousands for a hub). A graph's edges are sorted by (source, target, kind), so
/// such edges are neighbours and the run is counted; a graph in another order (a
/// hand-written graph.json) is counted with a map.
pub struct EdgeNumbering {
    seen: Option<FxHashMap<(u32, u32, EdgeKind), usize>>,
    last: Option<((u32, u32, EdgeKind), usize)>,
}

impl EdgeNumbering {
    /// A walk over the edges of `g`.
    pub fn new(g: &LevelGraph) -> Self {
        let grouped = g.graph.edge_indices().map(|e| edge_key(g, e)).is_sorted();
        EdgeNumbering {
            seen: (!grouped).then(FxHashMap::default),
            last: None,
        }
    }

    /// The next edge of the walk (every edge, in index order): how many earlier edges
    /// join its two nodes with its kind.
    pub fn earlier(&mut self, g: &LevelGraph, e: EdgeIndex) -> usize {
        let key = edge_key(g, e);
        match &mut self.seen {
            Some(seen) => {
                let n = seen.entry(key).or_insert(0);
                *n += 1;
                *n - 1
            }
            None => {
                let n = match self.last {
                    Some((k, n)) if k == key => n + 1,
                    _ => 0,
                };
                self.last = Some((key, n));
                n
            }
        }
    }

    /// The id of edge `e` of `g`, `earlier` being what [`EdgeNumbering::earlier`] gave it.
    pub fn id(g: &LevelGraph, e: EdgeIndex, earlier: usize) -> String {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
        numbered_edge_id(&g.graph[a].id, g.graph[e].kind, &g.graph[b].id, earlier)
    }
}

fn edge_key(g: &LevelGraph, e: EdgeIndex) -> (u32, u32, EdgeKind) {
    let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
    (a.index() as u32, b.index() as u32, g.graph[e].kind)
}

/// An edge's id when `n` earlier edges join the same nodes with the same kind:
/// `from-kind->to`, then `#2`, `#3`… for the parallel ones.
pub(crate) fn numbered_edge_id(from: &str, kind: EdgeKind, to: &str, n: usize) -> String {
    if n == 0 {
        format!("{from}-{kind}->{to}")
    } else {
        format!("{from}-{kind}->{to}#{}", n + 1)
    }
}

/// Build the graph from a corpus (which should be free of errors).
pub fn build(corpus: &Corpus, opts: BuildOptions) -> LevelGraph {
    build_reusing(corpus, opts, None).0
}

/// [`build`], with a cache of found mentions: each article's taken from `reuse` where
/// it has them (see [`crate::mentions::article_mentions_reusing`]: the same graph
/// either way). Returns the graph and, with a cache, every article's cache entry of
/// found mentions, in article order.
pub fn build_reusing(
    corpus: &Corpus,
    opts: BuildOptions,
    reuse: Option<&crate::mentions::Reuse<'_>>,
) -> (LevelGraph, Vec<crate::mentions::FoundEntry>) {
    let keep = |o: &Origin| opts.include_extracted || !matches!(o, Origin::Extracted(_));
    let mut g = LevelGraph::new();
    g.digest = corpus.digest.clone();

    let mut articles: Vec<_> = corpus
        .articles
        .values()
        .filter(|a| keep(&a.origin))
        .collect();
    articles.sort_by(|a, b| (a.date.value, &a.id).cmp(&(b.date.value, &b.id)));
    // Each kept article's node, by its id (the file stem evidence names it by).
    let mut article_ix: FxHashMap<&str, NodeIndex> = FxHashMap::default();
    for a in &articles {
        let i = g.add_node(Node {
            id: article_node_id(&a.id).into(),
            kind: NodeKind::Article,
            label: a.title.clone().into(),
            data: NodeData::Article {
                title: a.title.clone(),
                date: a.date.clone(),
                url: a.url.clone(),
            },
            origin: a.origin,
        });
        article_ix.insert(a.id.as_str(), i);
    }
    add_entities(&mut g, corpus, &keep);
    add_claims(&mut g, corpus, &keep, &article_ix);
    let mentions = crate::mentions::article_mentions_reusing(corpus, reuse);
    let (edges, sources, entries) = edges_in_order(&g, corpus, &keep, &article_ix, mentions);
    g.graph.reserve_exact_edges(edges.len());
    for e in &edges {
        g.graph.add_edge(e.a, e.b, sources.edge(e.source));
    }
    (g, entries)
}

/// The actors, policies and events, each kind by id.
fn add_entities(g: &mut LevelGraph, corpus: &Corpus, keep: &impl Fn(&Origin) -> bool) {
    for kind in [NodeKind::Actor, NodeKind::Policy, NodeKind::Event] {
        for e in corpus
            .entities
            .values()
            .filter(|e| e.node_kind == kind && keep(&e.origin))
        {
            g.add_node(Node {
                id: e.id.clone().into(),
                kind,
                label: e.name.clone().into(),
                data: NodeData::Entity {
                    subkind: e.kind.clone(),
                    aliases: e.aliases.clone(),
                    description: e.description.clone(),
                    date: e.date,
                    roles: e.roles.clone(),
                },
                origin: e.origin,
            });
        }
    }
}

/// The claims of kept articles, by (article date, article, id).
fn add_claims(
    g: &mut LevelGraph,
    corpus: &Corpus,
    keep: &impl Fn(&Origin) -> bool,
    article_ix: &FxHashMap<&str, NodeIndex>,
) {
    // The sort key computed once per claim (ids are unique, so no two keys tie).
    let mut claims: Vec<_> = corpus
        .claims
        .values()
        .filter(|c| keep(&c.origin) && article_ix.contains_key(&*c.evidence.article))
        .map(|c| {
            let date = corpus.article_date(&c.evidence.article);
            ((date, &*c.evidence.article, c.id.as_str()), c)
        })
        .collect();
    claims.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for ((date, ..), c) in claims {
        let text: Text = c.text.as_str().into();
        g.add_node(Node {
            id: c.id.as_str().into(),
            kind: NodeKind::Claim,
            label: text.clone(),
            data: NodeData::Claim {
                text,
                evidence: c.evidence.clone(),
                claim_kind: c.kind,
                speaker: c.speaker.clone(),
                hedged: c.hedged,
                date,
            },
            origin: c.origin,
        });
    }
}

/// Where an edge comes from, to be made only once its place is known: the corpus'
/// relation, the claim whose `makes` it is, or a found mention (by index).
#[derive(Clone, Copy)]
enum EdgeSource {
    Relation(u32),
    Makes(u32),
    Mention(u32),
}

/// An edge before it is made: its ends, what orders it, and where it comes from (24
/// bytes, where the edge itself is 80: at 100,000 articles the 12 million edges
/// sorted whole, with the merge sort's buffer beside them, were 3 GB of the build's
/// peak; see docs/scale.md, "Memory at 100,000 articles").
#[derive(Clone, Copy)]
struct Pending {
    a: NodeIndex,
    b: NodeIndex,
    /// Its place in the input (the order equal keys keep).
    pos: u32,
    kind: EdgeKind,
    stance: Option<Stance>,
    source: EdgeSource,
}

/// What the pending edges are made from: the corpus' relations and claims, and the
/// found mentions (each its article's stem and quote).
struct Sources<'c> {
    relations: &'c [crate::Relation],
    claims: Vec<&'c crate::Claim>,
    mentions: Vec<(Text, Text)>,
}

impl Sources<'_> {
    /// The evidence an edge from `source` will carry, as (article, quote).
    fn evidence(&self, source: EdgeSource) -> (&str, &str) {
        match source {
            EdgeSource::Relation(i) => {
                let e = &self.relations[i as usize].evidence;
                (&e.article, &e.quote)
            }
            EdgeSource::Makes(i) => {
                let e = &self.claims[i as usize].evidence;
                (&e.article, &e.quote)
            }
            EdgeSource::Mention(i) => {
                let (article, quote) = &self.mentions[i as usize];
                (article, quote)
            }
        }
    }

    /// The edge from `source`.
    fn edge(&self, source: EdgeSource) -> Edge {
        let derived = |evidence: Evidence, kind: EdgeKind| Edge {
            kind,
            evidence,
            stance: None,
            note: None,
            origin: Origin::Derived,
        };
        match source {
            EdgeSource::Relation(i) => {
                let r = &self.relations[i as usize];
                Edge {
                    kind: r.kind,
                    evidence: r.evidence.clone(),
                    stance: r.stance,
                    note: r.note.clone(),
                    origin: r.origin,
                }
            }
            EdgeSource::Makes(i) => {
                derived(self.claims[i as usize].evidence.clone(), EdgeKind::Makes)
            }
            EdgeSource::Mention(i) => {
                let (article, quote) = &self.mentions[i as usize];
                let evidence = Evidence {
                    article: article.clone(),
                    quote: quote.clone(),
                };
                derived(evidence, EdgeKind::Mentions)
            }
        }
    }
}

/// Every edge between two nodes of `g`, in edge order (source, target, kind,
/// evidence, stance; ties in input order: the corpus' relations, then each claim's
/// `makes`, then the mentions), the first of each (source, target, kind, evidence),
/// still to be made from the sources returned with them; and every article's cache
/// entry of found mentions (with a cache), in article order.
fn edges_in_order<'c>(
    g: &LevelGraph,
    corpus: &'c Corpus,
    keep: &(impl Fn(&Origin) -> bool + Sync),
    article_ix: &FxHashMap<&str, NodeIndex>,
    mentions: Vec<(&String, crate::mentions::Found)>,
) -> (Vec<Pending>, Sources<'c>, Vec<crate::mentions::FoundEntry>) {
    use rayon::prelude::*;
    let ids: FxHashMap<&str, NodeIndex> = g
        .graph
        .node_indices()
        .map(|i| (&*g.graph[i].id, i))
        .collect();
    let ids = &ids;
    let pending = |a, b, kind, stance, source| Pending {
        a,
        b,
        pos: 0,
        kind,
        stance,
        source,
    };
    // Each part made on all cores; `collect` keeps the input order.
    let mut keyed: Vec<Pending> = corpus
        .relations
        .par_iter()
        .enumerate()
        .filter(|(_, r)| keep(&r.origin))
        .filter_map(|(i, r)| {
            let (&a, &b) = (ids.get(r.from.as_str())?, ids.get(r.to.as_str())?);
            Some(pending(
                a,
                b,
                r.kind,
                r.stance,
                EdgeSource::Relation(i as u32),
            ))
        })
        .collect();
    let claims: Vec<&crate::Claim> = corpus.claims.values().collect();
    keyed.par_extend(
        claims
            .par_iter()
            .enumerate()
            .filter(|(_, c)| keep(&c.origin))
            .filter_map(|(i, c)| {
                let a = *article_ix.get(&*c.evidence.article)?;
                let b = *ids.get(c.id.as_str())?;
                Some(pending(
                    a,
                    b,
                    EdgeKind::Makes,
                    None,
                    EdgeSource::Makes(i as u32),
                ))
            }),
    );
    let mut entries = Vec::with_capacity(mentions.len());
    let mut found = Vec::with_capacity(mentions.len());
    for (stem, f) in mentions {
        entries.extend(f.entry);
        found.push((stem, f.found));
    }
    // Each article's mentions resolved on all cores, then numbered in article order.
    let per_article: Vec<Vec<(NodeIndex, NodeIndex, Text, Text)>> = found
        .into_par_iter()
        .map(|(stem, found)| {
            let Some(&a) = article_ix.get(stem.as_str()) else {
                return Vec::new();
            };
            let article: Text = stem.as_str().into();
            found
                .into_iter()
                .filter_map(|(entity, quote)| {
                    let b = *ids.get(entity.as_str())?;
                    Some((a, b, article.clone(), quote.into()))
                })
                .collect()
        })
        .collect();
    let n: usize = per_article.iter().map(Vec::len).sum();
    keyed.reserve_exact(n);
    let mut quotes: Vec<(Text, Text)> = Vec::with_capacity(n);
    for (a, b, article, quote) in per_article.into_iter().flatten() {
        let source = EdgeSource::Mention(quotes.len() as u32);
        keyed.push(pending(a, b, EdgeKind::Mentions, None, source));
        quotes.push((article, quote));
    }
    for (pos, k) in keyed.iter_mut().enumerate() {
        k.pos = pos as u32;
    }
    let sources = Sources {
        relations: &corpus.relations,
        claims,
        mentions: quotes,
    };
    let by = &sources;
    // In place: equal keys ordered by their place in the input, as a stable sort
    // would leave them, and the first of each is kept.
    keyed.par_sort_unstable_by(|x, y| {
        (x.a, x.b, x.kind, by.evidence(x.source), x.stance, x.pos).cmp(&(
            y.a,
            y.b,
            y.kind,
            by.evidence(y.source),
            y.stance,
            y.pos,
        ))
    });
    keyed.dedup_by(|x, y| {
        x.a == y.a
            && x.b == y.b
            && x.kind == y.kind
            && by.evidence(x.source) == by.evidence(y.source)
    });
    (keyed, sources, entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edges were sorted whole (80 bytes each, with a merge sort's buffer beside
    /// them: 3 GB of the peak at 100,000 articles); now their 24-byte keys are sorted
    /// in place, and each edge made once its place is known. The graph's edges are
    /// those of the whole sort: the same order, the same first of equal ones.
    #[test]
    fn edges_sorted_by_their_keys_are_the_edges_sorted_whole() {
        let ev = |article: &str, quote: &str| Evidence {
            article: article.into(),
            quote: quote.into(),
        };
        let entity = |id: &str, name: &str, node_kind| {
            let e = crate::Entity {
                id: id.into(),
                name: name.into(),
                node_kind,
                kind: String::new(),
                aliases: vec![],
                description: None,
                date: None,
                roles: vec![],
                origin: Origin::Curated,
            };
            (id.to_string(), e)
        };
        let article = |id: &str, date: &str, text: &str| {
            let a = crate::Article {
                id: id.into(),
                title: id.into(),
                url: None,
                date: ArticleDate {
                    value: PartialDate::parse(date).unwrap(),
                    provenance: crate::DateProvenance::Stated,
                    evidence: None,
                    reasoning: None,
                },
                text: text.into(),
                text_path: String::new(),
                origin: Origin::Curated,
            };
            (id.to_string(), a)
        };
        let rel =
            |from: &str, kind, to: &str, e: Evidence, stance, note: Option<&str>| crate::Relation {
                from: from.into(),
                kind,
                to: to.into(),
                evidence: e,
                stance,
                note: note.map(str::to_string),
                origin: Origin::Curated,
            };
        let q = "Ann Bee backs the Growth Fund.";
        let corpus = Corpus {
            articles: [
                article("a2", "2021", &format!("{q} The Growth Fund works.")),
                article("a1", "2020-05", q),
            ]
            .into(),
            entities: [
                entity("actor:ann", "Ann Bee", NodeKind::Actor),
                entity("policy:fund", "Growth Fund", NodeKind::Policy),
                entity("actor:cat", "Cat Dee", NodeKind::Actor),
            ]
            .into(),
            claims: [(
                "claim:c1".to_string(),
                crate::Claim {
                    id: "claim:c1".into(),
                    text: "backs".into(),
                    evidence: ev("a1", q),
                    kind: ClaimKind::Evaluation,
                    speaker: None,
                    hedged: false,
                    origin: Origin::Curated,
                },
            )]
            .into(),
            relations: vec![
                // equal but for the note: the first kept
                rel(
                    "actor:ann",
                    EdgeKind::Proposes,
                    "policy:fund",
                    ev("a1", q),
                    None,
                    Some("first"),
                ),
                rel(
                    "actor:ann",
                    EdgeKind::Proposes,
                    "policy:fund",
                    ev("a1", q),
                    None,
                    Some("second"),
                ),
                // a smaller quote sorts before
                rel(
                    "actor:ann",
                    EdgeKind::Proposes,
                    "policy:fund",
                    ev("a1", "Ann"),
                    None,
                    None,
                ),
                // equal but for the stance: the smaller stance kept, wherever it stands
                rel(
                    "claim:c1",
                    EdgeKind::About,
                    "policy:fund",
                    ev("a1", q),
                    Some(Stance::Against),
                    None,
                ),
                rel(
                    "claim:c1",
                    EdgeKind::About,
                    "policy:fund",
                    ev("a1", q),
                    Some(Stance::For),
                    None,
                ),
                // a curated mention the scan also finds: the curated one kept
                rel(
                    "article:a1",
                    EdgeKind::Mentions,
                    "policy:fund",
                    ev("a1", q),
                    None,
                    Some("curated"),
                ),
                rel(
                    "actor:cat",
                    EdgeKind::Criticises,
                    "policy:fund",
                    ev("a2", "The Growth Fund works."),
                    None,
                    None,
                ),
            ],
            digest: String::new(),
        };
        let g = build(&corpus, BuildOptions::default());
        let got: Vec<(String, String, Edge)> = g
            .graph
            .edge_references()
            .map(|e| {
                let id = |i: NodeIndex| g.graph[i].id.to_string();
                (id(e.source()), id(e.target()), e.weight().clone())
            })
            .collect();
        // The oracle: every edge made in input order, sorted whole by a stable sort,
        // the first of each (source, target, kind, evidence) kept.
        let ix = |id: &str| g.find(id).unwrap();
        let derived = |kind, evidence| Edge {
            kind,
            evidence,
            stance: None,
            note: None,
            origin: Origin::Derived,
        };
        let mut all: Vec<(NodeIndex, NodeIndex, Edge)> = corpus
            .relations
            .iter()
            .map(|r| {
                let e = Edge {
                    kind: r.kind,
                    evidence: r.evidence.clone(),
                    stance: r.stance,
                    note: r.note.clone(),
                    origin: r.origin,
                };
                (ix(&r.from), ix(&r.to), e)
            })
            .collect();
        for c in corpus.claims.values() {
            let a = ix(&article_node_id(&c.evidence.article));
            all.push((a, ix(&c.id), derived(EdgeKind::Makes, c.evidence.clone())));
        }
        for (stem, found) in crate::mentions::article_mentions_reusing(&corpus, None) {
            for (entity, quote) in found.found {
                let e = derived(EdgeKind::Mentions, ev(stem, &quote));
                all.push((ix(&article_node_id(stem)), ix(&entity), e));
            }
        }
        all.sort_by(|x, y| {
            let key = |(a, b, e): &(NodeIndex, NodeIndex, Edge)| {
                (*a, *b, e.kind, e.evidence.clone(), e.stance)
            };
            key(x).cmp(&key(y))
        });
        all.dedup_by(|x, y| {
            x.0 == y.0 && x.1 == y.1 && x.2.kind == y.2.kind && x.2.evidence == y.2.evidence
        });
        let want: Vec<(String, String, Edge)> = all
            .into_iter()
            .map(|(a, b, e)| (g.graph[a].id.to_string(), g.graph[b].id.to_string(), e))
            .collect();
        assert_eq!(got, want);
        // what the cases above were for
        let notes: Vec<Option<&str>> = got.iter().map(|(.., e)| e.note.as_deref()).collect();
        assert!(notes.contains(&Some("first")) && !notes.contains(&Some("second")));
        assert!(notes.contains(&Some("curated")));
        let about: Vec<_> = got
            .iter()
            .filter(|(.., e)| e.kind == EdgeKind::About)
            .collect();
        assert_eq!(about.len(), 1);
        assert!(got
            .iter()
            .any(|(.., e)| e.kind == EdgeKind::Mentions && e.origin == Origin::Derived));
    }

    fn node(id: &str) -> Node {
        Node {
            id: id.into(),
            kind: NodeKind::Claim,
            label: id.into(),
            data: NodeData::Entity {
                subkind: String::new(),
                aliases: vec![],
                description: None,
                date: None,
                roles: vec![],
            },
            origin: Origin::Curated,
        }
    }

    fn edge(kind: EdgeKind) -> Edge {
        Edge {
            kind,
            evidence: Evidence {
                article: "a".into(),
                quote: "q".into(),
            },
            stance: None,
            note: None,
            origin: Origin::Curated,
        }
    }

    #[test]
    fn an_article_found_by_its_stem_is_the_one_found_by_its_id() {
        let long = "x".repeat(200);
        let stems = ["2024-07-hickson", "é-accent", long.as_str(), ""];
        let mut g = LevelGraph::new();
        for stem in &stems[..3] {
            g.add_node(node(&article_node_id(stem)));
        }
        g.add_node(node("actor:2024-07-hickson"));
        for stem in stems {
            assert_eq!(
                g.find_article(stem),
                g.find(&article_node_id(stem)),
                "{stem}"
            );
        }
        assert!(g.find_article(&long).is_some(), "a stem past the buffer");
        assert_eq!(g.find_article("missing"), None);
    }

    #[test]
    fn edge_numbering_gives_every_edges_id() {
        use EdgeKind::{Echoes, Supports};
        // in (source, target, kind) order, with runs of parallel edges; then the same
        // edges shuffled (a hand-written graph.json), where runs are not neighbours
        let sorted = [
            ("a", "b", Supports),
            ("a", "b", Supports),
            ("a", "b", Echoes),
            ("a", "c", Supports),
            ("b", "a", Supports),
            ("b", "a", Supports),
            ("b", "a", Supports),
            ("c", "a", Echoes),
        ];
        let mut shuffled = sorted;
        shuffled.swap(0, 5);
        shuffled.swap(1, 7);
        shuffled.swap(2, 4);
        for list in [&sorted[..], &shuffled[..], &[]] {
            let mut g = LevelGraph::new();
            for id in ["a", "b", "c"] {
                g.add_node(node(id));
            }
            for &(a, b, kind) in list {
                assert!(g.add_edge(a, b, edge(kind)));
            }
            let mut numbering = EdgeNumbering::new(&g);
            let ids: Vec<String> = g
                .graph
                .edge_indices()
                .map(|e| EdgeNumbering::id(&g, e, numbering.earlier(&g, e)))
                .collect();
            let expected: Vec<String> = g.graph.edge_indices().map(|e| g.edge_id(e)).collect();
            assert_eq!(ids, expected);
        }
        assert!(EdgeNumbering::new(&LevelGraph::new()).seen.is_none());
    }
}
