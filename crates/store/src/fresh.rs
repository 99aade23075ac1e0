//! Whether a store still stands for the corpus: its fingerprint (names, sizes and
//! times of the corpus files) against the one it was written for.
//!
//! Listing a large corpus takes as long as answering a question, so a question may be
//! answered from the store while the corpus is listed on another thread
//! ([`Check::WhileAnswering`]), and the answer is printed only once the listing
//! [`Deferred::confirm`]s the store is [`Freshness::Fresh`]; otherwise the question
//! is asked again with [`Check::First`]. The mode is a value the caller passes in.

use std::path::{Path, PathBuf};

use levelmap_read::stamp;

/// When the corpus is compared with the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// List the corpus while the question is answered; confirm before printing.
    WhileAnswering,
    /// List and compare the corpus before the store is used.
    First,
}

/// What a finished check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// The corpus is the one the store was written for.
    Fresh,
    /// The corpus has changed since the store was written.
    Stale,
}

/// The corpus being listed on a thread of its own: its fingerprint, or None without
/// a corpus folder.
pub struct Listing {
    corpus: PathBuf,
    thread: std::thread::JoinHandle<std::io::Result<Option<String>>>,
}

impl Listing {
    /// Start listing `corpus` (nothing to list if it is not a folder).
    pub fn start(corpus: &Path) -> Listing {
        let has_corpus = corpus.is_dir();
        let dir = corpus.to_path_buf();
        let thread = std::thread::spawn(move || {
            if has_corpus {
                stamp::fingerprint(&dir).map(Some)
            } else {
                Ok(None)
            }
        });
        Listing {
            corpus: corpus.to_path_buf(),
            thread,
        }
    }

    /// The fingerprint the listing found ("" without a corpus folder).
    pub fn finish(self) -> Result<String, ListingError> {
        let corpus = self.corpus;
        Ok(self
            .thread
            .join()
            .map_err(|_| ListingError::Panicked)?
            .map_err(|source| ListingError::Io { corpus, source })?
            .unwrap_or_default())
    }
}

/// Why the corpus could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum ListingError {
    /// The listing thread failed.
    #[error("listing the corpus failed")]
    Panicked,
    /// A folder or file of the corpus could not be read.
    #[error("cannot list the corpus in {}", corpus.display())]
    Io {
        /// The corpus folder.
        corpus: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// The check of a question answered from the store, still running.
pub struct Deferred {
    /// The corpus being listed.
    pub listing: Listing,
    /// The fingerprint the store was written for.
    pub expected: String,
}

impl Deferred {
    /// Finish the check: is the corpus still the one the store stands for?
    pub fn confirm(self) -> Result<Freshness, ListingError> {
        Ok(if self.listing.finish()? == self.expected {
            Freshness::Fresh
        } else {
            Freshness::Stale
        })
    }
}
