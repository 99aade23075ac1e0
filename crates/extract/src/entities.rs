//! Actors, policies and events in an article: every lexicon name and alias (one
//! aho-corasick pass per sentence, with English case and word-boundary rules), new
//! candidates the lexicon lacks (people with their roles, organisations,
//! programmes, quoted coinages), and short forms resolved within the article
//! ("Reeves" after "Rachel Reeves", "the Chancellor" when one known actor held
//! that role at the time).

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;
use std::sync::OnceLock;

use super::found::{EventRef, Found, Header};
use super::items::{Candidate, Mention, MentionHow};
use super::lexicon::Lexicon;
use super::scan::{Scan, Scanner, Set};
use super::sentences::{quote, BlockKind, Layout};
use super::slug::slug;
use super::words::{self, given_names, not_name, person_titles, role_heads};
use levelmap_model::date::PartialDate;
use levelmap_model::mentions::{is_boundary, HitRef};
use levelmap_model::NodeKind;

/// Candidates below this confidence are not written (unless a claim or edge uses them).
pub const DEFAULT_MIN_CANDIDATE_CONFIDENCE: f64 = 0.5;

/// Find references to lexicon events: their names and aliases, or the subject of the
/// name with a form of its verb ("launching a Levelling Up Taskforce").
pub fn find_events(layout: &Layout, lex: &Lexicon, scan: &Scan) -> Vec<EventRef> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut hits = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        lexicon_hits(
            &lex.scanner,
            scan,
            si,
            &s.norm,
            [Set::EventExact, Set::EventFolded],
            &mut hits,
        );
        for h in &hits {
            if seen.insert((h.id.to_string(), si)) {
                out.push(EventRef {
                    id: h.id.to_string(),
                    sentence: si,
                    confidence: 0.8,
                });
            }
        }
        if !scan.any(si, Set::EventCore) {
            continue;
        }
        for m in scan.overlapping(si, Set::EventCore) {
            let (start, end) = (m.start as usize, m.end as usize);
            let e = &lex.events[lex.core_events[m.idx as usize]];
            let Some((_, verb)) = &e.core else { continue };
            let ok_before = !s.norm[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let ok_after = !s.norm[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if !(ok_before && ok_after) {
                continue;
            }
            let has_verb = s
                .norm
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() >= verb.len() && w[..verb.len()].eq_ignore_ascii_case(verb));
            if has_verb && seen.insert((e.id.clone(), si)) {
                out.push(EventRef {
                    id: e.id.clone(),
                    sentence: si,
                    confidence: 0.7,
                });
            }
        }
    }
    out
}

/// The matches of a lexicon [`Matcher`] (its case-sensitive and its any-case names)
/// in sentence `si`, from the combined scan: what `Matcher::find_into` gives.
pub(crate) fn lexicon_hits<'m>(
    scanner: &'m Scanner,
    scan: &Scan,
    si: usize,
    norm: &str,
    sets: [Set; 2],
    out: &mut Vec<HitRef<'m>>,
) {
    out.clear();
    for set in sets {
        for o in scan.leftmost_longest(si, set) {
            let (start, end) = (o.start as usize, o.end as usize);
            if is_boundary(norm, start, end) {
                out.push(HitRef {
                    id: scanner.label(set, o.idx),
                    start,
                    end,
                });
            }
        }
    }
    out.sort_by(|a, b| (a.start, a.end, a.id).cmp(&(b.start, b.end, b.id)));
}

/// A word of a sentence's normalised text.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
}

/// Whether the character at byte `at` is alphanumeric, and its length.
#[inline]
fn alnum_at(s: &str, at: usize) -> (bool, usize) {
    let b = s.as_bytes()[at];
    if b < 0x80 {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        let c = s[at..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8())
    }
}

/// The words of `norm`, appended to `out`: runs of letters and digits, joined by an
/// apostrophe, hyphen, ampersand or period that a letter or digit follows ("O'Brien",
/// "co-operation", "R&D", "U.K"; a trailing "'s" stays in).
/// Byte classes for [`tokens_into`]: ASCII letters and digits, the joiners `'-&.`,
/// bytes of non-ASCII characters, and the rest.
const ALNUM: u8 = 1;
const JOINER: u8 = 2;
const NON_ASCII: u8 = 3;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b'\'' | b'-' | b'&' | b'.') {
            JOINER
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The words of `norm`, appended to `out`: runs of letters and digits, joined by an
/// apostrophe, hyphen, ampersand or period that a letter or digit follows ("O'Brien",
/// "co-operation", "R&D", "U.K"; a trailing "'s" stays in).
fn tokens_into<'a>(norm: &'a str, out: &mut Vec<Tok<'a>>) {
    let b = norm.as_bytes();
    let n = norm.len();
    let mut i = 0;
    while i < n {
        match CLASS[b[i] as usize] {
            ALNUM => {}
            NON_ASCII => {
                let (an, len) = alnum_at(norm, i);
                if !an {
                    i += len;
                    continue;
                }
            }
            _ => {
                i += 1;
                continue;
            }
        }
        let start = i;
        let mut j = i;
        loop {
            j += b[j..]
                .iter()
                .position(|&c| CLASS[c as usize] != ALNUM)
                .unwrap_or(n - j);
            if j >= n {
                break;
            }
            match CLASS[b[j] as usize] {
                NON_ASCII => {
                    let (an, len) = alnum_at(norm, j);
                    if !an {
                        break;
                    }
                    j += len;
                }
                JOINER if j + 1 < n && alnum_at(norm, j + 1).0 => j += 1,
                _ => break,
            }
        }
        out.push(Tok {
            s: &norm[start..j],
            start,
            end: j,
        });
        i = j.max(i + 1);
    }
}

/// The definition [`tokens_into`] implements, character by character.
#[cfg(test)]
fn tokens_reference(norm: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let n = norm.len();
    let mut i = 0;
    while i < n {
        let c = norm[i..].chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i;
        while let Some(c) = norm[j..].chars().next() {
            if c.is_alphanumeric() {
                j += c.len_utf8();
            } else if matches!(c, '\'' | '-' | '&' | '.')
                && j + 1 < n
                && norm[j + 1..].starts_with(char::is_alphanumeric)
            {
                j += 1;
            } else {
                break;
            }
        }
        out.push(Tok {
            s: &norm[start..j],
            start,
            end: j,
        });
        i = j.max(i + 1);
    }
    out
}

/// Every sentence's words, computed once: sentence `i` has `toks[off[i]..off[i + 1]]`.
struct Words<'a> {
    toks: Vec<Tok<'a>>,
    off: Vec<usize>,
}

impl<'a> Words<'a> {
    fn new(layout: &'a Layout) -> Self {
        let mut toks = Vec::with_capacity(layout.sentences.iter().map(|s| s.words + 4).sum());
        let mut off = Vec::with_capacity(layout.sentences.len() + 1);
        off.push(0);
        for s in &layout.sentences {
            tokens_into(&s.norm, &mut toks);
            off.push(toks.len());
        }
        Words { toks, off }
    }

    fn of(&self, si: usize) -> &[Tok<'a>] {
        &self.toks[self.off[si]..self.off[si + 1]]
    }
}

/// `w` in lowercase, in `buf` when it is ASCII (no allocation), else newly allocated.
fn lower<'b>(w: &str, buf: &'b mut String) -> std::borrow::Cow<'b, str> {
    if w.is_ascii() {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(buf.as_str())
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

#[inline(always)]
fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_digit() => w.chars().any(char::is_uppercase),
        Some(b) if b.is_ascii() => false,
        _ => w.starts_with(|c: char| c.is_uppercase()),
    }
}

fn is_allcaps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Words that may join the capitalised words of a name ("Council of the Nations").
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "and" | "the" | "on" | "in" | "&" | "upon" | "to"
    )
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

/// The article's lowercase vocabulary: whether `w` is used as a word (a run of
/// letters and digits) that starts with a lowercase letter. Asked for a few words per
/// article, so searched for rather than indexed.
struct Vocab<'a> {
    layout: &'a Layout,
    /// Words asked about already.
    known: std::cell::RefCell<rustc_hash::FxHashMap<String, bool>>,
}

impl<'a> Vocab<'a> {
    fn new(layout: &'a Layout) -> Self {
        Vocab {
            layout,
            known: Default::default(),
        }
    }

    fn contains(&self, w: &str) -> bool {
        if !w.starts_with(|c: char| c.is_lowercase()) || !w.chars().all(char::is_alphanumeric) {
            return false;
        }
        if let Some(&k) = self.known.borrow().get(w) {
            return k;
        }
        let finder = memchr::memmem::Finder::new(w.as_bytes());
        let found = self.layout.sentences.iter().any(|s| {
            finder
                .find_iter(s.norm.as_bytes())
                .any(|at| levelmap_model::mentions::is_boundary(&s.norm, at, at + w.len()))
        });
        self.known.borrow_mut().insert(w.to_string(), found);
        found
    }
}

/// Find lexicon mentions and new candidates in every sentence.
pub fn find(text: &str, layout: &Layout, lex: &Lexicon, header: &Header, scan: &Scan) -> Found {
    let mut found = Found::default();
    // Lowercase vocabulary of the article: a capitalised word whose lowercase form is
    // used elsewhere is a common word, not a name, at the start of a sentence.
    let vocab = Vocab::new(layout);
    let mut cands: BTreeMap<String, Candidate> = BTreeMap::new();
    let mut cand_mentions: Vec<Mention> = Vec::new();
    let wtoks = Words::new(layout);
    let mut hits = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut scratch = Scratch::default();
    let mut org_hits: Vec<(usize, usize)> = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        lexicon_hits(
            &lex.scanner,
            scan,
            si,
            &s.norm,
            [Set::LexExact, Set::LexFolded],
            &mut hits,
        );
        for h in &hits {
            found.mentions.push(Mention {
                id: h.id.to_string(),
                sentence: si,
                start: h.start,
                end: h.end,
                how: MentionHow::Lexicon,
            });
        }
        let kind = layout.blocks[s.block].kind;
        if kind == BlockKind::Heading || header.boilerplate.contains(&s.block) {
            continue;
        }
        spans.clear();
        spans.extend(hits.iter().map(|h| (h.start, h.end)));
        org_hits.clear();
        if scan.any(si, Set::OrgGate) {
            // In the order of separate searches: phrase by phrase, each in text order.
            org_hits.extend(
                scan.overlapping(si, Set::OrgGate)
                    .into_iter()
                    .map(|o| (o.idx as usize, o.start as usize)),
            );
            org_hits.sort_unstable();
        }
        let ctx = SentenceCtx {
            si,
            norm: &s.norm,
            toks: wtoks.of(si),
            q: (text, s.start, s.end),
            hit_spans: &spans,
            org_hits: &org_hits,
        };
        scan_sentence(
            &ctx,
            &vocab,
            lex,
            &mut cands,
            &mut cand_mentions,
            &mut found.roles,
            &mut scratch,
        );
    }
    // Candidates named in the lexicon under the same folded name are lexicon mentions.
    let mut final_cands = Vec::new();
    for (_, mut c) in cands {
        if let Some(id) = lex.id_for_name(&c.name) {
            let id = id.to_string();
            for m in cand_mentions.iter_mut().filter(|m| m.id == c.id) {
                m.id = id.clone();
                m.how = MentionHow::Lexicon;
            }
            continue;
        }
        if lex.id_set.contains(&c.id) && lex.entity_ids.contains(&c.id) {
            continue;
        }
        if c.count >= 2 {
            c.confidence = (c.confidence + 0.1).min(0.95);
        }
        c.known = lex.id_set.contains(&c.id);
        final_cands.push(c);
    }
    if !scratch.superseded.is_empty() {
        found.mentions.retain(|m| {
            !(m.how == MentionHow::Lexicon
                && scratch.superseded.contains(&(m.sentence, m.start, m.end)))
        });
    }
    found.mentions.extend(cand_mentions);
    found.candidates = final_cands;
    resolve_short_forms(layout, &wtoks, lex, &mut found);
    found
        .mentions
        .sort_by(|a, b| (a.sentence, a.start, &a.id).cmp(&(b.sentence, b.start, &b.id)));
    found
        .mentions
        .dedup_by(|a, b| a.sentence == b.sentence && a.start == b.start && a.id == b.id);
    found
}

/// One sentence as [`scan_sentence`] reads it.
struct SentenceCtx<'a, 's> {
    si: usize,
    norm: &'a str,
    toks: &'s [Tok<'a>],
    /// The article text and the sentence's byte range in it (for quotes).
    q: (&'a str, usize, usize),
    /// Lexicon hits in the sentence.
    hit_spans: &'s [(usize, usize)],
    /// Where the sentence has a lowercase organisation head or ", we ": (index in the
    /// [`Set::OrgGate`] list, start byte), by index then start.
    org_hits: &'s [(usize, usize)],
}

/// Buffers [`scan_sentence`] reuses from sentence to sentence.
#[derive(Default)]
struct Scratch {
    lower: String,
    /// Lexicon hits of a bare head ("White Paper") that a longer name in the same
    /// sentence ("Devolution White Paper") supersedes: (sentence, start, end).
    superseded: Vec<(usize, usize, usize)>,
}

fn scan_sentence(
    ctx: &SentenceCtx<'_, '_>,
    vocab: &Vocab<'_>,
    lex: &Lexicon,
    cands: &mut BTreeMap<String, Candidate>,
    mentions: &mut Vec<Mention>,
    roles: &mut Vec<(String, String)>,
    scratch: &mut Scratch,
) {
    let &SentenceCtx {
        si,
        norm,
        toks,
        q,
        hit_spans,
        org_hits,
    } = ctx;
    let overlaps = |a: usize, b: usize| hit_spans.iter().any(|&(s, e)| s < b && a < e);
    let covered = |a: usize, b: usize| hit_spans.iter().any(|&(s, e)| s <= a && b <= e);
    let adjacent = |x: &Tok, y: &Tok| norm[x.end..y.start] == *" ";
    let add = |cands: &mut BTreeMap<String, Candidate>,
               mentions: &mut Vec<Mention>,
               name: String,
               node_kind: NodeKind,
               kind: &str,
               conf: f64,
               why: String,
               start: usize,
               end: usize|
     -> String {
        let prefix = if node_kind == NodeKind::Policy {
            "policy"
        } else {
            "actor"
        };
        let id = format!("{prefix}:{}", slug(&name));
        let e = cands.entry(id.clone()).or_insert_with(|| Candidate {
            id: id.clone(),
            name: name.clone(),
            node_kind,
            kind: kind.to_string(),
            aliases: vec![],
            role: None,
            quote: quote(q.0, q.1, q.2),
            count: 0,
            confidence: conf,
            evidence: why,
            known: false,
        });
        e.count += 1;
        e.confidence = e.confidence.max(conf);
        mentions.push(Mention {
            id: id.clone(),
            sentence: si,
            start,
            end,
            how: MentionHow::Candidate,
        });
        id
    };

    // 1. Capitalised runs.
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !is_cap(t.s) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut k = i + 1;
        while k < toks.len() {
            if strip_possessive(toks[k - 1].s) != toks[k - 1].s {
                break;
            }
            if is_cap(toks[k].s) && adjacent(&toks[k - 1], &toks[k]) {
                last = k;
                k += 1;
            } else if is_connector(toks[k].s)
                && adjacent(&toks[k - 1], &toks[k])
                && k + 1 < toks.len()
            {
                // "of the Nations", "for Cities": up to two connectors before a capital.
                let mut m = k + 1;
                if is_connector(toks[m].s) && m + 1 < toks.len() && adjacent(&toks[k], &toks[m]) {
                    m += 1;
                }
                if is_cap(toks[m].s)
                    && adjacent(&toks[m - 1], &toks[m])
                    && !(toks[k].s == "and"
                        && ((i == last && !is_org_like(&toks[i..=last]))
                            || given_names().contains(toks[i].s)))
                {
                    last = m;
                    k = m + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let next_i = last + 1;
        if last == i {
            // One capitalised word alone names nothing here: policies and organisations
            // take two words or more, and people a given name and surname.
            i = next_i;
            continue;
        }
        let mut run: &[Tok] = &toks[i..=last];
        // Drop a common word opening a sentence ("The", "Securonomics" stays if unknown).
        while let Some(f) = run.first() {
            let lw = lower(f.s, &mut scratch.lower);
            let sentence_start = f.start == 0
                || norm[..f.start]
                    .trim_end()
                    .ends_with(['"', '\'', '(', ':', '-'])
                    && f.start < 3;
            // "New" opens many names ("New Local Government Network"); a given name
            // that is also a word ("Will Tanner") is a name inside a sentence.
            let keeps = run.len() >= 2
                && !sentence_start
                && ((f.s == "New"
                    && (words::org_head(strip_possessive(run[run.len() - 1].s)).is_some()
                        || words::policy_head(&norm[run[0].start..strip_end(run)]).is_some()))
                    || given_names().contains(f.s));
            if !keeps
                && (words::is_stopword(&lw)
                    || (sentence_start && vocab.contains(&lw))
                    || not_name().contains(f.s))
            {
                run = &run[1..];
            } else {
                break;
            }
        }
        let month_surname = |run: &[Tok]| {
            run.len() >= 2
                && words::MONTH_SURNAMES.contains(&strip_possessive(run[run.len() - 1].s))
                && given_names().contains(run[run.len() - 2].s)
        };
        while run
            .last()
            .is_some_and(|t| is_connector(t.s) || not_name().contains(strip_possessive(t.s)))
            && !month_surname(run)
        {
            run = &run[..run.len() - 1];
        }
        i = next_i;
        if run.len() < 2 {
            continue;
        }
        let (a, b) = (run[0].start, strip_end(run));
        let name = &norm[a..b];
        let words: Vec<&str> = run.iter().map(|t| strip_possessive(t.s)).collect();
        if words
            .iter()
            .any(|w| not_name().contains(w) && words.len() <= 2)
            && !month_surname(run)
        {
            continue;
        }
        let head = *words.last().unwrap_or(&"");
        let policy_kind = words::policy_head(name);
        let org_kind = words::org_head(head).or_else(|| {
            (words.len() >= 3
                && words::org_head(words[0]).is_some()
                && matches!(words[1], "of" | "for"))
            .then(|| words::org_head(words[0]).unwrap_or("organisation"))
        });
        if covered(a, b) {
            continue;
        }
        // A run that only extends a lexicon hit is new only if its head is a name head;
        // a lexicon hit that is only a bare head ("White Paper", an alias of one white
        // paper) gives way to the longer name it ends ("Devolution White Paper").
        if overlaps(a, b) {
            let head_span = run.last().map(|t| (t.start, t.end)).unwrap_or((a, b));
            let bare_head = hit_spans.iter().find(|&&(s, e)| {
                e == b && s > a && !norm[a..s].trim().is_empty() && {
                    let h = &norm[s..e];
                    words::POLICY_HEADS.iter().any(|(p, _)| *p == h)
                        || words::ORG_HEADS.iter().any(|(o, _)| *o == h)
                }
            });
            if let Some(&(s, e)) = bare_head.filter(|_| policy_kind.is_some() || org_kind.is_some())
            {
                scratch.superseded.push((si, s, e));
            } else if (policy_kind.is_none() && org_kind.is_none())
                || overlaps(head_span.0, head_span.1)
            {
                continue;
            }
        }
        // A proposal named in quotes after "a": "a 'Devolution Parliament'".
        if (norm[..a].ends_with(" a '") || norm[..a].ends_with(" an '"))
            && norm[b..].starts_with('\'')
        {
            add(
                cands,
                mentions,
                name.to_string(),
                NodeKind::Policy,
                "institution",
                0.6,
                "a capitalised name in quotes after 'a'".into(),
                a,
                b,
            );
            continue;
        }
        // An organisation's role-holder: "Active Profile's Managing Director Anna Heyes".
        if run.last().is_some_and(|t| t.s.ends_with("'s"))
            && !overlaps(a, b)
            && !given_names().contains(words[0])
        {
            let after = &toks[i..];
            let role_next = after
                .iter()
                .take(3)
                .take_while(|t| is_cap(t.s))
                .any(|t| role_heads().contains(t.s));
            if role_next
                && after
                    .first()
                    .is_some_and(|t| t.start == run[run.len() - 1].end + 1)
            {
                add(
                    cands,
                    mentions,
                    name.to_string(),
                    NodeKind::Actor,
                    "organisation",
                    0.6,
                    "a name whose role-holder follows ('X's Director')".into(),
                    a,
                    b,
                );
                continue;
            }
        }
        // Acronym defined in brackets right after: "Local Enterprise Partnerships (LEPs)".
        let acronym = norm[b..]
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .map(|(x, _)| x)
            .filter(|x| {
                is_allcaps(x.strip_suffix('s').unwrap_or(x)) && !x.contains(' ') && x.len() <= 8
            });
        if let Some(pk) = policy_kind {
            if words.len() >= 2 && !role_heads().contains(words[0]) {
                let id = add(
                    cands,
                    mentions,
                    name.to_string(),
                    NodeKind::Policy,
                    pk,
                    0.6,
                    format!("a name ending in '{head}'"),
                    a,
                    b,
                );
                add_alias(cands, &id, acronym);
            }
            continue;
        }
        if let Some(ok) = org_kind {
            if words.len() >= 2 && !is_role_phrase(&words) {
                let id = add(
                    cands,
                    mentions,
                    name.to_string(),
                    NodeKind::Actor,
                    ok,
                    0.6,
                    format!("an organisation name ending in '{head}'"),
                    a,
                    b,
                );
                add_alias(cands, &id, acronym);
            }
            continue;
        }
        // People: role + name, title + name, given name + surname, name + MP.
        let role_split = words
            .iter()
            .rposition(|w| role_heads().contains(w) || *w == "MP");
        let (role, person): (Option<String>, &[Tok]) = match role_split {
            Some(r) if r + 1 < run.len() && words[r] != "MP" => (
                Some(norm[run[0].start..run[r].end].to_string()),
                &run[r + 1..],
            ),
            _ => (None, run),
        };
        let mut person: Vec<Tok> = person
            .iter()
            .copied()
            .filter(|t| !person_titles().contains(t.s))
            .collect();
        let titled = person.len() < run.len()
            || toks[..i.saturating_sub(run.len())]
                .last()
                .is_some_and(|p| person_titles().contains(p.s));
        let mp = norm[b..].starts_with(" MP");
        let next_word: &str = norm[b..]
            .trim_start_matches([' ', ','])
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let reported = words::REPORTING_VERBS.contains(&next_word);
        while person.last().is_some_and(|t| t.s == "MP") {
            person.pop();
        }
        let name_like = person.iter().all(|t| {
            given_names().contains(t.s)
                || (t.end == run[run.len() - 1].end && month_surname(run))
                || (!is_allcaps(t.s)
                    && !words::is_stopword(&lower(t.s, &mut scratch.lower))
                    && !role_heads().contains(strip_possessive(t.s))
                    && t.s != "Prime")
        });
        // A byline or report with the verb first: "..., writes Terina Hine".
        let prev_word = norm[..run[0].start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let after_verb = matches!(
            prev_word,
            "writes"
                | "wrote"
                | "says"
                | "said"
                | "argues"
                | "argued"
                | "warns"
                | "warned"
                | "adds"
                | "added"
        ) && norm[strip_end(run)..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':'));
        let reported = reported || after_verb;
        if (2..=3).contains(&person.len()) && name_like {
            let first = strip_possessive(person[0].s);
            let given = given_names().contains(first);
            // Role before, after a comma: "Chancellor of the Exchequer, Rachel Reeves".
            let comma_role = comma_role_before(norm, person[0].start);
            let bracket_role = role_after(norm, strip_end(&person));
            let role = role.or(comma_role).or(bracket_role);
            let at_start = norm[..person[0].start].trim().is_empty();
            if given
                || titled
                || mp
                || role.is_some()
                || (reported && person.len() == 2 && (!at_start || after_verb))
            {
                let pname = norm[person[0].start..strip_end(&person)].to_string();
                if lex.id_for_name(&pname).is_some()
                    || overlaps(person[0].start, strip_end(&person))
                {
                    continue;
                }
                let conf = if given && (role.is_some() || mp || titled || reported) {
                    0.85
                } else if given {
                    0.7
                } else {
                    0.6
                };
                let why = match &role {
                    Some(r) => format!("a person's name with the role '{r}'"),
                    None if mp => "a person's name followed by MP".into(),
                    None if titled => "a person's name after a title".into(),
                    None if after_verb => format!("a name after '{prev_word}'"),
                    None if reported => format!("a name followed by '{next_word}'"),
                    None => "a given name and surname".into(),
                };
                let id = add(
                    cands,
                    mentions,
                    pname,
                    NodeKind::Actor,
                    "person",
                    conf,
                    why,
                    person[0].start,
                    strip_end(&person),
                );
                if let Some(r) = role {
                    if let Some(c) = cands.get_mut(&id) {
                        c.role.get_or_insert(r.clone());
                    }
                    roles.push((r, id));
                }
            }
        }
    }

    // 3. UK parties and institutions under their usual names.
    let mut gaz_until = 0;
    for (ti, t) in toks.iter().enumerate() {
        if !is_cap(t.s) || t.start < gaz_until {
            continue;
        }
        let w0 = strip_possessive(t.s);
        // "the Government" (capitalised, alone) is the national government.
        if w0 == "Government"
            && ti > 0
            && matches!(
                toks[ti - 1].s,
                "the" | "The" | "this" | "This" | "new" | "current"
            )
            && adjacent(&toks[ti - 1], t)
            && toks.get(ti + 1).is_none_or(|n| !is_cap(n.s))
            && !overlaps(t.start, t.start + w0.len())
        {
            let id = add(
                cands,
                mentions,
                "UK Government".into(),
                NodeKind::Actor,
                "government-body",
                0.6,
                "'the Government' names the UK Government".into(),
                t.start,
                t.start + w0.len(),
            );
            add_alias(cands, &id, Some("the Government"));
            continue;
        }
        // Only entries whose first word is this word can match (the whole surface must
        // equal the tokens' text); the rest of the loop checks exactly that.
        for &(surface, canonical, kind) in gazetteer_by_first_word(w0) {
            if !surface.starts_with(w0) {
                continue;
            }
            let n = surface.split(' ').count();
            if ti + n > toks.len() {
                continue;
            }
            let (a, b) = (t.start, toks[ti + n - 1].end);
            let text = &norm[a..b];
            let bare = text.strip_suffix("'s").unwrap_or(text);
            if bare != surface || overlaps(a, a + bare.len()) {
                continue;
            }
            gaz_until = a + bare.len();
            let node_kind = if levelmap_model::PolicyKind::parse(kind).is_some() {
                NodeKind::Policy
            } else {
                NodeKind::Actor
            };
            let id = add(
                cands,
                mentions,
                canonical.to_string(),
                node_kind,
                kind,
                0.7,
                format!("'{surface}' names {canonical}"),
                a,
                a + bare.len(),
            );
            if surface != canonical {
                add_alias(cands, &id, Some(surface));
            }
        }
    }

    // 4. A capitalised name before a lowercase organisation head ("the Localis
    // think-tank"), or the writer's own organisation ("At IPPR North, we ...").
    if !org_hits.is_empty() {
        let cap_run_before = |end: usize| -> Option<(usize, usize)> {
            let last = toks.iter().rposition(|t| t.end <= end)?;
            if toks[last].end != end || !is_cap(toks[last].s) {
                return None;
            }
            let mut first = last;
            while first > 0
                && adjacent(&toks[first - 1], &toks[first])
                && (is_cap(toks[first - 1].s)
                    || (is_connector(toks[first - 1].s) && first >= 2 && is_cap(toks[first - 2].s)))
            {
                first -= 1;
            }
            while first < last
                && (is_connector(toks[first].s)
                    || words::is_stopword(&toks[first].s.to_lowercase()))
            {
                first += 1;
            }
            Some((toks[first].start, toks[last].end))
        };
        for &(idx, p) in org_hits {
            let Some(&(h, kind)) = words::LOWER_ORG_HEADS.get(idx) else {
                continue;
            };
            {
                if !is_boundary(norm, p, p + h.len()) || !norm[..p].ends_with(' ') {
                    continue;
                }
                let Some((a, b)) = cap_run_before(p - 1) else {
                    continue;
                };
                if covered(a, b)
                    || a == 0
                        && norm[a..b].split(' ').count() == 1
                        && vocab.contains(&norm[a..b].to_lowercase())
                {
                    continue;
                }
                add(
                    cands,
                    mentions,
                    norm[a..b].to_string(),
                    NodeKind::Actor,
                    kind,
                    0.65,
                    format!("a name before '{h}'"),
                    a,
                    b,
                );
            }
        }
        for &(_, p) in org_hits
            .iter()
            .filter(|h| h.0 == words::LOWER_ORG_HEADS.len())
        {
            let Some((a, b)) = cap_run_before(p) else {
                continue;
            };
            let before = norm[..a].trim_end();
            if !(before.ends_with(" at")
                || before == "At"
                || before.ends_with(" At")
                || before == "at")
                || covered(a, b)
            {
                continue;
            }
            add(
                cands,
                mentions,
                norm[a..b].to_string(),
                NodeKind::Actor,
                "organisation",
                0.6,
                "the writers' organisation ('At ..., we')".into(),
                a,
                b,
            );
        }
    }

    // 2. Quoted names and coinages: 'securonomics', the 'Made Smarter' programme.
    for (qs, qe, inner) in quoted_spans(norm) {
        let words_in: Vec<&str> = inner.split_whitespace().collect();
        if words_in.is_empty() || words_in.len() > 4 || covered(qs, qe) || overlaps(qs + 1, qe - 1)
        {
            continue;
        }
        let before: Vec<&str> = norm[..qs].split_whitespace().rev().take(2).collect();
        let after = norm[qe..].trim_start();
        let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let head = words::LOWER_POLICY_HEADS
            .iter()
            .find(|(h, _)| *h == next_word);
        let introduced = before
            .first()
            .is_some_and(|w| words::COINAGE_INTRO.contains(w) && *w != "of")
            || (before.first() == Some(&"of") && before.get(1) == Some(&"idea"));
        if before.first() == Some(&"so-called") || before.contains(&"so") {
            continue;
        }
        let single_rare = words_in.len() == 1
            && inner.chars().all(|c| c.is_lowercase())
            && inner.len() >= 6
            && !words::is_stopword(inner);
        if let Some((h, pk)) = head {
            if inner.chars().next().is_some_and(char::is_uppercase) || introduced {
                let name = inner.to_string();
                let id = add(
                    cands,
                    mentions,
                    name,
                    NodeKind::Policy,
                    pk,
                    0.65,
                    format!("a quoted name followed by '{h}'"),
                    qs + 1,
                    qe - 1,
                );
                add_alias(cands, &id, Some(&format!("{inner} {h}")));
            }
        } else if introduced && single_rare {
            add(
                cands,
                mentions,
                inner.to_string(),
                NodeKind::Policy,
                "agenda",
                0.7,
                "a quoted coinage".into(),
                qs + 1,
                qe - 1,
            );
        }
    }
}

/// The [`words::GAZETTEER`] entries whose surface's first word is `w`, in list order.
fn gazetteer_by_first_word(w: &str) -> &'static [(&'static str, &'static str, &'static str)] {
    type Entries = Vec<(&'static str, &'static str, &'static str)>;
    static FIRST: OnceLock<[bool; 256]> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut t = [false; 256];
        for (s, _, _) in words::GAZETTEER {
            t[s.as_bytes()[0] as usize] = true;
        }
        t
    });
    if !w.as_bytes().first().is_some_and(|&b| first[b as usize]) {
        return &[];
    }
    static M: OnceLock<rustc_hash::FxHashMap<&'static str, Entries>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, Entries> = rustc_hash::FxHashMap::default();
        for &e in words::GAZETTEER {
            m.entry(e.0.split(' ').next().unwrap_or(""))
                .or_default()
                .push(e);
        }
        m
    })
    .get(w)
    .map_or(&[], Vec::as_slice)
}

fn is_org_like(run: &[Tok]) -> bool {
    run.last().is_some_and(|t| words::org_head(t.s).is_some())
}

fn is_role_phrase(words: &[&str]) -> bool {
    words
        .first()
        .is_some_and(|w| role_heads().contains(w) || *w == "Secretary" || *w == "Prime")
}

fn strip_end(run: &[Tok]) -> usize {
    let t = run[run.len() - 1];
    if t.s.ends_with("'s") {
        t.end - 2
    } else {
        t.end
    }
}

fn add_alias(cands: &mut BTreeMap<String, Candidate>, id: &str, alias: Option<&str>) {
    if let (Some(c), Some(a)) = (cands.get_mut(id), alias) {
        if !c.aliases.iter().any(|x| x == a) && a != c.name {
            c.aliases.push(a.to_string());
        }
    }
}

/// A role written before a name and a comma: "Chancellor of the Exchequer, Rachel Reeves".
fn comma_role_before(norm: &str, at: usize) -> Option<String> {
    let before = norm[..at].strip_suffix(", ")?;
    let start = before.rfind([',', '(', '-', '.', ';']).map_or(0, |i| i + 1);
    let phrase = before[start..].trim();
    let phrase = phrase.rsplit(" by ").next().unwrap_or(phrase).trim();
    let phrase = phrase.strip_prefix("the ").unwrap_or(phrase);
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    (ws.len() <= 8
        && ws.first().is_some_and(|w| is_cap(w))
        && ws.iter().any(|w| role_heads().contains(w)))
    .then(|| phrase.to_string())
}

/// A role in brackets or after a comma right after a name: "Angela Rayner (as both Deputy Prime Minister ...)".
fn role_after(norm: &str, at: usize) -> Option<String> {
    let rest = &norm[at..];
    let inner = if let Some(r) = rest.strip_prefix(" (") {
        r.split_once(')')?.0
    } else if let Some(r) = rest.strip_prefix(", the ") {
        r.split([',', '.']).next()?
    } else {
        return None;
    };
    let inner = inner.trim_start_matches("as ").trim_start_matches("both ");
    let ws: Vec<&str> = inner.split_whitespace().collect();
    let r = ws.iter().position(|w| role_heads().contains(w))?;
    let end = ws
        .iter()
        .skip(r)
        .position(|w| *w == "and")
        .map_or(ws.len(), |p| r + p);
    let start = ws[..r]
        .iter()
        .rposition(|w| !is_cap(w))
        .map_or(0, |p| p + 1);
    (end - start <= 10).then(|| ws[start..end].join(" "))
}

/// Spans of single-quoted phrases: (start of opening quote, end after closing quote, inner text).
fn quoted_spans(norm: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let b = norm.as_bytes();
    let mut i = 0;
    while let Some(q) = memchr::memchr(b'\'', &b[i..]) {
        i += q;
        if i == 0
            || !norm[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            if let Some(rel) = norm[i + 1..].find('\'') {
                let j = i + 1 + rel;
                let after_ok = !norm[j + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let inner = &norm[i + 1..j];
                if after_ok
                    && !inner.is_empty()
                    && !inner.starts_with(' ')
                    && !inner.ends_with(' ')
                    && inner.len() <= 60
                {
                    out.push((i, j + 1, inner));
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// "Reeves" after "Rachel Reeves": a lone surname of a person found earlier in the
/// article is that person.
fn resolve_short_forms(layout: &Layout, words: &Words<'_>, lex: &Lexicon, found: &mut Found) {
    let mut persons: rustc_hash::FxHashMap<String, String> = rustc_hash::FxHashMap::default(); // surname -> id
    let mut ambiguous: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for c in found.candidates.iter().filter(|c| c.kind == "person") {
        if let Some(last) = c.name.split_whitespace().last() {
            if persons
                .insert(last.to_string(), c.id.clone())
                .is_some_and(|prev| prev != c.id)
            {
                ambiguous.insert(last.to_string());
            }
        }
    }
    // The lexicon persons mentioned, in id order (a sorted, deduplicated list).
    let mut lex_persons: Vec<&str> = found
        .mentions
        .iter()
        .filter(|m| lex.person_ids.contains(&m.id))
        .map(|m| m.id.as_str())
        .collect();
    lex_persons.sort_unstable();
    lex_persons.dedup();
    for id in lex_persons {
        if let Some(last) = lex.entities[id].name.split_whitespace().last() {
            if persons
                .insert(last.to_string(), id.to_string())
                .is_some_and(|prev| prev != id)
            {
                ambiguous.insert(last.to_string());
            }
        }
    }
    if persons.is_empty() {
        return;
    }
    // Cheap tests before the map: a surname's first byte and length.
    let mut first_bytes = [false; 256];
    let (mut shortest, mut longest) = (usize::MAX, 0);
    for k in persons.keys() {
        if let Some(&b) = k.as_bytes().first() {
            first_bytes[b as usize] = true;
        }
        shortest = shortest.min(k.len());
        longest = longest.max(k.len());
    }
    let mut add = Vec::new();
    for si in 0..layout.sentences.len() {
        for &t in words.of(si) {
            let w = strip_possessive(t.s);
            if w.len() < shortest
                || w.len() > longest
                || !w
                    .as_bytes()
                    .first()
                    .is_some_and(|&b| first_bytes[b as usize])
            {
                continue;
            }
            let Some(id) = persons.get(w) else { continue };
            if ambiguous.contains(w) {
                continue;
            }
            let end = t.start + w.len();
            let already = found
                .mentions
                .iter()
                .any(|m| m.sentence == si && m.start <= t.start && end <= m.end);
            if !already {
                add.push(Mention {
                    id: id.clone(),
                    sentence: si,
                    start: t.start,
                    end,
                    how: MentionHow::ShortForm,
                });
                if let Some(c) = found.candidates.iter_mut().find(|c| &c.id == id) {
                    if !c.aliases.iter().any(|a| a == w) {
                        c.aliases.push(w.to_string());
                    }
                }
            }
        }
    }
    found.mentions.extend(add);
}

pub(crate) fn role_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"\b[Tt]he (?:new |current |incoming )?((?:Deputy )?Prime Minister|Chancellor(?: of the Exchequer)?|Chief Secretary to the Treasury|Secretary of State for [A-Z][A-Za-z]+(?:(?:,| and)? [A-Z][A-Za-z]+)*|(?:Home|Foreign|Business|Health|Levelling Up|Communities|Housing) Secretary|Mayor of [A-Z][a-z]+(?: [A-Z][a-z]+)*|Leader of the Opposition)",
        )
        .expect("valid regex")
    })
}

/// "the Chancellor", "the new Prime Minister": resolved to the one actor known to
/// hold that role at `date` (from lexicon roles or roles found beside names in this article).
pub fn resolve_roles(
    layout: &Layout,
    lex: &Lexicon,
    date: Option<PartialDate>,
    found: &mut Found,
    scan: &Scan,
) {
    let mut add = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        if !scan.any(si, Set::RoleGate) {
            continue;
        }
        for cap in role_regex().captures_iter(&s.norm) {
            let Some(m) = cap.get(1) else { continue };
            let role = m.as_str().to_lowercase();
            let whole = cap
                .get(0)
                .map_or(m.start()..m.end(), |w| w.start()..w.end());
            if found
                .mentions
                .iter()
                .any(|x| x.sentence == si && x.start < whole.end && whole.start < x.end)
            {
                continue;
            }
            // Followed directly by a name: "the Chancellor, Rachel Reeves" is already a mention.
            let mut holders: BTreeSet<String> = BTreeSet::new();
            for e in lex
                .entities
                .values()
                .filter(|e| e.node_kind == NodeKind::Actor)
            {
                for r in &e.roles {
                    let t = r.title.to_lowercase();
                    let matches = t == role
                        || t.starts_with(&format!("{role} "))
                        || role.starts_with(&format!("{t} "));
                    let active = match date {
                        Some(d) => {
                            r.from.is_none_or(|f| f.start_days() <= d.end_days())
                                && r.to.is_none_or(|t| d.start_days() <= t.end_days())
                        }
                        None => true,
                    };
                    if matches && active {
                        holders.insert(e.id.clone());
                    }
                }
            }
            for (r, id) in &found.roles {
                let t = r.to_lowercase();
                if t == role
                    || t.starts_with(&format!("{role} "))
                    || t.ends_with(&format!(" {role}"))
                {
                    holders.insert(id.clone());
                }
            }
            if holders.len() == 1 {
                let id = holders.into_iter().next().unwrap_or_default();
                add.push(Mention {
                    id,
                    sentence: si,
                    start: whole.start,
                    end: whole.end,
                    how: MentionHow::Role,
                });
            }
        }
    }
    found.mentions.extend(add);
    found
        .mentions
        .sort_by(|a, b| (a.sentence, a.start, &a.id).cmp(&(b.sentence, b.start, &b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::{Corpus, Entity, Origin, Role};

    pub(crate) fn ent(id: &str, name: &str, kind: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            node_kind: levelmap_model::kind_of_id(id).unwrap(),
            kind: kind.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            description: None,
            date: None,
            roles: vec![],
            origin: Origin::Curated,
        }
    }

    fn lex_of(es: Vec<Entity>) -> Lexicon {
        let mut c = Corpus::default();
        for e in es {
            c.entities.insert(e.id.clone(), e);
        }
        crate::lexicon(&c)
    }

    fn run(text: &str, lex: &Lexicon) -> Found {
        let layout = Layout::new(text);
        let header = Header::default();
        let scan = lex.scanner.scan(&layout);
        let mut f = find(text, &layout, lex, &header, &scan);
        resolve_roles(
            &layout,
            lex,
            PartialDate::parse("2024-07-08").ok(),
            &mut f,
            &scan,
        );
        f
    }

    #[test]
    fn finds_people_with_roles_and_resolves_short_forms() {
        let lex = lex_of(vec![ent(
            "actor:labour-party",
            "Labour Party",
            "party",
            &["Labour"],
        )]);
        let t = "Labour's approach was dubbed 'securonomics' by Chancellor of the Exchequer, Rachel Reeves, this week. Later Reeves said more.";
        let f = run(t, &lex);
        let ids: Vec<&str> = f.candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["actor:rachel-reeves", "policy:securonomics"]);
        let rr = &f.candidates[0];
        assert_eq!(rr.role.as_deref(), Some("Chancellor of the Exchequer"));
        assert_eq!(rr.aliases, ["Reeves"]);
        assert!(f
            .mentions
            .iter()
            .any(|m| m.id == "actor:rachel-reeves" && m.how == MentionHow::ShortForm));
        assert!(f.mentions.iter().any(|m| m.id == "actor:labour-party"));
    }

    #[test]
    fn finds_organisations_and_programmes() {
        let lex = lex_of(vec![ent(
            "policy:levelling-up",
            "levelling up",
            "agenda",
            &[],
        )]);
        let t = "A new Council of the Nations and Regions will be set up. The Resolution Foundation backs the Levelling Up Fund and the 'Made Smarter' programme, with Local Enterprise Partnerships (LEPs).";
        let f = run(t, &lex);
        let got: Vec<(String, String)> = f
            .candidates
            .iter()
            .map(|c| (c.id.clone(), c.kind.clone()))
            .collect();
        assert!(
            got.contains(&(
                "actor:council-of-the-nations-and-regions".into(),
                "government-body".into()
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("actor:resolution-foundation".into(), "think-tank".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("policy:levelling-up-fund".into(), "fund".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("policy:made-smarter".into(), "programme".into())),
            "{got:?}"
        );
        let lep = f
            .candidates
            .iter()
            .find(|c| c.id == "actor:local-enterprise-partnerships")
            .unwrap();
        assert_eq!(lep.aliases, ["LEPs"]);
    }

    #[test]
    fn the_chancellor_resolves_by_role_and_date() {
        let mut rr = ent(
            "actor:rachel-reeves",
            "Rachel Reeves",
            "person",
            &["Reeves"],
        );
        rr.roles.push(Role {
            title: "Chancellor of the Exchequer".into(),
            of: None,
            from: PartialDate::parse("2024-07").ok(),
            to: None,
        });
        let mut js = ent("actor:jeremy-hunt", "Jeremy Hunt", "person", &[]);
        js.roles.push(Role {
            title: "Chancellor of the Exchequer".into(),
            of: None,
            from: PartialDate::parse("2022-10").ok(),
            to: PartialDate::parse("2024-07").ok(),
        });
        let lex = lex_of(vec![rr, js]);
        let f = run("Growth matters. The Chancellor set out a plan today.", &lex);
        let roles: Vec<&str> = f
            .mentions
            .iter()
            .filter(|m| m.how == MentionHow::Role)
            .map(|m| m.id.as_str())
            .collect();
        // Both held the role in July 2024: ambiguous, so not resolved.
        assert!(roles.is_empty(), "{roles:?}");
        let layout = Layout::new("The Chancellor set out a plan.");
        let mut f = Found::default();
        resolve_roles(
            &layout,
            &lex,
            PartialDate::parse("2025-01").ok(),
            &mut f,
            &lex.scanner.scan(&layout),
        );
        assert_eq!(
            f.mentions.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
            ["actor:rachel-reeves"]
        );
    }

    #[test]
    fn fast_tokens_match_the_reference() {
        for t in [
            "O'Brien's co-operation on R&D in the U.K. - 'quoted' -x x- a.b. ",
            "Café naïve ÉCOLE ’twas £3.6bn 2019/20 x&",
            "",
            "'",
            "a",
        ] {
            let mut got = Vec::new();
            tokens_into(t, &mut got);
            let got: Vec<(usize, usize)> = got.iter().map(|t| (t.start, t.end)).collect();
            let want: Vec<(usize, usize)> = tokens_reference(t)
                .iter()
                .map(|t| (t.start, t.end))
                .collect();
            assert_eq!(got, want, "{t}");
        }
    }

    fn candidate_names(f: &Found) -> Vec<(String, String)> {
        f.candidates
            .iter()
            .map(|c| (c.name.clone(), c.kind.clone()))
            .collect()
    }

    #[test]
    fn names_that_are_also_words_months_or_bylines() {
        let lex = lex_of(vec![]);
        let t = "As Will Tanner wrote, the deal between Theresa May and the DUP was costly. The fund is a sham, writes Jo Bloggs.";
        let got = candidate_names(&run(t, &lex));
        for (name, kind) in [
            ("Will Tanner", "person"),
            ("Theresa May", "person"),
            ("Democratic Unionist Party", "party"),
            ("Jo Bloggs", "person"),
        ] {
            assert!(got.contains(&(name.into(), kind.into())), "{name}: {got:?}");
        }
        // A month alone, or after a word that is no given name, is still no name.
        let got = candidate_names(&run(
            "In May the Budget Office reported. Next May Labour won.",
            &lex,
        ));
        assert!(!got.iter().any(|(n, _)| n.contains("May")), "{got:?}");
    }

    #[test]
    fn organisations_by_lowercase_head_by_we_and_by_new() {
        let lex = lex_of(vec![]);
        let t = "It was dismissed by the New Local Government Network think-tank and by the Localis think-tank. At Northern Futures North, we believe in devolution.";
        let got = candidate_names(&run(t, &lex));
        for (name, kind) in [
            ("New Local Government Network", "organisation"),
            ("Localis", "think-tank"),
            ("Northern Futures North", "organisation"),
        ] {
            assert!(got.contains(&(name.into(), kind.into())), "{name}: {got:?}");
        }
    }

    #[test]
    fn nations_regions_and_the_government() {
        let lex = lex_of(vec![]);
        let t = "Powers move from the Government to the East Midlands and to Scotland, says the Bank of England.";
        let f = run(t, &lex);
        let got = candidate_names(&f);
        for (name, kind) in [
            ("UK Government", "government-body"),
            ("East Midlands", "place"),
            ("Scotland", "place"),
            ("Bank of England", "organisation"),
        ] {
            assert!(got.contains(&(name.into(), kind.into())), "{name}: {got:?}");
        }
        // No nested matches: "Midlands" inside "East Midlands", "England" inside "Bank of England".
        assert!(
            !got.iter().any(|(n, _)| n == "Midlands" || n == "England"),
            "{got:?}"
        );
    }

    #[test]
    fn a_longer_name_supersedes_a_bare_head_alias() {
        let lex = lex_of(vec![ent(
            "policy:lu-white-paper",
            "Levelling Up the United Kingdom",
            "white-paper",
            &["white paper"],
        )]);
        let f = run(
            "The forthcoming budget and Devolution White Paper should include a new commitment.",
            &lex,
        );
        assert!(
            candidate_names(&f).contains(&("Devolution White Paper".into(), "white-paper".into())),
            "{:?}",
            f.candidates
        );
        assert!(
            !f.mentions.iter().any(|m| m.id == "policy:lu-white-paper"),
            "{:?}",
            f.mentions
        );
        // Alone, the alias still names the lexicon entry.
        let f = run(
            "The White Paper should include a new commitment to towns.",
            &lex,
        );
        assert!(
            f.mentions.iter().any(|m| m.id == "policy:lu-white-paper"),
            "{:?}",
            f.mentions
        );
    }

    #[test]
    fn the_org_gate_lists_the_lowercase_heads_then_we() {
        let gate = crate::scan::GATES
            .iter()
            .find(|g| g.0 == Set::OrgGate)
            .map(|g| g.1)
            .unwrap_or(&[]);
        let mut want: Vec<&str> = words::LOWER_ORG_HEADS.iter().map(|h| h.0).collect();
        want.push(", we ");
        assert_eq!(gate, want.as_slice());
    }
}
