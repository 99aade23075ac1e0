//! Similarity of claims: sparse TF-IDF vectors of content words, their cosine, and
//! the corpus' claims as an inverted index ([`EchoIndex`]) that scores a drafted
//! claim against all of them at once, for proposing echoes.

use std::collections::{BTreeMap, HashMap};

use super::words::for_each_content_word_bytes;
use levelmap_model::date::PartialDate;
use rustc_hash::FxHashMap;

/// A sparse TF-IDF vector, unit length: (word hash, weight), sorted by hash.
pub(crate) type Vector = Vec<(u64, f64)>;

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
pub(crate) fn tfidf(words: &[String], df: &HashMap<String, usize>, n: usize) -> Vector {
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
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f64 {
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

/// The corpus's claims as an inverted index for `links::propose_echoes`: for each word
/// (by hash), the claims whose vector holds it with its weight. Scoring a drafted
/// claim then touches only the claims that share a word with it, and gives exactly
/// the cosine of [`cosine`] (the same products, added in the same order).
#[derive(Debug, Clone, Default)]
pub(crate) struct EchoIndex {
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
    pub(crate) fn new(
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

impl EchoIndex {
    /// Whether no claim is indexed.
    pub(crate) fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Whether claim `i` comes from an article dated (from) day `day` or earlier.
    pub(crate) fn dated_by(&self, i: usize, day: i64) -> bool {
        self.start_days[i].is_some_and(|d| d <= day)
    }

    /// Score `text` against the indexed claims: `f(claim, cosine)` for each claim that
    /// shares a word with it, in the order they were first reached.
    pub(crate) fn for_each_score(
        &self,
        text: &str,
        s: &mut EchoScratch,
        mut f: impl FnMut(usize, f64),
    ) {
        tfidf_hashed(text, self, s);
        for &(_, w, (from, to)) in &s.terms {
            for &(i, x) in &self.postings[from as usize..to as usize] {
                let acc = &mut s.scores[i as usize];
                if *acc == 0.0 {
                    s.touched.push(i);
                }
                *acc += w * x;
            }
        }
        for &i in &s.touched {
            let i = i as usize;
            let score = std::mem::replace(&mut s.scores[i], 0.0);
            f(i, score);
        }
        s.touched.clear();
    }
}

/// Scratch space for [`EchoIndex::for_each_score`], reused across claims.
pub(crate) struct EchoScratch {
    buf: String,
    /// The hash of each content word, in text order, then sorted.
    hashes: Vec<u64>,
    /// (word hash, weight, postings range).
    terms: Vec<(u64, f64, (u32, u32))>,
    scores: Vec<f64>,
    touched: Vec<u32>,
}

impl EchoScratch {
    /// Scratch space for scoring against `index`.
    pub(crate) fn new(index: &EchoIndex) -> Self {
        EchoScratch {
            buf: String::new(),
            hashes: Vec::new(),
            terms: Vec::new(),
            scores: vec![0.0; index.n],
            touched: Vec::new(),
        }
    }
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
