//! The echo threshold swept over every cross-article pair of curated claims.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{EchoEval, Score};
use crate::links::ECHO_THRESHOLD;
use crate::tfidf::{cosine, tfidf};
use crate::words::content_words;
use levelmap_model::{Corpus, EdgeKind, Origin};

/// Sweep the echo threshold over every cross-article pair of curated claims.
pub(crate) fn echo_eval(gold: &Corpus) -> EchoEval {
    let claims: Vec<_> = gold
        .claims
        .values()
        .filter(|c| !matches!(c.origin, Origin::Extracted(_)))
        .collect();
    let words: Vec<Vec<String>> = claims
        .iter()
        .map(|c| content_words(&c.evidence.quote))
        .collect();
    let mut df: HashMap<String, usize> = HashMap::new();
    for w in &words {
        for x in w.iter().collect::<HashSet<_>>() {
            *df.entry(x.clone()).or_insert(0) += 1;
        }
    }
    let vecs: Vec<_> = words.iter().map(|w| tfidf(w, &df, claims.len())).collect();
    let positives: BTreeSet<(String, String)> = gold
        .relations
        .iter()
        .filter(|r| r.kind == EdgeKind::Echoes && !matches!(r.origin, Origin::Extracted(_)))
        .map(|r| {
            if r.from < r.to {
                (r.from.clone(), r.to.clone())
            } else {
                (r.to.clone(), r.from.clone())
            }
        })
        .collect();
    let mut pairs: Vec<(f64, bool)> = Vec::new();
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            if claims[i].evidence.article == claims[j].evidence.article {
                continue;
            }
            let key = if claims[i].id < claims[j].id {
                (claims[i].id.clone(), claims[j].id.clone())
            } else {
                (claims[j].id.clone(), claims[i].id.clone())
            };
            pairs.push((cosine(&vecs[i], &vecs[j]), positives.contains(&key)));
        }
    }
    let gold_n = pairs.iter().filter(|p| p.1).count();
    let at = |t: f64| {
        let predicted = pairs.iter().filter(|p| p.0 >= t).count();
        let correct = pairs.iter().filter(|p| p.0 >= t && p.1).count();
        Score {
            correct,
            extracted: predicted,
            found: correct,
            gold: gold_n,
        }
    };
    let mut best = (0.0, Score::default());
    for k in 5..=60 {
        let t = f64::from(k) / 100.0;
        let s = at(t);
        if s.f1() > best.1.f1() + 1e-12 || best.1.extracted == 0 && best.1.gold == 0 {
            best = (t, s);
        }
    }
    EchoEval {
        pairs: pairs.len(),
        gold: gold_n,
        best_threshold: best.0,
        best: best.1,
        threshold: ECHO_THRESHOLD,
        at_threshold: at(ECHO_THRESHOLD),
    }
}
