//! Links across articles: `echoes` proposed between claims that restate one another
//! (TF-IDF cosine over content words, with a threshold chosen on the curated
//! echoes), and `evolves-into` between policies that an article presents as
//! replacing or reshaping another ("reshaping and redefining this agenda", "quietly
//! ditched", "morph into").

use std::collections::{BTreeMap, HashMap};

use super::entities::{Found, Lexicon};
use super::scan::{Scan, Set};
use super::sentences::{quote, Layout};
use super::words::for_each_content_word_bytes;
use super::{DraftClaim, DraftRelation};
use levelmap_model::date::PartialDate;
use levelmap_model::{EdgeKind, NodeKind};
use rustc_hash::FxHashMap;

/// Cosine similarity at or above which a claim is proposed as echoing an earlier one.
///
/// Chosen on data: `levelmap eval` sweeps thresholds over every cross-article pair of
/// curated claims and prints the F1 of each against the curated `echoes`; this is
/// the best threshold found on the bundled corpus (see the eval output).
pub const ECHO_THRESHOLD: f64 = 0.16;

/// At most this many echoes per claim.
pub const MAX_ECHOES: usize = 2;

/// A sparse TF-IDF vector, unit length: (word hash, weight), sorted by hash.
pub type Vector = Vec<(u64, f64)>;

/// FNV-1a: a fixed, fast hash of a word (the same on every run and machine).
fn word_hash(w: &str) -> u64 {
    word_hash_bytes(w.as_bytes())
}

/// [`word_hash`] of a word's bytes.
fn word_hash_bytes(w: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// TF-IDF vector of `words` given document frequencies over `n` documents.
pub fn tfidf(words: &[String], df: &HashMap<String, usize>, n: usize) -> Vector {
    let mut tf: BTreeMap<&str, f64> = BTreeMap::new();
    for w in words {
        *tf.entry(w.as_str()).or_insert(0.0) += 1.0;
    }
    let mut v: Vector = tf
        .into_iter()
        .map(|(w, c)| {
            let d = df.get(w).copied().unwrap_or(0) as f64;
            let idf = ((1.0 + n as f64) / (1.0 + d)).ln() + 1.0;
            (word_hash(w), (1.0 + c.ln()) * idf)
        })
        .collect();
    v.sort_by_key(|x| x.0);
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            x.1 /= norm;
        }
    }
    v
}

/// Cosine of two unit vectors (a merge over the sorted entries).
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The corpus's claims as an inverted index for [`propose_echoes`]: for each word
/// (by hash), the claims whose vector holds it with its weight. Scoring a drafted
/// claim then touches only the claims that share a word with it, and gives exactly
/// the cosine of [`cosine`] (the same products, added in the same order).
#[derive(Debug, Clone, Default)]
pub struct EchoIndex {
    /// By word hash: the word's inverse document frequency (as [`tfidf`] computes it)
    /// and its postings, a range of `postings`. One look-up per word gives both.
    words: FxHashMap<u64, IndexedWord>,
    /// The inverse document frequency of a word no claim has.
    idf_unseen: f64,
    /// Postings of every word, word after word: (claim index, weight).
    postings: Vec<(u32, f64)>,
    /// Each claim's article date, as its first day (None when the article is undated).
    start_days: Vec<Option<i64>>,
    /// Number of claims.
    n: usize,
}

/// A word of the [`EchoIndex`].
#[derive(Debug, Clone, Copy)]
struct IndexedWord {
    idf: f64,
    /// Its postings: `postings[from..to]`.
    from: u32,
    to: u32,
}

impl EchoIndex {
    /// Index claims by their vectors (see [`tfidf`]), with their document frequencies and dates.
    pub fn new(
        vectors: &[Vector],
        df: &HashMap<String, usize>,
        dates: &[Option<PartialDate>],
    ) -> Self {
        let mut lists: FxHashMap<u64, Vec<(u32, f64)>> = FxHashMap::default();
        for (i, v) in vectors.iter().enumerate() {
            for &(h, w) in v {
                lists.entry(h).or_default().push((i as u32, w));
            }
        }
        let n = vectors.len();
        let idf_of = |d: usize| ((1.0 + n as f64) / (1.0 + d as f64)).ln() + 1.0;
        let idf_unseen = idf_of(0);
        let mut words: FxHashMap<u64, IndexedWord> = df
            .iter()
            .map(|(w, d)| {
                (
                    word_hash(w),
                    IndexedWord {
                        idf: idf_of(*d),
                        from: 0,
                        to: 0,
                    },
                )
            })
            .collect();
        // Postings laid out in hash order (any fixed order would do: each word reads its own range).
        let mut hashes: Vec<u64> = lists.keys().copied().collect();
        hashes.sort_unstable();
        let mut postings = Vec::with_capacity(lists.values().map(Vec::len).sum());
        for h in hashes {
            let from = postings.len() as u32;
            postings.extend_from_slice(&lists[&h]);
            let e = words.entry(h).or_insert(IndexedWord {
                idf: idf_unseen,
                from: 0,
                to: 0,
            });
            e.from = from;
            e.to = postings.len() as u32;
        }
        EchoIndex {
            words,
            idf_unseen,
            postings,
            start_days: dates.iter().map(|d| d.map(|d| d.start_days())).collect(),
            n,
        }
    }
}

/// Scratch space for [`propose_echoes`], reused across claims.
#[derive(Default)]
struct EchoScratch {
    buf: String,
    /// The hash of each content word, in text order, then sorted.
    hashes: Vec<u64>,
    /// (word hash, weight, postings range).
    terms: Vec<(u64, f64, (u32, u32))>,
    scores: Vec<f64>,
    touched: Vec<u32>,
}

/// The TF-IDF vector of a text's content words, as [`tfidf`] makes it, into `s.terms`
/// (each with its postings in the index).
fn tfidf_hashed(text: &str, index: &EchoIndex, s: &mut EchoScratch) {
    s.terms.clear();
    s.hashes.clear();
    let hashes = &mut s.hashes;
    for_each_content_word_bytes(text, &mut s.buf, |w| hashes.push(word_hash_bytes(w)));
    // Count each word: sort the hashes, one term per run of equal hashes (tf as a float
    // count, like tfidf).
    hashes.sort_unstable();
    let terms = &mut s.terms;
    for &h in hashes.iter() {
        match terms.last_mut() {
            Some(t) if t.0 == h => t.1 += 1.0,
            _ => terms.push((h, 1.0, (0, 0))),
        }
    }
    for t in terms.iter_mut() {
        let (idf, range) = index
            .words
            .get(&t.0)
            .map_or((index.idf_unseen, (0, 0)), |e| (e.idf, (e.from, e.to)));
        // (1 + ln 1 is exactly 1.)
        let tf = if t.1 == 1.0 { 1.0 } else { 1.0 + t.1.ln() };
        t.1 = tf * idf;
        t.2 = range;
    }
    let norm = terms.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in terms.iter_mut() {
            x.1 /= norm;
        }
    }
}

/// Propose `echoes` from each drafted claim to earlier corpus claims (from articles
/// dated no later than this one) whose cosine is at least [`ECHO_THRESHOLD`].
pub fn propose_echoes(claims: &mut [DraftClaim], lex: &Lexicon, date: &PartialDate) {
    let index = &lex.echo_index;
    if index.n == 0 {
        return;
    }
    let day = date.start_days();
    let mut s = EchoScratch {
        scores: vec![0.0; index.n],
        ..Default::default()
    };
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for c in claims.iter_mut() {
        tfidf_hashed(&c.quote, index, &mut s);
        for &(_, w, (from, to)) in &s.terms {
            for &(i, x) in &index.postings[from as usize..to as usize] {
                let acc = &mut s.scores[i as usize];
                if *acc == 0.0 {
                    s.touched.push(i);
                }
                *acc += w * x;
            }
        }
        scored.clear();
        for &i in &s.touched {
            let i = i as usize;
            let score = std::mem::replace(&mut s.scores[i], 0.0);
            if score >= ECHO_THRESHOLD && index.start_days[i].is_some_and(|d| d <= day) {
                scored.push((score, lex.claims[i].id.as_str()));
            }
        }
        s.touched.clear();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        c.echoes = scored
            .iter()
            .take(MAX_ECHOES)
            .map(|&(_, id)| id.to_string())
            .collect();
    }
}

/// Cue phrases that present one policy as becoming or replacing another, and
/// whether the sentence names the old policy first ("X morphs into Y") or last
/// ("Y replaces X").
const EVOLVE_CUES: &[(&str, bool)] = &[
    ("reshaping", true),
    ("redefining", true),
    ("rebranding", true),
    ("rebranded", true),
    ("recast", true),
    ("repackaged", true),
    ("replaced by", true),
    ("superseded by", true),
    ("morph into", true),
    ("morphs into", true),
    ("evolve into", true),
    ("evolves into", true),
    ("evolved into", true),
    ("gave way to", true),
    ("became", true),
    ("renamed", true),
    ("ditched", true),
    ("scrapped", true),
    ("abandoned", true),
    ("dropped", true),
    ("replaces", false),
    ("replaced", false),
    ("successor to", false),
    ("builds on", false),
    ("build on", false),
];

/// The evolves-into cue phrases, in automaton order.
pub fn evolve_phrases() -> impl Iterator<Item = &'static str> {
    EVOLVE_CUES.iter().map(|c| c.0)
}

/// The first evolves-into cue of sentence `si` on word boundaries, from the combined scan.
pub(crate) fn evolve_cue_scanned(
    scan: &Scan,
    si: usize,
    norm: &str,
) -> Option<&'static (&'static str, bool)> {
    scan.leftmost_longest(si, Set::Evolve)
        .find(|o| levelmap_model::mentions::is_boundary(norm, o.start as usize, o.end as usize))
        .map(|o| &EVOLVE_CUES[o.idx as usize])
}

/// The first evolves-into cue of a sentence, by a standalone automaton (what the
/// combined scan replaced).
#[cfg(test)]
pub(crate) fn evolve_cue(norm: &str) -> Option<&'static (&'static str, bool)> {
    static A: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let ac = A.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(EVOLVE_CUES.iter().map(|c| c.0))
            .expect("plain patterns")
    });
    ac.find_iter(norm)
        .find(|m| {
            !norm[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !norm[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|m| &EVOLVE_CUES[m.pattern().as_usize()])
}

/// Propose `evolves-into` relations from cue sentences. With two policies in the
/// sentence, the cue's direction orders them; with one ("this agenda ... reshaping"),
/// the other end is the policy the article dwells on most.
pub fn evolves_into(text: &str, layout: &Layout, found: &Found, scan: &Scan) -> Vec<DraftRelation> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &found.mentions {
        if levelmap_model::kind_of_id(&m.id) == Some(NodeKind::Policy) {
            *counts.entry(m.id.as_str()).or_insert(0) += 1;
        }
    }
    let dominant = |not: &str| -> Option<String> {
        counts
            .iter()
            .filter(|(id, c)| **id != not && **c >= 3)
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(id, _)| id.to_string())
    };
    let mut out: Vec<DraftRelation> = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        let Some((cue, old_first)) = evolve_cue_scanned(scan, si, &s.norm) else {
            continue;
        };
        let mut pols: Vec<String> = Vec::new();
        for m in found.in_sentence(si) {
            if levelmap_model::kind_of_id(&m.id) == Some(NodeKind::Policy) && !pols.contains(&m.id)
            {
                pols.push(m.id.clone());
            }
        }
        let (from, to, conf, how) = match pols.len() {
            0 => continue,
            1 => {
                let Some(other) = dominant(&pols[0]) else {
                    continue;
                };
                (pols[0].clone(), other, 0.35, "the sentence presents it as reshaped or dropped; the other end is the policy the article discusses most")
            }
            _ => {
                let (a, b) = (pols[0].clone(), pols[pols.len() - 1].clone());
                if *old_first {
                    (a, b, 0.55, "the sentence names both, old first")
                } else {
                    (b, a, 0.55, "the sentence names both, new first")
                }
            }
        };
        if from == to || out.iter().any(|r| r.from == from && r.to == to) {
            continue;
        }
        out.push(DraftRelation {
            from,
            kind: EdgeKind::EvolvesInto,
            to,
            quote: quote(text, s.start, s.end),
            note: format!("proposed from the cue '{cue}': {how}"),
            confidence: conf,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::content_words;

    #[test]
    fn cosine_of_restatements_is_high_and_of_strangers_low() {
        let df = HashMap::new();
        let a = tfidf(
            &content_words("Levelling up remains a vague slogan without clear policy"),
            &df,
            10,
        );
        let b = tfidf(
            &content_words("levelling up is only vaguely defined, a slogan not a policy"),
            &df,
            10,
        );
        let c = tfidf(
            &content_words("Green sectors are expected to grow by 11% per annum"),
            &df,
            10,
        );
        assert!(cosine(&a, &b) > 0.4, "{}", cosine(&a, &b));
        assert!(cosine(&a, &c) < 0.05);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-9);
    }
}
