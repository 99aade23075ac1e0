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
        let name = r"(?:(?:Dr|Prof|Professor|Sir|Dame|Lord|Baroness)\.? )?[A-Z][\p{L}'.-]+(?: [A-Z][\p{L}'.-]+){0,3}";
        Regex::new(&format!(
            r"(?:^|\b)(?:[Bb]y|BY|Author|Authors|Written by):? ({name}(?:(?:,| and| &) {name})*)"
        ))
        .expect("valid regex")
    })
}

pub(crate) fn role_line_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^((?:(?:Dr|Prof|Professor)\.? )?[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){1,2}) (?:is|was) (?:(?:a|an|the) (?P<role>(?:[A-Za-z-]+ ){0,5}?[A-Za-z-]+)|(?P<title>(?:Professor|Senior|Lecturer|Reader|Director|Head|Chief|Research|Associate|Assistant|Visiting|Honorary|Emeritus)(?: [A-Za-z-]+){0,5}?)) (?:at|with|of|for|in) (?:the )?([A-Z][^.,;(]*)")
            .expect("valid regex")
    })
}

/// A biography line at the foot of a piece naming its writer: "Stephen Bailey is a
/// pro-UK author who ...", "John Mortimer is the Leader of ...".
pub(crate) fn bio_line_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^((?:(?:Dr|Prof|Professor)\.? )?[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){1,2}) (?:is|was) (?P<article>(?:a|an|the) )?(?P<gap>(?:[A-Za-z-]+ ){0,4}?)(?i:author|writer|journalist|columnist|commentator|blogger|leader|founder|co-founder|campaigner|editor|director|chair|chairman|chairwoman|convener)\b")
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

/// Whether a word is a title before a person's name, kept out of the name (the
/// lexicon names people without them: "Sadiq Khan"), except a peer known by the
/// title alone ("Lord Frost", see [`person_name`]).
fn is_title(w: &str) -> bool {
    words::person_titles().contains(w)
}

/// A person's name as the lexicon writes it: titles dropped ("Dr Jane Smith" is
/// "Jane Smith"), but a peerage with one name kept whole ("Lord Frost").
///
/// A name in capitals ("JANE O'NEILL-SMITH", as some bylines print it) is written in
/// title case ("Jane O'Neill-Smith").
pub(crate) fn person_name(name: &str) -> String {
    let ws: Vec<String> = name.split_whitespace().map(title_case_capitals).collect();
    let ws: Vec<&str> = ws.iter().map(String::as_str).collect();
    let bare: Vec<&str> = ws.iter().copied().filter(|w| !is_title(w)).collect();
    let peer = ws
        .first()
        .is_some_and(|w| matches!(*w, "Lord" | "Baroness" | "Lady"));
    if bare.len() == 1 && peer {
        return ws.join(" ");
    }
    bare.join(" ")
}

/// A word in capitals of three letters or more in title case, each part after an
/// apostrophe or hyphen too ("O'NEILL-SMITH" is "O'Neill-Smith"); any other word as
/// it is ("MP", "McDonald").
fn title_case_capitals(w: &str) -> String {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || w.chars().any(char::is_lowercase) {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '\'' | '-' | '\u{2019}');
    }
    out
}

fn looks_like_person(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().filter(|w| !is_title(w)).collect();
    let peer = name.starts_with("Lord ") || name.starts_with("Baroness ");
    let min = if peer { 1 } else { 2 };
    // "The Northern Courier" is an outlet's name, never a person's.
    let article = ws.first().is_some_and(|w| matches!(*w, "The" | "A" | "An"));
    // "LSE British Politics": an acronym beside words in lower case is a body's name
    // ("JANE SMITH", all in capitals, is still a person's).
    let caps = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    let acronym_among_words = ws.iter().any(caps) && !ws.iter().all(caps);
    !article
        && !acronym_among_words
        && (min..=4).contains(&ws.len())
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
    let nblocks = layout.blocks.len();
    for (si, s) in layout.sentences.iter().enumerate() {
        let b = &layout.blocks[s.block];
        // A byline is a line of its own, or a short passage in the header (above the
        // running prose, or the first block) or the footer; never the body.
        let edge = s.block < header.body_start || s.block == 0 || s.block + 6 >= nblocks;
        let short = b.kind != BlockKind::Paragraph || (edge && b.words <= 40);
        if !short {
            continue;
        }
        for c in byline_may_match(scan, si, &s.norm)
            .then(|| byline_regex().captures_iter(&s.norm))
            .into_iter()
            .flatten()
        {
            // "by X" inside a sentence ("was broken by X") names no author: only a
            // byline's words (a date, "Posted on") may come before it.
            let at = c.get(0).map_or(0, |m| m.start());
            if !is_byline_prefix(&s.norm[..at]) {
                continue;
            }
            let list = c.get(1).map_or("", |m| m.as_str());
            for part in split_names(list) {
                // "By Jane Smith, Political Correspondent" or "By Jane Smith, BBC
                // News": the list of names ends at a role or a known organisation.
                if !looks_like_person(&part) || is_role(&part) || is_known_body(lex, &part) {
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
                // The role after an article, or a title without one ("Jane Smith is
                // Professor of Politics at ...").
                let role = c
                    .name("role")
                    .or_else(|| c.name("title"))
                    .map_or(String::new(), |m| m.as_str().to_lowercase());
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
    // A biography line in the last blocks: the writer introduced after the piece.
    let last = layout.sentences.partition_point(|s| s.block + 3 < nblocks);
    for (si, s) in layout.sentences.iter().enumerate().skip(last) {
        if layout.blocks[s.block].words > 60 {
            continue;
        }
        if let Some(c) = bio_line_regex().captures(&s.norm) {
            // "Boris Johnson was elected leader of ...": an event, not a writer's note.
            let event = c.name("article").is_none()
                && c.name("gap")
                    .is_some_and(|g| g.as_str().split_whitespace().any(|w| w.ends_with("ed")));
            if !event && looks_like_person(&c[1]) {
                hits.push(AuthorHit {
                    name: c[1].to_string(),
                    sentence: si,
                    confidence: 0.8,
                });
            }
        }
    }
    // An author line under the title: "David Bailey (Birmingham) and Philip
    // Tomlinson", "Jane Smith, The Courier (economics editor)", "Dr Jane Smith (site)".
    for (k, (si, line)) in header_lines(layout, header).enumerate() {
        if let Some((names, _)) = author_line(&line.norm) {
            for p in names {
                hits.push(AuthorHit {
                    name: p,
                    sentence: si,
                    confidence: 0.75,
                });
            }
            break;
        }
        // "Phillip Blond" alone on the line under the title: a name whose words the
        // article never writes in lower case ("Know Iorwerth", a rubric, is no name).
        // A byline ("By JANE SMITH") was read above, by the byline pattern.
        let byline = ["By ", "BY ", "by "]
            .iter()
            .any(|p| line.norm.starts_with(p));
        if k == 0 && !byline && looks_like_person(&line.norm) && !is_known_body(lex, &line.norm) {
            let words: Vec<&str> = line.norm.split_whitespace().collect();
            if (2..=3).contains(&words.len())
                && !words
                    .iter()
                    .any(|w| is_title(w) || used_in_lower_case(text, w))
            {
                hits.push(AuthorHit {
                    name: line.norm.clone(),
                    sentence: si,
                    confidence: 0.6,
                });
                break;
            }
        }
    }
    // A columnist named in capitals at the head of the title line: "STEPHEN GLOVER
    // Never mind Covid and Brexit, ..." (as the Daily Mail sets its comment pieces).
    let title = header
        .title_block
        .and_then(|tb| layout.sentences_of(tb).next());
    if let Some((si, name)) =
        title.and_then(|(si, s)| capitals_name_opening(&s.norm).map(|n| (si, n)))
    {
        hits.push(AuthorHit {
            name,
            sentence: si,
            confidence: 0.7,
        });
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

/// The name in capitals that opens a title line, in title case: two or three words
/// all in capitals, the first a given name, then a word in lower case ("STEPHEN
/// GLOVER Never mind ..." gives "Stephen Glover"). A headline all in capitals gives none.
fn capitals_name_opening(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let caps = |w: &str| {
        let w = w.trim_end_matches(':');
        w.len() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '\'' || c == '-')
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
    };
    let k = words.iter().take_while(|w| caps(w)).count();
    let next_lower = words
        .get(k)
        .is_some_and(|w| w.chars().any(char::is_lowercase));
    if !(2..=3).contains(&k) || !next_lower {
        return None;
    }
    let title_case = |w: &str| {
        let w = w.trim_end_matches(':');
        let mut cs = w.chars();
        cs.next()
            .map(|c| {
                c.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect::<String>()
            })
            .unwrap_or_default()
    };
    let name: Vec<String> = words[..k].iter().map(|w| title_case(w)).collect();
    levelmap_model::given_names::is_given_name(&name[0]).then(|| name.join(" "))
}

/// Whether the text writes `word` in lower case as a word of its own ("know" for
/// "Know"): then the capitalised word may be an ordinary word, not a name.
fn used_in_lower_case(text: &str, word: &str) -> bool {
    let lw = word.to_lowercase();
    if lw == word || lw.is_empty() {
        return true;
    }
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, lw.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + lw.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The header's own lines after the title, as (sentence, sentence): up to four short
/// lines (blocks of one sentence, without closing punctuation) above the running prose.
pub(crate) fn header_lines<'a>(
    layout: &'a Layout,
    header: &Header,
) -> impl Iterator<Item = (usize, &'a crate::sentences::Sentence)> {
    let from = header.title_block.map_or(0, |t| t + 1);
    // Four lines under the title, not counting the page's furniture.
    (from..layout.blocks.len())
        .filter(move |&bi| !is_page_furniture(layout, bi))
        .take(4)
        .filter(move |&bi| layout.blocks[bi].kind == BlockKind::Heading)
        .filter_map(move |bi| layout.sentences_of(bi).next())
}

/// Whether block `bi` is a news page's furniture under its title, as a copy of the
/// page keeps it: a word alone on its line ("Share", "Save", "Listen") or the age of
/// the page ("3 days ago", "an hour ago"), neither of which names an author.
fn is_page_furniture(layout: &Layout, bi: usize) -> bool {
    let b = &layout.blocks[bi];
    if b.kind != BlockKind::Heading || b.words > 4 {
        return false;
    }
    let line = layout
        .sentences_of(bi)
        .next()
        .map_or("", |(_, s)| s.norm.trim());
    b.words == 1 && !line.contains('.')
        || line.strip_suffix(" ago").is_some_and(|age| {
            let mut w = age.split(' ');
            let n = w.next().unwrap_or("");
            let unit = w.next().unwrap_or("").trim_end_matches('s');
            (n.bytes().all(|c| c.is_ascii_digit()) || matches!(n, "a" | "an" | "one"))
                && matches!(
                    unit,
                    "minute" | "min" | "hour" | "hr" | "day" | "week" | "month"
                )
                && w.next().is_none()
        })
}

/// An author line: names (a list, with bracketed affiliations or roles), and the
/// outlet after a comma: "Jane Smith, The Courier (economics editor)" gives (["Jane
/// Smith"], Some("The Courier")); "Dr Jane Smith (janesmith.org)" (["Dr Jane Smith"],
/// None). A single name needs a title, brackets, an outlet or a known given name.
pub(crate) fn author_line(line: &str) -> Option<(Vec<String>, Option<String>)> {
    // Cheap tests first: an author line opens with a capital and is short.
    if !line.starts_with(|c: char| c.is_uppercase()) || line.split(' ').nth(14).is_some() {
        return None;
    }
    let line = ["By ", "BY ", "by ", "Written by ", "Author: ", "Words by "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    let stripped = strip_brackets(line);
    let bracketed = stripped.len() < line.len();
    let mut segments = stripped.split(", ");
    let first = segments.next()?;
    let mut names = split_names(first);
    let mut outlet = None;
    let given = |p: &String| given_names().contains(p.split_whitespace().next().unwrap_or(""));
    for seg in segments {
        let more = split_names(seg);
        // After a comma, a further author needs a known given name ("Jane Smith, Tom
        // Jones"); otherwise the words name the outlet ("Jane Smith, The Courier").
        if outlet.is_none()
            && !more.is_empty()
            && more.iter().all(|p| looks_like_person(p) && given(p))
        {
            names.extend(more);
        } else if is_role(seg) {
            // "Faisal Islam, Economics editor": a role, not an outlet; "Jane Smith, BBC
            // political correspondent": a news outlet's role names the outlet.
            if outlet.is_none() {
                outlet = super::outlet::news_outlet_opening(seg).map(str::to_string);
            }
            continue;
        } else if outlet.is_none() && is_outlet_name(seg) {
            outlet = Some(seg.trim().to_string());
        } else {
            return None;
        }
    }
    let titled = names
        .first()
        .and_then(|n| n.split_whitespace().next())
        .is_some_and(is_title);
    let given = names.iter().any(given);
    // One name alone needs a sign it is a person's: a known given name, a title, or
    // brackets ("David Bailey (Birmingham)"); an outlet after it is no such sign.
    let ok = !names.is_empty()
        && names.iter().all(|p| looks_like_person(p))
        && (names.len() > 1 || bracketed || titled || given);
    ok.then_some((names, outlet))
}

/// Whether `name` is (or starts with) the name of a known actor that is no person:
/// "BBC News", "The Economist".
fn is_known_body(lex: &Lexicon, name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    (1..=ws.len()).rev().any(|n| {
        lex.id_for_name(&ws[..n].join(" "))
            .and_then(|id| lex.entities.get(id))
            .is_some_and(|e| e.node_kind == NodeKind::Actor && e.kind != "person")
    })
}

/// Whether a byline's segment is the author's role ("Economics editor", "Political
/// correspondent"): it holds a role word.
pub(super) fn is_role(seg: &str) -> bool {
    // "The Economist" names an outlet; "Chief Economist" is a role.
    !seg.trim_start().starts_with("The ")
        && seg.split_whitespace().any(|w| {
            let l = w.to_lowercase();
            ROLE_LINE_WORDS.contains(&l.as_str())
                || matches!(
                    l.as_str(),
                    "reporter" | "columnist" | "commentator" | "correspondent" | "journalist"
                )
        })
}

/// A name an outlet may have: one to six words, the first capitalised, no sentence
/// punctuation ("The Courier", "Centre for Cities").
fn is_outlet_name(s: &str) -> bool {
    let s = s.trim();
    let n = s.split_whitespace().count();
    (1..=6).contains(&n)
        && s.starts_with(|c: char| c.is_uppercase())
        && !s.contains(['.', '?', '!', ':', ';'])
        || is_site_name(s)
}

/// A web site's name: "janesmith.org", "www.example.co.uk".
pub(crate) fn is_site_name(s: &str) -> bool {
    let s = s.trim().trim_start_matches("www.");
    let mut parts = s.split('.');
    let host = parts.next().unwrap_or("");
    let tld: Vec<&str> = parts.collect();
    !host.is_empty()
        && !tld.is_empty()
        && tld.len() <= 2
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && tld
            .iter()
            .all(|t| (2..=6).contains(&t.len()) && t.chars().all(|c| c.is_ascii_lowercase()))
}

/// Words a byline may hold before its "by": "Posted on: 8 July 2024 by", "Words |
/// 3 March 2020 | by", "Viewpoint by", "Guest column by", "This article was originally
/// posted on Medium by"; anything else (a sentence's words) and the "by" is no byline's.
fn is_byline_prefix(prefix: &str) -> bool {
    const WORDS: &[&str] = &[
        "posted",
        "published",
        "written",
        "updated",
        "first",
        "on",
        "at",
        "words",
        "story",
        "report",
        "article",
        "blog",
        "post",
        "opinion",
        "comment",
        "commentary",
        "analysis",
        "viewpoint",
        "guest",
        "column",
        "feature",
        "interview",
        "review",
        "essay",
        "briefing",
        "explainer",
        "am",
        "pm",
        "bst",
        "gmt",
        "utc",
        "and",
        "photos",
        "last",
        // "This article was originally posted on Medium by Lucy Warin".
        "this",
        "was",
        "originally",
        "previously",
        "also",
        "medium",
        "substack",
        "linkedin",
    ];
    let mut rest = prefix.to_string();
    for (_, a, b) in super::dates::parse_dates(prefix).into_iter().rev() {
        rest.replace_range(a..b, " ");
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let l = w.to_lowercase();
            w.chars().all(|c| c.is_ascii_digit()) || WORDS.contains(&l.as_str()) || is_day_name(&l)
        })
}

fn is_day_name(w: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
    .contains(&w)
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
    if let Some(id) = lex.id_for_name(name) {
        return id.to_string();
    }
    let bare = person_name(name);
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
