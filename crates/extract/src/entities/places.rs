//! Places are actors only where they act: "Greater Manchester bid for the fund",
//! "Scotland voted to remain", "Wales has demanded more powers". A mention of a
//! place (an actor of kind `place`, from the lexicon or a new candidate) is kept
//! only when a political verb follows it (after other names joined by "and",
//! auxiliaries such as "has", "will", "also", and an aside between commas: "Weymouth,
//! on the south coast, approved"), or when it is named in a list after a group of
//! places that acts ("Towns like Margate are rushing to create councils", "areas ...
//! such as Cornwall ... had voted to leave"); a place candidate left with no mention
//! is not proposed.
//!
//! New place candidates ([`SentenceScan::acting_places`]): capitalised names the
//! lexicon lacks ("Guildford", "St Albans", "Clacton-on-Sea") in such an acting
//! position, alone only before a verb a place does ("approved", "voted", "is
//! seeking", not "said"); a name that is a word of a person's name in the article
//! is that person, not a place.

use super::sentence::{adjacent, SentenceScan};
use super::tokens::{is_allcaps, is_cap, lower, Tok};
use crate::found::Found;
use crate::items::MentionHow;
use crate::lexicon::Lexicon;
use crate::sentences::Layout;
use crate::words::{self, given_names, not_name, person_titles, role_heads};
use levelmap_model::NodeKind;

/// Words that may stand between a place and its verb: auxiliaries and adverbs.
const BETWEEN: &[&str] = &[
    "also",
    "already",
    "and",
    "are",
    "could",
    "did",
    "does",
    "finally",
    "had",
    "has",
    "have",
    "is",
    "jointly",
    "may",
    "might",
    "must",
    "now",
    "recently",
    "should",
    "then",
    "today",
    "was",
    "were",
    "will",
    "would",
    "yesterday",
];

/// Beginnings of the verbs by which a place acts politically.
const ACTING: &[&str] = &[
    "accept", "agree", "announc", "approv", "argu", "ask", "back", "bid", "call", "campaign",
    "chose", "choos", "claim", "complain", "decid", "demand", "elect", "insist", "launch", "lobb",
    "negotiat", "object", "oppos", "pledg", "promis", "propos", "push", "refus", "reject",
    "respond", "rush", "said", "say", "secur", "seek", "sign", "sought", "support", "switch",
    "threaten", "tried", "tries", "trying", "urg", "veto", "vote", "voting", "want", "warn", "won",
];

/// Beginnings of the verbs by which a capitalised word alone is taken for a place
/// that acts: what places do and people rarely say of themselves ("said", "argued"
/// are left out: a surname says).
const PLACE_VERBS: &[&str] = &[
    "approv", "backed", "backing", "backs", "bid", "demand", "elect", "lobb", "oppos", "propos",
    "reject", "rush", "seek", "sought", "switch", "vote", "voting", "want",
];

/// Plural nouns for groups of places, which a list of places may follow ("towns like").
const PLACE_GROUPS: &[&str] = &[
    "areas",
    "boroughs",
    "cities",
    "communities",
    "counties",
    "districts",
    "nations",
    "places",
    "regions",
    "towns",
    "villages",
];

/// Words that open a list of examples: "towns like", "areas such as".
const LIST_INTROS: &[&str] = &[" like ", " such as ", " including "];

/// Whether the place named at `norm[..end]` acts: a political verb follows.
pub(super) fn acts(norm: &str, end: usize) -> bool {
    verb_follows(norm, end, ACTING)
}

/// Whether the place named at `norm[start..end]` acts: a political verb follows
/// it, or it is in a list of examples of a group of places that acts.
pub(super) fn acts_at(norm: &str, start: usize, end: usize) -> bool {
    (acts(norm, end) && !after_preposition(norm, start)) || in_acting_list(norm, start, end)
}

/// Whether the name at `norm[start..]` follows a preposition ("Councils in the north
/// of England say", "Towns across Wales voted"): it names where the subject is, and
/// the verb is the subject's, not the place's.
fn after_preposition(norm: &str, start: usize) -> bool {
    let mut before = norm[..start].split_whitespace().rev();
    let mut w = before.next().unwrap_or("");
    if w.eq_ignore_ascii_case("the") {
        w = before.next().unwrap_or("");
    }
    matches!(
        w,
        "in" | "of"
            | "from"
            | "across"
            | "throughout"
            | "for"
            | "to"
            | "at"
            | "within"
            | "outside"
            | "around"
            | "near"
            | "beyond"
            | "into"
            | "over"
            | "between"
            | "about"
            | "on"
            | "like"
    )
}

/// `rest` without an aside between commas that opens it in lowercase
/// (", on the south coast,"), as short as a phrase.
fn skip_aside(rest: &str) -> &str {
    let Some(r) = rest.strip_prefix(", ") else {
        return rest;
    };
    match r.find(',') {
        Some(i) if i <= 40 && r.starts_with(|c: char| c.is_lowercase()) => &r[i..],
        _ => rest,
    }
}

/// Whether one of `verbs` follows `norm[..end]`, after names, auxiliaries and an aside.
fn verb_follows(norm: &str, end: usize, verbs: &[&str]) -> bool {
    let rest = skip_aside(norm.get(end..).unwrap_or(""));
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return false;
    }
    let words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(6);
    for w in words {
        // Compared without allocating: the verbs and the words between are ASCII.
        let lw = w.trim_matches(|c: char| !c.is_alphanumeric());
        let b = lw.as_bytes();
        let starts =
            |v: &&str| b.len() >= v.len() && b[..v.len()].eq_ignore_ascii_case(v.as_bytes());
        if verbs.iter().any(starts) && !noun_ending_ci(b) {
            return true;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || BETWEEN.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(b))) {
            return false;
        }
    }
    false
}

/// Whether a word that opens like a verb ends like a noun or adjective made from it
/// ("voters", "election", "proposal", "supporters"), in any ASCII case: not the verb.
fn noun_ending_ci(b: &[u8]) -> bool {
    NOUN_ENDINGS
        .iter()
        .any(|e| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes()))
}

/// For each pair of first letters (`a`..`z` twice), a bit for each verb of
/// [`PLACE_VERBS`] that opens with it (bit `k` for the `k`th verb): built from the
/// list, so the index never drifts from it.
const VERBS_BY_PAIR: [[u32; 26]; 26] = {
    assert!(PLACE_VERBS.len() <= 32, "one bit per verb");
    let mut t = [[0u32; 26]; 26];
    let mut k = 0;
    while k < PLACE_VERBS.len() {
        let v = PLACE_VERBS[k].as_bytes();
        t[(v[0] - b'a') as usize][(v[1] - b'a') as usize] |= 1 << k;
        k += 1;
    }
    t
};

/// Whether a word may be one of [`PLACE_VERBS`] (any case, a cheap first test).
fn starts_like_verb(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 3 {
        return false;
    }
    // Only the verbs that open with the word's first two letters: most words have none.
    let (x, y) = (b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase());
    if !(x.is_ascii_lowercase() && y.is_ascii_lowercase()) {
        return false;
    }
    let mut verbs = VERBS_BY_PAIR[(x - b'a') as usize][(y - b'a') as usize];
    while verbs != 0 {
        let v = PLACE_VERBS[verbs.trailing_zeros() as usize].as_bytes();
        if b.len() >= v.len() && b[2..v.len()].eq_ignore_ascii_case(&v[2..]) {
            return true;
        }
        verbs &= verbs - 1;
    }
    false
}

/// Endings of nouns and adjectives made from a verb ("voters", "election").
const NOUN_ENDINGS: &[&str] = &[
    "er", "ers", "ion", "ions", "al", "als", "orate", "or", "ors",
];

/// Whether a capitalised word names people or a quality, not a place: a demonym
/// ("Scots", "Londoners", "Mancunians") or an adjective ("Scottish-born", "Welsh").
fn demonym(w: &str) -> bool {
    matches!(
        w,
        "Scots" | "Brits" | "Welsh" | "Irish" | "English" | "British"
    ) || ["ers", "ians", "ish", "ese", "-born", "ans"]
        .iter()
        .any(|e| w.ends_with(e) && w.len() > e.len() + 3)
}

/// Whether `w` may be a word of a place's name in a list ("St", "Clacton-on-Sea").
fn list_word(w: &str) -> bool {
    matches!(w, "and" | "the") || w.starts_with(|c: char| c.is_uppercase())
}

/// The last list intro in `s` (" like ", " such as ", " including "): its byte
/// offset and text, as the greatest `s.rfind(intro)` over the intros gives it. Every
/// intro opens with a space, so only spaces are tried, from the right, each first by
/// the byte after it; this builds no substring searcher per call (a sentence is tried
/// once per place it names).
fn last_list_intro(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    memchr::memrchr_iter(b' ', b).find_map(|at| {
        // The byte after the space first: most spaces open no intro.
        let next = *b.get(at + 1)?;
        LIST_INTROS
            .iter()
            .find(|i| i.as_bytes()[1] == next && b[at..].starts_with(i.as_bytes()))
            .map(|i| (at, *i))
    })
}

/// Whether `s` holds any of [`LIST_INTROS`] (`last_list_intro(s).is_some()`): one
/// vectorised substring search per intro instead of a look at every space.
fn has_list_intro(s: &str) -> bool {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    FINDERS
        .get_or_init(|| {
            LIST_INTROS
                .iter()
                .map(memchr::memmem::Finder::new)
                .collect()
        })
        .iter()
        .any(|f| f.find(s.as_bytes()).is_some())
}

/// Where the list of examples holding `norm[start..]` opens: the end of "like"
/// (or "such as", "including") when only names, commas, "and" and "the" stand
/// between.
fn list_intro_before(norm: &str, start: usize) -> Option<usize> {
    let before = norm.get(..start)?;
    let (at, intro) = last_list_intro(before)?;
    let between = &before[at + intro.len()..];
    between
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(list_word)
        .then_some(at)
}

/// The end of the list of names that goes on from `end` (", the South Wales
/// Valleys and Northern England").
fn list_end(norm: &str, mut end: usize) -> usize {
    loop {
        let rest = &norm[end..];
        let Some(after) = [", and ", " and ", ", "]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
        else {
            return end;
        };
        let item = after.strip_prefix("the ").unwrap_or(after);
        let item_start = norm.len() - item.len();
        let len = cap_words_len(item);
        if len == 0 {
            return end;
        }
        end = item_start + len;
    }
}

/// The length of the capitalised words, one space apart, that open `s`.
fn cap_words_len(s: &str) -> usize {
    let mut len = 0;
    let mut at = 0;
    for w in s.split(' ') {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        len = at + word.len();
        if word.len() < w.len() {
            break;
        }
        at += w.len() + 1;
    }
    len
}

/// Whether `norm[start..end]` is named in a list of examples of a group of places
/// ("towns like ...") that acts: a political verb follows the list, or the group is
/// trying, seeking or wanting something before it.
fn in_acting_list(norm: &str, start: usize, end: usize) -> bool {
    let Some(at) = list_intro_before(norm, start) else {
        return false;
    };
    let clause = norm[..at]
        .rsplit([';', '.', ':'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(g) = words
        .iter()
        .rev()
        .take(12)
        .position(|w| PLACE_GROUPS.contains(w))
    else {
        return false;
    };
    let after_group = &words[words.len() - g..];
    acts(norm, list_end(norm, end))
        || after_group
            .iter()
            .any(|w| ACTING.iter().any(|v| w.starts_with(v)) && w.ends_with("ing"))
}

impl SentenceScan<'_, '_, '_> {
    /// Capitalised names the lexicon lacks where a place acts: propose them as
    /// places ("Guildford is seeking ...", "Towns like Margate are rushing ...").
    pub(super) fn acting_places(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        let has_list = has_list_intro(norm);
        let last_verb = toks.iter().rposition(|t| starts_like_verb(t.s));
        if !has_list && last_verb.is_none() {
            return;
        }
        let mut i = 0;
        while i < toks.len() {
            let Some(mut n) = place_name_len(norm, toks, i) else {
                i += 1;
                continue;
            };
            if i == 0 && n > 1 && self.opens_sentence_only(toks[0].s) {
                // "Later Burnham backed ...": the common word opening the sentence is no part.
                i += 1;
                n -= 1;
            }
            let (a, b) = (toks[i].start, toks[i + n - 1].end);
            i += n;
            let verb_after = last_verb.is_some_and(|v| v >= i);
            if !(verb_after || has_list) || self.overlaps(a, b) || !self.place_like(toks, i - n, n)
            {
                continue;
            }
            let rest_ok =
                verb_after && verb_follows(norm, b, PLACE_VERBS) && !after_preposition(norm, a);
            if !(rest_ok || (has_list && in_acting_list(norm, a, b))) {
                continue;
            }
            self.add(
                norm[a..b].to_string(),
                NodeKind::Actor,
                "place",
                0.6,
                "a place that acts ('Weymouth approved', 'towns like Margate')".into(),
                a,
                b,
            );
        }
    }

    /// Whether `w`, opening a sentence, is a common word there ("Later", "The").
    fn opens_sentence_only(&mut self, w: &str) -> bool {
        let lw = lower(w, &mut self.out.scratch.lower).into_owned();
        words::sentence_starters().contains(w)
            || words::is_stopword(&lw)
            || self.vocab.contains(&lw)
    }

    /// Whether the `n` words from token `i` may name a place: no acronym, title,
    /// given name, role or common word, no determiner before, no possessive after,
    /// and not a word of the article's vocabulary opening the sentence.
    fn place_like(&mut self, toks: &[Tok], i: usize, n: usize) -> bool {
        let first = toks[i].s;
        if i > 0
            && matches!(
                toks[i - 1].s,
                "the" | "The" | "a" | "A" | "an" | "its" | "their" | "his" | "her" | "this"
            )
        {
            return false;
        }
        if toks[i + n - 1].s.ends_with("'s") || given_names().contains(first) {
            return false;
        }
        let sentence_start = i == 0;
        toks[i..i + n].iter().all(|t| {
            let lw = lower(t.s, &mut self.out.scratch.lower).into_owned();
            !is_allcaps(t.s)
                && !demonym(t.s)
                && !words::is_stopword(&lw)
                && !not_name().contains(t.s)
                && !role_heads().contains(t.s)
                && !PLACE_GROUPS.contains(&lw.as_str())
                && !(sentence_start && self.vocab.contains(&lw))
                && !(sentence_start && words::sentence_starters().contains(t.s))
                && (t.s == "St" || !person_titles().contains(t.s))
        })
    }
}

/// The number of capitalised words (one to three, one space apart) of a name
/// starting at token `i`, if it starts there (no capitalised word just before).
fn place_name_len(norm: &str, toks: &[Tok], i: usize) -> Option<usize> {
    if !is_cap(toks[i].s)
        || (i > 0 && is_cap(toks[i - 1].s) && adjacent(norm, &toks[i - 1], &toks[i]))
    {
        return None;
    }
    let mut n = 1;
    while i + n < toks.len()
        && is_cap(toks[i + n].s)
        && adjacent(norm, &toks[i + n - 1], &toks[i + n])
    {
        n += 1;
    }
    (n <= 3).then_some(n)
}

/// Drop the mentions of places that do not act there, and place candidates left
/// with none.
pub(super) fn keep_acting_places(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    let place_cands: rustc_hash::FxHashSet<&str> = found
        .candidates
        .iter()
        .filter(|c| c.kind == "place")
        .map(|c| c.id.as_str())
        .collect();
    let is_place = |id: &str| {
        if lex.entity_ids.contains(id) {
            lex.place_ids.contains(id)
        } else {
            place_cands.contains(id)
        }
    };
    found.mentions.retain(|m| {
        m.how == MentionHow::Role
            || !is_place(&m.id)
            || layout.sentences.get(m.sentence).is_some_and(|s| {
                acts_at(&s.norm, m.start, m.end) && !inside_longer_name(&s.norm, m.start, m.end)
            })
    });
    let surnames: Vec<String> = if found.candidates.iter().any(|c| c.kind == "place") {
        let people = person_words(lex, found);
        found
            .candidates
            .iter()
            .filter(|c| c.kind == "place" && c.name.split(' ').any(|w| people.contains(w)))
            .map(|c| c.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    found.mentions.retain(|m| !surnames.contains(&m.id));
    let mentioned: rustc_hash::FxHashSet<&str> =
        found.mentions.iter().map(|m| m.id.as_str()).collect();
    found
        .candidates
        .retain(|c| c.kind != "place" || mentioned.contains(c.id.as_str()));
}

/// Whether the place named at `norm[start..end]` is only part of a longer
/// capitalised name, a capitalised word right before or after it: "the South Wales
/// Valleys" is not Wales, nor "Northern England" England.
fn inside_longer_name(norm: &str, start: usize, end: usize) -> bool {
    let cap_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !words::is_stopword(&w.to_lowercase())
    };
    let before = norm[..start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(cap_word);
    let after = norm[end..]
        .strip_prefix(' ')
        .and_then(|a| a.split(' ').next())
        .is_some_and(cap_word);
    before || after
}

/// Every word of the names of the people of the article (candidates, and lexicon
/// people it mentions): "Burnham" after "Andy Burnham" is not a place.
fn person_words<'a>(lex: &'a Lexicon, found: &'a Found) -> rustc_hash::FxHashSet<&'a str> {
    let mut out = rustc_hash::FxHashSet::default();
    let lexicon_people = found
        .mentions
        .iter()
        .filter_map(|m| lex.entities.get(&m.id))
        .filter(|e| e.kind == "person")
        .map(|e| e.name.as_str());
    let candidate_people = found
        .candidates
        .iter()
        .filter(|c| c.kind == "person")
        .map(|c| c.name.as_str());
    for name in lexicon_people.chain(candidate_people) {
        out.extend(name.split(' '));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{acts, starts_like_verb, PLACE_VERBS};

    fn at(s: &str, place: &str) -> bool {
        let i = s.find(place).unwrap_or(0);
        acts(s, i + place.len())
    }

    #[test]
    fn last_list_intro_is_the_last_rfind_of_any_intro() {
        for s in [
            "Towns like Margate, such as Clacton, including Hull and",
            "such as the North including Wigan like",
            " like ",
            "no intro here",
            "",
            "unlike Wigan, such asWigan",
        ] {
            let want = super::LIST_INTROS
                .iter()
                .filter_map(|i| s.rfind(i).map(|at| (at, *i)))
                .max();
            assert_eq!(super::last_list_intro(s), want, "{s:?}");
            assert_eq!(super::has_list_intro(s), want.is_some(), "{s:?}");
        }
    }

    #[test]
    fn starts_like_verb_is_a_case_blind_prefix_test_over_the_place_verbs() {
        let simple = |w: &str| {
            w.len() >= 3
                && PLACE_VERBS.iter().any(|v| {
                    w.len() >= v.len() && w.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes())
                })
        };
        let mut words: Vec<String> = Vec::new();
        for v in PLACE_VERBS {
            words.push(v.to_string());
            words.push(v.to_uppercase());
            words.push(format!("{v}ed"));
            words.push(v[..2].to_string());
            words.push(format!("{}x{}", &v[..1], &v[1..]));
        }
        for a in (b'A'..=b'z').chain([b'0', b'-', 0xC3]) {
            for b in b'A'..=b'z' {
                words.push(String::from_utf8_lossy(&[a, b, b'v', b'e']).into_owned());
            }
        }
        words.extend(["", "ap", "approved", "Élection", "ba\u{e9}", "[]bid"].map(String::from));
        for w in &words {
            assert_eq!(starts_like_verb(w), simple(w), "{w:?}");
        }
    }

    #[test]
    fn every_place_verb_passes_the_two_letter_gate() {
        for v in PLACE_VERBS {
            assert!(starts_like_verb(v), "{v}");
            assert!(starts_like_verb(&v.to_uppercase()), "{v}");
        }
        assert!(!starts_like_verb("the"));
        assert!(!starts_like_verb("Manchester"));
    }

    #[test]
    fn a_place_acts_only_with_a_political_verb() {
        assert!(at(
            "Greater Manchester bid for the fund.",
            "Greater Manchester"
        ));
        assert!(at("Scotland voted to remain.", "Scotland"));
        assert!(at("Wales has also demanded more powers.", "Wales"));
        assert!(at("Wales and Scotland have rejected the bill.", "Wales"));
        assert!(!at("Jobs in London grew fast.", "London"));
        assert!(!at("London's mayor said no.", "London"));
        assert!(!at("The North of England lags behind.", "North of England"));
        assert!(!at(
            "Investment in Scotland and elsewhere fell.",
            "Scotland"
        ));
        assert!(at(
            "Weymouth, on the south coast, approved a plan.",
            "Weymouth"
        ));
        assert!(!at("Wales, for example, has a parliament.", "Wales"));
        assert!(!at("Scotland voters will react.", "Scotland"));
    }

    #[test]
    fn a_place_inside_a_longer_name_was_taken_for_that_name() {
        use super::inside_longer_name;
        let s = "areas such as Cornwall, the South Wales Valleys and Northern England voted";
        for (place, inside) in [("Cornwall", false), ("Wales", true), ("England", true)] {
            let i = s.find(place).unwrap();
            assert_eq!(inside_longer_name(s, i, i + place.len()), inside, "{place}");
        }
        let s = "In Wales, and in England as well, voters agreed";
        for place in ["Wales", "England"] {
            let i = s.find(place).unwrap();
            assert!(!inside_longer_name(s, i, i + place.len()), "{place}");
        }
    }

    /// "Councils in the north of England say ..." made England an actor.
    #[test]
    fn a_place_after_a_preposition_was_taken_for_the_subject() {
        for (s, place) in [
            (
                "Councils in the north of England say the process failed.",
                "England",
            ),
            ("Towns across Wales voted to leave.", "Wales"),
            (
                "Firms from Greater Manchester have backed the bid.",
                "Greater Manchester",
            ),
        ] {
            assert!(!listed(s, place), "{s}");
        }
        assert!(listed("Scotland and Wales voted to remain.", "Wales"));
        assert!(listed("In 2016 Wales voted to leave.", "Wales"));
    }

    fn listed(s: &str, place: &str) -> bool {
        let i = s.find(place).unwrap_or(0);
        super::acts_at(s, i, i + place.len())
    }

    #[test]
    fn a_place_in_a_list_acts_when_its_group_does() {
        let s = "Areas which had been supported by EU funding, such as Cornwall, the South Wales Valleys and Northern England, had voted to leave.";
        assert!(listed(s, "Cornwall"));
        assert!(listed(s, "Northern England"));
        assert!(listed(
            "Towns like Margate are rushing to create councils.",
            "Margate"
        ));
        assert!(listed(
            "Some of the places trying to create them, like Guildford and St Albans, are wealthy.",
            "St Albans"
        ));
        assert!(!listed(
            "Big cities like London and Leeds are organised like this.",
            "Leeds"
        ));
        let s = "People like Margate are rushing.";
        assert!(!super::in_acting_list(s, 12, 19));
    }
}
