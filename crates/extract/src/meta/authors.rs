//! The article's authors: bylines ("by X", "Posted on: ... by X in Blog"), author
//! lines under the title and biography lines ("X is a Policy Researcher at Y");
//! unknown authors become person candidates.

use std::sync::OnceLock;

use regex::Regex;

use crate::found::{Found, Header};
use crate::items::{Candidate, DraftRef, Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::scan::{Scan, Set};
use crate::sentences::{quote, BlockKind, Layout};
use crate::slug::slug;
use crate::words::{self, given_names, role_heads};
use levelmap_model::NodeKind;

pub(crate) fn byline_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let name =
            r"(?:(?:Dr|Prof|Professor|Sir|Dame)\.? )?[A-Z][\p{L}'.-]+(?: [A-Z][\p{L}'.-]+){1,3}";
        Regex::new(&format!(
            r"(?:^|\b)(?:[Bb]y|BY|Author|Authors|Written by):? ({name}(?:(?:,| and| &) {name})*)"
        ))
        .expect("valid regex")
    })
}

pub(crate) fn role_line_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^((?:(?:Dr|Prof|Professor)\.? )?[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){1,2}) (?:is|was) (?:a|an|the) ((?:[A-Za-z-]+ ){0,5}?[A-Za-z-]+) (?:at|with|of|for|in) (?:the )?([A-Z][^.,;(]*)")
            .expect("valid regex")
    })
}

const ROLE_LINE_WORDS: &[&str] = &[
    "researcher",
    "fellow",
    "director",
    "professor",
    "lecturer",
    "economist",
    "analyst",
    "officer",
    "head",
    "chief",
    "editor",
    "manager",
    "associate",
    "adviser",
    "advisor",
    "student",
    "candidate",
    "scientist",
    "consultant",
    "writer",
    "journalist",
    "correspondent",
    "chair",
    "founder",
    "member",
    "reader",
    "policy",
    "research",
    "senior",
    "executive",
];

fn looks_like_person(name: &str) -> bool {
    let ws: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "Dr" | "Dr." | "Prof" | "Prof." | "Professor" | "Sir" | "Dame"
            )
        })
        .collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !ws.iter().any(|w| {
            role_heads().contains(w)
                || words::org_head(w).is_some()
                || words::not_name().contains(w)
        })
}

/// One author found: name, sentence, confidence.
struct AuthorHit {
    name: String,
    sentence: usize,
    confidence: f64,
}

/// Authors from bylines ("by X", "Posted on: ... by X in Blog"), author lines under
/// the title ("David Bailey (Birmingham) and Philip Tomlinson") and biography lines
/// ("X is a Policy Researcher at Y"). Unknown authors become person candidates.
pub(crate) fn authors(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    header: &Header,
    found: &mut Found,
    scan: &Scan,
) -> Vec<DraftRef> {
    let mut hits: Vec<AuthorHit> = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        let b = &layout.blocks[s.block];
        let short = b.kind != BlockKind::Paragraph || b.words <= 30;
        if !short {
            continue;
        }
        for c in byline_may_match(scan, si, &s.norm)
            .then(|| byline_regex().captures_iter(&s.norm))
            .into_iter()
            .flatten()
        {
            let list = c.get(1).map_or("", |m| m.as_str());
            for part in split_names(list) {
                if !looks_like_person(&part) {
                    break;
                }
                hits.push(AuthorHit {
                    name: part,
                    sentence: si,
                    confidence: 0.9,
                });
            }
        }
        if s.words <= 30 {
            if let Some(c) = role_line_may_match(scan, si, &s.norm)
                .then(|| role_line_regex().captures(&s.norm))
                .flatten()
            {
                let role = c[2].to_lowercase();
                if ROLE_LINE_WORDS
                    .iter()
                    .any(|w| role.split_whitespace().any(|x| x == *w))
                    && looks_like_person(&c[1])
                {
                    hits.push(AuthorHit {
                        name: c[1].to_string(),
                        sentence: si,
                        confidence: 0.85,
                    });
                }
            }
        }
    }
    // An author line just under the title.
    if let Some(tb) = header.title_block {
        for bi in tb + 1..(tb + 3).min(layout.blocks.len()) {
            let b = &layout.blocks[bi];
            if b.kind != BlockKind::Heading || b.words > 14 {
                continue;
            }
            let Some((si, s)) = layout.sentences_of(bi).next() else {
                continue;
            };
            let stripped = strip_brackets(&s.norm);
            let parts = split_names(&stripped);
            let ok = !parts.is_empty()
                && parts.iter().all(|p| looks_like_person(p))
                && (parts.len() > 1
                    || stripped.len() < s.norm.len()
                    || parts.iter().any(|p| {
                        given_names().contains(p.split_whitespace().next().unwrap_or(""))
                    }));
            if ok {
                for p in parts {
                    hits.push(AuthorHit {
                        name: p,
                        sentence: si,
                        confidence: 0.75,
                    });
                }
                break;
            }
        }
    }
    let mut out: Vec<DraftRef> = Vec::new();
    for h in hits {
        let s = &layout.sentences[h.sentence];
        let id = resolve_person(
            &h.name, h.sentence, &s.norm, lex, found, text, s.start, s.end,
        );
        if !out.iter().any(|a| a.id == id) {
            out.push(DraftRef {
                id,
                quote: quote(text, s.start, s.end),
                confidence: h.confidence,
            });
        }
    }
    out
}

fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn split_names(list: &str) -> Vec<String> {
    list.split(", ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().trim_end_matches(['.', ',']).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The id for a person's name: a lexicon entry, a candidate found already, or a new candidate.
#[allow(clippy::too_many_arguments)]
fn resolve_person(
    name: &str,
    si: usize,
    norm: &str,
    lex: &Lexicon,
    found: &mut Found,
    text: &str,
    start: usize,
    end: usize,
) -> String {
    let bare: String = name
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "Dr" | "Dr." | "Prof" | "Prof." | "Professor" | "Sir" | "Dame"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(id) = lex.id_for_name(&bare) {
        return id.to_string();
    }
    let id = format!("actor:{}", slug(&bare));
    let at = norm.find(&bare).unwrap_or(0);
    found.push_mention(Mention {
        id: id.clone(),
        sentence: si,
        start: at,
        end: at + bare.len(),
        how: MentionHow::Candidate,
    });
    if let Some(c) = found.candidates.iter_mut().find(|c| c.id == id) {
        c.confidence = c.confidence.max(0.85);
        return id;
    }
    found.candidates.push(Candidate {
        id: id.clone(),
        name: bare,
        node_kind: NodeKind::Actor,
        kind: "person".into(),
        aliases: vec![],
        role: None,
        quote: quote(text, start, end),
        count: 1,
        confidence: 0.85,
        evidence: "named as the article's author".into(),
        known: lex.ids.contains(&id),
    });
    found.candidates.sort_by(|a, b| a.id.cmp(&b.id));
    id
}

/// Whether the byline pattern may match sentence `si`: it needs "by", "By", "BY" or
/// "Author(s)", then an optional colon, a space and a capital letter.
pub(crate) fn byline_may_match(scan: &Scan, si: usize, norm: &str) -> bool {
    scan.of(si)
        .iter()
        .filter(|o| o.set == Set::BylineGate)
        .any(|o| {
            let rest = &norm.as_bytes()[o.end as usize..];
            let rest = if o.idx == 3 {
                rest.strip_prefix(b"s").unwrap_or(rest)
            } else {
                rest
            };
            let rest = rest.strip_prefix(b":").unwrap_or(rest);
            rest.len() >= 2 && rest[0] == b' ' && rest[1].is_ascii_uppercase()
        })
}

/// Whether the biography-line pattern may match: it opens with a capital letter and
/// needs "is a", "was the" or the like.
pub(crate) fn role_line_may_match(scan: &Scan, si: usize, norm: &str) -> bool {
    norm.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && scan.any(si, Set::IsAGate)
}
