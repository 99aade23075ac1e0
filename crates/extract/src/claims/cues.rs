//! Claim cues: the weighted phrases that tell argument from description (what each
//! signals: recommendation, evaluation, prediction, hedging, stance, reporting), most
//! of this file being that table; their inflected forms; and finding them in a
//! sentence, from the combined scan or by a standalone automaton.

use std::collections::BTreeSet;
use std::sync::OnceLock;

#[cfg(test)]
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::scan::{Scan, Set};

/// What a cue phrase signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cue {
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
    /// Names who holds a view without weighing in the claim model ("thinks",
    /// "disagreed", "urged"): like [`Cue::Report`], it lets a speaker be found before
    /// or after it, but the model's weights, fitted before these verbs were listed,
    /// do not read it.
    Speaks,
    /// Describes method or the text itself ("we use", "this series").
    Method,
}

const CUES: &[(&str, &[Cue])] = {
    use Cue::*;
    &[
        ("should", &[Deontic]),
        ("must", &[Deontic]),
        ("need to", &[Deontic]),
        ("there needed to be", &[Deontic]),
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
        ("calls for", &[Deontic, Speaks]),
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
        ("criticised", &[Evaluative, Negative, Speaks]),
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
        ("justified", &[Evaluative]),
        ("unjustified", &[Evaluative, Negative]),
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
        ("welcomed", &[Evaluative, Positive, Speaks]),
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
        // Whose view a sentence gives: "The only solution in his view is building",
        // "In her opinion, the solution is ...".
        ("in my opinion", &[Argument]),
        ("in our view", &[Argument]),
        ("in our opinion", &[Argument]),
        ("in his view", &[Argument]),
        ("in his opinion", &[Argument]),
        ("in her view", &[Argument]),
        ("in her opinion", &[Argument]),
        ("in their view", &[Argument]),
        ("in their opinion", &[Argument]),
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
        // What a plan would build or hold is its description, no forecast: "It would
        // consist of one 32-floor tower", "four towers would be built" (guide 5.1:
        // what a document contains is no claim).
        ("would consist of", &[]),
        ("would comprise", &[]),
        ("would contain", &[]),
        ("would include", &[]),
        ("would be built", &[]),
        ("would be located", &[]),
        ("would be situated", &[]),
        ("would be accompanied by", &[]),
        ("would be made up of", &[]),
        ("would be accessible to", &[]),
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
        ("adds", &[Report]),
        ("added", &[Report]),
        ("notes", &[Report]),
        ("noted", &[Report]),
        ("writes", &[Report]),
        ("wrote", &[Report]),
        ("warns", &[Report, Negative]),
        ("insists", &[Report]),
        ("tweeted", &[Report]),
        ("crowed", &[Report]),
        ("groans", &[Report, Negative]),
        ("bemoans", &[Report, Negative]),
        ("bemoaned", &[Report, Negative]),
        ("reckons", &[Report]),
        ("thinks", &[Speaks]),
        ("expects", &[Speaks]),
        ("disagreed", &[Speaks]),
        ("disagrees", &[Speaks]),
        ("agreed", &[Speaks]),
        ("agrees", &[Speaks]),
        ("criticises", &[Speaks]),
        ("welcomes", &[Evaluative, Positive, Speaks]),
        ("predicts", &[Speaks]),
        ("predicted", &[Speaks]),
        ("told", &[Speaks]),
        // Verbs that report speech without weighing it: "He continued: '...'",
        // "..., recalls Amanda Hopgood", "Government sources denied that ...".
        ("continued", &[Speaks]),
        ("recalls", &[Speaks]),
        ("recalled", &[Speaks]),
        ("admitted", &[Speaks]),
        ("admits", &[Speaks]),
        ("acknowledged", &[Speaks]),
        ("acknowledges", &[Speaks]),
        ("pointed out", &[Speaks]),
        // "As the Hackney Citizen put it in 2015: ...".
        ("put it", &[Speaks]),
        ("puts it", &[Speaks]),
        // A view given by what someone wants or rejects: "Andy Street, the mayor of the
        // West Midlands, wants the money handed to mayors", "Robert Jenrick rejects the
        // charge".
        ("wants", &[Speaks]),
        ("rejects", &[Speaks]),
        ("rejected", &[Speaks]),
        ("disputes", &[Speaks]),
        ("disputed", &[Speaks]),
        ("points out", &[Speaks]),
        ("denied", &[Speaks]),
        ("denies", &[Speaks]),
        ("prophesied", &[Speaks]),
        ("cautioned", &[Speaks]),
        ("declared", &[Speaks]),
        ("observed", &[Speaks]),
        ("concluded", &[Speaks]),
        ("found that", &[Speaks]),
        ("finds that", &[Speaks]),
        ("concludes", &[Speaks]),
        ("explained", &[Speaks]),
        ("explains", &[Speaks]),
        ("urged", &[Speaks]),
        ("urges", &[Speaks]),
        ("accused", &[Speaks]),
        ("accuses", &[Speaks]),
        ("complained", &[Speaks]),
        ("complains", &[Speaks]),
        ("maintains", &[Speaks]),
        ("maintained", &[Speaks]),
        ("countered", &[Speaks]),
        ("replied", &[Speaks]),
        ("responded", &[Speaks]),
        ("asserts", &[Speaks]),
        ("asserted", &[Speaks]),
        ("called for", &[Speaks]),
        ("called on", &[Speaks]),
        ("calls on", &[Speaks]),
        ("calling on", &[Speaks]),
        ("pressed", &[Speaks]),
        ("presses", &[Speaks]),
        ("urging", &[Speaks]),
        ("implored", &[Speaks]),
        ("puts it", &[Report]),
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

#[cfg(test)]
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
pub(crate) fn cue_phrases() -> impl Iterator<Item = &'static str> {
    cue_table().iter().map(|c| c.0.as_str())
}

/// The cues of sentence `si` from the combined scan: what [`cues`] gives.
#[cfg(test)]
pub(crate) fn cues_scanned(
    scan: &Scan,
    si: usize,
    norm: &str,
) -> Vec<(usize, usize, &'static [Cue])> {
    let mut out = Vec::new();
    cues_scanned_into(scan, si, norm, &mut out);
    out
}

/// [`cues_scanned`] into `out` (cleared first).
pub(super) fn cues_scanned_into(
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

/// The cues found in a sentence, with their byte ranges, on word boundaries (by a
/// standalone automaton: what the combined scan replaced).
#[cfg(test)]
pub(crate) fn cues(norm: &str) -> Vec<(usize, usize, &'static [Cue])> {
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
