//! The article's outlet, when stated: a copyright, "Published by" or "Source:" line,
//! the outlet after the author's name in a byline ("Jane Smith, The Courier"), a
//! disclaimer naming the publisher, the author's organisation in a biography line,
//! a site name at the top or bottom of the page, or an organisation the article calls
//! its own. An outlet the lexicon lacks becomes an organisation candidate.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

use super::authors::{author_line, header_lines, is_role, is_site_name};
use crate::found::{Found, Header};
use crate::items::{Candidate, DraftRef, Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::scan::{Scan, Set};
use crate::sentences::{quote, BlockKind, Layout};
use crate::slug::slug;
use levelmap_model::NodeKind;

/// The words of a news outlet speaking of itself in its body ([`self_reference`]):
/// the first four open or hold it, the rest follow the outlet's name.
pub(crate) const SELF_REFERENCE: &[&str] = &[
    "this newspaper",
    "This newspaper",
    "told ",
    "speaking to ",
    " understands",
    " has learned",
    " has learnt",
    " has been told",
    " has seen",
    " has obtained",
    " has approached",
    " has contacted",
];

/// Phrases by which an article presents an organisation as its own ("our research").
pub(crate) const OUTLET_SELF: &[&str] = &[
    "our research",
    "our work",
    "our new report",
    "this series",
    "this blog",
    "our report",
    " research has ",
    "'s three research",
];

/// Which outlet patterns ([`outlet_regexes`], in order) may match sentence `si`, from
/// the literals each needs.
pub(crate) fn outlet_gates(scan: &Scan, si: usize, norm: &str) -> [bool; 4] {
    let occ = scan.of(si);
    // "is a ... at X": an "is a" before an " at "/" with " that "the " or a capital follows.
    let first_is_a = occ
        .iter()
        .filter(|o| o.set == Set::IsAGate)
        .map(|o| o.start)
        .min();
    let at_org = first_is_a.is_some_and(|p| {
        occ.iter()
            .filter(|o| o.set == Set::AtGate && o.start > p)
            .any(|o| {
                let rest = &norm.as_bytes()[o.end as usize..];
                rest.starts_with(b"the ") || rest.first().is_some_and(u8::is_ascii_uppercase)
            })
    });
    [
        scan.any(si, Set::CopyrightGate),
        scan.any(si, Set::PublishedGate),
        scan.any(si, Set::ViewsGate),
        at_org,
    ]
}

pub(crate) fn outlet_regexes() -> &'static [(Regex, f64)] {
    static R: OnceLock<Vec<(Regex, f64)>> = OnceLock::new();
    R.get_or_init(|| {
        let org = r"(?:the )?([A-Z][\p{L}'&-]*(?: (?:of|for|and|the|not|on|&|[A-Z][\p{L}'&-]*))*)";
        [
            (format!(r"(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?{org}"), 0.8),
            (format!(r"(?:first |originally )?published (?:by|on|in) {org}"), 0.7),
            (format!(r"(?:opinions|views) of {org}"), 0.6),
            (format!(r"\b(?:is|was) (?:a|an|the) (?:[A-Za-z-]+ ){{0,5}}?(?:[A-Za-z-]+) (?:at|with) {org}"), 0.6),
        ]
        .into_iter()
        .map(|(r, c)| (Regex::new(&r).expect("valid regex"), c))
        .collect()
    })
}

/// The outlet, when stated: a copyright or "published by" line, a disclaimer naming
/// the publisher, the author's organisation in a biography line, a site name at the
/// top of the page, or an organisation the article calls its own ("as our research",
/// "X research has highlighted").
pub(crate) fn outlet(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    header: &Header,
    found: &mut Found,
    scan: &Scan,
) -> Option<DraftRef> {
    let mut best = stated_outlet(layout, lex, header, found, scan);
    // An outlet named on a line of its own, by name: a byline's, a publisher line's,
    // a site's. Known names are their lexicon ids; others are drafted.
    if let Some((conf, name, si)) = named_outlet(layout, header) {
        if best.as_ref().is_none_or(|b| conf > b.0) {
            best = Some((conf, outlet_actor(&name, si, text, layout, lex, found), si));
        }
    }
    if best.is_none() {
        if let Some((conf, name, si)) = self_reference(layout, scan).or_else(|| end_mark(layout)) {
            best = Some((conf, outlet_actor(name, si, text, layout, lex, found), si));
        }
    }
    if best.is_none() {
        if let Some((name, si)) = asked_for_comment(layout) {
            best = Some((0.5, outlet_actor(name, si, text, layout, lex, found), si));
        }
    }
    let (conf, id, si) = best?;
    let s = &layout.sentences[si];
    Some(DraftRef {
        id,
        quote: quote(text, s.start, s.end),
        confidence: conf,
    })
}

/// A news outlet that speaks of itself in the body, as reporters do, when nothing
/// else names the outlet, as (confidence, name, sentence): "the BBC understands",
/// "The Times has learnt", "told the Guardian" (the first such sentence), or The
/// Economist's own idiom, "this newspaper".
fn self_reference(layout: &Layout, scan: &Scan) -> Option<(f64, &'static str, usize)> {
    for (si, s) in layout.sentences.iter().enumerate() {
        if !scan.any(si, Set::SelfRefGate) {
            continue;
        }
        let norm = s.norm.as_str();
        if norm.contains("this newspaper") || norm.contains("This newspaper") {
            return Some((0.6, "The Economist", si));
        }
        for (_, name) in &KNOWN_SITES[..NEWS_SITES] {
            let bare = name.strip_prefix("The ").unwrap_or(name);
            if bare.len() < 3 || !norm.contains(bare) {
                continue;
            }
            let said_to = ["told the ", "told ", "speaking to the ", "speaking to "]
                .iter()
                .any(|p| word_at_end(norm, &format!("{p}{bare}")));
            let learnt = SELF_REFERENCE[4..]
                .iter()
                .any(|a| norm.contains(&format!("{bare}{a}")));
            if said_to || learnt {
                return Some((0.55, name, si));
            }
        }
    }
    None
}

/// Verbs by which a newsroom asks someone for comment: "Roman Road LDN approached
/// Tower Hamlets council for comment", "The Courier has contacted the council for a
/// response".
const ASKED: &[&str] = &[
    " approached ",
    " has approached ",
    " contacted ",
    " has contacted ",
    " asked ",
    " has asked ",
    " reached out to ",
];

/// The outlet as a report names itself asking for comment, when nothing else names
/// it, as (name, sentence): the capitalised name that opens the sentence whose verb
/// is one of [`ASKED`], the sentence asking "for comment" or "for a comment" or "for
/// a response". A person's name does not say so ("Jane Smith asked the council for
/// comment"): the name must hold no given name.
fn asked_for_comment(layout: &Layout) -> Option<(&str, usize)> {
    layout.sentences.iter().enumerate().find_map(|(si, s)| {
        let norm = s.norm.as_str();
        if !may_ask_for_comment(norm)
            || !["for comment", "for a comment", "for a response"]
                .iter()
                .any(|p| norm.contains(p))
        {
            return None;
        }
        let at = ASKED.iter().filter_map(|v| norm.find(v)).min()?;
        let name = &norm[..at];
        let words: Vec<&str> = name.split(' ').collect();
        let named = (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && !words.iter().enumerate().any(|(k, w)| {
                crate::words::given_names().contains(w)
                    || (k > 0 || *w != "The") && crate::words::is_stopword(&w.to_lowercase())
            })
            && !name.contains([',', '"', '\'', '\u{2018}', '\u{201c}']);
        named.then_some((name, si))
    })
}

/// Whether `norm` holds "comment" or "respond" (in any case of their first letter),
/// as every phrase of asking for comment does: a cheap first test, most sentences
/// holding neither.
pub(crate) fn may_ask_for_comment(norm: &str) -> bool {
    static GATES: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
    let gates = GATES.get_or_init(|| {
        [
            memchr::memmem::Finder::new(b"omment"),
            memchr::memmem::Finder::new(b"espon"),
        ]
    });
    gates.iter().any(|g| g.find(norm.as_bytes()).is_some())
}

/// The Economist's end mark, a black square closing an article's last paragraph
/// ("... What a waste. ■"), as (confidence, name, sentence): the last of the last
/// five sentences that ends in it.
fn end_mark(layout: &Layout) -> Option<(f64, &'static str, usize)> {
    let n = layout.sentences.len();
    (n.saturating_sub(5)..n)
        .rev()
        .find(|&si| layout.sentences[si].norm.trim_end().ends_with('\u{25a0}'))
        .map(|si| (0.55, "The Economist", si))
}

/// Whether `phrase` occurs in `norm` ending on a word boundary.
fn word_at_end(norm: &str, phrase: &str) -> bool {
    norm.match_indices(phrase).any(|(i, _)| {
        norm[i + phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// An outlet written by name on a header or footer line, as (confidence, name,
/// sentence): after the author's name in a byline ("Jane Smith, The Courier
/// (editor)"), on a publisher line ("Published by X", "Source: X", "Publisher: X"),
/// or a web site's name alone or in brackets ("www.example.org", "(janesmith.org)").
fn named_outlet(layout: &Layout, header: &Header) -> Option<(f64, String, usize)> {
    for (si, line) in header_lines(layout, header) {
        if let Some((_, Some(name))) = author_line(&line.norm) {
            // "By Jane Smith, BBC Scotland": the outlet is the BBC.
            let name = news_outlet_division(&name).map_or(name, str::to_string);
            return Some((0.7, name, si));
        }
        if let Some(name) = role_line_outlet(&line.norm) {
            return Some((0.7, name.to_string(), si));
        }
    }
    if let Some((name, si)) = outlet_line(layout, header) {
        return Some((0.7, name.to_string(), si));
    }
    if let Some((name, si)) = statement_title(layout, header) {
        return Some((0.65, name, si));
    }
    let n = layout.blocks.len();
    let edge = |bi: usize| bi < header.body_start.max(4) || bi + 4 >= n;
    let mut site = None;
    for (si, s) in layout.sentences.iter().enumerate() {
        if !edge(s.block) {
            continue;
        }
        if let Some(name) = known_site_in(&s.norm) {
            return Some((0.8, name.to_string(), si));
        }
        if layout.blocks[s.block].words > 12 {
            continue;
        }
        if let Some(name) = publisher_line(&s.norm) {
            return Some((0.75, name, si));
        }
        if site.is_none() {
            site = site_in(&s.norm).map(|name| (0.5, name, si));
        }
    }
    site
}

/// The news outlet of a byline's role on a line of its own, under the author's name,
/// as the BBC's pages set it: "Political reporter, BBC News", "BBC political
/// correspondent". Every part of the line is a role or the one known news outlet.
fn role_line_outlet(line: &str) -> Option<&'static str> {
    let mut outlet = None;
    let mut role = false;
    for seg in line.trim().split(", ") {
        if let Some(name) = news_outlet_or_division(seg.trim()) {
            outlet = outlet.or(Some(name));
        } else if is_role(seg) {
            role = true;
            outlet = outlet.or_else(|| news_outlet_opening(seg));
        } else {
            return None;
        }
    }
    outlet.filter(|_| role)
}

/// The body whose statement the article is, by its title, as (name, sentence):
/// "Suffolk Libraries' statement regarding ...", "Statement from the Local
/// Government Association on ...", "Shelter responds to the Budget". A press release
/// is its body's own article.
fn statement_title(layout: &Layout, header: &Header) -> Option<(String, usize)> {
    let bi = header.title_block?;
    let si = layout.sentences.iter().position(|s| s.block == bi)?;
    let t = layout.sentences[si].norm.trim();
    let lower = t.to_lowercase();
    let name = if let Some(p) = [
        "'s statement",
        "' statement",
        " statement on ",
        " responds to ",
        " response to ",
    ]
    .iter()
    .find_map(|k| lower.find(k))
    {
        &t[..p]
    } else {
        let rest = ["statement from ", "statement by "]
            .iter()
            .find_map(|k| lower.starts_with(k).then(|| &t[k.len()..]))?;
        let end = [" on ", " regarding ", " about ", ":", " to "]
            .iter()
            .filter_map(|k| rest.find(k))
            .min()
            .unwrap_or(rest.len());
        &rest[..end]
    };
    let name = name.trim();
    let name = name.strip_prefix("the ").unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = (1..=6).contains(&words.len())
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "for" | "and" | "the" | "&")
        });
    named.then(|| (name.to_string(), si))
}

/// Web sites of outlets and publishers that write about UK public policy, by domain,
/// with the name the outlet goes by (the background lexicon knows these names): a
/// page saved from the web keeps its address on a header or footer line ("This
/// article was downloaded by calibre from https://www.economist.com/...").
/// How many of [`KNOWN_SITES`], from the first, are news outlets.
const NEWS_SITES: usize = 26;

const KNOWN_SITES: &[(&str, &str)] = &[
    ("economist.com", "The Economist"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("theguardian.com", "The Guardian"),
    ("ft.com", "Financial Times"),
    ("thetimes.co.uk", "The Times"),
    ("telegraph.co.uk", "The Telegraph"),
    ("dailymail.co.uk", "Daily Mail"),
    ("independent.co.uk", "The Independent"),
    ("mirror.co.uk", "Daily Mirror"),
    ("thesun.co.uk", "The Sun"),
    ("express.co.uk", "Daily Express"),
    ("newstatesman.com", "New Statesman"),
    ("spectator.co.uk", "The Spectator"),
    ("prospectmagazine.co.uk", "Prospect"),
    ("inews.co.uk", "i"),
    ("cityam.com", "City AM"),
    ("manchestereveningnews.co.uk", "Manchester Evening News"),
    ("yorkshirepost.co.uk", "Yorkshire Post"),
    ("thenorthernecho.co.uk", "The Northern Echo"),
    ("liverpoolecho.co.uk", "Liverpool Echo"),
    ("birminghammail.co.uk", "Birmingham Mail"),
    ("chroniclelive.co.uk", "Chronicle Live"),
    ("walesonline.co.uk", "WalesOnline"),
    ("heraldscotland.com", "The Herald"),
    ("scotsman.com", "The Scotsman"),
    ("centreforcities.org", "Centre for Cities"),
    ("ippr.org", "IPPR"),
    ("instituteforgovernment.org.uk", "Institute for Government"),
    ("resolutionfoundation.org", "Resolution Foundation"),
    ("ifs.org.uk", "Institute for Fiscal Studies"),
    ("ukonward.com", "Onward"),
    ("localis.org.uk", "Localis"),
    ("policyexchange.org.uk", "Policy Exchange"),
    ("jrf.org.uk", "Joseph Rowntree Foundation"),
    ("niesr.ac.uk", "NIESR"),
    ("conservativehome.com", "ConservativeHome"),
    ("opendemocracy.net", "openDemocracy"),
    ("huffingtonpost.co.uk", "HuffPost UK"),
    ("publicfinance.co.uk", "Public Finance"),
    ("theconversation.com", "The Conversation"),
    ("parliament.uk", "UK Parliament"),
];

/// A short header line that names a news outlet as one of its comma-separated parts,
/// as a byline's second line does ("Political reporter, BBC News", "BBC News,
/// Yorkshire", "The Guardian | Politics"): between the title and the running prose,
/// at most eight lines down.
fn outlet_line(layout: &Layout, header: &Header) -> Option<(&'static str, usize)> {
    let from = header.title_block.map_or(0, |t| t + 1);
    let to = header.body_start.min(from + 8).min(layout.blocks.len());
    (from..to)
        .filter(|&bi| layout.blocks[bi].kind == BlockKind::Heading && layout.blocks[bi].words <= 8)
        .filter_map(|bi| layout.sentences_of(bi).next())
        .find_map(|(si, s)| {
            s.norm
                .split([',', '|'])
                .map(str::trim)
                .find_map(news_outlet_or_division)
                .map(|name| (name, si))
        })
}

/// The known news outlet a phrase is, exactly: "BBC News", "Guardian", "The Times".
fn news_outlet_named(phrase: &str) -> Option<&'static str> {
    news_names().find(|name| phrase == *name || name.strip_prefix("The ") == Some(phrase))
}

/// The known news outlets' names, longest-standing first: the news sites', and "BBC
/// News".
fn news_names() -> impl Iterator<Item = &'static str> {
    KNOWN_SITES[..NEWS_SITES]
        .iter()
        .map(|(_, name)| *name)
        .chain(["BBC News"])
        .filter(|name| name.len() > 1)
}

/// The news outlet whose name opens a byline's role ("BBC political correspondent",
/// "Guardian economics editor", "The Times's chief reporter"): one of the known news
/// sites' names, with or without its "The", before a lower-case word; else a name as
/// written before a division of it in capitals and a lower-case word ("BBC Scotland
/// political editor", "BBC North West reporter").
pub(crate) fn news_outlet_opening(role: &str) -> Option<&'static str> {
    let role = role.trim();
    let lower_next = |rest: &str| {
        rest.strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
    };
    news_names()
        .find(|name| {
            [*name, name.strip_prefix("The ").unwrap_or(name)]
                .iter()
                .any(|n| {
                    role.strip_prefix(n)
                        .is_some_and(|rest| lower_next(rest.strip_prefix("'s").unwrap_or(rest)))
                })
        })
        .or_else(|| {
            news_names().find(|name| {
                role.strip_prefix(name)
                    .and_then(|rest| division_words(rest, 3))
                    .is_some_and(lower_next)
            })
        })
}

/// The known news outlet a phrase is ([`news_outlet_named`]) or names by one of its
/// divisions ([`news_outlet_division`]).
fn news_outlet_or_division(phrase: &str) -> Option<&'static str> {
    news_outlet_named(phrase).or_else(|| news_outlet_division(phrase))
}

/// The known news outlet a phrase names by one of its divisions: its name as written,
/// then one to three capitalised words and nothing else ("BBC Scotland", "BBC North
/// West", "BBC Radio Leeds").
fn news_outlet_division(phrase: &str) -> Option<&'static str> {
    news_names().find(|name| {
        phrase
            .strip_prefix(name)
            .and_then(|rest| division_words(rest, 3))
            .is_some_and(str::is_empty)
    })
}

/// What follows one to `max` capitalised words at the start of `rest`, each after a
/// space; `None` if `rest` opens with none.
fn division_words(rest: &str, max: usize) -> Option<&str> {
    let mut rest = rest;
    let mut n = 0;
    while n < max {
        let Some(word) = rest
            .strip_prefix(' ')
            .filter(|r| r.starts_with(|c: char| c.is_uppercase()))
        else {
            break;
        };
        rest = &word[word.find(' ').unwrap_or(word.len())..];
        n += 1;
    }
    (n > 0).then_some(rest)
}

/// The outlet whose web address a line holds, when the address is a known site's.
fn known_site_in(line: &str) -> Option<&'static str> {
    // (memchr's one-shot search: no substring searcher is set up per line.)
    let find = |needle: &str| memchr::memmem::find(line.as_bytes(), needle.as_bytes());
    let at = find("://").map(|i| i + 3).or_else(|| find("www."))?;
    let host: String = line[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let host = host.trim_start_matches("www.");
    KNOWN_SITES
        .iter()
        .find(|(d, _)| {
            host.strip_suffix(d)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        })
        .map(|(_, name)| *name)
}

/// The publisher a line names: "Published by X", "Source: X", "Publisher: X".
fn publisher_line(line: &str) -> Option<String> {
    let rest = ["Published by ", "Publisher: ", "Source: ", "Published by: "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .or_else(|| work_by(line))?;
    let name = rest
        .split(['|', '(', ','])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.');
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words) && name.starts_with(|c: char| c.is_uppercase()) || is_site_name(name))
        .then(|| name.to_string())
}

/// The body named on a footer or header line as the one whose work the page is
/// ("Analysis by PolicyEngine.", "Research by the Resolution Foundation"), unless it
/// is a person's name (then it is a byline: "Analysis by Jane Smith").
fn work_by(line: &str) -> Option<&str> {
    let rest = [
        "Analysis by ",
        "Research by ",
        "A report by ",
        "Report by ",
        "Produced by ",
        // A blog that posts under its own name: "Posted by LSE British Politics and
        // Policy" (a person's name there is a byline).
        "Posted by ",
    ]
    .iter()
    .find_map(|p| line.strip_prefix(p))?;
    let name = rest.split(['|', '(', ',', '.']).next().unwrap_or("").trim();
    // A blog's user account is no outlet: "Posted by Admin", "Posted by Guest".
    const ACCOUNTS: &[&str] = &[
        "Admin",
        "Administrator",
        "Editor",
        "Guest",
        "Staff",
        "Team",
        "Webmaster",
    ];
    if ACCOUNTS.contains(&name) {
        return None;
    }
    let mut words = name.split_whitespace();
    let person = words.clone().count() >= 2
        && words.all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && crate::words::given_names().contains(name.split(' ').next().unwrap_or(""));
    (!person).then_some(rest)
}

/// A web site's name alone on a line or in brackets: "www.example.org", "(janesmith.org)".
fn site_in(line: &str) -> Option<String> {
    let t = line.trim();
    if is_site_name(t) {
        return Some(t.trim_start_matches("www.").to_string());
    }
    let inner = t.rsplit_once('(')?.1.strip_suffix(')')?;
    is_site_name(inner).then(|| inner.trim_start_matches("www.").to_string())
}

/// The actor for an outlet's name: its lexicon id, a candidate found already, or a
/// new organisation candidate.
fn outlet_actor(
    name: &str,
    si: usize,
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    found: &mut Found,
) -> String {
    let bare = name.strip_prefix("The ").unwrap_or(name);
    if let Some(id) = lex.id_for_name(name).or_else(|| lex.id_for_name(bare)) {
        return id.to_string();
    }
    // A body the article has named already, by its name or an alias ("the PTU" after
    // "The Peterborough Tenants' Union (PTU)").
    if let Some(c) = found.candidates.iter().find(|c| {
        c.node_kind == NodeKind::Actor
            && std::iter::once(&c.name)
                .chain(&c.aliases)
                .any(|n| n == name || n == bare)
    }) {
        return c.id.clone();
    }
    let id = format!("actor:{}", slug(bare));
    let s = &layout.sentences[si];
    let at = s.norm.find(name).unwrap_or(0);
    found.push_mention(Mention {
        id: id.clone(),
        sentence: si,
        start: at,
        end: at + name.len(),
        how: MentionHow::Candidate,
    });
    if found.candidates.iter().any(|c| c.id == id) {
        return id;
    }
    found.candidates.push(Candidate {
        id: id.clone(),
        name: name.to_string(),
        node_kind: NodeKind::Actor,
        kind: "organisation".into(),
        aliases: vec![],
        role: None,
        quote: quote(text, s.start, s.end),
        count: 1,
        confidence: 0.7,
        evidence: "named as the article's outlet".into(),
        known: lex.ids.contains(&id),
    });
    found.candidates.sort_by(|a, b| a.id.cmp(&b.id));
    id
}

/// The outlet as the text states it of an organisation already found: the pattern
/// lines, self-naming, an organisation alone on a line at the top; as (confidence,
/// id, sentence).
fn stated_outlet(
    layout: &Layout,
    lex: &Lexicon,
    header: &Header,
    found: &Found,
    scan: &Scan,
) -> Option<(f64, String, usize)> {
    let mut best: Option<(f64, String, usize)> = None;
    let consider = |conf: f64, id: String, si: usize, best: &mut Option<(f64, String, usize)>| {
        if best.as_ref().is_none_or(|b| conf > b.0) {
            *best = Some((conf, id, si));
        }
    };
    let org_id = |name: &str, si: usize| -> Option<String> {
        let name = name.trim().trim_end_matches(['.', ',', ';']);
        if let Some(id) = lex.id_for_name(name) {
            return Some(id.to_string());
        }
        let s = &layout.sentences[si];
        let at = s.norm.find(name)?;
        found
            .in_sentence(si)
            .filter(|m| m.start >= at && m.end <= at + name.len() + 1 && is_org(&m.id, lex, found))
            .map(|m| m.id.clone())
            .next()
    };
    let nblocks = layout.blocks.len();
    for (si, s) in layout.sentences.iter().enumerate() {
        // Outlets are named at the top or bottom of a page, or in short lines.
        let edge = s.block < 8 || s.block + 6 >= nblocks || s.words <= 30;
        if !edge {
            continue;
        }
        for ((re, conf), open) in outlet_regexes().iter().zip(outlet_gates(scan, si, &s.norm)) {
            if !open {
                continue;
            }
            for c in re.captures_iter(&s.norm) {
                if let Some(id) = c.get(1).and_then(|m| org_id(m.as_str(), si)) {
                    consider(*conf, id, si, &mut best);
                }
            }
        }
        let names_itself = if crate::scan::ascii_fold_is_lowercase(&s.norm) {
            scan.any(si, Set::OutletSelf)
        } else {
            let lower = s.norm.to_lowercase();
            OUTLET_SELF.iter().any(|p| lower.contains(p))
        };
        if names_itself && !cites_another(&s.norm) {
            let orgs: BTreeSet<&str> = found
                .in_sentence(si)
                .filter(|m| is_org(&m.id, lex, found))
                .map(|m| m.id.as_str())
                .collect();
            if orgs.len() == 1 {
                consider(
                    0.45,
                    orgs.into_iter().next().unwrap_or_default().to_string(),
                    si,
                    &mut best,
                );
            }
        }
    }
    // A site name alone on a line at the top of the page.
    for (bi, b) in layout.blocks.iter().enumerate().take(4) {
        if b.kind == BlockKind::Paragraph || Some(bi) == header.title_block {
            continue;
        }
        if let Some((si, s)) = layout.sentences_of(bi).next() {
            // "A British FBI" over an Economist headline: a rubric, a phrase with an
            // article, not a site's name.
            if s.norm.starts_with("A ") || s.norm.starts_with("An ") {
                continue;
            }
            let ms: Vec<&Mention> = found.in_sentence(si).collect();
            if ms.len() == 1
                && ms[0].end - ms[0].start + 2 >= s.norm.len()
                && is_org(&ms[0].id, lex, found)
            {
                consider(0.55, ms[0].id.clone(), si, &mut best);
            }
        }
    }
    best
}

/// Whether a sentence that seems to name its own outlet only cites another body or
/// uses the words otherwise: "As Shelter research has shown" cites Shelter, and "this
/// series of disasters" is no series of articles.
fn cites_another(norm: &str) -> bool {
    let lower = norm.to_ascii_lowercase();
    let as_cited = lower.find(" research has ").is_some_and(|at| {
        let before = &lower[..at];
        let from = before
            .rfind("as ")
            .filter(|&i| i == 0 || before[..i].ends_with([' ', ',']));
        from.is_some_and(|i| {
            let between = &before[i + 3..];
            between.split(' ').count() <= 5
                && !between
                    .split(' ')
                    .any(|w| matches!(w, "our" | "my" | "this"))
        })
    });
    let series_of = lower.contains("this series of ");
    as_cited || series_of
}

fn is_org(id: &str, lex: &Lexicon, found: &Found) -> bool {
    if let Some(e) = lex.entities.get(id) {
        return e.node_kind == NodeKind::Actor
            && matches!(e.kind.as_str(), "think-tank" | "organisation");
    }
    found
        .candidates
        .iter()
        .any(|c| c.id == id && matches!(c.kind.as_str(), "think-tank" | "organisation"))
}

#[cfg(test)]
mod tests {
    use super::{
        news_outlet_division, news_outlet_opening, role_line_outlet, KNOWN_SITES, NEWS_SITES,
    };

    /// "By Jane Smith, BBC political correspondent" gave no outlet: the role after
    /// the name was read as a role only.
    #[test]
    fn a_news_outlets_name_opening_the_bylines_role_gave_no_outlet() {
        assert_eq!(
            news_outlet_opening("BBC political correspondent"),
            Some("BBC")
        );
        assert_eq!(
            news_outlet_opening("Guardian economics editor"),
            Some("The Guardian")
        );
        assert_eq!(
            news_outlet_opening("The Times's chief reporter"),
            Some("The Times")
        );
        assert_eq!(
            news_outlet_opening("BBC News political reporter"),
            Some("BBC News")
        );
        assert_eq!(news_outlet_opening("Political correspondent"), None);
        assert_eq!(news_outlet_opening("Economics editor"), None);
        assert_eq!(news_outlet_opening("Sunday Times writer"), None);
    }

    /// "Political correspondent, BBC North West", "BBC Scotland political editor" and
    /// "By Jane Smith, BBC Scotland" gave no outlet, or a new one named "BBC North
    /// West": a division of a news outlet is that outlet.
    #[test]
    fn a_division_of_a_news_outlet_gave_no_outlet_or_a_new_one() {
        assert_eq!(
            news_outlet_opening("BBC Scotland political editor"),
            Some("BBC")
        );
        assert_eq!(news_outlet_opening("BBC North West reporter"), Some("BBC"));
        assert_eq!(
            news_outlet_opening("BBC News political reporter"),
            Some("BBC News")
        );
        assert_eq!(news_outlet_division("BBC North West"), Some("BBC"));
        assert_eq!(news_outlet_division("BBC Radio Leeds"), Some("BBC"));
        assert_eq!(news_outlet_division("BBC"), None);
        assert_eq!(news_outlet_division("BBC Scotland says"), None);
        // Only a name as written: "Times" is no opening of "Times Higher Education".
        assert_eq!(news_outlet_opening("Times Higher Education reporter"), None);
        assert_eq!(news_outlet_division("Times Higher Education"), None);
        assert_eq!(
            role_line_outlet("Political correspondent, BBC North West"),
            Some("BBC")
        );
        assert_eq!(
            role_line_outlet("Political correspondent, Acme North West"),
            None
        );
    }

    #[test]
    fn the_news_outlets_lead_the_known_sites() {
        assert_eq!(KNOWN_SITES[NEWS_SITES - 1].1, "The Scotsman");
        assert_eq!(KNOWN_SITES[NEWS_SITES].1, "Centre for Cities");
    }
}
