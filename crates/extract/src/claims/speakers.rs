//! Who speaks a sentence: the actor a reporting verb names (before it, after it in a
//! tag, after "according to"), the holder of a view, the person a pronoun opening a
//! sentence stands for, the author of a document that reports, and whose quotation
//! runs on across sentences.

use std::collections::BTreeSet;

use super::documents;
use crate::found::Found;
use crate::items::{DraftClaim, Mention};
use crate::lexicon::Lexicon;
use crate::sentences::{BlockKind, Layout, Sentence};
use levelmap_model::NodeKind;

/// The speakers of an article's sentences, read in order: the state that carries
/// from one sentence to the next (whose quotation is open, who was named last, the
/// document brought in last).
pub(super) struct Speakers<'a> {
    found: &'a Found,
    lex: &'a Lexicon,
    /// The article's authors: the default speaker, never a reported one.
    authors: &'a BTreeSet<String>,
    quoting: Quoting,
    /// The author of the document the article last brought in, and where.
    document: Option<(String, usize)>,
}

impl<'a> Speakers<'a> {
    pub(super) fn new(found: &'a Found, lex: &'a Lexicon, authors: &'a BTreeSet<String>) -> Self {
        Speakers {
            found,
            lex,
            authors,
            quoting: Quoting::default(),
            document: None,
        }
    }

    /// Read sentence `si` for a document it brings in ("a report by the LGA").
    pub(super) fn introduce(&mut self, si: usize, norm: &str) {
        let is_actor = |id: &str| levelmap_model::kind_of_id(id) == Some(NodeKind::Actor);
        let mentions = self.found.in_sentence(si);
        if let Some(id) = documents::introduced_author(norm, mentions, is_actor) {
            self.document = Some((id, si));
        }
    }

    /// Read a sentence that is no claim's and speaks for no one (a heading).
    pub(super) fn pass(&mut self, block: usize, norm: &str) {
        self.quoting.pass(block, norm);
    }

    /// The speaker of sentence `si`, with its reporting verb at `report_at` or its
    /// verb of a view at `speaks_at`. Read before the confidence test, so that a
    /// quotation opened by a sentence that is no claim ("X said: \"The region already
    /// boasts ...") still gives its speaker to the claims inside it.
    pub(super) fn of_sentence(
        &mut self,
        si: usize,
        s: &Sentence,
        report_at: Option<usize>,
        speaks_at: Option<usize>,
    ) -> Option<String> {
        let norm = s.norm.as_str();
        let said = self
            .named(si, norm, report_at, speaks_at)
            .filter(|&(_, at)| !self.quoting.quoted_at(si, s.block, norm, at));
        let sp = if said.is_none() && report_at.is_some_and(|at| introduces_quotation(norm, at)) {
            // "Cllr Ann Other said:" with no speaker found: the quotation it opens is
            // not the last speaker's.
            self.quoting.who = None;
            self.quoting.pass(s.block, norm);
            None
        } else if said.is_none() && report_at.is_some_and(|at| attributed_to_another(norm, at)) {
            self.quoting.pass(s.block, norm);
            None
        } else if said.is_none()
            && (report_at.is_some_and(|at| pronoun_tag(norm, at))
                || speaks_at.is_some_and(|at| pronoun_tag_after_quotation(norm, at)))
        {
            // "..., \" he says", "...,\" he told the committee": the last one a
            // reporting verb named, else the one
            // person the sentences just before name ("Tim Schoen, the chief executive of
            // BioMed Realty, ... \"The markets are complementary,\" he says").
            // The one person the sentence just before names comes first ("I spoke to
            // Forbes last week. \u{201c}We've cut ...,\u{201d} he told me.").
            let who = si
                .checked_sub(1)
                .and_then(|k| people_in(self.found, self.lex, k).flatten())
                .or_else(|| self.quoting.named_before(si))
                .or_else(|| one_person_just_before(self.found, self.lex, si));
            if let Some(id) = &who {
                self.quoting.named = Some((id.clone(), si));
            }
            who
        } else {
            self.quoting.speaker_of(si, s.block, norm, said)
        };
        if report_at.is_some() {
            self.quoting.reported = Some(si);
        }
        sp
    }

    /// The speaker the sentence itself gives, with the verb's byte: named by the
    /// verb, holding the view, a pronoun for the person named just before, or a
    /// document for its author.
    fn named(
        &self,
        si: usize,
        norm: &str,
        report_at: Option<usize>,
        speaks_at: Option<usize>,
    ) -> Option<(String, usize)> {
        let (found, lex) = (self.found, self.lex);
        let verb = report_at.or(speaks_at)?;
        // "A government source said", "..., a Whitehall spokesman said": the UK
        // Government (the annotation guide, 5.5: anonymous speakers).
        if government_source(norm, verb)
            && lex.entities.contains_key(UK_GOVERNMENT)
            && !self.authors.contains(UK_GOVERNMENT)
        {
            return Some((UK_GOVERNMENT.to_string(), verb));
        }
        let said = report_at
            .and_then(|at| speaker(norm, at, found, si, lex))
            .or_else(|| holder_of_view(norm, speaks_at?, found, si, lex))
            .filter(|id| !self.authors.contains(id));
        if let Some(id) = said {
            return Some((id, verb));
        }
        // "He said: '...'", "She also added that ...": a pronoun opening the
        // sentence is the person a reporting verb named last, or else the one person
        // just named when no one else was reported in between.
        if pronoun_subject(norm, verb) {
            let quiet = self.quoting.reported.is_none_or(|r| r + 2 < si);
            let id = self
                .quoting
                .person_named_before(si, |id| is_person(id, found, lex))
                .or_else(|| quiet.then(|| one_person_just_before(found, lex, si))?);
            if let Some(id) = id {
                return Some((id, verb));
            }
        }
        // "It added that ...", "The think tank said ...", "The council believes ...":
        // the body of that kind named last, up to three sentences before.
        if let Some(id) = definite_subject(norm, verb)
            .and_then(|kind| body_named_before(found, lex, si, kind, &self.quoting))
            .filter(|id| !self.authors.contains(id))
        {
            return Some((id, verb));
        }
        // "The review noted ...": the author of the document brought in last, up to
        // twenty sentences before.
        let (id, _) = self.document.as_ref().filter(|(_, from)| si <= from + 20)?;
        (documents::document_subject(norm, verb) && !self.authors.contains(id))
            .then(|| (id.clone(), verb))
    }
}

/// Who is reported: an actor named within a few words before the reporting verb, or
/// after "according to".
pub(super) fn speaker(
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
    let said: Vec<&Mention> = found
        .in_sentence(si)
        .filter(|m| m.end <= report_at && is_actor(&m.id))
        .filter(|m| {
            let gap = &norm[m.end..report_at];
            let gap = gap.trim_start_matches("'s").trim();
            // A name's acronym in brackets after it says nothing of who speaks: "The
            // County Councils Network (CCN) said"; nor the bracket closing after the
            // acronym itself, where the scan found it as a name of its own.
            let gap = without_bracketed_acronym(gap);
            let gap = if gap == ")" && norm[..m.start].ends_with('(') {
                ""
            } else {
                gap
            };
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
            // A role, then a relative clause, each between commas: "Andy Haldane, the
            // Bank of England's chief economist, who chairs the Industrial Strategy
            // Council, has argued".
            let role_then_who = gap.len() > 2
                && gap.starts_with(',')
                && gap.ends_with(',')
                && {
                    let inner = &gap[1..gap.len() - 1];
                    let parts: Vec<&str> = inner.split(',').collect();
                    parts.len() == 2
                        && parts[1].trim_start().starts_with("who ")
                        && !inner.contains([';', '.', '(', ')', '"', '\u{201c}', ':'])
                }
                && gap.split_whitespace().count() <= 24
                && is_person(&m.id, found, lex);
            near || appositive || open_appositive || closed || relative || role_then_who
        })
        .collect();
    // A person whose role in apposition names a body ("Cllr Julia Neden-Watts, Chair
    // of the Sport Committee for Richmond Council said:") speaks, not the body.
    let last = *said.last()?;
    if is_person(&last.id, found, lex) {
        return Some(last.id.clone());
    }
    found
        .in_sentence(si)
        .find(|p| {
            p.end <= last.start
                && is_person(&p.id, found, lex)
                && (role_of(&norm[p.end..last.start]) || {
                    // "Helen Dickinson of the British Retail Consortium (BRC) says":
                    // the person of the body named first after the person's name.
                    let body = found
                        .in_sentence(si)
                        .filter(|b| b.start >= p.end)
                        .map(|b| b.start)
                        .min()
                        .unwrap_or(last.start);
                    person_of(&norm[p.end..body])
                })
        })
        .unwrap_or(last)
        .id
        .clone()
        .into()
}

/// Whether `gap`, between a person's name and a body's, is the person's role in
/// apposition naming the body: ", Chair of the Environment, Sustainability, Culture and
/// Sport Committee for", ", chief executive of", ", leader of": a comma, a role (the
/// [`ROLE_HEADS`](crate::words::ROLE_HEADS), in any case, after "the" or an adjective
/// or two), and no other clause.
fn role_of(gap: &str) -> bool {
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return false;
    };
    if rest.contains(['.', ';', '(', ')', '"', '\u{201c}', ':'])
        || rest.split_whitespace().count() > 16
    {
        return false;
    }
    rest.split_whitespace()
        .take(4)
        .take_while(|w| !matches!(*w, "of" | "for" | "at"))
        .any(|w| {
            let w = w.trim_end_matches(',');
            crate::words::ROLE_HEADS
                .iter()
                .any(|r| r.eq_ignore_ascii_case(w))
        })
}

/// Who holds the view a sentence gives with a verb such as "thinks" or "disagreed"
/// at `at` ([`Cue::Speaks`]): the speaker [`speaker`] finds, only when that actor is
/// the sentence's subject (named at its start, after at most "The" or a title) and
/// the sentence asks nothing. "Sir Malcolm Fenwick thinks devolution has failed" is
/// his; "the economic catastrophe the SNP predicts" and "The party thinks it can
/// win, but is that so?" are the author's.
pub(super) fn holder_of_view(
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
    // Only capitalised words or a role before the subject, at most four: "The",
    // "Sir", a role ("Green MP Ellie Chowns", "Shadow Housing Secretary Jane Smith",
    // "Greater Manchester mayor Andy Burnham").
    let opens = |start: usize| {
        let lead: Vec<&str> = norm[..start].split_whitespace().collect();
        lead.len() <= 4
            && lead.iter().all(|w| {
                // "As the Institute for Government has pointed out, ...".
                w.starts_with(|c: char| c.is_uppercase())
                    || *w == "the"
                    || crate::words::ROLE_HEADS
                        .iter()
                        .any(|r| r.eq_ignore_ascii_case(w))
            })
    };
    found
        .in_sentence(si)
        .any(|m| m.id == id && m.start < at && opens(m.start))
        .then_some(id)
}

/// Whether `gap`, between a person's name and a body's, makes the person one of the
/// body: "Jane Smith of the Centre for Cities", "Tom Jones at Ofgem".
fn person_of(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "of" | "of the" | "at" | "at the" | "from" | "from the"
    )
}

/// `gap` without an acronym in brackets opening it: "(CCN) has" → "has".
fn without_bracketed_acronym(gap: &str) -> &str {
    let Some(rest) = gap.strip_prefix('(') else {
        return gap;
    };
    match rest.split_once(')') {
        Some((inner, after))
            if (2..=8).contains(&inner.len())
                && inner
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
        {
            after.trim_start()
        }
        _ => gap,
    }
}

/// `gap` without the auxiliaries and adverbs that may stand before a reporting verb
/// at its end: ", has" → ",", ", director of Y, has also" → ", director of Y,".
pub(super) fn without_trailing_auxiliaries(gap: &str) -> &str {
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
pub(super) fn without_short_quotations(s: &str) -> std::borrow::Cow<'_, str> {
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

/// The government of the day, which anonymous government sources speak for.
const UK_GOVERNMENT: &str = "actor:uk-government";

/// Whether the reporting verb at byte `at` has an anonymous source of the government
/// for its subject, opening the sentence or tagging a quotation: "A government source
/// told the Telegraph", "Senior Whitehall sources said", "..., a government spokesman
/// said". Sources of a named department ("A Treasury spokesman") are that body's,
/// found as any named speaker is.
pub(super) fn government_source(norm: &str, at: usize) -> bool {
    const SOURCES: [&str; 12] = [
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "insider",
        "insiders",
        "official",
        "officials",
        "figure",
        "figures",
        "aide",
    ];
    let Some(before) = norm.get(..at) else {
        return false;
    };
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(k) = words
        .iter()
        .rposition(|w| SOURCES.contains(&w.trim_end_matches(',')))
    else {
        return false;
    };
    // at most an auxiliary between the source and the verb ("sources have said")
    if words.len() - k > 2 || (words.len() - k == 2 && !matches!(words[k + 1], "have" | "has")) {
        return false;
    }
    if k == 0
        || !matches!(
            words[k - 1],
            "government" | "Government" | "Whitehall" | "ministerial"
        )
    {
        return false;
    }
    // before the body: at most a determiner and an adjective, opening the sentence
    // (after "But" or "However,") or after a closing quotation
    let lead = &words[..k - 1];
    let lead = match lead
        .iter()
        .rposition(|w| w.ends_with(['\u{2019}', '\u{201d}', '"', '\'', ',']))
    {
        Some(p) => &lead[p + 1..],
        None => lead,
    };
    lead.len() <= 2
        && lead.iter().all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "a" | "one" | "another" | "the" | "senior" | "other" | "but" | "well-placed"
            )
        })
}

/// Bracketed notes on a photo that papers set after a name.
pub(super) const PHOTO_NOTES: [&str; 5] = ["(pictured)", "(above)", "(left)", "(right)", "(inset)"];

/// Whether `id` is a person: a lexicon entry or a candidate of kind "person".
pub(super) fn is_person(id: &str, found: &Found, lex: &Lexicon) -> bool {
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
pub(super) fn speaker_after_verb(
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

/// Whether a sentence holds a quotation mark (straight or curly, single or double).
pub(super) fn has_quote_mark(norm: &str) -> bool {
    norm.contains(['"', '\'', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'])
}

/// Whether the sentence ends in a colon after its reporting verb at byte `at`, with
/// no quotation mark: the quotation it introduces opens in the next paragraph ("Cllr
/// Julia Neden-Watts, Chair of the Committee, said:").
pub(super) fn introduces_quotation(norm: &str, at: usize) -> bool {
    // "said:", "said in a statement:", not a colon ending a longer clause.
    norm.trim_end().ends_with(':')
        && norm
            .get(at..)
            .is_some_and(|rest| rest.split_whitespace().count() <= 4)
}

/// Whether a sentence opens a quotation: "'The scheme will open the door ...".
pub(super) fn opens_with_quote_mark(norm: &str) -> bool {
    norm.trim_start()
        .starts_with(['"', '\'', '\u{2018}', '\u{201c}'])
}

/// The reporting verb that names a quotation's speaker: the first one outside the
/// quotation the sentence opens with, when the first reporting word (`first`) lies
/// inside it ("We were promised a fair share," said Louise Gittins: "promised" is the
/// speaker's own word, "said" names her). `reports` are the byte offsets of the
/// sentence's reporting cues in text order; with none outside, `first` stays.
pub(super) fn report_tagging_quotation(
    norm: &str,
    first: Option<usize>,
    mut reports: impl Iterator<Item = usize>,
) -> Option<usize> {
    let first = first?;
    let inside = |at: usize| still_open(Open::default(), norm.get(..at).unwrap_or("")).any();
    if !opens_with_quote_mark(norm) || !inside(first) {
        return Some(first);
    }
    Some(reports.find(|&at| !inside(at)).unwrap_or(first))
}

/// Whether byte `at` lies in a conditional or concessive clause opening the sentence
/// ("If ...,", "Unless ...,", "While the UK government has promised ...,",
/// "Although ...,"), before the comma that ends it: the main clause after it is what
/// the sentence says.
pub(super) fn in_conditional_clause(norm: &str, at: usize) -> bool {
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

/// Whose quotation the text is in, read sentence by sentence: the speaker of the
/// last sentence with a reporting verb and a quotation mark, where that was, and
/// whether a quotation is still open at the end of the sentence read last.
#[derive(Default)]
pub(super) struct Quoting {
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
    pub(super) fn speaker_of(
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
                self.who = (has_quote_mark(norm) || introduces_quotation(norm, at))
                    .then(|| (id.clone(), si, block));
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

    /// Whether byte `at` of sentence `si` lies inside the quotation of the speaker
    /// whose quotation the sentence goes on with (as [`Quoting::speaker_of`] would
    /// give it): a reporting word there is the quoted speaker's ("\"... contrary to the
    /// Government's commitment to giving more power to councils ..."), not the tag
    /// of another speaker.
    fn quoted_at(&self, si: usize, block: usize, norm: &str, at: usize) -> bool {
        let Some((_, last, b)) = self.who.as_ref() else {
            return false;
        };
        let open_before = if *b == block {
            self.open
        } else {
            Open::default()
        };
        let goes_on =
            (open_before.any() && *b == block) || (si <= last + 2 && opens_with_quote_mark(norm));
        goes_on && still_open(open_before, norm.get(..at).unwrap_or("")).any()
    }

    /// The speaker of a quotation tagged by a pronoun ("..., ” she adds", "...,’ he
    /// said"): the last one a reporting verb named, up to four sentences before.
    pub(super) fn named_before(&mut self, si: usize) -> Option<String> {
        let (id, at) = self.named.as_mut().filter(|(_, at)| si <= *at + 4)?;
        *at = si;
        Some(id.clone())
    }

    /// The person a reporting verb named last, up to two sentences before `si`, when
    /// no reporting verb since named another or no one: whom "he" or "she" opening a
    /// sentence stands for.
    pub(super) fn person_named_before(
        &self,
        si: usize,
        is_person: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let (id, at) = self.named.as_ref().filter(|(_, at)| si <= *at + 2)?;
        let latest = self.reported.is_none_or(|r| r <= *at);
        (*at < si && latest && is_person(id)).then(|| id.clone())
    }

    /// Read a sentence that is given no speaker: a quotation open in another block
    /// ends there; one open in this block goes on or closes.
    pub(super) fn pass(&mut self, block: usize, norm: &str) {
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
pub(super) fn pronoun_tag(norm: &str, at: usize) -> bool {
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

/// [`pronoun_tag`] for a verb that need not report speech ("told", "predicted"): only
/// right after a closing quotation mark ("...,\u{201d} he told me"), not after a comma
/// inside the writer's own sentence ("which, he predicted, would ...").
fn pronoun_tag_after_quotation(norm: &str, at: usize) -> bool {
    pronoun_tag(norm, at)
        && norm[..at]
            .trim_end()
            .rsplit_once(' ')
            .is_some_and(|(rest, _)| {
                rest.trim_end()
                    .ends_with(['\u{2019}', '\u{201d}', '"', '\''])
            })
}

/// The person sentence `k` names: `None` when it names no one, `Some(None)` when it
/// names two or more.
fn people_in(found: &Found, lex: &Lexicon, k: usize) -> Option<Option<String>> {
    let mut people = found
        .in_sentence(k)
        .filter(|m| is_person(&m.id, found, lex));
    let first = people.next()?;
    Some(people.all(|m| m.id == first.id).then(|| first.id.clone()))
}

/// The one person named in the nearest of the two sentences before `si` that names
/// a person ("Tam Dalyell asked the West Lothian question. He prophesied ..."): none
/// when it names two.
pub(super) fn one_person_just_before(found: &Found, lex: &Lexicon, si: usize) -> Option<String> {
    (si.saturating_sub(2)..si)
        .rev()
        .find_map(|k| people_in(found, lex, k))?
}

/// The kind of body a sentence's subject refers back to, when the reporting verb at
/// byte `at` has "It" or "The" and a body's noun for its subject, opening the sentence
/// ("It added that ...", "The think tank said ...", "The Council believes ...", at most
/// three adverbs or auxiliaries between, as for [`pronoun_subject`]).
pub(super) fn definite_subject(norm: &str, at: usize) -> Option<BodyNoun> {
    let before = norm.get(..at)?;
    let mut words =
        after_connective(before.trim_start_matches(['"', '\'', '\u{2018}', '\u{201c}']));
    let first = words.next()?;
    let noun = if first == "It" {
        BodyNoun::It
    } else if first.eq_ignore_ascii_case("the") {
        let w = words.next()?.to_ascii_lowercase();
        let w = if w == "think" && words.peek().is_some_and(|n| n.eq_ignore_ascii_case("tank")) {
            words.next();
            "think-tank".to_string()
        } else {
            w
        };
        BodyNoun::of(&w)?
    } else {
        return None;
    };
    adverbs_only(words, &["have", "long", "itself", "now"]).then_some(noun)
}

/// Adverbs and auxiliaries that may stand between a subject opening the sentence and
/// its reporting verb ("He has previously argued", "It also added").
const ADVERBS_BEFORE_VERB: [&str; 15] = [
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
];

/// The words of `before`, past a connective opening the sentence ("But", "And",
/// "Yet", "However,", "Now").
fn after_connective(before: &str) -> std::iter::Peekable<std::str::SplitWhitespace<'_>> {
    let mut words = before.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| matches!(*w, "But" | "And" | "Yet" | "However," | "Now"))
    {
        words.next();
    }
    words
}

/// Whether `rest`, the words between a subject and its verb, are at most three of
/// [`ADVERBS_BEFORE_VERB`] and `more`.
fn adverbs_only<'a>(rest: impl Iterator<Item = &'a str>, more: &[&str]) -> bool {
    let rest: Vec<&str> = rest.collect();
    rest.len() <= 3
        && rest
            .iter()
            .all(|w| ADVERBS_BEFORE_VERB.contains(w) || more.contains(w))
}

/// What a sentence's subject says of the body it refers back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BodyNoun {
    /// "It": the body that spoke last, or the one body just named.
    It,
    /// "The think tank": a body of this kind (the lexicon's actor kinds).
    Kind(&'static str),
    /// "The council", "The committee": a body whose name holds this word.
    Named(&'static str),
}

impl BodyNoun {
    /// The body noun of a lower-case word after "The", if it names one.
    fn of(w: &str) -> Option<BodyNoun> {
        Some(match w {
            "think-tank" | "think-tank's" | "thinktank" => BodyNoun::Kind("think-tank"),
            "party" => BodyNoun::Kind("party"),
            "council" => BodyNoun::Named("Council"),
            "committee" => BodyNoun::Named("Committee"),
            "commission" => BodyNoun::Named("Commission"),
            "charity" => BodyNoun::Kind("organisation"),
            "union" => BodyNoun::Named("Union"),
            "institute" => BodyNoun::Named("Institute"),
            "authority" => BodyNoun::Named("Authority"),
            "department" => BodyNoun::Named("Department"),
            "ministry" => BodyNoun::Named("Ministry"),
            "federation" => BodyNoun::Named("Federation"),
            "association" => BodyNoun::Named("Association"),
            "foundation" => BodyNoun::Named("Foundation"),
            "campaign" => BodyNoun::Named("Campaign"),
            "school" => BodyNoun::Named("School"),
            "college" => BodyNoun::Named("College"),
            "university" => BodyNoun::Named("University"),
            "company" | "firm" => BodyNoun::Kind("organisation"),
            _ => return None,
        })
    }

    /// Whether the body `id` is of this noun's kind.
    fn fits(self, id: &str, found: &Found, lex: &Lexicon) -> bool {
        let (name, kind) = match lex.entities.get(id) {
            Some(e) => (e.name.as_str(), e.kind.as_str()),
            None => match found.candidates.iter().find(|c| c.id == id) {
                Some(c) => (c.name.as_str(), c.kind.as_str()),
                None => return false,
            },
        };
        match self {
            BodyNoun::It => !matches!(kind, "person" | "place"),
            BodyNoun::Kind(k) => kind == k,
            BodyNoun::Named(w) => kind != "person" && name.split(' ').any(|x| x == w),
        }
    }
}

/// The body a definite subject refers back to: for "It", the body a reporting verb
/// named last, up to three sentences before, else the one body named in the nearest
/// sentence before that names any; for "The think tank" and the like, the body of
/// that kind named last, up to three sentences before (the sentence itself first,
/// before the verb: "The Council of Europe's committee" is no back reference).
fn body_named_before(
    found: &Found,
    lex: &Lexicon,
    si: usize,
    noun: BodyNoun,
    quoting: &Quoting,
) -> Option<String> {
    let is_actor = |id: &str| levelmap_model::kind_of_id(id) == Some(NodeKind::Actor);
    if noun == BodyNoun::It {
        if let Some((id, at)) = quoting.named.as_ref() {
            if *at < si && si <= at + 3 && noun.fits(id, found, lex) {
                return Some(id.clone());
            }
        }
        return (si.saturating_sub(2)..si).rev().find_map(|k| {
            let mut bodies = found
                .in_sentence(k)
                .filter(|m| is_actor(&m.id) && noun.fits(&m.id, found, lex));
            let first = bodies.next()?;
            Some(bodies.all(|m| m.id == first.id).then(|| first.id.clone()))
        })?;
    }
    (si.saturating_sub(3)..si).rev().find_map(|k| {
        found
            .in_sentence(k)
            .filter(|m| is_actor(&m.id) && noun.fits(&m.id, found, lex))
            .last()
            .map(|m| m.id.clone())
    })
}

/// Whether the reporting verb at byte `at` has "he" or "she" for its subject, opening
/// the sentence: "He said: '...'", "She also added that ...", "But he warned ...",
/// "He has previously argued ..." (at most three adverbs or auxiliaries between).
pub(super) fn pronoun_subject(norm: &str, at: usize) -> bool {
    let Some(before) = norm.get(..at) else {
        return false;
    };
    let mut words = after_connective(before);
    let subject = words.next().map(|w| w.to_ascii_lowercase());
    matches!(subject.as_deref(), Some("he" | "she"))
        && adverbs_only(words, &["since", "himself", "herself"])
}

/// Whether a quotation closes before the reporting verb at byte `at` and someone
/// other than a pronoun is named between ("“Europe remains our biggest trading
/// partner,” says Ms Reeves"): the sentence is that person's, even when they are not
/// known, and not the previous speaker's ("..., ” she adds" is theirs).
pub(super) fn attributed_to_another(norm: &str, at: usize) -> bool {
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
pub(super) struct Open {
    pub(super) double: bool,
    pub(super) single: bool,
}

impl Open {
    pub(super) fn any(self) -> bool {
        self.double || self.single
    }
}

/// Which quotations are open after `norm`, given those open before it. Double marks:
/// an opening mark opens, a closing mark closes, a straight mark toggles. Single
/// marks, as papers quote ('We all agree ... the South'.): one at a word's start
/// opens, one at a word's end closes, one between letters is an apostrophe ("don't",
/// "Government’s") and does neither.
pub(super) fn still_open(mut open: Open, norm: &str) -> Open {
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

/// A quotation tagged at its end ("'Governing by algorithm simply doesn't work. We
/// are in the midst of a housing crisis ...,' he said."): the speaker found for the
/// sentence that closes it is the speaker of the quotation's earlier sentences in the
/// same block, from the one that opens it with a quotation mark, that have none.
pub(super) fn carry_speakers_back(layout: &Layout, out: &mut [DraftClaim]) {
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
pub(super) fn quotation_closed_by(layout: &Layout, last: usize) -> Option<usize> {
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

/// A quotation signed on the line below it, as a press release signs one ("“The
/// innovation centre will be the heart of the Business Park”." then "Cllr John Lamb,
/// Leader, Southend-on-Sea Borough Council"): the person the signature names is the
/// speaker of the claims, with none, in the paragraphs just above that open with a
/// quotation mark (at most three).
pub(super) fn signed_quotations(
    layout: &Layout,
    found: &Found,
    lex: &Lexicon,
    out: &mut [DraftClaim],
) {
    for &si in &found.signatures {
        let s = &layout.sentences[si];
        let block = s.block;
        let name_end = s.norm.find(", ").unwrap_or(s.norm.len());
        let Some(who) = found
            .in_sentence(si)
            .find(|m| m.start < name_end && is_person(&m.id, found, lex))
            .map(|m| m.id.clone())
        else {
            continue;
        };
        // The quoted paragraphs just above, nearest first: the one that closes the
        // quotation, back to the one that opens it (a quotation may run over
        // paragraphs, each but the last without a closing mark).
        let mut quoted = Vec::new();
        let closes = layout
            .sentences_of(block.saturating_sub(1))
            .last()
            .is_some_and(|(_, last)| {
                let t = last.norm.trim_end().trim_end_matches(['.', ',']);
                // (The normalised text has straight quotation marks.)
                t.ends_with(['"', '\''])
            });
        let mut opened = false;
        for b in (block.saturating_sub(3)..block).rev() {
            if !closes || layout.blocks[b].kind != BlockKind::Paragraph {
                break;
            }
            quoted.push(b);
            opened = layout
                .sentences_of(b)
                .next()
                .is_some_and(|(_, first)| opens_with_quote_mark(&first.norm));
            if opened {
                break;
            }
        }
        if !opened {
            continue;
        }
        for c in out.iter_mut() {
            let in_quoted = layout
                .sentences
                .get(c.sentence)
                .is_some_and(|cs| quoted.contains(&cs.block));
            if in_quoted && c.speaker.is_none() {
                c.speaker = Some(who.clone());
            }
        }
    }
}
