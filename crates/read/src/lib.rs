//! Reading the corpus folder: the only phase that touches corpus files.
//!
//! Reading never stops at the first problem. [`read_corpus`] returns every record it
//! could make sense of, as a [`Corpus`], together with every [`Diagnostic`] it found;
//! the command decides what is fatal.
//!
//! The steps, in order, each in its module: [`layout`] names the folder's parts,
//! `walk` lists them, `parse` turns each file into the raw records of `raw`,
//! `define` records every id, `resolve` checks references, quotes and edges, and
//! `validate` turns the records into the corpus. [`stamp`] tells whether a build is
//! stale without reading it all.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // reading the corpus files is this crate's job

pub mod cache;
pub mod error;
pub mod file;
pub mod gold;
pub mod layout;
pub mod stamp;

mod define;
mod parse;
mod raw;
mod reader;
mod resolve;
mod validate;
mod walk;

#[cfg(test)]
mod testing;

use std::path::Path;

pub use error::{Diagnostic, Location, ReadError, Severity};

use levelmap_model::Corpus;
use reader::Reader;

/// What reading produced: the corpus (with whatever was valid) and the diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The corpus.
    pub corpus: Corpus,
    /// Every problem found, step by step (parsing, defining ids, validating), each
    /// step's in file order: an error that causes others comes before them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Reading {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// The stem of an article of the corpus in `dir` whose text is exactly `text` (the
/// first in name order), if any: `levelmap add` of a text already added would count
/// its claims and statements twice. Only texts of the same length are read.
pub fn article_holding(dir: &Path, text: &str) -> Option<String> {
    let entries = std::fs::read_dir(layout::articles_dir(dir)).ok()?;
    let mut same: Vec<(String, std::path::PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let (stem, part) = layout::article_part(&path)?;
            let len = e.metadata().ok()?.len();
            (part == layout::ArticlePart::Text && len == text.len() as u64).then_some((stem, path))
        })
        .collect();
    same.sort();
    same.into_iter()
        .find(|(_, path)| std::fs::read(path).is_ok_and(|b| b == text.as_bytes()))
        .map(|(stem, _)| stem)
}

/// Read and validate the corpus in `dir` (with `lexicon/` and `articles/`).
pub fn read_corpus(dir: &Path) -> Reading {
    let mut r = Reader::default();
    r.read(dir);
    r.finish()
}

/// What the read cache did in one read, and what to write back.
#[derive(Default)]
pub struct CacheUse {
    /// Articles whose parsed annotation came from the cache.
    pub reused: usize,
    /// Articles parsed (new, changed, or not cached).
    pub parsed: usize,
    /// Why the cache was not (wholly) used, when that is worth saying.
    pub note: Option<String>,
    /// The cache of exactly this corpus, when it differs from the one read: the
    /// caller saves it ([`cache::Update::save`]) once its outputs are written.
    pub update: Option<cache::Update>,
}

/// Read and validate the corpus in `dir` as [`read_corpus`] does, taking each
/// unchanged article's parsed annotation from the read cache in `cache_dir` (see
/// [`cache`]) that the build `build` (the binary's version and source digest) wrote.
/// The reading is the one [`read_corpus`] gives, whatever the cache holds.
pub fn read_corpus_cached(dir: &Path, cache_dir: &Path, build: &str) -> (Reading, CacheUse) {
    let loaded = cache::Loaded::open(cache_dir, build);
    let on_disk = loaded.on_disk();
    let note = loaded.damaged.clone();
    let had = loaded.len();
    let mut r = Reader {
        cache: Some(std::sync::Arc::new(loaded)),
        ..Reader::default()
    };
    r.read(dir);
    let entries = std::mem::take(&mut r.cache_entries);
    let (reused, parsed) = (r.cache_reused, r.cache_parsed);
    let stored = r.cache_stored.take();
    let reading = r.finish();
    let unchanged = cache::unchanged(&entries, had, note.is_some());
    let update = (!unchanged).then(|| cache::Update {
        entries,
        build: build.to_string(),
        on_disk,
        stored,
    });
    (
        reading,
        CacheUse {
            reused,
            parsed,
            note,
            update,
        },
    )
}

/// Read one file as UTF-8 text (only a regular file, or a link to one, of at most
/// [`file::MAX_FILE_BYTES`]); on failure, a located diagnostic. The second value is a
/// warning when the file was read through a symbolic link.
#[allow(clippy::result_large_err)]
pub(crate) fn read_text(path: &Path) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let shown = path.display().to_string();
    let contents = file::read_limited(path, file::MAX_FILE_BYTES).map_err(|r| {
        let error = match r {
            file::Refusal::Io(reason) => ReadError::Io {
                path: shown.clone(),
                reason,
            },
            file::Refusal::NotAFile(what) => ReadError::NotAFile {
                path: shown.clone(),
                what: what.to_string(),
            },
            file::Refusal::TooLarge { size, limit } => ReadError::TooLarge {
                path: shown.clone(),
                size,
                limit,
            },
        };
        Diagnostic::error(Location::file(path), error)
    })?;
    let note = contents.link_target.map(|t| {
        Diagnostic::warning(
            Location::file(path),
            ReadError::Symlink {
                target: t.display().to_string(),
            },
        )
    });
    let text = String::from_utf8(contents.bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let mut loc = Location::at(path, &prefix, prefix.len());
        loc.line_text = None;
        Diagnostic::error(loc, ReadError::NotUtf8 { offset: valid })
    })?;
    Ok((text, note))
}

#[cfg(test)]
mod tests {
    use crate::testing::{messages, Corpus, LEXICON};

    #[test]
    fn text_that_is_not_utf8_is_located() {
        let c = Corpus::new();
        let path = c.path().join("articles/a.txt");
        std::fs::write(&path, b"ok\ncaf\xe9").unwrap();
        let d = super::read_text(&path).unwrap_err();
        assert!(d.to_string().contains("not UTF-8"), "{d}");
        assert_eq!(d.location.line, Some(2));
    }

    /// A quote validation never looked for (its edge's endpoint was unknown) is looked
    /// for once the edge resolves, though the article comes from the cache.
    #[test]
    fn a_cached_quote_never_looked_for_is_looked_for_once_its_edge_resolves() {
        let cache = tempfile::tempdir().unwrap();
        let c = crate::testing::with_article(&format!(
            "{}[[relation]]\nfrom = \"actor:newcomer\"\nkind = \"criticises\"\n\
             to = \"policy:towns\"\nquote = \"words never written\"\n",
            crate::testing::HEAD
        ));
        let (reading, used) = super::read_corpus_cached(c.path(), cache.path(), "1+a");
        assert_eq!(messages(&reading).len(), 1);
        assert!(messages(&reading)[0].contains("actor:newcomer"));
        assert_eq!((used.reused, used.parsed), (0, 1));
        used.update
            .expect("a new cache")
            .save(cache.path())
            .unwrap();
        let actors = c.path().join("lexicon/actors.toml");
        let mut lexicon = std::fs::read_to_string(&actors).unwrap();
        lexicon.push_str("\n[[actor]]\nid = \"actor:newcomer\"\nname = \"N\"\nkind = \"person\"\n");
        std::fs::write(&actors, lexicon).unwrap();
        let (reading, used) = super::read_corpus_cached(c.path(), cache.path(), "1+a");
        assert_eq!((used.reused, used.parsed), (1, 0));
        assert!(used.update.is_none(), "the same articles: nothing to save");
        let m = messages(&reading);
        assert!(m.len() == 1 && m[0].starts_with("quote not found"), "{m:?}");
        assert_eq!(m, messages(&super::read_corpus(c.path())));
    }

    #[test]
    fn the_lexicon_alone_reads_cleanly_and_counts() {
        let mut c = Corpus::new();
        for (path, text) in LEXICON {
            c = c.file(path, text);
        }
        let reading = c.read();
        assert!(!reading.has_errors(), "{:?}", messages(&reading));
        assert_eq!(reading.corpus.entities.len(), 4);
        assert_eq!(reading.warning_count(), 0);
        assert_eq!(reading.corpus.digest.len(), 64);
    }
}
