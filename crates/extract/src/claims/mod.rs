//! Claims: argumentative sentences (recommendations, evaluations, predictions) told
//! apart from plain description by weighted cue phrases, and reported commitments of
//! named actors; each with its speaker, the policies it is about, its stance toward
//! them and whether it is hedged.

mod cues;
mod model;
mod polarity;
#[cfg(test)]
mod tests;
mod verbs;

use std::collections::BTreeSet;

use crate::found::Found;
use crate::items::{DraftClaim, Mention};
use crate::lexicon::Lexicon;
use crate::scan::{Scan, Set};
use crate::sentences::{quote, BlockKind, Layout};
use crate::slug::slug;
use levelmap_model::date::PartialDate;
use levelmap_model::{ClaimKind, NodeKind, Stance};

use cues::cues_scanned_into;
pub(crate) use cues::{cue_phrases, Cue};
#[cfg(test)]
pub(crate) use cues::{cues, cues_scanned};

/// Claims below this confidence (the claim model's probability) are not drafted: the
/// operating point, chosen on the development gold set (see [`model`]).
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.6;

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
    // A conditional clause ("If Mr Farage wants to be prime minister, he will have
    // to ...") reports no one: the main clause after it is the author's.
    if in_conditional_clause(norm, report_at) {
        return None;
    }
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
    if let Some(id) = speaker_after_verb(norm, report_at, found, si, lex, &is_actor) {
        return Some(id);
    }
    found
        .in_sentence(si)
        .filter(|m| m.end <= report_at && is_actor(&m.id))
        .filter(|m| {
            let gap = &norm[m.end..report_at];
            let gap = gap.trim_start_matches("'s").trim();
            // A photo note in the gap says nothing of who speaks: "George Robertson
            // (pictured), said".
            let pictured = PHOTO_NOTES.iter().find_map(|n| gap.strip_prefix(n));
            let gap = pictured.map_or(gap, str::trim_start);
            // Auxiliaries and adverbs before the verb are no part of the gap: "Its
            // mayor, Richard Parker, has pleaded", "X, director of Y, has also said".
            let gap = without_trailing_auxiliaries(gap);
            // A name that closes an appositive of its own ("One of them, George
            // Robertson, said"), or a photo note's: not "... at Royal Holloway, said".
            let closed = gap == ","
                && (pictured.is_some() || norm[..m.start].trim_end().ends_with(','))
                && is_person(&m.id, found, lex);
            let near = gap.split_whitespace().count() <= 3
                && !gap.contains([',', ';', '.', '-', '(', ')'])
                && !gap.split_whitespace().any(|w| w == "and" || w == "MP");
            // An appositive between commas: "Adam Lent, director of NLGN, said".
            // A short quoted phrase may sit inside: "Stuart Mann, an independent
            // councillor and self-described “pain in the arse”, argues". A person's
            // relative clause may be longer: "D'Urso, who lives in Plaidstow but has
            // family in Bow and drives to Roman Road for work, said".
            let appositive = gap.len() > 2
                && gap.starts_with(',')
                && gap.ends_with(',')
                && !without_short_quotations(&gap[1..gap.len() - 1])
                    .contains([',', ';', '.', '(', ')', '"', '\u{201c}', '\u{201d}'])
                && (gap.split_whitespace().count() <= 12
                    || (gap.starts_with(", who ")
                        && gap.split_whitespace().count() <= 24
                        && is_person(&m.id, found, lex)));
            // A person's role in apposition with no comma to close it: "Tony Brown,
            // Chair of Suffolk Libraries Board added".
            let open_appositive = gap.len() > 2
                && gap.starts_with(',')
                && !gap[1..].contains([',', ';', '.', '(', ')', '"', '\u{201c}', ':'])
                && gap.split_whitespace().count() <= 8
                && is_person(&m.id, found, lex);
            // A person's relative clause with no commas: "Chris Rawlins who lives on
            // Aberavon Road said".
            let relative = gap.starts_with("who ")
                && !gap.contains([',', ';', '.', '(', ')', '"', '\u{201c}', ':'])
                && gap.split_whitespace().count() <= 9
                && is_person(&m.id, found, lex);
            near || appositive || open_appositive || closed || relative
        })
        .last()
        .map(|m| m.id.clone())
}

/// Who holds the view a sentence gives with a verb such as "thinks" or "disagreed"
/// at `at` ([`Cue::Speaks`]): the speaker [`speaker`] finds, only when that actor is
/// the sentence's subject (named at its start, after at most "The" or a title) and
/// the sentence asks nothing. "Sir Malcolm Fenwick thinks devolution has failed" is
/// his; "the economic catastrophe the SNP predicts" and "The party thinks it can
/// win, but is that so?" are the author's.
fn holder_of_view(
    norm: &str,
    at: usize,
    found: &Found,
    si: usize,
    lex: &Lexicon,
) -> Option<String> {
    // A question, or the verb in the passive ("has been accused of"): no one's view.
    let passive = norm[..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| matches!(w, "been" | "was" | "were" | "is" | "are" | "be" | "being"));
    if passive || norm.trim_end().ends_with('?') {
        return None;
    }
    let id = speaker(norm, at, found, si, lex)?;
    // Only capitalised words before the subject, at most four: "The", "Sir", a role
    // ("Green MP Ellie Chowns", "Shadow Housing Secretary Jane Smith").
    let opens = |start: usize| {
        let lead: Vec<&str> = norm[..start].split_whitespace().collect();
        lead.len() <= 4
            && lead
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    };
    found
        .in_sentence(si)
        .any(|m| m.id == id && m.start < at && opens(m.start))
        .then_some(id)
}

/// `gap` without the auxiliaries and adverbs that may stand before a reporting verb
/// at its end: ", has" → ",", ", director of Y, has also" → ", director of Y,".
fn without_trailing_auxiliaries(gap: &str) -> &str {
    const AUX: [&str; 9] = [
        "has",
        "have",
        "had",
        "also",
        "previously",
        "recently",
        "repeatedly",
        "since",
        "then",
    ];
    let mut g = gap;
    while let Some((rest, last)) = g.rsplit_once(' ') {
        if !AUX.contains(&last) {
            break;
        }
        g = rest.trim_end();
    }
    if AUX.contains(&g) {
        return "";
    }
    g
}

/// `s` with each quotation of at most six words in double marks taken out, marks and
/// all ("a self-described “pain in the arse”" → "a self-described "): an appositive
/// may quote a phrase.
fn without_short_quotations(s: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut rest = s;
    let mut changed = false;
    while let Some(open) = rest.find(['\u{201c}', '"']) {
        let mark = rest[open..].chars().next().unwrap_or('"');
        let close_mark = if mark == '"' { '"' } else { '\u{201d}' };
        let inner_start = open + mark.len_utf8();
        let Some(len) = rest[inner_start..].find(close_mark) else {
            break;
        };
        if rest[inner_start..inner_start + len]
            .split_whitespace()
            .count()
            > 6
        {
            break;
        }
        out.push_str(&rest[..open]);
        rest = &rest[inner_start + len + close_mark.len_utf8()..];
        changed = true;
    }
    if !changed {
        return std::borrow::Cow::Borrowed(s);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Bracketed notes on a photo that papers set after a name.
const PHOTO_NOTES: [&str; 5] = ["(pictured)", "(above)", "(left)", "(right)", "(inset)"];

/// Whether `id` is a person: a lexicon entry or a candidate of kind "person".
fn is_person(id: &str, found: &Found, lex: &Lexicon) -> bool {
    match lex.entities.get(id) {
        Some(e) => e.kind == "person",
        None => found
            .candidates
            .iter()
            .any(|c| c.id == id && c.kind == "person"),
    }
}

/// The speaker named right after a reporting verb that follows a quotation or a
/// comma: "'... done correctly,' said Miah.", "..., says Mr ap Iorwerth". (After
/// anything else the name is what is reported: "he said Labour had failed".)
fn speaker_after_verb(
    norm: &str,
    report_at: usize,
    found: &Found,
    si: usize,
    lex: &Lexicon,
    is_actor: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let before = norm[..report_at].trim_end();
    if !before.ends_with([',', '\u{2019}', '\u{201d}', '"', '\'']) {
        return None;
    }
    let verb_end = norm[report_at..]
        .find(|c: char| !c.is_alphabetic())
        .map_or(norm.len(), |k| report_at + k);
    // The names right after the verb, before any punctuation: "says Labour MP Jane
    // Smith" names the party and the person; the person speaks.
    let after: Vec<&Mention> = found
        .in_sentence(si)
        .filter(|m| {
            m.start >= verb_end
                && {
                    let gap = &norm[verb_end..m.start];
                    gap.split_whitespace().count() <= 3
                        && !gap.contains([',', ';', ':', '.', '(', '"', '\u{201c}', '\u{2018}'])
                }
                && is_actor(&m.id)
        })
        .collect();
    let person = |m: &&&Mention| lex.entities.get(&m.id).is_none_or(|e| e.kind == "person");
    after
        .iter()
        .find(person)
        .or(after
            .first()
            .filter(|m| norm[verb_end..m.start].trim().is_empty()))
        .map(|m| m.id.clone())
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

/// Whether a sentence holds a quotation mark (straight or curly, single or double).
fn has_quote_mark(norm: &str) -> bool {
    norm.contains(['"', '\'', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'])
}

/// Whether a sentence opens a quotation: "'The scheme will open the door ...".
fn opens_with_quote_mark(norm: &str) -> bool {
    norm.trim_start()
        .starts_with(['"', '\'', '\u{2018}', '\u{201c}'])
}

/// Whether byte `at` lies in a conditional or concessive clause opening the sentence
/// ("If ...,", "Unless ...,", "While the UK government has promised ...,",
/// "Although ...,"), before the comma that ends it: the main clause after it is what
/// the sentence says.
fn in_conditional_clause(norm: &str, at: usize) -> bool {
    let opens = [
        "If ",
        "Unless ",
        "Even if ",
        "Only if ",
        "While ",
        "Whilst ",
        "Although ",
        "Though ",
        "Even though ",
        "Whereas ",
    ]
    .iter()
    .any(|o| norm.starts_with(o));
    opens && norm.get(..at).is_some_and(|before| !before.contains(',')) && norm[at..].contains(',')
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

/// Whose quotation the text is in, read sentence by sentence: the speaker of the
/// last sentence with a reporting verb and a quotation mark, where that was, and
/// whether a quotation is still open at the end of the sentence read last.
#[derive(Default)]
struct Quoting {
    /// The speaker, the sentence they were last given to, and its block.
    who: Option<(String, usize, usize)>,
    /// Which quotations opened in the speaker's block are not closed yet.
    open: Open,
    /// The last speaker a reporting verb named, and where.
    named: Option<(String, usize)>,
    /// The last sentence with a reporting verb, whoever it named.
    reported: Option<usize>,
}

impl Quoting {
    /// The speaker of sentence `si`: the one its reporting verb names (`said`, with the
    /// verb's byte), else
    /// the speaker whose quotation it is in: one still open in the same block
    /// ("Mr Javid said: \"The Midlands Engine already boasts ... We want to harness
    /// ..."), or one going on in a sentence that opens with a quotation mark, up to two
    /// sentences after the speaker's last ("'The system has been undermined ...'").
    fn speaker_of(
        &mut self,
        si: usize,
        block: usize,
        norm: &str,
        said: Option<(String, usize)>,
    ) -> Option<String> {
        let sp = match said {
            Some((id, at)) => {
                self.named = Some((id.clone(), si));
                // Only a quotation opened after the reporting verb is the speaker's
                // ("X said: \"..."), not one the sentence goes on from.
                self.open = still_open(Open::default(), norm.get(at..).unwrap_or(""));
                self.who = has_quote_mark(norm).then(|| (id.clone(), si, block));
                return Some(id);
            }
            None => self.who.as_ref().and_then(|(id, at, b)| {
                let inside = self.open.any() && *b == block;
                (inside || (si <= at + 2 && opens_with_quote_mark(norm))).then(|| id.clone())
            }),
        };
        match (&sp, self.who.as_mut()) {
            (Some(_), Some(who)) => {
                let before = if who.2 == block {
                    self.open
                } else {
                    Open::default()
                };
                self.open = still_open(before, norm);
                who.1 = si;
                who.2 = block;
            }
            _ => self.pass(block, norm),
        }
        sp
    }

    /// The speaker of a quotation tagged by a pronoun ("..., ” she adds", "...,’ he
    /// said"): the last one a reporting verb named, up to four sentences before.
    fn named_before(&mut self, si: usize) -> Option<String> {
        let (id, at) = self.named.as_mut().filter(|(_, at)| si <= *at + 4)?;
        *at = si;
        Some(id.clone())
    }

    /// The person a reporting verb named last, up to two sentences before `si`, when
    /// no reporting verb since named another or no one: whom "he" or "she" opening a
    /// sentence stands for.
    fn person_named_before(&self, si: usize, is_person: impl Fn(&str) -> bool) -> Option<String> {
        let (id, at) = self.named.as_ref().filter(|(_, at)| si <= *at + 2)?;
        let latest = self.reported.is_none_or(|r| r <= *at);
        (*at < si && latest && is_person(id)).then(|| id.clone())
    }

    /// Read a sentence that is given no speaker: a quotation open in another block
    /// ends there; one open in this block goes on or closes.
    fn pass(&mut self, block: usize, norm: &str) {
        let same = self.who.as_ref().is_some_and(|w| w.2 == block);
        self.open = if same {
            still_open(self.open, norm)
        } else {
            Open::default()
        };
    }
}

/// Whether the reporting verb at byte `at` has a pronoun for its subject right after
/// a quotation closes: "..., ” she adds", "...,’ he said", "...,\" they say".
fn pronoun_tag(norm: &str, at: usize) -> bool {
    let Some(before) = norm.get(..at).map(str::trim_end) else {
        return false;
    };
    ["he", "she", "they"].iter().any(|p| {
        before
            .strip_suffix(p)
            .filter(|rest| rest.ends_with(' '))
            .is_some_and(|rest| {
                rest.trim_end()
                    .ends_with(['\u{2019}', '\u{201d}', '"', '\'', ','])
            })
    })
}

/// The one person named in the nearest of the two sentences before `si` that names
/// a person ("Tam Dalyell asked the West Lothian question. He prophesied ..."): none
/// when it names two.
fn one_person_just_before(found: &Found, lex: &Lexicon, si: usize) -> Option<String> {
    (si.saturating_sub(2)..si).rev().find_map(|k| {
        let mut people = found
            .in_sentence(k)
            .filter(|m| is_person(&m.id, found, lex));
        let first = people.next()?;
        Some(people.all(|m| m.id == first.id).then(|| first.id.clone()))
    })?
}

/// Whether the reporting verb at byte `at` has "he" or "she" for its subject, opening
/// the sentence: "He said: '...'", "She also added that ...", "But he warned ...",
/// "He has previously argued ..." (at most three adverbs or auxiliaries between).
fn pronoun_subject(norm: &str, at: usize) -> bool {
    const BETWEEN: [&str; 18] = [
        "also",
        "then",
        "later",
        "previously",
        "further",
        "has",
        "had",
        "once",
        "recently",
        "subsequently",
        "earlier",
        "repeatedly",
        "often",
        "too",
        "again",
        "since",
        "himself",
        "herself",
    ];
    let Some(before) = norm.get(..at) else {
        return false;
    };
    let mut words = before.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| matches!(*w, "But" | "And" | "Yet" | "However," | "Now"))
    {
        words.next();
    }
    let subject = words.next().map(|w| w.to_ascii_lowercase());
    let rest: Vec<&str> = words.collect();
    matches!(subject.as_deref(), Some("he" | "she"))
        && rest.len() <= 3
        && rest.iter().all(|w| BETWEEN.contains(w))
}

/// Whether a quotation closes before the reporting verb at byte `at` and someone
/// other than a pronoun is named between ("“Europe remains our biggest trading
/// partner,” says Ms Reeves"): the sentence is that person's, even when they are not
/// known, and not the previous speaker's ("..., ” she adds" is theirs).
fn attributed_to_another(norm: &str, at: usize) -> bool {
    let Some(before) = norm.get(..at) else {
        return false;
    };
    let Some(close) = ["\u{201d}", ",\u{2019}", ",'", ",\"", "?\u{2019}", "?\""]
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| i + m.len()))
        .max()
    else {
        return false;
    };
    let between = before[close..].trim();
    let after = norm[at..].split(' ').nth(1).unwrap_or("");
    let pronoun = |w: &str| matches!(w, "he" | "she" | "they" | "He" | "She" | "They");
    !(pronoun(between) || (between.is_empty() && pronoun(after.trim_end_matches(['.', ',']))))
}

/// Which quotations are open: one in double marks, one in single marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Open {
    double: bool,
    single: bool,
}

impl Open {
    fn any(self) -> bool {
        self.double || self.single
    }
}

/// Which quotations are open after `norm`, given those open before it. Double marks:
/// an opening mark opens, a closing mark closes, a straight mark toggles. Single
/// marks, as papers quote ('We all agree ... the South'.): one at a word's start
/// opens, one at a word's end closes, one between letters is an apostrophe ("don't",
/// "Government’s") and does neither.
fn still_open(mut open: Open, norm: &str) -> Open {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut prev = None;
    let mut chars = norm.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '\u{201c}' => open.double = true,
            '\u{201d}' => open.double = false,
            '"' => open.double = !open.double,
            '\u{2018}' | '\u{2019}' | '\'' if word(prev) && word(next) => {}
            '\u{2018}' | '\u{2019}' | '\'' if !word(prev) && word(next) => {
                open.single = c != '\u{2019}' || open.single;
            }
            '\u{2018}' | '\u{2019}' | '\'' if !word(next) && prev.is_some() => {
                open.single = false;
            }
            _ => {}
        }
        prev = Some(c);
    }
    open
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
    // Whose quotation the text is in, if anyone's: a quotation that goes on in the
    // next sentences without a new reporting verb is theirs.
    let mut quoting = Quoting::default();
    for (si, s) in layout.sentences.iter().enumerate() {
        let block = &layout.blocks[s.block];
        // The title is read as a claim too ("Scotland's devolution disaster"); other
        // headings name sections.
        let title = Some(s.block) == title_block && s.words >= 3;
        if !title && (block.kind == BlockKind::Heading || s.words < 6) {
            quoting.pass(s.block, &s.norm);
            continue;
        }
        if scan.any(si, Set::Boilerplate) || introduces_a_list(&s.norm) {
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
        let said = pre
            .report_at
            .and_then(|at| speaker(&s.norm, at, found, si, lex))
            .or_else(|| holder_of_view(&s.norm, pre.speaks_at?, found, si, lex))
            .filter(|id| !authors.contains(id));
        let said = said.zip(pre.report_at.or(pre.speaks_at)).or_else(|| {
            // "He said: '...'", "She also added that ...": a pronoun opening the
            // sentence is the person a reporting verb named last.
            let at = pre.report_at.or(pre.speaks_at)?;
            if !pronoun_subject(&s.norm, at) {
                return None;
            }
            let id = quoting
                .person_named_before(si, |id| is_person(id, found, lex))
                .or_else(|| {
                    // only when no one else was reported in between
                    let quiet = quoting.reported.is_none_or(|r| r + 2 < si);
                    quiet.then(|| one_person_just_before(found, lex, si))?
                })?;
            Some((id, at))
        });
        let sp = if said.is_none()
            && pre
                .report_at
                .is_some_and(|at| attributed_to_another(&s.norm, at))
        {
            quoting.pass(s.block, &s.norm);
            None
        } else if said.is_none() && pre.report_at.is_some_and(|at| pronoun_tag(&s.norm, at)) {
            quoting.named_before(si)
        } else {
            quoting.speaker_of(si, s.block, &s.norm, said)
        };
        if pre.report_at.is_some() {
            quoting.reported = Some(si);
        }
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
                    let stance = policy_stance(&r, &cue_list, found, si, &p, &s.norm);
                    (p, stance)
                })
                .collect(),
            echoes: vec![],
            confidence: conf,
        });
    }
    carry_speakers_back(layout, &mut out);
    out
}

/// A quotation tagged at its end ("'Governing by algorithm simply doesn't work. We
/// are in the midst of a housing crisis ...,' he said."): the speaker found for the
/// sentence that closes it is the speaker of the quotation's earlier sentences in the
/// same block, from the one that opens it with a quotation mark, that have none.
fn carry_speakers_back(layout: &Layout, out: &mut [DraftClaim]) {
    for i in 0..out.len() {
        let Some(who) = out[i].speaker.clone() else {
            continue;
        };
        let last = out[i].sentence;
        let Some(opened) = quotation_closed_by(layout, last) else {
            continue;
        };
        for c in out[..i].iter_mut().rev() {
            if c.sentence < opened {
                break;
            }
            if c.speaker.is_none() {
                c.speaker = Some(who.clone());
            }
        }
    }
}

/// The sentence that opens, with a quotation mark, the quotation that sentence `last`
/// closes, in the same block and at most three sentences before: none when `last`
/// closes none, opens its own or lies in another block.
fn quotation_closed_by(layout: &Layout, last: usize) -> Option<usize> {
    let s = layout.sentences.get(last)?;
    if opens_with_quote_mark(&s.norm) {
        return None;
    }
    (last.saturating_sub(3)..last).rev().find(|&k| {
        let block = layout.sentences[k].block;
        let run = &layout.sentences[k..last];
        block == s.block
            && run.iter().all(|r| r.block == block)
            && opens_with_quote_mark(&run[0].norm)
            && run
                .iter()
                .try_fold(Open::default(), |o, r| {
                    let o = still_open(o, &r.norm);
                    o.any().then_some(o)
                })
                .is_some_and(|o| !still_open(o, &s.norm).any())
    })
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
    crate::words::try_for_each_content_word(label, &mut buf, |w| {
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
        let words: Vec<String> = crate::words::first_content_words(label, 4);
        format!("claim:{prefix}-{}", slug(&words.join(" ")))
    };
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
    norm: &str,
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
    r.stance
}

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
