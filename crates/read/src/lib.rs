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

/// Read and validate the corpus in `dir` (with `lexicon/` and `articles/`).
pub fn read_corpus(dir: &Path) -> Reading {
    let mut r = Reader::default();
    r.read(dir);
    r.finish()
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
