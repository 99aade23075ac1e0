//! The article's date when none is stated: inferred from the dated lexicon events
//! the text refers to and how it places itself against them ("this week", "a year
//! ago", "forthcoming"), narrowed to the window all of them allow; as a last resort
//! the latest year the text mentions. Never a date after today: a reference that
//! would place the article later (a "20 years ago" tied to the wrong event) is left
//! out.

use std::sync::OnceLock;

use regex::Regex;

use super::dates::{civil_from_days, stated_date};
use crate::found::EventRef;
use crate::items::{DraftDate, Mention};
use crate::lexicon::{EventInfo, Lexicon};
use crate::scan::{ascii_fold_is_lowercase, Scan, Set};
use crate::sentences::{quote, Layout};
use crate::words::content_words;
use levelmap_model::date::{PartialDate, Precision};
use levelmap_model::DateProvenance;

/// The time phrases ("this week", "recently", " ago"), in automaton order.
pub(crate) fn time_phrases() -> impl Iterator<Item = &'static str> {
    SAME.iter()
        .chain(SOON)
        .chain(RECENT)
        .chain([" ago"].iter())
        .copied()
}

/// How a sentence places the article in time relative to an event it names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Rel {
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
    /// A person named with a role held from the event's date until this day (an open
    /// end for one still held): "Housing Secretary Steve Reed".
    During(i64),
    /// A name that exists only since the event's date ("Reform UK"): some time after,
    /// whatever the sentence's time words say.
    Since,
}

impl Rel {
    fn priority(self) -> u8 {
        match self {
            Rel::Same | Rel::Ago(_) | Rel::Day(_) => 3,
            Rel::Soon | Rel::Recent | Rel::During(_) => 2,
            Rel::After | Rel::Since => 1,
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
            Rel::After | Rel::Since => (s, i64::MAX / 4),
            Rel::During(until) => (s, until),
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
            Rel::During(_) => "as holding that role",
            Rel::Since => "(so named only since then)",
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
    // "This Monday the UK Government presented its English Devolution White Paper".
    "this monday",
    "this tuesday",
    "this wednesday",
    "this thursday",
    "this friday",
    "this weekend",
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

pub(super) fn relation(lower: &str) -> Rel {
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

/// An anchor sentence with no event name: score lexicon events by shared words, two
/// at least.
fn best_event_by_words<'a>(
    lex: &'a Lexicon,
    sentence: &str,
    kinds: &[&str],
) -> Option<(&'a EventInfo, f64)> {
    let words: rustc_hash::FxHashSet<String> = content_words(sentence).into_iter().collect();
    lex.events
        .iter()
        .filter(|e| !e.background && (kinds.is_empty() || kinds.contains(&e.kind.as_str())))
        .map(|e| {
            let score: f64 = e
                .bag
                .iter()
                .filter(|(w, _)| words.contains(*w))
                .map(|(_, v)| *v)
                .sum();
            let shared = e.bag.keys().filter(|w| words.contains(*w)).count();
            // One shared word is chance ("the third and final part" and a manifesto
            // "to level up every part of the country"): two at least.
            (e, if shared >= 2 { score } else { 0.0 })
        })
        .filter(|(_, s)| *s > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.id.cmp(&a.0.id)))
}

/// What one sentence says about when the article was written: after, around or
/// before a dated event.
struct Constraint {
    name: String,
    date: PartialDate,
    rel: Rel,
    sentence: usize,
    how: &'static str,
}

/// The article's date: stated if the text states one, else inferred from the events
/// it refers to; as a last resort the latest year it mentions, with low confidence.
/// Never after `today`.
pub(crate) fn date(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    events: &[EventRef],
    mentions: &[Mention],
    scan: &Scan,
    today: PartialDate,
) -> DraftDate {
    if let Some(d) = stated_date(text, layout, scan, today) {
        return d;
    }
    let mut cons = event_constraints(layout, lex, events, scan);
    anchor_constraints(layout, lex, events, scan, &mut cons);
    role_constraints(layout, lex, mentions, &mut cons, false);
    dated_constraints(layout, scan, &mut cons);
    // A role named by its head alone ("mayor Kim McGuinness") is read only when
    // nothing else dates the page: history names roles so too ("chancellor George
    // Osborne launched ..."), and it narrowed a better window wrongly.
    if cons.is_empty() {
        role_constraints(layout, lex, mentions, &mut cons, true);
    }
    cons.sort_by(|a, b| {
        b.rel
            .priority()
            .cmp(&a.rel.priority())
            .then(b.date.cmp(&a.date))
            .then(a.sentence.cmp(&b.sentence))
    });
    // The last day the article can be from.
    let last = today.end_days() - 1;
    let (lo, mut hi, used) = narrow(&cons, last);
    let strongest = used
        .iter()
        .copied()
        .max_by_key(|c| (c.rel.priority(), c.date));
    let Some(main) = strongest else {
        return fallback_date(text, layout, today);
    };
    let open = hi >= i64::MAX / 8;
    if !open {
        hi = hi.min(last);
    }
    let (value, precision_note, confidence) = window_date(lo, hi, open, main);
    let Some(value) = value.filter(|v| !v.is_after(today)) else {
        return fallback_date(text, layout, today);
    };
    let s = &layout.sentences[main.sentence];
    DraftDate {
        value,
        provenance: DateProvenance::Inferred,
        evidence: quote(text, s.start, s.end),
        reasoning: Some(reasoning(main, &used, lo, hi, open, precision_note)),
        confidence,
    }
}

/// The events the text names, each placed by the time words of its sentence.
fn event_constraints(
    layout: &Layout,
    lex: &Lexicon,
    events: &[EventRef],
    scan: &Scan,
) -> Vec<Constraint> {
    let mut cons: Vec<Constraint> = Vec::new();
    let by_id = |id: &str| lex.events.iter().find(|e| e.id == id);
    for r in events {
        let Some(e) = by_id(&r.id) else { continue };
        let norm = &layout.sentences[r.sentence].norm;
        // Every phrase `relation` looks for is a time phrase of the scan: without one
        // (and when ASCII case folding finds what lowercasing finds), it is `After`.
        let rel = if e.founding {
            Rel::Since
        } else if !scan.any(r.sentence, Set::Time) && ascii_fold_is_lowercase(norm) {
            Rel::After
        } else {
            lasting(e, relation(&norm.to_lowercase()))
        };
        cons.push(Constraint {
            name: e.name.clone(),
            date: e.date,
            rel,
            sentence: r.sentence,
            how: "names",
        });
    }
    cons
}

/// A crisis dated to a month or a year is a span, not a day: "yesterday" or "this
/// week" in a sentence naming it ("a Cabinet meeting held at the Foreign Office due
/// to the ongoing coronavirus pandemic yesterday") dates what happened in it, not the
/// crisis's start; the crisis is only past.
fn lasting(e: &EventInfo, rel: Rel) -> Rel {
    let span = e.kind == "crisis" && e.date.precision() != Precision::Day;
    match rel {
        Rel::Same | Rel::Day(_) | Rel::Recent if span => Rel::After,
        other => other,
    }
}

/// Dates written beside a time phrase that places the article against them ("was
/// published this week [16/12/2024]", "a year ago, on 3 March 2020"): each date is
/// an event of its own. A date with no such phrase says nothing of the article's.
fn dated_constraints(layout: &Layout, scan: &Scan, cons: &mut Vec<Constraint>) {
    for (si, s) in layout.sentences.iter().enumerate() {
        if !scan.any(si, Set::Time) || !super::dates::may_hold_date(&s.norm) {
            continue;
        }
        let dates = super::dates::parse_dates(&s.norm);
        if dates.is_empty() {
            continue;
        }
        let lower = s.norm.to_lowercase();
        let rel = relation(&lower);
        if matches!(rel, Rel::After | Rel::Soon) || lower.len() != s.norm.len() {
            continue;
        }
        // The phrase must be beside the date: "published this week [16/12/2024]", not
        // "given the go-ahead on 10 January 2012, the project will today ...".
        let phrases: Vec<(usize, usize)> = SAME
            .iter()
            .chain(RECENT)
            .chain([" ago"].iter())
            .flat_map(|p| lower.match_indices(p).map(|(i, m)| (i, i + m.len())))
            .collect();
        for (date, a, b) in dates {
            let near = phrases
                .iter()
                .any(|&(x, y)| x.saturating_sub(b) <= 20 && a.saturating_sub(y) <= 20);
            if !near {
                continue;
            }
            cons.push(Constraint {
                name: s.norm[a..b].to_string(),
                date,
                rel,
                sentence: si,
                how: "gives the date",
            });
        }
    }
}

/// People of the lexicon named with a dated role they held ("the new Housing
/// Secretary Steve Reed", "Rachel Reeves, the Chancellor,"): the article is from
/// within that role's span. A role said to be over ("former", "then", "ex-") or
/// written in the past ("who was Chancellor") says nothing here.
fn role_constraints(
    layout: &Layout,
    lex: &Lexicon,
    mentions: &[Mention],
    cons: &mut Vec<Constraint>,
    by_head: bool,
) {
    for m in mentions {
        let Some(e) = lex.entities.get(&m.id) else {
            continue;
        };
        if e.roles.is_empty() {
            continue;
        }
        let Some(s) = layout.sentences.get(m.sentence) else {
            continue;
        };
        let (before, after) = (&s.norm[..m.start], &s.norm[m.end..]);
        for r in &e.roles {
            let Some(from) = r.from else { continue };
            // "led by mayor Kim McGuinness", "the chancellor, Rachel Reeves": with
            // `by_head`, the title's head alone, when it heads no other role of the
            // person.
            let titled = if by_head {
                title_head(&r.title).is_some_and(|h| {
                    let heads_one = e
                        .roles
                        .iter()
                        .filter(|o| title_head(&o.title) == Some(h))
                        .count()
                        == 1;
                    heads_one && titled_by(before, after, h)
                })
            } else {
                titled_by(before, after, &r.title)
            };
            if !titled {
                continue;
            }
            let until = r.to.map_or(i64::MAX / 4, |t| t.end_days());
            cons.push(Constraint {
                name: format!("{} as {}", e.name, r.title),
                date: from,
                rel: Rel::During(until),
                sentence: m.sentence,
                how: "names",
            });
        }
    }
}

/// The head of a title written "head of place" ("Mayor" of "Mayor of the North East",
/// "Chancellor" of "Chancellor of the Exchequer"); None for a title whose head ends
/// it ("Housing Secretary"), which alone would name many roles.
fn title_head(title: &str) -> Option<&str> {
    title
        .split_once(" of ")
        .map(|(h, _)| h)
        .filter(|h| !h.contains(' '))
}

/// Whether a name is given its role `title` right before it ("Housing Secretary Steve
/// Reed", "the new housing secretary, Steve Reed") or in apposition right after it
/// ("Steve Reed, the housing secretary"), and not as one over ("former", "then",
/// "ex-", "outgoing").
pub(super) fn titled_by(before: &str, after: &str, title: &str) -> bool {
    let t = title.to_lowercase();
    let b = before
        .trim_end()
        .trim_end_matches(',')
        .trim_end()
        .to_lowercase();
    if let Some(lead) = b.strip_suffix(&t) {
        // The title starts at a word, and is not another role's tail ("shadow
        // housing secretary", "deputy prime minister").
        let at_word = lead.is_empty() || lead.ends_with(|c: char| !c.is_alphanumeric() && c != '-');
        let lead = lead.trim_end();
        let last = lead.rsplit(' ').next().unwrap_or("");
        return at_word
            && !matches!(
                last,
                "former"
                    | "then"
                    | "outgoing"
                    | "ex"
                    | "erstwhile"
                    | "shadow"
                    | "deputy"
                    | "junior"
            )
            && !lead.ends_with("ex-");
    }
    let a = after.to_lowercase();
    let Some(rest) = a.strip_prefix(", ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let rest = rest.strip_prefix("new ").unwrap_or(rest);
    rest.strip_prefix(&t)
        .is_some_and(|tail| !tail.starts_with(|c: char| c.is_alphanumeric()))
}

/// Anchor sentences that name no event: "released new plans ... this week", matched
/// to the lexicon event whose description shares their words.
fn anchor_constraints(
    layout: &Layout,
    lex: &Lexicon,
    events: &[EventRef],
    scan: &Scan,
    cons: &mut Vec<Constraint>,
) {
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
}

/// The window of days (first, last) that the constraints allow, strongest first,
/// and the constraints used (one that would empty the window, or place the article
/// after `last`, today, is left out).
fn narrow(cons: &[Constraint], last: i64) -> (i64, i64, Vec<&Constraint>) {
    let (mut lo, mut hi) = (i64::MIN / 4, i64::MAX / 4);
    let mut used: Vec<&Constraint> = Vec::new();
    for c in cons {
        let (a, b) = c.rel.interval(&c.date);
        if a > last {
            continue;
        }
        let (nlo, nhi) = (lo.max(a), hi.min(b));
        if nlo <= nhi {
            lo = nlo;
            hi = nhi;
            used.push(c);
        }
    }
    (lo, hi, used)
}

/// The date a window gives, at the precision its width allows (the day, the month or
/// the year; just the first year for an open window), with that precision's name and
/// a confidence.
fn window_date(
    lo: i64,
    hi: i64,
    open: bool,
    main: &Constraint,
) -> (Option<PartialDate>, &'static str, f64) {
    if open {
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
            // A window over a year long: its first year, as for an open window (what
            // an article names as past it is mostly written soon after).
            (PartialDate::year(civil_from_days(lo).0).ok(), "year", 0.3)
        }
    }
}

/// How the date follows: the strongest reference, up to four others, and the window.
fn reasoning(
    main: &Constraint,
    used: &[&Constraint],
    lo: i64,
    hi: i64,
    open: bool,
    precision_note: &str,
) -> String {
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
    reasoning
}

/// Neither stated nor inferable: the latest year the text mentions that is not a
/// target ("by 2030") nor after `today`, else a placeholder for the reviewer.
/// Whether the clause that `before` (lower case) ends in speaks of the future: "they
/// will suffer at the polling booth in", "to be phased in over three years from",
/// "is due to be finished by". A year there is no year the article has seen ("fell
/// due to the pandemic in 2020" is one it has).
fn in_future_clause(before: &str) -> bool {
    let clause = before
        .rsplit([',', ';', ':', '(', '\u{2013}', '\u{2014}'])
        .next()
        .unwrap_or(before);
    clause.split(' ').any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''),
            "will" | "won't" | "shall" | "would" | "expected" | "next" | "upcoming"
        )
    }) || clause.contains("to be ")
        || clause.contains("going to ")
        || clause.contains("set to ")
}

fn fallback_date(text: &str, layout: &Layout, today: PartialDate) -> DraftDate {
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
            if ["by", "to", "for", "until", "before", "-"].contains(&last)
                || in_future_clause(&before)
            {
                continue;
            }
            if let Ok(y) = c[2].parse::<i16>() {
                if y > today.year_num() {
                    continue;
                }
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
