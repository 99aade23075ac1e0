//! Claims: argumentative sentences (recommendations, evaluations, predictions) told
//! apart from plain description by weighted cue phrases, and reported commitments of
//! named actors; each with its speaker, the policies it is about, its stance toward
//! them and whether it is hedged.

mod cues;
mod documents;
mod model;
mod polarity;
mod speakers;
#[cfg(test)]
mod tests;
mod verbs;

use std::collections::BTreeSet;

use crate::found::Found;
use crate::items::{DraftClaim, Mention};
use crate::lexicon::Lexicon;
use crate::scan::Scan;
use crate::sentences::{quote, BlockKind, Layout};
use crate::slug::slug;
use levelmap_model::date::PartialDate;
use levelmap_model::{ClaimKind, NodeKind, Stance};

use cues::cues_scanned_into;
pub(crate) use cues::{cue_phrases, Cue};
#[cfg(test)]
pub(crate) use cues::{cues, cues_scanned};
use speakers::{carry_speakers_back, signed_quotations, Speakers};

/// Claims below this confidence (the claim model's probability) are not drafted: the
/// operating point, chosen on the development gold set (see [`model`]): on the eight
/// development parts the weights were not fitted on (dev2 to dev9, 28 articles), 0.55
/// gives precision 0.80, recall 0.76 (F1 0.78) where 0.6 gave 0.81 / 0.71 (0.76).
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.55;

/// How a sentence reads: scores per cue and the claim decision.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    /// Is it a claim at all: the claim model's log-odds.
    pub(crate) score: f64,
    /// Kind of claim.
    pub(crate) kind: ClaimKind,
    /// Hedged.
    pub(crate) hedged: bool,
    /// Stance toward what it is about.
    pub(crate) stance: Stance,
    /// Byte offset of a reporting verb, if any.
    pub(crate) report_at: Option<usize>,
    /// Byte offset of a verb that names who holds a view ([`Cue::Speaks`]), if any.
    pub(crate) speaks_at: Option<usize>,
}

/// Read one sentence (normalised text): claim score, kind, hedging and stance.
#[cfg(test)]
pub(crate) fn read_sentence(norm: &str, reported: bool) -> Reading {
    read_cues(norm, &cues::cues(norm), reported, &polarity::surface(norm))
}

/// [`read_sentence`] with the sentence's cues and surface (`polarity::surface(norm)`)
/// already found: a sentence read again as reported reuses them.
pub(crate) fn read_cues(
    norm: &str,
    found: &[(usize, usize, &'static [Cue])],
    reported: bool,
    surface: &polarity::Surface,
) -> Reading {
    let mut n = [0.0f64; Cue::Method as usize + 1];
    let (mut pos, mut neg) = (0.0, 0.0);
    let mut negate_until = 0usize;
    let mut report_at = None;
    let mut speaks_at = None;
    for &(s, e, kinds) in found {
        let negated = s < negate_until;
        for &k in kinds {
            n[k as usize] += 1.0;
            match k {
                Cue::Positive if negated => neg += 1.0,
                Cue::Positive => pos += 1.0,
                Cue::Negative => neg += 1.0,
                Cue::Negator => negate_until = e + 30,
                Cue::Report => {
                    report_at.get_or_insert(s);
                }
                Cue::Speaks => {
                    speaks_at.get_or_insert(s);
                }
                _ => {}
            }
        }
    }
    let get = |k: Cue| n[k as usize];
    let question = norm.trim_end().ends_with('?');
    let score = model::logit(&n, surface, question);
    // The guide's order when cues of several kinds meet: recommendation, then
    // prediction, then evaluation (a drafted claim is never a mere description).
    let kind = if get(Cue::Deontic) > 0.0 {
        ClaimKind::Recommendation
    } else if get(Cue::Predictive) > 0.0 {
        ClaimKind::Prediction
    } else {
        ClaimKind::Evaluation
    };
    let hedged = get(Cue::Hedge) > 0.0 || question;
    let stance = if pos > 0.0 && neg > 0.0 {
        Stance::Mixed
    } else if pos > 0.0
        || (kind == ClaimKind::Recommendation && neg == 0.0)
        || (reported && neg == 0.0)
    {
        Stance::For
    } else if neg > 0.0 {
        Stance::Against
    } else {
        Stance::Neutral
    };
    Reading {
        score,
        kind,
        hedged,
        stance,
        report_at,
        speaks_at,
    }
}

/// Whether the sentence calls on someone to act: "urged the government to scrap it",
/// "has pressed ministers to set targets", "called on the council to think again"
/// (a verb of urging, at most six words, then "to" and a verb in lower case).
fn calls_to_act(norm: &str) -> bool {
    const URGING: [&str; 11] = [
        "urged ",
        "urges ",
        "urging ",
        "pressed ",
        "presses ",
        "pressing ",
        "called on ",
        "calls on ",
        "calling on ",
        "implored ",
        "implores ",
    ];
    URGING.iter().any(|u| {
        norm.match_indices(u).any(|(at, _)| {
            let word_start = norm[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            // not the passive: "were pressed together", "was urged to"
            let passive = norm[..at].split_whitespace().next_back().is_some_and(|w| {
                matches!(w, "was" | "were" | "been" | "be" | "being" | "is" | "are")
            });
            let rest = &norm[at + u.len()..];
            let words: Vec<&str> = rest.split_whitespace().take(8).collect();
            word_start
                && !passive
                && words.iter().position(|w| *w == "to").is_some_and(|k| {
                    (1..=6).contains(&k)
                        && !words[..k].iter().any(|w| w.ends_with([',', ';', '.', ':']))
                        && words
                            .get(k + 1)
                            .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_lowercase()))
                })
        })
    })
}

/// The confidence that a sentence read as `score` is a claim.
fn confidence(score: f64) -> f64 {
    model::probability(score)
}

/// Verbs that give a view as held, not only said: "reckons", "insists", "believes".
const OPINION_VERBS: &[&str] = &[
    "reckons",
    "reckoned",
    "insists",
    "insisted",
    "believes",
    "believed",
    "thinks",
    "contends",
    "contended",
    "maintains",
    "predicts",
    "predicted",
    "fears",
    "feared",
];

/// Whether a verb of [`OPINION_VERBS`] gives a view in `norm`, followed by its clause
/// (not the sentence's last word).
fn holds_a_view(norm: &str) -> bool {
    let mut words = norm.split(' ').peekable();
    while let Some(w) = words.next() {
        if OPINION_VERBS.contains(&w) && words.peek().is_some() {
            return true;
        }
    }
    false
}

/// Whether a sentence only reports that a newsroom asked for comment ("Roman Road LDN
/// approached Tower Hamlets council for comment but received no reply", "The
/// department declined to comment"): a reporter's routine, never a claim.
fn asks_for_comment(norm: &str) -> bool {
    const ASKING: &[&str] = &[
        "for comment",
        "for a comment",
        "request for comment",
        "declined to comment",
        "did not respond to a request",
        "did not respond to requests",
    ];
    // Every phrase holds "comment" or "respond": most sentences hold neither, and are
    // not lowered.
    if !crate::meta::may_ask_for_comment(norm) {
        return false;
    }
    let lower = norm.to_lowercase();
    ASKING.iter().any(|p| lower.contains(p))
}

/// Whether a sentence only introduces what follows it: it ends with a colon after
/// "as follows", "the following" or a verb or preposition whose object is the list
/// ("which also supports:", "the second phase will include:", "a hub with:").
fn introduces_a_list(norm: &str) -> bool {
    let Some(body) = norm.trim_end().strip_suffix(':') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    const INTRODUCERS: [&str; 14] = [
        "follows",
        "following",
        "include",
        "includes",
        "included",
        "including",
        "supports",
        "support",
        "necessitate",
        "necessitates",
        "with",
        "are",
        "were",
        "below",
    ];
    INTRODUCERS.iter().any(|w| last.eq_ignore_ascii_case(w))
}

/// Strip discourse markers and cut a sentence into a short label.
pub(crate) fn label(norm: &str) -> String {
    const OPENERS: &[&str] = &[
        "However, ",
        "Moreover, ",
        "Indeed, ",
        "In particular, ",
        "Crucially, ",
        "Yet, ",
        "Yet ",
        "Likewise, ",
        "For example, ",
        "For instance, ",
        "Firstly, ",
        "Secondly, ",
        "First, ",
        "Second, ",
        "Third, ",
        "Finally, ",
        "In short, ",
        "Of course, ",
        "And ",
        "But ",
        "So ",
        "Similarly, ",
        "Furthermore, ",
        "Meanwhile, ",
        "Here ",
        "To sum up, ",
    ];
    let mut s = norm.trim();
    for o in OPENERS {
        // (The first byte turns most openers away without comparing the rest.)
        if s.as_bytes().first() != o.as_bytes().first() {
            continue;
        }
        if let Some(r) = s.strip_prefix(o) {
            s = r;
        }
    }
    let s = s.trim_end_matches(['.', ';', ':', ' ']);
    // Whole space-separated words while the label stays within 110 bytes. Joining the
    // words with spaces rebuilds `s` from its first non-empty word, so the label is a
    // slice of `s` (and "..." when cut short).
    let (mut len, mut first, mut end, mut cut, mut from) = (0usize, None, 0, false, 0);
    for to in memchr::memchr_iter(b' ', s.as_bytes()).chain(std::iter::once(s.len())) {
        let w = to - from;
        if len + w > 110 {
            cut = true;
            break;
        }
        if len > 0 {
            len += 1;
        }
        len += w;
        if w > 0 && first.is_none() {
            first = Some(from);
        }
        end = to;
        from = to + 1;
    }
    let mut out = String::with_capacity(len + 3);
    if let Some(k) = first {
        out.push_str(&s[k..end]);
    }
    if cut {
        out.push_str("...");
    }
    match out.as_bytes().first() {
        Some(b) if b.is_ascii() => {
            out[..1].make_ascii_uppercase();
            out
        }
        Some(_) => {
            let mut c = out.chars();
            let f = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>())
                .unwrap_or_default();
            f + c.as_str()
        }
        None => out,
    }
}

/// Draft the article's claims: those of at least `min_confidence`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    found: &Found,
    authors: &BTreeSet<String>,
    prefix: &str,
    min_confidence: f64,
    scan: &Scan,
    title_block: Option<usize>,
) -> Vec<DraftClaim> {
    let mut out: Vec<DraftClaim> = Vec::new();
    let mut cue_list = Vec::new();
    // Who speaks: whose quotation the text is in, the document brought in last.
    let mut speakers = Speakers::new(found, lex, authors);
    for (si, s) in layout.sentences.iter().enumerate() {
        speakers.introduce(si, &s.norm);
        let block = &layout.blocks[s.block];
        // The title is read as a claim too ("Scotland's devolution disaster"); other
        // headings name sections.
        let title = Some(s.block) == title_block && s.words >= 3;
        if !title && (block.kind == BlockKind::Heading || s.words < 6) {
            // "Mr Jenrick said:" opens the quotation of the next paragraph.
            let report_at = (s.norm.trim_end().ends_with(':') && block.kind != BlockKind::Heading)
                .then(|| {
                    cues_scanned_into(scan, si, &s.norm, &mut cue_list);
                    read_cues(&s.norm, &cue_list, false, &polarity::surface(&s.norm)).report_at
                })
                .flatten();
            match report_at {
                Some(at) => drop(speakers.of_sentence(si, s, Some(at), None)),
                None => speakers.pass(s.block, &s.norm),
            }
            continue;
        }
        if crate::meta::boilerplate_scanned(scan, si, &s.norm)
            || introduces_a_list(&s.norm)
            || asks_for_comment(&s.norm)
        {
            continue;
        }
        let is_policy = |m: &&Mention| levelmap_model::kind_of_id(&m.id) == Some(NodeKind::Policy);
        cues_scanned_into(scan, si, &s.norm, &mut cue_list);
        let surface = polarity::surface(&s.norm);
        let pre = read_cues(&s.norm, &cue_list, false, &surface);
        // Only a sentence with a reporting verb can have a reported speaker: its stance
        // is read again as reported. Read before the confidence test, so that a
        // quotation opened by a sentence that is no claim ("X said: \"The region already
        // boasts ...") still gives its speaker to the claims inside it.
        let report_at = speakers::report_tagging_quotation(
            &s.norm,
            pre.report_at,
            cue_list
                .iter()
                .filter(|(_, _, kinds)| kinds.contains(&Cue::Report))
                .map(|&(at, _, _)| at),
        );
        let sp = speakers.of_sentence(si, s, report_at, pre.speaks_at);
        let mut conf = confidence(pre.score);
        // A named speaker's stated stance on a named policy ("Chris Rawlins said he
        // does not support Liveable Streets") is a claim whatever its other words: it
        // gets the default threshold's confidence if the model scores it lower.
        if conf < DEFAULT_MIN_CONFIDENCE
            && sp.is_some()
            && found
                .in_sentence(si)
                .filter(is_policy)
                .any(|m| verbs::stated_stance(&s.norm, m.start).is_some())
        {
            conf = DEFAULT_MIN_CONFIDENCE;
        }
        // "Andy Haldane ... reckons the gap will take a generation to close", "Rachel
        // Reeves insists that her rules will help": a named speaker's view, given by a
        // verb of opinion rather than of saying, is argued.
        if sp.is_some() && holds_a_view(&s.norm) {
            conf = conf.max(DEFAULT_MIN_CONFIDENCE);
        }
        // "Ellie Chowns has pressed the government to set targets": a named speaker
        // calling on someone to act recommends.
        let call = sp.is_some() && calls_to_act(&s.norm);
        if call {
            conf = conf.max(DEFAULT_MIN_CONFIDENCE);
        }
        if conf < min_confidence {
            continue;
        }
        let mut r = if sp.is_some() {
            read_cues(&s.norm, &cue_list, true, &surface)
        } else {
            pre
        };
        if call {
            r.kind = ClaimKind::Recommendation;
        }
        let mut policies: Vec<String> = Vec::new();
        for m in found.in_sentence(si).filter(is_policy) {
            if !policies.contains(&m.id) {
                policies.push(m.id.clone());
            }
        }
        let lab = label(&s.norm);
        // The first free id: the base, or the base with -2, -3, ... (taken: the claims
        // drafted so far here, and every id of the corpus).
        let taken = |id: &str, out: &[DraftClaim]| {
            out.iter().any(|c| c.id == id) || lex.id_set.contains(id)
        };
        let mut id = claim_base(prefix, &lab);
        if taken(&id, &out) {
            let base = id;
            let mut k = 2;
            id = format!("{base}-{k}");
            while taken(&id, &out) {
                k += 1;
                id = format!("{base}-{k}");
            }
        }
        // The sentence's valence, read once for all its policies, only if a policy's
        // stance needs it.
        let valence = std::cell::OnceCell::new();
        out.push(DraftClaim {
            id,
            text: lab,
            quote: quote(text, s.start, s.end),
            sentence: si,
            kind: r.kind,
            speaker: sp,
            hedged: r.hedged,
            about: policies
                .into_iter()
                .map(|p| {
                    let stance = policy_stance(&r, &cue_list, found, si, &p, (&s.norm, &valence));
                    (p, stance)
                })
                .collect(),
            echoes: vec![],
            confidence: conf,
        });
    }
    carry_speakers_back(layout, &mut out);
    signed_quotations(layout, found, lex, &mut out);
    out
}

/// A claim's id before de-duplication: `claim:<prefix>-<slug of the label's first
/// four content words>`, whole words as written ("planning-reform-answer-argued"),
/// never their stems.
fn claim_base(prefix: &str, label: &str) -> String {
    let words = crate::words::first_whole_content_words(label, 4);
    let mut out = format!("claim:{prefix}-{}", slug(&words.join(" ")));
    let keep = out.trim_end_matches('-').len();
    out.truncate(keep);
    out
}

/// The stance toward one policy: the verb that governs it, if one does ("scrap the
/// fund", "austerity must end"); else, in a recommendation, a policy named after the
/// "should"/"need" is what is recommended; otherwise the sentence's stance.
fn policy_stance(
    r: &Reading,
    cue_list: &[(usize, usize, &'static [Cue])],
    found: &Found,
    si: usize,
    policy: &str,
    (norm, valence): (&str, &std::cell::OnceCell<f32>),
) -> Stance {
    let by_verb = found
        .in_sentence(si)
        .filter(|m| m.id == policy)
        .find_map(|m| verbs::stance_from_verb(norm, m.start, m.end, policy));
    if let Some(stance) = by_verb.or_else(|| {
        found
            .in_sentence(si)
            .filter(|m| m.id == policy)
            .find_map(|m| verbs::stated_stance(norm, m.start))
    }) {
        return stance;
    }
    if r.kind == ClaimKind::Recommendation {
        let deontic_at = cue_list
            .iter()
            .find(|c| c.2.contains(&Cue::Deontic))
            .map(|c| c.0);
        let at = found
            .in_sentence(si)
            .find(|m| m.id == policy)
            .map(|m| m.start);
        if let (Some(d), Some(a)) = (deontic_at, at) {
            if a > d {
                return Stance::For;
            }
        }
    }
    // Words of feeling the cue lists lack ("a wasteful policy", "disastrous
    // results") turn a stance they left for or neutral.
    let v = *valence.get_or_init(|| {
        let names: Vec<(usize, usize)> = found.in_sentence(si).map(|m| (m.start, m.end)).collect();
        polarity::valence(norm, &names)
    });
    // "the lack of an industrial strategy", "cuts to Sure Start": deploring a policy's
    // absence is being for it.
    let missing = || {
        found
            .in_sentence(si)
            .filter(|m| m.id == policy)
            .any(|m| verbs::named_as_missing(norm, m.start))
    };
    if v <= -STANCE_VALENCE && missing() {
        return Stance::For;
    }
    match r.stance {
        Stance::For | Stance::Neutral if v <= -STANCE_VALENCE => Stance::Against,
        Stance::Neutral if v >= STANCE_VALENCE => Stance::For,
        s => s,
    }
}

/// How far from 0 a sentence's [`polarity::valence`] must be to give a stance the
/// cue phrases did not.
const STANCE_VALENCE: f32 = 0.5;

/// The claim id prefix for an article: its author (or outlet) and year, "hickson-2024".
pub(crate) fn claim_prefix(stem: &str, date: &PartialDate) -> String {
    // "2024-07-hickson-labour-levelling-up" -> "hickson-2024".
    let parts: Vec<&str> = stem.split('-').collect();
    let who = parts
        .iter()
        .find(|p| !p.chars().all(|c| c.is_ascii_digit()))
        .copied()
        .unwrap_or("x");
    format!("{who}-{}", date.year_num())
}
