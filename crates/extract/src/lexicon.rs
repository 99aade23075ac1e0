//! The corpus as the extractor reads it: curated actors, policies and events with
//! their names, dated events prepared for finding references to them, the corpus'
//! earlier claims (indexed for proposing echoes), every id already used, and one
//! [`Scanner`] over every phrase list read sentence by sentence. The detectors'
//! own phrase lists are handed in by the pipeline ([`crate::lexicon`]).
//!
//! The background lexicon ([`crate::background`]) is merged in here: the corpus
//! wins (a background entry naming a corpus entry only lends it its other names),
//! the other background entries are matched like corpus entries but remembered
//! apart (their sources), so that drafts propose them as lexicon additions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::scan::{Scanner, Set, GATES};
use super::tfidf::{tfidf, EchoIndex, Vector};
use super::words::{content_words, EVENT_VERBS};
use levelmap_model::date::PartialDate;
use levelmap_model::mentions::NamePatterns;
use levelmap_model::suggest::fold;
use levelmap_model::{Corpus, Entity, NodeKind, Origin};

/// A dated event of the lexicon, prepared for finding references to it.
#[derive(Debug, Clone)]
pub(crate) struct EventInfo {
    /// Id.
    pub(crate) id: String,
    /// Name.
    pub(crate) name: String,
    /// Kind (election, publication, ...).
    pub(crate) kind: String,
    /// Date.
    pub(crate) date: PartialDate,
    /// The name without its verb, lowercase ("levelling up taskforce"), and the verb stem ("launch").
    pub(crate) core: Option<(String, String)>,
    /// Content words of name, aliases and description, with weights.
    pub(crate) bag: BTreeMap<String, f64>,
    /// From the background lexicon: found by its names only, to date an undated
    /// article (never by shared words, never a draft's `[[refers_to]]`).
    pub(crate) background: bool,
    /// The coming into being of what it names ([`crate::background::Entry::founding`]):
    /// a lower bound only.
    pub(crate) founding: bool,
}

/// An earlier claim of the corpus, for proposing echoes.
#[derive(Debug, Clone)]
pub struct KnownClaim {
    /// Id.
    pub(crate) id: String,
    /// Its article's date.
    pub(crate) date: Option<PartialDate>,
    /// Content words of its quote and label.
    pub(crate) words: Vec<String>,
}

/// The corpus as the extractor needs it: lexicon entries and a matcher over their
/// names, events, roles, earlier claims and every id already used.
pub struct Lexicon {
    /// Curated actors, policies and events by id (looked up for every mention:
    /// hashed; the scanner and name index are built from them in id order first).
    pub(crate) entities: rustc_hash::FxHashMap<String, Entity>,
    /// The ids of the entities of kind `person`, for the same.
    pub(crate) person_ids: rustc_hash::FxHashSet<String>,
    /// The ids of the entities of kind `place`, for the same.
    pub(crate) place_ids: rustc_hash::FxHashSet<String>,
    /// The keys of `entities` that `levelmap_model::is_valid_id` accepts, checked once
    /// here rather than in every draft that mentions them.
    pub(crate) valid_entity_ids: rustc_hash::FxHashSet<String>,
    /// The events (indices into `events`) whose names have a subject and verb; the
    /// subjects are the [`Set::EventCore`] phrases of the scanner, in this order.
    pub(crate) core_events: Vec<usize>,
    names: HashMap<String, String>,
    /// Events, prepared.
    pub(crate) events: Vec<EventInfo>,
    /// Claims of the corpus (public for their count, which the extract benchmark prints).
    pub claims: Vec<KnownClaim>,
    /// The claims' vectors as an inverted index, for proposing echoes.
    pub(crate) echo_index: EchoIndex,
    /// Every id defined in the corpus (entities, candidates, claims, articles).
    pub(crate) ids: BTreeSet<String>,
    /// `ids` in a hash set, for membership tests in hot loops.
    pub(crate) id_set: rustc_hash::FxHashSet<String>,
    /// One automaton over every phrase list read sentence by sentence.
    pub(crate) scanner: Scanner,
    /// The background entries not in the corpus lexicon: id -> source.
    pub(crate) background: rustc_hash::FxHashMap<String, String>,
    /// The names of the background entries, normalised: id -> names (for [`Lexicon::case_ok`]).
    bg_names: rustc_hash::FxHashMap<String, Vec<String>>,
    /// Generic aliases ("white paper" of a named white paper), folded: id -> aliases.
    pub(crate) generic: rustc_hash::FxHashMap<String, Vec<String>>,
    /// Head aliases of policies: one word that is the last word of the entry's name
    /// ("independence" of "Scottish independence"), folded: id -> aliases.
    pub(crate) head_aliases: rustc_hash::FxHashMap<String, Vec<String>>,
    /// Every folded name of the background policies in the lexicon, including those a
    /// corpus entry of another kind took: name -> policy id (see `entities::groups`).
    pub(crate) bg_policy_names: rustc_hash::FxHashMap<String, String>,
    /// The local councils by their place ("Tower Hamlets" -> Tower Hamlets Council),
    /// for "the council" of an article about one place (see `entities::councils`).
    pub(crate) councils: rustc_hash::FxHashMap<String, Vec<String>>,
    /// The ids of `councils`, for looking a mention up.
    pub(crate) council_ids: rustc_hash::FxHashSet<String>,
}

/// Whether a lexicon is built with the background lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// The corpus lexicon and the background lexicon (what `extract` and `add` use).
    On,
    /// The corpus lexicon alone.
    Off,
}

impl Lexicon {
    /// Prepare a corpus's lexicon, with the phrase lists of the detectors (each list
    /// one [`Set`]) for its scanner. Only curated entries count as lexicon; candidates
    /// proposed by other drafts are known ids, so that they are not proposed twice.
    pub(crate) fn new<'p>(
        corpus: &Corpus,
        phrases: impl IntoIterator<Item = (Set, Vec<&'p str>)>,
        with: Background,
    ) -> Self {
        let mut entities: BTreeMap<String, Entity> = corpus
            .entities
            .iter()
            .filter(|(_, e)| !matches!(e.origin, Origin::Extracted(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let background = if with == Background::On {
            merge_background(&mut entities, crate::background::entries())
        } else {
            rustc_hash::FxHashMap::default()
        };
        let generic = generic_aliases(&entities);
        let head_aliases = head_aliases(&entities);
        let bg_names = background
            .keys()
            .filter_map(|id| entities.get(id))
            .map(|e| {
                let names = std::iter::once(&e.name).chain(&e.aliases);
                (
                    e.id.clone(),
                    names
                        .map(|n| levelmap_model::evidence::normalise(n))
                        .collect(),
                )
            })
            .collect();
        let bg_policy_names = if with == Background::On {
            background_policy_names(&background, &entities)
        } else {
            rustc_hash::FxHashMap::default()
        };
        let events = prepare_events(
            entities.values().filter(|e| e.node_kind == NodeKind::Event),
            &background,
        );
        let core_events: Vec<usize> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.core.is_some())
            .map(|(i, _)| i)
            .collect();
        let scanner = scanner(&entities, &events, &core_events, phrases);
        let (claims, claim_df) = known_claims(corpus);
        let claim_vectors: Vec<Vector> = claims
            .iter()
            .map(|c| tfidf(&c.words, &claim_df, claims.len()))
            .collect();
        let claim_dates: Vec<Option<PartialDate>> = claims.iter().map(|c| c.date).collect();
        let echo_index = EchoIndex::new(&claim_vectors, &claim_df, &claim_dates);
        let mut ids: BTreeSet<String> = corpus.entities.keys().cloned().collect();
        ids.extend(corpus.claims.keys().cloned());
        ids.extend(
            corpus
                .articles
                .keys()
                .map(|a| levelmap_model::article_node_id(a)),
        );
        let ids_of_kind = |kind: &str| {
            entities
                .iter()
                .filter(|(_, e)| e.kind == kind)
                .map(|(id, _)| id.clone())
                .collect()
        };
        let (person_ids, place_ids) = (ids_of_kind("person"), ids_of_kind("place"));
        let valid_entity_ids = entities
            .keys()
            .filter(|id| levelmap_model::is_valid_id(id))
            .cloned()
            .collect();
        let id_set = ids.iter().cloned().collect();
        let names = name_index(&entities);
        let councils = crate::entities::councils_by_place(&entities, &names);
        let council_ids = councils.values().flatten().cloned().collect();
        Lexicon {
            names,
            councils,
            council_ids,
            entities: entities.into_iter().collect(),
            person_ids,
            place_ids,
            valid_entity_ids,
            core_events,
            events,
            claims,
            echo_index,
            ids,
            id_set,
            scanner,
            background,
            bg_names,
            generic,
            head_aliases,
            bg_policy_names,
        }
    }

    /// Whether `found`, a match of a name of `id`, is written as a background name
    /// must be: a background name with a capital matches only as written or in
    /// capitals ("The Times", not "the times"; "Onward", not "onward"), or with its
    /// acronyms as written and its other words in one case ("RHI Scandal" of "RHI
    /// scandal"); an all-lowercase one in any case. Corpus names follow the corpus rule alone.
    pub(crate) fn case_ok(&self, id: &str, found: &str) -> bool {
        let Some(names) = self.bg_names.get(id) else {
            return true;
        };
        // The id's kind (a lookup in the entity map) is read only when a name's other
        // tests fail, once per call.
        let mut programme = None;
        !found.chars().any(char::is_lowercase)
            || names.iter().any(|n| {
                // The first four tests each need a name as long as what was found (the
                // words of the two differ at most in the case of ASCII letters).
                (n.len() == found.len()
                    && (n == found
                        || (!n.chars().any(char::is_uppercase) && n.eq_ignore_ascii_case(found))
                        || small_caps(n, found)
                        || headline_case(n, found)
                        || institution_lowered(n, found)
                        || levelmap_model::mentions::article_lowered(n, found)
                        || levelmap_model::mentions::keeps_acronyms_in_one_case(n, found)))
                    || (*programme
                        .get_or_insert_with(|| self.kind_of(id) == Some(NodeKind::Policy))
                        && (lower_case_programme(n, &sentence_to_lower(found))
                            || (n.len() == found.len() && programme_lowered(n, found))))
                    // a lower-case name's other spellings, which the scan looks for:
                    // "clean-power mission", "cuts to welfare"
                    || levelmap_model::mentions::is_lower_spelling(n, found)
            })
    }

    /// The lexicon id for a name (folded comparison of names and aliases).
    pub(crate) fn id_for_name(&self, name: &str) -> Option<&str> {
        self.names.get(&fold(name)).map(String::as_str)
    }

    /// The node kind of a known id.
    pub(crate) fn kind_of(&self, id: &str) -> Option<NodeKind> {
        self.entities.get(id).map(|e| e.node_kind)
    }
}

/// Whether `found` is the named programme `name` written all in lower case, as
/// articles often write them ("the towns fund", "city deals", "investment zones"): a
/// name of two words or more ending in a programme's head noun (fund, deal,
/// programme, scheme, zone, levy, act, ...). Names ending in words that are common in
/// prose ("plan", "mission", "settlement") keep their capitals.
fn lower_case_programme(name: &str, found: &str) -> bool {
    const HEADS: &[&str] = &[
        "Fund",
        "Funds",
        "Deal",
        "Deals",
        "Programme",
        "Scheme",
        "Initiative",
        "Zone",
        "Zones",
        "Levy",
        "Grant",
        "Act",
        "Bill",
        "Strategy",
        "Powerhouse",
        "Partnership",
        "Partnerships",
        "White Paper",
    ];
    let lower = found.chars().all(|c| !c.is_uppercase());
    lower
        && name.contains(' ')
        && HEADS
            .iter()
            .any(|h| name.ends_with(h) && name.as_bytes()[name.len() - h.len() - 1] == b' ')
        && found == name.to_lowercase()
}

/// Whether `found` is background name `name` in headline case, its small linking
/// words capitalised ("More In Common", "Institute For Government"): every other
/// word exactly as the name writes it.
fn headline_case(name: &str, found: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with",
    ];
    let mut raised = false;
    let (mut nw, mut fw) = (name.split(' '), found.split(' '));
    loop {
        match (nw.next(), fw.next()) {
            (None, None) => return raised,
            (Some(n), Some(f)) if n == f => {}
            (Some(n), Some(f)) if SMALL.contains(&n) => {
                let mut cs = n.chars();
                let cap: String = cs
                    .next()
                    .map(|c| c.to_uppercase().chain(cs).collect())
                    .unwrap_or_default();
                if f != cap {
                    return false;
                }
                raised = true;
            }
            _ => return false,
        }
    }
}

/// Whether `found` is background name `name` of an institution with its generic
/// tail in lower case, as the press writes them ("the Welsh government", "the
/// Scottish government", "the Northern Ireland executive", "Greater Manchester
/// combined authority"): the name's first words exactly as written (the first
/// capitalised, and no "The"), the rest in lower case, ending in an institution's head
/// noun. The capitalised words keep what makes it a name ("Welsh"), so no English
/// phrase matches by chance.
fn institution_lowered(name: &str, found: &str) -> bool {
    levelmap_model::mentions::lowered_tail(name, found, INSTITUTION_HEADS)
}

/// Whether `found` is background name `name` of a programme with its generic tail in
/// lower case, as the press often writes them ("the Levelling Up fund", "the
/// Northern Powerhouse rail project"): the model's rule, which the scan applies too.
fn programme_lowered(name: &str, found: &str) -> bool {
    levelmap_model::mentions::lowered_tail(name, found, levelmap_model::mentions::PROGRAMME_HEADS)
}

/// An institution's head nouns, for [`institution_lowered`].
const INSTITUTION_HEADS: &[&str] = &[
    "agency",
    "assembly",
    "authority",
    "bank",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "executive",
    "government",
    "ministry",
    "office",
    "parliament",
    "party",
];

/// `found` in lower case if it is written in Sentence case ("Local enterprise
/// partnerships" opening a sentence), else `found` itself.
fn sentence_to_lower(found: &str) -> std::borrow::Cow<'_, str> {
    let mut cs = found.chars();
    let sentence = cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase());
    if sentence {
        std::borrow::Cow::Owned(found.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(found)
    }
}

/// Whether `found` is background name `name` with its acronyms written in lower case,
/// as pages that set acronyms in small capitals give them ("Reform uk", "hs2", "the
/// snp"): every other word is as written, and a name made only of lowered acronyms
/// counts only when each cannot be an English word (it holds a digit or no vowel), so
/// "cbi" or "gla" alone are not taken, nor "us" for "US".
fn small_caps(name: &str, found: &str) -> bool {
    let is_acronym = |w: &str| {
        w.len() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && w.chars().any(|c| c.is_ascii_uppercase())
    };
    let mut lowered = 0;
    let mut anchored = false;
    let mut all_not_words = true;
    let (mut nw, mut fw) = (name.split(' '), found.split(' '));
    loop {
        match (nw.next(), fw.next()) {
            (None, None) => break,
            (Some(n), Some(f)) if n == f => anchored |= f.chars().any(char::is_uppercase),
            (Some(n), Some(f)) if is_acronym(n) && f == n.to_ascii_lowercase() => {
                lowered += 1;
                all_not_words &= levelmap_model::mentions::is_small_caps_acronym(n, f);
            }
            _ => return false,
        }
    }
    lowered > 0 && (anchored || all_not_words)
}

/// Actors and policies, the ones [`Set::LexExact`] and [`Set::LexFolded`] match.
fn actors_and_policies(
    entities: &BTreeMap<String, Entity>,
) -> impl Iterator<Item = &Entity> + Clone {
    entities
        .values()
        .filter(|e| matches!(e.node_kind, NodeKind::Actor | NodeKind::Policy))
}

/// Merge the background `entries` into the corpus `entities` (the corpus wins): an
/// entry with a corpus entry's id, or one of its names, lends that entry its other
/// names (those no corpus entry has); any other entry is added without the names a
/// corpus entry has. Returns the added entries' ids with their sources.
fn merge_background(
    entities: &mut BTreeMap<String, Entity>,
    entries: &[crate::background::Entry],
) -> rustc_hash::FxHashMap<String, String> {
    let mut corpus_names: HashMap<String, String> = HashMap::new();
    for e in entities.values() {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            corpus_names.entry(fold(n)).or_insert_with(|| e.id.clone());
        }
    }
    let mut added = rustc_hash::FxHashMap::default();
    for b in entries {
        let names = || std::iter::once(&b.entity.name).chain(&b.entity.aliases);
        // Only an entry of the same kind is the same thing: a corpus actor named
        // "combined authorities" does not absorb the policy (the institution).
        let kind = b.entity.node_kind;
        let same = if entities.contains_key(&b.entity.id) && !added.contains_key(&b.entity.id) {
            Some(b.entity.id.clone())
        } else {
            names()
                .filter_map(|n| corpus_names.get(&fold(n)))
                .find(|id| levelmap_model::kind_of_id(id) == Some(kind))
                .cloned()
        };
        let fresh: Vec<String> = names()
            .filter(|n| !corpus_names.contains_key(&fold(n)))
            .cloned()
            .collect();
        match same {
            Some(id) => {
                if let Some(e) = entities.get_mut(&id) {
                    for n in fresh {
                        corpus_names.insert(fold(&n), id.clone());
                        e.aliases.push(n);
                    }
                }
            }
            None => {
                let mut e = b.entity.clone();
                e.aliases.retain(|a| fresh.contains(a));
                if !fresh.contains(&e.name) {
                    match e.aliases.first() {
                        Some(a) => e.name = a.clone(),
                        None => continue,
                    }
                }
                added.insert(e.id.clone(), b.source.clone());
                entities.insert(e.id.clone(), e);
            }
        }
    }
    added
}

/// Every folded name (as the background file gives it) of the background policies
/// in `entities`: name -> id.
fn background_policy_names(
    background: &rustc_hash::FxHashMap<String, String>,
    entities: &BTreeMap<String, Entity>,
) -> rustc_hash::FxHashMap<String, String> {
    let mut out = rustc_hash::FxHashMap::default();
    for b in crate::background::entries() {
        let e = &b.entity;
        if e.node_kind != NodeKind::Policy
            || !(background.contains_key(&e.id) || entities.contains_key(&e.id))
        {
            continue;
        }
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            out.entry(fold(n)).or_insert_with(|| e.id.clone());
        }
    }
    out
}

/// The generic aliases of every actor and policy, folded.
fn generic_aliases(
    entities: &BTreeMap<String, Entity>,
) -> rustc_hash::FxHashMap<String, Vec<String>> {
    let mut out: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
    for e in actors_and_policies(entities) {
        let name = fold(&e.name);
        for a in &e.aliases {
            let f = fold(a);
            if f != name
                && f.split(' ')
                    .all(|w| levelmap_model::mentions::GENERIC_WORDS.contains(&w))
            {
                out.entry(e.id.clone()).or_default().push(f);
            }
        }
    }
    out
}

/// The head aliases of every policy (see [`Lexicon::head_aliases`]).
fn head_aliases(entities: &BTreeMap<String, Entity>) -> rustc_hash::FxHashMap<String, Vec<String>> {
    let mut out: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
    for e in entities
        .values()
        .filter(|e| e.node_kind == NodeKind::Policy)
    {
        let name = fold(&e.name);
        for a in &e.aliases {
            let f = fold(a);
            if !f.contains(' ') && name.len() > f.len() && name.ends_with(&format!(" {f}")) {
                out.entry(e.id.clone()).or_default().push(f);
            }
        }
    }
    out
}

/// Folded name, alias and id tail of every actor and policy -> its id (the first
/// entry, in id order, wins).
fn name_index(entities: &BTreeMap<String, Entity>) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for e in actors_and_policies(entities) {
        for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
            names.entry(fold(n)).or_insert_with(|| e.id.clone());
        }
        names
            .entry(fold(e.id.split_once(':').map_or("", |p| p.1)))
            .or_insert_with(|| e.id.clone());
    }
    names
}

/// The curated claims of the corpus, with the document frequency of their content words.
fn known_claims(corpus: &Corpus) -> (Vec<KnownClaim>, HashMap<String, usize>) {
    let mut claims = Vec::new();
    let mut claim_df: HashMap<String, usize> = HashMap::new();
    for c in corpus
        .claims
        .values()
        .filter(|c| !matches!(c.origin, Origin::Extracted(_)))
    {
        let words = content_words(&c.evidence.quote);
        let uniq: HashSet<&String> = words.iter().collect();
        for w in uniq {
            *claim_df.entry(w.clone()).or_insert(0) += 1;
        }
        claims.push(KnownClaim {
            id: c.id.clone(),
            date: corpus.article_date(&c.evidence.article),
            words,
        });
    }
    (claims, claim_df)
}

/// The one automaton over the lexicon's names (actors and policies, events, event
/// subjects), the detectors' `phrases` and the regex [`GATES`].
fn scanner<'p>(
    entities: &BTreeMap<String, Entity>,
    events: &[EventInfo],
    core_events: &[usize],
    phrases: impl IntoIterator<Item = (Set, Vec<&'p str>)>,
) -> Scanner {
    let lex_names = NamePatterns::new(actors_and_policies(entities));
    let event_names =
        NamePatterns::new(entities.values().filter(|e| e.node_kind == NodeKind::Event));
    let core_subjects = core_events
        .iter()
        .map(|&i| {
            (
                events[i].core.as_ref().map_or("", |c| c.0.as_str()),
                events[i].id.as_str(),
            )
        })
        .collect();
    let unlabelled = |list: Vec<&'p str>| list.into_iter().map(|p| (p, "")).collect::<Vec<_>>();
    let mut scanner = Scanner::labelled(
        [
            (Set::LexExact, lex_names.exact_pairs()),
            (Set::LexFolded, lex_names.folded_pairs()),
            (Set::EventExact, event_names.exact_pairs()),
            (Set::EventFolded, event_names.folded_pairs()),
            (Set::EventCore, core_subjects),
        ]
        .into_iter()
        .chain(
            phrases
                .into_iter()
                .map(|(set, list)| (set, unlabelled(list))),
        )
        .chain(
            GATES
                .iter()
                .map(|(set, list)| (*set, list.iter().map(|p| (*p, "")).collect())),
        ),
    );
    scanner.keep_case(Set::LexExact, &lex_names.exact_keeps);
    scanner.keep_case(Set::EventExact, &event_names.exact_keeps);
    scanner
}

fn prepare_events<'a>(
    events: impl Iterator<Item = &'a Entity>,
    background: &rustc_hash::FxHashMap<String, String>,
) -> Vec<EventInfo> {
    let events: Vec<&Entity> = events.filter(|e| e.date.is_some()).collect();
    let bags: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let mut t = e.name.clone();
            for a in &e.aliases {
                t.push(' ');
                t.push_str(a);
            }
            if let Some(d) = &e.description {
                t.push(' ');
                t.push_str(d);
            }
            content_words(&t)
        })
        .collect();
    let n = events.len().max(1) as f64;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for b in &bags {
        let u: HashSet<&str> = b.iter().map(String::as_str).collect();
        for w in u {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    events
        .iter()
        .zip(&bags)
        .map(|(e, b)| {
            let bag = b
                .iter()
                .map(|w| (w.clone(), (1.0 + n / df[w.as_str()] as f64).ln()))
                .collect();
            EventInfo {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                date: e.date.expect("filtered"),
                core: event_core(&e.name),
                bag,
                background: background.contains_key(&e.id),
                founding: background.contains_key(&e.id)
                    && crate::background::entries()
                        .binary_search_by(|b| b.entity.id.as_str().cmp(&e.id))
                        .is_ok_and(|i| crate::background::entries()[i].founding),
            }
        })
        .collect()
}

/// Split an event name at its verb: "Levelling Up Taskforce launched" -> ("levelling up taskforce", "launch").
fn event_core(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (i, stem) = words.iter().enumerate().find_map(|(i, w)| {
        let lw = w.to_lowercase();
        EVENT_VERBS
            .iter()
            .find(|(v, _)| *v == lw)
            .map(|(_, s)| (i, *s))
    })?;
    let subject = words[..i].join(" ").to_lowercase();
    let subject = subject.trim_end_matches("'s").to_string();
    let ok = subject.split_whitespace().count() >= 2 || subject.len() >= 6;
    ok.then(|| (subject, stem.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_core_splits_a_name_at_its_verb() {
        assert_eq!(
            event_core("Levelling Up Taskforce launched"),
            Some(("levelling up taskforce".into(), "launch".into()))
        );
        assert_eq!(event_core("2019 general election"), None);
    }
}
