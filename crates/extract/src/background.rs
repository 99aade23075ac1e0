//! The background lexicon: what a researcher of UK regional policy knows before
//! reading an article (departments and agencies with their former names, parties,
//! devolved governments, combined authorities and metro mayors, think tanks,
//! news outlets, ministers with dated roles, the funds, deals and strategies since
//! 2010, and generic policy ideas). It lives in `crates/extract/data/background/`
//! (see the README there), in the corpus lexicon format plus a `source` for every
//! entry, is embedded in the binary and parsed once.
//!
//! It is kept apart from the corpus lexicon (`graph/lexicon`), which wins: a
//! background entry with the id or a name of a corpus entry only lends that entry
//! its other names ([`crate::lexicon::Lexicon`] merges them); the rest are matched
//! like lexicon entries and proposed as lexicon additions in the drafts that use
//! them ([`propose`]).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::items::{Candidate, Draft};
use crate::lexicon::Lexicon;
use crate::sentences::{quote, Layout};
use levelmap_model::date::PartialDate;
use levelmap_model::{Entity, NodeKind, Origin, Role};

/// The data files, embedded.
const FILES: [(&str, &str); 3] = [
    (
        "actors.toml",
        include_str!("../data/background/actors.toml"),
    ),
    (
        "policies.toml",
        include_str!("../data/background/policies.toml"),
    ),
    (
        "events.toml",
        include_str!("../data/background/events.toml"),
    ),
];

/// One background entry: a lexicon entity and where it is documented.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The entity (origin curated, as a lexicon entry).
    pub(crate) entity: Entity,
    /// The URL of an official or reference page documenting it.
    pub(crate) source: String,
    /// An event that is a name's coming into being ("Reform UK", named so since
    /// January 2021): an article naming it is from that date or later, whatever the
    /// time words of its sentence say.
    pub(crate) founding: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    actor: Vec<RawEntry>,
    #[serde(default)]
    policy: Vec<RawEntry>,
    #[serde(default)]
    event: Vec<RawEvent>,
}

/// A dated event (`events.toml`): used only to infer an undated article's date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    name: String,
    kind: String,
    date: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: String,
    source: String,
    /// The event is the coming into being of what its names name (`Entry::founding`).
    #[serde(default)]
    founding: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: String,
    source: String,
    #[serde(default)]
    role: Vec<RawRole>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    of: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// Parse one data file; `Err` names the file and what is wrong.
pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Entry>, String> {
    let raw: RawFile = toml::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    let date = |s: &Option<String>| -> Result<Option<PartialDate>, String> {
        s.as_deref()
            .map(|d| PartialDate::parse(d).map_err(|e| format!("{file}: date {d:?}: {e:?}")))
            .transpose()
    };
    let mut out = Vec::new();
    for (node_kind, list) in [(NodeKind::Actor, raw.actor), (NodeKind::Policy, raw.policy)] {
        for r in list {
            let mut roles = Vec::new();
            for x in &r.role {
                roles.push(Role {
                    title: x.title.clone(),
                    of: x.of.clone(),
                    from: date(&x.from)?,
                    to: date(&x.to)?,
                });
            }
            out.push(Entry {
                entity: Entity {
                    id: r.id,
                    name: r.name,
                    node_kind,
                    kind: r.kind,
                    aliases: r.aliases,
                    description: Some(r.description),
                    date: None,
                    roles,
                    origin: Origin::Curated,
                },
                source: r.source,
                founding: false,
            });
        }
    }
    for r in raw.event {
        out.push(Entry {
            entity: Entity {
                id: r.id,
                name: r.name,
                node_kind: NodeKind::Event,
                kind: r.kind,
                aliases: r.aliases,
                description: Some(r.description),
                date: date(&Some(r.date))?,
                roles: Vec::new(),
                origin: Origin::Curated,
            },
            source: r.source,
            founding: r.founding,
        });
    }
    Ok(out)
}

/// Every background entry, parsed once (empty if a file does not parse: the tests
/// below keep that from shipping).
pub(crate) fn entries() -> &'static [Entry] {
    static E: OnceLock<Vec<Entry>> = OnceLock::new();
    E.get_or_init(|| {
        let mut all = Vec::new();
        for (file, text) in FILES {
            all.extend(parse(file, text).unwrap_or_default());
        }
        all.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
        all
    })
}

/// Propose, as lexicon additions, the background entries the draft uses (by a
/// mention, as speaker, topic or relation end) that the corpus lexicon lacks: with
/// their kind, aliases, description and source, quoting their first mention.
pub(crate) fn propose(draft: &mut Draft, layout: &Layout, lex: &Lexicon) {
    for (id, first, count) in used_background(draft, lex) {
        let (Some(e), Some(source)) = (lex.entities.get(&id), lex.background.get(&id)) else {
            continue;
        };
        let q = first
            .and_then(|si| layout.sentences.get(si))
            .map(|s| quote(&draft.text, s.start, s.end))
            .or_else(|| draft.title_quote.clone());
        let Some(q) = q else { continue };
        draft.candidates.push(Candidate {
            id: id.clone(),
            name: e.name.clone(),
            node_kind: e.node_kind,
            kind: e.kind.clone(),
            aliases: e.aliases.clone(),
            role: None,
            quote: q,
            count,
            confidence: 0.8,
            evidence: format!(
                "background lexicon of UK public life: {} Source: {source}",
                e.description.as_deref().unwrap_or("")
            ),
            known: lex.id_set.contains(&id),
        });
    }
}

/// Every id the draft uses, as `Draft::entity_ids` gathers them (with repeats, of
/// any kind), borrowed.
fn draft_ids(d: &Draft) -> impl Iterator<Item = &str> + '_ {
    let claims = d.claims.iter().flat_map(|c| {
        c.speaker
            .iter()
            .map(String::as_str)
            .chain(c.about.iter().map(|(p, _)| p.as_str()))
    });
    let relations = d
        .relations
        .iter()
        .flat_map(|r| [r.from.as_str(), r.to.as_str()]);
    d.mentions
        .iter()
        .map(|m| m.id.as_str())
        .chain(d.candidates.iter().map(|c| c.id.as_str()))
        .chain(d.authors.iter().map(|a| a.id.as_str()))
        .chain(d.outlet.iter().map(|a| a.id.as_str()))
        .chain(claims)
        .chain(relations)
}

/// The background actors and policies the draft uses and does not already propose, in
/// id order, each with the sentence of its first mention and its number of mentions
/// (at least 1): one pass over the draft's ids and one over its mentions.
fn used_background(draft: &Draft, lex: &Lexicon) -> Vec<(String, Option<usize>, usize)> {
    let proposed: HashSet<&str> = draft.candidates.iter().map(|c| c.id.as_str()).collect();
    let mut used: BTreeMap<&str, (Option<usize>, usize)> = BTreeMap::new();
    for id in draft_ids(draft) {
        let kind = levelmap_model::kind_of_id(id);
        if matches!(kind, Some(NodeKind::Actor | NodeKind::Policy))
            && lex.background.contains_key(id)
            && !proposed.contains(id)
        {
            used.insert(id, (None, 0));
        }
    }
    for m in &draft.mentions {
        if let Some((first, count)) = used.get_mut(m.id.as_str()) {
            first.get_or_insert(m.sentence);
            *count += 1;
        }
    }
    used.into_iter()
        .map(|(id, (first, count))| (id.to_string(), first, count.max(1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::suggest::fold;
    use std::collections::BTreeMap;

    #[test]
    fn every_background_file_parses() {
        for (file, text) in FILES {
            let got = parse(file, text);
            assert!(got.as_ref().is_ok_and(|v| !v.is_empty()), "{got:?}");
        }
    }

    #[test]
    fn every_entry_has_a_source_a_valid_id_and_kind_and_no_name_clash() {
        let all = entries();
        assert!(all.len() > 250, "{} entries", all.len());
        let mut names: BTreeMap<String, &str> = BTreeMap::new();
        let mut ids = std::collections::BTreeSet::new();
        for e in all {
            let x = &e.entity;
            assert!(levelmap_model::is_valid_id(&x.id), "{}", x.id);
            assert_eq!(levelmap_model::kind_of_id(&x.id), Some(x.node_kind));
            assert!(ids.insert(x.id.clone()), "duplicate id {}", x.id);
            assert!(e.source.starts_with("https://"), "{}: {}", x.id, e.source);
            let kind_ok = match x.node_kind {
                NodeKind::Actor => levelmap_model::ActorKind::parse(&x.kind).is_some(),
                NodeKind::Event => levelmap_model::EventKind::parse(&x.kind).is_some(),
                _ => levelmap_model::PolicyKind::parse(&x.kind).is_some(),
            };
            assert!(kind_ok, "{}: kind {}", x.id, x.kind);
            // An event is dated, and may share its name with the policy it
            // publishes ("English Devolution White Paper"), as the corpus's do.
            if x.node_kind == NodeKind::Event {
                assert!(x.date.is_some(), "{}: no date", x.id);
                continue;
            }
            assert!(x.description.as_deref().is_some_and(|d| !d.is_empty()));
            for r in &x.roles {
                if let (Some(a), Some(b)) = (r.from, r.to) {
                    assert!(a.start_days() <= b.start_days(), "{}: {}", x.id, r.title);
                }
                if let Some(of) = &r.of {
                    assert!(all.iter().any(|o| &o.entity.id == of), "{}: {of}", x.id);
                }
            }
            for n in std::iter::once(&x.name).chain(&x.aliases) {
                let f = fold(n);
                assert!(!f.is_empty(), "{}: empty name", x.id);
                if let Some(other) = names.insert(f.clone(), &x.id) {
                    assert_eq!(other, x.id, "{n:?} names both {other} and {}", x.id);
                }
            }
        }
    }
}

#[cfg(test)]
mod propose_tests {
    use levelmap_model::Corpus;

    /// The draft of `text` (dated `date`) with the background lexicon only.
    fn draft_of(text: &str, date: &str) -> crate::items::Draft {
        let lex = crate::lexicon(&Corpus::default());
        crate::extract(
            "x.txt",
            text,
            Some(date),
            &lex,
            &crate::ExtractOptions::default(),
        )
        .unwrap()
    }

    /// Assert that the draft `d` proposes each of `ids` as a candidate.
    fn assert_proposes(d: &crate::items::Draft, ids: &[&str]) {
        for id in ids {
            assert!(d.candidate(id).is_some(), "{id}: {:?}", d.candidates);
        }
    }

    #[test]
    fn a_draft_proposes_the_background_entries_it_uses_with_their_source() {
        let text = "Funding cuts\n\nGeorge Osborne said the Northern Powerhouse will rebalance the economy. \
            The Institute for Fiscal Studies warned that business rates must be reformed.";
        let d = draft_of(text, "2015-01-x");
        for id in [
            "actor:george-osborne",
            "policy:northern-powerhouse",
            "actor:institute-for-fiscal-studies",
            "policy:business-rates",
        ] {
            let c = d
                .candidate(id)
                .unwrap_or_else(|| panic!("{id}: {:?}", d.candidates));
            assert!(c.evidence.contains("Source: https://"), "{c:?}");
            assert!(!c.known);
        }
        let ifs = d.candidate("actor:institute-for-fiscal-studies").unwrap();
        assert_eq!(ifs.kind, "think-tank");
        assert_eq!(ifs.aliases, ["IFS"]);
        let toml = crate::draft::render(&d, "x.txt");
        assert!(
            toml.contains("id = \"policy:northern-powerhouse\""),
            "{toml}"
        );
    }

    /// Ideas the development parts' annotators mark as policies wherever they are
    /// argued about (renewables, offshore wind, heat pumps, high-speed rail, tax
    /// rises, ...) were in no lexicon, so no draft proposed them.
    #[test]
    fn recurring_energy_transport_and_tax_ideas_were_no_policies() {
        let text = "Clean power\n\nThe plan locks in offshore wind and renewables, and heat pumps \
            matter more. Tax rises would pay for high-speed rail, though ticket-office closures \
            and airport expansion divide the party.";
        let d = draft_of(text, "2026-01-x");
        assert_proposes(
            &d,
            &[
                "policy:offshore-wind",
                "policy:renewable-energy",
                "policy:heat-pumps",
                "policy:tax-rises",
                "policy:high-speed-rail",
                "policy:ticket-office-closures",
                "policy:airport-expansion",
            ],
        );
    }

    /// "Capital spending" and "capital investment" were aliases of infrastructure
    /// investment, so a budget's capital side ("Holyrood's day-to-day and capital
    /// spending") drafted that policy where no annotator of the development parts saw
    /// one (0 of the 6 articles that use either phrase).
    #[test]
    fn a_budgets_capital_spending_was_drafted_as_infrastructure_investment() {
        let text = "Spending review\n\nCapital spending looks in an easier position, and the \
            plan would pay for capital investment by councils. Infrastructure investment \
            must rise.";
        let d = draft_of(text, "2025-06-x");
        let c = d
            .candidate("policy:infrastructure-investment")
            .unwrap_or_else(|| panic!("{:?}", d.candidates));
        assert_eq!(c.count, 1, "{c:?}");
    }

    /// Common phrasings of background policies named no policy: "to sell off council
    /// houses" (Right to Buy), "build more homes" (housebuilding), "targets for house
    /// building" (housing targets), "changes to the planning system" (planning reform),
    /// "cuts to local councils" (local government funding).
    #[test]
    fn a_policy_named_in_a_common_phrasing_was_missed() {
        let text = "Housing\n\nThe decision to sell off council houses began the crisis. We \
            must build more homes, yet targets for house building are set in Whitehall. The \
            changes to the planning system follow years of cuts to local councils.";
        let d = draft_of(text, "2024-01-x");
        assert_proposes(
            &d,
            &[
                "policy:right-to-buy",
                "policy:housebuilding",
                "policy:housing-targets",
                "policy:planning-reform",
                "policy:local-government-funding",
            ],
        );
    }

    /// Public ownership written out named no policy: "bringing the buses under public
    /// control" (bus franchising), "the railways back into public ownership" (rail
    /// nationalisation), "privatising" (privatisation).
    #[test]
    fn public_control_of_buses_and_rail_written_out_was_missed() {
        let text = "Transport\n\nThe mayor wants public control of buses, and Labour would bring \
            the railways back into public ownership, after decades of privatising them.";
        let d = draft_of(text, "2024-01-x");
        assert_proposes(
            &d,
            &[
                "policy:bus-franchising",
                "policy:rail-nationalisation",
                "policy:privatisation",
            ],
        );
    }

    /// "Build back better", the government's recovery slogan from 2020, written in lower
    /// case ("our plans to build back better") named no policy: it was only an alias,
    /// in capitals, of the March 2021 plan for growth.
    #[test]
    fn build_back_better_in_lower_case_was_missed() {
        let text = "Recovery\n\nHS2 is at the heart of our plans to build back better, the \
            minister said.";
        let d = draft_of(text, "2020-09-x");
        assert!(
            d.candidate("policy:build-back-better").is_some(),
            "{:?}",
            d.candidates
        );
        assert!(d.candidate("policy:plan-for-growth").is_none());
    }

    /// "Transport investment" was an alias of infrastructure investment, so an article
    /// on how transport schemes are appraised ("new approaches across all transport
    /// investment") drafted that policy where no annotator of the readable development
    /// parts saw one (0 of 5 articles).
    #[test]
    fn transport_investment_in_general_was_drafted_as_infrastructure_investment() {
        let text = "Appraisal\n\nHe believes the findings should prompt new approaches across \
            all transport investment, roads and rail alike.";
        let d = draft_of(text, "2022-01-x");
        assert!(
            d.candidate("policy:infrastructure-investment").is_none(),
            "{:?}",
            d.candidates
        );
    }

    #[test]
    fn the_corpus_lexicon_wins_over_the_background() {
        let mut c = Corpus::default();
        let e = levelmap_model::Entity {
            id: "actor:dluhc".into(),
            name: "Department for Levelling Up, Housing and Communities".into(),
            node_kind: levelmap_model::NodeKind::Actor,
            kind: "government-body".into(),
            aliases: vec![],
            description: None,
            date: None,
            roles: vec![],
            origin: levelmap_model::Origin::Curated,
        };
        c.entities.insert(e.id.clone(), e);
        let lex = crate::lexicon(&c);
        assert!(!lex.entities.contains_key("actor:mhclg"));
        assert_eq!(lex.id_for_name("MHCLG"), Some("actor:dluhc"));
        assert_eq!(
            lex.entities["actor:dluhc"].name,
            "Department for Levelling Up, Housing and Communities"
        );
    }

    /// Issue 12 (dev73, dev86, dev the Majority): National Insurance named in passing
    /// ("paid in national insurance") was drafted as a policy argued about three times
    /// in three, while the employer rise of the 2024 Budget, "the jobs tax", which the
    /// articles do argue about, was drafted as the tax itself or not at all.
    #[test]
    fn the_tax_named_in_passing_was_drafted_and_the_jobs_tax_missed() {
        let draft = |text: &str| draft_of(text, "2025-03-01");
        let d = draft(
            "Shops and jobs\n\nRetailers say the jobs tax will cost them dearly. \
             The Chancellor defended the rise in employer national insurance as necessary.",
        );
        assert!(
            d.candidate("policy:employer-national-insurance-rise")
                .is_some(),
            "{:?}",
            d.candidates
        );
        let d = draft("Pay slips\n\nMost of the money he earned was paid in tax and national insurance last year.");
        assert!(
            d.candidates
                .iter()
                .all(|c| !c.id.contains("national-insurance")),
            "{:?}",
            d.candidates
        );
    }

    /// Issue 12 (dev parts, six articles): "decarbonisation" named in passing ("the
    /// decarbonisation of the grid") was drafted as a policy argued about; the gold
    /// counted it in one of the six.
    #[test]
    fn decarbonisation_named_in_passing_was_drafted_as_a_policy() {
        let d = draft_of(
            "Grid costs\n\nThe decarbonisation of the grid will need new pylons across East Anglia.",
            "2025-03-01",
        );
        assert!(
            d.candidates.iter().all(|c| !c.id.contains("decarbon")),
            "{:?}",
            d.candidates
        );
    }
}
