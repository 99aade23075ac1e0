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

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::links::ECHO_THRESHOLD;
use super::tfidf::{cosine, tfidf};
use super::words::content_words;
use super::{extract, Draft, ExtractOptions, Lexicon};
use levelmap_model::date::PartialDate;
use levelmap_model::evidence::normalise;
use levelmap_model::graph::{build, BuildOptions};
use levelmap_model::suggest::fold;
use levelmap_model::{Corpus, DateProvenance, EdgeKind, NodeKind, Origin};

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
    stem: &str,
    kind: NodeKind,
) -> BTreeSet<String> {
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
    stem: &str,
    draft: &Draft,
    lex: &Lexicon,
    kind: NodeKind,
    missed: &mut Vec<String>,
    spurious: &mut Vec<String>,
) -> Score {
    let gold_ids = gold_entities(g, stem, kind);
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

fn claim_score(
    gold: &Corpus,
    stem: &str,
    text: &str,
    draft: &Draft,
    missed: &mut Vec<String>,
    spurious: &mut Vec<String>,
) -> Score {
    let norm = normalise(text);
    let span = |q: &str| -> Option<(usize, usize)> {
        let q = normalise(q);
        (!q.is_empty())
            .then(|| norm.find(&q).map(|s| (s, s + q.len())))
            .flatten()
    };
    let gold_claims: Vec<((usize, usize), &str)> = gold
        .claims
        .values()
        .filter(|c| *c.evidence.article == *stem && !matches!(c.origin, Origin::Extracted(_)))
        .filter_map(|c| span(&c.evidence.quote).map(|s| (s, c.evidence.quote.as_ref())))
        .collect();
    let gold_spans: Vec<(usize, usize)> = gold_claims.iter().map(|(s, _)| *s).collect();
    let got_claims: Vec<((usize, usize), &str)> = draft
        .claims
        .iter()
        .filter_map(|c| span(&c.quote).map(|s| (s, c.quote.as_str())))
        .collect();
    let got: Vec<(usize, usize)> = got_claims.iter().map(|(s, _)| *s).collect();
    let overlap = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
    let by_place =
        |list: &[((usize, usize), &str)], other: &[(usize, usize)], out: &mut Vec<String>| {
            let mut v: Vec<&((usize, usize), &str)> = list
                .iter()
                .filter(|(x, _)| !other.iter().any(|o| overlap(x, o)))
                .collect();
            v.sort();
            out.extend(v.into_iter().map(|(_, q)| q.to_string()));
        };
    by_place(&gold_claims, &got, missed);
    by_place(&got_claims, &gold_spans, spurious);
    Score {
        correct: got
            .iter()
            .filter(|x| gold_spans.iter().any(|g| overlap(x, g)))
            .count(),
        extracted: draft.claims.len(),
        found: gold_spans
            .iter()
            .filter(|g| got.iter().any(|x| overlap(x, g)))
            .count(),
        gold: gold_spans.len(),
    }
}

fn dates_match(got: &PartialDate, gold: &PartialDate) -> (bool, bool) {
    let exact = got == gold;
    (exact, exact || got.within(gold) || gold.within(got))
}

/// Measure extraction with `lex` against the curated articles of `gold`.
pub fn evaluate(
    name: &str,
    gold_dir: &str,
    protocol: &str,
    gold: &Corpus,
    gold_diagnostics: usize,
    lex: &Lexicon,
    opts: &ExtractOptions,
) -> EvalReport {
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
        name: name.to_string(),
        gold_dir: gold_dir.to_string(),
        protocol: protocol.to_string(),
        gold_diagnostics,
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
        let mut ae = ArticleEval {
            article: stem.clone(),
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
        match extract(&a.text_path, &a.text, Some(stem), lex, &opts) {
            Ok(d) => {
                let (mut missed, mut spurious) = (vec![], vec![]);
                ae.actors = entity_score(
                    gold,
                    &g,
                    stem,
                    &d,
                    lex,
                    NodeKind::Actor,
                    &mut missed,
                    &mut spurious,
                );
                ae.policies = entity_score(
                    gold,
                    &g,
                    stem,
                    &d,
                    lex,
                    NodeKind::Policy,
                    &mut missed,
                    &mut spurious,
                );
                ae.claims = claim_score(
                    gold,
                    stem,
                    &a.text,
                    &d,
                    &mut ae.missed_claims,
                    &mut ae.spurious_claims,
                );
                ae.missed = missed;
                ae.spurious = spurious;
                let (exact, within) = dates_match(&d.date.value, &a.date.value);
                ae.date = d.date.value.to_string();
                ae.provenance = d.date.provenance.as_str().into();
                ae.date_exact = exact;
                ae.date_within = within;
            }
            Err(e) => {
                ae.error = Some(e.to_string());
                let gold_ids = |k| gold_entities(&g, stem, k).len();
                ae.actors.gold = gold_ids(NodeKind::Actor);
                ae.policies.gold = gold_ids(NodeKind::Policy);
            }
        }
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
        report.articles.push(ae);
    }
    report
}

/// Sweep the echo threshold over every cross-article pair of curated claims.
pub(crate) fn echo_eval(gold: &Corpus) -> EchoEval {
    let claims: Vec<_> = gold
        .claims
        .values()
        .filter(|c| !matches!(c.origin, Origin::Extracted(_)))
        .collect();
    let words: Vec<Vec<String>> = claims
        .iter()
        .map(|c| content_words(&c.evidence.quote))
        .collect();
    let mut df: HashMap<String, usize> = HashMap::new();
    for w in &words {
        for x in w.iter().collect::<HashSet<_>>() {
            *df.entry(x.clone()).or_insert(0) += 1;
        }
    }
    let vecs: Vec<_> = words.iter().map(|w| tfidf(w, &df, claims.len())).collect();
    let positives: BTreeSet<(String, String)> = gold
        .relations
        .iter()
        .filter(|r| r.kind == EdgeKind::Echoes && !matches!(r.origin, Origin::Extracted(_)))
        .map(|r| {
            if r.from < r.to {
                (r.from.clone(), r.to.clone())
            } else {
                (r.to.clone(), r.from.clone())
            }
        })
        .collect();
    let mut pairs: Vec<(f64, bool)> = Vec::new();
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            if claims[i].evidence.article == claims[j].evidence.article {
                continue;
            }
            let key = if claims[i].id < claims[j].id {
                (claims[i].id.clone(), claims[j].id.clone())
            } else {
                (claims[j].id.clone(), claims[i].id.clone())
            };
            pairs.push((cosine(&vecs[i], &vecs[j]), positives.contains(&key)));
        }
    }
    let gold_n = pairs.iter().filter(|p| p.1).count();
    let at = |t: f64| {
        let predicted = pairs.iter().filter(|p| p.0 >= t).count();
        let correct = pairs.iter().filter(|p| p.0 >= t && p.1).count();
        Score {
            correct,
            extracted: predicted,
            found: correct,
            gold: gold_n,
        }
    };
    let mut best = (0.0, Score::default());
    for k in 5..=60 {
        let t = f64::from(k) / 100.0;
        let s = at(t);
        if s.f1() > best.1.f1() + 1e-12 || best.1.extracted == 0 && best.1.gold == 0 {
            best = (t, s);
        }
    }
    EchoEval {
        pairs: pairs.len(),
        gold: gold_n,
        best_threshold: best.0,
        best: best.1,
        threshold: ECHO_THRESHOLD,
        at_threshold: at(ECHO_THRESHOLD),
    }
}

fn row(w: &mut String, label: &str, s: &Score) {
    let _ = writeln!(
        w,
        "  {label:<10} {:>9.2} {:>7.2} {:>6.2}   {:>4}/{:<4} {:>4}/{:<4}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.correct,
        s.extracted,
        s.found,
        s.gold
    );
}

/// Render one report as a text table.
pub fn render(r: &EvalReport) -> String {
    let mut w = String::new();
    let n = r.articles.len();
    let _ = writeln!(
        w,
        "== {} : {} ({n} curated article(s)) ==",
        r.name, r.gold_dir
    );
    let _ = writeln!(w, "   {}", r.protocol);
    if r.gold_diagnostics > 0 {
        let _ = writeln!(
            w,
            "   note: the gold corpus has {} diagnostic(s); only its valid records are used",
            r.gold_diagnostics
        );
    }
    let _ = writeln!(
        w,
        "  {:<10} {:>9} {:>7} {:>6}   {:>9} {:>9}",
        "", "precision", "recall", "F1", "correct", "found"
    );
    row(&mut w, "actors", &r.actors);
    row(&mut w, "policies", &r.policies);
    row(&mut w, "claims", &r.claims);
    let d = &r.dates;
    let _ = writeln!(
        w,
        "  {:<10} exact {:.2}, within precision {:.2}   (stated: {}/{} exact, {}/{} within; inferred: {}/{} exact, {}/{} within)",
        "dates",
        d.exact(),
        d.within(),
        d.stated_exact,
        d.stated,
        d.stated_within,
        d.stated,
        d.inferred_exact,
        d.inferred,
        d.inferred_within,
        d.inferred
    );
    let e = &r.echoes;
    if e.gold > 0 {
        let _ = writeln!(
            w,
            "  echoes     curated pairs {}/{}: built-in threshold {:.2} gives P {:.2} R {:.2} F1 {:.2}; best here {:.2} gives F1 {:.2}",
            e.gold,
            e.pairs,
            e.threshold,
            e.at_threshold.precision(),
            e.at_threshold.recall(),
            e.at_threshold.f1(),
            e.best_threshold,
            e.best.f1()
        );
    } else {
        let _ = writeln!(
            w,
            "  echoes     no curated echoes between articles to measure against"
        );
    }
    let _ = writeln!(w, "  per article:");
    for a in &r.articles {
        let mark = if a.date_exact {
            "exact"
        } else if a.date_within {
            "within"
        } else {
            "wrong"
        };
        let _ = writeln!(
            w,
            "    {:<48} actors {:.2}  policies {:.2}  claims {:.2}  date {} {} (gold {} {}) {mark}",
            a.article,
            a.actors.f1(),
            a.policies.f1(),
            a.claims.f1(),
            if a.date.is_empty() { "-" } else { &a.date },
            a.provenance,
            a.gold_date,
            a.gold_provenance
        );
        if let Some(e) = &a.error {
            let _ = writeln!(w, "      error: {e}");
        }
    }
    w
}

/// Lists of missed and spurious entities per article, for `--verbose`.
pub fn render_details(r: &EvalReport) -> String {
    let mut w = String::new();
    for a in &r.articles {
        let _ = writeln!(w, "  {}:", a.article);
        let _ = writeln!(w, "    missed:   {}", a.missed.join(", "));
        let _ = writeln!(w, "    spurious: {}", a.spurious.join(", "));
        for q in &a.missed_claims {
            let _ = writeln!(w, "    claim missed:   {}", one_line(q));
        }
        for q in &a.spurious_claims {
            let _ = writeln!(w, "    claim spurious: {}", one_line(q));
        }
    }
    w
}

/// A quote on one line, cut to 160 characters.
fn one_line(q: &str) -> String {
    let q: String = q.split_whitespace().collect::<Vec<_>>().join(" ");
    match q.char_indices().nth(160) {
        Some((i, _)) => format!("{}...", &q[..i]),
        None => q,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
