//! Claims scored at sentence level: against curated claim quotes, or, where the
//! article has `<stem>.claims.tsv`, against every judged sentence (the protocol of
//! docs/annotation-guide.md section 9).

use levelmap_model::evidence::normalise;
use levelmap_model::Corpus;
use levelmap_model::Origin;

use super::Score;
use crate::Draft;

pub(super) fn claim_score(
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

/// Lower-case word tokens of a normalised text.
fn tokens(s: &str) -> Vec<String> {
    normalise(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// One token list lies within the other as a run, or their token sets have a
/// Jaccard index of at least 0.5: the overlap rule of the guide's section 9.
pub(super) fn overlaps(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.windows(short.len()).any(|w| w == short) {
        return true;
    }
    let sa: std::collections::HashSet<&String> = a.iter().collect();
    let sb: std::collections::HashSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count();
    let union = sa.len() + sb.len() - inter;
    inter * 2 >= union
}

/// Clear claims found, by kind, over every judged article.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub(crate) struct ByKind {
    /// `(kind, found, clear)` in kind order.
    pub(crate) kinds: Vec<(String, usize, usize)>,
}

impl ByKind {
    pub(super) fn add(&mut self, kind: &str, found: bool) {
        let i = match self.kinds.binary_search_by(|k| k.0.as_str().cmp(kind)) {
            Ok(i) => i,
            Err(i) => {
                self.kinds.insert(i, (kind.to_string(), 0, 0));
                i
            }
        };
        self.kinds[i].1 += usize::from(found);
        self.kinds[i].2 += 1;
    }
}

/// Stances of matched claims: each policy of an extracted claim that the judged
/// sentence it overlaps (the first clear or borderline one) also lists, by id, and
/// whether the two stances agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub(crate) struct StanceScore {
    /// Pairs whose stances are the same.
    pub(crate) agree: usize,
    /// Pairs compared.
    pub(crate) pairs: usize,
}

/// Claims against every judged sentence: an extracted claim is correct when it
/// overlaps a clear or borderline sentence; a clear sentence is found when some
/// extracted claim overlaps it. The stances of correct claims are added to `stances`.
pub(super) fn judged_score(
    judged: &[levelmap_model::gold::Judged],
    draft: &Draft,
    (by_kind, stances): (&mut ByKind, &mut StanceScore),
    missed: &mut Vec<String>,
    spurious: &mut Vec<String>,
) -> Score {
    use levelmap_model::gold::Label;
    let rows: Vec<(&levelmap_model::gold::Judged, Vec<String>)> =
        judged.iter().map(|j| (j, tokens(&j.sentence))).collect();
    let got: Vec<(&str, Vec<String>)> = draft
        .claims
        .iter()
        .map(|c| (c.quote.as_str(), tokens(&c.quote)))
        .collect();
    let mut correct = 0;
    for (claim, (quote, t)) in draft.claims.iter().zip(&got) {
        let row = rows
            .iter()
            .find(|(j, rt)| j.label != Label::None && overlaps(t, rt));
        let Some((j, _)) = row else {
            spurious.push(quote.to_string());
            continue;
        };
        correct += 1;
        for (policy, stance) in &claim.about {
            if let Some((_, want)) = j.about.iter().find(|(p, _)| p == policy) {
                stances.pairs += 1;
                stances.agree += usize::from(want == stance);
            }
        }
    }
    let mut score = Score {
        correct,
        extracted: got.len(),
        ..Score::default()
    };
    for (j, rt) in rows.iter().filter(|(j, _)| j.label == Label::Clear) {
        let found = got.iter().any(|(_, t)| overlaps(t, rt));
        score.gold += 1;
        score.found += usize::from(found);
        by_kind.add(&j.kind, found);
        if !found {
            missed.push(j.sentence.clone());
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        tokens(s)
    }

    #[test]
    fn a_quote_inside_a_sentence_overlaps_it() {
        let s = t("But the bigger towns are likely to go ahead anyway.");
        assert!(overlaps(&t("the bigger towns are likely to go ahead"), &s));
        assert!(overlaps(&s, &t("the bigger towns are likely to go ahead")));
    }

    #[test]
    fn jaccard_of_one_half_overlaps_and_less_does_not() {
        // {a b c d} and {a b c e}: 3 shared of 5.
        assert!(overlaps(&t("a b c d"), &t("e c b a")));
        // {a b c d} and {a e f g}: 1 shared of 7.
        assert!(!overlaps(&t("a b c d"), &t("a e f g")));
        assert!(!overlaps(&t(""), &t("a")));
    }

    #[test]
    fn case_quotes_and_dashes_do_not_matter() {
        assert!(overlaps(
            &t("It is a straw in the wind—one of many"),
            &t("it is a straw in the wind - one of many flying about")
        ));
    }
}
