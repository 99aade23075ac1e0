//! `levelmap export`: write a view of the graph (filtered by kind, edge, dates or
//! neighbourhood) as DOT, SVG or JSON, to a file or to standard output.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::output::write_atomic;
use anyhow::{bail, Context, Result};
use levelmap_draw::map::scene::DrawOptions;
use levelmap_draw::map::{dot, svg};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{build, BuildOptions, LevelGraph};
use levelmap_model::json;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::view::{view, Around, ViewOptions};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Graphviz DOT (render with `dot -Tsvg`).
    Dot,
    /// SVG laid out by levelmap itself (no Graphviz needed).
    Svg,
    /// The lossless JSON of graph.json, restricted to the view.
    Json,
    /// Apache Parquet tables (nodes, edges, evidence) in the folder --out (docs/parquet.md).
    Parquet,
}

/// Flags of `levelmap export`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The corpus folder (with lexicon/ and articles/).
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// Read the graph from a graph.json (from `levelmap build`) instead of the corpus.
    #[arg(long, value_name = "FILE")]
    pub(crate) from_json: Option<PathBuf>,
    /// Output format; guessed from the extension of -o when not given.
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// Write to FILE (replaced atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Write the tables of --format parquet into the folder DIR (each file replaced atomically).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub(crate) out: Option<PathBuf>,
    /// Keep only these node kinds: article, actor, policy, claim, event (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    pub(crate) kind: Vec<NodeKind>,
    /// Keep only these edge kinds, e.g. supports,attacks,echoes (comma-separated).
    /// Naming `mentions` draws mentions as edges instead of listing them in tooltips.
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    pub(crate) edge: Vec<EdgeKind>,
    /// Keep what is dated (or evidenced) from this date on: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<PartialDate>,
    /// Keep what is dated (or evidenced) up to this date, inclusive.
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<PartialDate>,
    /// Keep only the neighbourhood of this node: an id (actor:rachel-reeves) or a name.
    #[arg(long, value_name = "NODE")]
    pub(crate) around: Option<String>,
    /// How many edges away from --around to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    pub(crate) depth: usize,
    /// Include items drafted by `levelmap extract`, marked as extracted.
    #[arg(long)]
    pub(crate) auto: bool,
}

/// The format to write: the flag, else the output file's extension.
fn format_of(args: &Args) -> Result<Format> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let ext = args
        .output
        .as_deref()
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("dot" | "gv") => Ok(Format::Dot),
        Some("svg") => Ok(Format::Svg),
        Some("json") => Ok(Format::Json),
        _ => bail!("give --format dot, svg or json (or an -o file ending in .dot, .svg or .json)"),
    }
}

/// The view options the flags ask for.
pub(crate) fn view_options(args: &Args) -> ViewOptions {
    ViewOptions {
        kinds: args.kind.iter().copied().collect(),
        edges: args.edge.iter().copied().collect::<BTreeSet<_>>(),
        from: args.from,
        to: args.to,
        around: args.around.as_ref().map(|node| Around {
            node: node.clone(),
            depth: args.depth,
        }),
        collapse_mentions: !args.edge.contains(&EdgeKind::Mentions),
    }
}

/// Load the graph from the corpus or a graph.json.
pub(crate) fn load(corpus: &Path, from_json: Option<&Path>, auto: bool) -> Result<LevelGraph> {
    match from_json {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Ok(json::from_json(&text, &path.display().to_string())?)
        }
        None => {
            let reading = super::read_checked(corpus)?;
            Ok(build(
                &reading.corpus,
                BuildOptions {
                    include_extracted: auto,
                },
            ))
        }
    }
}

/// Render a graph in a format to memory; SVG layout warnings go to stderr.
pub(crate) fn render(g: &LevelGraph, format: Format, draw: DrawOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Json => json::write_json(g, &mut out)?,
        Format::Dot => dot::write_dot(g, &dot::DotOptions { draw }, &mut out)?,
        Format::Svg => {
            let report = svg::write_svg(
                g,
                &svg::SvgOptions {
                    draw,
                    ..Default::default()
                },
                &mut out,
            )?;
            for w in report.warnings {
                note!("warning: {w}");
            }
        }
        Format::Parquet => bail!("parquet is a folder of tables: give --out DIR"),
    }
    Ok(out)
}

/// Run `export`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let format = format_of(&args)?;
    let g = load(&args.corpus, args.from_json.as_deref(), args.auto)?;
    let opts = view_options(&args);
    let v = view(&g, &opts)?;
    if format == Format::Parquet || args.out.is_some() {
        return write_tables(&v, format, args.out.as_deref());
    }
    let title = if opts.is_everything() {
        "levelmap".to_string()
    } else {
        format!("levelmap: {}", opts.describe())
    };
    let bytes = render(
        &v,
        format,
        DrawOptions {
            collapse_mentions: opts.collapse_mentions,
            title,
        },
    )?;
    match &args.output {
        Some(path) => {
            let _lock = crate::outset::lock_folder_of(path)?;
            write_atomic(path, |w| w.write_all(&bytes))?;
            note!(
                "wrote {} ({} nodes, {} edges)",
                path.display(),
                v.node_count(),
                v.edge_count()
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--format parquet --out DIR`: the view's tables, rendered in memory, then each file
/// replaced atomically (docs/parquet.md).
fn write_tables(v: &LevelGraph, format: Format, dir: Option<&Path>) -> Result<ExitCode> {
    let Some(dir) = dir.filter(|_| format == Format::Parquet) else {
        bail!("--format parquet writes a folder of tables and --out DIR is only for it: give both");
    };
    let tables = levelmap_columnar::tables(v)?;
    let rows: Vec<String> = tables
        .iter()
        .map(|t| format!("{} {}", t.rows, t.table))
        .collect();
    let paths: Vec<PathBuf> = tables.iter().map(|t| dir.join(&t.file_name)).collect();
    let files: Vec<(&Path, Vec<u8>)> = paths
        .iter()
        .map(PathBuf::as_path)
        .zip(tables.into_iter().map(|t| t.bytes))
        .collect();
    let _lock = crate::outset::lock_folder_of(&paths[0])?;
    crate::output::write_all_atomic(&files)?;
    note!("wrote {} ({})", dir.display(), rows.join(", "));
    Ok(ExitCode::SUCCESS)
}
