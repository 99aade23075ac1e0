//! Documents as speakers (the annotation guide, 5.5): a report, review or study whose
//! author the article names ("a report by the Local Government Association", "the
//! LGA's review", "Onward published a paper") speaks for that author where the text
//! reports it ("the review noted ...", "According to the report, ...", "'...,' the
//! study added").

use crate::items::Mention;

/// Words for a document that can report: "the review noted".
const DOCUMENTS: [&str; 16] = [
    "report",
    "review",
    "study",
    "analysis",
    "research",
    "paper",
    "audit",
    "survey",
    "inquiry",
    "assessment",
    "evaluation",
    "briefing",
    "investigation",
    "inspection",
    "findings",
    "letter",
];

/// Verbs by which a body brings out a document: "Onward published a paper".
const PUBLISHES: [&str; 8] = [
    "published",
    "publishes",
    "released",
    "releases",
    "commissioned",
    "produced",
    "issued",
    "wrote",
];

fn is_document(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.', ';', ':']);
    DOCUMENTS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// The actor whose document the sentence brings in: named right after "<document>
/// by [the]" ("a report by the Local Government Association"), right before "'s" and
/// at most two words and a document ("the LGA's corporate peer review"), or as the
/// subject of a verb of publishing a document ("Onward published a new paper").
pub(super) fn introduced_author<'m>(
    norm: &str,
    mentions: impl Iterator<Item = &'m Mention>,
    is_actor: impl Fn(&str) -> bool,
) -> Option<String> {
    mentions
        .filter(|m| is_actor(&m.id))
        .find(|m| {
            let after = without_bracketed_short_form(&norm[m.end..]);
            by_document(&norm[..m.start])
                || possessed_document(&norm[m.end..])
                || published_document(after)
        })
        .map(|m| m.id.clone())
}

/// `after` without a short form in brackets opening it: " (LGA) to carry out" → " to
/// carry out".
fn without_bracketed_short_form(after: &str) -> &str {
    let t = after.trim_start();
    t.strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .filter(|(inner, _)| !inner.contains(' '))
        .map_or(after, |(_, rest)| rest)
}

/// `before` ends in "<document> by [the]", or "<document> carried out (conducted,
/// commissioned, ...) by [the]".
fn by_document(before: &str) -> bool {
    let mut w = before.split_whitespace().rev();
    let mut last = w.next();
    if last.is_some_and(|x| x.eq_ignore_ascii_case("the")) {
        last = w.next();
    }
    if last != Some("by") {
        return false;
    }
    let mut prev = w.next();
    if prev == Some("out") {
        prev = w.next().filter(|v| *v == "carried").and_then(|_| w.next());
    } else if prev.is_some_and(|v| DONE.contains(&v)) {
        // "a wide-ranging report on levelling up published by": the document may
        // have a few words of its own before the participle
        return w
            .take(5)
            .take_while(|x| !x.ends_with([',', '.', ';', ':']))
            .any(is_document);
    }
    prev.is_some_and(is_document)
}

/// Participles of making a document: "a review conducted by".
const DONE: [&str; 7] = [
    "conducted",
    "commissioned",
    "published",
    "produced",
    "written",
    "led",
    "undertaken",
];

/// `after` opens with "'s" and a document within three words.
fn possessed_document(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    rest.split_whitespace().take(3).any(is_document)
}

/// `after` opens with a verb of publishing and a document within four words, or of
/// carrying one out within ten ("... to carry out a corporate peer challenge, a
/// type of in-depth review").
fn published_document(after: &str) -> bool {
    let mut w = after.split_whitespace().peekable();
    if w.peek()
        .is_some_and(|v| matches!(*v, "has" | "have" | "to"))
    {
        w.next();
    }
    let Some(verb) = w.next() else {
        return false;
    };
    if PUBLISHES.contains(&verb) {
        return w.take(4).any(is_document);
    }
    let carries = matches!(
        verb,
        "conducted" | "conduct" | "conducts" | "undertook" | "led"
    ) || (matches!(verb, "carry" | "carried" | "carries") && w.next() == Some("out"));
    carries && w.take(10).any(is_document)
}

/// Whether the reporting verb at byte `at` has a document for its subject: "The review
/// noted", "However, the report also warned", "According to the review, ...", or a tag
/// after a quotation ("..., ’ the review added").
pub(super) fn document_subject(norm: &str, at: usize) -> bool {
    let Some(before) = norm.get(..at) else {
        return false;
    };
    if norm[at..]
        .get(..12)
        .is_some_and(|p| p.eq_ignore_ascii_case("according to"))
    {
        let after = &norm[at + 12..];
        let mut w = after.split_whitespace();
        return w.next().is_some_and(|d| d.eq_ignore_ascii_case("the"))
            && w.next().is_some_and(|d| d.ends_with(',') && is_document(d));
    }
    // "Instead, argues the report, the Government should ...": the verb first.
    let mut after = norm[at..].split_whitespace().skip(1);
    if after.next().is_some_and(|d| d.eq_ignore_ascii_case("the"))
        && after
            .next()
            .is_some_and(|d| d.ends_with(',') && is_document(d))
    {
        return true;
    }
    let mut words: Vec<&str> = before.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "also" | "further" | "then" | "has"))
    {
        words.pop();
    }
    let n = words.len();
    if n < 2 || !is_document(words[n - 1]) || !words[n - 2].eq_ignore_ascii_case("the") {
        return false;
    }
    // the subject opens the sentence (after at most an opening word such as
    // "However,") or follows a closing quotation
    let lead = &words[..n - 2];
    lead.is_empty()
        || (lead.len() == 1
            && (lead[0].ends_with(',') || matches!(lead[0], "And" | "But" | "Yet" | "So")))
        || lead
            .last()
            .is_some_and(|w| w.ends_with(['\u{2019}', '\u{201d}', '"', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, norm: &str, name: &str) -> Mention {
        let start = norm.find(name).unwrap();
        Mention {
            id: id.into(),
            sentence: 0,
            start,
            end: start + name.len(),
            how: crate::items::MentionHow::Candidate,
        }
    }

    #[test]
    fn authors_of_documents_by_by_possessive_or_publishing() {
        for (norm, name) in [
            ("A report by the Local Government Association found this.", "Local Government Association"),
            ("In a review by LGA peers, the council was praised.", "LGA"),
            ("The LGA's corporate peer review was published.", "LGA"),
            ("Onward has published a new paper on towns.", "Onward"),
            (
                "Peers joined the Local Government Association to carry out a corporate peer challenge, a type of in-depth review.",
                "Local Government Association",
            ),
            ("A survey conducted by YouGov found this.", "YouGov"),
            (
                "It came in a wide-ranging report on levelling up published by the Devolution APPG.",
                "Devolution APPG",
            ),
        ] {
            let ms = [m("actor:x", norm, name)];
            assert_eq!(
                introduced_author(norm, ms.iter(), |_| true).as_deref(),
                Some("actor:x"),
                "{norm}"
            );
        }
        for (norm, name) in [
            ("The LGA said the review was fair.", "LGA"),
            ("Onward's director wrote to ministers.", "Onward"),
            ("A plan by the council was rejected.", "council"),
        ] {
            let ms = [m("actor:x", norm, name)];
            assert_eq!(introduced_author(norm, ms.iter(), |_| true), None, "{norm}");
        }
    }

    #[test]
    fn documents_as_subjects_of_reporting_verbs() {
        let at = |norm: &str, verb: &str| document_subject(norm, norm.find(verb).unwrap());
        assert!(at("The review noted that more work is needed.", "noted"));
        assert!(at(
            "However, the report also warned that savings are needed.",
            "warned"
        ));
        assert!(at(
            "According to the review, leaders are aware of it.",
            "According"
        ));
        assert!(at(
            "‘Not only is this inefficient,’ the review added.",
            "added"
        ));
        assert!(at(
            "Instead, argues the report, the Government should act.",
            "argues"
        ));
        assert!(at(
            "And the report found that it seems likely to fail.",
            "found"
        ));
        assert!(!at("He argues the report is wrong.", "argues"));
        assert!(!at("The council said the review was late.", "said"));
        assert!(!at("Critics of the report said it was weak.", "said"));
        assert!(!at(
            "According to the council, the report is late.",
            "According"
        ));
    }
}
