//! Label text for drawings: an estimate of how wide text is in a sans-serif font, and
//! word wrapping to a width, so that boxes fit their labels without a font engine.

/// Width of one character in ems, after Helvetica/Arial's metrics (rounded), with
/// wide scripts (CJK, emoji) at 1 em and other non-ASCII letters at an average width.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '!' | '.' | ',' | ':' | ';' | '\u{2019}' | '\u{2018}' => 0.25,
        ' ' | 'f' | 't' | 'I' | '[' | ']' | '(' | ')' | '/' | '\\' => 0.3,
        'r' | '"' | '-' | '\u{201c}' | '\u{201d}' => 0.36,
        'J' | 'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | '*' => 0.5,
        'm' | 'M' | '%' => 0.84,
        'w' | 'W' => 0.78,
        '@' => 1.0,
        'A'..='Z' => 0.68,
        'a'..='z' | '0'..='9' | '$' | '#' | '?' | '_' | '+' | '=' | '<' | '>' | '~' | '&' | '^' => 0.56,
        '\u{2014}' => 1.0,
        '\u{2013}' => 0.56,
        c if is_wide(c) => 1.0,
        c if c.is_control() => 0.0,
        _ => 0.6,
    }
}

/// East Asian wide and fullwidth characters, and emoji.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// The estimated width of `s` in pixels at `font_px`.
pub fn width(s: &str, font_px: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * font_px
}

/// One line: control characters (newlines, tabs) become spaces and runs of
/// whitespace one space.
pub fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Wrap `s` into lines at most `max_px` wide at `font_px`, breaking at spaces (and
/// inside words longer than a line), with at most `max_lines` lines: a longer text
/// ends its last line with "…". Newlines in `s` are treated as spaces.
pub fn wrap(s: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in one_line(s).split(' ').filter(|w| !w.is_empty()) {
        let candidate = if cur.is_empty() { word.to_string() } else { format!("{cur} {word}") };
        if width(&candidate, font_px) <= max_px {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        // A word longer than a line is cut.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, font_px) > max_px && piece.chars().count() > 1 {
                let last = piece.pop().unwrap_or(c);
                lines.push(std::mem::take(&mut piece));
                piece.push(last);
            }
        }
        cur = piece;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width(&format!("{last} …"), font_px) > max_px {
                last.pop();
            }
            let trimmed = last.trim_end().to_string();
            *last = format!("{trimmed} …");
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let lines = wrap("Levelling up was undermined by government instability.", 12.0, 150.0, 5);
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(width(l, 12.0) <= 150.0, "{l}");
        }
        assert_eq!(lines.join(" "), "Levelling up was undermined by government instability.");
    }

    #[test]
    fn cuts_long_words_and_limits_lines() {
        let lines = wrap(&"x".repeat(100), 10.0, 50.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with(" …"), "{lines:?}");
        for l in &lines {
            assert!(width(l, 10.0) <= 50.0 + 0.01, "{l}");
        }
    }

    #[test]
    fn newlines_and_controls_become_spaces() {
        assert_eq!(one_line("a\nb\t\u{1}c  d"), "a b c d");
        assert_eq!(wrap("", 12.0, 100.0, 3), Vec::<String>::new());
    }

    #[test]
    fn wide_scripts_are_wider() {
        assert!(width("漢字", 10.0) > width("ab", 10.0));
    }
}
