//! An article's metadata: title, authors (from bylines, author lines and "X is a
//! Policy Researcher at Y"), outlet, and date, either stated ("8 July 2024",
//! "Jul 9th 2020", "2024-07-08", "July 2024") or inferred from the dated lexicon
//! events the text refers to, with its precision, evidence and reasoning.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

use super::found::{EventRef, Found, Header};
use super::items::{Candidate, DraftDate, DraftRef, Mention, MentionHow};
use super::lexicon::{EventInfo, Lexicon};
use super::scan::{Scan, Set};
use super::sentences::{quote, BlockKind, Layout};
use super::slug::slug;
use super::words::{content_words, given_names, role_heads};
use levelmap_model::date::{days_from_civil, PartialDate, Precision};
use levelmap_model::{DateProvenance, NodeKind};

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
pub fn boilerplate_phrases() -> impl Iterator<Item = &'static str> {
    BOILERPLATE.iter().copied()
}

/// The time phrases ("this week", "recently", " ago"), in automaton order.
pub fn time_phrases() -> impl Iterator<Item = &'static str> {
    SAME.iter()
        .chain(SOON)
        .chain(RECENT)
        .chain([" ago"].iter())
        .copied()
}

/// Whether a passage is page furniture (navigation, disclaimers, sharing links).
pub fn is_boilerplate(s: &str) -> bool {
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
pub fn read_header(text: &str, layout: &Layout, _lex: &Lexicon) -> Header {
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

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

fn date_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let m = MONTHS;
        Regex::new(&format!(
            r"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{m})\.?,?\s+(?P<y1>\d{{4}})|(?P<m2>{m})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})|(?P<d4>\d{{1,2}})/(?P<m4>\d{{1,2}})/(?P<y4>\d{{4}})|(?P<m5>{m})\.?,?\s+(?P<y5>\d{{4}}))\b"
        ))
        .expect("valid regex")
    })
}

fn month_num(m: &str) -> Option<u32> {
    let l = m.to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| l.starts_with(n))
        .map(|i| i as u32 + 1)
}

/// Every date written in `s`, as (date, start, end).
pub fn parse_dates(s: &str) -> Vec<(PartialDate, usize, usize)> {
    let mut out = Vec::new();
    for c in date_regex().captures_iter(s) {
        let whole = c.get(0).expect("group 0");
        let g = |n: &str| c.name(n).map(|m| m.as_str());
        let num = |n: &str| g(n).and_then(|x| x.parse::<u32>().ok());
        let (y, m, d) = if let Some(y) = num("y1") {
            (y, g("m1").and_then(month_num), num("d1"))
        } else if let Some(y) = num("y2") {
            (y, g("m2").and_then(month_num), num("d2"))
        } else if let Some(y) = num("y3") {
            (y, num("m3"), num("d3"))
        } else if let Some(y) = num("y4") {
            // Day first (British usage), unless that cannot be.
            let (a, b) = (num("d4").unwrap_or(0), num("m4").unwrap_or(0));
            if a <= 12 && b > 12 {
                (y, Some(a), Some(b))
            } else {
                (y, Some(b), Some(a))
            }
        } else if let Some(y) = num("y5") {
            (y, g("m5").and_then(month_num), None)
        } else {
            continue;
        };
        let text = match (m, d) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            _ => continue,
        };
        if let Ok(pd) = PartialDate::parse(&text) {
            if (1900..=2100).contains(&y) {
                out.push((pd, whole.start(), whole.end()));
            }
        }
    }
    out
}

/// A line that is only a day, a month name and a two-digit year ("4 Mar 19",
/// "14 July 16"), as news pages print dates: the year read as 19xx from 70 on.
pub fn short_year_date(line: &str) -> Option<PartialDate> {
    let mut parts = line
        .trim()
        .trim_end_matches('.')
        .split([' ', '-'])
        .filter(|p| !p.is_empty());
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 2 || !(1..=2).contains(&d.len()) {
        return None;
    }
    let m = m.trim_end_matches([',', '.']);
    let month = MONTHS
        .split('|')
        .any(|n| n.eq_ignore_ascii_case(m))
        .then(|| month_num(m))
        .flatten()?;
    let (d, y): (u32, u32) = (d.parse().ok()?, y.parse().ok()?);
    let year = if y >= 70 { 1900 + y } else { 2000 + y };
    PartialDate::parse(&format!("{year:04}-{month:02}-{d:02}")).ok()
}

fn first_date(s: &str) -> Option<PartialDate> {
    parse_dates(s).first().map(|d| d.0)
}

/// Words before a date that make it the article's date.
pub(crate) const DATE_CUES: &[&str] = &[
    "posted",
    "published",
    "date",
    "written",
    "released",
    "first appeared",
];

/// Whether a sentence may hold a date [`parse_dates`] reads: every form has four
/// digits in a row (a non-ASCII numeral counts as maybe).
pub(crate) fn may_hold_date(s: &str) -> bool {
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else if b >= 0xC0 && s[i..].chars().next().is_some_and(char::is_numeric) {
            return true;
        } else if !(0x80..0xC0).contains(&b) {
            run = 0;
        }
    }
    false
}

/// The stated date: a date next to "Posted on", "Published" and the like anywhere,
/// or a date on a short line at the top or bottom of the page. Dates inside running
/// prose are about events, not the article, and are not used.
pub fn stated_date(text: &str, layout: &Layout, scan: &Scan) -> Option<DraftDate> {
    let nblocks = layout.blocks.len();
    let mut best: Option<(f64, usize, PartialDate)> = None;
    for (si, s) in layout.sentences.iter().enumerate() {
        let b = &layout.blocks[s.block];
        let edge = s.block < 8 || s.block + 4 >= nblocks;
        let short = b.kind != BlockKind::Paragraph || b.words <= 25;
        // Away from the page's edge only a cue word makes a date the article's.
        let no_cue = !scan.any(si, Set::DateCue) && super::scan::ascii_fold_is_lowercase(&s.norm);
        // A line that is only a date with a two-digit year: "4 Mar 19".
        if edge && s.norm.len() <= 18 {
            if let Some(d) = short_year_date(&s.norm) {
                let score = 2.5
                    + if d.precision() == Precision::Day {
                        0.5
                    } else {
                        0.0
                    };
                if best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, si, d));
                }
                continue;
            }
        }
        if (!(edge && short) && no_cue) || !may_hold_date(&s.norm) {
            continue;
        }
        for (d, start, _) in parse_dates(&s.norm) {
            let before = s.norm[..start].to_lowercase();
            let near = &before[before.len().saturating_sub(40)..];
            // "Updated" dates are later edits: the publication date is the one to keep.
            let updated =
                near.contains("updated") || near.contains("modified") || near.contains("revised");
            let cue = DATE_CUES.iter().any(|c| near.contains(c)) && !updated;
            if !(cue || edge && short) {
                continue;
            }
            let mut score = if cue {
                3.0
            } else if updated {
                -1.0
            } else {
                0.0
            };
            if short {
                score += 1.5;
            }
            if edge {
                score += 1.0;
            }
            if d.precision() == Precision::Day {
                score += 0.5;
            }
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, si, d));
            }
        }
    }
    let (score, si, d) = best?;
    let s = &layout.sentences[si];
    Some(DraftDate {
        value: d,
        provenance: DateProvenance::Stated,
        evidence: quote(text, s.start, s.end),
        reasoning: None,
        confidence: if score >= 4.0 { 0.95 } else { 0.75 },
    })
}

/// How a sentence places the article in time relative to an event it names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    /// "this week", "today": days after the event.
    Same,
    /// "recently": within months after.
    Recent,
    /// "due in the next few weeks", "forthcoming": shortly before.
    Soon,
    /// "a year ago": that long after.
    Ago(i64),
    /// "yesterday": exactly that many days after.
    Day(i64),
    /// Mentioned as past: some time after.
    After,
}

impl Rel {
    fn priority(self) -> u8 {
        match self {
            Rel::Same | Rel::Ago(_) | Rel::Day(_) => 3,
            Rel::Soon | Rel::Recent => 2,
            Rel::After => 1,
        }
    }

    fn interval(self, d: &PartialDate) -> (i64, i64) {
        let (s, e) = (d.start_days(), d.end_days());
        match self {
            Rel::Same => (s, e + 10),
            Rel::Recent => (s, e + 180),
            Rel::Soon => (s - 120, s),
            Rel::Ago(days) => {
                let slack = (days / 8).clamp(7, 60);
                (s + days - slack, e + days + slack)
            }
            Rel::Day(n) => (s + n, e + n),
            Rel::After => (s, i64::MAX / 4),
        }
    }

    fn phrase(self) -> &'static str {
        match self {
            Rel::Same => "as just happened ('this week', 'today')",
            Rel::Recent => "as recent",
            Rel::Soon => "as still to come, shortly",
            Rel::Ago(_) => "as a stated time ago",
            Rel::Day(_) => "as yesterday's",
            Rel::After => "as past",
        }
    }
}

fn ago_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"\b(a|an|one|two|three|four|five|six|\d+) (year|month|week)s? ago\b")
            .expect("valid regex")
    })
}

const SAME: &[&str] = &[
    "this week",
    "today",
    "yesterday",
    "this morning",
    "last week",
    "this month",
    "earlier this week",
];
const SOON: &[&str] = &[
    "due in the next",
    "in the next few",
    "next week",
    "next month",
    "later this year",
    "forthcoming",
    "upcoming",
    "due to be",
    "will be published",
    "ahead of the",
];
const RECENT: &[&str] = &[
    "recently",
    "recent ",
    "newly",
    "just been",
    "has just",
    "last month",
];

/// The standalone automaton over [`time_phrases`] that the combined scan replaced.
#[cfg(test)]
fn time_cues() -> &'static aho_corasick::AhoCorasick {
    static A: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(SAME.iter().chain(SOON).chain(RECENT).chain([" ago"].iter()))
            .expect("plain patterns")
    })
}

/// Whether a sentence has any time cue at all (cheap test before [`relation`]).
#[cfg(test)]
pub(crate) fn has_time_cue(norm: &str) -> bool {
    time_cues().is_match(norm)
}

/// Whether [`relation`] places a lowercase sentence after its event (no time phrase).
#[cfg(test)]
pub(crate) fn relation_is_after(lower: &str) -> bool {
    relation(lower) == Rel::After
}

fn relation(lower: &str) -> Rel {
    // Every "... ago" the regex reads has " ago" in it.
    if let Some(c) = lower
        .contains(" ago")
        .then(|| ago_regex().captures(lower))
        .flatten()
    {
        let n = match &c[1] {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            x => x.parse().unwrap_or(1),
        };
        let unit = match &c[2] {
            "year" => 365,
            "month" => 30,
            _ => 7,
        };
        return Rel::Ago(n * unit);
    }
    if lower.contains("yesterday") {
        Rel::Day(1)
    } else if SAME.iter().any(|c| lower.contains(c)) {
        Rel::Same
    } else if SOON.iter().any(|c| lower.contains(c)) {
        Rel::Soon
    } else if RECENT.iter().any(|c| lower.contains(c)) {
        Rel::Recent
    } else {
        Rel::After
    }
}

const PUB_VERBS: &[&str] = &[
    "released",
    "published",
    "announced",
    "launched",
    "unveiled",
    "set out",
    "revealed",
    "presented",
    "launching",
    "announcing",
    "publishing",
];
const ELECTION_CUES: &[&str] = &[
    "power",
    "election",
    "elected",
    "office",
    "won the",
    "landslide",
    "majority",
];

/// An anchor sentence with no event name: score lexicon events by shared words.
fn best_event_by_words<'a>(
    lex: &'a Lexicon,
    sentence: &str,
    kinds: &[&str],
) -> Option<(&'a EventInfo, f64)> {
    let words: rustc_hash::FxHashSet<String> = content_words(sentence).into_iter().collect();
    lex.events
        .iter()
        .filter(|e| kinds.is_empty() || kinds.contains(&e.kind.as_str()))
        .map(|e| {
            let score: f64 = e
                .bag
                .iter()
                .filter(|(w, _)| words.contains(*w))
                .map(|(_, v)| *v)
                .sum();
            let shared = e.bag.keys().filter(|w| words.contains(*w)).count();
            (e, if shared >= 1 { score } else { 0.0 })
        })
        .filter(|(_, s)| *s > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.id.cmp(&a.0.id)))
}

struct Constraint {
    name: String,
    date: PartialDate,
    rel: Rel,
    sentence: usize,
    how: &'static str,
}

/// The article's date: stated if the text states one, else inferred from the events
/// it refers to; as a last resort the latest year it mentions, with low confidence.
pub fn date(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    events: &[EventRef],
    _header: &Header,
    scan: &Scan,
) -> DraftDate {
    if let Some(d) = stated_date(text, layout, scan) {
        return d;
    }
    let mut cons: Vec<Constraint> = Vec::new();
    let by_id = |id: &str| lex.events.iter().find(|e| e.id == id);
    for r in events {
        let Some(e) = by_id(&r.id) else { continue };
        let norm = &layout.sentences[r.sentence].norm;
        // Every phrase `relation` looks for is a time phrase of the scan: without one
        // (and when ASCII case folding finds what lowercasing finds), it is `After`.
        let rel = if !scan.any(r.sentence, Set::Time) && super::scan::ascii_fold_is_lowercase(norm)
        {
            Rel::After
        } else {
            relation(&norm.to_lowercase())
        };
        cons.push(Constraint {
            name: e.name.clone(),
            date: e.date,
            rel,
            sentence: r.sentence,
            how: "names",
        });
    }
    // Anchor sentences that name no event: "released new plans ... this week".
    for (si, s) in layout.sentences.iter().enumerate() {
        if !scan.any(si, Set::Time) || events.iter().any(|r| r.sentence == si) {
            continue;
        }
        let lower = s.norm.to_lowercase();
        let rel = relation(&lower);
        let kinds: &[&str] = match rel {
            Rel::Same | Rel::Day(_) | Rel::Soon
                if PUB_VERBS.iter().any(|v| lower.contains(v)) || rel == Rel::Soon =>
            {
                &["publication", "announcement"]
            }
            Rel::Ago(_) if ELECTION_CUES.iter().any(|c| lower.contains(c)) => &["election"],
            Rel::Ago(_) => &[],
            _ => continue,
        };
        if let Some((e, score)) = best_event_by_words(lex, &s.norm, kinds) {
            if score >= 1.5 || (matches!(rel, Rel::Ago(_)) && kinds == ["election"]) {
                cons.push(Constraint {
                    name: e.name.clone(),
                    date: e.date,
                    rel,
                    sentence: si,
                    how: "matches the description of",
                });
            }
        }
    }
    cons.sort_by(|a, b| {
        b.rel
            .priority()
            .cmp(&a.rel.priority())
            .then(b.date.cmp(&a.date))
            .then(a.sentence.cmp(&b.sentence))
    });
    let (mut lo, mut hi) = (i64::MIN / 4, i64::MAX / 4);
    let mut used: Vec<&Constraint> = Vec::new();
    for c in &cons {
        let (a, b) = c.rel.interval(&c.date);
        let (nlo, nhi) = (lo.max(a), hi.min(b));
        if nlo <= nhi {
            lo = nlo;
            hi = nhi;
            used.push(c);
        }
    }
    let strongest = used
        .iter()
        .copied()
        .max_by_key(|c| (c.rel.priority(), c.date));
    let Some(main) = strongest else {
        return fallback_date(text, layout);
    };
    let open = hi >= i64::MAX / 8;
    let (value, precision_note, confidence) = if open {
        let y = civil_from_days(lo).0;
        (PartialDate::year(y).ok(), "year", 0.3)
    } else {
        let mid = lo + (hi - lo) / 2;
        let (y, m, _) = civil_from_days(mid);
        if hi - lo <= 1 && main.date.precision() == Precision::Day {
            let (y, m, d) = civil_from_days(lo);
            (
                PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}")).ok(),
                "day",
                0.75,
            )
        } else if hi - lo <= 62 {
            (
                PartialDate::parse(&format!("{y:04}-{m:02}")).ok(),
                "month",
                0.7,
            )
        } else if hi - lo <= 400 {
            (PartialDate::year(y).ok(), "year", 0.5)
        } else {
            (PartialDate::year(y).ok(), "year", 0.3)
        }
    };
    let Some(value) = value else {
        return fallback_date(text, layout);
    };
    let s = &layout.sentences[main.sentence];
    let mut reasoning = format!(
        "No date is stated. The text {} {} ({}) {}",
        main.how,
        main.name,
        main.date,
        main.rel.phrase()
    );
    let others: Vec<String> = used
        .iter()
        .filter(|c| !std::ptr::eq(**c, main))
        .take(4)
        .map(|c| format!("{} ({}) {}", c.name, c.date, c.rel.phrase()))
        .collect();
    if !others.is_empty() {
        reasoning.push_str(&format!("; it also refers to {}", others.join(", ")));
    }
    let (a, b) = (civil_from_days(lo), civil_from_days(hi));
    if open {
        reasoning.push_str(&format!(
            ". So the article is from {:04}-{:02} or later; given as the year.",
            a.0, a.1
        ));
    } else {
        reasoning.push_str(&format!(
            ". Together these place the article between {:04}-{:02}-{:02} and {:04}-{:02}-{:02}; given to the {precision_note}.",
            a.0, a.1, a.2, b.0, b.1, b.2
        ));
    }
    DraftDate {
        value,
        provenance: DateProvenance::Inferred,
        evidence: quote(text, s.start, s.end),
        reasoning: Some(reasoning),
        confidence,
    }
}

/// Neither stated nor inferable: the latest year the text mentions that is not a
/// target ("by 2030"), else a placeholder for the reviewer.
fn fallback_date(text: &str, layout: &Layout) -> DraftDate {
    static Y: OnceLock<Regex> = OnceLock::new();
    let re = Y.get_or_init(|| {
        Regex::new(r"\b(in|since|of|from|during|until|after|before)?\s?((?:19|20)\d\d)\b")
            .expect("valid regex")
    });
    let mut best: Option<(i16, usize)> = None;
    for (si, s) in layout.sentences.iter().enumerate() {
        for c in re.captures_iter(&s.norm) {
            let before = s.norm[..c.get(2).map_or(0, |m| m.start())]
                .trim_end()
                .to_lowercase();
            let last = before.rsplit(' ').next().unwrap_or("");
            if ["by", "to", "for", "until", "before", "-"].contains(&last) {
                continue;
            }
            if let Ok(y) = c[2].parse::<i16>() {
                if best.is_none_or(|b| y > b.0) {
                    best = Some((y, si));
                }
            }
        }
    }
    match best {
        Some((y, si)) => {
            let s = &layout.sentences[si];
            DraftDate {
                value: PartialDate::year(y).unwrap_or_else(|_| PartialDate::parse("2000").expect("valid")),
                provenance: DateProvenance::Inferred,
                evidence: quote(text, s.start, s.end),
                reasoning: Some(format!("No date is stated and no dated event is recognised; {y} is the latest year the text mentions, so the article is from {y} or later. Check this by hand.")),
                confidence: 0.15,
            }
        }
        None => {
            let s = layout
                .sentences
                .iter()
                .find(|s| s.words >= 3)
                .unwrap_or(&layout.sentences[0]);
            DraftDate {
                value: PartialDate::parse("2000").expect("valid"),
                provenance: DateProvenance::Inferred,
                evidence: quote(text, s.start, s.end),
                reasoning: Some("No date is stated and nothing in the text dates it: 2000 is a placeholder. Set the date by hand.".into()),
                confidence: 0.0,
            }
        }
    }
}

/// Civil date (y, m, d) from days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i16, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    let _ = days_from_civil;
    (y.clamp(1, 9999) as i16, m as u8, d as u8)
}

/// `[[refers_to]]`: each event once, at its first reference.
pub fn refers_to(text: &str, layout: &Layout, events: &[EventRef]) -> Vec<DraftRef> {
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
                || super::words::org_head(w).is_some()
                || super::words::not_name().contains(w)
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
pub fn authors(
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
pub fn outlet(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    header: &Header,
    found: &Found,
    scan: &Scan,
) -> Option<DraftRef> {
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
        let names_itself = if super::scan::ascii_fold_is_lowercase(&s.norm) {
            scan.any(si, Set::OutletSelf)
        } else {
            let lower = s.norm.to_lowercase();
            OUTLET_SELF.iter().any(|p| lower.contains(p))
        };
        if names_itself {
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
            let ms: Vec<&Mention> = found.in_sentence(si).collect();
            if ms.len() == 1
                && ms[0].end - ms[0].start + 2 >= s.norm.len()
                && is_org(&ms[0].id, lex, found)
            {
                consider(0.55, ms[0].id.clone(), si, &mut best);
            }
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

/// An article id: `<year>-<month>-<author or outlet>-<topic>`.
pub fn derive_stem(
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
    let topic: Vec<String> = content_words(title)
        .into_iter()
        .filter(|w| w.chars().all(|c| c.is_alphanumeric()))
        .take(3)
        .collect();
    let mut parts = vec![format!("{:04}", date.year_num())];
    if let Some(m) = date.month_num() {
        parts.push(format!("{m:02}"));
    }
    parts.extend(who);
    let t = slug(&topic.join(" "));
    if !t.is_empty() {
        parts.push(t);
    }
    if parts.len() == 1 || (parts.len() == 2 && date.month_num().is_some()) {
        parts.push("article".into());
    }
    parts.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::Corpus;

    #[test]
    fn parses_common_date_forms() {
        let d = |s: &str| {
            parse_dates(s)
                .into_iter()
                .map(|d| d.0.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(d("Posted on: 8 July 2024 by James"), ["2024-07-08"]);
        assert_eq!(d("Jul 9th 2020"), ["2020-07-09"]);
        assert_eq!(d("July 9, 2020"), ["2020-07-09"]);
        assert_eq!(d("on the 3rd of March, 2021"), ["2021-03-03"]);
        assert_eq!(d("2024-07-08"), ["2024-07-08"]);
        assert_eq!(d("08/07/2024 and 07/25/2024"), ["2024-07-08", "2024-07-25"]);
        assert_eq!(d("July 2024"), ["2024-07"]);
        assert_eq!(d("Sept. 2021"), ["2021-09"]);
        assert!(d("31 February 2021").is_empty());
        assert!(d("we may 2024 never").is_empty());
    }

    fn lex() -> Lexicon {
        crate::lexicon(&Corpus::default())
    }

    #[test]
    fn two_digit_year_date_lines() {
        assert_eq!(
            short_year_date("4 Mar 19")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            short_year_date("14 July 98")
                .map(|d| d.to_string())
                .as_deref(),
            Some("1998-07-14")
        );
        assert_eq!(short_year_date("4 Mar 19 people"), None);
        assert_eq!(short_year_date("4 Mars 19"), None);
        assert_eq!(short_year_date("31 Feb 19"), None);
    }

    #[test]
    fn stated_date_needs_a_cue_or_the_page_edge() {
        let t = "Title of the piece\n\nPosted on: 8 July 2024 by James Hickson in Blog\n\nThe election on 4 July 2024 was won by a party that had promised a great many things to many people across the country.\n";
        let l = Layout::new(t);
        let lx = lex();
        let d = stated_date(t, &l, &lx.scanner.scan(&l)).unwrap();
        assert_eq!(d.value.to_string(), "2024-07-08");
        assert_eq!(
            d.evidence,
            "Posted on: 8 July 2024 by James Hickson in Blog"
        );
        let t2 = "A title here\n\nIntro text.\n\nOne\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nThe election on 4 July 2024 was won by a party that had promised a great many things to many people across the country and more.\n\nSeven\n\nEight\n\nNine\n\nTen\n\nEleven\n";
        let l2 = Layout::new(t2);
        assert!(stated_date(t2, &l2, &lx.scanner.scan(&l2)).is_none());
    }

    #[test]
    fn byline_forms() {
        let cases = [
            ("Title of it all\n\nPosted on: 8 July 2024 by James Hickson in Blog\n\nBody text goes here and on.\n", vec!["actor:james-hickson"]),
            ("Title of it all\n\nBy Ann Alpha, Policy Researcher at the Towns Institute.\n\nBody text.\n", vec!["actor:ann-alpha"]),
            ("Some Priorities for the agenda\n\nDavid Bailey (Birmingham) and Philip Tomlinson\n\nBody text.\n", vec!["actor:david-bailey", "actor:philip-tomlinson"]),
            ("Title of it all\n\nBody text here.\n\nChris Clarke is a Policy Researcher at HOPE not hate\n", vec!["actor:chris-clarke"]),
        ];
        for (t, want) in cases {
            let l = Layout::new(t);
            let lx = lex();
            let h = read_header(t, &l, &lx);
            let mut f = Found::default();
            let a = authors(t, &l, &lx, &h, &mut f, &lx.scanner.scan(&l));
            let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, want, "{t}");
            for r in &a {
                assert!(
                    levelmap_model::evidence::QuoteIndex::new(t).contains(&r.quote),
                    "{}",
                    r.quote
                );
            }
        }
    }

    #[test]
    fn regex_gates_open_on_what_the_regexes_match() {
        let lx = lex();
        let texts = [
            "By Ann Alpha, Policy Researcher at the Towns Institute.",
            "Authors: Bob Beta and Cy Gamma",
            "Written by: Dr. Xavier Young",
            "BY JO Kay",
            "© 2024 the Towns Institute. Copyright Foo Bar.",
            "This blog was first published by the Towns Institute and (c) Foo.",
            "The views of the Bar Institute are not the opinions of Baz Trust.",
            "Jane Doe is a senior fellow at the Foo Institute.",
            "He was the director with Bar Group, and is an adviser at the Qux Centre.",
            "Growth matters, the Chancellor said; the Home Secretary, the Mayor of London and the Leader of the Opposition agreed with the Prime Minister.",
        ];
        for t in texts {
            let l = Layout::new(t);
            let scan = lx.scanner.scan(&l);
            for (si, s) in l.sentences.iter().enumerate() {
                let n = &s.norm;
                for ((re, _), open) in outlet_regexes().iter().zip(outlet_gates(&scan, si, n)) {
                    assert!(open || !re.is_match(n), "{re} on {n:?}");
                }
                assert!(
                    byline_may_match(&scan, si, n) || !byline_regex().is_match(n),
                    "{n:?}"
                );
                assert!(
                    role_line_may_match(&scan, si, n) || !role_line_regex().is_match(n),
                    "{n:?}"
                );
                assert!(
                    scan.any(si, Set::RoleGate) || !crate::entities::role_regex().is_match(n),
                    "{n:?}"
                );
                assert!(may_hold_date(n) || parse_dates(n).is_empty(), "{n:?}");
            }
        }
        let opened: usize = texts
            .iter()
            .map(|t| {
                let l = Layout::new(t);
                let scan = lx.scanner.scan(&l);
                (0..l.sentences.len())
                    .filter(|&si| byline_may_match(&scan, si, &l.sentences[si].norm))
                    .count()
            })
            .sum();
        assert!(opened >= 4, "the byline gate opens on bylines ({opened})");
    }

    #[test]
    fn civil_round_trip() {
        for d in [0i64, 19_000, 11_017, -1, 20_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }

    #[test]
    fn relations_from_time_words() {
        assert_eq!(relation("it was announced this week that"), Rel::Same);
        assert_eq!(relation("sadly, yesterday's strategy fails"), Rel::Day(1));
        assert_eq!(
            relation("a white paper (due in the next few weeks)"),
            Rel::Soon
        );
        assert_eq!(relation("on coming to power a year ago"), Rel::Ago(365));
        assert_eq!(relation("the recently announced guarantee"), Rel::Recent);
        assert_eq!(relation("since the 2019 general election"), Rel::After);
    }
}
