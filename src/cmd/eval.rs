//! `levelmap eval`: measure extraction against curated annotations, on the bundled
//! corpus and on a held-apart corpus, and print precision, recall and F1.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_extract::{self as extract, eval, ExtractOptions};
use levelmap_read::{gold, layout, read_corpus};

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
    /// Extract without the built-in background lexicon of UK public life (to measure
    /// what it adds).
    #[arg(long)]
    pub(crate) no_background: bool,
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
  judged articles (with <stem>.claims.tsv and <stem>.entities.tsv, docs/annotation-guide.md):
    actors/policies are the ids of entities.tsv; every sentence is judged, and an extracted claim
    is correct when its quote overlaps (contains, lies within, or shares half its words with) a
    clear or borderline sentence; recall is over the clear sentences.
  frozen parts (a FROZEN file in the folder) print totals only: nobody reads their misses;
    they are measured only when named: --gold tests/fixtures/gold/test.
  dates: exact (same value and precision), and within precision (one range inside the other).
";

/// The gold folders measured when none is named: the corpus itself, then the
/// held-apart corpus and the gold set's dev part, where they exist. A frozen part is
/// measured only when named (`--gold tests/fixtures/gold/test`), so that its totals
/// are read on purpose, not on every run while tuning.
fn default_golds(corpus: &Path) -> Vec<PathBuf> {
    let mut v = vec![corpus.to_path_buf()];
    for dir in ["tests/fixtures/heldout", "tests/fixtures/gold/dev"] {
        let d = PathBuf::from(dir);
        if layout::articles_dir(&d).is_dir() && !d.join(gold::FROZEN_FILE).is_file() {
            v.push(d);
        }
    }
    v
}

/// A gold folder's short name and the protocol line printed under it.
fn describe(args: &Args, lex_dir: &Path, dir: &Path, frozen: bool) -> (String, String) {
    let folder = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if args.lexicon.is_some() {
        return (
            format!("gold {}", dir.display()),
            format!("Extraction uses the lexicon of {} only.", lex_dir.display()),
        );
    }
    if same_dir(dir, &args.corpus) {
        return (
            "bundled".to_string(),
            format!(
                "Extraction uses this corpus's own lexicon ({}/lexicon): lexicon entries are found by name, so actor and policy figures mostly measure candidate noise and resolution; claims and dates get no help from it.",
                args.corpus.display()
            ),
        );
    }
    let name = if frozen {
        format!("gold {folder} (frozen: totals only)")
    } else if folder == "heldout" {
        "held apart".to_string()
    } else {
        format!("gold {folder}")
    };
    (
        name,
        format!(
            "Extraction uses only the bundled lexicon ({}/lexicon), not this corpus's, as `levelmap add` into the bundled corpus would: actors and policies it lacks must be found as new candidates.",
            args.corpus.display()
        ),
    )
}

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
    let background = if args.no_background {
        extract::Background::Off
    } else {
        extract::Background::On
    };
    let lex = match &args.lexicon {
        Some(dir) => {
            if !dir.is_dir() {
                anyhow::bail!("no corpus folder {} for --lexicon", dir.display());
            }
            extract::lexicon_with(&read_corpus(dir).corpus, background)
        }
        None => extract::lexicon_with(&bundled.corpus, background),
    };
    let lex_dir = args.lexicon.clone().unwrap_or_else(|| args.corpus.clone());
    let golds: Vec<PathBuf> = if args.gold.is_empty() {
        default_golds(&args.corpus)
    } else {
        args.gold.clone()
    };
    let opts = ExtractOptions {
        min_claim_confidence: args.min_claim_confidence,
        ..Default::default()
    };
    let mut reports = Vec::new();
    for dir in &golds {
        if !layout::articles_dir(dir).is_dir() {
            anyhow::bail!(
                "{} is not a corpus folder (no articles/ inside)",
                dir.display()
            );
        }
        let (judged, errors) = gold::read_gold(dir);
        if !errors.is_empty() {
            let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
            anyhow::bail!(
                "the gold judgements in {} have {} problem(s); fix them (format: docs/annotation-guide.md section 8):\n{}",
                dir.display(),
                errors.len(),
                list.join("\n")
            );
        }
        let (name, protocol) = describe(&args, &lex_dir, dir, judged.frozen);
        let reading = if same_dir(dir, &args.corpus) {
            bundled.clone()
        } else {
            read_corpus(dir)
        };
        let set = eval::GoldSet {
            name: &name,
            dir: &dir.display().to_string(),
            protocol: &protocol,
            corpus: &reading.corpus,
            diagnostics: reading.diagnostics.len(),
            judged: &judged,
        };
        reports.push(eval::evaluate(&set, &lex, &opts));
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
