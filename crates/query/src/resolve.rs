//! Turning what a person types ("Rachel Reeves", "reeves", "actor:rachel-reeves",
//! "levelling-up") into one node, or a helpful error.
//!
//! A reference is compared with ids, names and aliases after folding (case and
//! punctuation ignored, see [`levelmap_model::suggest::fold`]). Matches are taken in tiers: the
//! id (or its slug), then the name, then an alias; the first tier with a match wins.
//! Several matches in that tier are ambiguous, unless the caller prefers some kinds
//! and exactly one match is of those kinds. A miss suggests the closest nodes.
//!
//! Resolving reads only names, so it runs on anything that has them ([`Names`]): a
//! [`LevelGraph`], or the query store read in place.

use petgraph::graph::NodeIndex;

use super::{NodeRef, QueryError};
use levelmap_model::graph::LevelGraph;
use levelmap_model::suggest;
use levelmap_model::{kind_of_id, NodeKind};

/// How many suggestions a miss offers.
const SUGGESTIONS: usize = 3;

/// What resolving reads: each node's id, name, aliases and kind.
pub trait Names {
    /// Number of nodes (numbered from 0).
    fn count(&self) -> usize;
    /// The node with exactly this id.
    fn find_id(&self, id: &str) -> Option<NodeIndex>;
    /// Node `i`'s id.
    fn id_of(&self, i: NodeIndex) -> &str;
    /// Node `i`'s name, title or paraphrase.
    fn label_of(&self, i: NodeIndex) -> &str;
    /// Node `i`'s kind.
    fn kind_of(&self, i: NodeIndex) -> NodeKind;
    /// Node `i`'s other names.
    fn aliases_of(&self, i: NodeIndex) -> Vec<&str>;
    /// A reference to node `i`, for messages.
    fn node_ref(&self, i: NodeIndex) -> NodeRef {
        NodeRef {
            id: self.id_of(i).into(),
            kind: self.kind_of(i),
            label: self.label_of(i).into(),
        }
    }
}

impl Names for LevelGraph {
    fn count(&self) -> usize {
        self.node_count()
    }
    fn find_id(&self, id: &str) -> Option<NodeIndex> {
        self.find(id)
    }
    fn id_of(&self, i: NodeIndex) -> &str {
        &self.node(i).id
    }
    fn label_of(&self, i: NodeIndex) -> &str {
        &self.node(i).label
    }
    fn kind_of(&self, i: NodeIndex) -> NodeKind {
        self.node(i).kind
    }
    fn aliases_of(&self, i: NodeIndex) -> Vec<&str> {
        self.node(i).aliases().iter().map(String::as_str).collect()
    }
}

/// Resolve a reference to one node.
pub fn resolve<G: Names + ?Sized>(g: &G, text: &str) -> Result<NodeIndex, QueryError> {
    resolve_as(g, text, &[])
}

/// Resolve a reference, preferring nodes of the kinds in `prefer` when several match
/// (`stance` prefers policies: "levelling up" is the policy, not an event of that name).
pub fn resolve_as<G: Names + ?Sized>(
    g: &G,
    text: &str,
    prefer: &[NodeKind],
) -> Result<NodeIndex, QueryError> {
    let t = text.trim();
    if let Some(i) = g.find_id(t) {
        return Ok(i);
    }
    if let Some((prefix, rest)) = t.split_once(':') {
        if let Some(kind) = kind_of_id(t).or_else(|| NodeKind::parse(prefix)) {
            let id = format!(
                "{kind}:{}",
                rest.trim().to_lowercase().replace([' ', '_'], "-")
            );
            if let Some(i) = g.find_id(&id) {
                return Ok(i);
            }
        }
    }
    let q = suggest::fold(t);
    if q.is_empty() {
        return Err(QueryError::UnknownNode {
            query: t.to_string(),
            suggestions: vec![],
        });
    }
    // Tiers: 0 id or slug, 1 name, 2 alias.
    let mut tiers: [Vec<NodeIndex>; 3] = Default::default();
    for i in (0..g.count()).map(NodeIndex::new) {
        let id = g.id_of(i);
        let slug = id.split_once(':').map_or(id, |(_, s)| s);
        if folds_to(id, &q) || folds_to(slug, &q) {
            tiers[0].push(i);
        } else if folds_to(g.label_of(i), &q) {
            tiers[1].push(i);
        } else if g.aliases_of(i).iter().any(|a| folds_to(a, &q)) {
            tiers[2].push(i);
        }
    }
    if let Some(found) = tiers.into_iter().find(|t| !t.is_empty()) {
        if let [one] = found[..] {
            return Ok(one);
        }
        let preferred: Vec<NodeIndex> = found
            .iter()
            .copied()
            .filter(|i| prefer.contains(&g.kind_of(*i)))
            .collect();
        if let [one] = preferred[..] {
            return Ok(one);
        }
        return Err(QueryError::Ambiguous {
            query: t.to_string(),
            candidates: found.iter().map(|&i| g.node_ref(i)).collect(),
        });
    }
    Err(QueryError::UnknownNode {
        query: t.to_string(),
        suggestions: suggestions(g, t, None),
    })
}

/// Resolve a reference that must be of kind `kind` (a policy for `stance`).
pub fn resolve_kind<G: Names + ?Sized>(
    g: &G,
    text: &str,
    kind: NodeKind,
) -> Result<NodeIndex, QueryError> {
    let i = resolve_as(g, text, &[kind])?;
    if g.kind_of(i) != kind {
        return Err(QueryError::WrongKind {
            node: g.node_ref(i),
            expected: kind,
            suggestions: suggestions(g, text, Some(kind)),
        });
    }
    Ok(i)
}

/// The nodes closest to `text` (optionally only of one kind), best first. Claims are
/// offered by id only: their labels are sentences.
pub fn suggestions<G: Names + ?Sized>(g: &G, text: &str, kind: Option<NodeKind>) -> Vec<NodeRef> {
    let mut keys: Vec<(&str, NodeIndex)> = Vec::new();
    for i in (0..g.count()).map(NodeIndex::new) {
        let k = g.kind_of(i);
        if kind.is_some_and(|want| want != k) {
            continue;
        }
        keys.push((g.id_of(i), i));
        if k != NodeKind::Claim {
            keys.push((g.label_of(i), i));
            keys.extend(g.aliases_of(i).into_iter().map(|a| (a, i)));
        }
    }
    // Keep only suggestions nearly as close as the best one.
    let q = suggest::fold(text);
    let mut out: Vec<NodeIndex> = Vec::new();
    let mut best = None;
    let payload = keys.iter().map(|&(k, i)| (k, (k, i)));
    for (key, i) in suggest::closest(text.trim(), payload, SUGGESTIONS * 4) {
        let s = similarity(&q, &suggest::fold(key));
        let top = *best.get_or_insert(s);
        if s < top - 0.1 {
            break;
        }
        if !out.contains(&i) {
            out.push(i);
        }
        if out.len() == SUGGESTIONS {
            break;
        }
    }
    out.into_iter().map(|i| g.node_ref(i)).collect()
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b).max(strsim::normalized_levenshtein(a, b))
}

/// Whether `raw` folds (as [`suggest::fold`]) to exactly `folded`, without allocating:
/// the folded characters are compared as they are produced, stopping at the first
/// difference.
pub(crate) fn folds_to(raw: &str, folded: &str) -> bool {
    let mut want = folded.chars();
    let mut started = false;
    let mut gap = false;
    for c in raw.chars() {
        if c.is_alphanumeric() {
            if gap && started && want.next() != Some(' ') {
                return false;
            }
            gap = false;
            started = true;
            for l in c.to_lowercase() {
                if want.next() != Some(l) {
                    return false;
                }
            }
        } else if c != '\'' && c != '\u{2019}' {
            gap = true;
        }
    }
    want.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_testkit::mini;

    #[test]
    fn folds_to_agrees_with_fold() {
        for s in [
            "O'Brien,  Neil",
            "actor:rachel-reeves",
            "  Levelling Up! ",
            "",
            "--",
            "Ünïcode Straße",
            "a.b.c",
            "Labour’s",
        ] {
            let f = suggest::fold(s);
            assert!(folds_to(s, &f), "{s:?} -> {f:?}");
            assert!(!folds_to(s, &format!("{f}x")), "{s:?}");
            if !f.is_empty() {
                assert!(!folds_to(s, &f[..f.len() - 1]), "{s:?}");
            }
        }
    }

    #[test]
    fn resolves_by_id_name_alias_and_slug() {
        let g = mini();
        let id = |i| g.node(i).id.clone();
        assert_eq!(
            id(resolve(&g, "actor:rachel-reeves").unwrap()),
            "actor:rachel-reeves".into()
        );
        assert_eq!(
            id(resolve(&g, "Rachel Reeves").unwrap()),
            "actor:rachel-reeves".into()
        );
        assert_eq!(
            id(resolve(&g, "  rachel   REEVES ").unwrap()),
            "actor:rachel-reeves".into()
        );
        assert_eq!(
            id(resolve(&g, "reeves").unwrap()),
            "actor:rachel-reeves".into()
        );
        assert_eq!(
            id(resolve(&g, "rachel-reeves").unwrap()),
            "actor:rachel-reeves".into()
        );
        assert_eq!(
            id(resolve(&g, "Actor:Rachel Reeves").unwrap()),
            "actor:rachel-reeves".into()
        );
        assert_eq!(
            id(resolve(&g, "Tory").unwrap()),
            "actor:conservative-party".into()
        );
        assert_eq!(
            id(resolve(&g, "levelling-up").unwrap()),
            "policy:levelling-up".into()
        );
        assert_eq!(
            id(resolve(&g, "Levelling Up").unwrap()),
            "policy:levelling-up".into()
        );
        assert_eq!(
            id(resolve(&g, "article:2020-09-alpha-towns").unwrap()),
            "article:2020-09-alpha-towns".into()
        );
        assert_eq!(
            id(resolve(&g, "Towns first").unwrap()),
            "article:2020-09-alpha-towns".into()
        );
    }

    #[test]
    fn a_miss_suggests_the_closest() {
        let g = mini();
        let e = resolve(&g, "Rachel Reves").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no node 'Rachel Reves'; did you mean actor:rachel-reeves (Rachel Reeves)?"
        );
        match resolve(&g, "securonomix").unwrap_err() {
            QueryError::UnknownNode { suggestions, .. } => {
                assert_eq!(suggestions[0].id, "policy:securonomics".into())
            }
            e => panic!("{e}"),
        }
    }

    #[test]
    fn ambiguous_lists_candidates_with_kinds() {
        let mut g = mini();
        // A second node named like an alias of another.
        let i = g.find("event:general-election-2024").unwrap();
        g.graph[i].label = "Labour".into();
        assert_eq!(
            g.node(resolve(&g, "labour").unwrap()).id,
            "event:general-election-2024".into(),
            "a name beats an alias"
        );
        let j = g.find("actor:labour-party").unwrap();
        g.graph[j].label = "Labour".into();
        let e = resolve(&g, "labour").unwrap_err();
        assert_eq!(
            e.to_string(),
            "'labour' is ambiguous: it could be actor:labour-party (Labour, actor), event:general-election-2024 (Labour, event); give the id instead"
        );
        assert_eq!(
            g.node(resolve_as(&g, "labour", &[NodeKind::Event]).unwrap())
                .id,
            "event:general-election-2024".into()
        );
    }

    #[test]
    fn wrong_kind_is_refused() {
        let g = mini();
        let e = resolve_kind(&g, "Rachel Reeves", NodeKind::Policy).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("actor:rachel-reeves is an actor, not a policy"),
            "{e}"
        );
        assert!(resolve_kind(&g, "securonomics", NodeKind::Policy).is_ok());
    }
}
