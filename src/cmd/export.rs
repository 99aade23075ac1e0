//! `levelmap export`: write a view of the graph (filtered by kind, edge, dates or
//! neighbourhood) as DOT, SVG or JSON, or for other tools as GraphML, GEXF, CSV, AIF or
//! TimelineJS (`levelmap_interchange`, docs/interchange.md), to a file or to standard
//! output.

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
    /// GraphML with typed attributes (networkx, igraph, R, visone, yEd).
    Graphml,
    /// GEXF 1.3, dynamic: Gephi's timeline plays the debate.
    Gexf,
    /// nodes.csv and edges.csv in the folder -o names (spreadsheets, pandas, neo4j-admin import).
    Csv,
    /// The Argument Interchange Format as AIFdb's JSON (claims, supports, attacks, echoes, speakers).
    Aif,
    /// The explorer: one offline HTML page (map, timeline, search, filters, time, paths).
    Html,
    /// TimelineJS 3 JSON: articles, events and claims as slides, one group per lane.
    Timelinejs,
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
    /// Include items drafted by `levelmap extract`, marked as extracted (from the
    /// corpus: a graph.json holds what its build included, `levelmap build --auto`).
    #[arg(long, conflicts_with = "from_json")]
    pub(crate) auto: bool,
    /// With --format html: write the explorer page even of a view past 20,000 nodes
    /// and edges (a browser takes minutes to open one, if it does).
    #[arg(long)]
    pub(crate) force: bool,
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
        Some("graphml") => Ok(Format::Graphml),
        Some("gexf") => Ok(Format::Gexf),
        Some("html" | "htm") => Ok(Format::Html),
        _ => bail!("give --format dot, svg or json (or an -o file ending in .dot, .svg or .json), or graphml, gexf, csv, aif or timelinejs for other tools, or html for the explorer page, or parquet with --out DIR for engines at scale"),
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

/// Load the graph from the corpus or a graph.json (through the query store beside
/// it when that stands for it).
pub(crate) fn load(corpus: &Path, from_json: Option<&Path>, auto: bool) -> Result<LevelGraph> {
    match from_json {
        Some(path) => {
            if let Some(g) = from_store(path) {
                return Ok(g);
            }
            Ok(super::read_graph_json(path)?.0)
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

/// The graph of `dir/graph.json` from the query store `levelmap build` wrote beside
/// it (`dir/graph.cache`), if the store stands for this very file (same build, size
/// and modification time, and written from it) and reads back undamaged: decoding
/// the store takes a fraction of parsing the JSON (docs/networks.md, Speed). Else
/// None, and the JSON is parsed.
fn from_store(path: &Path) -> Option<LevelGraph> {
    if path.file_name()? != "graph.json" {
        return None;
    }
    let dir = path.parent()?;
    let stamp = levelmap_store::cache::json_stamp(path);
    let (header, store) = levelmap_store::cache::open_current(dir, stamp, crate::BUILD).ok()?;
    if !header.json_fresh {
        return None;
    }
    store.whole()
}

/// Write a graph in a format to `w` as it is made (the interchange writers and the
/// JSON stream one node and edge at a time); SVG layout warnings go to stderr.
fn render(g: &LevelGraph, format: Format, draw: DrawOptions, mut w: &mut dyn Write) -> Result<()> {
    match format {
        Format::Json => json::write_json(g, &mut w)?,
        Format::Dot => dot::write_dot(g, &dot::DotOptions { draw }, &mut w)?,
        Format::Graphml => levelmap_interchange::write_graph_graphml(g, &mut w)?,
        Format::Gexf => levelmap_interchange::write_graph_gexf(g, &mut w)?,
        Format::Aif => levelmap_interchange::write_aif(g, &mut w)?,
        Format::Timelinejs => levelmap_interchange::write_timelinejs(g, &mut w)?,
        Format::Csv => {
            bail!("csv writes two files: give -o DIR, the folder for nodes.csv and edges.csv")
        }
        Format::Html => w.write_all(&explore_page(g, draw.title, Default::default())?.1)?,
        Format::Svg => {
            let mut out = Vec::new();
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
            w.write_all(&out)?;
        }
        Format::Parquet => bail!("parquet is a folder of tables: give --out DIR"),
    }
    Ok(())
}

/// Write `path` atomically with `write`, which may fail with any error: the file is
/// then left as it was and the error returned.
fn write_file_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut failed = None;
    let written = write_atomic(path, |w| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        match write(&mut w).and_then(|()| Ok(w.flush()?)) {
            Ok(()) => Ok(()),
            Err(e) => {
                failed = Some(e);
                Err(std::io::Error::other("export failed"))
            }
        }
    });
    match (failed, written) {
        (Some(e), _) => Err(e),
        (None, r) => Ok(r?),
    }
}

/// `--format csv`: nodes.csv and edges.csv into the folder `-o` names, both or neither.
fn write_csv_folder(dir: Option<&Path>, v: &LevelGraph) -> Result<ExitCode> {
    let Some(dir) = dir else {
        bail!("csv writes two files: give -o DIR, the folder for nodes.csv and edges.csv");
    };
    if dir.is_file() {
        bail!(
            "{} is a file; csv writes a folder (nodes.csv, edges.csv): give -o DIR",
            dir.display()
        );
    }
    let (nodes, edges) = (dir.join("nodes.csv"), dir.join("edges.csv"));
    let _lock = crate::outset::lock_folder_of(&nodes)?;
    // Both files are streamed, each into its temporary file: a failure while making
    // them leaves both earlier files (edges.csv is renamed in once both are written,
    // then nodes.csv).
    write_file_with(&nodes, |nw| {
        write_file_with(&edges, |ew| {
            levelmap_interchange::write_graph_csv(v, &mut &mut *nw, &mut &mut *ew)?;
            // nodes.csv whole in its temporary file before edges.csv is renamed in.
            nw.flush()?;
            Ok(())
        })
    })?;
    note!(
        "wrote {} and {} ({} nodes, {} edges)",
        nodes.display(),
        edges.display(),
        v.node_count(),
        v.edge_count()
    );
    Ok(ExitCode::SUCCESS)
}

/// The explorer page of `g` (explore.html), with the article texts it quotes.
pub(crate) fn explore_page(
    g: &LevelGraph,
    title: String,
    texts: std::collections::BTreeMap<String, levelmap_explore::ArticleText>,
) -> Result<(String, Vec<u8>)> {
    let opts = levelmap_explore::PageOptions { title, texts };
    let page = levelmap_explore::page(g, &opts).context("cannot write the explorer page")?;
    Ok(("explore.html".to_string(), page.into_bytes()))
}

/// Run `export`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let format = format_of(&args)?;
    let g = load(&args.corpus, args.from_json.as_deref(), args.auto)?;
    let opts = view_options(&args);
    // The whole graph is its own view: no copy.
    let viewed;
    let v = if opts.is_everything() {
        &g
    } else {
        viewed = view(&g, &opts)?;
        &viewed
    };
    if format == Format::Parquet || args.out.is_some() {
        return write_tables(v, format, args.out.as_deref());
    }
    if format == Format::Csv {
        return write_csv_folder(args.output.as_deref(), v);
    }
    let title = if opts.is_everything() {
        "levelmap".to_string()
    } else {
        format!("levelmap: {}", opts.describe())
    };
    if format == Format::Html && !args.force {
        explorable(v, &opts)?;
    }
    holds_what_the_format_carries(v, format, &opts)?;
    let draw = DrawOptions {
        collapse_mentions: opts.collapse_mentions,
        title,
    };
    let write = |w: &mut dyn Write| -> Result<()> {
        if format == Format::Html {
            let texts = match &args.from_json {
                Some(_) => Default::default(),
                None => levelmap_explore::texts(&super::read_checked(&args.corpus)?.corpus),
            };
            w.write_all(&explore_page(v, draw.title, texts)?.1)?;
            Ok(())
        } else {
            render(v, format, draw, w)
        }
    };
    match &args.output {
        Some(path) => {
            let _lock = crate::outset::lock_folder_of(path)?;
            write_file_with(path, write)?;
            note!(
                "wrote {} ({} nodes, {} edges)",
                path.display(),
                v.node_count(),
                v.edge_count()
            );
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The explorer page of a view past build's drawing size (20,000 nodes and edges) is
/// refused before anything is written: a browser would take minutes to lay out and
/// draw it (the page of 1,000 synthetic articles, 137,672 nodes and edges, is 42 MB),
/// and `build` does not write one either. The error names the size and the way to a
/// view that opens; `--force` writes it anyway.
/// AIF carries claims and TimelineJS dates articles: a view without any was written as
/// an empty AIF document with exit 0 (`export --format aif --kind actor,policy`), and
/// TimelineJS blamed the corpus ("the corpus has no articles") for what the view left
/// out. Either is refused, naming the view and the fix.
fn holds_what_the_format_carries(
    v: &LevelGraph,
    format: Format,
    opts: &levelmap_query::view::ViewOptions,
) -> Result<()> {
    let (kind, why) = match format {
        Format::Aif => (NodeKind::Claim, "AIF holds claims and their relations"),
        Format::Timelinejs => (
            NodeKind::Article,
            "TimelineJS places articles and what they date",
        ),
        _ => return Ok(()),
    };
    if v.graph.node_weights().any(|n| n.kind == kind) {
        return Ok(());
    }
    if opts.is_everything() {
        bail!("the graph has no {kind}: {why}, so there is nothing to export");
    }
    bail!(
        "the view ({}) has no {kind}: {why}; include {kind} in --kind, or widen the view",
        opts.describe()
    )
}

fn explorable(v: &LevelGraph, opts: &levelmap_query::view::ViewOptions) -> Result<()> {
    let size = v.node_count() + v.edge_count();
    if size <= super::build::DRAWABLE {
        return Ok(());
    }
    let which = if opts.is_everything() {
        "the whole graph".to_string()
    } else {
        format!("the view ({})", opts.describe())
    };
    bail!(
        "the explorer page of {which} would hold {} nodes and {} edges ({size} in all), more than the {} a browser opens in useful time: \
         export a part with --around NODE --depth 2, --kind (e.g. policy,actor), --edge or --from/--to \
         (`levelmap export --format html --around policy:levelling-up --depth 2 -o part.html`), \
         or write it anyway with --force",
        v.node_count(),
        v.edge_count(),
        super::build::DRAWABLE
    )
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
