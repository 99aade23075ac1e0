//! The top of the article: its title (a heading, a question, or a stand-in from
//! the first sentence), where the running prose starts, and page furniture
//! (navigation, disclaimers, sharing links).

use std::sync::OnceLock;

use super::dates::first_date;
use crate::found::Header;
use crate::lexicon::Lexicon;
use crate::sentences::{quote, BlockKind, Layout};

const BOILERPLATE: &[&str] = &[
    "top of page",
    "bottom of page",
    "skip to",
    "back to",
    "related blogs",
    "related posts",
    "related articles",
    "keywords:",
    "share this",
    "opinions expressed",
    "responsibility for the accuracy",
    "all rights reserved",
    "cookie",
    "subscribe",
    "sign up",
    "read more",
    "follow us",
    "tags:",
    "print this",
    "newsletter",
    "privacy policy",
    "terms of use",
    "log in",
];

/// The boilerplate phrases, in automaton order.
pub(crate) fn boilerplate_phrases() -> impl Iterator<Item = &'static str> {
    BOILERPLATE.iter().copied()
}

/// Whether a passage is page furniture (navigation, disclaimers, sharing links).
pub(crate) fn is_boilerplate(s: &str) -> bool {
    static A: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(BOILERPLATE)
            .expect("plain patterns")
    })
    .is_match(s)
}

/// Read the title and find page furniture.
pub(crate) fn read_header(text: &str, layout: &Layout, _lex: &Lexicon) -> Header {
    let mut h = Header::default();
    for (i, b) in layout.blocks.iter().enumerate() {
        if b.words <= 60 && is_boilerplate(&text[b.start..b.end]) {
            h.boilerplate.insert(i);
        }
    }
    h.body_start = layout
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph && b.words >= 20)
        .unwrap_or(0);
    for (i, b) in layout.blocks.iter().enumerate().take(8) {
        let s = &text[b.start..b.end];
        let words = b.words;
        let is_title_like = match b.kind {
            BlockKind::Heading => words >= 3,
            BlockKind::Paragraph => words <= 20 && s.trim_end().ends_with('?'),
            BlockKind::Bullet => false,
        };
        if !is_title_like || h.boilerplate.contains(&i) || is_byline(s) || first_date(s).is_some() {
            continue;
        }
        h.title = quote(text, b.start, b.end);
        h.title_block = Some(i);
        break;
    }
    if h.title.is_empty() {
        let first = layout
            .sentences
            .iter()
            .find(|s| s.words >= 3)
            .map(|s| s.norm.as_str())
            .unwrap_or("Untitled");
        let ws: Vec<&str> = first.split(' ').collect();
        h.title = if ws.len() > 12 {
            format!("{}...", ws[..12].join(" "))
        } else {
            first.to_string()
        };
    }
    h
}

fn is_byline(s: &str) -> bool {
    let l = s.trim_start().to_lowercase();
    l.starts_with("by ")
        || l.starts_with("posted")
        || l.starts_with("published")
        || l.starts_with("written by")
}
