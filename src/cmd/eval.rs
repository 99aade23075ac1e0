//! `levelmap eval`: measure extraction against curated annotations, on the bundled
//! corpus and on a held-apart corpus, and print precision, recall and F1.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_extract::{self as extract, eval, ExtractOptions};
use levelmap_read::{layout, read_corpus};

/// Flags of `levelmap eval`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The bundled corpus: its lexicon is the one extraction uses.
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// Take the lexicon for extraction from this corpus instead of --corpus (e.g. an
    /// empty corpus, to measure how far candidates alone go).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicon: Option<PathBuf>,
    /// Gold corpora to measure against (default: the corpus itself, and
    /// tests/fixtures/heldout when it exists).
    #[arg(long, value_name = "DIR")]
    pub(crate) gold: Vec<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub(crate) format: String,
    /// Keep claims with at least this confidence (0 to 1), as `extract` does.
    #[arg(long, default_value_t = extract::claims::DEFAULT_MIN_CONFIDENCE)]
    pub(crate) min_claim_confidence: f64,
    /// Also list, per article, what was missed and what is spurious: actors and
    /// policies by id, claims by quote.
    #[arg(long, visible_alias = "misses")]
    pub(crate) verbose: bool,
}

const HEADER: &str =
    "levelmap eval: drafts from `levelmap extract` measured against curated annotations.
Protocol: each curated article's text is extracted afresh, with the lexicon of --corpus only.
  actors/policies: those tied to the article by any curated edge (mentions from the gold lexicon,
    authors, outlet, speakers, topics, relations) against those extracted (lexicon mentions,
    candidates, authors, outlet, speakers, topics); matched by id or by folded name or alias.
  claims: sentence level; a gold claim is found when an extracted claim's quote overlaps its quote.
  dates: exact (same value and precision), and within precision (one range inside the other).
";

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Run `eval`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let bundled = read_corpus(&args.corpus);
    if bundled.corpus.articles.is_empty() && bundled.corpus.entities.is_empty() {
        anyhow::bail!(
            "no corpus found in {}: pass --corpus DIR",
            args.corpus.display()
        );
    }
    let lex = match &args.lexicon {
        Some(dir) => {
            if !dir.is_dir() {
                anyhow::bail!("no corpus folder {} for --lexicon", dir.display());
            }
            extract::lexicon(&read_corpus(dir).corpus)
        }
        None => extract::lexicon(&bundled.corpus),
    };
    let lex_dir = args.lexicon.clone().unwrap_or_else(|| args.corpus.clone());
    let golds: Vec<PathBuf> = if args.gold.is_empty() {
        let mut v = vec![args.corpus.clone()];
        let held = PathBuf::from("tests/fixtures/heldout");
        if layout::articles_dir(&held).is_dir() {
            v.push(held);
        }
        v
    } else {
        args.gold.clone()
    };
    let opts = ExtractOptions {
        min_claim_confidence: args.min_claim_confidence,
        ..Default::default()
    };
    let mut reports = Vec::new();
    for dir in &golds {
        let (name, protocol, reading) = if args.lexicon.is_some() {
            (
                format!("gold {}", dir.display()),
                format!("Extraction uses the lexicon of {} only.", lex_dir.display()),
                read_corpus(dir),
            )
        } else if same_dir(dir, &args.corpus) {
            (
                "bundled".to_string(),
                format!(
                    "Extraction uses this corpus's own lexicon ({}/lexicon): lexicon entries are found by name, so actor and policy figures mostly measure candidate noise and resolution; claims and dates get no help from it.",
                    args.corpus.display()
                ),
                bundled.clone(),
            )
        } else {
            (
                "held apart".to_string(),
                format!(
                    "Extraction uses only the bundled lexicon ({}/lexicon), not this corpus's: actors and policies it lacks must be found as new candidates.",
                    args.corpus.display()
                ),
                read_corpus(dir),
            )
        };
        if !layout::articles_dir(dir).is_dir() {
            anyhow::bail!(
                "{} is not a corpus folder (no articles/ inside)",
                dir.display()
            );
        }
        let r = eval::evaluate(
            &name,
            &dir.display().to_string(),
            &protocol,
            &reading.corpus,
            reading.diagnostics.len(),
            &lex,
            &opts,
        );
        reports.push(r);
    }
    let mut out = std::io::stdout().lock();
    if args.format == "json" {
        serde_json::to_writer_pretty(&mut out, &reports)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    write!(out, "{HEADER}")?;
    for r in &reports {
        writeln!(out)?;
        write!(out, "{}", eval::render(r))?;
        if args.verbose {
            write!(out, "{}", eval::render_details(r))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
