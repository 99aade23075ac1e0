//! Writing output files atomically: a temporary file in the same folder, then a rename,
//! so that a failed run leaves the earlier file intact.

use std::io::{self, Write};
use std::path::Path;

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OutputError {
    /// The folder could not be created or written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The target path.
        path: String,
        /// The OS error.
        source: io::Error,
    },
}

/// Write `path` atomically: `write` fills a temporary file beside it, which is then
/// renamed over `path`. If `write` fails, `path` is untouched. A `path` that is no
/// ordinary file (`-o /dev/null`, a named pipe, `/dev/stdout`) is written into as it
/// is: a rename would put a file in the device's place.
pub(crate) fn write_atomic<F>(path: &Path, write: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let err = |source| OutputError::Io {
        path: path.display().to_string(),
        source,
    };
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    if special {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(err)?;
        let mut buf = io::BufWriter::new(file);
        write(&mut buf).map_err(err)?;
        return buf.flush().map_err(err);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(
            ".{}.",
            path.file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        ))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    // Temporary files are private (0600); an output is an ordinary file (0644).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(err)?;
    }
    {
        let mut buf = io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf).map_err(err)?;
        buf.flush().map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Write several files so that either all are replaced or, on any failure while
/// rendering, none is: every file is rendered to memory first, then renamed in turn.
pub(crate) fn write_all_atomic(files: &[(&Path, Vec<u8>)]) -> Result<(), OutputError> {
    for (path, bytes) in files {
        write_atomic(path, |w| w.write_all(bytes))?;
    }
    Ok(())
}

/// Write the query store of `g` into the output folder `out`, atomically. A failure
/// only costs speed (queries read graph.json instead), so it is reported, not fatal.
pub(crate) fn write_store(
    out: &Path,
    header: &levelmap_store::StoreHeader,
    g: &levelmap_model::graph::LevelGraph,
) {
    let bytes = match levelmap_store::encode(header, g) {
        Ok(bytes) => bytes,
        Err(too_large) => {
            note!("note: no query cache written: {too_large}");
            return;
        }
    };
    let path = levelmap_store::cache::cache_path(out);
    if let Err(e) = write_atomic(&path, |w| w.write_all(&bytes)) {
        note!("note: could not write the query cache ({e}); queries will be slower");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `levelmap export ... -o /dev/null`, run as root, renamed its temporary file
    /// over /dev/null: the device became an ordinary file that every later program
    /// writing to /dev/null filled (and cargo, reading it as an empty input, choked on).
    #[cfg(unix)]
    #[test]
    fn writing_to_dev_null_replaced_the_device_with_a_file() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        write_atomic(null, |w| w.write_all(b"discarded")).unwrap();
        let m = std::fs::symlink_metadata(null).unwrap();
        assert!(m.file_type().is_char_device(), "{m:?}");
        assert_eq!(std::fs::read(null).unwrap(), b"");
    }

    #[test]
    fn failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, |w| w.write_all(b"old")).unwrap();
        let r = write_atomic(&p, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_readable_by_all_like_ordinary_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.svg");
        write_atomic(&p, |w| w.write_all(b"<svg/>")).unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }
}
