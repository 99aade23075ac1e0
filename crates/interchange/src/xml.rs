//! XML text for GraphML and GEXF: escaping for text and attribute values, and the
//! characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return;
//! U+FFFE and U+FFFF) replaced by U+FFFD, so that no input makes a document a parser
//! refuses and none injects markup.

use std::io::{self, Write};

use levelmap_model::date::PartialDate;

/// Whether XML 1.0 allows `c` in a document at all (its `Char` production; a Rust
/// `char` is never a surrogate).
#[cfg(test)]
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The character written for one XML 1.0 forbids (U+FFFD), in UTF-8.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// `s` escaped for element content: `&`, `<` and `>` as entities, forbidden characters
/// replaced by U+FFFD.
pub(crate) fn text(s: &str) -> String {
    escape(s, false)
}

/// `s` escaped for a double-quoted attribute value: as [`text`], and `"` and `'` as
/// entities, tab, line feed and carriage return as character references (an XML
/// parser would otherwise normalise them to spaces).
#[cfg(test)]
pub(crate) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = Vec::with_capacity(s.len() + 8);
    write_escaped(&mut out, s, in_attr).expect("writing to memory");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

/// [`text`] written straight to `w`.
pub(crate) fn write_text(w: &mut impl Write, s: &str) -> io::Result<()> {
    write_escaped(w, s, false)
}

/// [`attr`] written straight to `w`.
pub(crate) fn write_attr(w: &mut impl Write, s: &str) -> io::Result<()> {
    write_escaped(w, s, true)
}

/// The escaping of [`text`] and [`attr`], over bytes: runs that need nothing are
/// copied whole. The characters XML 1.0 forbids are the C0 controls but tab, line feed
/// and carriage return (one byte each in UTF-8) and U+FFFE, U+FFFF (`EF BF BE`,
/// `EF BF BF`); every other byte of valid UTF-8 passes as it is.
fn write_escaped(w: &mut impl Write, s: &str, in_attr: bool) -> io::Result<()> {
    let special = if in_attr {
        &ATTR_SPECIAL
    } else {
        &TEXT_SPECIAL
    };
    let b = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    loop {
        while i < b.len() && !special[usize::from(b[i])] {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let (with, len): (&[u8], usize) = match b[i] {
            b'&' => (b"&amp;", 1),
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'"' => (b"&quot;", 1),
            b'\'' => (b"&apos;", 1),
            b'\t' => (b"&#9;", 1),
            b'\n' => (b"&#10;", 1),
            b'\r' => (b"&#13;", 1),
            c if c < 0x20 => (REPLACEMENT, 1),
            // 0xEF: U+FFFE and U+FFFF are replaced; any other character passes.
            _ if b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)) => {
                (REPLACEMENT, 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        w.write_all(&b[run..i])?;
        w.write_all(with)?;
        i += len;
        run = i;
    }
    w.write_all(&b[run..])
}

/// The bytes [`write_escaped`] looks at in element content: `&`, `<`, `>`, the C0
/// controls but tab and line feed, and 0xEF (the lead byte of U+FFFE and U+FFFF).
static TEXT_SPECIAL: [bool; 256] = special_bytes(false);
/// The same in an attribute value: also `"`, `'`, tab and line feed.
static ATTR_SPECIAL: [bool; 256] = special_bytes(true);

const fn special_bytes(in_attr: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[b'\t' as usize] = in_attr;
    t[b'\n' as usize] = in_attr;
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = in_attr;
    t[b'\'' as usize] = in_attr;
    t[0xEF] = true;
    t
}

/// The first day of a partial date, `YYYY-MM-DD`: "2021" is 2021-01-01, "2021-09" is
/// 2021-09-01. GEXF's `timeformat="date"` and Neo4j's `date` type need a whole date.
pub(crate) fn first_day(d: PartialDate) -> String {
    let mut out = Vec::with_capacity(10);
    write_first_day(&mut out, d).expect("writing to memory");
    String::from_utf8(out).expect("ASCII")
}

/// [`first_day`] written straight to `w`.
pub(crate) fn write_first_day(w: &mut impl Write, d: PartialDate) -> io::Result<()> {
    let y = d.year_num();
    if !(0..=9999).contains(&y) {
        return write!(
            w,
            "{:04}-{:02}-{:02}",
            y,
            d.month_num().unwrap_or(1),
            d.day_num().unwrap_or(1)
        );
    }
    let y = y as u16;
    let (m, day) = (d.month_num().unwrap_or(1), d.day_num().unwrap_or(1));
    let digit = |n: u16| b'0' + (n % 10) as u8;
    w.write_all(&[
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(u16::from(m) / 10),
        digit(u16::from(m)),
        b'-',
        digit(u16::from(day) / 10),
        digit(u16::from(day)),
    ])
}

/// An XML `NMTOKEN` for an id (GraphML's ids are NMTOKENs): ASCII letters, digits,
/// `.`, `-` and `:` are kept; every other character, `_` included, is written `_HEX_`
/// (its code point in hexadecimal), so distinct ids stay distinct. levelmap's own node
/// ids (`actor:rachel-reeves`) are unchanged.
#[cfg(test)]
pub(crate) fn nmtoken(id: &str) -> String {
    let mut out = Vec::with_capacity(id.len());
    write_nmtoken(&mut out, id).expect("writing to memory");
    String::from_utf8(out).expect("ASCII")
}

/// [`nmtoken`] written straight to `w`.
pub(crate) fn write_nmtoken(w: &mut impl Write, id: &str) -> io::Result<()> {
    let keep = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':');
    if id.is_empty() {
        // Never the result of a non-empty id: there `_` always opens `_HEX_`.
        return w.write_all(b"_");
    }
    if id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'))
    {
        return w.write_all(id.as_bytes());
    }
    for c in id.chars() {
        if keep(c) {
            w.write_all(&[c as u8])?;
        } else {
            write!(w, "_{:X}_", c as u32)?;
        }
    }
    Ok(())
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
