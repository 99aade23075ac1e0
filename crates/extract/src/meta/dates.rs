//! Dates written in the text ("8 July 2024", "Jul 9th 2020", "2024-07-08",
//! "2024-07-08T09:30:00Z", "08.07.2024", "12 MAR 2020", "July 2024", "4 Mar 19", a
//! Chinese-locale "5月 21, 2026") and the article's stated date: one next to "Posted on",
//! "Published" and the like, or on a short line at the top or bottom of the page.

use std::sync::OnceLock;

use regex::Regex;

use crate::items::DraftDate;
use crate::scan::{ascii_fold_is_lowercase, Scan, Set};
use crate::sentences::{quote, BlockKind, Layout};
use levelmap_model::date::{PartialDate, Precision};
use levelmap_model::DateProvenance;

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

fn date_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // Month names as written, or in capitals as some news pages print them ("12 MAR 2020").
        let m = format!("{MONTHS}|{}", MONTHS.to_uppercase());
        // An ISO date may carry its time ("2020-03-12T09:30:00Z"); a numeric date may
        // be written with slashes, dots or dashes ("12/03/2020", "12.03.2020").
        Regex::new(&format!(
            r"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{m})\.?,?\s+(?P<y1>\d{{4}})|(?P<m2>{m})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|(?P<d4>\d{{1,2}})(?:/(?P<m4>\d{{1,2}})/|\.(?P<m7>\d{{1,2}})\.|-(?P<m8>\d{{1,2}})-)(?P<y4>\d{{4}})|(?P<m6>\d{{1,2}})月\s*(?P<d6>\d{{1,2}})日?,?\s+(?P<y6>\d{{4}})|(?P<m5>{m})\.?,?\s+(?P<y5>\d{{4}}))\b"
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
pub(crate) fn parse_dates(s: &str) -> Vec<(PartialDate, usize, usize)> {
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
            let month = num("m4").or_else(|| num("m7")).or_else(|| num("m8"));
            let (a, b) = (num("d4").unwrap_or(0), month.unwrap_or(0));
            if a <= 12 && b > 12 {
                (y, Some(a), Some(b))
            } else {
                (y, Some(b), Some(a))
            }
        } else if let Some(y) = num("y6") {
            // A Chinese-locale dateline: "5月 21, 2026" (month N月, then the day).
            (y, num("m6"), num("d6"))
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
pub(crate) fn short_year_date(line: &str) -> Option<PartialDate> {
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
/// prose are about events, not the article, and are not used; nor is a date after
/// `today`, which no article has.
pub(crate) fn stated_date(
    text: &str,
    layout: &Layout,
    scan: &Scan,
    today: PartialDate,
) -> Option<DraftDate> {
    let nblocks = layout.blocks.len();
    // The header: the lines above the first paragraph of running prose.
    let body_start = super::header::body_start(text, layout);
    let mut best: Option<(f64, usize, PartialDate)> = None;
    for (si, s) in layout.sentences.iter().enumerate() {
        let b = &layout.blocks[s.block];
        let edge = s.block < 8 || s.block + 4 >= nblocks;
        let in_header = s.block < body_start;
        let short = b.kind != BlockKind::Paragraph || b.words <= 25;
        // Away from the page's edge only a cue word makes a date the article's.
        let no_cue = !scan.any(si, Set::DateCue) && ascii_fold_is_lowercase(&s.norm);
        // A line that is only a date with a two-digit year: "4 Mar 19".
        if edge && s.norm.len() <= 18 {
            if let Some(d) = short_year_date(&s.norm).filter(|d| !d.is_after(today)) {
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
        // A press release's dateline opens its first paragraph ("6th April 2017 -
        // Lichfield - ...", "LONDON, 6 April 2017 - ..."): its sentence is long.
        let may_open_dated = edge && opens_with_a_date(&s.norm);
        if (!(edge && short) && no_cue && !may_open_dated) || !may_hold_date(&s.norm) {
            continue;
        }
        for (d, start, end) in parse_dates(&s.norm) {
            if d.is_after(today) {
                continue;
            }
            let (cue_at, updated) = cue_before(&s.norm[..start]);
            let cue_at = cue_at.or_else(|| dateline(&s.norm, start, end).then_some(start));
            // A cue word makes the date the article's on a line of its own (or a short
            // one), or when it opens the sentence ("Published: ..."); not in running prose ("the
            // commission published its report on ...").
            let opens = |at: usize| {
                s.norm
                    .get(..at)
                    .is_some_and(|p| p.split_whitespace().count() <= 1)
            };
            let own_line = b.kind != BlockKind::Paragraph || s.words <= 12;
            let cue = cue_at.is_some_and(|at| own_line || opens(at));
            if !(cue || edge && short) {
                continue;
            }
            // Without a cue, a date that a preposition governs ("open until December
            // 2021", "elected in May 2019") or one inside a sentence of prose is an
            // event's, even near the edge of a short page. After an edit's cue the
            // preposition is the cue's ("Last updated on 12 March 2020"): the page's
            // own date, taken when no publication date is given.
            // In the header, a line dated "on" a day is the page's own occasion ("Notes
            // of a meeting held on 6th November 2024"), taken when nothing better is.
            let header_on = in_header && last_word_is(&s.norm[..start], "on");
            let governed = !updated && !header_on && governed(&s.norm[..start]);
            if !cue && (governed || prose(b.kind, s.words, &s.norm)) {
                continue;
            }
            let mut score = if cue {
                3.0
            } else if updated || header_on {
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
            // A date in the header beats one in the body.
            if in_header {
                score += 1.0;
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

/// Whether `norm` opens with a digit, or with a word or two and a comma before one:
/// where a dateline may stand.
fn opens_with_a_date(norm: &str) -> bool {
    let head = norm.get(..norm.len().min(32)).unwrap_or(norm);
    norm.starts_with(|c: char| c.is_ascii_digit())
        || head.split_once(", ").is_some_and(|(place, rest)| {
            place.split(' ').count() <= 3 && rest.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Whether the date at `norm[start..end]` is a press release's dateline: it opens the
/// sentence, alone or after the place ("LONDON, 6 April 2017"), and a dash follows it
/// ("6th April 2017 - Lichfield, Staffordshire - In May, ...").
fn dateline(norm: &str, start: usize, end: usize) -> bool {
    let before = norm[..start].trim();
    let place = before.strip_suffix(',').is_some_and(|p| {
        !p.is_empty()
            && p.split_whitespace().count() <= 3
            && p.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    });
    (before.is_empty() || place)
        && norm[end..]
            .trim_start()
            .starts_with(['-', '\u{2013}', '\u{2014}'])
}

/// Prepositions that make the date after them an event's: a deadline, a span, a
/// time something happened ("until December 2021", "in May 2019", "since 2016").
const GOVERNING: [&str; 14] = [
    "until", "till", "by", "before", "after", "from", "since", "in", "during", "on", "to",
    "between", "through", "of",
];

/// Whether the word just before a date (the text before it is `before`) is one of
/// [`GOVERNING`].
fn governed(before: &str) -> bool {
    GOVERNING.iter().any(|g| last_word_is(before, g))
}

/// Whether the last word of `before` is `word`, in any ASCII case.
fn last_word_is(before: &str, word: &str) -> bool {
    before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .eq_ignore_ascii_case(word)
}

/// Whether a sentence of a paragraph reads as prose rather than a date line: it ends
/// with a full stop and has more than eight words ("The fund opens in the spring
/// of 2021." against "Thursday 3 March 2022" or "By Jane Smith, 3 March 2022").
fn prose(kind: BlockKind, words: usize, norm: &str) -> bool {
    kind == BlockKind::Paragraph && words > 8 && norm.trim_end().ends_with('.')
}

/// The cue nearest before a date (within its last 40 bytes): where a publication cue
/// ("posted", "published", ...) starts in `before`, unless an edit cue ("updated",
/// "modified", "revised") comes after it; and whether the nearest cue is an edit's.
/// "Updated 5 May 2022 / First published 3 March 2022": the first date is an edit's,
/// the second the publication's.
fn cue_before(before: &str) -> (Option<usize>, bool) {
    let mut from = before.len().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let near = before[from..].to_lowercase();
    const EDITS: [&str; 3] = ["updated", "modified", "revised"];
    let edit = EDITS.iter().filter_map(|c| near.rfind(c)).max();
    // "date" inside "updated" is no publication cue.
    let plain = EDITS
        .iter()
        .fold(near.clone(), |n, e| n.replace(e, &" ".repeat(e.len())));
    let publication = DATE_CUES.iter().filter_map(|c| plain.rfind(c)).max();
    match (publication, edit) {
        (Some(p), e) if e.is_none_or(|e| p > e) => {
            // `near` lowercased may differ in length from `before[from..]`: an ASCII
            // prefix is the common case; otherwise the cue is not at the opening.
            let at = if near.len() == before.len() - from {
                from + p
            } else {
                usize::MAX
            };
            (Some(at), false)
        }
        (_, e) => (None, e.is_some()),
    }
}

/// Civil date (y, m, d) from days since 1970-01-01, the year kept within 1..=9999.
pub(super) fn civil_from_days(z: i64) -> (i16, u8, u8) {
    let (y, m, d) = levelmap_model::date::civil_from_days(z);
    (y.clamp(1, 9999) as i16, m, d)
}
