//! Resolving references once everything is defined: an id to its definition (of the
//! kind expected there), a quote to its place in an article, and an edge to two
//! endpoints of the kinds its kind allows, with its evidence.

use levelmap_model::evidence::{QuoteIndex, QuoteMatch};
use levelmap_model::rules::kind_list;
use levelmap_model::{suggest, EdgeKind, Evidence, NodeKind, Origin, Relation, Stance};

use crate::raw::S;
use crate::reader::{Quotes, Reader};
use crate::ReadError;

impl Reader {
    /// Check that `id` is defined with one of `kinds`; report otherwise.
    pub(crate) fn resolve(&mut self, src: usize, id: &S, kinds: &[NodeKind]) -> bool {
        let raw = id.get_ref();
        match self.defs.get(raw) {
            Some(d) if kinds.contains(&d.kind) => true,
            Some(d) => {
                let kind = d.kind;
                self.err(
                    src,
                    id.span().start,
                    ReadError::BadId {
                        id: raw.clone(),
                        reason: format!(
                            "this is a {kind}, but a {} is expected here",
                            kind_list(kinds)
                        ),
                    },
                );
                false
            }
            None => {
                // In id order, so that suggestions tied in score come in one order.
                let mut defs: Vec<(&String, &crate::reader::Def)> = self
                    .defs
                    .iter()
                    .filter(|(_, d)| kinds.contains(&d.kind))
                    .collect();
                defs.sort_unstable_by(|a, b| a.0.cmp(b.0));
                let candidates = defs.into_iter().flat_map(|(k, d)| {
                    [
                        (k.as_str(), (k.clone(), d.name.clone())),
                        (d.name.as_str(), (k.clone(), d.name.clone())),
                    ]
                });
                let suggestions = suggest::closest(raw, candidates, 3);
                let expected = kind_list(kinds);
                self.err(
                    src,
                    id.span().start,
                    ReadError::UnknownId {
                        id: raw.clone(),
                        expected,
                        suggestions,
                    },
                );
                false
            }
        }
    }

    /// Check that a quote occurs in `article`; report otherwise.
    pub(crate) fn check_quote(&mut self, src: usize, article: &str, quote: &S) -> bool {
        match self.quote_index.get(article) {
            // Looked for when the article was read, and every one found.
            Some(Quotes::AllFound { src: own }) if *own == src => return true,
            // A quote from elsewhere (a lexicon link) in such an article: index it now.
            Some(Quotes::AllFound { .. }) => {
                let text = self.articles.get(article).map(|a| a.text.as_str());
                let text = text.or_else(|| {
                    let a = self.corpus.articles.get(article);
                    a.map(|a| a.text.as_str())
                });
                if let Some(text) = text {
                    let index = Quotes::Index(QuoteIndex::new(text));
                    self.quote_index.insert(article.to_string(), index);
                }
            }
            _ => {}
        }
        let Some(Quotes::Index(idx)) = self.quote_index.get(article) else {
            let suggestions = suggest::closest(
                article,
                self.quote_index.keys().map(|k| (k.as_str(), k.clone())),
                3,
            );
            self.err(
                src,
                quote.span().start,
                ReadError::UnknownArticle {
                    id: article.to_string(),
                    suggestions,
                },
            );
            return false;
        };
        let (closest, case_only) = match idx.find(quote.get_ref()) {
            QuoteMatch::Found => return true,
            QuoteMatch::CaseOnly(p) => (Some(p), true),
            QuoteMatch::Missing(closest) => (closest, false),
        };
        self.err(
            src,
            quote.span().start,
            ReadError::QuoteNotFound {
                article: article.to_string(),
                quote: quote.get_ref().clone(),
                closest,
                case_only,
            },
        );
        false
    }

    /// Validate and push an edge, checking endpoints and evidence.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn edge(
        &mut self,
        src: usize,
        from: &S,
        kind: EdgeKind,
        to: &S,
        article: &str,
        quote: &S,
        stance: Option<Stance>,
        note: Option<String>,
        origin: Origin,
    ) {
        let (allowed_from, allowed_to) = kind.endpoints();
        let ok_from = self.resolve(src, from, NodeKind::ALL);
        let ok_to = self.resolve(src, to, NodeKind::ALL);
        if !(ok_from && ok_to) {
            return;
        }
        let fk = self.defs[from.get_ref()].kind;
        let tk = self.defs[to.get_ref()].kind;
        if !allowed_from.contains(&fk) || !allowed_to.contains(&tk) {
            self.err(
                src,
                from.span().start,
                ReadError::WrongEndpoints {
                    edge: kind.as_str().into(),
                    from: from.get_ref().clone(),
                    from_kind: fk.as_str().into(),
                    to: to.get_ref().clone(),
                    to_kind: tk.as_str().into(),
                    allowed_from: kind_list(allowed_from),
                    allowed_to: kind_list(allowed_to),
                },
            );
            return;
        }
        if from.get_ref() == to.get_ref() {
            self.err(
                src,
                to.span().start,
                ReadError::SelfLoop {
                    kind: fk.as_str().into(),
                    id: to.get_ref().clone(),
                    edge: kind.as_str().into(),
                },
            );
            return;
        }
        if !self.check_quote(src, article, quote) {
            return;
        }
        self.corpus.relations.push(Relation {
            from: from.get_ref().clone(),
            kind,
            to: to.get_ref().clone(),
            evidence: Evidence {
                article: article.into(),
                quote: quote.get_ref().clone().into(),
            },
            stance,
            note,
            origin,
        });
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use levelmap_model::evidence::QuoteIndex;
    use levelmap_model::{EdgeKind, NodeKind, Origin};
    use toml::Spanned;

    use crate::reader::Reader;
    use crate::testing::messages;
    use crate::ReadError;

    fn s(v: &str) -> Spanned<String> {
        Spanned::new(0..v.len(), v.to_string())
    }

    /// A reader with an actor, a policy and one article.
    fn reader() -> (Reader, usize) {
        let mut r = Reader::default();
        let src = r.push_source(Path::new("articles/a.toml"), "x\n".into());
        assert!(r.define(&s("actor:ann"), NodeKind::Actor, "Ann", src));
        assert!(r.define(&s("policy:towns"), NodeKind::Policy, "Towns fund", src));
        r.quote_index.insert(
            "a".into(),
            crate::reader::Quotes::Index(QuoteIndex::new("Ann backs the Towns fund, loudly.")),
        );
        (r, src)
    }

    #[test]
    fn an_unknown_reference_suggests_the_closest_ids() {
        let (mut r, src) = reader();
        assert!(r.resolve(src, &s("actor:ann"), &[NodeKind::Actor]));
        assert!(!r.resolve(src, &s("actor:anne"), &[NodeKind::Actor]));
        let reading = r.finish();
        match &reading.diagnostics[0].error {
            ReadError::UnknownId {
                id,
                expected,
                suggestions,
            } => {
                assert_eq!((id.as_str(), expected.as_str()), ("actor:anne", "actor"));
                assert_eq!(suggestions[0].0, "actor:ann");
            }
            e => panic!("{e}"),
        }
    }

    #[test]
    fn a_reference_of_the_wrong_kind_is_reported() {
        let (mut r, src) = reader();
        assert!(!r.resolve(src, &s("policy:towns"), &[NodeKind::Actor, NodeKind::Event]));
        assert_eq!(
            messages(&r.finish()),
            ["bad id 'policy:towns': this is a policy, but a actor or event is expected here"]
        );
    }

    #[test]
    fn a_quote_not_in_the_article_is_reported() {
        let (mut r, src) = reader();
        assert!(r.check_quote(src, "a", &s("the Towns fund")));
        assert!(!r.check_quote(src, "a", &s("ANN BACKS")));
        assert!(!r.check_quote(src, "a", &s("nothing like it at all")));
        assert!(!r.check_quote(src, "b", &s("Ann")));
        let errors: Vec<_> = r
            .finish()
            .diagnostics
            .into_iter()
            .map(|d| d.error)
            .collect();
        assert!(matches!(
            &errors[0],
            ReadError::QuoteNotFound {
                case_only: true,
                ..
            }
        ));
        assert!(matches!(
            &errors[1],
            ReadError::QuoteNotFound {
                case_only: false,
                ..
            }
        ));
        assert!(matches!(&errors[2], ReadError::UnknownArticle { id, .. } if id == "b"));
    }

    #[test]
    fn an_edge_needs_endpoints_of_its_kinds_and_a_quote() {
        let (mut r, src) = reader();
        let quote = s("backs the Towns fund");
        let edge = |r: &mut Reader, from: &str, kind, to: &str| {
            r.edge(
                src,
                &s(from),
                kind,
                &s(to),
                "a",
                &quote,
                None,
                None,
                Origin::Curated,
            )
        };
        edge(&mut r, "actor:ann", EdgeKind::Proposes, "policy:towns");
        edge(&mut r, "policy:towns", EdgeKind::Proposes, "actor:ann");
        assert_eq!(r.corpus.relations.len(), 1);
        assert_eq!(r.corpus.relations[0].evidence.article, "a".into());
        let errors = messages(&r.finish());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("'proposes' cannot go from policy 'policy:towns'"));
    }
}
