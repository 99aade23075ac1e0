//! Actors, policies and events in an article: every lexicon name and alias (one
//! aho-corasick pass per sentence, with English case and word-boundary rules), new
//! candidates the lexicon lacks (people with their roles, organisations,
//! programmes, quoted coinages), and short forms resolved within the article
//! ("Reeves" after "Rachel Reeves", "the Chancellor" when one known actor held
//! that role at the time).

//!
//! [`find`] reads each sentence: lexicon hits, then new candidates
//! ([`sentence`], with capitalised [`runs`], the [`people`] they name, the names
//! found by their [`contexts`] and [`acronyms`]) over the sentence's [`tokens`]; then
//! short forms are resolved ([`resolve`]), mentions by a generic alias settled
//! ([`generic`]), generic groups ("local authorities") dropped or turned into the
//! institution they name ([`groups`]), and places kept only where they act ([`places`]).
//! [`find_events`] finds event references.

mod acronyms;
mod contexts;
mod councils;
mod figures;
mod generic;
mod groups;
mod people;
mod places;
mod pledges;
mod resolve;
mod runs;
mod sentence;
mod subjects;
#[cfg(test)]
mod tests;
mod tokens;
mod vox;

use std::collections::{BTreeMap, BTreeSet};

use crate::found::{EventRef, Found, Header};
use crate::items::{Candidate, Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::scan::{Scan, Scanner, Set};
use crate::sentences::{BlockKind, Layout};
use levelmap_model::mentions::{ends_a_compound, in_another_name, is_boundary, HitRef};
use levelmap_model::suggest::fold;
use levelmap_model::NodeKind;
use resolve::resolve_short_forms;
use sentence::{Finds, Scratch, SentenceCtx, SentenceScan};
use tokens::{Vocab, Words};

pub(crate) use councils::councils_by_place;
pub(crate) use people::attribution_line;
pub(crate) use resolve::resolve_roles;
#[cfg(test)]
pub(crate) use resolve::role_regex;

/// Candidates below this confidence are not written (unless a claim or edge uses them).
pub(crate) const DEFAULT_MIN_CANDIDATE_CONFIDENCE: f64 = 0.5;

/// Find references to lexicon events: their names and aliases, or the subject of the
/// name with a form of its verb ("launching a Levelling Up Taskforce").
pub(crate) fn find_events(layout: &Layout, lex: &Lexicon, scan: &Scan) -> Vec<EventRef> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut hits = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        lexicon_hits(
            &lex.scanner,
            scan,
            si,
            &s.norm,
            [Set::EventExact, Set::EventFolded],
            &lex.person_ids,
            &mut hits,
        );
        for h in &hits {
            if seen.insert((h.id, si)) {
                out.push(EventRef {
                    id: h.id.to_string(),
                    sentence: si,
                    confidence: 0.8,
                });
            }
        }
        if !scan.any(si, Set::EventCore) {
            continue;
        }
        for m in scan.overlapping(si, Set::EventCore) {
            let (start, end) = (m.start as usize, m.end as usize);
            let e = &lex.events[lex.core_events[m.idx as usize]];
            let Some((_, verb)) = &e.core else { continue };
            let ok_before = !s.norm[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let ok_after = !s.norm[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if !(ok_before && ok_after) {
                continue;
            }
            let has_verb = s
                .norm
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() >= verb.len() && w[..verb.len()].eq_ignore_ascii_case(verb));
            if has_verb && seen.insert((e.id.as_str(), si)) {
                out.push(EventRef {
                    id: e.id.clone(),
                    sentence: si,
                    confidence: 0.7,
                });
            }
        }
    }
    out
}

/// The matches of a lexicon [`Matcher`] (its case-sensitive and its any-case names)
/// in sentence `si`, from the combined scan: what `Matcher::find_into` gives.
pub(crate) fn lexicon_hits<'m>(
    scanner: &'m Scanner,
    scan: &Scan,
    si: usize,
    norm: &str,
    sets: [Set; 2],
    people: &rustc_hash::FxHashSet<String>,
    out: &mut Vec<HitRef<'m>>,
) {
    out.clear();
    let mut push = |set: Set, o: crate::scan::Occ| {
        let (start, end) = (o.start as usize, o.end as usize);
        let id = scanner.label(set, o.idx);
        // A person's one-word name ending another person's name ("Stephen Bailey").
        let other_person = !norm[start..end].contains(' ')
            && people.contains(id)
            && in_another_name(norm, start, end);
        if is_boundary(norm, start, end) && !other_person && !ends_a_compound(norm, start, end) {
            out.push(HitRef { id, start, end });
        }
    };
    for set in sets {
        // Names with capitals give way after "the" as the graph's matcher has them give
        // way; lower-case names are matched leftmost-longest there too.
        if set == Set::LexExact {
            for o in crate::scan::leftmost_longest_names(scan.of(si), set, norm) {
                push(set, o);
            }
        } else {
            for o in scan.leftmost_longest(si, set) {
                push(set, o);
            }
        }
    }
    out.sort_by(|a, b| (a.start, a.end, a.id).cmp(&(b.start, b.end, b.id)));
    levelmap_model::mentions::drop_nested(out);
}

/// Whether `norm[a..b]` is all that a pair of quotation marks holds: a name quoted in
/// any case is the name ("a scheme called 'pride in place'").
fn in_quotation_marks(norm: &str, a: usize, b: usize) -> bool {
    let (before, after) = (norm[..a].chars().next_back(), norm[b..].chars().next());
    matches!(
        (before, after),
        (Some('"'), Some('"')) | (Some('\''), Some('\''))
    )
}

/// Whether `found`, an acronym that is a name of lexicon entry `id` ("BCC", the
/// British Chambers of Commerce), stands for another organisation in this text: the
/// text never names the entry but spells the acronym out as an organisation of its
/// own ("Bristol City Council ... BCC set itself some conditions"). Answers are kept
/// per acronym and entry in `seen`.
fn acronym_of_another<'m>(
    text: &str,
    lex: &Lexicon,
    id: &'m str,
    found: &str,
    seen: &mut rustc_hash::FxHashMap<(&'m str, String), bool>,
) -> bool {
    if !(2..=6).contains(&found.len()) || !found.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let Some(e) = lex.entities.get(id) else {
        return false;
    };
    *seen.entry((id, found.to_string())).or_insert_with(|| {
        memchr::memmem::find(text.as_bytes(), e.name.as_bytes()).is_none()
            && acronyms::spelled_out_by(text, found, |w| crate::words::org_head(w).is_some())
    })
}

/// Find lexicon mentions and new candidates in every sentence.
pub(crate) fn find(
    text: &str,
    layout: &Layout,
    lex: &Lexicon,
    header: &Header,
    scan: &Scan,
) -> Found {
    let mut found = Found::default();
    // Lowercase vocabulary of the article: a capitalised word whose lowercase form is
    // used elsewhere is a common word, not a name, at the start of a sentence.
    let vocab = Vocab::new(layout);
    let mut cands: BTreeMap<String, Candidate> = BTreeMap::new();
    let mut cand_mentions: Vec<Mention> = Vec::new();
    let wtoks = Words::new(layout);
    let mut hits = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut scratch = Scratch::default();
    let mut org_hits: Vec<(usize, usize)> = Vec::new();
    let mut acronyms = rustc_hash::FxHashMap::default();
    for (si, s) in layout.sentences.iter().enumerate() {
        lexicon_hits(
            &lex.scanner,
            scan,
            si,
            &s.norm,
            [Set::LexExact, Set::LexFolded],
            &lex.person_ids,
            &mut hits,
        );
        hits.retain(|h| {
            lex.case_ok(h.id, &s.norm[h.start..h.end])
                || in_quotation_marks(&s.norm, h.start, h.end)
        });
        hits.retain(|h| {
            !acronym_of_another(text, lex, h.id, &s.norm[h.start..h.end], &mut acronyms)
        });
        for h in &hits {
            found.mentions.push(Mention {
                id: h.id.to_string(),
                sentence: si,
                start: h.start,
                end: h.end,
                how: MentionHow::Lexicon,
            });
        }
        let kind = layout.blocks[s.block].kind;
        let signed =
            kind == BlockKind::Heading && s.block >= header.body_start && attribution_line(&s.norm);
        if signed {
            found.signatures.push(si);
        }
        if (kind == BlockKind::Heading && !signed) || header.boilerplate.contains(&s.block) {
            continue;
        }
        spans.clear();
        spans.extend(hits.iter().map(|h| (h.start, h.end)));
        org_hits.clear();
        if scan.any(si, Set::OrgGate) {
            // In the order of separate searches: phrase by phrase, each in text order.
            org_hits.extend(
                scan.overlapping(si, Set::OrgGate)
                    .into_iter()
                    .map(|o| (o.idx as usize, o.start as usize)),
            );
            org_hits.sort_unstable();
        }
        let ctx = SentenceCtx {
            si,
            norm: &s.norm,
            toks: wtoks.of(si),
            q: (text, s.start, s.end),
            hit_spans: &spans,
            org_hits: &org_hits,
        };
        let out = Finds {
            cands: &mut cands,
            mentions: &mut cand_mentions,
            roles: &mut found.roles,
            scratch: &mut scratch,
        };
        scan_sentence(&ctx, signed, &vocab, lex, out);
    }
    let final_cands = settle_candidates(cands, &mut cand_mentions, lex);
    if !scratch.superseded.is_empty() {
        found.mentions.retain(|m| {
            !(m.how == MentionHow::Lexicon
                && scratch.superseded.contains(&(m.sentence, m.start, m.end)))
        });
    }
    found.mentions.extend(cand_mentions);
    found.candidates = final_cands;
    drop_names_inside_bodies(&mut found);
    resolve::mention_new_candidates_again(layout, &mut found);
    resolve::merge_lone_names(lex, &mut found);
    resolve_short_forms(layout, &wtoks, lex, &mut found);
    resolve::reassign_bare_surnames(layout, lex, &mut found);
    resolve::resolve_titled_given_names(layout, &wtoks, lex, &mut found);
    resolve::merge_peers(lex, &mut found);
    resolve::merge_name_tails(lex, &mut found);
    resolve::merge_familiar_names(lex, &mut found);
    resolve::merge_short_names(lex, &mut found);
    resolve::merge_titled_surnames(lex, &mut found);
    resolve::merge_generic_bodies(lex, &mut found);
    generic::settle_generic(layout, lex, &mut found);
    generic::settle_head_aliases(layout, lex, &mut found);
    groups::settle_groups(layout, lex, &mut found);
    places::keep_acting_places(layout, lex, &mut found);
    councils::the_council_of_the_place(layout, lex, &mut found);
    keep_argued_event_like(layout, lex, &mut found);
    green_members(layout, lex, &mut found);
    pledges::housing_targets(layout, lex, &mut found);
    drop_asides(layout, lex, &mut found);
    drop_offices_in_titles(layout, lex, &mut found);
    found
        .mentions
        .sort_by(|a, b| (a.sentence, a.start, &a.id).cmp(&(b.sentence, b.start, &b.id)));
    found
        .mentions
        .dedup_by(|a, b| a.sentence == b.sentence && a.start == b.start && a.id == b.id);
    found
}

/// "Labour and Green councillors", "a Green MP", "Scottish Green MSPs": "Green" before
/// a word for the party's members or its vote names the Green Party (the Scottish
/// Greens after "Scottish"), which "Green" alone, a common word and a surname, does
/// not. Not after a capitalised word other than "Scottish" ("Damian Green MP"), nor
/// as a person's title ("Green MP Ellie Chowns").
fn green_members(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    const MEMBERS: &[&str] = &[
        "councillor",
        "councillors",
        "MP",
        "MPs",
        "MSP",
        "MSPs",
        "MS",
        "MSs",
        "AM",
        "AMs",
        "MEP",
        "MEPs",
        "peer",
        "candidate",
        "candidates",
        "group",
        "leader",
        "leaders",
        "co-leader",
        "co-leaders",
        "member",
        "members",
        "voters",
        "vote",
        "campaigners",
        "politician",
        "politicians",
        "mayor",
        "mayors",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "manifesto",
        "surge",
    ];
    let mut add = Vec::new();
    for (si, s) in layout.sentences.iter().enumerate() {
        let norm = &s.norm;
        for (at, _) in norm.match_indices("Green ") {
            let before = &norm[..at];
            if before.ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let next = norm[at + 6..]
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
                .next()
                .unwrap_or("");
            if !MEMBERS.contains(&next) {
                continue;
            }
            // "Green MP Ellie Chowns": a person's title, where the person acts.
            let after = norm[at + 6 + next.len()..].trim_start();
            if after.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let prev = before.trim_end().rsplit(' ').next().unwrap_or("");
            let scottish = prev == "Scottish";
            if !scottish && prev.starts_with(|c: char| c.is_uppercase()) && !prev.is_empty() {
                // "Damian Green MP"; "The Green" and "And Green" at a sentence's start are
                // capitalised function words.
                if !matches!(prev, "The" | "A" | "And" | "But" | "Labour" | "Liberal") {
                    continue;
                }
            }
            let (id, start) = if scottish {
                ("actor:scottish-green-party", at - "Scottish ".len())
            } else {
                ("actor:green-party", at)
            };
            if !lex.entities.contains_key(id) {
                continue;
            }
            let end = at + "Green".len();
            if found
                .mentions
                .iter()
                .any(|m| m.sentence == si && m.start < end && start < m.end)
            {
                continue;
            }
            add.push(Mention {
                id: id.to_string(),
                sentence: si,
                start,
                end,
                how: MentionHow::Lexicon,
            });
        }
    }
    found.mentions.extend(add);
}

/// Drop a known actor's name met inside a longer body's name found in the same place:
/// "Westminster" (the UK Government) in "Westminster Council", "Tower Hamlets" in
/// "Tower Hamlets Council". The longer name is the body meant, as the graph's longest
/// match has it once the body is in the lexicon.
fn drop_names_inside_bodies(found: &mut Found) {
    let bodies: Vec<(usize, usize, usize)> = found
        .mentions
        .iter()
        .filter(|m| m.how == MentionHow::Candidate && m.id.starts_with("actor:"))
        .filter(|m| {
            found.candidates.iter().any(|c| {
                c.id == m.id
                    && matches!(
                        c.kind.as_str(),
                        "government-body" | "organisation" | "party" | "think-tank"
                    )
            })
        })
        .map(|m| (m.sentence, m.start, m.end))
        .collect();
    if bodies.is_empty() {
        return;
    }
    found.mentions.retain(|m| {
        !(m.how == MentionHow::Lexicon
            && (m.id.starts_with("actor:") || m.id.starts_with("policy:"))
            && bodies.iter().any(|&(si, a, b)| {
                si == m.sentence && a <= m.start && m.end <= b && (a, b) != (m.start, m.end)
            }))
    });
}

/// Drop the mentions of a policy that is also an event ("Brexit") where it is not
/// argued about ("after Brexit"), those of a policy idea named only to date something
/// ("since devolution") or in an office's title ("Net Zero Secretary"), and such a
/// candidate left with none (`levelmap_model::eventlike` and `titles`, the rules the
/// graph's mentions follow too).
fn keep_argued_event_like(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    use levelmap_model::eventlike::{
        argued_as_policy, is_event_like, only_a_modifier, only_a_time,
    };
    use levelmap_model::titles::in_a_title;
    let dated: Vec<bool> = found
        .mentions
        .iter()
        .map(|m| {
            m.id.starts_with("policy:")
                && layout.sentences.get(m.sentence).is_some_and(|s| {
                    only_a_time(&s.norm, m.start, m.end)
                        || only_a_modifier(&s.norm, m.start, m.end)
                        || in_a_title(&s.norm, m.start, m.end)
                })
        })
        .collect();
    if dated.contains(&true) {
        let dated_ids: rustc_hash::FxHashSet<String> = found
            .mentions
            .iter()
            .zip(&dated)
            .filter(|(_, &d)| d)
            .map(|(m, _)| m.id.clone())
            .collect();
        let mut flags = dated.into_iter();
        found.mentions.retain(|_| !flags.next().unwrap_or(false));
        found.drop_unmentioned(|c| dated_ids.contains(&c.id));
    }
    let name_of = |id: &str, found: &Found| -> Option<String> {
        lex.entities.get(id).map(|e| e.name.clone()).or_else(|| {
            found
                .candidates
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
        })
    };
    let event_like: rustc_hash::FxHashSet<String> = found
        .mentions
        .iter()
        .filter(|m| name_of(&m.id, found).is_some_and(|n| is_event_like(&n)))
        .map(|m| m.id.clone())
        .collect();
    if event_like.is_empty() {
        return;
    }
    found.mentions.retain(|m| {
        !event_like.contains(&m.id)
            || layout
                .sentences
                .get(m.sentence)
                .is_some_and(|s| argued_as_policy(&s.norm, m.start, m.end))
    });
    found.drop_unmentioned(|c| event_like.contains(&c.id));
}

/// Drop the mentions of actors met only in an aside ("like David Cameron and his
/// Brexit referendum", "leave Downing Street", "companies such as Apple and Google":
/// `levelmap_model::aside`, the rule the
/// graph's mentions follow too), and a candidate left with none.
fn drop_asides(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    // Each candidate's kinds by id, looked up once per mention instead of searched.
    let mut candidates: CandidateKinds<'_> = rustc_hash::FxHashMap::default();
    for c in &found.candidates {
        // The first candidate of an id, as a search in order finds.
        candidates
            .entry(c.id.as_str())
            .or_insert((c.node_kind, c.kind.as_str()));
    }
    let asides: Vec<bool> = found
        .mentions
        .iter()
        .map(|m| {
            actor_kind(&m.id, lex, &candidates).is_some_and(|k| {
                layout.sentences.get(m.sentence).is_some_and(|s| {
                    levelmap_model::aside::only_an_aside(&s.norm, m.start, m.end, k)
                })
            })
        })
        .collect();
    if !asides.contains(&true) {
        return;
    }
    let dropped: rustc_hash::FxHashSet<String> = found
        .mentions
        .iter()
        .zip(&asides)
        .filter(|(_, a)| **a)
        .map(|(m, _)| m.id.clone())
        .collect();
    let mut a = asides.into_iter();
    found.mentions.retain(|_| !a.next().unwrap_or(false));
    found.drop_unmentioned(|c| dropped.contains(&c.id));
}

/// The article's candidates: id -> (node kind, kind).
type CandidateKinds<'a> = rustc_hash::FxHashMap<&'a str, (levelmap_model::NodeKind, &'a str)>;

/// The kind of the actor `id` (of the lexicon or a candidate); None for another node.
fn actor_kind<'a>(id: &str, lex: &'a Lexicon, candidates: &CandidateKinds<'a>) -> Option<&'a str> {
    lex.entities
        .get(id)
        .map(|e| (e.node_kind, e.kind.as_str()))
        .or_else(|| candidates.get(id).copied())
        .filter(|(k, _)| *k == levelmap_model::NodeKind::Actor)
        .map(|(_, kind)| kind)
}

/// Drop the mentions of a department or office that only forms a person's title
/// ("Cabinet Office Minister Michael Gove", "Treasury minister Jo Smith"): there the
/// person acts, not the office. Parties ("Labour leader Keir Starmer") keep theirs.
fn drop_offices_in_titles(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    const TITLES: &[&str] = &[
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
    ];
    found.mentions.retain(|m| {
        let Some(s) = layout.sentences.get(m.sentence) else {
            return true;
        };
        let office = m.how == MentionHow::Lexicon
            && lex.entities.get(&m.id).is_some_and(|e| {
                e.node_kind == levelmap_model::NodeKind::Actor && e.kind == "government-body"
            });
        if !office {
            return true;
        }
        let mut after = s.norm[m.end..].split_whitespace();
        let titled = after
            .next()
            .is_some_and(|w| TITLES.contains(&w.to_ascii_lowercase().as_str()))
            && after
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        !titled
    });
}

/// The candidates to propose: a candidate named in the lexicon under the same folded
/// name is a lexicon mention (its mentions are renamed) if the entry is of its node
/// kind, and is dropped with its mentions if not (an actor is no mention of a policy);
/// one whose id is a lexicon entry's is dropped; one found twice or more gains
/// confidence, and one already proposed elsewhere in the corpus is marked known.
fn settle_candidates(
    cands: BTreeMap<String, Candidate>,
    cand_mentions: &mut Vec<Mention>,
    lex: &Lexicon,
) -> Vec<Candidate> {
    let mut final_cands = Vec::new();
    let mut other_kind: Vec<String> = Vec::new();
    let cands = set_up_bodies_are_policies(cands, cand_mentions);
    for (_, mut c) in cands {
        if let Some(id) = lex.id_for_name(&c.name) {
            if lex.kind_of(id).is_some_and(|k| k != c.node_kind) {
                // "NHS", read as the body "National Health Service", where the
                // lexicon holds that name as a policy: the lexicon says what the name
                // is, and an actor found by it is no mention of that policy.
                other_kind.push(c.id);
                continue;
            }
            let id = id.to_string();
            for m in cand_mentions.iter_mut().filter(|m| m.id == c.id) {
                m.id = id.clone();
                m.how = MentionHow::Lexicon;
            }
            continue;
        }
        if lex.id_set.contains(&c.id) && lex.entities.contains_key(&c.id) {
            continue;
        }
        // "Its university shaped John Milton, Charles Darwin and Stephen Hawking": a
        // figure of history named in passing acts in no debate of today, unless quoted.
        if c.kind == "person"
            && c.count < 3
            && figures::is_figure(&c.name)
            && !figures::quoted_in(&c.quote)
        {
            other_kind.push(c.id);
            continue;
        }
        if c.count >= 2 {
            c.confidence = (c.confidence + 0.1).min(0.95);
        }
        c.known = lex.id_set.contains(&c.id);
        final_cands.push(c);
    }
    if !other_kind.is_empty() {
        cand_mentions.retain(|m| !other_kind.contains(&m.id));
    }
    final_cands
}

/// A body the article says is being set up ("replace it with a Department for
/// Growth") is a policy wherever the article names it ("the new Department for
/// Growth would be in Birmingham"): the actor found under the same name gives its
/// mentions to the policy.
fn set_up_bodies_are_policies(
    mut cands: BTreeMap<String, Candidate>,
    cand_mentions: &mut [Mention],
) -> BTreeMap<String, Candidate> {
    let institutions: Vec<(String, String)> = cands
        .values()
        .filter(|c| c.node_kind == NodeKind::Policy && c.kind == "institution")
        .map(|c| (fold(&c.name), c.id.clone()))
        .collect();
    if institutions.is_empty() {
        return cands;
    }
    let merged: Vec<(String, String)> = cands
        .values()
        .filter(|c| c.node_kind == NodeKind::Actor)
        .filter_map(|c| {
            let name = fold(&c.name);
            let (_, to) = institutions.iter().find(|(n, _)| *n == name)?;
            Some((c.id.clone(), to.clone()))
        })
        .collect();
    for (from, to) in merged {
        let Some(actor) = cands.remove(&from) else {
            continue;
        };
        for m in cand_mentions.iter_mut().filter(|m| m.id == from) {
            m.id = to.clone();
        }
        if let Some(p) = cands.get_mut(&to) {
            p.count += actor.count;
        }
    }
    cands
}

/// Find new candidates in one sentence, step after step (the order matters: a
/// candidate keeps the quote and evidence of its first find). A line signing a
/// quotation (`signed`, [`people::attribution_line`]) is read only for its person
/// and the body after the role, not the role's words.
fn scan_sentence(
    ctx: &SentenceCtx<'_, '_>,
    signed: bool,
    vocab: &Vocab<'_>,
    lex: &Lexicon,
    out: Finds<'_>,
) {
    let mut s = SentenceScan {
        c: ctx,
        vocab,
        lex,
        out,
    };
    if signed {
        s.signature();
        return;
    }
    s.parenthesised_acts();
    s.defined_acronyms();
    s.lower_case_councils();
    s.capitalised_runs();
    s.usual_names();
    s.named_before_lower_heads();
    s.named_projects();
    s.employers_of_roles();
    if !ctx.org_hits.is_empty() {
        s.before_org_heads();
    }
    s.quoted_names();
    s.acting_places();
    s.lone_subject();
    s.first_names_alone();
    s.listed_with_bodies();
    s.authors_of_research();
    s.bodies_called();
    s.named_after_policy_verbs();
}
