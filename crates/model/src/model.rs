//! The corpus as read and validated: articles, actors, policies, events, claims and
//! evidenced relations, with every reference resolved to a known id.

use std::collections::BTreeMap;
use std::fmt;

use crate::date::PartialDate;

macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The name used in files, JSON and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }

            /// Parse the file/JSON/CLI name; `_` and `-` are interchangeable.
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim().to_ascii_lowercase().replace('_', "-");
                match s.as_str() { $($s => Some($name::$var),)+ _ => None }
            }

            /// The accepted names, for error messages.
            pub fn names() -> String {
                [$($s),+].join(" | ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| serde::de::Error::custom(format!(
                    "unknown {} '{}': expected one of {}", stringify!($name), s, $name::names()
                )))
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                $name::parse(s).ok_or_else(|| format!("'{}' is not one of {}", s, $name::names()))
            }
        }
    };
}

str_enum!(
    /// The five kinds of node in the graph.
    NodeKind {
        /// A published article.
        Article = "article",
        /// A person, party, body or organisation.
        Actor = "actor",
        /// A policy, programme, fund, agenda or strategy.
        Policy = "policy",
        /// A claim made in an article.
        Claim = "claim",
        /// A dated milestone.
        Event = "event",
    }
);

str_enum!(
    /// The typed edges of the graph.
    EdgeKind {
        /// actor -> article
        Authored = "authored",
        /// article -> actor
        PublishedBy = "published-by",
        /// article -> actor | policy (computed from the text)
        Mentions = "mentions",
        /// article -> claim
        Makes = "makes",
        /// claim -> actor (the article reports someone else's claim)
        AttributedTo = "attributed-to",
        /// claim -> policy, with a stance
        About = "about",
        /// claim -> claim
        Supports = "supports",
        /// claim -> claim
        Attacks = "attacks",
        /// later claim -> earlier claim it restates
        Echoes = "echoes",
        /// actor -> policy
        Proposes = "proposes",
        /// actor -> policy
        Criticises = "criticises",
        /// actor -> actor
        MemberOf = "member-of",
        /// policy -> policy
        EvolvesInto = "evolves-into",
        /// policy -> policy
        Replaces = "replaces",
        /// policy -> policy
        PartOf = "part-of",
        /// article -> event
        RefersTo = "refers-to",
    }
);

impl NodeKind {
    /// The plural, for summaries ("policies").
    pub fn plural(self) -> &'static str {
        match self {
            NodeKind::Article => "articles",
            NodeKind::Actor => "actors",
            NodeKind::Policy => "policies",
            NodeKind::Claim => "claims",
            NodeKind::Event => "events",
        }
    }
}

impl EdgeKind {
    /// The node kinds this edge may join, as (allowed sources, allowed targets).
    pub fn endpoints(self) -> (&'static [NodeKind], &'static [NodeKind]) {
        use NodeKind::*;
        match self {
            EdgeKind::Authored => (&[Actor], &[Article]),
            EdgeKind::PublishedBy => (&[Article], &[Actor]),
            EdgeKind::Mentions => (&[Article], &[Actor, Policy, Event]),
            EdgeKind::Makes => (&[Article], &[Claim]),
            EdgeKind::AttributedTo => (&[Claim], &[Actor]),
            EdgeKind::About => (&[Claim], &[Policy]),
            EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Echoes => (&[Claim], &[Claim]),
            EdgeKind::Proposes | EdgeKind::Criticises => (&[Actor], &[Policy]),
            EdgeKind::MemberOf => (&[Actor], &[Actor]),
            EdgeKind::EvolvesInto | EdgeKind::Replaces | EdgeKind::PartOf => (&[Policy], &[Policy]),
            EdgeKind::RefersTo => (&[Article], &[Event]),
        }
    }

    /// The edge read backwards, for explanations ("proposes" -> "proposed by").
    pub fn inverse_phrase(self) -> &'static str {
        match self {
            EdgeKind::Authored => "authored by",
            EdgeKind::PublishedBy => "publishes",
            EdgeKind::Mentions => "mentioned in",
            EdgeKind::Makes => "made in",
            EdgeKind::AttributedTo => "said",
            EdgeKind::About => "discussed in",
            EdgeKind::Supports => "supported by",
            EdgeKind::Attacks => "attacked by",
            EdgeKind::Echoes => "echoed by",
            EdgeKind::Proposes => "proposed by",
            EdgeKind::Criticises => "criticised by",
            EdgeKind::MemberOf => "has member",
            EdgeKind::EvolvesInto => "evolved from",
            EdgeKind::Replaces => "replaced by",
            EdgeKind::PartOf => "includes",
            EdgeKind::RefersTo => "referred to by",
        }
    }

    /// The edge read forwards ("evolves-into" -> "evolves into").
    pub fn phrase(self) -> &'static str {
        match self {
            EdgeKind::PublishedBy => "published by",
            EdgeKind::AttributedTo => "attributed to",
            EdgeKind::MemberOf => "member of",
            EdgeKind::EvolvesInto => "evolves into",
            EdgeKind::PartOf => "part of",
            EdgeKind::RefersTo => "refers to",
            other => other.as_str(),
        }
    }
}

str_enum!(
    /// What kind of actor.
    ActorKind {
        /// A named person.
        Person = "person",
        /// A political party.
        Party = "party",
        /// A ministry, department, committee or authority.
        GovernmentBody = "government-body",
        /// A company, university, union, charity or other organisation.
        Organisation = "organisation",
        /// A think tank or research institute.
        ThinkTank = "think-tank",
        /// A place or group of places acting politically ("the Red Wall").
        Place = "place",
    }
);

str_enum!(
    /// What kind of policy.
    PolicyKind {
        /// A broad political agenda ("levelling up").
        Agenda = "agenda",
        /// A programme of action.
        Programme = "programme",
        /// A pot of money.
        Fund = "fund",
        /// A single measure.
        Measure = "measure",
        /// A body or institution created by policy.
        Institution = "institution",
        /// A white paper.
        WhitePaper = "white-paper",
        /// A strategy or plan.
        Strategy = "strategy",
    }
);

str_enum!(
    /// What kind of dated event.
    EventKind {
        /// An election.
        Election = "election",
        /// A referendum.
        Referendum = "referendum",
        /// A publication (white paper, report).
        Publication = "publication",
        /// An announcement or launch.
        Announcement = "announcement",
        /// A crisis or scandal.
        Crisis = "crisis",
        /// Anything else.
        Other = "other",
    }
);

str_enum!(
    /// A claim's stance toward a policy.
    Stance {
        /// In favour.
        For = "for",
        /// Against.
        Against = "against",
        /// Both for and against.
        Mixed = "mixed",
        /// Describes without taking a side.
        Neutral = "neutral",
    }
);

str_enum!(
    /// What a claim does.
    ClaimKind {
        /// Says what should be done.
        Recommendation = "recommendation",
        /// Judges something.
        Evaluation = "evaluation",
        /// Says what will happen.
        Prediction = "prediction",
        /// States a fact.
        Description = "description",
    }
);

str_enum!(
    /// Whether a date was stated in the text or inferred from it.
    DateProvenance {
        /// Stated in the text.
        Stated = "stated",
        /// Inferred from what the text refers to.
        Inferred = "inferred",
    }
);

/// Where a node or edge came from.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Origin {
    /// Written by a person in the corpus files.
    #[default]
    Curated,
    /// Computed from the corpus (mentions, makes).
    Derived,
    /// Drafted by `levelmap extract`, not yet reviewed; with its confidence (0..1).
    Extracted(f64),
}

/// Hashed by the confidence's bits (the bits graph.json writes: `-0.0` is not `0.0`),
/// for the fingerprints of graph.json's items ([`crate::json_index`]).
impl std::hash::Hash for Origin {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        match self {
            Origin::Curated => h.write_u8(0),
            Origin::Derived => h.write_u8(1),
            Origin::Extracted(c) => {
                h.write_u8(2);
                h.write_u64(c.to_bits());
            }
        }
    }
}

/// Shared, immutable text: cloning it copies a pointer, not the text. Node ids, labels
/// and quotes are named again and again in answers (a hub's timeline names the same
/// policy tens of thousands of times).
pub type Text = std::sync::Arc<str>;

/// A verbatim quote from an article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    /// The article id (file stem, without the `article:` prefix).
    pub article: Text,
    /// The quote, verbatim as written by the curator.
    pub quote: Text,
}

/// An article's date with its provenance.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct ArticleDate {
    /// The date.
    pub value: PartialDate,
    /// Stated or inferred.
    pub provenance: DateProvenance,
    /// The sentence of the text it rests on.
    pub evidence: Option<String>,
    /// How an inferred date follows from the evidence.
    pub reasoning: Option<String>,
}

/// A published article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// File stem.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Its date.
    pub date: ArticleDate,
    /// Full text.
    pub text: String,
    /// Path of the text file, as given to the reader.
    pub text_path: String,
    /// Curated, or drafted by `levelmap extract`.
    pub origin: Origin,
}

/// A role an actor held.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Role {
    /// "Chancellor of the Exchequer".
    pub title: String,
    /// The body the role is in, if any.
    pub of: Option<String>,
    /// Start.
    pub from: Option<PartialDate>,
    /// End; none means still held.
    pub to: Option<PartialDate>,
}

/// A lexicon entry: actor, policy or event.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// `actor:...`, `policy:...` or `event:...`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Node kind (Actor, Policy or Event).
    pub node_kind: NodeKind,
    /// Sub-kind as text: an [`ActorKind`], [`PolicyKind`] or [`EventKind`] name.
    pub kind: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Free description.
    pub description: Option<String>,
    /// For events: the date.
    pub date: Option<PartialDate>,
    /// For actors: roles held.
    pub roles: Vec<Role>,
    /// Where it came from.
    pub origin: Origin,
}

/// A claim made in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// `claim:...`.
    pub id: String,
    /// Short paraphrase, used as the label.
    pub text: String,
    /// Verbatim quote and its article.
    pub evidence: Evidence,
    /// What the claim does.
    pub kind: ClaimKind,
    /// The speaker when not the article's author.
    pub speaker: Option<String>,
    /// Hedged ("could", "may").
    pub hedged: bool,
    /// Where it came from.
    pub origin: Origin,
}

/// A typed, evidenced edge between two ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Source id.
    pub from: String,
    /// Kind.
    pub kind: EdgeKind,
    /// Target id.
    pub to: String,
    /// Verbatim quote and its article.
    pub evidence: Evidence,
    /// For `about` edges.
    pub stance: Option<Stance>,
    /// The curator's note.
    pub note: Option<String>,
    /// Where it came from.
    pub origin: Origin,
}

/// The whole corpus, resolved: every id a relation names is known.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// Articles by id (file stem).
    pub articles: BTreeMap<String, Article>,
    /// Actors, policies and events by id.
    pub entities: BTreeMap<String, Entity>,
    /// Claims by id.
    pub claims: BTreeMap<String, Claim>,
    /// Every edge, in file order (sorted by the graph builder).
    pub relations: Vec<Relation>,
    /// Digest of the input files, so that queries can tell a stale build.
    pub digest: String,
}

impl Corpus {
    /// The date of an article by its id.
    pub fn article_date(&self, article: &str) -> Option<PartialDate> {
        self.articles.get(article).map(|a| a.date.value)
    }
}

/// The graph id of an article (`article:<stem>`).
pub fn article_node_id(stem: &str) -> String {
    format!("article:{stem}")
}

/// The kind named by an id's prefix (`actor:x` -> Actor).
pub fn kind_of_id(id: &str) -> Option<NodeKind> {
    // The usual prefixes first, compared as bytes (this runs for every mention).
    for (p, k) in [
        ("actor:", NodeKind::Actor),
        ("policy:", NodeKind::Policy),
        ("claim:", NodeKind::Claim),
    ] {
        if id.len() > p.len() && id.as_bytes().starts_with(p.as_bytes()) {
            return Some(k);
        }
    }
    let (prefix, rest) = id.split_once(':')?;
    if rest.is_empty() {
        return None;
    }
    // The usual spellings without allocating; anything else as `parse` reads it.
    match prefix {
        "actor" => Some(NodeKind::Actor),
        "policy" => Some(NodeKind::Policy),
        "claim" => Some(NodeKind::Claim),
        "event" => Some(NodeKind::Event),
        "article" => Some(NodeKind::Article),
        _ => NodeKind::parse(prefix),
    }
}

/// The longest id, in bytes: ids become file names (`articles/<stem>.toml`,
/// `evolution-<slug>.svg`), which most file systems cap at 255 bytes.
pub const MAX_ID_BYTES: usize = 200;

/// Whether `id` is `kind:slug` with a lowercase ASCII slug of letters, digits and
/// hyphens (graph/README.md), at most [`MAX_ID_BYTES`] long.
pub fn is_valid_id(id: &str) -> bool {
    id_problem(id).is_none()
}

/// What is wrong with `id`, in words, or `None` when it is valid (see [`is_valid_id`]).
pub fn id_problem(id: &str) -> Option<String> {
    let Some((p, slug)) = id.split_once(':') else {
        return Some("not of the form kind:slug".into());
    };
    if NodeKind::parse(p).is_none() {
        return Some(format!(
            "'{p}' is not a kind (actor, policy, event, claim, article)"
        ));
    }
    if slug.is_empty() {
        return Some("the slug after ':' is empty".into());
    }
    if let Some(c) = slug
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    {
        return Some(format!(
            "{c:?} is not allowed: a slug is lowercase letters, digits and hyphens"
        ));
    }
    if id.len() > MAX_ID_BYTES {
        return Some(format!(
            "{} bytes long, over the limit of {MAX_ID_BYTES}",
            id.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_and_accept_underscores() {
        for k in EdgeKind::ALL {
            assert_eq!(EdgeKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(EdgeKind::parse("evolves_into"), Some(EdgeKind::EvolvesInto));
        assert_eq!(ActorKind::parse("Think-Tank"), Some(ActorKind::ThinkTank));
        assert_eq!(EdgeKind::parse("nope"), None);
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("actor:rachel-reeves"));
        assert!(!is_valid_id("actor:Rachel"));
        assert!(!is_valid_id("person:x"));
        assert!(!is_valid_id("actor:"));
        assert!(
            !is_valid_id("policy:plan.b"),
            "dots make two ids share a file name"
        );
        assert!(!is_valid_id("article:.."), "a dot stem makes a hidden file");
        assert!(!is_valid_id("actor:a_b") && !is_valid_id("actor:a b"));
        assert!(is_valid_id(&format!(
            "actor:{}",
            "a".repeat(MAX_ID_BYTES - 6)
        )));
        assert!(!is_valid_id(&format!(
            "actor:{}",
            "a".repeat(MAX_ID_BYTES - 5)
        )));
        assert_eq!(
            id_problem("policy:plan.b").unwrap(),
            "'.' is not allowed: a slug is lowercase letters, digits and hyphens"
        );
        assert_eq!(kind_of_id("policy:x"), Some(NodeKind::Policy));
    }
}
