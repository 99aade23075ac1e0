//! Computed `mentions` edges: every lexicon name or alias found in an article's text,
//! evidenced by the sentence it occurs in.
//!
//! Names with a capital letter match case-sensitively ("Labour" is not "labour
//! market"); all-lowercase names match in any case ("levelling up", "Levelling Up").
//! Matches must sit on word boundaries.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::evidence::normalise;
use crate::{Corpus, EdgeKind, Entity, Evidence, NodeKind, Origin, Relation};

/// A compiled matcher over entity names and aliases.
pub struct Matcher {
    exact: Option<AhoCorasick>,
    folded: Option<AhoCorasick>,
    exact_ids: Vec<String>,
    folded_ids: Vec<String>,
}

/// The patterns a [`Matcher`] looks for, in its pattern order: (normalised name, id).
#[derive(Debug, Clone, Default)]
pub struct NamePatterns {
    /// Names with a capital letter, matched case-sensitively.
    pub exact: Vec<(String, String)>,
    /// All-lowercase names, matched in any ASCII case.
    pub folded: Vec<(String, String)>,
}

impl NamePatterns {
    /// The names and aliases of the entities (three characters or more), sorted.
    pub fn new<'a>(entities: impl IntoIterator<Item = &'a Entity>) -> Self {
        let mut exact: Vec<(String, String)> = Vec::new();
        let mut folded: Vec<(String, String)> = Vec::new();
        for e in entities {
            for name in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let n = normalise(name);
                if n.chars().count() < 3 {
                    continue;
                }
                if n.chars().any(char::is_uppercase) {
                    exact.push((n, e.id.clone()));
                } else {
                    folded.push((n, e.id.clone()));
                }
            }
        }
        exact.sort();
        exact.dedup();
        folded.sort();
        folded.dedup();
        NamePatterns { exact, folded }
    }

    /// (name, id) pairs of the case-sensitive names.
    pub fn exact_pairs(&self) -> Vec<(&str, &str)> {
        self.exact
            .iter()
            .map(|(n, id)| (n.as_str(), id.as_str()))
            .collect()
    }

    /// (name, id) pairs of the any-case names.
    pub fn folded_pairs(&self) -> Vec<(&str, &str)> {
        self.folded
            .iter()
            .map(|(n, id)| (n.as_str(), id.as_str()))
            .collect()
    }
}

/// One match, borrowing the entity id from the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitRef<'m> {
    /// Entity id.
    pub id: &'m str,
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte in the normalised text.
    pub end: usize,
}

/// One match: the entity id and the byte range in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Entity id.
    pub id: String,
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte in the normalised text.
    pub end: usize,
}

impl Matcher {
    /// Build a matcher for the given entities (their names and aliases).
    pub fn new<'a>(entities: impl IntoIterator<Item = &'a Entity>) -> Self {
        let NamePatterns { exact, folded } = NamePatterns::new(entities);
        let build = |pats: &[(String, String)], ci: bool| {
            (!pats.is_empty()).then(|| {
                AhoCorasickBuilder::new()
                    .kind(Some(AhoCorasickKind::DFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(ci)
                    .build(pats.iter().map(|p| p.0.as_str()))
                    .expect("patterns are plain strings")
            })
        };
        Matcher {
            exact: build(&exact, false),
            folded: build(&folded, true),
            exact_ids: exact.into_iter().map(|p| p.1).collect(),
            folded_ids: folded.into_iter().map(|p| p.1).collect(),
        }
    }

    /// Every match in `norm` (already [`normalise`]d), on word boundaries, in text order.
    pub fn find(&self, norm: &str) -> Vec<Hit> {
        let mut refs = Vec::new();
        self.find_into(norm, &mut refs);
        refs.into_iter()
            .map(|h| Hit {
                id: h.id.to_string(),
                start: h.start,
                end: h.end,
            })
            .collect()
    }

    /// Like [`Matcher::find`], into `out` (cleared first), without allocating ids.
    pub fn find_into<'m>(&'m self, norm: &str, out: &mut Vec<HitRef<'m>>) {
        out.clear();
        for (ac, ids) in [
            (&self.exact, &self.exact_ids),
            (&self.folded, &self.folded_ids),
        ] {
            let Some(ac) = ac else { continue };
            for m in ac.find_iter(norm) {
                if is_boundary(norm, m.start(), m.end()) {
                    out.push(HitRef {
                        id: &ids[m.pattern().as_usize()],
                        start: m.start(),
                        end: m.end(),
                    });
                }
            }
        }
        out.sort_by(|a, b| (a.start, a.end, a.id).cmp(&(b.start, b.end, b.id)));
    }
}

/// Whether `start..end` of `s` sits on word boundaries (no letter or digit just
/// before or after).
pub fn is_boundary(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The sentence of `norm` around byte range `start..end`, at most about 300 bytes.
pub(crate) fn sentence_around(norm: &str, start: usize, end: usize) -> &str {
    let is_stop = |w: &[u8]| matches!(w, [b'.' | b'?' | b'!', b' ']);
    let bytes = norm.as_bytes();
    let mut s = start;
    while s > 0 && !(s >= 2 && is_stop(&bytes[s - 2..s])) && start - s < 200 {
        s -= 1;
    }
    let mut e = end;
    while e < bytes.len()
        && !(e >= 1 && matches!(bytes[e - 1], b'.' | b'?' | b'!') && bytes.get(e) == Some(&b' '))
        && e - end < 200
    {
        e += 1;
    }
    while !norm.is_char_boundary(s) {
        s += 1;
    }
    while !norm.is_char_boundary(e) {
        e -= 1;
    }
    // Cut at spaces so that no word is broken.
    if s > 0 && !(s >= 2 && is_stop(&bytes[s - 2..s])) {
        if let Some(i) = norm[s..start].find(' ') {
            s += i + 1;
        }
    }
    if e < bytes.len() && bytes[e] != b' ' {
        if let Some(i) = norm[end..e].rfind(' ') {
            e = end + i;
        }
    }
    norm[s..e].trim()
}

/// `mentions` edges for every article: one per (article, actor or policy) found,
/// evidenced by the first sentence that names it.
pub(crate) fn find_mentions(corpus: &Corpus) -> Vec<Relation> {
    let entities = corpus
        .entities
        .values()
        .filter(|e| matches!(e.node_kind, NodeKind::Actor | NodeKind::Policy));
    let matcher = Matcher::new(entities);
    let mut out = Vec::new();
    for (stem, article) in &corpus.articles {
        // Match line by line, so that a quote never runs across a heading or paragraph.
        let mut first: BTreeMap<String, String> = BTreeMap::new();
        for line in article.text.lines() {
            let norm = normalise(line);
            for hit in matcher.find(&norm) {
                first
                    .entry(hit.id.clone())
                    .or_insert_with(|| sentence_around(&norm, hit.start, hit.end).to_string());
            }
        }
        for (id, quote) in first {
            out.push(Relation {
                from: crate::article_node_id(stem),
                kind: EdgeKind::Mentions,
                to: id,
                evidence: Evidence {
                    article: stem.clone().into(),
                    quote: quote.into(),
                },
                stance: None,
                note: None,
                origin: Origin::Derived,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(id: &str, name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            node_kind: NodeKind::Actor,
            kind: "party".into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            description: None,
            date: None,
            roles: vec![],
            origin: Origin::Curated,
        }
    }

    #[test]
    fn capitalised_names_match_case_sensitively_on_word_boundaries() {
        let es = [
            ent("actor:labour-party", "Labour", &[]),
            ent("policy:levelling-up", "levelling up", &[]),
        ];
        let m = Matcher::new(es.iter());
        let ids: Vec<String> = m
            .find("the labour market. Labour's plan. Levelling Up matters; Labourite")
            .into_iter()
            .map(|h| h.id)
            .collect();
        assert_eq!(ids, ["actor:labour-party", "policy:levelling-up"]);
    }

    #[test]
    fn mention_quotes_stay_within_their_paragraph_and_occur_in_the_text() {
        let mut corpus = Corpus::default();
        let text = "Levelling Up through job quality\n\nPosted on\n\nThe Labour Party won.\n";
        corpus.articles.insert(
            "a".into(),
            crate::Article {
                id: "a".into(),
                title: "t".into(),
                url: None,
                date: crate::ArticleDate {
                    value: "2020".parse().unwrap(),
                    provenance: crate::DateProvenance::Stated,
                    evidence: None,
                    reasoning: None,
                },
                text: text.into(),
                text_path: "a.txt".into(),
                origin: Origin::Curated,
            },
        );
        let mut lu = ent("policy:levelling-up", "levelling up", &[]);
        lu.node_kind = NodeKind::Policy;
        corpus.entities.insert(lu.id.clone(), lu);
        let m = find_mentions(&corpus);
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0].evidence.quote,
            "Levelling Up through job quality".into()
        );
        assert!(crate::evidence::QuoteIndex::new(text).contains(&m[0].evidence.quote));
    }

    #[test]
    fn sentence_is_cut_at_sentence_ends() {
        let t = "First one. Labour won the election in July. Then more.";
        let i = t.find("Labour").unwrap();
        assert_eq!(
            sentence_around(t, i, i + 6),
            "Labour won the election in July."
        );
    }
}
