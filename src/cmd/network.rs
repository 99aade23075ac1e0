//! `levelmap network KIND`: the affiliation, congruence, conflict, subtract or
//! policies network of the statements, whole or in moving windows, with the
//! measures of every node; a table, JSON, a CSV edge list, a matrix CSV or an SVG
//! drawing. Also what `statements`, `polarisation` and `stats --network` share:
//! selecting statements and building networks.

use std::collections::BTreeSet;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use levelmap_interchange::NetFormat;
use levelmap_model::date::PartialDate;
use levelmap_model::{NodeKind, Stance, Text};
use levelmap_network::json::{NetworkOut, NETWORK_VERSION};
use levelmap_network::json_write::NetworkWriter;
use levelmap_network::measures::{measures_sampled, NodeMeasures, Sample};
use levelmap_network::statements::{dedupe, Duplicates};
use levelmap_network::window::{parse_months, windows, Span, Window};
use levelmap_network::{
    build_network_owned, each_edge_written, Kind, NetEdge, NetNode, Network, NetworkError,
    NetworkOptions, Normalisation, Statement, StatementFilter,
};
use levelmap_query::{parse_date, resolve::resolve_kind, QueryError};

use super::load::{ask, Source};
use super::table::{fixed, wrapping, Cell, Table, Term};
use crate::output::write_atomic;

/// The duplicate rule, as a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum DupArg {
    /// Every statement counts.
    All,
    /// One per actor, policy, stance and article.
    #[default]
    Article,
    /// One per actor, policy and stance in the selection or window.
    Window,
}

impl DupArg {
    pub(crate) fn rule(self) -> Duplicates {
        match self {
            DupArg::All => Duplicates::All,
            DupArg::Article => Duplicates::Article,
            DupArg::Window => Duplicates::Window,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DupArg::All => "all",
            DupArg::Article => "article",
            DupArg::Window => "window",
        }
    }
}

/// Which statements (the flags `statements`, `network` and `polarisation` share).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Select {
    /// Only this actor's statements (id, name or alias; repeatable).
    #[arg(long, value_name = "ACTOR")]
    pub(crate) actor: Vec<String>,
    /// Only statements on this policy (repeatable).
    #[arg(long, value_name = "POLICY")]
    pub(crate) policy: Vec<String>,
    /// Only this stance (repeatable): for, against, mixed, neutral.
    #[arg(long, value_name = "STANCE")]
    pub(crate) stance: Vec<Stance>,
    /// From this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,
    /// Up to this date (inclusive, at its precision).
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,
    /// Count every statement, or one per actor, policy, stance and article (or window).
    #[arg(long, value_enum, default_value_t = DupArg::Article)]
    pub(crate) duplicates: DupArg,
}

impl Select {
    fn dates(&self) -> Result<(Option<PartialDate>, Option<PartialDate>)> {
        let from = self
            .from
            .as_deref()
            .map(|s| parse_date("from", s))
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .map(|s| parse_date("to", s))
            .transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f.start_days() >= t.end_days() {
                return Err(QueryError::BadRange { from: f, to: t }.into());
            }
        }
        Ok((from, to))
    }

    fn describe(&self) -> String {
        let mut parts = vec![];
        if !self.actor.is_empty() {
            parts.push(format!("by {}", self.actor.join(", ")));
        }
        if !self.policy.is_empty() {
            parts.push(format!("on {}", self.policy.join(", ")));
        }
        if !self.stance.is_empty() {
            let s: Vec<&str> = self.stance.iter().map(|s| s.as_str()).collect();
            parts.push(format!("with stance {}", s.join(", ")));
        }
        if let Some(f) = &self.from {
            parts.push(format!("from {f}"));
        }
        if let Some(t) = &self.to {
            parts.push(format!("to {t}"));
        }
        if parts.is_empty() {
            "at all".into()
        } else {
            parts.join(" ")
        }
    }
}

/// The statements `select` keeps (before the duplicate rule), in order; refused
/// with a clear error when none is left.
pub(crate) fn load_statements(source: &Source, select: &Select) -> Result<Vec<Statement>> {
    let (from, to) = select.dates()?;
    let (all, filter) = ask(source, |pending| {
        let names = pending.names();
        let ids = |list: &[String], kind: NodeKind| -> Result<BTreeSet<Text>, QueryError> {
            list.iter()
                .map(|t| resolve_kind(names, t, kind).map(|i| names.node_ref(i).id))
                .collect()
        };
        let filter = StatementFilter {
            actors: ids(&select.actor, NodeKind::Actor)?,
            policies: ids(&select.policy, NodeKind::Policy)?,
            stances: select.stance.iter().copied().collect(),
            from,
            to,
        };
        Ok((pending.statements()?, filter))
    })?;
    if !all.iter().any(|s| filter.keeps(s)) {
        return Err(NetworkError::NoStatements {
            what: select.describe(),
            total: all.len(),
            span: Span::of(&all)
                .map(|s| format!(", dated {}", s.text()))
                .unwrap_or_default(),
        }
        .into());
    }
    // kept in place, not cloned
    let mut kept = all;
    kept.retain(|s| filter.keeps(s));
    Ok(kept)
}

/// The network kind, as a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum KindArg {
    /// Two-mode actor × policy; weight = for − against.
    Affiliation,
    /// Actor × actor: the same stance on the same policy.
    Congruence,
    /// Actor × actor: opposite stances on the same policy.
    Conflict,
    /// Congruence minus conflict.
    Subtract,
    /// Policy × policy: the same actors, the same stance on both.
    Policies,
}

impl KindArg {
    pub(crate) fn kind(self) -> Kind {
        match self {
            KindArg::Affiliation => Kind::Affiliation,
            KindArg::Congruence => Kind::Congruence,
            KindArg::Conflict => Kind::Conflict,
            KindArg::Subtract => Kind::Subtract,
            KindArg::Policies => Kind::Policies,
        }
    }
}

/// The normalisation, as a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum NormArg {
    /// Raw counts.
    #[default]
    None,
    /// Divided by the pair's average activity.
    Average,
    /// DNA's Jaccard coefficient.
    Jaccard,
    /// Cosine similarity.
    Cosine,
}

/// How `network` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Nodes with their measures, and edges, as tables.
    #[default]
    Table,
    /// JSON, schema levelmap/network v2 (measures included; each statement, node and tie on a line).
    Json,
    /// CSV edge list (one row per edge and window).
    Csv,
    /// CSV adjacency matrix (one network: no --window).
    Matrix,
    /// SVG drawing (one network: no --window).
    Svg,
    /// GraphML with the measures as typed node attributes (networkx, igraph, R, visone;
    /// one network: no --window).
    Graphml,
    /// GEXF 1.3 for Gephi, each node and tie starting when first evidenced (one
    /// network: no --window).
    Gexf,
}

/// The flags of any network (shared by `network` and `stats --network`).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Shape {
    /// Which statements.
    #[command(flatten)]
    pub(crate) select: Select,
    /// Edge weight normalisation (one-mode networks), as DNA defines it.
    #[arg(long, value_enum, default_value_t = NormArg::None)]
    pub(crate) normalisation: NormArg,
    /// Leave out actors (policies, in the policies network) with fewer statements.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_statements: usize,
    /// One network per moving window of this length: 12m, 6m, 2y.
    #[arg(long, value_name = "LENGTH")]
    pub(crate) window: Option<String>,
    /// How far each window moves (default: the window's length).
    #[arg(long, value_name = "LENGTH", requires = "window")]
    pub(crate) step: Option<String>,
}

impl Shape {
    /// The flags given away from their defaults, as typed: `stats` takes them only with
    /// `--network`, and without it they would change nothing silently.
    pub(crate) fn flags_given(&self) -> Vec<&'static str> {
        let s = &self.select;
        [
            (!s.actor.is_empty(), "--actor"),
            (!s.policy.is_empty(), "--policy"),
            (!s.stance.is_empty(), "--stance"),
            (s.from.is_some(), "--from"),
            (s.to.is_some(), "--to"),
            (s.duplicates != DupArg::Article, "--duplicates"),
            (self.normalisation != NormArg::None, "--normalisation"),
            (self.min_statements != 1, "--min-statements"),
            (self.window.is_some(), "--window"),
            (self.step.is_some(), "--step"),
        ]
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
    }
}

/// Flags of `levelmap network`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Which network.
    #[arg(value_enum)]
    pub(crate) kind: KindArg,
    /// The network's shape.
    #[command(flatten)]
    pub(crate) shape: Shape,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
}

/// One network and what it was built from.
pub(crate) struct Built {
    pub(crate) from: Option<PartialDate>,
    pub(crate) to: Option<PartialDate>,
    pub(crate) statements: usize,
    pub(crate) network: Network,
    pub(crate) measures: Vec<NodeMeasures>,
    /// How betweenness was sampled (None: exactly).
    pub(crate) sample: Option<Sample>,
}

/// The statements of the network(s) `shape` asks for, loaded and checked: the whole
/// selection, or its moving windows.
pub(crate) struct Selections {
    kept: Vec<Statement>,
    rule: Duplicates,
    spans: Spans,
}

/// The whole selection with its `--from`/`--to` dates, or the moving windows.
enum Spans {
    Whole(Option<PartialDate>, Option<PartialDate>),
    Windows(Vec<Window>),
}

impl Selections {
    /// Load the statements of a network of `kind` and check `shape` (its minimum,
    /// window, step and dates): every error comes here, before anything is built or
    /// written.
    pub(crate) fn load(source: &Source, shape: &Shape, kind: Kind) -> Result<Selections> {
        if shape.min_statements == 0 {
            return Err(NetworkError::BadMinimum.into());
        }
        // the affiliation network ignores it, yet its output said "jaccard normalisation"
        if kind == Kind::Affiliation && shape.normalisation != NormArg::None {
            anyhow::bail!(
                "--normalisation applies to the one-mode networks (congruence, conflict, subtract, policies); the affiliation network is two-mode, its weights the actor's statements for minus against each policy: leave out --normalisation"
            );
        }
        let window = shape
            .window
            .as_deref()
            .map(|w| parse_months("window", w))
            .transpose()?;
        let step = shape
            .step
            .as_deref()
            .map(|s| parse_months("step", s))
            .transpose()?;
        let kept = load_statements(source, &shape.select)?;
        let spans = match window {
            None => {
                let (from, to) = shape.select.dates()?;
                Spans::Whole(from, to)
            }
            Some(months) => {
                let text = shape.window.as_deref().unwrap_or_default();
                let list = windows(&kept, months, step.unwrap_or(months), text)?;
                note_gaps(&kept, &list, text, shape.step.as_deref().unwrap_or(text));
                Spans::Windows(list)
            }
        };
        let rule = shape.select.duplicates.rule();
        let windowed = matches!(spans, Spans::Windows(_));
        let network = format!("{} network", kind.as_str());
        reaches_minimum(
            &kept,
            windowed,
            rule,
            (kind, &network),
            shape.min_statements,
        )?;
        Ok(Selections { kept, rule, spans })
    }

    /// How many networks [`Selections::each`] gives: one, or one per window.
    fn networks(&self) -> usize {
        match &self.spans {
            Spans::Whole(..) => 1,
            Spans::Windows(list) => list.len(),
        }
    }

    /// Each network's statements (after the duplicate rule) and dates, in order.
    pub(crate) fn each<E>(
        self,
        mut f: impl FnMut(Vec<Statement>, Option<PartialDate>, Option<PartialDate>) -> Result<(), E>,
    ) -> Result<(), E> {
        match &self.spans {
            Spans::Whole(from, to) => f(dedupe(self.kept, self.rule), *from, *to),
            Spans::Windows(list) => list.iter().try_for_each(|w| {
                let list = dedupe(self.kept.iter().filter(|s| w.holds(s)).cloned(), self.rule);
                f(list, Some(w.from()), Some(w.to()))
            }),
        }
    }
}

/// A step longer than the window leaves months between windows: their statements are
/// in no window, and the output said nothing of them (`polarisation --window 6m --step
/// 24m` left out the bundled corpus's 2024 statements). Said on stderr, with how many.
pub(crate) fn note_gaps(kept: &[Statement], list: &[Window], window: &str, step: &str) {
    let missed = kept
        .iter()
        .filter(|s| s.date.is_some() && !list.iter().any(|w| w.holds(s)))
        .count();
    if missed > 0 {
        let dated = kept.iter().filter(|s| s.date.is_some()).count();
        note!(
            "note: {missed} of the {dated} dated statements fall in no window (--window {window} every {step}): a step longer than the window leaves months between windows; give a --step no longer than the --window to count every one"
        );
    }
}

/// `--min-statements N` that leaves no node in the network (no actor, or no policy in
/// the policies network, with N statements) is refused, naming the most any has: an
/// empty network was written with exit 0, as though the debate had no sides. Counted
/// after the duplicate rule over the whole selection, also for moving windows (one
/// window may be empty; all of them cannot be).
pub(crate) fn reaches_minimum(
    kept: &[Statement],
    windowed: bool,
    rule: Duplicates,
    (kind, network): (Kind, &str),
    min: usize,
) -> Result<()> {
    if min <= 1 || kept.is_empty() {
        return Ok(());
    }
    let policies = kind == Kind::Policies;
    // over the whole selection, an upper bound of every window's count: a window's
    // statements kept by the rule are among the selection's
    let list = levelmap_network::statements::dedupe_refs(kept, rule);
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for s in list {
        let node = if policies { &*s.policy } else { &*s.actor };
        *counts.entry(node).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    if most >= min {
        return Ok(());
    }
    let node = if policies { "policy" } else { "actor" };
    let within = if windowed {
        "in all the windows together"
    } else {
        "in the selection"
    };
    anyhow::bail!(
        "--min-statements {min} leaves the {network} empty: no {node} has {min} statements; the most any {node} has {within} is {most}; give --min-statements {most} or less"
    )
}

/// The options of a network of `kind` under `shape`.
pub(crate) fn options(kind: Kind, shape: &Shape) -> NetworkOptions {
    NetworkOptions {
        kind,
        normalisation: match shape.normalisation {
            NormArg::None => Normalisation::None,
            NormArg::Average => Normalisation::Average,
            NormArg::Jaccard => Normalisation::Jaccard,
            NormArg::Cosine => Normalisation::Cosine,
        },
        min_statements: shape.min_statements,
    }
}

/// Build the network(s) `shape` asks for: one, or one per window; with the measures
/// of every node when `measured` (else none: a CSV edge list does not print them).
pub(crate) fn build(
    source: &Source,
    kind: Kind,
    shape: &Shape,
    measured: bool,
) -> Result<Vec<Built>> {
    let selections = Selections::load(source, shape, kind)?;
    let opts = options(kind, shape);
    let mut built = Vec::new();
    selections.each(|list, from, to| -> Result<()> {
        let statements = list.len();
        let network = build_network_owned(list, opts)?;
        let (measures, sample) = if measured {
            measures_sampled(&network)
        } else {
            (Vec::new(), None)
        };
        built.push(Built {
            from,
            to,
            statements,
            network,
            measures,
            sample,
        });
        Ok(())
    })?;
    note_sampled(built.iter().map(|b| b.sample));
    Ok(built)
}

/// Say, once, when betweenness was estimated in some window(s), from the fewest
/// sources of any (`samples`: one per network, None when exact).
pub(crate) fn note_sampled(samples: impl ExactSizeIterator<Item = Option<Sample>>) {
    let networks = samples.len();
    let sampled: Vec<Sample> = samples.flatten().collect();
    if let Some(s) = sampled.iter().min_by_key(|s| s.sources) {
        let windows = if networks > 1 {
            format!(" in {} of {} windows (at least ", sampled.len(), networks)
        } else {
            " (".into()
        };
        note!(
            "note: betweenness estimated{windows}{} evenly spaced sources of {} nodes): exact betweenness walks from every node over every tie, too long for a network this dense; see docs/networks.md",
            s.sources,
            s.nodes
        );
    }
}

/// Run `network`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let kind = args.kind.kind();
    match args.format {
        Format::Csv => return stream_edge_list(&args, kind),
        Format::Json => return stream_json(&args, kind),
        Format::Graphml => return stream_exchange(&args, kind, NetFormat::Graphml),
        Format::Gexf => return stream_exchange(&args, kind, NetFormat::Gexf),
        _ => {}
    }
    let measured = args.format != Format::Matrix;
    let built = build(&args.source, kind, &args.shape, measured)?;
    let single = matches!(args.format, Format::Matrix | Format::Svg);
    if single && built.len() > 1 {
        return Err(one_network_only(&args, built.len()));
    }
    let write = |w: &mut dyn Write| write_network(w, &args, kind, &built);
    to_output(args.output.as_deref(), write)?;
    Ok(ExitCode::SUCCESS)
}

/// The error of a format that holds one network asked for `networks` windows.
fn one_network_only(args: &Args, networks: usize) -> anyhow::Error {
    anyhow::anyhow!(
        "--format {} holds one network, and --window {} gives {networks}; leave out --window (and choose dates with --from/--to), or use --format json or csv for every window",
        format_name(args.format),
        args.shape.window.as_deref().unwrap_or_default(),
    )
}

/// `network --format graphml` or `gexf`: the network measured from its adjacency
/// lists and written with its ties as they are found when it has too many to keep
/// their evidence (`levelmap_interchange::write_network_of`). Every check is made
/// before the first byte.
fn stream_exchange(args: &Args, kind: Kind, format: NetFormat) -> Result<ExitCode> {
    let selections = Selections::load(&args.source, &args.shape, kind)?;
    if selections.networks() > 1 {
        return Err(one_network_only(args, selections.networks()));
    }
    let opts = options(kind, &args.shape);
    let mut written = None;
    let write = |mut w: &mut dyn Write| -> io::Result<()> {
        selections.each(|list, _, _| -> io::Result<()> {
            let done = levelmap_interchange::write_network_of(format, &list, opts, &mut w);
            written = Some(done.map_err(io::Error::from)?);
            Ok(())
        })
    };
    to_output(args.output.as_deref(), write)?;
    if let Some(done) = written {
        note_sampled(std::iter::once(done.sample));
        let limit = levelmap_network::exchange::EVIDENCE_TIES;
        if !levelmap_network::exchange::keeps_evidence(done.ties, limit) {
            note!(
                "note: the {} network has {} ties, more than {limit}: each tie's `evidence` is left out (its `statements` still counts them; `--format json` lists every statement, see docs/networks.md); `--min-statements N` or `--from`/`--to` give a smaller network that keeps it",
                kind.as_str(),
                done.ties
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `network --format csv`: the edge list of each network written as its edges are
/// found, none of them kept (a dense network has millions); every check is made
/// before the first byte.
fn stream_edge_list(args: &Args, kind: Kind) -> Result<ExitCode> {
    let selections = Selections::load(&args.source, &args.shape, kind)?;
    let opts = options(kind, &args.shape);
    let write = |w: &mut dyn Write| -> io::Result<()> {
        w.write_all(EDGE_LIST_HEADER)?;
        selections.each(|list, from, to| edge_list(w, &list, opts, [from, to]))
    };
    to_output(args.output.as_deref(), write)?;
    Ok(ExitCode::SUCCESS)
}

/// `network --format json`: each network measured from its adjacency lists, then
/// written with its ties as they are found, none of them kept; one window at a
/// time. Every check is made before the first byte.
fn stream_json(args: &Args, kind: Kind) -> Result<ExitCode> {
    let selections = Selections::load(&args.source, &args.shape, kind)?;
    let opts = options(kind, &args.shape);
    let mut samples = Vec::new();
    let write = |w: &mut dyn Write| -> io::Result<()> {
        let head = NetworkOut {
            schema: "levelmap/network",
            version: NETWORK_VERSION,
            kind: kind.as_str(),
            normalisation: opts.normalisation.as_str(),
            duplicates: args.shape.select.duplicates.as_str(),
            min_statements: args.shape.min_statements,
            windows: Vec::new(),
        };
        let mut out = NetworkWriter::start(&mut *w, &head)?;
        selections.each(|list, from, to| -> io::Result<()> {
            samples.push(out.window_streamed(&list, opts, from, to)?);
            Ok(())
        })?;
        out.finish()?;
        writeln!(w)
    };
    to_output(args.output.as_deref(), write)?;
    note_sampled(samples.into_iter());
    Ok(ExitCode::SUCCESS)
}

/// Run `write` into the output file (replaced atomically) or standard output.
fn to_output(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match output {
        Some(p) => {
            write_atomic(p, write).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            write(&mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}

/// Write the network(s) in the format asked for, straight to `w`.
fn write_network(w: &mut dyn Write, args: &Args, kind: Kind, built: &[Built]) -> io::Result<()> {
    match args.format {
        Format::Csv | Format::Json | Format::Graphml | Format::Gexf => {
            unreachable!("the edge list, the JSON, GraphML and GEXF are streamed")
        }
        Format::Matrix => matrix(w, &built[0].network),
        Format::Svg => {
            let b = &built[0];
            let title = format!("{} network{}", kind.as_str(), period(b.from, b.to));
            w.write_all(
                levelmap_draw::network::network_svg(&b.network, &b.measures, &title).as_bytes(),
            )
        }
        Format::Table => built.iter().try_for_each(|b| table(w, kind, b)),
    }
}

/// The flag value of a format, for messages.
fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Matrix => "matrix",
        Format::Svg => "svg",
        Format::Graphml => "graphml",
        Format::Gexf => "gexf",
    }
}

pub(crate) fn period(from: Option<PartialDate>, to: Option<PartialDate>) -> String {
    match (from, to) {
        (None, None) => String::new(),
        (f, t) => format!(
            ", {} to {}",
            f.map_or("the start".into(), |d| d.to_string()),
            t.map_or("the end".into(), |d| d.to_string())
        ),
    }
}

/// Write CSV rows (header first).
pub(crate) fn write_csv(
    w: &mut dyn Write,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> io::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    use super::answer::csv_io;
    c.write_record(header).map_err(csv_io)?;
    for r in rows {
        c.write_record(&r).map_err(csv_io)?;
    }
    c.flush()
}

/// One CSV field as the csv crate writes it: quoted (quotes doubled) when it holds a
/// comma, a quote or a line break, else as it is.
fn csv_field(out: &mut Vec<u8>, field: &[u8]) {
    if field
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

/// A number as `{}` writes it, integers (raw weights are counts, and statements)
/// without the float formatter: digits, with `-` when negative.
fn push_number(out: &mut Vec<u8>, x: f64) {
    if let Some((negative, digits)) = levelmap_network::json_write::whole(x) {
        if negative {
            out.push(b'-');
        }
        push_digits(out, digits);
    } else {
        // `write!` into a Vec cannot fail
        let _ = write!(out, "{x}");
    }
}

/// The decimal digits of `v` (one or two digits, most counts, pushed as bytes
/// rather than copied from a buffer).
fn push_digits(out: &mut Vec<u8>, mut v: u64) {
    if v < 10 {
        out.push(b'0' + v as u8);
        return;
    }
    if v < 100 {
        out.extend_from_slice(&[b'0' + (v / 10) as u8, b'0' + (v % 10) as u8]);
        return;
    }
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// The header of the CSV edge list: one row per edge and window, each written as it
/// is found (a dense network has millions), each node's `id,label` and each window's
/// `from,to` rendered once.
const EDGE_LIST_HEADER: &[u8] =
    b"from,to,source,source_label,target,target_label,weight,sign,via,statements\n";

/// What every row of the edge list reads: each node's `id,label,` as CSV, and the
/// concepts' names with whether each needs quoting.
struct EdgeListContext {
    nodes: Vec<Vec<u8>>,
    names: Vec<Text>,
    special: Vec<bool>,
}

/// The rows of the network of `statements` (dated `span`) in the edge list, the pair
/// loop on every core (`each_edge_written`: the same bytes in the same order).
fn edge_list(
    w: &mut dyn Write,
    statements: &[Statement],
    opts: NetworkOptions,
    span: [Option<PartialDate>; 2],
) -> io::Result<()> {
    let mut dates = Vec::new();
    for d in span {
        csv_field(
            &mut dates,
            d.map(|d| d.to_string()).unwrap_or_default().as_bytes(),
        );
        dates.push(b',');
    }
    // each node's `id,label,` quoted once, and whether each concept's name needs
    // quoting, before the first edge
    let context = |list: &[NetNode], names: &[Text]| EdgeListContext {
        nodes: list
            .iter()
            .map(|x| {
                let mut f = Vec::new();
                csv_field(&mut f, x.id.as_bytes());
                f.push(b',');
                csv_field(&mut f, x.label.as_bytes());
                f.push(b',');
                f
            })
            .collect(),
        special: names
            .iter()
            .map(|t| t.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')))
            .collect(),
        names: names.to_vec(),
    };
    let row = |ctx: &EdgeListContext, out: &mut Vec<u8>, e: &NetEdge, via: &[u32]| {
        out.extend_from_slice(&dates);
        out.extend_from_slice(&ctx.nodes[e.source]);
        out.extend_from_slice(&ctx.nodes[e.target]);
        push_number(out, e.weight);
        out.push(b',');
        out.extend_from_slice(e.sign().as_bytes());
        out.push(b',');
        // the concepts joined in place ("; " needs no quoting), quoted afterwards if a
        // name needs it
        let at = out.len();
        for (k, &c) in via.iter().enumerate() {
            if k > 0 {
                out.extend_from_slice(b"; ");
            }
            out.extend_from_slice(ctx.names[c as usize].as_bytes());
        }
        if via.iter().any(|&c| ctx.special[c as usize]) {
            let field = out.split_off(at);
            csv_field(out, &field);
        }
        out.push(b',');
        push_digits(out, e.statements as u64);
        out.push(b'\n');
    };
    let mut done = Ok(());
    each_edge_written(statements, opts, context, row, |bytes| {
        done = w.write_all(bytes);
        done.is_ok()
    })
    .map_err(|e| io::Error::other(e.to_string()))?;
    done
}

/// The adjacency matrix: rows and columns by node id (affiliation: actors × policies).
fn matrix(w: &mut dyn Write, n: &Network) -> io::Result<()> {
    let (rows, cols): (Vec<usize>, Vec<usize>) = if n.kind == Kind::Affiliation {
        let a = (0..n.nodes.len())
            .filter(|&i| n.nodes[i].mode == NodeKind::Actor)
            .collect();
        let p = (0..n.nodes.len())
            .filter(|&i| n.nodes[i].mode == NodeKind::Policy)
            .collect();
        (a, p)
    } else {
        ((0..n.nodes.len()).collect(), (0..n.nodes.len()).collect())
    };
    let mut cell = vec![vec![0.0f64; n.nodes.len()]; n.nodes.len()];
    for e in &n.edges {
        cell[e.source][e.target] = e.weight;
        cell[e.target][e.source] = e.weight;
    }
    let mut header = vec!["id".to_string()];
    header.extend(cols.iter().map(|&c| n.nodes[c].id.to_string()));
    let header_ref: Vec<&str> = header.iter().map(String::as_str).collect();
    let body = rows.iter().map(|&r| {
        let mut row = vec![n.nodes[r].id.to_string()];
        row.extend(cols.iter().map(|&c| cell[r][c].to_string()));
        row
    });
    write_csv(w, &header_ref, body)
}

pub(crate) fn f3(x: f64) -> String {
    format!("{x:.3}")
}

fn table(w: &mut dyn Write, kind: Kind, b: &Built) -> io::Result<()> {
    let term = Term::detect();
    let n = &b.network;
    term.heading(
        w,
        &format!(
            "{} network{} ({} normalisation): {} statement(s), {} node(s), {} edge(s)",
            kind.as_str(),
            period(b.from, b.to),
            n.normalisation.as_str(),
            b.statements,
            n.nodes.len(),
            n.edges.len()
        ),
    )?;
    measures_table(w, &term, &n.nodes, &b.measures, usize::MAX)?;
    writeln!(w)?;
    let mut t = Table::new(vec![
        wrapping("from"),
        wrapping("to"),
        fixed("weight"),
        wrapping("via"),
    ]);
    for e in &n.edges {
        let via: Vec<&str> = n.via(e).map(|v| v.as_ref()).collect();
        t.row(vec![
            Cell::plain(n.nodes[e.source].label.as_ref()),
            Cell::plain(n.nodes[e.target].label.as_ref()),
            Cell::plain(f3(e.weight)),
            Cell::plain(via.join(", ")),
        ]);
    }
    t.print(&term, w)?;
    writeln!(w)
}

/// The nodes ranked by weighted degree (then degree, id), at most `top` of them.
pub(crate) fn ranked(nodes: &[NetNode], m: &[NodeMeasures]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| {
        m[b].weighted_degree
            .total_cmp(&m[a].weighted_degree)
            .then(m[b].degree.cmp(&m[a].degree))
            .then(nodes[a].id.cmp(&nodes[b].id))
    });
    order
}

/// The nodes with their measures as a table.
pub(crate) fn measures_table(
    w: &mut dyn Write,
    term: &Term,
    nodes: &[NetNode],
    m: &[NodeMeasures],
    top: usize,
) -> io::Result<()> {
    let mut t = Table::new(vec![
        wrapping("node"),
        fixed("mode"),
        fixed("statements"),
        fixed("degree"),
        fixed("weighted"),
        fixed("betweenness"),
        fixed("pagerank"),
        fixed("community"),
    ]);
    for i in ranked(nodes, m).into_iter().take(top) {
        t.row(vec![
            Cell::plain(nodes[i].label.as_ref()),
            Cell::plain(nodes[i].mode.as_str()),
            Cell::plain(nodes[i].statements.to_string()),
            Cell::plain(m[i].degree.to_string()),
            Cell::plain(f3(m[i].weighted_degree)),
            Cell::plain(f3(m[i].betweenness)),
            Cell::plain(f3(m[i].pagerank)),
            Cell::plain((m[i].community + 1).to_string()),
        ]);
    }
    t.print(term, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that has gone away: every write fails as a closed pipe does.
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    /// `levelmap statements --format csv | head` at 10,000 articles ended "error:
    /// Broken pipe" with exit 1: once the csv crate's buffer filled, its error was
    /// made a string, and the binary no longer saw a broken pipe in it.
    #[test]
    fn a_csv_into_a_closed_pipe_was_an_error_not_a_broken_pipe() {
        let rows = (0..10_000).map(|i| vec![format!("row {i}"), "x".repeat(40)]);
        let err = write_csv(&mut Closed, &["a", "b"], rows).expect_err("nobody reads");
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe, "{err}");
    }

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            38387.0,
            0.5,
            -2.25,
            1.0 / 3.0,
            123456789012345.0,
            1e15,
            -1e16,
            1e300,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut out = Vec::new();
            push_number(&mut out, x);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{x}"), "{x:?}");
        }
        for v in [0u64, 7, 10, 99, 1_000_000, u64::MAX] {
            let mut out = Vec::new();
            push_digits(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), v.to_string());
        }
    }
}
