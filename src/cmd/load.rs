//! Loading the graph for the query commands: from what `levelmap build` wrote
//! (`out/graph.json`), through the query store beside it (`out/graph.cache`, see
//! [`levelmap_store`]), never from stale data.
//!
//! Parsing graph.json dominates a query on a large corpus (10,000 articles give a
//! graph.json of several hundred megabytes and seconds of parsing), and even
//! decoding a compact binary form of the whole graph costs more than answering. So
//! `levelmap build` (or the first query after it) writes the query store, and a query
//! memory-maps it, resolves the nodes it names there, walks the store's adjacency to
//! find the region its question reads ([`Pending::region`]), and materialises only
//! that region as a small graph. The region keeps the nodes and edges in their order
//! in the whole graph, so the answer is the one the whole graph gives
//! (tests/it/query.rs checks every command).
//!
//! The store records the corpus fingerprint (names, sizes and modification times of
//! the corpus files) and the size and time of the graph.json it stands for; it is
//! used only when both still match, and is otherwise rebuilt. It is safe to delete.
//! Listing a large corpus takes as long as answering, so [`ask`] answers from the
//! store while the corpus is listed ([`Check::WhileAnswering`]) and confirms the
//! listing before it returns the answer; if the corpus has changed, the answer is
//! dropped and the question asked again with [`Check::First`], from the corpus as it
//! is now. The check is a value passed along, never a global.
//! When the corpus has changed since the build (its sha-256 digest differs from the
//! one in graph.json), the graph is rebuilt from the corpus in memory, a one-line
//! note says so on stderr, and the answer reflects the corpus as it is now.
//!
//! A damaged store (a block or its header failing its checksum, see
//! [`levelmap_store`]) never answers: a read that finds damage flags the store, [`ask`]
//! drops whatever it answered, says so in one line on stderr, removes the store and
//! asks again from graph.json or the corpus, writing the store anew.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use levelmap_model::graph::{build, BuildOptions, LevelGraph};
use levelmap_model::Origin;
use levelmap_query::resolve::Names;
use levelmap_query::search::Owner;
use levelmap_read::stamp;
use levelmap_store::cache::{self, cache_path, json_stamp};
use levelmap_store::fresh::{Check, Deferred, Freshness, Listing};
use levelmap_store::{Damage, Region, Store, StoreHeader, Unopened};

use crate::output::write_store;
use petgraph::graph::NodeIndex;

/// Where the graph comes from: the flags every query command shares.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Source {
    /// The corpus folder (with lexicon/ and articles/), checked for changes since the build.
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
    /// The folder `levelmap build` wrote graph.json to.
    #[arg(long, default_value = "out")]
    pub(crate) out: PathBuf,
}

/// A graph ready for a question: whole in memory (read from graph.json or the
/// corpus), or a query store read in place. Resolve the nodes the question names on
/// [`Pending::names`], then load what it reads with [`Pending::region`] or
/// [`Pending::whole`]. Node indices from `names` are the whole graph's.
pub(crate) enum Pending {
    /// The whole graph.
    Whole(LevelGraph),
    /// The store, and where a whole graph can be had if the store proves damaged.
    Stored(Box<Store>, Source),
}

impl Pending {
    /// The nodes' names, for resolving references.
    pub(crate) fn names(&self) -> &dyn Names {
        match self {
            Pending::Whole(g) => g,
            Pending::Stored(s, _) => &**s,
        }
    }

    /// Load the region `plan` describes (the nodes and edges the question walks, by
    /// their numbers in the whole graph, completed as [`Region::materialise`] says).
    /// A whole graph is kept whole.
    pub(crate) fn region(self, plan: impl FnOnce(&Store, &mut Region)) -> Result<Loaded> {
        match self {
            Pending::Whole(g) => Ok(Loaded {
                graph: g,
                stored: None,
            }),
            Pending::Stored(store, src) => {
                stored_region(*store, src, plan).ok_or_else(damaged_error)
            }
        }
    }

    /// Load the whole graph (a question that reads everything).
    pub(crate) fn whole(self) -> Result<Loaded> {
        match self {
            Pending::Whole(g) => Ok(Loaded {
                graph: g,
                stored: None,
            }),
            Pending::Stored(store, _) => match store.whole() {
                Some(g) => Ok(Loaded {
                    graph: g,
                    stored: None,
                }),
                None => Err(damaged_error()),
            },
        }
    }

    /// Every statement of the graph (`levelmap_network::statements`): found in a whole
    /// graph, read from the store's table of them (no graph decoded).
    pub(crate) fn statements(self) -> Result<Vec<levelmap_network::Statement>> {
        match self {
            Pending::Whole(g) => Ok(levelmap_network::statements(&g)),
            Pending::Stored(store, _) => store.statements().ok_or_else(damaged_error),
        }
    }

    /// The store's damage flag, if the question is answered from a store.
    fn damage(&self) -> Option<Damage> {
        match self {
            Pending::Whole(_) => None,
            Pending::Stored(store, _) => Some(store.damage()),
        }
    }
}

/// The error of a read that found the store damaged (the store is flagged, and
/// [`ask`] answers again without it).
fn damaged_error() -> anyhow::Error {
    anyhow::anyhow!("the query cache is damaged")
}

/// Say, in one line, that the store in `out` is damaged, and remove it (the next
/// load writes it anew).
fn drop_damaged(out: &Path) {
    note!(
        "note: the query cache {} is damaged; answering without it",
        cache_path(out).display()
    );
    let _ = std::fs::remove_file(cache_path(out));
}

struct Stored {
    store: Store,
    /// Where the whole graph can be had if the store proves damaged.
    src: Source,
    /// The store number of each node and edge of the region, ascending (their local
    /// indices are their positions).
    global: Vec<u32>,
    edges: Vec<u32>,
}

/// Materialise the region of `store` that `plan` describes; None if the store proves
/// damaged.
fn stored_region(
    store: Store,
    src: Source,
    plan: impl FnOnce(&Store, &mut Region),
) -> Option<Loaded> {
    let mut r = Region::new(&store);
    plan(&store, &mut r);
    let m = r.materialise()?;
    Some(Loaded {
        graph: m.graph,
        stored: Some(Stored {
            store,
            src,
            global: m.global,
            edges: m.edges,
        }),
    })
}

/// The graph a question reads: the whole graph, or the region of the store it needs.
pub(crate) struct Loaded {
    /// The graph the question runs on.
    pub(crate) graph: LevelGraph,
    stored: Option<Stored>,
}

impl Loaded {
    /// The index in [`Loaded::graph`] of a node resolved on [`Pending::names`] (which
    /// the region must hold).
    pub(crate) fn local(&self, i: NodeIndex) -> Result<NodeIndex> {
        match &self.stored {
            None => Ok(i),
            Some(s) => s
                .global
                .binary_search(&(i.index() as u32))
                .map(NodeIndex::new)
                .ok()
                .context("internal error: a node the question names was not loaded"),
        }
    }

    /// Load another region of the same store instead (a whole graph stays whole).
    pub(crate) fn reload(self, plan: impl FnOnce(&Store, &mut Region)) -> Result<Loaded> {
        match self.stored {
            None => Ok(self),
            Some(s) => stored_region(s.store, s.src, plan).ok_or_else(damaged_error),
        }
    }

    /// The store the region came from (None for a whole graph).
    pub(crate) fn store(&self) -> Option<&Store> {
        self.stored.as_ref().map(|s| &s.store)
    }

    /// A search document's owner (numbered in the whole graph) in [`Loaded::graph`].
    pub(crate) fn owner(&self, o: Owner) -> Option<Owner> {
        let Some(s) = &self.stored else {
            return Some(o);
        };
        match o {
            Owner::Node(n) => s
                .global
                .binary_search(&n)
                .ok()
                .map(|i| Owner::Node(i as u32)),
            Owner::Edge(r) => s
                .edges
                .binary_search(&r)
                .ok()
                .map(|e| Owner::Edge(e as u32)),
        }
    }

    /// The graph holding `nodes` (of [`Loaded::graph`]) with every edge between them,
    /// and their indices in it: what a drawing of an answer's subgraph needs.
    pub(crate) fn with_edges_among(
        &self,
        nodes: &BTreeSet<NodeIndex>,
    ) -> Result<(std::borrow::Cow<'_, LevelGraph>, BTreeSet<NodeIndex>)> {
        let Some(s) = &self.stored else {
            return Ok((std::borrow::Cow::Borrowed(&self.graph), nodes.clone()));
        };
        let mut r = Region::new(&s.store);
        let globals: Vec<u32> = nodes
            .iter()
            .filter_map(|i| s.global.get(i.index()).copied())
            .collect();
        for &n in &globals {
            r.node(n);
        }
        r.among(|_| true);
        let Some(m) = r.materialise() else {
            // The answer is sound (every block it read passed its check); the drawing
            // reads the whole graph instead.
            drop_damaged(&s.src.out);
            let Pending::Whole(g) = open(&s.src, Check::First)?.0 else {
                return Err(damaged_error());
            };
            let mapped = globals
                .iter()
                .map(|&n| NodeIndex::new(n as usize))
                .collect();
            return Ok((std::borrow::Cow::Owned(g), mapped));
        };
        let mapped = globals.iter().filter_map(|&n| m.local(n)).collect();
        Ok((std::borrow::Cow::Owned(m.graph), mapped))
    }
}

/// Answer `question` from the freshest graph there is, as the module documentation
/// describes: from the store while the corpus is listed, and again from the corpus
/// as it is now if the listing finds it changed since the store was written (also
/// when the question failed: a name the store does not know may be in the corpus
/// now). What it returns is current; only then may it be printed.
pub(crate) fn ask<T>(src: &Source, question: impl Fn(Pending) -> Result<T>) -> Result<T> {
    let (pending, deferred) = open(src, Check::WhileAnswering)?;
    let damage = pending.damage();
    let answer = question(pending);
    if damage.is_some_and(|d| d.found()) {
        // Whatever was answered read a damaged block: drop it, and the store.
        release(answer);
        drop_damaged(&src.out);
        return question(open(src, Check::First)?.0);
    }
    let Some(check) = deferred else {
        return answer;
    };
    match check.confirm() {
        Ok(Freshness::Fresh) => answer,
        Ok(Freshness::Stale) => question(open(src, Check::First)?.0),
        Err(e) => answer.and(Err(e.into())),
    }
}

/// Open the graph for a query: the store if it stands for this graph.json (with the
/// corpus check still running under [`Check::WhileAnswering`]), else the whole graph
/// from graph.json or the corpus, writing the store for the next query.
fn open(src: &Source, check: Check) -> Result<(Pending, Option<Deferred>)> {
    let json_path = src.out.join("graph.json");
    let has_corpus = src.corpus.is_dir();
    let json = json_stamp(&json_path);
    let listing = Listing::start(&src.corpus);
    let cached = match cache::open_current(&src.out, json, crate::BUILD) {
        Ok(opened) => Some(opened),
        Err(Unopened::Damaged) => {
            drop_damaged(&src.out);
            None
        }
        Err(Unopened::Missing | Unopened::OtherFormat | Unopened::Refused) => None,
    };
    let cached = match cached {
        // The store stands for this graph.json: answer from it while the corpus is
        // listed, and check the listing before printing.
        Some((header, store)) if check == Check::WhileAnswering => {
            if !header.json_fresh {
                stale_note(&json_path, json.is_some());
            }
            let deferred = Deferred {
                listing,
                expected: header.fingerprint,
            };
            return Ok((
                Pending::Stored(Box::new(store), src.clone()),
                Some(deferred),
            ));
        }
        other => other,
    };
    let fingerprint = listing.finish()?;
    let wanted = |json_fresh| StoreHeader {
        writer: crate::BUILD.into(),
        fingerprint: fingerprint.clone(),
        json,
        json_fresh,
    };
    if let Some((header, store)) = cached {
        if header == wanted(header.json_fresh) {
            if !header.json_fresh {
                stale_note(&json_path, json.is_some());
            }
            return Ok((Pending::Stored(Box::new(store), src.clone()), None));
        }
    }

    let g = match (has_corpus, json.is_some()) {
        (false, false) => anyhow::bail!(
            "no graph to query: neither the corpus folder {} nor {} exists; run `levelmap build --corpus DIR --out DIR` or give --corpus and --out",
            src.corpus.display(),
            json_path.display()
        ),
        (false, true) => {
            note!(
                "note: corpus folder {} not found; answering from {} without checking that it is current",
                src.corpus.display(),
                json_path.display()
            );
            let g = read_json(&json_path)?;
            write_store(&src.out, &wanted(true), &g);
            g
        }
        (true, true) => {
            let g = read_json(&json_path)?;
            let digest = stamp::corpus_digest(&src.corpus).with_context(|| format!("cannot read the corpus in {}", src.corpus.display()))?;
            if g.digest == digest {
                write_store(&src.out, &wanted(true), &g);
                g
            } else {
                stale_note(&json_path, true);
                let auto = g.graph.node_weights().any(|n| matches!(n.origin, Origin::Extracted(_)));
                let g = rebuild(&src.corpus, auto)?;
                write_store(&src.out, &wanted(false), &g);
                g
            }
        }
        (true, false) => {
            stale_note(&json_path, false);
            let g = rebuild(&src.corpus, false)?;
            write_store(&src.out, &wanted(false), &g);
            g
        }
    };
    Ok((Pending::Whole(g), None))
}

/// Let go of a graph (or an answer) at the end of a command without freeing it piece
/// by piece: the process is about to exit, and freeing a large graph's many strings
/// takes longer than answering the query did.
pub(crate) fn release<T>(value: T) {
    std::mem::forget(value);
}

fn stale_note(json_path: &Path, exists: bool) {
    if exists {
        note!(
            "note: the corpus has changed since {} was built; answering from the corpus as it is now (run `levelmap build` to update it)",
            json_path.display()
        );
    } else {
        note!(
            "note: {} does not exist; answering from the corpus (run `levelmap build` to save it)",
            json_path.display()
        );
    }
}

fn read_json(path: &Path) -> Result<LevelGraph> {
    Ok(super::read_graph_json(path)?.0)
}

fn rebuild(corpus: &Path, auto: bool) -> Result<LevelGraph> {
    let reading =
        super::read_checked(corpus).context("cannot answer from the corpus as it is now")?;
    Ok(build(
        &reading.corpus,
        BuildOptions {
            include_extracted: auto,
        },
    ))
}
