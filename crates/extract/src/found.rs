//! What one reading step hands to the next: the article's header (title, page
//! furniture), the mentions and candidates found in it, and its references to
//! lexicon events.

use std::collections::{BTreeMap, BTreeSet};

use super::items::{Candidate, Mention};
use levelmap_model::NodeKind;

/// The top of the article: title, where the body starts, boilerplate blocks.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// The title (or a stand-in made from the first sentence).
    pub title: String,
    /// The block the title was taken from.
    pub title_block: Option<usize>,
    /// Index of the first block of running prose.
    pub body_start: usize,
    /// Navigation, disclaimers and other page furniture.
    pub boilerplate: BTreeSet<usize>,
}

/// A reference to a lexicon event from one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRef {
    /// Event id.
    pub id: String,
    /// Sentence index.
    pub sentence: usize,
    /// How sure the reference is.
    pub confidence: f64,
}

/// What [`crate::entities::find`] found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Mentions of lexicon entries and candidates.
    pub mentions: Vec<Mention>,
    /// New candidates.
    pub candidates: Vec<Candidate>,
    /// Person roles found beside names: role text -> person id.
    pub roles: Vec<(String, String)>,
}

impl Found {
    /// Ids mentioned in sentence `si`, in the order of `mentions` (text order, then
    /// mentions added later). `mentions` is kept sorted by sentence: add to it with
    /// [`Found::push_mention`].
    pub fn in_sentence(&self, si: usize) -> impl Iterator<Item = &Mention> {
        debug_assert!(
            self.mentions
                .windows(2)
                .all(|w| w[0].sentence <= w[1].sentence),
            "mentions are sorted by sentence"
        );
        let a = self.mentions.partition_point(|m| m.sentence < si);
        let b = a + self.mentions[a..].partition_point(|m| m.sentence == si);
        self.mentions[a..b].iter()
    }

    /// Add a mention after every mention of its sentence (keeps `mentions` sorted by sentence).
    pub fn push_mention(&mut self, m: Mention) {
        let at = self.mentions.partition_point(|x| x.sentence <= m.sentence);
        self.mentions.insert(at, m);
    }

    /// Mention counts per id.
    pub fn counts(&self) -> BTreeMap<&str, usize> {
        let mut m = BTreeMap::new();
        for x in &self.mentions {
            *m.entry(x.id.as_str()).or_insert(0) += 1;
        }
        m
    }

    /// The node kind of an id found here (lexicon or candidate).
    pub fn kind_of(&self, id: &str) -> Option<NodeKind> {
        levelmap_model::kind_of_id(id)
    }
}
