//! Places are actors only where they act: "Greater Manchester bid for the fund",
//! "Scotland voted to remain", "Wales has demanded more powers". A mention of a
//! place (an actor of kind `place`, from the lexicon or a new candidate) is kept
//! only when a political verb follows it (after other names joined by "and", and
//! auxiliaries such as "has", "will", "also"); a place candidate left with no
//! mention is not proposed.

use crate::found::Found;
use crate::items::MentionHow;
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

/// Words that may stand between a place and its verb: auxiliaries and adverbs.
const BETWEEN: &[&str] = &[
    "also",
    "already",
    "and",
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
    "respond", "said", "say", "secur", "seek", "sign", "sought", "support", "threaten", "urg",
    "veto", "vote", "voting", "want", "warn", "won",
];

/// Whether the place named at `norm[..end]` acts: a political verb follows.
pub(super) fn acts(norm: &str, end: usize) -> bool {
    let rest = norm.get(end..).unwrap_or("");
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return false;
    }
    let words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(6);
    for w in words {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if ACTING.iter().any(|v| lw.starts_with(v)) {
            return true;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(BETWEEN.contains(&lw.as_str()) || capital) {
            return false;
        }
    }
    false
}

/// Drop the mentions of places that do not act there, and place candidates left
/// with none.
pub(super) fn keep_acting_places(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    let is_place = |id: &str, cands: &[crate::items::Candidate]| {
        lex.entities.get(id).map_or_else(
            || cands.iter().any(|c| c.id == id && c.kind == "place"),
            |e| e.kind == "place",
        )
    };
    let cands = &found.candidates;
    found.mentions.retain(|m| {
        m.how == MentionHow::Role
            || !is_place(&m.id, cands)
            || layout
                .sentences
                .get(m.sentence)
                .is_some_and(|s| acts(&s.norm, m.end))
    });
    let mentions = &found.mentions;
    found
        .candidates
        .retain(|c| c.kind != "place" || mentions.iter().any(|m| m.id == c.id));
}

#[cfg(test)]
mod tests {
    use super::acts;

    fn at(s: &str, place: &str) -> bool {
        let i = s.find(place).unwrap_or(0);
        acts(s, i + place.len())
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
    }
}
