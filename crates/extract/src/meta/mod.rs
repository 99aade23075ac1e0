//! An article's metadata: title, authors (from bylines, author lines and "X is a
//! Policy Researcher at Y"), outlet, and date, either stated ("8 July 2024",
//! "Jul 9th 2020", "2024-07-08", "July 2024") or inferred from the dated lexicon
//! events the text refers to, with its precision, evidence and reasoning.

mod authors;
pub(crate) mod dates;
mod header;
mod inferred;
mod outlet;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use crate::found::EventRef;
use crate::items::{Candidate, DraftRef};
use crate::lexicon::Lexicon;
use crate::sentences::{quote, Layout};
use crate::slug::slug;
use levelmap_model::date::PartialDate;

pub(crate) use authors::authors;
pub(crate) use dates::DATE_CUES;
pub(crate) use header::{boilerplate_phrases, boilerplate_scanned, not_the_article, read_header};
pub(crate) use inferred::{date, time_phrases};
pub(crate) use outlet::{may_ask_for_comment, outlet, OUTLET_SELF, SELF_REFERENCE};
#[cfg(test)]
pub(crate) use {
    authors::{byline_may_match, byline_regex, role_line_may_match, role_line_regex},
    dates::{may_hold_date, parse_dates},
    header::is_boilerplate,
    inferred::{has_time_cue, relation_is_after},
    outlet::{outlet_gates, outlet_regexes},
};

/// `[[refers_to]]`: each event once, at its first reference.
pub(crate) fn refers_to(text: &str, layout: &Layout, events: &[EventRef]) -> Vec<DraftRef> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for r in events {
        if seen.insert(r.id.clone()) {
            let s = &layout.sentences[r.sentence];
            out.push(DraftRef {
                id: r.id.clone(),
                quote: quote(text, s.start, s.end),
                confidence: r.confidence,
            });
        }
    }
    out
}

/// Words left out of an id: articles, prepositions, conjunctions, forms of "be".
const ID_STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "from", "is",
    "are", "was", "were", "be", "as", "its", "it", "this", "that", "s",
];

/// The longest topic part of an id, in bytes: whole words up to this length.
const ID_TOPIC_MAX: usize = 40;

/// The topic part of an article id: whole words of the title, lowercase ASCII, joined
/// by hyphens, stop words and the author's slug (`who`) left out, possessives dropped
/// ("Britain's" is "britain"), cut at a word boundary within [`ID_TOPIC_MAX`] bytes.
pub(crate) fn title_words(title: &str, who: Option<&str>) -> String {
    let mut out = String::new();
    let words = title
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '—' || c == '–')
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            slug(w).replace('-', "")
        })
        .filter(|w| {
            !w.is_empty() && !ID_STOP_WORDS.contains(&w.as_str()) && Some(w.as_str()) != who
        });
    for w in words {
        if out.len() + 1 + w.len() > ID_TOPIC_MAX {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

/// An article id: `<year>-<month>-<author or outlet>-<whole words of the title>`.
pub(crate) fn derive_stem(
    date: &PartialDate,
    authors: &[DraftRef],
    candidates: &[Candidate],
    lex: &Lexicon,
    outlet: Option<&DraftRef>,
    title: &str,
) -> String {
    let name_of = |id: &str| -> Option<String> {
        lex.entities.get(id).map(|e| e.name.clone()).or_else(|| {
            candidates
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
        })
    };
    let who = authors
        .first()
        .and_then(|a| {
            let n = name_of(&a.id)?;
            let is_person = lex.entities.get(&a.id).is_none_or(|e| e.kind == "person");
            Some(if is_person {
                n.split_whitespace().last().unwrap_or("").to_string()
            } else {
                n
            })
        })
        .or_else(|| outlet.and_then(|o| name_of(&o.id)))
        .map(|n| slug(&n))
        .filter(|s| !s.is_empty());
    let mut parts = vec![format!("{:04}", date.year_num())];
    if let Some(m) = date.month_num() {
        parts.push(format!("{m:02}"));
    }
    let t = title_words(title, who.as_deref());
    parts.extend(who);
    if !t.is_empty() {
        parts.push(t);
    }
    if parts.len() == 1 || (parts.len() == 2 && date.month_num().is_some()) {
        parts.push("article".into());
    }
    parts.join("-")
}
