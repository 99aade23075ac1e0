//! Text shown to people on a terminal: control characters (C0, DEL, C1) and the
//! bidirectional formatting characters written as visible escapes (`\u{1b}`), so that
//! data cannot move the cursor, change colours, open hyperlinks or reorder what is
//! printed. Machine formats (JSON, CSV) keep the data as it is.

use std::borrow::Cow;

/// Whether `c` acts on a terminal instead of showing: C0 controls but the newline,
/// DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{9}'
            | '\u{b}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with every [`is_hidden`] character written as `\u{..}` (lowercase hex);
/// borrowed when there is none (most text). Newlines are kept: they are layout.
pub fn visible(text: &str) -> Cow<'_, str> {
    // Printable ASCII and newlines, the common case, need no look at characters.
    if text
        .bytes()
        .all(|b| b == b'\n' || (0x20..0x7f).contains(&b))
        || !text.chars().any(is_hidden)
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_osc_and_bidi_overrides_are_made_visible() {
        let s = "a\u{1b}[31mred\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7} \u{202e}olleh\u{2066}\r\t\u{85}\u{7f}\nnext";
        assert_eq!(
            visible(s),
            "a\\u{1b}[31mred\\u{1b}]8;;http://x\\u{7}link\\u{1b}]8;;\\u{7} \\u{202e}olleh\\u{2066}\\u{d}\\u{9}\\u{85}\\u{7f}\nnext"
        );
        assert!(matches!(visible("plain é – text\n"), Cow::Borrowed(_)));
        assert_eq!(
            visible(&visible(s)),
            visible(s),
            "escaping twice changes nothing"
        );
    }
}
