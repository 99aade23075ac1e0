//! Links across articles: `echoes` proposed between claims that restate one another
//! (TF-IDF cosine over content words, with a threshold chosen on the curated
//! echoes), and `evolves-into` between policies that an article presents as
//! replacing or reshaping another ("reshaping and redefining this agenda", "quietly
//! ditched", "morph into").

use std::collections::BTreeMap;

use super::found::Found;
use super::items::{DraftClaim, DraftRelation};
use super::lexicon::Lexicon;
use super::scan::{Scan, Set};
use super::sentences::{quote, Layout};
use super::tfidf::EchoScratch;
use levelmap_model::date::PartialDate;
use levelmap_model::{EdgeKind, NodeKind};

/// Cosine similarity at or above which a claim is proposed as echoing an earlier one.
///
/// Chosen on data: `levelmap eval` sweeps thresholds over every cross-article pair of
/// curated claims and prints the F1 of each against the curated `echoes`; this is
/// the best threshold found on the bundled corpus (see the eval output).
pub(crate) const ECHO_THRESHOLD: f64 = 0.16;

/// At most this many echoes per claim.
pub(crate) const MAX_ECHOES: usize = 2;

/// Propose `echoes` from each drafted claim to earlier corpus claims (from articles
/// dated no later than this one) whose cosine is at least [`ECHO_THRESHOLD`].
pub(crate) fn propose_echoes(claims: &mut [DraftClaim], lex: &Lexicon, date: &PartialDate) {
    let index = &lex.echo_index;
    if index.is_empty() {
        return;
    }
    let day = date.start_days();
    let mut s = EchoScratch::new(index);
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for c in claims.iter_mut() {
        scored.clear();
        index.for_each_score(&c.quote, &mut s, |i, score| {
            if score >= ECHO_THRESHOLD && index.dated_by(i, day) {
                scored.push((score, lex.claims[i].id.as_str()));
            }
        });
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
pub(crate) fn evolve_phrases() -> impl Iterator<Item = &'static str> {
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
pub(crate) fn evolves_into(
    text: &str,
    layout: &Layout,
    found: &Found,
    scan: &Scan,
) -> Vec<DraftRelation> {
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
