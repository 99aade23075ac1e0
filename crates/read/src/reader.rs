//! The reader's state while it reads one corpus (the sources read so far, the
//! definitions, the records waiting for validation, the diagnostics), and the helpers
//! every step uses to locate and report a problem.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use levelmap_model::evidence::QuoteIndex;
use levelmap_model::{Corpus, NodeKind, Origin};
use sha2::{Digest, Sha256};

use crate::raw::{
    RawActorRef, RawArticleHead, RawCandidate, RawClaim, RawEntity, RawEventRef, RawRelation,
};
use crate::{read_text, stamp, Diagnostic, Location, ReadError, Reading};

/// A file read so far: its path and text (diagnostics are located in it).
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

/// A definition; its location is computed only when a message needs it, since
/// computing a line number scans the file.
pub(crate) struct Def {
    pub(crate) kind: NodeKind,
    pub(crate) name: String,
    pub(crate) src: usize,
    pub(crate) offset: usize,
}

/// Everything reading one corpus accumulates, step after step.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) sources: Vec<Source>,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) defs: BTreeMap<String, Def>,
    /// Entities waiting for validation: (source index, node kind, raw).
    pub(crate) entities: Vec<(usize, NodeKind, RawEntity)>,
    /// Articles waiting for validation, by stem.
    pub(crate) articles: BTreeMap<String, PendingArticle>,
    pub(crate) quote_index: BTreeMap<String, QuoteIndex>,
    pub(crate) corpus: Corpus,
    pub(crate) hasher: Option<Sha256>,
}

/// An article read and parsed, waiting for validation.
pub(crate) struct PendingArticle {
    /// The annotation's source index.
    pub(crate) src: usize,
    pub(crate) text: String,
    pub(crate) text_path: PathBuf,
    pub(crate) head: Option<RawArticleHead>,
    pub(crate) author: Vec<RawActorRef>,
    pub(crate) refers_to: Vec<RawEventRef>,
    pub(crate) claim: Vec<RawClaim>,
    pub(crate) relation: Vec<RawRelation>,
    pub(crate) candidate: Vec<RawCandidate>,
}

/// Curated, or drafted by the extractor with a confidence.
pub(crate) fn origin(extracted: bool, confidence: Option<f64>) -> Origin {
    if extracted {
        Origin::Extracted(confidence.unwrap_or(0.5).clamp(0.0, 1.0))
    } else {
        Origin::Curated
    }
}

impl Reader {
    /// The corpus digest and the diagnostics in file order.
    pub(crate) fn finish(mut self) -> Reading {
        if let Some(h) = self.hasher.take() {
            self.corpus.digest = format!("{:x}", h.finalize());
        }
        self.diags.sort_by(|a, b| {
            (a.location.file.clone(), a.location.line, a.location.col).cmp(&(
                b.location.file.clone(),
                b.location.line,
                b.location.col,
            ))
        });
        Reading {
            corpus: self.corpus,
            diagnostics: self.diags,
        }
    }

    /// Read a file as text: a diagnostic when it cannot be, a warning when it is read
    /// through a symbolic link.
    pub(crate) fn read_file(&mut self, path: &Path) -> Option<String> {
        match read_text(path) {
            Ok((text, note)) => {
                self.diags.extend(note);
                Some(text)
            }
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    /// Read a file, hash it into the digest under its file name and keep it as a source.
    pub(crate) fn add_source(&mut self, path: &Path) -> Option<usize> {
        match self.read_file(path) {
            Some(text) => {
                if let Some(h) = self.hasher.as_mut() {
                    let name = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    stamp::hash_file(h, &name, text.as_bytes());
                }
                Some(self.push_source(path, text))
            }
            None => None,
        }
    }

    /// Keep a text as a source; its index.
    pub(crate) fn push_source(&mut self, path: &Path, text: String) -> usize {
        self.sources.push(Source {
            path: path.to_path_buf(),
            text,
        });
        self.sources.len() - 1
    }

    /// The location of byte `offset` in source `src`.
    pub(crate) fn loc(&self, src: usize, offset: usize) -> Location {
        let s = &self.sources[src];
        Location::at(&s.path, &s.text, offset)
    }

    /// Report an error at byte `offset` of source `src`.
    pub(crate) fn err(&mut self, src: usize, offset: usize, e: ReadError) {
        let loc = self.loc(src, offset);
        self.diags.push(Diagnostic::error(loc, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_clamps_the_confidence() {
        assert_eq!(origin(false, Some(0.9)), Origin::Curated);
        assert_eq!(origin(true, None), Origin::Extracted(0.5));
        assert_eq!(origin(true, Some(2.0)), Origin::Extracted(1.0));
    }

    #[test]
    fn errors_are_located_and_sorted_by_file_then_line() {
        let mut r = Reader::default();
        let b = r.push_source(Path::new("b.toml"), "x\ny\n".into());
        let a = r.push_source(Path::new("a.toml"), "x\n".into());
        let e = || ReadError::Invalid {
            message: "m".into(),
        };
        r.err(b, 2, e());
        r.err(b, 0, e());
        r.err(a, 0, e());
        let reading = r.finish();
        let at: Vec<_> = reading
            .diagnostics
            .iter()
            .map(|d| (d.location.file.display().to_string(), d.location.line))
            .collect();
        assert_eq!(
            at,
            [
                ("a.toml".into(), Some(1)),
                ("b.toml".into(), Some(1)),
                ("b.toml".into(), Some(2))
            ]
        );
        assert_eq!(reading.error_count(), 3);
    }
}
