//! Reports as text: the totals table, per-article lines, and the misses for `--misses`.

use std::fmt::Write as _;

use super::{EvalReport, Score};

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
    let n = r.article_count;
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
    if d.future > 0 {
        let _ = writeln!(w, "  {:<10} {} extracted date(s) after today", "", d.future);
    }
    if r.judged_articles > 0 {
        let kinds: Vec<String> = r
            .claim_kinds
            .kinds
            .iter()
            .map(|(k, f, n)| format!("{k} {f}/{n}"))
            .collect();
        let _ = writeln!(
            w,
            "  claims of {} article(s) scored against every judged sentence; clear claims found by kind: {}",
            r.judged_articles,
            kinds.join(", ")
        );
        let st = r.stances;
        let _ = writeln!(
            w,
            "  {:<10} {}/{} agree ({:.2}): each matched claim's policies that its judged sentence also lists, by id",
            "stances",
            st.agree,
            st.pairs,
            if st.pairs > 0 { st.agree as f64 / st.pairs as f64 } else { 0.0 }
        );
    }
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
    if r.frozen {
        let _ = writeln!(
            w,
            "  frozen test part: per-article results and misses are not shown, by design"
        );
        return w;
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
    if r.frozen {
        return w;
    }
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
