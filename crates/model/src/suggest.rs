//! "Did you mean …?": the closest known names to a misspelt one.

/// Fold a name for comparison: lowercase, letters and digits only, single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            gap = true;
        }
    }
    out
}

/// Up to `max` candidates closest to `query`, best first, that are plausibly what was meant.
///
/// Each candidate is `(key, payload)`; keys are compared after [`fold`], and a
/// candidate is kept when its similarity is at least 0.6 or one folded key contains the other.
pub fn closest<'a, T: Clone + PartialEq>(
    query: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
    max: usize,
) -> Vec<T> {
    let q = fold(query);
    let q_slug = fold(query.split_once(':').map_or(query, |(_, s)| s));
    let mut scored: Vec<(f64, String, T)> = candidates
        .into_iter()
        .filter_map(|(key, payload)| {
            let k = fold(key);
            let k_slug = fold(key.split_once(':').map_or(key, |(_, s)| s));
            let sim = strsim::jaro_winkler(&q_slug, &k_slug)
                .max(strsim::normalized_levenshtein(&q, &k))
                .max(strsim::normalized_levenshtein(&q_slug, &k_slug));
            let contains = !q_slug.is_empty()
                && q_slug.len() >= 3
                && (k_slug.contains(&q_slug) || q_slug.contains(&k_slug));
            let score = if contains { sim.max(0.75) } else { sim };
            (score >= 0.6).then(|| (score, key.to_string(), payload))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    // Keep only those close to the best, so a clear winner is not diluted.
    let best = scored.first().map_or(0.0, |s| s.0);
    let mut out: Vec<T> = Vec::new();
    for (score, _, payload) in scored {
        if score < best - 0.12 || out.contains(&payload) {
            continue;
        }
        out.push(payload);
        if out.len() == max {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_punctuation() {
        assert_eq!(fold("O'Brien,  Neil"), "obrien neil");
        assert_eq!(fold("actor:rachel-reeves"), "actor rachel reeves");
    }

    #[test]
    fn suggests_near_ids() {
        let ids = [
            "actor:rachel-reeves",
            "actor:keir-starmer",
            "policy:securonomics",
        ];
        let got = closest("actor:rachel-reves", ids.iter().map(|s| (*s, *s)), 3);
        assert_eq!(got.first(), Some(&"actor:rachel-reeves"));
        assert!(closest("zzzz", ids.iter().map(|s| (*s, *s)), 3).is_empty());
    }
}
