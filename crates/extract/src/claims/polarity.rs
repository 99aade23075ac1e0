//! Evaluative words with their polarity: the VADER sentiment lexicon (C.J. Hutto,
//! MIT licence; vendored in `data/` with its licence and source), parsed once into an
//! immutable table, and the surface of a sentence the claim model reads besides its
//! cue phrases (polar words, numbers, past-tense auxiliaries, quotation marks).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// `word<TAB>mean polarity` lines (-4 to +4), `#` comments first.
const VADER: &str = include_str!("data/vader_lexicon.tsv");

/// A word's flags in the table: rated at least 1 either way, -1 or below, at least 2
/// either way; one of the narrated-past words.
const POLAR: u8 = 1;
const NEGATIVE: u8 = 2;
const STRONG: u8 = 4;
const PAST: u8 = 8;

/// The words that narrate the past.
const PAST_WORDS: [&str; 4] = ["was", "were", "had", "did"];

/// The FNV-1a step over one lowercased byte: a word's key is built while it is read.
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3)
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn key(word: &str) -> u64 {
    word.bytes().fold(FNV_START, step)
}

/// The words with a flag, by their 64-bit key (open addressing, linear probing; a key
/// of 0 marks an empty slot). Two words sharing a key are as likely as a random 64-bit
/// collision among a few thousand words: never, in practice.
struct Table {
    keys: Vec<u64>,
    flags: Vec<u8>,
    /// The lexicon's rating of each word (for tests and callers that want the value).
    rated: FxHashMap<&'static str, f32>,
    /// The words [`valence`] reads.
    valence: FxHashMap<&'static str, (f32, u8)>,
}

impl Table {
    fn get(&self, k: u64) -> u8 {
        let k = k.max(1);
        let mask = self.keys.len() - 1;
        let mut i = (k as usize) & mask;
        loop {
            match self.keys[i] {
                0 => return 0,
                x if x == k => return self.flags[i],
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn insert(&mut self, k: u64, f: u8) {
        let k = k.max(1);
        let mask = self.keys.len() - 1;
        let mut i = (k as usize) & mask;
        while self.keys[i] != 0 && self.keys[i] != k {
            i = (i + 1) & mask;
        }
        self.keys[i] = k;
        self.flags[i] |= f;
    }
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        // A later line for the same word replaces an earlier one (the file has a few
        // repeats), as in the lexicon's own reader.
        let rated: FxHashMap<&'static str, f32> = VADER
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, v) = l.split_once('\t')?;
                Some((w, v.trim().parse::<f32>().ok()?))
            })
            .collect();
        let slots = ((rated.len() + PAST_WORDS.len()) * 2).next_power_of_two();
        let mut t = Table {
            keys: vec![0; slots],
            flags: vec![0; slots],
            valence: valence_words(&rated),
            rated,
        };
        let flagged: Vec<(u64, u8)> = t
            .rated
            .iter()
            .map(|(w, &v)| {
                let mut f = 0;
                if v.abs() >= 1.0 {
                    f |= POLAR;
                }
                if v <= -1.0 {
                    f |= NEGATIVE;
                }
                if v.abs() >= 2.0 {
                    f |= STRONG;
                }
                (key(w), f)
            })
            .filter(|&(_, f)| f != 0)
            .collect();
        for (k, f) in flagged {
            t.insert(k, f);
        }
        for w in PAST_WORDS {
            t.insert(key(w), PAST);
        }
        t
    })
}

/// The polarity of a lowercase word, if the lexicon rates it.
#[cfg(test)]
pub(crate) fn polarity(word: &str) -> Option<f32> {
    table().rated.get(word).copied()
}

/// Words that turn the rating of a word up to three words after them, as VADER's
/// negators do ("not fair", "never worked", "without merit").
const NEGATORS: &[&str] = &[
    "not", "no", "never", "none", "nor", "neither", "nothing", "nowhere", "without", "cannot",
    "rarely", "seldom", "despite", "hardly", "barely",
];

/// Words VADER rates that in writing about policy name no feeling: the verbs of
/// debate and report ("argues", rated as quarrelling; "stressed that"), "like" (mostly
/// "such as" here) and "ban", an act of policy ("plans to ban zero hour contracts").
const NO_FEELING: &[&str] = &[
    "argue", "argues", "argued", "arguing", "stressed", "stresses", "like", "ban", "bans",
    "banned", "banning",
];

/// Verbs of acting on a problem: a rated word in the three words after one names the
/// problem a policy is for ("addressing poverty", "to tackle the housing crisis"),
/// not a judgement of the policy, and is not counted.
const ACT_ON: &[&str] = &[
    "address",
    "addressing",
    "tackle",
    "tackling",
    "reduce",
    "reducing",
    "cut",
    "cutting",
    "end",
    "ending",
    "fight",
    "fighting",
    "combat",
    "combating",
    "alleviate",
    "alleviating",
    "ease",
    "easing",
    "eliminate",
    "eliminating",
    "prevent",
    "preventing",
    "solve",
    "solving",
    "fix",
    "fixing",
    "beat",
    "beating",
    "eradicate",
    "eradicating",
    "ban",
    "banning",
];

/// A sentence's valence as VADER sums it, without its boosters, capitals and
/// punctuation rules: each rated word's mean rating (-4 to +4), times -0.74 (VADER's
/// factor) when a negator or a word in "n't" stands in the three words before it.
/// Words inside `names` (byte ranges of the names found in the sentence: "end fire
/// and rehire", "social care" are names, not judgements), [`NO_FEELING`] and the
/// problem after a verb of [`ACT_ON`] do not count.
pub(crate) fn valence(norm: &str, names: &[(usize, usize)]) -> f32 {
    let t = table();
    let b = norm.as_bytes();
    let in_word = |i: usize| b[i].is_ascii_alphabetic() || b[i] == b'\'' || b[i] == b'-';
    let (mut negated_for, mut acted_for) = (0u8, 0u8);
    let mut total = 0.0;
    let mut lower = String::new();
    let mut i = 0;
    while i < b.len() {
        if !in_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && in_word(i) {
            i += 1;
        }
        let w = norm[start..i].trim_matches(['\'', '-']);
        if w.is_empty() {
            continue;
        }
        // Most words are written in lower case: looked up as they are.
        let lw: &str = if w.bytes().any(|c| c.is_ascii_uppercase()) {
            lower.clear();
            lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            &lower
        } else {
            w
        };
        let named = names.iter().any(|&(a, z)| a <= start && start < z);
        // One look-up gives the word's rating and its part in the rules.
        let (v, role) = t.valence.get(lw).copied().unwrap_or((0.0, 0));
        if !named && acted_for == 0 && role & NO_FEELING_WORD == 0 {
            total += if negated_for > 0 { -0.74 * v } else { v };
        }
        negated_for = negated_for.saturating_sub(1);
        acted_for = acted_for.saturating_sub(1);
        if role & NEGATOR_WORD != 0 || lw.ends_with("n't") {
            negated_for = 3;
        }
        if !named && role & ACT_ON_WORD != 0 {
            acted_for = 3;
        }
    }
    total
}

/// A word's part in [`valence`]'s rules, as bits: one of [`NEGATORS`], [`ACT_ON`],
/// [`NO_FEELING`].
const NEGATOR_WORD: u8 = 1;
const ACT_ON_WORD: u8 = 2;
const NO_FEELING_WORD: u8 = 4;

/// Every word [`valence`] reads: its rating (0 if unrated) and its part in the rules.
fn valence_words(rated: &FxHashMap<&'static str, f32>) -> FxHashMap<&'static str, (f32, u8)> {
    let mut words: FxHashMap<&'static str, (f32, u8)> =
        rated.iter().map(|(&w, &v)| (w, (v, 0))).collect();
    for (list, bit) in [
        (NEGATORS, NEGATOR_WORD),
        (ACT_ON, ACT_ON_WORD),
        (NO_FEELING, NO_FEELING_WORD),
    ] {
        for &w in list {
            words.entry(w).or_insert((0.0, 0)).1 |= bit;
        }
    }
    words
}

/// What a sentence shows besides its cue phrases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Surface {
    /// Words of polarity at least 1 either way.
    pub(crate) polar: u32,
    /// Words of polarity -1 or below.
    pub(crate) negative: u32,
    /// Words of polarity at least 2 either way.
    pub(crate) strong: u32,
    /// Runs of digits (figures, years, dates).
    pub(crate) numbers: u32,
    /// "was", "were", "had", "did": a narrated past.
    pub(crate) past: u32,
    /// A quotation mark opens or closes at a word's edge: quoted speech.
    pub(crate) quoted: bool,
    /// Whitespace-separated pieces.
    pub(crate) words: u32,
}

/// Byte classes for [`surface`], as bits: an ASCII letter; a byte that goes on a word
/// (a letter, the apostrophe, the hyphen); an ASCII digit; ASCII whitespace.
const LETTER: u8 = 1;
const IN_WORD: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphabetic() {
            t[i] = LETTER | IN_WORD;
        } else if b == b'\'' || b == b'-' {
            t[i] = IN_WORD;
        } else if b.is_ascii_digit() {
            t[i] = DIGIT;
        } else if b.is_ascii_whitespace() {
            t[i] = SPACE;
        }
        i += 1;
    }
    t
};

/// [`step`] over a byte of a word (a letter, apostrophe or hyphen), which setting
/// bit 0x20 lowercases as `to_ascii_lowercase` does.
fn step_word(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b | 0x20)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// The [`Surface`] of a normalised sentence (straight quotes), in one pass over its
/// bytes: a word is a run of ASCII letters, apostrophes and hyphens that starts with a
/// letter, looked up lowercased.
pub(crate) fn surface(norm: &str) -> Surface {
    let t = table();
    let b = norm.as_bytes();
    let class = |i: usize| CLASS[b[i] as usize];
    let mut out = Surface::default();
    let mut i = 0;
    while i < b.len() {
        let k = class(i);
        // A piece starts where whitespace (or the start) meets anything else.
        if k & SPACE == 0 && (i == 0 || class(i - 1) & SPACE != 0) {
            out.words += 1;
        }
        if k & LETTER != 0 {
            // The key up to the last letter: closing quotation marks and hyphens are
            // not part of the word ("... dead' said").
            let (mut h, mut trimmed) = (FNV_START, FNV_START);
            let start = i;
            while i < b.len() && class(i) & IN_WORD != 0 {
                h = step_word(h, b[i]);
                if class(i) & LETTER != 0 {
                    trimmed = h;
                }
                i += 1;
            }
            if b[i - 1] == b'\'' && (i == b.len() || class(i) & SPACE != 0) {
                out.quoted = true;
            }
            count(name_word(t.get(trimmed), b[start], out.words), &mut out);
            continue;
        }
        if k & DIGIT != 0 {
            out.numbers += 1;
            while i < b.len() && class(i) & DIGIT != 0 {
                i += 1;
            }
            continue;
        }
        if b[i] == b'\'' || b[i] == b'"' {
            let before = i == 0 || class(i - 1) & SPACE != 0;
            let after = i + 1 == b.len() || class(i + 1) & SPACE != 0;
            out.quoted |= before || after;
        }
        i += 1;
    }
    if out.quoted && quotes_only_names(b) {
        out.quoted = false;
    }
    out
}

/// A word's flags, without its polarity when it is capitalised after the sentence's
/// first piece: a word of a name ("Police and Crime Commissioners", "Child Poverty
/// Action Group", "Great British Railways") judges nothing.
fn name_word(f: u8, first: u8, words: u32) -> u8 {
    if words > 1 && first.is_ascii_uppercase() {
        f & PAST
    } else {
        f
    }
}

/// Whether every quotation in a sentence is a name in quotation marks ("The 'All
/// Party Parliamentary Group' met", a report's title in quotes): capitalised words
/// (joined by "and", "of", "the", "for", "on", "to", "in", "&"), six at most. Such
/// marks quote no one. A mark that pairs with none leaves the answer false.
fn quotes_only_names(b: &[u8]) -> bool {
    let mut i = 0;
    let mut spans = 0;
    while i < b.len() {
        let q = b[i];
        let opens = (q == b'\'' || q == b'"')
            && (i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == b'(')
            && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace());
        if !opens {
            i += 1;
            continue;
        }
        let Some(len) = b[i + 1..].iter().enumerate().position(|(k, &c)| {
            let j = i + 1 + k;
            c == q
                && k > 0
                && !b[j - 1].is_ascii_whitespace()
                && b.get(j + 1)
                    .is_none_or(|n| n.is_ascii_whitespace() || b".,;:!?)".contains(n))
        }) else {
            return false;
        };
        if !is_quoted_name(&b[i + 1..i + 1 + len]) {
            return false;
        }
        spans += 1;
        i += len + 2;
    }
    spans > 0
}

/// Whether quoted words are a name: one to six words, each capitalised or a joiner.
fn is_quoted_name(span: &[u8]) -> bool {
    const JOINERS: [&[u8]; 8] = [b"and", b"of", b"the", b"for", b"on", b"to", b"in", b"&"];
    let words: Vec<&[u8]> = span
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    (1..=6).contains(&words.len())
        && words[0][0].is_ascii_uppercase()
        && words
            .iter()
            .all(|w| w[0].is_ascii_uppercase() || JOINERS.contains(w))
}

/// Count one word's flags into `out`.
fn count(f: u8, out: &mut Surface) {
    out.polar += u32::from(f & POLAR != 0);
    out.negative += u32::from(f & NEGATIVE != 0);
    out.strong += u32::from(f & STRONG != 0);
    out.past += u32::from(f & PAST != 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_rates_judgement_words_and_not_topic_words() {
        assert!(polarity("disaster").is_some_and(|v| v <= -2.0));
        assert!(polarity("excellent").is_some_and(|v| v >= 2.0));
        assert!(polarity("infuriating").is_some_and(|v| v < 0.0));
        assert_eq!(polarity("council"), None);
        assert_eq!(polarity("Disaster"), None, "looked up lowercased");
    }

    #[test]
    fn every_rated_word_is_found_by_its_key_in_any_case() {
        let t = table();
        for (w, &v) in &t.rated {
            let want = if v.abs() >= 1.0 { POLAR } else { 0 };
            assert_eq!(t.get(key(w)) & POLAR, want, "{w}");
            assert_eq!(t.get(key(&w.to_uppercase())) & POLAR, want, "{w}");
        }
        assert_eq!(t.get(key("council")), 0);
        assert_eq!(t.get(key("Were")), PAST);
    }

    #[test]
    fn surface_counts_polar_words_numbers_past_and_quotes() {
        let s = surface("But an independent Scotland would be an enduring disaster.");
        assert_eq!((s.polar, s.negative, s.strong), (1, 1, 1));
        assert!(!s.quoted);
        let s = surface("In 2019 the area was expanded by 12% and renamed.");
        assert_eq!((s.numbers, s.past, s.polar), (2, 1, 0));
        let s = surface("He said 'devolution will kill nationalism stone dead'.");
        assert!(s.quoted);
        assert_eq!(s.words, 8);
        let s = surface("Labour's plans aren't new.");
        assert!(!s.quoted, "apostrophes inside words are not quotes");
    }

    /// The definition [`surface`] implements with its byte classes, test by test.
    fn surface_reference(norm: &str) -> Surface {
        let t = table();
        let b = norm.as_bytes();
        let mut out = Surface::default();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            // A piece starts where whitespace (or the start) meets anything else.
            if !c.is_ascii_whitespace() && (i == 0 || b[i - 1].is_ascii_whitespace()) {
                out.words += 1;
            }
            if c.is_ascii_alphabetic() {
                // The key up to the last letter: closing quotation marks and hyphens are
                // not part of the word ("... dead' said").
                let (mut h, mut trimmed) = (FNV_START, FNV_START);
                let capital = c.is_ascii_uppercase() && out.words > 1;
                while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'\'' || b[i] == b'-') {
                    h = step(h, b[i]);
                    if b[i].is_ascii_alphabetic() {
                        trimmed = h;
                    }
                    i += 1;
                }
                if b[i - 1] == b'\'' && b.get(i).is_none_or(u8::is_ascii_whitespace) {
                    out.quoted = true;
                }
                let f = t.get(trimmed);
                count(if capital { f & PAST } else { f }, &mut out);
                continue;
            }
            if c.is_ascii_digit() {
                out.numbers += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                continue;
            }
            if c == b'\'' || c == b'"' {
                let before = i == 0 || b[i - 1].is_ascii_whitespace();
                let after = i + 1 == b.len() || b[i + 1].is_ascii_whitespace();
                out.quoted |= before || after;
            }
            i += 1;
        }
        out.quoted &= !quotes_only_names(b);
        out
    }

    /// Issue 12: "There were meetings between ... the Welsh Police and Crime
    /// Commissioners" and "The 'All Party Parliamentary Group' met in March" were
    /// drafted as evaluations: the word "Crime" of a name counted as a judgement, and a
    /// name in quotation marks as quoted speech.
    #[test]
    fn a_judgement_word_inside_a_name_or_a_quoted_name_made_a_claim() {
        let s = surface("There were meetings with the Police and Crime Commissioners last year.");
        assert_eq!((s.polar, s.negative), (0, 0));
        let s = surface("Crime rose in the town, a disaster for the Child Poverty Action Group.");
        assert_eq!(
            (s.polar, s.negative, s.strong),
            (2, 2, 2),
            "the opening word and 'disaster' count"
        );
        assert!(
            !surface("The 'All Party Parliamentary Group' on green belts met in March.").quoted
        );
        assert!(!surface("The report 'Levelling Up the United Kingdom' was published.").quoted);
        assert!(surface("He said 'devolution will kill nationalism stone dead'.").quoted);
        assert!(surface("The 'Towns Fund' is 'a gimmick', he said.").quoted);
        assert!(
            surface("It is a 'Towns Fund that never ends.").quoted,
            "unpaired"
        );
    }

    #[test]
    fn surface_is_its_reference_on_every_kind_of_byte() {
        for b in 0..=255u8 {
            if CLASS[b as usize] & IN_WORD != 0 {
                assert_eq!(b | 0x20, b.to_ascii_lowercase(), "{b}");
            }
        }
        let mut texts: Vec<String> = [
            "",
            "'",
            "It WAS a 'DISASTER' - the well-being of 12,000 towns; \"Great\" news' end'",
            "He said 'devolution will kill nationalism stone dead'. Were they? 2019-20",
            "x-'y 9 \u{a0}é'x  \t\r\n\x0b\x0c tragic--failure' '",
        ]
        .map(String::from)
        .to_vec();
        texts.push((0..=127u8).map(char::from).collect());
        texts.push((0..=127u8).rev().map(char::from).collect::<String>() + " bad");
        for t in &texts {
            assert_eq!(surface(t), surface_reference(t), "{t:?}");
        }
    }

    #[test]
    fn surface_takes_any_text() {
        for t in [
            "",
            "'",
            "\"",
            "é'x",
            &"a".repeat(100),
            "x-'y 9",
            " a  b ",
            "\u{a0}x y",
        ] {
            assert_eq!(
                surface(t).words as usize,
                t.split_ascii_whitespace().count(),
                "{t:?}"
            );
        }
    }
}
