//! `search`: ranked text search over names, aliases, titles, descriptions, claim
//! paraphrases and quotes, and the quotes of curated relations, with why each hit
//! matched.
//!
//! Each field of each node (or relation) is a document. Words are folded to
//! lowercase, common English words are dropped, and plurals are reduced ("skills" →
//! "skill", "policies" → "policy"). Documents are scored with BM25 (k1 = 1.2,
//! b = 0.75) and a node's score is the weighted sum over its fields: names count
//! most, then aliases and titles, claim paraphrases, quotes, and the speakers' names
//! (so "Work Foundation skills" ranks the Work Foundation's claims about skills
//! first; the speaker field is scored with the collection statistics of the others). A field holding the whole query as a phrase counts half again.
//! `mentions` quotes are not searched: they are computed, and say only that a name
//! occurs. A document's length is its number of whitespace-separated words.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::{Answer, NodeRef, QueryError, VERSION};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind};

/// The edge kinds whose quotes are searched: the curated relations (claim edges share
/// their claim's quote, and mentions are computed).
pub const SEARCHED_EDGES: &[EdgeKind] = &[
    EdgeKind::Proposes,
    EdgeKind::Criticises,
    EdgeKind::MemberOf,
    EdgeKind::EvolvesInto,
    EdgeKind::Replaces,
    EdgeKind::PartOf,
];

/// Options of `search`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// The words to look for.
    pub text: String,
    /// At most this many hits (at least 1).
    pub limit: usize,
    /// Only hits on nodes of these kinds (empty: all; relations count as their source's kind).
    pub kinds: Vec<NodeKind>,
}

/// Which field matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// An actor's, policy's or event's name.
    Name,
    /// An alias.
    Alias,
    /// An article's title.
    Title,
    /// A lexicon description.
    Description,
    /// A claim's paraphrase.
    Text,
    /// A claim's quote, or a relation's.
    Quote,
    /// The names of a claim's speakers.
    Speaker,
}

impl Field {
    /// How much a match in this field counts.
    fn weight(self) -> f64 {
        match self {
            Field::Name => 3.0,
            Field::Alias | Field::Title => 2.0,
            Field::Text => 1.5,
            Field::Quote => 1.0,
            Field::Description => 0.8,
            Field::Speaker => 0.6,
        }
    }

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias => "alias",
            Field::Title => "title",
            Field::Description => "description",
            Field::Text => "text",
            Field::Quote => "quote",
            Field::Speaker => "speaker",
        }
    }
}

/// The answer of `search` (schema `levelmap/search`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchAnswer {
    /// `levelmap/search`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// The query as given.
    pub query: String,
    /// The words searched for, after folding, stop words and plurals.
    pub terms: Vec<String>,
    /// Everything that matched, before `limit`.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
}

/// One hit: a node, or a relation between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hit {
    /// 1 for the best.
    pub rank: usize,
    /// BM25 score, rounded to 3 decimals.
    pub score: f64,
    /// The node (for a relation: its source).
    pub node: NodeRef,
    /// For a relation: the edge kind.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub edge: Option<EdgeKind>,
    /// For a relation: its target.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub target: Option<NodeRef>,
    /// The node's date, or the relation's evidence date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// For claims: who said it ([`super::who_said`]).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub speakers: Vec<NodeRef>,
    /// For claims and relations: the article (`article:<stem>`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub article: Option<String>,
    /// Why it matched: each matching field, best first.
    pub why: Vec<Why>,
}

/// A field that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Why {
    /// Which field.
    pub field: Field,
    /// The query terms found in it.
    pub terms: Vec<String>,
    /// The field's text (a window around the first match when long).
    pub snippet: String,
}

impl Answer for SearchAnswer {
    const SCHEMA: &'static str = "levelmap/search";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let ids = self.hits.iter().flat_map(|h| {
            std::iter::once(h.node.id.as_ref())
                .chain(h.target.iter().map(|t| t.id.as_ref()))
                .chain(h.speakers.iter().map(|s| s.id.as_ref()))
        });
        super::indices(g, ids)
    }
}

const STOP: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "did", "do", "for", "from", "has",
    "have", "how", "in", "is", "it", "its", "of", "on", "or", "say", "said", "that", "the",
    "their", "this", "to", "was", "were", "what", "when", "which", "who", "why", "will", "with",
];

/// Reduce a folded word to its stem: plurals and possessives only.
pub fn stem(w: &str) -> String {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// The words of a text: lowercase runs of letters and digits (apostrophes dropped).
fn words(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.extend(c.to_lowercase());
        } else if (c == '\'' || c == '\u{2019}') && !cur.is_empty() {
            // "Labour's" -> "labour" + "s": drop the possessive.
            continue;
        } else if !cur.is_empty() {
            out.push((start, std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out.into_iter()
}

/// The search terms of a text, in order, without repeats.
pub fn terms(text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for (_, w) in words(text) {
        if STOP.contains(&w.as_str()) {
            continue;
        }
        let s = stem(&w);
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen
}

/// What a document belongs to: a node, or a relation (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Owner {
    /// A node.
    Node(u32),
    /// An edge.
    Edge(u32),
}

/// Which text of its owner a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocText {
    /// An article's title.
    Title,
    /// An entity's name.
    Name,
    /// An entity's alias, by position.
    Alias(u32),
    /// An entity's description.
    Description,
    /// A claim's paraphrase.
    Text,
    /// A claim's quote, or a relation's.
    Quote,
}

impl DocText {
    /// The field this text is.
    pub fn field(self) -> Field {
        match self {
            DocText::Title => Field::Title,
            DocText::Name => Field::Name,
            DocText::Alias(_) => Field::Alias,
            DocText::Description => Field::Description,
            DocText::Text => Field::Text,
            DocText::Quote => Field::Quote,
        }
    }
}

/// One searchable document: whose text it is, which text, and its length in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocInfo {
    /// Its node or relation.
    pub owner: Owner,
    /// Which of its texts.
    pub text: DocText,
    /// Whitespace-separated words (at least 1).
    pub len: u32,
}

/// What a search reads besides the graph: the documents, their total length, and
/// for each term the documents that hold it (a word whose stem it is). Built in
/// memory for a whole graph ([`SearchIndex`]), or read from the query store.
pub trait Postings {
    /// Number of documents.
    fn doc_count(&self) -> usize;
    /// Sum of the documents' lengths.
    fn total_len(&self) -> u64;
    /// Document `d`.
    fn doc(&self, d: u32) -> Option<DocInfo>;
    /// The documents holding `term`, ascending.
    fn postings(&self, term: &str) -> Vec<u32>;
}

/// The inverted index of a graph's documents, in memory.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every document, in a fixed order: nodes in graph order (each node's texts in
    /// the order of [`DocText`]), then the searched relations in graph order.
    pub docs: Vec<DocInfo>,
    /// Each term's documents, ascending.
    pub terms: BTreeMap<String, Vec<u32>>,
    /// Sum of the documents' lengths.
    pub total_len: u64,
}

impl SearchIndex {
    /// Index every searchable text of `g`.
    ///
    /// The terms are gathered in a hash map (one hash of a borrowed word per word,
    /// not a dozen string compares down a tree and a string made for each) and
    /// sorted once at the end: the same index as adding each word to the tree.
    pub fn build(g: &LevelGraph) -> SearchIndex {
        let mut docs: Vec<DocInfo> = Vec::new();
        let mut total_len = 0u64;
        let mut terms: rustc_hash::FxHashMap<String, Vec<u32>> = Default::default();
        let mut scratch = WordScratch::default();
        let mut add = |owner: Owner, text: DocText, body: &str| {
            let d = docs.len() as u32;
            let len = scratch.each_word(body, |w, stemmed| {
                if is_stop(w) {
                    return;
                }
                let s = stem_into(w, stemmed);
                match terms.get_mut(s) {
                    Some(list) => {
                        if list.last() != Some(&d) {
                            list.push(d);
                        }
                    }
                    None => {
                        terms.insert(s.to_string(), vec![d]);
                    }
                }
            });
            let len = len.max(1);
            docs.push(DocInfo { owner, text, len });
            total_len += u64::from(len);
        };
        for i in g.graph.node_indices() {
            let owner = Owner::Node(i.index() as u32);
            for (text, body) in texts(g.node(i)) {
                add(owner, text, body);
            }
        }
        for e in g.graph.edge_references() {
            if SEARCHED_EDGES.contains(&e.weight().kind) {
                add(
                    Owner::Edge(e.id().index() as u32),
                    DocText::Quote,
                    &e.weight().evidence.quote,
                );
            }
        }
        let mut sorted: Vec<(String, Vec<u32>)> = terms.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchIndex {
            docs,
            terms: sorted.into_iter().collect(),
            total_len,
        }
    }
}

/// Whether a folded word is a stop word ([`STOP`]; none is longer than 5 bytes).
fn is_stop(w: &str) -> bool {
    w.len() <= 5 && STOP.contains(&w)
}

/// [`stem`], borrowing the word where the stem is a prefix of it, else made in `buf`.
fn stem_into<'a>(w: &'a str, buf: &'a mut String) -> &'a str {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        buf.clear();
        buf.push_str(&w[..n - 3]);
        buf.push('y');
        return buf;
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return &w[..n - 1];
    }
    w
}

/// The buffers [`WordScratch::each_word`] reuses from text to text.
#[derive(Default)]
struct WordScratch {
    word: String,
    stemmed: String,
}

impl WordScratch {
    /// Call `f` with each word of `text` as [`words`] gives them (and a buffer for its
    /// stem), without making a string per word; returns the number of
    /// whitespace-separated words, as `text.split_whitespace().count()` does.
    fn each_word(&mut self, text: &str, mut f: impl FnMut(&str, &mut String)) -> u32 {
        let WordScratch { word, stemmed } = self;
        word.clear();
        let mut runs = 0u32;
        let mut in_run = false;
        for c in text.chars() {
            if c.is_whitespace() {
                in_run = false;
            } else if !in_run {
                in_run = true;
                runs += 1;
            }
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase());
                    continue;
                }
            } else if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
                continue;
            }
            if (c == '\'' || c == '\u{2019}') && !word.is_empty() {
                // "Labour's" -> "labour" + "s": drop the possessive.
                continue;
            }
            if !word.is_empty() {
                f(word, stemmed);
                word.clear();
            }
        }
        if !word.is_empty() {
            f(word, stemmed);
        }
        runs
    }
}

impl Postings for SearchIndex {
    fn doc_count(&self) -> usize {
        self.docs.len()
    }
    fn total_len(&self) -> u64 {
        self.total_len
    }
    fn doc(&self, d: u32) -> Option<DocInfo> {
        self.docs.get(d as usize).copied()
    }
    fn postings(&self, term: &str) -> Vec<u32> {
        self.terms.get(term).cloned().unwrap_or_default()
    }
}

/// A node's searchable texts, in index order.
fn texts(n: &levelmap_model::graph::Node) -> Vec<(DocText, &str)> {
    match &n.data {
        NodeData::Article { title, .. } => vec![(DocText::Title, title.as_str())],
        NodeData::Entity {
            aliases,
            description,
            ..
        } => {
            let mut v = vec![(DocText::Name, n.label.as_ref())];
            v.extend(
                aliases
                    .iter()
                    .enumerate()
                    .map(|(k, a)| (DocText::Alias(k as u32), a.as_str())),
            );
            if let Some(d) = description {
                v.push((DocText::Description, d.as_str()));
            }
            v
        }
        NodeData::Claim { text, evidence, .. } => vec![
            (DocText::Text, text.as_ref()),
            (DocText::Quote, evidence.quote.as_ref()),
        ],
    }
}

/// The text of a document of `g` (whose owner is given in `g`'s indices).
fn text_of(g: &LevelGraph, owner: Owner, which: DocText) -> Option<&str> {
    match owner {
        Owner::Node(i) => {
            let i = NodeIndex::new(i as usize);
            (i.index() < g.node_count()).then_some(())?;
            texts(g.node(i))
                .into_iter()
                .find(|(t, _)| *t == which)
                .map(|(_, s)| s)
        }
        Owner::Edge(e) => {
            let e = EdgeIndex::new(e as usize);
            (e.index() < g.edge_count()).then(|| g.edge(e).evidence.quote.as_ref())
        }
    }
}

/// A matching document's score, its number, the query terms it holds, and its field
/// and text.
type FieldScore<'a> = (f64, u32, Vec<String>, Field, &'a str);

/// A document that may match: its number, owner in the graph searched, field, text,
/// length, and query term frequencies.
type Found<'a> = (u32, Owner, Field, &'a str, u32, Vec<u32>);

/// Search the graph.
pub fn search(g: &LevelGraph, opts: &SearchOptions) -> Result<SearchAnswer, QueryError> {
    search_in(g, &SearchIndex::build(g), Some, opts)
}

/// The query terms of a search, checked.
pub fn query_terms(opts: &SearchOptions) -> Result<Vec<String>, QueryError> {
    if opts.limit == 0 {
        return Err(QueryError::BadCount {
            flag: "limit".into(),
        });
    }
    let q = terms(&opts.text);
    if q.is_empty() {
        return Err(QueryError::EmptySearch {
            query: opts.text.clone(),
        });
    }
    Ok(q)
}

/// Search `g` with the collection statistics and postings of `ix`, whose owners
/// `local` maps to `g`'s indices (None: not in `g`). `g` must hold every owner of
/// a document that holds a term, every actor whose name does, and what answers
/// read about them; it then gives the answer the whole graph gives.
///
/// The steps: the documents holding a query term (`matching_docs`), the speakers'
/// names of the claims of actors named (`speaker_texts`, `speaker_docs`), each
/// document's BM25 score summed per owner (`score`), the owners ranked (`rank`),
/// and the best made hits (`hit`).
pub fn search_in(
    g: &LevelGraph,
    ix: &dyn Postings,
    local: impl Fn(Owner) -> Option<Owner>,
    opts: &SearchOptions,
) -> Result<SearchAnswer, QueryError> {
    let q = query_terms(opts)?;
    let Matching {
        df,
        mut found,
        named,
    } = matching_docs(g, ix, local, &q);
    let speakers = speaker_texts(g, &named);
    found.extend(speaker_docs(ix, &speakers, &q));
    let scores = score(ix, &q, &df, &opts.text, found);
    let ranked = rank(g, scores, &opts.kinds);
    let total = ranked.len();
    let hits = ranked
        .into_iter()
        .take(opts.limit)
        .enumerate()
        .map(|(rank, (score, owner, why))| hit(g, rank, score, owner, why))
        .collect();
    Ok(SearchAnswer {
        schema: SearchAnswer::SCHEMA.into(),
        version: VERSION,
        query: opts.text.clone(),
        terms: q,
        total,
        hits,
    })
}

/// How often each query term occurs in `text`.
fn term_freqs(q: &[String], text: &str) -> Vec<u32> {
    let mut tf = vec![0u32; q.len()];
    for (_, w) in words(text) {
        if let Some(k) = q.iter().position(|t| *t == stem(&w)) {
            tf[k] += 1;
        }
    }
    tf
}

/// The documents holding a query term.
struct Matching<'a> {
    /// Each term's document frequency.
    df: Vec<usize>,
    /// The documents found in `g`.
    found: Vec<Found<'a>>,
    /// The actors whose name holds a term.
    named: BTreeSet<NodeIndex>,
}

/// The documents of `ix` holding a query term, with their text in `g`.
fn matching_docs<'a>(
    g: &'a LevelGraph,
    ix: &dyn Postings,
    local: impl Fn(Owner) -> Option<Owner>,
    q: &[String],
) -> Matching<'a> {
    let mut df = vec![0usize; q.len()];
    let mut matching: BTreeSet<u32> = BTreeSet::new();
    for (k, t) in q.iter().enumerate() {
        let p = ix.postings(t);
        df[k] = p.len();
        matching.extend(p);
    }
    let mut found: Vec<Found> = Vec::new();
    let mut named: BTreeSet<NodeIndex> = BTreeSet::new();
    for &d in &matching {
        let Some(doc) = ix.doc(d) else { continue };
        let Some(owner) = local(doc.owner) else {
            continue;
        };
        let Some(text) = text_of(g, owner, doc.text) else {
            continue;
        };
        if let (Owner::Node(i), DocText::Name) = (owner, doc.text) {
            if g.node(NodeIndex::new(i as usize)).kind == NodeKind::Actor {
                named.insert(NodeIndex::new(i as usize));
            }
        }
        found.push((
            d,
            owner,
            doc.text.field(),
            text,
            doc.len,
            term_freqs(q, text),
        ));
    }
    Matching { df, found, named }
}

/// Speakers' names, as a field of their claims: the claims of the actors `named`,
/// each with its speakers' names.
fn speaker_texts(g: &LevelGraph, named: &BTreeSet<NodeIndex>) -> Vec<(NodeIndex, String)> {
    let mut credited: BTreeSet<NodeIndex> = BTreeSet::new();
    for &x in named {
        credited.extend(super::claims_by(g, x));
    }
    credited
        .into_iter()
        .map(|c| {
            (
                c,
                super::who_said(g, c)
                    .into_iter()
                    .map(|s| g.node(s).label.as_ref())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
        .collect()
}

/// The speaker documents holding a query term, numbered after `ix`'s documents
/// (they are scored with the statistics of the fields above).
fn speaker_docs<'a>(
    ix: &dyn Postings,
    speakers: &'a [(NodeIndex, String)],
    q: &[String],
) -> Vec<Found<'a>> {
    let first_speaker_doc = ix.doc_count() as u32;
    let mut found = Vec::new();
    for (k, (c, text)) in speakers.iter().enumerate() {
        let tf = term_freqs(q, text);
        if tf.iter().any(|&t| t > 0) {
            let len = text.split_whitespace().count().max(1) as u32;
            found.push((
                first_speaker_doc + k as u32,
                Owner::Node(c.index() as u32),
                Field::Speaker,
                text.as_str(),
                len,
                tf,
            ));
        }
    }
    found
}

/// Each owner's score (BM25, k1 = 1.2, b = 0.75, weighted by field; a field holding
/// the whole query as a phrase counts half again), with its fields' scores.
fn score<'a>(
    ix: &dyn Postings,
    q: &[String],
    df: &[usize],
    text: &str,
    found: Vec<Found<'a>>,
) -> BTreeMap<Owner, (f64, Vec<FieldScore<'a>>)> {
    let n = ix.doc_count() as f64;
    let avg = ix.total_len() as f64 / n.max(1.0);
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| ((n - d as f64 + 0.5) / (d as f64 + 0.5) + 1.0).ln())
        .collect();
    let phrase = levelmap_model::suggest::fold(text);
    let (k1, b) = (1.2, 0.75);

    let mut scores: BTreeMap<Owner, (f64, Vec<FieldScore>)> = BTreeMap::new();
    for (d, owner, field, text, len, tf) in found {
        let len = f64::from(len);
        let mut s = 0.0;
        let mut terms_found = Vec::new();
        for (k, &t) in tf.iter().enumerate() {
            if t == 0 {
                continue;
            }
            let t = f64::from(t);
            s += idf[k] * t * (k1 + 1.0) / (t + k1 * (1.0 - b + b * len / avg));
            terms_found.push(q[k].clone());
        }
        if terms_found.is_empty() {
            continue;
        }
        if q.len() > 1 && levelmap_model::suggest::fold(text).contains(&phrase) {
            s *= 1.5;
        }
        let s = s * field.weight();
        let entry = scores.entry(owner).or_insert((0.0, Vec::new()));
        entry.0 += s;
        entry.1.push((s, d, terms_found, field, text));
    }
    scores
}

/// The owners of the `kinds` asked for (a relation counts as its source's kind), best
/// first, then by id.
fn rank<'a>(
    g: &LevelGraph,
    scores: BTreeMap<Owner, (f64, Vec<FieldScore<'a>>)>,
    kinds: &[NodeKind],
) -> Vec<(f64, Owner, Vec<FieldScore<'a>>)> {
    let kind_of = |o: &Owner| match *o {
        Owner::Node(i) => g.node(NodeIndex::new(i as usize)).kind,
        Owner::Edge(e) => {
            g.node(
                g.graph
                    .edge_endpoints(EdgeIndex::new(e as usize))
                    .expect("edge")
                    .0,
            )
            .kind
        }
    };
    let mut ranked: Vec<(f64, Owner, Vec<FieldScore>)> = scores
        .into_iter()
        .filter(|(owner, _)| kinds.is_empty() || kinds.contains(&kind_of(owner)))
        .map(|(o, (s, why))| (s, o, why))
        .collect();
    let key = |o: &Owner| match *o {
        Owner::Node(i) => g.node(NodeIndex::new(i as usize)).id.clone(),
        Owner::Edge(e) => g.edge_id(EdgeIndex::new(e as usize)).into(),
    };
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| key(&a.1).cmp(&key(&b.1))));
    ranked
}

/// The hit ranked `rank` (from 0): its node or relation, and why it matched, best
/// field first.
fn hit(g: &LevelGraph, rank: usize, score: f64, owner: Owner, mut why: Vec<FieldScore>) -> Hit {
    why.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let why = why
        .into_iter()
        .map(|(_, _, terms, field, text)| Why {
            field,
            snippet: snippet(text, &terms),
            terms,
        })
        .collect();
    let mut hit = Hit {
        rank: rank + 1,
        score: (score * 1000.0).round() / 1000.0,
        node: NodeRef::of(g, NodeIndex::new(0)),
        edge: None,
        target: None,
        date: None,
        speakers: vec![],
        article: None,
        why,
    };
    match owner {
        Owner::Node(i) => {
            let i = NodeIndex::new(i as usize);
            let n = g.node(i);
            hit.node = NodeRef::of(g, i);
            hit.date = n.date();
            if let NodeData::Claim { evidence, .. } = &n.data {
                hit.speakers = super::who_said(g, i)
                    .into_iter()
                    .map(|s| NodeRef::of(g, s))
                    .collect();
                hit.article = Some(levelmap_model::article_node_id(&evidence.article));
            }
        }
        Owner::Edge(e) => {
            let e = EdgeIndex::new(e as usize);
            let (a, b) = g.graph.edge_endpoints(e).expect("edge");
            let w = g.edge(e);
            hit.node = NodeRef::of(g, a);
            hit.edge = Some(w.kind);
            hit.target = Some(NodeRef::of(g, b));
            hit.date = g.evidence_date(w);
            hit.article = Some(levelmap_model::article_node_id(&w.evidence.article));
        }
    }
    hit
}

/// The text, or a window of about 200 characters around the first matched term.
fn snippet(text: &str, terms: &[String]) -> String {
    const WIDTH: usize = 200;
    if text.chars().count() <= WIDTH {
        return text.to_string();
    }
    let at = words(text)
        .find(|(_, w)| terms.contains(&stem(w)))
        .map_or(0, |(i, _)| i);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let pos = chars.iter().position(|(i, _)| *i >= at).unwrap_or(0);
    let start = pos.saturating_sub(WIDTH / 3);
    let end = (start + WIDTH).min(chars.len());
    let start = end.saturating_sub(WIDTH);
    let mut s: String = chars[start..end].iter().map(|(_, c)| c).collect();
    // Cut at word boundaries.
    if start > 0 {
        if let Some(i) = s.find(' ') {
            s = format!("…{}", &s[i + 1..]);
        }
    }
    if end < chars.len() {
        if let Some(i) = s.rfind(' ') {
            s = format!("{}…", &s[..i]);
        }
    }
    s
}

#[cfg(test)]
mod tests;
