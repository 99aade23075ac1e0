//! Walking the corpus folder: checking its sub-folders are there, reading the lexicon
//! files in their order, and pairing each article's text with its annotation.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use levelmap_model::NodeKind;

use crate::layout::{self, ArticlePart};
use rayon::prelude::*;

use crate::reader::{Hashed, Quotes, Reader};
use crate::{stamp, Diagnostic, Location, ReadError};

/// Each lexicon file with the key of its array of tables and the kind of its entries.
const LEXICON: [(&str, &str, NodeKind); 3] = [
    (layout::ACTORS_FILE, "actor", NodeKind::Actor),
    (layout::POLICIES_FILE, "policy", NodeKind::Policy),
    (layout::EVENTS_FILE, "event", NodeKind::Event),
];

/// An article's text and annotation, either of which may be missing.
type Pair = (Option<PathBuf>, Option<PathBuf>);

impl Reader {
    /// Read the corpus in `dir`: every step, in order (walk and parse, define, validate).
    pub(crate) fn read(&mut self, dir: &Path) {
        self.hasher = Some(Sha256::new());
        let walked = self.walk(dir);
        // Every article is parsed or taken from the cache: free the cache's bytes,
        // unless saving the cache will write the file whole again with them.
        self.cache_stored = self
            .cache
            .take()
            .filter(|c| c.needed_to_save(&self.cache_entries));
        if !walked {
            return;
        }
        self.define_all();
        self.validate_entities();
        self.validate_articles();
    }

    /// Read and parse every file of the corpus; false when `dir` is not a folder.
    fn walk(&mut self, dir: &Path) -> bool {
        let lexicon = layout::lexicon_dir(dir);
        let articles = layout::articles_dir(dir);
        if !dir.is_dir() {
            self.missing(dir, format!("corpus folder '{}'", dir.display()));
            return false;
        }
        if !lexicon.is_dir() {
            self.missing(&lexicon, format!("lexicon folder '{}'", lexicon.display()));
        }
        for (file, key, kind) in LEXICON {
            let path = lexicon.join(file);
            if path.exists() {
                self.read_lexicon_file(&path, key, kind);
            }
        }
        if !articles.is_dir() {
            self.missing(
                &articles,
                format!("articles folder '{}'", articles.display()),
            );
        } else {
            self.read_articles(&articles);
        }
        true
    }

    fn missing(&mut self, path: &Path, what: String) {
        self.diags.push(Diagnostic::error(
            Location::file(path),
            ReadError::Missing { what },
        ));
    }

    /// Pair the texts and annotations in `dir` by stem and read each pair; a half
    /// without the other is reported.
    fn read_articles(&mut self, dir: &Path) {
        let mut stems: BTreeMap<String, Pair> = BTreeMap::new();
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.diags.push(Diagnostic::error(
                    Location::file(dir),
                    ReadError::Io {
                        path: dir.display().to_string(),
                        reason: e.to_string(),
                    },
                ));
                return;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some((stem, part)) = layout::article_part(&path) else {
                continue;
            };
            match part {
                ArticlePart::Text => stems.entry(stem).or_default().0 = Some(path),
                ArticlePart::Annotation => stems.entry(stem).or_default().1 = Some(path),
            }
        }
        let stems: Vec<(String, Pair)> = stems.into_iter().collect();
        // Each article is read and parsed by a reader of its own, on all cores, and
        // taken in in stem order: the same sources, digest and diagnostics as one by one.
        let read: Vec<Option<Reader>> = stems
            .par_iter()
            .with_min_len(16)
            .map(|(stem, pair)| match pair {
                (Some(t), Some(a)) => {
                    let mut r = Reader {
                        hash_log: Some(Vec::new()),
                        cache: self.cache.clone(),
                        ..Reader::default()
                    };
                    r.read_article(stem, t, a);
                    Some(r)
                }
                _ => None,
            })
            .collect();
        for ((stem, (txt, toml_path)), r) in stems.into_iter().zip(read) {
            match (txt, toml_path, r) {
                (Some(t), None, _) => self.diags.push(Diagnostic::error(
                    Location::file(&t),
                    ReadError::MissingAnnotation { stem: stem.clone() },
                )),
                (None, Some(a), _) => self.diags.push(Diagnostic::error(
                    Location::file(&a),
                    ReadError::MissingText { stem: stem.clone() },
                )),
                (Some(_), Some(_), Some(r)) => self.take_article(r),
                _ => {}
            }
        }
    }

    /// Take in what an article's reader read: its files into the digest, its sources,
    /// diagnostics, pending article and quote index.
    fn take_article(&mut self, mut r: Reader) {
        for (name, what) in r.hash_log.take().unwrap_or_default() {
            let text = match &what {
                Hashed::ArticleText => r.articles.values().next().map(|p| p.text.as_str()),
                Hashed::Owned(t) => Some(t.as_str()),
                Hashed::Source(s) => r.sources.get(*s).map(|s| s.text.as_str()),
            };
            if let (Some(h), Some(text)) = (self.hasher.as_mut(), text) {
                stamp::hash_file(h, &name, text.as_bytes());
            }
        }
        let offset = self.sources.len();
        self.sources.append(&mut r.sources);
        self.diags.append(&mut r.diags);
        self.cache_entries.append(&mut r.cache_entries);
        self.cache_reused += r.cache_reused;
        self.cache_parsed += r.cache_parsed;
        for (stem, mut p) in std::mem::take(&mut r.articles) {
            p.src += offset;
            self.articles.insert(stem, p);
        }
        // One by one: `BTreeMap::append` rebuilds the whole map, once per article.
        for (stem, mut quotes) in std::mem::take(&mut r.quote_index) {
            if let Quotes::AllFound { src } = &mut quotes {
                *src += offset;
            }
            self.quote_index.insert(stem, quotes);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Corpus;
    use crate::ReadError;

    #[test]
    fn a_missing_corpus_folder_is_the_only_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        let reading = crate::read_corpus(&dir.path().join("nope"));
        assert_eq!(reading.diagnostics.len(), 1);
        assert!(matches!(
            reading.diagnostics[0].error,
            ReadError::Missing { ref what } if what.starts_with("corpus folder")
        ));
    }

    #[test]
    fn missing_sub_folders_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let reading = crate::read_corpus(dir.path());
        let what: Vec<_> = reading
            .diagnostics
            .iter()
            .map(|d| match &d.error {
                ReadError::Missing { what } => what.split(' ').next().unwrap().to_string(),
                e => panic!("{e}"),
            })
            .collect();
        assert_eq!(what, ["articles", "lexicon"]);
    }

    #[test]
    fn an_article_half_without_the_other_is_reported() {
        let reading = Corpus::new()
            .file("articles/only-text.txt", "Some text.")
            .file("articles/only-notes.toml", "title = \"x\"")
            .file("articles/notes.md", "ignored")
            .read();
        let errors: Vec<_> = reading.diagnostics.iter().map(|d| &d.error).collect();
        assert_eq!(
            errors,
            [
                &ReadError::MissingText {
                    stem: "only-notes".into()
                },
                &ReadError::MissingAnnotation {
                    stem: "only-text".into()
                },
            ]
        );
    }
}
