//! Finding a quote in an article: normalisation of whitespace, quote marks and dashes,
//! and the closest passage when a quote is not found.

/// Normalise text for quote matching: whitespace runs become one space, curly quotes
/// become straight, dashes become '-' (an em dash spaced: [`is_word_dash`]), '…'
/// becomes "...", and ends are trimmed.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // A run of visible ASCII other than '`', with single spaces inside it, is
        // copied as it is.
        let vis = |b: u8| b > b' ' && b < 0x7f && b != b'`';
        let bytes = rest.as_bytes();
        let mut run = 0;
        while run < bytes.len() {
            if vis(bytes[run]) {
                run += 1;
            } else if run > 0 && bytes[run] == b' ' && bytes.get(run + 1).is_some_and(|&b| vis(b)) {
                run += 2;
            } else {
                break;
            }
        }
        if run > 0 {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        let mapped: &str = match normalised_char(c) {
            Some(m) => m,
            None if c.is_whitespace() => {
                space = true;
                continue;
            }
            None => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                continue;
            }
        };
        if mapped.is_empty() {
            continue;
        }
        if (space || is_word_dash(c)) && !out.is_empty() {
            out.push(' ');
        }
        space = is_word_dash(c);
        out.push_str(mapped);
    }
    out
}

/// Whether `c` is a dash that stands between words, never inside one: the em dash
/// and the horizontal bar. [`normalise`] writes it spaced (" - "), so that "Dan
/// Morecroft-Rice\u{2014}found" or "Trump\u{2014}a man" stay separate words, while a
/// hyphen or en dash inside a word ("Morecroft-Rice", "2010\u{2013}15") joins.
#[inline]
pub fn is_word_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2015}')
}

/// How [`normalise`] writes a character it replaces: curly quotes, primes and
/// accents as straight quotes, dashes and the minus sign as '-', '…' as "...", and
/// zero-width characters and the soft hyphen as nothing. `None` for every other
/// character (kept as it is, or, if whitespace, folded into a single space). The one
/// table of these replacements: the extractor's sentence layout uses it too.
#[inline]
pub fn normalised_char(c: char) -> Option<&'static str> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
            Some("'")
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some("\""),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Some("-"),
        '\u{2026}' => Some("..."),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => Some(""),
        _ => None,
    }
}

/// A normalised article text, ready for many quote look-ups.
#[derive(Debug, Clone)]
pub struct QuoteIndex {
    norm: String,
    lower: String,
}

/// The result of looking for a quote.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteMatch {
    /// Found verbatim (after normalisation).
    Found,
    /// Found only when case is ignored; with the passage as the text has it.
    CaseOnly(String),
    /// Not found; with the closest passage, if any.
    Missing(Option<String>),
}

impl QuoteIndex {
    /// Index an article's text.
    pub fn new(text: &str) -> Self {
        let norm = normalise(text);
        let lower = norm.to_lowercase();
        QuoteIndex { norm, lower }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.norm
    }

    /// Whether the quote occurs (after normalisation).
    pub fn contains(&self, quote: &str) -> bool {
        let q = normalise(quote);
        !q.is_empty() && memchr::memmem::find(self.norm.as_bytes(), q.as_bytes()).is_some()
    }

    /// Look a quote up, and explain a miss.
    pub fn find(&self, quote: &str) -> QuoteMatch {
        let q = normalise(quote);
        if q.is_empty() {
            return QuoteMatch::Missing(None);
        }
        // memchr's vectorised search: the same answer as `str::contains`, several times faster.
        if memchr::memmem::find(self.norm.as_bytes(), q.as_bytes()).is_some() {
            return QuoteMatch::Found;
        }
        let ql = q.to_lowercase();
        // Lowercasing can change byte lengths for some scripts; only map back when it did not.
        if self.lower.len() == self.norm.len() {
            if let Some(i) = memchr::memmem::find(self.lower.as_bytes(), ql.as_bytes()) {
                if self.norm.is_char_boundary(i) && self.norm.is_char_boundary(i + ql.len()) {
                    return QuoteMatch::CaseOnly(self.norm[i..i + ql.len()].to_string());
                }
            }
        }
        QuoteMatch::Missing(closest_passage(&self.norm, &q))
    }
}

/// The window of `text`, about as many words long as `quote`, that reads most like it.
pub fn closest_passage(text: &str, quote: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let qwords: Vec<String> = quote
        .split(' ')
        .map(simplify)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || qwords.is_empty() {
        return None;
    }
    let n = qwords.len().min(words.len());
    let simple: Vec<String> = words.iter().map(|w| simplify(w)).collect();
    // Score every window by shared words (cheap), then re-rank the best by edit distance.
    let mut scored: Vec<(usize, usize)> = (0..=words.len() - n)
        .map(|start| {
            let hits = simple[start..start + n]
                .iter()
                .filter(|w| qwords.contains(w))
                .count();
            (hits, start)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let best_hits = scored.first()?.0;
    if best_hits == 0 {
        return None;
    }
    scored
        .iter()
        .take(8)
        .map(|&(_, start)| {
            let passage = words[start..start + n].join(" ");
            let sim = strsim::normalized_levenshtein(&passage, quote);
            (passage, sim)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(p, _)| p)
}

fn simplify(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_quotes_dashes_and_space() {
        assert_eq!(
            normalise("  Labour’s ‘securonomics’\n\n agenda – “new” "),
            "Labour's 'securonomics' agenda - \"new\""
        );
        assert_eq!(normalise("a\u{00A0}b…"), "a b...");
    }

    /// The character-by-character definition the fast [`normalise`] replaced.
    fn normalise_reference(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.chars() {
            let mapped: &str = match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`'
                | '\u{00B4}' => "'",
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
                | '\u{00BB}' => "\"",
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
                | '\u{2212}' => "-",
                '\u{2026}' => "...",
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => "",
                c if c.is_whitespace() => {
                    space = true;
                    continue;
                }
                _ => {
                    if space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = false;
                    out.push(c);
                    continue;
                }
            };
            if mapped.is_empty() {
                continue;
            }
            let word_dash = matches!(c, '\u{2014}' | '\u{2015}');
            if (space || word_dash) && !out.is_empty() {
                out.push(' ');
            }
            space = word_dash;
            out.push_str(mapped);
        }
        out
    }

    /// "Dan Morecroft-Rice\u{2014}found that" was read as one word
    /// "Morecroft-Rice-found", and "Donald Trump\u{2014}a man" gave a name "Donald
    /// Trump-a": an em dash stands between words.
    #[test]
    fn an_em_dash_between_words_joined_them_into_one() {
        assert_eq!(
            normalise("Dan Morecroft-Rice\u{2014}found that Trump \u{2014} a man\u{2015}x\u{2014}"),
            "Dan Morecroft-Rice - found that Trump - a man - x -"
        );
        assert_eq!(
            normalise("2010\u{2013}15 and well-known"),
            "2010-15 and well-known"
        );
        let q = QuoteIndex::new("Research by Dan Morecroft-Rice\u{2014}found that");
        assert!(q.contains("Morecroft-Rice\u{2014}found"));
        assert!(q.contains("Morecroft-Rice \u{2014} found"));
    }

    #[test]
    fn fast_normalise_matches_the_reference() {
        for t in [
            "  Labour’s ‘securonomics’\n\n agenda – “new” ",
            "`tick`\u{7f}\u{1}ctl\u{b}\u{c}\r\n\t end\u{a0}\u{200b}x\u{ad}y \u{2026} \u{3000}wide ",
            "",
            " \u{200b} ",
            "£3.6bn — «quoted» ‚low‘ café",
            "a b  c \t d e` f ` g h\u{a0}i j ",
            "x y",
            "Rice\u{2014}found \u{2014} x\u{2015}\u{2014}",
        ] {
            assert_eq!(normalise(t), normalise_reference(t), "{t:?}");
        }
    }

    #[test]
    fn finds_quotes_across_line_breaks_and_curly_marks() {
        let idx = QuoteIndex::new("the Party’s ‘securonomics’\nagenda could offer the basis");
        assert_eq!(
            idx.find("the Party's 'securonomics' agenda could"),
            QuoteMatch::Found
        );
        assert_eq!(
            idx.find("The party's 'securonomics'"),
            QuoteMatch::CaseOnly("the Party's 'securonomics'".into())
        );
    }

    #[test]
    fn explains_a_miss_with_the_closest_passage() {
        let idx = QuoteIndex::new(
            "Before the election, Labour had intimated that they would seek to position themselves as the new party of levelling up.",
        );
        match idx.find("Labour had indicated that they would position themselves") {
            QuoteMatch::Missing(Some(p)) => assert!(p.starts_with("Labour had intimated"), "{p}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(idx.find("zzz qqq"), QuoteMatch::Missing(None));
        assert_eq!(idx.find("   "), QuoteMatch::Missing(None));
    }
}
