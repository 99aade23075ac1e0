//! `levelmap render`: the time-layered views. `timeline` (articles, events and one
//! lane per recurring idea on a true time axis), `evolution POLICY` (the lineage of one
//! idea, with the claims for and against each step) and `map --slice year` (the debate
//! as it stood at the end of each year, one page per year).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::output::{write_all_atomic, write_atomic};
use anyhow::Result;
use levelmap_draw::views::{self, evolution, slices, TimelineOptions};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{build, BuildOptions, LevelGraph};

/// Flags of `levelmap render`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Which view to draw.
    #[command(subcommand)]
    pub(crate) view: View,
}

/// The views.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum View {
    /// Articles, events and one lane per recurring idea on a proportional time axis.
    ///
    /// Example: levelmap render timeline --about securonomics --from 2021 -o out/securonomics.svg
    Timeline(TimelineArgs),
    /// The lineage of one policy: what it evolved from and into, and the claims for and
    /// against each, with their speakers.
    ///
    /// Example: levelmap render evolution 'industrial strategy'
    Evolution(EvolutionArgs),
    /// The map as it stood at the end of each period: out/map-2020.svg, out/map-2021.svg…
    ///
    /// Example: levelmap render map --slice year
    Map(MapArgs),
}

/// Where the corpus is and where drawings go.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Input {
    /// The corpus folder (with lexicon/ and articles/).
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// Folder for the drawings (when -o is not given).
    #[arg(long, default_value = "out")]
    pub(crate) out: PathBuf,
    /// Include items drafted by `levelmap extract`.
    #[arg(long)]
    pub(crate) auto: bool,
}

/// Flags of `render timeline`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct TimelineArgs {
    /// Corpus and output folder.
    #[command(flatten)]
    pub(crate) input: Input,
    /// The SVG to write [default: <out>/timeline.svg].
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Only what concerns this node: a policy and its lineage, an actor's claims, a claim
    /// and the claims it links to, an article, or the articles referring to an event.
    #[arg(long, value_name = "NODE")]
    pub(crate) about: Option<String>,
    /// Only articles dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<PartialDate>,
    /// Only articles dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<PartialDate>,
    /// One lane for each of the N most discussed ideas [default: every idea discussed in
    /// two or more articles, and what it evolved from or into].
    #[arg(long, value_name = "N")]
    pub(crate) lanes: Option<usize>,
    /// Width of the time axis in px.
    #[arg(long, value_name = "PX", default_value_t = 1500.0)]
    pub(crate) width: f64,
}

/// Flags of `render evolution`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct EvolutionArgs {
    /// The policy: id, name or alias, any case (e.g. levelling-up, 'Industrial strategy').
    pub(crate) policy: String,
    /// Corpus and output folder.
    #[command(flatten)]
    pub(crate) input: Input,
    /// The SVG to write [default: <out>/evolution-<policy>.svg].
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// How to slice the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Slice {
    /// One page per calendar year that has articles.
    Year,
}

/// Flags of `render map`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct MapArgs {
    /// Corpus and output folder.
    #[command(flatten)]
    pub(crate) input: Input,
    /// Draw one map per period, as the debate stood at its end.
    #[arg(long, value_enum)]
    pub(crate) slice: Slice,
}

/// Run `render`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    match args.view {
        View::Timeline(a) => run_timeline(a),
        View::Evolution(a) => run_evolution(a),
        View::Map(a) => run_map(a),
    }
}

fn load(input: &Input) -> Result<LevelGraph> {
    let reading = super::read_checked(&input.corpus)?;
    Ok(build(
        &reading.corpus,
        BuildOptions {
            include_extracted: input.auto,
        },
    ))
}

fn write_one(path: &Path, svg: &str) -> Result<()> {
    let _lock = crate::outset::lock_folder_of(path)?;
    write_atomic(path, |w| w.write_all(svg.as_bytes()))?;
    Ok(())
}

fn run_timeline(a: TimelineArgs) -> Result<ExitCode> {
    if !(a.width.is_finite() && (400.0..=20_000.0).contains(&a.width)) {
        anyhow::bail!(
            "--width {} is out of range: give a width in px from 400 to 20000",
            a.width
        );
    }
    let g = load(&a.input)?;
    let start = Instant::now();
    let opts = TimelineOptions {
        about: a.about,
        from: a.from,
        to: a.to,
        lanes: a.lanes,
        width: a.width,
    };
    let r = views::render_timeline(&g, &opts)?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let path = a.output.unwrap_or_else(|| a.input.out.join("timeline.svg"));
    write_one(&path, &r.svg)?;
    println!("wrote {}: {}; {ms:.0} ms", path.display(), r.summary);
    Ok(ExitCode::SUCCESS)
}

fn run_evolution(a: EvolutionArgs) -> Result<ExitCode> {
    let g = load(&a.input)?;
    let start = Instant::now();
    let r = evolution::render_evolution(&g, &a.policy)?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let path = a
        .output
        .unwrap_or_else(|| a.input.out.join(format!("evolution-{}.svg", r.slug)));
    write_one(&path, &r.svg)?;
    println!("wrote {}: {}; {ms:.0} ms", path.display(), r.summary);
    Ok(ExitCode::SUCCESS)
}

fn run_map(a: MapArgs) -> Result<ExitCode> {
    let g = load(&a.input)?;
    let start = Instant::now();
    let pages = match a.slice {
        Slice::Year => slices::yearly(&g)?,
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let files: Vec<(PathBuf, Vec<u8>)> = pages
        .iter()
        .map(|p| (a.input.out.join(&p.file), p.svg.clone().into_bytes()))
        .collect();
    let refs: Vec<(&Path, Vec<u8>)> = files
        .iter()
        .map(|(p, b)| (p.as_path(), b.clone()))
        .collect();
    let _lock = crate::outset::lock_folder_of(&a.input.out.join("map.svg"))?;
    write_all_atomic(&refs)?;
    let mut out = std::io::stdout().lock();
    for (p, page) in files.iter().zip(&pages) {
        writeln!(out, "wrote {}: {}", p.0.display(), page.summary)?;
    }
    writeln!(out, "{} page(s); {ms:.0} ms", pages.len())?;
    Ok(ExitCode::SUCCESS)
}
