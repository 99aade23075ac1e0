//! The drafted items: the draft of one article and its parts (date, authors and
//! outlet, claims, relations, candidates, mentions), as the detectors produce them
//! and `draft` writes them.

use std::collections::BTreeSet;

use levelmap_model::date::PartialDate;
use levelmap_model::{ClaimKind, DateProvenance, EdgeKind, NodeKind, Stance};

/// A reference from the article to an actor or event, with its quote.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRef {
    /// Actor or event id.
    pub id: String,
    /// Verbatim quote.
    pub quote: String,
    /// Confidence (0..1).
    pub confidence: f64,
}

/// The article's date as drafted.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftDate {
    /// The date, at its precision.
    pub value: PartialDate,
    /// Stated in the text or inferred.
    pub provenance: DateProvenance,
    /// The sentence it rests on (verbatim).
    pub evidence: String,
    /// For an inferred date: how it follows.
    pub reasoning: Option<String>,
    /// Confidence (0..1).
    pub confidence: f64,
}

/// A drafted claim.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftClaim {
    /// `claim:...`.
    pub id: String,
    /// Short label.
    pub text: String,
    /// Verbatim quote (a sentence).
    pub quote: String,
    /// Index of its sentence in the layout.
    pub sentence: usize,
    /// What it does.
    pub kind: ClaimKind,
    /// The reported speaker, when not the author.
    pub speaker: Option<String>,
    /// Hedged.
    pub hedged: bool,
    /// Policies and stances.
    pub about: Vec<(String, Stance)>,
    /// Earlier claims it restates.
    pub echoes: Vec<String>,
    /// Confidence (0..1).
    pub confidence: f64,
}

/// A drafted relation (evolves-into, proposes, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRelation {
    /// Source id.
    pub from: String,
    /// Edge kind.
    pub kind: EdgeKind,
    /// Target id.
    pub to: String,
    /// Verbatim quote.
    pub quote: String,
    /// Why it was proposed.
    pub note: String,
    /// Confidence (0..1).
    pub confidence: f64,
}

/// A proposed lexicon addition.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Proposed id.
    pub id: String,
    /// Name as found.
    pub name: String,
    /// Actor or policy.
    pub node_kind: NodeKind,
    /// Sub-kind (person, think-tank, fund, ...).
    pub kind: String,
    /// Other surface forms found (short forms, acronyms).
    pub aliases: Vec<String>,
    /// A role found beside the name ("Chancellor of the Exchequer").
    pub role: Option<String>,
    /// The sentence it was first found in (verbatim).
    pub quote: String,
    /// Times found in the article.
    pub count: usize,
    /// Confidence (0..1).
    pub confidence: f64,
    /// Why it was proposed.
    pub evidence: String,
    /// Already proposed elsewhere in the corpus: referenced, not redefined.
    pub known: bool,
}

/// Something found in one sentence: a lexicon entry, a candidate, or a resolved short form.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Entity id (lexicon or candidate).
    pub id: String,
    /// Sentence index.
    pub sentence: usize,
    /// Byte range in the sentence's normalised text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// How it was found.
    pub how: MentionHow,
}

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionHow {
    /// A lexicon name or alias.
    Lexicon,
    /// A new candidate's name.
    Candidate,
    /// A short form of a name found earlier ("Reeves").
    ShortForm,
    /// A role that only one known actor held at the time ("the Chancellor").
    Role,
}

/// Everything drafted for one article.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The article id (file stem).
    pub stem: String,
    /// The article text the quotes come from (markup stripped).
    pub text: String,
    /// Title.
    pub title: String,
    /// Where the title came from.
    pub title_quote: Option<String>,
    /// Confidence in the metadata as a whole.
    pub confidence: f64,
    /// Date.
    pub date: DraftDate,
    /// Authors.
    pub authors: Vec<DraftRef>,
    /// Outlet.
    pub outlet: Option<DraftRef>,
    /// Events referred to.
    pub refers_to: Vec<DraftRef>,
    /// Claims.
    pub claims: Vec<DraftClaim>,
    /// Other edges (evolves-into).
    pub relations: Vec<DraftRelation>,
    /// Proposed lexicon additions.
    pub candidates: Vec<Candidate>,
    /// Every mention found, for evaluation and review.
    pub mentions: Vec<Mention>,
    /// Number of sentences read.
    pub sentence_count: usize,
}

impl Draft {
    /// Ids of the actors (or policies) this draft ties to the article: mentions,
    /// candidates, authors, outlet, speakers, claim topics and relation ends.
    pub fn entity_ids(&self, kind: NodeKind) -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = BTreeSet::new();
        ids.extend(self.mentions.iter().map(|m| m.id.clone()));
        ids.extend(self.candidates.iter().map(|c| c.id.clone()));
        ids.extend(self.authors.iter().map(|a| a.id.clone()));
        ids.extend(self.outlet.iter().map(|a| a.id.clone()));
        for c in &self.claims {
            ids.extend(c.speaker.iter().cloned());
            ids.extend(c.about.iter().map(|(p, _)| p.clone()));
        }
        for r in &self.relations {
            ids.insert(r.from.clone());
            ids.insert(r.to.clone());
        }
        ids.retain(|id| levelmap_model::kind_of_id(id) == Some(kind));
        ids
    }

    /// The candidate with this id, if the draft proposes it.
    pub fn candidate(&self, id: &str) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.id == id)
    }
}
