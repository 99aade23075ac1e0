//! Test helper: a small corpus written from strings into a temporary folder.

use std::path::Path;

use crate::Reading;

/// A corpus folder in a temporary directory, with empty `lexicon/` and `articles/`.
pub(crate) struct Corpus {
    dir: tempfile::TempDir,
}

impl Corpus {
    /// An empty corpus.
    pub(crate) fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(crate::layout::lexicon_dir(dir.path())).unwrap();
        std::fs::create_dir(crate::layout::articles_dir(dir.path())).unwrap();
        Corpus { dir }
    }

    /// With a file at `path` (relative to the corpus folder).
    pub(crate) fn file(self, path: &str, text: &str) -> Self {
        std::fs::write(self.dir.path().join(path), text).unwrap();
        self
    }

    /// With one article, its text and its annotation.
    pub(crate) fn article(self, stem: &str, text: &str, toml: &str) -> Self {
        self.file(&format!("articles/{stem}.txt"), text)
            .file(&format!("articles/{stem}.toml"), toml)
    }

    /// The corpus folder.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Read it.
    pub(crate) fn read(&self) -> Reading {
        crate::read_corpus(self.path())
    }
}

/// The messages of a reading's diagnostics, in order.
pub(crate) fn messages(r: &Reading) -> Vec<String> {
    r.diagnostics.iter().map(|d| d.error.to_string()).collect()
}

/// A lexicon with one person, one party, one policy and one event.
pub(crate) const LEXICON: [(&str, &str); 3] = [
    (
        "lexicon/actors.toml",
        r#"
[[actor]]
id = "actor:ann"
name = "Ann"
kind = "person"

[[actor]]
id = "actor:party"
name = "The Party"
kind = "party"
"#,
    ),
    (
        "lexicon/policies.toml",
        r#"
[[policy]]
id = "policy:towns"
name = "Towns fund"
kind = "programme"
"#,
    ),
    (
        "lexicon/events.toml",
        r#"
[[event]]
id = "event:vote"
name = "The vote"
kind = "election"
date = "2021-05-06"
"#,
    ),
];

/// An article text the helpers' annotations quote from.
pub(crate) const TEXT: &str = "Ann said the Towns fund works. The Party disagreed.";

/// A corpus with [`LEXICON`] and one article `2021-05-a` with [`TEXT`] and `toml`.
pub(crate) fn with_article(toml: &str) -> Corpus {
    let mut c = Corpus::new();
    for (path, text) in LEXICON {
        c = c.file(path, text);
    }
    c.article("2021-05-a", TEXT, toml)
}

/// The head of an article annotation, dated and titled.
pub(crate) const HEAD: &str = r#"
title = "A"
[date]
value = "2021-05"
provenance = "stated"
"#;
