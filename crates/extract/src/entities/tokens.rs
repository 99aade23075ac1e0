//! The words of a sentence as the name finders read them: tokens with their byte
//! ranges (a fast byte-class scanner and its character-by-character definition),
//! every sentence's tokens computed once, word shape tests (capitalised, all caps,
//! connector, possessive) and the article's lowercase vocabulary.

use crate::sentences::Layout;

/// A word of a sentence's normalised text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) s: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
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
        } else if matches!(b, b'\'' | b'-' | b'&' | b'.' | b':') {
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
/// "co-operation", "R&D", "U.K"; a trailing "'s" stays in), a colon between a letter
/// and a capital ("Re:State"), and an ampersand between
/// spaces ("Marks & Spencer").
pub(super) fn tokens_into<'a>(norm: &'a str, out: &mut Vec<Tok<'a>>) {
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
                if standalone_ampersand(b, i) {
                    out.push(Tok {
                        s: &norm[i..i + 1],
                        start: i,
                        end: i + 1,
                    });
                }
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
                JOINER if j + 1 < n && joins(b, j) && alnum_at(norm, j + 1).0 => j += 1,
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

/// Whether the joiner at byte `j` joins: a colon only between a letter and a capital
/// ("Re:State", a think-tank's name), never in a time ("10:30") or before a lower-case
/// word ("Note:the"); the other joiners whenever a letter or digit follows.
#[inline]
fn joins(b: &[u8], j: usize) -> bool {
    b[j] != b':' || (b[j - 1].is_ascii_alphabetic() && b[j + 1].is_ascii_uppercase())
}

/// Whether byte `i` is an ampersand standing between words as one ("Bird & Bird",
/// "Marks & Spencer"): a word of its own, the connector of a name.
fn standalone_ampersand(b: &[u8], i: usize) -> bool {
    b[i] == b'&' && i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ')
}

/// The definition [`tokens_into`] implements, character by character.
#[cfg(test)]
pub(super) fn tokens_reference(norm: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let n = norm.len();
    let mut i = 0;
    while i < n {
        let c = norm[i..].chars().next().unwrap_or(' ');
        if c == '&' && norm[..i].ends_with(' ') && norm[i + 1..].starts_with(' ') {
            out.push(Tok {
                s: &norm[i..i + 1],
                start: i,
                end: i + 1,
            });
        }
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i;
        while let Some(c) = norm[j..].chars().next() {
            if c.is_alphanumeric() {
                j += c.len_utf8();
            } else if (matches!(c, '\'' | '-' | '&' | '.')
                && j + 1 < n
                && norm[j + 1..].starts_with(char::is_alphanumeric))
                || (c == ':'
                    && norm[..j].ends_with(|p: char| p.is_ascii_alphabetic())
                    && norm[j + 1..].starts_with(|n: char| n.is_ascii_uppercase()))
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
pub(super) struct Words<'a> {
    toks: Vec<Tok<'a>>,
    off: Vec<usize>,
}

impl<'a> Words<'a> {
    pub(super) fn new(layout: &'a Layout) -> Self {
        let mut toks = Vec::with_capacity(layout.sentences.iter().map(|s| s.words + 4).sum());
        let mut off = Vec::with_capacity(layout.sentences.len() + 1);
        off.push(0);
        for s in &layout.sentences {
            tokens_into(&s.norm, &mut toks);
            off.push(toks.len());
        }
        Words { toks, off }
    }

    pub(super) fn of(&self, si: usize) -> &[Tok<'a>] {
        &self.toks[self.off[si]..self.off[si + 1]]
    }
}

/// `w` in lowercase, in `buf` when it is ASCII (no allocation), else newly allocated.
pub(super) fn lower<'b>(w: &str, buf: &'b mut String) -> std::borrow::Cow<'b, str> {
    if w.is_ascii() {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(buf.as_str())
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// Whether a word starts with a capital letter (or is a number with one: "2B").
#[inline(always)]
pub(super) fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_digit() => w.chars().any(char::is_uppercase),
        Some(b) if b.is_ascii() => false,
        _ => w.starts_with(|c: char| c.is_uppercase()),
    }
}

/// Whether a word has two letters or more, all capitals ("LEP", "UK").
pub(super) fn is_allcaps(w: &str) -> bool {
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
pub(super) fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "and" | "the" | "on" | "in" | "&" | "upon" | "to"
    )
}

/// A word without its "'s".
pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

/// The end of a run of words, before a final "'s".
pub(super) fn strip_end(run: &[Tok]) -> usize {
    let t = run[run.len() - 1];
    if t.s.ends_with("'s") {
        t.end - 2
    } else {
        t.end
    }
}

/// The article's lowercase vocabulary: whether `w` is used as a word (a run of
/// letters and digits) that starts with a lowercase letter. Asked for a few words per
/// article, so searched for rather than indexed.
pub(super) struct Vocab<'a> {
    layout: &'a Layout,
    /// Words asked about already.
    known: std::cell::RefCell<rustc_hash::FxHashMap<String, bool>>,
}

impl<'a> Vocab<'a> {
    pub(super) fn new(layout: &'a Layout) -> Self {
        Vocab {
            layout,
            known: Default::default(),
        }
    }

    /// Whether the article writes `w` (a capitalised word) right after or before
    /// another capitalised word, as a word of a longer name ("Guy Hoy", "Brookfield
    /// Asset Management").
    pub(super) fn in_a_longer_name(&self, w: &str) -> bool {
        let finder = memchr::memmem::Finder::new(w.as_bytes());
        // A capitalised word that is no function word ("But", "In" open sentences).
        let cap_word = |s: &str| {
            s.starts_with(|c: char| c.is_uppercase())
                && !crate::words::is_stopword(&s.to_lowercase())
                && !crate::words::sentence_starters().contains(s)
        };
        self.layout.sentences.iter().any(|s| {
            let n = &s.norm;
            finder.find_iter(n.as_bytes()).any(|at| {
                let end = at + w.len();
                levelmap_model::mentions::is_boundary(n, at, end)
                    && (n[..at]
                        .strip_suffix(' ')
                        .is_some_and(|b| cap_word(b.rsplit(' ').next().unwrap_or("")))
                        || n[end..].strip_prefix(' ').is_some_and(cap_word))
            })
        })
    }

    pub(super) fn contains(&self, w: &str) -> bool {
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

    /// Whether the article writes `phrase` inside a sentence, after a space and on
    /// word boundaries: "Tower Hamlets" in "the council of Tower Hamlets" shows that a
    /// sentence opening "Tower Hamlets Community Housing" opens with a name.
    pub(super) fn written_inside(&self, phrase: &str) -> bool {
        let finder = memchr::memmem::Finder::new(phrase.as_bytes());
        self.layout.sentences.iter().any(|s| {
            finder.find_iter(s.norm.as_bytes()).any(|at| {
                at > 0
                    && s.norm.as_bytes()[at - 1] == b' '
                    && levelmap_model::mentions::is_boundary(&s.norm, at, at + phrase.len())
            })
        })
    }
}
