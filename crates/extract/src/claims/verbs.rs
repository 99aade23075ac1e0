//! A claim's stance toward one policy read from the verb that governs it: "scrap the
//! Towns Fund", "resist calls for road-building", "austerity ... must end" are against
//! it; "invest in active travel", "calls for HS2 in full" are for it, whatever the
//! sentence's words of feeling say ("mismanagement" made "austerity must end" read
//! as for austerity).

use levelmap_model::Stance;

/// Verbs and phrases right before a policy (after an optional determiner) that are
/// against it. Longer phrases first where one ends another ("resist calls for" before
/// "calls for").
const AGAINST_BEFORE: &[&str] = &[
    "resist calls for",
    "resisting calls for",
    "opposed to",
    "opposition to",
    "an end to",
    "end to",
    "abolition of",
    "abolish",
    "abolishing",
    "scrap",
    "scrapping",
    "scrapped",
    "axe",
    "axing",
    "ditch",
    "ditching",
    "halt",
    "halting",
    "stop",
    "stopping",
    "reverse",
    "reversing",
    "cancel",
    "cancelling",
    "repeal",
    "repealing",
    "oppose",
    "opposing",
    "against",
    "end",
    "ending",
    "replace",
    "replacing",
    "abandon",
    "abandoning",
    "shelve",
    "shelving",
    "tear up",
    "tearing up",
    "rip up",
    "ripping up",
    "water down",
    "watering down",
    "get rid of",
    "getting rid of",
    "do away with",
    "doing away with",
    "slow down",
    "slowing down",
    "rein in",
    "reining in",
];

/// Verbs and phrases right before a policy that are for it.
const FOR_BEFORE: &[&str] = &[
    "calls for",
    "call for",
    "calling for",
    "support for",
    "backing for",
    "in favour of",
    "invest in",
    "investing in",
    "investment in",
    "expand",
    "expanding",
    "extend",
    "extending",
    "protect",
    "protecting",
    "restore",
    "restoring",
    "reinstate",
    "reinstating",
    "deliver",
    "delivering",
    "fund and build",
    "build",
];

/// What a policy is told to do after it, in the same clause: "must end", "must go"
/// (being undone, "should be scrapped", is [`told_to_go`]'s).
const AGAINST_AFTER: &[&str] = &[
    "must end",
    "should end",
    "must stop",
    "should stop",
    "must go",
];

const DETERMINERS: &[&str] = &[
    "the ", "a ", "an ", "its ", "their ", "our ", "this ", "any ", "all ",
];

/// The stance a verb gives the policy `id` named at `norm[start..end]`, if one governs
/// it. A negation just before the verb ("not to scrap", "won't end") leaves it unread,
/// and so does a verb that is the policy's own first word ("end fire and rehire" is
/// the policy "end fire and rehire", found by its last words).
pub(super) fn stance_from_verb(norm: &str, start: usize, end: usize, id: &str) -> Option<Stance> {
    let slug = id.split_once(':').map_or(id, |(_, s)| s);
    let lower_before = norm.get(..start)?.to_ascii_lowercase();
    // "scrap the Towns Fund", "calls for a new HS2": one determiner between.
    let before = without_determiner(lower_before.trim_end());
    let governs = |p: &&str| {
        let own = || {
            slug.strip_prefix(&p.replace(' ', "-"))
                .is_some_and(|r| r.starts_with('-'))
        };
        before
            .strip_suffix(*p)
            .is_some_and(|rest| (rest.is_empty() || rest.ends_with(' ')) && !negated(rest))
            && !own()
    };
    if AGAINST_BEFORE.iter().any(governs) {
        return Some(Stance::Against);
    }
    if FOR_BEFORE.iter().any(governs) {
        return Some(Stance::For);
    }
    let after = norm.get(end..)?.to_ascii_lowercase();
    // The policy's own clause: up to a comma, semicolon or dash, at most ten words.
    let clause = after
        .split([',', ';', '\u{2013}', '\u{2014}', '.'])
        .next()
        .unwrap_or("");
    let clause: String = clause
        .split_whitespace()
        .take(10)
        .collect::<Vec<_>>()
        .join(" ");
    (AGAINST_AFTER.iter().any(|p| clause.contains(p)) || told_to_go(&clause))
        .then_some(Stance::Against)
}

/// Modal verbs that tell a policy what to undergo: "HS2 must be opposed", "the
/// scheme needs to be paused".
const MODALS: &[&str] = &[
    "must", "should", "needs to", "need to", "ought to", "has to", "have to",
];

/// What a policy undergoes that ends or stalls it, after a modal and "be".
const UNDONE: &[&str] = &[
    "opposed",
    "stopped",
    "dropped",
    "paused",
    "rethought",
    "reconsidered",
    "slowed",
    "scaled back",
    "scrapped",
    "abolished",
    "reversed",
    "axed",
    "cancelled",
    "ditched",
    "replaced",
    "abandoned",
    "shelved",
    "repealed",
    "halted",
    "resisted",
    "rejected",
];

/// Whether the clause after a policy tells it, by a modal not negated, to be undone
/// ([`UNDONE`]): "must be opposed", "should now be scrapped".
fn told_to_go(clause: &str) -> bool {
    MODALS.iter().any(|m| {
        clause.match_indices(m).any(|(at, _)| {
            let before_ok = at == 0 || !clause.as_bytes()[at - 1].is_ascii_alphanumeric();
            let rest = clause[at + m.len()..].trim_start();
            let rest = rest.strip_prefix("now ").unwrap_or(rest);
            let rest = rest.strip_prefix("also ").unwrap_or(rest);
            before_ok
                && rest
                    .strip_prefix("be ")
                    .is_some_and(|r| UNDONE.iter().any(|u| r.starts_with(u)))
        })
    })
}

/// A stance stated on the policy at `norm[start..]` by the words right before it, as
/// reported speech gives it: "said he is 'totally against Liveable Streets'", "said
/// she supports the scheme", "does not support Liveable Streets" (against), "is in
/// favour of HS2". A determiner and an opening quote mark may stand between; an
/// intensifier stands before the stance word ("totally against").
pub(super) fn stated_stance(norm: &str, start: usize) -> Option<Stance> {
    const FOR: &[&str] = &[
        "supports",
        "support",
        "supporting",
        "backs",
        "back",
        "backing",
        "in favour of",
        "supportive of",
        "welcomes",
        "welcome",
    ];
    const AGAINST: &[&str] = &["against", "opposes", "oppose", "opposed to", "opposing"];
    let lower = norm.get(..start)?.to_ascii_lowercase();
    let before = without_determiner(
        lower
            .trim_end()
            .trim_end_matches(['\'', '"', '\u{2018}', '\u{201c}'])
            .trim_end(),
    );
    let word_end = |p: &str| {
        before
            .strip_suffix(p)
            .filter(|rest| rest.is_empty() || rest.ends_with(' ') || rest.ends_with('\u{2018}'))
    };
    if let Some(rest) = FOR.iter().find_map(|p| word_end(p)) {
        return Some(if negated(rest) {
            Stance::Against
        } else {
            Stance::For
        });
    }
    AGAINST
        .iter()
        .find_map(|p| word_end(p))
        .filter(|rest| !negated(rest))
        .map(|_| Stance::Against)
}

/// `before` (trimmed) without the one determiner that may end it ("scrap the").
fn without_determiner(before: &str) -> &str {
    DETERMINERS
        .iter()
        .find_map(|d| {
            before
                .strip_suffix(d.trim_end())
                .filter(|b| b.is_empty() || b.ends_with(' '))
        })
        .map_or(before, str::trim_end)
}

/// Words before a policy, in its clause and at most eight words before it, that say
/// it is missing, short or taken away ("the lack of an industrial strategy", "not
/// enough social housing", "the failure by successive governments to build genuinely
/// affordable social homes", "fall short of affordable housing targets", "cuts to Sure
/// Start"): a sentence that deplores that is for the policy. "failure of X", where X
/// is what failed, is none of these.
const MISSING_BEFORE: &[&str] = &[
    "lack of",
    "lack any",
    "absence of",
    "shortage of",
    "shortfall in",
    "not enough",
    "too little",
    "too few",
    "fall short of",
    "falls short of",
    "fell short of",
    "falling short of",
    "cuts to",
    "cuts in",
    "cut to",
    "cut in",
    "delay to",
    "delays to",
    "loss of",
    "without",
    "need for",
    "benefit of",
];

/// Whether the policy at `norm[start..]` is named as missing or taken away: one of
/// [`MISSING_BEFORE`] in the eight words before it and its clause, or "failure" or
/// "failed" with a "to" after it ("failure to build", "failed to deliver").
pub(super) fn named_as_missing(norm: &str, start: usize) -> bool {
    let Some(before) = norm.get(..start) else {
        return false;
    };
    let clause = before
        .rfind([',', ';', ':', '(', '\u{2013}', '\u{2014}'])
        .map_or(before, |c| &before[c + 1..]);
    // The last eight words of the clause, lowered, one space between words (one
    // allocation: this runs for every policy of a negative claim).
    let mut words: Vec<&str> = clause.split_whitespace().rev().take(8).collect();
    words.reverse();
    let mut near = String::with_capacity(clause.len().min(120) + 2);
    near.push(' ');
    for w in words {
        near.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        near.push(' ');
    }
    // The first place `p` stands as whole words in `near`.
    let at = |p: &str| {
        let b = near.as_bytes();
        near.match_indices(p)
            .map(|(i, _)| i)
            .find(|&i| b[i - 1] == b' ' && b.get(i + p.len()) == Some(&b' '))
    };
    MISSING_BEFORE.iter().any(|p| at(p).is_some())
        || ["failure", "failures", "failed", "fail", "fails", "failing"]
            .iter()
            .any(|f| at(f).is_some_and(|i| near[i - 1..].contains(" to ")))
}

/// Whether the words before a verb negate it: "not", "never", "n't", "no longer".
fn negated(rest: &str) -> bool {
    let rest = rest.trim_end();
    let rest = rest.strip_suffix(" to").unwrap_or(rest);
    ["not", "never", "n't", "no longer", "nor"]
        .iter()
        .any(|n| rest.ends_with(n))
}

#[cfg(test)]
mod tests {
    use super::{named_as_missing, stance_from_verb, stated_stance};

    /// A policy deplored as missing or short was read as opposed ("There is simply
    /// not enough social housing across our borough", "Decades of failure by
    /// successive governments to build genuinely affordable social homes").
    #[test]
    fn a_policy_named_as_missing_or_short_is_told_apart_from_one_that_failed() {
        let at = |s: &str, p: &str| named_as_missing(s, s.find(p).unwrap());
        assert!(at(
            "There is simply not enough social housing across our borough.",
            "social"
        ));
        assert!(at(
            "Decades of failure by successive governments to build genuinely affordable social homes.",
            "social"
        ));
        assert!(at(
            "Developers fall short of affordable housing targets.",
            "affordable"
        ));
        assert!(at(
            "They are chafing at the delay to the defence investment plan.",
            "defence"
        ));
        assert!(at(
            "The lack of an industrial strategy hurts.",
            "industrial"
        ));
        // What failed, and a shortfall in another clause, are not missing.
        assert!(!at("The failure of HS2 is plain.", "HS2"));
        assert!(!at("There are not enough buses, and HS2 is late.", "HS2"));
        assert!(!at("HS2 is late.", "HS2"));
    }

    /// "HS2 ... must be opposed" and "Labour needs to slow down its clean-power mission"
    /// read as for the policy: a recommendation names what it is for.
    #[test]
    fn a_policy_told_to_be_opposed_or_slowed_was_read_as_recommended() {
        let against = |s: &str, p: &str, id: &str| {
            let a = s.find(p).unwrap();
            stance_from_verb(s, a, a + p.len(), id)
        };
        assert_eq!(
            against(
                "HS2 is a project that must be opposed by the party.",
                "HS2",
                "policy:hs2"
            ),
            Some(Stance::Against)
        );
        assert_eq!(
            against(
                "Labour needs to slow down its clean-power mission.",
                "clean-power mission",
                "policy:clean-power-2030"
            ),
            Some(Stance::Against)
        );
        assert_eq!(
            against(
                "The Towns Fund should now be scrapped.",
                "Towns Fund",
                "policy:towns-fund"
            ),
            Some(Stance::Against)
        );
        assert_eq!(
            against("HS2 must not be stopped.", "HS2", "policy:hs2"),
            None
        );
        assert_eq!(
            against("HS2 must be built in full.", "HS2", "policy:hs2"),
            None
        );
    }

    #[test]
    fn a_stance_stated_in_reported_speech() {
        let at = |s: &str, p: &str| stated_stance(s, s.find(p).unwrap());
        let s = "he said he is ‘totally against Liveable Streets’";
        assert_eq!(at(s, "Liveable"), Some(Stance::Against));
        assert_eq!(
            at("she supports the Towns Fund", "Towns"),
            Some(Stance::For)
        );
        let s = "he does not support Liveable Streets";
        assert_eq!(at(s, "Liveable"), Some(Stance::Against));
        assert_eq!(at("she is in favour of HS2", "HS2"), Some(Stance::For));
        assert_eq!(at("they are not against HS2", "HS2"), None);
        assert_eq!(at("the cost of HS2", "HS2"), None);
        // a word that only ends in a stance word is none
        assert_eq!(at("a drawback HS2", "HS2"), None);
    }
    use levelmap_model::Stance;

    fn at(s: &str, policy: &str) -> Option<Stance> {
        let a = s.find(policy).unwrap();
        stance_from_verb(s, a, a + policy.len(), "policy:x")
    }

    /// "plans to ... end fire and rehire": the policy "end fire and rehire", named by
    /// its last words, is what is planned, not ended.
    #[test]
    fn a_verb_that_opens_the_policys_own_name_gives_no_stance() {
        let s = "More security at work, with plans to end fire and rehire.";
        let a = s.find("fire and rehire").unwrap();
        let id = "policy:end-fire-and-rehire";
        assert_eq!(stance_from_verb(s, a, a + 15, id), None);
        assert_eq!(
            stance_from_verb(s, a, a + 15, "policy:fire-and-rehire"),
            Some(Stance::Against)
        );
    }

    /// Issue 12 (scratch set of the sixteenth session): "austerity ... must end" and
    /// "resist calls for road-building" were drafted as for the policy (the sentence's
    /// other words of feeling decided), "not taken the opportunity to invest in cycling
    /// infrastructure" as against it.
    #[test]
    fn a_policy_told_to_end_or_resisted_was_read_as_backed() {
        use Stance::{Against, For};
        let cases = [
            ("The austerity and mismanagement which have prolonged these impacts must end.", "austerity", Some(Against)),
            ("It is crucial to connect communities; resist calls for road-building; and cut emissions.", "road-building", Some(Against)),
            ("Ministers should scrap the Towns Fund and give councils the money.", "Towns Fund", Some(Against)),
            ("The Green Party calls for the government to fund and build HS2 in full.", "HS2", Some(For)),
            ("It has not taken the opportunity to invest in cycling infrastructure.", "cycling infrastructure", Some(For)),
            ("The party promised an end to austerity.", "austerity", Some(Against)),
            ("The minister said she would not scrap the Towns Fund.", "Towns Fund", None),
            ("The Towns Fund was a success.", "Towns Fund", None),
            ("The Towns Fund, which should end next year, was a success.", "Towns Fund", None),
        ];
        for (s, p, want) in cases {
            assert_eq!(at(s, p), want, "{s}");
        }
    }
}
