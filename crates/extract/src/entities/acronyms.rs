//! Acronyms: one no lexicon holds that speaks or is cited ("warned CREDS",
//! "according to NPEU"), a name ending in one ("Poplar HARCA"), and whether a text
//! spells one out ("Institute for Fiscal Studies" for "IFS"), which the article's
//! acronyms (`mod.rs`) read too.

use super::runs::word_after;
use super::sentence::SentenceScan;
use super::tokens::{is_allcaps, is_cap, is_connector};
use crate::words::{self, given_names, person_titles, role_heads};
use levelmap_model::NodeKind;

impl<'a, 's> SentenceScan<'_, 'a, 's> {
    /// "Poplar HARCA", "Tower Hamlets CVS": a name ending in an acronym of three to
    /// six capitals after capitalised words (a place, often) is an organisation, no
    /// person (no given name or title opens it) and no thing ("Britain GDP").
    pub(super) fn named_with_an_acronym(&mut self, words: &[&str], (a, b): (usize, usize)) -> bool {
        const THINGS: &[&str] = &[
            "GDP", "GVA", "VAT", "COVID", "CEO", "CEOs", "MPs", "MSPs", "MEPs", "CCTV", "GCSE",
            "GCSEs", "PPE", "LGBT", "LGBTQ", "NATO", "USA", "III", "ULEZ", "LTN", "LTNs", "HMO",
            "HMOs", "SEND", "NHS", "BBC", "PLC", "LTD", "LLP", "CIC",
        ];
        let Some((last, rest)) = words.split_last() else {
            return false;
        };
        let acronym = (3..=6).contains(&last.len())
            && last.bytes().all(|c| c.is_ascii_uppercase())
            && !THINGS.contains(last);
        if !acronym
            || rest.is_empty()
            || rest.iter().any(|w| is_allcaps(w) || !is_cap(w))
            || given_names().contains(rest[0])
            || person_titles().contains(rest[0])
            || role_heads().contains(rest[0])
            || self.overlaps(a, b)
        {
            return false;
        }
        // "the Dennistoun RPZ", after "a Restricted Parking Zone (RPZ)": an acronym the
        // article defined for a policy names a policy of that kind.
        let policy_kind = self
            .out
            .cands
            .values()
            .find(|c| c.node_kind == NodeKind::Policy && c.aliases.iter().any(|x| x == last))
            .map(|c| c.kind.clone());
        // "the River Usk SAC", "Island Gardens DLR", "the Cornwall PSO": a designation,
        // a zone, a railway or a contract, not a body, unless the article defined it as
        // a policy's.
        const NOT_BODIES: &[&str] = &[
            "SAC", "SACs", "SSSI", "SSSIs", "SPA", "AONB", "RPZ", "CPZ", "LEZ", "CAZ", "PSO",
            "DLR", "SPD", "SPG", "CIL", "NPPF", "EPC", "PFI", "SME", "SMEs", "STEM", "GDPR",
        ];
        if policy_kind.is_none() && NOT_BODIES.contains(last) {
            return false;
        }
        let (node, kind, why) = match &policy_kind {
            Some(k) => (
                NodeKind::Policy,
                k.as_str(),
                "a name ending in a policy's acronym",
            ),
            None => (
                NodeKind::Actor,
                "organisation",
                "a name ending in an acronym",
            ),
        };
        self.add(
            self.c.norm[a..b].to_string(),
            node,
            kind,
            0.6,
            why.into(),
            a,
            b,
        );
        true
    }

    /// An acronym no lexicon holds that speaks or is cited is an organisation: "warned
    /// CREDS", "NIESR found", "according to NPEU". Three capitals or more, in a
    /// sentence not itself in capitals, and no acronym of a thing ("GDP", "VAT").
    pub(super) fn speaking_acronym(&mut self, i: usize) {
        const SAYS: &[&str] = &[
            "found",
            "finds",
            "estimates",
            "estimated",
            "reported",
            "reports",
            "published",
            "calculated",
            "calculates",
            "predicts",
            "predicted",
            "forecasts",
        ];
        const THINGS: &[&str] = &[
            "GDP", "GVA", "VAT", "COVID", "CEO", "CEOs", "MPs", "MSPs", "MEPs", "CCTV", "GCSE",
            "GCSEs", "PPE", "LGBT", "LGBTQ", "AI", "NATO", "USA", "III", "OK", "TV", "PR",
        ];
        let (norm, toks) = (self.c.norm, self.c.toks);
        let t = toks[i];
        let letters = t.s.chars().filter(|c| c.is_ascii_uppercase()).count();
        if !is_allcaps(t.s)
            || letters < 3
            || letters != t.s.chars().count()
            || THINGS.contains(&t.s)
            || self.overlaps(t.start, t.end)
        {
            return;
        }
        // A shouted sentence holds many words in capitals.
        if toks.iter().filter(|w| is_allcaps(w.s)).count() > 2 {
            return;
        }
        let next = word_after(norm, t.end);
        let prev: Vec<&str> = norm[..t.start].split_whitespace().rev().take(2).collect();
        let says = words::REPORTING_VERBS.contains(&next) || SAYS.contains(&next);
        let said = prev
            .first()
            .is_some_and(|w| words::REPORTING_VERBS.contains(&w.trim_end_matches(',')));
        let cited = prev.len() == 2 && prev[0] == "to" && prev[1].eq_ignore_ascii_case("according");
        // Spelled out in the article ("the Strategic Defence Review ... the SDR found"),
        // it is the short form of a name the other rules read.
        if !(says || said || cited) || spelled_out(self.c.q.0, t.s) {
            return;
        }
        self.add(
            t.s.to_string(),
            NodeKind::Actor,
            "organisation",
            0.55,
            "an acronym that speaks or is cited".into(),
            t.start,
            t.end,
        );
    }
}

/// Whether `text` spells out the acronym `acr`: capitalised words in a row whose
/// initials are its letters, connectors ("of", "for", "and", "the") skipped ("Stove
/// Industry Association" for "SIA", "Institute for Fiscal Studies" for "IFS"), or
/// any name followed by the acronym in brackets.
fn spelled_out(text: &str, acr: &str) -> bool {
    // "a strategic defence review (SDR)": introduced in brackets after its name.
    text.contains(&format!("({acr})")) || spelled_out_by(text, acr, |_| true)
}

/// Whether `text` spells out the acronym `acr` as [`spelled_out`] reads it, by words
/// whose last one `last_ok` accepts.
pub(super) fn spelled_out_by(text: &str, acr: &str, last_ok: impl Fn(&str) -> bool) -> bool {
    let letters: Vec<char> = acr.chars().collect();
    match acr.as_bytes().first() {
        // Only where a word begins with the acronym's first letter (found with memchr).
        Some(&first) if first.is_ascii() => memchr::memchr_iter(first, text.as_bytes()).any(|p| {
            let starts_word = text[..p]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            starts_word && spells(TextWords { text, at: p }, &letters, &last_ok)
        }),
        _ => {
            let words = text_words(text);
            (0..words.len()).any(|start| spells(words[start..].iter().copied(), &letters, &last_ok))
        }
    }
}

/// Whether `c` belongs to a word as [`text_words`] reads them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The words of `text` as [`spelled_out_by`] reads them: runs of letters, digits,
/// apostrophes and hyphens.
pub(super) fn text_words(text: &str) -> Vec<&str> {
    TextWords { text, at: 0 }.collect()
}

/// The words of `text` from byte `at` on (a char boundary), as [`text_words`].
struct TextWords<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for TextWords<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let mut start = None;
        while self.at < bytes.len() {
            let i = self.at;
            // ASCII by test; any other character decoded.
            let (in_word, len) = match bytes[i] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'\'' || b == b'-', 1),
                _ => self.text[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
            };
            match (in_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => return Some(&self.text[s..i]),
                _ => {}
            }
            self.at += len;
        }
        start.map(|s| &self.text[s..])
    }
}

/// Whether the words from here on spell out `letters`: capitalised words (not in
/// capitals) beginning with each letter in turn, connectors ("of", "and") between
/// them skipped, the last one accepted by `last_ok`.
fn spells<'w>(
    words: impl Iterator<Item = &'w str>,
    letters: &[char],
    last_ok: &impl Fn(&str) -> bool,
) -> bool {
    let mut k = 0;
    let mut last = "";
    for w in words {
        if k == letters.len() {
            break;
        }
        if k > 0 && is_connector(w) {
            continue;
        }
        if w.starts_with(letters[k]) && is_cap(w) && !is_allcaps(w) {
            k += 1;
            last = w;
        } else {
            break;
        }
    }
    k == letters.len() && last_ok(last)
}
