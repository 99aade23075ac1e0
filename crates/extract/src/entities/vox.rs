//! People named by a given name alone, as reports of ordinary people name them (vox
//! pops): "Eileen, a Reform UK voter, from Winstanley", "says Bobbi, a retired
//! teacher", "Marcus, a member of XR Cambridge, said:", "One of the property owners,
//! Nick, said:". A single capitalised word is a person's only where only people are
//! written so: before a person's noun in apposition, or as a known given name tagged
//! by a reporting verb.

use super::sentence::SentenceScan;
use super::tokens::{is_cap, Tok};
use crate::words::{self, given_names};
use levelmap_model::NodeKind;

/// Nouns only people are, beside the [`words::OCCUPATIONS`], as vox pops describe them.
const VOX_NOUNS: &[&str] = &[
    "commuter",
    "father",
    "grandfather",
    "grandmother",
    "member",
    "mother",
    "mum",
    "parent",
    "retiree",
    "shopper",
    "voter",
    "worker",
];

/// Whether `w` is one of the [`VOX_NOUNS`].
pub(super) fn is_vox_noun(w: &str) -> bool {
    VOX_NOUNS.contains(&w)
}

impl SentenceScan<'_, '_, '_> {
    /// Propose a person named by one word: a given name or a word the article never
    /// writes in lower case, before a person's noun in apposition ("Bobbi, a retired
    /// teacher"); or a given name tagged by a reporting verb, the name alone between
    /// commas or at the clause's end ("says Bobbi,", "Nick, said:").
    pub(super) fn first_names_alone(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        for (i, t) in toks.iter().enumerate() {
            if !alone(norm, toks, i) {
                continue;
            }
            // The rare contexts first, the lists and the article's words after: a
            // person's noun in apposition (of any given name for now), or a reporting
            // verb beside the name.
            let noun_after = person_in_apposition(norm, t.end, true);
            let verb_beside = tagged_by_reporting_verb(norm, t.start, t.end);
            if !(noun_after || verb_beside)
                || self.overlaps(t.start, t.end)
                || self.claimed(t.start, t.end)
            {
                continue;
            }
            let w = t.s;
            let given = given_names().contains(w);
            // A word the article never writes in lower case, not opening its sentence.
            let opens = i == 0 || norm[..t.start].trim_end().ends_with(['.', ':', '"']);
            let unknown = !(opens
                || self.vocab.contains(&w.to_lowercase())
                || words::sentence_starters().contains(w)
                || words::not_name().contains(w));
            // "the streets of Caerphilly, a local resident approached", "boss of
            // Schroders, a big British asset manager": after a preposition the name is
            // a place's or a body's, the apposition another sentence part.
            let apposition = noun_after
                && (given || unknown)
                && !levelmap_model::places::after_preposition(norm, t.start)
                && person_in_apposition(norm, t.end, given);
            let tagged = given && verb_beside;
            if !(apposition || tagged) || self.lex.id_for_name(w).is_some() {
                continue;
            }
            let why = if apposition {
                "a given name alone before a person's noun in apposition"
            } else {
                "a given name alone tagged by a reporting verb"
            };
            self.add(
                w.to_string(),
                NodeKind::Actor,
                "person",
                0.6,
                why.into(),
                t.start,
                t.end,
            );
        }
    }
}

/// Whether token `i` is one capitalised word of letters standing alone: no
/// capitalised word right before or after it, a comma or a clause's end after it.
fn alone(norm: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    // Most words open in lower case: the first byte tells.
    if t.s.len() < 3 || !t.s.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    let letters = t.s.chars().skip(1).all(char::is_lowercase);
    let capital_before =
        || i > 0 && is_cap(toks[i - 1].s) && norm[toks[i - 1].end..t.start] == *" ";
    let capital_after = || {
        toks.get(i + 1)
            .is_some_and(|n| is_cap(n.s) && norm[t.end..n.start] == *" ")
    };
    letters && !capital_before() && !capital_after()
}

/// Occupations only people have, of the [`words::OCCUPATIONS`] (not "developer",
/// "manager", "owner" or "partner", which firms are called too): after a word no list
/// knows as a given name, only these make it a person's.
const ONLY_PEOPLE: &[&str] = &[
    "academic",
    "activist",
    "author",
    "barrister",
    "businessman",
    "businesswoman",
    "campaigner",
    "chef",
    "columnist",
    "councillor",
    "doctor",
    "driver",
    "farmer",
    "headteacher",
    "historian",
    "journalist",
    "lawyer",
    "nurse",
    "pensioner",
    "politician",
    "publican",
    "resident",
    "shopkeeper",
    "solicitor",
    "student",
    "teacher",
    "veteran",
    "volunteer",
    "writer",
];

/// Whether a person's noun follows `norm[..end]` in apposition: a comma, "a", "an" or
/// "the", and within four lower-case words an occupation (of a known given name; else
/// one [`ONLY_PEOPLE`] have) or a vox pop's noun ("a retired teacher", "an elderly
/// shopper", "a member of XR Cambridge", "a Reform UK voter": capitalised words of a
/// party or a place may stand between).
fn person_in_apposition(norm: &str, end: usize, given: bool) -> bool {
    let Some(rest) = ["a ", "an ", "the "]
        .iter()
        .find_map(|d| norm[end..].strip_prefix(", ")?.strip_prefix(d))
    else {
        return false;
    };
    rest.split(' ')
        .take(5)
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .take_while(|w| !matches!(*w, "of" | "in" | "at" | "from" | "who"))
        .any(|w| {
            VOX_NOUNS.contains(&w)
                || ONLY_PEOPLE.contains(&w)
                || (given && words::OCCUPATIONS.binary_search(&w).is_ok())
        })
}

/// Whether a reporting verb tags the name at `norm[start..end]`: right before it
/// ("says Bobbi", "replied Eileen") with the name ending the clause or followed by a
/// comma, or right after it, the name opening its clause ("Nick said", ", Nick,
/// said:").
fn tagged_by_reporting_verb(norm: &str, start: usize, end: usize) -> bool {
    let is_verb =
        |w: &str| words::REPORTING_VERBS.contains(&w) || matches!(w, "replied" | "replies");
    let before = norm[..start].trim_end();
    let verb_before = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| is_verb(w.trim_start_matches(['"', '\u{201d}', '\u{2019}', '\''])));
    let after = norm[end..].trim_start_matches(',').trim_start();
    let closes = norm[end..].starts_with([',', '.', ';', ':']) || norm[end..].is_empty();
    let verb_after = after
        .split(' ')
        .next()
        .is_some_and(|w| is_verb(w.trim_end_matches([',', ':', '.'])));
    let opens = before.is_empty() || before.ends_with(',');
    (verb_before && closes) || (verb_after && opens)
}
