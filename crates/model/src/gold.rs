//! Gold judgements that go beside a curated article for measuring extraction
//! (docs/annotation-guide.md): every sentence judged claim or not
//! (`<stem>.claims.tsv`) and the actors and policies that qualify in the article
//! (`<stem>.entities.tsv`). Records only; the read crate parses the files.

use std::collections::BTreeMap;

/// How a sentence was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// A claim two annotators would agree on.
    Clear,
    /// Argumentative colouring, not required and not penalised.
    Borderline,
    /// Not a claim.
    None,
}

impl Label {
    /// The label as the TSV writes it.
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "clear" => Some(Label::Clear),
            "borderline" => Some(Label::Borderline),
            "none" => Some(Label::None),
            _ => None,
        }
    }
}

/// One judged sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// 1-based index in the article.
    pub idx: usize,
    /// Where it sits on the page (`title`, `body`, `caption`, ...).
    pub part: String,
    /// The judgement.
    pub label: Label,
    /// `evaluation`, `recommendation` or `prediction` for a claim; empty otherwise.
    pub kind: String,
    /// The sentence, verbatim.
    pub sentence: String,
    /// The policies the sentence is about, each with the claim's stance on it (the
    /// `about` column: `policy:slug=stance` items).
    pub about: Vec<(String, crate::Stance)>,
}

/// The gold judgements of one article; either file may be absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldArticle {
    /// Every sentence, judged (from `<stem>.claims.tsv`).
    pub sentences: Option<Vec<Judged>>,
    /// The actor and policy ids that qualify in the article (from `<stem>.entities.tsv`).
    pub entities: Option<Vec<String>>,
}

/// The gold judgements of a corpus folder, by article stem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gold {
    /// By stem.
    pub articles: BTreeMap<String, GoldArticle>,
    /// The folder is a frozen test part: only totals may be reported.
    pub frozen: bool,
}
