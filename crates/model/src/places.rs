//! When a place acts: the one rule, shared by the extractor and the graph's computed
//! mentions, by which a place name is an actor only where the place does something
//! political ("Greater Manchester bid for the fund", "Scotland voted to remain", "towns
//! like Margate are rushing to create councils"), not where it is only named ("jobs in
//! London", "a London-listed company"). The annotation guide's section 3.2 is the
//! definition; the extractor's place candidates build on these tests.

/// Words that may stand between a place and its verb: auxiliaries and adverbs.
pub const BETWEEN: &[&str] = &[
    "also",
    "already",
    "and",
    "are",
    "could",
    "did",
    "does",
    "finally",
    "had",
    "has",
    "have",
    "is",
    "jointly",
    "may",
    "might",
    "must",
    "now",
    "recently",
    "should",
    "then",
    "today",
    "was",
    "were",
    "will",
    "would",
    "yesterday",
];

/// Beginnings of the verbs by which a place acts politically.
pub const ACTING: &[&str] = &[
    "accept", "agree", "announc", "approv", "argu", "ask", "back", "bid", "block", "call",
    "campaign", "chose", "choos", "claim", "complain", "decid", "demand", "discuss", "elect",
    "impos", "insist", "introduc", "invest", "launch", "legislat", "lobb", "negotiat", "object",
    "offer", "oppos", "pledg", "promis", "propos", "push", "refus", "reject", "respond", "rush",
    "said", "say", "secur", "seek", "sign", "sought", "subsidis", "support", "switch", "threaten",
    "tried", "tries", "trying", "urg", "veto", "vote", "voting", "want", "warn", "won",
];

/// Plural nouns for groups of places, which a list of places may follow ("towns like").
pub const PLACE_GROUPS: &[&str] = &[
    "areas",
    "boroughs",
    "cities",
    "communities",
    "counties",
    "districts",
    "nations",
    "places",
    "regions",
    "towns",
    "villages",
];

/// Words that open a list of examples: "towns like", "areas such as".
const LIST_INTROS: &[&str] = &[" like ", " such as ", " including "];

/// Whether the place named at `norm[..end]` acts: a political verb follows.
pub fn acts(norm: &str, end: usize) -> bool {
    verb_follows(norm, end, ACTING)
}

/// Whether the place named at `norm[start..end]` acts: a political verb follows
/// it, or it is in a list of examples of a group of places that acts.
pub fn acts_at(norm: &str, start: usize, end: usize) -> bool {
    (acts(norm, end) && !after_preposition(norm, start))
        || in_acting_list(norm, start, end)
        || agent_of_a_passive(norm, start)
}

/// Participles of what a government does, whose agent after "by" acts: "schemes
/// currently run by the EU", "tariffs imposed by America", "a deal agreed by Wales".
const DONE_BY: &[&str] = &[
    "administered",
    "agreed",
    "approved",
    "awarded",
    "backed",
    "blocked",
    "controlled",
    "demanded",
    "financed",
    "funded",
    "granted",
    "imposed",
    "introduced",
    "levied",
    "managed",
    "negotiated",
    "offered",
    "opposed",
    "paid",
    "proposed",
    "rejected",
    "run",
    "set",
    "signed",
    "spent",
    "subsidised",
    "supported",
];

/// Whether the name at `norm[start..]` is the agent of a passive verb of
/// [`DONE_BY`]: "run by the EU" (an adverb may stand between: "funded directly by").
pub fn agent_of_a_passive(norm: &str, start: usize) -> bool {
    let mut before = norm[..start].split_whitespace().rev();
    let mut w = before.next().unwrap_or("");
    if w.eq_ignore_ascii_case("the") {
        w = before.next().unwrap_or("");
    }
    if w != "by" {
        return false;
    }
    let mut v = before.next().unwrap_or("");
    if v.ends_with("ly") {
        v = before.next().unwrap_or("");
    }
    DONE_BY.contains(&v)
}

/// Whether the name at `norm[start..]` follows a preposition ("Councils in the north
/// of England say", "Towns across Wales voted"): it names where the subject is, and
/// the verb is the subject's, not the place's.
pub fn after_preposition(norm: &str, start: usize) -> bool {
    let mut before = norm[..start].split_whitespace().rev().peekable();
    let mut w = before.next().unwrap_or("");
    if w.eq_ignore_ascii_case("the") {
        w = before.next().unwrap_or("");
    }
    // "homes in England and Wales, says": the second of two places joined by "and"
    // or "or" follows the first one's preposition.
    if matches!(w, "and" | "or" | "&") {
        let mut capitals = 0;
        while before
            .next_if(|c| {
                c.starts_with(|ch: char| ch.is_uppercase()) && !c.ends_with([',', ';', ':', '.'])
            })
            .is_some()
        {
            capitals += 1;
        }
        if capitals == 0 {
            return false;
        }
        w = before.next().unwrap_or("");
        if w.eq_ignore_ascii_case("the") {
            w = before.next().unwrap_or("");
        }
    }
    matches!(
        w,
        "in" | "of"
            | "from"
            | "across"
            | "throughout"
            | "for"
            | "to"
            | "at"
            | "within"
            | "outside"
            | "around"
            | "near"
            | "beyond"
            | "into"
            | "over"
            | "between"
            | "about"
            | "on"
            | "like"
    )
}

/// `rest` without an aside between commas that opens it in lowercase
/// (", on the south coast,"), as short as a phrase.
fn skip_aside(rest: &str) -> &str {
    let Some(r) = rest.strip_prefix(", ") else {
        return rest;
    };
    match r.find(',') {
        Some(i) if i <= 40 && r.starts_with(|c: char| c.is_lowercase()) => &r[i..],
        _ => rest,
    }
}

/// Whether one of `verbs` follows `norm[..end]`, after names, auxiliaries and an aside.
pub fn verb_follows(norm: &str, end: usize, verbs: &[&str]) -> bool {
    let rest = skip_aside(norm.get(end..).unwrap_or(""));
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return false;
    }
    let words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(6);
    for w in words {
        // Compared without allocating: the verbs and the words between are ASCII.
        let lw = w.trim_matches(|c: char| !c.is_alphanumeric());
        let b = lw.as_bytes();
        let starts =
            |v: &&str| b.len() >= v.len() && b[..v.len()].eq_ignore_ascii_case(v.as_bytes());
        if verbs.iter().any(starts) && !noun_ending_ci(b) {
            return true;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || BETWEEN.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(b))) {
            return false;
        }
        // "Brighton and Hove City Council approved": the verb is the body's.
        if capital && BODY_HEADS.contains(&lw) {
            return false;
        }
    }
    false
}

/// Heads of the names of bodies: a place followed by one ("Brighton and Hove City
/// Council", "Wales Office") is part of the body's name, and the verb after it the
/// body's.
const BODY_HEADS: &[&str] = &[
    "Agency",
    "Assembly",
    "Authority",
    "Board",
    "Commission",
    "Committee",
    "Council",
    "Councils",
    "Department",
    "Executive",
    "Government",
    "Ministry",
    "Office",
    "Parliament",
    "Partnership",
    "Party",
    "Trust",
    "University",
];

/// Whether a word that opens like a verb ends like a noun or adjective made from it
/// ("voters", "election", "proposal", "supporters"), in any ASCII case: not the verb.
fn noun_ending_ci(b: &[u8]) -> bool {
    NOUN_ENDINGS
        .iter()
        .any(|e| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes()))
}

/// Endings of nouns and adjectives made from a verb ("voters", "election",
/// "electricity", "electric", "agreement").
const NOUN_ENDINGS: &[&str] = &[
    "er", "ers", "ion", "ions", "al", "als", "orate", "or", "ors", "ity", "ities", "ic", "ics",
    "ment", "ments",
];

/// Whether `w` may be a word of a place's name in a list ("St", "Clacton-on-Sea").
fn list_word(w: &str) -> bool {
    matches!(w, "and" | "the") || w.starts_with(|c: char| c.is_uppercase())
}

/// The last list intro in `s` (" like ", " such as ", " including "): its byte
/// offset and text, as the greatest `s.rfind(intro)` over the intros gives it. Every
/// intro opens with a space, so only spaces are tried, from the right, each first by
/// the byte after it; this builds no substring searcher per call (a sentence is tried
/// once per place it names).
pub fn last_list_intro(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    memchr::memrchr_iter(b' ', b).find_map(|at| {
        // The byte after the space first: most spaces open no intro.
        let next = *b.get(at + 1)?;
        LIST_INTROS
            .iter()
            .find(|i| i.as_bytes()[1] == next && b[at..].starts_with(i.as_bytes()))
            .map(|i| (at, *i))
    })
}

/// Whether `s` holds any of [`LIST_INTROS`] (`last_list_intro(s).is_some()`): one
/// vectorised substring search per intro instead of a look at every space.
pub fn has_list_intro(s: &str) -> bool {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    FINDERS
        .get_or_init(|| {
            LIST_INTROS
                .iter()
                .map(memchr::memmem::Finder::new)
                .collect()
        })
        .iter()
        .any(|f| f.find(s.as_bytes()).is_some())
}

/// Where the list of examples holding `norm[start..]` opens: the end of "like"
/// (or "such as", "including") when only names, commas, "and" and "the" stand
/// between.
fn list_intro_before(norm: &str, start: usize) -> Option<usize> {
    let before = norm.get(..start)?;
    let (at, intro) = last_list_intro(before)?;
    let between = &before[at + intro.len()..];
    between
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(list_word)
        .then_some(at)
}

/// The end of the list of names that goes on from `end` (", the South Wales
/// Valleys and Northern England").
fn list_end(norm: &str, mut end: usize) -> usize {
    loop {
        let rest = &norm[end..];
        let Some(after) = [", and ", " and ", ", "]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
        else {
            return end;
        };
        let item = after.strip_prefix("the ").unwrap_or(after);
        let item_start = norm.len() - item.len();
        let len = cap_words_len(item);
        if len == 0 {
            return end;
        }
        end = item_start + len;
    }
}

/// The length of the capitalised words, one space apart, that open `s`.
fn cap_words_len(s: &str) -> usize {
    let mut len = 0;
    let mut at = 0;
    for w in s.split(' ') {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        len = at + word.len();
        if word.len() < w.len() {
            break;
        }
        at += w.len() + 1;
    }
    len
}

/// Whether `norm[start..end]` is named in a list of examples of a group of places
/// ("towns like ...") that acts: a political verb follows the list, or the group is
/// trying, seeking or wanting something before it.
pub fn in_acting_list(norm: &str, start: usize, end: usize) -> bool {
    let Some(at) = list_intro_before(norm, start) else {
        return false;
    };
    let clause = norm[..at]
        .rsplit([';', '.', ':'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(g) = words
        .iter()
        .rev()
        .take(12)
        .position(|w| PLACE_GROUPS.contains(w))
    else {
        return false;
    };
    let after_group = &words[words.len() - g..];
    acts(norm, list_end(norm, end))
        || after_group
            .iter()
            .any(|w| ACTING.iter().any(|v| w.starts_with(v)) && w.ends_with("ing"))
}

/// Whether the place named at `norm[start..end]` is only part of a longer
/// capitalised name, a capitalised word right before or after it: "the South Wales
/// Valleys" is not Wales, nor "Northern England" England.
pub fn inside_longer_name(norm: &str, start: usize, end: usize) -> bool {
    let cap_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_stopword(&w.to_lowercase())
    };
    let before = norm[..start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(cap_word);
    let after = norm[end..]
        .strip_prefix(' ')
        .and_then(|a| a.split(' ').next())
        .is_some_and(cap_word);
    before || after
}

/// Whether `w` (lowercase) is one of the [`STOPWORDS`].
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Whether the place named at `norm[start..end]` is an actor there: it acts
/// ([`acts_at`]) and is not a word of a longer name ([`inside_longer_name`]).
pub fn place_acts(norm: &str, start: usize, end: usize) -> bool {
    acts_at(norm, start, end) && !inside_longer_name(norm, start, end)
}

/// English function words and very common words (lowercase).
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "quite",
    "rather",
    "same",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "whilst",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "also",
    "already",
    "new",
    "way",
    "ways",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "third",
    "last",
    "next",
    "still",
    "therefore",
    "indeed",
    "moreover",
    "yes",
    "get",
    "got",
    "say",
    "says",
    "said",
    "take",
    "taken",
    "put",
    "set",
    "see",
    "seen",
    "use",
    "used",
    "using",
    "need",
    "needs",
    "able",
    "cannot",
    "can't",
    "don't",
    "won't",
    "it's",
    "that's",
    "there's",
    "let",
    "lets",
    "via",
    "onto",
    "whereas",
    "nevertheless",
    "nonetheless",
    "instead",
    "including",
    "particularly",
    "especially",
    "given",
    "far",
    "around",
    "amongst",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// "High electricity prices ... are factors" made "High" a place that acts: a
    /// noun that opens like a verb ("elect") was read as the verb.
    #[test]
    fn a_noun_opening_like_a_verb_made_a_place_act() {
        let verbs = ["elect", "vote", "approv"];
        for s in [
            "High electricity prices, rising costs and competition are factors.",
            "Leeds electric buses run late.",
            "Hull voters stayed home.",
        ] {
            let end = s.find(' ').unwrap();
            assert!(!verb_follows(s, end, &verbs), "{s}");
        }
        assert!(verb_follows("Hull voted to leave.", 4, &verbs));
        assert!(verb_follows("Hull elected a mayor.", 4, &verbs));
    }

    fn at(s: &str, place: &str) -> bool {
        let i = s.find(place).unwrap_or(0);
        acts(s, i + place.len())
    }

    #[test]
    fn last_list_intro_is_the_last_rfind_of_any_intro() {
        for s in [
            "Towns like Margate, such as Clacton, including Hull and",
            "such as the North including Wigan like",
            " like ",
            "no intro here",
            "",
            "unlike Wigan, such asWigan",
        ] {
            let want = LIST_INTROS
                .iter()
                .filter_map(|i| s.rfind(i).map(|at| (at, *i)))
                .max();
            assert_eq!(last_list_intro(s), want, "{s:?}");
            assert_eq!(has_list_intro(s), want.is_some(), "{s:?}");
        }
    }

    /// "building 80% of new homes in England and Wales, says there has been no
    /// help" made Wales speak: the second of two places joined by "and" was not
    /// seen to follow the first one's preposition.
    #[test]
    fn a_place_joined_to_one_after_a_preposition_was_read_as_acting() {
        let acting = |t: &str, place: &str| {
            let i = t.rfind(place).unwrap_or(0);
            acts_at(t, i, i + place.len())
        };
        let t =
            "The body, which builds 80% of new homes in England and Wales, says there is no help.";
        assert!(!acting(t, "Wales"));
        let t = "The chair of the Federation for England and Wales, said the cuts will go on.";
        assert!(!acting(t, "Wales"));
        assert!(acting(
            "Leeds and Bradford voted against the plan.",
            "Bradford"
        ));
        assert!(acting(
            "After the vote, Leeds and Bradford said no.",
            "Bradford"
        ));
    }

    #[test]
    fn a_place_acts_only_with_a_political_verb() {
        assert!(at(
            "Greater Manchester bid for the fund.",
            "Greater Manchester"
        ));
        assert!(at("Scotland voted to remain.", "Scotland"));
        assert!(at("Wales has also demanded more powers.", "Wales"));
        assert!(at("Wales and Scotland have rejected the bill.", "Wales"));
        assert!(!at("Jobs in London grew fast.", "London"));
        assert!(!at("London's mayor said no.", "London"));
        assert!(!at("The North of England lags behind.", "North of England"));
        assert!(!at(
            "Investment in Scotland and elsewhere fell.",
            "Scotland"
        ));
        assert!(at(
            "Weymouth, on the south coast, approved a plan.",
            "Weymouth"
        ));
        assert!(!at("Wales, for example, has a parliament.", "Wales"));
        assert!(!at("Scotland voters will react.", "Scotland"));
        // A body named after the place (and another) acts, not the place.
        assert!(!at(
            "Brighton and Hove City Council approved the plan.",
            "Brighton"
        ));
        assert!(!at("Wales Office officials agreed.", "Wales"));
        assert!(at("Scotland and Wales have agreed.", "Scotland"));
    }

    /// "The EU is discussing a Made in Europe strategy", "regeneration schemes
    /// currently run by the EU": a union of states that discusses, invests or runs
    /// schemes acts, and was dropped as a place only named.
    #[test]
    fn the_eu_discussing_or_running_schemes_was_a_place_only_named() {
        let at_ = |s: &str, place: &str| {
            let i = s.find(place).unwrap_or(0);
            acts_at(s, i, i + place.len())
        };
        assert!(at_("The EU is discussing a Made in Europe strategy.", "EU"));
        assert!(at_("Norway invested its oil revenue abroad.", "Norway"));
        assert!(at_(
            "It will take over regeneration schemes currently run by the EU.",
            "EU"
        ));
        assert!(at_("Tariffs imposed by America hurt exporters.", "America"));
        assert!(!at_("The train was delayed by Wales's storms.", "Wales"));
        assert!(!at_("Exports to the EU fell by a third.", "EU"));
        assert!(!at_("The plan was drawn up by 2020 in London.", "London"));
    }

    #[test]
    fn a_place_inside_a_longer_name_was_taken_for_that_name() {
        let s = "areas such as Cornwall, the South Wales Valleys and Northern England voted";
        for (place, inside) in [("Cornwall", false), ("Wales", true), ("England", true)] {
            let i = s.find(place).unwrap();
            assert_eq!(inside_longer_name(s, i, i + place.len()), inside, "{place}");
        }
        let s = "In Wales, and in England as well, voters agreed";
        for place in ["Wales", "England"] {
            let i = s.find(place).unwrap();
            assert!(!inside_longer_name(s, i, i + place.len()), "{place}");
        }
    }

    /// "Councils in the north of England say ..." made England an actor.
    #[test]
    fn a_place_after_a_preposition_was_taken_for_the_subject() {
        for (s, place) in [
            (
                "Councils in the north of England say the process failed.",
                "England",
            ),
            ("Towns across Wales voted to leave.", "Wales"),
            (
                "Firms from Greater Manchester have backed the bid.",
                "Greater Manchester",
            ),
        ] {
            assert!(!listed(s, place), "{s}");
        }
        assert!(listed("Scotland and Wales voted to remain.", "Wales"));
        assert!(listed("In 2016 Wales voted to leave.", "Wales"));
    }

    fn listed(s: &str, place: &str) -> bool {
        let i = s.find(place).unwrap_or(0);
        acts_at(s, i, i + place.len())
    }

    #[test]
    fn a_place_in_a_list_acts_when_its_group_does() {
        let s = "Areas which had been supported by EU funding, such as Cornwall, the South Wales Valleys and Northern England, had voted to leave.";
        assert!(listed(s, "Cornwall"));
        assert!(listed(s, "Northern England"));
        assert!(listed(
            "Towns like Margate are rushing to create councils.",
            "Margate"
        ));
        assert!(listed(
            "Some of the places trying to create them, like Guildford and St Albans, are wealthy.",
            "St Albans"
        ));
        assert!(!listed(
            "Big cities like London and Leeds are organised like this.",
            "Leeds"
        ));
        let s = "People like Margate are rushing.";
        assert!(!in_acting_list(s, 12, 19));
    }
}
