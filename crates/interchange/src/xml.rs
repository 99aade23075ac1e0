//! XML text for GraphML and GEXF: escaping for text and attribute values, and the
//! characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return;
//! U+FFFE and U+FFFF) replaced by U+FFFD, so that no input makes a document a parser
//! refuses and none injects markup.

use levelmap_model::date::PartialDate;

/// Whether XML 1.0 allows `c` in a document at all (its `Char` production; a Rust
/// `char` is never a surrogate).
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The character written for one XML 1.0 forbids.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// `s` escaped for element content: `&`, `<` and `>` as entities, forbidden characters
/// replaced by U+FFFD.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// `s` escaped for a double-quoted attribute value: as [`text`], and `"` and `'` as
/// entities, tab, line feed and carriage return as character references (an XML
/// parser would otherwise normalise them to spaces).
pub(crate) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !allowed(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

/// The first day of a partial date, `YYYY-MM-DD`: "2021" is 2021-01-01, "2021-09" is
/// 2021-09-01. GEXF's `timeformat="date"` and Neo4j's `date` type need a whole date.
pub(crate) fn first_day(d: PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.year_num(),
        d.month_num().unwrap_or(1),
        d.day_num().unwrap_or(1)
    )
}

/// An XML `NMTOKEN` for an id (GraphML's ids are NMTOKENs): ASCII letters, digits,
/// `.`, `-` and `:` are kept; every other character, `_` included, is written `_HEX_`
/// (its code point in hexadecimal), so distinct ids stay distinct. levelmap's own node
/// ids (`actor:rachel-reeves`) are unchanged.
pub(crate) fn nmtoken(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':') {
            out.push(c);
        } else {
            out.push_str(&format!("_{:X}_", c as u32));
        }
    }
    if out.is_empty() {
        // Never the result of a non-empty id: there `_` always opens `_HEX_`.
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_never_pass_through() {
        assert_eq!(text("a<b>&c\u{7}d"), "a&lt;b&gt;&amp;c\u{FFFD}d");
        assert_eq!(
            attr("\"x\" 'y'\n\tz\r"),
            "&quot;x&quot; &apos;y&apos;&#10;&#9;z&#13;"
        );
        assert_eq!(text("line\nbreak\ttab"), "line\nbreak\ttab");
        assert_eq!(
            text("\u{0}\u{1F}\u{FFFE}\u{FFFF}é🚀"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}é🚀"
        );
        assert!(!allowed('\u{8}') && allowed('\u{7F}') && allowed('\u{85}'));
    }

    #[test]
    fn nmtokens_keep_levelmap_ids_and_separate_the_rest() {
        assert_eq!(nmtoken("actor:rachel-reeves"), "actor:rachel-reeves");
        assert_eq!(nmtoken("a b"), "a_20_b");
        assert_eq!(nmtoken("a_b"), "a_5F_b");
        assert_ne!(nmtoken("a_20_b"), nmtoken("a b"));
        assert_eq!(nmtoken("x->y#2"), "x-_3E_y_23_2");
        assert_eq!(nmtoken(""), "_");
    }

    #[test]
    fn partial_dates_start_on_their_first_day() {
        let d = |s: &str| first_day(s.parse().unwrap());
        assert_eq!(d("2021"), "2021-01-01");
        assert_eq!(d("2021-09"), "2021-09-01");
        assert_eq!(d("2021-09-14"), "2021-09-14");
    }
}
