//! The corpus files as written: serde structs with spans, before any validation.
//!
//! Only the reader uses them (the module is private). Unknown fields are refused so that a typo ("qoute = ...") is reported, not ignored.

use serde::Deserialize;
use toml::Spanned;

/// A string with its byte span in the file.
pub type S = Spanned<String>;

/// One lexicon entry (actor, policy or event): an `[[actor]]` of `lexicon/actors.toml`,
/// a `[[policy]]` of `lexicon/policies.toml` or an `[[event]]` of `lexicon/events.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    /// `kind:slug`.
    pub id: S,
    /// Display name.
    pub name: S,
    /// Sub-kind.
    pub kind: S,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<S>,
    /// Free text.
    pub description: Option<String>,
    /// Events only.
    pub date: Option<S>,
    /// Actors only.
    #[serde(default)]
    pub role: Vec<RawRole>,
    /// Actors only: member-of edges.
    #[serde(default)]
    pub affiliation: Vec<RawLink>,
    /// Policies only: evolves-into / replaces / part-of edges.
    #[serde(default)]
    pub lineage: Vec<RawLink>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}

/// A role with dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// Title of the role.
    pub title: S,
    /// The body.
    pub of: Option<S>,
    /// Start.
    pub from: Option<S>,
    /// End.
    pub to: Option<S>,
    /// Where this is known from (free text): accepted, for the curator, not used.
    #[allow(dead_code)]
    pub source: Option<String>,
}

/// An evidenced edge written in the lexicon.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// Edge kind (lineage only; affiliations are member-of).
    pub kind: Option<S>,
    /// Target id.
    pub to: S,
    /// Article stem holding the quote.
    pub article: S,
    /// The quote.
    pub quote: S,
    /// Curator's note.
    pub note: Option<String>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}

/// The top of `articles/<id>.toml`, without its arrays of tables (`[[author]]`,
/// `[[refers_to]]`, `[[claim]]`, `[[relation]]`, `[[candidate]]`), which are read one
/// record at a time.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArticleHead {
    /// Title.
    pub title: S,
    /// Source URL.
    pub url: Option<String>,
    /// The date table.
    pub date: Spanned<RawDate>,
    /// Published-by edge.
    pub outlet: Option<RawActorRef>,
    /// The whole file was drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence in the metadata.
    pub confidence: Option<f64>,
}

/// `[date]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDate {
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub value: S,
    /// stated | inferred.
    pub provenance: S,
    /// Quote it rests on.
    pub evidence: Option<S>,
    /// Reasoning for an inferred date.
    pub reasoning: Option<String>,
    /// Drafted by `levelmap extract`: accepted, not used (the article's own flag is).
    #[serde(default)]
    #[allow(dead_code)]
    pub extracted: bool,
    /// The extractor's confidence: accepted, not used (the article's own is).
    #[allow(dead_code)]
    pub confidence: Option<f64>,
}

/// `[[author]]` or `[outlet]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActorRef {
    /// Actor id.
    pub actor: S,
    /// The quote.
    pub quote: S,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}

/// `[[refers_to]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEventRef {
    /// Event id.
    pub event: S,
    /// The quote.
    pub quote: S,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}

/// `[[claim]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// `claim:...`.
    pub id: S,
    /// Paraphrase.
    pub text: S,
    /// Verbatim quote.
    pub quote: S,
    /// recommendation | evaluation | prediction | description.
    pub kind: Option<S>,
    /// Reported speaker.
    pub speaker: Option<S>,
    /// Hedged.
    #[serde(default)]
    pub hedged: bool,
    /// Policies and stances.
    #[serde(default)]
    pub about: Vec<RawAbout>,
    /// Supported claims.
    #[serde(default)]
    pub supports: Vec<S>,
    /// Attacked claims.
    #[serde(default)]
    pub attacks: Vec<S>,
    /// Echoed (earlier) claims.
    #[serde(default)]
    pub echoes: Vec<S>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}

/// `{ policy = "...", stance = "..." }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAbout {
    /// Policy id.
    pub policy: S,
    /// for | against | mixed | neutral.
    pub stance: S,
}

/// `[[relation]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    /// Source id.
    pub from: S,
    /// Edge kind.
    pub kind: S,
    /// Target id.
    pub to: S,
    /// The quote.
    pub quote: S,
    /// Curator's note.
    pub note: Option<String>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub extracted: bool,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}

/// `[[candidate]]`: a proposed lexicon entry, not yet in the lexicon.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCandidate {
    /// Proposed id.
    pub id: S,
    /// Name as found.
    pub name: String,
    /// Proposed sub-kind.
    pub kind: Option<String>,
    /// Other surface forms found.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Where it was found.
    pub quote: S,
    /// The extractor's confidence.
    pub confidence: Option<f64>,
}
