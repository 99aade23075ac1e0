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

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::{Answer, NodeRef, QueryError, VERSION};
use crate::date::PartialDate;
use crate::graph::{LevelGraph, NodeData};
use crate::model::{EdgeKind, NodeKind};

/// The edge kinds whose quotes are searched: the curated relations (claim edges share
/// their claim's quote, and mentions are computed).
pub const SEARCHED_EDGES: &[EdgeKind] =
    &[EdgeKind::Proposes, EdgeKind::Criticises, EdgeKind::MemberOf, EdgeKind::EvolvesInto, EdgeKind::Replaces, EdgeKind::PartOf];

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
            std::iter::once(h.node.id.as_str()).chain(h.target.iter().map(|t| t.id.as_str())).chain(h.speakers.iter().map(|s| s.id.as_str()))
        });
        super::indices(g, ids)
    }
}

const STOP: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "did", "do", "for", "from", "has", "have", "how", "in", "is",
    "it", "its", "of", "on", "or", "say", "said", "that", "the", "their", "this", "to", "was", "were", "what", "when",
    "which", "who", "why", "will", "with",
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

/// What a document belongs to.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Owner {
    Node(NodeIndex),
    Edge(petgraph::graph::EdgeIndex),
}

struct Doc<'a> {
    owner: Owner,
    field: Field,
    text: &'a str,
}

/// Every searchable field.
fn documents(g: &LevelGraph) -> Vec<Doc<'_>> {
    let mut docs = Vec::new();
    for i in g.graph.node_indices() {
        let n = g.node(i);
        let owner = Owner::Node(i);
        match &n.data {
            NodeData::Article { title, .. } => docs.push(Doc { owner, field: Field::Title, text: title }),
            NodeData::Entity { aliases, description, .. } => {
                docs.push(Doc { owner, field: Field::Name, text: &n.label });
                docs.extend(aliases.iter().map(|a| Doc { owner, field: Field::Alias, text: a }));
                if let Some(d) = description {
                    docs.push(Doc { owner, field: Field::Description, text: d });
                }
            }
            NodeData::Claim { text, evidence, .. } => {
                docs.push(Doc { owner, field: Field::Text, text });
                docs.push(Doc { owner, field: Field::Quote, text: &evidence.quote });
            }
        }
    }
    for e in g.graph.edge_references() {
        if SEARCHED_EDGES.contains(&e.weight().kind) {
            docs.push(Doc { owner: Owner::Edge(e.id()), field: Field::Quote, text: &e.weight().evidence.quote });
        }
    }
    docs
}

/// A matching document's score, its index, and the query terms it holds.
type FieldScore = (f64, usize, Vec<String>);

/// Search the graph.
pub fn search(g: &LevelGraph, opts: &SearchOptions) -> Result<SearchAnswer, QueryError> {
    if opts.limit == 0 {
        return Err(QueryError::BadCount { flag: "limit".into() });
    }
    let q = terms(&opts.text);
    if q.is_empty() {
        return Err(QueryError::EmptySearch { query: opts.text.clone() });
    }
    let docs = documents(g);
    // One pass: document lengths (in words), and the frequencies of the query terms.
    // Most documents contain none of the terms; a case-insensitive scan for the
    // terms' stems finds the few worth splitting into words.
    let prefixes: Vec<&str> = q.iter().map(|t| if t.len() > 3 { t.strip_suffix('y').unwrap_or(t) } else { t.as_str() }).collect();
    let scan = aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(&prefixes)
        .expect("plain strings");
    let mut lens = Vec::with_capacity(docs.len());
    let mut tfs: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut df = vec![0usize; q.len()];
    for (d, doc) in docs.iter().enumerate() {
        let len = doc.text.split_whitespace().count().max(1) as u32;
        lens.push(len);
        if !scan.is_match(doc.text) {
            continue;
        }
        let mut tf = vec![0u32; q.len()];
        for (_, w) in words(doc.text) {
            if let Some(k) = q.iter().position(|t| *t == stem(&w)) {
                tf[k] += 1;
            }
        }
        if tf.iter().any(|&t| t > 0) {
            for (k, &t) in tf.iter().enumerate() {
                if t > 0 {
                    df[k] += 1;
                }
            }
            tfs.push((d, tf));
        }
    }
    let n = docs.len() as f64;
    let avg = lens.iter().map(|&l| f64::from(l)).sum::<f64>() / n.max(1.0);

    // Speakers' names, as a field of their claims: only for claims whose speakers'
    // names hold a query term, scored with the statistics of the fields above.
    let mut speaker_docs: Vec<(NodeIndex, String)> = Vec::new();
    let named: Vec<NodeIndex> =
        g.graph.node_indices().filter(|&i| g.node(i).kind == NodeKind::Actor && scan.is_match(&g.node(i).label)).collect();
    let mut credited: BTreeSet<NodeIndex> = BTreeSet::new();
    for &x in &named {
        credited.extend(super::claims_by(g, x));
    }
    for c in credited {
        let names: Vec<&str> = super::who_said(g, c).into_iter().map(|s| g.node(s).label.as_str()).collect();
        speaker_docs.push((c, names.join(", ")));
    }
    let first_speaker_doc = docs.len();
    let mut docs = docs;
    docs.extend(speaker_docs.iter().map(|(c, text)| Doc { owner: Owner::Node(*c), field: Field::Speaker, text }));
    for (d, doc) in docs.iter().enumerate().skip(first_speaker_doc) {
        lens.push(doc.text.split_whitespace().count().max(1) as u32);
        let mut tf = vec![0u32; q.len()];
        for (_, w) in words(doc.text) {
            if let Some(k) = q.iter().position(|t| *t == stem(&w)) {
                tf[k] += 1;
            }
        }
        if tf.iter().any(|&t| t > 0) {
            tfs.push((d, tf));
        }
    }
    let idf: Vec<f64> = df.iter().map(|&d| ((n - d as f64 + 0.5) / (d as f64 + 0.5) + 1.0).ln()).collect();
    let phrase = crate::suggest::fold(&opts.text);
    let (k1, b) = (1.2, 0.75);

    let mut scores: BTreeMap<Owner, (f64, Vec<FieldScore>)> = BTreeMap::new();
    for (d, tf) in tfs {
        let doc = &docs[d];
        let len = f64::from(lens[d]);
        let mut s = 0.0;
        let mut found = Vec::new();
        for (k, &t) in tf.iter().enumerate() {
            if t == 0 {
                continue;
            }
            let t = f64::from(t);
            s += idf[k] * t * (k1 + 1.0) / (t + k1 * (1.0 - b + b * len / avg));
            found.push(q[k].clone());
        }
        if q.len() > 1 && crate::suggest::fold(doc.text).contains(&phrase) {
            s *= 1.5;
        }
        let s = s * doc.field.weight();
        let entry = scores.entry(doc.owner).or_insert((0.0, Vec::new()));
        entry.0 += s;
        entry.1.push((s, d, found));
    }

    let mut ranked: Vec<(f64, Owner, Vec<FieldScore>)> = scores
        .into_iter()
        .filter(|(owner, _)| {
            opts.kinds.is_empty()
                || opts.kinds.contains(&match owner {
                    Owner::Node(i) => g.node(*i).kind,
                    Owner::Edge(e) => g.node(g.graph.edge_endpoints(*e).expect("edge").0).kind,
                })
        })
        .map(|(o, (s, why))| (s, o, why))
        .collect();
    let total = ranked.len();
    let key = |o: &Owner| match o {
        Owner::Node(i) => g.node(*i).id.clone(),
        Owner::Edge(e) => g.edge_id(*e),
    };
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| key(&a.1).cmp(&key(&b.1))));
    let hits = ranked
        .into_iter()
        .take(opts.limit)
        .enumerate()
        .map(|(rank, (score, owner, mut why))| {
            why.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let why = why
                .into_iter()
                .map(|(_, d, terms)| Why { field: docs[d].field, snippet: snippet(docs[d].text, &terms), terms })
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
                    let n = g.node(i);
                    hit.node = NodeRef::of(g, i);
                    hit.date = n.date();
                    if let NodeData::Claim { evidence, .. } = &n.data {
                        hit.speakers = super::who_said(g, i).into_iter().map(|s| NodeRef::of(g, s)).collect();
                        hit.article = Some(crate::model::article_node_id(&evidence.article));
                    }
                }
                Owner::Edge(e) => {
                    let (a, b) = g.graph.edge_endpoints(e).expect("edge");
                    let w = g.edge(e);
                    hit.node = NodeRef::of(g, a);
                    hit.edge = Some(w.kind);
                    hit.target = Some(NodeRef::of(g, b));
                    hit.date = g.evidence_date(w);
                    hit.article = Some(crate::model::article_node_id(&w.evidence.article));
                }
            }
            hit
        })
        .collect();
    Ok(SearchAnswer { schema: SearchAnswer::SCHEMA.into(), version: VERSION, query: opts.text.clone(), terms: q, total, hits })
}

/// The text, or a window of about 200 characters around the first matched term.
fn snippet(text: &str, terms: &[String]) -> String {
    const WIDTH: usize = 200;
    if text.chars().count() <= WIDTH {
        return text.to_string();
    }
    let at = words(text).find(|(_, w)| terms.contains(&stem(w))).map_or(0, |(i, _)| i);
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
mod tests {
    use super::*;
    use crate::query::testutil::mini;

    fn opts(text: &str) -> SearchOptions {
        SearchOptions { text: text.into(), limit: 10, kinds: vec![] }
    }

    #[test]
    fn terms_fold_stop_and_stem() {
        assert_eq!(terms("What did the Work Foundation say about skills?"), ["work", "foundation", "skill"]);
        assert_eq!(terms("policies, Labour's towns"), ["policy", "labour", "town"]);
        assert_eq!(stem("business"), "business");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn names_rank_above_quotes_and_why_is_given() {
        let g = mini();
        let a = search(&g, &opts("securonomics")).unwrap();
        assert_eq!(a.hits[0].node.id, "policy:securonomics");
        assert_eq!(a.hits[0].why[0].field, Field::Name);
        assert!(a.hits.iter().any(|h| h.node.id == "claim:beta-2024-securonomics-basis"));
        let claim = a.hits.iter().find(|h| h.node.id == "claim:beta-2024-securonomics-basis").unwrap();
        assert_eq!(claim.speakers[0].id, "actor:bob-beta");
        assert!(claim.why.iter().all(|w| w.terms == ["securonomic"]));
        let ranks: Vec<usize> = a.hits.iter().map(|h| h.rank).collect();
        assert_eq!(ranks, (1..=a.hits.len()).collect::<Vec<_>>());
        assert!(a.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn speakers_names_count_for_their_claims() {
        let g = mini();
        let a = search(&g, &SearchOptions { kinds: vec![NodeKind::Claim], ..opts("Ann Alpha devolve") }).unwrap();
        assert_eq!(a.hits[0].node.id, "claim:alpha-2020-devolve-to-towns");
        assert!(a.hits[0].why.iter().any(|w| w.field == Field::Speaker && w.snippet == "Ann Alpha"), "{:?}", a.hits[0].why);
        let others = a.hits.iter().filter(|h| h.speakers.iter().all(|s| s.id != "actor:ann-alpha"));
        assert!(others.clone().all(|h| h.why.iter().all(|w| w.field != Field::Speaker)));
    }

    #[test]
    fn relation_quotes_are_searched() {
        let g = mini();
        let a = search(&g, &opts("promised every part")).unwrap();
        let h = &a.hits[0];
        assert_eq!(h.edge, Some(EdgeKind::Proposes));
        assert_eq!(h.node.id, "actor:conservative-party");
        assert_eq!(h.target.as_ref().unwrap().id, "policy:levelling-up");
    }

    #[test]
    fn kinds_and_errors() {
        let g = mini();
        let a = search(&g, &SearchOptions { kinds: vec![NodeKind::Claim], ..opts("levelling") }).unwrap();
        assert!(!a.hits.is_empty() && a.hits.iter().all(|h| h.node.kind == NodeKind::Claim));
        assert!(matches!(search(&g, &opts("the of ?")), Err(QueryError::EmptySearch { .. })));
        assert!(search(&g, &opts("zzzqqq")).unwrap().hits.is_empty());
    }

    #[test]
    fn snippets_cut_long_text_around_the_match() {
        let text = format!("{} skills matter {}", "word ".repeat(100), "tail ".repeat(100));
        let s = snippet(&text, &["skill".to_string()]);
        assert!(s.contains("skills matter") && s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= 202);
    }
}
