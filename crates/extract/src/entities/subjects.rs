//! A body named by one word that opens a sentence and does something: "Primark has
//! opened a new store", "Whitbread indicated it would reduce investment". No suffix
//! ("Ltd", "Council") and no description says it is a body; what does is that the
//! word is no English word (the dictionary, [`crate::words::dictionary`]), the
//! article never writes it in lower case or after another capitalised word (so it is
//! no one's surname: "Guy Hoy ... Hoy said"), and a verb of what bodies do follows.

use super::places::demonym;
use super::sentence::SentenceScan;
use super::tokens::{is_allcaps, is_cap, lower};
use crate::words::{self, dictionary, given_names};
use levelmap_model::places::{verb_follows, ACTING};
use levelmap_model::NodeKind;

/// Beginnings of verbs of what a firm or body does, beside the places' [`ACTING`]
/// (which holds "said", "warned", "announced", "bid", "launched" ...).
const DOES: &[&str] = &[
    "acquir", "bought", "buy", "charg", "clos", "creat", "cut", "develop", "employ", "estimat",
    "expect", "fund", "hir", "indicat", "invest", "lent", "lend", "open", "plan", "predict",
    "publish", "rais", "releas", "report", "sell", "shed", "sold", "told",
];

/// Places no dictionary holds that act only as places do ("But Britain ... shed much
/// of its industrial muscle").
const PLACES: &[&str] = &["Britain", "Europe", "America", "Africa", "Asia"];

/// [`ACTING`] and [`DOES`] as one list, for one pass over the words after the name.
fn verbs() -> &'static [&'static str] {
    static V: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    V.get_or_init(|| ACTING.iter().chain(DOES).copied().collect())
}

/// Words that may open a sentence before its subject: "But Primark has opened".
const OPENERS: &[&str] = &["And", "But", "Yet", "Now", "Still", "Meanwhile"];

impl SentenceScan<'_, '_, '_> {
    /// Propose the body named by one unknown word opening the sentence, before a verb
    /// of what bodies do (see the module's documentation).
    pub(super) fn lone_subject(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        let i = usize::from(toks.first().is_some_and(|t| OPENERS.contains(&t.s)));
        let Some(t) = toks.get(i) else {
            return;
        };
        let opens = match i {
            0 => !norm[..t.start].contains(|c: char| c.is_alphanumeric()),
            _ => &norm[toks[0].end..t.start] == " ",
        };
        let alone = toks.get(i + 1).is_none_or(|n| !is_cap(n.s));
        if !(opens && alone && one_word_name(t.s)) {
            return;
        }
        // The cheap tests first: most sentences open with a common word ("The").
        let w = t.s;
        {
            let lw = lower(w, &mut self.out.scratch.lower);
            if words::is_stopword(&lw) || dictionary::is_word(&lw) {
                return;
            }
        }
        if !verb_follows(norm, t.end, verbs()) {
            return;
        }
        let lw = w.to_lowercase();
        let common = self.vocab.contains(&lw)
            || given_names().contains(w)
            || words::person_titles().contains(w)
            || words::sentence_starters().contains(w)
            || words::not_name().contains(w)
            || words::role_heads().contains(w)
            || words::org_head(w).is_some()
            || demonym(w)
            || PLACES.contains(&w);
        if common
            || self.overlaps(t.start, t.end)
            || self.claimed(t.start, t.end)
            || self.lex.id_for_name(w).is_some()
            || self.vocab.in_a_longer_name(w)
        {
            return;
        }
        self.add(
            w.to_string(),
            NodeKind::Actor,
            "organisation",
            0.55,
            "one word, no English word, opening a sentence before a verb of what bodies do".into(),
            t.start,
            t.end,
        );
    }
}

/// Whether `w` has the shape of a one-word name: a capital, then letters (a capital
/// inside allowed: "YouTube"), three letters or more, not all capitals (an acronym's
/// rules are others).
fn one_word_name(w: &str) -> bool {
    w.len() >= 3
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars().all(char::is_alphabetic)
        && !is_allcaps(w)
}
