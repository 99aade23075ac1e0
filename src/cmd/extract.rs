//! `levelmap extract FILE...`: draft annotation files from raw article texts (plain
//! text, Markdown or HTML), every item marked extracted with a confidence.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::output::write_atomic;
use anyhow::{Context, Result};
use levelmap_extract::{
    self as extract, draft, Draft, ExtractError, ExtractOptions, Format, Lexicon,
};
use levelmap_read::{layout, read_corpus, ReadError};

/// Flags of `levelmap extract`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Article files: .txt, .md or .html.
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// The corpus whose lexicon (actors, policies, events) and claims are matched.
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// Write the drafts (and stripped texts) into this folder instead of beside each file.
    #[arg(short = 'o', long, value_name = "DIR", conflicts_with = "stdout")]
    pub(crate) out: Option<PathBuf>,
    /// Print the drafts to standard output instead of writing files.
    #[arg(long)]
    pub(crate) stdout: bool,
    /// Replace an existing annotation file (by default a curated .toml is never overwritten).
    #[arg(long)]
    pub(crate) force: bool,
    /// Read the files as this format instead of guessing from the extension.
    #[arg(long, value_parser = ["text", "markdown", "html"])]
    pub(crate) format: Option<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = extract::DEFAULT_MAX_BYTES)]
    pub(crate) max_bytes: usize,
    /// Keep claims with at least this confidence (0 to 1).
    #[arg(long, default_value_t = extract::claims::DEFAULT_MIN_CONFIDENCE)]
    pub(crate) min_claim_confidence: f64,
}

/// One input made ready: its text and where its outputs go.
pub(crate) struct Prepared {
    /// The input as given.
    pub(crate) path: PathBuf,
    /// The article id for its draft.
    pub(crate) stem: String,
    /// Plain text (markup stripped).
    pub(crate) text: String,
    /// Whether the plain text must be written beside the draft (markup was stripped,
    /// or the file name was not a valid id, or the output goes elsewhere).
    pub(crate) write_text: bool,
}

/// Read and decode one input file, refusing oversized, empty and binary files
/// before reading much of them.
pub(crate) fn prepare(
    path: &Path,
    format: Option<Format>,
    opts: &ExtractOptions,
) -> std::result::Result<(String, Format), PrepareError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| PrepareError::Io(format!("cannot read {name}: {e}")))?;
    if meta.is_dir() {
        return Err(PrepareError::Io(format!(
            "{name} is a folder, not an article file"
        )));
    }
    extract::check_size(&name, meta.len(), opts).map_err(PrepareError::Extract)?;
    // Only a regular file, and never more than the limit: a FIFO or a device would
    // hang or never end.
    let limit = opts.max_bytes as u64;
    let bytes = match levelmap_read::file::read_limited(path, limit) {
        Ok(c) => c.bytes,
        Err(levelmap_read::file::Refusal::TooLarge { size, .. }) => {
            let e = extract::check_size(&name, size, opts);
            return Err(e.map_or_else(PrepareError::Extract, |()| {
                PrepareError::Io(format!("{name} grew while it was read"))
            }));
        }
        Err(e) => return Err(PrepareError::Io(format!("cannot read {name}: {e}"))),
    };
    let raw = extract::decode(&name, &bytes, opts).map_err(PrepareError::Extract)?;
    let format = format
        .or_else(|| Format::from_path(path))
        .unwrap_or_else(|| Format::sniff(&raw));
    let format = if format == Format::Plain && Format::sniff(&raw) == Format::Html {
        Format::Html
    } else {
        format
    };
    let text = extract::markup::to_plain(&raw, format);
    if text.trim().is_empty() {
        return Err(PrepareError::Extract(ExtractError::Empty { file: name }));
    }
    Ok((text, format))
}

/// Why an input could not be prepared.
#[derive(Debug)]
pub(crate) enum PrepareError {
    /// The file could not be read.
    Io(String),
    /// The content is refused.
    Extract(ExtractError),
}

impl PrepareError {
    /// Print to stderr as an error with help.
    pub(crate) fn report(&self) {
        match self {
            PrepareError::Io(m) => note!("error: {m}"),
            PrepareError::Extract(e) => note!("error: {e}\n  = help: {}", e.help()),
        }
    }
}

/// Parse the `--format` flag.
pub(crate) fn parse_format(s: Option<&str>) -> Option<Format> {
    match s {
        Some("markdown") => Some(Format::Markdown),
        Some("html") => Some(Format::Html),
        Some("text") => Some(Format::Plain),
        _ => None,
    }
}

/// Read the corpus for its lexicon; a missing or broken corpus gives a smaller lexicon, with a warning.
pub(crate) fn load_lexicon(corpus: &Path) -> Lexicon {
    let reading = read_corpus(corpus);
    let no_folder = reading.diagnostics.iter().any(
        |d| matches!(&d.error, ReadError::Missing { what } if what.starts_with("corpus folder")),
    );
    if no_folder {
        note!(
            "warning: no corpus folder at {}: the drafts know only the background lexicon of UK public life\n  = help: give the corpus whose names the drafts should link with `--corpus DIR`",
            corpus.display()
        );
    } else if reading.has_errors() {
        note!(
            "warning: the corpus in {} has {} error(s); its valid entries are used as the lexicon (run `levelmap check`)",
            corpus.display(),
            reading.error_count()
        );
    }
    extract::lexicon(&reading.corpus)
}

/// Run `extract`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let opts = ExtractOptions {
        max_bytes: args.max_bytes,
        min_claim_confidence: args.min_claim_confidence,
        ..Default::default()
    };
    let format = parse_format(args.format.as_deref());
    let lex = load_lexicon(&args.corpus);
    let mut failed = 0usize;
    let mut inputs: Vec<Prepared> = Vec::new();
    for path in &args.files {
        match prepare(path, format, &opts) {
            Ok((text, fmt)) => {
                let file_stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let stem = extract::slug(&file_stem);
                let stem = if stem.is_empty() {
                    "article".to_string()
                } else {
                    stem
                };
                let write_text = fmt != Format::Plain || stem != file_stem || args.out.is_some();
                inputs.push(Prepared {
                    path: path.clone(),
                    stem,
                    text,
                    write_text,
                });
            }
            Err(e) => {
                e.report();
                failed += 1;
            }
        }
    }
    let names: Vec<String> = inputs
        .iter()
        .map(|p| p.path.display().to_string())
        .collect();
    let batch: Vec<extract::Input<'_>> = inputs
        .iter()
        .zip(&names)
        .map(|(p, file)| extract::Input {
            file,
            text: &p.text,
            stem: Some(&p.stem),
        })
        .collect();
    let results: Vec<std::result::Result<Draft, ExtractError>> =
        extract::extract_all(&batch, &lex, &opts);
    let mut drafts: Vec<(&Prepared, Draft)> = Vec::new();
    for (p, r) in inputs.iter().zip(results) {
        match r {
            Ok(d) => drafts.push((p, d)),
            Err(e) => {
                PrepareError::Extract(e).report();
                failed += 1;
            }
        }
    }
    let mut only: Vec<Draft> = drafts.iter().map(|(_, d)| d.clone()).collect();
    extract::dedupe_across(&mut only, &lex);
    let mut out = std::io::stdout().lock();
    for ((p, _), d) in drafts.iter().zip(only) {
        let source = p.path.display().to_string();
        if args.stdout {
            draft::write(&d, &source, &mut out)?;
            continue;
        }
        let dir = match &args.out {
            Some(o) => o.clone(),
            None => p
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
        };
        let toml_path = dir.join(layout::annotation_file_name(&d.stem));
        if toml_path.exists() && !args.force {
            note!("error: {} exists; not overwriting an annotation file\n  = help: pass --force to replace it, or -o DIR to write elsewhere", toml_path.display());
            failed += 1;
            continue;
        }
        if p.write_text {
            let txt = dir.join(layout::text_file_name(&d.stem));
            if txt != p.path {
                write_atomic(&txt, |w| w.write_all(d.text.as_bytes()))
                    .with_context(|| format!("writing {}", txt.display()))?;
            }
        }
        write_atomic(&toml_path, |w| draft::write(&d, &source, w))
            .with_context(|| format!("writing {}", toml_path.display()))?;
        writeln!(
            out,
            "drafted {}: date {} ({}), {} author(s), {} claim(s), {} candidate(s), {} event(s)",
            toml_path.display(),
            d.date.value,
            d.date.provenance,
            d.authors.len(),
            d.claims.len(),
            d.candidates.iter().filter(|c| !c.known).count(),
            d.refers_to.len()
        )?;
    }
    if failed > 0 {
        anyhow::bail!(
            "{failed} of {} file(s) could not be drafted",
            args.files.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
