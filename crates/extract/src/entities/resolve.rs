//! Mentions resolved within the article: a lone surname of a person named earlier
//! ("Reeves" after "Rachel Reeves"), and a role that one known actor held at the
//! time ("the Chancellor").

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

use super::people::SURNAME_TITLES;
use super::tokens::{strip_possessive, Words};
use crate::found::Found;
use crate::items::{Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::scan::{Scan, Set};
use crate::sentences::Layout;
use levelmap_model::date::PartialDate;
use levelmap_model::NodeKind;

/// "Lord Mandelson" in an article that names Peter Mandelson: a peer named by title
/// and surname is the one person of the article with that surname (a candidate or a
/// lexicon person mentioned), not a person of their own. The peer's candidate goes;
/// its mentions name that person, and a candidate person takes the title as an alias.
pub(super) fn merge_peers(lex: &Lexicon, found: &mut Found) {
    const PEERAGES: &[&str] = &["Lord", "Baroness", "Lady", "Baron", "Viscount"];
    let peer_surname = |name: &str| -> Option<String> {
        let mut w = name.split_whitespace();
        let (title, surname) = (w.next()?, w.next()?);
        (w.next().is_none() && PEERAGES.contains(&title)).then(|| surname.to_string())
    };
    // Every person of the article by surname: candidates, then lexicon persons mentioned.
    // Borrowed, not copied: the map is dropped before the candidates change.
    let mut by_surname: rustc_hash::FxHashMap<&str, Vec<&str>> = Default::default();
    let candidate_people = found
        .candidates
        .iter()
        .filter(|c| c.kind == "person" && peer_surname(&c.name).is_none())
        .map(|c| (c.id.as_str(), c.name.as_str()));
    let lexicon_people = found
        .mentions
        .iter()
        .filter_map(|m| lex.entities.get(&m.id))
        .filter(|e| e.kind == "person" && peer_surname(&e.name).is_none())
        .map(|e| (e.id.as_str(), e.name.as_str()));
    for (id, name) in candidate_people.chain(lexicon_people) {
        if let Some(last) = name.split_whitespace().last() {
            let ids = by_surname.entry(last).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let mut merged: Vec<(String, String, String)> = Vec::new(); // (peer id, person id, peer name)
    for c in found.candidates.iter().filter(|c| c.kind == "person") {
        let Some(surname) = peer_surname(&c.name) else {
            continue;
        };
        if let Some([one]) = by_surname.get(surname.as_str()).map(Vec::as_slice) {
            merged.push((c.id.clone(), (*one).to_string(), c.name.clone()));
        }
    }
    fold_into(found, &merged);
}

/// Fold each (short id, person id, short name) of `merged` into the person: the
/// short candidate's mentions name the person, a candidate person takes the short
/// name as an alias, and the short candidate goes.
fn fold_into(found: &mut Found, merged: &[(String, String, String)]) {
    for (_, person, name) in merged {
        if let Some(p) = found.candidates.iter_mut().find(|c| &c.id == person) {
            if !p.aliases.contains(name) {
                p.aliases.push(name.clone());
            }
        }
    }
    let moves: Vec<(String, Option<String>)> = merged
        .iter()
        .map(|(short, person, _)| (short.clone(), Some(person.clone())))
        .collect();
    retire(found, &moves);
}

/// Retire each short candidate of `moves`: its mentions name the id it goes to, or
/// are dropped (`None`), and the candidate goes.
fn retire(found: &mut Found, moves: &[(String, Option<String>)]) {
    for (short, into) in moves {
        match into {
            Some(to) => found
                .mentions
                .iter_mut()
                .filter(|m| &m.id == short)
                .for_each(|m| m.id = to.clone()),
            None => found.mentions.retain(|m| &m.id != short),
        }
    }
    found
        .candidates
        .retain(|c| !moves.iter().any(|(short, _)| short == &c.id));
}

/// Familiar forms of given names and the full name each is short for.
const FAMILIAR: &[(&str, &str)] = &[
    ("Tom", "Thomas"),
    ("Tommy", "Thomas"),
    ("Bill", "William"),
    ("Billy", "William"),
    ("Will", "William"),
    ("Bob", "Robert"),
    ("Rob", "Robert"),
    ("Robbie", "Robert"),
    ("Jim", "James"),
    ("Jimmy", "James"),
    ("Jamie", "James"),
    ("Andy", "Andrew"),
    ("Mike", "Michael"),
    ("Mick", "Michael"),
    ("Dave", "David"),
    ("Steve", "Stephen"),
    ("Nick", "Nicholas"),
    ("Chris", "Christopher"),
    ("Liz", "Elizabeth"),
    ("Beth", "Elizabeth"),
    ("Kate", "Catherine"),
    ("Cathy", "Catherine"),
    ("Sue", "Susan"),
    ("Jenny", "Jennifer"),
    ("Matt", "Matthew"),
    ("Ed", "Edward"),
    ("Ted", "Edward"),
    ("Ben", "Benjamin"),
    ("Dan", "Daniel"),
    ("Danny", "Daniel"),
    ("Joe", "Joseph"),
    ("Tony", "Anthony"),
    ("Rick", "Richard"),
    ("Rich", "Richard"),
    ("Alex", "Alexander"),
    ("Jon", "Jonathan"),
    ("Phil", "Philip"),
    ("Pete", "Peter"),
    ("Ken", "Kenneth"),
    ("Greg", "Gregory"),
    ("Tim", "Timothy"),
    ("Fred", "Frederick"),
    ("Gerry", "Gerald"),
    ("Ray", "Raymond"),
];

/// The full given name a familiar one is short for ("Tom" is "Thomas"); any other as it is.
fn full_given_name(w: &str) -> &str {
    FAMILIAR
        .iter()
        .find(|(short, _)| *short == w)
        .map_or(w, |(_, full)| full)
}

/// "Tom Oliver" in an article that names Thomas Oliver: a person candidate whose
/// given name is a familiar form of exactly one other person's of the same surname
/// (a candidate or a lexicon person mentioned) is that person. The candidate with the
/// familiar name goes, and the other takes it as an alias.
pub(super) fn merge_familiar_names(lex: &Lexicon, found: &mut Found) {
    // Borrowed, not copied: a name is copied only when it merges.
    fn split(name: &str) -> Option<(&str, &str)> {
        let mut ws = name.split_whitespace();
        let (given, surname) = (ws.next()?, ws.next()?);
        ws.next().is_none().then_some((given, surname))
    }
    let people = article_people(lex, found);
    let mut merged: Vec<(String, String, String)> = Vec::new(); // (familiar id, person id, name)
    for c in found.candidates.iter().filter(|c| c.kind == "person") {
        let Some((given, surname)) = split(&c.name) else {
            continue;
        };
        let full = full_given_name(given);
        if full == given {
            continue;
        }
        let same = people.iter().filter(|&&(id, name)| {
            id != c.id
                && split(name)
                    .is_some_and(|(g, s)| s == surname && g != given && full_given_name(g) == full)
        });
        if let Some(one) = only_one(same.map(|&(id, _)| id)) {
            merged.push((c.id.clone(), one.to_string(), c.name.clone()));
        }
    }
    fold_into(found, &merged);
}

/// "Ms Burlin O'Connell" in an article that names Kendalle Burlin O'Connell: a person
/// of two words or more whose words end the name of exactly one longer person of the
/// article (a candidate or a lexicon person mentioned) is that person, named without
/// the given name (a double surname, "Lloyd George"). So with bodies and policies:
/// "the Fiscal Commission" in an article that names the Scottish Fiscal Commission,
/// "Sturgeon's Referendum Bill" beside the Second Independence Referendum Bill. The
/// shorter candidate goes; its mentions name the longer, which takes the short name as
/// an alias.
pub(super) fn merge_name_tails(lex: &Lexicon, found: &mut Found) {
    let words = |name: &str| name.split_whitespace().count();
    // (id, name, words, node kind, a person): the article's candidates, then the
    // lexicon entries it mentions, each once.
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let mut named: Vec<(&str, &str, usize, NodeKind, bool)> = Vec::new();
    let candidates = found.candidates.iter().map(|c| {
        (
            c.id.as_str(),
            c.name.as_str(),
            c.node_kind,
            c.kind == "person",
        )
    });
    let mentioned = found.mentions.iter().filter_map(|m| {
        lex.entities.get(&m.id).map(|e| {
            (
                e.id.as_str(),
                e.name.as_str(),
                e.node_kind,
                e.kind == "person",
            )
        })
    });
    for (id, name, kind, person) in candidates.chain(mentioned) {
        if seen.insert(id) {
            named.push((id, name, words(name), kind, person));
        }
    }
    let mut merged: Vec<(String, String, String)> = Vec::new(); // (short id, long id, short name)
    for &(id, name, n, kind, person) in &named[..found.candidates.len()] {
        if n < 2 || !matches!(kind, NodeKind::Actor | NodeKind::Policy) {
            continue;
        }
        let mut longer = named.iter().filter(|&&(other, long, m, k, p)| {
            // Integer tests first: ids are unique in `named`, so the string test of
            // the id only runs for the few of more words, of the same kind.
            m > n && k == kind && p == person && other != id && closes_with_words(long, name)
        });
        if let (Some(one), None) = (longer.next(), longer.next()) {
            merged.push((id.to_string(), one.0.to_string(), name.to_string()));
        }
    }
    fold_into(found, &merged);
}

/// "Mitchell says" in an article that names Mike Mitchell: a person candidate named
/// by one word (a given name alone, "Eileen, a Reform UK voter") that is a word of the
/// name of exactly one other person of the article (a candidate or a lexicon person
/// mentioned) is that person; where it is a word of several, no one can tell which,
/// and it goes with its mentions.
pub(super) fn merge_lone_names(lex: &Lexicon, found: &mut Found) {
    let lone: Vec<(String, String)> = found
        .candidates
        .iter()
        .filter(|c| c.kind == "person" && !c.name.contains(' '))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    if lone.is_empty() {
        return;
    }
    let people = people_of_full_names(lex, found);
    let mut merged = Vec::new();
    let mut dropped = Vec::new();
    for (id, name) in lone {
        let mut of = people
            .iter()
            .filter(|(_, n)| n.split(' ').any(|w| w == name))
            .map(|(pid, _)| *pid);
        match (of.next(), of.next()) {
            (Some(p), None) => merged.push((id, p.to_string(), name)),
            (Some(_), Some(_)) => dropped.push((id, None)),
            _ => {}
        }
    }
    fold_into(found, &merged);
    retire(found, &dropped);
}

/// "Sir Bernard added:" in an article that names Sir Bernard Jenkin: a knight or dame
/// is called by title and given name, and "Sir" or "Dame" and a capitalised word that
/// no capitalised word follows is the one person of the article (a candidate or a
/// lexicon person mentioned) with that given name. The mention is added (so that
/// "Sir Bernard added" has its speaker) and a candidate takes the form as an alias.
pub(super) fn resolve_titled_given_names(
    layout: &Layout,
    words: &Words<'_>,
    lex: &Lexicon,
    found: &mut Found,
) {
    let people = people_of_full_names(lex, found);
    if people.is_empty() {
        return;
    }
    let mut add: Vec<(String, Mention, String)> = Vec::new();
    for si in 0..layout.sentences.len() {
        let toks = words.of(si);
        for (i, pair) in toks.windows(2).enumerate() {
            let (title, given) = (pair[0], pair[1]);
            if !matches!(title.s, "Sir" | "Dame")
                || layout.sentences[si].norm[title.end..given.start] != *" "
            {
                continue;
            }
            let g = strip_possessive(given.s);
            let next_cap = toks
                .get(i + 2)
                .is_some_and(|n| n.start == given.end + 1 && n.s.starts_with(char::is_uppercase));
            if next_cap || !g.starts_with(char::is_uppercase) {
                continue;
            }
            let mut of = people
                .iter()
                .filter(|(_, n)| n.split(' ').next() == Some(g))
                .map(|(id, _)| *id);
            let (Some(id), None) = (of.next(), of.next()) else {
                continue;
            };
            let end = given.start + g.len();
            let already = found
                .mentions
                .iter()
                .any(|m| m.sentence == si && m.start <= title.start && end <= m.end);
            if !already {
                let m = Mention {
                    id: id.to_string(),
                    sentence: si,
                    start: title.start,
                    end,
                    how: MentionHow::ShortForm,
                };
                add.push((id.to_string(), m, format!("{} {g}", title.s)));
            }
        }
    }
    for (id, m, form) in add {
        if let Some(c) = found.candidates.iter_mut().find(|c| c.id == id) {
            if !c.aliases.contains(&form) {
                c.aliases.push(form);
            }
        }
        found.mentions.push(m);
    }
}

/// "Reeves" after "Rachel Reeves": a lone surname of a person found earlier in the
/// article is that person.
pub(super) fn resolve_short_forms(
    layout: &Layout,
    words: &Words<'_>,
    lex: &Lexicon,
    found: &mut Found,
) {
    let mut persons: rustc_hash::FxHashMap<String, String> = rustc_hash::FxHashMap::default(); // surname -> id
    let mut ambiguous: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for c in found.candidates.iter().filter(|c| c.kind == "person") {
        if let Some(last) = c.name.split_whitespace().last() {
            if persons
                .insert(last.to_string(), c.id.clone())
                .is_some_and(|prev| prev != c.id)
            {
                ambiguous.insert(last.to_string());
            }
        }
    }
    // The lexicon persons mentioned, in id order (a sorted, deduplicated list).
    let mut lex_persons: Vec<&str> = found
        .mentions
        .iter()
        .filter(|m| lex.person_ids.contains(&m.id))
        .map(|m| m.id.as_str())
        .collect();
    lex_persons.sort_unstable();
    lex_persons.dedup();
    for id in lex_persons {
        if let Some(last) = lex.entities[id].name.split_whitespace().last() {
            if persons
                .insert(last.to_string(), id.to_string())
                .is_some_and(|prev| prev != id)
            {
                ambiguous.insert(last.to_string());
            }
        }
    }
    if persons.is_empty() {
        return;
    }
    // Cheap tests before the map: a surname's first byte and length.
    let mut first_bytes = [false; 256];
    let (mut shortest, mut longest) = (usize::MAX, 0);
    for k in persons.keys() {
        if let Some(&b) = k.as_bytes().first() {
            first_bytes[b as usize] = true;
        }
        shortest = shortest.min(k.len());
        longest = longest.max(k.len());
    }
    let mut add = Vec::new();
    for si in 0..layout.sentences.len() {
        for &t in words.of(si) {
            let w = strip_possessive(t.s);
            if w.len() < shortest
                || w.len() > longest
                || !w
                    .as_bytes()
                    .first()
                    .is_some_and(|&b| first_bytes[b as usize])
            {
                continue;
            }
            let Some(id) = persons.get(w) else { continue };
            if ambiguous.contains(w) {
                continue;
            }
            let end = t.start + w.len();
            let already = found
                .mentions
                .iter()
                .any(|m| m.sentence == si && m.start <= t.start && end <= m.end);
            if !already {
                add.push(Mention {
                    id: id.clone(),
                    sentence: si,
                    start: t.start,
                    end,
                    how: MentionHow::ShortForm,
                });
                if let Some(c) = found.candidates.iter_mut().find(|c| &c.id == id) {
                    if !c.aliases.iter().any(|a| a == w) {
                        c.aliases.push(w.to_string());
                    }
                }
            }
        }
    }
    found.mentions.extend(add);
}

/// "Mr Swinney thinks ..." in an article that names Paul Swinney: a lexicon person met
/// only by a bare surname (an alias, "Swinney" of John Swinney) is the article's one
/// person of that surname named in full, unless the article names the lexicon person
/// in full too.
pub(super) fn reassign_bare_surnames(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    let text_of = |m: &Mention| {
        layout
            .sentences
            .get(m.sentence)
            .and_then(|s| s.norm.get(m.start..m.end))
    };
    let surname = |name: &str| name.split_whitespace().last().map(str::to_string);
    // Surname -> the people the article names in full.
    let mut full: rustc_hash::FxHashMap<String, Vec<String>> = rustc_hash::FxHashMap::default();
    for c in found
        .candidates
        .iter()
        .filter(|c| c.kind == "person" && c.name.contains(' '))
    {
        if let Some(last) = surname(&c.name) {
            full.entry(last).or_default().push(c.id.clone());
        }
    }
    for m in &found.mentions {
        if lex.person_ids.contains(&m.id) && text_of(m).is_some_and(|t| t.contains(' ')) {
            if let Some(last) = surname(&lex.entities[&m.id].name) {
                full.entry(last).or_default().push(m.id.clone());
            }
        }
    }
    if full.is_empty() {
        return;
    }
    for ids in full.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    let moves: Vec<(usize, String)> = found
        .mentions
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            if !lex.person_ids.contains(&m.id) {
                return None;
            }
            let t = strip_possessive(text_of(m)?);
            let last = surname(&lex.entities[&m.id].name)?;
            let ids = full.get(&last)?;
            (t == last && ids.len() == 1 && ids[0] != m.id).then(|| (k, ids[0].clone()))
        })
        .collect();
    for (k, id) in moves {
        let m = &mut found.mentions[k];
        m.id = id;
        m.how = MentionHow::ShortForm;
    }
}

/// The roles "the Chancellor" may name, each with an optional "new", "current" or
/// "incoming"; the offices in any case ("the chancellor", "the home secretary": the
/// BBC's and The Economist's style), a mayoralty's place and a department's field
/// capitalised.
pub(crate) fn role_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"\b[Tt]he (?:new |current |incoming )?((?i:(?:deputy )?prime minister|chancellor(?: of the exchequer)?|chief secretary to the treasury|(?:home|foreign|business|health|levelling up|communities|housing|justice|education|defence|transport|environment|work and pensions|energy|science|culture|scottish|scotland|welsh|wales|northern ireland) secretary|leader of the opposition)\b|Secretary of State for [A-Z][A-Za-z]+(?:(?:,| and)? [A-Z][A-Za-z]+)*|(?i:mayor of) [A-Z][a-z]+(?: [A-Z][a-z]+)*)",
        )
        .expect("valid regex")
    })
}

/// An office's title, lower-cased, in the one form the lexicon's roles use: "the
/// Scotland Secretary" is the Scottish Secretary, "the Wales Secretary" the Welsh one.
fn office_title(role: &str) -> String {
    match role {
        "scotland secretary" => "scottish secretary".into(),
        "wales secretary" => "welsh secretary".into(),
        _ => role.to_string(),
    }
}

/// Whether `s` opens with `head` and a space: `s.starts_with(&format!("{head} "))`,
/// without building the pattern.
fn opens_with_words(s: &str, head: &str) -> bool {
    s.strip_prefix(head).is_some_and(|r| r.starts_with(' '))
}

/// Whether `s` closes with a space and `tail`: `s.ends_with(&format!(" {tail}"))`,
/// without building the pattern.
fn closes_with_words(s: &str, tail: &str) -> bool {
    s.strip_suffix(tail).is_some_and(|r| r.ends_with(' '))
}

/// "the Chancellor", "the new Prime Minister": resolved to the one actor the article
/// names by name who held that role at `date` (from lexicon roles or roles found
/// beside names in this article), or with no `date` at any time; an office whose
/// holder the article never names stays unresolved (the annotation guide's 3.5).
pub(crate) fn resolve_roles(
    layout: &Layout,
    lex: &Lexicon,
    date: Option<PartialDate>,
    found: &mut Found,
    scan: &Scan,
) {
    let mut add = Vec::new();
    let named: BTreeSet<&str> = found
        .mentions
        .iter()
        .map(|m| m.id.as_str())
        .chain(found.candidates.iter().map(|c| c.id.as_str()))
        .collect();
    for (si, s) in layout.sentences.iter().enumerate() {
        if !scan.any(si, Set::RoleGate) {
            continue;
        }
        for cap in role_regex().captures_iter(&s.norm) {
            let Some(m) = cap.get(1) else { continue };
            let role = office_title(&m.as_str().to_lowercase());
            let whole = cap
                .get(0)
                .map_or(m.start()..m.end(), |w| w.start()..w.end());
            if found
                .mentions
                .iter()
                .any(|x| x.sentence == si && x.start < whole.end && whole.start < x.end)
            {
                continue;
            }
            // Followed directly by a name: "the Chancellor, Rachel Reeves" is already a mention.
            let mut holders: BTreeSet<String> = BTreeSet::new();
            for e in lex
                .entities
                .values()
                .filter(|e| e.node_kind == NodeKind::Actor)
            {
                for r in &e.roles {
                    let t = r.title.to_lowercase();
                    let matches =
                        t == role || opens_with_words(&t, &role) || opens_with_words(&role, &t);
                    let active = match date {
                        Some(d) => {
                            r.from.is_none_or(|f| f.start_days() <= d.end_days())
                                && r.to.is_none_or(|t| d.start_days() <= t.end_days())
                        }
                        None => true,
                    };
                    if matches && active {
                        holders.insert(e.id.clone());
                    }
                }
            }
            for (r, id) in &found.roles {
                let t = r.to_lowercase();
                if t == role || opens_with_words(&t, &role) || closes_with_words(&t, &role) {
                    holders.insert(id.clone());
                }
            }
            // Only a holder the article names by name ("Rishi Sunak ... The Prime
            // Minister said"): an office alone names no one (the annotation guide's
            // 3.5: "the chancellor" with no person named is left unannotated). The date
            // chooses among the holders named (two chancellors in one article).
            holders.retain(|id| named.contains(id.as_str()));
            if holders.len() == 1 {
                let id = holders.into_iter().next().unwrap_or_default();
                add.push(Mention {
                    id,
                    sentence: si,
                    start: whole.start,
                    end: whole.end,
                    how: MentionHow::Role,
                });
            }
        }
    }
    found.mentions.extend(add);
    found
        .mentions
        .sort_by(|a, b| (a.sentence, a.start, &a.id).cmp(&(b.sentence, b.start, &b.id)));
}

/// "Mr Pendleton" (a person named by title and surname only) in an article that names
/// Jim Pendleton: the one other person of the article whose name ends in that
/// surname is that person; where several do, the one named last before it.
pub(super) fn merge_titled_surnames(lex: &Lexicon, found: &mut Found) {
    // The titles a person may be drafted under with the surname alone: those of a
    // speaker ("Mr Pendleton said"), a councillor ("Cllr Muten"), a peer ("Lord Frost").
    let titled = |t: &str| {
        SURNAME_TITLES.contains(&t) || matches!(t, "Cllr" | "Councillor" | "Lord" | "Baroness")
    };
    let people = article_people(lex, found);
    let mut merged: Vec<(String, String, String)> = Vec::new();
    let mut ambiguous: Vec<(String, Option<String>)> = Vec::new();
    for c in found.candidates.iter().filter(|c| c.kind == "person") {
        let Some((title, surname)) = c.name.split_once(' ') else {
            continue;
        };
        if !titled(title) || surname.contains(' ') {
            continue;
        }
        let of = people.iter().filter(|&&(id, name)| {
            id != c.id && name.split(' ').next() != Some(title) && closes_with_words(name, surname)
        });
        let of: Vec<&str> = of.map(|&(id, _)| id).collect();
        if let Some(one) = only_one(of.iter().copied()) {
            merged.push((c.id.clone(), one.to_string(), c.name.clone()));
        } else if let Some(near) = nearest_before(found, &c.id, &of) {
            // Two people share the surname ("Shaz Nawaz", "Shahzad Nawaz"): "Mr Nawaz"
            // is the one named last before it, and no alias of either.
            ambiguous.push((c.id.clone(), Some(near)));
        }
    }
    fold_into(found, &merged);
    retire(found, &ambiguous);
}

/// Of the people `ids`, the one whose mention comes last before the first mention of
/// `of`, if any is mentioned before it.
fn nearest_before(found: &Found, of: &str, ids: &[&str]) -> Option<String> {
    let first = found
        .mentions
        .iter()
        .filter(|m| m.id == of)
        .map(|m| (m.sentence, m.start))
        .min()?;
    found
        .mentions
        .iter()
        .filter(|m| ids.contains(&m.id.as_str()) && (m.sentence, m.start) < first)
        .max_by_key(|m| (m.sentence, m.start))
        .map(|m| m.id.clone())
}

/// Words that name a kind of body, not one body, besides a council's tiers
/// (`COUNCIL_TIERS`): a candidate named only by these ("Town Council", "the Borough
/// Council", "Planning Committee", "Mayor's Office", "Steering Group") is a different
/// body in every article.
const GENERIC_BODY_TIERS: &[&str] = &[
    "Community",
    "Local",
    "Metropolitan",
    "Unitary",
    "Planning",
    "Steering",
    "Scrutiny",
    "Licensing",
    "Executive",
    "Development",
    "Regeneration",
    "Audit",
    "Residents'",
    "Residents’",
    "Mayor's",
    "Mayor’s",
    "Government",
];

/// The heads of [`GENERIC_BODY_TIERS`] names.
const GENERIC_BODY_HEADS: &[&str] = &[
    "Council",
    "Councils",
    "Committee",
    "Office",
    "Group",
    "Board",
    "Panel",
    "Cabinet",
];

/// Whether `name` is a kind of body and no one body: tiers, then one head.
pub(super) fn is_generic_body(name: &str) -> bool {
    let name = name.strip_prefix("The ").unwrap_or(name);
    let words: Vec<&str> = name.split(' ').collect();
    let Some((head, tiers)) = words.split_last() else {
        return false;
    };
    GENERIC_BODY_HEADS.contains(head)
        && tiers.iter().all(|w| {
            GENERIC_BODY_TIERS.contains(w)
                || super::sentence::COUNCIL_TIERS.contains(&w.to_ascii_lowercase().as_str())
        })
}

/// A body named only by its kind ("the Town Council", "the Planning Committee"): in
/// an article that names exactly one body of that kind in full ("Monmouth Town
/// Council"), it is that body; else it is not drafted, since `build --auto` would link
/// such a name in every article that speaks of any town council.
pub(super) fn merge_generic_bodies(lex: &Lexicon, found: &mut Found) {
    let generic: Vec<(String, String)> = found
        .candidates
        .iter()
        .filter(|c| c.node_kind == NodeKind::Actor && c.kind != "person")
        .filter(|c| is_generic_body(&c.name))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    if generic.is_empty() {
        return;
    }
    let bodies: Vec<(String, String)> = found
        .candidates
        .iter()
        .filter(|c| c.node_kind == NodeKind::Actor && !is_generic_body(&c.name))
        .map(|c| (c.id.clone(), c.name.clone()))
        .chain(found.mentions.iter().filter_map(|m| {
            lex.entities
                .get(&m.id)
                .filter(|e| e.node_kind == NodeKind::Actor && e.kind != "person")
                .map(|e| (e.id.clone(), e.name.clone()))
        }))
        .collect();
    let mut into: Vec<(String, Option<String>)> = Vec::new();
    for (id, name) in generic {
        let kind = name.strip_prefix("The ").unwrap_or(&name);
        let of = bodies
            .iter()
            .filter(|(other, full)| other != &id && full.len() > kind.len() && full.ends_with(kind))
            .map(|(other, _)| other.as_str());
        let body = only_one(of).map(str::to_string);
        into.push((id, body));
    }
    retire(found, &into);
}

/// The one id among `ids` (repeats counted once), if there is exactly one.
fn only_one<'a>(ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The people of the article, borrowed: (id, name) of its person candidates, then of
/// the lexicon persons it mentions (once per mention).
fn article_people<'f>(lex: &'f Lexicon, found: &'f Found) -> Vec<(&'f str, &'f str)> {
    found
        .candidates
        .iter()
        .filter(|c| c.kind == "person")
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .chain(
            found
                .mentions
                .iter()
                .filter_map(|m| lex.entities.get(&m.id))
                .filter(|e| e.kind == "person")
                .map(|e| (e.id.as_str(), e.name.as_str())),
        )
        .collect()
}

/// The people of the article named by more than one word ([`article_people`]), each
/// once, sorted: those a one-word form may stand for.
fn people_of_full_names<'f>(lex: &'f Lexicon, found: &'f Found) -> Vec<(&'f str, &'f str)> {
    let mut people = article_people(lex, found);
    people.retain(|(_, n)| n.contains(' '));
    people.sort_unstable();
    people.dedup();
    people
}

/// Words that close a party's or body's full name and that its short name leaves off:
/// "Reform" of "Reform UK", "Alba" of "Alba Party".
const SHORT_NAME_SUFFIXES: &[&str] = &["UK", "Party", "Cymru"];

/// "Reform" in an article that names Reform UK: a one-word candidate that is not a
/// person ("In Cornwall Reform lost its majority", drafted as a place that acts) and
/// whose word opens the name of exactly one actor the article mentions, the rest of
/// that name being only "UK", "Party" or "Cymru", is that actor.
pub(super) fn merge_short_names(lex: &Lexicon, found: &mut Found) {
    let mut longs: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .filter_map(|m| lex.entities.get(&m.id))
        .filter(|e| e.node_kind == NodeKind::Actor && e.kind != "person")
        .filter_map(|e| {
            let (head, tail) = e.name.rsplit_once(' ')?;
            (SHORT_NAME_SUFFIXES.contains(&tail) && !head.contains(' '))
                .then_some((head, e.id.as_str()))
        })
        .collect();
    longs.sort_unstable();
    longs.dedup();
    let mut merged: Vec<(String, String, String)> = Vec::new();
    for c in &found.candidates {
        if c.node_kind != NodeKind::Actor || c.kind == "person" || c.name.contains(' ') {
            continue;
        }
        let mut of = longs.iter().filter(|(head, _)| *head == c.name);
        if let (Some((_, id)), None) = (of.next(), of.next()) {
            merged.push((c.id.clone(), (*id).to_string(), c.name.clone()));
        }
    }
    fold_into(found, &merged);
}

/// A new policy or body found once by a cue ("the Liveable Streets schemes", "chief
/// executive of Quidco") is mentioned wherever the article writes its name or an
/// alias again ("he does not support Liveable Streets", "Quidco has cut jobs"), as a
/// lexicon entry would be once added: so that the claims of those sentences are about
/// it, and a body named first as someone's employer acts where it acts. A policy's
/// forms of two words or more; a body's also of one capitalised word of four letters
/// or more. Case as written, whole words, not inside another mention.
pub(super) fn mention_new_candidates_again(layout: &Layout, found: &mut Found) {
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for (k, c) in found.candidates.iter().enumerate() {
        let body = c.node_kind == NodeKind::Actor
            && matches!(
                c.kind.as_str(),
                "organisation" | "think-tank" | "government-body"
            );
        if c.node_kind != NodeKind::Policy && !body {
            continue;
        }
        for f in std::iter::once(&c.name).chain(&c.aliases) {
            let one_word_name = body
                && f.len() >= 4
                && !f.contains(' ')
                && f.starts_with(|ch: char| ch.is_uppercase());
            if f.split_whitespace().count() >= 2 || one_word_name {
                forms.push((f.as_str(), k));
            }
        }
    }
    if forms.is_empty() {
        return;
    }
    // Longest first, so that "Liveable Streets schemes" wins over "Liveable Streets".
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    // Each form's searcher made once, not once per sentence (`match_indices` would).
    let finders: Vec<(memchr::memmem::Finder<'_>, usize)> = forms
        .iter()
        .map(|&(form, k)| (memchr::memmem::Finder::new(form), k))
        .collect();
    let mut add: Vec<Mention> = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        let norm = s.norm.as_str();
        for (finder, k) in &finders {
            let (form, k) = (finder.needle(), *k);
            // Left to right, not overlapping, as `match_indices`.
            for at in finder.find_iter(norm.as_bytes()) {
                let end = at + form.len();
                let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                if !edge(norm[..at].chars().next_back()) || !edge(norm[end..].chars().next()) {
                    continue;
                }
                let covered = found
                    .mentions
                    .iter()
                    .chain(&add)
                    .any(|m| m.sentence == si && m.start < end && at < m.end);
                if !covered {
                    add.push(Mention {
                        id: found.candidates[k].id.clone(),
                        sentence: si,
                        start: at,
                        end,
                        how: MentionHow::Candidate,
                    });
                }
            }
        }
    }
    for m in &add {
        if let Some(c) = found.candidates.iter_mut().find(|c| c.id == m.id) {
            c.count += 1;
        }
    }
    found.mentions.extend(add);
}

#[cfg(test)]
mod tests {
    use super::{closes_with_words, opens_with_words};

    #[test]
    fn word_prefix_and_suffix_tests_are_the_format_patterns() {
        let words = [
            "",
            " ",
            "chancellor",
            "chancellor ",
            " chancellor",
            "chancellor of the exchequer",
            "shadow chancellor",
            "chancellors",
            "the chancellor",
            "prime minister",
            "minister",
            "deputy prime minister",
            "mayor of london",
        ];
        for s in words {
            for w in words {
                assert_eq!(
                    opens_with_words(s, w),
                    s.starts_with(&format!("{w} ")),
                    "{s:?} {w:?}"
                );
                assert_eq!(
                    closes_with_words(s, w),
                    s.ends_with(&format!(" {w}")),
                    "{s:?} {w:?}"
                );
            }
        }
    }
}
