//! The read cache: each article's parsed annotation (its raw records with their spans)
//! and whether every quote in it was found in its text, keyed by a sha-256 of the
//! article's stem and both its files, so that a rebuild parses (and indexes for quotes)
//! only the articles that changed. Everything after parsing (defining ids, resolving,
//! validating, the checks across articles) runs on the whole corpus every time, so a
//! lexicon change or a new id elsewhere is seen as in a full read.
//!
//! One file, `articles.bin` in the cache folder: a header (magic, [`FORMAT`], the
//! build that wrote it: the binary's version and source digest, given by the caller),
//! then entries `key (32 bytes) | length (u64) | xxh3 of the payload
//! (u64) | payload`. A file with another header is ignored whole; an entry whose
//! checksum or payload does not read back ends the reading of the file (the entries
//! before it are used, the article is parsed again). The cache can make a read faster,
//! never different: an entry is used only for the exact bytes it was made from.
//!
//! A rebuild after an edit appends the new entries to the file this build wrote
//! (readers take the last entry of a key; there is one), rather than writing the whole
//! file again; once the entries no longer used are more than those used, or the file
//! is another build's or damaged, it is written whole to a temporary file renamed in.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use toml::Spanned;

use crate::raw::{
    RawAbout, RawActorRef, RawArticleHead, RawCandidate, RawClaim, RawDate, RawEventRef,
    RawRelation,
};
use crate::reader::{PendingArticle, Records};

/// The cache file's format: bump it whenever the raw records or their encoding change.
pub(crate) const FORMAT: u32 = 2;

/// The cache file in the cache folder.
pub const CACHE_FILE: &str = "articles.bin";

const MAGIC: &[u8; 20] = b"levelmap-read-cache\n";

/// The key of an article: sha-256 of the format, its stem, its text and its annotation.
pub type Key = [u8; 32];

/// The key of the article `stem` with these files.
pub(crate) fn key(stem: &str, text: &[u8], annotation: &[u8]) -> Key {
    let mut h = Sha256::new();
    h.update(FORMAT.to_le_bytes());
    for part in [stem.as_bytes(), text, annotation] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.finalize().into()
}

/// The header every cache file written by the build `build` starts with.
fn header(build: &str) -> Vec<u8> {
    let mut w = MAGIC.to_vec();
    FORMAT.put(&mut w);
    build.to_string().put(&mut w);
    w
}

/// What a cache entry says about an article.
pub(crate) struct Cached {
    /// Every quote of the annotation was found in the text.
    pub(crate) quotes_found: bool,
    /// The parsed records (the text is read from its file).
    pub(crate) records: Records,
}

/// The records of a parsed article, encoded (without the flag that leads a payload).
pub(crate) fn encode(a: &PendingArticle) -> Vec<u8> {
    let mut w = Vec::new();
    a.records.head.put(&mut w);
    a.records.author.put(&mut w);
    a.records.refers_to.put(&mut w);
    a.records.claim.put(&mut w);
    a.records.relation.put(&mut w);
    a.records.candidate.put(&mut w);
    w
}

/// A payload read back: the flag, then the records; `None` when it does not decode
/// to the end exactly.
pub(crate) fn decode(payload: &[u8]) -> Option<Cached> {
    let (&flag, mut r) = payload.split_first()?;
    let quotes_found = match flag {
        0 => false,
        1 => true,
        _ => return None,
    };
    let records = Records {
        head: Code::take(&mut r)?,
        author: Code::take(&mut r)?,
        refers_to: Code::take(&mut r)?,
        claim: Code::take(&mut r)?,
        relation: Code::take(&mut r)?,
        candidate: Code::take(&mut r)?,
    };
    r.is_empty().then_some(Cached {
        quotes_found,
        records,
    })
}

/// The cache as loaded: the entries of the file, by key.
#[derive(Default)]
pub(crate) struct Loaded {
    bytes: Vec<u8>,
    /// Key to the payload's range in `bytes`.
    entries: HashMap<Key, std::ops::Range<usize>>,
    /// Why the file (or its end) was not used, when it was there but unreadable.
    pub(crate) damaged: Option<String>,
    /// Whether the file starts with this build's header.
    ours: bool,
}

impl Loaded {
    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The payload stored for `key`.
    pub(crate) fn get(&self, key: &Key) -> Option<&[u8]> {
        self.entries.get(key).map(|r| &self.bytes[r.clone()])
    }

    /// Whether the cache of a read that kept `entries` will write this file whole
    /// again, and so needs its bytes: not when the read changed nothing (nothing is
    /// written), nor when the new entries can be appended to it.
    pub(crate) fn needed_to_save(&self, entries: &[Entry]) -> bool {
        let kept = entries
            .iter()
            .filter(|e| e.records.is_none())
            .map(|e| &e.key);
        !unchanged(entries, self.len(), self.damaged.is_some())
            && self.on_disk().appendable(kept).is_none()
    }

    /// What is known of the file without its bytes, to save the next cache by.
    pub(crate) fn on_disk(&self) -> OnDisk {
        OnDisk {
            len: (self.ours && self.damaged.is_none()).then_some(self.bytes.len() as u64),
            sizes: self
                .entries
                .iter()
                .map(|(k, r)| (*k, r.len() + ENTRY_HEAD))
                .collect(),
        }
    }
}

/// A cache file as it was read: its length (none when it is another build's or
/// damaged, and so not to be appended to), and the bytes of each of its entries.
#[derive(Default)]
pub(crate) struct OnDisk {
    len: Option<u64>,
    sizes: HashMap<Key, usize>,
}

impl OnDisk {
    /// The file's length, when a cache whose entries read from the file are `keep`
    /// may be written by appending the others to it (a key read but not used, its
    /// payload not decoding, is appended again: readers take a key's last entry): the
    /// file is this build's, read whole, and the entries `keep` make at least half of
    /// it (else it is written whole again, without the others).
    fn appendable<'k>(&self, keep: impl Iterator<Item = &'k Key>) -> Option<u64> {
        let len = self.len?;
        let live: usize = keep.filter_map(|k| self.sizes.get(k)).sum();
        let stored: usize = self.sizes.values().sum();
        (2 * live >= stored).then_some(len)
    }
}

impl Loaded {
    /// Read the cache file the build `build` wrote in `dir`; a missing file (or one
    /// of another build) is an empty cache, a damaged one is used up to the damage and
    /// says so.
    pub(crate) fn open(dir: &Path, build: &str) -> Loaded {
        Loaded::open_file(&dir.join(CACHE_FILE), &header(build))
    }

    /// Read the cache file `path`, which starts with `head` (another header: not read).
    fn open_file(path: &Path, head: &[u8]) -> Loaded {
        let path = path.to_path_buf();
        let bytes = match crate::file::read_limited(&path, 1 << 40) {
            Ok(c) => c.bytes,
            Err(crate::file::Refusal::Io(_)) if !path.exists() => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    damaged: Some(format!("{} could not be read ({e})", path.display())),
                    ..Loaded::default()
                }
            }
        };
        Loaded::parse(bytes, &path, head)
    }

    fn parse(bytes: Vec<u8>, path: &Path, head: &[u8]) -> Loaded {
        if !bytes.starts_with(head) {
            // Another format or version: not damage, just not ours to read.
            return Loaded::default();
        }
        let mut entries = HashMap::new();
        let mut at = head.len();
        let mut damaged = None;
        while at < bytes.len() {
            match entry_at(&bytes, at) {
                Some((key, range)) => {
                    at = range.end;
                    entries.insert(key, range);
                }
                None => {
                    damaged = Some(format!(
                        "{} is damaged at byte {at}; the articles after it are parsed again",
                        path.display()
                    ));
                    break;
                }
            }
        }
        Loaded {
            bytes,
            entries,
            damaged,
            ours: true,
        }
    }
}

/// The bytes of an entry before its payload: key, length, checksum.
const ENTRY_HEAD: usize = 32 + 16;

/// The entry starting at `at`: its key and its payload's range, if whole and checked.
fn entry_at(bytes: &[u8], at: usize) -> Option<(Key, std::ops::Range<usize>)> {
    let mut r = bytes.get(at..)?;
    let key: Key = r.get(..32)?.try_into().ok()?;
    r = &r[32..];
    let len = usize::try_from(u64::take(&mut r)?).ok()?;
    let sum = u64::take(&mut r)?;
    let start = at + 32 + 16;
    let end = start.checked_add(len)?;
    let payload = bytes.get(start..end)?;
    (xxhash_rust::xxh3::xxh3_64(payload) == sum).then_some((key, start..end))
}

/// Whether a read that kept `entries` leaves the cache file as it was (it held `had`
/// entries, `damaged` or not): every entry reused, none dropped, nothing to mend. Then
/// nothing is saved.
pub(crate) fn unchanged(entries: &[Entry], had: usize, damaged: bool) -> bool {
    entries.iter().all(|e| e.records.is_none()) && entries.len() == had && !damaged
}

/// One entry to write: the key, whether every quote was found, and the encoded
/// records when they are new to the cache file (`None`: reused, their bytes are the
/// file's, and are not copied: at 100,000 articles that copy was 670 MB held through
/// the read).
pub(crate) struct Entry {
    pub(crate) key: Key,
    pub(crate) quotes_found: bool,
    pub(crate) records: Option<Vec<u8>>,
}

/// The cache of the corpus just read, to be saved.
pub struct Update {
    pub(crate) entries: Vec<Entry>,
    /// The build that read them, which the file is written for.
    pub(crate) build: String,
    /// The cache file as read, which the new entries may be appended to.
    pub(crate) on_disk: OnDisk,
    /// The cache file's bytes, kept only when it is to be written whole again (with
    /// the reused entries); when the new entries are appended to it, none are kept,
    /// and should the file have changed by the time it is saved (another build wrote
    /// it meanwhile), it is written whole with the new entries alone: the reused ones
    /// are parsed again next time, never read differently.
    pub(crate) stored: Option<std::sync::Arc<Loaded>>,
}

impl Update {
    /// Write the cache file in `dir` with exactly these entries, through a temporary
    /// file renamed into place (the folder is made when missing).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        self.stage_ref(dir)?.commit()
    }

    /// Write the cache file's new contents to a temporary file in `dir` (made when
    /// missing), to be renamed into place by [`Staged::commit`]: the entries can be
    /// dropped as soon as they are written, long before the build that read them
    /// succeeds. A staged file never committed is removed when dropped.
    pub fn stage(self, dir: &Path) -> std::io::Result<Staged> {
        self.stage_ref(dir)
    }

    fn stage_ref(&self, dir: &Path) -> std::io::Result<Staged> {
        let kept = self
            .entries
            .iter()
            .filter(|e| e.records.is_none())
            .map(|e| &e.key);
        let append = self.on_disk.appendable(kept);
        let stored = self.stored.as_deref();
        let payloads = self.entries.iter().filter_map(|e| {
            let records = match &e.records {
                Some(new) => &new[..],
                // a stored payload is the flag, then the records
                None => stored.and_then(|s| s.get(&e.key))?.get(1..)?,
            };
            let flag = FLAGS[usize::from(e.quotes_found)];
            Some((&e.key, [flag, records], e.records.is_some()))
        });
        stage_file(dir, CACHE_FILE, &header(&self.build), payloads, append)
    }
}

/// A cache file written to a temporary file beside its place, not yet renamed in (or
/// appended to in place: nothing left to do).
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    done: bool,
}

impl Staged {
    /// Rename the staged file into place, and remove what staged files other builds
    /// left in its folder (a build killed between staging and committing).
    pub fn commit(mut self) -> std::io::Result<()> {
        if self.done {
            return Ok(());
        }
        let renamed = std::fs::rename(&self.tmp, &self.path);
        self.done = renamed.is_ok();
        renamed?;
        if let Some(Ok(entries)) = self.path.parent().map(std::fs::read_dir) {
            let name = self.path.file_name().unwrap_or_default().to_string_lossy();
            let prefix = format!(".{name}.");
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.starts_with(&prefix) && name.ends_with(".tmp") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Write the cache file in `dir` with exactly `entries`, through a temporary file
/// renamed into place.
#[cfg(test)]
pub(crate) fn save(dir: &Path, entries: &[Entry], build: &str) -> std::io::Result<()> {
    stage(dir, entries, build)?.commit()
}

/// The flag that leads a payload, by whether every quote was found.
const FLAGS: [&[u8]; 2] = [&[0], &[1]];

/// Write `entries` as a cache file to a temporary file in `dir`.
#[cfg(test)]
fn stage(dir: &Path, entries: &[Entry], build: &str) -> std::io::Result<Staged> {
    let payloads = entries.iter().filter_map(|e| {
        let records = e.records.as_deref()?;
        Some((&e.key, [FLAGS[usize::from(e.quotes_found)], records], true))
    });
    stage_file(dir, CACHE_FILE, &header(build), payloads, None)
}

/// Write a cache file `name` to a temporary file in `dir` (made when missing): `head`,
/// then each entry `key | length | xxh3 of the payload | payload`, the payload being
/// the concatenation of its parts. With `append`, the length of the file in place as
/// it was read, only the entries marked new are appended to it instead (when it still
/// has that length; else it is written whole).
fn stage_file<'e, const N: usize>(
    dir: &Path,
    name: &str,
    head: &[u8],
    entries: impl Iterator<Item = (&'e Key, [&'e [u8]; N], bool)>,
    append: Option<u64>,
) -> std::io::Result<Staged> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    if let Some(len) = append {
        if let Some(file) = open_to_append(&path, len) {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
            write_entries(&mut w, entries.filter(|e| e.2))?;
            w.flush()?;
            return Ok(Staged {
                tmp: path.clone(),
                path,
                done: true,
            });
        }
    }
    let staged = Staged {
        tmp: dir.join(format!(".{name}.{}.tmp", std::process::id())),
        path,
        done: false,
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&staged.tmp)?);
    w.write_all(head)?;
    write_entries(&mut w, entries)?;
    w.flush()?;
    Ok(staged)
}

/// The cache file at `path` opened to append to, if it still has the length `len`
/// it had when read.
fn open_to_append(path: &Path, len: u64) -> Option<std::fs::File> {
    let file = std::fs::OpenOptions::new().append(true).open(path).ok()?;
    (file.metadata().ok()?.len() == len).then_some(file)
}

/// Write each entry `key | length | xxh3 of the payload | payload`.
fn write_entries<'e, const N: usize>(
    w: &mut impl Write,
    entries: impl Iterator<Item = (&'e Key, [&'e [u8]; N], bool)>,
) -> std::io::Result<()> {
    for (key, parts, _) in entries {
        w.write_all(key)?;
        let len: usize = parts.iter().map(|p| p.len()).sum();
        w.write_all(&(len as u64).to_le_bytes())?;
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for p in parts {
            h.update(p);
        }
        w.write_all(&h.digest().to_le_bytes())?;
        for p in parts {
            w.write_all(p)?;
        }
    }
    Ok(())
}

/// The cache of found mentions in the cache folder (beside [`CACHE_FILE`]).
pub const MENTIONS_FILE: &str = "mentions.bin";

const MENTIONS_MAGIC: &[u8; 24] = b"levelmap-mentions-cache\n";

/// The header of a cache of found mentions: magic, the format of its entries
/// ([`levelmap_model::mentions::FOUND_FORMAT`]), the build that wrote it, and the digest
/// of the names they were found with ([`levelmap_model::mentions::names_digest`]): a
/// file made with other names, or by another build, is not read.
fn mentions_header(names: &[u8; 32], build: &str) -> Vec<u8> {
    let mut w = MENTIONS_MAGIC.to_vec();
    levelmap_model::mentions::FOUND_FORMAT.put(&mut w);
    build.to_string().put(&mut w);
    w.extend_from_slice(names);
    w
}

/// The cache of each article's found mentions (`mentions.bin`), keyed by
/// [`levelmap_model::mentions::article_key`], for one set of names: the same file
/// design as the read cache (header, an xxh3 checksum per entry, damage ends what is
/// used, written to a temporary file and renamed in by a build that succeeds).
pub struct MentionsCache {
    loaded: Loaded,
}

impl MentionsCache {
    /// Read `mentions.bin` in `dir` for these names and the build `build`; a missing
    /// file, or one made for other names, format or build, is an empty cache.
    pub fn open(dir: &Path, names: &[u8; 32], build: &str) -> MentionsCache {
        MentionsCache {
            loaded: Loaded::open_file(&dir.join(MENTIONS_FILE), &mentions_header(names, build)),
        }
    }

    /// The number of entries read.
    pub fn len(&self) -> usize {
        self.loaded.len()
    }

    /// Whether no entry was read.
    pub fn is_empty(&self) -> bool {
        self.loaded.len() == 0
    }

    /// Why the file (or its end) was not used, when it was there but damaged.
    pub fn damaged(&self) -> Option<&str> {
        self.loaded.damaged.as_deref()
    }

    /// The mentions stored for the article `key`, decoded; `None` when there is no
    /// entry or it does not decode.
    pub fn get(&self, key: &Key) -> Option<levelmap_model::mentions::Cached> {
        levelmap_model::mentions::Found::decode(self.loaded.get(key)?)
    }

    /// Write `mentions.bin` with exactly `entries` (for these names, by the build
    /// `build`) to a temporary file in `dir`, to be renamed in by [`Staged::commit`].
    pub fn stage(
        &self,
        dir: &Path,
        names: &[u8; 32],
        build: &str,
        entries: &[levelmap_model::mentions::FoundEntry],
    ) -> std::io::Result<Staged> {
        let kept = entries.iter().filter(|e| e.reused()).map(|e| &e.key);
        let append = self.loaded.on_disk().appendable(kept);
        // a reused entry's bytes are the file's, read by this cache
        let payloads = entries.iter().filter_map(|e| {
            let encoded = match &e.encoded {
                Some(new) => &new[..],
                None => self.loaded.get(&e.key)?,
            };
            Some((&e.key, [encoded], !e.reused()))
        });
        stage_file(
            dir,
            MENTIONS_FILE,
            &mentions_header(names, build),
            payloads,
            append,
        )
    }
}

/// A value written to and read back from the cache, little-endian, lengths first.
pub(crate) trait Code: Sized {
    fn put(&self, w: &mut Vec<u8>);
    fn take(r: &mut &[u8]) -> Option<Self>;
}

impl Code for u64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let (b, rest) = r.split_first_chunk::<8>()?;
        *r = rest;
        Some(u64::from_le_bytes(*b))
    }
}

impl Code for u32 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let (b, rest) = r.split_first_chunk::<4>()?;
        *r = rest;
        Some(u32::from_le_bytes(*b))
    }
}

/// Lengths and offsets: LEB128, seven bits a byte, low bits first (most take one or
/// two bytes).
impl Code for usize {
    fn put(&self, w: &mut Vec<u8>) {
        let mut v = *self as u64;
        while v >= 0x80 {
            w.push((v as u8) | 0x80);
            v >>= 7;
        }
        w.push(v as u8);
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = r.split_first()?;
            *r = rest;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return usize::try_from(v).ok();
            }
        }
        None
    }
}

impl Code for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(u8::from(*self));
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        match b {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Code for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        self.to_bits().put(w);
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        u64::take(r).map(f64::from_bits)
    }
}

impl Code for String {
    fn put(&self, w: &mut Vec<u8>) {
        self.len().put(w);
        w.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let len = usize::take(r)?;
        let bytes = r.get(..len)?;
        *r = &r[len..];
        String::from_utf8(bytes.to_vec()).ok()
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        self.is_some().put(w);
        if let Some(v) = self {
            v.put(w);
        }
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        Some(if bool::take(r)? {
            Some(T::take(r)?)
        } else {
            None
        })
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        self.len().put(w);
        for v in self {
            v.put(w);
        }
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let len = usize::take(r)?;
        // Every value takes at least one byte: a damaged length cannot ask for more.
        if len > r.len() {
            return None;
        }
        (0..len).map(|_| T::take(r)).collect()
    }
}

impl<T: Code> Code for Spanned<T> {
    fn put(&self, w: &mut Vec<u8>) {
        let span = self.span();
        span.start.put(w);
        (span.end - span.start).put(w);
        self.get_ref().put(w);
    }
    fn take(r: &mut &[u8]) -> Option<Self> {
        let start = usize::take(r)?;
        let end = start.checked_add(usize::take(r)?)?;
        Some(Spanned::new(start..end, T::take(r)?))
    }
}

/// `Code` for a struct, field by field in the order listed (every field must be).
macro_rules! code_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Code for $t {
            fn put(&self, w: &mut Vec<u8>) {
                $( self.$f.put(w); )*
            }
            fn take(r: &mut &[u8]) -> Option<Self> {
                Some($t { $( $f: Code::take(r)?, )* })
            }
        }
    };
}

code_struct!(RawArticleHead {
    title,
    url,
    date,
    outlet,
    extracted,
    confidence
});
code_struct!(RawDate {
    value,
    provenance,
    evidence,
    reasoning,
    extracted,
    confidence
});
code_struct!(RawActorRef {
    actor,
    quote,
    extracted,
    confidence
});
code_struct!(RawEventRef {
    event,
    quote,
    extracted,
    confidence
});
code_struct!(RawClaim {
    id,
    text,
    quote,
    kind,
    speaker,
    hedged,
    about,
    supports,
    attacks,
    echoes,
    extracted,
    confidence
});
code_struct!(RawAbout { policy, stance });
code_struct!(RawRelation {
    from,
    kind,
    to,
    quote,
    note,
    extracted,
    confidence
});
code_struct!(RawCandidate {
    id,
    name,
    kind,
    aliases,
    quote,
    confidence
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{with_article, HEAD};

    /// An annotation with every kind of record and optional field.
    const FULL: &str = "[[author]]\nactor = \"actor:ann\"\nquote = \"Ann\"\nconfidence = 0.25\n\
        [[claim]]\nid = \"claim:works\"\ntext = \"It works\"\nquote = \"the Towns fund works\"\n\
        speaker = \"actor:ann\"\nhedged = true\nkind = \"evaluation\"\n\
        about = [{ policy = \"policy:towns\", stance = \"for\" }]\nsupports = [\"claim:x\"]\n\
        [[relation]]\nfrom = \"actor:party\"\nkind = \"criticises\"\nto = \"policy:towns\"\n\
        quote = \"disagreed\"\nnote = \"n\"\nextracted = true\n\
        [[candidate]]\nid = \"actor:new\"\nname = \"New\"\naliases = [\"N\"]\nquote = \"Ann\"\n";

    fn parsed(annotation: &str) -> PendingArticle {
        let c = with_article(annotation);
        let mut r = crate::reader::Reader::default();
        let dir = c.path().join("articles");
        r.read_article(
            "2021-05-a",
            &dir.join("2021-05-a.txt"),
            &dir.join("2021-05-a.toml"),
        );
        assert!(r.diags.is_empty());
        r.articles.remove("2021-05-a").expect("parsed")
    }

    #[test]
    fn records_read_back_with_their_values_and_spans() {
        let a = parsed(&format!("{HEAD}{FULL}"));
        let bytes = encode(&a);
        let mut payload = vec![1];
        payload.extend_from_slice(&bytes);
        let back = decode(&payload).expect("decodes");
        assert!(back.quotes_found);
        let r = back.records;
        // Debug shows every field with its span: equal Debug is equal records.
        assert_eq!(format!("{:?}", r.head), format!("{:?}", a.records.head));
        assert_eq!(format!("{:?}", r.author), format!("{:?}", a.records.author));
        assert_eq!(format!("{:?}", r.claim), format!("{:?}", a.records.claim));
        assert_eq!(
            format!("{:?}", r.relation),
            format!("{:?}", a.records.relation)
        );
        assert_eq!(
            format!("{:?}", r.candidate),
            format!("{:?}", a.records.candidate)
        );
        assert_eq!(r.claim[0].quote.span(), a.records.claim[0].quote.span());
        assert_eq!(
            r.author[0].confidence.as_ref().map(|c| *c.get_ref()),
            Some(0.25)
        );
    }

    #[test]
    fn a_payload_cut_short_or_with_bytes_over_does_not_decode() {
        let a = parsed(&format!("{HEAD}{FULL}"));
        let mut payload = vec![0];
        payload.extend_from_slice(&encode(&a));
        for cut in [1, 2, payload.len() / 2, payload.len() - 1] {
            assert!(decode(&payload[..cut]).is_none(), "cut at {cut}");
        }
        payload.push(0);
        assert!(decode(&payload).is_none());
        assert!(decode(&[2]).is_none(), "a flag is 0 or 1");
    }

    #[test]
    fn lengths_read_back_at_every_size_and_a_runaway_one_is_refused() {
        for v in [
            0usize,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u32::MAX as usize,
            usize::MAX,
        ] {
            let mut w = Vec::new();
            v.put(&mut w);
            let mut r = &w[..];
            assert_eq!(usize::take(&mut r), Some(v));
            assert!(r.is_empty());
        }
        assert_eq!(usize::take(&mut &[0x80u8; 11][..]), None);
        assert_eq!(usize::take(&mut &[0x80u8][..]), None);
    }

    #[test]
    fn the_key_changes_with_any_byte_of_either_file_and_with_the_stem() {
        let k = key("a", b"text", b"notes");
        assert_eq!(k, key("a", b"text", b"notes"));
        assert_ne!(k, key("b", b"text", b"notes"));
        assert_ne!(k, key("a", b"texT", b"notes"));
        assert_ne!(k, key("a", b"text", b"notes "));
        // Lengths are part of the key: moving a byte across files changes it.
        assert_ne!(key("a", b"tex", b"tnotes"), k);
    }

    #[test]
    fn a_saved_cache_loads_and_a_flipped_byte_loses_only_what_follows_it() {
        let dir = tempfile::tempdir().unwrap();
        let entries: Vec<Entry> = (0..3u8)
            .map(|i| Entry {
                key: [i; 32],
                quotes_found: i != 1,
                records: Some(vec![i; 10]),
            })
            .collect();
        save(dir.path(), &entries, "1+a").unwrap();
        let loaded = Loaded::open(dir.path(), "1+a");
        assert!(loaded.damaged.is_none());
        assert_eq!(
            loaded.get(&[1; 32]),
            Some(&[0u8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1][..])
        );
        let path = dir.path().join(CACHE_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        // Entries are 32 + 16 + 11 bytes: flip a payload byte of the second.
        let second = header("1+a").len() + 59 + 48 + 3;
        bytes[second] ^= 0x40;
        std::fs::write(&path, &bytes).unwrap();
        let loaded = Loaded::open(dir.path(), "1+a");
        assert!(loaded.get(&[0; 32]).is_some());
        assert!(loaded.get(&[1; 32]).is_none());
        assert!(loaded.get(&[2; 32]).is_none());
        assert!(loaded.damaged.unwrap().contains("damaged at byte"));
        // Another format's file is not read, and is not damage.
        std::fs::write(&path, b"levelmap-read-cache\n\x63\0\0\0").unwrap();
        let loaded = Loaded::open(dir.path(), "1+a");
        assert!(loaded.get(&[0; 32]).is_none() && loaded.damaged.is_none());
        // No file: an empty cache.
        assert!(Loaded::open(&dir.path().join("none"), "1+a")
            .damaged
            .is_none());
    }

    /// A cache written by another build of the same version (other sources) was read
    /// as if this build had written it: parsed records and found mentions that the
    /// changed code would not give.
    #[test]
    fn a_cache_written_by_another_build_of_the_same_version_was_used() {
        let dir = tempfile::tempdir().unwrap();
        let entries = vec![Entry {
            key: [7; 32],
            quotes_found: true,
            records: Some(vec![1, 2, 3]),
        }];
        save(dir.path(), &entries, "0.1.0+aaaa").unwrap();
        assert!(Loaded::open(dir.path(), "0.1.0+aaaa")
            .get(&[7; 32])
            .is_some());
        let other = Loaded::open(dir.path(), "0.1.0+bbbb");
        assert!(other.get(&[7; 32]).is_none() && other.damaged.is_none());
        let names = [3u8; 32];
        let found = vec![levelmap_model::mentions::FoundEntry {
            key: [7; 32],
            encoded: Some(vec![0; 4]),
        }];
        MentionsCache::open(dir.path(), &names, "0.1.0+aaaa")
            .stage(dir.path(), &names, "0.1.0+aaaa", &found)
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(
            MentionsCache::open(dir.path(), &names, "0.1.0+aaaa").len(),
            1
        );
        assert!(MentionsCache::open(dir.path(), &names, "0.1.0+bbbb").is_empty());
    }

    /// A rebuild after one edit wrote the whole cache file again (89 MB at 10,000
    /// articles) to change one entry: now it appends the new one, until the entries no
    /// longer used outweigh the others, and then writes the file whole again.
    #[test]
    fn an_edit_appends_its_entry_and_a_file_mostly_unused_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        // An entry parsed afresh, and one reused (its bytes are the file's).
        let new = |i: u8| Entry {
            key: [i; 32],
            quotes_found: true,
            records: Some(vec![i; 100]),
        };
        let reused = |i: u8| Entry {
            records: None,
            ..new(i)
        };
        let path = dir.path().join(CACHE_FILE);
        save(dir.path(), &(0..4).map(new).collect::<Vec<_>>(), "b").unwrap();
        let whole = std::fs::metadata(&path).unwrap().len();
        // What a read that kept `entries` saves: the file's bytes kept only when needed.
        let update = |entries: Vec<Entry>| {
            let loaded = Loaded::open(dir.path(), "b");
            let stored = loaded.needed_to_save(&entries).then_some(loaded);
            Update {
                entries,
                build: "b".into(),
                on_disk: Loaded::open(dir.path(), "b").on_disk(),
                stored: stored.map(std::sync::Arc::new),
            }
        };
        // Nothing changed: nothing to save, nothing kept.
        assert!(
            !Loaded::open(dir.path(), "b").needed_to_save(&(0..4).map(reused).collect::<Vec<_>>())
        );
        // Article 3 edited: entry 9 replaces it, appended; the file's bytes not kept.
        let edit = update(vec![reused(0), reused(1), reused(2), new(9)]);
        assert!(edit.stored.is_none());
        edit.save(dir.path()).unwrap();
        let appended = std::fs::metadata(&path).unwrap().len();
        assert_eq!(appended, whole + (ENTRY_HEAD + 101) as u64);
        let loaded = Loaded::open(dir.path(), "b");
        assert!(loaded.damaged.is_none());
        for i in [0, 1, 2, 3, 9] {
            assert_eq!(loaded.get(&[i; 32]).map(|p| p[1]), Some(i), "entry {i}");
        }
        // Two of five stored entries still used: the file is written whole, with them
        // (their bytes kept from the read).
        let most_unused = update(vec![reused(0), reused(9), new(7)]);
        assert!(most_unused.stored.is_some());
        most_unused.save(dir.path()).unwrap();
        let loaded = Loaded::open(dir.path(), "b");
        assert_eq!(loaded.len(), 3);
        assert!(loaded.get(&[1; 32]).is_none());
        for i in [0, 7, 9] {
            let payload = loaded.get(&[i; 32]).map(|p| p[1..].to_vec());
            assert_eq!(payload, Some(vec![i; 100]), "entry {i}");
        }
        // A file changed since it was read (another build appended to it) is written
        // whole, with the new entries alone: the reused ones' bytes were not kept, and
        // are parsed again next time.
        let stale = update(vec![reused(0), reused(7), reused(9), new(10)]);
        assert!(stale.stored.is_none());
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"x")
            .unwrap();
        stale.save(dir.path()).unwrap();
        let loaded = Loaded::open(dir.path(), "b");
        assert!(loaded.damaged.is_none());
        assert_eq!(loaded.len(), 1);
        assert!(loaded.get(&[10; 32]).is_some());
    }
}
