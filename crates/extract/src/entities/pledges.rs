//! Housing targets named by their number: "to build 1.5 million new homes", "300,000
//! homes a year", "Reed will build 1.5m homes". In UK politics a number of homes in
//! the hundreds of thousands or millions, to be built, is a national target (the
//! annotation guide's 4.1: a policy may be named by what it pledges); a smaller one
//! is a council's or a developer's count, and a count of homes that stand ("1 million
//! homes with planning permission remain unbuilt") names nothing.

use std::sync::OnceLock;

use regex::Regex;

use crate::found::Found;
use crate::items::{Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

/// The lexicon's entry for housing targets (the background lexicon's).
const HOUSING_TARGETS: &str = "policy:housing-targets";

/// The smallest number of homes read as a national target.
const AT_LEAST: f64 = 100_000.0;

/// A number of homes: "1.5 million", "1.5m", "a million", "300,000" or "300000", then
/// at most one word of what kind ("new", "more", "affordable"...), then "homes" or
/// "houses".
fn homes_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|a|two|three)(?:\s?(m|million)\b)?\s+(?:(?:new|more|extra|additional|affordable|social|council)\s+)?(?:homes|houses)\b",
        )
        .expect("valid regex")
    })
}

/// What makes a number of homes a target: a word of building or pledging in its
/// sentence, or a time to build them by ("a year", "by 2029").
fn target_cue() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:build|builds|building|built|deliver|delivers|delivering|delivered|target|targets|pledge|pledged|pledges|promise|promised|promises|commitment|committed|goal|ambition)\b",
        )
        .expect("valid regex")
    })
}

/// Whether the words after a number of homes give a time to build them by.
fn by_a_time(after: &str) -> bool {
    let a = after.trim_start().to_ascii_lowercase();
    [
        "a year",
        "per year",
        "every year",
        "each year",
        "annually",
        "by 20",
    ]
    .iter()
    .any(|p| a.starts_with(p))
}

/// The number a match gives: its digits or word, times a million after "m" or
/// "million" (a word alone, "a homes", is no number).
fn homes_count(digits: &str, million: bool) -> Option<f64> {
    let n: f64 = match digits.to_ascii_lowercase().as_str() {
        "one" | "a" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        d if d.starts_with(|c: char| c.is_ascii_digit()) => d.replace(',', "").parse().ok()?,
        _ => return None,
    };
    if !million && !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(if million { n * 1_000_000.0 } else { n })
}

/// Mention the housing targets wherever a number of homes of at least [`AT_LEAST`] is
/// written as one to build ([`target_cue`], [`by_a_time`]), when the lexicon knows
/// the entry and nothing else is mentioned there.
pub(super) fn housing_targets(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    if !lex.entities.contains_key(HOUSING_TARGETS) {
        return;
    }
    let mut add = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        // Cheap test first: most sentences name no homes.
        if !s.norm.contains("homes") && !s.norm.contains("houses") {
            continue;
        }
        let cued = target_cue().is_match(&s.norm);
        for cap in homes_regex().captures_iter(&s.norm) {
            let (Some(all), Some(digits)) = (cap.get(0), cap.get(1)) else {
                continue;
            };
            let count = homes_count(digits.as_str(), cap.get(2).is_some());
            if count.is_none_or(|n| n < AT_LEAST) || !(cued || by_a_time(&s.norm[all.end()..])) {
                continue;
            }
            let taken = found
                .mentions
                .iter()
                .any(|m| m.sentence == si && m.start < all.end() && all.start() < m.end);
            if !taken {
                add.push(Mention {
                    id: HOUSING_TARGETS.to_string(),
                    sentence: si,
                    start: all.start(),
                    end: all.end(),
                    how: MentionHow::Lexicon,
                });
            }
        }
    }
    found.mentions.extend(add);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(s: &str) -> Vec<f64> {
        homes_regex()
            .captures_iter(s)
            .filter_map(|c| homes_count(c.get(1)?.as_str(), c.get(2).is_some()))
            .collect()
    }

    #[test]
    fn a_number_of_homes_is_read_with_its_scale() {
        assert_eq!(counts("to build 1.5 million new homes by 2029"), [1.5e6]);
        assert_eq!(counts("Reed will build 1.5m homes"), [1.5e6]);
        assert_eq!(counts("300,000 homes a year"), [300_000.0]);
        assert_eq!(counts("some 200,000 more homes"), [200_000.0]);
        assert_eq!(counts("the council built 450 homes"), [450.0]);
        assert_eq!(counts("to build a million homes"), [1e6]);
        assert!(counts("1.5 million people and 20 towns").is_empty());
        assert!(counts("a homes bill").is_empty());
        assert!(counts("homes for 300,000 people").is_empty());
    }
}
