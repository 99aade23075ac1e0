//! The English dictionary (SCOWL's British and American English lists, `data/dictionary/`): whether
//! a lowercase word is a common English word, so that a capitalised word opening a
//! sentence that is none ("Primark", "Whitbread") may be read as a name.

use std::sync::OnceLock;

/// The list, one lowercase word a line, sorted in byte order.
const WORDS: &str = include_str!("../../data/dictionary/english.txt");

/// Words of public life the list is older than, or lacks as common words.
const MORE: &[&str] = &[
    "covid",
    "coronavirus",
    "brexit",
    "internet",
    "online",
    "email",
];

fn words() -> &'static [&'static str] {
    static W: OnceLock<Vec<&'static str>> = OnceLock::new();
    W.get_or_init(|| WORDS.lines().collect())
}

/// Whether `lower` (a lowercase word) is a common English word.
pub(crate) fn is_word(lower: &str) -> bool {
    MORE.contains(&lower) || words().binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_is_sorted_lowercase_words() {
        let w = words();
        assert!(w.len() > 60_000);
        assert!(w.windows(2).all(|p| p[0] < p[1]), "sorted and unique");
        assert!(w.iter().all(|x| x.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn common_words_are_words_and_company_names_are_not() {
        for x in [
            "inflation",
            "levelling",
            "shelter",
            "crisis",
            "council",
            "covid",
        ] {
            assert!(is_word(x), "{x}");
        }
        for x in [
            "primark",
            "whitbread",
            "nuveen",
            "barratt",
            "tesco",
            "merkel",
        ] {
            assert!(!is_word(x), "{x}");
        }
    }
}
