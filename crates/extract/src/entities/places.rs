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
use crate::words::{self, dictionary, given_names, not_name, person_titles, role_heads};
use levelmap_model::places::{
    after_preposition, has_list_intro, in_acting_list, place_acts, verb_follows, PLACE_GROUPS,
};
use levelmap_model::NodeKind;

/// Beginnings of the verbs by which a capitalised word alone is taken for a place
/// that acts: what places do and people rarely say of themselves ("said", "argued"
/// are left out: a surname says).
const PLACE_VERBS: &[&str] = &[
    "approv", "backed", "backing", "backs", "bid", "demand", "elect", "lobb", "oppos", "propos",
    "reject", "rush", "seek", "sought", "switch", "vote", "voting", "want",
];

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

/// Whether a lowercase word is a number or a share ("four-fifths", "two-thirds",
/// "half", "dozens"), which opens a sentence about people, never a place's name.
fn is_number_word(lw: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "half",
        "dozen",
        "dozens",
    ];
    lw.split('-').next().is_some_and(|w| NUMBERS.contains(&w))
}

/// Whether a capitalised word names people or a quality, not a place: a demonym
/// ("Scots", "Britons", "Londoners", "Mancunians"), a group of people ("Securocrats",
/// "Unionists", "Blairites", "Brexiteers") or an adjective ("Scottish-born", "Welsh").
pub(super) fn demonym(w: &str) -> bool {
    matches!(
        w,
        "Scots" | "Brits" | "Britons" | "Welsh" | "Irish" | "English" | "British" | "Tories"
    ) || [
        "ers", "ians", "ish", "ese", "-born", "ans", "crats", "ists", "ites", "eers",
    ]
    .iter()
    .any(|e| w.ends_with(e) && w.len() > e.len() + 3)
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
            if !(verb_after || has_list)
                || self.overlaps(a, b)
                || self.inside_a_new_name(a, b)
                || !self.place_like(toks, i - n, n)
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

    /// Whether `a..b` lies inside a longer name this sentence already proposed: "Gypsy"
    /// of "Gypsy and Traveller Accommodation Assessment, approved by ...".
    fn inside_a_new_name(&self, a: usize, b: usize) -> bool {
        self.out
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == self.c.si)
            .any(|m| m.start <= a && b <= m.end && (m.start, m.end) != (a, b))
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
        // A quotation opens a sentence of its own: 'said: "Nobody wants to ...'.
        let sentence_start = i == 0
            || self.c.norm[..toks[i].start]
                .trim_end()
                .ends_with(['"', '\u{201c}', '\u{2018}']);
        toks[i..i + n].iter().all(|t| {
            let lw = lower(t.s, &mut self.out.scratch.lower).into_owned();
            !is_allcaps(t.s)
                && !demonym(t.s)
                && !is_number_word(&lw)
                && !words::is_stopword(&lw)
                && !not_name().contains(t.s)
                && !role_heads().contains(t.s)
                && words::org_head(t.s).is_none()
                && !PLACE_GROUPS.contains(&lw.as_str())
                && !NOT_PLACES.contains(&t.s)
                && !(sentence_start && (self.vocab.contains(&lw) || dictionary::is_word(&lw)))
                && !(sentence_start && words::sentence_starters().contains(t.s))
                && !(sentence_start && super::runs::is_opening_adverb(&lw))
                && (t.s == "St" || !person_titles().contains(t.s))
        })
    }
}

/// Adjectives of scope that open a sentence and are no place ("Local voting here is
/// along party lines").
const NOT_PLACES: &[&str] = &[
    "Local",
    "National",
    "Regional",
    "Central",
    "Rural",
    "Urban",
    "Federal",
    "Global",
    "Public",
    "Private",
    "Political",
    "Economic",
    "Social",
];

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
        if lex.entities.contains_key(id) {
            lex.place_ids.contains(id)
        } else {
            place_cands.contains(id)
        }
    };
    found.mentions.retain(|m| {
        m.how == MentionHow::Role
            || !is_place(&m.id)
            || layout
                .sentences
                .get(m.sentence)
                .is_some_and(|s| place_acts(&s.norm, m.start, m.end))
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
    found.drop_unmentioned(|c| c.kind == "place");
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
    use super::{starts_like_verb, PLACE_VERBS};

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
}
