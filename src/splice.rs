//! graph.json spliced from the previous build's: the index of the file written
//! (`graph-json.index` in the cache folder, beside the read cache), which file it
//! describes (its size, time and inode, as the build that wrote it saw them), and the
//! copying of the previous file's unchanged ranges into the new one (`copy_file_range`
//! where the system has it). An index whose file is not the one in `out/` now is not
//! used: every item is serialised, as in a first build.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use levelmap_model::json_index::{JsonIndex, Splice};

/// The index's file name in the cache folder.
const INDEX_FILE: &str = "graph-json.index";

/// The first line of an index file.
const MAGIC: &[u8] = b"levelmap graph.json index 1\n";

/// What identifies one written file: its size, modification time and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified_ns: i128,
    inode: u64,
}

impl Stamp {
    pub(crate) fn of(meta: &fs::Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(-1, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            modified_ns,
            inode,
        }
    }

    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.modified_ns.to_le_bytes());
        out.extend_from_slice(&self.inode.to_le_bytes());
    }

    fn decode(r: &mut &[u8]) -> Option<Stamp> {
        let len = u64::from_le_bytes(take(r)?);
        let modified_ns = i128::from_le_bytes(take(r)?);
        let inode = u64::from_le_bytes(take(r)?);
        Some(Stamp {
            len,
            modified_ns,
            inode,
        })
    }
}

fn take<const N: usize>(r: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = r.split_first_chunk::<N>()?;
    *r = rest;
    Some(*head)
}

/// The previous graph.json, open, with its index.
pub(crate) struct Previous {
    file: File,
    pub(crate) index: JsonIndex,
}

impl Previous {
    /// The previous graph.json of output folder `out` and its index in `cache`, when
    /// the index was written by this build of levelmap for exactly that file.
    pub(crate) fn open(out: &Path, cache: &Path, build: &str) -> Option<Previous> {
        let bytes = fs::read(cache.join(INDEX_FILE)).ok()?;
        let (stamp, index) = decode(&bytes, build)?;
        let file = File::open(out.join("graph.json")).ok()?;
        (Stamp::of(&file.metadata().ok()?) == stamp).then_some(Previous { file, index })
    }
}

/// The index file's bytes: the magic line, the build, the file's stamp, the index,
/// and an xxh3 checksum of all before it.
fn encode(stamp: Stamp, index: &JsonIndex, build: &str) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(build.len() as u32).to_le_bytes());
    out.extend_from_slice(build.as_bytes());
    stamp.encode(&mut out);
    out.extend_from_slice(&index.encode());
    let sum = xxhash_rust::xxh3::xxh3_64(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The stamp and index of an index file written by `build`; none for any other bytes.
fn decode(bytes: &[u8], build: &str) -> Option<(Stamp, JsonIndex)> {
    let (body, sum) = bytes.split_last_chunk::<8>()?;
    if xxhash_rust::xxh3::xxh3_64(body) != u64::from_le_bytes(*sum) {
        return None;
    }
    let mut r = body.strip_prefix(MAGIC)?;
    let n = u32::from_le_bytes(take(&mut r)?) as usize;
    if r.get(..n)? != build.as_bytes() {
        return None;
    }
    r = &r[n..];
    let stamp = Stamp::decode(&mut r)?;
    Some((stamp, JsonIndex::decode(r)?))
}

/// Save the index of the new graph.json (stamped as written: the switch keeps its time
/// and inode) in the cache folder, through a temporary file renamed over the old index.
pub(crate) fn save(cache: &Path, stamp: Stamp, index: &JsonIndex, build: &str) -> io::Result<()> {
    fs::create_dir_all(cache)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".graph-json.index.")
        .suffix(".tmp")
        .tempfile_in(cache)?;
    tmp.write_all(&encode(stamp, index, build))?;
    tmp.persist(cache.join(INDEX_FILE)).map_err(|e| e.error)?;
    Ok(())
}

/// The new graph.json's writer, copying ranges of the previous file into it.
pub(crate) struct Splicing<'a> {
    pub(crate) out: &'a mut BufWriter<File>,
    pub(crate) previous: Option<&'a File>,
}

impl Write for Splicing<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Splice for Splicing<'_> {
    /// The buffer flushed, then the range copied file to file (std's `io::copy` uses
    /// `copy_file_range` between two files, and reads and writes where it cannot).
    fn copy_previous(&mut self, offset: u64, len: u64) -> io::Result<()> {
        let Some(mut previous) = self.previous else {
            return Err(io::Error::other("no previous graph.json to copy from"));
        };
        self.out.flush()?;
        previous.seek(SeekFrom::Start(offset))?;
        let copied = io::copy(&mut previous.take(len), self.out.get_mut())?;
        if copied != len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the previous graph.json was cut short while it was copied from \
                 (remove graph-json.index in the cache folder, or build with --no-cache)",
            ));
        }
        Ok(())
    }
}

impl Previous {
    /// A writer of the new file copying from this one.
    pub(crate) fn splicing<'a>(&'a self, out: &'a mut BufWriter<File>) -> Splicing<'a> {
        Splicing {
            out,
            previous: Some(&self.file),
        }
    }
}
