//! The corpus files as written: serde structs with spans, before any validation.
//!
//! Only the reader uses them (the module is private). Unknown fields are refused so that a typo ("qoute = ...") is reported, not ignored.

use serde::Deserialize;
use toml::Spanned;

/// A string with its byte span in the file.
pub(crate) type S = Spanned<String>;

/// A number with its byte span in the file.
pub(crate) type F = Spanned<f64>;

/// One lexicon entry (actor, policy or event): an `[[actor]]` of `lexicon/actors.toml`,
/// a `[[policy]]` of `lexicon/policies.toml` or an `[[event]]` of `lexicon/events.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntity {
    /// `kind:slug`.
    pub(crate) id: S,
    /// Display name.
    pub(crate) name: S,
    /// Sub-kind.
    pub(crate) kind: S,
    /// Other names.
    #[serde(default)]
    pub(crate) aliases: Vec<S>,
    /// Free text.
    pub(crate) description: Option<String>,
    /// Events only.
    pub(crate) date: Option<S>,
    /// Actors only.
    #[serde(default)]
    pub(crate) role: Vec<RawRole>,
    /// Actors only: member-of edges.
    #[serde(default)]
    pub(crate) affiliation: Vec<RawLink>,
    /// Policies only: evolves-into / replaces / part-of edges.
    #[serde(default)]
    pub(crate) lineage: Vec<RawLink>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}

/// A role with dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRole {
    /// Title of the role.
    pub(crate) title: S,
    /// The body.
    pub(crate) of: Option<S>,
    /// Start.
    pub(crate) from: Option<S>,
    /// End.
    pub(crate) to: Option<S>,
    /// Where this is known from (free text): accepted, for the curator, not used.
    #[allow(dead_code)]
    pub(crate) source: Option<String>,
}

/// An evidenced edge written in the lexicon.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLink {
    /// Edge kind (lineage only; affiliations are member-of).
    pub(crate) kind: Option<S>,
    /// Target id.
    pub(crate) to: S,
    /// Article stem holding the quote.
    pub(crate) article: S,
    /// The quote.
    pub(crate) quote: S,
    /// Curator's note.
    pub(crate) note: Option<String>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}

/// The top of `articles/<id>.toml`, without its arrays of tables (`[[author]]`,
/// `[[refers_to]]`, `[[claim]]`, `[[relation]]`, `[[candidate]]`), which are read one
/// record at a time.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticleHead {
    /// Title.
    pub(crate) title: S,
    /// Source URL.
    pub(crate) url: Option<String>,
    /// The date table.
    pub(crate) date: Spanned<RawDate>,
    /// Published-by edge.
    pub(crate) outlet: Option<RawActorRef>,
    /// The whole file was drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence in the metadata.
    pub(crate) confidence: Option<F>,
}

/// `[date]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDate {
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub(crate) value: S,
    /// stated | inferred.
    pub(crate) provenance: S,
    /// Quote it rests on.
    pub(crate) evidence: Option<S>,
    /// Reasoning for an inferred date.
    pub(crate) reasoning: Option<String>,
    /// Drafted by `levelmap extract`: with a confidence of 0, the extractor's
    /// placeholder (warned about); otherwise the article's own flag is used.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence: checked, 0 marks a placeholder (the article's own
    /// is used otherwise).
    pub(crate) confidence: Option<F>,
}

/// `[[author]]` or `[outlet]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActorRef {
    /// Actor id.
    pub(crate) actor: S,
    /// The quote.
    pub(crate) quote: S,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}

/// `[[refers_to]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEventRef {
    /// Event id.
    pub(crate) event: S,
    /// The quote.
    pub(crate) quote: S,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}

/// `[[claim]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaim {
    /// `claim:...`.
    pub(crate) id: S,
    /// Paraphrase.
    pub(crate) text: S,
    /// Verbatim quote.
    pub(crate) quote: S,
    /// recommendation | evaluation | prediction | description.
    pub(crate) kind: Option<S>,
    /// Reported speaker.
    pub(crate) speaker: Option<S>,
    /// Hedged.
    #[serde(default)]
    pub(crate) hedged: bool,
    /// Policies and stances.
    #[serde(default)]
    pub(crate) about: Vec<RawAbout>,
    /// Supported claims.
    #[serde(default)]
    pub(crate) supports: Vec<S>,
    /// Attacked claims.
    #[serde(default)]
    pub(crate) attacks: Vec<S>,
    /// Echoed (earlier) claims.
    #[serde(default)]
    pub(crate) echoes: Vec<S>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}

/// `{ policy = "...", stance = "..." }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAbout {
    /// Policy id.
    pub(crate) policy: S,
    /// for | against | mixed | neutral.
    pub(crate) stance: S,
}

/// `[[relation]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRelation {
    /// Source id.
    pub(crate) from: S,
    /// Edge kind.
    pub(crate) kind: S,
    /// Target id.
    pub(crate) to: S,
    /// The quote.
    pub(crate) quote: S,
    /// Curator's note.
    pub(crate) note: Option<String>,
    /// Drafted by `levelmap extract`.
    #[serde(default)]
    pub(crate) extracted: bool,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}

/// `[[candidate]]`: a proposed lexicon entry, not yet in the lexicon.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCandidate {
    /// Proposed id.
    pub(crate) id: S,
    /// Name as found.
    pub(crate) name: String,
    /// Proposed sub-kind.
    pub(crate) kind: Option<String>,
    /// Other surface forms found.
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// Where it was found.
    pub(crate) quote: S,
    /// The extractor's confidence.
    pub(crate) confidence: Option<F>,
}
