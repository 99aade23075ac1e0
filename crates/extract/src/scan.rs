//! One pass per sentence for every phrase list the extractor looks for: lexicon and
//! event names, event subjects, claim cues, evolves-into cues, boilerplate and time
//! words go into one aho-corasick automaton that reports every occurrence
//! (overlapping). Each reader then takes its own matches from that list with the
//! semantics its own automaton had (case-sensitive or not, leftmost-longest,
//! overlapping or any-match), so the results are the same as separate passes.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
#[cfg(test)]
use aho_corasick::AhoCorasickBuilder;
use aho_corasick::{Anchored, MatchKind};

use super::sentences::Layout;
use levelmap_model::mentions::{article_lowered, keeps_written_case, name_matches_keeping};

/// A phrase list in the combined automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum Set {
    /// Lexicon names with a capital letter (the case rule of `mentions::name_matches`).
    LexExact,
    /// All-lowercase lexicon names (any ASCII case).
    LexFolded,
    /// Event names with a capital letter (the case rule of `mentions::name_matches`).
    EventExact,
    /// All-lowercase event names (any ASCII case).
    EventFolded,
    /// Event subjects ("levelling up taskforce"), any ASCII case.
    EventCore,
    /// Claim cue phrases (`claims`).
    Cue,
    /// Evolves-into cue phrases (`links`).
    Evolve,
    /// Page furniture phrases (`meta::is_boilerplate`).
    Boilerplate,
    /// Time words ("this week", "recently", " ago").
    Time,
    /// Words that mark a date as the article's ("posted", "published"), any ASCII case.
    DateCue,
    /// Phrases by which an article names its own organisation ("our research").
    OutletSelf,
    /// Literals every copyright-line pattern needs: "©", "(c)", "Copyright".
    CopyrightGate,
    /// "published ", which every published-by pattern needs.
    PublishedGate,
    /// "opinions of", "views of".
    ViewsGate,
    /// "is a", "was a", "is the", "was the": every biography-line pattern needs one.
    IsAGate,
    /// " at ", " with ".
    AtGate,
    /// Role words every "the Chancellor" pattern needs.
    RoleGate,
    /// "by", "By", "BY", "Author": every byline pattern needs one.
    BylineGate,
    /// Lowercase organisation heads ("think-tank") and ", we " ("At IPPR North, we").
    OrgGate,
    /// The words of a news outlet speaking of itself ("told ", " understands",
    /// "this newspaper").
    SelfRefGate,
}

impl Set {
    fn case_sensitive(self) -> bool {
        matches!(
            self,
            Set::LexExact
                | Set::EventExact
                | Set::CopyrightGate
                | Set::PublishedGate
                | Set::ViewsGate
                | Set::IsAGate
                | Set::AtGate
                | Set::BylineGate
                | Set::OrgGate
                | Set::SelfRefGate
        )
    }
}

const _: () = assert!(
    (Set::SelfRefGate as u32) < 32,
    "a Scan keeps one bit per list"
);

/// Literal phrases that the extractor's regexes need, each list one [`Set`]: a
/// sentence without any phrase of a list cannot match the regexes it guards, which
/// then need not run.
pub(crate) const GATES: &[(Set, &[&str])] = &[
    (Set::CopyrightGate, &["©", "(c)", "Copyright"]),
    (Set::SelfRefGate, crate::meta::SELF_REFERENCE),
    (Set::PublishedGate, &["published "]),
    (Set::ViewsGate, &["opinions of", "views of"]),
    (
        Set::IsAGate,
        &[
            "is a",
            "was a",
            "is the",
            "was the",
            "is Professor",
            "was Professor",
            "is Senior",
            "was Senior",
            "is Lecturer",
            "was Lecturer",
            "is Reader",
            "was Reader",
            "is Director",
            "was Director",
            "is Head",
            "was Head",
            "is Chief",
            "was Chief",
            "is Research",
            "was Research",
            "is Associate",
            "was Associate",
            "is Assistant",
            "was Assistant",
            "is Visiting",
            "was Visiting",
            "is Honorary",
            "was Honorary",
            "is Emeritus",
            "was Emeritus",
        ],
    ),
    (Set::AtGate, &[" at ", " with "]),
    (
        Set::RoleGate,
        &[
            "Minister",
            "Chancellor",
            "Secretary",
            "Mayor of ",
            "Leader of the Opposition",
        ],
    ),
    (Set::BylineGate, &["by", "By", "BY", "Author"]),
    (
        Set::OrgGate,
        &[
            "think-tank",
            "think tank",
            "thinktank",
            "charity",
            "campaign group",
            "pressure group",
            "lobby group",
            "trade body",
            "trade union",
            "pollster",
            "polling company",
            "polling firm",
            "consultancy",
            "housing association",
            "website",
            "firm",
            "company",
            "retailer",
            "supermarket",
            "bank",
            "lender",
            "housebuilder",
            "developer",
            "insurer",
            "chain",
            "union",
            "lobby",
            "business group",
            "trade association",
            "regulator",
            "watchdog",
            "quango",
            "newspaper",
            "broadcaster",
            "publisher",
            "estate agent",
            "agency",
            "partnership",
            "association",
            "alliance",
            "coalition",
            "federation",
            "manufacturer",
            "airline",
            "carmaker",
            "startup",
            "start-up",
            "group",
            "body",
            "organisation",
            "operator",
            "contractor",
            "supplier",
            "utility",
            "investor",
            "producer",
            "magazine",
            "platform",
            "network",
            "dronemaker",
            "chipmaker",
            "drugmaker",
            "steelmaker",
            "shipbuilder",
            "homebuilder",
            "automaker",
            "provider",
            "consortium",
            "cooperative",
            "co-operative",
            "conglomerate",
            "multinational",
            "asset manager",
            "fund manager",
            "hedge fund",
            "subsidiary",
            "giant",
            ", we ",
        ],
    ),
];

/// Whether ASCII-case-insensitive search in `s` finds exactly what a search in
/// `s.to_lowercase()` finds, for ASCII phrases: true unless `s` holds 'İ' or the Kelvin
/// sign, the only characters whose lowercase has ASCII in it.
pub(crate) fn ascii_fold_is_lowercase(s: &str) -> bool {
    // 'İ' is C4 B0 and the Kelvin sign E2 84 AA in UTF-8.
    let b = s.as_bytes();
    memchr::memchr2_iter(0xC4, 0xE2, b)
        .all(|i| !(b[i..].starts_with(&[0xC4, 0xB0]) || b[i..].starts_with(&[0xE2, 0x84, 0xAA])))
}

/// One occurrence of a phrase: its byte range in the sentence's normalised text, its
/// list and its index in that list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occ {
    /// Start byte.
    pub(crate) start: u32,
    /// End byte (exclusive).
    pub(crate) end: u32,
    /// The phrase list.
    pub(crate) set: Set,
    /// Index of the phrase in its list.
    pub(crate) idx: u32,
}

/// The combined automaton: every pattern in ASCII lower case, searched over the
/// sentence's bytes folded to ASCII lower case as they are read, which finds what an
/// ASCII-case-insensitive automaton finds. A contiguous NFA, not a DFA: with some
/// 3,000 patterns a DFA takes about 6 MB (12 MB when it folds case itself) and
/// each byte of text misses the cache; the NFA takes under 0.5 MB.
pub(crate) struct Scanner {
    dfa: Option<NFA>,
    /// For each pattern of the automaton: its list, index in the list, and text.
    pats: Vec<(Set, u32)>,
    texts: Vec<String>,
    /// For each pattern: whether it is a name that keeps its written case
    /// (`mentions::keeps_written_case`), read once here for [`exact_name_matches`].
    keeps_case: Vec<bool>,
    /// Per list (by `Set as usize`), each phrase's label (an entity id), if given.
    labels: Vec<Vec<String>>,
}

impl Scanner {
    /// Mark the names of list `set` that keep their written case though
    /// `keeps_written_case` says not (`keeps`, by index in the list: the
    /// `NamePatterns::exact_keeps` of unreviewed entries).
    pub(crate) fn keep_case(&mut self, set: Set, keeps: &[bool]) {
        for (k, &(s, i)) in self.pats.iter().enumerate() {
            if s == set && keeps.get(i as usize).copied().unwrap_or(false) {
                self.keeps_case[k] = true;
            }
        }
    }

    /// Build the automaton over phrase lists, unlabelled (see [`Scanner::labelled`]).
    #[cfg(test)]
    pub(crate) fn new<'a>(lists: impl IntoIterator<Item = (Set, Vec<&'a str>)>) -> Self {
        Self::labelled(
            lists
                .into_iter()
                .map(|(s, l)| (s, l.into_iter().map(|p| (p, "")).collect())),
        )
    }

    /// Build the automaton over phrase lists, each phrase with a label (the entity id
    /// it names, or ""): each list in its order; every pattern is matched in any ASCII
    /// case, and case-sensitive lists are checked afterwards.
    pub(crate) fn labelled<'a>(
        lists: impl IntoIterator<Item = (Set, Vec<(&'a str, &'a str)>)>,
    ) -> Self {
        let mut pats = Vec::new();
        let mut texts = Vec::new();
        let mut labels: Vec<Vec<String>> = vec![Vec::new(); Set::SelfRefGate as usize + 1];
        let mut all: Vec<(Set, Vec<(&str, &str)>)> = lists.into_iter().collect();
        all.sort_by_key(|(s, _)| *s);
        for (set, list) in all {
            for (i, (p, label)) in list.into_iter().enumerate() {
                pats.push((set, i as u32));
                texts.push(p.to_string());
                labels[set as usize].push(label.to_string());
            }
        }
        let keeps_case = texts.iter().map(|t| keeps_written_case(t)).collect();
        let dfa = (!texts.is_empty()).then(|| {
            NFA::builder()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .dense_depth(4)
                .build(texts.iter().map(|t| t.to_ascii_lowercase()))
                .expect("phrases are plain strings")
        });
        Scanner {
            dfa,
            pats,
            texts,
            keeps_case,
            labels,
        }
    }

    /// The label of phrase `idx` of `set`.
    pub(crate) fn label(&self, set: Set, idx: u32) -> &str {
        &self.labels[set as usize][idx as usize]
    }

    /// Every occurrence in every sentence of the layout.
    pub(crate) fn scan(&self, layout: &Layout) -> Scan {
        let mut occ = Vec::new();
        let mut off = Vec::with_capacity(layout.sentences.len() + 1);
        off.push(0);
        for s in &layout.sentences {
            self.scan_into(&s.norm, &mut occ);
            off.push(occ.len());
        }
        let present = (0..layout.sentences.len())
            .map(|si| {
                occ[off[si]..off[si + 1]]
                    .iter()
                    .fold(0u32, |m, o| m | 1 << o.set as u32)
            })
            .collect();
        Scan { occ, off, present }
    }

    /// Append the occurrences in `norm` to `out`, sorted by start, longest first, then
    /// by list and index.
    pub(crate) fn scan_into(&self, norm: &str, out: &mut Vec<Occ>) {
        let Some(dfa) = &self.dfa else { return };
        let from = out.len();
        let hay = norm.as_bytes();
        // The overlapping search of aho-corasick, written out over its automaton: every
        // match state reports all its patterns, in order, at the position after the byte.
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        let report = |sid, end: usize, out: &mut Vec<Occ>| {
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                let p = pid.as_usize();
                let start = end - dfa.pattern_len(pid);
                let (set, idx) = self.pats[p];
                if matches!(set, Set::LexExact | Set::EventExact) {
                    if !exact_name_matches(&self.texts[p], self.keeps_case[p], norm, start, end) {
                        continue;
                    }
                } else if set.case_sensitive() && hay[start..end] != *self.texts[p].as_bytes() {
                    continue;
                }
                out.push(Occ {
                    start: start as u32,
                    end: end as u32,
                    set,
                    idx,
                });
            }
        };
        if dfa.is_match(sid) {
            report(sid, 0, out);
        }
        for (i, &b) in hay.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b.to_ascii_lowercase());
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    report(sid, i + 1, out);
                }
            }
        }
        out[from..].sort_unstable_by_key(|o| (o.start, std::cmp::Reverse(o.end), o.set, o.idx));
    }
}

/// `mentions::name_matches(name, hay, start, end)` for a match of `name` in any ASCII
/// case, where `keeps_case` is `keeps_written_case(name)`: the name as written passes,
/// and a name that keeps its written case fails on a lowercase letter (it may match
/// only in capitals, or as an acronym all in lower case), both without the general
/// test's allocations.
fn exact_name_matches(name: &str, keeps_case: bool, hay: &str, start: usize, end: usize) -> bool {
    let found = &hay.as_bytes()[start..end];
    if found == name.as_bytes() {
        // As written: a match, but a name that keeps its case may still be the word
        // it also is, which the shared rule decides.
        return !keeps_case || name_matches_keeping(name, true, hay, start, end);
    }
    if keeps_case && article_lowered(name, &hay[start..end]) {
        // "wrote the Times": the name's article in lower case inside a sentence.
        return true;
    }
    if keeps_case
        && found.iter().any(u8::is_ascii_lowercase)
        && !(found.iter().all(|b| !b.is_ascii_uppercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
    {
        // Only an acronym set in small capitals (all lower case) may match so.
        return false;
    }
    name_matches_keeping(name, keeps_case, hay, start, end)
}

/// The occurrences in each sentence of one article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    occ: Vec<Occ>,
    off: Vec<usize>,
    /// Per sentence, a bit for each list with an occurrence (bit `Set as u32`).
    present: Vec<u32>,
}

impl Scan {
    /// The occurrences in sentence `si`.
    pub(crate) fn of(&self, si: usize) -> &[Occ] {
        &self.occ[self.off[si]..self.off[si + 1]]
    }

    /// Whether a phrase of `set` occurs in sentence `si` (any-match semantics).
    pub(crate) fn any(&self, si: usize, set: Set) -> bool {
        self.present[si] & (1 << set as u32) != 0
    }

    /// The matches of `set` in sentence `si` as a leftmost-longest automaton over that
    /// list alone finds them, in text order (see [`leftmost_longest`]).
    pub(crate) fn leftmost_longest(&self, si: usize, set: Set) -> impl Iterator<Item = Occ> + '_ {
        leftmost_longest(self.of(si), set)
    }

    /// The matches of `set` in sentence `si` in the order an overlapping search over that
    /// list alone reports them: by end, longest first, then by index.
    pub(crate) fn overlapping(&self, si: usize, set: Set) -> Vec<Occ> {
        let mut v: Vec<Occ> = self
            .of(si)
            .iter()
            .copied()
            .filter(|o| o.set == set)
            .collect();
        v.sort_by_key(|o| (o.end, std::cmp::Reverse(o.end - o.start), o.idx));
        v
    }
}

/// From every occurrence (sorted by start, longest first, then index), the matches a
/// leftmost-longest search over `set` alone reports: the longest match at the leftmost
/// start (the lowest index among equals), then the same again from its end.
pub(crate) fn leftmost_longest(occs: &[Occ], set: Set) -> impl Iterator<Item = Occ> + '_ {
    let mut pos = 0u32;
    occs.iter().copied().filter(move |o| {
        if o.set == set && o.start >= pos {
            pos = o.end;
            true
        } else {
            false
        }
    })
}

/// [`leftmost_longest`] for names, as `levelmap_model::mentions::Matcher` takes them:
/// a name opening with "the" gives way to one that starts right after the article and
/// reaches further ([`levelmap_model::mentions::article_gives_way`]: "the Commons
/// Transport Committee").
pub(crate) fn leftmost_longest_names<'a>(
    occs: &'a [Occ],
    set: Set,
    norm: &'a str,
) -> impl Iterator<Item = Occ> + 'a {
    let mut pos = 0u32;
    occs.iter().enumerate().filter_map(move |(i, o)| {
        if o.set != set || o.start < pos {
            return None;
        }
        let (s, e) = (o.start as usize, o.end as usize);
        let gives_way = occs[i + 1..]
            .iter()
            .take_while(|b| b.start as usize <= s + 4)
            .any(|b| {
                b.set == set
                    && levelmap_model::mentions::article_gives_way(
                        norm,
                        (s, e),
                        (b.start as usize, b.end as usize),
                    )
            });
        if gives_way {
            return None;
        }
        pos = o.end;
        Some(*o)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::mentions::name_matches;

    #[test]
    fn exact_name_matches_is_name_matches() {
        let names = [
            "LUF",
            "IFS",
            "Labour",
            "Reform",
            "Big Society",
            "Boris Johnson",
            "LEPs",
            "HS2",
            "New",
            "SNP",
            "CBI",
            "The Times",
            "The Majority",
        ];
        let hays = [
            "the luf and LUF and Luf, the ifs IFS Ifs; labour LABOUR Labour lAbour",
            "REFORM UK reform Reform; big society Big Society BIG SOCIETY big Society",
            "BORIS JOHNSON said; boris johnson; Boris johnson; leps LEPS LEPs Leps",
            "hs2 HS2 Hs2; new NEW New; THE LUF PLAN; the LUF PLAN",
            "the snp, SNP, Snp; cbi CBI; ifs",
            "wrote the Times; The times are hard; THE TIMES; the times; The Times",
            "The majority want; founder of The Majority; the majority of them",
        ];
        for name in names {
            let keeps = keeps_written_case(name);
            for hay in hays {
                let (lh, ln) = (hay.to_ascii_lowercase(), name.to_ascii_lowercase());
                for (start, _) in lh.match_indices(&ln) {
                    let end = start + name.len();
                    assert_eq!(
                        exact_name_matches(name, keeps, hay, start, end),
                        name_matches(name, hay, start, end),
                        "{name:?} at {start} in {hay:?}"
                    );
                }
            }
        }
    }

    /// The separate automata the combined one stands in for, on tricky text: matches
    /// that fail a case check, overlapping phrases, phrases inside words, duplicates.
    #[test]
    fn combined_pass_gives_what_separate_automata_give() {
        let cues = [
            "not",
            "not easy",
            "we need",
            "needs to",
            "need to",
            "will",
            "will need",
            "no",
            "set to",
            "set",
        ];
        let exact = [
            "Labour",
            "Labour Party",
            "Levelling Up Fund",
            "Fund",
            "LUF",
            "LUF",
        ];
        let folded = ["levelling up", "levelling up fund", "fund"];
        let boiler = ["read more", "cookie"];
        let sc = Scanner::new([
            (Set::Cue, cues.to_vec()),
            (Set::LexExact, exact.to_vec()),
            (Set::LexFolded, folded.to_vec()),
            (Set::Boilerplate, boiler.to_vec()),
        ]);
        let ll = |pats: &[&str], ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ci)
                .build(pats)
                .unwrap()
        };
        let texts = [
            "Geoffrey Howe needs to act; it is not easygoing and we need to, Not Easy.",
            "The labour market and the Labour Party's LABOUR plan: the Levelling Up Fund (LUF), levelling up FUND, LUF.",
            "Twill needs will need no nothing now; reset to zero, set to go. Read More cookies",
            "",
        ];
        for t in texts {
            let mut occ = Vec::new();
            sc.scan_into(t, &mut occ);
            for (set, pats, ci) in [
                (Set::Cue, &cues[..], true),
                (Set::LexExact, &exact[..], false),
                (Set::LexFolded, &folded[..], true),
            ] {
                let want: Vec<(usize, usize, usize)> = if set == Set::LexExact {
                    names_ll(pats, t)
                } else {
                    ll(pats, ci)
                        .find_iter(t)
                        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                        .collect()
                };
                let got: Vec<(usize, usize, usize)> = leftmost_longest(&occ, set)
                    .map(|o| (o.start as usize, o.end as usize, o.idx as usize))
                    .collect();
                assert_eq!(got, want, "{set:?} in {t:?}");
            }
            let std = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(boiler)
                .unwrap();
            assert_eq!(
                occ.iter().any(|o| o.set == Set::Boilerplate),
                std.is_match(t),
                "{t:?}"
            );
            let ov: Vec<(usize, usize, usize)> = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(cues)
                .unwrap()
                .find_overlapping_iter(t)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            let present = vec![occ.iter().fold(0u32, |m, o| m | 1 << o.set as u32)];
            let scan = Scan {
                off: vec![0, occ.len()],
                occ,
                present,
            };
            let got: Vec<(usize, usize, usize)> = scan
                .overlapping(0, Set::Cue)
                .into_iter()
                .map(|o| (o.start as usize, o.end as usize, o.idx as usize))
                .collect();
            assert_eq!(got, ov, "overlapping in {t:?}");
        }
    }

    /// What a separate search over names with a capital finds: every occurrence in any
    /// ASCII case that the case rule accepts, then leftmost-longest.
    fn names_ll(pats: &[&str], t: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(pats)
            .unwrap();
        let mut occ: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(t)
            .filter(|m| name_matches(pats[m.pattern().as_usize()], t, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        occ.sort_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut at = 0;
        occ.retain(|&(s, e, _)| {
            let keep = s >= at;
            if keep {
                at = e;
            }
            keep
        });
        occ
    }

    /// The same on many random texts made of pieces of the phrases.
    #[test]
    fn combined_pass_agrees_on_random_texts() {
        let cues = [
            "no", "not", "not easy", "now", "we need", "need to", "needs to", "ed to", "set",
            "set to", "to set", "a", "ab", "abc", "bc",
        ];
        let exact = ["No", "Not Easy", "Set To", "AB", "AB"];
        let sc = Scanner::new([(Set::Cue, cues.to_vec()), (Set::LexExact, exact.to_vec())]);
        let ll = |pats: &[&str], ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ci)
                .build(pats)
                .unwrap()
        };
        let a = ll(&cues, true);
        let pieces = [
            "no", "No", "t ", "easy", "EASY", " ", "we", "need", "s to", "set", "Set", " To", "x",
            "a", "A", "b", "B", "c", "ed", ",", "é",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(x % 12) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut occ = Vec::new();
            sc.scan_into(&t, &mut occ);
            for set in [Set::Cue, Set::LexExact] {
                let want: Vec<(usize, usize, usize)> = if set == Set::LexExact {
                    names_ll(&exact, &t)
                } else {
                    a.find_iter(&t)
                        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                        .collect()
                };
                let got: Vec<(usize, usize, usize)> = leftmost_longest(&occ, set)
                    .map(|o| (o.start as usize, o.end as usize, o.idx as usize))
                    .collect();
                assert_eq!(got, want, "{set:?} in {t:?}");
            }
        }
    }
}
