//! Generic groups are not actors: "local authorities", "councils", "voters",
//! "businesses" name a kind of body or people, not one that acts as one
//! (docs/annotation-guide.md 3.5). The one list, read by the extractor (which drops
//! such a mention or turns it into the institution it names) and by the graph's
//! computed mentions (which link no actor by such a word).

use crate::suggest::fold;

/// Plural or collective common nouns that name a kind of actor, never one actor.
pub const GROUPS: &[&str] = &[
    "authorities",
    "businesses",
    "combined authorities",
    "councillors",
    "charities",
    "councils",
    "communities",
    "county councils",
    "developers",
    "district councils",
    "employers",
    "firms",
    "households",
    "housebuilders",
    "housing associations",
    "investors",
    "landlords",
    "local authorities",
    "local authority",
    "local planning authorities",
    "local planning authority",
    "local communities",
    "local councils",
    "local government",
    "local leaders",
    "metro mayors",
    "mayors",
    "parish councils",
    "planning authorities",
    "residents",
    "strategic authorities",
    "taxpayers",
    "town councils",
    "trade union",
    "trade unions",
    "unions",
    "unitary authorities",
    "unitary councils",
    "universities",
    "voters",
];

/// The longest folded text that may name a group: "the " and the longest of [`GROUPS`].
const GROUP_MAX: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < GROUPS.len() {
        if GROUPS[i].len() > longest {
            longest = GROUPS[i].len();
        }
        i += 1;
    }
    4 + longest
};

/// `fold(text)` for ASCII text, when it is at most [`GROUP_MAX`] bytes long, written
/// into `buf` without allocating; `None` when it is longer (then it names no group).
fn fold_ascii_short<'b>(text: &str, buf: &'b mut [u8; GROUP_MAX]) -> Option<&'b str> {
    let mut n = 0;
    let mut gap = false;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && n > 0 {
                *buf.get_mut(n)? = b' ';
                n += 1;
            }
            gap = false;
            *buf.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
        } else if b != b'\'' {
            gap = true;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The group a mention's text names, if it is one: folded, without "the".
pub fn group_of(text: &str) -> Option<String> {
    if text.is_ascii() {
        let mut buf = [0u8; GROUP_MAX];
        let f = fold_ascii_short(text, &mut buf)?;
        let f = f.strip_prefix("the ").unwrap_or(f);
        return GROUPS.contains(&f).then(|| f.to_string());
    }
    let f = fold(text);
    let f = f.strip_prefix("the ").unwrap_or(&f).to_string();
    GROUPS.contains(&f.as_str()).then_some(f)
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_ascii_short, group_of, GROUPS, GROUP_MAX};

    #[test]
    fn fold_ascii_short_is_fold_on_short_ascii_text() {
        let mut texts: Vec<String> = [
            "",
            "'",
            "The Local  Authorities",
            "the unitary authorities's",
            "  --Metro-Mayors' (2024) ",
            "Kent County Council",
            "the 'local' councils",
            "a b c d e f g h i j k l",
            "abcdefghijklmnopqrstuvwxy",
            "abcdefghijklmnopqrstuvwxyz",
            "The Strategic Authorities",
            "the strategic authorities!",
            "the strategic authoritiesx",
        ]
        .map(String::from)
        .to_vec();
        texts.push((0..=127u8).map(char::from).collect());
        for t in &texts {
            let mut buf = [0u8; GROUP_MAX];
            let f = fold(t);
            let want = (f.len() <= GROUP_MAX).then_some(f.as_str());
            assert_eq!(fold_ascii_short(t, &mut buf), want, "{t:?}");
        }
        assert!(GROUPS.iter().all(|g| 4 + g.len() <= GROUP_MAX));
        assert_eq!(
            group_of("the Strategic Authorities").as_deref(),
            Some("strategic authorities")
        );
    }

    #[test]
    fn generic_groups_are_recognised_in_any_case_with_or_without_the() {
        assert_eq!(
            group_of("local authorities").as_deref(),
            Some("local authorities")
        );
        assert_eq!(group_of("The Councils").as_deref(), Some("councils"));
        assert_eq!(group_of("Kent County Council"), None);
        assert_eq!(group_of("the government"), None);
        assert_eq!(group_of("devolved administrations"), None);
        assert_eq!(
            group_of("Local Planning Authorities").as_deref(),
            Some("local planning authorities")
        );
        assert_eq!(group_of("Trade Union").as_deref(), Some("trade union"));
    }
}
