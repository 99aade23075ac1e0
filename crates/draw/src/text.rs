//! Text measurement for every drawing: an estimate of the width of a string in
//! Helvetica-like fonts, wrapping to a width, shortening with an ellipsis, and the
//! one-line, regular-weight labels of the argument map.
//!
//! No font files are read: widths come from per-character classes (narrow Latin,
//! wide Latin, digits, East Asian wide characters via `unicode-width`, zero-width
//! marks). The estimates err on the wide side, so boxes computed from them hold the
//! text as the browser draws it.

use unicode_width::UnicodeWidthChar;

/// The ellipsis appended to shortened text.
pub(crate) const ELLIPSIS: char = '…';

/// Estimated advance of one character, in px, at `font_px` (regular weight).
pub(crate) fn char_width(c: char, font_px: f64) -> f64 {
    let em = match c {
        ' ' => 0.30,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | '’' | '‘' => 0.28,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '"' | '“' | '”' => 0.36,
        'm' | 'w' => 0.84,
        'M' | 'W' => 0.90,
        '—' | '…' => 1.0,
        '–' => 0.56,
        '0'..='9' => 0.57,
        'A'..='Z' => 0.70,
        'a'..='z' => 0.56,
        c if c.is_ascii() => 0.60,
        c => match c.width() {
            Some(0) | None => 0.0,
            Some(2) => 1.02,
            _ => 0.66,
        },
    };
    em * font_px
}

/// Estimated width of `s` in px at `font_px`; `bold` widens it.
pub(crate) fn text_width(s: &str, font_px: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(|c| char_width(c, font_px)).sum();
    if bold {
        w * 1.08
    } else {
        w
    }
}

/// Pieces of text that a line may break between: words (with their trailing
/// space) and, for East Asian wide characters, single characters.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.width() == Some(2) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
            continue;
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_wide_token(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.width() == Some(2))
}

/// Shorten `s` so that it fits in `max_w` px, ending with an ellipsis if anything was cut.
pub(crate) fn shorten(s: &str, max_w: f64, font_px: f64, bold: bool) -> String {
    if text_width(s, font_px, bold) <= max_w {
        return s.to_string();
    }
    let room = max_w - text_width("…", font_px, bold);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = char_width(c, font_px) * if bold { 1.08 } else { 1.0 };
        if w + cw > room {
            break;
        }
        w += cw;
        out.push(c);
    }
    let mut out = out
        .trim_end()
        .trim_end_matches([',', ';', ':', '-'])
        .to_string();
    out.push(ELLIPSIS);
    out
}

/// Text broken into lines for a box.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Wrapped {
    /// The lines, each no wider than the limit.
    pub lines: Vec<String>,
    /// Whether text was cut (the last line then ends with an ellipsis).
    pub shortened: bool,
    /// The widest line, in px.
    pub width: f64,
}

/// Wrap `s` into at most `max_lines` lines of at most `max_w` px each. Words longer
/// than a line are broken; text that does not fit is cut with an ellipsis.
pub(crate) fn wrap(s: &str, max_w: f64, font_px: f64, bold: bool, max_lines: usize) -> Wrapped {
    let max_lines = max_lines.max(1);
    let tw = |t: &str| text_width(t, font_px, bold);
    let space = tw(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    let mut prev_wide = false;
    for tok in tokens(s) {
        let wide = is_wide_token(&tok);
        let glue = if cur.is_empty() || (wide && prev_wide) {
            0.0
        } else {
            space
        };
        let t_w = tw(&tok);
        if cur_w + glue + t_w <= max_w {
            if glue > 0.0 {
                cur.push(' ');
            }
            cur.push_str(&tok);
            cur_w += glue + t_w;
        } else if t_w <= max_w {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            cur = tok;
            cur_w = t_w;
        } else {
            // A word wider than a line: break it between characters.
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0.0;
            }
            for c in tok.chars() {
                let cw = char_width(c, font_px) * if bold { 1.08 } else { 1.0 };
                if cur_w + cw > max_w && !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0.0;
                }
                cur.push(c);
                cur_w += cw;
            }
        }
        prev_wide = wide;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let mut shortened = false;
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(shorten(&format!("{rest} {ELLIPSIS}"), max_w, font_px, bold));
        shortened = true;
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    let width = lines.iter().map(|l| tw(l)).fold(0.0, f64::max);
    Wrapped {
        lines,
        shortened,
        width,
    }
}

/// One line: control characters (newlines, tabs) become spaces and runs of
/// whitespace one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The argument map's labels (regular weight): the estimated width of `s` in pixels
/// at `font_px`.
pub(crate) fn label_width(s: &str, font_px: f64) -> f64 {
    text_width(s, font_px, false)
}

/// The argument map's labels (regular weight): wrap `s` into lines at most `max_px`
/// wide at `font_px`, breaking at spaces (and inside words longer than a line), with
/// at most `max_lines` lines: a longer text ends with "…". Newlines and control
/// characters in `s` are treated as spaces.
pub(crate) fn wrap_label(s: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    wrap(&one_line(s), max_px, font_px, false, max_lines).lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_double() {
        let latin = text_width("abcd", 10.0, false);
        let cjk = text_width("平衡発展", 10.0, false);
        assert!(cjk > latin * 1.6, "{cjk} vs {latin}");
        assert_eq!(
            text_width("e\u{301}", 10.0, false),
            text_width("e", 10.0, false)
        );
    }

    #[test]
    fn wraps_within_the_width_and_cuts_with_an_ellipsis() {
        let s = "Levelling up was undermined by government instability and by a lack of money";
        let w = wrap(s, 120.0, 11.0, false, 2);
        assert_eq!(w.lines.len(), 2);
        assert!(w.shortened);
        assert!(w.lines[1].ends_with(ELLIPSIS), "{:?}", w.lines);
        for l in &w.lines {
            assert!(text_width(l, 11.0, false) <= 120.0, "{l}");
        }
        let all = wrap(s, 120.0, 11.0, false, 10);
        assert!(!all.shortened);
        assert_eq!(all.lines.join(" "), s);
    }

    #[test]
    fn breaks_unspaced_scripts_and_long_words() {
        let w = wrap(
            "地域間の格差を是正するための長期的な政策が必要である",
            80.0,
            11.0,
            false,
            9,
        );
        assert!(w.lines.len() > 2, "{:?}", w.lines);
        assert!(w.lines.iter().all(|l| text_width(l, 11.0, false) <= 80.0));
        let w = wrap(
            "Supercalifragilisticexpialidocious-and-then-some",
            60.0,
            11.0,
            false,
            9,
        );
        assert!(w.lines.len() > 1);
        assert!(w.lines.iter().all(|l| text_width(l, 11.0, false) <= 60.0));
    }

    #[test]
    fn shorten_keeps_short_text() {
        assert_eq!(shorten("Devolution", 200.0, 11.0, false), "Devolution");
        let s = shorten(
            "Internationally competitive green industries",
            90.0,
            11.0,
            true,
        );
        assert!(s.ends_with(ELLIPSIS));
        assert!(text_width(&s, 11.0, true) <= 90.0);
    }

    #[test]
    fn labels_wrap_at_spaces_within_the_width() {
        let lines = wrap_label(
            "Levelling up was undermined by government instability.",
            12.0,
            150.0,
            5,
        );
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(label_width(l, 12.0) <= 150.0, "{l}");
        }
        assert_eq!(
            lines.join(" "),
            "Levelling up was undermined by government instability."
        );
    }

    #[test]
    fn labels_are_cut_and_limited_in_lines() {
        let lines = wrap_label(&"word ".repeat(100), 10.0, 80.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn newlines_and_controls_become_spaces() {
        assert_eq!(one_line("a\nb\t\u{1}c  d"), "a b c d");
        assert!(wrap_label("", 12.0, 100.0, 3).iter().all(|l| l.is_empty()));
        assert_eq!(wrap_label("a\nb", 12.0, 100.0, 3), vec!["a b"]);
    }
}
