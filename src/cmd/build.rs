//! `levelmap build`: the main job. Validate the corpus, build the graph, write
//! out/graph.json, out/graph.dot and out/graph.svg, the timeline views (timeline.svg,
//! map-<year>.svg, evolution-<idea>.svg), and print a summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use levelmap_draw::map::dot_overview::{self, OverviewOptions};
use levelmap_draw::map::{dot, svg};
use levelmap_draw::views::{self, evolution, slices};
use levelmap_model::graph::{build_reusing, BuildOptions, LevelGraph};
use levelmap_model::json;
use levelmap_model::json_index::{write_json_spliced, JsonIndex, Spliced};
use levelmap_model::{EdgeKind, NodeKind};
use petgraph::Direction;

/// Flags of `levelmap build`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The corpus folder (with lexicon/ and articles/).
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// Where to write graph.json, graph.dot, graph.svg and the timeline views.
    #[arg(long, default_value = "out")]
    pub(crate) out: PathBuf,
    /// Rebuild from a graph.json instead of the corpus (a round trip gives identical bytes).
    #[arg(long, value_name = "FILE")]
    pub(crate) from_json: Option<PathBuf>,
    /// Include items drafted by `levelmap extract`, marked as extracted.
    #[arg(long)]
    pub(crate) auto: bool,
    /// Draw graph.svg and the timeline views: auto (when the graph has at most
    /// 20,000 nodes and edges and its articles span at most 200 years; larger
    /// drawings cannot be read, and take minutes and gigabytes), always, or never.
    #[arg(long, value_enum, default_value_t = Draw::Auto, value_name = "WHEN")]
    pub(crate) draw: Draw,
    /// Where to keep the read cache (each article's parsed annotation, keyed by a hash
    /// of its files, so that a rebuild parses only the articles that changed) and the
    /// mentions found in each text (keyed by a hash of the text, for the lexicon's
    /// names); the outputs are the same bytes either way [default: `.levelmap-cache`
    /// inside the output folder].
    #[arg(long, value_name = "DIR")]
    pub(crate) cache: Option<PathBuf>,
    /// Parse every article and scan every text, neither reading nor writing the caches.
    #[arg(long, conflicts_with = "cache")]
    pub(crate) no_cache: bool,
    /// Print the wall time of each phase (read, graph, json, dot, drawings, store,
    /// write) and the peak memory to stderr (`cargo bench --bench build` reads them).
    #[arg(long)]
    pub(crate) timings: bool,
}

/// When `build` draws the whole-graph pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Draw {
    /// When the graph is small enough to read in one picture.
    Auto,
    /// Always.
    Always,
    /// Never (graph.json, graph.dot and the query cache only).
    Never,
}

/// The largest graph (nodes + edges) that `--draw auto` draws.
pub(crate) const DRAWABLE: usize = 20_000;

/// The longest span of article dates, in years, that `--draw auto` draws: the
/// time-layered views are as wide as the articles' span (300 articles over 9,000
/// years took a minute, 6 GB and wrote 2.7 GB), and a longer span is most likely a
/// mistyped year (`0202`), which `check` warns about.
const DRAWABLE_YEARS: i64 = 200;

/// The years from the first article's to the last's (0 without articles).
fn article_years(g: &LevelGraph) -> i64 {
    let years = g
        .graph
        .node_weights()
        .filter(|n| n.kind == NodeKind::Article)
        .filter_map(|n| n.date())
        .map(|d| i64::from(d.year_num()));
    let (lo, hi) = years.fold((i64::MAX, i64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (hi - lo).max(0)
}

/// Whether `build` draws `g` (the drawings' size rule, or `--draw`).
fn will_draw(args: &Args, g: &LevelGraph) -> bool {
    match args.draw {
        Draw::Always => true,
        Draw::Never => false,
        Draw::Auto => {
            g.node_count() + g.edge_count() <= DRAWABLE && article_years(g) <= DRAWABLE_YEARS
        }
    }
}

/// What graph.dot keeps of a graph too large to draw.
const OVERVIEW: OverviewOptions = OverviewOptions {
    policies: 40,
    actors: 40,
    edges: 300,
};

/// Graphs larger than this (nodes + edges) get a progress bar on a terminal.
const LONG_WORK: usize = 2000;

/// A progress bar on stderr, shown only when stdout and stderr are terminals and the
/// work is long; hidden otherwise (pipes and tests see nothing).
fn progress(steps: u64) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::hidden());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} {msg} ({elapsed})")
    {
        pb.set_style(style.progress_chars("=> "));
    }
    pb
}

fn show_if_long(pb: &ProgressBar, g: &LevelGraph) {
    if g.node_count() + g.edge_count() > LONG_WORK
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal()
    {
        pb.set_draw_target(ProgressDrawTarget::stderr());
        pb.enable_steady_tick(Duration::from_millis(120));
    }
}

/// Run `build`.
/// `build --out graph/articles` wrote graph.json, the pictures, the query store and its
/// caches among the articles (and a lock file into the corpus): the corpus folder
/// itself and its `articles/` and `lexicon/` are refused as the output folder.
fn out_outside_the_corpus(corpus: &std::path::Path, out: &std::path::Path) -> Result<()> {
    use levelmap_read::layout::{ARTICLES_DIR, LEXICON_DIR};
    let (corpus_at, out_at) = (resolved(corpus), resolved(out));
    let within = |sub: &str| out_at.starts_with(corpus_at.join(sub));
    let place = if out_at == corpus_at {
        "is the corpus folder"
    } else if within(ARTICLES_DIR) {
        "is inside the corpus's articles/ folder"
    } else if within(LEXICON_DIR) {
        "is inside the corpus's lexicon/ folder"
    } else {
        return Ok(());
    };
    anyhow::bail!(
        "--out {} {place} ({}): the outputs (graph.json, the pictures, the query store) would be written among the corpus files; give a folder outside it, e.g. --out out",
        out.display(),
        corpus.display()
    )
}

/// `p` made absolute with its links resolved as far as it exists (an output folder
/// may not exist yet): its nearest existing ancestor canonicalised, the rest appended.
fn resolved(p: &std::path::Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut rest = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(real) = at.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(real, |acc: PathBuf, part| acc.join(part));
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                at = parent;
            }
            _ => return abs,
        }
    }
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    if args.from_json.is_none() {
        out_outside_the_corpus(&args.corpus, &args.out)?;
    }
    let start = Instant::now();
    // Taken before reading, so that an edit made while building leaves the query cache stale.
    let fingerprint = match &args.from_json {
        Some(_) => None,
        None => levelmap_read::stamp::fingerprint(&args.corpus).ok(),
    };
    let pb = progress(5);
    pb.set_message("reading the corpus");
    let mut phases = Phases::new(args.timings);
    let mut cache_save = Vec::new();
    let (g, import_warnings, mut warnings, texts, set) = match &args.from_json {
        Some(path) => {
            let (g, w) = super::read_graph_json(path)?;
            phases.mark("read");
            let set = crate::outset::OutputSet::open(&args.out)?;
            (g, w, 0, Default::default(), set)
        }
        None => {
            let (reading, save) = read_cached(&args)?;
            // The output folder locked (and what killed builds left cleaned) before
            // anything is written into it.
            let set = crate::outset::OutputSet::open(&args.out)?;
            // Written to a temporary file while the graph is built, and its entries
            // dropped; renamed in only when the whole set is written.
            cache_save.extend(save.map(CacheSave::stage));
            crate::memory::return_freed();
            phases.mark("read");
            let (g, mentions_save) = build_graph(&args, &reading.corpus);
            cache_save.extend(mentions_save);
            // The explorer's texts: only for a graph drawn (the texts are the corpus' size).
            let texts = if will_draw(&args, &g) {
                levelmap_explore::texts(&reading.corpus)
            } else {
                Default::default()
            };
            phases.mark("graph");
            (g, vec![], reading.warning_count(), texts, set)
        }
    };
    // The corpus as read is dropped: what the graph does not share of it is freed.
    crate::memory::return_freed();
    show_if_long(&pb, &g);
    pb.inc(1);
    let size = g.node_count() + g.edge_count();
    let years = article_years(&g);
    let draw = will_draw(&args, &g);
    // graph.dot draws the whole graph where the drawings' size rule allows (or when
    // asked to); past it, no drawing tool could lay it out, and it holds an overview.
    let whole_dot = args.draw == Draw::Always || size <= DRAWABLE;
    let (
        files,
        SetReport {
            svg: report,
            spliced,
        },
    ) = write_set(
        set,
        &g,
        SetContents {
            fingerprint,
            draw,
            whole_dot,
            texts,
            cache_save,
            cache: cache_dir(&args),
        },
        &pb,
        &mut phases,
    )?;
    if let (true, Some(s)) = (args.timings, spliced) {
        note!("graph.json {} items copied {} written", s.copied, s.written);
    }
    let targets: Vec<PathBuf> = std::iter::once("graph.json")
        .chain(files.iter().map(|(name, _)| name.as_str()))
        .map(|name| args.out.join(name))
        .collect();
    pb.inc(1);
    pb.finish_and_clear();

    let svg_warnings: &[String] = report.as_ref().map_or(&[], |r| &r.warnings);
    for w in import_warnings.iter().chain(svg_warnings) {
        note!("warning: {w}");
    }
    warnings += import_warnings.len() + svg_warnings.len();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "built {} nodes, {} edges",
        g.node_count(),
        g.edge_count()
    )?;
    for (kind, n) in g.count_nodes() {
        writeln!(out, "  {:<14} {n:>5}", kind.plural())?;
    }
    for (kind, n) in g.count_edges() {
        writeln!(out, "  {:<14} {n:>5}", kind.as_str())?;
    }
    for p in &targets {
        writeln!(out, "wrote {}", p.display())?;
    }
    if !whole_dot {
        writeln!(
            out,
            "graph.dot holds an overview, not the whole graph: the {} most-discussed policies and the {} actors \
             with the most claims, with their claim counts; {size} nodes and edges are more than Graphviz can lay out \
             (graph.json holds them all; draw parts with `levelmap export --around NODE --depth 2 -o part.dot`, \
             or the whole with --draw always)",
            OVERVIEW.policies, OVERVIEW.actors
        )?;
    }
    match report {
        Some(report) => writeln!(out, "graph.svg: {}", report.note)?,
        None if args.draw == Draw::Auto && years > DRAWABLE_YEARS => writeln!(
            out,
            "graph.svg, the timeline views and explore.html not written: the articles span {years} years, more than \
             {DRAWABLE_YEARS} (is a year mistyped? `levelmap check` warns about dates far from the others); \
             the views would be as wide as the span (force it with --draw always)"
        )?,
        None if args.draw == Draw::Auto => writeln!(
            out,
            "graph.svg, the timeline views and explore.html not written: {size} nodes and edges are too many to read in one picture \
             (draw parts with `levelmap export --around NODE --depth 2 -o part.svg` (or part.html, an explorer page of the part) \
             or `levelmap render timeline --about NODE`, or force it with --draw always)"
        )?,
        None => writeln!(out, "graph.svg, the timeline views and explore.html not written (--draw never)")?,
    }
    writeln!(
        out,
        "{warnings} warning(s); {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    )?;
    phases.mark("other");
    phases.print();
    // The process ends here: freeing the graph node by node (a tenth of a second at
    // 10,000 articles) would only delay the exit.
    std::mem::forget(g);
    Ok(ExitCode::SUCCESS)
}

/// The read cache's folder: `--cache`, else [`CACHE_DIR`] inside the output folder
/// (carried over from set to set like any file of the user's); none with `--no-cache`.
fn cache_dir(args: &Args) -> Option<PathBuf> {
    if args.no_cache {
        return None;
    }
    Some(
        args.cache
            .clone()
            .unwrap_or_else(|| args.out.join(CACHE_DIR)),
    )
}

/// The read cache's folder inside the output folder, when `--cache` is not given.
const CACHE_DIR: &str = ".levelmap-cache";

/// Read the corpus through the read cache (unless `--no-cache`), printing its
/// diagnostics; an error when it has errors. With `--timings`, a line says how many
/// articles were reused and parsed. Returns the cache to save with the outputs.
fn read_cached(args: &Args) -> Result<(levelmap_read::Reading, Option<CacheSave>)> {
    let Some(dir) = cache_dir(args) else {
        return Ok((super::read_checked(&args.corpus)?, None));
    };
    let (reading, used) = levelmap_read::read_corpus_cached(&args.corpus, &dir, crate::BUILD);
    if let Some(why) = &used.note {
        note!("note: {why}");
    }
    if args.timings {
        note!(
            "read cache {} reused {} parsed ({})",
            used.reused,
            used.parsed,
            dir.display()
        );
    }
    let save = used.update.map(|update| CacheSave { dir, update });
    Ok((super::checked(&args.corpus, reading)?, save))
}

/// Build the graph of `corpus`, each article's mentions taken from the cache of found
/// mentions (`mentions.bin` in the cache folder, for the lexicon's names) where it holds
/// them and found by scanning otherwise (the same graph either way); with `--timings`,
/// a line says how many were reused and scanned. Returns the graph and the cache of
/// found mentions to save with the outputs (none when it is unchanged, or `--no-cache`).
fn build_graph(args: &Args, corpus: &levelmap_model::Corpus) -> (LevelGraph, Option<StagingCache>) {
    let opts = BuildOptions {
        include_extracted: args.auto,
    };
    let Some(dir) = cache_dir(args) else {
        return (build_reusing(corpus, opts, None).0, None);
    };
    let names = levelmap_model::mentions::names_digest(corpus);
    let cache = levelmap_read::cache::MentionsCache::open(&dir, &names, crate::BUILD);
    if let Some(why) = cache.damaged() {
        note!("note: {why}");
    }
    let (g, entries) = build_reusing(corpus, opts, Some(&|key| cache.get(key)));
    let reused = entries.iter().filter(|e| e.reused()).count();
    if args.timings {
        note!(
            "mentions cache {reused} reused {} scanned ({})",
            entries.len() - reused,
            dir.display()
        );
    }
    let unchanged = reused == entries.len() && cache.len() == reused && cache.damaged().is_none();
    let save = (!unchanged).then(|| StagingCache {
        what: "the cache of found mentions",
        dir: dir.clone(),
        thread: Some(std::thread::spawn(move || {
            cache.stage(&dir, &names, crate::BUILD, &entries)
        })),
    });
    (g, save)
}

/// The read cache to save, and where.
struct CacheSave {
    dir: PathBuf,
    update: levelmap_read::cache::Update,
}

impl CacheSave {
    /// Write the cache to a temporary file in its folder, on a thread of its own.
    fn stage(self) -> StagingCache {
        let dir = self.dir.clone();
        StagingCache {
            what: "the read cache",
            dir,
            thread: Some(std::thread::spawn(move || self.update.stage(&self.dir))),
        }
    }
}

/// A cache file (the read cache, or the found mentions) being written to a temporary file.
struct StagingCache {
    /// What it is, for a note.
    what: &'static str,
    dir: PathBuf,
    thread: Option<std::thread::JoinHandle<std::io::Result<levelmap_read::cache::Staged>>>,
}

impl StagingCache {
    /// Wait for the temporary file.
    fn join(&mut self) -> Option<std::io::Result<levelmap_read::cache::Staged>> {
        let thread = self.thread.take()?;
        Some(
            thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    }
}

impl Drop for StagingCache {
    /// A build that fails waits for the temporary file, and removes it.
    fn drop(&mut self) {
        drop(self.join());
    }
}

impl StagingCache {
    /// Rename it into place; failing to is a note (the next build parses more).
    fn save(mut self) {
        let Some(staged) = self.join() else { return };
        if let Err(e) = staged.and_then(levelmap_read::cache::Staged::commit) {
            note!(
                "note: could not write {} in {} ({e}); the next build does its work again",
                self.what,
                self.dir.display()
            );
        }
    }
}

/// The wall time (and CPU time of all threads) of each phase of one build, summed by
/// name, printed to stderr with `--timings` as `phase <name> <wall ms> cpu <ms>` lines
/// and `peak memory <kB> kB`.
struct Phases {
    on: bool,
    last: Instant,
    last_cpu: u64,
    /// Name, wall time, CPU milliseconds.
    done: Vec<(&'static str, Duration, u64)>,
}

impl Phases {
    fn new(on: bool) -> Self {
        Phases {
            on,
            last: Instant::now(),
            last_cpu: if on { cpu_ms().unwrap_or(0) } else { 0 },
            done: Vec::new(),
        }
    }

    /// The time since the previous mark was spent on `name`.
    fn mark(&mut self, name: &'static str) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        let d = now - self.last;
        let cpu = cpu_ms().unwrap_or(0);
        let c = cpu.saturating_sub(self.last_cpu);
        (self.last, self.last_cpu) = (now, cpu);
        match self.done.iter_mut().find(|(n, ..)| *n == name) {
            Some((_, t, tc)) => (*t, *tc) = (*t + d, *tc + c),
            None => self.done.push((name, d, c)),
        }
    }

    fn print(&self) {
        if !self.on {
            return;
        }
        for (name, d, c) in &self.done {
            note!("phase {name} {:.1} cpu {c}", d.as_secs_f64() * 1000.0);
        }
        match peak_memory_kb() {
            Some(kb) => note!("peak memory {kb} kB"),
            None => note!("peak memory unknown (no /proc/self/status)"),
        }
    }
}

/// The CPU time of the process so far (user and system, every thread), in
/// milliseconds, to the kernel's tick (10 ms), where the system tells it.
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in parentheses: state is the first field, utime the 12th.
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}

/// The process' peak resident memory (VmHWM), where the system tells it.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What one output set holds besides graph.json.
struct SetContents {
    /// The corpus fingerprint the query store records (none: no store).
    fingerprint: Option<String>,
    /// Whether the drawings and the explorer are written (the drawings' size rule).
    draw: bool,
    /// Whether graph.dot draws the whole graph (else an overview).
    whole_dot: bool,
    /// The article texts the explorer quotes.
    texts: std::collections::BTreeMap<String, levelmap_explore::ArticleText>,
    /// The caches to save once every file is written, before the set is switched
    /// in (under the output folder's lock; from inside `out/` they are carried over).
    cache_save: Vec<StagingCache>,
    /// The cache folder, where graph.json's index is (none: graph.json written whole,
    /// without one).
    cache: Option<PathBuf>,
}

/// What writing the set did besides the files: how graph.json was spliced.
struct SetReport {
    svg: Option<svg::SvgReport>,
    spliced: Option<Spliced>,
}

/// Write the output set: graph.json (while the query store's sections are made on
/// another thread), graph.dot and the drawings, then the store. The whole set is
/// written beside the output folder and switched in at once, so a failure while
/// rendering leaves the old set. Returns the files besides graph.json and the cache.
fn write_set(
    mut set: crate::outset::OutputSet,
    g: &LevelGraph,
    what: SetContents,
    pb: &ProgressBar,
    phases: &mut Phases,
) -> Result<(Vec<Rendered>, SetReport)> {
    let SetContents {
        fingerprint,
        draw,
        whole_dot,
        texts,
        cache_save,
        cache,
    } = what;
    std::thread::scope(|scope| {
        let store = fingerprint
            .is_some()
            .then(|| scope.spawn(|| levelmap_store::prepare(g)));
        pb.set_message("graph.json");
        let (json_index, spliced) = write_json(&mut set, g, cache.as_deref())?;
        phases.mark("json");
        pb.inc(1);
        let (mut files, report) = render_all(g, pb, draw, whole_dot, phases)?;
        // The explorer holds the whole graph and its texts: like the drawings, it is
        // written within the drawings' size rule (or when asked to draw).
        if draw {
            pb.set_message("explore.html");
            files.push(super::export::explore_page(g, "levelmap".into(), texts)?);
            phases.mark("explore");
        }
        pb.set_message("writing");
        for (name, bytes) in &files {
            set.write(name, bytes)?;
        }
        phases.mark("write");
        if let (Some(fp), Some(store)) = (fingerprint, store) {
            let prepared = store
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match prepared.check() {
                Ok(()) => {
                    // After graph.json, whose size and time the store records.
                    let header =
                        levelmap_store::cache::header_after_build(set.dir(), fp, crate::BUILD);
                    let bytes = prepared.finish(&header, g);
                    drop(prepared);
                    phases.mark("store");
                    set.write_optional(
                        levelmap_store::cache::CACHE_FILE,
                        &bytes,
                        "the query cache",
                    )?;
                }
                Err(too_large) => note!("note: no query cache written: {too_large}"),
            }
        }
        for cache in cache_save {
            cache.save();
            phases.mark("cache");
        }
        if let (Some(dir), Some((stamp, index))) = (&cache, json_index) {
            if let Err(e) = crate::splice::save(dir, stamp, &index, crate::BUILD) {
                note!(
                    "note: could not write graph.json's index in {} ({e}); the next build writes graph.json whole",
                    dir.display()
                );
            }
            phases.mark("cache");
        }
        set.commit()?;
        phases.mark("write");
        Ok((
            files,
            SetReport {
                svg: report,
                spliced,
            },
        ))
    })
}

/// graph.json's stamp as written, and its index.
type Indexed = (crate::splice::Stamp, JsonIndex);

/// Write graph.json into the set: with a cache folder, spliced from the previous
/// graph.json where its index there describes it, and indexed for the next build;
/// without, written whole. Returns the new file's stamp and index, and what splicing did.
fn write_json(
    set: &mut crate::outset::OutputSet,
    g: &LevelGraph,
    cache: Option<&std::path::Path>,
) -> Result<(Option<Indexed>, Option<Spliced>)> {
    let Some(cache) = cache else {
        set.write_with("graph.json", |mut w| json::write_json(g, &mut w))?;
        return Ok((None, None));
    };
    let previous = crate::splice::Previous::open(set.target(), cache, crate::BUILD);
    let ((index, spliced), meta) = set.write_file_with("graph.json", |w| match &previous {
        Some(p) => write_json_spliced(g, &mut p.splicing(w), Some(&p.index)),
        None => write_json_spliced(
            g,
            &mut crate::splice::Splicing {
                out: w,
                previous: None,
            },
            None,
        ),
    })?;
    Ok((
        Some((crate::splice::Stamp::of(&meta), index)),
        Some(spliced),
    ))
}

/// A file name and its bytes.
type Rendered = (String, Vec<u8>);

/// Render graph.dot and the drawings to memory (each is small enough to draw), in
/// the order they are written. Returns the files and what drawing the SVG did.
fn render_all(
    g: &LevelGraph,
    pb: &ProgressBar,
    draw: bool,
    whole_dot: bool,
    phases: &mut Phases,
) -> Result<(Vec<Rendered>, Option<svg::SvgReport>)> {
    pb.set_message("graph.dot");
    let mut dot_bytes = Vec::new();
    if whole_dot {
        dot::write_dot(g, &dot::DotOptions::default(), &mut dot_bytes)?;
    } else {
        dot_overview::write_overview(g, &OVERVIEW, &mut dot_bytes)?;
    }
    phases.mark("dot");
    pb.inc(1);
    let mut files: Vec<Rendered> = vec![("graph.dot".into(), dot_bytes)];
    if !draw {
        return Ok((files, None));
    }
    pb.set_message("graph.svg (layout)");
    let mut svg_bytes = Vec::new();
    let report = svg::write_svg(g, &svg::SvgOptions::default(), &mut svg_bytes)
        .context("cannot draw graph.svg")?;
    pb.inc(1);
    files.push(("graph.svg".into(), svg_bytes));
    if g.count_nodes().contains_key(&NodeKind::Article) {
        pb.set_message("timeline views");
        files.extend(render_views(g)?);
    }
    phases.mark("drawings");
    Ok((files, Some(report)))
}

/// The time-layered views: the timeline, one page per year, and the evolution of
/// every idea that starts a lineage (a policy that evolves into or is replaced by
/// another, and evolved from none).
fn render_views(g: &LevelGraph) -> Result<Vec<Rendered>> {
    let mut files = Vec::new();
    let t = views::render_timeline(g, &views::TimelineOptions::default())
        .context("cannot draw timeline.svg")?;
    files.push(("timeline.svg".to_string(), t.svg.into_bytes()));
    for page in slices::yearly(g).context("cannot draw the yearly maps")? {
        files.push((page.file, page.svg.into_bytes()));
    }
    // Which idea each evolution page is for: two ideas must not share a file name,
    // or one page would silently overwrite the other.
    let mut pages: std::collections::BTreeMap<String, String> = Default::default();
    for root in lineage_roots(g) {
        let v = evolution::render_evolution(g, &root)
            .with_context(|| format!("cannot draw the evolution of {root}"))?;
        let file = format!("evolution-{}.svg", v.slug);
        claim_file_name(&mut pages, &file, &root)?;
        files.push((file, v.svg.into_bytes()));
    }
    Ok(files)
}

/// Record that `file` draws `id`; an error naming both ids when another id already
/// has that file name (compared without case, as some file systems do).
fn claim_file_name(
    pages: &mut std::collections::BTreeMap<String, String>,
    file: &str,
    id: &str,
) -> Result<()> {
    if let Some(first) = pages.insert(file.to_ascii_lowercase(), id.to_string()) {
        anyhow::bail!(
            "'{first}' and '{id}' would both be drawn to {file}, and one page would be lost; \
             rename one of them (ids are lowercase letters, digits and hyphens)"
        );
    }
    Ok(())
}

/// Policies that evolve into (or are replaced by) another and evolved from none, by id.
fn lineage_roots(g: &LevelGraph) -> Vec<String> {
    let lineage = |k: EdgeKind| matches!(k, EdgeKind::EvolvesInto | EdgeKind::Replaces);
    let mut roots: Vec<String> = g
        .graph
        .node_indices()
        .filter(|&i| {
            g.graph
                .edges_directed(i, Direction::Outgoing)
                .any(|e| lineage(e.weight().kind))
                && !g
                    .graph
                    .edges_directed(i, Direction::Incoming)
                    .any(|e| lineage(e.weight().kind))
        })
        .map(|i| g.node(i).id.to_string())
        .collect();
    roots.sort();
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_ideas_drawn_to_one_file_name_are_refused() {
        let mut pages = Default::default();
        claim_file_name(&mut pages, "evolution-plan-b.svg", "policy:plan-b").unwrap();
        claim_file_name(&mut pages, "evolution-plan-c.svg", "policy:plan-c").unwrap();
        let e = claim_file_name(&mut pages, "evolution-Plan-B.svg", "policy:Plan.B")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "'policy:plan-b' and 'policy:Plan.B' would both be drawn to evolution-Plan-B.svg"
            ),
            "{e}"
        );
    }
}
