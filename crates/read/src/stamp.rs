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
/// lexicon files and of every `.txt` and `.toml` in `articles/`. Any edit, addition or
/// removal changes it (touching a file without changing it does too, which is harmless).
pub fn fingerprint(dir: &Path) -> std::io::Result<String> {
    // Tens of thousands of files on a large corpus: stat them through their directory
    // entries, and hash with FNV-1a rather than sha-256 (this detects change, it does
    // not need to resist tampering).
    let mut files: Vec<(String, u64, u128)> = Vec::new();
    let stamp = |m: std::fs::Metadata| {
        (
            m.len(),
            m.modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos()),
        )
    };
    let lexicon = layout::lexicon_dir(dir);
    for name in LEXICON_FILES {
        if let Ok(m) = std::fs::metadata(lexicon.join(name)) {
            let (len, t) = stamp(m);
            files.push((format!("{LEXICON_DIR}/{name}"), len, t));
        }
    }
    // The stat calls dominate (the kernel's work, not ours): spread them over threads.
    use rayon::prelude::*;
    let mut entries: Vec<(String, std::fs::DirEntry)> = Vec::new();
    for entry in std::fs::read_dir(layout::articles_dir(dir))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if layout::is_article_file_name(&name) {
            entries.push((name, entry));
        }
    }
    let stat = |(name, entry): (String, std::fs::DirEntry)| {
        entry.metadata().map(|m| {
            let (len, t) = stamp(m);
            (name, len, t)
        })
    };
    // Threads only pay on a large corpus (starting them costs about a millisecond).
    let stamped: Vec<(String, u64, u128)> = if entries.len() < 2048 {
        entries
            .into_iter()
            .map(stat)
            .collect::<std::io::Result<_>>()?
    } else {
        entries
            .into_par_iter()
            .with_min_len(512)
            .map(stat)
            .collect::<std::io::Result<_>>()?
    };
    files.extend(stamped);
    files.sort_unstable();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (name, len, t) in &files {
        feed(name.as_bytes());
        feed(&[0]);
        feed(&len.to_le_bytes());
        feed(&t.to_le_bytes());
    }
    feed(&(files.len() as u64).to_le_bytes());
    Ok(format!("{h:016x}"))
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
}
