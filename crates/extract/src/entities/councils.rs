//! "The council" of an article about one place: a local report that names its
//! borough ("Tower Hamlets", "Essex") but writes its council only as "the council"
//! ("The council said", "the county council proposed three unitary authorities")
//! names that place's council, as a reader takes it (docs/annotation-guide.md 3.5a: a
//! council that acts is an actor). The councils and their places are the lexicon's
//! (the background lists every principal local authority); the place is the one the
//! article names most, and only when no council is named outright.

use rustc_hash::FxHashMap;

use levelmap_model::NodeKind;

use crate::found::Found;
use crate::items::{Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

use super::sentence::NOT_AFTER_COUNCIL;

/// What a council's name holds around its place, longest first: "London Borough of
/// Tower Hamlets", "Essex County Council", "City of Edinburgh Council".
const PREFIXES: &[&str] = &[
    "London Borough of ",
    "Royal Borough of ",
    "Borough Council of ",
    "City and County of ",
    "Council of the ",
    "City of ",
];
const SUFFIXES: &[&str] = &[
    " Metropolitan Borough Council",
    " Metropolitan District Council",
    " County Borough Council",
    " London Borough Council",
    " City Council",
    " County Council",
    " Borough Council",
    " District Council",
    " Council",
];

/// The place a local council's name is made of ("Tower Hamlets" of "Tower Hamlets
/// Council", "Edinburgh" of "City of Edinburgh Council"), if the name is a council's.
pub(crate) fn council_place(name: &str) -> Option<&str> {
    let core = SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .or_else(|| PREFIXES.iter().any(|p| name.starts_with(p)).then_some(name))?;
    let core = PREFIXES
        .iter()
        .find_map(|p| core.strip_prefix(p))
        .unwrap_or(core);
    // "Town Council" and "Parish Council" are not principal councils, and a name of
    // one capitalised word before "Council" that is no place ("Industrial Strategy
    // Council") is told apart by the lexicon's kind, not here.
    let ok = !core.is_empty()
        && !core.ends_with(" Town")
        && !core.ends_with(" Parish")
        && core.split(' ').all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    w,
                    "and" | "&" | "upon" | "of" | "the" | "on" | "in" | "with"
                )
        });
    ok.then_some(core)
}

/// Places that usually stand for a national institution, not their council:
/// "Westminster" is Parliament or the UK Government.
const METONYMS: &[&str] = &["Westminster"];

/// The lexicon's local councils by their place: place -> council ids (a place that
/// is also the name of another entry, or a [`METONYMS`], is left out: the article
/// may mean that entry).
pub(crate) fn councils_by_place(
    entities: &std::collections::BTreeMap<String, levelmap_model::Entity>,
    names: &std::collections::HashMap<String, String>,
) -> FxHashMap<String, Vec<String>> {
    let mut out: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for e in entities.values() {
        if e.node_kind != NodeKind::Actor || e.kind != "government-body" {
            continue;
        }
        let mut places: Vec<&str> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .filter_map(|n| council_place(n))
            .collect();
        places.sort_unstable();
        places.dedup();
        for p in places {
            let other = METONYMS.contains(&p)
                || names
                    .get(&levelmap_model::suggest::fold(p))
                    .is_some_and(|id| *id != e.id);
            if !other {
                out.entry(p.to_string()).or_default().push(e.id.clone());
            }
        }
    }
    for ids in out.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    out
}

/// Words after "council" that, beside `sentence::NOT_AFTER_COUNCIL` ("the council
/// tax"), make it part of another thing: "the council chamber", "the council area",
/// "the Council of Europe".
const NOT_THE_BODY: &[&str] = &["chamber", "ward", "wards", "area", "areas", "of"];

/// One "the council" of a sentence: where its words are, and the tier it names
/// ("County" of "the county council").
struct TheCouncil {
    sentence: usize,
    start: usize,
    end: usize,
    tier: Option<&'static str>,
}

/// Every "the council", "the county council" (and city, borough, district) of the
/// article that stands for a body: not "the council tax", "the Council of Europe",
/// "councillors".
fn the_councils(layout: &Layout) -> Vec<TheCouncil> {
    let mut out = Vec::new();
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| memchr::memmem::Finder::new("ouncil"));
    for (si, s) in layout.sentences.iter().enumerate() {
        let norm = s.norm.as_str();
        for at in finder.find_iter(norm.as_bytes()) {
            let Some(start) = at.checked_sub(1) else {
                continue;
            };
            if !matches!(norm.as_bytes()[start], b'c' | b'C') {
                continue;
            }
            let end = at + "ouncil".len();
            let after = &norm[end..];
            if after.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let next = after
                .strip_prefix("'s")
                .map_or_else(|| after.trim_start(), |_| "");
            let next_word: &str = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if next.starts_with(|c: char| c.is_uppercase())
                || (NOT_AFTER_COUNCIL.contains(&next_word) || NOT_THE_BODY.contains(&next_word))
            {
                continue;
            }
            let Some(before) = norm[..start].strip_suffix(' ') else {
                continue;
            };
            let (lead, last) = before.rsplit_once(' ').unwrap_or(("", before));
            let (lead, tier) = match last {
                "city" => (lead, Some("City")),
                "county" => (lead, Some("County")),
                "borough" => (lead, Some("Borough")),
                "district" => (lead, Some("District")),
                _ => (before, None),
            };
            if !matches!(lead.rsplit(' ').next(), Some("the" | "The")) {
                continue;
            }
            let span_start = if tier.is_some() {
                lead.len() + 1
            } else {
                start
            };
            out.push(TheCouncil {
                sentence: si,
                start: span_start,
                end,
                tier,
            });
        }
    }
    out
}

/// How often each council place of the lexicon is written in the article, as whole
/// capitalised words.
fn place_counts<'l>(layout: &Layout, lex: &'l Lexicon) -> FxHashMap<&'l str, usize> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for s in &layout.sentences {
        let norm = s.norm.as_str();
        let words: Vec<(usize, usize)> = word_spans(norm);
        for (i, &(a, _)) in words.iter().enumerate() {
            if !norm[a..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            for n in (1..=5).rev() {
                let Some(&(_, b)) = words.get(i + n - 1) else {
                    continue;
                };
                if let Some((k, _)) = lex.councils.get_key_value(&norm[a..b]) {
                    *counts.entry(k.as_str()).or_default() += 1;
                    break;
                }
            }
        }
    }
    counts
}

/// The words of a sentence (letters, digits, hyphens and apostrophes inside a word),
/// as byte ranges, a possessive "'s" left out.
fn word_spans(norm: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '&';
    for (i, c) in norm.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push(trim_word(norm, a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push(trim_word(norm, a, norm.len()));
    }
    out
}

fn trim_word(norm: &str, a: usize, b: usize) -> (usize, usize) {
    let w = &norm[a..b];
    let w = w
        .strip_suffix("'s")
        .unwrap_or(w)
        .trim_end_matches(['\'', '-']);
    (a, a + w.len())
}

/// Whether the article already names a council: a lexicon council, or a candidate
/// whose name ends in "Council".
fn names_a_council(lex: &Lexicon, found: &Found) -> bool {
    found
        .mentions
        .iter()
        .any(|m| lex.council_ids.contains(m.id.as_str()))
        || found
            .candidates
            .iter()
            .any(|c| c.node_kind == NodeKind::Actor && c.name.ends_with("Council"))
}

/// Name the article's council where it writes only "the council": the council of the
/// one place it names most (of the tier it says, if it says one), when it names no
/// council outright.
pub(super) fn the_council_of_the_place(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    if lex.councils.is_empty() {
        return;
    }
    let spans = the_councils(layout);
    if spans.is_empty() || names_a_council(lex, found) {
        return;
    }
    let counts = place_counts(layout, lex);
    let Some(&top) = counts.values().max() else {
        return;
    };
    let mut tops = counts.iter().filter(|(_, &n)| n == top);
    let (Some((place, _)), None) = (tops.next(), tops.next()) else {
        return;
    };
    let ids = &lex.councils[*place];
    let pick = |tier: Option<&str>| -> Option<&String> {
        let fits = |id: &&String| {
            tier.is_none_or(|t| {
                lex.entities.get(*id).is_some_and(|e| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|n| n.split(' ').any(|w| w == t))
                })
            })
        };
        let mut of_tier = ids.iter().filter(fits);
        match (of_tier.next(), of_tier.next()) {
            (Some(id), None) => Some(id),
            _ if ids.len() == 1 => ids.first(),
            _ => None,
        }
    };
    for t in spans {
        if let Some(id) = pick(t.tier) {
            found.mentions.push(Mention {
                id: id.clone(),
                sentence: t.sentence,
                start: t.start,
                end: t.end,
                how: MentionHow::Lexicon,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_council_name_gives_its_place() {
        for (name, place) in [
            ("Tower Hamlets Council", Some("Tower Hamlets")),
            ("London Borough of Tower Hamlets", Some("Tower Hamlets")),
            ("Essex County Council", Some("Essex")),
            ("City of Edinburgh Council", Some("Edinburgh")),
            ("Brighton & Hove City Council", Some("Brighton & Hove")),
            ("Barnsley Metropolitan Borough Council", Some("Barnsley")),
            (
                "Kingston upon Hull City Council",
                Some("Kingston upon Hull"),
            ),
            ("Monmouth Town Council", None),
            ("Levelling Up Advisory council", None),
            ("Comhairle nan Eilean Siar", None),
        ] {
            assert_eq!(council_place(name), place, "{name}");
        }
    }

    #[test]
    fn words_leave_out_possessives_and_punctuation() {
        let s = "Tower Hamlets' council, and Essex's plan.";
        let w: Vec<&str> = word_spans(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(w, ["Tower", "Hamlets", "council", "and", "Essex", "plan"]);
    }
}
