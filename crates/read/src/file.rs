//! Opening one corpus file without trusting the file system: only regular files are
//! read (a FIFO, a device, a socket or a folder is refused before a byte is read, so
//! nothing hangs or grows without end), a symbolic link is followed only to a regular
//! file (and said so), and no more than [`MAX_FILE_BYTES`] are ever read.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The size limit for one corpus file: 20 MB, as `extract --max-bytes` by default.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a corpus file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The OS refused (missing, permissions...).
    Io(String),
    /// Not a regular file: what it is ("a FIFO (named pipe)", "a folder"...).
    NotAFile(&'static str),
    /// Larger than the limit (its size as far as it was read).
    TooLarge {
        /// Bytes found (at least the limit plus one).
        size: u64,
        /// The limit.
        limit: u64,
    },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Io(e) => write!(f, "{e}"),
            Refusal::NotAFile(what) => write!(f, "not a regular file: it is {what}"),
            Refusal::TooLarge { size, limit } => {
                write!(f, "{size} bytes or more, over the limit of {limit} bytes")
            }
        }
    }
}

/// A file's bytes, and where a symbolic link led when the path was one.
#[derive(Debug)]
pub struct Contents {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// The file a symbolic link resolved to, when `path` is a link.
    pub link_target: Option<PathBuf>,
}

/// What a file type is, in words; `None` for a regular file.
fn not_regular(t: std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Open for reading without blocking on a FIFO (opening one for reading waits for a
/// writer); a regular file reads as usual.
fn open(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Read `path` if it is (or links to) a regular file of at most `limit` bytes.
///
/// The type is checked on the open file itself (so a file swapped after a first look
/// cannot slip through), and reading stops after `limit + 1` bytes, so a file that
/// grows while it is read cannot exceed the limit either.
pub fn read_limited(path: &Path, limit: u64) -> Result<Contents, Refusal> {
    let io = |e: std::io::Error| Refusal::Io(e.to_string());
    let link = std::fs::symlink_metadata(path).map_err(io)?;
    // Refuse what is not a regular file before opening it at all.
    if let Some(what) = not_regular(std::fs::metadata(path).map_err(io)?.file_type()) {
        return Err(Refusal::NotAFile(what));
    }
    let link_target = if link.file_type().is_symlink() {
        Some(std::fs::canonicalize(path).map_err(io)?)
    } else {
        None
    };
    let file = open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = not_regular(meta.file_type()) {
        return Err(Refusal::NotAFile(what));
    }
    if meta.len() > limit {
        return Err(Refusal::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(Contents { bytes, link_target })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_a_link_to_one_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "abc").unwrap();
        let c = read_limited(&f, 10).unwrap();
        assert_eq!((c.bytes.as_slice(), c.link_target), (&b"abc"[..], None));
        #[cfg(unix)]
        {
            let l = dir.path().join("l.txt");
            std::os::unix::fs::symlink(&f, &l).unwrap();
            let c = read_limited(&l, 10).unwrap();
            assert_eq!(c.bytes, b"abc");
            assert_eq!(c.link_target, Some(std::fs::canonicalize(&f).unwrap()));
        }
    }

    #[test]
    fn a_folder_and_an_oversized_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_limited(dir.path(), 10).unwrap_err(),
            Refusal::NotAFile("a folder")
        );
        let f = dir.path().join("big.txt");
        std::fs::write(&f, "0123456789x").unwrap();
        assert!(matches!(
            read_limited(&f, 10),
            Err(Refusal::TooLarge {
                size: 11,
                limit: 10
            })
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dev_zero_is_refused_without_reading_it() {
        assert_eq!(
            read_limited(Path::new("/dev/zero"), 10).unwrap_err(),
            Refusal::NotAFile("a character device")
        );
    }
}
