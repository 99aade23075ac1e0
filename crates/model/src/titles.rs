//! Policy names inside the title of an office or a body: "the Shadow Secretary of
//! State for Energy Security and Net Zero", "Levelling Up Secretary Michael Gove",
//! "the Minister for Local Growth", "the Housing, Communities and Local Government
//! Committee" name a post or a body, not the policies in their words (the annotation
//! guide's 4.1: a policy is named or argued about). The one rule, read by the graph's
//! computed mentions and by the extractor.

/// Words that open an office's or a body's title and end with the preposition that
/// introduces its field ("Secretary of State for", "Department for").
const OPENERS: &[&str] = &[
    "Commissioner for ",
    "Committee on ",
    "Department for ",
    "Department of ",
    "Minister for ",
    "Minister of ",
    "Minister of State for ",
    "Ministry for ",
    "Ministry of ",
    "Secretary for ",
    "Secretary of State for ",
    "Spokesperson for ",
    "spokesperson for ",
    "spokesman for ",
    "spokeswoman for ",
];

/// Words that close an office's or a body's title after its field ("Levelling Up
/// Secretary", "Brexit minister", "Transport Committee").
const CLOSERS: &[&str] = &[
    "Committee",
    "Department",
    "Minister",
    "Secretary",
    "minister",
    "secretary",
    "spokesperson",
];

/// Whether `norm[start..end]`, a policy's name, is part of an office's or a body's
/// title: an [`OPENERS`] phrase before it, or a [`CLOSERS`] word after it, with only
/// capitalised words, commas and "and" between ("Secretary of State for Energy
/// Security and Net Zero", "Levelling Up, Housing and Communities Secretary").
pub fn in_a_title(norm: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (norm.get(..start), norm.get(end..)) else {
        return false;
    };
    opened(before) || closed(after)
}

/// Whether one of [`OPENERS`] ends `before`, allowing field words between.
fn opened(before: &str) -> bool {
    let field = field_prefix_len(before);
    let head = &before[..before.len() - field];
    OPENERS.iter().any(|o| head.ends_with(o))
}

/// Whether one of [`CLOSERS`] follows `after`'s field words.
fn closed(after: &str) -> bool {
    let mut rest = after;
    loop {
        let Some(r) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix(", ")) else {
            return false;
        };
        let word_len = r
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .unwrap_or(r.len());
        let word = &r[..word_len];
        if CLOSERS.contains(&word) {
            return true;
        }
        if !field_word(word) {
            return false;
        }
        rest = &r[word_len..];
    }
}

/// A word of a title's field: capitalised, "and" or "&".
fn field_word(w: &str) -> bool {
    w == "and" || w == "&" || w.starts_with(|c: char| c.is_uppercase())
}

/// The length of the field words (with their spaces and commas) that end `before`.
fn field_prefix_len(before: &str) -> usize {
    let mut n = 0;
    let mut rest = before;
    loop {
        let trimmed = rest.trim_end_matches(' ').trim_end_matches(',');
        if trimmed.len() == rest.len() {
            return n;
        }
        let start = trimmed
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[start..];
        if word.is_empty() || !field_word(word) {
            return n;
        }
        // The opener's own last word ("for", "of", "on") ends the field.
        n += rest.len() - start;
        rest = &trimmed[..start];
        if OPENERS.iter().any(|o| rest.ends_with(o)) {
            return n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(s: &str, name: &str) -> bool {
        let i = s.find(name).unwrap();
        in_a_title(s, i, i + name.len())
    }

    /// "Shadow Secretary of State for Energy Security and Net Zero" was drafted as
    /// naming the policies energy security and net zero.
    #[test]
    fn a_policy_named_in_an_office_title_was_drafted() {
        let s = "the Shadow Secretary of State for Energy Security and Net Zero said";
        assert!(titled(s, "Energy Security"));
        assert!(titled(s, "Net Zero"));
        for (s, n) in [
            ("Levelling Up Secretary Michael Gove said", "Levelling Up"),
            (
                "the Levelling Up, Housing and Communities Secretary, said",
                "Levelling Up",
            ),
            ("the Minister for Local Growth", "Local Growth"),
            (
                "the Department for Levelling Up, Housing and Communities",
                "Levelling Up",
            ),
            ("the former Brexit minister", "Brexit"),
        ] {
            assert!(titled(s, n), "{s}");
        }
        for (s, n) in [
            ("the Levelling Up Fund was cut", "Levelling Up Fund"),
            ("Net Zero is costly, the Secretary said", "Net Zero"),
            ("support for Net Zero from the Minister", "Net Zero"),
            ("levelling up secretly failed", "levelling up"),
        ] {
            assert!(!titled(s, n), "{s}");
        }
    }
}
