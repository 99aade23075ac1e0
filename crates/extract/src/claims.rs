//! Claims: argumentative sentences (recommendations, evaluations, predictions) told
//! apart from plain description by weighted cue phrases, and reported commitments of
//! named actors; each with its speaker, the policies it is about, its stance toward
//! them and whether it is hedged.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::found::Found;
use super::items::{DraftClaim, Mention};
use super::lexicon::Lexicon;
use super::scan::{Scan, Set};
use super::sentences::{quote, BlockKind, Layout};
use super::slug::slug;
use levelmap_model::date::PartialDate;
use levelmap_model::{ClaimKind, NodeKind, Stance};

/// Claims below this confidence are not drafted.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.4;

/// What a cue phrase signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// Says what should be done ("should", "needs to").
    Deontic,
    /// Judges ("critical", "welcome", "fails to").
    Evaluative,
    /// Contrasts ("however", "but").
    Contrast,
    /// Looks ahead ("will", "likely").
    Predictive,
    /// Softens ("could", "may", "perhaps").
    Hedge,
    /// Reports someone's words or commitments ("argues", "has promised").
    Report,
    /// Speaks well of something.
    Positive,
    /// Speaks ill of something.
    Negative,
    /// Turns what follows around ("not", "fails to").
    Negator,
    /// Argues: gives a consequence, a reason or the writer's own view ("will lead to",
    /// "therefore", "I believe").
    Argument,
    /// Describes method or the text itself ("we use", "this series").
    Method,
}

const CUES: &[(&str, &[Cue])] = {
    use Cue::*;
    &[
        ("should", &[Deontic]),
        ("must", &[Deontic]),
        ("need to", &[Deontic]),
        ("needs to", &[Deontic]),
        ("we need", &[Deontic]),
        ("will need", &[Deontic]),
        ("ought to", &[Deontic]),
        ("have to", &[Deontic]),
        ("has to", &[Deontic]),
        ("will require", &[Deontic]),
        ("requires", &[Deontic]),
        ("is required", &[Deontic]),
        ("are required", &[Deontic]),
        ("is needed", &[Deontic]),
        ("are needed", &[Deontic]),
        ("it is important", &[Deontic, Evaluative]),
        ("it is important to note", &[Evaluative]),
        ("it is critical", &[Deontic, Evaluative]),
        ("it is essential", &[Deontic, Evaluative]),
        ("it is vital", &[Deontic, Evaluative]),
        ("it is necessary", &[Deontic, Evaluative]),
        ("it will be critical", &[Deontic, Evaluative]),
        ("calls for", &[Deontic]),
        ("call for", &[Deontic]),
        ("recommend", &[Deontic]),
        ("worth considering", &[Deontic, Positive]),
        ("key aim", &[Deontic]),
        ("priority", &[Deontic]),
        ("prioritise", &[Deontic]),
        ("could prioritise", &[Deontic, Hedge]),
        ("critical", &[Evaluative]),
        ("crucial", &[Evaluative]),
        ("crucially", &[Evaluative]),
        ("vital", &[Evaluative]),
        ("essential", &[Evaluative]),
        ("key to", &[Evaluative, Positive]),
        ("necessary", &[Evaluative]),
        ("important", &[Evaluative]),
        ("significant", &[Evaluative]),
        ("welcome", &[Evaluative, Positive]),
        ("promising", &[Evaluative, Positive]),
        ("positive", &[Evaluative, Positive]),
        ("effective", &[Evaluative, Positive]),
        ("successful", &[Evaluative, Positive]),
        ("successfully", &[Evaluative, Positive]),
        ("success", &[Evaluative, Positive]),
        ("opportunity", &[Evaluative, Positive]),
        ("opportunities", &[Evaluative, Positive]),
        ("benefit", &[Evaluative, Positive]),
        ("benefits", &[Evaluative, Positive]),
        ("valuable", &[Evaluative, Positive]),
        ("helpful", &[Evaluative, Positive]),
        ("useful", &[Evaluative, Positive]),
        ("will help", &[Predictive, Positive]),
        ("help to", &[Positive]),
        ("helped", &[Positive]),
        ("strengthen", &[Positive]),
        ("boost", &[Positive]),
        ("improve", &[Positive]),
        ("support", &[Positive]),
        ("offer the basis", &[Evaluative, Positive]),
        ("basis for", &[Positive]),
        ("credible", &[Evaluative, Positive]),
        ("ambitious", &[Evaluative, Positive]),
        ("good", &[Evaluative, Positive]),
        ("better", &[Evaluative, Positive]),
        ("best", &[Evaluative, Positive]),
        ("strong", &[Evaluative, Positive]),
        ("fails to", &[Evaluative, Negative, Negator]),
        ("failed to", &[Evaluative, Negative, Negator]),
        ("failure", &[Evaluative, Negative]),
        ("undermined", &[Evaluative, Negative]),
        ("undermine", &[Evaluative, Negative]),
        ("elusive", &[Evaluative, Negative]),
        ("vague", &[Evaluative, Negative]),
        ("vaguely", &[Evaluative, Negative]),
        ("ill defined", &[Evaluative, Negative]),
        ("ill-defined", &[Evaluative, Negative]),
        ("questionable", &[Evaluative, Negative]),
        ("criticised", &[Evaluative, Negative]),
        ("lack of", &[Evaluative, Negative]),
        ("lacks", &[Evaluative, Negative]),
        ("limited", &[Evaluative, Negative]),
        ("risk", &[Evaluative, Negative]),
        ("risks", &[Evaluative, Negative]),
        ("problem", &[Evaluative, Negative]),
        ("problems", &[Evaluative, Negative]),
        ("challenge", &[Evaluative]),
        ("challenging", &[Evaluative, Negative]),
        ("struggle", &[Evaluative, Negative]),
        ("struggling", &[Evaluative, Negative]),
        ("difficult", &[Evaluative, Negative]),
        ("not easy", &[Evaluative, Negative]),
        ("harder", &[Evaluative, Negative]),
        ("falls short", &[Evaluative, Negative]),
        ("short of", &[Evaluative, Negative]),
        ("scandal", &[Evaluative, Negative]),
        ("empty", &[Evaluative, Negative]),
        ("slogan", &[Evaluative, Negative]),
        ("naive", &[Evaluative, Negative]),
        ("naïve", &[Evaluative, Negative]),
        ("insufficient", &[Evaluative, Negative]),
        ("sufficient", &[Evaluative]),
        ("unclear", &[Evaluative, Hedge, Negative]),
        ("uncertainty", &[Evaluative, Hedge]),
        ("corrosive", &[Evaluative, Negative]),
        ("stark", &[Evaluative, Negative]),
        ("scarred", &[Evaluative, Negative]),
        ("stagnation", &[Evaluative, Negative]),
        ("stubborn", &[Evaluative, Negative]),
        ("enormous", &[Evaluative]),
        ("inevitably", &[Evaluative]),
        ("too often", &[Evaluative, Negative]),
        ("only limited", &[Evaluative, Negative]),
        ("poor", &[Evaluative, Negative]),
        ("weak", &[Evaluative, Negative]),
        ("mistake", &[Evaluative, Negative]),
        ("wrong", &[Evaluative, Negative]),
        ("unfair", &[Evaluative, Negative]),
        ("credibility", &[Evaluative]),
        ("ditched", &[Evaluative, Negative]),
        ("cancellation", &[Negative]),
        ("pressure", &[Evaluative]),
        ("more than just", &[Evaluative]),
        ("clear", &[Evaluative]),
        ("clearly", &[Evaluative]),
        ("real", &[Evaluative]),
        ("genuine", &[Evaluative, Positive]),
        ("radical", &[Evaluative]),
        ("brave", &[Evaluative, Positive]),
        ("bold", &[Evaluative, Positive]),
        ("modest", &[Evaluative, Negative]),
        ("disappointing", &[Evaluative, Negative]),
        ("excellent", &[Evaluative, Positive]),
        ("wonderful", &[Evaluative, Positive]),
        ("concern", &[Evaluative, Negative]),
        ("concerns", &[Evaluative, Negative]),
        ("worrying", &[Evaluative, Negative]),
        ("unfortunately", &[Evaluative, Negative]),
        ("sadly", &[Evaluative, Negative]),
        ("rightly", &[Evaluative, Positive]),
        ("simply", &[Evaluative]),
        ("merely", &[Evaluative, Negative]),
        ("enough", &[Evaluative]),
        ("not enough", &[Evaluative, Negative]),
        ("too little", &[Evaluative, Negative]),
        ("hope", &[Evaluative]),
        ("fear", &[Evaluative, Negative]),
        ("surely", &[Evaluative]),
        ("obvious", &[Evaluative]),
        ("inadequate", &[Evaluative, Negative]),
        ("damaging", &[Evaluative, Negative]),
        ("setback", &[Evaluative, Negative]),
        ("setbacks", &[Evaluative, Negative]),
        ("slammed", &[Evaluative, Negative, Report]),
        ("criticism", &[Evaluative, Negative]),
        ("praised", &[Evaluative, Positive, Report]),
        ("enthusiasm", &[Evaluative, Positive]),
        ("go further", &[Evaluative, Negative]),
        ("much further", &[Evaluative, Negative]),
        ("just another", &[Evaluative, Negative]),
        ("worth", &[Evaluative, Positive]),
        ("remains", &[Evaluative]),
        // General evaluative vocabulary of English (judgement words, not topic words).
        ("terrible", &[Evaluative, Negative]),
        ("awful", &[Evaluative, Negative]),
        ("dreadful", &[Evaluative, Negative]),
        ("sham", &[Evaluative, Negative]),
        ("dubious", &[Evaluative, Negative]),
        ("flawed", &[Evaluative, Negative]),
        ("failing", &[Evaluative, Negative]),
        ("hollow", &[Evaluative, Negative]),
        ("meaningless", &[Evaluative, Negative]),
        ("piecemeal", &[Evaluative, Negative]),
        ("patchy", &[Evaluative, Negative]),
        ("incoherent", &[Evaluative, Negative]),
        ("confusing", &[Evaluative, Negative]),
        ("pathetic", &[Evaluative, Negative]),
        ("pathetically", &[Evaluative, Negative]),
        ("paltry", &[Evaluative, Negative]),
        ("meagre", &[Evaluative, Negative]),
        ("disappointment", &[Evaluative, Negative]),
        ("disappointed", &[Evaluative, Negative]),
        ("unacceptable", &[Evaluative, Negative]),
        ("unjust", &[Evaluative, Negative]),
        ("misguided", &[Evaluative, Negative]),
        ("mistakes", &[Evaluative, Negative]),
        ("misappropriated", &[Evaluative, Negative]),
        ("eroded", &[Evaluative, Negative]),
        ("erode", &[Evaluative, Negative]),
        ("wasted", &[Evaluative, Negative]),
        ("threat", &[Evaluative, Negative]),
        ("threatens", &[Evaluative, Negative]),
        ("dangerous", &[Evaluative, Negative]),
        ("malaise", &[Evaluative, Negative]),
        ("neglected", &[Evaluative, Negative]),
        ("ignored", &[Evaluative, Negative]),
        ("overlooked", &[Evaluative, Negative]),
        ("insecure", &[Evaluative, Negative]),
        ("insecurity", &[Evaluative, Negative]),
        ("precarious", &[Evaluative, Negative]),
        ("centralised", &[Evaluative, Negative]),
        ("underfunded", &[Evaluative, Negative]),
        ("underperform", &[Evaluative, Negative]),
        ("unequal", &[Evaluative, Negative]),
        ("far from", &[Evaluative, Negative]),
        ("sceptics", &[Evaluative, Negative]),
        ("sceptical", &[Evaluative, Negative]),
        ("questioned", &[Evaluative, Negative]),
        ("dismissed", &[Evaluative, Negative, Report]),
        ("serious", &[Evaluative]),
        ("severe", &[Evaluative, Negative]),
        ("deeply", &[Evaluative]),
        ("uncertain", &[Evaluative, Hedge]),
        ("commendable", &[Evaluative, Positive]),
        ("reasonable", &[Evaluative, Positive]),
        ("impressive", &[Evaluative, Positive]),
        ("remarkable", &[Evaluative, Positive]),
        ("fairer", &[Evaluative, Positive]),
        ("accountable", &[Evaluative, Positive]),
        ("innovative", &[Evaluative, Positive]),
        ("applaud", &[Evaluative, Positive]),
        ("commend", &[Evaluative, Positive]),
        ("welcomed", &[Evaluative, Positive]),
        ("achievement", &[Evaluative, Positive]),
        ("tangible", &[Evaluative, Positive]),
        ("unprecedented", &[Evaluative]),
        ("huge", &[Evaluative]),
        ("major", &[Evaluative]),
        ("substantial", &[Evaluative]),
        ("considerable", &[Evaluative]),
        ("dramatic", &[Evaluative]),
        ("imperative", &[Evaluative, Deontic]),
        ("is key", &[Evaluative, Positive]),
        ("are key", &[Evaluative, Positive]),
        // Degree: superlatives and excess ("one of the most", "too many").
        ("one of the most", &[Evaluative]),
        ("the most", &[Evaluative]),
        ("the biggest", &[Evaluative]),
        ("the largest", &[Evaluative]),
        ("the worst", &[Evaluative, Negative]),
        ("more than any", &[Evaluative]),
        ("too many", &[Evaluative, Negative]),
        ("too much", &[Evaluative, Negative]),
        ("too few", &[Evaluative, Negative]),
        ("too long", &[Evaluative, Negative]),
        ("even further", &[Evaluative]),
        ("just the start", &[Evaluative]),
        ("only the start", &[Evaluative]),
        ("so-called", &[Evaluative, Negative]),
        ("no stranger", &[Evaluative, Negative]),
        ("can deny", &[Evaluative]),
        ("described as", &[Evaluative, Report]),
        ("called it", &[Evaluative, Report]),
        // Argument: consequences, reasons, the writer's own view.
        ("will lead to", &[Predictive, Argument]),
        ("lead to", &[Argument]),
        ("leads to", &[Argument]),
        ("led to", &[Argument]),
        ("will mean", &[Predictive, Argument]),
        ("will limit", &[Predictive, Argument, Negative]),
        ("will make", &[Predictive, Argument]),
        ("will see", &[Predictive, Argument]),
        ("result in", &[Argument]),
        ("implications", &[Argument]),
        ("therefore", &[Argument]),
        ("because", &[Argument]),
        ("as a result", &[Argument]),
        ("in short", &[Argument]),
        ("i think", &[Argument]),
        ("we think", &[Argument]),
        ("i believe", &[Argument]),
        ("we believe", &[Argument]),
        ("in my view", &[Argument]),
        ("for me", &[Argument]),
        ("i would", &[Argument, Hedge]),
        ("hopefully", &[Argument, Hedge]),
        ("we can", &[Argument]),
        ("the evidence shows", &[Argument]),
        ("rather than", &[Contrast]),
        ("however", &[Contrast]),
        ("but", &[Contrast]),
        ("yet", &[Contrast]),
        ("although", &[Contrast]),
        ("though", &[Contrast]),
        ("despite", &[Contrast]),
        ("nevertheless", &[Contrast]),
        ("nonetheless", &[Contrast]),
        ("will", &[Predictive]),
        ("would", &[Predictive, Hedge]),
        ("likely", &[Predictive, Hedge]),
        ("unlikely", &[Predictive, Hedge, Negative]),
        ("is expected to", &[Predictive]),
        ("are expected to", &[Predictive]),
        ("are anticipated", &[Predictive]),
        ("set to", &[Predictive]),
        ("going to", &[Predictive]),
        ("could", &[Predictive, Hedge]),
        ("may", &[Predictive, Hedge]),
        ("might", &[Predictive, Hedge]),
        ("perhaps", &[Hedge]),
        ("possibly", &[Hedge]),
        ("probably", &[Hedge]),
        ("seems", &[Hedge]),
        ("seem", &[Hedge]),
        ("appears", &[Hedge]),
        ("suggests", &[Hedge, Report]),
        ("arguably", &[Hedge]),
        ("potentially", &[Hedge]),
        ("potential", &[Hedge, Positive]),
        ("to some extent", &[Hedge]),
        ("argues", &[Report]),
        ("argued", &[Report]),
        ("said", &[Report]),
        ("says", &[Report]),
        ("stressed", &[Report]),
        ("suggested", &[Report]),
        ("warned", &[Report, Negative]),
        ("claimed", &[Report]),
        ("insisted", &[Report]),
        ("believes", &[Report]),
        ("promised", &[Report, Positive]),
        ("has promised", &[Report, Positive]),
        ("have promised", &[Report, Positive]),
        ("pledged", &[Report, Positive]),
        ("committed to", &[Report, Positive]),
        ("commitment to", &[Report, Positive]),
        ("set out", &[Report]),
        ("plans to", &[Report, Positive]),
        ("announced", &[Report]),
        ("intends", &[Report]),
        ("vowed", &[Report]),
        ("hinted", &[Report]),
        ("according to", &[Report]),
        ("aims to", &[Report, Positive]),
        ("wants to", &[Report, Positive]),
        ("proposed", &[Report]),
        ("not", &[Negator]),
        ("no", &[Negator]),
        ("never", &[Negator]),
        ("little", &[Negator, Negative]),
        ("nor", &[Negator, Negative]),
        ("without", &[Negator]),
        ("we use", &[Method]),
        ("we look", &[Method]),
        ("we find", &[Method]),
        ("this series", &[Method]),
        ("in this blog", &[Method]),
        ("below, we", &[Method]),
        ("areas that we", &[Method]),
    ]
};

/// The inflected forms of a one-word cue of four letters or more: "prioritise" ->
/// "prioritises", "prioritised", "prioritising"; "risk" -> "risks", "risked",
/// "risking". Forms that are not words never occur, so no harm is done by them.
fn inflections(w: &str) -> Vec<String> {
    if w.len() < 4
        || !w.bytes().all(|b| b.is_ascii_lowercase())
        || w.ends_with("ed")
        || w.ends_with("ing")
        || w.ends_with("ly")
    {
        return vec![];
    }
    let mut out = Vec::new();
    if let Some(stem) = w.strip_suffix('e') {
        out.push(format!("{w}s"));
        out.push(format!("{w}d"));
        out.push(format!("{stem}ing"));
    } else if w.ends_with('s') {
        out.push(format!("{w}es"));
    } else if let Some(stem) = w
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{w}ing"));
    } else {
        out.push(format!("{w}s"));
        out.push(format!("{w}ed"));
        out.push(format!("{w}ing"));
    }
    out
}

/// Every cue phrase with its signals: the phrases of [`CUES`], then the inflected
/// forms of its one-word cues that the list does not hold itself.
fn cue_table() -> &'static [(String, &'static [Cue])] {
    static T: OnceLock<Vec<(String, &'static [Cue])>> = OnceLock::new();
    T.get_or_init(|| {
        let listed: BTreeSet<&str> = CUES.iter().map(|c| c.0).collect();
        let mut t: Vec<(String, &'static [Cue])> =
            CUES.iter().map(|&(p, k)| (p.to_string(), k)).collect();
        let mut added = BTreeSet::new();
        for &(p, k) in CUES {
            for f in inflections(p) {
                if !listed.contains(f.as_str()) && added.insert(f.clone()) {
                    t.push((f, k));
                }
            }
        }
        t
    })
}

fn automaton() -> &'static AhoCorasick {
    static A: OnceLock<AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(cue_table().iter().map(|c| c.0.as_str()))
            .expect("cue patterns are plain strings")
    })
}

/// The cue phrases, in the order of the cue automaton.
pub fn cue_phrases() -> impl Iterator<Item = &'static str> {
    cue_table().iter().map(|c| c.0.as_str())
}

/// The cues of sentence `si` from the combined scan: what [`cues`] gives.
pub fn cues_scanned(scan: &Scan, si: usize, norm: &str) -> Vec<(usize, usize, &'static [Cue])> {
    let mut out = Vec::new();
    cues_scanned_into(scan, si, norm, &mut out);
    out
}

/// [`cues_scanned`] into `out` (cleared first).
fn cues_scanned_into(
    scan: &Scan,
    si: usize,
    norm: &str,
    out: &mut Vec<(usize, usize, &'static [Cue])>,
) {
    out.clear();
    out.extend(
        scan.leftmost_longest(si, Set::Cue)
            .map(|o| (o.start as usize, o.end as usize, o.idx as usize))
            .filter(|&(s, e, _)| levelmap_model::mentions::is_boundary(norm, s, e))
            .map(|(s, e, i)| (s, e, cue_table()[i].1)),
    );
}

/// The cues found in a sentence, with their byte ranges, on word boundaries.
pub fn cues(norm: &str) -> Vec<(usize, usize, &'static [Cue])> {
    let mut out = Vec::new();
    for m in automaton().find_iter(norm) {
        let ok_before = !norm[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let ok_after = !norm[m.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if ok_before && ok_after {
            out.push((m.start(), m.end(), cue_table()[m.pattern().as_usize()].1));
        }
    }
    out
}

/// How a sentence reads: scores per cue and the claim decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Is it a claim at all, and how sure.
    pub score: f64,
    /// Kind of claim.
    pub kind: ClaimKind,
    /// Hedged.
    pub hedged: bool,
    /// Stance toward what it is about.
    pub stance: Stance,
    /// Byte offset of a reporting verb, if any.
    pub report_at: Option<usize>,
}

/// Read one sentence (normalised text): claim score, kind, hedging and stance.
pub fn read_sentence(norm: &str, mentions_policy: bool, reported: bool) -> Reading {
    read_cues(norm, &cues(norm), mentions_policy, reported)
}

/// [`read_sentence`] with the sentence's cues already found.
pub fn read_cues(
    norm: &str,
    found: &[(usize, usize, &'static [Cue])],
    mentions_policy: bool,
    reported: bool,
) -> Reading {
    let mut n = [0.0f64; Cue::Method as usize + 1];
    let (mut pos, mut neg) = (0.0, 0.0);
    let mut negate_until = 0usize;
    let mut report_at = None;
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
                _ => {}
            }
        }
    }
    let get = |k: Cue| n[k as usize];
    let words = memchr::memchr_iter(b' ', norm.as_bytes()).count() + 1;
    let mut score = 2.0 * get(Cue::Deontic).min(2.0)
        + 1.2 * get(Cue::Evaluative).min(3.0)
        + 0.6 * get(Cue::Contrast).min(1.0)
        + 0.5 * get(Cue::Predictive).min(2.0)
        + 0.3 * get(Cue::Hedge).min(2.0)
        + 0.8 * get(Cue::Argument).min(2.0);
    if mentions_policy {
        score += 0.8;
    }
    if reported {
        score += 1.2;
    }
    if get(Cue::Method) > 0.0 {
        score -= 1.5;
    }
    if words < 8 {
        score -= 1.0;
    }
    if norm.trim_end().ends_with('?') {
        score -= 1.0;
    }
    let kind = if get(Cue::Deontic) > 0.0 {
        ClaimKind::Recommendation
    } else if get(Cue::Evaluative) > 0.0 {
        ClaimKind::Evaluation
    } else if get(Cue::Predictive) > 0.0 && !reported {
        ClaimKind::Prediction
    } else {
        ClaimKind::Description
    };
    let hedged = get(Cue::Hedge) > 0.0;
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
    }
}

/// The threshold on a sentence's score for it to be a claim (confidence 0.5).
pub const CLAIM_THRESHOLD: f64 = 2.4;

fn confidence(score: f64) -> f64 {
    let c = 1.0 / (1.0 + (-(score - CLAIM_THRESHOLD)).exp());
    (c * 100.0).round() / 100.0
}

/// Who is reported: an actor named within a few words before the reporting verb, or
/// after "according to".
fn speaker(
    norm: &str,
    report_at: usize,
    found: &Found,
    si: usize,
    lex: &Lexicon,
) -> Option<String> {
    let is_actor = |id: &str| {
        levelmap_model::kind_of_id(id) == Some(NodeKind::Actor)
            && lex.kind_of(id).is_none_or(|k| k == NodeKind::Actor)
    };
    // (Lowercasing could only turn non-ASCII into 'k' or "i\u{307}", which cannot make
    // "according to": an ASCII comparison of the bytes is the same test.)
    if norm.as_bytes()[report_at..]
        .get(..12)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"according to"))
    {
        return found
            .in_sentence(si)
            .find(|m| m.start > report_at && m.start < report_at + 40 && is_actor(&m.id))
            .map(|m| m.id.clone());
    }
    found
        .in_sentence(si)
        .filter(|m| m.end <= report_at && is_actor(&m.id))
        .filter(|m| {
            let gap = &norm[m.end..report_at];
            let gap = gap.trim_start_matches("'s").trim();
            let near = gap.split_whitespace().count() <= 3
                && !gap.contains([',', ';', '.', '-', '(', ')'])
                && !gap.split_whitespace().any(|w| w == "and" || w == "MP");
            // An appositive between commas: "Adam Lent, director of NLGN, said".
            let appositive = gap.len() > 2
                && gap.starts_with(',')
                && gap.ends_with(',')
                && !gap[1..gap.len() - 1].contains([',', ';', '.', '(', ')', '"', '\u{201c}'])
                && gap.split_whitespace().count() <= 12;
            near || appositive
        })
        .last()
        .map(|m| m.id.clone())
}

/// Strip discourse markers and cut a sentence into a short label.
pub fn label(norm: &str) -> String {
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
pub fn find(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    found: &Found,
    authors: &BTreeSet<String>,
    prefix: &str,
    min_confidence: f64,
    scan: &Scan,
) -> Vec<DraftClaim> {
    let mut out: Vec<DraftClaim> = Vec::new();
    let mut cue_list = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        let block = &layout.blocks[s.block];
        if block.kind == BlockKind::Heading || s.words < 6 {
            continue;
        }
        if scan.any(si, Set::Boilerplate) {
            continue;
        }
        let is_policy = |m: &&Mention| levelmap_model::kind_of_id(&m.id) == Some(NodeKind::Policy);
        let mentions_policy = found.in_sentence(si).any(|m| is_policy(&m));
        cues_scanned_into(scan, si, &s.norm, &mut cue_list);
        let pre = read_cues(&s.norm, &cue_list, mentions_policy, false);
        // Only a sentence with a reporting verb can have a reported speaker: read it again as reported.
        let sp = pre
            .report_at
            .and_then(|at| speaker(&s.norm, at, found, si, lex))
            .filter(|id| !authors.contains(id));
        if sp.is_none() && confidence(pre.score + 1.2) < min_confidence {
            continue;
        }
        let r = if sp.is_some() {
            read_cues(&s.norm, &cue_list, mentions_policy, true)
        } else {
            pre
        };
        let conf = confidence(r.score);
        if conf < min_confidence {
            continue;
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
                    let stance = policy_stance(&r, &cue_list, found, si, &p);
                    (p, stance)
                })
                .collect(),
            echoes: vec![],
            confidence: conf,
        });
    }
    out
}

/// A claim's id before de-duplication: `claim:<prefix>-<slug of the label's first
/// four content words>`.
fn claim_base(prefix: &str, label: &str) -> String {
    // Built as bytes: the prefix, then ASCII words (checked one by one), so the whole
    // is UTF-8 and is checked once at the end.
    let mut out: Vec<u8> = Vec::with_capacity(prefix.len() + 48);
    out.extend_from_slice(b"claim:");
    out.extend_from_slice(prefix.as_bytes());
    out.push(b'-');
    let mut ascii = true;
    let mut n = 0;
    let mut buf = String::new();
    // The slug of ASCII words joined by spaces: each word without its apostrophes,
    // hyphens between.
    super::words::try_for_each_content_word(label, &mut buf, |w| {
        if !w.is_ascii() {
            ascii = false;
            return false;
        }
        if n > 0 {
            out.push(b'-');
        }
        if w.contains(&b'\'') {
            out.extend(w.iter().filter(|&&c| c != b'\''));
        } else {
            out.extend_from_slice(w);
        }
        n += 1;
        n < 4
    });
    let mut out = if ascii {
        String::from_utf8(out).unwrap_or_default()
    } else {
        let words: Vec<String> = super::words::first_content_words(label, 4);
        format!("claim:{prefix}-{}", slug(&words.join(" ")))
    };
    let keep = out.trim_end_matches('-').len();
    out.truncate(keep);
    out
}

/// The stance toward one policy: in a recommendation, a policy named after the
/// "should"/"need" is what is recommended; otherwise the sentence's stance.
fn policy_stance(
    r: &Reading,
    cue_list: &[(usize, usize, &'static [Cue])],
    found: &Found,
    si: usize,
    policy: &str,
) -> Stance {
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
    r.stance
}

/// The claim id prefix for an article: its author (or outlet) and year, "hickson-2024".
pub fn claim_prefix(stem: &str, date: &PartialDate) -> String {
    // "2024-07-hickson-labour-levelling-up" -> "hickson-2024".
    let parts: Vec<&str> = stem.split('-').collect();
    let who = parts
        .iter()
        .find(|p| !p.chars().all(|c| c.is_ascii_digit()))
        .copied()
        .unwrap_or("x");
    format!("{who}-{}", date.year_num())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendations_evaluations_predictions_and_descriptions() {
        let r = read_sentence("Local Skills Advisory Panels will therefore need to work closely with local employers.", false, false);
        assert_eq!(r.kind, ClaimKind::Recommendation);
        assert!(r.score >= CLAIM_THRESHOLD);
        let r = read_sentence(
            "However, levelling up as a policy goal remains elusive.",
            true,
            false,
        );
        assert_eq!((r.kind, r.stance), (ClaimKind::Evaluation, Stance::Against));
        let r = read_sentence(
            "These technologies will be disruptive and spur fundamental changes in production.",
            false,
            false,
        );
        assert_eq!(r.kind, ClaimKind::Prediction);
        let r = read_sentence(
            "We find 14 characteristics across the 862 towns we look at.",
            false,
            false,
        );
        assert!(r.score < CLAIM_THRESHOLD, "{r:?}");
    }

    #[test]
    fn general_evaluative_and_argument_cues_make_claims() {
        for t in [
            "England is one of the most centralised countries in the developed world.",
            "The fund is a sham and a dubious use of public money.",
            "Streamlined governance through unitary councils will lead to better accountability and savings.",
        ] {
            let r = read_sentence(t, false, false);
            assert!(confidence(r.score) >= DEFAULT_MIN_CONFIDENCE, "{t}: {r:?}");
        }
        let r = read_sentence(
            "The report was published on Tuesday by the department in London.",
            false,
            false,
        );
        assert!(confidence(r.score) < DEFAULT_MIN_CONFIDENCE, "{r:?}");
    }

    #[test]
    fn stance_and_hedging() {
        let r = read_sentence("The 'Made Smarter' programme is a welcome start in this direction, but policy needs to go much further.", true, false);
        assert_eq!(r.stance, Stance::Mixed);
        assert!(!r.hedged);
        let r = read_sentence("The securonomics agenda could offer the basis for a new approach to regional inequality.", true, false);
        assert_eq!(r.stance, Stance::For);
        assert!(r.hedged);
        let r = read_sentence(
            "The plan is not effective and never successful in towns.",
            true,
            false,
        );
        assert_eq!(r.stance, Stance::Against);
    }

    /// The word-by-word definition of the label's length cut.
    fn cut_reference(s: &str) -> String {
        let mut out = String::new();
        for w in s.split(' ') {
            if out.len() + w.len() > 110 {
                out.push_str("...");
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    #[test]
    fn label_cut_matches_the_word_by_word_definition() {
        let long = "word ".repeat(30);
        let cases = [
            long.trim(),
            "a",
            "",
            "x".repeat(120).as_str(),
            &format!("{} tail", "y".repeat(108)),
            "a  b",
            "and the ~ end",
            &format!("{}  z", "q".repeat(109)),
        ]
        .map(str::to_string);
        for c in cases {
            let want = cut_reference(c.trim_end_matches(['.', ';', ':', ' ']));
            let got = label(&c);
            assert_eq!(got.to_lowercase(), want.to_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn claim_ids_are_the_slug_of_the_first_content_words() {
        for l in [
            "Levelling up remains a vague slogan",
            "O'Brien's plans for the North's towns",
            "The the of",
            "Café naïve plans",
            "",
            "Local Enterprise Partnerships' (LEPs) role in growth",
        ] {
            let words = crate::words::first_content_words(l, 4);
            let want = format!("claim:x-2024-{}", slug(&words.join(" ")));
            assert_eq!(claim_base("x-2024", l), want.trim_end_matches('-'), "{l:?}");
        }
    }

    #[test]
    fn labels_drop_openers_and_stay_short() {
        assert_eq!(
            label("However, levelling up as a policy goal remains elusive."),
            "Levelling up as a policy goal remains elusive"
        );
        assert!(label(&"word ".repeat(60)).ends_with("..."));
    }
}
