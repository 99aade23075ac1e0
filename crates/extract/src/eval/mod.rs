//! Measuring extraction against curated annotations: precision, recall and F1 for
//! actors, policies and claims (at sentence level), date accuracy (exact, and within
//! precision), and the echo threshold swept over curated claim pairs.
//!
//! Protocol: every curated article of a gold corpus is extracted afresh from its
//! text, with a lexicon the caller chooses (the bundled one). Actors and policies
//! are the ones tied to the article: curated ones by any edge whose evidence is the
//! article (mentions computed from the gold lexicon, authors, outlet, speakers,
//! claim topics, relations); extracted ones by mentions, candidates, authors, outlet,
//! speakers and claim topics. An extracted entity matches a gold one when they share
//! the id or a folded name or alias. A gold claim is recalled when an extracted
//! claim's quote overlaps its quote; an extracted claim is correct when it overlaps
//! some gold claim.
//!
//! Where a gold article has judgement files (docs/annotation-guide.md), they win:
//! its actors and policies are exactly the ids of `<stem>.entities.tsv`, and its
//! claims are scored against every judged sentence of `<stem>.claims.tsv` (an
//! extracted claim is correct on a clear or borderline sentence; recall is over the
//! clear ones). A frozen part reports totals only: its misses are never kept.

use std::collections::BTreeSet;

use serde::Serialize;

mod claims;
mod echo;
mod render;

pub use render::{render, render_details};

use super::{extract, Draft, ExtractOptions, Lexicon};
use claims::{claim_score, judged_score, ByKind, StanceScore};
use echo::echo_eval;
use levelmap_model::date::PartialDate;
use levelmap_model::gold::{Gold, GoldArticle};
use levelmap_model::graph::{build, BuildOptions};
use levelmap_model::suggest::fold;
use levelmap_model::{Corpus, DateProvenance, NodeKind, Origin};

/// Matched and total counts, both ways.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub(crate) struct Score {
    /// Extracted items that match a gold item.
    pub(crate) correct: usize,
    /// Extracted items.
    pub(crate) extracted: usize,
    /// Gold items matched by an extracted one.
    pub(crate) found: usize,
    /// Gold items.
    pub(crate) gold: usize,
}

impl Score {
    /// Precision (1 when nothing was extracted).
    pub(crate) fn precision(&self) -> f64 {
        if self.extracted == 0 {
            1.0
        } else {
            self.correct as f64 / self.extracted as f64
        }
    }

    /// Recall (1 when there is no gold).
    pub(crate) fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub(crate) fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: &Score) {
        self.correct += o.correct;
        self.extracted += o.extracted;
        self.found += o.found;
        self.gold += o.gold;
    }
}

/// One article's result.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleEval {
    /// Article id.
    pub(crate) article: String,
    /// Actors.
    pub(crate) actors: Score,
    /// Policies.
    pub(crate) policies: Score,
    /// Claims.
    pub(crate) claims: Score,
    /// Gold date.
    pub(crate) gold_date: String,
    /// Gold provenance.
    pub(crate) gold_provenance: String,
    /// Extracted date.
    pub(crate) date: String,
    /// Extracted provenance.
    pub(crate) provenance: String,
    /// Same value and precision.
    pub(crate) date_exact: bool,
    /// One date lies within the other's range.
    pub(crate) date_within: bool,
    /// Gold actors and policies not found (for review).
    pub(crate) missed: Vec<String>,
    /// Extracted actors and policies that match nothing (for review).
    pub(crate) spurious: Vec<String>,
    /// Quotes of gold claims that no extracted claim overlaps (for review).
    pub(crate) missed_claims: Vec<String>,
    /// Quotes of extracted claims that overlap no gold claim (for review).
    pub(crate) spurious_claims: Vec<String>,
    /// Why extraction failed, if it did.
    pub(crate) error: Option<String>,
}

/// Date accuracy, split by how the gold date was obtained.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub(crate) struct DateScore {
    /// Articles whose gold date is stated.
    pub(crate) stated: usize,
    /// ... of which extracted exactly.
    pub(crate) stated_exact: usize,
    /// ... of which within precision.
    pub(crate) stated_within: usize,
    /// Articles whose gold date is inferred.
    pub(crate) inferred: usize,
    /// ... of which extracted exactly.
    pub(crate) inferred_exact: usize,
    /// ... of which within precision.
    pub(crate) inferred_within: usize,
    /// Extracted dates after the day of the run (never right).
    pub(crate) future: usize,
}

impl DateScore {
    /// Exact over all articles.
    pub(crate) fn exact(&self) -> f64 {
        ratio(
            self.stated_exact + self.inferred_exact,
            self.stated + self.inferred,
        )
    }

    /// Within precision over all articles.
    pub(crate) fn within(&self) -> f64 {
        ratio(
            self.stated_within + self.inferred_within,
            self.stated + self.inferred,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Echo proposals measured on curated claim pairs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct EchoEval {
    /// Cross-article claim pairs compared.
    pub(crate) pairs: usize,
    /// Curated echoes among them.
    pub(crate) gold: usize,
    /// The threshold with the best F1 on this corpus.
    pub(crate) best_threshold: f64,
    /// Its score.
    pub(crate) best: Score,
    /// The built-in threshold.
    pub(crate) threshold: f64,
    /// Score at the built-in threshold.
    pub(crate) at_threshold: Score,
}

/// The result for one gold corpus.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// A short name ("bundled", "held apart").
    pub(crate) name: String,
    /// The gold folder.
    pub(crate) gold_dir: String,
    /// How extraction was run for it.
    pub(crate) protocol: String,
    /// Problems found reading the gold corpus.
    pub(crate) gold_diagnostics: usize,
    /// Actors, summed over articles.
    pub(crate) actors: Score,
    /// Policies.
    pub(crate) policies: Score,
    /// Claims.
    pub(crate) claims: Score,
    /// Dates.
    pub(crate) dates: DateScore,
    /// Clear claims found, by kind (articles with judged sentences only).
    pub(crate) claim_kinds: ByKind,
    /// Stances of matched claims on the policies their judged sentence lists.
    pub(crate) stances: StanceScore,
    /// Curated articles measured.
    pub(crate) article_count: usize,
    /// Articles whose claims were scored against every judged sentence.
    pub(crate) judged_articles: usize,
    /// A frozen test part: per-article results and misses are not kept.
    pub(crate) frozen: bool,
    /// Echo threshold check.
    pub(crate) echoes: EchoEval,
    /// Per article.
    pub(crate) articles: Vec<ArticleEval>,
}

fn keys(id: &str, name: &str, aliases: &[String]) -> BTreeSet<String> {
    let mut k = BTreeSet::new();
    k.insert(id.to_string());
    for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        let f = fold(n);
        if f.len() >= 3 {
            k.insert(format!("name:{f}"));
        }
        // "The Levelling Up Fund" and "Levelling Up Fund" are one name.
        if let Some(rest) = f.strip_prefix("the ") {
            k.insert(format!("name:{rest}"));
        }
    }
    k
}

/// The actors or policies the curated annotation ties to `stem`.
fn gold_entities(
    g: &levelmap_model::graph::LevelGraph,
    judged: Option<&GoldArticle>,
    stem: &str,
    kind: NodeKind,
) -> BTreeSet<String> {
    if let Some(ids) = judged.and_then(|j| j.entities.as_ref()) {
        return ids
            .iter()
            .filter(|i| levelmap_model::kind_of_id(i) == Some(kind))
            .cloned()
            .collect();
    }
    let mut out = BTreeSet::new();
    for e in g.graph.edge_indices() {
        let w = g.edge(e);
        if *w.evidence.article != *stem {
            continue;
        }
        let Some((a, b)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        for i in [a, b] {
            let n = g.node(i);
            if n.kind == kind && n.origin != Origin::Derived {
                out.insert(n.id.to_string());
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn entity_score(
    gold: &Corpus,
    g: &levelmap_model::graph::LevelGraph,
    judged: Option<&GoldArticle>,
    stem: &str,
    draft: &Draft,
    lex: &Lexicon,
    kind: NodeKind,
    missed: &mut Vec<String>,
    spurious: &mut Vec<String>,
) -> Score {
    let gold_ids = gold_entities(g, judged, stem, kind);
    let gold_keys: Vec<(String, BTreeSet<String>)> = gold_ids
        .iter()
        .map(|id| {
            let k = gold
                .entities
                .get(id)
                .map_or_else(|| keys(id, "", &[]), |e| keys(id, &e.name, &e.aliases));
            (id.clone(), k)
        })
        .collect();
    let got: Vec<(String, BTreeSet<String>)> = draft
        .entity_ids(kind)
        .into_iter()
        .map(|id| {
            let k = if let Some(e) = lex.entities.get(&id) {
                keys(&id, &e.name, &e.aliases)
            } else if let Some(c) = draft.candidate(&id) {
                keys(&id, &c.name, &c.aliases)
            } else {
                keys(&id, "", &[])
            };
            (id, k)
        })
        .collect();
    let meets = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.intersection(b).next().is_some();
    let correct = got
        .iter()
        .filter(|(_, k)| gold_keys.iter().any(|(_, gk)| meets(k, gk)))
        .count();
    let found = gold_keys
        .iter()
        .filter(|(_, gk)| got.iter().any(|(_, k)| meets(k, gk)))
        .count();
    missed.extend(
        gold_keys
            .iter()
            .filter(|(_, gk)| !got.iter().any(|(_, k)| meets(k, gk)))
            .map(|(id, _)| id.clone()),
    );
    spurious.extend(
        got.iter()
            .filter(|(_, k)| !gold_keys.iter().any(|(_, gk)| meets(k, gk)))
            .map(|(id, _)| id.clone()),
    );
    Score {
        correct,
        extracted: got.len(),
        found,
        gold: gold_keys.len(),
    }
}

fn dates_match(got: &PartialDate, gold: &PartialDate) -> (bool, bool) {
    let exact = got == gold;
    (exact, exact || got.within(gold) || gold.within(got))
}

/// Extract one curated article afresh and score the draft against its gold.
#[allow(clippy::too_many_arguments)]
fn article_eval(
    gold: &Corpus,
    g: &levelmap_model::graph::LevelGraph,
    judged: Option<&GoldArticle>,
    stem: &str,
    a: &levelmap_model::Article,
    lex: &Lexicon,
    opts: &ExtractOptions,
    report: &mut EvalReport,
) -> ArticleEval {
    let mut ae = ArticleEval {
        article: stem.to_string(),
        actors: Score::default(),
        policies: Score::default(),
        claims: Score::default(),
        gold_date: a.date.value.to_string(),
        gold_provenance: a.date.provenance.as_str().into(),
        date: String::new(),
        provenance: String::new(),
        date_exact: false,
        date_within: false,
        missed: vec![],
        spurious: vec![],
        missed_claims: vec![],
        spurious_claims: vec![],
        error: None,
    };
    let d = match extract(&a.text_path, &a.text, Some(stem), lex, opts) {
        Ok(d) => d,
        Err(e) => {
            ae.error = Some(e.to_string());
            let gold_ids = |k| gold_entities(g, judged, stem, k).len();
            ae.actors.gold = gold_ids(NodeKind::Actor);
            ae.policies.gold = gold_ids(NodeKind::Policy);
            return ae;
        }
    };
    let (mut missed, mut spurious) = (vec![], vec![]);
    for kind in [NodeKind::Actor, NodeKind::Policy] {
        let s = entity_score(
            gold,
            g,
            judged,
            stem,
            &d,
            lex,
            kind,
            &mut missed,
            &mut spurious,
        );
        *(if kind == NodeKind::Actor {
            &mut ae.actors
        } else {
            &mut ae.policies
        }) = s;
    }
    ae.missed = missed;
    ae.spurious = spurious;
    let (mc, sc) = (&mut ae.missed_claims, &mut ae.spurious_claims);
    ae.claims = match judged.and_then(|j| j.sentences.as_ref()) {
        Some(rows) => {
            report.judged_articles += 1;
            let tally = (&mut report.claim_kinds, &mut report.stances);
            judged_score(rows, &d, tally, mc, sc)
        }
        None => claim_score(gold, stem, &a.text, &d, mc, sc),
    };
    let (exact, within) = dates_match(&d.date.value, &a.date.value);
    ae.date = d.date.value.to_string();
    ae.provenance = d.date.provenance.as_str().into();
    ae.date_exact = exact;
    ae.date_within = within;
    if d.date.value.start_days() > opts.today.end_days() {
        report.dates.future += 1;
    }
    ae
}

/// Where the gold is and what it holds.
pub struct GoldSet<'a> {
    /// A short name ("bundled", "gold dev").
    pub name: &'a str,
    /// The folder, as printed.
    pub dir: &'a str,
    /// How extraction was run for it.
    pub protocol: &'a str,
    /// The curated corpus.
    pub corpus: &'a Corpus,
    /// Problems found reading it.
    pub diagnostics: usize,
    /// Its judgement files (sentences, entities) and whether it is frozen.
    pub judged: &'a Gold,
}

/// Measure extraction with `lex` against the curated articles of `set`.
pub fn evaluate(set: &GoldSet<'_>, lex: &Lexicon, opts: &ExtractOptions) -> EvalReport {
    let gold = set.corpus;
    let g = build(
        gold,
        BuildOptions {
            include_extracted: false,
        },
    );
    let opts = ExtractOptions {
        propose_echoes: false,
        ..opts.clone()
    };
    let mut report = EvalReport {
        name: set.name.to_string(),
        gold_dir: set.dir.to_string(),
        protocol: set.protocol.to_string(),
        gold_diagnostics: set.diagnostics,
        claim_kinds: ByKind::default(),
        stances: StanceScore::default(),
        judged_articles: 0,
        article_count: 0,
        frozen: set.judged.frozen,
        actors: Score::default(),
        policies: Score::default(),
        claims: Score::default(),
        dates: DateScore::default(),
        echoes: echo_eval(gold),
        articles: vec![],
    };
    for (stem, a) in &gold.articles {
        if matches!(a.origin, Origin::Extracted(_)) {
            continue;
        }
        let judged = set.judged.articles.get(stem);
        let ae = article_eval(gold, &g, judged, stem, a, lex, &opts, &mut report);
        report.article_count += 1;
        report.actors.add(&ae.actors);
        report.policies.add(&ae.policies);
        report.claims.add(&ae.claims);
        let d = &mut report.dates;
        if a.date.provenance == DateProvenance::Stated {
            d.stated += 1;
            d.stated_exact += usize::from(ae.date_exact);
            d.stated_within += usize::from(ae.date_within);
        } else {
            d.inferred += 1;
            d.inferred_exact += usize::from(ae.date_exact);
            d.inferred_within += usize::from(ae.date_within);
        }
        if !report.frozen {
            report.articles.push(ae);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::date::PartialDate;

    #[test]
    fn scores() {
        let s = Score {
            correct: 3,
            extracted: 4,
            found: 3,
            gold: 6,
        };
        assert!((s.precision() - 0.75).abs() < 1e-9);
        assert!((s.recall() - 0.5).abs() < 1e-9);
        assert!((s.f1() - 0.6).abs() < 1e-9);
        assert_eq!(Score::default().f1(), 1.0);
    }

    #[test]
    fn dates_within_precision() {
        let p = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(dates_match(&p("2021"), &p("2021-09")), (false, true));
        assert_eq!(dates_match(&p("2021-09"), &p("2021-09")), (true, true));
        assert_eq!(dates_match(&p("2020-12"), &p("2021-01")), (false, false));
    }

    #[test]
    fn entity_keys_fold_names_and_articles() {
        let k = keys("actor:x", "The Levelling Up Fund", &["LUF".into()]);
        assert!(k.contains("name:levelling up fund"));
        assert!(k.contains("name:luf"));
    }
}
