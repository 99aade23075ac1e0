//! Label text for the DOT and SVG drawings: one-line text for tooltips and labels, and
//! the shared text measurement of [`crate::text`] (one estimate of how wide
//! text is, for every drawing).

use crate::text as measure;

/// The estimated width of `s` in pixels at `font_px` (regular weight).
pub fn width(s: &str, font_px: f64) -> f64 {
    measure::text_width(s, font_px, false)
}

/// One line: control characters (newlines, tabs) become spaces and runs of
/// whitespace one space.
pub fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Wrap `s` into lines at most `max_px` wide at `font_px`, breaking at spaces (and
/// inside words longer than a line), with at most `max_lines` lines: a longer text
/// ends with "…". Newlines and control characters in `s` are treated as spaces.
pub fn wrap(s: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    measure::wrap(&one_line(s), max_px, font_px, false, max_lines).lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let lines = wrap(
            "Levelling up was undermined by government instability.",
            12.0,
            150.0,
            5,
        );
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(width(l, 12.0) <= 150.0, "{l}");
        }
        assert_eq!(
            lines.join(" "),
            "Levelling up was undermined by government instability."
        );
    }

    #[test]
    fn cuts_long_text_and_limits_lines() {
        let lines = wrap(&"word ".repeat(100), 10.0, 80.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn newlines_and_controls_become_spaces() {
        assert_eq!(one_line("a\nb\t\u{1}c  d"), "a b c d");
        assert!(wrap("", 12.0, 100.0, 3).iter().all(|l| l.is_empty()));
        assert_eq!(wrap("a\nb", 12.0, 100.0, 3), vec!["a b"]);
    }
}
