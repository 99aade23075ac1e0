//! The build's source identity: a digest of every source file the binary is built from
//! (`src/`, `crates/`, `Cargo.toml`, `Cargo.lock`), given to the binary as
//! `LEVELMAP_SOURCE`. The caches beside the outputs (the read and mention caches, the
//! query store) are keyed by it, so a binary built from other sources never reads what
//! another one cached, even at the same crate version.
#![allow(clippy::disallowed_methods)] // the build script reads the source files, not a corpus

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The roots whose files make the binary.
const ROOTS: [&str; 4] = ["Cargo.toml", "Cargo.lock", "src", "crates"];

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    for r in ROOTS {
        println!("cargo:rerun-if-changed={r}");
        collect(&root, &root.join(r), &mut files);
    }
    files.sort();
    let mut h = Sha256::new();
    for rel in &files {
        let bytes = fs::read(root.join(rel)).unwrap_or_default();
        for part in [rel.as_bytes(), &bytes[..]] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
    }
    let digest: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=LEVELMAP_SOURCE={digest}");
}

/// Every file under `path` (or `path` itself), as paths relative to `root` with `/`
/// separators; build folders (`target`) and hidden entries are skipped.
fn collect(root: &Path, path: &Path, files: &mut Vec<String>) {
    let Ok(meta) = fs::metadata(path) else { return };
    if meta.is_file() {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.push(parts.join("/"));
        return;
    }
    let Ok(entries) = fs::read_dir(path) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        collect(root, &e.path(), files);
    }
}
