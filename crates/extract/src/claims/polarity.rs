//! Evaluative words with their polarity: the VADER sentiment lexicon (C.J. Hutto,
//! MIT licence; vendored in `data/` with its licence and source), parsed once into an
//! immutable table, and the surface of a sentence the claim model reads besides its
//! cue phrases (polar words, numbers, past-tense auxiliaries, quotation marks).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// `word<TAB>mean polarity` lines (-4 to +4), `#` comments first.
const VADER: &str = include_str!("data/vader_lexicon.tsv");

/// Words longer than this are not looked up (no lexicon word is longer).
const MAX_WORD: usize = 32;

fn table() -> &'static FxHashMap<&'static str, f32> {
    static T: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    T.get_or_init(|| {
        VADER
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, v) = l.split_once('\t')?;
                Some((w, v.trim().parse::<f32>().ok()?))
            })
            .collect()
    })
}

/// The polarity of a lowercase word, if the lexicon rates it.
pub(crate) fn polarity(word: &str) -> Option<f32> {
    table().get(word).copied()
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

/// The [`Surface`] of a normalised sentence (straight quotes), in one pass over its
/// bytes: a word is a run of ASCII letters, apostrophes and hyphens that starts with a
/// letter, looked up lowercased.
pub(crate) fn surface(norm: &str) -> Surface {
    let b = norm.as_bytes();
    let mut out = Surface {
        words: norm.split_ascii_whitespace().count() as u32,
        ..Surface::default()
    };
    let mut buf = [0u8; MAX_WORD];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'\'' || b[i] == b'-') {
                i += 1;
            }
            let mut w = &b[start..i];
            // A closing quotation mark, not part of the word: "... dead' said".
            while let [rest @ .., b'\'' | b'-'] = w {
                w = rest;
            }
            if b[i - 1] == b'\'' && b.get(i).is_none_or(u8::is_ascii_whitespace) {
                out.quoted = true;
            }
            word(w, &mut buf, &mut out);
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
    out
}

/// Count one word (ASCII bytes) into `out`.
fn word(w: &[u8], buf: &mut [u8; MAX_WORD], out: &mut Surface) {
    if w.len() > MAX_WORD {
        return;
    }
    let lower = &mut buf[..w.len()];
    for (d, s) in lower.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    // (ASCII bytes: always UTF-8.)
    let Ok(lower) = std::str::from_utf8(lower) else {
        return;
    };
    if matches!(lower, "was" | "were" | "had" | "did") {
        out.past += 1;
    }
    if let Some(v) = polarity(lower) {
        if v.abs() >= 1.0 {
            out.polar += 1;
        }
        if v <= -1.0 {
            out.negative += 1;
        }
        if v.abs() >= 2.0 {
            out.strong += 1;
        }
    }
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

    #[test]
    fn surface_takes_any_text() {
        for t in ["", "'", "\"", "é'x", &"a".repeat(100), "x-'y 9"] {
            let _ = surface(t);
        }
    }
}
