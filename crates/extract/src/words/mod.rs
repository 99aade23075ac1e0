//! Words the extractor relies on: the word lists ([`tables`]: abbreviations,
//! sentence starters, function words, given names, organisation and policy head
//! nouns, ...) as sets, stopword and head-noun look-ups, stemming, and content words
//! (lowercase stems of the words that are not stopwords).

pub(crate) mod dictionary;
mod tables;

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

pub(crate) use tables::{
    APPOSITIVE_ORG_HEADS, COINAGE_INTRO, EVENT_VERBS, GAZETTEER, LOWER_ORG_HEADS,
    LOWER_POLICY_HEADS, MAYBE_END, MONTH_SURNAMES, NEVER_END, NOT_NAME, OCCUPATIONS, ORG_HEADS,
    PERSON_TITLES, POLICY_HEADS, REPORTING_VERBS, ROLE_HEADS, SENTENCE_STARTERS, STOPWORDS,
};

fn set(list: &'static [&'static str]) -> HashSet<&'static str> {
    let mut s = HashSet::default();
    s.extend(list.iter().copied());
    s
}

macro_rules! lazy_set {
    ($(#[$m:meta])* $name:ident, $list:expr) => {
        $(#[$m])*
        pub(crate) fn $name() -> &'static HashSet<&'static str> {
            static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
            S.get_or_init(|| set($list))
        }
    };
}

lazy_set!(
    /// [`STOPWORDS`] as a set (the definition [`is_stopword`] is checked against).
    #[cfg(test)]
    stopwords,
    STOPWORDS
);
/// Every given name (`levelmap_model::given_names::all_given_names`) as a set.
pub(crate) fn given_names() -> &'static rustc_hash::FxHashSet<&'static str> {
    static S: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| levelmap_model::given_names::all_given_names().collect())
}
lazy_set!(
    /// [`SENTENCE_STARTERS`] as a set.
    sentence_starters,
    SENTENCE_STARTERS
);
lazy_set!(
    /// [`NOT_NAME`] as a set.
    not_name,
    NOT_NAME
);
lazy_set!(
    /// [`ROLE_HEADS`] as a set.
    role_heads,
    ROLE_HEADS
);
lazy_set!(
    /// [`PERSON_TITLES`] as a set.
    person_titles,
    PERSON_TITLES
);

/// A word of at most 16 bytes packed into a number (zero-padded), for quick lookup.
#[inline]
fn pack(w: &[u8]) -> Option<u128> {
    (w.len() <= 16).then(|| {
        w.iter()
            .enumerate()
            .fold(0u128, |k, (i, &c)| k | u128::from(c) << (8 * i))
    })
}

/// [`pack`] of the first `n` (at most 16) bytes of a buffer of 16 bytes or more,
/// without a loop: two little-endian words, masked.
#[inline]
fn pack16(buf: &[u8], n: usize) -> u128 {
    let word = |at: usize| u64::from_le_bytes(buf[at..at + 8].try_into().unwrap_or([0; 8]));
    // (Branch-free: word lengths vary too much to predict.)
    let mask = |k: usize| ((1u128 << (8 * k.min(8))) - 1) as u64;
    let lo = word(0) & mask(n);
    let hi = word(8) & mask(n.saturating_sub(8));
    u128::from(lo) | u128::from(hi) << 64
}

/// [`pack16`] of the lowercase of the first `n` (at most 16) bytes of `buf`, which
/// are ASCII letters, digits or apostrophes: for those, lowercasing is setting bit
/// 0x20 (digits and the apostrophe have it already).
#[inline]
fn pack16_lower(buf: &[u8], n: usize) -> u128 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let word = |at: usize| u64::from_le_bytes(buf[at..at + 8].try_into().unwrap_or([0; 8])) | LOWER;
    let mask = |k: usize| ((1u128 << (8 * k.min(8))) - 1) as u64;
    let lo = word(0) & mask(n);
    let hi = word(8) & mask(n.saturating_sub(8));
    u128::from(lo) | u128::from(hi) << 64
}

/// The packed [`STOPWORDS`] in an open-addressing table, with a filter on (length,
/// first byte) that turns most other words away before the table is read.
struct PackedStopwords {
    /// Bit `first byte % 64` of entry `len` is set when a stopword has that length and first byte.
    starts: [u64; 17],
    /// Keys (0 for an empty slot); the slot of a key is [`PackedStopwords::slot`].
    table: Vec<u128>,
}

impl PackedStopwords {
    const BITS: u32 = 10;

    fn slot(k: u128) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    fn new() -> Self {
        let mut p = PackedStopwords {
            starts: [0; 17],
            table: vec![0; 1 << Self::BITS],
        };
        for s in STOPWORDS {
            debug_assert!(
                s.len() <= 16 && !s.is_empty() && !s.contains('\0'),
                "stopwords are short"
            );
            let Some(k) = pack(s.as_bytes()) else {
                continue;
            };
            p.starts[s.len()] |= 1 << (s.as_bytes()[0] % 64);
            let mut i = Self::slot(k);
            while p.table[i] != 0 && p.table[i] != k {
                i = (i + 1) & ((1 << Self::BITS) - 1);
            }
            p.table[i] = k;
        }
        p
    }

    /// Whether the packed word `k` of `len` bytes, starting with `first`, is a stopword.
    #[inline]
    fn contains(&self, k: u128, len: usize, first: u8) -> bool {
        if len == 0 || len > 16 || self.starts[len] & (1 << (first % 64)) == 0 {
            return false;
        }
        let mut i = Self::slot(k);
        loop {
            match self.table[i] {
                0 => return false,
                x if x == k => return true,
                _ => i = (i + 1) & ((1 << Self::BITS) - 1),
            }
        }
    }
}

fn packed_stopwords() -> &'static PackedStopwords {
    static S: OnceLock<PackedStopwords> = OnceLock::new();
    S.get_or_init(PackedStopwords::new)
}

/// Whether `w` is one of the [`STOPWORDS`] (exact, lowercase): a lookup of the packed
/// word, since every stopword is short and has no NUL byte.
pub(crate) fn is_stopword(w: &str) -> bool {
    !w.contains('\0')
        && pack(w.as_bytes()).is_some_and(|k| {
            packed_stopwords().contains(k, w.len(), w.as_bytes().first().copied().unwrap_or(0))
        })
}

/// The kind for an organisation head noun, if `word` is one.
pub(crate) fn org_head(word: &str) -> Option<&'static str> {
    static M: OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for &(h, k) in ORG_HEADS {
            m.entry(h).or_insert(k);
        }
        m
    })
    .get(word)
    .copied()
}

/// The kind for a policy head noun, if the name ends in one (the first head of
/// [`POLICY_HEADS`] that the name ends in, after a space or as the whole name).
pub(crate) fn policy_head(name: &str) -> Option<&'static str> {
    // Heads are one or two words: look up the name's last word and last two words.
    static M: OnceLock<rustc_hash::FxHashMap<&'static str, (usize, &'static str)>> =
        OnceLock::new();
    let m = M.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (i, &(h, k)) in POLICY_HEADS.iter().enumerate() {
            debug_assert!(
                h.split(' ').count() <= 2,
                "policy heads are one or two words"
            );
            m.entry(h).or_insert((i, k));
        }
        m
    });
    let last_space = name.rfind(' ');
    let last = &name[last_space.map_or(0, |i| i + 1)..];
    let two = last_space.map(|i| &name[name[..i].rfind(' ').map_or(0, |j| j + 1)..]);
    let one = m.get(last);
    let two = two.and_then(|t| m.get(t));
    match (one, two) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

/// The definition [`policy_head`] implements: a scan of the list.
#[cfg(test)]
fn policy_head_reference(name: &str) -> Option<&'static str> {
    POLICY_HEADS
        .iter()
        .find(|(h, _)| {
            name.ends_with(h)
                && (name.len() == h.len() || name.as_bytes()[name.len() - h.len() - 1] == b' ')
        })
        .map(|(_, k)| *k)
}

/// Lowercase, with common inflections stripped, for comparing content words.
pub(crate) fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let (keep, rep) = stem_cut(&w);
    if keep == w.len() {
        w
    } else {
        format!("{}{rep}", &w[..keep])
    }
}

/// [`stem_cut`] on bytes.
#[inline]
fn stem_cut_bytes(w: &[u8]) -> (usize, &'static str) {
    let n = w.len();
    if n > 6 && w.ends_with(b"ies") {
        (n - 3, "y")
    } else if n > 6 && w.ends_with(b"ing") {
        (n - 3, "")
    } else if n > 5 && (w.ends_with(b"ed") || w.ends_with(b"es")) {
        (n - 2, "")
    } else if n > 4 && w.ends_with(b"s") && !w.ends_with(b"ss") {
        (n - 1, "")
    } else {
        (n, "")
    }
}

/// Where [`stem`] cuts a lowercase word and what it puts in place: (bytes kept, replacement).
fn stem_cut(w: &str) -> (usize, &'static str) {
    for (suf, rep) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if w.len() > suf.len() + 3 && w.ends_with(suf) && !(suf == "s" && w.ends_with("ss")) {
            return (w.len() - suf.len(), rep);
        }
    }
    (w.len(), "")
}

/// Call `f` with each content word of `text`, as [`content_words`] lists them, without
/// allocating for ASCII words (`buf` is scratch space).
pub(crate) fn for_each_content_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    try_for_each_content_word(text, buf, |w| {
        f(std::str::from_utf8(w).unwrap_or_default());
        true
    });
}

/// [`for_each_content_word`] with each word as bytes (UTF-8), without checking them.
pub(crate) fn for_each_content_word_bytes(text: &str, buf: &mut String, mut f: impl FnMut(&[u8])) {
    try_for_each_content_word(text, buf, |w| {
        f(w);
        true
    });
}

/// The first `n` content words of a text (what `content_words(text)[..n]` holds).
#[cfg(test)]
pub(crate) fn first_content_words(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut buf = String::new();
    if n > 0 {
        try_for_each_content_word(text, &mut buf, |w| {
            out.push(String::from_utf8_lossy(w).into_owned());
            out.len() < n
        });
    }
    out
}

/// The first `n` content words of a text as written, lowercased but not stemmed
/// (the words [`first_content_words`] stems, in the same order): for ids a reader
/// recognises.
pub(crate) fn first_whole_content_words(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < text.len() && out.len() < n {
        let (start, end, _) = next_piece(text, &mut i);
        if end - start < 3 {
            continue;
        }
        let w = text[start..end].trim_matches('\'');
        if w.is_empty() {
            continue;
        }
        let low = w.to_lowercase();
        if !is_stopword(&low) {
            out.push(low);
        }
    }
    out
}

/// Bytes that continue a piece: ASCII letters, digits and the apostrophe (1), and
/// the bytes of other characters (2, read as characters).
static PIECE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphanumeric() || c == b'\'' {
            1
        } else if c >= 0x80 {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The piece of `text` at byte `*i` (a run of letters, digits and apostrophes,
/// possibly empty) as (start, end, whether all ASCII); `*i` moves past the separator
/// after it.
#[inline(always)]
fn next_piece(text: &str, i: &mut usize) -> (usize, usize, bool) {
    let b = text.as_bytes();
    let n = b.len();
    // Its ASCII stretch first, in a tight loop; characters beyond ASCII are read as
    // characters.
    let start = *i;
    while *i < n && PIECE[b[*i] as usize] == 1 {
        *i += 1;
    }
    let mut ascii = true;
    if *i < n && PIECE[b[*i] as usize] == 2 {
        while *i < n {
            match PIECE[b[*i] as usize] {
                1 => *i += 1,
                0 => break,
                _ => match text[*i..].chars().next() {
                    Some(ch) if ch.is_alphanumeric() => {
                        ascii = false;
                        *i += ch.len_utf8();
                    }
                    _ => break,
                },
            }
        }
    }
    let end = *i;
    // Step over the separator after it.
    if *i < n {
        *i += if b[*i] < 0x80 {
            1
        } else {
            text[*i..].chars().next().map_or(1, char::len_utf8)
        };
    }
    (start, end, ascii)
}

/// [`for_each_content_word`] with words as bytes, stopping when `f` returns false.
pub(crate) fn try_for_each_content_word(
    text: &str,
    buf: &mut String,
    mut f: impl FnMut(&[u8]) -> bool,
) {
    let stop = packed_stopwords();
    let b = text.as_bytes();
    let n = b.len();
    // A short ASCII word is lowercased here, on the stack.
    let mut low = [0u8; 48];
    let mut i = 0;
    while i < n {
        let (start, end, ascii) = next_piece(text, &mut i);
        // (Four ASCII digits are three bytes or more too.)
        if end - start < 3 {
            continue;
        }
        // Apostrophes trimmed from both ends (an ASCII byte, so always at a character boundary).
        let (mut ws, mut we) = (start, end);
        while ws < we && b[ws] == b'\'' {
            ws += 1;
        }
        while we > ws && b[we - 1] == b'\'' {
            we -= 1;
        }
        if ws == we {
            continue;
        }
        let w = &b[ws..we];
        if ascii && w.len() <= 16 {
            // Every byte of an ASCII piece is a letter, a digit or an apostrophe, and for
            // those setting bit 0x20 lowercases (digits and the apostrophe have it
            // already): the word is lowercased and packed eight bytes at a time.
            let len = w.len();
            let mut padded = [0u8; 16];
            let src: &[u8] = if ws + 16 <= n {
                &b[ws..ws + 16]
            } else {
                padded[..len].copy_from_slice(w);
                &padded
            };
            let k = pack16_lower(src, len);
            low[..8].copy_from_slice(&(k as u64).to_le_bytes());
            low[8..16].copy_from_slice(&((k >> 64) as u64).to_le_bytes());
            if stop.contains(k, len, low[0]) {
                continue;
            }
            let (keep, rep) = stem_cut_bytes(&low[..len]);
            // (The replacement is at most one byte: written without a copy call.)
            let mut m = keep;
            for &r in rep.as_bytes() {
                low[m] = r;
                m += 1;
            }
            if !f(&low[..m]) {
                return;
            }
        } else if ascii && w.len() <= low.len() {
            // Lowercased ASCII stays alphanumeric or an apostrophe, and both ends are
            // alphanumeric after the trim: the general path's trim changes nothing.
            let len = w.len();
            for (l, c) in low.iter_mut().zip(w) {
                *l = c.to_ascii_lowercase();
            }
            // (Pieces hold letters, digits and apostrophes only: no NUL.)
            if len <= 16 && stop.contains(pack16(&low, len), len, low[0]) {
                continue;
            }
            let (keep, rep) = stem_cut_bytes(&low[..len]);
            // (The replacement is at most one byte: written without a copy call.)
            let mut m = keep;
            for &r in rep.as_bytes() {
                low[m] = r;
                m += 1;
            }
            if !f(&low[..m]) {
                return;
            }
        } else if ascii {
            buf.clear();
            buf.push_str(&text[ws..we]);
            buf.make_ascii_lowercase();
            if is_stopword(buf) {
                continue;
            }
            let (keep, rep) = stem_cut(buf);
            buf.truncate(keep);
            buf.push_str(rep);
            if !f(buf.as_bytes()) {
                return;
            }
        } else {
            let w = &text[ws..we];
            if is_stopword(&w.to_lowercase()) {
                continue;
            }
            if !f(stem(w).as_bytes()) {
                return;
            }
        }
    }
}

/// The content words of a text: lowercase stems of words that are not stopwords.
pub(crate) fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_content_word(text, &mut buf, |w| out.push(w.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupations_are_sorted_for_binary_search() {
        assert!(OCCUPATIONS.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn pack16_lower_matches_pack_of_the_lowercase() {
        for w in [
            "Levelling",
            "UP",
            "o'brien",
            "2030",
            "ABCDEFGHIJKLMNOP",
            "x",
            "Don't",
            "a1B2c3D4e5F6g7H8",
        ] {
            let mut buf = [0u8; 16];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            assert_eq!(
                Some(pack16_lower(&buf, w.len())),
                pack(w.to_ascii_lowercase().as_bytes()),
                "{w}"
            );
            // Bytes after the word do not count.
            let long = format!("{w}XYZ'09abcdefghijklmnop");
            assert_eq!(
                Some(pack16_lower(long.as_bytes(), w.len())),
                pack(w.to_ascii_lowercase().as_bytes()),
                "{w}"
            );
        }
    }

    #[test]
    fn pack16_matches_pack() {
        let buf = *b"abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 0..=16 {
            assert_eq!(Some(pack16(&buf, n)), pack(&buf[..n]), "{n}");
        }
    }

    #[test]
    fn byte_stem_cut_matches_the_str_one() {
        for w in [
            "policies",
            "ies",
            "aies",
            "making",
            "ing",
            "funded",
            "boxes",
            "bus",
            "class",
            "runs",
            "ss",
            "s",
            "",
            "levelling",
            "towns",
        ] {
            assert_eq!(stem_cut_bytes(w.as_bytes()), stem_cut(w), "{w}");
        }
    }

    #[test]
    fn packed_stopword_lookup_matches_the_set() {
        for w in STOPWORDS.iter().copied().chain([
            "",
            "levelling",
            "the\0",
            "nevertheless",
            "nevertheles",
            "particularly",
            "it's",
            "x",
            "abcdefghijklmnopq",
        ]) {
            assert_eq!(is_stopword(w), stopwords().contains(w), "{w:?}");
        }
    }

    #[test]
    fn heads_and_stems() {
        assert_eq!(org_head("Institute"), Some("think-tank"));
        assert_eq!(policy_head("Levelling Up White Paper"), Some("white-paper"));
        assert_eq!(policy_head("Shared Prosperity Fund"), Some("fund"));
        assert_eq!(policy_head("Refund"), None);
        assert_eq!(stem("missions"), "mission");
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("class"), "class");
        assert_eq!(
            content_words("The twelve key missions for 2030"),
            ["twelve", "key", "mission", "2030"]
        );
    }

    /// The allocating definition the fast [`content_words`] replaced.
    fn content_words_reference(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| w.len() >= 3 || w.chars().all(|c| c.is_ascii_digit()) && w.len() == 4)
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty() && !stopwords().contains(w.to_lowercase().as_str()))
            .map(stem)
            .collect()
    }

    #[test]
    fn policy_heads_by_lookup_match_the_list_scan() {
        for n in [
            "Levelling Up White Paper",
            "White Paper",
            "Paper",
            "Shared Prosperity Fund",
            "Fund",
            "Refund",
            "Post-Fund",
            "the Towns Fund Plan",
            "Green Paper Act",
            "A  Deal",
            "",
            " ",
            "Fund ",
            "Levy",
        ] {
            assert_eq!(policy_head(n), policy_head_reference(n), "{n:?}");
        }
        for (h, _) in POLICY_HEADS {
            for n in [h.to_string(), format!("New {h}"), format!("X{h}")] {
                assert_eq!(policy_head(&n), policy_head_reference(&n), "{n:?}");
            }
        }
    }

    #[test]
    fn fast_content_words_match_the_reference() {
        for t in [
            "The twelve key missions for 2030, 'levelling up' and O'Brien's plans; Don't STOP the Policies!",
            "Café society’s naïve ‘rebranding’ of İstanbul and the ǅungla ÉCOLES, 1999 '99 ''' x's KELVINS",
            "Towns Fund: £3.6bn ... councils' bids — succeeded (or failed) – in 2019/20 the INSTITUTES' Studies",
            "Supercalifragilisticexpialidociousnesses and counter-revolutionaries' internationalisations, ies ings eds ess less s'",
        ] {
            assert_eq!(content_words(t), content_words_reference(t), "{t}");
        }
    }
}
