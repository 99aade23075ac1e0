//! Layout and sentences: an article's text cut into blocks (headings, bullets,
//! paragraphs) and each block into sentences, aware of abbreviations and initials
//! ("Dr.", "U.K.", "e.g.", "J. Smith").
//!
//! Every block and sentence is a byte range of the original text, so that a quote
//! taken from it is found by `levelmap check`.

use super::words::{sentence_starters, MAYBE_END, NEVER_END};
use levelmap_model::evidence::{is_word_dash, normalised_char};

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A short line without a closing period: a title, a heading, a byline, navigation.
    Heading,
    /// A list item.
    Bullet,
    /// Running prose.
    Paragraph,
}

/// A block: one line, or lines joined where a sentence runs on across a break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Start byte in the text (after any bullet marker).
    pub(crate) start: usize,
    /// End byte (exclusive).
    pub(crate) end: usize,
    /// Its kind.
    pub(crate) kind: BlockKind,
    /// Number of words.
    pub(crate) words: usize,
}

/// A sentence: a byte range of the text with its normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte in the text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index of its block.
    pub(crate) block: usize,
    /// The sentence after [`levelmap_model::evidence::normalise`]: straight quotes, '-' dashes, single spaces.
    pub(crate) norm: String,
    /// Number of words.
    pub words: usize,
}

/// An article's text, cut into blocks and sentences.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Blocks in text order.
    pub(crate) blocks: Vec<Block>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
}

impl Layout {
    /// Leave out the blocks `drop` (ascending) and their sentences, the blocks after
    /// each renumbered.
    pub(crate) fn drop_blocks(&mut self, drop: &[usize]) {
        if drop.is_empty() {
            return;
        }
        let mut new_index = Vec::with_capacity(self.blocks.len());
        let mut kept = 0;
        for i in 0..self.blocks.len() {
            new_index.push(kept);
            if drop.binary_search(&i).is_err() {
                kept += 1;
            }
        }
        self.sentences
            .retain(|s| drop.binary_search(&s.block).is_err());
        for s in &mut self.sentences {
            s.block = new_index[s.block];
        }
        let mut i = 0;
        self.blocks.retain(|_| {
            i += 1;
            drop.binary_search(&(i - 1)).is_err()
        });
    }

    /// Cut `text` into blocks and sentences.
    pub fn new(text: &str) -> Self {
        // Block word counts are only read up to HEADING_WORDS + 1 here (enough to tell a
        // heading); a longer block's count is the sum of its sentences' counts, the same
        // number (sentences are cut at whitespace, and normalising keeps every piece's
        // letters and digits).
        let mut blocks = cut_blocks(text, Some(HEADING_WORDS + 1));
        let mut sentences = Vec::new();
        let mut spans = Vec::new();
        for (bi, b) in blocks.iter_mut().enumerate() {
            let first = sentences.len();
            spans.clear();
            if b.kind == BlockKind::Paragraph {
                split_sentences(text, b.start, b.end, &mut spans);
            } else {
                spans.push((b.start, b.end));
            }
            for &(s, e) in &spans {
                let (norm, words) = normalise_counting(&text[s..e]);
                if words > 0 {
                    sentences.push(Sentence {
                        start: s,
                        end: e,
                        block: bi,
                        norm,
                        words,
                    });
                }
            }
            if b.words > HEADING_WORDS {
                b.words = sentences[first..].iter().map(|s| s.words).sum();
            }
        }
        Layout { blocks, sentences }
    }

    /// The sentences of block `b`.
    pub(crate) fn sentences_of(&self, b: usize) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.block == b)
    }

    /// The index of the sentence that contains byte `at`, if any.
    #[cfg(test)]
    pub(crate) fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }
}

/// Whether a line opens as a byline in lower case: "by" and a capitalised word.
fn byline_opening(line: &str) -> bool {
    line.strip_prefix("by ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
}

/// The quote for a byte range: the text as written, with each run of whitespace
/// made one space (which `levelmap check` treats as the same).
pub fn quote(text: &str, start: usize, end: usize) -> String {
    let t = text[start..end].trim();
    let b = t.as_bytes();
    if single_spaced(b) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    // Copy stretches as they are; a whitespace run other than one plain space (never at
    // the ends, which are trimmed) becomes one space.
    let (mut from, mut i) = (0, 0);
    let ws_at = |i: usize| -> Option<usize> {
        if b[i] < 0x80 {
            matches!(b[i], b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ').then_some(1)
        } else {
            t[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map(char::len_utf8)
        }
    };
    while i < b.len() {
        let Some(len) = ws_at(i) else {
            i += if b[i] < 0x80 {
                1
            } else {
                t[i..].chars().next().map_or(1, char::len_utf8)
            };
            continue;
        };
        let mut j = i + len;
        while let Some(l) = (j < b.len()).then(|| ws_at(j)).flatten() {
            j += l;
        }
        if !(j == i + 1 && b[i] == b' ') {
            out.push_str(&t[from..i]);
            out.push(' ');
            from = j;
        }
        i = j;
    }
    out.push_str(&t[from..]);
    out
}

/// [`levelmap_model::evidence::normalise`] (with its table of replaced characters,
/// [`normalised_char`]) and [`count_words`] of its result, in one pass.
fn normalise_counting(s: &str) -> (String, usize) {
    // Byte classes: visible ASCII other than '`' (a letter or digit, or not), the
    // space, and the rest (read as characters, as `normalise` does).
    const PUNCT: u8 = 0;
    const ALNUM: u8 = 1;
    const SPACE: u8 = 2;
    const OTHER: u8 = 3;
    static CLS: [u8; 256] = {
        let mut t = [OTHER; 256];
        let mut i = 0x21;
        while i < 0x7f {
            t[i] = if (i as u8).is_ascii_alphanumeric() {
                ALNUM
            } else {
                PUNCT
            };
            i += 1;
        }
        t[b'`' as usize] = OTHER;
        t[b' ' as usize] = SPACE;
        t
    };
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut words, mut has, mut space) = (0usize, false, false);
    let mut i = 0;
    while i < b.len() {
        if CLS[b[i] as usize] <= ALNUM {
            // A run of visible ASCII with single spaces inside, copied as it is.
            if space && !out.is_empty() {
                out.push(' ');
                words += usize::from(has);
                has = false;
            }
            space = false;
            let from = i;
            loop {
                // A word (visible bytes), then one space if a visible byte follows.
                // (A word starts at a visible byte: usually a letter or digit, checked first.)
                let word = i;
                while i < b.len() && CLS[b[i] as usize] <= ALNUM {
                    i += 1;
                }
                has = has
                    || CLS[b[word] as usize] == ALNUM
                    || b[word..i].iter().any(|&c| CLS[c as usize] == ALNUM);
                if i + 1 < b.len() && b[i] == b' ' && CLS[b[i + 1] as usize] <= ALNUM {
                    words += usize::from(has);
                    has = false;
                    i += 1;
                } else {
                    break;
                }
            }
            out.push_str(&s[from..i]);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        let mapped: &str = match normalised_char(c) {
            Some("") => continue,
            Some(m) => m,
            None if c.is_whitespace() => {
                space = true;
                continue;
            }
            None => "",
        };
        if (space || is_word_dash(c)) && !out.is_empty() {
            out.push(' ');
            words += usize::from(has);
            has = false;
        }
        space = is_word_dash(c);
        if mapped.is_empty() {
            out.push(c);
            has |= c.is_alphanumeric();
        } else {
            out.push_str(mapped);
        }
    }
    (out, words + usize::from(has))
}

/// Whether a trimmed text's only whitespace is single plain spaces (so that a quote
/// of it is the text itself).
fn single_spaced(b: &[u8]) -> bool {
    // ASCII control whitespace, two spaces in a row, or a non-ASCII space character
    // ('\u{85}' and '\u{a0}' start with C2, '\u{1680}' E1, '\u{2000}'.. E2, '\u{3000}' E3).
    let controls = b
        .iter()
        .fold(false, |acc, &c| acc | (c.wrapping_sub(9) < 5));
    !controls
        && memchr::memmem::find(b, b"  ").is_none()
        && memchr::memchr3_iter(0xC2, 0xE1, 0xE3, b).all(|i| {
            !matches!(b.get(i..i + 2), Some([0xC2, 0x85 | 0xA0]))
                && !b[i..].starts_with(&[0xE1, 0x9A, 0x80])
                && !b[i..].starts_with(&[0xE3, 0x80, 0x80])
        })
        && memchr::memchr_iter(0xE2, b).all(|i| {
            !matches!(
                b.get(i + 1..i + 3),
                Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]) | Some([0x81, 0x9F])
            )
        })
}

/// Byte classes for counting words: a separator, a letter or digit, a non-ASCII byte
/// (read the character), anything else.
const SEP: u8 = 1;
const WORD: u8 = 2;
const DECODE: u8 = 3;

const fn word_classes(ws_all: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b == b' ' || (ws_all && matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')) {
            SEP
        } else if b.is_ascii_alphanumeric() {
            WORD
        } else if b >= 0x80 {
            DECODE
        } else {
            0
        };
        i += 1;
    }
    t
}

#[cfg(test)]
static SPACE_CLASSES: [u8; 256] = word_classes(false);
static WS_CLASSES: [u8; 256] = word_classes(true);

/// Words of a normalised text: pieces between single spaces that hold a letter or digit
/// (what [`normalise_counting`] counts in passing).
#[cfg(test)]
fn count_words(s: &str) -> usize {
    count_pieces(s, &SPACE_CLASSES, |c| c == ' ', usize::MAX)
}

/// Words of a text: whitespace-separated pieces that hold a letter or digit (counted
/// up to `cap`).
fn count_words_ws(s: &str, cap: usize) -> usize {
    count_pieces(s, &WS_CLASSES, char::is_whitespace, cap)
}

/// Pieces of `s` between separators that hold a letter or digit, up to `cap`: ASCII
/// bytes are classed by `classes`, other characters decoded and tested with `sep`.
fn count_pieces(s: &str, classes: &[u8; 256], sep: impl Fn(char) -> bool, cap: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut has, mut i) = (0, false, 0);
    while i < b.len() {
        match classes[b[i] as usize] {
            SEP => {
                n += usize::from(has);
                if n >= cap {
                    return cap;
                }
                has = false;
                i += 1;
            }
            WORD => {
                has = true;
                i += 1;
            }
            DECODE => {
                let c = s[i..].chars().next().unwrap_or(' ');
                if sep(c) {
                    n += usize::from(has);
                    has = false;
                } else if c.is_alphanumeric() {
                    has = true;
                }
                i += c.len_utf8();
            }
            _ => i += 1,
        }
    }
    (n + usize::from(has)).min(cap)
}

const BULLETS: &[char] = &[
    '•', '·', '▪', '‣', '◦', '*', '-', '–', '—', '●', '■', '►', '○',
];

/// The byte length of a list marker at the start of `line` ("• ", "- ", "1. ", "a) "), if any.
fn bullet_len(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    if BULLETS.contains(&c) {
        let rest = &line[c.len_utf8()..];
        return rest
            .starts_with(|c: char| c.is_whitespace())
            .then(|| c.len_utf8() + (rest.len() - rest.trim_start().len()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") "))
            && rest[2..].starts_with(|c: char| c.is_uppercase())
        {
            return Some(digits + 2);
        }
    }
    None
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '?', '!', ':', ';', '…'])
}

/// A block of at most this many words without a closing period is a heading.
const HEADING_WORDS: usize = 14;

/// The head of an article (where header lines are lines) is at most this many lines.
const HEAD_LINES: usize = 12;

/// Whether a line is running prose, which ends the article's head: a sentence of more
/// than a heading's words that closes, or a line too long for any header.
fn is_prose_line(line: &str) -> bool {
    let words = count_words_ws(line, 31);
    words > 30 || (words > HEADING_WORDS && ends_sentence(line))
}

/// Cut the text into blocks: lines, joined where a sentence runs on across a line
/// break; short unpunctuated standalone lines are headings.
#[cfg(test)]
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    cut_blocks(text, None)
}

/// [`blocks`], with word counts read at most up to `cap` when given.
/// The longest line (in bytes) of a text wrapped at a fixed width; a longer line means
/// the text is not wrapped ([`cut_blocks`]).
const WRAP_MAX: usize = 120;

fn cut_blocks(text: &str, cap: Option<usize>) -> Vec<Block> {
    struct Line {
        start: usize,
        end: usize,
        bullet: bool,
        blank_before: bool,
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut offset = 0;
    let mut blank = true;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let mut start = line_start + lead;
        let end = start + trimmed.len();
        let bullet = match bullet_len(trimmed) {
            Some(n) if n < trimmed.len() => {
                start += n;
                true
            }
            _ => false,
        };
        lines.push(Line {
            start,
            end,
            bullet,
            blank_before: blank,
        });
        blank = false;
    }
    // Join run-on lines. At the head of the article (before its first line of running
    // prose) a line is its own block unless it continues in lower case: a title,
    // standfirst, section line, dateline or byline has no closing punctuation, and
    // joining them made one long pseudo-sentence.
    let mut merged: Vec<(usize, usize, bool, bool, bool)> = Vec::new(); // start, end, bullet, standalone-before, joined
                                                                        // A text with a line longer than any wrapping makes gives each paragraph a line of
                                                                        // its own (a page copied from a browser): there a capitalised line after one with
                                                                        // no closing punctuation is no run-on but the next paragraph ("Andy Burnham has
                                                                        // long called for more powers", a photograph's caption, then the report).
    let wrapped = lines.iter().all(|l| l.end - l.start <= WRAP_MAX);
    let mut head = true;
    for (li, l) in lines.iter().enumerate() {
        let this = &text[l.start..l.end];
        head = head && li < HEAD_LINES;
        let in_head = head;
        // "by Jane Smith" under the title is a byline, not the title's run-on.
        // A line opening in lower case or with a comma or closing bracket continues the
        // one before (", the landscape ..." after a link's text on a line of its own).
        let lower = this.starts_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';' | ')'))
            && !(in_head && byline_opening(this));
        if head && is_prose_line(this) {
            head = false;
        }
        if let Some(last) = merged.last_mut().filter(|_| !in_head || lower) {
            let prev = &text[last.0..last.1];
            // Cheap tests first: the word count of what came before is rarely needed.
            let run_on = || {
                let prev_words = prev.split_whitespace().count();
                (lower && prev_words >= 4)
                    || (wrapped && !l.blank_before && prev_words >= 8 && prev.len() >= 50)
            };
            if !l.bullet && (lower || !l.blank_before) && !ends_sentence(prev) && run_on() {
                last.1 = l.end;
                last.4 = true;
                continue;
            }
        }
        merged.push((l.start, l.end, l.bullet, l.blank_before, false));
    }
    merged
        .into_iter()
        .map(|(start, end, bullet, _, _)| {
            let s = &text[start..end];
            let words = count_words_ws(s, cap.unwrap_or(usize::MAX));
            let kind = if bullet {
                BlockKind::Bullet
            } else if words <= HEADING_WORDS && !ends_with_period(s) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            Block {
                start,
                end,
                kind,
                words,
            }
        })
        .collect()
}

fn ends_with_period(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', ':', ';', ','])
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '.', '?', '!', '…'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// Split `text[start..end]` into sentences, pushing their byte ranges.
pub(crate) fn split_sentences(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut sent_start = 0;
    let mut at = 0;
    // The next byte E2 (which starts '…', E2 80 A6) at or after `at`.
    let mut e2 = memchr::memchr(0xE2, bytes);
    while at < bytes.len() {
        // The next terminal mark: '.', '?', '!' or '…'.
        while let Some(p) = e2.filter(|&p| p < at) {
            e2 = memchr::memchr(0xE2, &bytes[p + 1..]).map(|q| p + 1 + q);
        }
        let mark = memchr::memchr3(b'.', b'?', b'!', &bytes[at..]).map(|q| at + q);
        let Some(i) = (match (mark, e2) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }) else {
            break;
        };
        let c = if bytes[i] == 0xE2 {
            if !s[i..].starts_with('…') {
                // Another character: skip its lead byte (continuation bytes never match).
                at = i + 1;
                continue;
            }
            '…'
        } else {
            bytes[i] as char
        };
        // Take in further terminal marks and closing quotes or brackets.
        let mut j = i + c.len_utf8();
        while let Some(n) = s[j..].chars().next().filter(|n| CLOSERS.contains(n)) {
            j += n.len_utf8();
        }
        at = j;
        let rest = &s[j..];
        if rest.is_empty() {
            break;
        }
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let next = rest.trim_start();
        let next_at = j + (rest.len() - next.len());
        let first = next.trim_start_matches(OPENERS);
        let starts_upper = first.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit());
        if !starts_upper {
            continue;
        }
        if c == '.' && !period_ends_sentence(&s[sent_start..i], first) {
            continue;
        }
        push_trimmed(s, start, sent_start, j, out);
        sent_start = next_at;
    }
    push_trimmed(s, start, sent_start, s.len(), out);
}

fn push_trimmed(s: &str, base: usize, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push((base + a + lead, base + a + lead + t.len()));
    }
}

/// Whether a period after `before` (the sentence so far) ends the sentence, given the
/// text that follows (`next`, starting with an uppercase letter or digit).
fn period_ends_sentence(before: &str, next: &str) -> bool {
    let token = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[')
        .next()
        .unwrap_or("");
    let token = token.trim_start_matches(OPENERS);
    if token.is_empty() {
        return true;
    }
    // The abbreviation lists are ASCII, and only 'İ' and 'K' (Kelvin) lowercase to
    // something with ASCII in it: other tokens compare without lowercasing.
    let in_list = |list: &[&str]| {
        if token.is_ascii() {
            list.iter().any(|a| a.eq_ignore_ascii_case(token))
        } else if token.contains(['\u{130}', '\u{212A}']) {
            list.contains(&token.to_lowercase().as_str())
        } else {
            false
        }
    };
    let next_word = &next[..next
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(next.len())];
    let starter = || sentence_starters().contains(next_word);
    if in_list(NEVER_END) {
        return false;
    }
    if in_list(MAYBE_END) {
        return starter();
    }
    let mut letters = token.chars().filter(|c| *c != '.');
    let (first, second) = (letters.next(), letters.next());
    // An initial ("J.") or a dotted acronym ("U.K", "e.t.c").
    let is_initial = second.is_none() && first.is_some_and(char::is_uppercase);
    let is_dotted = token.contains('.')
        && token
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if is_initial || is_dotted {
        return starter();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::evidence::normalise;

    fn split(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_sentences(s, 0, s.len(), &mut v);
        v.into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    /// A page copied from a browser gives each paragraph a line: a photograph's
    /// caption with no closing punctuation was joined to the paragraph under it, one
    /// pseudo-sentence with two speakers' words.
    #[test]
    fn a_caption_line_was_joined_to_the_paragraph_under_it() {
        let para = "Greater Manchester mayor Andy Burnham welcomed the plans but said they did not go far enough, and that the money on offer would not close the gap with London.";
        let page = format!("Title line here\n\nThe first paragraph of prose is here and it is long enough to count as running prose.\nAndy Burnham has long called for more powers for mayors\n{para}\n");
        let l = Layout::new(&page);
        let texts: Vec<&str> = l.sentences.iter().map(|s| &page[s.start..s.end]).collect();
        assert!(
            texts.contains(&"Andy Burnham has long called for more powers for mayors"),
            "{texts:?}"
        );
        assert!(texts.contains(&para), "{texts:?}");
        // A text wrapped at a fixed width still runs on from line to line.
        let wrapped = "Title line here\n\nThe first paragraph of prose is here, and it runs on long enough to count as the prose of it.\n\nThe government said that the new fund for towns would be\nGreater than any before it, and the mayors agreed with that.\n";
        let l = Layout::new(wrapped);
        let texts: Vec<&str> = l
            .sentences
            .iter()
            .map(|s| &wrapped[s.start..s.end])
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("would be\nGreater")),
            "{texts:?}"
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Dr. Smith met J. R. Jones in the U.K. Government offices. They talked, e.g. About towns. Then left."),
            ["Dr. Smith met J. R. Jones in the U.K. Government offices.", "They talked, e.g. About towns.", "Then left."]
        );
    }

    #[test]
    fn acronym_before_a_sentence_starter_ends_the_sentence() {
        assert_eq!(
            split("Growth is weak in the U.K. The regions lag."),
            ["Growth is weak in the U.K.", "The regions lag."]
        );
        assert_eq!(
            split("It costs £14.1 billion. Next year more."),
            ["It costs £14.1 billion.", "Next year more."]
        );
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(
            split("He said “it is not like flicking a switch.” But why? Almost certainly not!"),
            [
                "He said “it is not like flicking a switch.”",
                "But why?",
                "Almost certainly not!"
            ]
        );
        assert_eq!(
            split("Is it ‘level up’? asked nobody."),
            ["Is it ‘level up’? asked nobody."]
        );
    }

    #[test]
    fn blocks_find_headings_bullets_and_run_on_lines() {
        let t = "Some Priorities\n\nThe West Midlands project in which local\n\nauthorities trialled cars is good.\n\n  • More security at work, with plans.\n";
        let b = blocks(t);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].kind, BlockKind::Heading);
        assert_eq!(b[1].kind, BlockKind::Paragraph);
        assert!(t[b[1].start..b[1].end].ends_with("cars is good."));
        assert_eq!(b[2].kind, BlockKind::Bullet);
        assert_eq!(
            &t[b[2].start..b[2].end],
            "More security at work, with plans."
        );
        assert_eq!(
            quote(t, b[1].start, b[1].end),
            "The West Midlands project in which local authorities trialled cars is good."
        );
    }

    /// Issue 12: header lines without closing punctuation (headline, standfirst,
    /// section line, dateline) were joined into one pseudo-sentence.
    #[test]
    fn a_date_line_under_a_headline_was_merged_into_one_sentence() {
        let t = "Levelling up was never going to be a plan for the regions at all\n\
                 A long standfirst that says what the piece argues about the towns fund\n\
                 Politics\n\
                 14 December 2018\n\
                 The government promised a great deal to the towns of the north, and very little of it has been\n\
                 delivered since then. Ministers say the fund will change that.\n";
        let b = blocks(t);
        let texts: Vec<&str> = b.iter().map(|b| &t[b.start..b.end]).collect();
        assert_eq!(texts.len(), 5, "{texts:#?}");
        assert_eq!(texts[3], "14 December 2018");
        assert!(texts[4].ends_with("will change that."), "{texts:#?}");
        // A hard-wrapped paragraph at the head still joins where it runs on in lower case.
        let wrapped = "This Monday the government presented its English Devolution White Paper\n\
                       which sets out its plans for local government in England.\n";
        assert_eq!(blocks(wrapped).len(), 1);
    }

    #[test]
    fn quotes_collapse_whitespace_like_the_definition() {
        for t in [
            "",
            " a ",
            "a  b\n\nc\u{a0}d\u{2003} e",
            "Labour’s\t‘plan’ —  x",
            "x",
            " \u{3000} ",
        ] {
            let mut want = String::new();
            let mut space = false;
            for c in t.trim().chars() {
                if c.is_whitespace() {
                    space = true;
                } else {
                    if space {
                        want.push(' ');
                    }
                    space = false;
                    want.push(c);
                }
            }
            assert_eq!(quote(t, 0, t.len()), want, "{t:?}");
        }
    }

    #[test]
    fn single_spacing_is_told_for_every_character() {
        for c in (0..0x11000u32)
            .chain(0x1F000..0x1F100)
            .filter_map(char::from_u32)
        {
            let t = format!("a{c}b");
            let want = !t.chars().any(char::is_whitespace) || c == ' ';
            assert_eq!(single_spaced(t.as_bytes()), want, "U+{:04X}", c as u32);
        }
        assert!(!single_spaced(b"a  b"));
    }

    #[test]
    fn one_pass_normalising_and_counting_matches_the_two_passes() {
        for t in [
            "",
            " ",
            "  Labour’s ‘securonomics’\n\n agenda – “new” ",
            "a\u{00A0}b… – — x ` y`z \u{200b} \u{200b}w",
            "£3.6bn — «quoted» ‚low‘ café, naïve ÉCOLE 2019/20; e.g. U.K.",
            "- & - | 12 x\ty\r\nz\u{7f}\u{1}q ",
        ] {
            let n = normalise(t);
            assert_eq!(normalise_counting(t), (n.clone(), count_words(&n)), "{t:?}");
        }
    }

    #[test]
    fn word_counts_match_their_definitions() {
        for t in [
            "",
            " ",
            "a",
            "  two  words ",
            "- – 3 £ é x\u{a0}y\u{2003}z",
            "Labour’s ‘securonomics’ — could work…",
            "\t\nx\u{b}y",
        ] {
            assert_eq!(
                count_words(t),
                t.split(' ')
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count(),
                "{t:?}"
            );
            assert_eq!(
                count_words_ws(t, usize::MAX),
                t.split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn layout_block_word_counts_are_exact() {
        let t = "A heading of a few words\n\nOne two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen. And a second \u{200b} sentence — with “quotes”, 3.5 per cent and e.g. abbreviations.\n\n• a bullet of words\n";
        let l = Layout::new(t);
        let exact = blocks(t);
        assert_eq!(l.blocks, exact);
        assert!(l.blocks[1].words > HEADING_WORDS);
    }

    #[test]
    fn layout_sentences_are_normalised() {
        let t = "Title here\n\nLabour’s ‘securonomics’ could work. It is new.\n";
        let l = Layout::new(t);
        assert_eq!(l.sentences.len(), 3);
        assert_eq!(l.sentences[1].norm, "Labour's 'securonomics' could work.");
        assert_eq!(l.sentence_at(t.find("It is").unwrap()), Some(2));
    }
}
