//! Validating one article: its title and date, its authors, outlet and events, its
//! candidate entries, its claims (speaker, policies and stances, links to other
//! claims) and its relations; the valid parts become the corpus' records.

use std::collections::BTreeSet;

use toml::Spanned;

use levelmap_model::date::PartialDate;
use levelmap_model::{
    kind_of_id, Article, ArticleDate, Claim, ClaimKind, DateProvenance, EdgeKind, Entity, Evidence,
    NodeKind, Relation, Stance,
};

use crate::raw::{RawArticleHead, RawClaim, RawRelation, S};
use crate::reader::{PendingArticle, Reader};
use crate::ReadError;

impl Reader {
    /// Validate one article, in the order its parts are recorded.
    pub(crate) fn validate_article(&mut self, stem: &str, mut a: PendingArticle) {
        let src = a.src;
        let Some(h) = &a.records.head else { return };
        self.non_empty(src, "title", &h.title);
        let art_id = Spanned::new(h.title.span(), levelmap_model::article_node_id(stem));
        let (value, provenance) = self.article_date(src, stem, h);
        let o = self.origin(src, h.extracted, &h.confidence);
        self.article_edges(src, stem, &art_id, &a, h);
        self.candidates(src, stem, &a);
        for c in &a.records.claim {
            self.claim(src, stem, c);
        }
        for r in &a.records.relation {
            self.relation(src, stem, r);
        }
        if let (Some(value), Some(provenance)) = (value, provenance) {
            let d = h.date.get_ref();
            self.corpus.articles.insert(
                stem.to_string(),
                Article {
                    id: stem.to_string(),
                    title: h.title.get_ref().clone(),
                    url: h.url.clone(),
                    date: ArticleDate {
                        value,
                        provenance,
                        evidence: d.evidence.as_ref().map(|e| e.get_ref().clone()),
                        reasoning: d.reasoning.clone(),
                    },
                    text: std::mem::take(&mut a.text),
                    text_path: a.text_path.display().to_string(),
                    origin: o,
                },
            );
        }
    }

    /// The date's value and provenance; an inferred date needs its reasoning and the
    /// sentence it rests on.
    fn article_date(
        &mut self,
        src: usize,
        stem: &str,
        h: &RawArticleHead,
    ) -> (Option<PartialDate>, Option<DateProvenance>) {
        let d = h.date.get_ref();
        let value = self.parse_date_of(src, &d.value, true);
        let provenance = self.parse_enum(
            src,
            "date provenance",
            &d.provenance,
            DateProvenance::parse,
            DateProvenance::names(),
        );
        if let Some(ev) = &d.evidence {
            self.check_quote(src, stem, ev);
        }
        if let Some(c) = &d.confidence {
            let placeholder = self.confidence(src, c) == Some(0.0) && d.extracted;
            if let (true, Some(v)) = (placeholder, value) {
                let loc = self.loc(src, d.value.span().start);
                self.diags.push(crate::Diagnostic::warning(
                    loc,
                    ReadError::PlaceholderDate {
                        date: v.to_string(),
                    },
                ));
            }
        }
        if provenance == Some(DateProvenance::Inferred) {
            if d.reasoning.as_deref().is_none_or(|r| r.trim().is_empty()) {
                self.err(
                    src,
                    h.date.span().start,
                    ReadError::Invalid {
                        message: "an inferred date needs its reasoning: add reasoning = \"...\""
                            .into(),
                    },
                );
            }
            if d.evidence.is_none() {
                self.err(src, h.date.span().start, ReadError::Invalid { message: "an inferred date needs the sentence it rests on: add evidence = \"...\"".into() });
            }
        }
        (value, provenance)
    }

    /// The article's authors, outlet and the events it refers to.
    fn article_edges(
        &mut self,
        src: usize,
        stem: &str,
        art_id: &S,
        a: &PendingArticle,
        h: &RawArticleHead,
    ) {
        for au in &a.records.author {
            let o = self.origin(src, au.extracted, &au.confidence);
            self.edge(
                src,
                &au.actor,
                EdgeKind::Authored,
                art_id,
                stem,
                &au.quote,
                None,
                None,
                o,
            );
        }
        if let Some(out) = &h.outlet {
            let o = self.origin(src, out.extracted, &out.confidence);
            self.edge(
                src,
                art_id,
                EdgeKind::PublishedBy,
                &out.actor,
                stem,
                &out.quote,
                None,
                None,
                o,
            );
        }
        for r in &a.records.refers_to {
            let o = self.origin(src, r.extracted, &r.confidence);
            self.edge(
                src,
                art_id,
                EdgeKind::RefersTo,
                &r.event,
                stem,
                &r.quote,
                None,
                None,
                o,
            );
        }
    }

    /// Candidate lexicon entries become extracted entities (their quote is checked).
    fn candidates(&mut self, src: usize, stem: &str, a: &PendingArticle) {
        for c in &a.records.candidate {
            self.check_quote(src, stem, &c.quote);
            let o = self.origin(src, true, &c.confidence);
            let node_kind = kind_of_id(c.id.get_ref()).unwrap_or(NodeKind::Actor);
            self.corpus.entities.insert(
                c.id.get_ref().clone(),
                Entity {
                    id: c.id.get_ref().clone(),
                    name: c.name.clone(),
                    node_kind,
                    kind: c.kind.clone().unwrap_or_else(|| "organisation".into()),
                    aliases: c.aliases.clone(),
                    description: Some(format!(
                        "candidate found in {stem}: \"{}\"",
                        c.quote.get_ref()
                    )),
                    date: None,
                    roles: vec![],
                    origin: o,
                },
            );
        }
    }

    /// A claim: its text, quote and kind, its speaker, the policies it is about and
    /// the claims it supports, attacks or echoes; with a quote found, it is recorded.
    fn claim(&mut self, src: usize, stem: &str, c: &RawClaim) {
        let o = self.origin(src, c.extracted, &c.confidence);
        self.non_empty(src, "text", &c.text);
        let quote_ok = self.check_quote(src, stem, &c.quote);
        let kind = match &c.kind {
            Some(k) => self
                .parse_enum(src, "claim kind", k, ClaimKind::parse, ClaimKind::names())
                .unwrap_or(ClaimKind::Evaluation),
            None => ClaimKind::Evaluation,
        };
        // One evidence for the claim and all its edges (their texts shared, not copied).
        let evidence = claim_evidence(stem, c);
        let from_claim = |kind, to: &S, stance| Relation {
            from: c.id.get_ref().clone(),
            kind,
            to: to.get_ref().clone(),
            evidence: evidence.clone(),
            stance,
            note: None,
            origin: o,
        };
        if let Some(sp) = &c.speaker {
            if self.resolve(src, sp, &[NodeKind::Actor]) && quote_ok {
                self.corpus
                    .relations
                    .push(from_claim(EdgeKind::AttributedTo, sp, None));
            }
        }
        self.claim_about(src, c, quote_ok, |to, stance| {
            from_claim(EdgeKind::About, to, stance)
        });
        self.claim_links(src, c, quote_ok, |kind, to| from_claim(kind, to, None));
        if quote_ok {
            self.corpus.claims.insert(
                c.id.get_ref().clone(),
                Claim {
                    id: c.id.get_ref().clone(),
                    text: c.text.get_ref().clone(),
                    evidence: evidence.clone(),
                    kind,
                    speaker: c.speaker.as_ref().map(|s| s.get_ref().clone()),
                    hedged: c.hedged,
                    origin: o,
                },
            );
        }
    }

    /// The policies a claim is about, each once, with its stance.
    fn claim_about(
        &mut self,
        src: usize,
        c: &RawClaim,
        quote_ok: bool,
        about: impl Fn(&S, Option<Stance>) -> Relation,
    ) {
        let mut seen = BTreeSet::new();
        for ab in &c.about {
            let stance = self.parse_enum(src, "stance", &ab.stance, Stance::parse, Stance::names());
            if !seen.insert(ab.policy.get_ref().clone()) {
                self.err(
                    src,
                    ab.policy.span().start,
                    ReadError::Invalid {
                        message: format!("'{}' is listed twice in about", ab.policy.get_ref()),
                    },
                );
                continue;
            }
            if self.resolve(src, &ab.policy, &[NodeKind::Policy]) && quote_ok {
                self.corpus.relations.push(about(&ab.policy, stance));
            }
        }
    }

    /// The claims a claim supports, attacks or echoes (never itself).
    fn claim_links(
        &mut self,
        src: usize,
        c: &RawClaim,
        quote_ok: bool,
        link: impl Fn(EdgeKind, &S) -> Relation,
    ) {
        for (list, kind) in [
            (&c.supports, EdgeKind::Supports),
            (&c.attacks, EdgeKind::Attacks),
            (&c.echoes, EdgeKind::Echoes),
        ] {
            for target in list {
                if target.get_ref() == c.id.get_ref() {
                    self.err(
                        src,
                        target.span().start,
                        ReadError::SelfLoop {
                            kind: NodeKind::Claim.as_str().into(),
                            id: target.get_ref().clone(),
                            edge: kind.as_str().into(),
                        },
                    );
                    continue;
                }
                if self.resolve(src, target, &[NodeKind::Claim]) && quote_ok {
                    self.corpus.relations.push(link(kind, target));
                }
            }
        }
    }

    /// A `[[relation]]`: any edge kind but those written in a claim.
    fn relation(&mut self, src: usize, stem: &str, r: &RawRelation) {
        let Some(kind) = self.parse_enum(
            src,
            "edge kind",
            &r.kind,
            EdgeKind::parse,
            EdgeKind::names(),
        ) else {
            return;
        };
        if matches!(
            kind,
            EdgeKind::Makes | EdgeKind::About | EdgeKind::AttributedTo
        ) {
            self.err(
                src,
                r.kind.span().start,
                ReadError::Invalid {
                    message: format!(
                        "'{kind}' edges are written in a [[claim]], not as a [[relation]]"
                    ),
                },
            );
            return;
        }
        let o = self.origin(src, r.extracted, &r.confidence);
        self.edge(
            src,
            &r.from,
            kind,
            &r.to,
            stem,
            &r.quote,
            None,
            r.note.clone(),
            o,
        );
    }
}

/// A claim's evidence: its quote in its article.
fn claim_evidence(stem: &str, c: &RawClaim) -> Evidence {
    Evidence {
        article: stem.into(),
        quote: c.quote.get_ref().clone().into(),
    }
}

#[cfg(test)]
mod tests {
    use levelmap_model::EdgeKind;

    use crate::testing::{messages, with_article, HEAD};

    fn read(rest: &str) -> crate::Reading {
        with_article(&format!("{HEAD}{rest}")).read()
    }

    #[test]
    fn a_valid_article_with_a_claim() {
        let reading = read(
            "[[author]]\nactor = \"actor:ann\"\nquote = \"Ann\"\n\
             [[claim]]\nid = \"claim:works\"\ntext = \"It works\"\nquote = \"the Towns fund works\"\n\
             speaker = \"actor:ann\"\nabout = [{ policy = \"policy:towns\", stance = \"for\" }]\n",
        );
        assert!(reading.diagnostics.is_empty(), "{:?}", messages(&reading));
        let kinds: Vec<_> = reading.corpus.relations.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [EdgeKind::Authored, EdgeKind::AttributedTo, EdgeKind::About]
        );
        assert!(reading.corpus.claims.contains_key("claim:works"));
        assert!(reading.corpus.articles.contains_key("2021-05-a"));
    }

    #[test]
    fn a_bad_date_drops_the_article() {
        let reading =
            with_article("title = \"A\"\n[date]\nvalue = \"2021-13\"\nprovenance = \"stated\"\n")
                .read();
        assert!(messages(&reading)[0].starts_with("bad date"));
        assert!(reading.corpus.articles.is_empty());
    }

    #[test]
    fn an_inferred_date_needs_reasoning_and_evidence() {
        let reading =
            with_article("title = \"A\"\n[date]\nvalue = \"2021\"\nprovenance = \"inferred\"\n")
                .read();
        let m = messages(&reading);
        assert_eq!(m.len(), 2);
        assert!(m[0].contains("needs its reasoning") && m[1].contains("rests on"));
    }

    #[test]
    fn a_claim_whose_quote_is_not_in_the_article_is_dropped() {
        let reading = read(
            "[[claim]]\nid = \"claim:x\"\ntext = \"t\"\nquote = \"not in the text\"\n\
             about = [{ policy = \"policy:towns\", stance = \"for\" }]\n",
        );
        assert!(messages(&reading)[0].starts_with("quote not found in article '2021-05-a'"));
        assert!(reading.corpus.claims.is_empty());
        assert!(reading.corpus.relations.is_empty());
    }

    #[test]
    fn claim_checks() {
        let reading = read(
            "[[claim]]\nid = \"claim:x\"\ntext = \"t\"\nquote = \"Ann said\"\n\
             supports = [\"claim:x\", \"claim:nope\"]\n\
             about = [{ policy = \"policy:towns\", stance = \"for\" }, \
                      { policy = \"policy:towns\", stance = \"up\" }]\n",
        );
        assert_eq!(
            messages(&reading),
            [
                "claim 'claim:x' has a 'supports' edge to itself",
                "unknown claim id 'claim:nope'",
                "'policy:towns' is listed twice in about",
                "unknown stance 'up': expected one of for | against | mixed | neutral",
            ]
        );
    }

    #[test]
    fn relations_written_in_a_claim_are_refused_as_relations() {
        let reading = read(
            "[[relation]]\nfrom = \"actor:party\"\nkind = \"about\"\nto = \"policy:towns\"\nquote = \"disagreed\"\n\
             [[relation]]\nfrom = \"actor:party\"\nkind = \"criticises\"\nto = \"policy:towns\"\nquote = \"disagreed\"\n",
        );
        assert_eq!(
            messages(&reading),
            ["'about' edges are written in a [[claim]], not as a [[relation]]"]
        );
        assert_eq!(reading.corpus.relations.len(), 1);
    }

    #[test]
    fn a_duplicate_claim_id_is_reported() {
        let reading = read(
            "[[claim]]\nid = \"claim:x\"\ntext = \"t\"\nquote = \"Ann said\"\n\
             [[claim]]\nid = \"claim:x\"\ntext = \"u\"\nquote = \"Ann said\"\n",
        );
        assert!(messages(&reading)[0].starts_with("duplicate id 'claim:x'"));
        assert_eq!(reading.corpus.claims["claim:x"].text, "t");
    }
}
