//! What one reading step hands to the next: the article's header (title, page
//! furniture), the mentions and candidates found in it, and its references to
//! lexicon events.

use std::collections::BTreeSet;

use super::items::{Candidate, Mention};

/// The top of the article: title, where the body starts, boilerplate blocks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// The title (or a stand-in made from the first sentence).
    pub(crate) title: String,
    /// The block the title was taken from.
    pub(crate) title_block: Option<usize>,
    /// Index of the first block of running prose.
    pub(crate) body_start: usize,
    /// Navigation, disclaimers and other page furniture.
    pub(crate) boilerplate: BTreeSet<usize>,
}

/// A reference to a lexicon event from one sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventRef {
    /// Event id.
    pub(crate) id: String,
    /// Sentence index.
    pub(crate) sentence: usize,
    /// How sure the reference is.
    pub(crate) confidence: f64,
}

/// What the entities step (`entities::find`) found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    /// Mentions of lexicon entries and candidates.
    pub(crate) mentions: Vec<Mention>,
    /// New candidates.
    pub(crate) candidates: Vec<Candidate>,
    /// Person roles found beside names: role text -> person id.
    pub(crate) roles: Vec<(String, String)>,
    /// The sentences that are lines signing a quotation above them, in order
    /// ([`crate::entities::attribution_line`]).
    pub(crate) signatures: Vec<usize>,
}

impl Found {
    /// Ids mentioned in sentence `si`, in the order of `mentions` (text order, then
    /// mentions added later). `mentions` is kept sorted by sentence: add to it with
    /// [`Found::push_mention`].
    pub(crate) fn in_sentence(&self, si: usize) -> impl Iterator<Item = &Mention> {
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

    /// Drop the candidates that `among` picks and no mention names any more (after a
    /// rule dropped some of their mentions).
    pub(crate) fn drop_unmentioned(&mut self, among: impl Fn(&crate::items::Candidate) -> bool) {
        let mentioned: rustc_hash::FxHashSet<&str> =
            self.mentions.iter().map(|m| m.id.as_str()).collect();
        self.candidates
            .retain(|c| !among(c) || mentioned.contains(c.id.as_str()));
    }

    /// Add a mention after every mention of its sentence (keeps `mentions` sorted by sentence).
    pub(crate) fn push_mention(&mut self, m: Mention) {
        let at = self.mentions.partition_point(|x| x.sentence <= m.sentence);
        self.mentions.insert(at, m);
    }
}
