//! Telling whether a build is stale: the corpus digest (sha-256 over the files' names
//! and contents, as [`super::read_corpus`] computes it) and a cheap fingerprint of the
//! files' names, sizes and modification times.

use std::path::Path;
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

use crate::layout::{self, ArticlePart, LEXICON_DIR, LEXICON_FILES};

/// Feed one file into the corpus digest: its name, a NUL, its text, a NUL.
pub(crate) fn hash_file(h: &mut Sha256, name: &str, text: &[u8]) {
    h.update(name.as_bytes());
    h.update([0]);
    h.update(text);
    h.update([0]);
}

/// A corpus file's bytes, read as the reader reads them (only a regular file, within
/// the size limit), so that a FIFO or a device cannot hang the digest.
fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    crate::file::read_limited(path, crate::file::MAX_FILE_BYTES)
        .map(|c| c.bytes)
        .map_err(|r| std::io::Error::other(format!("{}: {r}", path.display())))
}

/// Article stems that have both a `.txt` and a `.toml`, sorted.
fn article_pairs(articles: &Path) -> std::io::Result<Vec<String>> {
    let mut txt = std::collections::BTreeSet::new();
    let mut toml = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(articles)? {
        let path = entry?.path();
        let Some((stem, part)) = layout::article_part(&path) else {
            continue;
        };
        match part {
            ArticlePart::Text => txt.insert(stem),
            ArticlePart::Annotation => toml.insert(stem),
        };
    }
    Ok(txt.intersection(&toml).cloned().collect())
}

/// The digest [`super::read_corpus`] would put in `Corpus::digest`, without parsing or
/// validating anything: it reads every file once and hashes it.
pub fn corpus_digest(dir: &Path) -> std::io::Result<String> {
    let mut h = Sha256::new();
    let lexicon = layout::lexicon_dir(dir);
    for name in LEXICON_FILES {
        let path = lexicon.join(name);
        if path.exists() {
            hash_file(&mut h, name, &read_bytes(&path)?);
        }
    }
    let articles = layout::articles_dir(dir);
    for stem in article_pairs(&articles)? {
        for name in [
            layout::text_file_name(&stem),
            layout::annotation_file_name(&stem),
        ] {
            hash_file(&mut h, &name, &read_bytes(&articles.join(&name))?);
        }
    }
    Ok(format!("{:x}", h.finalize()))
}

/// A cheap fingerprint of the corpus files: names, sizes and modification times of the
/// lexicon files and of every `.txt` and `.toml` in `articles/`. Any edit, addition,
/// removal or renaming changes it (touching a file without changing it does too, which
/// is harmless). Every file is stat'ed: an edit in place changes no folder's time, so
/// nothing cheaper can prove that the corpus is unchanged.
pub fn fingerprint(dir: &Path) -> std::io::Result<String> {
    // Hundreds of thousands of files on a large corpus, and a stat costs microseconds
    // of the kernel's time each: stat them through their directory entries, on the
    // thread pool while the directory is still being read, and fold each file's hash
    // into an order-free sum, so that no name is kept and nothing is sorted. (FNV-1a,
    // not sha-256: this detects change, it does not need to resist tampering.)
    let mut total = Sum::default();
    let lexicon = layout::lexicon_dir(dir);
    for name in LEXICON_FILES {
        if let Ok(m) = std::fs::metadata(lexicon.join(name)) {
            total.add(&format!("{LEXICON_DIR}/{name}"), &m);
        }
    }
    let articles = articles_sum(&layout::articles_dir(dir))?;
    total.hash = total.hash.wrapping_add(articles.hash);
    total.files += articles.files;
    let mut h = fnv(FNV_START, &total.hash.to_le_bytes());
    h = fnv(h, &total.files.to_le_bytes());
    Ok(format!("{h:016x}"))
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `bytes`, from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The order-free sum of the files' hashes, and how many files it holds.
#[derive(Default)]
struct Sum {
    hash: u64,
    files: u64,
}

impl Sum {
    /// Add one file: its name, size and modification time.
    fn add(&mut self, name: &str, m: &std::fs::Metadata) {
        let t = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let mut h = fnv(FNV_START, name.as_bytes());
        h = fnv(h, &[0]);
        h = fnv(h, &m.len().to_le_bytes());
        h = fnv(h, &t.to_le_bytes());
        // Mix the bits (splitmix64's finaliser) before summing, so that sums of
        // different files do not cancel out the way FNV's low bits could.
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^= h >> 31;
        self.hash = self.hash.wrapping_add(h);
        self.files += 1;
    }

    /// Stat `entries` and add them.
    fn of(entries: &[(String, std::fs::DirEntry)]) -> std::io::Result<Sum> {
        let mut s = Sum::default();
        for (name, entry) in entries {
            s.add(name, &entry.metadata()?);
        }
        Ok(s)
    }
}

type Batch = Vec<(String, std::fs::DirEntry)>;

/// Read the next `BATCH` article files of `dir` into `batch`; true once the folder is
/// read to its end.
fn next_batch(dir: &mut std::fs::ReadDir, batch: &mut Batch) -> std::io::Result<bool> {
    while batch.len() < BATCH {
        let Some(entry) = dir.next() else {
            return Ok(true);
        };
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if layout::is_article_file_name(&name) {
            batch.push((name, entry));
        }
    }
    Ok(false)
}

/// How many files one task of the pool stats.
const BATCH: usize = 1024;

/// The sum of the article files in `articles`, stat'ed in batches on the thread pool
/// as the directory is read on this thread. A folder of one batch is stat'ed here
/// (starting the pool costs about a millisecond).
fn articles_sum(articles: &Path) -> std::io::Result<Sum> {
    let mut dir = std::fs::read_dir(articles)?;
    let mut batch = Batch::with_capacity(BATCH);
    if next_batch(&mut dir, &mut batch)? {
        return Sum::of(&batch);
    }
    let total = std::sync::Mutex::new(std::io::Result::Ok(Sum::default()));
    let fold = |part: std::io::Result<Sum>| {
        let mut t = total.lock().unwrap_or_else(|e| e.into_inner());
        match (&mut *t, part) {
            (Ok(t), Ok(p)) => {
                t.hash = t.hash.wrapping_add(p.hash);
                t.files += p.files;
            }
            (Ok(_), Err(e)) => *t = Err(e),
            (Err(_), _) => {}
        }
    };
    let listed = rayon::in_place_scope(|s| -> std::io::Result<()> {
        loop {
            let full = std::mem::replace(&mut batch, Batch::with_capacity(BATCH));
            let fold = &fold;
            s.spawn(move |_| fold(Sum::of(&full)));
            if next_batch(&mut dir, &mut batch)? {
                // The last part is stat'ed here while the pool finishes.
                fold(Sum::of(&batch));
                return Ok(());
            }
        }
    });
    listed?;
    total.into_inner().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> std::path::PathBuf {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/mini")
    }

    #[test]
    fn digest_matches_the_reader() {
        let reading = super::super::read_corpus(&mini());
        assert!(!reading.has_errors());
        assert_eq!(corpus_digest(&mini()).unwrap(), reading.corpus.digest);
    }

    #[test]
    fn fingerprint_changes_with_an_edit() {
        let dir = tempfile::tempdir().unwrap();
        let copy = |from: &Path, to: &Path| {
            std::fs::create_dir_all(to).unwrap();
            for e in std::fs::read_dir(from).unwrap() {
                let e = e.unwrap();
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        };
        copy(&mini().join("lexicon"), &dir.path().join("lexicon"));
        copy(&mini().join("articles"), &dir.path().join("articles"));
        let before = fingerprint(dir.path()).unwrap();
        assert_eq!(before, fingerprint(dir.path()).unwrap(), "stable");
        let f = dir.path().join("articles/2024-07-beta-labour.txt");
        let text = std::fs::read_to_string(&f).unwrap();
        std::fs::write(&f, text + "\nOne more line.\n").unwrap();
        assert_ne!(before, fingerprint(dir.path()).unwrap());
        std::fs::write(dir.path().join("articles/new.txt"), "x").unwrap();
        let after_add = fingerprint(dir.path()).unwrap();
        std::fs::remove_file(dir.path().join("articles/new.txt")).unwrap();
        assert_ne!(after_add, fingerprint(dir.path()).unwrap());
    }

    /// A folder of several batches (stat'ed on the pool) gives the same fingerprint
    /// every time, and a new one when any file is renamed, grown or removed.
    #[test]
    fn fingerprint_of_a_large_folder() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir_all(&articles).unwrap();
        for i in 0..(2 * BATCH + 7) {
            std::fs::write(articles.join(format!("a{i:05}.txt")), "x").unwrap();
        }
        let before = fingerprint(dir.path()).unwrap();
        assert_eq!(before, fingerprint(dir.path()).unwrap(), "stable");
        let a = articles.join("a01500.txt");
        let b = articles.join("b01500.txt");
        std::fs::rename(&a, &b).unwrap();
        let renamed = fingerprint(dir.path()).unwrap();
        assert_ne!(before, renamed);
        std::fs::rename(&b, &a).unwrap();
        assert_eq!(before, fingerprint(dir.path()).unwrap(), "renamed back");
        std::fs::write(&a, "xy").unwrap();
        assert_ne!(before, fingerprint(dir.path()).unwrap());
        std::fs::remove_file(&a).unwrap();
        assert_ne!(before, fingerprint(dir.path()).unwrap());
    }
}
