//! The reader's state while it reads one corpus (the sources read so far, the
//! definitions, the records waiting for validation, the diagnostics), and the helpers
//! every step uses to locate and report a problem.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use levelmap_model::evidence::QuoteIndex;
use levelmap_model::{rules, Corpus, NodeKind, Origin};
use sha2::{Digest, Sha256};

use crate::raw::{
    RawActorRef, RawArticleHead, RawCandidate, RawClaim, RawEntity, RawEventRef, RawRelation, F,
};
use crate::{cache, read_text, stamp, Diagnostic, Location, ReadError, Reading};

/// A file read so far: its path and text (diagnostics are located in it).
#[derive(Default)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

/// A definition; its location is computed only when a message needs it, since
/// computing a line number scans the file.
#[derive(Clone)]
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
    /// Every defined id (looked up for each reference: hashed, not ordered; shared
    /// with the readers that validate articles on other threads).
    pub(crate) defs: std::sync::Arc<rustc_hash::FxHashMap<String, Def>>,
    /// Entities waiting for validation: (source index, node kind, raw).
    pub(crate) entities: Vec<(usize, NodeKind, RawEntity)>,
    /// Articles waiting for validation, by stem.
    pub(crate) articles: BTreeMap<String, PendingArticle>,
    /// What is known of each article's quotes, by stem.
    pub(crate) quote_index: BTreeMap<String, Quotes>,
    pub(crate) corpus: Corpus,
    pub(crate) hasher: Option<Sha256>,
    /// Where each step after the first began: (step, number of diagnostics then).
    pub(crate) steps: Vec<(Step, usize)>,
    /// Every date parsed, for the check of dates far from the others.
    pub(crate) dates: Vec<DateField>,
    /// Today, past which no date may be; the clock's when not set (tests set it).
    pub(crate) today: Option<levelmap_model::date::PartialDate>,
    /// A reader of one article on a worker thread: the files it would have fed into
    /// the digest, in order, fed by the corpus' reader when it takes the article in.
    pub(crate) hash_log: Option<Vec<(String, Hashed)>>,
    /// The read cache loaded, when reading with one.
    pub(crate) cache: Option<std::sync::Arc<cache::Loaded>>,
    /// The read cache's bytes once every article is read, when the cache is to be
    /// written whole again with its reused entries.
    pub(crate) cache_stored: Option<std::sync::Arc<cache::Loaded>>,
    /// The cache entries of the articles read (stem order, once taken in).
    pub(crate) cache_entries: Vec<cache::Entry>,
    /// How many articles were taken from the cache rather than parsed.
    pub(crate) cache_reused: usize,
    /// How many articles were parsed.
    pub(crate) cache_parsed: usize,
}

/// What the reader knows of an article's quotes.
pub(crate) enum Quotes {
    /// Every quote of the annotation in source `src` was found in the text: a quote
    /// checked from that source is found without indexing the text.
    AllFound {
        /// The annotation's source index.
        src: usize,
    },
    /// The text indexed for quotes.
    Index(QuoteIndex),
}

/// A file read by an article's reader, to be fed into the digest later.
pub(crate) enum Hashed {
    /// The article's text, kept in its pending article.
    ArticleText,
    /// A text the reader no longer keeps (the annotation could not be read).
    Owned(String),
    /// A source of the article's reader.
    Source(usize),
}

/// The step that found a diagnostic. Diagnostics are listed step by step, because
/// an error of an earlier step causes others later (a lexicon file that does not
/// parse leaves every reference to its ids unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) enum Step {
    /// Reading and parsing the files.
    #[default]
    Parse,
    /// Defining the ids.
    Define,
    /// Validating values and resolving references.
    Validate,
}

/// A date written in the corpus and where.
pub(crate) struct DateField {
    pub(crate) src: usize,
    pub(crate) offset: usize,
    pub(crate) date: levelmap_model::date::PartialDate,
    /// An article's date (these set the corpus' span).
    pub(crate) article: bool,
}

/// An article read and parsed, waiting for validation.
pub(crate) struct PendingArticle {
    /// The annotation's source index.
    pub(crate) src: usize,
    pub(crate) text: String,
    pub(crate) text_path: PathBuf,
    /// Its annotation's records (empty until parsed or taken from the read cache).
    pub(crate) records: Records,
}

/// An article's parsed annotation: the raw records the read cache keeps.
#[derive(Default)]
pub(crate) struct Records {
    pub(crate) head: Option<RawArticleHead>,
    pub(crate) author: Vec<RawActorRef>,
    pub(crate) refers_to: Vec<RawEventRef>,
    pub(crate) claim: Vec<RawClaim>,
    pub(crate) relation: Vec<RawRelation>,
    pub(crate) candidate: Vec<RawCandidate>,
}

impl Reader {
    /// Mark the start of a step: the diagnostics reported from now on are its.
    pub(crate) fn begin(&mut self, step: Step) {
        self.steps.push((step, self.diags.len()));
    }

    /// The corpus digest and the diagnostics, step by step (parsing, defining,
    /// validating), each step's in file order (file, line, column); the sort is stable.
    pub(crate) fn finish(mut self) -> Reading {
        if let Some(h) = self.hasher.take() {
            self.corpus.digest = format!("{:x}", h.finalize());
        }
        let steps = &self.steps;
        let step_of = |i: usize| {
            steps
                .iter()
                .rev()
                .find(|(_, start)| *start <= i)
                .map_or(Step::Parse, |(s, _)| *s)
        };
        let mut keyed: Vec<(Step, Diagnostic)> = std::mem::take(&mut self.diags)
            .into_iter()
            .enumerate()
            .map(|(i, d)| (step_of(i), d))
            .collect();
        keyed.sort_by(|(sa, a), (sb, b)| {
            (sa, &a.location.file, a.location.line, a.location.col).cmp(&(
                sb,
                &b.location.file,
                b.location.line,
                b.location.col,
            ))
        });
        Reading {
            corpus: self.corpus,
            diagnostics: keyed.into_iter().map(|(_, d)| d).collect(),
        }
    }

    /// Curated, or drafted by the extractor with a confidence (0.5 when not given);
    /// a confidence that is not a number from 0 to 1 is reported.
    pub(crate) fn origin(&mut self, src: usize, extracted: bool, confidence: &Option<F>) -> Origin {
        let c = confidence.as_ref().and_then(|c| self.confidence(src, c));
        if extracted {
            Origin::Extracted(c.unwrap_or(0.5))
        } else {
            Origin::Curated
        }
    }

    /// A confidence, if it is a number from 0 to 1 (`nan`, `inf` and 1.5 are reported).
    pub(crate) fn confidence(&mut self, src: usize, c: &F) -> Option<f64> {
        let v = *c.get_ref();
        if rules::confidence_ok(v) {
            return Some(v);
        }
        let written = self.sources[src]
            .text
            .get(c.span())
            .map_or_else(|| v.to_string(), |t| t.trim().to_string());
        self.err(
            src,
            c.span().start,
            ReadError::BadConfidence { value: written },
        );
        None
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
                let name = path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if let Some(h) = self.hasher.as_mut() {
                    stamp::hash_file(h, &name, text.as_bytes());
                }
                let src = self.push_source(path, text);
                if let Some(log) = self.hash_log.as_mut() {
                    log.push((name, Hashed::Source(src)));
                }
                Some(src)
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
    fn a_nan_confidence_is_reported_not_clamped() {
        let mut r = Reader::default();
        let src = r.push_source(Path::new("a.toml"), "confidence = nan\n".into());
        let c = |v: f64| Some(F::new(13..16, v));
        assert_eq!(r.origin(src, false, &c(0.9)), Origin::Curated);
        assert_eq!(r.origin(src, true, &None), Origin::Extracted(0.5));
        assert_eq!(r.origin(src, true, &c(0.8)), Origin::Extracted(0.8));
        assert_eq!(r.origin(src, true, &c(f64::NAN)), Origin::Extracted(0.5));
        let reading = r.finish();
        assert_eq!(reading.diagnostics.len(), 1);
        assert_eq!(
            reading.diagnostics[0].error.to_string(),
            "confidence nan is not a number from 0 to 1"
        );
        assert_eq!(reading.diagnostics[0].location.col, Some(14));
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

    #[test]
    fn errors_of_an_earlier_step_come_first() {
        let mut r = Reader::default();
        let art = r.push_source(Path::new("articles/a.toml"), "x\n".into());
        let lex = r.push_source(Path::new("lexicon/actors.toml"), "x\n".into());
        let e = |m: &str| ReadError::Invalid { message: m.into() };
        r.err(lex, 0, e("syntax"));
        r.begin(Step::Define);
        r.err(lex, 0, e("duplicate"));
        r.begin(Step::Validate);
        r.err(art, 0, e("unknown 2"));
        r.err(art, 0, e("unknown 1"));
        let m: Vec<String> = r
            .finish()
            .diagnostics
            .iter()
            .map(|d| d.error.to_string())
            .collect();
        assert_eq!(m, ["syntax", "duplicate", "unknown 2", "unknown 1"]);
    }
}
