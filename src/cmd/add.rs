//! `levelmap add FILE`: put an article into the corpus with a drafted annotation:
//! its text as articles/<id>.txt and the draft as articles/<id>.toml.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::output::write_atomic;
use anyhow::{Context, Result};
use levelmap_extract::{self as extract, draft, ExtractOptions};
use levelmap_model::id_problem;
use levelmap_read::{layout, read_corpus};

use super::extract::{load_lexicon, parse_format, prepare};

/// Flags of `levelmap add`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The article: .txt, .md or .html.
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    /// The corpus to add it to.
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// The article id (file stem); by default made from its date, author and title.
    #[arg(long)]
    pub(crate) id: Option<String>,
    /// Read the file as this format instead of guessing from the extension.
    #[arg(long, value_parser = ["text", "markdown", "html"])]
    pub(crate) format: Option<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = extract::DEFAULT_MAX_BYTES)]
    pub(crate) max_bytes: usize,
    /// Add the text even when the corpus already holds it as another article.
    #[arg(long)]
    pub(crate) again: bool,
}

/// Refuse an article id (file stem) that breaks the id rule: it would make files the
/// reader refuses, or hidden ones (`..`).
fn check_stem(id: &str) -> Result<()> {
    if let Some(problem) = id_problem(&format!("article:{id}")) {
        anyhow::bail!("'{id}' is not a valid article id ({problem}): use lowercase letters, digits and hyphens, e.g. 2024-07-hickson-labour-levelling-up");
    }
    Ok(())
}

/// Run `add`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    if let Some(id) = &args.id {
        check_stem(id)?;
    }
    let articles = layout::articles_dir(&args.corpus);
    if !articles.is_dir() {
        anyhow::bail!(
            "{} is not a corpus folder (no articles/ inside); pass --corpus DIR",
            args.corpus.display()
        );
    }
    let opts = ExtractOptions {
        max_bytes: args.max_bytes,
        ..Default::default()
    };
    let (text, _) = match prepare(&args.file, parse_format(args.format.as_deref()), &opts) {
        Ok(t) => t,
        Err(e) => {
            e.report();
            anyhow::bail!("{} was not added", args.file.display());
        }
    };
    // the same text added twice counted its claims and statements twice, silently
    if !args.again {
        if let Some(stem) = levelmap_read::article_holding(&args.corpus, &text) {
            anyhow::bail!(
                "{} is already in {} as article '{stem}' (the same text): adding it again would count its claims and statements twice; pass --again to add it anyway",
                args.file.display(),
                args.corpus.display()
            );
        }
    }
    let lex = load_lexicon(&args.corpus);
    let name = args.file.display().to_string();
    let mut d = match extract::extract(&name, &text, args.id.as_deref(), &lex, &opts) {
        Ok(d) => d,
        Err(e) => {
            note!("error: {e}\n  = help: {}", e.help());
            anyhow::bail!("{} was not added", args.file.display());
        }
    };
    // A derived id that is taken gets a number.
    if args.id.is_none() {
        let base = d.stem.clone();
        let mut n = 2;
        while articles.join(layout::text_file_name(&d.stem)).exists()
            || articles
                .join(layout::annotation_file_name(&d.stem))
                .exists()
        {
            d.stem = format!("{base}-{n}");
            n += 1;
        }
    }
    // The stem names two files: whatever made it, it keeps the id rule.
    check_stem(&d.stem)?;
    let txt = articles.join(layout::text_file_name(&d.stem));
    let toml_path = articles.join(layout::annotation_file_name(&d.stem));
    if txt.exists() || toml_path.exists() {
        anyhow::bail!(
            "article '{}' is already in {}; choose another --id",
            d.stem,
            args.corpus.display()
        );
    }
    extract::dedupe_across(std::slice::from_mut(&mut d), &lex);
    write_atomic(&txt, |w| w.write_all(d.text.as_bytes()))
        .with_context(|| format!("writing {}", txt.display()))?;
    write_atomic(&toml_path, |w| draft::write(&d, &name, w))
        .with_context(|| format!("writing {}", toml_path.display()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "added {} as article '{}'", args.file.display(), d.stem)?;
    writeln!(out, "  wrote {}", txt.display())?;
    writeln!(
        out,
        "  wrote {} (draft: date {} ({}), {} author(s), {} claim(s), {} candidate(s))",
        toml_path.display(),
        d.date.value,
        d.date.provenance,
        d.authors.len(),
        d.claims.len(),
        d.candidates.iter().filter(|c| !c.known).count()
    )?;
    let reading = read_corpus(&args.corpus);
    let stem_file = layout::annotation_file_name(&d.stem);
    let own: Vec<_> = reading
        .diagnostics
        .iter()
        .filter(|x| x.location.file.ends_with(&stem_file))
        .collect();
    for diag in &own {
        note!("{diag}\n");
    }
    if own.iter().any(|x| x.is_error()) {
        anyhow::bail!(
            "the draft for '{}' has errors (see above); please report this as a bug",
            d.stem
        );
    }
    writeln!(
        out,
        "review the draft, then run `levelmap check --corpus {}`",
        args.corpus.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
